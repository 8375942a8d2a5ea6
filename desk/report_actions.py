"""What the Reports tab and its correction dialogs do, as plain functions of a Backend (no Qt): the departments
to choose from, a report, its export, a correction (补卡) for a person named by number, the corrections of a
person's day that can be withdrawn, a withdrawal."""
from __future__ import annotations

import dataclasses
from datetime import date, datetime

from backend import report_export
from backend.day_attendance import day_window
from backend.reports import ReportQuery
from desk.people_actions import person_by_number


@dataclasses.dataclass(frozen=True)
class CorrectionAdded:
    """The person corrected and the check-in the backend made of it (its ``status``: "ok", "queued" while the
    database is unreachable, "cooldown" when a check-in already covers that time and nothing was added)."""
    person: object
    check_in: object


def departments(backend) -> list[str]:
    return [row.department for row in backend.schedules.departments()]


def build(backend, query: ReportQuery):
    return backend.reports.build(query)


def export(backend, report, path: str, view: str, language: str, csv_language: str | None = None) -> int:
    """Write ``report`` to ``path``: .csv the ``view`` shown ("totals" or "days") headed in ``csv_language`` (the
    screen's; default ``language``), else the .xlsx workbook (every sheet, in ``language``, with the
    corrections of the report's days). Returns what export_csv / export_xlsx count."""
    if str(path).lower().endswith(".csv"):
        return report_export.export_csv(report, path, view, csv_language or language)
    corrections = backend.corrections.between(report.query.start, report.query.end)
    return report_export.export_xlsx(report, path, language, corrections)


def add_correction(backend, number: str, when: datetime, *, reason: str, operator: str,
                   desk: str = "") -> CorrectionAdded:
    """Add a manual check-in the person with ``number`` missed (UnknownPersonNumber if none); whether it may be
    added is backend.corrections' decision."""
    person = person_by_number(backend, number)
    return CorrectionAdded(person, backend.corrections.add(person.id, when, reason=reason, operator=operator,
                                                           desk=desk))


def corrections_of_day(backend, person, day: date) -> list:
    """The corrections of ``person`` (a report's PersonReport) on ``day`` still counting: the check-ins of that
    day's window (a night shift's run past midnight)."""
    lo, hi = day_window(day, person.schedule)
    rows = backend.corrections.between(lo.date(), hi.date(), person.person_id)
    return [r for r in rows if not r.withdrawn and lo <= r.checked_in_at < hi]


def withdraw_correction(backend, attendance_id: int, *, reason: str, operator: str):
    """Withdraw a correction: kept, with who withdrew it and why, no longer counted. Returns its row."""
    return backend.corrections.withdraw(attendance_id, reason=reason, operator=operator)
