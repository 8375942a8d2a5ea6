"""Check-ins (cooldown / once-per-day rule, outbox fallback for MySQL), history queries, and the attempts the
desk refused for liveness (recorded apart, never check-ins: backend.rejected_attempts)."""
from __future__ import annotations

import dataclasses
import logging
import uuid
from datetime import datetime, timedelta

from backend import csv_export, history, times, validation
from backend import rejected_attempts as refused
from backend.db import Database
from backend.errors import BackendOffline, InactivePerson, IntegrityViolation, PersonNotFound, SchemaError
from backend.outbox import Outbox
from backend.records import CheckIn, DailySummary, Event, HistoryPage, HistoryQuery, RejectedAttempt

log = logging.getLogger(__name__)
REPLAY_BATCH = 500
SEEN_PER_PERSON = 16
#: no second check-in of a person within this many seconds (the desk's setting; AppConfig.cooldown)
DEFAULT_COOLDOWN_SECONDS = 60


class AttendanceRepository:
    """``check_in`` applies the rule: no second check-in of a person within ``cooldown_seconds``
    (either side of an existing one), or with ``once_per_day`` no second one on the same day.

    With an outbox (MySQL), a check-in made while the server is unreachable is queued locally
    ("queued"; the rule is then checked against the queue and this session's check-ins) and the
    queue is replayed, in order, before the next check-in that reaches the server, or by
    :meth:`flush_outbox`.
    """

    def __init__(self, db: Database, outbox: Outbox | None = None):
        self._db = db
        self._outbox = outbox
        self._cooldown = float(DEFAULT_COOLDOWN_SECONDS)
        self.once_per_day = False
        self._seen_times: dict[int, list[datetime]] = {}  # person -> latest check-ins seen this session
        self._sent = 0                                  # events replayed from the outbox so far

    @property
    def cooldown_seconds(self) -> float:
        return self._cooldown

    @cooldown_seconds.setter
    def cooldown_seconds(self, value) -> None:
        self._cooldown = validation.seconds(value, "cooldown")

    # -- the rule ------------------------------------------------------------------
    def _window(self, when: datetime) -> tuple[datetime, datetime] | None:
        """[lo, hi): an existing check-in in this range blocks one at ``when``."""
        if self.once_per_day:
            return times.day_range(when)
        if self._cooldown <= 0:
            return None
        span = timedelta(seconds=self._cooldown)
        return when - span + timedelta(milliseconds=1), when + span

    # -- check-in ------------------------------------------------------------------
    def check_in(self, person_id: int, when: datetime | None = None, desk: str = "",
                 distance: float | None = None, *, method: str = "face", operator: str | None = None,
                 reason: str | None = None, event_id: str | None = None,
                 allow_inactive: bool = False, liveness: str | None = None) -> CheckIn:
        """Record that ``person_id`` was seen at ``when`` (default: now, local time).

        ``method``: "face", "confirmed" (the operator confirmed the desk's candidate),
        "number+face" or "manual"; ``operator`` and ``reason`` say who and why (schema 3).
        ``liveness`` (schema 6): how the desk proved the face live, "passive", "challenge" or "off" (the
        desk's liveness setting is off: the desk says so, the row then tells an audit the face was not
        checked); None (the default) stores NULL: not stated, as for rows of before schema 6 and the only
        value of a manual correction, which has no face. The backend cannot know the desk's setting, so it
        never guesses "off" for it.
        ``allow_inactive``: record it although the person is inactive now (a correction of a time they
        were active, checked by backend.corrections).
        Returns a :class:`CheckIn` with status "recorded", "cooldown" or "queued". Raises
        PersonNotFound / InactivePerson (server reachable), ValueError for bad arguments.
        """
        event = Event(person_id=validation.row_id(person_id),
                      when=times.now_local() if when is None else times.check_datetime(when, "check-in time"),
                      desk=validation.text("desk", desk) or "",
                      distance=validation.distance(distance),
                      event_id=validation.event_id(event_id) if event_id is not None else str(uuid.uuid4()),
                      method=validation.method(method),
                      operator=validation.text("operator", operator, strip=True),
                      reason=validation.text("reason", reason, strip=True),
                      liveness=validation.liveness(liveness, method))
        with self._db.lock:
            if self._outbox is None:
                return self._record(event, allow_inactive)
            if not self._db.online and not self._db.retry_due():
                return self._queue(event)
            try:
                if self._outbox.pending:
                    self._replay()
                return self._record(event, allow_inactive)
            except (BackendOffline, SchemaError):
                return self._queue(event)

    @staticmethod
    def _result(status: str, event: "Event", **extra) -> CheckIn:
        return CheckIn(status=status, person_id=event.person_id, event_id=event.event_id,
                       checked_in_at=event.when, desk=event.desk, distance=event.distance,
                       method=event.method, operator=event.operator, reason=event.reason,
                       liveness=event.liveness, **extra)

    def _seen(self, person_id: int, when: datetime) -> None:
        """Remember a recorded/queued check-in, for the rule while the server is unreachable."""
        seen = self._seen_times.setdefault(person_id, [])
        seen.append(when)
        if len(seen) > SEEN_PER_PERSON:
            seen.sort()
            del seen[:-SEEN_PER_PERSON]

    def _record(self, event: "Event", allow_inactive: bool = False) -> CheckIn:
        db = self._db
        with db.transaction(write=True) as cur:
            row = cur.execute(db.sql_lock_person, (event.person_id,)).fetchone()
            if row is None:
                raise PersonNotFound(f"no person with id {event.person_id}")
            if not row[0] and not allow_inactive:
                raise InactivePerson(f"person {event.person_id} is inactive; check-in refused")
            window = self._window(event.when)
            if window is not None:
                last = cur.execute("SELECT MAX(a.checked_in_at) FROM attendance a WHERE a.person_id = ? "
                                   f"AND a.checked_in_at >= ? AND a.checked_in_at < ? AND {history.COUNTED}",
                                   (event.person_id, db.dt(window[0]), db.dt(window[1]))).scalar()
                if last is not None:
                    return self._result("cooldown", event, last_check_in=db.read_dt(last))
            cur.execute(event.sql(db), event.row(db))
            row_id = cur.execute("SELECT id FROM attendance WHERE event_id = ?", (event.event_id,)).scalar()
        self._seen(event.person_id, event.when)
        return self._result("recorded", event, attendance_id=int(row_id))

    def _queue(self, event: "Event") -> CheckIn:
        window = self._window(event.when)
        if window is not None:
            candidates = [self._outbox.latest_between(event.person_id, *window),
                          *self._seen_times.get(event.person_id, ())]
            blocking = [t for t in candidates if t and window[0] <= t < window[1]]
            if blocking:
                return self._result("cooldown", event, last_check_in=max(blocking))
        self._outbox.put(event)
        self._seen(event.person_id, event.when)
        return self._result("queued", event)

    # -- outbox --------------------------------------------------------------------
    def _replay(self) -> int:
        """Send queued events in order; raises BackendOffline if the server goes away meanwhile
        (what was committed stays committed; the rest stays queued)."""
        db = self._db
        sent = 0
        while True:
            batch = self._outbox.peek(REPLAY_BATCH)
            if not batch:
                return sent
            rejected: dict[int, str] = {}
            with db.transaction(write=True) as cur:
                for ev in batch:
                    try:
                        cur.execute(ev.event.sql(db), ev.event.row(db))
                    except IntegrityViolation as exc:
                        if exc.kind != "foreign_key":
                            raise
                        rejected[ev.seq] = f"person {ev.event.person_id} no longer exists"
                        log.warning("queued check-in %s dropped: person %s no longer exists",
                                    ev.event.event_id, ev.event.person_id)
            self._outbox.done(batch, rejected)
            sent += len(batch) - len(rejected)
            self._sent += len(batch) - len(rejected)

    def _replay_attempts(self) -> int:
        """Write queued rejected attempts in order (to rejected_attempts only: never a check-in); raises
        BackendOffline like _replay."""
        written = 0
        while True:
            batch = self._outbox.peek_attempts(REPLAY_BATCH)
            if not batch:
                return written
            with self._db.transaction(write=True) as cur:
                for _, attempt in batch:
                    refused.write(self._db, cur, attempt)
            self._outbox.attempts_done([seq for seq, _ in batch])
            written += len(batch)

    def flush_outbox(self) -> int:
        """Try the server now and replay the queue; returns how many events were sent (0 if offline)."""
        if self._outbox is None:
            return 0
        with self._db.lock:
            before = self._sent
            try:
                if not self._db.online:
                    self._db.connect()
                self._replay()
                self._replay_attempts()
            except (BackendOffline, SchemaError):
                pass
            return self._sent - before

    @property
    def pending(self) -> int:
        return 0 if self._outbox is None else self._outbox.pending

    @property
    def attempts_pending(self) -> int:
        """Rejected attempts waiting in the outbox (MySQL unreachable)."""
        return 0 if self._outbox is None else self._outbox.attempts_pending

    # -- rejected attempts (schema 6; backend.rejected_attempts) ---------------------
    def record_rejected_attempt(self, person_id: int | None = None, when: datetime | None = None, desk: str = "",
                                *, reason: str, method: str = "face", distance: float | None = None,
                                detail: str | None = None, thumbnail: bytes | None = None,
                                event_id: str | None = None) -> RejectedAttempt:
        """Record that the desk refused a check-in because the face was not shown live; nothing is checked in.

        ``person_id``: the person claimed (number + face) or the enrolled face nearest to it (None: none);
        ``when``: default now; ``method``: the check-in refused, "face", "confirmed" or "number+face";
        ``reason``: a short code ("flat", "no_turn", "wrong_turn", "left", ...: the desk words it);
        ``distance``: to that person, when known; ``detail``: free text (at most 512 characters);
        ``thumbnail``: a small JPEG of the face (at most backend.rejected_attempts.MAX_THUMBNAIL_BYTES; larger is
        refused). Returns the RejectedAttempt, status "recorded" (``id`` its row) or "queued": with MySQL
        unreachable it waits in the outbox, as check-ins do, and is written when the server returns (an
        attempt is evidence of a photo held up to the desk: it is kept, not dropped). No cooldown: every
        attempt is listed. A person who does not exist is not named; the attempt is recorded all the same.
        Raises ValueError (nothing written) for bad arguments.
        """
        attempt = refused.check(person_id, when, desk, method, reason, distance, detail, thumbnail, event_id)
        with self._db.lock:
            if self._outbox is None:
                return self._record_attempt(attempt)
            if not self._db.online and not self._db.retry_due():
                return self._queue_attempt(attempt)
            try:
                if self._outbox.attempts_pending:
                    self._replay_attempts()
                return self._record_attempt(attempt)
            except (BackendOffline, SchemaError):
                return self._queue_attempt(attempt)

    def _record_attempt(self, attempt: RejectedAttempt) -> RejectedAttempt:
        with self._db.transaction(write=True) as cur:
            row_id, person_id = refused.write(self._db, cur, attempt)
        return dataclasses.replace(attempt, id=row_id, person_id=person_id, status="recorded")

    def _queue_attempt(self, attempt: RejectedAttempt) -> RejectedAttempt:
        self._outbox.put_attempt(attempt)
        log.info("rejected attempt %s queued in the outbox (server unreachable)", attempt.event_id)
        return dataclasses.replace(attempt, status="queued")

    def rejected_attempts(self, start=None, end=None, desk: str | None = None,
                          limit: int = refused.DEFAULT_LIMIT,
                          thumbnails: bool = True) -> list[RejectedAttempt]:
        """Rejected attempts from ``start`` to ``end`` (dates, datetimes or ISO text as the history's range; a
        date ``end`` includes that day; None: unbounded), newest first, at most ``limit``, of one ``desk`` or
        all, with the person's number and name (None when no person). ``thumbnails``: each with its JPEG
        (else only ``has_thumbnail``; ``rejected_attempt_thumbnail(id)`` reads one)."""
        return refused.between(self._db, start, end, desk, limit, thumbnails)

    def rejected_attempt_thumbnail(self, attempt_id: int) -> bytes | None:
        return refused.thumbnail(self._db, attempt_id)

    def purge_rejected_thumbnails(self, before: datetime) -> int:
        """Forget the thumbnails of attempts before ``before`` (the attempts stay listed); returns how many."""
        return refused.purge_thumbnails(self._db, before)

    # -- history -------------------------------------------------------------------
    def count_of(self, person_id: int) -> int:
        """How many check-ins ``person_id`` has, over all time (what deleting them would remove)."""
        person_id = validation.row_id(person_id)
        with self._db.transaction() as cur:
            return int(cur.execute("SELECT COUNT(*) FROM attendance WHERE person_id = ?", (person_id,)).scalar())

    def search(self, query: HistoryQuery) -> HistoryPage:
        return history.search(self._db, query)

    def daily_summary(self, query: HistoryQuery) -> list[DailySummary]:
        return history.daily_summary(self._db, query)

    def export_csv(self, query: HistoryQuery, path, view: str = "rows", language: str = "en",
                   diagnostics: bool = False, labels: dict | None = None) -> int:
        return csv_export.export_csv(self._db, query, path, view, language, diagnostics, labels)
