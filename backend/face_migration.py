"""Bulk work on the face store: re-embed every sample with another model, import a desk's faces.

No model here (backend/ does not import recognition/): main.py injects the functions that need
one (``python main.py reembed ...`` / ``python main.py import-faces ...``).

``reembed`` is resumable: it only embeds samples that have neither an embedding nor a recorded
failure for the model, and commits each batch (with one change per person, for the desks already
on that model). Desks on the old model keep working meanwhile; a desk switches when its model
covers every sample (``FaceStore.coverage`` / ``desk.models.model_state``).
"""
from __future__ import annotations

import dataclasses
import logging
from pathlib import Path
from typing import Callable, Mapping, Sequence

import numpy as np

from backend.errors import BackendError
from backend.face_store import FaceModel, NewSample

log = logging.getLogger(__name__)

#: embed(stored images as JPEG bytes, landmarks) -> per image its embedding, or a text saying why
#: there is none (an unreadable picture, no face). ``landmarks[i]``: the sample's 5 points in image
#: i (align with them), or None (find the largest face first)
EmbedImages = Callable[[Sequence[bytes], Sequence[np.ndarray | None]], Sequence[np.ndarray | str]]
REEMBED_BATCH = 32
#: an embedding in the old gallery file this close (Euclidean, unit vectors) to the one
#: computed again from a photo is taken to be that photo's
IMPORT_MATCH_DISTANCE = 0.25


@dataclasses.dataclass
class ReembedReport:
    model: str
    embedded: int = 0
    failed: list[tuple[int, int, str]] = dataclasses.field(default_factory=list)  # sample, person, why
    remaining: int = 0            # samples still without an embedding or failure for the model
    seconds: float = 0.0
    interrupted: str | None = None  # the database went away: run the same command again

    @property
    def samples_per_second(self) -> float:
        return (self.embedded + len(self.failed)) / self.seconds if self.seconds > 0 else 0.0


def reembed(backend, model: FaceModel, embed: EmbedImages, *, batch_size: int = REEMBED_BATCH,
            retry_failed: bool = False, redetect: bool = False, progress: bool = True,
            on_batch: Callable[[int, int], None] | None = None) -> ReembedReport:
    """Embed every stored sample that lacks an embedding for ``model``.

    Each crop is aligned with the landmarks stored with it (``redetect``: found again by the
    detector, as for samples stored without them).

    A sample whose image is missing or unreadable, or in which no face is found, is recorded as a
    failure (reported, skipped, not retried unless ``retry_failed``). A database that goes away
    ends the run with ``interrupted`` set; what was committed stays, the next run goes on from it.
    ``on_batch(done, total)`` is called after each committed batch (the desk's progress bar).
    """
    import time

    from tqdm import tqdm

    store = backend.faces
    report = ReembedReport(model.label)
    started = time.perf_counter()
    bar = None
    try:
        if retry_failed:
            store.clear_failures(model.fingerprint)
        todo = store.coverage().missing(model.fingerprint)
        bar = tqdm(total=todo, unit="sample", desc=f"re-embedding for {model.label}", disable=not progress)
        after = done = 0
        while True:
            batch = store.samples_missing(model.fingerprint, after, batch_size)
            if not batch:
                break
            after = batch[-1].id
            failures = [(s.id, s.person_id, "no photo stored (imported embedding)") for s in batch if s.image is None]
            with_photo = [s for s in batch if s.image is not None]
            points = [None if redetect else s.landmarks for s in with_photo]
            vectors = list(embed([s.image for s in with_photo], points)) if with_photo else []
            if len(vectors) != len(with_photo):
                raise ValueError(f"embed returned {len(vectors)} results for {len(with_photo)} images")
            embeddings = []
            for s, vector in zip(with_photo, vectors):
                if isinstance(vector, str):
                    failures.append((s.id, s.person_id, vector))
                else:
                    embeddings.append((s.id, s.person_id, vector))
            store.put_embeddings(model, embeddings, failures)
            report.embedded += len(embeddings)
            report.failed += failures
            for sample_id, person_id, reason in failures:
                log.warning("sample %d (person %d) skipped: %s", sample_id, person_id, reason)
            bar.update(len(batch))
            done += len(batch)
            if on_batch is not None:
                on_batch(done, todo)
        report.remaining = store.coverage().missing(model.fingerprint)
    except BackendError as exc:
        report.interrupted = str(exc)
        log.error("re-embedding stopped: %s; run the same command again to continue", exc)
    finally:
        if bar is not None:
            bar.close()
        report.seconds = time.perf_counter() - started
    return report


# -- import of a desk's own faces ---------------------------------------------------------------
#: analyse(photo file) -> (the sample of its largest face (recognition.samples.FaceSample), its
#: embedding), or a text saying why there is none (not a readable picture, no face found)
AnalysePhoto = Callable[[Path], "tuple[object, np.ndarray] | str"]


@dataclasses.dataclass
class ImportReport:
    people: list[str] = dataclasses.field(default_factory=list)        # imported
    created: list[str] = dataclasses.field(default_factory=list)       # of which created as new people
    already: list[str] = dataclasses.field(default_factory=list)       # had samples in the store: skipped
    unknown: list[str] = dataclasses.field(default_factory=list)       # no such person number: skipped
    samples: int = 0
    kept_embeddings: int = 0          # embeddings taken from the gallery file (matched to a photo)
    new_embeddings: int = 0           # embeddings computed again from a photo
    without_photo: int = 0            # gallery embeddings with no photo: stored without an image
    problems: list[tuple[str, str]] = dataclasses.field(default_factory=list)   # (file, why)


def import_faces(backend, model: FaceModel, photos: Mapping[str, Sequence[Path]],
                 legacy: Mapping[str, np.ndarray], analyse: AnalysePhoto, *, desk: str = "",
                 create_missing: bool = False, progress: bool = True) -> ImportReport:
    """Move a desk's faces into the store: per person number (the gallery's key), samples from the
    photos (face crop with margin + quality), with the gallery file's embedding when one matches
    the photo (else the photo embedded again), and the gallery's unmatched embeddings as samples
    without a photo. ``legacy`` must be embeddings of ``model`` (the caller checks the file's
    fingerprint). A person already with samples in the store is skipped (running it twice adds
    nothing); a number the database does not know is skipped unless ``create_missing``.
    """
    from tqdm import tqdm

    from backend import people_service

    report = ImportReport()
    keys = sorted(set(photos) | set(legacy))
    for key in tqdm(keys, unit="person", desc="importing faces", disable=not progress):
        person = backend.people.get_by_number(key)
        if person is None and not create_missing:
            report.unknown.append(key)
            continue
        if person is not None and backend.faces.samples_of(person.id):
            report.already.append(key)
            continue
        old = np.atleast_2d(np.asarray(legacy.get(key, np.empty((0, 0))), np.float32))
        used = np.zeros(len(old) if old.size else 0, bool)
        samples: list[NewSample] = []
        kept = new = 0
        for path in photos.get(key, ()):
            analysed = analyse(Path(path))
            if isinstance(analysed, str):
                report.problems.append((str(path), analysed))
                continue
            face, embedding = analysed
            embedding = np.asarray(embedding, np.float32)
            if used.size:
                distances = np.linalg.norm(old - embedding / np.linalg.norm(embedding), axis=1)
                distances[used] = np.inf
                best = int(np.argmin(distances))
                if distances[best] <= IMPORT_MATCH_DISTANCE:
                    used[best] = True
                    embedding = old[best]
                    kept += 1
                else:
                    new += 1
            else:
                new += 1
            samples.append(NewSample.of(face, embedding, source="import"))
        leftover = old[~used] if used.size else np.empty((0, 0), np.float32)
        samples += [NewSample(image=None, embedding=e, source="import") for e in leftover]
        if not samples:
            continue
        if person is None:            # the person and their samples in one transaction
            people_service.enroll_person(backend, None, samples, desk=desk, model=model, person_number=key,
                                         name=key)
            report.created.append(key)
        else:
            people_service.add_samples(backend, None, person.id, samples, desk=desk, model=model)
        report.people.append(key)
        report.samples += len(samples)
        report.kept_embeddings += kept
        report.new_embeddings += new
        report.without_photo += len(leftover)
    return report

