"""Fixtures of the backend tests: one suite over SQLite and a real MariaDB/MySQL server.

MySQL: an admin account on 127.0.0.1:3306 (root, empty password) unless FACE_TEST_MYSQL_URL
says otherwise (``mysql://user[:password]@host:port``). Each test gets a throw-away database
``facetest_<session>_<n>``; all of them are dropped at the end of the session. A server that is
not running makes the MySQL tests fail, not skip.
"""
from __future__ import annotations

import os
import secrets
from urllib.parse import unquote, urlsplit

import pytest

from backend import open_backend
from tcp_proxy import TCPProxy

RETRY = 0.1
ADMIN_URL = os.environ.get("FACE_TEST_MYSQL_URL", "mysql://root@127.0.0.1:3306")


class MySQLServer:
    """Admin access to the test server: throw-away databases and users."""

    def __init__(self, url: str):
        parts = urlsplit(url)
        self.host = parts.hostname or "127.0.0.1"
        self.port = parts.port or 3306
        self.user = unquote(parts.username or "root")
        self.password = unquote(parts.password or "")
        self.prefix = f"facetest_{secrets.token_hex(4)}"
        self._n = 0
        self.databases: list[str] = []
        self.users: list[str] = []

    def connect(self, database: str | None = None):
        import pymysql

        return pymysql.connect(host=self.host, port=self.port, user=self.user, password=self.password,
                               database=database, charset="utf8mb4", autocommit=True, connect_timeout=5)

    def admin(self, sql: str, params=None):
        conn = self.connect()
        try:
            with conn.cursor() as cur:
                cur.execute(sql, params)
                return cur.fetchall()
        finally:
            conn.close()

    def new_database(self) -> str:
        self._n += 1
        name = f"{self.prefix}_{self._n}"
        self.admin(f"CREATE DATABASE `{name}` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_520_ci")
        self.databases.append(name)
        return name

    def url(self, database: str, host: str | None = None, port: int | None = None,
            user: str | None = None) -> str:
        return f"mysql://{user or self.user}@{host or self.host}:{port or self.port}/{database}"

    def cleanup(self) -> None:
        for name in self.databases:
            self.admin(f"DROP DATABASE IF EXISTS `{name}`")
        for user in self.users:
            self.admin(f"DROP USER IF EXISTS {user}")


@pytest.fixture(scope="session")
def mysql_server():
    server = MySQLServer(ADMIN_URL)
    try:
        version = server.admin("SELECT VERSION()")[0][0]
    except Exception as exc:
        pytest.fail(f"no MySQL/MariaDB server for the backend tests at {server.host}:{server.port} "
                    f"({exc}); start it (.ci/run does) or set FACE_TEST_MYSQL_URL", pytrace=False)
    server.version = version
    yield server
    server.cleanup()


@pytest.fixture(params=["sqlite", "mysql"])
def kind(request) -> str:
    return request.param


@pytest.fixture
def db_url(kind, tmp_path, request) -> str:
    """URL of a fresh, empty database of the parametrised kind."""
    if kind == "sqlite":
        return f"sqlite:///{tmp_path}/attendance.db"
    server = request.getfixturevalue("mysql_server")
    return server.url(server.new_database())


@pytest.fixture
def db_password(kind, request) -> str | None:
    return request.getfixturevalue("mysql_server").password if kind == "mysql" else None


@pytest.fixture
def open_db(db_url, db_password, tmp_path):
    """open_db(**kwargs) opens (another) Backend on the test database; all are closed afterwards."""
    opened = []

    def _open(url=None, **kwargs):
        kwargs.setdefault("outbox_path", tmp_path / "outbox.db")
        kwargs.setdefault("password", db_password)
        backend = open_backend(url or db_url, **kwargs)
        opened.append(backend)
        return backend
    yield _open
    for backend in opened:
        backend.close()


@pytest.fixture
def backend(open_db):
    b = open_db()
    assert b.status().online, b.status().message
    return b


@pytest.fixture
def mysql_proxy(mysql_server):
    proxy = TCPProxy(mysql_server.host, mysql_server.port)
    yield proxy
    proxy.close()


@pytest.fixture
def mysql_via_proxy(mysql_server, mysql_proxy, tmp_path):
    """open() -> a MySQL Backend that reaches a fresh database through ``mysql_proxy``."""
    database = mysql_server.new_database()
    opened = []

    def _open(**kwargs):
        kwargs.setdefault("outbox_path", tmp_path / "outbox.db")
        kwargs.setdefault("password", mysql_server.password)
        b = open_backend(mysql_server.url(database, host="127.0.0.1", port=mysql_proxy.port), **kwargs)
        b.retry_interval = b.max_retry_interval = RETRY   # check-ins try the server every RETRY s
        opened.append(b)
        return b
    _open.database = database
    _open.retry = RETRY
    yield _open
    for b in opened:
        b.close()
