"""Operations that keep the database and the face gallery consistent.

The gallery is duck-typed (``recognition.gallery.Gallery``: add / remove / rename / count /
embeddings_of / ids / save); its key for a person is the person number. Each operation runs in
one database transaction and saves the gallery before committing it: if the gallery cannot be
saved the transaction is rolled back and the in-memory gallery restored; if the commit fails
after the gallery was saved, the gallery is put back and saved again.
"""
from __future__ import annotations

import dataclasses
import logging

from backend.core import Backend
from backend.errors import PersonNotFound
from backend.records import Person

log = logging.getLogger(__name__)


def _snapshot(gallery, key: str):
    return gallery.embeddings_of(key) if gallery.count(key) else None


def _put_back(gallery, key: str, embeddings) -> None:
    """Make ``key`` hold exactly ``embeddings`` (None: absent) in memory."""
    gallery.remove(key)
    if embeddings is not None and len(embeddings):
        gallery.add(key, embeddings)


def _repair(gallery, what: str, undo) -> None:
    """The database failed after the gallery was saved: undo the gallery change and save again."""
    try:
        undo()
        gallery.save()
    except Exception:
        log.exception("could not repair the gallery after a failed %s; run people_service.reconcile", what)


def enroll_person(backend: Backend, gallery, embeddings, **person_fields) -> Person:
    """Create a person (fields of ``backend.people.create``) with their face ``embeddings`` (n, D).

    Raises DuplicatePersonNumber / ValueError (nothing changed) or the gallery's error (the new
    database row is rolled back).
    """
    saved = None
    try:
        with backend.transaction():
            person = backend.people.create(**person_fields)
            key = person.person_number
            stale = _snapshot(gallery, key)   # left by an earlier failure: the database never had them
            try:
                gallery.remove(key)
                gallery.add(key, embeddings)
                gallery.save()
            except BaseException:
                _put_back(gallery, key, stale)
                raise
            saved = (key, stale)
    except BaseException:
        if saved is not None:
            _repair(gallery, "enrollment", lambda: _put_back(gallery, *saved))
        raise
    return person


def delete_person(backend: Backend, gallery, person_id: int) -> Person:
    """Delete a person, their attendance (cascade) and their embeddings; returns what was deleted."""
    saved = None
    try:
        with backend.transaction():
            person = backend.people.get(person_id)
            if person is None:
                raise PersonNotFound(f"no person with id {person_id}")
            backend.people.delete(person_id)
            key = person.person_number
            previous = _snapshot(gallery, key)
            if previous is not None:
                try:
                    gallery.remove(key)
                    gallery.save()
                except BaseException:
                    _put_back(gallery, key, previous)
                    raise
                saved = (key, previous)
    except BaseException:
        if saved is not None:
            _repair(gallery, "deletion", lambda: _put_back(gallery, *saved))
        raise
    return person


def update_person(backend: Backend, gallery, person_id: int, **fields) -> Person:
    """Update a person; a new person number renames their gallery key in the same step."""
    renamed = None
    try:
        with backend.transaction():
            before = backend.people.get(person_id)
            if before is None:
                raise PersonNotFound(f"no person with id {person_id}")
            after = backend.people.update(person_id, **fields)
            old, new = before.person_number, after.person_number
            if old != new and gallery.count(old):
                stale = _snapshot(gallery, new)   # orphans: the database had no such number
                try:
                    gallery.remove(new)
                    gallery.rename(old, new)
                    gallery.save()
                except BaseException:
                    if gallery.count(new) and not gallery.count(old):
                        gallery.rename(new, old)
                    _put_back(gallery, new, stale)
                    raise
                renamed = (old, new, stale)
    except BaseException:
        if renamed is not None:
            old, new, stale = renamed

            def undo():
                gallery.rename(new, old)
                _put_back(gallery, new, stale)
            _repair(gallery, "update", undo)
        raise
    return after


@dataclasses.dataclass(frozen=True)
class ReconcileReport:
    removed_from_gallery: list[str]   # gallery keys with no person in the database (removed)
    without_embeddings: list[str]     # person numbers with no embeddings (re-enroll their face)


def reconcile(backend: Backend, gallery, remove_orphans: bool = True) -> ReconcileReport:
    """Repair after a crash: drop gallery entries of people the database does not have."""
    numbers = set(backend.people.numbers())
    orphans = [key for key in gallery.ids if key not in numbers]
    if orphans and remove_orphans:
        for key in orphans:
            gallery.remove(key)
        gallery.save()
    enrolled = set(gallery.ids)
    return ReconcileReport(orphans, sorted(n for n in numbers if n not in enrolled))
