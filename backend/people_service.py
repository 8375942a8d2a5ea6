"""The one place that changes people: their rows, face samples, embeddings and the change feed.

Each operation is ONE database transaction: the person row, their samples and embeddings, and the
change that tells every desk (``backend.face_sync``) to re-read the person. The desk's own gallery
is a cache of the database: after the commit it is brought up to date by ``cache.poll(backend)``
(the same path every other desk takes), and a failure there is logged, never undoes the commit;
the next sync repairs it.

``cache`` is the desk's :class:`backend.face_sync.FaceSync` (None: no local gallery, e.g. a CLI);
``model`` is the model the given embeddings belong to (default: the cache's).

Enrolling while the MySQL server is unreachable is refused with :class:`BackendOffline` and
nothing is written anywhere. Not queued, because an enrollment cannot be settled offline: the
person number may be taken meanwhile by another desk, the server assigns the person id that
check-ins (also those queued in the outbox) refer to, and every other desk would learn of the
person only later anyway.
"""
from __future__ import annotations

import dataclasses
import logging
from typing import Sequence

from backend.core import Backend
from backend.errors import BackendOffline, PersonNotFound
from backend.face_store import FaceModel, NewSample
from backend.records import Person

log = logging.getLogger(__name__)


def _model(cache, model: FaceModel | None, samples: Sequence[NewSample]) -> FaceModel | None:
    model = model or (cache.model if cache is not None else None)
    if model is None and any(s.embedding is not None for s in samples):
        raise ValueError("embeddings given without the model they belong to (pass model= or a cache)")
    return model


def _refresh(backend: Backend, cache, what: str) -> None:
    """Bring the desk's cache up to date after a commit; a failure is only logged."""
    if cache is None:
        return
    try:
        cache.poll(backend)
    except Exception as exc:
        log.warning("%s is saved in the database, but this desk's face cache could not follow yet "
                    "(%s); the next sync brings it", what, exc)


class _Writing:
    """Tells a failure before the commit (nothing written) from one during it (outcome unknown)."""

    def __init__(self, backend: Backend, what: str):
        self.backend, self.what = backend, what

    def _offline(self, error) -> BackendOffline:
        return BackendOffline(f"cannot {self.what} while the database is unreachable; nothing was saved, "
                              f"try again when it is back ({error})")

    def __enter__(self):
        self._tx = self.backend.transaction()
        try:
            return self._tx.__enter__()
        except BackendOffline as exc:
            raise self._offline(exc) from exc

    def __exit__(self, exc_type, exc, tb):
        try:
            self._tx.__exit__(exc_type, exc, tb)      # commits, or rolls back and returns False
        except BackendOffline as error:
            if exc_type is None:      # lost while committing: the server may have committed or not
                raise BackendOffline(f"the connection broke while saving ({error}); whether the change "
                                     "was stored shows once the database is back (People tab)") from error
            raise self._offline(error) from error
        if isinstance(exc, BackendOffline):
            raise self._offline(exc) from exc
        return False


def enroll_person(backend: Backend, cache, samples: Sequence[NewSample], *, desk: str = "",
                  model: FaceModel | None = None, **person_fields) -> Person:
    """Create a person (fields of ``backend.people.create``) with their face samples.

    Raises DuplicatePersonNumber / ValueError / BackendOffline; nothing is stored then.
    """
    samples = list(samples)
    if not samples:
        raise ValueError("at least one face sample is needed to enroll a person")
    model = _model(cache, model, samples)
    with _Writing(backend, "enroll"):
        person = backend.people.create(**person_fields)
        backend.faces.add_samples(person.id, samples, model, desk)
        backend.faces.record_changes([person.id])
    _refresh(backend, cache, f"{person.person_number} ({person.name})")
    return person


def add_samples(backend: Backend, cache, person_id: int, samples: Sequence[NewSample], *,
                desk: str = "", model: FaceModel | None = None) -> list[int]:
    """Add face samples to a person; returns the sample ids (an image the person already has is
    not stored twice)."""
    samples = list(samples)
    if not samples:
        return []
    model = _model(cache, model, samples)
    with _Writing(backend, "add face samples"):
        ids = backend.faces.add_samples(person_id, samples, model, desk)
        backend.faces.record_changes([person_id])
    _refresh(backend, cache, f"samples of person {person_id}")
    return ids


def learn_sample(backend: Backend, cache, person_id: int, sample: NewSample, *, replaces: int | None,
                 max_learned: int, desk: str = "", model: FaceModel | None = None) -> int | None:
    """Add a sample a desk learned from a check-in of the person (``sample.learned`` is set here),
    replacing the learned sample ``replaces`` (None: added beside the others); returns its id, or None
    when nothing was stored: the person is gone or inactive, ``replaces`` is no longer theirs, or
    they have ``max_learned`` learned samples already (another desk was quicker). One transaction:
    the sample is stored whole or not at all (BackendOffline when the database is unreachable: the
    caller drops it; the next visit teaches again)."""
    sample = dataclasses.replace(sample, learned=True)
    model = _model(cache, model, [sample])
    with _Writing(backend, "learn a face sample"):
        if not backend.people.lock_active(person_id):
            return None
        learned = backend.faces.learned_sample_ids(person_id)
        if replaces is not None:
            if replaces not in learned:
                return None
            backend.faces.delete_samples(person_id, [replaces])
            learned.remove(replaces)
        if len(learned) >= max_learned:
            return None
        (sample_id,) = backend.faces.add_samples(person_id, [sample], model, desk)
        backend.faces.record_changes([person_id])
    _refresh(backend, cache, f"a learned sample of person {person_id}")
    return sample_id


def forget_learned(backend: Backend, cache, person_id: int) -> int:
    """Delete every sample desks learned for a person (their enrolled samples stay); returns how many."""
    with _Writing(backend, "forget learned samples"):
        deleted = backend.faces.delete_samples(person_id, backend.faces.learned_sample_ids(person_id))
        if deleted:
            backend.faces.record_changes([person_id])
    if deleted:
        _refresh(backend, cache, f"forgotten samples of person {person_id}")
    return deleted


def delete_samples(backend: Backend, cache, person_id: int, sample_ids: Sequence[int]) -> int:
    """Delete some face samples of a person (and their embeddings for every model)."""
    with _Writing(backend, "delete face samples"):
        deleted = backend.faces.delete_samples(person_id, sample_ids)
        if deleted:
            backend.faces.record_changes([person_id])
    if deleted:
        _refresh(backend, cache, f"deleted samples of person {person_id}")
    return deleted


def delete_person(backend: Backend, cache, person_id: int) -> Person:
    """Delete a person, their attendance, samples and embeddings (cascade); returns who it was."""
    with _Writing(backend, "delete a person"):
        person = backend.people.get(person_id)
        if person is None:
            raise PersonNotFound(f"no person with id {person_id}")
        backend.people.delete(person_id)
        backend.faces.record_changes([person_id])
    _refresh(backend, cache, f"deletion of {person.person_number}")
    return person


def update_person(backend: Backend, cache, person_id: int, **fields) -> Person:
    """Update a person's fields; a new person number or active flag reaches every desk's gallery."""
    with _Writing(backend, "save the person"):
        before = backend.people.get(person_id)
        if before is None:
            raise PersonNotFound(f"no person with id {person_id}")
        after = backend.people.update(person_id, **fields)
        face_relevant = (before.person_number, before.active) != (after.person_number, after.active)
        if face_relevant:
            backend.faces.record_changes([person_id])
    if face_relevant:
        _refresh(backend, cache, f"change of {after.person_number}")
    return after


def set_active(backend: Backend, cache, person_id: int, active: bool) -> Person:
    """Deactivate (not recognized, no check-ins; samples and history kept) or reactivate."""
    return update_person(backend, cache, person_id, active=bool(active))


@dataclasses.dataclass(frozen=True)
class ReconcileReport:
    removed_from_gallery: list[str]   # gallery keys with no person in the database (removed)
    without_embeddings: list[str]     # person numbers with no embeddings (re-enroll their face)


def reconcile(backend: Backend, gallery, remove_orphans: bool = True) -> ReconcileReport:
    """Compare a gallery with the people table: gallery keys without a person (removed if
    ``remove_orphans``) and people without embeddings in it."""
    numbers = set(backend.people.numbers())
    orphans = [key for key in gallery.ids if key not in numbers]
    if orphans and remove_orphans:
        gallery.replace_people({key: None for key in orphans})
        gallery.save()
    enrolled = set(gallery.ids)
    return ReconcileReport(orphans, sorted(n for n in numbers if n not in enrolled))
