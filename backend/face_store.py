"""The face store: people's face samples, their embeddings per model, and the change feed.

Every desk reads and writes the same store (the attendance database, schema version 2):

* a **sample** is one face of a person: the crop it came from (JPEG with a margin around the
  detected box, so any model can detect and align it again) and its quality figures, made by
  recognition.samples (this module stores them and does no image work);
* an **embedding** belongs to a (sample, model fingerprint) pair: a new model is rolled out by
  embedding the stored samples again (``backend.face_migration.reembed``), not by re-enrolling;
* the **change feed** (``face_changes``) says "person P changed" (re-read everything of P) or
  "person P has new embeddings for model F" (only desks on F care). A desk replays it from the
  last change id it applied (``backend.face_sync.FaceSync``).

Change ids are taken from a one-row counter that the writing transaction increments as its last
statement and holds locked until it commits: writers of changes commit one after the other in id
order, so a reader that sees change N has already seen every change below N.

No TensorFlow here (backend/ does not import recognition/): embeddings arrive as numpy arrays, and
whatever needs a model gets an ``embed`` function injected by main.py.
"""
from __future__ import annotations

import dataclasses
import hashlib
from datetime import datetime
from typing import Iterable, Iterator, Sequence

import numpy as np

from backend import times, validation
from backend.db import Database
from backend.errors import BackendError, PersonNotFound

EMBEDDING_DTYPE = np.dtype("<f4")
SOURCES = ("live", "photo", "import")
MAX_IMAGE_BYTES = 8 << 20
MAX_DIM = 2048
#: bound on the ids in one ``IN (...)`` list (SQLite's default limit is far above it)
_IN_CHUNK = 500


@dataclasses.dataclass(frozen=True)
class FaceModel:
    """The model an embedding belongs to: sha256 of its weights, and a name for messages."""
    fingerprint: str
    name: str = ""

    def __post_init__(self):
        if not isinstance(self.fingerprint, str) or not 1 <= len(self.fingerprint) <= 64 \
                or not self.fingerprint.isascii() or not self.fingerprint.isprintable():
            raise ValueError(f"model fingerprint must be 1..64 printable ASCII characters, "
                             f"got {self.fingerprint!r}")

    @property
    def label(self) -> str:
        return f"{self.name} ({self.fingerprint[:12]})" if self.name else self.fingerprint[:12]


@dataclasses.dataclass
class NewSample:
    """A face sample to store. ``embedding`` is for the writer's model (None: none yet)."""
    image: bytes | None                       # JPEG of the face crop (None: no photo, import only)
    embedding: np.ndarray | None = None
    source: str = "live"
    width: int | None = None
    height: int | None = None
    detector_score: float | None = None
    face_size: float | None = None
    sharpness: float | None = None            # the stream's quality gate's figures (recognition.samples)
    yaw: float | None = None
    landmarks: np.ndarray | None = None       # (5, 2) MTCNN points in the image's coordinates
    learned: bool = False                     # added by a desk from a check-in, not enrolled

    @classmethod
    def of(cls, sample, embedding=None, source: str = "live") -> "NewSample":
        """What is stored of a face sample (recognition.samples.FaceSample: the crop's JPEG, its size,
        the detector's score, the quality gate's figures and the points in the crop)."""
        return cls(image=sample.image, embedding=None if embedding is None else np.asarray(embedding),
                   source=source, width=sample.width, height=sample.height, detector_score=sample.detector_score,
                   face_size=sample.face_size, sharpness=sample.sharpness, yaw=sample.yaw,
                   landmarks=sample.landmarks)


@dataclasses.dataclass(frozen=True)
class StoredSample:
    id: int
    person_id: int
    source: str
    desk: str
    width: int | None
    height: int | None
    detector_score: float | None
    face_size: float | None
    sharpness: float | None
    yaw: float | None
    image_bytes: int
    models: tuple[str, ...]                   # fingerprints it has embeddings for
    learned: bool = False                     # added by a desk from a check-in, not enrolled
    created_at: datetime | None = None


@dataclasses.dataclass(frozen=True)
class StoreHead:
    store_id: str                             # random id made with the schema: tells databases apart
    last_change_id: int


@dataclasses.dataclass(frozen=True)
class Change:
    change_id: int
    person_id: int
    model_fingerprint: str | None             # None: the person changed (every model)


@dataclasses.dataclass(frozen=True)
class PersonFaces:
    """What a desk on one model needs to know of a person."""
    person_id: int
    person_number: str
    active: bool
    embeddings: np.ndarray                    # (n, D) float32 for that model; n may be 0
    sample_ids: np.ndarray = dataclasses.field(default_factory=lambda: np.zeros(0, np.int64))   # (n,)
    learned: np.ndarray = dataclasses.field(default_factory=lambda: np.zeros(0, bool))          # (n,)


@dataclasses.dataclass(frozen=True)
class ModelPage:
    """One page of :meth:`FaceStore.iter_model`: a row per sample."""
    person_ids: np.ndarray                    # (n,) int64 database person ids
    person_numbers: list[str]
    embeddings: np.ndarray                    # (n, D) float32
    sample_ids: np.ndarray                    # (n,) int64
    learned: np.ndarray                       # (n,) bool


@dataclasses.dataclass(frozen=True)
class ModelCoverage:
    fingerprint: str
    name: str
    dim: int
    embedded: int                             # samples with an embedding for this model
    failed: int                               # samples this model could not embed (reported)


@dataclasses.dataclass(frozen=True)
class Coverage:
    """How far each model's embeddings cover the stored samples."""
    samples: int                              # samples in the store
    with_image: int                           # of which have a photo (can be re-embedded)
    models: dict[str, ModelCoverage]

    def of(self, fingerprint: str) -> ModelCoverage | None:
        return self.models.get(fingerprint)

    def missing(self, fingerprint: str) -> int:
        """Samples still to embed for this model (neither embedded nor failed)."""
        m = self.models.get(fingerprint)
        return self.samples - (m.embedded + m.failed if m else 0)

    def complete(self, fingerprint: str) -> bool:
        return self.missing(fingerprint) <= 0


@dataclasses.dataclass(frozen=True)
class MissingSample:
    id: int
    person_id: int
    image: bytes | None
    landmarks: np.ndarray | None              # (5, 2) in the image, when the sample has them


# -- encoding -------------------------------------------------------------------------------
def encode_embedding(embedding) -> bytes:
    vector = np.asarray(embedding, np.float32)
    if vector.ndim != 1 or not 1 <= vector.size <= MAX_DIM:
        raise ValueError(f"an embedding must be one vector of 1..{MAX_DIM} numbers, got shape {vector.shape}")
    if not np.all(np.isfinite(vector)):
        raise ValueError("the embedding contains NaN or inf")
    norm = float(np.linalg.norm(vector))
    if norm < 1e-6:
        raise ValueError("the embedding is zero")
    return (vector / norm).astype(EMBEDDING_DTYPE).tobytes()


def decode_embeddings(blobs: Sequence[bytes], dim: int | None = None) -> np.ndarray:
    """Stored embeddings -> (n, D) float32 (one buffer, one copy)."""
    if not blobs:
        return np.empty((0, dim or 0), np.float32)
    flat = np.frombuffer(b"".join(blobs), EMBEDDING_DTYPE)
    dim = dim or len(blobs[0]) // EMBEDDING_DTYPE.itemsize
    return flat.reshape(-1, dim).astype(np.float32)


def encode_landmarks(landmarks) -> bytes | None:
    if landmarks is None:
        return None
    points = np.asarray(landmarks, np.float32).reshape(-1)
    if points.size != 10 or not np.all(np.isfinite(points)):
        raise ValueError(f"landmarks must be 5 finite (x, y) points, got shape {np.shape(landmarks)}")
    return points.astype("<f4").tobytes()


def decode_landmarks(blob) -> np.ndarray | None:
    if not blob or len(blob) != 40:
        return None
    return np.frombuffer(bytes(blob), "<f4").reshape(5, 2).astype(np.float64)


def samples_from_photos(found, source: str = "photo") -> list[NewSample]:
    """Samples of photos whose largest face was found and embedded: ``found`` are results with a
    ``sample`` and an ``embedding`` (recognition.photos.PhotoResult); the others are left out."""
    return [NewSample.of(result.sample, result.embedding, source) for result in found
            if result.embedding is not None and result.sample is not None]


def _chunks(items: Sequence, size: int = _IN_CHUNK) -> Iterator[Sequence]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def _marks(n: int) -> str:
    return ", ".join("?" * n)


def _opt_float(value):
    return None if value is None else float(value)


# -- the store ------------------------------------------------------------------------------
class FaceStore:
    """Samples, embeddings and the change feed on one Database (``backend.faces``).

    Methods that write join an enclosing ``backend.transaction()`` (people_service runs a person
    and their samples in one); alone, each is its own transaction.
    """

    def __init__(self, db: Database):
        self._db = db
        self._insert_ignore = "INSERT IGNORE" if db.kind == "mysql" else "INSERT OR IGNORE"

    # -- writing -------------------------------------------------------------------------
    def register_model(self, model: FaceModel, dim: int) -> None:
        with self._db.transaction(write=True) as cur:
            cur.execute(f"{self._insert_ignore} INTO face_models (fingerprint, name, dim) VALUES (?, ?, ?)",
                        (model.fingerprint, validation.text("name", model.name) or "", int(dim)))

    def add_samples(self, person_id: int, samples: Iterable[NewSample], model: FaceModel | None = None,
                    desk: str = "") -> list[int]:
        """Store samples of a person (and their embeddings for ``model``); returns their ids.

        A photo or imported sample whose image the person already has is not stored twice (its
        existing id is returned); live samples are frames, each kept. Raises ValueError for a bad
        sample (nothing stored) or PersonNotFound.
        """
        person_id = validation.row_id(person_id)
        desk = validation.text("desk", desk) or ""
        samples = list(samples)
        rows, dims = [], set()
        for i, sample in enumerate(samples):
            if sample.source not in SOURCES:
                raise ValueError(f"sample {i + 1}: source must be one of {SOURCES}, got {sample.source!r}")
            if sample.image is not None:
                if not isinstance(sample.image, (bytes, bytearray)) or not sample.image:
                    raise ValueError(f"sample {i + 1}: the image must be non-empty bytes")
                if len(sample.image) > MAX_IMAGE_BYTES:
                    raise ValueError(f"sample {i + 1}: the image is {len(sample.image)} bytes, "
                                     f"at most {MAX_IMAGE_BYTES} allowed")
            blob = None
            if sample.embedding is not None:
                if model is None:
                    raise ValueError("embeddings given without the model they belong to")
                try:
                    blob = encode_embedding(sample.embedding)
                except ValueError as exc:
                    raise ValueError(f"sample {i + 1}: {exc}") from None
                dims.add(len(blob) // EMBEDDING_DTYPE.itemsize)
            elif sample.image is None:
                raise ValueError(f"sample {i + 1} has neither an image nor an embedding")
            digest = None if sample.image is None else hashlib.sha256(sample.image).hexdigest()
            try:
                points = encode_landmarks(sample.landmarks)
            except ValueError as exc:
                raise ValueError(f"sample {i + 1}: {exc}") from None
            rows.append((sample, blob, digest, points))
        if len(dims) > 1:
            raise ValueError(f"embeddings of different sizes {sorted(dims)} for one model")
        now = self._db.dt(times.now_local())
        ids = []
        with self._db.transaction(write=True) as cur:
            if cur.execute("SELECT id FROM people WHERE id = ?", (person_id,)).fetchone() is None:
                raise PersonNotFound(f"no person with id {person_id}")
            if model is not None and dims:
                self.register_model(model, dims.pop())
            for sample, blob, digest, points in rows:
                if digest is not None and sample.source != "live":
                    existing = cur.execute("SELECT id FROM face_samples WHERE person_id = ? AND "
                                           "image_sha256 = ?", (person_id, digest)).fetchone()
                    if existing is not None:
                        ids.append(int(existing[0]))
                        continue
                cur.execute(
                    "INSERT INTO face_samples (person_id, image, image_sha256, width, height, "
                    "detector_score, face_size, sharpness, yaw, landmarks, source, learned, desk, created_at) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (person_id, None if sample.image is None else bytes(sample.image), digest,
                     sample.width, sample.height, _opt_float(sample.detector_score),
                     _opt_float(sample.face_size), _opt_float(sample.sharpness), _opt_float(sample.yaw),
                     points, sample.source, int(bool(sample.learned)), desk, now))
                sample_id = int(cur.lastrowid)
                ids.append(sample_id)
                if blob is not None:
                    cur.execute("INSERT INTO face_embeddings (sample_id, model_fingerprint, dim, embedding) "
                                "VALUES (?, ?, ?, ?)",
                                (sample_id, model.fingerprint, len(blob) // EMBEDDING_DTYPE.itemsize, blob))
        return ids

    def delete_samples(self, person_id: int, sample_ids: Iterable[int]) -> int:
        """Delete some samples of a person (and, by cascade, their embeddings); returns how many."""
        person_id = validation.row_id(person_id)
        ids = [validation.row_id(s, "sample id") for s in sample_ids]
        deleted = 0
        with self._db.transaction(write=True) as cur:
            for chunk in _chunks(ids):
                deleted += cur.execute(f"DELETE FROM face_samples WHERE person_id = ? AND id IN "
                                       f"({_marks(len(chunk))})", (person_id, *chunk)).rowcount
        return deleted

    def put_embeddings(self, model: FaceModel, embeddings: Sequence[tuple[int, int, np.ndarray]],
                       failures: Sequence[tuple[int, int, str]] = ()) -> int:
        """Store embeddings of existing samples for ``model`` and the samples it failed on, in one
        transaction with one change per person; returns how many embeddings were new.

        ``embeddings``: (sample_id, person_id, vector); ``failures``: (sample_id, person_id, reason).
        A sample deleted meanwhile is skipped; one embedded already (another process) is kept.
        """
        encoded = [(sid, pid, encode_embedding(vec)) for sid, pid, vec in embeddings]
        dims = {len(blob) // EMBEDDING_DTYPE.itemsize for _s, _p, blob in encoded}
        if len(dims) > 1:
            raise ValueError(f"embeddings of different sizes {sorted(dims)} for one model")
        added = 0
        with self._db.transaction(write=True) as cur:
            if dims:
                self.register_model(model, next(iter(dims)))
            people = set()
            for sample_id, person_id, blob in encoded:
                # INSERT ... SELECT: nothing for a sample deleted meanwhile (no foreign-key error)
                if cur.execute(
                        f"{self._insert_ignore} INTO face_embeddings (sample_id, model_fingerprint, dim, "
                        "embedding) SELECT id, ?, ?, ? FROM face_samples WHERE id = ?",
                        (model.fingerprint, len(blob) // EMBEDDING_DTYPE.itemsize, blob, sample_id)).rowcount:
                    added += 1
                    people.add(person_id)
            for sample_id, _pid, reason in failures:
                cur.execute(f"{self._insert_ignore} INTO face_embed_failures (sample_id, model_fingerprint, "
                            "reason) SELECT id, ?, ? FROM face_samples WHERE id = ?",
                            (model.fingerprint, str(reason)[:255], sample_id))
            if people:
                self.record_changes(sorted(people), model.fingerprint)
        return added

    def clear_failures(self, fingerprint: str) -> int:
        with self._db.transaction(write=True) as cur:
            return cur.execute("DELETE FROM face_embed_failures WHERE model_fingerprint = ?",
                               (fingerprint,)).rowcount

    def record_changes(self, person_ids: Sequence[int], model_fingerprint: str | None = None) -> list[int]:
        """Append changes to the feed; call it as the LAST statement of the writing transaction.

        The counter row stays locked until the transaction ends, so no other writer can take an id
        before this one is committed (or rolled back, which gives its ids back).
        """
        person_ids = [validation.row_id(p) for p in person_ids]
        if not person_ids:
            return []
        with self._db.transaction(write=True) as cur:
            if cur.execute("UPDATE face_change_counter SET last_change_id = last_change_id + ? WHERE id = 1",
                           (len(person_ids),)).rowcount != 1:
                raise BackendError("the face store's change counter is missing (schema version 2 "
                                   "not applied?)")
            last = int(cur.execute("SELECT last_change_id FROM face_change_counter WHERE id = 1").scalar())
            ids = list(range(last - len(person_ids) + 1, last + 1))
            now = self._db.dt(times.now_local())
            cur.executemany("INSERT INTO face_changes (change_id, person_id, model_fingerprint, created_at) "
                            "VALUES (?, ?, ?, ?)",
                            [(cid, pid, model_fingerprint, now) for cid, pid in zip(ids, person_ids)])
        return ids

    # -- reading -------------------------------------------------------------------------
    def head(self) -> StoreHead:
        """The store's id and its last change id: the whole cost of a poll when nothing changed."""
        with self._db.transaction() as cur:
            row = cur.execute("SELECT store_id, last_change_id FROM face_change_counter WHERE id = 1").fetchone()
        if row is None:
            raise BackendError("the face store's change counter is missing (schema version 2 not applied?)")
        return StoreHead(str(row[0]), int(row[1]))

    def changes_since(self, after: int, limit: int = 1000) -> list[Change]:
        with self._db.transaction() as cur:
            return self._changes(cur, after, limit)

    def _changes(self, cur, after: int, limit: int) -> list[Change]:
        rows = cur.execute("SELECT change_id, person_id, model_fingerprint FROM face_changes "
                           "WHERE change_id > ? ORDER BY change_id LIMIT ?", (int(after), int(limit))).fetchall()
        return [Change(int(r[0]), int(r[1]), r[2]) for r in rows]

    def read_changes(self, after: int, fingerprint: str, limit: int = 1000) \
            -> tuple[list[Change], dict[int, PersonFaces]]:
        """The next changes after ``after`` and, read in the same transaction, the current state of
        every person they name that concerns ``fingerprint`` (a deleted person is absent)."""
        with self._db.transaction() as cur:
            changes = self._changes(cur, after, limit)
            wanted = sorted({c.person_id for c in changes
                             if c.model_fingerprint is None or c.model_fingerprint == fingerprint})
            return changes, self._faces(cur, wanted, fingerprint)

    def people_faces(self, person_ids: Sequence[int], fingerprint: str) -> dict[int, PersonFaces]:
        with self._db.transaction() as cur:
            return self._faces(cur, sorted(set(person_ids)), fingerprint)

    def _faces(self, cur, person_ids: Sequence[int], fingerprint: str) -> dict[int, PersonFaces]:
        people: dict[int, tuple[str, bool]] = {}
        rows: dict[int, list[tuple[int, bool, bytes]]] = {}
        for chunk in _chunks(list(person_ids)):
            marks = _marks(len(chunk))
            for pid, number, active in cur.execute(
                    f"SELECT id, person_number, active FROM people WHERE id IN ({marks})", chunk).fetchall():
                people[int(pid)] = (number, bool(active))
            for pid, sid, learned, blob in cur.execute(
                    "SELECT s.person_id, s.id, s.learned, e.embedding FROM face_samples s JOIN face_embeddings e "
                    "ON e.sample_id = s.id AND e.model_fingerprint = ? "
                    f"WHERE s.person_id IN ({marks}) ORDER BY s.person_id, s.id",
                    (fingerprint, *chunk)).fetchall():
                rows.setdefault(int(pid), []).append((int(sid), bool(learned), bytes(blob)))
        faces = {}
        for pid, (number, active) in people.items():
            mine = rows.get(pid, [])
            faces[pid] = PersonFaces(pid, number, active, decode_embeddings([r[2] for r in mine]),
                                     np.array([r[0] for r in mine], np.int64), np.array([r[1] for r in mine], bool))
        return faces

    def iter_model(self, fingerprint: str, page_size: int = 5000) -> Iterator["ModelPage"]:
        """Every embedding of ``fingerprint`` of an active person, in pages (:class:`ModelPage`),
        each page its own short transaction."""
        db, after = self._db, 0
        sql = (f"SELECT e.sample_id, s.person_id, p.person_number, e.embedding, s.learned "
               f"FROM face_embeddings e {db.forced_join} face_samples s ON s.id = e.sample_id "
               f"{db.forced_join} people p ON p.id = s.person_id "
               "WHERE e.model_fingerprint = ? AND e.sample_id > ? AND p.active = 1 "
               "ORDER BY e.sample_id LIMIT ?")
        while True:
            with db.transaction() as cur:
                rows = cur.execute(sql, (fingerprint, after, int(page_size))).fetchall()
            if not rows:
                return
            after = int(rows[-1][0])
            yield ModelPage(np.fromiter((r[1] for r in rows), np.int64, len(rows)), [r[2] for r in rows],
                            decode_embeddings([bytes(r[3]) for r in rows]),
                            np.fromiter((r[0] for r in rows), np.int64, len(rows)),
                            np.fromiter((bool(r[4]) for r in rows), bool, len(rows)))
            if len(rows) < page_size:
                return

    def samples_of(self, person_id: int) -> list[StoredSample]:
        person_id = validation.row_id(person_id)
        with self._db.transaction() as cur:
            rows = cur.execute(
                "SELECT id, person_id, source, desk, width, height, detector_score, face_size, sharpness, "
                "yaw, COALESCE(LENGTH(image), 0), learned, created_at FROM face_samples WHERE person_id = ? "
                "ORDER BY id",
                (person_id,)).fetchall()
            models: dict[int, list[str]] = {}
            for chunk in _chunks([int(r[0]) for r in rows]):
                for sid, fp in cur.execute(f"SELECT sample_id, model_fingerprint FROM face_embeddings "
                                           f"WHERE sample_id IN ({_marks(len(chunk))})", chunk).fetchall():
                    models.setdefault(int(sid), []).append(fp)
        return [StoredSample(int(r[0]), int(r[1]), r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9], int(r[10]),
                             tuple(sorted(models.get(int(r[0]), ()))), bool(r[11]), self._db.read_dt(r[12]))
                for r in rows]

    def sample_counts(self, fingerprint: str | None = None) -> dict[int, int]:
        """person id -> number of samples (with an embedding for ``fingerprint`` if given)."""
        return {pid: enrolled + learned for pid, (enrolled, learned) in self.kind_counts(fingerprint).items()}

    def kind_counts(self, fingerprint: str | None = None) -> dict[int, tuple[int, int]]:
        """person id -> (enrolled samples, learned samples), with an embedding for ``fingerprint`` if given."""
        with self._db.transaction() as cur:
            if fingerprint is None:
                rows = cur.execute("SELECT person_id, learned, COUNT(*) FROM face_samples "
                                   "GROUP BY person_id, learned").fetchall()
            else:
                rows = cur.execute("SELECT s.person_id, s.learned, COUNT(*) FROM face_samples s JOIN face_embeddings e "
                                   "ON e.sample_id = s.id AND e.model_fingerprint = ? GROUP BY s.person_id, s.learned",
                                   (fingerprint,)).fetchall()
        counts: dict[int, tuple[int, int]] = {}
        for pid, learned, n in rows:
            enrolled, learnt = counts.get(int(pid), (0, 0))
            counts[int(pid)] = (enrolled, learnt + int(n)) if learned else (enrolled + int(n), learnt)
        return counts

    def learned_sample_ids(self, person_id: int) -> list[int]:
        """The ids of the samples desks learned for a person, oldest first."""
        person_id = validation.row_id(person_id)
        with self._db.transaction() as cur:
            return [int(r[0]) for r in cur.execute("SELECT id FROM face_samples WHERE person_id = ? AND "
                                                   "learned = 1 ORDER BY id", (person_id,)).fetchall()]

    def first_image(self, person_id: int) -> bytes | None:
        """The crop of the person's first enrolled sample (what the desk shows to confirm them)."""
        person_id = validation.row_id(person_id)
        with self._db.transaction() as cur:
            row = cur.execute("SELECT image FROM face_samples WHERE person_id = ? AND image IS NOT NULL "
                              "ORDER BY learned, id LIMIT 1", (person_id,)).fetchone()
        return None if row is None else bytes(row[0])

    def coverage(self) -> Coverage:
        """Per model fingerprint: how many samples have an embedding, how many failed, of how many."""
        with self._db.transaction() as cur:
            samples, with_image = cur.execute(
                "SELECT COUNT(*), COUNT(image_sha256) FROM face_samples").fetchone()
            names = {fp: (name, int(dim)) for fp, name, dim in
                     cur.execute("SELECT fingerprint, name, dim FROM face_models").fetchall()}
            embedded = dict(cur.execute("SELECT model_fingerprint, COUNT(*) FROM face_embeddings "
                                        "GROUP BY model_fingerprint").fetchall())
            failed = dict(cur.execute("SELECT model_fingerprint, COUNT(*) FROM face_embed_failures "
                                      "GROUP BY model_fingerprint").fetchall())
        models = {}
        for fp in set(names) | set(embedded) | set(failed):
            name, dim = names.get(fp, ("", 0))
            models[fp] = ModelCoverage(fp, name, dim, int(embedded.get(fp, 0)), int(failed.get(fp, 0)))
        return Coverage(int(samples or 0), int(with_image or 0), models)

    def samples_missing(self, fingerprint: str, after_id: int = 0, limit: int = 64) -> list[MissingSample]:
        """Samples with neither an embedding nor a recorded failure for ``fingerprint``, by id."""
        with self._db.transaction() as cur:
            rows = cur.execute(
                "SELECT s.id, s.person_id, s.image, s.landmarks FROM face_samples s WHERE s.id > ? "
                "AND NOT EXISTS (SELECT 1 FROM face_embeddings e WHERE e.sample_id = s.id "
                "AND e.model_fingerprint = ?) "
                "AND NOT EXISTS (SELECT 1 FROM face_embed_failures f WHERE f.sample_id = s.id "
                "AND f.model_fingerprint = ?) ORDER BY s.id LIMIT ?",
                (int(after_id), fingerprint, fingerprint, int(limit))).fetchall()
        return [MissingSample(int(r[0]), int(r[1]), None if r[2] is None else bytes(r[2]),
                              decode_landmarks(r[3])) for r in rows]

    def failures(self, fingerprint: str) -> list[tuple[int, int, str]]:
        """(sample id, person id, reason) of the samples ``fingerprint`` could not embed."""
        with self._db.transaction() as cur:
            rows = cur.execute("SELECT f.sample_id, s.person_id, f.reason FROM face_embed_failures f "
                               "JOIN face_samples s ON s.id = f.sample_id WHERE f.model_fingerprint = ? "
                               "ORDER BY f.sample_id", (fingerprint,)).fetchall()
        return [(int(a), int(b), str(c)) for a, b, c in rows]
