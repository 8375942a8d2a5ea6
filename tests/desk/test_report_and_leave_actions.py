"""desk.report_actions and desk.leave_actions: a report, its export, corrections and leave for a person named by
number, on real SQLite and MariaDB. Times are fixed in November 2026, never today's."""
from __future__ import annotations

import csv
from datetime import date, datetime

import openpyxl
import pytest
from desk_db import backend, mysql_admin  # noqa: F401  (fixtures)

from backend.reports import ReportQuery
from desk import leave_actions, report_actions
from desk.people_actions import UnknownPersonNumber

WEEK = ReportQuery(date(2026, 11, 9), date(2026, 11, 13), now=datetime(2026, 11, 20, 12, 0))    # Monday to Friday


@pytest.fixture
def office(backend):
    """E1 in 研发部 (09:00-18:00, Monday to Friday), enrolled on 1 November."""
    day = backend.schedules.save_shift("白班", "09:00", "18:00")
    backend.schedules.set_department_schedule("研发部", day.id, "1111100")
    person = backend.people.create("E1", "张三", department="研发部")
    with backend.transaction() as cur:
        cur.execute("UPDATE people SET created_at = ? WHERE id = ?", ("2026-11-01 08:00:00.000", person.id))
    backend.attendance.check_in(person.id, datetime(2026, 11, 9, 8, 55), desk="前台")
    backend.attendance.check_in(person.id, datetime(2026, 11, 9, 18, 5), desk="前台")
    return person


def test_a_correction_by_number_counts_then_is_withdrawn(backend, office, tmp_path):
    assert report_actions.departments(backend) == ["研发部"]
    with pytest.raises(UnknownPersonNumber):
        report_actions.add_correction(backend, "E404", datetime(2026, 11, 10, 9, 0), reason="忘打卡", operator="王")
    added = report_actions.add_correction(backend, " E1 ", datetime(2026, 11, 10, 9, 0), reason="忘打卡",
                                          operator="王", desk="前台")
    assert added.person.id == office.id and added.check_in.status == "recorded"
    report = report_actions.build(backend, WEEK)
    (row,) = report.people
    assert row.totals.corrections == 1
    (correction,) = report_actions.corrections_of_day(backend, row, date(2026, 11, 10))
    assert report_actions.corrections_of_day(backend, row, date(2026, 11, 9)) == []     # face check-ins only

    book = tmp_path / "考勤.xlsx"
    assert report_actions.export(backend, report, str(book), "totals", "zh_CN") == 1
    assert [r[:3] for r in openpyxl.load_workbook(book)["补卡记录"].iter_rows(min_row=3, values_only=True)] == \
        [("E1", "张三", "研发部")]
    table = tmp_path / "days.csv"
    assert report_actions.export(backend, report, str(table), "days", "zh_CN", csv_language="en") == 5
    with open(table, encoding="utf-8-sig", newline="") as f:
        assert next(csv.reader(f))[:3] == ["Number", "Name", "Department"]          # as the screen says it

    withdrawn = report_actions.withdraw_correction(backend, correction.id, reason="录错", operator="李")
    assert withdrawn.withdrawn and withdrawn.withdrawn_by == "李"
    assert report_actions.corrections_of_day(backend, row, date(2026, 11, 10)) == []
    assert report_actions.build(backend, WEEK).people[0].totals.corrections == 0


def test_leave_by_number_in_a_month_then_withdrawn(backend, office):
    types = leave_actions.month_of(backend, 2026, 11).types
    assert types and leave_actions.month_of(backend, 2026, 11).records == []
    with pytest.raises(UnknownPersonNumber, match="E404"):
        leave_actions.add(backend, "E404", types[0].code, date(2026, 11, 12), date(2026, 11, 12), operator="王",
                          reason="")
    leave = leave_actions.add(backend, "E1", types[0].code, date(2026, 11, 12), date(2026, 11, 12), operator="王",
                              reason="家事")
    month = leave_actions.month_of(backend, 2026, 11)
    assert (month.first, month.last) == (date(2026, 11, 1), date(2026, 11, 30))
    assert [r.id for r in month.records] == [leave.id]
    assert leave_actions.month_of(backend, 2026, 12).records == []
    assert leave_actions.withdraw(backend, leave.id, reason="取消", operator="王").withdrawn
