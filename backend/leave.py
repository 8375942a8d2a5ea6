"""Leave and business trips (请假、出差): types, a person's leave records, their audit, CSV import.

A leave type has a code (what a CSV file may name), a Chinese and an English name, paid or not, and is
counted in days or hours (schema 5 seeds 年假, 病假, 事假, 调休, 出差, 外出). A leave record covers
``[starts_at, ends_at)``: whole days (``whole_days``: each day from the first to the last is covered
whatever its shift, a night shift included) or a time span (a half day: the first or second half of that
day's shift; an errand: the hours typed). A day covered by leave is "on leave" (its type), never absent,
late or early for the covered time (backend/day_attendance.py).

Records are never deleted: ``withdraw`` keeps them with who withdrew them, when and why, and from then on
they do not count; every change is in ``leave_audit``. Refused with one line, nothing written: an end
before the start, a type that does not exist, a person deactivated or not enrolled yet then, leave that
overlaps another leave of the person, half a day on a day that is not a work day. A CSV import is all or
nothing and names the line of the first error.
"""
from __future__ import annotations

import csv
import dataclasses
import io
from datetime import date, datetime, timedelta

from backend import times, validation
from backend.db import Database
from backend.errors import PersonNotFound
from backend.work_rules import Schedule

DAY, HOUR = "day", "hour"
AM, PM = "am", "pm"
#: words a CSV file may use for a half day
_HALF_WORDS = {"am": AM, "上午": AM, "morning": AM, "pm": PM, "下午": PM, "afternoon": PM}
CSV_HEADER = ("person_number", "type", "start", "end", "half", "reason")
TYPE_COLUMNS = "id, code, name_zh, name_en, paid, unit, sort_order"
_RECORD_COLUMNS = ("l.id, l.person_id, p.person_number, p.name, l.type_id, l.starts_at, l.ends_at, l.whole_days, "
                   "l.reason, l.operator, l.created_at, l.withdrawn_at, l.withdrawn_by, l.withdrawn_reason")


@dataclasses.dataclass(frozen=True)
class LeaveType:
    id: int
    code: str
    name_zh: str
    name_en: str
    paid: bool
    unit: str                      # DAY or HOUR
    sort_order: int = 0

    def name(self, language: str) -> str:
        return self.name_zh if language == "zh_CN" else self.name_en


@dataclasses.dataclass(frozen=True)
class Leave:
    id: int
    person_id: int
    person_number: str
    name: str
    type_id: int
    starts_at: datetime
    ends_at: datetime
    whole_days: bool
    reason: str
    operator: str
    created_at: datetime
    withdrawn_at: datetime | None = None
    withdrawn_by: str | None = None
    withdrawn_reason: str | None = None

    @property
    def withdrawn(self) -> bool:
        return self.withdrawn_at is not None

    @property
    def last_day(self) -> date:
        return (self.ends_at - timedelta(milliseconds=1)).date()

    def span_text(self) -> str:
        if self.whole_days:
            first, last = self.starts_at.date(), self.last_day
            return str(first) if first == last else f"{first} to {last}"
        return f"{self.starts_at:%Y-%m-%d %H:%M} to {self.ends_at:%H:%M}" if self.starts_at.date() == \
            self.ends_at.date() else f"{self.starts_at:%Y-%m-%d %H:%M} to {self.ends_at:%Y-%m-%d %H:%M}"


@dataclasses.dataclass(frozen=True)
class AuditEntry:
    leave_id: int
    at: datetime
    operator: str
    action: str                    # "created" or "withdrawn"
    detail: str


# -- pure: what a leave covers -----------------------------------------------------------------------
def leave_span(start, end, half: str | None, schedule: Schedule, calendar: dict,
               who: str) -> tuple[datetime, datetime, bool]:
    """``(starts_at, ends_at, whole_days)`` of a leave: ``start``/``end`` dates (whole days, both included;
    with ``half`` "am"/"pm": that half of the day's shift) or datetimes (the time between). ValueError (one
    line) for an end before the start, a half day that is not one work day."""
    if isinstance(start, datetime) != isinstance(end, datetime) or not isinstance(start, date) \
            or not isinstance(end, date):
        raise ValueError(f"leave of {who}: give a start and an end date, or a start and an end time, got "
                         f"{start!r} and {end!r}")
    if isinstance(start, datetime):
        if half is not None:
            raise ValueError(f"leave of {who}: a half day is given by its date, not by times")
        start, end = times.check_datetime(start, "leave start"), times.check_datetime(end, "leave end")
        if end <= start:
            raise ValueError(f"leave of {who} ends ({end:%Y-%m-%d %H:%M}) before it starts "
                             f"({start:%Y-%m-%d %H:%M})")
        return start, end, False
    if end < start:
        raise ValueError(f"leave of {who} ends ({end}) before it starts ({start})")
    if half is None:
        return times.day_start(start), times.day_start(end) + timedelta(days=1), True
    if half not in (AM, PM):
        raise ValueError(f"leave of {who}: a half day is am or pm (上午 / 下午), got {half!r}")
    if end != start:
        raise ValueError(f"leave of {who}: a half day is one day, got {start} to {end}")
    kind = schedule.kind_of(start, calendar)
    if kind != "work":
        what = "has no schedule (a half day is half of a shift)" if kind == "none" else \
            f"does not work on {start} (a {kind} day): no half day of leave then"
        raise ValueError(f"{who} {what}")
    shift_start, shift_end = schedule.shift.bounds(start)
    middle = shift_start + (shift_end - shift_start) / 2
    return (shift_start, middle, False) if half == AM else (middle, shift_end, False)


def _parse_when(value: str, what: str):
    text = value.strip()
    try:
        return datetime.fromisoformat(text) if len(text) > 10 else date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"invalid {what} {value!r}: use YYYY-MM-DD or YYYY-MM-DD HH:MM") from None


@dataclasses.dataclass(frozen=True)
class LeaveLine:
    """One line of a leave CSV file, parsed (not checked against the database yet)."""
    line: int
    person_number: str
    type_word: str
    start: date | datetime
    end: date | datetime
    half: str | None
    reason: str


def parse_leave_csv(text: str) -> list[LeaveLine]:
    """Rows ``person_number,type,start,end[,half[,reason]]`` (a header row is optional; UTF-8, a BOM is
    fine). ValueError at the first bad line, naming it."""
    text = text.removeprefix("\ufeff")
    lines = []
    for number, row in enumerate(csv.reader(io.StringIO(text)), start=1):
        if not row or all(not cell.strip() for cell in row):
            continue
        if number == 1 and row[0].strip().lower() in ("person_number", "工号", "number"):
            continue
        try:
            if not 4 <= len(row) <= 6:
                raise ValueError(f"expected {','.join(CSV_HEADER)}, got {len(row)} fields")
            cells = [c.strip() for c in row] + [""] * (6 - len(row))
            half = cells[4].lower() or None
            if half is not None and half not in _HALF_WORDS:
                raise ValueError(f"half must be am or pm (上午 / 下午), got {cells[4]!r}")
            lines.append(LeaveLine(number, cells[0], cells[1], _parse_when(cells[2], "start"),
                                   _parse_when(cells[3], "end"), None if half is None else _HALF_WORDS[half],
                                   cells[5]))
        except ValueError as exc:
            raise ValueError(f"line {number}: {exc}; nothing was imported") from None
    if not lines:
        raise ValueError("the leave file has no rows (expected person_number,type,start,end,half,reason)")
    return lines


# -- the database ------------------------------------------------------------------------------------
def read_type(row) -> LeaveType:
    return LeaveType(int(row[0]), row[1], row[2], row[3], bool(row[4]), row[5], int(row[6]))


class LeaveRepository:
    def __init__(self, db: Database, people, schedules):
        self._db, self._people, self._schedules = db, people, schedules

    def types(self) -> list[LeaveType]:
        with self._db.transaction() as cur:
            return [read_type(r) for r in cur.execute(f"SELECT {TYPE_COLUMNS} FROM leave_types "
                                                  "ORDER BY sort_order, id").fetchall()]

    def type_of(self, word: str, types: list[LeaveType] | None = None) -> LeaveType:
        """The type a code or a name (Chinese or English, any case) stands for; ValueError if none."""
        types = self.types() if types is None else types
        key = (word or "").strip().lower()
        for kind in types:
            if key in (kind.code.lower(), kind.name_zh.lower(), kind.name_en.lower()):
                return kind
        raise ValueError(f"unknown leave type {word!r}; use one of "
                         f"{', '.join(f'{t.code} ({t.name_zh})' for t in types)}")

    def _read(self, row) -> Leave:
        read = self._db.read_dt
        return Leave(int(row[0]), int(row[1]), row[2], row[3], int(row[4]), read(row[5]), read(row[6]),
                     bool(row[7]), row[8] or "", row[9], read(row[10]), None if row[11] is None else read(row[11]),
                     row[12], row[13])

    def add(self, person_id: int, leave_type: str, start, end, *, operator: str, reason: str = "",
            half: str | None = None, now: datetime | None = None) -> Leave:
        """Enter leave of ``person_id`` (``leave_type``: a code or a name); see leave_span for start/end/half.
        ValueError (one line, nothing written) for bad input; PersonNotFound for an unknown person."""
        person = self._people.get(validation.row_id(person_id))
        if person is None:
            raise PersonNotFound(f"no person with id {person_id}")
        with self._db.transaction(write=True) as cur:
            return self._add(cur, person, leave_type, start, end, half, reason, operator, now, self.types())

    def _add(self, cur, person, leave_type, start, end, half, reason, operator, now, types) -> Leave:
        db = self._db
        who = f"{person.name} ({person.person_number})"
        kind = self.type_of(leave_type, types)
        operator = validation.text("operator", operator, required=True, strip=True)
        reason = validation.text("reason", reason, strip=True) or ""
        now = times.now_local() if now is None else times.check_datetime(now, "now")
        first = start.date() if isinstance(start, datetime) else start
        rules = self._schedules.rules(first, first) if half is not None else None
        starts_at, ends_at, whole = leave_span(
            start, end, half, rules.schedule_on(person.id, person.department, first) if rules else Schedule(None),
            rules.calendar if rules else {}, who)
        if not person.active:
            raise ValueError(f"{who} is deactivated: no leave can be entered (reactivate them first)")
        if (starts_at.date() if whole else starts_at) < (person.created_at.date() if whole else person.created_at):
            raise ValueError(f"{who} was enrolled on {person.created_at:%Y-%m-%d %H:%M}: no leave before that")
        clash = cur.execute(f"SELECT {_RECORD_COLUMNS} FROM leave_records l JOIN people p ON p.id = l.person_id "
                            "WHERE l.person_id = ? AND l.withdrawn_at IS NULL AND l.starts_at < ? AND l.ends_at > ? "
                            "ORDER BY l.starts_at LIMIT 1", (person.id, db.dt(ends_at), db.dt(starts_at))).fetchone()
        if clash is not None:
            other = self._read(clash)
            other_type = next((t for t in types if t.id == other.type_id), None)
            raise ValueError(f"{who} already has {other_type.name_zh if other_type else 'leave'} "
                             f"({other.span_text()}, entered by {other.operator}) overlapping that time")
        cur.execute("INSERT INTO leave_records (person_id, type_id, starts_at, ends_at, whole_days, reason, operator, "
                    "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (person.id, kind.id, db.dt(starts_at), db.dt(ends_at), int(whole), reason, operator, db.dt(now)))
        leave_id = int(cur.lastrowid)
        leave = Leave(leave_id, person.id, person.person_number, person.name, kind.id, starts_at, ends_at, whole,
                      reason, operator, now)
        self._audit(cur, leave_id, now, operator, "created", f"{kind.code} {leave.span_text()} {reason}".strip())
        return leave

    def _audit(self, cur, leave_id: int, at: datetime, operator: str, action: str, detail: str) -> None:
        cur.execute("INSERT INTO leave_audit (leave_id, at, operator, action, detail) VALUES (?, ?, ?, ?, ?)",
                    (leave_id, self._db.dt(at), operator, action, detail[:512]))

    def withdraw(self, leave_id: int, *, reason: str, operator: str, now: datetime | None = None) -> Leave:
        """Withdraw a leave record (kept, no longer counting); ValueError if it is withdrawn already."""
        leave_id = validation.row_id(leave_id)
        reason = validation.text("reason", reason, required=True, strip=True)
        operator = validation.text("operator", operator, required=True, strip=True)
        now = times.now_local() if now is None else times.check_datetime(now, "now")
        db = self._db
        with db.transaction(write=True) as cur:
            row = cur.execute(f"SELECT {_RECORD_COLUMNS} FROM leave_records l JOIN people p ON p.id = l.person_id "
                              "WHERE l.id = ?", (leave_id,)).fetchone()
            if row is None:
                raise ValueError(f"no leave with id {leave_id}")
            leave = self._read(row)
            if leave.withdrawn:
                raise ValueError(f"the leave of {leave.name} ({leave.person_number}) {leave.span_text()} was already "
                                 f"withdrawn on {leave.withdrawn_at:%Y-%m-%d %H:%M} by {leave.withdrawn_by}: "
                                 f"{leave.withdrawn_reason}")
            changed = cur.execute("UPDATE leave_records SET withdrawn_at = ?, withdrawn_by = ?, withdrawn_reason = ? "
                                  "WHERE id = ? AND withdrawn_at IS NULL",
                                  (db.dt(now), operator, reason, leave_id)).rowcount
            if changed != 1:
                raise ValueError(f"the leave {leave_id} was withdrawn meanwhile by another desk")
            self._audit(cur, leave_id, now, operator, "withdrawn", reason)
        return dataclasses.replace(leave, withdrawn_at=now, withdrawn_by=operator, withdrawn_reason=reason)

    def between(self, start: date, end: date, person_id: int | None = None,
                include_withdrawn: bool = True) -> list[Leave]:
        """Leave overlapping the days ``start`` to ``end`` (both included), by start."""
        db = self._db
        where, params = "l.starts_at < ? AND l.ends_at > ?", [db.dt(times.day_start(end) + timedelta(days=1)),
                                                              db.dt(times.day_start(start))]
        if person_id is not None:
            where += " AND l.person_id = ?"
            params.append(validation.row_id(person_id))
        if not include_withdrawn:
            where += " AND l.withdrawn_at IS NULL"
        with db.transaction() as cur:
            rows = cur.execute(f"SELECT {_RECORD_COLUMNS} FROM leave_records l JOIN people p ON p.id = l.person_id "
                               f"WHERE {where} ORDER BY l.starts_at, l.id", params).fetchall()
        return [self._read(r) for r in rows]

    def audit(self, leave_id: int) -> list[AuditEntry]:
        with self._db.transaction() as cur:
            rows = cur.execute("SELECT leave_id, at, operator, action, detail FROM leave_audit WHERE leave_id = ? "
                               "ORDER BY id", (validation.row_id(leave_id),)).fetchall()
        return [AuditEntry(int(r[0]), self._db.read_dt(r[1]), r[2], r[3], r[4]) for r in rows]

    def import_csv(self, path, *, operator: str, now: datetime | None = None) -> list[Leave]:
        """Enter every line of a leave CSV file in one transaction: the first bad line (a person or type that
        does not exist, and every refusal of ``add``) is named and nothing is written."""
        try:
            with open(path, encoding="utf-8") as f:
                text = f.read()
        except (OSError, UnicodeDecodeError) as exc:
            raise ValueError(f"cannot read {path}: {exc}") from None
        lines = parse_leave_csv(text)
        types = self.types()
        added = []
        with self._db.transaction(write=True) as cur:
            for line in lines:
                try:
                    person = self._people.get_by_number(line.person_number)
                    if person is None:
                        raise ValueError(f"no person with number {line.person_number!r}")
                    added.append(self._add(cur, person, line.type_word, line.start, line.end, line.half, line.reason,
                                           operator, now, types))
                except ValueError as exc:
                    raise ValueError(f"line {line.line}: {exc}; nothing was imported") from None
        return added
