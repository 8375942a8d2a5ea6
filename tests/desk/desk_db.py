"""Fixtures of the desk layer's tests: a fresh database of each kind, SQLite and a real MariaDB/MySQL server
(root on 127.0.0.1:3306 unless FACE_TEST_MYSQL_URL says otherwise, as tests/backend); a server that is not
running makes the MySQL tests fail, not skip. Imported by each test module: a conftest.py here would be one
more module named "conftest" beside tests/gui's, whose tests import theirs by that name."""
from __future__ import annotations

import os
import secrets
from urllib.parse import unquote, urlsplit

import pytest

from backend import open_backend

ADMIN_URL = os.environ.get("FACE_TEST_MYSQL_URL", "mysql://root@127.0.0.1:3306")


@pytest.fixture(scope="session")
def mysql_admin():
    """(connect, url of a new database); every database made is dropped at the end of the session."""
    import pymysql

    parts = urlsplit(ADMIN_URL)
    host, port = parts.hostname or "127.0.0.1", parts.port or 3306
    user, password = unquote(parts.username or "root"), unquote(parts.password or "")
    prefix, made = f"facedesk_{secrets.token_hex(4)}", []

    def admin(sql: str) -> None:
        conn = pymysql.connect(host=host, port=port, user=user, password=password, charset="utf8mb4",
                               autocommit=True, connect_timeout=5)
        try:
            with conn.cursor() as cur:
                cur.execute(sql)
        finally:
            conn.close()

    def new_database() -> str:
        name = f"{prefix}_{len(made) + 1}"
        admin(f"CREATE DATABASE `{name}` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_520_ci")
        made.append(name)
        return f"mysql://{user}@{host}:{port}/{name}"

    try:
        admin("SELECT 1")
    except Exception as exc:
        pytest.fail(f"no MySQL/MariaDB server at {host}:{port} ({exc}); start it (.ci/run does) or set "
                    "FACE_TEST_MYSQL_URL", pytrace=False)
    new_database.password = password
    yield new_database
    for name in made:
        admin(f"DROP DATABASE IF EXISTS `{name}`")


@pytest.fixture(params=["sqlite", "mysql"])
def backend(request, tmp_path):
    if request.param == "sqlite":
        url, password = f"sqlite:///{tmp_path}/attendance.db", None
    else:
        new_database = request.getfixturevalue("mysql_admin")
        url, password = new_database(), new_database.password
    b = open_backend(url, outbox_path=tmp_path / "outbox.db", password=password)
    assert b.status().online, b.status().message
    yield b
    b.close()
