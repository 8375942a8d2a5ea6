"""Corrections (补卡): the operator adds a check-in a person missed, with who and why.

A correction is a new attendance row with method "manual", the operator and the reason (schema 3),
recorded by ``AttendanceRepository.check_in`` like any other check-in (the cooldown rule applies: a
correction next to an existing check-in is refused as a repeat). Face check-ins are never changed or
removed here. Refused with a one-line message, writing nothing: no reason or operator, a time in the
future, before the person was enrolled, or while they were deactivated.

A correction is never deleted: ``withdraw`` records who withdrew it, when and why (schema 5,
correction_withdrawals); the correction's row stays, listed with its withdrawal in the history and the
workbook, and no longer counts (reports, the daily summary, the cooldown rule). Withdrawing a face
check-in, or a correction already withdrawn, is refused with one line, nothing written.
"""
from __future__ import annotations

import dataclasses
from datetime import date, datetime, timedelta

from backend import history, times, validation
from backend.attendance import AttendanceRepository
from backend.db import Database
from backend.errors import IntegrityViolation, PersonNotFound
from backend.people import PeopleRepository
from backend.records import AttendanceRow, CheckIn

MANUAL = "manual"


class Corrections:
    def __init__(self, db: Database, people: PeopleRepository, attendance: AttendanceRepository):
        self._db, self._people, self._attendance = db, people, attendance

    def add(self, person_id: int, when: datetime, *, reason: str, operator: str, desk: str = "",
            now: datetime | None = None) -> CheckIn:
        """Add a manual check-in of ``person_id`` at ``when``; returns the CheckIn ("recorded", or
        "cooldown" when a check-in next to it already covers that time, or "queued" if MySQL went away)."""
        person_id = validation.row_id(person_id)
        when = times.check_datetime(when, "correction time")
        reason = validation.text("reason", reason, required=True, strip=True)
        operator = validation.text("operator", operator, required=True, strip=True)
        now = times.now_local() if now is None else times.check_datetime(now, "now")
        if when > now:
            raise ValueError(f"a correction cannot be in the future: {when:%Y-%m-%d %H:%M} is after now "
                             f"({now:%Y-%m-%d %H:%M})")
        person = self._people.get(person_id)
        if person is None:
            raise PersonNotFound(f"no person with id {person_id}")
        who = f"{person.name} ({person.person_number})"
        if when < person.created_at:
            raise ValueError(f"{who} was enrolled on {person.created_at:%Y-%m-%d %H:%M}: no correction before "
                             "that")
        for start, end in self._people.inactive_periods(person_id):
            if start <= when and (end is None or when < end):
                until = "" if end is None else f" to {end:%Y-%m-%d %H:%M}"
                raise ValueError(f"{who} was deactivated from {start:%Y-%m-%d %H:%M}{until}: no correction "
                                 "for that time")
        return self._attendance.check_in(person_id, when, desk, None, method=MANUAL, operator=operator,
                                         reason=reason, allow_inactive=True)

    def withdraw(self, attendance_id: int, *, reason: str, operator: str, now: datetime | None = None) -> AttendanceRow:
        """Withdraw the correction ``attendance_id``; returns it with its withdrawal. ValueError (one line,
        nothing written) for a face check-in, a correction withdrawn already, no reason or operator."""
        attendance_id = validation.row_id(attendance_id)
        reason = validation.text("reason", reason, required=True, strip=True)
        operator = validation.text("operator", operator, required=True, strip=True)
        now = times.now_local() if now is None else times.check_datetime(now, "now")
        db = self._db
        try:
            with db.transaction(write=True) as cur:
                row = cur.execute(f"SELECT {history.ROW_COLUMNS} FROM {history.JOIN} WHERE a.id = ?",
                                  (attendance_id,)).fetchone()
                if row is None:
                    raise ValueError(f"no check-in with id {attendance_id}")
                found = history.read_row(db, row)
                what = f"{found.name} ({found.person_number}) at {found.checked_in_at:%Y-%m-%d %H:%M}"
                if found.method != MANUAL:
                    raise ValueError(f"the check-in of {what} was made by {found.method}, not added by an "
                                     "operator: only a correction (补卡) can be withdrawn")
                if found.withdrawn:
                    raise ValueError(f"the correction of {what} was already withdrawn on "
                                     f"{found.withdrawn_at:%Y-%m-%d %H:%M} by {found.withdrawn_by}: "
                                     f"{found.withdrawn_reason}")
                cur.execute("INSERT INTO correction_withdrawals (attendance_id, withdrawn_at, operator, reason) "
                            "VALUES (?, ?, ?, ?)", (attendance_id, db.dt(now), operator, reason))
        except IntegrityViolation as exc:
            if exc.kind != "unique":
                raise
            # another desk withdrew it between our read and our write
            raise ValueError(f"the correction {attendance_id} was withdrawn meanwhile by another desk") from None
        return dataclasses.replace(found, withdrawn_at=now, withdrawn_by=operator, withdrawn_reason=reason)

    def between(self, start: date, end: date, person_id: int | None = None) -> list[AttendanceRow]:
        """The corrections from ``start`` to ``end`` (days, both included), oldest first; the withdrawn ones
        too, with their withdrawal (AttendanceRow.withdrawn)."""
        lo, hi = times.day_start(start), times.day_start(end) + timedelta(days=1)
        where, params = "a.method = ? AND a.checked_in_at >= ? AND a.checked_in_at < ?", \
            [MANUAL, self._db.dt(lo), self._db.dt(hi)]
        if person_id is not None:
            where += " AND a.person_id = ?"
            params.append(validation.row_id(person_id))
        with self._db.transaction() as cur:
            rows = cur.execute(f"SELECT {history.ROW_COLUMNS} FROM {history.JOIN} WHERE {where} "
                               "ORDER BY a.checked_in_at, a.id", params).fetchall()
        return [history.read_row(self._db, r) for r in rows]
