"""Per person-day attendance from check-ins and work rules: pure functions (backend/day_attendance.py,
backend/work_rules.py), no database."""
from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from backend import work_rules
from backend.day_attendance import (ABSENT, NO_ARRIVAL, NO_DEPARTURE, OUT, ActiveSpans, DayGrid, Punch, Totals,
                                    evaluate_person, merge_repeats)
from backend.work_rules import NO_SCHEDULE, CalendarDay, Schedule, check_shift

DAY = check_shift("白班", "09:00", "18:00", late_grace=5, early_grace=5, break_minutes=60, id=1)
NIGHT = check_shift("夜班", "22:00", "06:00", late_grace=0, early_grace=0, id=2)
MON = date(2026, 12, 7)                  # a Monday
ENROLLED = datetime(2026, 1, 1)
ALWAYS = ActiveSpans(ENROLLED)


def at(day: date, hhmm: str, second: int = 0, manual: bool = False) -> Punch:
    h, m = map(int, hhmm.split(":"))
    return Punch(datetime(day.year, day.month, day.day, h, m, second), manual)


def run(punches, days=1, schedule=Schedule(DAY), calendar=None, active=ALWAYS, cooldown=60, first=MON):
    day_list = [first + timedelta(days=i) for i in range(days)]
    totals, grid = evaluate_person(day_list, schedule, calendar or {}, sorted(punches), active, cooldown)
    return totals, list(grid)


def test_on_time_late_early_and_overtime_in_whole_minutes_beyond_the_grace():
    (_, [on_time]) = run([at(MON, "09:05", 59), at(MON, "18:00")])
    assert (on_time.late, on_time.early, on_time.overtime_minutes) == (False, False, 0)   # 5 min: within grace
    _, [left_in_grace] = run([at(MON, "09:00"), at(MON, "17:54", 30)])
    assert not left_in_grace.early                                   # 5 min 30 s: 5 whole minutes
    totals, [late] = run([at(MON, "09:06"), at(MON, "17:54", 0)])
    assert (late.late, late.late_minutes, late.early, late.early_minutes) == (True, 6, True, 6)
    assert (late.arrival, late.departure) == (datetime(2026, 12, 7, 9, 6), datetime(2026, 12, 7, 17, 54))
    assert (totals.late, totals.late_minutes, totals.early, totals.early_minutes) == (1, 6, 1, 6)
    totals, [long_day] = run([at(MON, "08:30"), at(MON, "12:00"), at(MON, "20:15")])
    assert (long_day.late, long_day.early, long_day.overtime_minutes) == (False, False, 135)
    assert (totals.work_days, totals.present, totals.overtime_minutes) == (1, 1, 135)


def test_absent_and_missing_punches():
    totals, [absent] = run([])
    assert absent.absent and absent.flags == ABSENT and absent.arrival is None
    assert (totals.work_days, totals.present, totals.absent) == (1, 0, 1)
    _, [morning] = run([at(MON, "09:20")])
    assert morning.flags & NO_DEPARTURE and morning.late_minutes == 20 and morning.departure is None
    _, [evening] = run([at(MON, "16:00")])
    assert evening.flags == NO_ARRIVAL | 2 and evening.early_minutes == 120    # the departure, early
    assert evening.arrival is None and evening.departure == datetime(2026, 12, 7, 16, 0)
    totals, _ = run([at(MON, "09:00"), at(MON, "16:00")])
    assert totals.missing_punches == 0


def test_repeats_inside_the_cooldown_are_one_check_in():
    # a face check-in and a second desk 40 s later: one punch, so a missing departure, not a departure
    totals, [day] = run([at(MON, "08:55"), at(MON, "08:55", 40)])
    assert day.missing_punch and day.departure is None and totals.missing_punches == 1
    assert merge_repeats([at(MON, "08:00"), at(MON, "08:00", 50), at(MON, "08:01", 40)], 60) == \
        [at(MON, "08:00"), at(MON, "08:01", 40)]          # compared with the one kept, not the dropped one
    totals, [day] = run([at(MON, "08:55"), at(MON, "08:55", 40)], cooldown=0)
    assert day.departure == datetime(2026, 12, 7, 8, 55, 40)   # no cooldown: two punches (leaving early)


def test_a_night_shift_belongs_to_the_day_it_starts():
    schedule = Schedule(NIGHT, "1111111")
    totals, [mon, tue] = run([at(MON, "21:55"), at(MON + timedelta(days=1), "06:10")], days=2, schedule=schedule)
    assert (mon.arrival, mon.departure) == (datetime(2026, 12, 7, 21, 55), datetime(2026, 12, 8, 6, 10))
    assert (mon.late, mon.early, mon.overtime_minutes) == (False, False, 10)
    assert tue.absent                                            # the 06:10 check-in is Monday's night
    # 23:59 and 00:01 around midnight: both Monday's night shift (late 119 min, left 359 min early)
    _, [mon, tue] = run([at(MON, "23:59"), at(MON + timedelta(days=1), "00:01")], days=2, schedule=schedule)
    assert (mon.arrival.time().isoformat(), mon.departure.date()) == ("23:59:00", date(2026, 12, 8))
    assert (mon.late_minutes, mon.early_minutes) == (119, 359) and tue.absent
    # the day shift's window ends at 01:30: a 00:01 check-in is still the evening before (overtime)
    _, [mon, tue] = run([at(MON, "09:00"), at(MON + timedelta(days=1), "00:01")], days=2)
    assert mon.overtime_minutes == 6 * 60 + 1 and tue.absent
    assert DAY.day_offset == timedelta(hours=1, minutes=30) and NIGHT.day_offset == timedelta(hours=14)


def test_rest_days_holidays_and_make_up_work_days():
    sat, sun = MON + timedelta(days=5), MON + timedelta(days=6)
    calendar = {MON: CalendarDay(MON, "holiday", "元旦"), sun: CalendarDay(sun, "workday", "元旦调休")}
    totals, days = run([at(MON, "10:00"), at(MON, "12:30"), at(sat, "09:00"), at(sat, "11:00")], days=7,
                       calendar=calendar)
    assert [d.kind for d in days] == ["holiday", "work", "work", "work", "work", "rest", "work"]
    assert days[0].overtime_minutes == 150 and not days[0].absent        # all of it on a holiday
    assert days[5].overtime_minutes == 120                                 # and on a rest day
    assert days[6].absent                                                  # the make-up Sunday was not worked
    assert (totals.work_days, totals.absent, totals.rest_days_worked, totals.overtime_minutes) == (5, 5, 2, 270)


def test_no_schedule_is_never_absent_and_shows_the_check_ins():
    totals, [a, b] = run([at(MON, "10:00"), at(MON, "11:00")], days=2, schedule=NO_SCHEDULE)
    assert (a.kind, b.kind, a.arrival.hour, a.departure.hour, b.absent) == ("none", "none", 10, 11, False)
    assert (totals.work_days, totals.absent, totals.days_checked_in, totals.overtime_minutes) == (0, 0, 1, 0)


def test_people_count_only_while_active():
    enrolled = datetime(2026, 12, 9, 10, 30)          # Wednesday, during the shift
    spans = ActiveSpans(enrolled, [(datetime(2026, 12, 10, 20, 0), datetime(2026, 12, 14, 7, 0)),
                                   (datetime(2026, 12, 16, 12, 0), None)])
    totals, days = run([at(date(2026, 12, 9), "10:40"), at(date(2026, 12, 9), "18:00")], days=10, active=spans)
    assert [d.kind for d in days] == [OUT, OUT, "work", "work", OUT, OUT, OUT, "work", "work", "work"]
    #  Mon Tue: not enrolled; Wed: enrolled 10:30, arrived 10:40: late 10 min (from enrollment, not 09:00)
    assert days[2].late_minutes == 10
    #  Fri-Sun: deactivated Thu 20:00, reactivated Mon 07:00; Wed 16th deactivated at noon: counted, left early
    assert days[3].absent and days[7].absent and days[8].absent and days[9].kind == "work"
    assert [d.kind for d in run([], days=2, first=date(2026, 12, 17), active=spans)[1]] == [OUT, OUT]
    assert (totals.work_days, totals.absent) == (5, 4)
    assert ActiveSpans(enrolled, [(datetime(2026, 12, 1), None)]).spans == []
    # a reactivation before enrollment, an overlapping period: still well formed
    spans = ActiveSpans(datetime(2026, 12, 1), [(datetime(2026, 12, 3), datetime(2026, 12, 5)),
                                                (datetime(2026, 12, 4), datetime(2026, 12, 6))])
    assert spans.spans[0] == (datetime(2026, 12, 1), datetime(2026, 12, 3))
    assert spans.spans[1][0] == datetime(2026, 12, 6)


def test_corrections_are_marked_and_counted():
    totals, [day] = run([at(MON, "08:58"), at(MON, "18:02", manual=True)])
    assert day.corrected and not day.missing_punch and totals.corrections == 1


def test_the_grid_keeps_every_field_of_every_day():
    _, days = run([at(MON, "08:58", 7), at(MON + timedelta(days=1), "22:00"), at(MON + timedelta(days=2), "05:00")],
                  days=3, schedule=Schedule(NIGHT, "1111100"))
    grid = DayGrid(MON, days)
    assert list(grid) == days and len(grid) == 3 and grid[2] == days[2]
    with pytest.raises(IndexError):
        grid[3]
    totals = Totals()
    for d in days:
        totals.add_day(d)
    both = Totals()
    both.add(totals)
    both.add(totals)
    assert both.work_days == 2 * totals.work_days == 6


@pytest.mark.parametrize("args, message", [
    (("A", "09:00", "09:00"), "zero length"),
    (("A", "09:00", "10:00", 30, 30), "overlap"),
    (("A", "09:00", "10:00", 0, 0, 60), "break"),
    (("A", "9:70", "10:00"), "HH:MM"),
    (("A", "24:00", "10:00"), "HH:MM"),
    (("A", "09:00", 1440), "between"),
    (("", "09:00", "18:00"), "must not be empty"),
    (("A" * 65, "09:00", "18:00"), "too long"),
    (("A", "09:00", "18:00", -1), "late grace"),
    (("A", "09:00", "18:00", 1.5), "whole number"),
    (("A", "09:00", "18:00", 0, 241), "early grace"),
])
def test_bad_shifts_are_refused_with_one_line(args, message):
    with pytest.raises(ValueError, match=message) as error:
        check_shift(*args)
    assert "\n" not in str(error.value)


def test_shift_values():
    night = check_shift("  夜班'; DROP TABLE shifts; -- ", "22:00", "06:00", break_minutes=30)
    assert night.name == "夜班'; DROP TABLE shifts; --" and night.crosses_midnight
    assert (night.length, night.paid_minutes, night.text()) == (480, 450, "22:00-06:00")
    assert night.bounds(MON) == (datetime(2026, 12, 7, 22), datetime(2026, 12, 8, 6))
    assert check_shift("A", 0, 1439).length == 1439
    assert work_rules.check_work_days([0, 1, 2, 3, 4]) == "1111100"
    assert work_rules.check_work_days(" 0000011 ") == "0000011"
    for bad in ("111110", "11111a0", "0000000", [7], ["1"], 5):
        with pytest.raises(ValueError):
            work_rules.check_work_days(bad)


def test_calendar_csv_all_or_nothing_with_line_numbers():
    text = "\ufeffdate,kind,name\n2026-10-01,holiday,国庆节\n2026-10-11,调休,国庆调休\n\n2026-10-03,节假日,国庆节\n"
    days = work_rules.parse_calendar_csv(text)
    assert [(d.day.isoformat(), d.kind, d.name) for d in days] == [
        ("2026-10-01", "holiday", "国庆节"), ("2026-10-11", "workday", "国庆调休"), ("2026-10-03", "holiday", "国庆节")]
    notes = work_rules.calendar_notes(days)
    assert len(notes) == 1 and notes[0].startswith("2026-10-03 国庆节: a holiday on a weekend")   # a Saturday
    assert "a weekday" in work_rules.calendar_notes([CalendarDay(MON, "workday")])[0]
    with pytest.raises(ValueError, match=r"3 bad row\(s\), nothing was imported: line 2: .*line 3: .*line 4: "
                                         r"2026-10-01 is already on line 1"):
        work_rules.parse_calendar_csv("2026-10-01,holiday\n2026-13-01,holiday\n2026-10-02,party\n"
                                      "2026-10-01,workday\n")
    with pytest.raises(ValueError, match="no rows"):
        work_rules.parse_calendar_csv("date,kind,name\n")
    with pytest.raises(ValueError, match="expected date,kind"):
        work_rules.parse_calendar_csv("2026-10-01\n")
    rows = work_rules.calendar_csv_rows(days)
    assert rows[0] == ("2026-10-01", "holiday", "国庆节") and rows[-1][0] == "2026-10-11"


# -- days not yet over are not judged (a fixed clock) --------------------------------------------------
def test_a_day_after_today_is_blank_and_today_is_in_progress_until_its_shift_has_ended():
    from backend.day_attendance import FUTURE, PENDING

    tue = MON + timedelta(days=1)
    during = datetime(2026, 12, 7, 10, 0)                  # Monday morning, arrived at 08:58
    totals, grid = evaluate_person([MON, tue], Schedule(DAY), {}, [at(MON, "08:58")], ALWAYS, 0, now=during)
    mon, tue_result = grid
    assert (mon.kind, mon.arrival, mon.flags) == (PENDING, datetime(2026, 12, 7, 8, 58), 0)   # not "missing punch"
    assert (tue_result.kind, tue_result.arrival, tue_result.flags) == (FUTURE, None, 0)       # not "absent"
    assert totals == Totals()                               # nothing judged yet, nothing counted
    # the shift ends at 18:00, the larger grace is 5 minutes: judged from 18:05 on
    for now, kind in ((datetime(2026, 12, 7, 18, 4, 59), PENDING), (datetime(2026, 12, 7, 18, 5), "work")):
        totals, grid = evaluate_person([MON], Schedule(DAY), {}, [at(MON, "08:58")], ALWAYS, 0, now=now)
        assert grid[0].kind == kind
    assert grid[0].missing_punch and totals.missing_punches == 1 and totals.work_days == 1
    # an absent day only once it is over; until then nothing is absent
    totals, grid = evaluate_person([MON], Schedule(DAY), {}, [], ALWAYS, 0, now=datetime(2026, 12, 7, 12, 0))
    assert grid[0].kind == PENDING and not grid[0].absent and totals.absent == 0


def test_around_midnight_and_a_night_shift_crossing_it():
    from backend.day_attendance import FUTURE, PENDING

    night, tue, wed = Schedule(NIGHT, "1111111"), MON + timedelta(days=1), MON + timedelta(days=2)
    punches = [at(MON, "21:58"), at(tue, "06:01")]
    kinds = {}
    for now in (datetime(2026, 12, 7, 23, 59, 59), datetime(2026, 12, 8, 0, 0, 1), datetime(2026, 12, 8, 5, 59),
                datetime(2026, 12, 8, 6, 0), datetime(2026, 12, 8, 6, 2)):
        totals, grid = evaluate_person([MON, tue, wed], night, {}, [p for p in punches if p.when <= now], ALWAYS, 0,
                                       now=now)
        kinds[now.strftime("%d %H:%M")] = ([d.kind for d in grid], totals.work_days)
    # Monday's night is in progress until 06:00 on Tuesday (its grace is 0), after midnight too
    assert kinds == {"07 23:59": ([PENDING, FUTURE, FUTURE], 0), "08 00:00": ([PENDING, PENDING, FUTURE], 0),
                     "08 05:59": ([PENDING, PENDING, FUTURE], 0), "08 06:00": (["work", PENDING, FUTURE], 1),
                     "08 06:02": (["work", PENDING, FUTURE], 1)}
    _, grid = evaluate_person([MON, tue], night, {}, punches, ALWAYS, 0, now=datetime(2026, 12, 8, 6, 2))
    assert (grid[0].departure, grid[0].overtime_minutes, grid[0].absent) == (datetime(2026, 12, 8, 6, 1), 1, False)
    # a day shift's day is over at 18:05 and the next day has not begun at 23:59; at 00:00:01 it has
    _, grid = evaluate_person([MON, tue], Schedule(DAY), {}, [at(MON, "09:00"), at(MON, "18:00")], ALWAYS, 0,
                              now=datetime(2026, 12, 7, 23, 59, 59))
    assert [d.kind for d in grid] == ["work", FUTURE]
    _, grid = evaluate_person([MON, tue], Schedule(DAY), {}, [], ALWAYS, 0, now=datetime(2026, 12, 8, 0, 0, 1))
    assert [d.kind for d in grid] == ["work", PENDING] and grid[0].absent


def test_a_month_in_the_future_is_blank_and_counts_nothing():
    from backend.day_attendance import FUTURE

    days = [date(2027, 3, 1) + timedelta(days=i) for i in range(31)]
    totals, grid = evaluate_person(days, Schedule(DAY), {}, [], ALWAYS, 0, now=datetime(2026, 12, 6, 10, 0))
    assert {d.kind for d in grid} == {FUTURE} and totals == Totals()
    # a person deactivated for good is "out" then, not "not yet" (they are left out of the report)
    gone = ActiveSpans(ENROLLED, [(datetime(2026, 12, 1), None)])
    _, grid = evaluate_person(days, Schedule(DAY), {}, [], gone, 0, now=datetime(2026, 12, 6, 10, 0))
    assert grid.all(OUT)
    # rest days and people without a schedule: in progress until their day is over, then judged as before
    _, grid = evaluate_person([MON - timedelta(days=1)], Schedule(DAY), {}, [], ALWAYS, 0,
                              now=datetime(2026, 12, 6, 22, 0))
    assert grid[0].kind == "pending"
    _, grid = evaluate_person([MON - timedelta(days=1)], NO_SCHEDULE, {}, [], ALWAYS, 0,
                              now=datetime(2026, 12, 7, 0, 0))
    assert grid[0].kind == "none"


# -- leave ---------------------------------------------------------------------------------------------
def test_a_work_day_on_leave_is_never_absent_late_or_early_for_the_covered_time():
    from backend.day_attendance import LEAVE, LeaveSpan

    tue, wed = MON + timedelta(days=1), MON + timedelta(days=2)
    annual = LeaveSpan(datetime(2026, 12, 7), datetime(2026, 12, 9), True, 0)          # Monday and Tuesday
    totals, grid = evaluate_person([MON, tue, wed], Schedule(DAY), {}, [], ALWAYS, 0, leaves=[annual])
    assert [(d.kind, d.leave, d.leave_amount, d.absent) for d in grid] == \
        [(LEAVE, 0, 100, False), (LEAVE, 0, 100, False), ("work", -1, 0, True)]
    assert (totals.work_days, totals.leave_days, totals.absent, totals.present, totals.leave) == (3, 2, 1, 0, {0: 200})
    # a morning off (09:00-13:30): arriving at 13:40 is 10 minutes late, not 280; the afternoon off: leaving
    # at 13:30 is not early
    am = LeaveSpan(datetime(2026, 12, 7, 9), datetime(2026, 12, 7, 13, 30), False, 1)
    _, grid = evaluate_person([MON], Schedule(DAY), {}, [at(MON, "13:40"), at(MON, "18:00")], ALWAYS, 0, leaves=[am])
    day = grid[0]
    assert (day.kind, day.late_minutes, day.leave, day.leave_amount) == ("work", 10, 1, 50)
    pm = LeaveSpan(datetime(2026, 12, 7, 13, 30), datetime(2026, 12, 7, 18), False, 1)
    totals, grid = evaluate_person([MON], Schedule(DAY), {}, [at(MON, "08:58"), at(MON, "13:31")], ALWAYS, 0,
                                   leaves=[pm])
    assert (grid[0].early, grid[0].late, totals.leave) == (False, False, {1: 50})
    # half a day off and no check-in at all: absent for the other half
    _, grid = evaluate_person([MON], Schedule(DAY), {}, [], ALWAYS, 0, leaves=[pm])
    assert grid[0].absent and grid[0].leave == 1
    # an errand counted in hours (外出 14:00-16:00) changes nothing else
    errand = LeaveSpan(datetime(2026, 12, 7, 14), datetime(2026, 12, 7, 16), False, 5, "hour")
    totals, grid = evaluate_person([MON], Schedule(DAY), {}, [at(MON, "09:00"), at(MON, "18:00")], ALWAYS, 0,
                                   leaves=[errand])
    assert (grid[0].kind, grid[0].late, grid[0].early, totals.leave) == ("work", False, False, {5: 200})
    # a business trip over a weekend: the weekend stays a rest day (not leave); a night shift is covered too
    trip = LeaveSpan(datetime(2026, 12, 11), datetime(2026, 12, 15), True, 4)
    fri = date(2026, 12, 11)
    _, grid = evaluate_person([fri + timedelta(days=i) for i in range(4)], Schedule(DAY), {}, [], ALWAYS, 0,
                              leaves=[trip])
    assert [d.kind for d in grid] == [LEAVE, "rest", "rest", LEAVE]
    _, grid = evaluate_person([MON], Schedule(NIGHT, "1111111"), {}, [], ALWAYS, 0, leaves=[annual])
    assert grid[0].kind == LEAVE and not grid[0].absent
    # the grid keeps the leave of every day
    assert DayGrid(MON, grid)[0].leave_amount == 100


def test_a_grid_extends_with_the_days_that_follow_it_packed():
    _, first = evaluate_person([MON], Schedule(DAY), {}, [at(MON, "09:10")], ALWAYS, 0)
    _, second = evaluate_person([MON + timedelta(days=1)], Schedule(NIGHT), {}, [], ALWAYS, 0)
    first.extend(second)
    assert [(d.day, d.kind, d.absent) for d in first] == [(MON, "work", False), (MON + timedelta(days=1), "work", True)]
    with pytest.raises(ValueError, match="do not follow"):
        first.extend(second)
