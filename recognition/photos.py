"""Embedding people's photos from files (enrollment from a folder or a file dialog)."""
from __future__ import annotations

import dataclasses
from pathlib import Path

import numpy as np

from recognition.imageio import ImageReadError, read_image

IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".bmp", ".webp", ".tif", ".tiff"}


class NoFaceError(ValueError):
    """No face was found in an image."""


@dataclasses.dataclass
class PhotoResult:
    path: Path
    embedding: np.ndarray | None = None
    error: str | None = None     # why the photo was not used


def embed_photo(recognizer, path) -> np.ndarray:
    """Embedding of the largest face in an image file; ImageReadError / NoFaceError otherwise."""
    faces = recognizer.embed(read_image(path))
    if not faces:
        raise NoFaceError(f"{path}: no face found")
    return faces[0].embedding


def embed_photos(recognizer, paths) -> list[PhotoResult]:
    """Embed each file; unreadable and faceless files are reported, not fatal."""
    results = []
    for path in paths:
        try:
            results.append(PhotoResult(Path(path), embedding=embed_photo(recognizer, path)))
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
