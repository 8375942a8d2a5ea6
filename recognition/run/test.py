"""Recognize visitors from a camera, video file or RTSP stream as the desk does (the stream
recognizer: tracks, one decision per visit); print fps and each decision.

    python -m recognition.run.test --source 0                       # camera 0
    python -m recognition.run.test --source clip.mp4 --output data/output/clip.avi
    python -m recognition.run.test --source rtsp://host/stream --max-frames 300

Exits with 2 when the source or the gallery cannot be used, with 1 when no frame was read.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

import cv2
from tqdm import tqdm

from recognition import cli
from recognition.draw import draw_faces
from recognition.gallery import LEGACY_GALLERY_FILE, Gallery
from recognition.stream.policy import DEFAULT_FALSE_CHECKIN_RATE
from recognition.video import open_source


def main(argv=None) -> int:
    parser = cli.argument_parser(__doc__)
    parser.add_argument("--source", default="0", help="camera index, video file or stream URL")
    parser.add_argument("--gallery", default=f"data/pictures/{LEGACY_GALLERY_FILE}",
                        help="gallery to match against, read only: an offline one made by "
                             "recognition.run.embeddings, or a desk's face cache (default: %(default)s)")
    parser.add_argument("--model-dir", help="model directory (default: the pretrained dlib port)")
    parser.add_argument("--false-checkin-rate", type=float, default=DEFAULT_FALSE_CHECKIN_RATE,
                        help="share of stranger visits allowed to be taken for someone (default: %(default)s)")
    parser.add_argument("--min-face-size", type=int, default=60)
    parser.add_argument("--output", help="write the annotated video here (e.g. data/output/out.avi)")
    parser.add_argument("--max-frames", type=int, default=0, help="stop after N frames (0: until the end)")
    return cli.run(_main, parser.parse_args(argv))


def _main(args) -> int:
    from recognition.recognizer import FaceRecognizer
    from recognition.stream import StreamPolicy, StreamRecognizer

    policy = StreamPolicy(false_checkin_rate=args.false_checkin_rate)   # a bad value fails before the model loads

    capture = open_source(args.source)          # a missing camera fails before the model loads
    try:
        recognizer = FaceRecognizer.load(args.model_dir, min_face_size=args.min_face_size)
        gallery = Gallery.open(args.gallery, recognizer.spec.fingerprint, recognizer.spec.name)
    except BaseException:
        capture.release()
        raise
    stream = StreamRecognizer(recognizer, gallery, policy)
    writer, frames, started = None, 0, time.perf_counter()
    total = int(capture.get(cv2.CAP_PROP_FRAME_COUNT)) or None
    file_fps = capture.get(cv2.CAP_PROP_FPS) if total else 0       # a file: its own clock
    bar = tqdm(total=args.max_frames or total, unit="frame")
    try:
        while not args.max_frames or frames < args.max_frames:
            ok, frame = capture.read()
            if not ok:
                break
            t = frames / file_fps if file_fps > 0 else time.monotonic()
            for decision in stream.process(frame, t):
                bar.write(f"{t:8.2f} s  track {decision.track_id}: {decision.key or 'unknown'} "
                          f"(distance {decision.distance:.3f}, threshold {decision.threshold:.3f}, "
                          f"{decision.frames} frames)")
            faces = stream.faces
            frames += 1
            bar.update(1)
            bar.set_postfix_str(f"{frames / (time.perf_counter() - started):.1f} fps"[:80])
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
    if not frames:
        raise cli.UserError(f"no frame could be read from {args.source}", cli.EXIT_NOTHING_DONE)
    return 0


if __name__ == "__main__":
    sys.exit(main())
