"""A small office over December 2026 for the report tests (backend and export): a day shift, a night
shift, a holiday and a make-up work day, people enrolled and deactivated mid-month, people without a
schedule, a department renamed. Times are fixed, never today's: the tests run on any day."""
from __future__ import annotations

from datetime import date, datetime

import pytest

from backend.reports import ReportQuery

NOW = datetime(2026, 12, 8, 12, 0)              # "now" for the corrections and the first week's reports
LATER = datetime(2027, 1, 15, 12, 0)            # "now" for reports of December as a whole (the month is over)
FIRST_WEEK = ReportQuery(date(2026, 12, 1), date(2026, 12, 7), now=NOW)     # Tuesday 1st to Monday 7th


def sql(backend, statement: str, params=()):
    """Run ``statement`` (``?`` placeholders) on the backend's own connection; returns the rows."""
    with backend.transaction() as cur:
        return cur.execute(statement, params).fetchall()


def person(backend, number, name, department=None, created="2026-11-01 08:00:00.000"):
    p = backend.people.create(number, name, department=department)
    sql(backend, "UPDATE people SET created_at = ? WHERE id = ?", (created, p.id))
    return p


def punch(backend, p, *stamps):
    for stamp in stamps:
        result = backend.attendance.check_in(p.id, datetime.fromisoformat(stamp), desk="前台")
        assert result.status == "recorded", (stamp, result)


@pytest.fixture
def office(backend):
    """December 2026: 研发部 works 09:00-18:00 Monday-Friday, 保安部 22:00-06:00 every day; the 25th is a
    holiday, Saturday the 26th a make-up work day."""
    backend.attendance.cooldown_seconds = 0           # the desk's rule is not what is tested here
    s = backend.schedules
    day = s.save_shift("白班", "09:00", "18:00", late_grace=5, early_grace=5, break_minutes=60)
    night = s.save_shift("夜班", "22:00", "06:00")
    s.set_department_schedule("研发部", day.id)
    s.set_department_schedule("保安部", night.id, "1111111")
    s.set_department_schedule("销售部", day.id)
    s.set_calendar_day(date(2026, 12, 25), "holiday", "圣诞节")
    s.set_calendar_day(date(2026, 12, 26), "workday", "调休")
    people = {
        "E1": person(backend, "E1", "张三", "研发部"),
        "E2": person(backend, "E2", "李四", "保安部"),
        "E3": person(backend, "E3", "王五"),
        "E4": person(backend, "E4", "赵六", "研发部", created="2026-12-03 10:30:00.000"),
        "E5": person(backend, "E5", "钱七", "研发部"),
        "E6": person(backend, "E6", "O'Brien; DROP TABLE people; --", "销售部"),
    }
    p = people
    punch(backend, p["E1"], "2026-12-01 08:58", "2026-12-01 18:05", "2026-12-02 09:20", "2026-12-02 18:00",
          "2026-12-03 08:55", "2026-12-03 17:30", "2026-12-05 10:00", "2026-12-05 14:00", "2026-12-07 08:59")
    backend.attendance.check_in(p["E1"].id, datetime(2026, 12, 7, 8, 59, 30), desk="侧门")   # a repeat: one punch
    for d in range(1, 8):
        punch(backend, p["E2"], f"2026-12-{d:02d} 21:55", f"2026-12-{d + 1:02d} 06:02")
    punch(backend, p["E3"], "2026-12-02 10:00", "2026-12-02 11:00")
    punch(backend, p["E4"], "2026-12-03 10:40", "2026-12-03 18:00")
    backend.people.update(p["E5"].id, active=False)
    sql(backend, "UPDATE person_inactive_periods SET inactive_from = ? WHERE person_id = ?",
        ("2026-12-04 12:00:00.000", p["E5"].id))
    # 销售部 renamed 市场部 on the 3rd (People tab): E6 is reported under 市场部, which has no schedule yet
    backend.people.update(p["E6"].id, department="市场部")
    return people
