"""Rejected attempts (schema 6): check-ins the desk refused because the face was not shown live.

A print, a phone or a replay held up to the camera, a challenge not answered (no turn, the wrong way, the
person left): the desk checks nobody in and records the attempt here (time, desk, the person claimed or the
enrolled face nearest to it, how the check-in was tried, a reason code, a small JPEG of the face, a detail),
for the operator's "rejected attempts" list. Nothing here writes or reads the attendance table: an attempt
never becomes a check-in, whatever happens to it (queued in the outbox while MySQL is down, replayed twice,
its person deleted meanwhile).

``AttendanceRepository.record_rejected_attempt`` / ``.rejected_attempts`` are the API (the same lock and
outbox as check-ins); this module checks the input and holds the SQL. The backend does no image work: the
desk makes the thumbnail (e.g. the face's aligned chip, JPEG quality 80: a few KB) and one over
MAX_THUMBNAIL_BYTES is refused, nothing written.
"""
from __future__ import annotations

import logging
import re
import uuid
from datetime import date, datetime

from backend import history, times, validation
from backend.db import Database
from backend.records import RejectedAttempt

log = logging.getLogger(__name__)

#: the check-ins that can be refused for liveness (a manual correction has no face)
METHODS = ("face", "confirmed", "number+face")
#: what the desk's liveness check gives as reasons (any code of REASON_PATTERN is stored; these are the
#: ones recognition/ gives today and the desk words)
KNOWN_REASONS = ("flat", "no_turn", "wrong_turn", "left")
REASON_PATTERN = re.compile(r"[a-z][a-z0-9_]{0,31}")
#: a thumbnail's limit: a MySQL BLOB's size (64 KiB - 1), checked the same way on SQLite
MAX_THUMBNAIL_BYTES = 65_535
_JPEG_START = b"\xff\xd8\xff"
DEFAULT_LIMIT = 200
MAX_LIMIT = 5000

_COLUMNS = ("r.id, r.event_id, r.attempted_at, r.desk, r.person_id, p.person_number, p.name, r.method, r.reason, "
            "r.distance, r.detail, r.thumbnail IS NOT NULL")
_FROM = "rejected_attempts r LEFT JOIN people p ON p.id = r.person_id"


def check(person_id, when, desk, method, reason, distance, detail, thumbnail, event_id) -> RejectedAttempt:
    """One attempt, checked (ValueError saying what is wrong; nothing written)."""
    if method not in METHODS:
        raise ValueError(f"a rejected attempt's method must be one of {', '.join(METHODS)}, got {method!r}")
    if not isinstance(reason, str) or not REASON_PATTERN.fullmatch(reason):
        raise ValueError(f"a rejected attempt's reason must be a short code (a-z, 0-9, _; at most 32, e.g. "
                         f"{', '.join(KNOWN_REASONS)}), got {reason!r}")
    if thumbnail is not None:
        if not isinstance(thumbnail, (bytes, bytearray, memoryview)):
            raise ValueError(f"the thumbnail must be JPEG bytes, got {type(thumbnail).__name__}")
        thumbnail = bytes(thumbnail)
        if len(thumbnail) > MAX_THUMBNAIL_BYTES:
            raise ValueError(f"the thumbnail is {len(thumbnail)} bytes, at most {MAX_THUMBNAIL_BYTES} allowed: "
                             "make it smaller (a face chip of ~112 px is a few KB)")
        if not thumbnail.startswith(_JPEG_START):
            raise ValueError("the thumbnail is not a JPEG image (it does not start with the JPEG marker)")
    return RejectedAttempt(
        event_id=validation.event_id(event_id) if event_id is not None else str(uuid.uuid4()),
        attempted_at=times.now_local() if when is None else times.check_datetime(when, "attempt time"),
        desk=validation.text("desk", desk) or "",
        method=method, reason=reason,
        person_id=None if person_id is None else validation.row_id(person_id),
        distance=validation.distance(distance),
        detail=validation.text("detail", detail, strip=True),
        thumbnail=thumbnail, has_thumbnail=thumbnail is not None)


def write(db: Database, cur, attempt: RejectedAttempt) -> tuple[int, int | None]:
    """Insert ``attempt`` in the open transaction ``cur`` (a known event_id inserts nothing); returns its row id
    and the person it names.

    A person who does not exist (deleted meanwhile, or on another desk since this desk's gallery was synced)
    is not named; the attempt is written all the same: it happened at this desk.
    """
    person_id = attempt.person_id
    if person_id is not None and cur.execute(db.sql_lock_person, (person_id,)).fetchone() is None:
        log.warning("rejected attempt %s: person %s no longer exists; recorded without them",
                    attempt.event_id, person_id)
        person_id = None
    cur.execute("INSERT INTO rejected_attempts (event_id, attempted_at, desk, person_id, method, reason, distance, "
                "thumbnail, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)" + db.sql_ignore_duplicate,
                (attempt.event_id, db.dt(attempt.attempted_at), attempt.desk, person_id, attempt.method,
                 attempt.reason, attempt.distance, attempt.thumbnail, attempt.detail))
    row = cur.execute("SELECT id, person_id FROM rejected_attempts WHERE event_id = ?", (attempt.event_id,)).fetchone()
    return int(row[0]), None if row[1] is None else int(row[1])


def _read(db: Database, r, thumbnail: bytes | None = None) -> RejectedAttempt:
    return RejectedAttempt(id=int(r[0]), event_id=r[1], attempted_at=db.read_dt(r[2]), desk=r[3],
                           person_id=None if r[4] is None else int(r[4]), person_number=r[5], name=r[6],
                           method=r[7], reason=r[8], distance=None if r[9] is None else float(r[9]), detail=r[10],
                           has_thumbnail=bool(r[11]), thumbnail=thumbnail)


def between(db: Database, start: date | datetime | str | None, end: date | datetime | str | None,
            desk: str | None = None, limit: int = DEFAULT_LIMIT, thumbnails: bool = True) -> list[RejectedAttempt]:
    """Attempts from ``start`` to ``end`` (as the history's range: a date ``end`` includes that whole day, a
    datetime ``end`` is inclusive; None: unbounded), newest first, at most ``limit``; of one ``desk`` (exact
    name) or all. With ``thumbnails``, each carries its JPEG (else only ``has_thumbnail``; see thumbnail())."""
    lo = history._bound(start, "start", is_end=False)
    hi = history._bound(end, "end", is_end=True)
    if lo is not None and hi is not None and lo >= hi:
        raise ValueError(f"invalid date range: start {start} is after end {end}")
    if isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= MAX_LIMIT:
        raise ValueError(f"limit must be an integer between 1 and {MAX_LIMIT}, got {limit!r}")
    clauses, params = [], []
    if lo is not None:
        clauses.append("r.attempted_at >= ?")
        params.append(db.dt(lo))
    if hi is not None:
        clauses.append("r.attempted_at < ?")
        params.append(db.dt(hi))
    if desk is not None:
        clauses.append("r.desk = ?")
        params.append(validation.text("desk", desk) or "")
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    columns = _COLUMNS + (", r.thumbnail" if thumbnails else "")
    with db.transaction() as cur:
        rows = cur.execute(f"SELECT {columns} FROM {_FROM}{where} ORDER BY r.attempted_at DESC, r.id DESC LIMIT ?",
                           (*params, limit)).fetchall()
    return [_read(db, r, bytes(r[12]) if thumbnails and r[12] is not None else None) for r in rows]


def thumbnail(db: Database, attempt_id: int) -> bytes | None:
    """The JPEG of attempt ``attempt_id`` (None: it has none, or no such attempt)."""
    attempt_id = validation.row_id(attempt_id, "attempt id")
    with db.transaction() as cur:
        value = cur.execute("SELECT thumbnail FROM rejected_attempts WHERE id = ?", (attempt_id,)).scalar()
    return None if value is None else bytes(value)


def purge_thumbnails(db: Database, before: datetime) -> int:
    """Forget the thumbnails of attempts before ``before`` (the attempts stay listed); returns how many."""
    before = times.check_datetime(before, "purge time")
    with db.transaction(write=True) as cur:
        return cur.execute("UPDATE rejected_attempts SET thumbnail = NULL WHERE attempted_at < ? "
                           "AND thumbnail IS NOT NULL", (db.dt(before),)).rowcount
