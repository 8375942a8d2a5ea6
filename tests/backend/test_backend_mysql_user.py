"""sql/mysql/create_user.sql gives a least-privilege user that the app can run on (MySQL only)."""
from __future__ import annotations

import secrets

import pymysql
import pytest
from face_helpers import MODEL, samples, unit

from backend import BackendOffline, open_backend, test_connection
from backend.people_service import enroll_person
from backend.schema import SQL_DIR, latest_version, split_statements

SCRIPT = SQL_DIR / "mysql" / "create_user.sql"


def _run_script(server, **variables):
    conn = server.connect()
    try:
        with conn.cursor() as cur:
            for name, value in variables.items():
                cur.execute(f"SET @{name} = %s", (value,))
            for statement in split_statements(SCRIPT.read_text(encoding="utf-8")):
                cur.execute(statement)
    finally:
        conn.close()


@pytest.fixture
def app_account(mysql_server):
    user = f"{mysql_server.prefix}_app"[:32]
    database = f"{mysql_server.prefix}_appdb"
    password = "pw-" + secrets.token_urlsafe(12) + "'\";%"        # quotes must not break the script
    mysql_server.users.append(f"'{user}'@'%'")
    mysql_server.databases.append(database)
    _run_script(mysql_server, app_password=password, app_user=user, app_db=database)
    return user, database, password


def test_app_runs_as_the_least_privileged_user(mysql_server, app_account, tmp_path):
    user, database, password = app_account
    url = mysql_server.url(database, user=user)
    with open_backend(url, password=password, outbox_path=tmp_path / "o.db") as b:
        assert b.status().online, b.status().message          # it could create its own schema
        p = b.people.create("E1", "最小权限")
        assert b.attendance.check_in(p.id).status == "recorded"
        q = enroll_person(b, None, samples(1), model=MODEL, person_number="E2", name="face store")
        assert b.faces.people_faces([q.id], MODEL.fingerprint)[q.id].embeddings.shape == unit(1).shape
    ok, message = test_connection(url, password)
    assert ok and f"schema version {latest_version('mysql')}, up to date" in message
    user_conn = pymysql.connect(host=mysql_server.host, port=mysql_server.port, user=user, password=password,
                                database=database)
    try:
        with user_conn.cursor() as cur:
            for forbidden in ("DROP TABLE attendance", "CREATE DATABASE facetest_forbidden",
                              "SELECT COUNT(*) FROM mysql.user", "SET GLOBAL max_connections = 10"):
                with pytest.raises(pymysql.err.MySQLError):
                    cur.execute(forbidden)
    finally:
        user_conn.close()


def test_wrong_password_is_a_clear_message_and_the_app_keeps_running(mysql_server, app_account, tmp_path):
    user, database, _ = app_account
    url = mysql_server.url(database, user=user)
    ok, message = test_connection(url, "wrong")
    assert not ok and "access denied" in message and "FACE_DB_PASSWORD" in message
    b = open_backend(url, password="wrong", outbox_path=tmp_path / "o.db")       # no exception
    try:
        st = b.status()
        assert not st.online and "access denied" in st.message
        assert b.attendance.check_in(1).status == "queued"
        with pytest.raises(BackendOffline, match="access denied"):
            b.people.search()
    finally:
        b.close()


def test_password_from_the_environment(mysql_server, app_account, tmp_path, monkeypatch):
    user, database, password = app_account
    monkeypatch.setenv("FACE_DB_PASSWORD", password)
    with open_backend(mysql_server.url(database, user=user), outbox_path=tmp_path / "o.db") as b:
        assert b.status().online, b.status().message


def test_script_refuses_to_run_without_a_password(mysql_server):
    user = f"{mysql_server.prefix}_nopw"[:32]
    with pytest.raises(pymysql.err.MySQLError, match="app_password"):
        _run_script(mysql_server, app_password=None, app_user=user, app_db=f"{mysql_server.prefix}_nopwdb")
    assert mysql_server.admin("SELECT COUNT(*) FROM mysql.user WHERE user = %s", (user,))[0][0] == 0
    assert not mysql_server.admin("SHOW DATABASES LIKE %s", (f"{mysql_server.prefix}_nopwdb",))
