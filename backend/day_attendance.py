"""One person's attendance, day by day, from their check-ins and their work rules. Pure functions.

The rules (README, "Attendance: schedules and reports"):

- A day's check-ins are those in the window around its shift (``Shift.day_offset``): a night shift's
  check-ins after midnight belong to the day it started. Without a schedule the window is the calendar day.
- Check-ins closer to the previous one than the desk's cooldown are one (a repeat: two desks, a correction
  beside a face check-in). Arrival is the first, departure the last.
- On a work day: late when the arrival is more than the grace after the start, early when the departure
  is more than the grace before the end (minutes from the start / to the end, whole minutes as a clock
  shows them; the grace only decides whether it counts). Absent: no check-in at all. One check-in only
  is a missing punch: before the middle of the shift it is the arrival (no departure), after it the
  departure. Overtime: the departure's time after the end of the shift.
- On a rest day or a holiday every minute between arrival and departure is overtime.
- A person counts only while active: the shift is cut to the time they were enrolled and not
  deactivated (arriving on the day of enrollment is late only after the enrollment); a work day on which
  they were not active at all is "out", never absent. A person without a schedule is "none": their
  check-ins are shown, they are never late or absent.
- Days not yet over are not judged (``now``): a day after today is FUTURE (blank); a day whose shift has
  not ended (its end plus the larger grace; a day without a shift: its check-in window) is PENDING, "in
  progress", showing the check-ins so far. Neither counts in the totals. A night shift started yesterday
  evening is in progress until its end this morning.
"""
from __future__ import annotations

import dataclasses
from array import array
from datetime import date, datetime, timedelta
from typing import Iterable, NamedTuple

from backend.work_rules import Schedule, Shift

WORK, REST, HOLIDAY, NONE, OUT = "work", "rest", "holiday", "none", "out"
#: not judged yet: a day after today / a day whose shift (or check-in window) has not ended
FUTURE, PENDING = "future", "pending"
KINDS = (WORK, REST, HOLIDAY, NONE, OUT, FUTURE, PENDING)
JUDGED = frozenset((WORK, REST, HOLIDAY, NONE, OUT))
#: DayResult.flags
LATE, EARLY, ABSENT, NO_ARRIVAL, NO_DEPARTURE, CORRECTED = 1, 2, 4, 8, 16, 32
MISSING_PUNCH = NO_ARRIVAL | NO_DEPARTURE
ONE_DAY = timedelta(days=1)


class Punch(NamedTuple):
    """One check-in as the report sees it: its time and whether the operator added it (method manual)."""
    when: datetime
    manual: bool = False


class DayResult(NamedTuple):
    day: date
    kind: str                       # WORK, REST, HOLIDAY, NONE (no schedule), OUT (not active), FUTURE, PENDING
    arrival: datetime | None
    departure: datetime | None
    late_minutes: int = 0           # counted ones only (beyond the grace)
    early_minutes: int = 0
    overtime_minutes: int = 0
    flags: int = 0

    @property
    def late(self) -> bool:
        return bool(self.flags & LATE)

    @property
    def early(self) -> bool:
        return bool(self.flags & EARLY)

    @property
    def absent(self) -> bool:
        return bool(self.flags & ABSENT)

    @property
    def missing_punch(self) -> bool:
        return bool(self.flags & MISSING_PUNCH)

    @property
    def corrected(self) -> bool:
        return bool(self.flags & CORRECTED)


class ActiveSpans:
    """The times a person was active: from enrollment (``created_at``) on, except the periods of
    inactivity ``[(inactive_from, inactive_until or None)]`` (deactivated, later reactivated or not)."""

    def __init__(self, created_at: datetime, inactive_periods: Iterable = ()):
        spans, start = [], created_at
        for lo, hi in sorted(inactive_periods, key=lambda p: p[0]):
            if start is not None and lo > start:
                spans.append((start, lo))
            if hi is None:
                start = None
                break
            start = hi if start is None else max(start, hi)
        if start is not None:
            spans.append((start, datetime.max))
        self.spans = spans

    def clip(self, lo: datetime, hi: datetime) -> tuple[datetime, datetime] | None:
        """The part of [lo, hi) from the first to the last active moment in it; None if none."""
        first = last = None
        for start, end in self.spans:
            if start < hi and end > lo:
                first = max(start, lo) if first is None else first
                last = min(end, hi)
        return None if first is None else (first, last)


def merge_repeats(punches, cooldown_seconds: float) -> list[Punch]:
    """Drop each check-in closer than the cooldown to the check-in kept before it (sorted input)."""
    kept: list[Punch] = []
    gap = timedelta(seconds=cooldown_seconds)
    for punch in punches:
        if not kept or punch.when - kept[-1].when >= gap:
            kept.append(punch)
    return kept


def _minutes(delta: timedelta) -> int:
    return int(delta.total_seconds() // 60)


def day_window(day: date, schedule: Schedule) -> tuple[datetime, datetime]:
    """[lo, hi): the check-ins that belong to ``day`` for this schedule."""
    offset = schedule.shift.day_offset if schedule.shift is not None else timedelta()
    lo = datetime(day.year, day.month, day.day) + offset
    return lo, lo + ONE_DAY


def over_at(day: date, kind: str, shift: Shift | None, window: tuple[datetime, datetime]) -> datetime:
    """When ``day`` can be judged: a work day once its shift has ended, plus the larger of its graces (a
    night shift: the next morning); any other day once its check-in window has closed."""
    if kind == WORK and shift is not None:
        return shift.bounds(day)[1] + timedelta(minutes=max(shift.late_grace, shift.early_grace))
    return window[1]


def evaluate_day(day: date, kind: str, shift: Shift | None, punches: list[Punch], active: ActiveSpans,
                 cooldown_seconds: float, window: tuple[datetime, datetime],
                 now: datetime | None = None) -> DayResult:
    """The attendance of one day. ``kind``: WORK, REST, HOLIDAY or NONE (from Schedule.kind_of);
    ``punches``: the day's check-ins, in time order; ``window``: the day's check-in window; ``now``: the
    clock (None: every day is over), so that a day not over yet is FUTURE or PENDING, never absent."""
    if now is not None and day > now.date():     # blank, whatever a desk with a clock ahead recorded
        return DayResult(day, OUT if active.clip(*window) is None else FUTURE, None, None)
    flags = CORRECTED if any(p.manual for p in punches) else 0
    kept = merge_repeats(punches, cooldown_seconds)
    arrival = kept[0].when if kept else None
    departure = kept[-1].when if len(kept) > 1 else None
    if now is not None and now < over_at(day, kind, shift, window):
        if not kept and active.clip(*window) is None:
            return DayResult(day, OUT, None, None)
        return DayResult(day, PENDING, arrival, departure, 0, 0, 0, flags)
    if kind != WORK:
        if not kept and active.clip(*window) is None:
            return DayResult(day, OUT, None, None)
        overtime = 0
        if kind in (REST, HOLIDAY) and kept:
            if departure is None:
                flags |= NO_DEPARTURE
            else:
                overtime = _minutes(departure - arrival)
        return DayResult(day, kind, arrival, departure, 0, 0, overtime, flags)

    start, end = shift.bounds(day)
    expected = active.clip(start, end)
    if expected is None:          # not enrolled yet / deactivated for the whole shift
        return DayResult(day, OUT, arrival, departure, 0, 0, 0, flags)
    if not kept:
        return DayResult(day, WORK, None, None, 0, 0, 0, flags | ABSENT)
    expected_start, expected_end = expected
    if departure is None:         # one check-in: the arrival or the departure, whichever it is nearer
        if arrival >= expected_start + (expected_end - expected_start) / 2:
            arrival, departure = None, arrival
            flags |= NO_ARRIVAL
        else:
            flags |= NO_DEPARTURE
    late = early = overtime = 0
    if arrival is not None and arrival > expected_start:
        late = _minutes(arrival - expected_start)
        if late > shift.late_grace:
            flags |= LATE
        else:
            late = 0
    if departure is not None and departure < expected_end:
        early = _minutes(expected_end - departure)
        if early > shift.early_grace:
            flags |= EARLY
        else:
            early = 0
    if departure is not None and arrival is not None and departure > end:
        overtime = _minutes(departure - max(end, arrival))
    return DayResult(day, WORK, arrival, departure, late, early, overtime, flags)


@dataclasses.dataclass
class Totals:
    """Per-person (or per-department, summed) figures of a report."""
    work_days: int = 0           # scheduled work days while active
    present: int = 0             # of those, days with a check-in
    late: int = 0
    late_minutes: int = 0
    early: int = 0
    early_minutes: int = 0
    absent: int = 0
    missing_punches: int = 0
    overtime_minutes: int = 0
    rest_days_worked: int = 0    # rest days and holidays with a check-in (their time is overtime)
    corrections: int = 0         # days with a check-in the operator added (补卡)
    days_checked_in: int = 0     # any day with a check-in (people without a schedule too)

    def add_day(self, result: DayResult) -> None:
        if result.kind not in JUDGED:         # FUTURE, PENDING: not over yet, counted once they are
            return
        if result.kind == WORK:
            self.work_days += 1
            if result.absent:
                self.absent += 1
            else:
                self.present += 1
        elif result.kind in (REST, HOLIDAY) and result.arrival is not None:
            self.rest_days_worked += 1
        if result.arrival is not None or result.departure is not None:
            self.days_checked_in += 1
        if result.late:
            self.late += 1
            self.late_minutes += result.late_minutes
        if result.early:
            self.early += 1
            self.early_minutes += result.early_minutes
        if result.missing_punch:
            self.missing_punches += 1
        if result.corrected:
            self.corrections += 1
        self.overtime_minutes += result.overtime_minutes

    def add(self, other: "Totals") -> None:
        for field in dataclasses.fields(self):
            setattr(self, field.name, getattr(self, field.name) + getattr(other, field.name))


# -- a person's days, packed: 7 ints a day instead of a tuple with two datetimes (~30 bytes, not ~250) --
_FIELDS = 7
_NO_TIME = -(2 ** 31)
_KIND_CODE = {kind: code for code, kind in enumerate(KINDS)}


def _seconds(when: datetime | None, midnight: datetime) -> int:
    return _NO_TIME if when is None else int((when - midnight).total_seconds())


class DayGrid:
    """The DayResults of one person over a run of consecutive days, kept packed."""
    __slots__ = ("first", "_packed")

    def __init__(self, first: date, results: Iterable[DayResult] = ()):
        self.first = first
        self._packed = array("i")
        for result in results:
            self.append(result)

    def append(self, r: DayResult) -> None:
        midnight = datetime(r.day.year, r.day.month, r.day.day)
        self._packed.extend((_KIND_CODE[r.kind], r.flags, _seconds(r.arrival, midnight),
                             _seconds(r.departure, midnight), r.late_minutes, r.early_minutes,
                             r.overtime_minutes))

    def __len__(self) -> int:
        return len(self._packed) // _FIELDS

    def __getitem__(self, index: int) -> DayResult:
        if not 0 <= index < len(self):
            raise IndexError(index)
        kind, flags, arrival, departure, late, early, overtime = self._packed[index * _FIELDS:(index + 1) * _FIELDS]
        day = self.first + timedelta(days=index)
        midnight = datetime(day.year, day.month, day.day)
        return DayResult(day, KINDS[kind],
                         None if arrival == _NO_TIME else midnight + timedelta(seconds=arrival),
                         None if departure == _NO_TIME else midnight + timedelta(seconds=departure),
                         late, early, overtime, flags)

    def __iter__(self):
        return (self[i] for i in range(len(self)))

    def all(self, kind: str) -> bool:
        """Whether every day is of ``kind`` (e.g. OUT: a person not active at all then)."""
        return all(code == _KIND_CODE[kind] for code in self._packed[::_FIELDS])


def evaluate_person(days: list[date], schedule: Schedule, calendar: dict, punches: Iterable[Punch],
                    active: ActiveSpans, cooldown_seconds: float,
                    now: datetime | None = None) -> tuple[Totals, DayGrid]:
    """Every day of ``days`` (consecutive) for one person; ``punches``: their check-ins in time order
    (those outside the days' windows are ignored); ``now``: the clock (evaluate_day)."""
    if not days:
        raise ValueError("a report needs at least one day")
    totals, grid = Totals(), DayGrid(days[0])
    first_lo, _ = day_window(days[0], schedule)
    buckets: list[list[Punch]] = [[] for _ in days]
    for punch in punches:
        index = (punch.when - first_lo) // ONE_DAY
        if 0 <= index < len(days):
            buckets[index].append(punch)
    shift = schedule.shift
    for index, (day, bucket) in enumerate(zip(days, buckets)):
        lo = first_lo + index * ONE_DAY
        result = evaluate_day(day, schedule.kind_of(day, calendar), shift, bucket, active, cooldown_seconds,
                              (lo, lo + ONE_DAY), now)
        totals.add_day(result)
        grid.append(result)
    return totals, grid
