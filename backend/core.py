"""The Backend object the application uses, chosen by one database URL."""
from __future__ import annotations

import contextlib
import logging
import sqlite3
from pathlib import Path

from backend import schema, validation
from backend.attendance import AttendanceRepository
from backend.corrections import Corrections
from backend.db import Database, MySQLDatabase, SQLiteDatabase, describe_mysql_error
from backend.errors import BackendError, BackendOffline, SchemaError
from backend.face_store import FaceStore
from backend.leave import LeaveRepository
from backend.outbox import DEFAULT_PATH as DEFAULT_OUTBOX, Outbox
from backend.people import PeopleRepository
from backend.records import BackendStatus
from backend.reports import AttendanceReports
from backend.schedules import ScheduleRepository
from backend.url import DEFAULT_URL, DatabaseURL, parse_url, resolve_password

log = logging.getLogger(__name__)


class Backend:
    """``people``, ``attendance``, ``faces`` (the face store), ``schedules`` (work rules),
    ``corrections`` (补卡), ``leave`` (请假、出差) and ``reports`` over one SQLite or MySQL database.

    Thread-safe: one connection, used under a lock. ``status()`` never touches the network.
    """

    def __init__(self, db: Database, outbox: Outbox | None = None):
        self._db = db
        self._outbox = outbox
        self.kind = db.kind
        self.url = db.url.redacted()
        self.people = PeopleRepository(db)
        self.attendance = AttendanceRepository(db, outbox)
        self.faces = FaceStore(db)
        self.schedules = ScheduleRepository(db)
        self.corrections = Corrections(db, self.people, self.attendance)
        self.leave = LeaveRepository(db, self.people, self.schedules)
        self.reports = AttendanceReports(db, self.schedules)

    # -- settings ------------------------------------------------------------------
    @property
    def retry_interval(self) -> float:
        """MySQL: seconds before check-ins try an unreachable server again (first wait, default 2 s);
        each failure doubles the wait up to ``max_retry_interval`` (default 30 s). ``flush_outbox``
        and every non-check-in call try at once. (Each attempt costs ~0.1 s: pymysql sets up TLS.)"""
        return getattr(self._db, "retry_interval", 0.0)

    @retry_interval.setter
    def retry_interval(self, value: float) -> None:
        if isinstance(self._db, MySQLDatabase):
            self._db.retry_interval = validation.seconds(value, "retry interval")
            self._db.max_retry_interval = max(self._db.max_retry_interval, self._db.retry_interval)
            self._db._next_retry = 0.0

    @property
    def max_retry_interval(self) -> float:
        return getattr(self._db, "max_retry_interval", 0.0)

    @max_retry_interval.setter
    def max_retry_interval(self, value: float) -> None:
        if isinstance(self._db, MySQLDatabase):
            self._db.max_retry_interval = validation.seconds(value, "max retry interval")
            self._db.retry_interval = min(self._db.retry_interval, self._db.max_retry_interval)
            self._db._next_retry = 0.0

    @property
    def schema_version(self) -> int:
        return self._db.schema_version

    # -- state ---------------------------------------------------------------------
    def status(self) -> BackendStatus:
        pending = self.attendance.pending
        online = self._db.online
        message = self._db.message
        if pending:
            message += f"; {pending} check-in(s) waiting to be sent"
        attempts = self.attendance.attempts_pending
        if attempts:
            message += f"; {attempts} rejected attempt(s) waiting to be sent"
        return BackendStatus(kind=self.kind, online=online, pending=pending, message=message)

    def flush_outbox(self) -> int:
        """Reconnect if needed and send queued check-ins, in order, then queued rejected attempts; returns how
        many check-ins were sent."""
        return self.attendance.flush_outbox()

    def rejected_check_ins(self) -> list[tuple[str, str]]:
        """(event_id, reason) of queued check-ins the server refused on replay (person deleted)."""
        return [] if self._outbox is None else self._outbox.rejected()

    def transaction(self):
        """One database transaction spanning several repository calls (used by people_service)."""
        return self._db.transaction(write=True)

    def close(self) -> None:
        self._db.close()
        if self._outbox is not None:
            self._outbox.close()

    def __enter__(self) -> "Backend":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Backend({self.url!r})"


def open_backend(url: str = DEFAULT_URL, *, outbox_path=None, password: str | None = None,
                 sql_dir=None) -> Backend:
    """Open the database of ``url``, creating or upgrading its schema from sql/.

    Raises BackendError for an invalid URL, an unusable SQLite file or a schema this app cannot
    use. An unreachable MySQL server (or a refused login) does not raise: the Backend starts
    offline, ``status().message`` says why, and check-ins go to the outbox (``outbox_path``,
    default data/outbox.db) until the server answers.
    """
    parsed = parse_url(url)
    sql_dir = Path(sql_dir) if sql_dir else schema.SQL_DIR
    if parsed.kind == "sqlite":
        return Backend(SQLiteDatabase(parsed, sql_dir))
    db = MySQLDatabase(parsed, resolve_password(parsed, password), sql_dir)
    outbox = Outbox(outbox_path or DEFAULT_OUTBOX, parsed.target, sql_dir)
    try:
        db.connect()
    except BackendOffline as exc:
        log.warning("starting offline: %s", exc)
    except BaseException:
        outbox.close()
        raise
    backend = Backend(db, outbox)
    if db.online and (outbox.pending or outbox.attempts_pending):
        backend.flush_outbox()
    return backend


def test_connection(url: str, password: str | None = None) -> tuple[bool, str]:
    """Check a URL (and password) without changing anything; returns (ok, message for the user)."""
    try:
        parsed = parse_url(url)
    except BackendError as exc:
        return False, str(exc)
    if parsed.kind == "sqlite":
        return _test_sqlite(parsed)
    return _test_mysql(parsed, resolve_password(parsed, password))


test_connection.__test__ = False   # not a pytest test, though test modules import it


def _test_sqlite(url: DatabaseURL) -> tuple[bool, str]:
    path = Path(url.path)
    if url.path == ":memory:":
        return True, "in-memory SQLite database (nothing is kept)"
    if not path.exists():
        folder = next((p for p in [path.parent, *path.parent.parents] if p.exists()), Path("."))
        if folder.is_dir() and _writable(folder):
            return True, f"SQLite database {path} will be created"
        return False, f"cannot create the SQLite database {path}: {folder} is not a writable folder"
    try:
        with contextlib.closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as conn:
            version = schema.current_version(conn.cursor(), "sqlite")
    except (sqlite3.Error, SchemaError) as exc:
        return False, f"{path} is not a usable attendance database: {exc}"
    return True, _version_text(f"SQLite database {path}", version, "sqlite")


def _test_mysql(url: DatabaseURL, password: str) -> tuple[bool, str]:
    import pymysql

    try:
        conn = pymysql.connect(host=url.host, port=url.port, user=url.user, password=password,
                               database=url.database, charset="utf8mb4", connect_timeout=5,
                               read_timeout=10, write_timeout=10)
    except Exception as exc:
        return False, describe_mysql_error(url, exc, connecting=True)
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT VERSION()")
            server = cur.fetchone()[0]
            version = schema.current_version(cur, "mysql")
    except SchemaError as exc:
        return False, f"MySQL {url.redacted()}: {exc}"
    except Exception as exc:
        return False, f"MySQL {url.redacted()}: {exc}"
    finally:
        conn.close()
    flavour = "MariaDB" if "mariadb" in server.lower() else "MySQL"
    return True, _version_text(f"connected to {flavour} {server.split('-')[0]} at {url.host}:{url.port}, "
                               f"database {url.database}", version, "mysql")


def _version_text(where: str, version: int, kind: str) -> str:
    latest = schema.latest_version(kind)
    if version == 0:
        return f"{where}: empty, the schema will be created on first use"
    if version < latest:
        return f"{where}: schema version {version}, will be upgraded to {latest}"
    if version > latest:
        return f"{where}: schema version {version} is newer than this app ({latest}); update the app"
    return f"{where}: schema version {version}, up to date"


def _writable(folder: Path) -> bool:
    import os

    return os.access(folder, os.W_OK | os.X_OK)
