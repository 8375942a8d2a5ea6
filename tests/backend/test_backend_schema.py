"""Schema bootstrap from sql/: create, no-op reopen, upgrade, refuse newer or foreign schemas."""
from __future__ import annotations

import shutil
import sqlite3
from datetime import date, datetime

import numpy as np
import pytest

from backend import HistoryQuery, SchemaError, open_backend
from backend.face_store import FaceModel, NewSample
from backend.reports import ReportQuery
from backend.schema import SQL_DIR, latest_version, split_statements
from backend.validation import MAX_LENGTH
from report_helpers import sql


def _raw(kind, db_url, mysql_server=None):
    """A raw driver connection to the test database (to look at it from outside the backend)."""
    if kind == "sqlite":
        return sqlite3.connect(db_url.removeprefix("sqlite:///"), isolation_level=None)
    return mysql_server.connect(db_url.rsplit("/", 1)[1])


def _query(conn, sql, params=()):
    cur = conn.cursor()
    cur.execute(sql, params)
    rows = cur.fetchall()
    cur.close()
    return rows


@pytest.fixture
def raw(kind, db_url, request):
    server = request.getfixturevalue("mysql_server") if kind == "mysql" else None
    conns = []

    def _open():
        conn = _raw(kind, db_url, server)
        conns.append(conn)
        return conn
    yield _open
    for c in conns:
        c.close()


def test_split_statements_respects_quotes_and_comments():
    script = """-- a comment; with a semicolon
    CREATE TABLE t (a TEXT DEFAULT 'x;y', b TEXT DEFAULT 'it''s');  /* block; comment */
    INSERT INTO t VALUES ("q;\\"", `c;d`);
    """
    assert split_statements(script) == [
        "CREATE TABLE t (a TEXT DEFAULT 'x;y', b TEXT DEFAULT 'it''s')",
        'INSERT INTO t VALUES ("q;\\"", `c;d`)',
    ]


def test_fresh_database_gets_the_latest_schema(kind, backend, raw):
    conn = raw()
    assert backend.schema_version == latest_version(kind) >= 1
    versions = [r[0] for r in _query(conn, "SELECT version FROM schema_version ORDER BY version")]
    assert versions == list(range(1, latest_version(kind) + 1))
    if kind == "mysql":
        tables = dict(_query(conn, "SELECT table_name, CONCAT(engine, ' ', table_collation) FROM "
                                   "information_schema.tables WHERE table_schema = DATABASE()"))
        assert set(tables) == {"people", "attendance", "schema_version", "face_samples", "face_embeddings",
                               "face_embed_failures", "face_models", "face_changes", "face_change_counter",
                               "shifts", "department_schedules", "person_schedules", "calendar_days",
                               "person_inactive_periods", "correction_withdrawals", "leave_types", "leave_records",
                               "leave_audit", "shift_versions", "rejected_attempts"}
        assert all(v == "InnoDB utf8mb4_unicode_520_ci" for v in tables.values()), tables
        cols = {(t, c): (dtype, length, prec, coll) for t, c, dtype, length, prec, coll in _query(
            conn, "SELECT table_name, column_name, data_type, character_maximum_length, "
                  "datetime_precision, collation_name FROM information_schema.columns "
                  "WHERE table_schema = DATABASE()")}
        columns = {"desk": ("attendance", "desk"), "operator": ("attendance", "operator"),
                   "reason": ("attendance", "reason"), "shift_name": ("shifts", "name"),
                   "holiday_name": ("calendar_days", "name"), "detail": ("rejected_attempts", "detail")}
        for field, limit in MAX_LENGTH.items():
            dtype, length, _, _ = cols[columns.get(field, ("people", field))]
            # the app's limit must fit the column (TEXT holds 65,535 bytes = the note's 10,000 x 4)
            assert (length == limit) if dtype == "varchar" else (length >= 4 * limit), field
        assert cols[("attendance", "checked_in_at")][:3:2] == ("datetime", 3)
        assert cols[("people", "person_number")][3] == "utf8mb4_bin"
        fks = set(_query(conn, "SELECT table_name, referenced_table_name, delete_rule FROM "
                               "information_schema.referential_constraints WHERE constraint_schema = DATABASE()"))
        assert fks == {("attendance", "people", "CASCADE"), ("face_samples", "people", "CASCADE"),
                       ("face_embeddings", "face_samples", "CASCADE"),
                       ("face_embed_failures", "face_samples", "CASCADE"),
                       ("person_schedules", "people", "CASCADE"), ("person_inactive_periods", "people", "CASCADE"),
                       ("correction_withdrawals", "attendance", "CASCADE"), ("leave_records", "people", "CASCADE"),
                       ("leave_records", "leave_types", "RESTRICT"), ("leave_audit", "leave_records", "CASCADE"),
                       ("shift_versions", "shifts", "CASCADE"), ("rejected_attempts", "people", "CASCADE"),
                       # a shift in use cannot be deleted (backend.schedules says by whom)
                       ("person_schedules", "shifts", "RESTRICT"), ("department_schedules", "shifts", "RESTRICT")}
        assert cols[("department_schedules", "department")][3] == "utf8mb4_bin"    # exact, as on SQLite
        assert cols[("face_samples", "image")][0] == "mediumblob"
        assert cols[("rejected_attempts", "thumbnail")][:2] == ("blob", 65535)    # bounds a thumbnail (64 KiB)
    else:
        assert _query(conn, "PRAGMA journal_mode") == [("wal",)]
        fks = _query(conn, "PRAGMA foreign_key_list(attendance)")
        assert [(f[2], f[6]) for f in fks] == [("people", "CASCADE")]
        for table, parent in (("face_samples", "people"), ("face_embeddings", "face_samples"),
                              ("face_embed_failures", "face_samples")):
            assert [(f[2], f[6]) for f in _query(conn, f"PRAGMA foreign_key_list({table})")] == \
                [(parent, "CASCADE")]
    head = backend.faces.head()
    assert head.last_change_id == 0 and len(head.store_id) == 32


def test_reopening_applies_nothing_and_keeps_data(kind, open_db, raw):
    b = open_db()
    b.people.create("E1", "张三")
    b.close()
    again = open_db()
    assert again.people.get_by_number("E1").name == "张三"
    assert _query(raw(), "SELECT COUNT(*) FROM schema_version")[0][0] == latest_version(kind)


def test_older_schema_is_upgraded_from_the_files(kind, open_db, raw, tmp_path):
    sql_dir = tmp_path / "sql"
    shutil.copytree(SQL_DIR, sql_dir)
    old = open_db(sql_dir=sql_dir)
    person = old.people.create("E1", "李四")
    old.close()
    version = latest_version(kind) + 1
    column = "badge VARCHAR(32) NULL" if kind == "mysql" else "badge TEXT NULL"
    (sql_dir / kind / f"{version:03d}_add_badge.sql").write_text(
        f"-- test upgrade\nALTER TABLE people ADD COLUMN {column};\n"
        "UPDATE people SET badge = 'B-' || person_number;\n" if kind == "sqlite" else
        f"-- test upgrade\nALTER TABLE people ADD COLUMN {column};\n"
        "UPDATE people SET badge = CONCAT('B-', person_number);\n", encoding="utf-8")
    upgraded = open_db(sql_dir=sql_dir)
    assert upgraded.schema_version == version
    assert upgraded.people.get(person.id).name == "李四"
    assert _query(raw(), "SELECT badge FROM people")[0][0] == "B-E1"
    rows = _query(raw(), "SELECT version, description FROM schema_version ORDER BY version")
    assert tuple(rows[-1]) == (version, "add badge")


def test_failed_upgrade_is_a_clear_error(kind, open_db, tmp_path):
    sql_dir = tmp_path / "sql"
    shutil.copytree(SQL_DIR, sql_dir)
    open_db(sql_dir=sql_dir).close()
    name = f"{latest_version(kind) + 1:03d}_broken.sql"
    (sql_dir / kind / name).write_text("ALTER TABLE no_such_table ADD COLUMN x INT;", encoding="utf-8")
    with pytest.raises(SchemaError, match=name):
        open_db(sql_dir=sql_dir)


def test_newer_schema_is_refused(kind, backend, raw, open_db):
    conn = raw()
    cur = conn.cursor()
    cur.execute("INSERT INTO schema_version (version, description) VALUES (999, 'future')")
    conn.commit()
    with pytest.raises(SchemaError, match="newer than this app"):
        open_db()


def test_foreign_tables_are_refused(kind, db_url, raw, db_password, tmp_path):
    conn = raw()
    conn.cursor().execute("CREATE TABLE people (id INT PRIMARY KEY)")
    conn.commit()
    with pytest.raises(SchemaError, match="not created by this app"):
        open_backend(db_url, password=db_password, outbox_path=tmp_path / "o.db")


def _sql_up_to(tmp_path, version: int):
    """A copy of sql/ with the schema files up to ``version`` only (a database of an older app)."""
    folder = tmp_path / f"sql_v{version}"
    shutil.copytree(SQL_DIR, folder)
    for path in folder.glob("*/0*.sql"):
        if int(path.name[:3]) > version:
            path.unlink()
    return folder


def _insert(conn, kind, sql, params):
    cur = conn.cursor()
    cur.execute(sql if kind == "sqlite" else sql.replace("?", "%s"), params)
    if kind == "sqlite":
        conn.commit() if conn.in_transaction else None
    else:
        conn.commit()
    cur.close()


def test_a_version_1_database_with_people_is_upgraded_to_the_latest_schema(kind, open_db, raw, tmp_path):
    """A real version-1 database (made from 001 alone, with people and check-ins) gets every later
    version in place: nothing lost, the face store empty and usable, old check-ins made by face."""
    old = open_db(sql_dir=_sql_up_to(tmp_path, 1))
    assert old.schema_version == 1
    a = old.people.create("E1", "张三")
    b = old.people.create("E2", "O'Brien")
    old.close()
    _insert(raw(), kind, "INSERT INTO attendance (event_id, person_id, checked_in_at, desk, distance) "
                         "VALUES (?, ?, ?, ?, ?)", ("ev-1", a.id, "2026-12-01 08:59:00.000", "front", 0.3))
    assert [r[0] for r in _query(raw(), "SELECT version FROM schema_version")] == [1]

    upgraded = open_db()
    assert upgraded.schema_version == latest_version(kind) >= 3
    assert [p.person_number for p in upgraded.people.search()] == ["E1", "E2"]
    (row,) = upgraded.attendance.search(HistoryQuery(preset="all")).rows
    assert (row.person_id, row.desk, row.method, row.operator) == (a.id, "front", "face", None)
    model = FaceModel("f" * 64, "test model")
    upgraded.faces.add_samples(b.id, [NewSample(image=b"\xff\xd8jpeg", embedding=np.ones(4))], model, "front")
    upgraded.faces.record_changes([b.id])
    assert upgraded.faces.head().last_change_id == 1
    assert upgraded.faces.coverage().of(model.fingerprint).embedded == 1
    upgraded.close()
    assert open_db().schema_version == latest_version(kind)       # and reopening applies nothing more


def test_a_version_2_database_gets_check_in_methods_and_learned_samples(kind, open_db, raw, tmp_path):
    """Version 2 -> 3: check-ins and face samples kept; old check-ins are face check-ins, old samples
    enrolled ones; the new columns take confirmed and number+face check-ins with an operator."""
    old = open_db(sql_dir=_sql_up_to(tmp_path, 2))
    assert old.schema_version == 2
    person = old.people.create("E1", "张三")
    old.close()
    conn = raw()
    _insert(conn, kind, "INSERT INTO attendance (event_id, person_id, checked_in_at, desk, distance) "
                        "VALUES (?, ?, ?, ?, ?)", ("ev-1", person.id, "2026-12-01 08:59:00.000", "front", 0.3))
    _insert(conn, kind, "INSERT INTO face_samples (person_id, image, source, desk, created_at) "
                        "VALUES (?, ?, ?, ?, ?)", (person.id, b"\xff\xd8jpeg", "live", "front",
                                                   "2026-12-01 08:00:00.000"))

    upgraded = open_db()
    assert upgraded.schema_version == latest_version(kind) >= 3
    assert [(s.learned, s.source) for s in upgraded.faces.samples_of(person.id)] == [(False, "live")]
    upgraded.attendance.cooldown_seconds = 0
    upgraded.attendance.check_in(person.id, desk="front", method="confirmed", operator="王芳", distance=0.35)
    upgraded.attendance.check_in(person.id, desk="front", method="number+face", distance=0.3)
    rows = upgraded.attendance.search(HistoryQuery(preset="all", sort="time", descending=False)).rows
    assert [(r.method, r.operator) for r in rows] == [("face", None), ("confirmed", "王芳"), ("number+face", None)]
    with pytest.raises(ValueError, match="check-in method"):
        upgraded.attendance.check_in(person.id, method="guess")
    # the database itself refuses a method the app does not know (CHECK constraint)
    with pytest.raises(Exception):
        _insert(conn, kind, "INSERT INTO attendance (event_id, person_id, checked_in_at, method) "
                            "VALUES (?, ?, ?, ?)", ("ev-x", person.id, "2026-12-01 09:00:00.000", "guess"))


def test_a_version_3_database_gets_work_rules_and_deactivation_periods(kind, open_db, tmp_path):
    old = open_db(sql_dir=_sql_up_to(tmp_path, 3))
    assert old.schema_version == 3
    active = old.people.create("E1", "张三", department="研发部")
    gone = old.people.create("E2", "李四")
    sql(old, "UPDATE people SET created_at = ?", ("2026-11-01 08:00:00.000",))     # not today: tests run any day
    sql(old, "UPDATE people SET active = 0, updated_at = ? WHERE id = ?", ("2026-12-10 12:00:00.000", gone.id))
    old.attendance.cooldown_seconds = 0         # today's rule reads schema 5's withdrawals, not there yet
    old.attendance.check_in(active.id, datetime(2026, 12, 1, 9, 0), desk="front")
    old.close()

    upgraded = open_db()
    assert upgraded.schema_version == latest_version(kind) >= 4
    assert upgraded.people.inactive_periods(gone.id) == [(datetime(2026, 12, 10, 12, 0), None)]
    assert upgraded.people.inactive_periods(active.id) == []
    assert upgraded.schedules.shifts() == [] and upgraded.schedules.calendar() == []
    shift = upgraded.schedules.save_shift("白班", "09:00", "18:00")
    upgraded.schedules.set_department_schedule("研发部", shift.id)
    report = upgraded.reports.build(ReportQuery.month(2026, 12, now=datetime(2027, 1, 15)))
    assert [p.person_number for p in report.people] == ["E2", "E1"]       # no department first
    gone_days, active_days = report.people[0].days, report.people[1].days
    assert [d.kind for d in gone_days][9:11] == ["none", "out"]            # deactivated on the 10th at noon
    assert active_days[0].arrival == datetime(2026, 12, 1, 9, 0) and active_days[1].absent
    # the database refuses what the app refuses, should anything write past it
    with pytest.raises(Exception):
        sql(upgraded, "INSERT INTO shifts (name, start_minute, end_minute) VALUES ('zero', 540, 540)")
    with pytest.raises(Exception):
        sql(upgraded, "INSERT INTO calendar_days (day, kind) VALUES ('2026-12-25', 'party')")
    with pytest.raises(Exception):
        sql(upgraded, "INSERT INTO department_schedules (department, shift_id, work_days) VALUES ('x', ?, '11111')",
            (shift.id,))
    upgraded.close()
    assert open_db().schema_version == latest_version(kind)


def test_a_version_4_database_gets_withdrawable_corrections_and_leave(kind, open_db, tmp_path):
    old = open_db(sql_dir=_sql_up_to(tmp_path, 4))
    assert old.schema_version == 4
    person = old.people.create("E1", "张三", department="研发部")
    sql(old, "UPDATE people SET created_at = ?", ("2026-11-01 08:00:00.000",))
    old.attendance.cooldown_seconds = 0         # today's rule reads schema 5's withdrawals, not there yet
    face = old.attendance.check_in(person.id, datetime(2026, 12, 1, 9, 0), desk="front")
    fix = old.corrections.add(person.id, datetime(2026, 12, 1, 18, 0), reason="忘记打卡", operator="王芳",
                              now=datetime(2026, 12, 2, 9, 0))
    # version 4's schedules (written as that version did): they apply from the beginning after the upgrade
    sql(old, "INSERT INTO shifts (name, start_minute, end_minute) VALUES ('白班', 540, 1080)")
    shift_id = sql(old, "SELECT id FROM shifts")[0][0]
    sql(old, "INSERT INTO department_schedules (department, shift_id, work_days) VALUES ('研发部', ?, '1111100')",
        (shift_id,))
    sql(old, "INSERT INTO person_schedules (person_id, shift_id, work_days) VALUES (?, NULL, '1111111')", (person.id,))
    old.close()

    upgraded = open_db()
    assert upgraded.schema_version == latest_version(kind) >= 5
    (before,) = upgraded.corrections.between(date(2026, 12, 1), date(2026, 12, 1))
    assert (before.id, before.reason, before.withdrawn) == (fix.attendance_id, "忘记打卡", False)
    upgraded.corrections.withdraw(fix.attendance_id, reason="录错了", operator="李经理",
                                  now=datetime(2026, 12, 3, 9, 0))
    (after,) = upgraded.corrections.between(date(2026, 12, 1), date(2026, 12, 1))
    assert (after.withdrawn_by, after.withdrawn_reason) == ("李经理", "录错了")
    # the database refuses a second withdrawal, should anything write past the app
    with pytest.raises(Exception):
        sql(upgraded, "INSERT INTO correction_withdrawals (attendance_id, withdrawn_at, operator, reason) "
                      "VALUES (?, ?, 'x', 'y')", (fix.attendance_id, "2026-12-04 09:00:00.000"))
    with pytest.raises(ValueError, match="only a correction"):
        upgraded.corrections.withdraw(face.attendance_id, reason="x", operator="y")
    rules = upgraded.schedules.rules()
    assert [(d, s.shift.name) for d, s in rules.department_versions["研发部"]] == [(date(1000, 1, 1), "白班")]
    assert [(d, s.shift, s.work_days) for d, s in rules.person_versions[person.id]] == [(date(1000, 1, 1), None,
                                                                                       "1111111")]
    upgraded.schedules.set_person_schedule(person.id, None, valid_from=date(2026, 12, 20))    # a second version
    assert upgraded.schedules.remove_person_schedule(person.id)
    # the leave types are seeded; leave of a person enrolled before the upgrade is entered and counted
    assert [t.name_zh for t in upgraded.leave.types()] == ["年假", "病假", "事假", "调休", "出差", "外出"]
    upgraded.leave.add(person.id, "出差", date(2026, 12, 2), date(2026, 12, 2), operator="王芳",
                       now=datetime(2026, 12, 1, 12, 0))
    report = upgraded.reports.build(ReportQuery(date(2026, 12, 2), date(2026, 12, 2), now=datetime(2027, 1, 1)))
    assert [d.kind for d in report.people[0].days] == ["leave"] and report.people[0].totals.absent == 0
    with pytest.raises(Exception):          # the database refuses leave that ends before it starts
        sql(upgraded, "INSERT INTO leave_records (person_id, type_id, starts_at, ends_at, operator, created_at) "
                      "VALUES (?, 1, '2026-12-05 00:00:00.000', '2026-12-04 00:00:00.000', 'x', "
                      "'2026-12-01 00:00:00.000')", (person.id,))
    upgraded.close()
    assert open_db().schema_version == latest_version(kind)


def test_a_version_5_database_gets_liveness_and_rejected_attempts(kind, open_db, tmp_path):
    """Version 5 -> 6: check-ins (face and manual, a withdrawal) kept with liveness NULL; new check-ins record
    theirs; rejected attempts are recorded and listed."""
    old = open_db(sql_dir=_sql_up_to(tmp_path, 5))
    assert old.schema_version == 5
    person = old.people.create("E1", "张三", department="研发部")
    sql(old, "UPDATE people SET created_at = ?", ("2026-11-01 08:00:00.000",))
    face = old.attendance.check_in(person.id, datetime(2026, 12, 1, 9, 0), desk="front", distance=0.3)
    fix = old.corrections.add(person.id, datetime(2026, 12, 1, 18, 0), reason="忘记打卡", operator="王芳",
                              now=datetime(2026, 12, 2, 9, 0))
    # withdrawn as version 5 did (today's withdraw reads the liveness column, not there yet)
    sql(old, "INSERT INTO correction_withdrawals (attendance_id, withdrawn_at, operator, reason) "
             "VALUES (?, '2026-12-03 09:00:00.000', '李经理', '录错了')", (fix.attendance_id,))
    with pytest.raises(Exception):           # version 5 has no liveness column
        old.attendance.check_in(person.id, datetime(2026, 12, 2, 9, 0), liveness="passive")
    old.close()

    upgraded = open_db()
    assert upgraded.schema_version == latest_version(kind) >= 6
    rows = upgraded.attendance.search(HistoryQuery(preset="all", sort="time", descending=False)).rows
    assert [(r.id, r.method, r.liveness, r.withdrawn, r.distance) for r in rows] == [
        (face.attendance_id, "face", None, False, 0.3), (fix.attendance_id, "manual", None, True, None)]
    new = upgraded.attendance.check_in(person.id, datetime(2026, 12, 2, 9, 0), desk="front", liveness="challenge")
    assert new.status == "recorded"
    assert [r.liveness for r in upgraded.attendance.search(HistoryQuery(preset="all")).rows] == \
        ["challenge", None, None]
    assert upgraded.attendance.rejected_attempts() == []
    attempt = upgraded.attendance.record_rejected_attempt(person.id, datetime(2026, 12, 2, 9, 5), "front",
                                                          reason="flat")
    assert [(a.id, a.name) for a in upgraded.attendance.rejected_attempts()] == [(attempt.id, "张三")]
    report = upgraded.reports.build(ReportQuery(date(2026, 12, 1), date(2026, 12, 2), now=datetime(2027, 1, 1)))
    assert [d.arrival for d in report.people[0].days] == [datetime(2026, 12, 1, 9, 0), datetime(2026, 12, 2, 9, 0)]
    upgraded.close()
    assert open_db().schema_version == latest_version(kind)
