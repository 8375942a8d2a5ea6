"""What the People tab does to people, as plain functions of a Backend (no Qt): search, check a form, say what
a save changes, save, forget learned samples, deactivate / reactivate, count what deleting loses, delete, read
photos and add them. Each returns a typed result the tab shows; every write goes through
backend.people_service (one transaction each; the desk's face cache follows through ``face_sync``).

The functions that take a ``backend`` run on the database thread (the tab hands them to its BackendClient);
``read_photos`` runs the recognizer, on a pool thread.
"""
from __future__ import annotations

import dataclasses
from typing import Sequence

from backend import people_service
from backend.validation import MAX_LENGTH

#: how many people a search lists at most
SEARCH_LIMIT = 500
#: the form's text fields, in the order they are shown
TEXT_FIELDS = ("person_number", "name", "phone", "department", "note")
#: the fields a person cannot be saved without
REQUIRED = ("person_number", "name")


class UnknownPersonNumber(LookupError):
    """No person has the number typed (a screen says so in its own words)."""

    def __init__(self, number: str):
        super().__init__(f"no person with number {number}")
        self.number = number


def person_by_number(backend, number: str):
    """The person with ``number`` (spaces around it ignored); UnknownPersonNumber if there is none."""
    person = backend.people.get_by_number(number.strip())
    if person is None:
        raise UnknownPersonNumber(number.strip())
    return person


@dataclasses.dataclass(frozen=True)
class PeopleList:
    """People found by a search, and their face samples: person id -> (enrolled, learned)."""
    people: list
    sample_counts: dict


@dataclasses.dataclass(frozen=True)
class FieldProblem:
    """Why a field of the form cannot be saved: ``kind`` "required", or "too_long" (``length`` > ``limit``)."""
    field: str
    kind: str
    length: int = 0
    limit: int = 0


@dataclasses.dataclass(frozen=True)
class FieldChange:
    field: str
    before: object
    after: object


@dataclasses.dataclass(frozen=True)
class DeletionCost:
    """What deleting a person loses for good; ``offer_deactivate``: deactivating keeps it all (while active)."""
    check_ins: int
    samples: int
    offer_deactivate: bool


@dataclasses.dataclass(frozen=True)
class PhotoReading:
    """Photos read off the database thread: every result (with its error, if any) and the samples to store."""
    results: list
    samples: list

    @property
    def added(self) -> int:
        return sum(1 for r in self.results if r.embedding is not None)

    @property
    def problems(self) -> list[tuple[str, str]]:
        return [(str(r.path), r.error) for r in self.results if r.error]


@dataclasses.dataclass(frozen=True)
class PhotosAdded:
    """``added``: photos whose face became a sample; ``problems``: (path, why not) of the others."""
    added: int
    problems: list


def search(backend, text: str, limit: int = SEARCH_LIMIT) -> PeopleList:
    return PeopleList(backend.people.search(text, limit=limit), backend.faces.kind_counts())


def form_fields(number: str, name: str, gender, phone: str, department: str, note: str) -> dict:
    """The values a form's texts save as: trimmed; an empty optional field is stored as nothing."""
    return {"person_number": number.strip(), "name": name.strip(), "gender": gender or None,
            "phone": phone.strip() or None, "department": department.strip() or None, "note": note.strip() or None}


def check_fields(fields: dict) -> list[FieldProblem]:
    """The problems that keep ``fields`` from being saved, one per field at most (the database's limits,
    said before anything is sent; a text longer than its column is refused, never cut)."""
    problems = {}
    for field in REQUIRED:
        if not fields[field]:
            problems[field] = FieldProblem(field, "required")
    for field in TEXT_FIELDS:
        if fields[field] and len(fields[field]) > MAX_LENGTH[field]:
            problems[field] = FieldProblem(field, "too_long", len(fields[field]), MAX_LENGTH[field])
    return list(problems.values())


def changes(person, fields: dict) -> list[FieldChange]:
    """What saving ``fields`` changes of ``person`` (an empty stored value and none are the same)."""
    before = {"person_number": person.person_number, "name": person.name, "gender": person.gender or None,
              "phone": person.phone or None, "department": person.department or None, "note": person.note or None}
    return [FieldChange(field, before[field], value) for field, value in fields.items() if value != before[field]]


def update_person(backend, face_sync, person_id: int, fields: dict):
    """Save ``fields``; returns the person as stored (DuplicatePersonNumber when the number is taken)."""
    return people_service.update_person(backend, face_sync, person_id, **fields)


def forget_learned(backend, face_sync, person_id: int) -> int:
    """Remove the samples desks learned from the person's check-ins (enrolled ones stay); returns how many."""
    return people_service.forget_learned(backend, face_sync, person_id)


def set_active(backend, face_sync, person_id: int, active: bool):
    """Deactivate (kept, with history and samples; recognized and checked in nowhere) or reactivate."""
    return people_service.set_active(backend, face_sync, person_id, active)


def deletion_cost(backend, person) -> DeletionCost:
    return DeletionCost(backend.attendance.count_of(person.id), backend.faces.sample_counts().get(person.id, 0),
                        offer_deactivate=bool(person.active))


def delete_person(backend, face_sync, person_id: int) -> None:
    """Delete the person with their check-ins and face samples, for good."""
    people_service.delete_person(backend, face_sync, person_id)


def read_photos(recognizer, paths: Sequence) -> PhotoReading:
    """Find and embed the largest face of each photo (unreadable and faceless files are reported, not fatal)."""
    from backend.face_store import samples_from_photos
    from recognition.photos import embed_photos

    found = embed_photos(recognizer, paths)
    return PhotoReading(found, samples_from_photos([r for r in found if r.embedding is not None]))


def add_photos(backend, face_sync, person, reading: PhotoReading, desk: str = "") -> PhotosAdded:
    """Store the samples of ``reading`` for ``person`` (their face crops are kept in the face store); refused
    when the person was deleted while the photos were read."""
    if backend.people.get(person.id) is None:
        raise LookupError(f"{person.person_number} is no longer in the database")
    if reading.samples:
        people_service.add_samples(backend, face_sync, person.id, reading.samples, desk=desk)
    return PhotosAdded(reading.added, reading.problems)
