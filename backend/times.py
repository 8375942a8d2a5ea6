"""Time conventions: every stored time is the desk's LOCAL naive time, truncated to milliseconds."""
from __future__ import annotations

from datetime import date, datetime, timedelta

MIN_YEAR, MAX_YEAR = 1000, 9998   # MySQL DATETIME range, with a margin for window arithmetic
DB_FORMAT = "%Y-%m-%d %H:%M:%S.%f"


def truncate_ms(dt: datetime) -> datetime:
    return dt.replace(microsecond=dt.microsecond // 1000 * 1000)


def now_local() -> datetime:
    return truncate_ms(datetime.now())


def local_naive(dt: datetime) -> datetime:
    """An aware datetime converted to local time without tzinfo; a naive one is taken as local."""
    if dt.tzinfo is not None:
        dt = dt.astimezone().replace(tzinfo=None)
    return dt


def check_datetime(value, what: str) -> datetime:
    """Validate a check-in time: a ``datetime`` (naive = local), returned local naive, ms precision."""
    if not isinstance(value, datetime):
        raise ValueError(f"{what} must be a datetime, got {type(value).__name__} {value!r}")
    value = truncate_ms(local_naive(value))
    if not MIN_YEAR <= value.year <= MAX_YEAR:
        raise ValueError(f"{what} {value} is out of range (years {MIN_YEAR}..{MAX_YEAR})")
    return value


def to_text(dt: datetime) -> str:
    """'YYYY-MM-DD HH:MM:SS.fff' (the SQLite storage format; sorts chronologically)."""
    return dt.strftime(DB_FORMAT)[:-3]


def from_text(value) -> datetime:
    if isinstance(value, datetime):
        return value
    return datetime.fromisoformat(value)


def day_start(d: date) -> datetime:
    return datetime(d.year, d.month, d.day)


def day_range(dt: datetime) -> tuple[datetime, datetime]:
    start = day_start(dt.date())
    return start, start + timedelta(days=1)
