"""CSV export of attendance history that Excel opens with Chinese names intact (UTF-8 with BOM).

The file is the view History shows: the check-ins ("rows") or the daily summary ("summary"), headed in
the desk's language with words HR reads (工号, 姓名, ... never database column names). The match distance
is a technical figure: it is written only with the desk's diagnostics switch on.
"""
from __future__ import annotations

import csv
import os
import tempfile
import unicodedata
from pathlib import Path

from backend import history, times
from backend.db import Database
from backend.records import HistoryQuery

#: History's views, as exported
VIEWS = ("rows", "summary")
#: a check-in row (the "rows" view); "distance" goes after "desk", and only with diagnostics on
ROW_FIELDS = ("time", "person_number", "name", "department", "desk", "method", "operator", "reason")
SUMMARY_FIELDS = ("day", "person_number", "name", "first_in", "last_out", "count")
METHODS = ("face", "confirmed", "number+face", "manual")
LABELS = {
    "en": {"time": "Time", "person_number": "Number", "name": "Name", "department": "Department", "desk": "Desk",
           "distance": "Distance", "method": "Method", "operator": "Operator", "reason": "Reason", "day": "Day",
           "first_in": "First check-in", "last_out": "Last check-in", "count": "Check-ins",
           "withdrawn": "Manual (withdrawn)",
           "methods": {"face": "Face", "confirmed": "Confirmed", "number+face": "Number + face", "manual": "Manual"}},
    "zh_CN": {"time": "时间", "person_number": "工号", "name": "姓名", "department": "部门", "desk": "签到点",
              "distance": "距离", "method": "方式", "operator": "操作员", "reason": "原因", "day": "日期",
              "first_in": "首次签到", "last_out": "最后签到", "count": "签到次数",
              "withdrawn": "补卡（已撤销）",
              "methods": {"face": "刷脸", "confirmed": "人工确认", "number+face": "工号 + 刷脸", "manual": "补卡"}},
}


def history_labels(language: str) -> dict:
    if language not in LABELS:
        raise ValueError(f"unknown export language {language!r}; use one of {', '.join(LABELS)}")
    return LABELS[language]


def row_fields(diagnostics: bool = False) -> tuple[str, ...]:
    """The columns of the "rows" view: the distance (after the desk) only with diagnostics on."""
    if not diagnostics:
        return ROW_FIELDS
    at = ROW_FIELDS.index("desk") + 1
    return (*ROW_FIELDS[:at], "distance", *ROW_FIELDS[at:])


def _when(value) -> str:
    return "" if value is None else value.strftime("%Y-%m-%d %H:%M:%S")
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


def export_csv(db: Database, query: HistoryQuery, path, view: str = "rows", language: str = "en",
               diagnostics: bool = False, labels: dict | None = None) -> int:
    """Write every line of ``view`` matching ``query`` (all pages, the view's order) to ``path``; returns
    the number of lines. ``labels``: the headers and method names as the screen shows them (default: those
    of ``language``). The file is replaced atomically, so a failed export leaves no half file."""
    if view not in VIEWS:
        raise ValueError(f"unknown history view {view!r}; use one of {', '.join(VIEWS)}")
    text = {**history_labels(language), **(labels or {})}
    history.validate(db, query)         # bad queries fail before a file is touched
    path = check_folder(path)
    methods = text["methods"]
    fields = row_fields(diagnostics) if view == "rows" else SUMMARY_FIELDS

    def rows():
        with db.transaction() as cur:
            if view == "summary":
                for s in history.iter_summary(db, query, cur):
                    yield (s.day.isoformat(), safe_cell(s.person_number), safe_cell(s.name), _when(s.first_in),
                           _when(s.last_out), s.count)
                return
            for row in history.iter_rows(db, query, cur):
                cells = {"time": _when(row.checked_in_at), "person_number": safe_cell(row.person_number),
                         "name": safe_cell(row.name), "department": safe_cell(row.department),
                         "desk": safe_cell(row.desk),
                         "distance": "" if row.distance is None else f"{row.distance:.4f}",
                         "method": text["withdrawn"] if row.withdrawn else methods.get(row.method, row.method),
                         "operator": safe_cell(row.operator), "reason": safe_cell(row.reason)}
                yield tuple(cells[f] for f in fields)
    return write_csv(path, [text[f] for f in fields], rows())
