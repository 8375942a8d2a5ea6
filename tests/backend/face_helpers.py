"""Helpers of the face store tests: desks (a Backend + a real Gallery cache + FaceSync) and what a
desk's gallery should hold according to the store."""
from __future__ import annotations

import shutil

import numpy as np

from backend.face_store import FaceModel, NewSample
from backend.face_sync import FaceSync, cache_path
from recognition.gallery import Gallery

MODEL = FaceModel("c" * 64, "test model")


def unit(seed: int, n: int = 3, d: int = 128) -> np.ndarray:
    v = np.random.default_rng(seed).normal(size=(n, d)).astype(np.float32)
    return v / np.linalg.norm(v, axis=1, keepdims=True)


def samples(seed: int, n: int = 3, d: int = 128) -> list[NewSample]:
    return [NewSample(image=f"jpeg {seed} {i}".encode(), embedding=e, detector_score=0.99, face_size=100.0)
            for i, e in enumerate(unit(seed, n, d))]


class Desk:
    """One desk: its own database connection, its gallery cache file and its FaceSync."""

    def __init__(self, backend, folder, model: FaceModel = MODEL, **sync_options):
        self.backend = backend
        self.folder = folder
        self.model = model
        self.path = cache_path(folder, model.fingerprint)
        self.gallery = Gallery.open(self.path, model.fingerprint, model.name)
        self.sync = FaceSync(self.gallery, model, **sync_options)

    def poll(self):
        return self.sync.poll(self.backend)

    def restart(self, backend=None, **sync_options) -> "Desk":
        """The desk process starts again from its cache file."""
        return Desk(backend or self.backend, self.folder, self.model, **sync_options)

    def contents(self) -> dict[str, np.ndarray]:
        return gallery_contents(self.gallery)


def gallery_contents(gallery) -> dict[str, np.ndarray]:
    return {key: _sorted(gallery.embeddings_of(key)) for key in gallery.ids}


def store_contents(backend, model: FaceModel = MODEL) -> dict[str, np.ndarray]:
    """What a desk on ``model`` should hold: every active person's embeddings, by person number."""
    rows: dict[str, list] = {}
    for page in backend.faces.iter_model(model.fingerprint):
        for number, e in zip(page.person_numbers, page.embeddings):
            rows.setdefault(number, []).append(e)
    return {k: _sorted(np.stack(v)) for k, v in rows.items()}


def _sorted(rows: np.ndarray) -> np.ndarray:
    rows = np.round(np.asarray(rows, np.float32), 5)
    return rows[np.lexsort(rows.T[::-1])] if len(rows) else rows


def same(a: dict, b: dict) -> bool:
    return a.keys() == b.keys() and all(a[k].shape == b[k].shape and np.allclose(a[k], b[k], atol=1e-4)
                                        for k in a)


class SaveBlocked:
    """Make Gallery.save fail for real: its folder is replaced by a plain file."""

    def __init__(self, path):
        self.folder = path.parent
        self.moved = self.folder.with_name(self.folder.name + ".moved")

    def __enter__(self):
        if self.folder.exists():
            shutil.move(self.folder, self.moved)
        self.folder.write_text("not a folder")
        return self

    def __exit__(self, *exc):
        self.folder.unlink()
        if self.moved.exists():
            shutil.move(self.moved, self.folder)
