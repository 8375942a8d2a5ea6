"""What the Schedules tab does, as plain functions of a Backend (no Qt): load the shifts, schedules and
calendar; save or delete a shift (asking first whether earlier days worked it); set or remove the schedule
of a department or of a person (named by number); add, delete, import and export calendar days.

What is valid is the backend's decision (backend.work_rules, backend.schedules): a refused change raises
its one-line reason. Every change returns a :class:`Change` the tab shows.
"""
from __future__ import annotations

import dataclasses
from datetime import date

from desk.people_actions import UnknownPersonNumber, person_by_number  # noqa: F401  (raised here too)


@dataclasses.dataclass(frozen=True)
class Schedules:
    """Everything the tab lists."""
    shifts: list
    departments: list
    overrides: list          # (person id, person number, name, their own schedule)
    calendar: list
    shift_versions: dict     # shift id -> [(valid_from, Shift)]: its later versions


@dataclasses.dataclass(frozen=True)
class Change:
    """A change was saved: ``count`` what it counted (calendar days imported or exported; None otherwise),
    ``notes`` what the operator should know (e.g. a holiday on a weekend)."""
    count: int | None = None
    notes: tuple[str, ...] = ()


def load(backend) -> Schedules:
    s = backend.schedules
    return Schedules(s.shifts(), s.departments(), s.person_overrides(), s.calendar(), s.shift_versions())


def shift_used_before(backend, shift_id: int, day: date) -> bool:
    """Whether earlier days than ``day`` worked the shift (then saving it asks: history or a new version)."""
    return backend.schedules.shift_used_before(shift_id, day)


def save_shift(backend, name: str, start: str, end: str, late_grace: int, early_grace: int, break_minutes: int,
               shift_id: int | None = None, valid_from: date | None = None) -> Change:
    """Add a shift (``shift_id`` None) or change one, for every day (``valid_from`` None) or from a day on."""
    backend.schedules.save_shift(name, start, end, late_grace, early_grace, break_minutes, shift_id=shift_id,
                                 valid_from=valid_from)
    return Change()


def delete_shift(backend, shift_id: int) -> Change:
    backend.schedules.delete_shift(shift_id)
    return Change()


def set_department_schedule(backend, department: str, shift_id: int, work_days: str,
                            valid_from: date | None = None) -> Change:
    backend.schedules.set_department_schedule(department, shift_id, work_days, valid_from)
    return Change()


def remove_department_schedule(backend, department: str) -> Change:
    backend.schedules.remove_department_schedule(department)
    return Change()


def set_person_schedule(backend, number: str, shift_id: int | None, work_days: str,
                        valid_from: date | None = None) -> Change:
    """The person's own schedule (``shift_id`` None: no schedule at all, never late or absent)."""
    backend.schedules.set_person_schedule(person_by_number(backend, number).id, shift_id, work_days, valid_from)
    return Change()


def remove_person_schedule(backend, number: str) -> Change:
    """The person follows their department's schedule again."""
    backend.schedules.remove_person_schedule(person_by_number(backend, number).id)
    return Change()


def set_calendar_day(backend, day: date, kind: str, name: str) -> Change:
    return Change(notes=tuple(backend.schedules.set_calendar_day(day, kind, name)))


def delete_calendar_day(backend, day: date) -> Change:
    backend.schedules.delete_calendar_day(day)
    return Change()


def import_calendar(backend, path) -> Change:
    """Add or replace the days of a CSV file (a bad row refuses the whole file)."""
    count, notes = backend.schedules.import_calendar_csv(path)
    return Change(count, tuple(notes))


def export_calendar(backend, path) -> Change:
    return Change(backend.schedules.export_calendar_csv(path))
