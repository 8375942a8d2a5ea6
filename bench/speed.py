"""Whole-frame latency: our pipeline vs face_recognition (HOG detect + encode), same frames.

Frames are 640x480, made from ../shared/data: one-face frames (an LFW image of a
different person each, on a grey background) and several-face frames (the
samples' multiface.jpg scaled into 640x480). Ours = MTCNN + alignment + embedding
+ match against a gallery; face_recognition = face_locations (HOG, its default)
+ face_encodings.

    python bench/speed.py [--frames 30] [--json bench/results/speed.json]
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import cv2  # noqa: E402
import numpy as np  # noqa: E402

from recognition.imageio import read_image  # noqa: E402

SHARED = REPO.parent / "shared" / "data"


def one_face_frames(count: int) -> list[np.ndarray]:
    people = sorted(p for p in (SHARED / "lfw" / "images").iterdir() if p.is_dir())[:count * 3:3]
    frames = []
    for person in people:
        image = read_image(sorted(person.iterdir())[0])
        frame = np.full((480, 640, 3), 127, np.uint8)
        frame[115:365, 195:445] = image
        frames.append(frame)
    return frames


def multi_face_frame() -> np.ndarray:
    image = read_image(SHARED / "samples" / "multiface.jpg")
    scale = 640 / image.shape[1]
    resized = cv2.resize(image, (640, round(image.shape[0] * scale)), interpolation=cv2.INTER_AREA)
    frame = np.full((480, 640, 3), 127, np.uint8)
    top = (480 - resized.shape[0]) // 2
    frame[top:top + resized.shape[0]] = resized
    return frame


def time_each(function, frames, warmup: int = 3) -> tuple[list[float], list[int]]:
    for frame in frames[:warmup]:
        function(frame)
    times, counts = [], []
    for frame in frames:
        started = time.perf_counter()
        found = function(frame)
        times.append((time.perf_counter() - started) * 1000)
        counts.append(len(found))
    return times, counts


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--frames", type=int, default=30, help="one-face frames (different people)")
    parser.add_argument("--multi-repeats", type=int, default=10, help="timed runs of the multi-face frame")
    parser.add_argument("--min-face-size", type=int, default=60)
    parser.add_argument("--gallery-size", type=int, default=1000, help="random enrolled embeddings to match")
    parser.add_argument("--json", help="write the figures to this JSON file")
    args = parser.parse_args(argv)

    import face_recognition
    from recognition.gallery import Gallery
    from recognition.recognizer import FaceRecognizer

    recognizer = FaceRecognizer.load(min_face_size=args.min_face_size)
    gallery = Gallery.open(Path(tempfile.mkdtemp()) / "bench.h5", recognizer.spec.fingerprint)  # in memory
    random = np.random.default_rng(0).normal(size=(args.gallery_size, recognizer.spec.embedding_size))
    for i, row in enumerate(random):
        gallery.add(f"person{i}", row)

    def ours(frame):
        return recognizer.identify(frame, gallery)

    def theirs(frame):
        rgb = cv2.cvtColor(frame, cv2.COLOR_BGR2RGB)
        return face_recognition.face_encodings(rgb, face_recognition.face_locations(rgb))

    one = one_face_frames(args.frames)
    multi = [multi_face_frame()] * args.multi_repeats
    figures = {"machine": f"{platform.machine()} {os.cpu_count()} cores", "frame": "640x480",
               "min_face_size": args.min_face_size, "model": recognizer.spec.name,
               "gallery_embeddings": args.gallery_size}
    for label, frames in (("", one), ("multi_", multi)):
        ours_ms, ours_found = time_each(ours, frames)
        theirs_ms, theirs_found = time_each(theirs, frames)
        figures.update({
            f"{label}frames": len(frames),
            f"{label}ours_ms_median": statistics.median(ours_ms),
            f"{label}face_recognition_ms_median": statistics.median(theirs_ms),
            f"{label}speedup": statistics.median(theirs_ms) / statistics.median(ours_ms),
            f"{label}ours_faces_per_frame": statistics.mean(ours_found),
            f"{label}face_recognition_faces_per_frame": statistics.mean(theirs_found),
        })
    for key, value in figures.items():
        print(f"{key:>38}: {value:.2f}" if isinstance(value, float) else f"{key:>38}: {value}")
    if args.json:
        Path(args.json).parent.mkdir(parents=True, exist_ok=True)
        Path(args.json).write_text(json.dumps(figures, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
