"""Attendance reports and corrections (补卡) on SQLite and MariaDB: a small office over December 2026 with a
day shift, a night shift, a holiday and a make-up work day, people enrolled and deactivated mid-month,
people without a schedule, a renamed department, and the bad input the issue lists."""
from __future__ import annotations

from datetime import date, datetime

import pytest

from backend import HistoryQuery, PersonNotFound
from backend.reports import MAX_CELLS, ReportQuery, ReportTooLarge
from report_helpers import FIRST_WEEK, LATER, NOW, office, person, punch  # noqa: F401 (office: a fixture)


def by_number(report):
    return {r.person_number: r for r in report.people}


def test_a_week_per_person(backend, office):
    report = backend.reports.build(FIRST_WEEK)
    people = by_number(report)
    assert list(people) == ["E3", "E2", "E6", "E1", "E4", "E5"]           # by department ("" first), number
    e1 = people["E1"]
    assert [d.kind for d in e1.days] == ["work"] * 4 + ["rest"] * 2 + ["work"]
    t = e1.totals
    assert (t.work_days, t.present, t.late, t.late_minutes, t.early, t.early_minutes, t.absent) == (5, 4, 1, 20, 1, 30, 1)
    assert (t.missing_punches, t.overtime_minutes, t.rest_days_worked) == (1, 5 + 240, 1)
    assert e1.days[6].arrival == datetime(2026, 12, 7, 8, 59) and e1.days[6].departure is None   # the repeat is one
    # the night shift: each night is the day it started on, the 8th's 06:02 included
    e2 = people["E2"]
    assert [(d.arrival.day, d.departure.day, d.overtime_minutes) for d in e2.days] == \
        [(n, n + 1, 2) for n in range(1, 8)]
    assert (e2.totals.work_days, e2.totals.absent, e2.totals.late) == (7, 0, 0)
    # no schedule: shown, never absent (no department; a department renamed to one without a schedule)
    assert [d.kind for d in people["E3"].days] == ["none"] * 7 and people["E3"].days[1].arrival.hour == 10
    assert people["E3"].totals.absent == 0 and people["E6"].totals.absent == 0
    assert people["E6"].department == "市场部" and people["E6"].shift_name is None
    assert report.without_schedule == 2
    # enrolled on the 3rd at 10:30: not counted before, late only from the enrollment
    e4 = people["E4"]
    assert [d.kind for d in e4.days][:3] == ["out", "out", "work"]
    assert (e4.days[2].late_minutes, e4.totals.work_days, e4.totals.absent) == (10, 3, 2)
    # deactivated on the 4th at noon: absent until then, not after
    e5 = people["E5"]
    assert [d.kind for d in e5.days] == ["work"] * 4 + ["out"] * 3 and not e5.active
    assert (e5.totals.work_days, e5.totals.absent) == (4, 4)
    departments = {d.department: d for d in report.departments}
    assert departments["研发部"].people == 3
    assert departments["研发部"].totals.absent == 1 + 2 + 4 and report.total().absent == 7


def test_holidays_make_up_days_and_the_month(backend, office):
    e1 = office["E1"]
    punch(backend, e1, "2026-12-25 09:00", "2026-12-25 12:00")
    report = backend.reports.build(ReportQuery.month(2026, 12, now=LATER))
    assert (report.days[0], report.days[-1], len(report.days)) == (date(2026, 12, 1), date(2026, 12, 31), 31)
    days = by_number(report)["E1"].days
    assert (days[24].kind, days[24].overtime_minutes, days[24].absent) == ("holiday", 180, False)
    assert (days[25].kind, days[25].absent) == ("work", True)                   # the make-up Saturday
    assert report.calendar[date(2026, 12, 25)].name == "圣诞节"
    # 23 weekdays, less the holiday, plus the make-up Saturday
    assert by_number(report)["E1"].totals.work_days == 23 - 1 + 1


def test_department_filter_is_exact_on_both_engines(backend, office):
    person(backend, "E7", "孙八", "研发部 ")                    # blanks at the end: the same department
    sales, lower = person(backend, "E8", "周九", "Sales"), person(backend, "E9", "吴十", "sales")
    punch(backend, lower, "2026-12-01 09:00")
    punch(backend, sales, "2026-12-01 09:30")
    dev = backend.reports.build(ReportQuery(date(2026, 12, 1), date(2026, 12, 7), now=NOW, department="研发部"))
    assert [r.person_number for r in dev.people] == ["E1", "E4", "E5", "E7"]
    assert [d.department for d in dev.departments] == ["研发部"]
    only = backend.reports.build(ReportQuery(date(2026, 12, 1), date(2026, 12, 7), now=NOW, department="Sales"))
    assert [r.person_number for r in only.people] == ["E8"] and only.people[0].days[0].arrival.minute == 30
    none = backend.reports.build(ReportQuery(date(2026, 12, 1), date(2026, 12, 7), now=NOW, department=""))
    assert [r.person_number for r in none.people] == ["E3"]
    # the department E6 left: nobody is in it now
    assert backend.reports.build(ReportQuery(date(2026, 12, 1), date(2026, 12, 7), now=NOW, department="销售部")).people == []


def test_corrections_are_manual_check_ins_with_who_and_why(backend, office):
    e1, e4, e5 = office["E1"], office["E4"], office["E5"]
    face_before = backend.attendance.search(HistoryQuery(preset="all", page_size=1000)).rows
    done = backend.corrections.add(e1.id, datetime(2026, 12, 7, 18, 1), reason=" 忘记打卡 ", operator="王芳",
                                   desk="前台", now=NOW)
    assert (done.status, done.method, done.operator, done.reason) == ("recorded", "manual", "王芳", "忘记打卡")
    days = by_number(backend.reports.build(FIRST_WEEK))["E1"]
    assert days.days[6].corrected and not days.days[6].missing_punch
    assert (days.totals.missing_punches, days.totals.corrections, days.totals.overtime_minutes) == (0, 1, 246)
    # a person deactivated now is corrected for a time they were active
    assert backend.corrections.add(e5.id, datetime(2026, 12, 2, 9, 0), reason="外出", operator="王芳",
                                   now=NOW).status == "recorded"
    refused = [
        (lambda: backend.corrections.add(e1.id, datetime(2026, 12, 9, 9, 0), reason="r", operator="o", now=NOW),
         "cannot be in the future: 2026-12-09 09:00"),
        (lambda: backend.corrections.add(e4.id, datetime(2026, 12, 2, 9, 0), reason="r", operator="o", now=NOW),
         r"赵六 \(E4\) was enrolled on 2026-12-03 10:30: no correction before that"),
        (lambda: backend.corrections.add(e5.id, datetime(2026, 12, 5, 9, 0), reason="r", operator="o", now=NOW),
         r"钱七 \(E5\) was deactivated from 2026-12-04 12:00: no correction"),
        (lambda: backend.corrections.add(e1.id, datetime(2026, 12, 4, 9, 0), reason="  ", operator="o", now=NOW),
         "reason must not be empty"),
        (lambda: backend.corrections.add(e1.id, datetime(2026, 12, 4, 9, 0), reason="r", operator=None, now=NOW),
         "operator is required"),
        (lambda: backend.corrections.add(9999, datetime(2026, 12, 4, 9, 0), reason="r", operator="o", now=NOW),
         "no person with id 9999"),
    ]
    for call, message in refused:
        with pytest.raises((ValueError, PersonNotFound), match=message):
            call()
    backend.attendance.cooldown_seconds = 60
    repeat = backend.corrections.add(e1.id, datetime(2026, 12, 1, 8, 58, 30), reason="重复", operator="王芳", now=NOW)
    assert repeat.status == "cooldown" and repeat.last_check_in == datetime(2026, 12, 1, 8, 58)
    listed = backend.corrections.between(date(2026, 12, 1), date(2026, 12, 31))
    assert [(c.person_number, c.checked_in_at, c.operator, c.reason) for c in listed] == [
        ("E5", datetime(2026, 12, 2, 9, 0), "王芳", "外出"), ("E1", datetime(2026, 12, 7, 18, 1), "王芳", "忘记打卡")]
    assert [c.person_number for c in backend.corrections.between(date(2026, 12, 1), date(2026, 12, 7), e5.id)] == ["E5"]
    # face check-ins are never changed: every one of them is still there, as it was
    after = {r.id: r for r in backend.attendance.search(HistoryQuery(preset="all", page_size=1000)).rows}
    assert all(after[r.id] == r for r in face_before) and len(after) == len(face_before) + 2


def test_bad_queries_get_one_line(backend, office):
    for query, message in ((ReportQuery(date(2026, 12, 7), date(2026, 12, 1), now=NOW), "before its start"),
                           (ReportQuery(date(2026, 1, 1), date(2027, 1, 2), now=NOW), "at most 366 days"),
                           (ReportQuery("2026-12-01", date(2026, 12, 2)), "must be a date"),
                           (ReportQuery(date(2026, 12, 1), date(2026, 12, 2), now=NOW, department="x" * 129), "too long"),
                           (ReportQuery(date(2026, 12, 1), date(2026, 12, 2), cooldown_seconds=-1), "cooldown")):
        with pytest.raises(ValueError, match=message):
            backend.reports.build(query)
    with pytest.raises(ValueError, match="invalid month"):
        ReportQuery.month(2026, 13)


def test_a_report_too_large_is_refused_before_it_is_computed(backend):
    people = MAX_CELLS // 365 + 1
    with backend.transaction() as cur:
        cur.executemany("INSERT INTO people (person_number, name, created_at, updated_at) VALUES (?, ?, ?, ?)",
                        [(f"P{i:05d}", f"员工{i}", "2025-01-01 00:00:00.000", "2025-01-01 00:00:00.000")
                         for i in range(people)])
    with pytest.raises(ReportTooLarge, match=f"{people:,} people x 365 days is more than one report holds"):
        backend.reports.build(ReportQuery(date(2025, 1, 1), date(2025, 12, 31), now=NOW))
    month = backend.reports.build(ReportQuery.month(2025, 1, now=LATER))          # a month of all of them is fine
    assert len(month.people) == people and month.without_schedule == people


def test_the_december_report_opened_on_6_december_shows_nothing_after_today(backend, office, tmp_path):
    from backend import report_export

    report = backend.reports.build(ReportQuery.month(2026, 12, now=datetime(2026, 12, 6, 10, 0)))   # a Sunday
    people = by_number(report)
    e1 = people["E1"]
    days = list(e1.days)
    assert [d.kind for d in days][:7] == ["work"] * 4 + ["rest", "pending", "future"]
    assert {d.kind for d in days[6:]} == {"future"} and not any(d.absent or d.arrival for d in days[6:])
    assert (e1.totals.work_days, e1.totals.absent) == (4, 1)                  # the 1st to the 4th only
    e4 = people["E4"]                                                         # enrolled on the 3rd
    assert (e4.totals.work_days, e4.totals.absent) == (2, 1)
    e2 = people["E2"]                                                         # the night of the 5th ended at 06:00
    assert [d.kind for d in e2.days][4:7] == ["work", "pending", "future"] and e2.totals.work_days == 5
    assert report.total().absent == 1 + 1 + 4          # E1 and E4 on the 4th; E5 the 1st to the 4th (then deactivated)
    path = tmp_path / "december.csv"
    report_export.export_csv(report, path, "days")
    import csv
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = [r for r in csv.reader(f) if r[0] == "E1"]
    assert [r[5] for r in rows[5:8]] == ["进行中", "未到", "未到"] and all(r[11] == "" for r in rows[6:])


def test_a_correction_is_withdrawn_never_deleted(backend, office):
    from report_helpers import sql

    e1 = office["E1"]
    face_before = sql(backend, "SELECT * FROM attendance WHERE method <> 'manual' ORDER BY id")
    added = backend.corrections.add(e1.id, datetime(2026, 12, 3, 18, 2), reason="忘记打卡", operator="王芳", now=NOW)
    assert by_number(backend.reports.build(FIRST_WEEK))["E1"].days[2].corrected
    withdrawn = backend.corrections.withdraw(added.attendance_id, reason="录错了, 他那天早退", operator="李经理",
                                             now=datetime(2026, 12, 9, 10, 0))
    assert (withdrawn.withdrawn_by, withdrawn.withdrawn_reason) == ("李经理", "录错了, 他那天早退")
    # it stops counting: the 3rd is a day left early again (17:30), the totals without the correction
    e1_report = by_number(backend.reports.build(FIRST_WEEK))["E1"]
    day = e1_report.days[2]
    assert (day.corrected, day.departure, day.early) == (False, datetime(2026, 12, 3, 17, 30), True)
    assert e1_report.totals.corrections == 0
    # it stays in the audit: with who added it and why, who withdrew it and why
    (row,) = backend.corrections.between(date(2026, 12, 1), date(2026, 12, 7))
    assert (row.operator, row.reason, row.withdrawn_at, row.withdrawn_by, row.withdrawn_reason) == \
        ("王芳", "忘记打卡", datetime(2026, 12, 9, 10, 0), "李经理", "录错了, 他那天早退")
    history_rows = backend.attendance.search(HistoryQuery(start=date(2026, 12, 3), end=date(2026, 12, 3),
                                                          text="E1", field="person_number")).rows
    assert [(r.method, r.withdrawn) for r in history_rows] == [("manual", True), ("face", False), ("face", False)]
    summary = backend.attendance.daily_summary(HistoryQuery(start=date(2026, 12, 3), end=date(2026, 12, 3),
                                                            text="E1", field="person_number"))
    assert [(s.count, s.last_out) for s in summary] == [(2, datetime(2026, 12, 3, 17, 30))]   # not counted
    # withdrawn again, a face check-in, no reason, an unknown id: one line each, nothing written
    for target, kwargs, message in (
            (added.attendance_id, {}, "already withdrawn on 2026-12-09 10:00 by 李经理: 录错了, 他那天早退"),
            (int(face_before[0][0]), {}, "only a correction \\(补卡\\) can be withdrawn"),
            (added.attendance_id, {"reason": " "}, "reason"),
            (10 ** 9, {}, "no check-in with id")):
        with pytest.raises(ValueError, match=message):
            backend.corrections.withdraw(target, **{"reason": "x", "operator": "y", **kwargs})
    assert sql(backend, "SELECT COUNT(*) FROM correction_withdrawals")[0][0] == 1
    # the time is free again: a new correction there is not a repeat of the withdrawn one
    backend.attendance.cooldown_seconds = 60
    again = backend.corrections.add(e1.id, datetime(2026, 12, 3, 18, 2, 30), reason="改为18:02", operator="王芳",
                                    now=NOW)
    assert again.status == "recorded"
    assert sql(backend, "SELECT * FROM attendance WHERE method <> 'manual' ORDER BY id") == face_before  # unchanged
    assert sql(backend, "SELECT COUNT(*) FROM attendance WHERE method = 'manual'")[0][0] == 2     # none deleted


def test_leave_and_trips_turn_absence_into_excused_days(backend, office, tmp_path):
    from backend import report_export

    e1, e2 = office["E1"], office["E2"]
    backend.leave.add(e1.id, "年假", date(2026, 12, 4), date(2026, 12, 4), operator="王芳", now=NOW)   # was absent
    backend.leave.add(e1.id, "外出", datetime(2026, 12, 3, 17, 0), datetime(2026, 12, 3, 18, 0), operator="王芳",
                      now=NOW)                                        # left at 17:30: not early, the errand
    trip = backend.leave.add(e2.id, "出差", date(2026, 12, 6), date(2026, 12, 7), operator="王芳", now=NOW)
    report = backend.reports.build(FIRST_WEEK)
    assert [t.name_zh for t in report.leave_types] == ["年假", "病假", "事假", "调休", "出差", "外出"]
    people = by_number(report)
    days = list(people["E1"].days)
    assert (days[3].kind, days[3].absent, days[3].leave) == ("leave", False, 0)
    assert (days[2].kind, days[2].early, days[2].leave, days[2].leave_amount) == ("work", False, 5, 100)
    t = people["E1"].totals
    assert (t.work_days, t.absent, t.early, t.leave_days, t.leave) == (5, 0, 0, 1, {0: 100, 5: 100})
    # the night shift on a trip: the nights of the 6th and 7th are 出差, their check-ins still shown
    e2_days = list(people["E2"].days)
    assert [d.kind for d in e2_days[5:]] == ["leave", "leave"] and e2_days[5].arrival is not None
    assert people["E2"].totals.leave == {4: 200}
    # the workbook: a column per leave type, the days marked with the type
    path = tmp_path / "leave.xlsx"
    report_export.export_xlsx(report, path, "zh_CN", [])
    import openpyxl
    book = openpyxl.load_workbook(path)
    header = [c.value for c in book["汇总"][2]]
    assert header[15:22] == ["年假 (天)", "病假 (天)", "事假 (天, 无薪)", "调休 (天)", "出差 (天)", "外出 (小时)", "状态"]
    e1_row = next(r for r in book["汇总"].iter_rows(min_row=3, values_only=True) if r[0] == "E1")
    assert e1_row[15] == 1 and e1_row[20] == 1
    grid = next(r for r in book["每日明细"].iter_rows(min_row=4, values_only=True) if r[0] == "E1")
    assert grid[3 + 3] == "年假" and grid[3 + 2].endswith("外出 1小时")
    assert [c.value for c in book["部门汇总"][2]][-1] == "外出 (小时)"
    # withdrawn, the trip stops counting: the nights are worked nights again
    backend.leave.withdraw(trip.id, reason="没去成", operator="王芳", now=NOW)
    assert by_number(backend.reports.build(FIRST_WEEK))["E2"].totals.leave == {}
