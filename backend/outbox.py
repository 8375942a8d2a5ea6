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

DEFAULT_PATH = "data/outbox.db"


@dataclasses.dataclass(frozen=True)
class QueuedEvent:
    seq: int
    event_id: str
    person_id: int
    checked_in_at: datetime
    desk: str
    distance: float | None


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
            self._pending = self._count()
        except (OSError, sqlite3.Error) as exc:
            raise BackendError(f"cannot open the check-in outbox {self.path}: {exc}") from exc

    def _count(self) -> int:
        return self._conn.execute("SELECT COUNT(*) FROM outbox WHERE target = ?", (self.target,)).fetchone()[0]

    @property
    def pending(self) -> int:
        """Events waiting for this target (cached; cheap enough for a GUI timer)."""
        return self._pending

    def put(self, event_id: str, person_id: int, when: datetime, desk: str, distance: float | None) -> None:
        with self._lock:
            try:
                self._conn.execute(
                    "INSERT INTO outbox (target, event_id, person_id, checked_in_at, desk, distance) "
                    "VALUES (?, ?, ?, ?, ?, ?)",
                    (self.target, event_id, person_id, times.to_text(when), desk, distance))
            except sqlite3.IntegrityError:
                return          # the same event queued twice: once is enough
            except sqlite3.Error as exc:
                raise BackendError(f"the server is unreachable and the check-in could not be queued "
                                   f"in {self.path}: {exc}") from exc
            self._pending += 1

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
            rows = self._conn.execute(
                "SELECT seq, event_id, person_id, checked_in_at, desk, distance FROM outbox "
                "WHERE target = ? ORDER BY seq LIMIT ?", (self.target, limit)).fetchall()
        return [QueuedEvent(r[0], r[1], r[2], times.from_text(r[3]), r[4], r[5]) for r in rows]

    def done(self, events: list[QueuedEvent], rejected: dict[int, str] | None = None) -> None:
        """Remove replayed events; ``rejected`` (seq -> reason) are moved to outbox_rejected."""
        rejected = rejected or {}
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                for ev in events:
                    if ev.seq in rejected:
                        self._conn.execute(
                            "INSERT OR REPLACE INTO outbox_rejected (seq, target, event_id, person_id, "
                            "checked_in_at, desk, distance, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                            (ev.seq, self.target, ev.event_id, ev.person_id,
                             times.to_text(ev.checked_in_at), ev.desk, ev.distance, rejected[ev.seq]))
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

    def close(self) -> None:
        with self._lock:
            self._conn.close()
