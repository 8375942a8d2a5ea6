"""Plain data records returned by (and passed to) the repositories."""
from __future__ import annotations

import dataclasses
from datetime import date, datetime


@dataclasses.dataclass(frozen=True)
class Person:
    id: int
    person_number: str      # unique; also the person's key in the face gallery
    name: str
    gender: str | None
    phone: str | None
    department: str | None
    note: str | None
    active: bool
    created_at: datetime
    updated_at: datetime


@dataclasses.dataclass(frozen=True)
class CheckIn:
    """Outcome of :meth:`AttendanceRepository.check_in`.

    ``status``: "recorded" (written to the database), "cooldown" (refused by the cooldown /
    once-per-day rule; ``last_check_in`` is the check-in that blocked it) or "queued" (the server
    is unreachable; written to the local outbox and replayed later).
    """
    status: str
    person_id: int
    event_id: str
    checked_in_at: datetime
    desk: str
    distance: float | None
    attendance_id: int | None = None     # row id when recorded
    last_check_in: datetime | None = None  # the earlier check-in that caused "cooldown"
    method: str = "face"                 # "face", "confirmed", "number+face" or "manual"
    operator: str | None = None          # who confirmed or added it
    reason: str | None = None            # why (a manual check-in's reason)
    liveness: str | None = None          # "passive", "challenge", "off" or None (not stated; manual)


@dataclasses.dataclass(frozen=True)
class Event:
    """One check-in as it is written to the attendance table (or queued in the outbox), checked."""
    person_id: int
    when: datetime
    desk: str
    distance: float | None
    event_id: str
    method: str = "face"
    operator: str | None = None
    reason: str | None = None
    liveness: str | None = None

    def sql(self, db) -> str:
        """The idempotent insert of this event. Without liveness, the statement of before schema 6 (the
        column stays NULL), so an event without it is written the same way as ever."""
        return db.sql_insert_event if self.liveness is None else db.sql_insert_event_liveness

    def row(self, db) -> tuple:
        """The parameters of ``self.sql(db)``."""
        row = (self.event_id, self.person_id, db.dt(self.when), self.desk, self.distance, self.method,
               self.operator, self.reason)
        return row if self.liveness is None else (*row, self.liveness)


@dataclasses.dataclass
class HistoryQuery:
    """What the history tab asks for.

    ``text`` is a literal substring (leading/trailing blanks ignored) matched in ``field``:
    "any" (name, person number, phone, gender or department), "name", "person_number", "phone",
    "gender" or "department". Either a ``preset`` ("day", "week", "month": the current calendar
    day / Monday-based week / month; "all") or a ``start``/``end`` range (``date``, ``datetime`` or
    ISO string; a date ``end`` includes that whole day, a datetime ``end`` is inclusive), not both.
    ``now`` is the reference time of the presets (default: the current local time).
    ``sort``: "time", "name", "person_number", "department", "desk", "distance", "method", "operator" or
    "liveness".
    """
    text: str = ""
    field: str = "any"
    start: date | datetime | str | None = None
    end: date | datetime | str | None = None
    preset: str | None = None
    page: int = 0
    page_size: int = 50
    sort: str = "time"
    descending: bool = True
    now: datetime | None = None


@dataclasses.dataclass(frozen=True)
class AttendanceRow:
    id: int
    event_id: str
    person_id: int
    person_number: str
    name: str
    department: str | None
    checked_in_at: datetime
    desk: str
    distance: float | None
    method: str = "face"
    operator: str | None = None
    reason: str | None = None
    withdrawn_at: datetime | None = None      # a withdrawn correction: when, by whom, why
    withdrawn_by: str | None = None
    withdrawn_reason: str | None = None
    liveness: str | None = None               # "passive", "challenge", "off"; None: before schema 6, manual

    @property
    def withdrawn(self) -> bool:
        return self.withdrawn_at is not None


@dataclasses.dataclass(frozen=True)
class RejectedAttempt:
    """A check-in the desk refused because the face was not shown live (schema 6, rejected_attempts).

    ``status``: "recorded" (in the database; ``id`` is its row), "queued" (the server was unreachable: in the
    local outbox, written when it returns; ``id`` None). Nothing of it is ever a check-in.
    """
    event_id: str
    attempted_at: datetime
    desk: str
    method: str                     # the check-in refused: "face", "confirmed" or "number+face"
    reason: str                     # short code: "flat", "no_turn", "wrong_turn", "left", ...
    person_id: int | None = None    # claimed, or the nearest enrolled face; None when there was none
    distance: float | None = None   # embedding distance to that person, when known
    detail: str | None = None
    thumbnail: bytes | None = None  # small JPEG of the face (None: none given, purged, or not read)
    id: int | None = None
    person_number: str | None = None
    name: str | None = None
    has_thumbnail: bool = False
    status: str = "recorded"


@dataclasses.dataclass(frozen=True)
class HistoryPage:
    rows: list[AttendanceRow]
    total: int        # number of matching rows over all pages


@dataclasses.dataclass(frozen=True)
class DailySummary:
    day: date
    person_id: int
    person_number: str
    name: str
    first_in: datetime
    last_out: datetime | None   # None when the person checked in only once that day
    count: int


@dataclasses.dataclass(frozen=True)
class BackendStatus:
    kind: str          # "mysql" or "sqlite"
    online: bool
    pending: int       # check-ins waiting in the outbox
    message: str
