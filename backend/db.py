"""Connections: one SQLite or MySQL connection per Backend, guarded by a lock.

Repositories write SQL once with ``?`` placeholders; :class:`Cursor` adapts it to the driver and
translates driver errors into :mod:`backend.errors`. A MySQL connection that breaks marks the
database offline (:class:`BackendOffline`); the next operation reconnects.
"""
from __future__ import annotations

import contextlib
import logging
import sqlite3
import threading
import time
from datetime import date, datetime
from pathlib import Path

from backend import schema, times
from backend.errors import BackendError, BackendOffline, IntegrityViolation, SchemaError
from backend.url import DatabaseURL, PASSWORD_ENV

log = logging.getLogger(__name__)


class Cursor:
    """Driver cursor with ``?`` placeholders on both backends and translated errors."""

    def __init__(self, db: "Database", raw):
        self._db = db
        self._raw = raw

    def execute(self, sql: str, params=()) -> "Cursor":
        try:
            self._raw.execute(self._db.adapt(sql), tuple(params))
        except Exception as exc:
            raise self._db.translate(exc) from exc
        return self

    def executemany(self, sql: str, rows) -> "Cursor":
        try:
            self._raw.executemany(self._db.adapt(sql), [tuple(r) for r in rows])
        except Exception as exc:
            raise self._db.translate(exc) from exc
        return self

    def fetchone(self):
        return self._raw.fetchone()

    def fetchall(self):
        return list(self._raw.fetchall())

    def scalar(self):
        row = self._raw.fetchone()
        return None if row is None else row[0]

    @property
    def lastrowid(self) -> int:
        return self._raw.lastrowid

    @property
    def rowcount(self) -> int:
        return self._raw.rowcount

    def stream(self, sql: str, params=(), size: int = 2000):
        """Yield the rows of a large result without holding them all in memory."""
        raw = self._db.streaming_cursor()
        try:
            try:
                raw.execute(self._db.adapt(sql), tuple(params))
                while True:
                    rows = raw.fetchmany(size)
                    if not rows:
                        break
                    yield from rows
            except Exception as exc:
                raise self._db.translate(exc) from exc
        finally:
            with contextlib.suppress(Exception):
                raw.close()


class Database:
    """Base class; see :class:`SQLiteDatabase` and :class:`MySQLDatabase`."""

    kind = ""
    #: SELECT that locks the person row for the duration of a check-in transaction
    sql_lock_person = ""
    #: idempotent insert of one attendance event (a known event_id inserts nothing)
    sql_insert_event = ""
    #: the same with the check-in's liveness (schema 6)
    sql_insert_event_liveness = ""
    #: what makes an insert of a known event_id a no-op (appended to an INSERT)
    sql_ignore_duplicate = ""
    #: join keyword that keeps the left table as the outer loop
    forced_join = "JOIN"

    def __init__(self, url: DatabaseURL, sql_dir: Path | None = None):
        self.url = url
        self.sql_dir = Path(sql_dir) if sql_dir else schema.SQL_DIR
        self.lock = threading.RLock()
        self._conn = None
        self._depth = 0
        self._cursor: Cursor | None = None
        self.message = ""
        self.schema_version = 0

    # -- dialect -----------------------------------------------------------------
    def adapt(self, sql: str) -> str:
        return sql

    def dt(self, value: datetime):
        """A datetime as a query parameter."""
        return value

    def read_dt(self, value) -> datetime | None:
        return None if value is None else times.from_text(value)

    def read_date(self, value) -> date:
        return value if isinstance(value, date) else date.fromisoformat(value)

    def day_of(self, column: str) -> str:
        raise NotImplementedError

    def dt_text(self, column: str) -> str:
        """``column`` (a time) selected as its text, for reading many rows fast (``read_dt`` reads both)."""
        return column

    def ci(self, column: str) -> str:
        """Expression comparing ``column`` case-insensitively (for LIKE)."""
        return column

    # -- connection ----------------------------------------------------------------
    @property
    def online(self) -> bool:
        return self._conn is not None

    def _ensure(self):
        raise NotImplementedError

    def _begin(self, conn, write: bool) -> None:
        pass

    def streaming_cursor(self):
        return self._conn.cursor()

    def translate(self, exc: Exception) -> Exception:
        return exc

    @contextlib.contextmanager
    def transaction(self, write: bool = False):
        """One transaction (re-entrant: an inner one joins the outer one); yields a :class:`Cursor`.

        Commits when the block ends, rolls back if it raises.
        """
        with self.lock:
            if self._depth:
                self._depth += 1
                try:
                    yield self._cursor
                finally:
                    self._depth -= 1
                return
            conn = self._ensure()
            try:
                self._begin(conn, write)
                raw = conn.cursor()
            except Exception as exc:
                raise self.translate(exc) from exc
            self._cursor = Cursor(self, raw)
            self._depth = 1
            try:
                yield self._cursor
            except BaseException:
                self._depth = 0
                self._rollback()
                raise
            else:
                self._depth = 0
                try:
                    self._conn.commit()
                except Exception as exc:
                    error = self.translate(exc)
                    self._rollback()
                    raise error from exc
            finally:
                self._depth = 0
                self._cursor = None
                with contextlib.suppress(Exception):
                    raw.close()
                self._touched()

    def _rollback(self) -> None:
        if self._conn is not None:
            try:
                self._conn.rollback()
            except Exception as exc:  # the connection is gone: nothing to roll back
                self.translate(exc)

    def _touched(self) -> None:
        pass

    def close(self) -> None:
        with self.lock:
            if self._conn is not None:
                with contextlib.suppress(Exception):
                    self._conn.close()
                self._conn = None


class SQLiteDatabase(Database):
    kind = "sqlite"
    forced_join = "CROSS JOIN"
    sql_lock_person = "SELECT active FROM people WHERE id = ?"
    sql_insert_event = ("INSERT INTO attendance (event_id, person_id, checked_in_at, desk, distance, method, "
                        "operator, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING")
    sql_insert_event_liveness = ("INSERT INTO attendance (event_id, person_id, checked_in_at, desk, distance, "
                                 "method, operator, reason, liveness) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                                 "ON CONFLICT (event_id) DO NOTHING")
    sql_ignore_duplicate = " ON CONFLICT (event_id) DO NOTHING"

    def __init__(self, url: DatabaseURL, sql_dir: Path | None = None):
        super().__init__(url, sql_dir)
        self.path = url.path
        try:
            if self.path != ":memory:":
                Path(self.path).parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(self.path, timeout=10, isolation_level=None, check_same_thread=False)
        except (OSError, sqlite3.Error) as exc:
            raise BackendError(f"cannot open the SQLite database {self.path}: {exc}") from exc
        try:
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA busy_timeout = 10000")
            if self.path != ":memory:":
                conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            self.schema_version = schema.ensure_schema(conn, "sqlite", self.sql_dir)
        except sqlite3.Error as exc:
            conn.close()
            raise BackendError(f"cannot use the SQLite database {self.path}: {exc}") from exc
        except BaseException:
            conn.close()
            raise
        self._conn = conn
        self.message = f"SQLite database {self.path}"

    def dt(self, value: datetime):
        return times.to_text(value)

    def day_of(self, column: str) -> str:
        return f"substr({column}, 1, 10)"

    def _ensure(self):
        if self._conn is None:
            raise BackendError(f"the SQLite database {self.path} is closed")
        return self._conn

    def _begin(self, conn, write: bool) -> None:
        conn.execute("BEGIN IMMEDIATE" if write else "BEGIN")

    def translate(self, exc: Exception) -> Exception:
        if isinstance(exc, BackendError):
            return exc
        if isinstance(exc, sqlite3.IntegrityError):
            text = str(exc)
            kind = ("unique" if "UNIQUE" in text else
                    "foreign_key" if "FOREIGN KEY" in text else "other")
            return IntegrityViolation(f"SQLite refused the change: {text}", kind)
        if isinstance(exc, sqlite3.Error):
            return BackendError(f"SQLite database {self.path}: {exc}")
        return exc

    def close(self) -> None:
        with self.lock:
            if self._conn is not None:
                with contextlib.suppress(sqlite3.Error):
                    self._conn.execute("PRAGMA optimize")
        super().close()


# MySQL error codes that mean "the connection is gone or cannot be made" (client errors are 2xxx)
_CONNECTION_CODES = {0, 1040, 1053, 1077, 1152, 1153, 1158, 1159, 1160, 1161, 1927, 4031}
_LOGIN_HINTS = {
    1045: f"access denied: wrong user or password (the password comes from ${PASSWORD_ENV} or the config)",
    1044: "this user has no access to that database; see sql/mysql/create_user.sql",
    1049: "the database does not exist; create it with sql/mysql/create_user.sql",
    1040: "the server has too many connections",
}


def describe_mysql_error(url: DatabaseURL, exc: Exception, connecting: bool) -> str:
    """A one-line, user-facing description of a failed MySQL connection."""
    code = exc.args[0] if exc.args and isinstance(exc.args[0], int) else None
    if isinstance(exc, UnicodeError):
        # pymysql sends user and password as Latin-1; the error's args hold the password itself
        reason = "the user name or password has characters the MySQL client cannot send (Latin-1 only)"
    elif code is not None and len(exc.args) > 1:
        reason = str(exc.args[1])       # (code, server message)
    else:
        reason = str(exc) or type(exc).__name__
    hint = _LOGIN_HINTS.get(code)
    where = f"MySQL {url.redacted()}"
    if hint:
        return f"{where}: {hint} (server said: {reason})"
    if connecting:
        return f"{where}: cannot connect ({reason})"
    return f"{where}: connection lost ({reason})"
_SQL_MODE = ("STRICT_TRANS_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,ERROR_FOR_DIVISION_BY_ZERO,"
             "NO_ENGINE_SUBSTITUTION")


class MySQLDatabase(Database):
    kind = "mysql"
    forced_join = "STRAIGHT_JOIN"
    sql_lock_person = "SELECT active FROM people WHERE id = ? FOR UPDATE"
    sql_insert_event = ("INSERT INTO attendance (event_id, person_id, checked_in_at, desk, distance, method, "
                        "operator, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE id = id")
    sql_insert_event_liveness = ("INSERT INTO attendance (event_id, person_id, checked_in_at, desk, distance, "
                                 "method, operator, reason, liveness) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                                 "ON DUPLICATE KEY UPDATE id = id")
    sql_ignore_duplicate = " ON DUPLICATE KEY UPDATE id = id"
    connect_timeout = 5
    io_timeout = 30
    ping_after_idle_s = 30.0

    def __init__(self, url: DatabaseURL, password: str, sql_dir: Path | None = None):
        super().__init__(url, sql_dir)
        import pymysql

        self._pymysql = pymysql
        self._password = password
        self._adapted: dict[str, str] = {}
        self._last_used = 0.0
        #: seconds to wait after a failure before check-ins try the server again (doubles up to max)
        self.retry_interval = 2.0
        self.max_retry_interval = 30.0
        self._delay = 0.0
        self._next_retry = 0.0
        self._logged = ""
        self._schema_checked = False
        self.message = f"MySQL {url.redacted()}: not connected yet"

    # -- dialect -------------------------------------------------------------------
    def adapt(self, sql: str) -> str:
        adapted = self._adapted.get(sql)
        if adapted is None:
            adapted = self._adapted[sql] = sql.replace("%", "%%").replace("?", "%s")
        return adapted

    def read_dt(self, value) -> datetime | None:
        return value if value is None or isinstance(value, datetime) else times.from_text(value)

    def day_of(self, column: str) -> str:
        return f"DATE({column})"

    def dt_text(self, column: str) -> str:
        # pymysql parses a DATETIME in Python; its text through datetime.fromisoformat takes half the time
        return f"CAST({column} AS CHAR)"

    def ci(self, column: str) -> str:
        return f"{column} COLLATE utf8mb4_unicode_520_ci"

    # -- connection ----------------------------------------------------------------
    def retry_due(self) -> bool:
        return time.monotonic() >= self._next_retry

    def _open(self, io_timeout):
        return self._pymysql.connect(
            host=self.url.host, port=self.url.port, user=self.url.user, password=self._password,
            database=self.url.database, charset="utf8mb4", autocommit=False,
            connect_timeout=self.connect_timeout, read_timeout=io_timeout, write_timeout=io_timeout,
            init_command=f"SET SESSION sql_mode = '{_SQL_MODE}'")

    def connect(self):
        """(Re)connect; the first time also create/upgrade the schema. Raises BackendOffline or
        SchemaError."""
        with self.lock:
            self.close()
            if not self._schema_checked:
                # on a connection of its own without read timeout: an upgrade may take minutes
                try:
                    conn = self._open(io_timeout=None)
                except Exception as exc:
                    raise self._went_offline(exc, connecting=True) from exc
                try:
                    self.schema_version = schema.ensure_schema(conn, "mysql", self.sql_dir)
                except SchemaError as exc:
                    self._backoff(f"MySQL {self.url.redacted()}: {exc}")
                    raise
                except Exception as exc:
                    raise self._went_offline(exc, connecting=True) from exc
                finally:
                    with contextlib.suppress(Exception):
                        conn.close()
                self._schema_checked = True
            try:
                conn = self._open(io_timeout=self.io_timeout)
            except Exception as exc:
                raise self._went_offline(exc, connecting=True) from exc
            self._conn = conn
            self._delay = 0.0
            self._next_retry = 0.0
            self._last_used = time.monotonic()
            self.message = f"MySQL {self.url.redacted()}: online"
            self._logged = ""
            log.info("connected to %s", self.url.redacted())
            return conn

    def _ensure(self):
        if self._conn is None:
            return self.connect()
        if time.monotonic() - self._last_used > self.ping_after_idle_s:
            try:
                self._conn.ping(reconnect=False)
            except Exception:  # e.g. closed by wait_timeout overnight: reconnect once now
                log.info("idle MySQL connection was closed; reconnecting")
                return self.connect()
        return self._conn

    def _touched(self) -> None:
        self._last_used = time.monotonic()

    def streaming_cursor(self):
        return self._conn.cursor(self._pymysql.cursors.SSCursor)

    def _backoff(self, message: str) -> None:
        self._delay = min(self.max_retry_interval, max(self.retry_interval, self._delay * 2))
        self._next_retry = time.monotonic() + self._delay
        self.message = message

    def _went_offline(self, exc: Exception, connecting: bool = False) -> BackendOffline:
        text = describe_mysql_error(self.url, exc, connecting)
        if self._conn is not None:
            with contextlib.suppress(Exception):
                self._conn.close()
            self._conn = None
        if text != self._logged:            # once per kind of failure, not on every retry
            log.warning("%s", text)
            self._logged = text
        self._backoff(f"{text}; offline, check-ins are kept locally")
        return BackendOffline(text)

    def translate(self, exc: Exception) -> Exception:
        if isinstance(exc, BackendError):
            return exc
        err = self._pymysql.err
        code = exc.args[0] if exc.args and isinstance(exc.args[0], int) else None
        if isinstance(exc, err.IntegrityError):
            kind = "unique" if code == 1062 else "foreign_key" if code in (1451, 1452) else "other"
            return IntegrityViolation(f"MySQL refused the change: {exc.args[-1]}", kind)
        if isinstance(exc, (err.InterfaceError, OSError)) or (
                isinstance(exc, err.OperationalError) and (code in _CONNECTION_CODES
                                                           or (code or 0) >= 2000)):
            return self._went_offline(exc)
        if isinstance(exc, err.MySQLError):
            return BackendError(f"MySQL {self.url.redacted()}: {exc.args[-1] if exc.args else exc}")
        return exc

    def close(self) -> None:
        super().close()
