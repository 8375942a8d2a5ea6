"""Reports tab: a month or a date range, one department or all; per person totals or the day grid;
export to Excel (.xlsx) or CSV; corrections (补卡) of missed punches.

Every report and export is desk.report_actions', run on the database thread (BackendClient.call); the
table is a model over the computed report (gui.report_models), never one item per cell.
"""
from __future__ import annotations

import datetime as dt
import logging
import time
from functools import partial
from pathlib import Path

from PyQt5.QtCore import QDate, Qt, pyqtSignal
from PyQt5.QtWidgets import (QAbstractItemView, QButtonGroup, QComboBox, QDateEdit, QFileDialog, QHBoxLayout, QHeaderView,
                             QLabel, QPushButton, QRadioButton, QTableView, QVBoxLayout, QWidget)

from backend import report_export, times
from backend.reports import ReportQuery
from desk import report_actions
from gui import folders, i18n
from gui.correction_dialog import CorrectionDialog, WithdrawDialog
from gui.report_models import GridModel, TotalsModel

log = logging.getLogger(__name__)
ALL, NO_DEPARTMENT = "\x00all", ""      # department combo data: everyone / people without a department


class ReportsTab(QWidget):
    loaded = pyqtSignal(object)           # the Report shown
    exported = pyqtSignal(str)            # path written
    message = pyqtSignal(str)             # for the status bar
    withdrawalOpened = pyqtSignal(object)  # the WithdrawDialog shown

    def __init__(self, client, settings, parent=None):
        """``settings()``: the app's current AppConfig (cooldown, language, desk)."""
        super().__init__(parent)
        self.client, self.settings = client, settings
        self.report = None
        self.operator = ""                  # the last operator named in a correction (this session)
        self.clock = times.now_local        # what "now" is: days not over by then are not judged
        self._busy = False
        self._build()
        self.retranslate()

    # -- layout ------------------------------------------------------------------------
    def _build(self) -> None:
        today = QDate.currentDate()
        self.monthRadio, self.rangeRadio = QRadioButton(), QRadioButton()
        self.monthRadio.setChecked(True)
        self.monthEdit = QDateEdit(QDate(today.year(), today.month(), 1))
        self.monthEdit.setDisplayFormat("yyyy-MM")
        self.startEdit, self.endEdit = QDateEdit(today.addDays(1 - today.day())), QDateEdit(today)
        for edit in (self.startEdit, self.endEdit):
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setCalendarPopup(True)
        self.departmentCombo = QComboBox()
        self.departmentCombo.setMinimumContentsLength(12)
        self.showButton = QPushButton()
        self.totalsRadio, self.gridRadio = QRadioButton(), QRadioButton()
        self.totalsRadio.setChecked(True)
        self._groups = []                   # two separate choices among the tab's radio buttons
        for pair in ((self.monthRadio, self.rangeRadio), (self.totalsRadio, self.gridRadio)):
            group = QButtonGroup(self)
            for button in pair:
                group.addButton(button)
            self._groups.append(group)
        self.correctButton, self.xlsxButton, self.csvButton = QPushButton(), QPushButton(), QPushButton()
        self.withdrawButton = QPushButton()
        self.table = QTableView()
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        self.summaryLabel = QLabel()
        self.summaryLabel.setWordWrap(True)
        self.totals_model, self.grid_model = TotalsModel(self), GridModel(self)
        self.table.setModel(self.totals_model)
        self._sorted: tuple[int, bool] | None = None    # (column, descending) of the totals, once clicked
        self.table.horizontalHeader().sectionClicked.connect(self._header_clicked)

        self.monthLabel, self.fromLabel, self.toLabel, self.departmentLabel = QLabel(), QLabel(), QLabel(), QLabel()
        filters = QHBoxLayout()
        for widget in (self.monthRadio, self.monthEdit, self.rangeRadio, self.fromLabel, self.startEdit,
                       self.toLabel, self.endEdit, self.departmentLabel, self.departmentCombo, self.showButton):
            filters.addWidget(widget)
        filters.addStretch(1)
        actions = QHBoxLayout()
        for widget in (self.totalsRadio, self.gridRadio):
            actions.addWidget(widget)
        actions.addStretch(1)
        for widget in (self.correctButton, self.withdrawButton, self.xlsxButton, self.csvButton):
            actions.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addLayout(actions)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summaryLabel)

        self.showButton.clicked.connect(self.show_report)
        self.monthRadio.toggled.connect(self._mode_changed)
        self.totalsRadio.toggled.connect(lambda _on: self._view_changed())
        self.xlsxButton.clicked.connect(lambda: self._choose_export("xlsx"))
        self.csvButton.clicked.connect(lambda: self._choose_export("csv"))
        self.correctButton.clicked.connect(self.open_correction)
        self.withdrawButton.clicked.connect(self.open_withdrawal)
        self._mode_changed()

    def retranslate(self) -> None:
        self.monthRadio.setText(self.tr("Month"))
        self.rangeRadio.setText(self.tr("Dates"))
        self.fromLabel.setText(self.tr("from"))
        self.toLabel.setText(self.tr("to"))
        self.departmentLabel.setText(self.tr("Department"))
        self.showButton.setText(self.tr("Show"))
        self.totalsRadio.setText(self.tr("Totals per person"))
        self.gridRadio.setText(self.tr("Day grid"))
        self.correctButton.setText(self.tr("Add correction…"))
        self.correctButton.setToolTip(self.tr("Add a check-in a person missed (补卡), with the reason"))
        self.withdrawButton.setText(self.tr("Withdraw correction…"))
        self.withdrawButton.setToolTip(self.tr("Withdraw a correction of the day selected in the grid: it stops "
                                               "counting and stays in the history with who and why"))
        self.xlsxButton.setText(self.tr("Export Excel…"))
        self.csvButton.setText(self.tr("Export CSV…"))
        self._fill_departments(self._department_names())
        self._show_report()

    def texts(self) -> dict:
        """The words of the report in the desk's language: backend.report_export's table (one per language: the
        workbook, the CSV and this table say the same words), and the screen's own explanation of each kind of
        day (the grid's tooltips)."""
        return {**report_export.labels(i18n.shown()), "kinds": self.day_kinds()}

    def day_kinds(self) -> dict:
        """What each kind of day in the grid is (a tooltip: the screen's own words, not the report's)."""
        return {"work": self.tr("Work day"), "rest": self.tr("Rest day"), "holiday": self.tr("Holiday"),
                "none": self.tr("No schedule: never late or absent"),
                "out": self.tr("Not enrolled yet, or deactivated"),
                "future": self.tr("Not yet: days after today are not judged"),
                "leave": self.tr("On leave or on a business trip"),
                "pending": self.tr("In progress: judged once the shift has ended")}

    # -- departments -------------------------------------------------------------------
    def _department_names(self) -> list[str]:
        return [self.departmentCombo.itemData(i) for i in range(self.departmentCombo.count())
                if self.departmentCombo.itemData(i) not in (ALL, NO_DEPARTMENT)]

    def _fill_departments(self, names) -> None:
        combo = self.departmentCombo
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("All departments"), ALL)
        combo.addItem(self.tr("(no department)"), NO_DEPARTMENT)
        for name in names:
            combo.addItem(name, name)
        combo.setCurrentIndex(max(0, combo.findData(current if current is not None else ALL)))
        combo.blockSignals(False)

    def refresh_departments(self) -> None:
        self.client.call(report_actions.departments, self._fill_departments,
                         lambda e: self.message.emit(str(e)))

    # -- the report --------------------------------------------------------------------
    def _mode_changed(self) -> None:
        month = self.monthRadio.isChecked()
        self.monthEdit.setEnabled(month)
        for widget in (self.startEdit, self.endEdit):
            widget.setEnabled(not month)

    def query(self) -> ReportQuery:
        department = self.departmentCombo.currentData()
        department = None if department in (None, ALL) else department
        cooldown = float(self.settings().cooldown)
        if self.monthRadio.isChecked():
            month = self.monthEdit.date()
            return ReportQuery.month(month.year(), month.month(), department=department, cooldown_seconds=cooldown,
                                     now=self.clock())
        return ReportQuery(self.startEdit.date().toPyDate(), self.endEdit.date().toPyDate(), department=department,
                           cooldown_seconds=cooldown, now=self.clock())

    def show_report(self) -> None:
        """Compute the report of the fields on the database thread, then show it."""
        try:
            query = self.query()
        except ValueError as exc:
            self._failed(exc)
            return
        self._busy = True
        self.showButton.setEnabled(False)
        self.summaryLabel.setText(self.tr("Computing the report…"))
        started = time.monotonic()

        def done(report):
            self._busy = False
            self.showButton.setEnabled(True)
            self.report = report
            self._show_report(time.monotonic() - started)
            self.loaded.emit(report)

        def failed(error):
            self._busy = False
            self.showButton.setEnabled(True)
            self._failed(error)

        self.client.call(partial(report_actions.build, query=query), done, failed)

    def _failed(self, error) -> None:
        text = self.tr("Report failed: {error}").format(error=error)
        self.summaryLabel.setText(text)
        self.message.emit(text)

    def _header_clicked(self, column: int) -> None:
        """Sort the totals by a column (the grid keeps the report's order: department, number)."""
        if self.table.model() is not self.totals_model or self.report is None:
            return
        descending = self._sorted == (column, False)
        self._sorted = (column, descending)
        order = Qt.DescendingOrder if descending else Qt.AscendingOrder
        self.totals_model.sort(column, order)
        header = self.table.horizontalHeader()
        header.setSortIndicatorShown(True)
        header.setSortIndicator(column, order)

    def _view_changed(self) -> None:
        self.table.setModel(self.totals_model if self.totalsRadio.isChecked() else self.grid_model)
        self._show_report()

    def _show_report(self, seconds: float | None = None) -> None:
        texts = self.texts()
        if self.report is not None:         # the report's leave types, named in the desk's language
            texts = report_export.report_words(self.report, i18n.shown(), {"kinds": texts["kinds"]})
        headers = {k: v for k, v in texts.items() if isinstance(v, str)}
        for model in (self.totals_model, self.grid_model):
            model.set_report(self.report, headers, texts)
        header = self.table.horizontalHeader()
        if self.totalsRadio.isChecked():
            header.setSectionResizeMode(QHeaderView.ResizeToContents)
            self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        else:                            # fixed widths: contents would be measured over every row
            header.setSectionResizeMode(QHeaderView.Interactive)
            header.setDefaultSectionSize(self.fontMetrics().horizontalAdvance("00:00-00:00 ") + 12)
            self.table.verticalHeader().setDefaultSectionSize(2 * self.fontMetrics().height() + 8)
        if self.report is None:
            self.summaryLabel.setText(self.tr("Choose a month or dates and press Show."))
            return
        total, people = self.report.total(), len(self.report.people)
        text = self.tr("%n people", "", people) + " · " + self.tr(
            "work days {work_days}, late {late} ({late_minutes} min), left early {early}, absent {absent}, "
            "missing punches {missing}, overtime {overtime:.1f} h").format(
            work_days=total.work_days, late=total.late, late_minutes=total.late_minutes, early=total.early,
            absent=total.absent, missing=total.missing_punches, overtime=total.overtime_minutes / 60)
        if total.leave_days:
            text += " · " + self.tr("on leave or a trip %n day(s)", "", total.leave_days)
        if self.report.without_schedule:
            text += " · " + self.tr("%n without a schedule (never counted absent)", "", self.report.without_schedule)
        if seconds is not None:
            text += " · " + self.tr("computed in {seconds:.1f} s").format(seconds=seconds)
        self.summaryLabel.setText(text)

    # -- export ------------------------------------------------------------------------
    def _choose_export(self, kind: str) -> None:
        if self.report is None:
            self.message.emit(self.tr("Show a report first."))
            return
        query = self.report.query
        name = self.tr("attendance") + f"-{query.start:%Y%m%d}-{query.end:%Y%m%d}.{kind}"
        filters = self.tr("Excel workbooks (*.xlsx)") if kind == "xlsx" else self.tr("CSV files (*.csv)")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export report"),
                                              str(Path(folders.start_folder("exports")) / name), filters)
        if path:
            self.export_to(path)

    def export_to(self, path: str) -> None:
        """Write the report shown to ``path``: .xlsx (every sheet) or .csv (the view shown), on the database
        thread (the corrections of the report's days come from the database)."""
        view = "totals" if self.totalsRadio.isChecked() else "days"
        folders.remember("exports", path)

        def done(_count):
            self.message.emit(self.tr("Exported to {path}").format(path=path))
            self.exported.emit(path)

        # the workbook in the desk's language; the CSV headed as the table on screen is
        self.client.call(partial(report_actions.export, report=self.report, path=path, view=view,
                                 language=self.settings().language, csv_language=i18n.shown()),
                         done, lambda e: self.message.emit(self.tr("Export failed: {error}").format(error=e)))

    # -- corrections -------------------------------------------------------------------
    def selected(self):
        """(person number, day) of the selected cell (day None outside the grid's days)."""
        index = self.table.currentIndex()
        if self.report is None or not index.isValid():
            return None, None
        model = self.table.model()
        person = model.person(index.row())
        day = model.day_of(index.column()) if model is self.grid_model else None
        return person.person_number, day

    def open_correction(self) -> CorrectionDialog:
        number, day = self.selected()
        # the operator named in the last correction, else the desk's operator from Settings
        dialog = CorrectionDialog(self.client, self.settings().desk, self.operator or self.settings().operator, number,
                                  day or dt.date.today(), self)
        dialog.corrected.connect(self._corrected)
        dialog.show()
        return dialog

    def _corrected(self, result, operator: str) -> None:
        self.operator = operator
        self.message.emit(result)
        if self.report is not None and not self._busy:
            self.show_report()

    def open_withdrawal(self) -> None:
        """Withdraw a correction of the person and day selected in the grid: the dialog opens (withdrawalOpened)
        once the day's corrections are read on the database thread."""
        number, day = self.selected()
        if number is None or day is None:
            self.message.emit(self.tr("Select a corrected day of a person in the day grid first."))
            return
        person = self.table.model().person(self.table.currentIndex().row())

        def found(rows):
            if not rows:
                self.message.emit(self.tr("{name} has no correction on {day} to withdraw.").format(
                    name=person.name, day=day.isoformat()))
                return
            dialog = WithdrawDialog(self.client, self.operator or self.settings().operator, rows, self)
            dialog.withdrawn.connect(self._corrected)
            dialog.show()
            self.withdrawalOpened.emit(dialog)

        self.client.call(partial(report_actions.corrections_of_day, person=person, day=day), found,
                         lambda e: self.message.emit(str(e)))
