"""Work rules in the database (schema 4) on SQLite and MariaDB: shifts, department and person schedules,
the holiday calendar and its CSV, the periods people were deactivated (the upgrade from version 3 is in
test_backend_schema.py)."""
from __future__ import annotations

import csv
from datetime import date, datetime

import pytest

from backend import people_service
from backend.schedules import ShiftInUse
from backend.work_rules import NO_SCHEDULE
from report_helpers import sql

NAME = "早班'; DROP TABLE shifts; --"          # SQL metacharacters in a name


def test_shifts_are_saved_changed_listed_and_refused_with_one_line(backend):
    day = backend.schedules.save_shift(NAME, "08:30", "17:30", late_grace=5, early_grace=3, break_minutes=60)
    night = backend.schedules.save_shift("夜班", "22:00", "06:00")
    assert day.id and night.id and night.crosses_midnight
    assert [s.name for s in backend.schedules.shifts()] == sorted([NAME, "夜班"])
    changed = backend.schedules.save_shift("白班", "09:00", "18:00", 10, 0, 30, shift_id=day.id)
    assert changed.id == day.id
    assert backend.schedules.shifts()[0] == changed or backend.schedules.shifts()[1] == changed
    for args, message in ((("夜班", "08:00", "17:00"), "exists already"),
                          (("NIGHT", "08:00", "08:00"), "zero length"),
                          (("夜班X", "08:00", "09:00", 40, 20), "overlap")):
        with pytest.raises(ValueError, match=message):
            backend.schedules.save_shift(*args)
    backend.schedules.save_shift("Day", "08:00", "17:00")
    with pytest.raises(ValueError, match="exists already"):      # the same on both engines
        backend.schedules.save_shift("day", "08:00", "17:00")
    with pytest.raises(ValueError, match="no shift with id 999"):
        backend.schedules.save_shift("Other", "08:00", "17:00", shift_id=999)
    assert len(backend.schedules.shifts()) == 3                    # nothing half-saved


def test_a_shift_in_use_is_not_deleted(backend):
    shift = backend.schedules.save_shift("白班", "09:00", "18:00")
    spare = backend.schedules.save_shift("备用", "10:00", "19:00")
    person = backend.people.create("E1", "张三")
    backend.schedules.set_department_schedule("研发部", shift.id)
    backend.schedules.set_person_schedule(person.id, shift.id, "0111110")
    with pytest.raises(ShiftInUse, match="shift '白班' is the schedule of department.s. 研发部 and 1 person"):
        backend.schedules.delete_shift(shift.id)
    assert backend.schedules.delete_shift(spare.id) and not backend.schedules.delete_shift(spare.id)
    backend.schedules.remove_department_schedule("研发部")
    backend.schedules.remove_person_schedule(person.id)
    assert backend.schedules.delete_shift(shift.id)
    assert backend.schedules.shifts() == []


def test_department_and_person_schedules(backend):
    shift = backend.schedules.save_shift("白班", "09:00", "18:00")
    night = backend.schedules.save_shift("夜班", "22:00", "06:00")
    a = backend.people.create("E1", "张三", department="研发部")
    b = backend.people.create("E2", "李四", department="研发部 ")      # blanks at the end: the same department
    c = backend.people.create("E3", "王五", department="研发部")
    d = backend.people.create("E4", "赵六")
    backend.schedules.set_department_schedule(" 研发部", shift.id, [0, 1, 2, 3, 4, 5])
    backend.schedules.set_department_schedule("保安部", night.id, "1111111")
    backend.schedules.set_person_schedule(b.id, night.id, "0000011")
    backend.schedules.set_person_schedule(c.id, None)                      # no schedule at all
    rules = backend.schedules.rules()
    assert rules.schedule_of(a.id, "研发部").shift == shift and rules.schedule_of(a.id, "研发部").work_days == "1111110"
    assert rules.schedule_of(b.id, "研发部 ").shift == night and rules.schedule_of(b.id, "x").source == "person"
    assert rules.schedule_of(c.id, "研发部").shift is None
    assert rules.schedule_of(d.id, None) is NO_SCHEDULE
    rows = backend.schedules.departments()
    assert [(r.department, r.people, r.schedule.shift.name) for r in rows] == [("保安部", 0, "夜班"),
                                                                               ("研发部", 3, "白班")]
    assert [(number, s.shift and s.shift.name) for _, number, _, s in backend.schedules.person_overrides()] == \
        [("E2", "夜班"), ("E3", None)]
    backend.schedules.set_department_schedule("研发部", night.id)            # replaced, not added
    assert len(sql(backend, "SELECT * FROM department_schedules")) == 2
    for call, message in ((lambda: backend.schedules.set_department_schedule("研发部", 999), "no shift with id 999"),
                          (lambda: backend.schedules.set_department_schedule("  ", shift.id), "must not be empty"),
                          (lambda: backend.schedules.set_department_schedule("研发部", shift.id, "0000000"),
                           "at least one work day"),
                          (lambda: backend.schedules.set_person_schedule(12345, shift.id), "no person with id")):
        with pytest.raises(Exception, match=message):
            call()
    people_service.delete_person(backend, None, b.id)                      # their own schedule goes with them
    assert [o[1] for o in backend.schedules.person_overrides()] == ["E3"]


def test_the_calendar_and_its_csv_all_or_nothing(backend, tmp_path):
    assert backend.schedules.set_calendar_day(date(2026, 10, 1), "节假日", "国庆节") == []
    notes = backend.schedules.set_calendar_day(date(2026, 10, 3), "holiday", "国庆节")
    assert len(notes) == 1 and "weekend" in notes[0]                         # a Saturday: said, and kept
    good = tmp_path / "2027.csv"
    good.write_text("date,kind,name\n2027-01-01,holiday,元旦\n2027-02-07,调休,春节调休\n"
                    "2026-10-01,holiday,国庆节'; DELETE FROM calendar_days; --\n", encoding="utf-8-sig")
    assert backend.schedules.import_calendar_csv(good) == (3, [])
    bad = tmp_path / "bad.csv"
    bad.write_text("2027-05-01,holiday,劳动节\n2027-05-02,holiday,劳动节\n2027-02-30,holiday,错\n", encoding="utf-8")
    before = backend.schedules.calendar()
    with pytest.raises(ValueError, match=r"1 bad row\(s\), nothing was imported: line 3: invalid date"):
        backend.schedules.import_calendar_csv(bad)
    assert backend.schedules.calendar() == before                         # no half-written calendar
    latin = tmp_path / "latin.csv"
    latin.write_bytes("2027-05-01,holiday,劳动节".encode("gb18030"))
    with pytest.raises(ValueError, match="not UTF-8"):
        backend.schedules.import_calendar_csv(latin)
    with pytest.raises(ValueError, match="cannot read"):
        backend.schedules.import_calendar_csv(tmp_path / "missing.csv")
    assert [(d.day.isoformat(), d.kind, d.name) for d in backend.schedules.calendar(date(2026, 10, 1),
                                                                                  date(2027, 1, 31))] == [
        ("2026-10-01", "holiday", "国庆节'; DELETE FROM calendar_days; --"), ("2026-10-03", "holiday", "国庆节"),
        ("2027-01-01", "holiday", "元旦")]
    out = tmp_path / "calendar.csv"
    assert backend.schedules.export_calendar_csv(out) == 4
    with open(out, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0] == ["date", "kind", "name"] and rows[-1] == ["2027-02-07", "workday", "春节调休"]
    assert backend.schedules.import_calendar_csv(out)[0] == 4                # what it writes, it reads
    assert backend.schedules.delete_calendar_day(date(2027, 2, 7))
    assert not backend.schedules.delete_calendar_day(date(2027, 2, 7))
    with pytest.raises(ValueError, match="does not exist"):
        backend.schedules.export_calendar_csv(tmp_path / "no" / "such.csv")


def test_deactivation_periods_follow_every_change_of_active(backend):
    a = backend.people.create("E1", "张三")
    backend.people.update(a.id, name="张三丰")                              # not a change of active
    assert backend.people.inactive_periods(a.id) == []
    people_service.set_active(backend, None, a.id, False)
    (start, end), = backend.people.inactive_periods(a.id)
    assert end is None and abs((datetime.now() - start).total_seconds()) < 5
    backend.people.update(a.id, active=False)                               # already inactive: nothing new
    people_service.set_active(backend, None, a.id, True)
    (start2, end2), = backend.people.inactive_periods(a.id)
    assert start2 == start and end2 is not None and end2 >= start
    b = backend.people.create("E2", "李四", active=False)
    assert backend.people.inactive_periods(b.id)[0][1] is None


# -- schedules that apply from a date (schema 5) -----------------------------------------------------
def test_rules_cut_a_range_where_a_schedule_changes_pure():
    from backend.schedules import BEGINNING, Rules
    from backend.work_rules import Schedule, check_shift

    day, early = check_shift("白班", "09:00", "18:00", id=1), check_shift("早班", "07:00", "16:00", id=2)
    rules = Rules({}, {}, {}, {}, {"研发部": [(BEGINNING, Schedule(day)), (date(2026, 12, 15), Schedule(early))]},
                  {7: [(date(2026, 12, 20), NO_SCHEDULE)]})
    days = [date(2026, 12, d) for d in range(1, 32)]
    assert [(lo, hi, s.shift and s.shift.name) for lo, hi, s in rules.segments(1, "研发部", days)] == \
        [(0, 14, "白班"), (14, 31, "早班")]
    # a person's own version wins from its first day; before it, the department's
    assert [(lo, hi, s.shift and s.shift.name) for lo, hi, s in rules.segments(7, "研发部", days)] == \
        [(0, 14, "白班"), (14, 19, "早班"), (19, 31, None)]
    assert rules.schedule_on(1, "研发部", date(2026, 11, 30)).shift.name == "白班"
    assert rules.segments(1, "研发部", days[:10]) == [(0, 10, Schedule(day))]          # no change inside


def test_a_schedule_applies_from_a_date_and_earlier_months_keep_theirs(backend):
    from datetime import timedelta

    from backend.reports import ReportQuery

    s = backend.schedules
    day = s.save_shift("白班", "09:00", "18:00")
    early = s.save_shift("早班", "07:00", "16:00")
    s.set_department_schedule("研发部", day.id)
    e1 = backend.people.create("E1", "张三", department="研发部")
    sql(backend, "UPDATE people SET created_at = ? WHERE id = ?", ("2026-11-01 08:00:00.000", e1.id))
    backend.attendance.cooldown_seconds = 0
    for d in (date(2026, 11, 30), date(2026, 12, 14), date(2026, 12, 15)):
        for hhmm in ("08:58", "18:01"):
            backend.attendance.check_in(e1.id, datetime.fromisoformat(f"{d} {hhmm}"))
    s.set_department_schedule("研发部", early.id, "1111100", valid_from=date(2026, 12, 15))
    later = datetime(2027, 1, 15)
    december = backend.reports.build(ReportQuery.month(2026, 12, now=later)).people[0]
    days = list(december.days)
    assert (days[13].late, days[14].late, days[14].late_minutes) == (False, True, 118)     # 07:00 from the 15th
    assert days[14].overtime_minutes == 121 and december.schedule.shift.name == "早班"
    november = backend.reports.build(ReportQuery.month(2026, 11, now=later)).people[0]
    assert not list(november.days)[29].late and november.schedule.shift.name == "白班"    # as it was then
    # a person's own version: not before they were enrolled (one line, nothing written)
    with pytest.raises(ValueError, match="张三 \\(E1\\) was enrolled on 2026-11-01: a schedule from 2026-10-31 would "
                                         "start before that"):
        s.set_person_schedule(e1.id, None, valid_from=date(2026, 10, 31))
    assert sql(backend, "SELECT COUNT(*) FROM person_schedules")[0][0] == 0
    s.set_person_schedule(e1.id, None, valid_from=date(2026, 12, 15))     # from the 15th: no schedule
    days = list(backend.reports.build(ReportQuery.month(2026, 12, now=later)).people[0].days)
    assert days[14].kind == "none" and days[13].kind == "work"
    # removing the version restores the department's; a schedule set without a date rewrites history
    assert s.remove_person_schedule(e1.id, valid_from=date(2026, 12, 15))
    s.set_department_schedule("研发部", day.id)
    days = list(backend.reports.build(ReportQuery.month(2026, 12, now=later)).people[0].days)
    assert not days[14].late and sql(backend, "SELECT COUNT(*) FROM department_schedules")[0][0] == 1
    with pytest.raises(ValueError, match="a schedule applies from a date"):
        s.set_department_schedule("研发部", day.id, valid_from=datetime(2026, 12, 1) + timedelta(hours=1))


def test_a_shift_changed_from_a_date_keeps_the_days_before(backend):
    from backend.reports import ReportQuery

    s = backend.schedules
    day = s.save_shift("白班", "09:00", "18:00")
    s.set_department_schedule("研发部", day.id)
    e1 = backend.people.create("E1", "张三", department="研发部")
    sql(backend, "UPDATE people SET created_at = ? WHERE id = ?", ("2026-11-01 08:00:00.000", e1.id))
    backend.attendance.cooldown_seconds = 0
    for d in (14, 15):
        backend.attendance.check_in(e1.id, datetime(2026, 12, d, 8, 45))
        backend.attendance.check_in(e1.id, datetime(2026, 12, d, 18, 0))
    assert s.shift_used_before(day.id, date(2026, 12, 15)) and not s.shift_used_before(day.id, date(1000, 1, 1))
    s.save_shift("白班", "08:30", "17:30", shift_id=day.id, valid_from=date(2026, 12, 15))     # a new version
    assert [(d, v.text()) for d, v in s.shift_versions()[day.id]] == [(date(2026, 12, 15), "08:30-17:30")]
    later = datetime(2027, 1, 15)
    days = list(backend.reports.build(ReportQuery.month(2026, 12, now=later)).people[0].days)
    assert (days[13].late, days[13].overtime_minutes) == (False, 0)            # the 14th: 09:00-18:00
    assert (days[14].late, days[14].late_minutes, days[14].overtime_minutes) == (True, 15, 30)   # 08:30-17:30
    assert s.shifts()[0].text() == "09:00-18:00"                                # the first version stays
    # changed for every day (history): the versions go, every month uses the new times
    s.save_shift("白班", "08:00", "17:00", shift_id=day.id)
    assert s.shift_versions() == {}
    days = list(backend.reports.build(ReportQuery.month(2026, 12, now=later)).people[0].days)
    assert days[13].late and days[14].late
    with pytest.raises(ValueError, match="a new shift applies from the day a schedule gives it"):
        s.save_shift("晚班", "13:00", "21:00", valid_from=date(2026, 12, 15))
