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


def safe_cell(value: str | None) -> str:
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


def check_folder(path) -> Path:
    """``path`` as a Path whose folder exists (ValueError otherwise, before anything is written)."""
    path = Path(path)
    if not path.parent.is_dir():
        raise ValueError(f"cannot export to {path}: folder {path.parent} does not exist")
    return path


def write_atomically(path, write) -> int:
    """Call ``write(temporary_path)`` and move the result onto ``path`` only when it returned: a failed
    export leaves no half file (and an older file of that name as it was). Returns what ``write`` did."""
    path = check_folder(path)
    fd, tmp = tempfile.mkstemp(prefix=".export-", suffix=path.suffix, dir=path.parent)
    os.close(fd)
    try:
        result = write(tmp)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return result


def write_csv(path, header, rows) -> int:
    """``header`` and ``rows`` (already safe cells) as UTF-8 CSV with a BOM, atomically; returns the rows."""
    def write(tmp) -> int:
        count = 0
        with open(tmp, "w", encoding="utf-8-sig", newline="") as f:
            writer = csv.writer(f)
            writer.writerow(header)
            for row in rows:
                writer.writerow(row)
                count += 1
        return count
    return write_atomically(path, write)


def export_csv(db: Database, query: HistoryQuery, path) -> int:
    """Write every row matching ``query`` (all pages, the query's order) to ``path``; returns the
    number of rows. The file is replaced atomically, so a failed export leaves no half file."""
    history.validate(db, query)         # bad queries fail before a file is touched
    path = check_folder(path)

    def rows():
        with db.transaction() as cur:
            for row in history.iter_rows(db, query, cur):
                yield (safe_cell(row.person_number), safe_cell(row.name), safe_cell(row.department),
                       times.to_text(row.checked_in_at), safe_cell(row.desk),
                       "" if row.distance is None else f"{row.distance:.4f}", row.method,
                       safe_cell(row.operator), safe_cell(row.reason))
    return write_csv(path, HEADER, rows())
