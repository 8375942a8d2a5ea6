"""HDF5 gallery of enrolled people and open-set matching against it.

File layout (``data/pictures/embeddings.h5`` by default):

* ``embeddings``: float32 (N, D), L2-normalised, several rows per person;
* ``person_ids``: UTF-8 strings (N,), the key (person number) of each row's person;
* ``learned`` (optional, uint8 (N,)): 1 for a sample the desk learned from a check-in, 0 for an
  enrolled one (absent: all enrolled);
* ``sample_ids`` (optional, int64 (N,)): the face store's id of each sample (absent: numbered
  1..N), so that a learned sample can be replaced by id;
* attributes ``fingerprint`` (sha256 of the model's weights), ``model_name``, ``format``;
* ``meta_json`` (optional): a JSON object the owner keeps with the embeddings, saved in the same
  atomic write (a desk's face cache keeps its sync state there: the last change id it applied
  and which database person each key belongs to).

A gallery only makes sense with the model that embedded it, so opening it with
another model's fingerprint raises :class:`GalleryModelMismatch`.
A file of another shape (ids and rows that disagree, NaN rows, wrong types, missing datasets)
is refused at open with a :class:`GalleryError` naming the file and the problem
(:func:`read_checked`).

Saving writes ``.gallery-<file name>-<pid>-<random>.h5`` beside the gallery and renames it;
a save killed on the way (kill -9, power cut) leaves that file behind, so opening or saving
a gallery removes its own leftovers: those of a process that no longer runs, or older than
:data:`STALE_TEMP_AGE_S` (a pid can be reused).
"""
from __future__ import annotations

import copy
import dataclasses
import json
import logging
import os
import re
import tempfile
import threading
import time
from pathlib import Path

import h5py
import numpy as np

FORMAT_VERSION = 1
#: the gallery file a folder of person folders is embedded into (recognition.run.embeddings), as a desk kept
#: it in its pictures folder before the face store (``python main.py import-faces`` reads it from there)
LEGACY_GALLERY_FILE = "embeddings.h5"
_STR = h5py.string_dtype("utf-8")
#: a desk's cache of the face store: backend/face_sync.py's cache_path names it faces-<fingerprint[:16]>.h5.
#: The offline gallery tool (recognition.run.embeddings) refuses to write one, and the advice for a
#: damaged file differs: the desk fills its cache from the database again, the tool would lose its sync state.
DESK_CACHE_NAME = re.compile(r"faces-[0-9a-f]+\.h5", re.IGNORECASE)


def _remedy(path: Path, verb: str) -> str:
    if DESK_CACHE_NAME.fullmatch(path.name):
        return (f"It is a desk's cache of the face store: delete it, and the desk reads its faces from the "
                f"database again at its next start")
    return (f"{verb} with: python -m recognition.run.embeddings --pictures-dir {path.parent} --output {path} "
            f"--rebuild")
#: a temp file of a save is left alone this long if its process cannot be shown to be gone
STALE_TEMP_AGE_S = 15 * 60
_TEMP_NAME = re.compile(r"\.gallery-(?P<gallery>.+)-(?P<pid>\d+)-[a-z0-9_]+\.h5")
_LEGACY_TEMP_NAME = re.compile(r"\.gallery-[a-z0-9_]{8}\.h5")   # before the pid was in the name

log = logging.getLogger(__name__)


class GalleryError(RuntimeError):
    """The gallery file is unreadable or an operation on it is invalid."""


class GalleryModelMismatch(GalleryError):
    """The gallery was embedded with another model than the one in use."""


@dataclasses.dataclass(frozen=True)
class Samples:
    """Samples of one person given to :meth:`Gallery.replace_people`: embeddings (n, D) and, per row,
    whether it was learned and its sample id (None: all enrolled / ids assigned by the gallery).
    Any object with these attributes will do (the face store's ``PersonFaces`` has them)."""
    embeddings: np.ndarray
    learned: np.ndarray | None = None
    sample_ids: np.ndarray | None = None


@dataclasses.dataclass(frozen=True)
class GalleryRows:
    """The whole gallery at one version, as read-only arrays of one row per sample."""
    embeddings: np.ndarray      # (N, D) float32, L2-normalised
    keys: np.ndarray            # (N,) object: the person key of each row
    learned: np.ndarray         # (N,) bool
    sample_ids: np.ndarray      # (N,) int64
    version: int


@dataclasses.dataclass(frozen=True)
class Match:
    key: str | None         # None: nobody within the threshold (an unknown face)
    distance: float         # Euclidean distance to the nearest enrolled embedding (inf if empty)
    nearest_key: str | None = None  # the nearest person even when beyond the threshold


class Gallery:
    """The enrolled samples of a desk, safe to share between threads: readers (matching, the
    stream's templates) take :meth:`samples` / :meth:`rows`, one immutable set of arrays and its
    version, and never wait; writers (enrolling, the face store's sync) build the next set under a
    lock and swap it in with one assignment; :meth:`save` writes a snapshot without holding up either."""

    def __init__(self, path, embeddings: np.ndarray, keys: list[str], fingerprint: str,
                 model_name: str = "", learned=None, sample_ids=None):
        self.path = Path(path)
        self.fingerprint = fingerprint
        self.model_name = model_name
        self._lock = threading.RLock()           # one writer at a time
        self._save_lock = threading.Lock()       # one save at a time
        keys = np.asarray(keys, dtype=object)
        self._state = _State(_frozen_rows(embeddings, keys, _flags(learned, len(keys)),
                                          _ids(sample_ids, len(keys), 0), 0, copy=True), {})

    @property
    def version(self) -> int:
        """Bumped by every change, so views derived from the contents (templates, the operating
        point) know when to recompute."""
        return self._state.rows.version

    @property
    def meta(self) -> dict:
        """JSON-serialisable data saved with the embeddings (see the module docstring): replaced,
        never changed in place (:meth:`replace_people` / :meth:`reset` take a new one)."""
        return self._state.meta

    @meta.setter
    def meta(self, meta: dict) -> None:
        with self._lock:
            self._state = _State(self._state.rows, dict(meta))

    # -- persistence ---------------------------------------------------------------
    @classmethod
    def open(cls, path, fingerprint: str | None = None, model_name: str = "") -> "Gallery":
        """Open ``path``, or start an empty gallery there if the file does not exist.

        With ``fingerprint`` given, a non-empty gallery embedded by another model
        is refused with :class:`GalleryModelMismatch`.
        """
        path = Path(path)
        remove_stale_temp_files(path)
        if not path.exists():
            return cls(path, np.empty((0, 0), np.float32), [], fingerprint or "", model_name)
        try:
            with h5py.File(path, "r") as f:
                stored_gallery = read_checked(f)
        except InvalidGalleryFile as exc:
            raise GalleryError(f"{path}: not a usable gallery file: {exc}. {_remedy(path, 'Rebuild it')}") from None
        except (OSError, KeyError, ValueError, TypeError) as exc:
            raise GalleryError(f"{path}: not a readable gallery file ({exc})") from exc
        embeddings, keys = stored_gallery.embeddings, stored_gallery.keys
        stored, stored_name = stored_gallery.fingerprint, stored_gallery.model_name
        meta = stored_gallery.meta
        if fingerprint and stored and stored != fingerprint and len(keys):
            raise GalleryModelMismatch(
                f"{path} was embedded with another model ({stored_name or stored[:12]}) than the one in "
                f"use ({model_name or fingerprint[:12]}); its embeddings cannot be compared. "
                f"{_remedy(path, 'Re-embed the enrolled photos')}")
        if fingerprint and stored != fingerprint:
            stored, stored_name, meta = fingerprint, model_name, {}
        gallery = cls(path, embeddings, keys, stored, stored_name, stored_gallery.learned,
                      stored_gallery.sample_ids)
        gallery.meta = meta
        return gallery

    def save(self) -> None:
        """Write the gallery atomically (temp file in the same folder, fsync, rename), as it is at
        the call: changes made meanwhile go into the next save."""
        with self._save_lock:
            state = self._state
            self.path.parent.mkdir(parents=True, exist_ok=True)
            remove_stale_temp_files(self.path)
            fd, tmp = tempfile.mkstemp(prefix=f".gallery-{self.path.name}-{os.getpid()}-", suffix=".h5",
                                       dir=self.path.parent)
            os.close(fd)
            try:
                rows = state.rows
                with h5py.File(tmp, "w") as f:
                    f.create_dataset("embeddings", data=rows.embeddings)
                    f.create_dataset("person_ids", data=list(rows.keys), dtype=_STR)
                    f.create_dataset("learned", data=rows.learned.astype(np.uint8))
                    f.create_dataset("sample_ids", data=rows.sample_ids)
                    f.attrs["fingerprint"] = self.fingerprint
                    f.attrs["model_name"] = self.model_name
                    f.attrs["format"] = FORMAT_VERSION
                    if state.meta:
                        f.create_dataset("meta_json", data=json.dumps(state.meta, ensure_ascii=False),
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
        return list(dict.fromkeys(self._state.rows.keys))

    @property
    def size(self) -> int:
        """Number of stored embeddings."""
        return len(self._state.rows.keys)

    def rows(self) -> tuple[np.ndarray, np.ndarray, int]:
        """(embeddings (N, D), the key of each row (N,), version), read-only and of one version."""
        rows = self._state.rows
        return rows.embeddings, rows.keys, rows.version

    def samples(self) -> GalleryRows:
        """Every row with its learned flag and sample id, read-only and of one version."""
        return self._state.rows

    def _replace(self, embeddings: np.ndarray, keys: np.ndarray, learned: np.ndarray,
                 sample_ids: np.ndarray, meta: dict | None = None) -> None:
        """The next contents (call with ``_lock`` held): one assignment, seen whole or not at all."""
        state = self._state
        self._state = _State(_frozen_rows(embeddings, keys, learned, sample_ids, state.rows.version + 1),
                             state.meta if meta is None else meta)

    def count(self, key: str) -> int:
        return int(np.count_nonzero(self._state.rows.keys == key))

    def embeddings_of(self, key: str) -> np.ndarray:
        rows = self._state.rows
        return rows.embeddings[rows.keys == key].copy()

    def add(self, key: str, embeddings, learned: bool = False) -> list[int]:
        """Add samples of a person (``learned``: from check-ins, not enrolled); returns their ids."""
        embeddings = _checked(key, embeddings)
        if embeddings.size == 0:
            raise GalleryError(f"no embeddings given for {key!r}")
        with self._lock:
            rows = self._state.rows
            if len(rows.keys) and embeddings.shape[1] != rows.embeddings.shape[1]:
                raise GalleryError(f"embedding size {embeddings.shape[1]} does not match the gallery's "
                                   f"{rows.embeddings.shape[1]}")
            embeddings = _unit(embeddings)
            stored = rows.embeddings if len(rows.keys) else np.empty((0, embeddings.shape[1]), np.float32)
            ids = _ids(None, len(embeddings), _last_id(rows))
            self._replace(np.concatenate([stored, embeddings]),
                          np.concatenate([rows.keys, np.asarray([key] * len(embeddings), dtype=object)]),
                          np.concatenate([rows.learned, np.full(len(embeddings), bool(learned))]),
                          np.concatenate([rows.sample_ids, ids]))
        return ids.tolist()

    def remove(self, key: str) -> int:
        """Forget a person; returns how many embeddings were removed."""
        with self._lock:
            return self._keep(self._state.rows.keys != key)

    def remove_samples(self, sample_ids) -> int:
        """Forget some samples by id (a learned sample replaced by a better one); returns how many."""
        with self._lock:
            return self._keep(~np.isin(self._state.rows.sample_ids, np.asarray(list(sample_ids), np.int64)))

    def _keep(self, keep: np.ndarray) -> int:
        rows = self._state.rows
        removed = int(len(keep) - keep.sum())
        if removed:
            self._replace(rows.embeddings[keep], rows.keys[keep], rows.learned[keep], rows.sample_ids[keep])
        return removed

    def replace_people(self, updates: dict, meta: dict | None = None) -> None:
        """Set several people at once: key -> their new embeddings (n, D) or :class:`Samples`, or None
        to remove them; with ``meta``, replace :attr:`meta` in the same step.

        One pass over the stored rows, however many people change (a desk applying a batch of
        changes from the database)."""
        added_ids, added, added_learned, added_samples = [], [], [], []
        for key, given in updates.items():
            samples = given if hasattr(given, "embeddings") else Samples(given)
            if given is None or np.size(samples.embeddings) == 0:
                continue
            rows = _checked(key, samples.embeddings)
            added_ids += [key] * len(rows)
            added.append(rows)
            added_learned.append(_flags(getattr(samples, "learned", None), len(rows)))
            added_samples.append(getattr(samples, "sample_ids", None))
        with self._lock:
            if not updates:
                if meta is not None:
                    self._state = _State(self._state.rows, meta)
                return
            current = self._state.rows
            dims = {a.shape[1] for a in added} | ({current.embeddings.shape[1]} if len(current.keys) else set())
            if len(dims) > 1:
                raise GalleryError(f"embedding sizes {sorted(dims)} do not match")
            keep = ~np.isin(current.keys, np.asarray(list(updates), dtype=object))
            stored = current.embeddings[keep] if len(current.keys) else None
            next_id = _last_id(current)
            new_ids = []
            for rows, ids in zip(added, added_samples):
                new_ids.append(_ids(ids, len(rows), next_id))
                next_id += len(rows)
            if added:
                new = np.concatenate(added)
                new = _unit(new)
                stored = new if stored is None or not len(stored) else np.concatenate([stored, new])
            self._replace(stored if stored is not None else np.empty((0, 0), np.float32),
                          np.concatenate([current.keys[keep], np.asarray(added_ids, dtype=object)]),
                          np.concatenate([current.learned[keep], *added_learned]),
                          np.concatenate([current.sample_ids[keep], *new_ids]), meta)

    def reset(self, keys, embeddings, meta: dict | None = None, learned=None, sample_ids=None) -> None:
        """Replace the whole contents (a desk loading every embedding of its model at once), and
        :attr:`meta` with ``meta`` if given; ``learned`` / ``sample_ids`` per row (see :class:`Samples`)."""
        embeddings = np.asarray(embeddings, np.float32)
        if len(keys) != len(embeddings):
            raise GalleryError(f"{len(keys)} person ids for {len(embeddings)} embeddings")
        if len(embeddings):
            embeddings = np.atleast_2d(embeddings)
            if not np.all(np.isfinite(embeddings)):
                raise GalleryError("embeddings contain NaN or inf")
            embeddings = _unit(embeddings)
        else:
            embeddings = np.empty((0, 0), np.float32)
        with self._lock:
            self._replace(embeddings, np.asarray(list(keys), dtype=object), _flags(learned, len(keys)),
                          _ids(sample_ids, len(keys), 0), meta)

    def snapshot(self) -> "Gallery":
        """A copy that later changes of this gallery do not affect (cheap: shares the read-only
        arrays); save it without holding up matching."""
        twin = copy.copy(self)
        twin._lock, twin._save_lock = threading.RLock(), threading.Lock()
        return twin

    def rename(self, old_id: str, new_id: str) -> None:
        if old_id == new_id:
            return
        with self._lock:
            if not self.count(old_id):
                raise GalleryError(f"{old_id!r} is not in the gallery")
            if self.count(new_id):
                raise GalleryError(f"{new_id!r} is already in the gallery")
            rows = self._state.rows
            self._replace(rows.embeddings, np.where(rows.keys == old_id, new_id, rows.keys).astype(object),
                          rows.learned, rows.sample_ids)

    # -- matching ------------------------------------------------------------------
    def match(self, embeddings, threshold: float) -> list[Match]:
        """Open-set match of L2-normalised query embeddings (M, D) by the nearest stored sample: one
        matrix product. Each query gets the person of its nearest stored embedding if that is within
        ``threshold`` (Euclidean distance), else None.

        The per-frame rule of the desk before recognition.stream (which decides per visit against
        person templates): kept for the command-line tools and as the benches' baseline."""
        queries = np.atleast_2d(np.asarray(embeddings, np.float32))
        if queries.size == 0:
            return []
        rows = self._state.rows
        if not len(rows.keys):
            return [Match(None, float("inf")) for _ in queries]
        if queries.shape[1] != rows.embeddings.shape[1]:
            raise GalleryError(f"query embedding size {queries.shape[1]} does not match the "
                               f"gallery's {rows.embeddings.shape[1]}")
        similarity = queries @ rows.embeddings.T                  # (M, N)
        nearest = similarity.argmax(axis=1)
        best = similarity[np.arange(len(queries)), nearest]
        distances = np.sqrt(np.maximum(0.0, 2.0 - 2.0 * best))
        return [Match(str(rows.keys[i]) if d <= threshold else None, float(d), str(rows.keys[i]))
                for i, d in zip(nearest, distances)]


@dataclasses.dataclass(frozen=True)
class _State:
    """What a Gallery holds at one moment: swapped whole, so readers never see half a change."""
    rows: GalleryRows
    meta: dict


def _frozen_rows(embeddings, keys, learned, sample_ids, version: int, copy: bool = False) -> GalleryRows:
    """Read-only arrays (``copy``: of arrays the caller keeps, so as not to freeze theirs)."""
    make = np.array if copy else np.asarray
    arrays = (np.ascontiguousarray(make(embeddings, np.float32)), make(keys, dtype=object),
              make(learned, bool), make(sample_ids, np.int64))
    for array in arrays:
        array.flags.writeable = False
    return GalleryRows(*arrays, version)


def _checked(key, embeddings) -> np.ndarray:
    """A person's new embeddings as float32 (M, D), or GalleryError for a bad key or values."""
    if not isinstance(key, str) or not key.strip():
        raise GalleryError(f"a person's key must be a non-empty string, got {key!r}")
    embeddings = np.atleast_2d(np.asarray(embeddings, np.float32))
    if not np.all(np.isfinite(embeddings)):
        raise GalleryError(f"embeddings for {key!r} contain NaN or inf")
    return embeddings


def _unit(embeddings: np.ndarray) -> np.ndarray:
    """Rows scaled to length 1 (the gallery stores unit vectors)."""
    return embeddings / np.maximum(np.linalg.norm(embeddings, axis=1, keepdims=True), 1e-12)


def _last_id(rows: GalleryRows) -> int:
    return int(rows.sample_ids.max()) if len(rows.sample_ids) else 0


def _flags(learned, count: int) -> np.ndarray:
    if learned is None:
        return np.zeros(count, bool)
    flags = np.asarray(learned, bool).reshape(-1)
    if len(flags) != count:
        raise GalleryError(f"{len(flags)} learned flags for {count} samples")
    return flags


def _ids(sample_ids, count: int, after: int) -> np.ndarray:
    """The given ids, or ``after + 1 ..`` when None."""
    if sample_ids is None:
        return np.arange(after + 1, after + 1 + count, dtype=np.int64)
    ids = np.asarray(sample_ids, np.int64).reshape(-1)
    if len(ids) != count:
        raise GalleryError(f"{len(ids)} sample ids for {count} samples")
    return ids


# -- reading a gallery file ----------------------------------------------------------------------
class InvalidGalleryFile(ValueError):
    """The file is HDF5 but not a gallery this version can use (the message says why)."""


@dataclasses.dataclass
class StoredGallery:
    """What a gallery file holds, checked by :func:`read_checked`."""
    embeddings: np.ndarray          # float32 (N, D), finite, L2-normalised
    keys: list[str]                 # N non-empty ids
    fingerprint: str
    model_name: str
    format: int
    meta: dict                      # the owner's JSON object (``meta_json``), {} if absent
    learned: np.ndarray | None = None     # (N,) bool, None when the file has none
    sample_ids: np.ndarray | None = None  # (N,) int64, None when the file has none


def read_checked(f: h5py.File) -> StoredGallery:
    """Read an open gallery file, checking its structure before anything uses it.

    Raises :class:`InvalidGalleryFile` naming the problem (a wrong file must fail here, at open,
    not as an IndexError or a NaN distance in ``match``). A new dataset or attribute of the
    format gets its check here and its field in :class:`StoredGallery`."""
    version = f.attrs.get("format", FORMAT_VERSION)
    if isinstance(version, (bool, np.bool_)) or not isinstance(version, (int, np.integer)):
        raise InvalidGalleryFile(f"the format attribute is {version!r}, not a number")
    if version > FORMAT_VERSION:
        raise InvalidGalleryFile(f"it is in format {version}, written by a newer version of this app "
                                 f"(this one reads format {FORMAT_VERSION})")
    embeddings_ds, ids_ds = _dataset(f, "embeddings"), _dataset(f, "person_ids")
    if embeddings_ds.dtype.kind != "f":
        raise InvalidGalleryFile(f"embeddings must be floating-point numbers, found {embeddings_ds.dtype}")
    if embeddings_ds.ndim != 2:
        raise InvalidGalleryFile(f"embeddings must be a 2-D table (rows x embedding size), "
                                 f"found shape {embeddings_ds.shape}")
    rows, size = embeddings_ds.shape
    if rows and not size:
        raise InvalidGalleryFile(f"{rows} embeddings of size 0")
    if ids_ds.ndim != 1:
        raise InvalidGalleryFile(f"person_ids must be 1-D, found shape {ids_ds.shape}")
    if h5py.check_string_dtype(ids_ds.dtype) is None:
        raise InvalidGalleryFile(f"person_ids must be text, found {ids_ds.dtype}")
    if len(ids_ds) != rows:
        raise InvalidGalleryFile(f"{len(ids_ds)} person ids for {rows} embeddings")
    embeddings = embeddings_ds[()].astype(np.float32)
    bad = np.flatnonzero(~np.isfinite(embeddings).all(axis=1))
    if bad.size:
        raise InvalidGalleryFile(f"NaN or infinite values in {bad.size} embedding row(s) ({_rows(bad)})")
    norms = np.linalg.norm(embeddings, axis=1)
    bad = np.flatnonzero(np.abs(norms - 1.0) > 1e-2)
    if bad.size:
        raise InvalidGalleryFile(f"embeddings are not L2-normalised ({_rows(bad)}; row {bad[0]} has "
                                 f"norm {norms[bad[0]]:.4g})")
    keys = []
    for row, raw in enumerate(ids_ds[()]):
        try:
            text = raw.decode("utf-8") if isinstance(raw, bytes) else str(raw)
        except UnicodeDecodeError:
            raise InvalidGalleryFile(f"the person id at row {row} is not valid UTF-8") from None
        if not text.strip():
            raise InvalidGalleryFile(f"empty person id at row {row}")
        keys.append(text)
    learned = sample_ids = None
    if "learned" in f:
        learned = _dataset(f, "learned")[()]
        if learned.shape != (rows,) or learned.dtype.kind not in "biu":
            raise InvalidGalleryFile(f"learned must be {rows} flags, found {learned.dtype} {learned.shape}")
        learned = learned.astype(bool)
    if "sample_ids" in f:
        sample_ids = _dataset(f, "sample_ids")[()]
        if sample_ids.shape != (rows,) or sample_ids.dtype.kind not in "iu":
            raise InvalidGalleryFile(f"sample_ids must be {rows} integers, found {sample_ids.dtype} "
                                     f"{sample_ids.shape}")
        if len(np.unique(sample_ids)) != rows:
            raise InvalidGalleryFile("sample_ids repeat an id")
        sample_ids = sample_ids.astype(np.int64)
    return StoredGallery(embeddings, keys, _text_attribute(f, "fingerprint"),
                         _text_attribute(f, "model_name"), int(version), _meta(f), learned, sample_ids)


def _meta(f: h5py.File) -> dict:
    if "meta_json" not in f:
        return {}
    raw = _dataset(f, "meta_json")[()]
    try:
        meta = json.loads(raw.decode("utf-8") if isinstance(raw, bytes) else str(raw))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InvalidGalleryFile(f"meta_json is not valid JSON ({exc})") from None
    if not isinstance(meta, dict):
        raise InvalidGalleryFile("meta_json is not a JSON object")
    return meta


def _dataset(f: h5py.File, name: str) -> h5py.Dataset:
    if name not in f:
        raise InvalidGalleryFile(f"no {name!r} dataset")
    node = f[name]
    if not isinstance(node, h5py.Dataset):
        raise InvalidGalleryFile(f"{name!r} is not a dataset")
    return node


def _text_attribute(f: h5py.File, name: str) -> str:
    value = f.attrs.get(name, "")
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    if not isinstance(value, str):
        raise InvalidGalleryFile(f"the {name} attribute must be text, found {value!r}")
    return str(value)


def _rows(rows: np.ndarray) -> str:
    shown = ", ".join(str(int(r)) for r in rows[:5])
    return f"row {shown}" if len(rows) == 1 else f"rows {shown}{', …' if len(rows) > 5 else ''}"


def remove_stale_temp_files(path) -> int:
    """Remove what killed saves of the gallery at ``path`` left beside it; returns how many.

    Never raises: a file that cannot be removed (on Windows, one still open) stays."""
    path = Path(path)
    now = time.time()
    removed = 0
    try:
        entries = list(os.scandir(path.parent))
    except OSError:
        return 0
    for entry in entries:
        ours = _TEMP_NAME.fullmatch(entry.name)
        if ours:
            if ours["gallery"] != path.name:
                continue                            # a temp file of another gallery in the folder
        elif not _LEGACY_TEMP_NAME.fullmatch(entry.name):
            continue
        try:
            if not entry.is_file(follow_symlinks=False):
                continue
            old = now - entry.stat(follow_symlinks=False).st_mtime > STALE_TEMP_AGE_S
            if old or (ours and not _process_alive(int(ours["pid"]))):
                os.unlink(entry.path)
                removed += 1
        except OSError:
            continue
    if removed:
        log.info("removed %d temp file(s) of interrupted saves of %s", removed, path)
    return removed


def _process_alive(pid: int) -> bool:
    """False only if no process ``pid`` runs on this machine; True when it cannot be told."""
    if os.name == "nt" or pid <= 0:
        # on Windows os.kill(pid, 0) would terminate the process: the age alone decides there
        # (and a file still open for writing cannot be deleted on Windows anyway)
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:                                 # e.g. EPERM: it runs, as another user
        return True
    return True
