"""Schema bootstrap from sql/: create, no-op reopen, upgrade, refuse newer or foreign schemas."""
from __future__ import annotations

import shutil
import sqlite3

import pytest

from backend import SchemaError, open_backend
from backend.schema import SQL_DIR, latest_version, split_statements
from backend.validation import MAX_LENGTH


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
        assert set(tables) == {"people", "attendance", "schema_version"}
        assert all(v == "InnoDB utf8mb4_unicode_520_ci" for v in tables.values()), tables
        cols = {(t, c): (dtype, length, prec, coll) for t, c, dtype, length, prec, coll in _query(
            conn, "SELECT table_name, column_name, data_type, character_maximum_length, "
                  "datetime_precision, collation_name FROM information_schema.columns "
                  "WHERE table_schema = DATABASE()")}
        for field, limit in MAX_LENGTH.items():
            table = "attendance" if field == "desk" else "people"
            dtype, length, _, _ = cols[(table, field)]
            # the app's limit must fit the column (TEXT holds 65,535 bytes = the note's 10,000 x 4)
            assert (length == limit) if dtype == "varchar" else (length >= 4 * limit), field
        assert cols[("attendance", "checked_in_at")][:3:2] == ("datetime", 3)
        assert cols[("people", "person_number")][3] == "utf8mb4_bin"
        fks = _query(conn, "SELECT delete_rule FROM information_schema.referential_constraints "
                           "WHERE constraint_schema = DATABASE() AND table_name = 'attendance'")
        assert fks == (("CASCADE",),)
    else:
        assert _query(conn, "PRAGMA journal_mode") == [("wal",)]
        fks = _query(conn, "PRAGMA foreign_key_list(attendance)")
        assert [(f[2], f[6]) for f in fks] == [("people", "CASCADE")]


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
