"""One person's attendance, day by day, from their check-ins and their work rules. Pure functions.

The rules (docs/guide-hr.en.md, "How a day is counted"):

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
- Leave (backend/leave.py): a work day covered by leave (whole days, or time spans covering all of its
  shift) is LEAVE ("on leave", its type), never absent. Leave covering part of the shift (a half day, an
  errand) moves the expected arrival to its end (leave in the morning) or the departure to its start (in
  the afternoon): never late or early for the covered time; without any check-in the day is still absent
  (the other half). Each day with leave carries its type and the amount, in hundredths of the type's
  unit (a day: 100 a day, 50 a half day; an hour: 100 an hour). Rest days and holidays are not leave.
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
#: a work day on leave (its shift covered by leave)
LEAVE = "leave"
KINDS = (WORK, REST, HOLIDAY, NONE, OUT, FUTURE, PENDING, LEAVE)
JUDGED = frozenset((WORK, REST, HOLIDAY, NONE, OUT, LEAVE))
DAY_UNIT, HOUR_UNIT = "day", "hour"
#: DayResult.flags
LATE, EARLY, ABSENT, NO_ARRIVAL, NO_DEPARTURE, CORRECTED = 1, 2, 4, 8, 16, 32
MISSING_PUNCH = NO_ARRIVAL | NO_DEPARTURE
ONE_DAY = timedelta(days=1)


class Punch(NamedTuple):
    """One check-in as the report sees it: its time and whether the operator added it (method manual)."""
    when: datetime
    manual: bool = False


class LeaveSpan(NamedTuple):
    """A leave record as the report sees it: ``[starts_at, ends_at)``, whole days or a time span, the
    index of its type in the report's types and the type's unit (DAY_UNIT / HOUR_UNIT)."""
    starts_at: datetime
    ends_at: datetime
    whole_days: bool
    type_index: int
    unit: str = DAY_UNIT


class DayResult(NamedTuple):
    day: date
    kind: str                       # WORK, REST, HOLIDAY, NONE (no schedule), OUT (not active), FUTURE, PENDING, LEAVE
    arrival: datetime | None
    departure: datetime | None
    late_minutes: int = 0           # counted ones only (beyond the grace)
    early_minutes: int = 0
    overtime_minutes: int = 0
    flags: int = 0
    leave: int = -1                 # the leave type's index in the report, -1: none
    leave_amount: int = 0           # hundredths of the type's unit (days or hours)

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


def _amount(minutes: float, span_minutes: float, unit: str) -> int:
    """Leave of ``minutes`` out of a shift of ``span_minutes`` in hundredths of ``unit``: days by the
    half day (a half day is 50), hours by the minute."""
    if unit == HOUR_UNIT:
        return round(minutes * 100 / 60)
    return 50 * max(1, round(2 * minutes / span_minutes)) if span_minutes else 100


def leave_cover(day: date, shift: Shift, expected: tuple[datetime, datetime],
                leaves) -> tuple[int, int, list[tuple[datetime, datetime]]]:
    """(type index or -1, amount, covered parts of ``expected`` in time order) of the leave on a work day;
    a whole-day leave covers all of ``expected``."""
    lo, hi = expected
    parts, best, best_minutes, unit = [], -1, -1.0, DAY_UNIT
    for span in leaves:
        if span.whole_days:
            if span.starts_at.date() <= day < span.ends_at.date():
                a, b = lo, hi
            else:
                continue
        else:
            a, b = max(lo, span.starts_at), min(hi, span.ends_at)
            if a >= b:
                continue
        minutes = (b - a).total_seconds() / 60
        if minutes > best_minutes:
            best, best_minutes, unit = span.type_index, minutes, span.unit
        parts.append((a, b))
    if not parts:
        return -1, 0, []
    parts.sort()
    merged = [parts[0]]
    for a, b in parts[1:]:
        if a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], b))
        else:
            merged.append((a, b))
    covered = sum((b - a).total_seconds() for a, b in merged) / 60
    whole = merged[0][0] <= lo and merged[0][1] >= hi
    if whole and unit == HOUR_UNIT:
        covered = shift.paid_minutes
    return best, (100 if whole and unit == DAY_UNIT else _amount(covered, shift.length, unit)), merged


def evaluate_day(day: date, kind: str, shift: Shift | None, punches: list[Punch], active: ActiveSpans,
                 cooldown_seconds: float, window: tuple[datetime, datetime],
                 now: datetime | None = None, leaves=()) -> DayResult:
    """The attendance of one day. ``kind``: WORK, REST, HOLIDAY or NONE (from Schedule.kind_of);
    ``punches``: the day's check-ins, in time order; ``window``: the day's check-in window; ``now``: the
    clock (None: every day is over), so that a day not over yet is FUTURE or PENDING, never absent;
    ``leaves``: the person's LeaveSpans around the day."""
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
    leave, amount, covered = leave_cover(day, shift, expected, leaves) if leaves else (-1, 0, [])
    if covered and covered[0][0] <= expected[0] and covered[0][1] >= expected[1]:
        return DayResult(day, LEAVE, arrival, departure, 0, 0, 0, flags, leave, amount)
    if not kept:
        return DayResult(day, WORK, None, None, 0, 0, 0, flags | ABSENT, leave, amount)
    expected_start, expected_end = expected
    if covered and covered[0][0] <= expected_start:        # leave in the morning: expected after it
        expected_start = covered[0][1]
    if covered and covered[-1][1] >= expected_end:         # leave in the afternoon: may leave at its start
        expected_end = covered[-1][0]
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
    return DayResult(day, WORK, arrival, departure, late, early, overtime, flags, leave, amount)


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
    leave_days: int = 0          # work days wholly on leave (among work_days; neither present nor absent)
    #: leave type index -> amount taken, in hundredths of the type's unit (days or hours)
    leave: dict = dataclasses.field(default_factory=dict)

    def add_day(self, result: DayResult) -> None:
        if result.kind not in JUDGED:         # FUTURE, PENDING: not over yet, counted once they are
            return
        if result.leave >= 0:
            self.leave[result.leave] = self.leave.get(result.leave, 0) + result.leave_amount
        if result.kind == LEAVE:
            self.work_days += 1
            self.leave_days += 1
        elif result.kind == WORK:
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
            if field.name == "leave":
                for index, amount in other.leave.items():
                    self.leave[index] = self.leave.get(index, 0) + amount
            else:
                setattr(self, field.name, getattr(self, field.name) + getattr(other, field.name))


# -- a person's days, packed: 9 ints a day instead of a tuple with two datetimes (~36 bytes, not ~250) --
_FIELDS = 9
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
                             r.overtime_minutes, r.leave, r.leave_amount))

    def extend(self, other: "DayGrid") -> None:
        """Append ``other``'s days (those right after this grid's last), packed as they are."""
        if other.first != self.first + timedelta(days=len(self)):
            raise ValueError(f"days from {other.first} do not follow {self.first} + {len(self)} days")
        self._packed.extend(other._packed)

    def __len__(self) -> int:
        return len(self._packed) // _FIELDS

    def __getitem__(self, index: int) -> DayResult:
        if not 0 <= index < len(self):
            raise IndexError(index)
        kind, flags, arrival, departure, late, early, overtime, leave, amount = \
            self._packed[index * _FIELDS:(index + 1) * _FIELDS]
        day = self.first + timedelta(days=index)
        midnight = datetime(day.year, day.month, day.day)
        return DayResult(day, KINDS[kind],
                         None if arrival == _NO_TIME else midnight + timedelta(seconds=arrival),
                         None if departure == _NO_TIME else midnight + timedelta(seconds=departure),
                         late, early, overtime, flags, leave, amount)

    def __iter__(self):
        return (self[i] for i in range(len(self)))

    def all(self, kind: str) -> bool:
        """Whether every day is of ``kind`` (e.g. OUT: a person not active at all then)."""
        return all(code == _KIND_CODE[kind] for code in self._packed[::_FIELDS])


def evaluate_person(days: list[date], schedule: Schedule, calendar: dict, punches: Iterable[Punch],
                    active: ActiveSpans, cooldown_seconds: float,
                    now: datetime | None = None, leaves=()) -> tuple[Totals, DayGrid]:
    """Every day of ``days`` (consecutive) for one person; ``punches``: their check-ins in time order
    (those outside the days' windows are ignored); ``now``: the clock, ``leaves``: their LeaveSpans
    (evaluate_day)."""
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
        near = [s for s in leaves if s.starts_at < lo + 2 * ONE_DAY and s.ends_at > lo - ONE_DAY] if leaves else ()
        result = evaluate_day(day, schedule.kind_of(day, calendar), shift, bucket, active, cooldown_seconds,
                              (lo, lo + ONE_DAY), now, near)
        totals.add_day(result)
        grid.append(result)
    return totals, grid
