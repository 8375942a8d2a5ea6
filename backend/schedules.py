"""Work rules in the database (schema 4): shifts, a schedule per department and per person, the calendar.

A department's schedule is keyed by the exact text of ``people.department`` (blanks at the ends
ignored). Reports take each person's department as it is when the report runs: someone moved to another
department (or a department renamed) mid-month is reported for the whole month under the new one, with
its schedule; a renamed department needs its schedule set under the new name (the Schedules tab lists
departments that have people but no schedule). A person's own schedule wins over their department's.

Schedules apply from a date (schema 5, ``valid_from``): a version runs until the next one starts, so a
report of an earlier month uses the schedule in force then. ``valid_from`` None sets the schedule from the
beginning and drops the later versions (history changes); a date adds (or replaces) the version starting
then. A person's version may not start before they were enrolled. A shift changes the same way
(``save_shift(..., valid_from=day)``: a new version of its times from that day; None: history changes).
"""
from __future__ import annotations

import dataclasses
import bisect
from datetime import date, datetime
from pathlib import Path

from backend import validation, work_rules
from backend.csv_export import safe_cell, write_csv
from backend.db import Database
from backend.errors import BackendError, IntegrityViolation, PersonNotFound
from backend.work_rules import NO_SCHEDULE, CalendarDay, Schedule, Shift

_SHIFT_COLUMNS = "id, name, start_minute, end_minute, late_grace_minutes, early_grace_minutes, break_minutes"


class ShiftInUse(BackendError):
    """A shift that a department or a person works cannot be deleted."""


#: valid_from of a schedule that applies from the beginning
BEGINNING = date(1000, 1, 1)


def in_force(versions, day: date):
    """The schedule of ``versions`` ([(valid_from, Schedule)], by date) in force on ``day``; None if none."""
    if not versions:
        return None
    index = bisect.bisect_right([v[0] for v in versions], day) - 1
    return versions[index][1] if index >= 0 else None


def with_shift_versions(versions, changes) -> list:
    """Schedule ``versions`` [(valid_from, Schedule)] with their shift's versions (``changes``: shift id ->
    [(valid_from, Shift)]) in force: a version's shift as it was on its first day, and a further version
    where its shift changes before the next schedule version starts."""
    out = []
    for index, (start, schedule) in enumerate(versions):
        until = versions[index + 1][0] if index + 1 < len(versions) else date.max
        shift_changes = changes.get(schedule.shift.id, ()) if schedule.shift is not None else ()
        first = in_force(shift_changes, start)
        out.append((start, schedule if first is None else dataclasses.replace(schedule, shift=first)))
        out.extend((day, dataclasses.replace(schedule, shift=shift)) for day, shift in shift_changes
                   if start < day < until)
    return out


@dataclasses.dataclass(frozen=True)
class Rules:
    """Everything a report needs to know about who works when. ``departments`` / ``people``: the schedule
    in force on ``today`` (else the first version), for lists; the versions decide a report's days."""
    shifts: dict[int, Shift]
    departments: dict[str, Schedule]          # department text -> schedule (today's)
    people: dict[int, Schedule]               # person id -> their own schedule (today's)
    calendar: dict[date, CalendarDay]
    department_versions: dict = dataclasses.field(default_factory=dict)   # text -> [(valid_from, Schedule)]
    person_versions: dict = dataclasses.field(default_factory=dict)       # id -> [(valid_from, Schedule)]

    def schedule_of(self, person_id: int, department: str | None) -> Schedule:
        own = self.people.get(person_id)
        if own is not None:
            return own
        return self.departments.get((department or "").strip(), NO_SCHEDULE)

    def schedule_on(self, person_id: int, department: str | None, day: date) -> Schedule:
        """The schedule in force for a person on ``day``: their own version then, else their department's."""
        own = in_force(self.person_versions.get(person_id), day)
        if own is not None:
            return own
        return in_force(self.department_versions.get((department or "").strip()), day) or NO_SCHEDULE

    def segments(self, person_id: int, department: str | None, days: list[date]) -> list[tuple[int, int, Schedule]]:
        """``days`` cut where a person's schedule changes: [(first index, end index, Schedule)]."""
        starts = {v[0] for v in self.person_versions.get(person_id, ())} | \
            {v[0] for v in self.department_versions.get((department or "").strip(), ())}
        cuts = [0] + sorted((d - days[0]).days for d in starts if days[0] < d <= days[-1]) + [len(days)]
        return [(lo, hi, self.schedule_on(person_id, department, days[lo])) for lo, hi in zip(cuts, cuts[1:])]


@dataclasses.dataclass(frozen=True)
class DepartmentRow:
    """A department the Schedules tab lists: people in it now, its schedule today (None: none) and every
    version [(valid_from, Schedule)]."""
    department: str
    people: int
    schedule: Schedule | None
    versions: tuple = ()


def _shift(row) -> Shift:
    return Shift(int(row[0]), row[1], int(row[2]), int(row[3]), int(row[4]), int(row[5]), int(row[6]))


class ScheduleRepository:
    def __init__(self, db: Database):
        self._db = db

    # -- shifts ----------------------------------------------------------------------------------
    def shifts(self) -> list[Shift]:
        with self._db.transaction() as cur:
            return [_shift(r) for r in cur.execute(f"SELECT {_SHIFT_COLUMNS} FROM shifts ORDER BY name, id")
                    .fetchall()]

    def save_shift(self, name, start, end, late_grace=0, early_grace=0, break_minutes=0,
                   shift_id: int | None = None, valid_from: date | None = None) -> Shift:
        """Add a shift (``shift_id`` None) or change one: from ``valid_from`` on (a new version: the days
        before keep the times they had), or (None) for every day, earlier ones too (its versions are
        dropped). ValueError for bad values or a name in use."""
        shift = work_rules.check_shift(name, start, end, late_grace, early_grace, break_minutes,
                                       id=None if shift_id is None else validation.row_id(shift_id, "shift id"))
        values = (shift.name, shift.start, shift.end, shift.late_grace, shift.early_grace, shift.break_minutes)
        if valid_from is not None:
            if shift.id is None:
                raise ValueError("a new shift applies from the day a schedule gives it: no version date")
            return self._shift_version(shift, self._valid_from(valid_from))
        with self._db.transaction(write=True) as cur:
            if shift.id is not None:
                cur.execute("DELETE FROM shift_versions WHERE shift_id = ?", (shift.id,))
            # case-insensitive on both engines, as MySQL's unique key on the name is
            holder = cur.execute("SELECT id FROM shifts WHERE LOWER(name) = LOWER(?)", (shift.name,)).scalar()
            if holder is not None and holder != shift.id:
                raise ValueError(f"a shift named {shift.name!r} exists already")
            try:
                if shift.id is None:
                    cur.execute("INSERT INTO shifts (name, start_minute, end_minute, late_grace_minutes, "
                                "early_grace_minutes, break_minutes) VALUES (?, ?, ?, ?, ?, ?)", values)
                    shift = dataclasses.replace(shift, id=int(cur.lastrowid))
                elif cur.execute("UPDATE shifts SET name = ?, start_minute = ?, end_minute = ?, "
                                 "late_grace_minutes = ?, early_grace_minutes = ?, break_minutes = ? "
                                 "WHERE id = ?", (*values, shift.id)).rowcount == 0 \
                        and cur.execute("SELECT id FROM shifts WHERE id = ?", (shift.id,)).scalar() is None:
                    raise ValueError(f"no shift with id {shift.id} (deleted meanwhile?)")
            except IntegrityViolation as exc:
                if exc.kind == "unique":        # a name (case-insensitive on MySQL) taken meanwhile
                    raise ValueError(f"a shift named {shift.name!r} exists already") from exc
                raise
        return shift

    def _shift_version(self, shift: Shift, valid_from: date) -> Shift:
        with self._db.transaction(write=True) as cur:
            if cur.execute("SELECT id FROM shifts WHERE id = ?", (shift.id,)).scalar() is None:
                raise ValueError(f"no shift with id {shift.id} (deleted meanwhile?)")
            holder = cur.execute("SELECT id FROM shifts WHERE LOWER(name) = LOWER(?)", (shift.name,)).scalar()
            if holder is not None and holder != shift.id:
                raise ValueError(f"a shift named {shift.name!r} exists already")
            cur.execute("UPDATE shifts SET name = ? WHERE id = ?", (shift.name, shift.id))
            cur.execute("DELETE FROM shift_versions WHERE shift_id = ? AND valid_from = ?",
                        (shift.id, valid_from.isoformat()))
            cur.execute("INSERT INTO shift_versions (shift_id, valid_from, start_minute, end_minute, late_grace_minutes, "
                        "early_grace_minutes, break_minutes) VALUES (?, ?, ?, ?, ?, ?, ?)",
                        (shift.id, valid_from.isoformat(), shift.start, shift.end, shift.late_grace, shift.early_grace,
                         shift.break_minutes))
        return shift

    def shift_used_before(self, shift_id: int, day: date) -> bool:
        """Whether a schedule gave ``shift_id`` to a day before ``day`` (changing it then changes history)."""
        shift_id = validation.row_id(shift_id, "shift id")
        with self._db.transaction() as cur:
            return any(cur.execute(f"SELECT COUNT(*) FROM {table} WHERE shift_id = ? AND valid_from < ?",
                                   (shift_id, day.isoformat())).scalar() for table in ("department_schedules",
                                                                                        "person_schedules"))

    def shift_versions(self) -> dict[int, list[tuple[date, Shift]]]:
        """shift id -> its later versions [(valid_from, Shift)], by date (the shifts row is the first)."""
        with self._db.transaction() as cur:
            names = dict(cur.execute("SELECT id, name FROM shifts").fetchall())
            versions: dict[int, list] = {}
            for row in cur.execute("SELECT shift_id, valid_from, start_minute, end_minute, late_grace_minutes, "
                                   "early_grace_minutes, break_minutes FROM shift_versions "
                                   "ORDER BY shift_id, valid_from").fetchall():
                shift_id = int(row[0])
                versions.setdefault(shift_id, []).append(
                    (self._db.read_date(row[1]), Shift(shift_id, names[row[0]], *(int(v) for v in row[2:]))))
        return versions

    def delete_shift(self, shift_id: int) -> bool:
        """Delete a shift nobody works; ShiftInUse (saying who) otherwise. False if there was none."""
        shift_id = validation.row_id(shift_id, "shift id")
        with self._db.transaction(write=True) as cur:
            name = cur.execute("SELECT name FROM shifts WHERE id = ?", (shift_id,)).scalar()
            if name is None:
                return False
            departments = [r[0] for r in cur.execute(
                "SELECT department FROM department_schedules WHERE shift_id = ? ORDER BY department",
                (shift_id,)).fetchall()]
            people = int(cur.execute("SELECT COUNT(*) FROM person_schedules WHERE shift_id = ?",
                                     (shift_id,)).scalar())
            if departments or people:
                users = ([f"department(s) {', '.join(departments)}"] if departments else []) + \
                    ([f"{people} person(s) of their own"] if people else [])
                raise ShiftInUse(f"shift {name!r} is the schedule of {' and '.join(users)}: give them another "
                                 "shift first")
            cur.execute("DELETE FROM shifts WHERE id = ?", (shift_id,))
        return True

    # -- schedules -----------------------------------------------------------------------------
    def _shift_exists(self, cur, shift_id) -> int:
        shift_id = validation.row_id(shift_id, "shift id")
        if cur.execute("SELECT id FROM shifts WHERE id = ?", (shift_id,)).scalar() is None:
            raise ValueError(f"no shift with id {shift_id} (deleted meanwhile?)")
        return shift_id

    @staticmethod
    def _valid_from(value) -> date:
        if value is None:
            return BEGINNING
        if isinstance(value, datetime) or not isinstance(value, date):
            raise ValueError(f"a schedule applies from a date, got {value!r}")
        return value

    def set_department_schedule(self, department, shift_id: int, work_days=work_rules.DEFAULT_WORK_DAYS,
                                valid_from: date | None = None) -> None:
        """The department's schedule from ``valid_from`` on (None: always, replacing every version)."""
        department = work_rules.check_department(department)
        work_days = work_rules.check_work_days(work_days)
        start = self._valid_from(valid_from)
        with self._db.transaction(write=True) as cur:
            shift_id = self._shift_exists(cur, shift_id)
            if valid_from is None:
                cur.execute("DELETE FROM department_schedules WHERE department = ?", (department,))
            else:
                cur.execute("DELETE FROM department_schedules WHERE department = ? AND valid_from = ?",
                            (department, start.isoformat()))
            cur.execute("INSERT INTO department_schedules (department, valid_from, shift_id, work_days) "
                        "VALUES (?, ?, ?, ?)", (department, start.isoformat(), shift_id, work_days))

    def remove_department_schedule(self, department, valid_from: date | None = None) -> bool:
        """Remove the department's schedule (every version), or only the version from ``valid_from``."""
        department = work_rules.check_department(department)
        with self._db.transaction(write=True) as cur:
            if valid_from is None:
                return cur.execute("DELETE FROM department_schedules WHERE department = ?",
                                   (department,)).rowcount > 0
            return cur.execute("DELETE FROM department_schedules WHERE department = ? AND valid_from = ?",
                               (department, self._valid_from(valid_from).isoformat())).rowcount > 0

    def set_person_schedule(self, person_id: int, shift_id: int | None,
                            work_days=work_rules.DEFAULT_WORK_DAYS, valid_from: date | None = None) -> None:
        """A person's own schedule, instead of their department's, from ``valid_from`` on (None: always,
        replacing every version; a date before they were enrolled is refused); ``shift_id`` None: no
        schedule at all (never late or absent, e.g. a manager who does not clock in)."""
        person_id = validation.row_id(person_id)
        work_days = work_rules.check_work_days(work_days)
        start = self._valid_from(valid_from)
        with self._db.transaction(write=True) as cur:
            row = cur.execute("SELECT person_number, name, created_at FROM people WHERE id = ?", (person_id,)).fetchone()
            if row is None:
                raise PersonNotFound(f"no person with id {person_id}")
            enrolled = self._db.read_dt(row[2])
            if valid_from is not None and start < enrolled.date():
                raise ValueError(f"{row[1]} ({row[0]}) was enrolled on {enrolled:%Y-%m-%d}: a schedule from {start} "
                                 "would start before that")
            if shift_id is not None:
                shift_id = self._shift_exists(cur, shift_id)
            if valid_from is None:
                cur.execute("DELETE FROM person_schedules WHERE person_id = ?", (person_id,))
            else:
                cur.execute("DELETE FROM person_schedules WHERE person_id = ? AND valid_from = ?",
                            (person_id, start.isoformat()))
            cur.execute("INSERT INTO person_schedules (person_id, valid_from, shift_id, work_days) VALUES (?, ?, ?, ?)",
                        (person_id, start.isoformat(), shift_id, work_days))

    def remove_person_schedule(self, person_id: int, valid_from: date | None = None) -> bool:
        person_id = validation.row_id(person_id)
        with self._db.transaction(write=True) as cur:
            if valid_from is None:
                return cur.execute("DELETE FROM person_schedules WHERE person_id = ?", (person_id,)).rowcount > 0
            return cur.execute("DELETE FROM person_schedules WHERE person_id = ? AND valid_from = ?",
                               (person_id, self._valid_from(valid_from).isoformat())).rowcount > 0

    def departments(self) -> list[DepartmentRow]:
        """Every department that has people or a schedule, by name."""
        rules = self.rules()
        with self._db.transaction() as cur:
            counts: dict[str, int] = {}
            for department, people in cur.execute("SELECT department, COUNT(*) FROM people "
                                                   "GROUP BY department").fetchall():
                key = (department or "").strip()
                if key:
                    counts[key] = counts.get(key, 0) + int(people)
        names = sorted(set(counts) | set(rules.departments))
        return [DepartmentRow(n, counts.get(n, 0), rules.departments.get(n), tuple(rules.department_versions.get(n, ())))
                for n in names]

    def person_overrides(self) -> list[tuple[int, str, str, Schedule]]:
        """(person id, person number, name, their own schedule) of everyone who has one."""
        rules = self.rules()
        with self._db.transaction() as cur:
            rows = cur.execute("SELECT DISTINCT p.id, p.person_number, p.name FROM person_schedules s "
                               "JOIN people p ON p.id = s.person_id ORDER BY p.person_number").fetchall()
        return [(int(r[0]), r[1], r[2], rules.people[int(r[0])]) for r in rows]

    # -- calendar ------------------------------------------------------------------------------
    def calendar(self, start: date | None = None, end: date | None = None) -> list[CalendarDay]:
        """The calendar's entries from ``start`` to ``end`` (both included; None: unbounded)."""
        clauses, params = [], []
        if start is not None:
            clauses.append("day >= ?")
            params.append(start.isoformat())
        if end is not None:
            clauses.append("day <= ?")
            params.append(end.isoformat())
        where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
        with self._db.transaction() as cur:
            rows = cur.execute(f"SELECT day, kind, name FROM calendar_days{where} ORDER BY day", params).fetchall()
        return [CalendarDay(self._db.read_date(r[0]), r[1], r[2]) for r in rows]

    def _put_days(self, cur, days: list[CalendarDay]) -> None:
        cur.executemany("DELETE FROM calendar_days WHERE day = ?", [(d.day.isoformat(),) for d in days])
        cur.executemany("INSERT INTO calendar_days (day, kind, name) VALUES (?, ?, ?)",
                        [(d.day.isoformat(), d.kind, d.name) for d in days])

    def set_calendar_day(self, day, kind, name="") -> list[str]:
        """Add or change one entry; returns notes for the operator (calendar_notes)."""
        entry = work_rules.check_calendar_day(day, kind, name)
        with self._db.transaction(write=True) as cur:
            self._put_days(cur, [entry])
        return work_rules.calendar_notes([entry])

    def delete_calendar_day(self, day: date) -> bool:
        entry = work_rules.check_calendar_day(day, "holiday")
        with self._db.transaction(write=True) as cur:
            return cur.execute("DELETE FROM calendar_days WHERE day = ?", (entry.day.isoformat(),)).rowcount > 0

    def import_calendar_csv(self, path) -> tuple[int, list[str]]:
        """Add or replace the entries of a CSV file (``date,kind,name``), all in one transaction: a bad
        row anywhere refuses the whole file (ValueError naming the rows) and changes nothing. Returns the
        number of entries and notes for the operator."""
        path = Path(path)
        try:
            text = path.read_bytes().decode("utf-8")
        except OSError as exc:
            raise ValueError(f"cannot read {path}: {exc.strerror or exc}") from None
        except UnicodeDecodeError:
            raise ValueError(f"{path} is not UTF-8 text (save the calendar as CSV UTF-8)") from None
        days = work_rules.parse_calendar_csv(text)
        with self._db.transaction(write=True) as cur:
            self._put_days(cur, days)
        return len(days), work_rules.calendar_notes(days)

    def export_calendar_csv(self, path, start: date | None = None, end: date | None = None) -> int:
        """Write the calendar (``date,kind,name``, UTF-8 with BOM) atomically; returns the entries written."""
        rows = [(d, k, safe_cell(n)) for d, k, n in work_rules.calendar_csv_rows(self.calendar(start, end))]
        return write_csv(path, work_rules.CALENDAR_HEADER, rows)

    # -- everything a report needs -------------------------------------------------------------
    def rules(self, start: date | None = None, end: date | None = None) -> Rules:
        """Shifts, schedules and the calendar between ``start`` and ``end``, read in one transaction."""
        with self._db.transaction() as cur:
            shifts = {s.id: s for s in map(_shift, cur.execute(f"SELECT {_SHIFT_COLUMNS} FROM shifts").fetchall())}
            department_versions: dict[str, list] = {}
            for department, valid_from, shift_id, days in cur.execute(
                    "SELECT department, valid_from, shift_id, work_days FROM department_schedules "
                    "ORDER BY department, valid_from").fetchall():
                department_versions.setdefault(department, []).append(
                    (self._db.read_date(valid_from), Schedule(shifts[int(shift_id)], days, "department")))
            person_versions: dict[int, list] = {}
            for person_id, valid_from, shift_id, days in cur.execute(
                    "SELECT person_id, valid_from, shift_id, work_days FROM person_schedules "
                    "ORDER BY person_id, valid_from").fetchall():
                person_versions.setdefault(int(person_id), []).append(
                    (self._db.read_date(valid_from), Schedule(None if shift_id is None else shifts[int(shift_id)], days,
                                                             "person")))
            calendar = {d.day: d for d in self.calendar(start, end)}
            changes = self.shift_versions()
        department_versions = {k: with_shift_versions(v, changes) for k, v in department_versions.items()}
        person_versions = {k: with_shift_versions(v, changes) for k, v in person_versions.items()}
        today = date.today()
        departments = {k: in_force(v, today) or v[0][1] for k, v in department_versions.items()}
        people = {k: in_force(v, today) or v[0][1] for k, v in person_versions.items()}
        return Rules(shifts, departments, people, calendar, department_versions, person_versions)
