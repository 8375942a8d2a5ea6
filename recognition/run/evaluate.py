"""Evaluate a model on LFW View 2 (or any LFW-format pairs) through the full pipeline.

Raw images -> MTCNN -> alignment to the model's template -> embedding -> pair
distances -> 10-fold accuracy, VAL@FAR=1e-3, AUC, EER, best threshold.

    python -m recognition.run.evaluate --lfw-dir ../shared/data/lfw/images \
        --pairs ../shared/data/lfw/pairs.txt --json out.json --roc roc.png [--calibrate]

``--open-set-prior DIR`` (a folder per person; not LFW) measures the prior of the desk's operating
point instead (recognition.stream.operating_point.neighbour_tail on 3 photos of each person);
with ``--calibrate`` it is written into model.json as ``open_set_prior``.
"""
from __future__ import annotations

import dataclasses
import json
import logging
import sys
import time
from pathlib import Path

import numpy as np
from tqdm import tqdm

from recognition import cli
from recognition.evaluation import plot_roc, read_pairs, verification_metrics
from recognition.imageio import ImageReadError, read_image
from recognition.models import model_dir as model_dirs

log = logging.getLogger(__name__)


def central_face(faces, image_shape):
    """The face whose box centre is nearest the image centre (LFW's labelled person)."""
    centre = np.array([image_shape[1], image_shape[0]]) / 2
    return min(faces, key=lambda f: np.linalg.norm(
        np.array([(f.box[0] + f.box[2]) / 2, (f.box[1] + f.box[3]) / 2]) - centre))


def detect_central_faces(recognizer, paths, progress: bool = True):
    """MTCNN landmarks of the central face of each image: ({path: (5, 2)}, no_face, unreadable)."""
    landmarks, no_face, unreadable = {}, [], []
    for path in tqdm(paths, desc="detect", unit="img", disable=not progress):
        try:
            image = read_image(path)
        except ImageReadError as exc:
            log.warning("%s", exc)
            unreadable.append(str(path))
            continue
        faces = recognizer.detect(image)
        if faces:
            landmarks[path] = central_face(faces, image.shape).landmarks
        else:
            no_face.append(str(path))
    return landmarks, no_face, unreadable


def cached_detections(recognizer, paths, cache_path, progress: bool = True):
    """``detect_central_faces``, kept in an .npz: detection is model-independent and takes most
    of an evaluation, so models (or alignments) compared on the same pairs detect once.
    The cache is used only if it was made with the same detector settings and images."""
    detector = recognizer.detector
    settings = np.array([detector.min_face_size, *detector.thresholds, detector.scale_factor], np.float64)
    names = np.array([f"{p.parent.name}/{p.name}" for p in map(Path, paths)])   # the same from any cwd
    cache_path = Path(cache_path)
    if cache_path.is_file():
        with np.load(cache_path) as cache:
            if np.array_equal(cache["settings"], settings) and np.array_equal(cache["paths"], names):
                points, state = cache["landmarks"], cache["state"]
                landmarks = {p: points[i] for i, p in enumerate(paths) if state[i] == 0}
                return (landmarks, [str(p) for i, p in enumerate(paths) if state[i] == 1],
                        [str(p) for i, p in enumerate(paths) if state[i] == 2])
        log.info("%s was made with other detector settings or images: detecting again", cache_path)
    landmarks, no_face, unreadable = detect_central_faces(recognizer, paths, progress)
    points = np.stack([landmarks.get(p, np.full((5, 2), np.nan)) for p in paths]).astype(np.float32)
    state = np.array([0 if p in landmarks else 2 if str(p) in unreadable else 1 for p in paths], np.int8)
    cache_path.parent.mkdir(parents=True, exist_ok=True)
    with open(cache_path, "wb") as handle:
        np.savez(handle, settings=settings, paths=names, landmarks=points, state=state)
    return landmarks, no_face, unreadable


def embed_images(recognizer, paths, batch_size: int = 32, progress: bool = True, detections_cache=None):
    """Embed the central face of each image.

    Returns (embeddings (N, D), no_face paths, unreadable paths). An image where
    MTCNN finds no face is aligned with the median landmarks of the images where it
    did (LFW's faces are centred), as FaceNet's LFW evaluation does, and is counted.
    """
    if detections_cache:
        landmarks, no_face, unreadable = cached_detections(recognizer, paths, detections_cache, progress)
    else:
        landmarks, no_face, unreadable = detect_central_faces(recognizer, paths, progress)
    fallback = np.median(np.stack(list(landmarks.values())), axis=0) if landmarks else None
    size, template = recognizer.spec.input_size, np.asarray(recognizer.spec.landmark_template)
    from recognition.align.warp import align_face

    embeddings = np.zeros((len(paths), recognizer.spec.embedding_size), np.float32)
    skipped = set(unreadable)
    order = [i for i, p in enumerate(paths) if str(p) not in skipped and (p in landmarks or fallback is not None)]
    for start in tqdm(range(0, len(order), batch_size), desc="embed", unit="batch", disable=not progress):
        batch = order[start:start + batch_size]
        chips = np.stack([align_face(read_image(paths[i]), landmarks.get(paths[i], fallback), template, size,
                                     recognizer.spec.landmark_weights) for i in batch])
        embeddings[batch] = recognizer.embed_chips(chips)
    return embeddings, no_face, unreadable


def evaluate(recognizer, pairs, batch_size: int = 32, progress: bool = True, detections_cache=None):
    """Figures (dict) and the pair distances / labels for the ROC."""
    paths = sorted({p for pair in pairs for p in (pair.first, pair.second)})
    index = {p: i for i, p in enumerate(paths)}
    started = time.perf_counter()
    embeddings, no_face, unreadable = embed_images(recognizer, paths, batch_size, progress, detections_cache)
    if unreadable:
        raise ImageReadError(f"{len(unreadable)} pair images could not be read, e.g. {unreadable[0]}")
    first = embeddings[[index[p.first] for p in pairs]]
    second = embeddings[[index[p.second] for p in pairs]]
    distances = np.linalg.norm(first - second, axis=1)
    same = np.array([p.same for p in pairs])
    figures = verification_metrics(distances, same, [p.fold for p in pairs])
    figures.update(model=recognizer.spec.name, images=len(paths), no_face=len(no_face),
                   no_face_images=no_face, seconds=round(time.perf_counter() - started, 1),
                   pipeline="MTCNN (min face %d) + similarity alignment + %s" % (
                       recognizer.detector.min_face_size, recognizer.spec.name))
    return figures, distances, same


def calibrate(model_dir, figures) -> model_dirs.ModelSpec:
    """Store the best threshold and the figures it was measured at in model.json."""
    spec = model_dirs.read_spec(model_dir)
    kept = {k: v for k, v in figures.items() if k != "no_face_images"}
    prior = {"open_set_prior": spec.evaluation["open_set_prior"]} if "open_set_prior" in spec.evaluation else {}
    spec = dataclasses.replace(spec, threshold=figures["threshold"],
                               evaluation={**kept, **prior, "calibrated": True})
    model_dirs.write_spec(model_dir, spec)
    return spec


def open_set_prior(recognizer, folder, photos_per_person: int = 3, neighbours: int = 5,
                   progress: bool = True) -> dict:
    """The operating point's prior measured on a folder-per-person data set (see the module doc):
    the first ``photos_per_person`` photos of each person in which a face is found."""
    from recognition.photos import IMAGE_SUFFIXES, embed_photos
    from recognition.stream.operating_point import neighbour_tail
    from recognition.stream.templates import Templates

    people = sorted(p for p in Path(folder).iterdir() if p.is_dir())
    rows, owners = [], []
    for person in tqdm(people, desc="embed", unit="person", disable=not progress):
        photos = sorted(p for p in person.iterdir() if p.suffix.lower() in IMAGE_SUFFIXES)
        found = []
        for start in range(0, len(photos), photos_per_person):      # the first photos with a face
            found += [r.embedding for r in embed_photos(recognizer, photos[start:start + photos_per_person])
                      if r.embedding is not None]
            if len(found) >= photos_per_person:
                break
        found = found[:photos_per_person]
        if len(found) == photos_per_person:
            rows += found
            owners += [person.name] * len(found)
    if len(set(owners)) <= neighbours:
        raise cli.UserError(f"{folder}: {len(set(owners))} people with {photos_per_person} usable photos; "
                            f"the prior needs more than {neighbours}")
    tail = neighbour_tail(Templates.from_arrays(np.stack(rows), np.asarray(owners, dtype=object)), neighbours)
    return {"mean": round(tail.mean, 4), "std": round(tail.std, 4), "neighbours": neighbours,
            "measured_on": f"{Path(folder).name}, {len(set(owners))} identities x {photos_per_person} photos"}


def calibrate_prior(model_dir, prior: dict) -> model_dirs.ModelSpec:
    spec = model_dirs.read_spec(model_dir)
    spec = dataclasses.replace(spec, evaluation={**spec.evaluation, "open_set_prior": prior})
    model_dirs.write_spec(model_dir, spec)
    return spec


def main(argv=None) -> int:
    parser = cli.argument_parser(__doc__)
    parser.add_argument("--lfw-dir", help="folder of <name>/<name>_NNNN.jpg images")
    parser.add_argument("--pairs", help="LFW-format pairs file (e.g. pairs.txt, View 2)")
    parser.add_argument("--open-set-prior", metavar="DIR",
                        help="measure the operating point's prior on this folder of person folders instead")
    parser.add_argument("--model-dir", help="model directory (default: the pretrained dlib port)")
    parser.add_argument("--min-face-size", type=int, default=20, help="MTCNN minimum face size (px)")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--folds", type=int, default=None, help="evaluate only the first N folds (quick check)")
    parser.add_argument("--detections-cache", metavar="NPZ",
                        help="keep MTCNN's landmarks of the pair images here and reuse them in later runs "
                             "with the same detector settings (comparing models: detect once)")
    parser.add_argument("--json", help="write the figures to this JSON file")
    parser.add_argument("--roc", help="write the ROC curve to this PNG")
    parser.add_argument("--calibrate", action="store_true",
                        help="write the best threshold and these figures into the model directory")
    return cli.run(_main, parser.parse_args(argv))


def _main(args) -> int:
    from recognition.recognizer import FaceRecognizer

    if args.open_set_prior:
        return _prior(args)
    if not (args.lfw_dir and args.pairs):
        raise cli.UserError("give --lfw-dir and --pairs (or --open-set-prior DIR)")
    if not Path(args.lfw_dir).is_dir():
        raise cli.UserError(f"{args.lfw_dir}: no such folder")
    with cli.user_errors(ValueError):           # a malformed pairs file
        pairs = read_pairs(args.pairs, args.lfw_dir)
    if args.folds:
        pairs = [p for p in pairs if p.fold < args.folds]
    recognizer = FaceRecognizer.load(args.model_dir, min_face_size=args.min_face_size)
    figures, distances, same = evaluate(recognizer, pairs, args.batch_size,
                                       detections_cache=args.detections_cache)
    for key in ("accuracy", "accuracy_std", "val_at_far_1e-3", "auc", "eer", "threshold", "pairs", "no_face"):
        print(f"{key:>18}: {figures[key]:.4f}" if isinstance(figures[key], float) else
              f"{key:>18}: {figures[key]}")
    if args.json:
        Path(args.json).parent.mkdir(parents=True, exist_ok=True)
        Path(args.json).write_text(json.dumps(figures, indent=2), encoding="utf-8")
    if args.roc:
        plot_roc(distances, same, args.roc, label=f"{recognizer.spec.name} (AUC {figures['auc']:.4f})")
    if args.calibrate:
        spec = calibrate(recognizer.model_path, figures)
        print(f"calibrated threshold {spec.threshold:.4f} written to {recognizer.model_path}")
    return 0


def _prior(args) -> int:
    from recognition.recognizer import FaceRecognizer

    if not Path(args.open_set_prior).is_dir():
        raise cli.UserError(f"{args.open_set_prior}: no such folder")
    recognizer = FaceRecognizer.load(args.model_dir, min_face_size=args.min_face_size)
    prior = open_set_prior(recognizer, args.open_set_prior)
    print(json.dumps(prior, ensure_ascii=False))
    if args.json:
        Path(args.json).parent.mkdir(parents=True, exist_ok=True)
        Path(args.json).write_text(json.dumps(prior, indent=2, ensure_ascii=False), encoding="utf-8")
    if args.calibrate:
        calibrate_prior(recognizer.model_path, prior)
        print(f"open-set prior written to {recognizer.model_path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
