"""Local SQLite outbox of a MySQL desk: check-ins made while the server is unreachable.

Events are kept in arrival order (``seq``) per target database and replayed in that order;
the server's unique event_id makes a replay that is interrupted and repeated harmless.
"""
from __future__ import annotations

import dataclasses
import sqlite3
import threading
from datetime import datetime
from pathlib import Path

from backend import schema, times
from backend.errors import BackendError
from backend.records import Event, RejectedAttempt

#: the outbox's file name; a desk keeps it in its data folder (desk.data_root), and passes that path
FILE_NAME = "outbox.db"
#: where open_backend puts it when given no path (tools and benches run from the repository folder)
DEFAULT_PATH = f"data/{FILE_NAME}"
#: columns an outbox written by an older version lacks (added on open; outbox.sql has them all)
_ADDED_COLUMNS = {"method": "TEXT NOT NULL DEFAULT 'face'", "operator": "TEXT NULL", "reason_given": "TEXT NULL",
                  "liveness": "TEXT NULL"}
_EVENT_COLUMNS = "event_id, person_id, checked_in_at, desk, distance, method, operator, reason_given, liveness"
_EVENT_PLACEHOLDERS = ", ".join("?" * (1 + len(_EVENT_COLUMNS.split(","))))     # target + the columns
_ATTEMPT_COLUMNS = "event_id, attempted_at, desk, person_id, method, reason, distance, thumbnail, detail"


@dataclasses.dataclass(frozen=True)
class QueuedEvent:
    seq: int
    event: Event

    @property
    def checked_in_at(self) -> datetime:
        return self.event.when


class Outbox:
    def __init__(self, path, target: str, sql_dir: Path = schema.SQL_DIR):
        self.path = str(path)
        self.target = target
        self._lock = threading.RLock()
        try:
            if self.path != ":memory:":
                Path(self.path).parent.mkdir(parents=True, exist_ok=True)
            self._conn = sqlite3.connect(self.path, timeout=10, isolation_level=None,
                                         check_same_thread=False)
            self._conn.execute("PRAGMA busy_timeout = 10000")
            if self.path != ":memory:":
                self._conn.execute("PRAGMA journal_mode = WAL")
            self._conn.execute("PRAGMA synchronous = FULL")   # a queued check-in must survive a crash
            for statement in schema.split_statements(
                    (Path(sql_dir) / "sqlite" / "outbox.sql").read_text(encoding="utf-8")):
                self._conn.execute(statement)
            for table in ("outbox", "outbox_rejected"):
                have = {row[1] for row in self._conn.execute(f"PRAGMA table_info({table})")}
                for column, definition in _ADDED_COLUMNS.items():
                    if column not in have:
                        self._conn.execute(f"ALTER TABLE {table} ADD COLUMN {column} {definition}")
            self._pending = self._count()
            self._attempts_pending = self._count_attempts()
        except (OSError, sqlite3.Error) as exc:
            raise BackendError(f"cannot open the check-in outbox {self.path}: {exc}") from exc

    def _count(self) -> int:
        return self._conn.execute("SELECT COUNT(*) FROM outbox WHERE target = ?", (self.target,)).fetchone()[0]

    @property
    def pending(self) -> int:
        """Events waiting for this target (cached; cheap enough for a GUI timer)."""
        return self._pending

    @staticmethod
    def _values(event: Event) -> tuple:
        return (event.event_id, event.person_id, times.to_text(event.when), event.desk, event.distance,
                event.method, event.operator, event.reason, event.liveness)

    def put(self, event: Event) -> None:
        with self._lock:        # re-entrant: the count moves with the row
            if self._queue(f"INSERT INTO outbox (target, {_EVENT_COLUMNS}) VALUES ({_EVENT_PLACEHOLDERS})",
                           (self.target, *self._values(event)), "check-in"):
                self._pending += 1

    def _queue(self, sql: str, values: tuple, what: str) -> bool:
        """One row into the queue; False when the same event is queued already (once is enough)."""
        with self._lock:
            try:
                self._conn.execute(sql, values)
            except sqlite3.IntegrityError:
                return False
            except sqlite3.Error as exc:
                raise BackendError(f"the server is unreachable and the {what} could not be queued "
                                   f"in {self.path}: {exc}") from exc
            return True

    def latest_between(self, person_id: int, lo: datetime, hi: datetime) -> datetime | None:
        """The latest queued check-in of ``person_id`` in [lo, hi), for the cooldown rule offline."""
        with self._lock:
            value = self._conn.execute(
                "SELECT MAX(checked_in_at) FROM outbox WHERE target = ? AND person_id = ? "
                "AND checked_in_at >= ? AND checked_in_at < ?",
                (self.target, person_id, times.to_text(lo), times.to_text(hi))).fetchone()[0]
        return None if value is None else times.from_text(value)

    def peek(self, limit: int) -> list[QueuedEvent]:
        """The oldest ``limit`` events, in order."""
        with self._lock:
            rows = self._conn.execute(f"SELECT seq, {_EVENT_COLUMNS} FROM outbox WHERE target = ? "
                                      "ORDER BY seq LIMIT ?", (self.target, limit)).fetchall()
        return [QueuedEvent(r[0], Event(person_id=r[2], when=times.from_text(r[3]), desk=r[4], distance=r[5],
                                        event_id=r[1], method=r[6], operator=r[7], reason=r[8], liveness=r[9]))
                for r in rows]

    def done(self, events: list[QueuedEvent], rejected: dict[int, str] | None = None) -> None:
        """Remove replayed events; ``rejected`` (seq -> reason) are moved to outbox_rejected."""
        rejected = rejected or {}
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                for ev in events:
                    if ev.seq in rejected:
                        self._conn.execute(
                            f"INSERT OR REPLACE INTO outbox_rejected (seq, target, {_EVENT_COLUMNS}, reason) "
                            f"VALUES (?, {_EVENT_PLACEHOLDERS}, ?)",
                            (ev.seq, self.target, *self._values(ev.event), rejected[ev.seq]))
                self._conn.executemany("DELETE FROM outbox WHERE seq = ?", [(ev.seq,) for ev in events])
                self._conn.execute("COMMIT")
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._pending = self._count()

    def rejected(self) -> list[tuple[str, str]]:
        """(event_id, reason) of events the server refused, oldest first."""
        with self._lock:
            return self._conn.execute("SELECT event_id, reason FROM outbox_rejected WHERE target = ? "
                                      "ORDER BY seq", (self.target,)).fetchall()

    # -- rejected attempts (schema 6): queued apart from the check-ins, never replayed as one -------------
    def _count_attempts(self) -> int:
        return self._conn.execute("SELECT COUNT(*) FROM outbox_attempts WHERE target = ?",
                                  (self.target,)).fetchone()[0]

    @property
    def attempts_pending(self) -> int:
        """Rejected attempts waiting for this target (cached, as ``pending``)."""
        return self._attempts_pending

    def put_attempt(self, attempt: RejectedAttempt) -> None:
        a = attempt
        with self._lock:
            if self._queue(f"INSERT INTO outbox_attempts (target, {_ATTEMPT_COLUMNS}) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                           (self.target, a.event_id, times.to_text(a.attempted_at), a.desk, a.person_id, a.method,
                            a.reason, a.distance, a.thumbnail, a.detail), "rejected attempt"):
                self._attempts_pending += 1

    def peek_attempts(self, limit: int) -> list[tuple[int, RejectedAttempt]]:
        """The oldest ``limit`` queued attempts, (seq, attempt), in order."""
        with self._lock:
            rows = self._conn.execute(f"SELECT seq, {_ATTEMPT_COLUMNS} FROM outbox_attempts WHERE target = ? "
                                      "ORDER BY seq LIMIT ?", (self.target, limit)).fetchall()
        return [(r[0], RejectedAttempt(event_id=r[1], attempted_at=times.from_text(r[2]), desk=r[3], person_id=r[4],
                                       method=r[5], reason=r[6], distance=r[7],
                                       thumbnail=None if r[8] is None else bytes(r[8]), detail=r[9],
                                       has_thumbnail=r[8] is not None, status="queued")) for r in rows]

    def attempts_done(self, seqs: list[int]) -> None:
        """Remove attempts written to the server."""
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                self._conn.executemany("DELETE FROM outbox_attempts WHERE seq = ?", [(seq,) for seq in seqs])
                self._conn.execute("COMMIT")
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._attempts_pending = self._count_attempts()

    def close(self) -> None:
        with self._lock:
            self._conn.close()
