"""Leave tab (请假/出差): enter a person's leave or business trip, list a month's, withdraw one, import a CSV.

What is valid is the backend's decision (backend.leave): a refused entry shows the backend's one-line reason
and the form keeps what was typed. The work is desk.leave_actions', run on the database thread
(BackendClient.call); the tab shows its results and asks.
"""
from __future__ import annotations

from functools import partial

from PyQt5.QtCore import QDate, QDateTime, QTime, pyqtSignal
from PyQt5.QtGui import QStandardItem, QStandardItemModel
from PyQt5.QtWidgets import (QAbstractItemView, QComboBox, QDateEdit, QDateTimeEdit, QFileDialog, QGridLayout,
                             QGroupBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton, QTableView,
                             QVBoxLayout, QWidget)

from backend.validation import MAX_LENGTH
from desk import leave_actions
from desk.people_actions import UnknownPersonNumber
from gui import folders

#: the entry's modes: whole days (dates), a half day (the shift's first or second half), hours (times)
WHOLE, AM, PM, HOURS = "whole", "am", "pm", "hours"


class LeaveTab(QWidget):
    changed = pyqtSignal()                 # leave added, withdrawn or imported
    loaded = pyqtSignal(int)               # records listed
    message = pyqtSignal(str)              # for the status bar

    def __init__(self, client, settings, parent=None):
        """``settings()``: the app's current AppConfig (language, operator)."""
        super().__init__(parent)
        self.client, self.settings = client, settings
        self.types: list = []
        self.records: list = []
        self._build()
        self.retranslate()

    # -- layout ------------------------------------------------------------------------
    def _build(self) -> None:
        today = QDate.currentDate()
        self.numberEdit = QLineEdit()
        self.numberEdit.setMaxLength(MAX_LENGTH["person_number"])
        self.typeCombo = QComboBox()
        self.modeCombo = QComboBox()
        self.startEdit, self.endEdit = QDateTimeEdit(QDateTime(today, QTime(9, 0))), \
            QDateTimeEdit(QDateTime(today, QTime(18, 0)))
        for edit in (self.startEdit, self.endEdit):
            edit.setCalendarPopup(True)
        self.reasonEdit, self.operatorEdit = QLineEdit(), QLineEdit(self.settings().operator)
        self.reasonEdit.setMaxLength(MAX_LENGTH["reason"])
        self.operatorEdit.setMaxLength(MAX_LENGTH["operator"])
        self.addButton = QPushButton()
        self.entryLabel = QLabel()
        self.entryLabel.setWordWrap(True)
        self.numberLabel, self.typeLabel, self.modeLabel, self.startLabel, self.endLabel, self.reasonLabel, \
            self.operatorLabel = (QLabel() for _ in range(7))
        self.entryBox = QGroupBox()
        form = QGridLayout(self.entryBox)
        for column, (label, widget) in enumerate(((self.numberLabel, self.numberEdit), (self.typeLabel, self.typeCombo),
                                                  (self.modeLabel, self.modeCombo))):
            form.addWidget(label, 0, 2 * column)
            form.addWidget(widget, 0, 2 * column + 1)
        for column, (label, widget) in enumerate(((self.startLabel, self.startEdit), (self.endLabel, self.endEdit),
                                                  (self.reasonLabel, self.reasonEdit))):
            form.addWidget(label, 1, 2 * column)
            form.addWidget(widget, 1, 2 * column + 1)
        form.addWidget(self.operatorLabel, 2, 0)
        form.addWidget(self.operatorEdit, 2, 1)
        form.addWidget(self.addButton, 2, 5)
        form.addWidget(self.entryLabel, 3, 0, 1, 6)

        self.monthEdit = QDateEdit(QDate(today.year(), today.month(), 1))
        self.monthEdit.setDisplayFormat("yyyy-MM")
        self.showButton, self.withdrawButton, self.importButton = QPushButton(), QPushButton(), QPushButton()
        self.withdrawReasonEdit = QLineEdit()
        self.withdrawReasonEdit.setMaxLength(MAX_LENGTH["reason"])
        self.monthLabel = QLabel()
        self.model = QStandardItemModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.listLabel = QLabel()
        self.listLabel.setWordWrap(True)
        bar = QHBoxLayout()
        for widget in (self.monthLabel, self.monthEdit, self.showButton):
            bar.addWidget(widget)
        bar.addStretch(1)
        for widget in (self.withdrawReasonEdit, self.withdrawButton, self.importButton):
            bar.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addWidget(self.entryBox)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.listLabel)

        self.modeCombo.currentIndexChanged.connect(lambda _i: self._mode_changed())
        self.addButton.clicked.connect(self.add)
        self.showButton.clicked.connect(self.refresh)
        self.withdrawButton.clicked.connect(self.withdraw_selected)
        self.importButton.clicked.connect(self._choose_import)

    def retranslate(self) -> None:
        self.entryBox.setTitle(self.tr("Enter leave or a business trip"))
        self.numberLabel.setText(self.tr("Person number"))
        self.typeLabel.setText(self.tr("Type"))
        self.modeLabel.setText(self.tr("Covers"))
        self.startLabel.setText(self.tr("From"))
        self.endLabel.setText(self.tr("To"))
        self.reasonLabel.setText(self.tr("Reason"))
        self.operatorLabel.setText(self.tr("Operator"))
        self.operatorEdit.setPlaceholderText(self.tr("Required: who enters it"))
        self.addButton.setText(self.tr("Add leave"))
        self.monthLabel.setText(self.tr("Month"))
        self.showButton.setText(self.tr("Show"))
        self.withdrawReasonEdit.setPlaceholderText(self.tr("Why withdraw (required)"))
        self.withdrawButton.setText(self.tr("Withdraw selected"))
        self.importButton.setText(self.tr("Import CSV…"))
        self.importButton.setToolTip(self.tr("Rows person_number,type,start,end,half,reason; a file with a bad "
                                             "line is refused whole"))
        mode = self.modeCombo.currentData() or WHOLE
        self.modeCombo.blockSignals(True)
        self.modeCombo.clear()
        for key, text in ((WHOLE, self.tr("Whole days")), (AM, self.tr("Morning (half day)")),
                          (PM, self.tr("Afternoon (half day)")), (HOURS, self.tr("Hours"))):
            self.modeCombo.addItem(text, key)
        self.modeCombo.setCurrentIndex(max(0, self.modeCombo.findData(mode)))
        self.modeCombo.blockSignals(False)
        self._mode_changed()
        self._fill_types(self.types)
        self._show_records()

    def _mode_changed(self) -> None:
        mode = self.modeCombo.currentData() or WHOLE
        fmt = "yyyy-MM-dd HH:mm" if mode == HOURS else "yyyy-MM-dd"
        for edit in (self.startEdit, self.endEdit):
            edit.setDisplayFormat(fmt)
        self.endEdit.setEnabled(mode in (WHOLE, HOURS))        # a half day is one date

    def _language(self) -> str:
        return self.settings().language

    def _fill_types(self, types) -> None:
        self.types = list(types)
        current = self.typeCombo.currentData()
        self.typeCombo.clear()
        for kind in self.types:
            self.typeCombo.addItem(kind.name(self._language()), kind.code)
        self.typeCombo.setCurrentIndex(max(0, self.typeCombo.findData(current)))

    # -- data --------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the types and the month's leave on the database thread, then show them."""
        month = self.monthEdit.date()

        def done(loaded: leave_actions.LeaveMonth):
            self._fill_types(loaded.types)
            self.records = loaded.records
            self._show_records()
            self.loaded.emit(len(loaded.records))

        self.client.call(partial(leave_actions.month_of, year=month.year(), month=month.month()), done,
                         lambda e: self._say(self.listLabel, self.tr("Reading leave failed: {error}").format(error=e)))

    def _say(self, label: QLabel, text: str) -> None:
        label.setText(text)
        self.message.emit(text)

    def _show_records(self) -> None:
        headers = [self.tr("Number"), self.tr("Name"), self.tr("Type"), self.tr("From"), self.tr("To"),
                   self.tr("Reason"), self.tr("Operator"), self.tr("Status")]
        self.model.clear()
        self.model.setHorizontalHeaderLabels(headers)
        names = {t.id: t.name(self._language()) for t in self.types}
        for record in self.records:
            if record.whole_days:
                start, end = record.starts_at.date().isoformat(), record.last_day.isoformat()
            else:
                start, end = f"{record.starts_at:%Y-%m-%d %H:%M}", f"{record.ends_at:%Y-%m-%d %H:%M}"
            status = self.tr("withdrawn on {time} by {operator}: {reason}").format(
                time=f"{record.withdrawn_at:%Y-%m-%d %H:%M}", operator=record.withdrawn_by,
                reason=record.withdrawn_reason) if record.withdrawn else self.tr("counts")
            self.model.appendRow([QStandardItem(text) for text in (
                record.person_number, record.name, names.get(record.type_id, ""), start, end, record.reason,
                record.operator, status)])
        self.listLabel.setText(self.tr("%n leave record(s) this month", "", len(self.records)))

    def entry(self):
        """(type code, start, end, half) from the form: dates for whole and half days, datetimes for hours."""
        mode = self.modeCombo.currentData() or WHOLE
        start, end = self.startEdit.dateTime().toPyDateTime(), self.endEdit.dateTime().toPyDateTime()
        if mode == HOURS:
            return self.typeCombo.currentData(), start.replace(second=0, microsecond=0), \
                end.replace(second=0, microsecond=0), None
        if mode in (AM, PM):
            return self.typeCombo.currentData(), start.date(), start.date(), mode
        return self.typeCombo.currentData(), start.date(), end.date(), None

    def add(self) -> None:
        number = self.numberEdit.text().strip()
        if not number:
            self._say(self.entryLabel, self.tr("Type the person number."))
            return
        code, start, end, half = self.entry()
        reason, operator = self.reasonEdit.text(), self.operatorEdit.text()
        self.addButton.setEnabled(False)

        def done(leave):
            self.addButton.setEnabled(True)
            self._say(self.entryLabel, self.tr("Leave added for {name}: {span}.").format(name=leave.name,
                                                                                        span=leave.span_text()))
            self.changed.emit()
            self.refresh()

        def failed(error):
            self.addButton.setEnabled(True)
            if isinstance(error, UnknownPersonNumber):
                error = self.tr("no person with number {number}").format(number=error.number)
            self._say(self.entryLabel, self.tr("Not added: {error}").format(error=error))

        self.client.call(partial(leave_actions.add, number=number, type_code=code, start=start, end=end,
                                 operator=operator, reason=reason, half=half), done, failed)

    def withdraw_selected(self) -> None:
        row = self.table.currentIndex().row()
        if not 0 <= row < len(self.records):
            self._say(self.listLabel, self.tr("Select the leave to withdraw in the list first."))
            return
        leave_id = self.records[row].id
        reason, operator = self.withdrawReasonEdit.text(), self.operatorEdit.text()

        def done(leave):
            self._say(self.listLabel, self.tr("Leave of {name} ({span}) withdrawn.").format(name=leave.name,
                                                                                           span=leave.span_text()))
            self.withdrawReasonEdit.clear()
            self.changed.emit()
            self.refresh()

        self.client.call(partial(leave_actions.withdraw, leave_id=leave_id, reason=reason, operator=operator), done,
                         lambda e: self._say(self.listLabel, self.tr("Not withdrawn: {error}").format(error=e)))

    def _choose_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import leave"), folders.start_folder("imports"),
                                              self.tr("CSV files (*.csv)"))
        if path:
            self.import_from(path)

    def import_from(self, path: str) -> None:
        """Enter every line of a leave CSV file, all or nothing (the backend names the first bad line)."""
        folders.remember("imports", path)
        operator = self.operatorEdit.text()

        def done(added):
            self._say(self.listLabel, self.tr("%n leave record(s) imported.", "", len(added)))
            self.changed.emit()
            self.refresh()

        self.client.call(partial(leave_actions.import_file, path=path, operator=operator), done,
                         lambda e: self._say(self.listLabel, self.tr("Nothing imported: {error}").format(error=e)))
