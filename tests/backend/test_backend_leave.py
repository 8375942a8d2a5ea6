"""Leave and business trips (backend/leave.py) on SQLite and MariaDB: types, entering, the bad input the
issue lists (each one line, nothing written), withdrawing with the audit, CSV import all or nothing."""
from __future__ import annotations

from datetime import date, datetime

import pytest

from backend import leave as leave_mod
from backend.work_rules import Schedule, check_shift
from report_helpers import NOW, office, sql  # noqa: F401 (office: a fixture)


def count(backend, table="leave_records") -> int:
    return sql(backend, f"SELECT COUNT(*) FROM {table}")[0][0]


def test_the_seeded_types(backend):
    types = backend.leave.types()
    assert [(t.code, t.name_zh, t.paid, t.unit) for t in types] == [
        ("annual", "年假", True, "day"), ("sick", "病假", True, "day"), ("personal", "事假", False, "day"),
        ("comp", "调休", True, "day"), ("trip", "出差", True, "day"), ("out", "外出", True, "hour")]
    assert backend.leave.type_of("年假").code == "annual" and backend.leave.type_of("Business TRIP").code == "trip"
    with pytest.raises(ValueError, match="unknown leave type '婚假'; use one of annual \\(年假\\)"):
        backend.leave.type_of("婚假")


def test_enter_leave_whole_days_half_days_and_hours(backend, office):
    e1 = office["E1"]
    annual = backend.leave.add(e1.id, "年假", date(2026, 12, 9), date(2026, 12, 11), operator="王芳", reason="回老家",
                               now=NOW)
    assert (annual.starts_at, annual.ends_at, annual.whole_days) == (datetime(2026, 12, 9), datetime(2026, 12, 12), True)
    assert annual.span_text() == "2026-12-09 to 2026-12-11"
    half = backend.leave.add(e1.id, "sick", date(2026, 12, 14), date(2026, 12, 14), half="pm", operator="王芳", now=NOW)
    assert (half.starts_at, half.ends_at, half.whole_days) == (datetime(2026, 12, 14, 13, 30),
                                                               datetime(2026, 12, 14, 18, 0), False)
    errand = backend.leave.add(e1.id, "外出", datetime(2026, 12, 15, 14, 0), datetime(2026, 12, 15, 16, 0),
                               operator="王芳", now=NOW)
    assert errand.span_text() == "2026-12-15 14:00 to 16:00"
    assert [x.id for x in backend.leave.between(date(2026, 12, 1), date(2026, 12, 31))] == [annual.id, half.id,
                                                                                           errand.id]
    assert [(a.action, a.operator, a.detail) for a in backend.leave.audit(annual.id)] == [
        ("created", "王芳", "annual 2026-12-09 to 2026-12-11 回老家")]


def test_bad_leave_is_refused_with_one_line_and_nothing_written(backend, office):
    e1, e4, e5 = office["E1"], office["E4"], office["E5"]
    backend.leave.add(e1.id, "年假", date(2026, 12, 9), date(2026, 12, 11), operator="王芳", now=NOW)
    before = count(backend), count(backend, "leave_audit")
    cases = [
        ((e1.id, "事假", date(2026, 12, 11), date(2026, 12, 12)), {},
         "张三 \\(E1\\) already has 年假 \\(2026-12-09 to 2026-12-11, entered by 王芳\\) overlapping that time"),
        ((e1.id, "外出", datetime(2026, 12, 10, 9), datetime(2026, 12, 10, 10)), {}, "already has 年假"),
        ((e5.id, "年假", date(2026, 12, 21), date(2026, 12, 21)), {}, "钱七 \\(E5\\) is deactivated"),
        ((e4.id, "年假", date(2026, 12, 1), date(2026, 12, 2)), {}, "赵六 \\(E4\\) was enrolled on 2026-12-03 10:30"),
        ((e1.id, "年假", date(2026, 12, 18), date(2026, 12, 17)), {}, "ends \\(2026-12-17\\) before it starts"),
        ((e1.id, "外出", datetime(2026, 12, 18, 15), datetime(2026, 12, 18, 14)), {}, "before it starts"),
        ((e1.id, "年假", date(2026, 12, 19), date(2026, 12, 19)), {"half": "am"},
         "张三 \\(E1\\) does not work on 2026-12-19 \\(a rest day\\): no half day"),
        ((e1.id, "年假", date(2026, 12, 25), date(2026, 12, 25)), {"half": "pm"}, "a holiday day"),
        ((office["E3"].id, "年假", date(2026, 12, 17), date(2026, 12, 17)), {"half": "pm"}, "has no schedule"),
        ((e1.id, "婚假", date(2026, 12, 17), date(2026, 12, 17)), {}, "unknown leave type"),
        ((e1.id, "年假", date(2026, 12, 17), date(2026, 12, 17)), {"operator": " "}, "operator"),
    ]
    for args, kwargs, message in cases:
        with pytest.raises(ValueError, match=message):
            backend.leave.add(*args, **{"operator": "王芳", "now": NOW, **kwargs})
    assert (count(backend), count(backend, "leave_audit")) == before


def test_leave_is_withdrawn_never_deleted(backend, office):
    e1 = office["E1"]
    annual = backend.leave.add(e1.id, "年假", date(2026, 12, 9), date(2026, 12, 11), operator="王芳", now=NOW)
    gone = backend.leave.withdraw(annual.id, reason="取消了", operator="李经理", now=datetime(2026, 12, 8, 15, 0))
    assert (gone.withdrawn_by, gone.withdrawn_reason) == ("李经理", "取消了")
    with pytest.raises(ValueError, match="already withdrawn on 2026-12-08 15:00 by 李经理: 取消了"):
        backend.leave.withdraw(annual.id, reason="again", operator="x")
    assert [a.action for a in backend.leave.audit(annual.id)] == ["created", "withdrawn"]
    (kept,) = backend.leave.between(date(2026, 12, 1), date(2026, 12, 31))
    assert kept.withdrawn and backend.leave.between(date(2026, 12, 1), date(2026, 12, 31), include_withdrawn=False) == []
    # the days are free again
    assert backend.leave.add(e1.id, "事假", date(2026, 12, 10), date(2026, 12, 10), operator="王芳", now=NOW).id


def test_csv_import_is_all_or_nothing_with_the_line_of_the_first_error(backend, office, tmp_path):
    good = tmp_path / "leave.csv"
    good.write_text("工号,类型,开始,结束,半天,原因\nE1,年假,2026-12-09,2026-12-11,,回老家\n"
                    "E2,出差,2026-12-14,2026-12-18,,上海\nE1,病假,2026-12-14,2026-12-14,下午,\n"
                    "E1,外出,2026-12-15 14:00,2026-12-15 16:00,,银行\n", encoding="utf-8-sig")
    bad = tmp_path / "bad.csv"
    bad.write_text("E1,年假,2026-12-21,2026-12-21\nE2,婚假,2026-12-21,2026-12-22\nE3,bogus\n", encoding="utf-8")
    with pytest.raises(ValueError, match="^line 3: expected person_number,type,start,end,half,reason, got 2 fields; "
                                         "nothing was imported$"):
        backend.leave.import_csv(bad, operator="王芳", now=NOW)
    bad.write_text("E1,年假,2026-12-21,2026-12-21\nE2,婚假,2026-12-21,2026-12-22\n", encoding="utf-8")
    with pytest.raises(ValueError, match="^line 2: unknown leave type '婚假'.*; nothing was imported$"):
        backend.leave.import_csv(bad, operator="王芳", now=NOW)
    bad.write_text("E1,年假,2026-12-21,2026-12-22\nE1,事假,2026-12-22,2026-12-22\n", encoding="utf-8")
    with pytest.raises(ValueError, match="^line 2: 张三 \\(E1\\) already has 年假"):         # within the file too
        backend.leave.import_csv(bad, operator="王芳", now=NOW)
    bad.write_text("NOBODY,年假,2026-12-21,2026-12-22\n", encoding="utf-8")
    with pytest.raises(ValueError, match="^line 1: no person with number 'NOBODY'"):
        backend.leave.import_csv(bad, operator="王芳", now=NOW)
    assert count(backend) == 0 and count(backend, "leave_audit") == 0                 # nothing written
    added = backend.leave.import_csv(good, operator="王芳", now=NOW)
    assert [(x.person_number, x.whole_days) for x in added] == [("E1", True), ("E2", True), ("E1", False), ("E1", False)]
    assert count(backend) == 4


def test_half_days_follow_the_shift_pure():
    day = check_shift("白班", "09:00", "18:00", id=1)
    night = check_shift("夜班", "22:00", "06:00", id=2)
    assert leave_mod.leave_span(date(2026, 12, 7), date(2026, 12, 7), "am", Schedule(day), {}, "x") == \
        (datetime(2026, 12, 7, 9), datetime(2026, 12, 7, 13, 30), False)
    assert leave_mod.leave_span(date(2026, 12, 7), date(2026, 12, 7), "pm", Schedule(night, "1111111"), {}, "x") == \
        (datetime(2026, 12, 8, 2), datetime(2026, 12, 8, 6), False)
    with pytest.raises(ValueError, match="a half day is one day"):
        leave_mod.leave_span(date(2026, 12, 7), date(2026, 12, 8), "am", Schedule(day), {}, "x")
    with pytest.raises(ValueError, match="give a start and an end date, or"):
        leave_mod.leave_span(date(2026, 12, 7), datetime(2026, 12, 8), None, Schedule(day), {}, "x")
    lines = leave_mod.parse_leave_csv("\ufeffperson_number,type,start,end\nE1,annual,2026-12-01,2026-12-02\n")
    assert lines[0].start == date(2026, 12, 1) and lines[0].half is None
    with pytest.raises(ValueError, match="^line 1: invalid start '2026-13-01'"):
        leave_mod.parse_leave_csv("E1,annual,2026-13-01,2026-12-02\n")
