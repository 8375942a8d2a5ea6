"""What the Leave tab does, as plain functions of a Backend (no Qt): a month's leave and the leave types, an
entry for a person named by number, a withdrawal, a CSV import. What is valid is backend.leave's decision: a
refused entry raises its one-line reason."""
from __future__ import annotations

import dataclasses
from datetime import date, datetime, timedelta

from desk.people_actions import person_by_number


@dataclasses.dataclass(frozen=True)
class LeaveMonth:
    """The leave types, and the leave and trips of a month (withdrawn ones too)."""
    first: date
    last: date
    types: list
    records: list


def month_of(backend, year: int, month: int) -> LeaveMonth:
    first = date(year, month, 1)
    last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    return LeaveMonth(first, last, backend.leave.types(), backend.leave.between(first, last))


def add(backend, number: str, type_code: str, start: date | datetime, end: date | datetime, *, operator: str,
        reason: str, half: str | None = None):
    """Enter leave of the person with ``number`` (UnknownPersonNumber if none): whole days (dates), a half day
    (``half`` "am"/"pm") or hours (datetimes). Returns the record stored."""
    person = person_by_number(backend, number)
    return backend.leave.add(person.id, type_code or "", start, end, operator=operator, reason=reason, half=half)


def withdraw(backend, leave_id: int, *, reason: str, operator: str):
    """Withdraw an entry: kept, with who and why, and no longer counted. Returns the record."""
    return backend.leave.withdraw(leave_id, reason=reason, operator=operator)


def import_file(backend, path, *, operator: str) -> list:
    """Enter every line of a leave CSV file, all or nothing; returns the records added."""
    return backend.leave.import_csv(path, operator=operator)
