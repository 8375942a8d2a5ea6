"""Literal substring matching with LIKE on both backends ('!' is the escape character)."""
from __future__ import annotations

LIKE_ESCAPE = "ESCAPE '!'"


def contains_pattern(text, longest: int):
    """LIKE pattern matching ``text`` literally anywhere; "" for no filter (blank text);
    False when ``text`` is longer than ``longest`` characters (it cannot match any column)."""
    if text is None:
        return ""
    if not isinstance(text, str):
        raise ValueError(f"search text must be a string, got {type(text).__name__} {text!r}")
    text = text.strip()
    if not text:
        return ""
    if len(text) > longest or any(ord(c) < 32 or c == "\x7f" for c in text):
        return False        # stored values never hold control characters
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False        # nor lone surrogates
    escaped = text.replace("!", "!!").replace("%", "!%").replace("_", "!_")
    return f"%{escaped}%"
