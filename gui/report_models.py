"""Table models over a computed attendance report (backend.reports.Report): nothing is copied into items.

10,000 people x 31 days would be 310,000 QTableWidgetItems; these models answer only for the cells on
screen, from the report's packed rows. The words of the grid (late, early, absent ...) come from the
tab (``texts``), translated; what is late or absent was decided by the backend.
"""
from __future__ import annotations

from PyQt5.QtCore import QAbstractTableModel, QModelIndex, Qt
from PyQt5.QtGui import QBrush, QColor

from backend import report_export
from backend.day_attendance import LEAVE, OUT

TOTAL_COLUMNS = ("number", "name", "department", "shift", *report_export.TOTAL_FIELDS, "status")


def total_columns(report) -> tuple:
    """The totals' columns: TOTAL_COLUMNS with a column per leave type of ``report`` ("leave:<index>")
    before the status, as the workbook has them."""
    types = len(report.leave_types) if report is not None else 0
    return (*TOTAL_COLUMNS[:-1], *(f"leave:{i}" for i in range(types)), TOTAL_COLUMNS[-1])
GRID_FIXED = ("number", "name", "department")
SHADE = QColor("#E6E6E6")
ABSENT = QColor("#C00000")
PROBLEM = QColor("#C65911")
GREY = QColor("#888888")
LEAVE_COLOUR = QColor("#2F5597")


class _ReportModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.report = None
        self.headers: dict[str, str] = {}
        self.texts: dict = {}
        self.columns: tuple = TOTAL_COLUMNS

    def set_report(self, report, headers: dict, texts: dict) -> None:
        self.beginResetModel()
        self.report, self.headers, self.texts = report, headers, texts
        self.columns = total_columns(report)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if self.report is None or parent.isValid() else len(self.report.people)

    def person(self, row: int):
        return self.report.people[row]


class TotalsModel(_ReportModel):
    """One row a person: the report's totals."""

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if role == Qt.DisplayRole and orientation == Qt.Horizontal and 0 <= section < len(self.columns):
            key = self.columns[section]
            if key.startswith("leave:"):
                return self.texts["leave_headers"][int(key[6:])]
            return self.headers.get(key, key)
        return super().headerData(section, orientation, role)

    def value(self, row: int, column: int):
        person = self.person(row)
        key = self.columns[column]
        if key.startswith("leave:"):
            return person.totals.leave.get(int(key[6:]), 0) / 100
        if key == "number":
            return person.person_number
        if key == "name":
            return person.name
        if key == "department":
            return person.department
        if key == "shift":
            return report_export.shift_text(person, self.texts)
        if key == "status":
            return self.texts["active"] if person.active else self.texts["inactive"]
        if key == "overtime_hours":
            return report_export.hours(person.totals.overtime_minutes)
        return getattr(person.totals, key)

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid() or self.report is None:
            return None
        if role == Qt.DisplayRole:
            value = self.value(index.row(), index.column())
            if isinstance(value, float):
                return f"{value:g}" if self.columns[index.column()].startswith("leave:") else f"{value:.2f}"
            return str(value)
        if role == Qt.TextAlignmentRole and index.column() >= 4 and self.columns[index.column()] != "status":
            return int(Qt.AlignRight | Qt.AlignVCenter)
        if role == Qt.ForegroundRole:
            key = self.columns[index.column()]
            totals = self.person(index.row()).totals
            if key in ("absent",) and totals.absent:
                return QBrush(ABSENT)
            if key in ("late", "late_minutes", "early", "early_minutes", "missing_punches") and getattr(totals, key):
                return QBrush(PROBLEM)
            if key == "shift" and self.person(index.row()).schedule.shift is None:
                return QBrush(GREY)
        return None

    def sort(self, column: int, order=Qt.AscendingOrder) -> None:
        if self.report is None:
            return
        self.layoutAboutToBeChanged.emit()
        rows = sorted(range(len(self.report.people)), key=lambda r: (self.value(r, column), r),
                      reverse=order == Qt.DescendingOrder)
        self.report.people[:] = [self.report.people[r] for r in rows]
        self.layoutChanged.emit()


class GridModel(_ReportModel):
    """One row a person, one column a day: arrival-departure and what was wrong."""

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if self.report is None or parent.isValid() else len(GRID_FIXED) + len(self.report.days)

    def day_of(self, column: int):
        return None if column < len(GRID_FIXED) else self.report.days[column - len(GRID_FIXED)]

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if orientation != Qt.Horizontal or self.report is None or not 0 <= section < self.columnCount():
            return super().headerData(section, orientation, role)
        day = self.day_of(section)
        if role == Qt.DisplayRole:
            if day is None:
                return self.headers.get(GRID_FIXED[section], GRID_FIXED[section])
            entry = self.report.calendar.get(day)
            below = entry.name if entry is not None and entry.name else self.texts["weekdays"][day.weekday()]
            return f"{day:%m-%d}\n{below}"
        if role == Qt.BackgroundRole and day is not None and report_export.shaded(day, self.report.calendar):
            return QBrush(SHADE)
        return None

    def day_result(self, index):
        return self.person(index.row()).days[index.column() - len(GRID_FIXED)]

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid() or self.report is None:
            return None
        column = index.column()
        if column < len(GRID_FIXED):
            if role == Qt.DisplayRole:
                person = self.person(index.row())
                return (person.person_number, person.name, person.department)[column]
            if role == Qt.ToolTipRole:
                return report_export.shift_text(self.person(index.row()), self.texts)
            return None
        result = self.day_result(index)
        if role == Qt.DisplayRole:
            return report_export.day_cell(result, self.texts, self.report.calendar)
        if role == Qt.TextAlignmentRole:
            return int(Qt.AlignCenter)
        if role == Qt.BackgroundRole and report_export.shaded(result.day, self.report.calendar):
            return QBrush(SHADE)
        if role == Qt.ForegroundRole:
            if result.kind == OUT:
                return QBrush(GREY)
            if result.kind == LEAVE:
                return QBrush(LEAVE_COLOUR)
            if result.absent:
                return QBrush(ABSENT)
            if result.late or result.early or result.missing_punch:
                return QBrush(PROBLEM)
        if role == Qt.ToolTipRole:        # the whole cell, which a narrow column may cut
            marks = " ".join(report_export.day_marks(result, self.texts, self.report.calendar))
            return "\n".join(t for t in (self.texts["kinds"][result.kind], report_export.day_times(result), marks) if t)
        return None
