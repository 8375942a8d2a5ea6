"""Attendance reports: per person and department totals and the day grid, for a month or a date range.

One streaming pass: the people (small), their periods of inactivity, then the check-ins of the range
in one query ordered by person and time, evaluated person by person (backend/day_attendance.py) while
they stream. Memory grows with the people (a few hundred bytes each, days packed), never with the
check-ins. Departments are the people's departments when the report runs (backend/schedules.py).
"""
from __future__ import annotations

import calendar as calendar_mod
import dataclasses
import itertools
from datetime import date, datetime, timedelta

from backend import history, times, validation
from backend.attendance import DEFAULT_COOLDOWN_SECONDS
from backend.day_attendance import OUT, ActiveSpans, DayGrid, LeaveSpan, Punch, Totals, evaluate_person
from backend.leave import TYPE_COLUMNS, read_type
from backend.db import Database
from backend.schedules import ScheduleRepository
from backend.work_rules import CalendarDay, Schedule

MAX_DAYS = 366
#: the most person-days one report holds (10,000 people x 31 days is 310,000)
MAX_CELLS = 1_000_000
#: a day's check-ins lie within [day - 12 h, day + 48 h) whatever the shift (work_rules.Shift.day_offset)
_BEFORE, _AFTER = timedelta(hours=12), timedelta(days=2)


@dataclasses.dataclass(frozen=True)
class ReportQuery:
    """Days ``start`` to ``end`` (both included); ``department`` None: everyone, "": people without a
    department, else that department (exact text). Check-ins closer than ``cooldown_seconds`` to the
    previous one count once (the desk's cooldown). ``now``: the clock the days are judged by (None: the
    desk's clock when the report is built); days not over by then are not judged (FUTURE / PENDING)."""
    start: date
    end: date
    department: str | None = None
    cooldown_seconds: float = DEFAULT_COOLDOWN_SECONDS
    now: datetime | None = None

    @classmethod
    def month(cls, year: int, month: int, **kwargs) -> "ReportQuery":
        if not (isinstance(year, int) and isinstance(month, int) and 1 <= month <= 12 and 1000 <= year <= 9998):
            raise ValueError(f"invalid month {year!r}-{month!r}")
        last = calendar_mod.monthrange(year, month)[1]
        return cls(date(year, month, 1), date(year, month, last), **kwargs)

    def checked(self) -> "ReportQuery":
        for what, value in (("start", self.start), ("end", self.end)):
            if isinstance(value, datetime) or not isinstance(value, date):
                raise ValueError(f"report {what} must be a date, got {value!r}")
        if self.end < self.start:
            raise ValueError(f"the report's end {self.end} is before its start {self.start}")
        days = (self.end - self.start).days + 1
        if days > MAX_DAYS:
            raise ValueError(f"a report covers at most {MAX_DAYS} days; {self.start} to {self.end} is {days}")
        department = self.department
        if department is not None:
            department = validation.text("department", department, strip=True) or ""
        now = times.now_local() if self.now is None else times.check_datetime(self.now, "report time")
        return dataclasses.replace(self, department=department, now=now,
                                   cooldown_seconds=validation.seconds(self.cooldown_seconds, "cooldown"))

    @property
    def days(self) -> list[date]:
        return [self.start + timedelta(days=i) for i in range((self.end - self.start).days + 1)]


@dataclasses.dataclass
class PersonReport:
    person_id: int
    person_number: str
    name: str
    department: str                  # as now ("" without one)
    active: bool                     # now
    schedule: Schedule               # in force on the report's last day (it may change within the range)
    totals: Totals
    days: DayGrid

    @property
    def shift_name(self) -> str | None:
        return None if self.schedule.shift is None else self.schedule.shift.name


@dataclasses.dataclass
class DepartmentTotals:
    department: str
    people: int
    totals: Totals


@dataclasses.dataclass
class Report:
    query: ReportQuery
    days: list[date]
    calendar: dict[date, CalendarDay]
    people: list[PersonReport]          # by department, then person number
    departments: list[DepartmentTotals]  # by department
    without_schedule: int               # people of the report without any schedule
    leave_types: list = dataclasses.field(default_factory=list)   # Totals.leave's indexes

    def total(self) -> Totals:
        overall = Totals()
        for department in self.departments:
            overall.add(department.totals)
        return overall


class ReportTooLarge(ValueError):
    """More person-days than one report holds."""


def _department_sql(db: Database, department: str | None) -> tuple[str, list]:
    """A condition on people (alias p) that keeps at least the people of ``department``; the exact match
    is made in Python (MySQL compares text case-insensitively, SQLite does not)."""
    if department is None:
        return "", []
    if department == "":
        return " AND (p.department IS NULL OR TRIM(p.department) = '')", []
    return " AND TRIM(p.department) = ?", [department]


class AttendanceReports:
    def __init__(self, db: Database, schedules: ScheduleRepository):
        self._db, self._schedules = db, schedules

    def build(self, query: ReportQuery) -> Report:
        """The report of ``query``: ValueError (one line) for a bad query or one too large."""
        query = query.checked()
        db, days = self._db, query.days
        rules = self._schedules.rules(query.start, query.end)
        lo = datetime(query.start.year, query.start.month, query.start.day) - _BEFORE
        hi = datetime(query.end.year, query.end.month, query.end.day) + _AFTER
        condition, params = _department_sql(db, query.department)
        people: list[tuple] = []
        with db.transaction() as cur:
            for row in cur.execute("SELECT p.id, p.person_number, p.name, p.department, p.active, p.created_at "
                                   f"FROM people p WHERE p.created_at < ?{condition} ORDER BY p.id",
                                   (db.dt(hi), *params)).fetchall():
                department = (row[3] or "").strip()
                if query.department is None or department == query.department:
                    people.append((int(row[0]), row[1], row[2], department, bool(row[4]), db.read_dt(row[5])))
            if len(people) * len(days) > MAX_CELLS:
                raise ReportTooLarge(f"{len(people):,} people x {len(days)} days is more than one report holds "
                                     f"({MAX_CELLS:,} person-days): choose a department or fewer days")
            leave_types = [read_type(r) for r in cur.execute(f"SELECT {TYPE_COLUMNS} FROM leave_types "
                                                             "ORDER BY sort_order, id").fetchall()]
            index = {t.id: i for i, t in enumerate(leave_types)}
            leaves: dict[int, list] = {}       # leave that counts (not withdrawn), by person
            for person_id, type_id, start, end, whole in cur.execute(
                    "SELECT person_id, type_id, starts_at, ends_at, whole_days FROM leave_records "
                    "WHERE withdrawn_at IS NULL AND starts_at < ? AND ends_at > ? ORDER BY person_id, starts_at",
                    (db.dt(hi), db.dt(lo))).fetchall():
                kind = leave_types[index[int(type_id)]]
                leaves.setdefault(int(person_id), []).append(
                    LeaveSpan(db.read_dt(start), db.read_dt(end), bool(whole), index[int(type_id)], kind.unit))
            inactive: dict[int, list] = {}
            for person_id, start, end in cur.execute(
                    "SELECT person_id, inactive_from, inactive_until FROM person_inactive_periods "
                    "WHERE inactive_from < ? ORDER BY person_id, inactive_from", (db.dt(hi),)).fetchall():
                inactive.setdefault(int(person_id), []).append((db.read_dt(start), db.read_dt(end)))
            join = f" {db.forced_join} people p ON p.id = a.person_id" if condition else ""
            rows = cur.stream(f"SELECT a.person_id, {db.dt_text('a.checked_in_at')}, a.method FROM attendance a{join} "
                              f"WHERE a.checked_in_at >= ? AND a.checked_in_at < ? AND {history.COUNTED}{condition} "
                              "ORDER BY a.person_id, a.checked_in_at", (db.dt(lo), db.dt(hi), *params))
            reports = self._evaluate(query, days, rules, people, inactive, rows, leaves)
        reports.sort(key=lambda r: (r.department, r.person_number, r.person_id))
        departments: dict[str, DepartmentTotals] = {}
        for report in reports:
            entry = departments.setdefault(report.department, DepartmentTotals(report.department, 0, Totals()))
            entry.people += 1
            entry.totals.add(report.totals)
        return Report(query, days, rules.calendar, reports, [departments[k] for k in sorted(departments)],
                      sum(1 for r in reports if r.schedule.shift is None), leave_types)

    def _evaluate(self, query, days, rules, people, inactive, rows, leaves) -> list[PersonReport]:
        read_dt = self._db.read_dt
        groups = itertools.groupby(rows, key=lambda r: int(r[0]))
        current = next(groups, None)
        reports = []
        for person_id, number, name, department, active, created_at in people:
            while current is not None and current[0] < person_id:      # someone not in this report
                current = next(groups, None)
            punches = ()
            if current is not None and current[0] == person_id:
                punches = (Punch(read_dt(r[1]), r[2] == "manual") for r in current[1])
            active_spans, own_leave = ActiveSpans(created_at, inactive.get(person_id, ())), leaves.get(person_id, ())
            segments = rules.segments(person_id, department, days)
            if len(segments) == 1:
                schedule = segments[0][2]
                totals, grid = evaluate_person(days, schedule, rules.calendar, punches, active_spans,
                                               query.cooldown_seconds, query.now, own_leave)
            else:           # the schedule changes within the range: each part with the schedule in force then
                punches, totals, grid = list(punches), Totals(), DayGrid(days[0])
                for lo, hi, schedule in segments:
                    part_totals, part = evaluate_person(days[lo:hi], schedule, rules.calendar, punches, active_spans,
                                                        query.cooldown_seconds, query.now, own_leave)
                    totals.add(part_totals)
                    grid.extend(part)
            if current is not None and current[0] == person_id:
                current = next(groups, None)
            if totals.days_checked_in or not grid.all(OUT):   # not someone gone before / enrolled after it
                reports.append(PersonReport(person_id, number, name, department, active, schedule, totals, grid))
        return reports
