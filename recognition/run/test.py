"""Recognize faces from a camera, video file or RTSP stream; print fps and who is seen.

    python -m recognition.run.test --source 0                       # camera 0
    python -m recognition.run.test --source clip.mp4 --output data/output/clip.avi
    python -m recognition.run.test --source rtsp://host/stream --max-frames 300
"""
from __future__ import annotations

import argparse
import logging
import sys
import time
from pathlib import Path

import cv2
from tqdm import tqdm

from recognition.draw import draw_faces
from recognition.gallery import Gallery
from recognition.video import SourceError, open_source


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--source", default="0", help="camera index, video file or stream URL")
    parser.add_argument("--gallery", default="data/pictures/embeddings.h5")
    parser.add_argument("--model-dir", help="model directory (default: the pretrained dlib port)")
    parser.add_argument("--threshold", type=float, help="default: the model's calibrated threshold")
    parser.add_argument("--min-face-size", type=int, default=60)
    parser.add_argument("--output", help="write the annotated video here (e.g. data/output/out.avi)")
    parser.add_argument("--max-frames", type=int, default=0, help="stop after N frames (0: until the end)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")
    from recognition.recognizer import FaceRecognizer

    try:
        capture = open_source(args.source)
    except SourceError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    recognizer = FaceRecognizer.load(args.model_dir, min_face_size=args.min_face_size)
    gallery = Gallery.open(args.gallery, recognizer.spec.fingerprint, recognizer.spec.name)
    writer, frames, started = None, 0, time.perf_counter()
    total = int(capture.get(cv2.CAP_PROP_FRAME_COUNT)) or None
    bar = tqdm(total=args.max_frames or total, unit="frame")
    try:
        while not args.max_frames or frames < args.max_frames:
            ok, frame = capture.read()
            if not ok:
                break
            faces = recognizer.identify(frame, gallery, args.threshold)
            frames += 1
            bar.update(1)
            seen = ", ".join(f"{f.person_id or 'unknown'} ({f.distance:.2f})" for f in faces)
            bar.set_postfix_str(f"{frames / (time.perf_counter() - started):.1f} fps {seen}"[:80])
            if args.output:
                if writer is None:
                    Path(args.output).parent.mkdir(parents=True, exist_ok=True)
                    fps = capture.get(cv2.CAP_PROP_FPS) or 25
                    writer = cv2.VideoWriter(args.output, cv2.VideoWriter_fourcc(*"MJPG"), fps,
                                             (frame.shape[1], frame.shape[0]))
                writer.write(draw_faces(frame, faces))
    except KeyboardInterrupt:
        pass
    finally:
        bar.close()
        capture.release()
        if writer is not None:
            writer.release()
    elapsed = time.perf_counter() - started
    print(f"{frames} frames in {elapsed:.1f} s: {frames / max(elapsed, 1e-9):.1f} fps")
    return 0


if __name__ == "__main__":
    sys.exit(main())
