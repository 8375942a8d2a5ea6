"""Check-ins (cooldown, once per day), history search, daily summary and CSV export, on both backends."""
from __future__ import annotations

import csv
from datetime import date, datetime, timedelta, timezone

import pytest

from backend import HistoryQuery, InactivePerson, PersonNotFound

T0 = datetime(2024, 3, 6, 8, 30, 0, 123456)       # a Wednesday


def test_check_in_records_with_milliseconds(backend):
    p = backend.people.create("E1", "张三")
    c = backend.attendance.check_in(p.id, T0, desk="前台 1", distance=0.4123)
    assert c.status == "recorded" and c.attendance_id and len(c.event_id) == 36
    assert c.checked_in_at == datetime(2024, 3, 6, 8, 30, 0, 123000)
    row, = backend.attendance.search(HistoryQuery()).rows
    assert (row.id, row.event_id, row.person_id, row.person_number, row.name) == \
        (c.attendance_id, c.event_id, p.id, "E1", "张三")
    assert (row.checked_in_at, row.desk, row.distance) == (datetime(2024, 3, 6, 8, 30, 0, 123000), "前台 1", 0.4123)
    now = backend.attendance.check_in(p.id)                   # default: now, local time
    assert now.status == "recorded" and abs(now.checked_in_at - datetime.now()) < timedelta(seconds=5)


def test_cooldown_rule(backend):
    p = backend.people.create("E1", "A")
    assert backend.attendance.cooldown_seconds == 60
    first = backend.attendance.check_in(p.id, T0)
    blocked = backend.attendance.check_in(p.id, T0 + timedelta(seconds=59.9))
    assert blocked.status == "cooldown" and blocked.last_check_in == first.checked_in_at
    assert backend.attendance.check_in(p.id, T0 - timedelta(seconds=30)).status == "cooldown"  # either side
    assert backend.attendance.check_in(p.id, T0 + timedelta(seconds=60)).status == "recorded"
    other = backend.people.create("E2", "B")
    assert backend.attendance.check_in(other.id, T0).status == "recorded"   # per person
    backend.attendance.cooldown_seconds = 0
    assert backend.attendance.check_in(p.id, T0 + timedelta(seconds=60)).status == "recorded"
    backend.attendance.cooldown_seconds = 300
    assert backend.attendance.check_in(p.id, T0 + timedelta(seconds=299)).status == "cooldown"
    assert backend.attendance.search(HistoryQuery()).total == 4
    for bad in (-1, float("nan"), "x", None):
        with pytest.raises(ValueError, match="cooldown"):
            backend.attendance.cooldown_seconds = bad


def test_once_per_day_mode(backend):
    p = backend.people.create("E1", "A")
    backend.attendance.once_per_day = True
    assert backend.attendance.check_in(p.id, T0).status == "recorded"
    late = backend.attendance.check_in(p.id, T0.replace(hour=23, minute=59, second=59))
    assert late.status == "cooldown"
    assert backend.attendance.check_in(p.id, T0.replace(hour=0, minute=0, second=0)).status == "cooldown"
    assert backend.attendance.check_in(p.id, T0 + timedelta(days=1)).status == "recorded"
    backend.attendance.once_per_day = False
    assert backend.attendance.check_in(p.id, T0 + timedelta(hours=2)).status == "recorded"


def test_check_in_errors(backend):
    p = backend.people.create("E1", "A")
    with pytest.raises(PersonNotFound):
        backend.attendance.check_in(p.id + 1000, T0)
    backend.people.update(p.id, active=False)
    with pytest.raises(InactivePerson):
        backend.attendance.check_in(p.id, T0)
    backend.people.update(p.id, active=True)
    bad_calls = [
        dict(when="2024-03-06 08:00"), dict(when=date(2024, 3, 6)), dict(when=datetime(999, 1, 1)),
        dict(distance=float("nan")), dict(distance=-0.1), dict(distance="near"),
        dict(desk="d" * 129), dict(desk=5), dict(event_id="x" * 37), dict(event_id="事件"),
    ]
    for kwargs in bad_calls:
        kwargs.setdefault("when", T0)
        with pytest.raises(ValueError):
            backend.attendance.check_in(p.id, **kwargs)
    with pytest.raises(ValueError, match="person id"):
        backend.attendance.check_in("1", T0)
    assert backend.attendance.search(HistoryQuery()).total == 0


def test_aware_times_are_stored_as_local_time(backend):
    p = backend.people.create("E1", "A")
    aware = datetime(2024, 3, 6, 0, 30, tzinfo=timezone.utc)
    c = backend.attendance.check_in(p.id, aware)
    assert c.checked_in_at == aware.astimezone().replace(tzinfo=None)


def test_same_event_id_is_recorded_once(backend):
    p = backend.people.create("E1", "A")
    backend.attendance.cooldown_seconds = 0
    a = backend.attendance.check_in(p.id, T0, event_id="evt-1")
    b = backend.attendance.check_in(p.id, T0 + timedelta(seconds=1), event_id="evt-1")
    assert a.attendance_id == b.attendance_id
    assert backend.attendance.search(HistoryQuery()).total == 1


def test_deleting_a_person_deletes_their_attendance(backend):
    a = backend.people.create("E1", "A")
    b = backend.people.create("E2", "B")
    for i in range(3):
        backend.attendance.check_in(a.id, T0 + timedelta(minutes=5 * i))
        backend.attendance.check_in(b.id, T0 + timedelta(minutes=5 * i))
    assert backend.attendance.count_of(a.id) == 3      # what the People tab's confirmation states
    backend.people.delete(a.id)
    assert backend.attendance.count_of(a.id) == 0 and backend.attendance.count_of(b.id) == 3
    rows = backend.attendance.search(HistoryQuery()).rows
    assert len(rows) == 3 and {r.person_id for r in rows} == {b.id}


@pytest.fixture
def history(backend):
    """Five people, check-ins over several days around T0."""
    people = [
        backend.people.create("E001", "张三", gender="男", phone="13800000001", department="研发部"),
        backend.people.create("E002", "李四", gender="女", phone="13900000002", department="销售部"),
        backend.people.create("E003", "张小明", gender="男", phone="13800000003", department="销售部"),
        backend.people.create("X_9", "O'Brien 100%", gender="male", phone="+1-555-0100", department="=SUM(A1)"),
        backend.people.create("E005", "Wang Wu", gender="female", phone="13700000005", department=None),
    ]
    backend.attendance.cooldown_seconds = 0
    times = []
    for day in range(-10, 4):             # 2024-02-25 .. 2024-03-09
        for k, p in enumerate(people):
            if (day + k) % 3 == 0:
                continue
            t = T0.replace(microsecond=0) + timedelta(days=day, minutes=7 * k)
            backend.attendance.check_in(p.id, t, desk="Desk A" if k % 2 else "Desk B", distance=0.1 * k)
            times.append((p, t))
            if k == 0:
                backend.attendance.check_in(p.id, t + timedelta(hours=9), desk="Desk B", distance=0.05)
                times.append((p, t + timedelta(hours=9)))
    return backend, people, times


def _count(times, pred):
    return sum(1 for p, t in times if pred(p, t))


def test_search_by_each_field(history):
    backend, people, times = history
    search = backend.attendance.search
    assert search(HistoryQuery()).total == len(times)
    cases = [("张", "name", lambda p: "张" in p.name),
             ("e00", "person_number", lambda p: "E00" in p.person_number),   # ASCII case-insensitive
             ("138", "phone", lambda p: "138" in p.phone),
             ("女", "gender", lambda p: p.gender == "女"),
             ("male", "gender", lambda p: "male" in p.gender),                  # substring: female too
             ("销售", "department", lambda p: p.department and "销售" in p.department),
             ("100%", "any", lambda p: p.name == "O'Brien 100%"),
             ("_", "any", lambda p: "_" in p.person_number),
             ("0000", "any", lambda p: "0000" in p.phone)]
    for text, field, pred in cases:
        page = search(HistoryQuery(text=text, field=field, page_size=1000))
        assert page.total == _count(times, lambda p, t: pred(p)) > 0, (text, field)
        assert all(pred(next(x for x in people if x.id == r.person_id)) for r in page.rows)
    assert search(HistoryQuery(text="nobody")).total == 0
    assert search(HistoryQuery(text="  张三  ", field="name")).total == _count(times, lambda p, t: p.name == "张三")
    assert search(HistoryQuery(text="字" * 10_000)) .total == 0       # literal, just no match


def test_date_ranges_and_presets(history):
    backend, people, times = history
    search = backend.attendance.search

    def total(**kw):
        return search(HistoryQuery(page_size=1000, **kw)).total
    day = T0.date()
    assert total(start=day, end=day) == _count(times, lambda p, t: t.date() == day)
    assert total(start="2024-03-01", end="2024-03-03") == \
        _count(times, lambda p, t: date(2024, 3, 1) <= t.date() <= date(2024, 3, 3))
    edge = min(t for p, t in times if t.date() == day)         # a check-in at exactly hh:mm:00.000
    assert total(start=edge, end=edge) == _count(times, lambda p, t: t == edge) == 1
    assert total(start=edge) == _count(times, lambda p, t: t >= edge)
    assert total(end=edge - timedelta(milliseconds=1)) == _count(times, lambda p, t: t < edge)
    assert total(start="2024-03-06 08:00", end="2024-03-06 09:00") == \
        _count(times, lambda p, t: datetime(2024, 3, 6, 8) <= t <= datetime(2024, 3, 6, 9))
    assert total(preset="day", now=T0) == _count(times, lambda p, t: t.date() == day)
    week = {day + timedelta(days=d) for d in range(-2, 5)}          # Monday 4 .. Sunday 10 March
    assert total(preset="week", now=T0) == _count(times, lambda p, t: t.date() in week)
    assert total(preset="month", now=T0) == _count(times, lambda p, t: t.month == 3)
    assert total(preset="month", now=datetime(2024, 2, 29, 23)) == _count(times, lambda p, t: t.month == 2)
    assert total(preset="all") == len(times)
    assert total(preset="day", now=datetime(2030, 1, 1)) == 0
    assert total(text="张三", preset="week", now=T0) == \
        _count(times, lambda p, t: p.name == "张三" and t.date() in week)


@pytest.mark.parametrize("query, message", [
    (HistoryQuery(start=date(2024, 3, 2), end=date(2024, 3, 1)), "invalid date range"),
    (HistoryQuery(start="2024-03-02 10:00", end="2024-03-02 09:59"), "invalid date range"),
    (HistoryQuery(start="yesterday"), "invalid start date"),
    (HistoryQuery(end="2024-02-30"), "invalid end date"),
    (HistoryQuery(start=20240301), "invalid start date"),
    (HistoryQuery(preset="year"), "unknown preset"),
    (HistoryQuery(preset="day", start=date(2024, 1, 1)), "not both"),
    (HistoryQuery(field="salary", text="x"), "unknown search field"),
    (HistoryQuery(sort="age"), "unknown sort"),
    (HistoryQuery(page=-1), "page"),
    (HistoryQuery(page_size=0), "page_size"),
    (HistoryQuery(page_size=100_000), "page_size"),
    (HistoryQuery(text=5), "search text"),
])
def test_invalid_queries_are_clear_errors(backend, query, message, tmp_path):
    for call in (backend.attendance.search, backend.attendance.daily_summary):
        with pytest.raises(ValueError, match=message):
            call(query)
    with pytest.raises(ValueError, match=message):
        backend.attendance.export_csv(query, tmp_path / "out.csv")
    assert not list(tmp_path.glob("*.csv"))


def test_pagination_and_sorting(history):
    backend, people, times = history
    q = HistoryQuery(page_size=7)
    pages, page = [], 0
    while True:
        result = backend.attendance.search(HistoryQuery(page_size=7, page=page))
        assert result.total == len(times)
        if not result.rows:
            break
        pages += result.rows
        page += 1
    assert len(pages) == len(times) == len({r.id for r in pages})
    keys = [(r.checked_in_at, r.id) for r in pages]
    assert keys == sorted(keys, reverse=True)                      # default: newest first
    oldest = backend.attendance.search(HistoryQuery(descending=False, page_size=3)).rows
    assert [r.checked_in_at for r in oldest] == sorted(t for _, t in times)[:3]
    by_number = backend.attendance.search(HistoryQuery(sort="person_number", descending=False, page_size=1000))
    assert [r.person_number for r in by_number.rows] == sorted(p.person_number for p, _ in times)
    by_distance = backend.attendance.search(HistoryQuery(sort="distance", page_size=1000)).rows
    assert [r.distance for r in by_distance] == sorted((r.distance for r in by_distance), reverse=True)
    assert q.page == 0


def test_daily_summary(history):
    backend, people, times = history
    summary = backend.attendance.daily_summary(HistoryQuery(start=date(2024, 3, 6), end=date(2024, 3, 6)))
    expected = {}
    for p, t in times:
        if t.date() == date(2024, 3, 6):
            expected.setdefault(p.id, []).append(t)
    assert {s.person_id for s in summary} == set(expected)
    for s in summary:
        ts = sorted(expected[s.person_id])
        assert s.day == date(2024, 3, 6)
        assert (s.first_in, s.count) == (ts[0], len(ts))
        assert s.last_out == (ts[-1] if len(ts) > 1 else None)
        assert s.name == next(p.name for p in people if p.id == s.person_id)
    everything = backend.attendance.daily_summary(HistoryQuery(page_size=1000))
    assert sum(s.count for s in everything) == len(times)
    assert [s.day for s in everything] == sorted((s.day for s in everything), reverse=True)
    one_page = backend.attendance.daily_summary(HistoryQuery(page_size=5, page=1))
    assert one_page == everything[5:10]
    assert backend.attendance.daily_summary(HistoryQuery(text="nobody")) == []


def test_csv_export_opens_in_excel_with_chinese_intact(history, tmp_path):
    backend, people, times = history
    path = tmp_path / "导出 attendance.csv"
    q = HistoryQuery(page_size=5, sort="time", descending=False)       # export ignores the page size
    assert backend.attendance.export_csv(q, path) == len(times)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")                               # UTF-8 BOM: Excel detects UTF-8
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    # words HR reads, not column names; no match distance (a technical figure) without diagnostics
    assert rows[0] == ["Time", "Number", "Name", "Department", "Desk", "Method", "Operator", "Reason"]
    assert len(rows) == len(times) + 1
    assert {r[5] for r in rows[1:]} == {"Face"} and {r[6] for r in rows[1:]} == {""}
    names = {r[2] for r in rows[1:]}
    assert {"张三", "李四", "张小明", "Wang Wu", "O'Brien 100%"} == names
    assert [r[0] for r in rows[1:]] == sorted(r[0] for r in rows[1:])
    assert len(rows[1][0]) == 19 and rows[1][0][10] == " "      # 2024-03-01 08:00:00, as the screen shows it
    formula = [r for r in rows[1:] if r[2] == "O'Brien 100%"][0]
    assert formula[3] == "'=SUM(A1)"                        # not run as a formula by Excel
    only = tmp_path / "zhang.csv"
    assert backend.attendance.export_csv(HistoryQuery(text="张三", field="name"), only) == \
        _count(times, lambda p, t: p.name == "张三")
    with pytest.raises(ValueError, match="does not exist"):
        backend.attendance.export_csv(q, tmp_path / "missing" / "x.csv")


def test_csv_export_is_the_view_shown_in_the_desks_language(history, tmp_path):
    backend, people, times = history
    q = HistoryQuery(page_size=5, sort="time", descending=False)
    summary = tmp_path / "summary.csv"
    everything = backend.attendance.daily_summary(HistoryQuery(page_size=1000, descending=False))
    assert backend.attendance.export_csv(q, summary, "summary", "zh_CN") == len(everything)   # every page
    with open(summary, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0] == ["日期", "工号", "姓名", "首次签到", "最后签到", "签到次数"]
    first = everything[0]
    assert rows[1] == [first.day.isoformat(), first.person_number, first.name,
                       f"{first.first_in:%Y-%m-%d %H:%M:%S}",
                       "" if first.last_out is None else f"{first.last_out:%Y-%m-%d %H:%M:%S}", str(first.count)]
    assert sum(int(r[5]) for r in rows[1:]) == len(times)
    diagnostics = tmp_path / "diagnostics.csv"
    backend.attendance.export_csv(q, diagnostics, "rows", "zh_CN", diagnostics=True,
                                  labels={"method": "签到方式"})             # the screen's own words win
    with open(diagnostics, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0] == ["时间", "工号", "姓名", "部门", "签到点", "距离", "签到方式", "操作员", "原因"]
    assert {r[6] for r in rows[1:]} == {"刷脸"} and all(float(r[5]) >= 0 for r in rows[1:])
    for view, language, message in (("weeks", "en", "unknown history view"), ("rows", "fr", "unknown export")):
        with pytest.raises(ValueError, match=message):
            backend.attendance.export_csv(q, tmp_path / "bad.csv", view, language)
    assert not (tmp_path / "bad.csv").exists()


def test_broad_text_matches_give_the_same_results(history, monkeypatch):
    """A text matching more people than history.MAX_PEOPLE_IN is filtered in the join instead."""
    from backend import history as history_module

    backend, people, times = history
    queries = [HistoryQuery(text="E00", page_size=4, page=1), HistoryQuery(text="1", field="phone"),
               HistoryQuery(text="张", start="2024-03-01", sort="name", descending=False)]
    narrow = [(backend.attendance.search(q), backend.attendance.daily_summary(q)) for q in queries]
    monkeypatch.setattr(history_module, "MAX_PEOPLE_IN", 1)
    broad = [(backend.attendance.search(q), backend.attendance.daily_summary(q)) for q in queries]
    assert broad == narrow
    assert all(page.total > 4 for page, _ in broad)


# Issue 12 item 5: what spreadsheets evaluate is a cell whose first character after leading
# whitespace is = + - @ (LibreOffice trims spaces on import; Excel on some locales), and per OWASP
# any cell starting with a tab or CR; such text cells get a leading ' in the export.
HOSTILE = [" =1+2", "   =HYPERLINK(\"http://x\")", "\u3000=1+2", "\u00a0+1+2", "\u200b@SUM(A1)",
           " -2+3", "＝1+2", "＋1", "－1", "＠SUM(A1)"]
HOSTILE_RAW = ["\t=1+2", "\r=1+2", "\n=1+2", "\r\n@SUM(A1)", "\t", "\x00=1"]   # only via raw SQL
HARMLESS = ["研发 = R&D", "A-Team", "x@y.org", " Sales", "Wang Wu"]


def test_csv_export_neutralises_formulas_after_leading_whitespace(backend, tmp_path):
    departments = HOSTILE + HARMLESS
    people = [backend.people.create(f"N{i:03d}", f"P{i:03d}", department=d) for i, d in enumerate(departments)]
    raw = [backend.people.create(f"R{i:03d}", f"R{i:03d}") for i in range(len(HOSTILE_RAW))]
    with backend.transaction() as cur:          # another client wrote these without our validation
        for person, value in zip(raw, HOSTILE_RAW):
            cur.execute("UPDATE people SET department = ? WHERE id = ?", (value, person.id))
    for i, person in enumerate(people + raw):
        backend.attendance.check_in(person.id, T0 + timedelta(minutes=i), desk=" =cmd|' /C calc'!A0",
                                    distance=0.25)
    path = tmp_path / "导出.csv"
    assert backend.attendance.export_csv(HistoryQuery(sort="time", descending=False), path, diagnostics=True,
                                         labels={"person_number": "person_number", "department": "department",
                                                 "desk": "desk", "distance": "distance"}) == len(people) + len(raw)
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    got = {r["person_number"]: r for r in rows}
    for i, value in enumerate(HOSTILE):
        assert got[f"N{i:03d}"]["department"] == "'" + value, value
    for i, value in enumerate(HARMLESS, start=len(HOSTILE)):
        assert got[f"N{i:03d}"]["department"] == value, value
    for i, value in enumerate(HOSTILE_RAW):
        assert got[f"R{i:03d}"]["department"] == "'" + value, repr(value)
    assert {r["desk"] for r in rows} == {"' =cmd|' /C calc'!A0"}
    assert {r["distance"] for r in rows} == {"0.2500"}          # our own numbers stay numbers
