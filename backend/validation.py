"""Input checks shared by both backends, so MySQL and SQLite refuse the same input the same way.

Lengths are in characters (code points) and match the column sizes in sql/mysql/001_initial.sql.
"""
from __future__ import annotations

import math
import re

#: field -> maximum length in characters
MAX_LENGTH = {
    "person_number": 64,
    "name": 128,
    "gender": 16,
    "phone": 32,
    "department": 128,
    "note": 10_000,
    "desk": 128,
    "operator": 128,
    "reason": 255,
    "shift_name": 64,
    "holiday_name": 64,
    "detail": 512,          # a rejected attempt's detail (sql/*/006_liveness_and_rejected_attempts.sql)
}
#: how a check-in was made (attendance.method; sql/*/003_check_in_methods_and_learning.sql)
CHECK_IN_METHODS = ("face", "confirmed", "number+face", "manual")
#: how the desk proved the face live (attendance.liveness; sql/*/006_liveness_and_rejected_attempts.sql)
LIVENESS = ("passive", "challenge", "off")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_CONTROL_EXCEPT_NEWLINE_TAB = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def text(field: str, value, *, required: bool = False, strip: bool = False) -> str | None:
    """Check one text field; returns the value to store (None for an empty optional field)."""
    if value is None:
        if required:
            raise ValueError(f"{field} is required")
        return None
    if not isinstance(value, str):
        raise ValueError(f"{field} must be text, got {type(value).__name__} {value!r}")
    if strip:
        value = value.strip()
    if value == "":
        if required:
            raise ValueError(f"{field} must not be empty")
        return None
    limit = MAX_LENGTH[field]
    if len(value) > limit:
        raise ValueError(f"{field} is too long: {len(value)} characters, at most {limit} allowed")
    control = (_CONTROL_EXCEPT_NEWLINE_TAB if field == "note" else _CONTROL).search(value)
    if control:
        raise ValueError(f"{field} contains a control character "
                         f"(U+{ord(control.group()):04X}) at position {control.start()}")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ValueError(f"{field} is not valid Unicode text ({exc.reason} at position {exc.start})") \
            from None
    return value


def method(value) -> str:
    if value not in CHECK_IN_METHODS:
        raise ValueError(f"check-in method must be one of {', '.join(CHECK_IN_METHODS)}, got {value!r}")
    return value


def liveness(value, check_in_method: str) -> str | None:
    """A check-in's liveness evidence: None (not stated) or one of LIVENESS; a manual correction has no face,
    so it has no liveness either."""
    if value is None:
        return None
    if value not in LIVENESS:
        raise ValueError(f"liveness must be one of {', '.join(LIVENESS)} or None, got {value!r}")
    if check_in_method == "manual":
        raise ValueError("a manual check-in has no face, so no liveness: give liveness=None")
    return value


def row_id(value, what: str = "person id") -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"{what} must be an integer, got {type(value).__name__} {value!r}")
    if value <= 0:
        raise ValueError(f"{what} must be positive, got {value}")
    return value


def distance(value) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool):
        raise ValueError(f"distance must be a number, got {value!r}")
    try:
        value = float(value)
    except (TypeError, ValueError):
        raise ValueError(f"distance must be a number, got {type(value).__name__} {value!r}") from None
    if not math.isfinite(value) or value < 0:
        raise ValueError(f"distance must be a finite number >= 0, got {value}")
    return value


def event_id(value) -> str:
    if not isinstance(value, str) or not 1 <= len(value) <= 36 or not value.isascii() \
            or not value.isprintable():
        raise ValueError(f"event id must be 1..36 printable ASCII characters, got {value!r}")
    return value


def seconds(value, what: str) -> float:
    if isinstance(value, bool):
        raise ValueError(f"{what} must be a number of seconds, got {value!r}")
    try:
        value = float(value)
    except (TypeError, ValueError):
        raise ValueError(f"{what} must be a number of seconds, got {value!r}") from None
    if not math.isfinite(value) or value < 0 or value > 366 * 86400:
        raise ValueError(f"{what} must be between 0 and one year in seconds, got {value}")
    return value
