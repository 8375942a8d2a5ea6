"""Embedding people's photos from files (enrollment from a folder or a file dialog)."""
from __future__ import annotations

import dataclasses
from pathlib import Path

import cv2
import numpy as np

from recognition.imageio import ImageReadError, as_bgr, read_image

IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".bmp", ".webp", ".tif", ".tiff"}


class NoFaceError(ValueError):
    """No face was found in an image."""


@dataclasses.dataclass
class PhotoResult:
    path: Path
    embedding: np.ndarray | None = None
    error: str | None = None     # why the photo was not used
    box: tuple | None = None     # the embedded face in the photo (x1, y1, x2, y2), its detector
    score: float | None = None   # score and 5 landmarks: what a stored sample keeps of it
    landmarks: np.ndarray | None = None


#: Photos are searched for faces on a square canvas of this side (scaled down to fit, padded):
#: the detector is traced once per frame size, so photos of many sizes would each pay a
#: trace of seconds; on one canvas only the first photo does.
PHOTO_CANVAS = 1024


def detect_on_canvas(recognizer, image: np.ndarray, canvas: int = PHOTO_CANVAS):
    """Faces of ``image`` (largest first) in its own coordinates, found on the fixed canvas."""
    height, width = image.shape[:2]
    scale = min(1.0, canvas / max(height, width))
    board = np.zeros((canvas, canvas, 3), np.uint8)
    small = image if scale == 1.0 else cv2.resize(image, (max(1, round(width * scale)),
                                                          max(1, round(height * scale))),
                                                  interpolation=cv2.INTER_AREA)
    board[:small.shape[0], :small.shape[1]] = small
    faces = recognizer.detect(board)
    for face in faces:
        face.box = tuple(float(v) / scale for v in face.box)
        face.landmarks = np.asarray(face.landmarks, np.float64) / scale
    return faces


def embed_photo(recognizer, path) -> np.ndarray:
    """Embedding of the largest face in an image file; ImageReadError / NoFaceError otherwise.

    The chip is cut from the full-resolution photo."""
    return embed_largest_face(recognizer, path).embedding


def embed_largest_face(recognizer, path):
    """The largest face of an image file (a Face with box, score, landmarks and embedding)."""
    image = as_bgr(read_image(path))
    faces = detect_on_canvas(recognizer, image)
    if not faces:
        raise NoFaceError(f"{path}: no face found")
    largest = recognizer.align(image, faces[:1])[0]
    largest.embedding = recognizer.embed_chips(largest.chip[None])[0]
    return largest


def embed_photos(recognizer, paths) -> list[PhotoResult]:
    """Embed each file; unreadable and faceless files are reported, not fatal."""
    results = []
    for path in paths:
        try:
            face = embed_largest_face(recognizer, path)
            results.append(PhotoResult(Path(path), embedding=face.embedding, box=tuple(face.box),
                                       score=face.score, landmarks=face.landmarks))
        except (ImageReadError, NoFaceError) as exc:
            results.append(PhotoResult(Path(path), error=str(exc)))
    return results


def pictures_by_person(pictures_dir) -> dict[str, list[Path]]:
    """People in a pictures folder: a subfolder per person, or a file per person (its stem).

    Files that are not images by their suffix are skipped here (and listed by the CLI).
    """
    pictures_dir = Path(pictures_dir)
    if not pictures_dir.is_dir():
        raise FileNotFoundError(f"{pictures_dir}: no such folder")
    people: dict[str, list[Path]] = {}
    for entry in sorted(pictures_dir.iterdir()):
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            files = sorted(p for p in entry.iterdir() if p.is_file() and not p.name.startswith("."))
            if files:
                people.setdefault(entry.name, []).extend(files)
        elif entry.suffix.lower() in IMAGE_SUFFIXES:
            people.setdefault(entry.stem, []).append(entry)
    return people
