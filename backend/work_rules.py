"""Work rules as plain, checked values: shifts, weekly patterns of work days, the holiday calendar.

Pure: no SQL (backend/schedules.py stores them) and no Qt. Times of day are minutes after midnight of
the desk's local wall clock (backend/times.py), as the check-ins are.
"""
from __future__ import annotations

import csv
import dataclasses
import io
import re
from datetime import date, datetime, timedelta

from backend import validation

MINUTES_PER_DAY = 24 * 60
#: the most grace a shift may give for arriving late or leaving early, in minutes
MAX_GRACE_MINUTES = 240
#: Monday first, as date.weekday(); "1" = a work day
DEFAULT_WORK_DAYS = "1111100"
#: calendar_days.kind: a day off whatever the pattern / a make-up work day (调休) whatever the pattern
HOLIDAY, WORKDAY = "holiday", "workday"
CALENDAR_KINDS = (HOLIDAY, WORKDAY)
#: words a calendar CSV may use for each kind (English, and what Chinese HR files write)
_KIND_WORDS = {"holiday": HOLIDAY, "节假日": HOLIDAY, "假": HOLIDAY, "休": HOLIDAY, "放假": HOLIDAY,
               "workday": WORKDAY, "调休": WORKDAY, "班": WORKDAY, "上班": WORKDAY, "补班": WORKDAY}
CALENDAR_HEADER = ("date", "kind", "name")
_TIME = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*$")


@dataclasses.dataclass(frozen=True)
class Shift:
    """A working time. ``end`` before ``start`` ends the next day (a night shift, which belongs to the
    day it starts on); the grace minutes say how late an arrival (how early a departure) may be before
    it counts; ``break_minutes`` is unpaid."""
    id: int | None
    name: str
    start: int                   # minutes after midnight
    end: int
    late_grace: int = 0
    early_grace: int = 0
    break_minutes: int = 0

    @property
    def crosses_midnight(self) -> bool:
        return self.end < self.start

    @property
    def length(self) -> int:
        """Minutes from start to end (break included)."""
        return (self.end - self.start) % MINUTES_PER_DAY

    @property
    def paid_minutes(self) -> int:
        return self.length - self.break_minutes

    def bounds(self, day: date) -> tuple[datetime, datetime]:
        """Start and end of this shift when it starts on ``day``."""
        start = datetime(day.year, day.month, day.day) + timedelta(minutes=self.start)
        return start, start + timedelta(minutes=self.length)

    @property
    def day_offset(self) -> timedelta:
        """Where a day's check-ins begin, from its midnight: the middle of the time off before the shift.

        A day's check-ins are those in [day + offset, next day + offset): for 09:00-18:00 from 01:30 to
        01:30 the next day; for a 22:00-06:00 night shift from 14:00 to 14:00 the next day, so that the
        23:59 and the 00:01 check-ins of one night belong to the day the shift started."""
        return timedelta(minutes=self.start - (MINUTES_PER_DAY - self.length) / 2)

    def text(self) -> str:
        return f"{format_minute(self.start)}-{format_minute(self.end)}"


def format_minute(minute: int) -> str:
    return f"{minute // 60:02d}:{minute % 60:02d}"


def parse_minute(value, what: str) -> int:
    """A time of day ("08:30", or minutes after midnight as an int) as minutes after midnight."""
    if isinstance(value, bool):
        raise ValueError(f"{what} must be a time of day HH:MM, got {value!r}")
    if isinstance(value, int):
        minute = value
    elif isinstance(value, str):
        match = _TIME.match(value)
        if not match or int(match.group(1)) > 23 or int(match.group(2)) > 59:
            raise ValueError(f"{what} must be a time of day HH:MM (00:00-23:59), got {value!r}")
        minute = int(match.group(1)) * 60 + int(match.group(2))
    else:
        raise ValueError(f"{what} must be a time of day HH:MM, got {type(value).__name__} {value!r}")
    if not 0 <= minute < MINUTES_PER_DAY:
        raise ValueError(f"{what} must be between 00:00 and 23:59, got {value!r}")
    return minute


def _minutes(value, what: str, most: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"{what} must be a whole number of minutes, got {value!r}")
    if not 0 <= value <= most:
        raise ValueError(f"{what} must be between 0 and {most} minutes, got {value}")
    return value


def check_shift(name, start, end, late_grace=0, early_grace=0, break_minutes=0, id: int | None = None) -> Shift:
    """A valid Shift, or ValueError saying what is wrong (one line)."""
    name = validation.text("shift_name", name, required=True, strip=True)
    start_minute, end_minute = parse_minute(start, "shift start"), parse_minute(end, "shift end")
    if start_minute == end_minute:
        raise ValueError(f"shift {name!r} starts and ends at {format_minute(start_minute)}: a shift of zero "
                         "length (a shift ending the next day has its end before its start, e.g. 22:00-06:00)")
    shift = Shift(id, name, start_minute, end_minute)
    late = _minutes(late_grace, "late grace", MAX_GRACE_MINUTES)
    early = _minutes(early_grace, "early grace", MAX_GRACE_MINUTES)
    if late + early >= shift.length:
        raise ValueError(f"shift {name!r} ({shift.text()}) is {shift.length} minutes long: its grace periods "
                         f"({late} late + {early} early) overlap")
    unpaid = _minutes(break_minutes, "break", MINUTES_PER_DAY)
    if unpaid >= shift.length:
        raise ValueError(f"shift {name!r} ({shift.text()}): the break ({unpaid} minutes) must be shorter than "
                         f"the shift ({shift.length} minutes)")
    return dataclasses.replace(shift, late_grace=late, early_grace=early, break_minutes=unpaid)


def check_work_days(value) -> str:
    """A weekly pattern: seven "0"/"1" characters, Monday first (or the weekday numbers 0-6 worked)."""
    if isinstance(value, str):
        pattern = value.strip()
        if len(pattern) != 7 or set(pattern) - {"0", "1"}:
            raise ValueError(f"work days must be seven 0/1 characters, Monday first, got {value!r}")
    else:
        try:
            days = set(value)
        except TypeError:
            raise ValueError(f"work days must be a 0/1 pattern or weekday numbers, got {value!r}") from None
        if any(isinstance(d, bool) or not isinstance(d, int) or not 0 <= d <= 6 for d in days):
            raise ValueError(f"work days must be weekday numbers 0 (Monday) to 6 (Sunday), got {value!r}")
        pattern = "".join("1" if d in days else "0" for d in range(7))
    if "1" not in pattern:
        raise ValueError("a schedule needs at least one work day a week (remove the schedule instead)")
    return pattern


def check_department(value) -> str:
    """A department as schedules key it: the exact text of people.department, blanks at the ends ignored."""
    return validation.text("department", value, required=True, strip=True)


@dataclasses.dataclass(frozen=True)
class CalendarDay:
    day: date
    kind: str                    # HOLIDAY or WORKDAY
    name: str = ""


def check_calendar_day(day, kind, name="") -> CalendarDay:
    if isinstance(day, datetime) or not isinstance(day, date):
        if isinstance(day, str):
            try:
                day = date.fromisoformat(day.strip())
            except ValueError:
                raise ValueError(f"invalid date {day!r}: use YYYY-MM-DD") from None
        else:
            raise ValueError(f"a calendar day must be a date, got {day!r}")
    word = kind.strip().lower() if isinstance(kind, str) else kind
    if word not in _KIND_WORDS:
        raise ValueError(f"{day}: kind must be holiday or workday (节假日 / 调休), got {kind!r}")
    return CalendarDay(day, _KIND_WORDS[word], validation.text("holiday_name", name, strip=True) or "")


def calendar_notes(days) -> list[str]:
    """What an operator may want to know about entries that change nothing for a Monday-Friday week:
    a holiday on a weekend (a rest day there already) or a make-up work day on a weekday."""
    notes = []
    for entry in days:
        if entry.kind == HOLIDAY and entry.day.weekday() >= 5:
            notes.append(f"{entry.day} {entry.name}: a holiday on a weekend is a rest day already for a "
                         "Monday-Friday schedule (it counts for schedules that work weekends)")
        elif entry.kind == WORKDAY and entry.day.weekday() < 5:
            notes.append(f"{entry.day} {entry.name}: a make-up work day on a weekday is a work day already "
                         "for a Monday-Friday schedule")
    return notes


def parse_calendar_csv(text: str) -> list[CalendarDay]:
    """Rows ``date,kind,name`` (a header row is optional; UTF-8, a BOM is fine). Every row is checked
    before anything is used: ValueError lists the bad rows (line numbers) and nothing is taken."""
    text = text.removeprefix("\ufeff")
    errors, days, seen = [], [], {}
    for number, row in enumerate(csv.reader(io.StringIO(text)), start=1):
        if not row or all(not cell.strip() for cell in row):
            continue
        if number == 1 and row[0].strip().lower() in ("date", "日期"):
            continue
        if len(row) < 2 or len(row) > 3:
            errors.append(f"line {number}: expected date,kind[,name], got {len(row)} fields")
            continue
        try:
            entry = check_calendar_day(row[0], row[1], row[2] if len(row) > 2 else "")
        except ValueError as exc:
            errors.append(f"line {number}: {exc}")
            continue
        if entry.day in seen:
            errors.append(f"line {number}: {entry.day} is already on line {seen[entry.day]}")
            continue
        seen[entry.day] = number
        days.append(entry)
    if errors:
        shown = "; ".join(errors[:5]) + (f"; and {len(errors) - 5} more" if len(errors) > 5 else "")
        raise ValueError(f"the calendar file has {len(errors)} bad row(s), nothing was imported: {shown}")
    if not days:
        raise ValueError("the calendar file has no rows (expected date,kind,name)")
    return days


def calendar_csv_rows(days) -> list[tuple[str, str, str]]:
    return [(d.day.isoformat(), d.kind, d.name) for d in sorted(days, key=lambda d: d.day)]


@dataclasses.dataclass(frozen=True)
class Schedule:
    """Whom a person works for: a shift and the weekly pattern, from their department or their own
    (``source`` "department" / "person"); ``shift`` None: no schedule (never late, never absent)."""
    shift: Shift | None
    work_days: str = DEFAULT_WORK_DAYS
    source: str | None = None

    def kind_of(self, day: date, calendar: dict) -> str:
        """"work", "rest" or "holiday" on ``day`` (``calendar``: date -> CalendarDay); "none" without a shift."""
        if self.shift is None:
            return "none"
        entry = calendar.get(day)
        if entry is not None:
            return "holiday" if entry.kind == HOLIDAY else "work"
        return "work" if self.work_days[day.weekday()] == "1" else "rest"


NO_SCHEDULE = Schedule(None)
