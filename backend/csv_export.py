"""CSV export of attendance history that Excel opens with Chinese names intact (UTF-8 with BOM)."""
from __future__ import annotations

import csv
import os
import tempfile
import unicodedata
from pathlib import Path

from backend import history, times
from backend.db import Database
from backend.records import HistoryQuery

HEADER = ("person_number", "name", "department", "checked_in_at", "desk", "distance", "method", "operator",
          "reason")
#: a cell whose first visible character is one of these is run as a formula (the full-width forms
#: too, which some spreadsheets and IMEs turn into the ASCII ones)
_FORMULA_START = frozenset("=+-@＝＋－＠")


def _text(value: str | None) -> str:
    """A text cell that a spreadsheet shows instead of running: a ' goes in front of a cell that
    starts with a control character (tab, CR, ... per OWASP) or whose first character after
    leading whitespace and invisible characters is = + - @ (LibreOffice trims leading spaces on
    import, and so do some Excel locales). Only text from people goes through here; our own
    numbers (the distance, always >= 0) and times are written as they are."""
    if not value:
        return ""
    if unicodedata.category(value[0]) == "Cc":
        return "'" + value
    for char in value:
        if char.isspace() or unicodedata.category(char) in ("Cc", "Cf"):
            continue
        return "'" + value if char in _FORMULA_START else value
    return value


def export_csv(db: Database, query: HistoryQuery, path) -> int:
    """Write every row matching ``query`` (all pages, the query's order) to ``path``; returns the
    number of rows. The file is replaced atomically, so a failed export leaves no half file."""
    path = Path(path)
    history.validate(db, query)         # bad queries fail before a file is touched
    if not path.parent.is_dir():
        raise ValueError(f"cannot export to {path}: folder {path.parent} does not exist")
    fd, tmp = tempfile.mkstemp(prefix=".export-", suffix=".csv", dir=path.parent)
    count = 0
    try:
        with os.fdopen(fd, "w", encoding="utf-8-sig", newline="") as f:
            writer = csv.writer(f)
            writer.writerow(HEADER)
            with db.transaction() as cur:
                for row in history.iter_rows(db, query, cur):
                    writer.writerow((_text(row.person_number), _text(row.name), _text(row.department),
                                     times.to_text(row.checked_in_at), _text(row.desk),
                                     "" if row.distance is None else f"{row.distance:.4f}", row.method,
                                     _text(row.operator), _text(row.reason)))
                    count += 1
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return count
