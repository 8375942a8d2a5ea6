"""Enrollment photos on disk: ``<pictures dir>/<person number>/*.jpg`` beside the gallery.

Keeping the photos lets ``python -m recognition.run.embeddings --rebuild`` re-embed
everyone when the model changes. A person number that is not a safe folder name
(path separators, leading dot) gets no folder; the gallery and database still work.
"""
from __future__ import annotations

import logging
import re
import shutil
import time
from pathlib import Path

import numpy as np

from recognition.imageio import write_image

log = logging.getLogger(__name__)

_SAFE = re.compile(r"[\w\-. ]+")


def person_folder(pictures_dir, person_number: str) -> Path | None:
    name = str(person_number).strip()
    if not name or name.startswith(".") or not _SAFE.fullmatch(name):
        return None
    return Path(pictures_dir) / name


def face_crop(frame_bgr: np.ndarray, box, margin: float = 0.3) -> np.ndarray:
    """The face box grown by ``margin`` on each side, clipped to the frame."""
    h, w = frame_bgr.shape[:2]
    x1, y1, x2, y2 = box
    mx, my = (x2 - x1) * margin, (y2 - y1) * margin
    left, top = max(0, int(x1 - mx)), max(0, int(y1 - my))
    right, bottom = min(w, int(np.ceil(x2 + mx))), min(h, int(np.ceil(y2 + my)))
    if right <= left or bottom <= top:
        raise ValueError(f"face box {box} lies outside the {w}x{h} frame")
    return np.ascontiguousarray(frame_bgr[top:bottom, left:right])


def save_samples(pictures_dir, person_number: str, images) -> list[Path]:
    """Write BGR images as JPEGs into the person's folder; returns the files written."""
    folder = person_folder(pictures_dir, person_number)
    if folder is None:
        return []
    folder.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    written = []
    for i, image in enumerate(images):
        path = folder / f"enroll-{stamp}-{i + 1}.jpg"
        write_image(path, image)
        written.append(path)
    return written


def copy_photos(pictures_dir, person_number: str, paths) -> list[Path]:
    folder = person_folder(pictures_dir, person_number)
    if folder is None:
        return []
    folder.mkdir(parents=True, exist_ok=True)
    copied = []
    for path in map(Path, paths):
        target = folder / path.name
        n = 1
        while target.exists():
            target = folder / f"{path.stem}-{n}{path.suffix}"
            n += 1
        shutil.copy2(path, target)
        copied.append(target)
    return copied


def rename_folder(pictures_dir, old_number: str, new_number: str) -> None:
    old, new = person_folder(pictures_dir, old_number), person_folder(pictures_dir, new_number)
    if old is None or new is None or old == new or not old.is_dir():
        return
    if new.exists():
        log.warning("not renaming %s: %s exists", old, new)
        return
    old.rename(new)


def remove_folder(pictures_dir, person_number: str) -> None:
    folder = person_folder(pictures_dir, person_number)
    if folder is not None and folder.is_dir():
        shutil.rmtree(folder)
