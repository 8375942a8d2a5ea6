"""HDF5 gallery of enrolled people and open-set matching against it.

File layout (``data/pictures/embeddings.h5`` by default):

* ``embeddings``: float32 (N, D), L2-normalised, several rows per person;
* ``person_ids``: UTF-8 strings (N,), the person of each row;
* attributes ``fingerprint`` (sha256 of the model's weights), ``model_name``, ``format``;
* ``meta_json`` (optional): a JSON object the owner keeps with the embeddings, saved in the same
  atomic write (a desk's face cache keeps its sync state there: the last change id it applied
  and which database person each key belongs to).

A gallery only makes sense with the model that embedded it, so opening it with
another model's fingerprint raises :class:`GalleryModelMismatch`.
"""
from __future__ import annotations

import copy
import dataclasses
import json
import os
import tempfile
from pathlib import Path

import h5py
import numpy as np

FORMAT_VERSION = 1
_STR = h5py.string_dtype("utf-8")


class GalleryError(RuntimeError):
    """The gallery file is unreadable or an operation on it is invalid."""


class GalleryModelMismatch(GalleryError):
    """The gallery was embedded with another model than the one in use."""


@dataclasses.dataclass(frozen=True)
class Match:
    person_id: str | None   # None: nobody within the threshold (an unknown face)
    distance: float         # Euclidean distance to the nearest enrolled embedding (inf if empty)
    nearest_id: str | None = None  # the nearest person even when beyond the threshold


class Gallery:
    def __init__(self, path, embeddings: np.ndarray, person_ids: list[str], fingerprint: str,
                 model_name: str = ""):
        self.path = Path(path)
        self.fingerprint = fingerprint
        self.model_name = model_name
        # the arrays are replaced, never changed in place: a shallow copy is a snapshot
        self._embeddings = np.ascontiguousarray(embeddings, np.float32)
        self._person_ids = np.asarray(person_ids, dtype=object)
        #: JSON-serialisable data saved with the embeddings (see the module docstring); replace
        #: it (or its values) rather than changing it in place, as with the arrays
        self.meta: dict = {}

    # -- persistence ---------------------------------------------------------------
    @classmethod
    def open(cls, path, fingerprint: str | None = None, model_name: str = "") -> "Gallery":
        """Open ``path``, or start an empty gallery there if the file does not exist.

        With ``fingerprint`` given, a non-empty gallery embedded by another model
        is refused with :class:`GalleryModelMismatch`.
        """
        path = Path(path)
        if not path.exists():
            return cls(path, np.empty((0, 0), np.float32), [], fingerprint or "", model_name)
        try:
            with h5py.File(path, "r") as f:
                embeddings = f["embeddings"][()].astype(np.float32)
                person_ids = [s.decode("utf-8") if isinstance(s, bytes) else str(s)
                              for s in f["person_ids"][()]]
                stored = str(f.attrs.get("fingerprint", ""))
                stored_name = str(f.attrs.get("model_name", ""))
                meta = _read_meta(f)
        except (OSError, KeyError, ValueError) as exc:
            raise GalleryError(f"{path}: not a readable gallery file ({exc})") from exc
        if fingerprint and stored and stored != fingerprint and len(person_ids):
            raise GalleryModelMismatch(
                f"{path} was embedded with another model ({stored_name or stored[:12]}) than the one in "
                f"use ({model_name or fingerprint[:12]}); its embeddings cannot be compared. Re-embed the "
                f"enrolled photos with: python -m recognition.run.embeddings --pictures-dir "
                f"{path.parent} --output {path} --rebuild")
        if fingerprint and stored != fingerprint:
            stored, stored_name, meta = fingerprint, model_name, {}
        gallery = cls(path, embeddings, person_ids, stored, stored_name)
        gallery.meta = meta
        return gallery

    def save(self) -> None:
        """Write the gallery atomically: temp file in the same folder, fsync, rename."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".gallery-", suffix=".h5", dir=self.path.parent)
        os.close(fd)
        try:
            with h5py.File(tmp, "w") as f:
                f.create_dataset("embeddings", data=self._embeddings)
                f.create_dataset("person_ids", data=list(self._person_ids), dtype=_STR)
                f.attrs["fingerprint"] = self.fingerprint
                f.attrs["model_name"] = self.model_name
                f.attrs["format"] = FORMAT_VERSION
                if self.meta:
                    f.create_dataset("meta_json", data=json.dumps(self.meta, ensure_ascii=False),
                                     dtype=_STR)
            with open(tmp, "rb+") as f:
                os.fsync(f.fileno())
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        if hasattr(os, "O_DIRECTORY"):
            dir_fd = os.open(self.path.parent, os.O_DIRECTORY)
            try:
                os.fsync(dir_fd)
            finally:
                os.close(dir_fd)

    # -- contents ------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self.ids)

    @property
    def ids(self) -> list[str]:
        """Enrolled people, in order of enrollment."""
        return list(dict.fromkeys(self._person_ids))

    @property
    def size(self) -> int:
        """Number of stored embeddings."""
        return len(self._person_ids)

    def count(self, person_id: str) -> int:
        return int(np.count_nonzero(self._person_ids == person_id))

    def embeddings_of(self, person_id: str) -> np.ndarray:
        return self._embeddings[self._person_ids == person_id].copy()

    def add(self, person_id: str, embeddings) -> None:
        if not isinstance(person_id, str) or not person_id.strip():
            raise GalleryError(f"person id must be a non-empty string, got {person_id!r}")
        embeddings = np.atleast_2d(np.asarray(embeddings, np.float32))
        if embeddings.size == 0:
            raise GalleryError(f"no embeddings given for {person_id!r}")
        if not np.all(np.isfinite(embeddings)):
            raise GalleryError(f"embeddings for {person_id!r} contain NaN or inf")
        if self.size and embeddings.shape[1] != self._embeddings.shape[1]:
            raise GalleryError(f"embedding size {embeddings.shape[1]} does not match the gallery's "
                               f"{self._embeddings.shape[1]}")
        norms = np.linalg.norm(embeddings, axis=1, keepdims=True)
        embeddings = embeddings / np.maximum(norms, 1e-12)
        stored = self._embeddings if self.size else np.empty((0, embeddings.shape[1]), np.float32)
        self._embeddings = np.ascontiguousarray(np.concatenate([stored, embeddings]))
        self._person_ids = np.concatenate([self._person_ids,
                                           np.asarray([person_id] * len(embeddings), dtype=object)])

    def remove(self, person_id: str) -> int:
        """Forget a person; returns how many embeddings were removed."""
        keep = self._person_ids != person_id
        removed = int(len(keep) - keep.sum())
        if removed:
            self._embeddings = np.ascontiguousarray(self._embeddings[keep])
            self._person_ids = self._person_ids[keep]
        return removed

    def replace_people(self, updates: dict, meta: dict | None = None) -> None:
        """Set several people at once: key -> their new embeddings (n, D), or None to remove them;
        with ``meta``, replace :attr:`meta` in the same step.

        One pass over the stored rows, however many people change (a desk applying a batch of
        changes from the database)."""
        if not updates:
            if meta is not None:
                self.meta = meta
            return
        added_ids, added = [], []
        for person_id, embeddings in updates.items():
            if embeddings is None or np.size(embeddings) == 0:
                continue
            if not isinstance(person_id, str) or not person_id.strip():
                raise GalleryError(f"person id must be a non-empty string, got {person_id!r}")
            rows = np.atleast_2d(np.asarray(embeddings, np.float32))
            if not np.all(np.isfinite(rows)):
                raise GalleryError(f"embeddings for {person_id!r} contain NaN or inf")
            added_ids += [person_id] * len(rows)
            added.append(rows)
        dims = {a.shape[1] for a in added} | ({self._embeddings.shape[1]} if self.size else set())
        if len(dims) > 1:
            raise GalleryError(f"embedding sizes {sorted(dims)} do not match")
        keep = ~np.isin(self._person_ids, np.asarray(list(updates), dtype=object))
        stored = self._embeddings[keep] if self.size else None
        if added:
            new = np.concatenate(added)
            new = new / np.maximum(np.linalg.norm(new, axis=1, keepdims=True), 1e-12)
            stored = new if stored is None or not len(stored) else np.concatenate([stored, new])
        self._embeddings = np.ascontiguousarray(stored if stored is not None
                                                else np.empty((0, 0), np.float32), np.float32)
        self._person_ids = np.concatenate([self._person_ids[keep], np.asarray(added_ids, dtype=object)])
        if meta is not None:
            self.meta = meta

    def reset(self, person_ids, embeddings, meta: dict | None = None) -> None:
        """Replace the whole contents (a desk loading every embedding of its model at once), and
        :attr:`meta` with ``meta`` if given."""
        embeddings = np.asarray(embeddings, np.float32)
        if len(person_ids) != len(embeddings):
            raise GalleryError(f"{len(person_ids)} person ids for {len(embeddings)} embeddings")
        if len(embeddings):
            embeddings = np.atleast_2d(embeddings)
            if not np.all(np.isfinite(embeddings)):
                raise GalleryError("embeddings contain NaN or inf")
            embeddings = embeddings / np.maximum(np.linalg.norm(embeddings, axis=1, keepdims=True), 1e-12)
        else:
            embeddings = np.empty((0, 0), np.float32)
        self._embeddings = np.ascontiguousarray(embeddings, np.float32)
        self._person_ids = np.asarray(list(person_ids), dtype=object)
        if meta is not None:
            self.meta = meta

    def snapshot(self) -> "Gallery":
        """A copy that later changes of this gallery do not affect (cheap: shares the arrays,
        which are replaced, never modified in place); save it without holding up matching."""
        twin = copy.copy(self)
        twin.meta = dict(self.meta)
        return twin

    def rename(self, old_id: str, new_id: str) -> None:
        if old_id == new_id:
            return
        if not self.count(old_id):
            raise GalleryError(f"{old_id!r} is not in the gallery")
        if self.count(new_id):
            raise GalleryError(f"{new_id!r} is already in the gallery")
        self._person_ids = np.where(self._person_ids == old_id, new_id, self._person_ids).astype(object)

    # -- matching ------------------------------------------------------------------
    def match(self, embeddings, threshold: float) -> list[Match]:
        """Open-set match of L2-normalised query embeddings (M, D): one matrix product.

        Each query gets the person of its nearest stored embedding if that is within
        ``threshold`` (Euclidean distance), else None.
        """
        queries = np.atleast_2d(np.asarray(embeddings, np.float32))
        if queries.size == 0:
            return []
        if not self.size:
            return [Match(None, float("inf")) for _ in queries]
        if queries.shape[1] != self._embeddings.shape[1]:
            raise GalleryError(f"query embedding size {queries.shape[1]} does not match the "
                               f"gallery's {self._embeddings.shape[1]}")
        similarity = queries @ self._embeddings.T                  # (M, N)
        nearest = similarity.argmax(axis=1)
        best = similarity[np.arange(len(queries)), nearest]
        distances = np.sqrt(np.maximum(0.0, 2.0 - 2.0 * best))
        return [Match(str(self._person_ids[i]) if d <= threshold else None, float(d),
                      str(self._person_ids[i]))
                for i, d in zip(nearest, distances)]


def _read_meta(f) -> dict:
    if "meta_json" not in f:
        return {}
    raw = f["meta_json"][()]
    meta = json.loads(raw.decode("utf-8") if isinstance(raw, bytes) else str(raw))
    if not isinstance(meta, dict):
        raise ValueError("meta_json is not a JSON object")
    return meta
