"""LFW View 2 accuracy: our pipeline vs face_recognition's, same pairs, same metrics.

Ours: MTCNN + our alignment + the default model (recognition.run.evaluate).
face_recognition: its HOG detector (upsample 1) + 5-point alignment + dlib ResNet,
i.e. `face_recognition.face_encodings`; the face nearest the image centre is used,
and where HOG finds none the central 250x250-LFW face box is used (counted as no_face).

    python bench/lfw_accuracy.py [--pipelines ours face_recognition] [--json bench/results/lfw.json]
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import numpy as np  # noqa: E402
from tqdm import tqdm  # noqa: E402

from recognition.evaluation import read_pairs, verification_metrics  # noqa: E402
from recognition.imageio import read_image  # noqa: E402

SHARED = REPO.parent / "shared" / "data"
FIGURES = ("accuracy", "accuracy_std", "val_at_far_1e-3", "auc", "eer", "threshold", "no_face", "seconds")


def face_recognition_figures(pairs) -> dict:
    import cv2
    import face_recognition

    paths = sorted({p for pair in pairs for p in (pair.first, pair.second)})
    encodings, no_face, started = {}, 0, time.perf_counter()
    for path in tqdm(paths, desc="face_recognition", unit="img"):
        rgb = cv2.cvtColor(read_image(path), cv2.COLOR_BGR2RGB)
        boxes = face_recognition.face_locations(rgb)           # (top, right, bottom, left)
        if boxes:
            cy, cx = rgb.shape[0] / 2, rgb.shape[1] / 2
            box = min(boxes, key=lambda b: ((b[0] + b[2]) / 2 - cy) ** 2 + ((b[1] + b[3]) / 2 - cx) ** 2)
        else:
            no_face += 1
            box = (70, 180, 180, 70)
        encodings[path] = face_recognition.face_encodings(rgb, [box])[0]
    distances = np.array([np.linalg.norm(encodings[p.first] - encodings[p.second]) for p in pairs])
    figures = verification_metrics(distances, np.array([p.same for p in pairs]), [p.fold for p in pairs])
    figures.update(no_face=no_face, images=len(paths), seconds=round(time.perf_counter() - started, 1),
                   pipeline="face_recognition 1.3.0: HOG (upsample 1) + 5-point chip + dlib ResNet, raw distance")
    return figures


def ours_figures(pairs, min_face_size: int) -> dict:
    from recognition.recognizer import FaceRecognizer
    from recognition.run.evaluate import evaluate

    figures, _, _ = evaluate(FaceRecognizer.load(min_face_size=min_face_size), pairs)
    figures.pop("no_face_images")
    return figures


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--lfw-dir", default=str(SHARED / "lfw" / "images"))
    parser.add_argument("--pairs", default=str(SHARED / "lfw" / "pairs.txt"))
    parser.add_argument("--pipelines", nargs="+", default=["ours", "face_recognition"],
                        choices=["ours", "face_recognition"])
    parser.add_argument("--min-face-size", type=int, default=20)
    parser.add_argument("--folds", type=int, default=None, help="only the first N folds (quick check)")
    parser.add_argument("--json", help="write the figures to this JSON file")
    args = parser.parse_args(argv)
    pairs = read_pairs(args.pairs, args.lfw_dir)
    if args.folds:
        pairs = [p for p in pairs if p.fold < args.folds]
    results = {}
    for name in args.pipelines:
        results[name] = ours_figures(pairs, args.min_face_size) if name == "ours" \
            else face_recognition_figures(pairs)
    print(f"{'':>18}" + "".join(f"{name:>18}" for name in results))
    for key in FIGURES:
        print(f"{key:>18}" + "".join(f"{r[key]:>18.4f}" if isinstance(r[key], float) else f"{r[key]:>18}"
                                     for r in results.values()))
    if args.json:
        Path(args.json).parent.mkdir(parents=True, exist_ok=True)
        Path(args.json).write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
