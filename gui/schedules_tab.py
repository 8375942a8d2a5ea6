"""Schedules tab (排班): shifts, the schedule of each department, people's own schedules, and the calendar
of holidays and make-up work days (import from / export to CSV).

What is valid is the backend's decision (backend.work_rules, backend.schedules): a refused change shows
the backend's one-line reason and the form keeps what was typed. The work is desk.schedule_actions', run on
the database thread; the tab shows its results and asks.
"""
from __future__ import annotations

import datetime as dt
import logging
from functools import partial
from pathlib import Path

from PyQt5.QtCore import QDate, QTime, pyqtSignal
from PyQt5.QtGui import QStandardItem, QStandardItemModel
from PyQt5.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QDateEdit, QFileDialog, QGridLayout,
                             QGroupBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QMessageBox, QPushButton,
                             QSpinBox, QTableView, QTimeEdit, QVBoxLayout, QWidget)

from backend.schedules import BEGINNING
from backend.validation import MAX_LENGTH
from backend.work_rules import DEFAULT_WORK_DAYS, HOLIDAY, MAX_GRACE_MINUTES, WORKDAY, format_minute
from desk import schedule_actions
from gui import folders

log = logging.getLogger(__name__)
NO_SHIFT = -1                      # the person-schedule combo's "no schedule at all"


class WeekdayBoxes(QWidget):
    """Seven check boxes, Monday first: a weekly pattern of work days ("1111100")."""

    def __init__(self, parent=None):
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.boxes = [QCheckBox() for _ in range(7)]
        for box in self.boxes:
            layout.addWidget(box)
        self.set_pattern(DEFAULT_WORK_DAYS)

    def set_names(self, names) -> None:
        for box, name in zip(self.boxes, names):
            box.setText(name)

    def pattern(self) -> str:
        return "".join("1" if box.isChecked() else "0" for box in self.boxes)

    def set_pattern(self, pattern: str) -> None:
        for box, flag in zip(self.boxes, pattern):
            box.setChecked(flag == "1")


def _table(model: QStandardItemModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectRows)
    view.setSelectionMode(QAbstractItemView.SingleSelection)
    view.setEditTriggers(QAbstractItemView.NoEditTriggers)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    return view


def _row(*values) -> list[QStandardItem]:
    return [QStandardItem("" if v is None else str(v)) for v in values]


class SchedulesTab(QWidget):
    changed = pyqtSignal()                # work rules were saved (reports computed before are out of date)
    message = pyqtSignal(str)
    versionAsked = pyqtSignal(object)     # the question shown when a shift earlier days used is changed

    def __init__(self, client, parent=None):
        super().__init__(parent)
        self.client = client
        self.shifts: list = []
        self.departments: list = []
        self.overrides: list = []
        self.calendar: list = []
        self.shift_versions: dict = {}          # shift id -> [(valid_from, Shift)]: its later versions
        self._build()
        self.retranslate()

    # -- layout ------------------------------------------------------------------------
    def _build(self) -> None:
        self.shiftModel, self.departmentModel = QStandardItemModel(self), QStandardItemModel(self)
        self.overrideModel, self.calendarModel = QStandardItemModel(self), QStandardItemModel(self)
        self.shiftTable, self.departmentTable = _table(self.shiftModel), _table(self.departmentModel)
        self.overrideTable, self.calendarTable = _table(self.overrideModel), _table(self.calendarModel)

        self.shiftName = QLineEdit()
        self.shiftName.setMaxLength(MAX_LENGTH["shift_name"])
        self.shiftStart, self.shiftEnd = QTimeEdit(QTime(9, 0)), QTimeEdit(QTime(18, 0))
        for edit in (self.shiftStart, self.shiftEnd):
            edit.setDisplayFormat("HH:mm")
        self.lateGrace, self.earlyGrace, self.breakMinutes = QSpinBox(), QSpinBox(), QSpinBox()
        for box, most in ((self.lateGrace, MAX_GRACE_MINUTES), (self.earlyGrace, MAX_GRACE_MINUTES),
                          (self.breakMinutes, 24 * 60 - 1)):
            box.setRange(0, most)
        self.breakMinutes.setValue(60)
        self.shiftAdd, self.shiftSave, self.shiftDelete = QPushButton(), QPushButton(), QPushButton()
        self.shiftLabels = [QLabel() for _ in range(6)]
        self.shiftName.setMinimumWidth(120)
        shift_form = QGridLayout()
        shift_form.setColumnStretch(0, 1)
        for column, (label, widget) in enumerate(zip(self.shiftLabels, (self.shiftName, self.shiftStart, self.shiftEnd,
                                                                        self.lateGrace, self.earlyGrace,
                                                                        self.breakMinutes))):
            shift_form.addWidget(label, 0, column)
            shift_form.addWidget(widget, 1, column)
        shift_buttons = QHBoxLayout()
        for button in (self.shiftAdd, self.shiftSave, self.shiftDelete):
            shift_buttons.addWidget(button)
        shift_buttons.addStretch(1)
        # where a new version of a shift in use starts (asked when it is saved)
        self.shiftFromLabel, self.shiftFrom = QLabel(), QDateEdit(QDate.currentDate())
        self.shiftFrom.setDisplayFormat("yyyy-MM-dd")
        self.shiftFrom.setCalendarPopup(True)
        shift_buttons.addWidget(self.shiftFromLabel)
        shift_buttons.addWidget(self.shiftFrom)
        self.shiftGroup = self._group(self.shiftTable, shift_form, shift_buttons)

        self.departmentCombo = QComboBox()
        self.departmentCombo.setEditable(True)
        self.departmentCombo.setMinimumContentsLength(12)
        self.departmentShift = QComboBox()
        self.departmentDays = WeekdayBoxes()
        self.departmentSet, self.departmentRemove = QPushButton(), QPushButton()
        self.departmentFromCheck, self.departmentFrom = self._from_date()
        self.departmentGroup = self._group(self.departmentTable, *self._schedule_form(
            self.departmentCombo, self.departmentShift, self.departmentDays, self.departmentSet, self.departmentRemove,
            self.departmentFromCheck, self.departmentFrom))

        self.overrideNumber = QLineEdit()
        self.overrideNumber.setMaxLength(MAX_LENGTH["person_number"])
        self.overrideShift = QComboBox()
        self.overrideDays = WeekdayBoxes()
        self.overrideSet, self.overrideRemove = QPushButton(), QPushButton()
        self.overrideFromCheck, self.overrideFrom = self._from_date()
        self.overrideGroup = self._group(self.overrideTable, *self._schedule_form(
            self.overrideNumber, self.overrideShift, self.overrideDays, self.overrideSet, self.overrideRemove,
            self.overrideFromCheck, self.overrideFrom))

        self.calendarDate = QDateEdit(QDate.currentDate())
        self.calendarDate.setDisplayFormat("yyyy-MM-dd")
        self.calendarDate.setCalendarPopup(True)
        self.calendarKind = QComboBox()
        self.calendarName = QLineEdit()
        self.calendarName.setMaxLength(MAX_LENGTH["holiday_name"])
        self.calendarAdd, self.calendarDelete = QPushButton(), QPushButton()
        self.calendarImport, self.calendarExport = QPushButton(), QPushButton()
        calendar_form = QHBoxLayout()
        for widget in (self.calendarDate, self.calendarKind, self.calendarName, self.calendarAdd, self.calendarDelete):
            calendar_form.addWidget(widget)
        calendar_files = QHBoxLayout()
        calendar_files.addWidget(self.calendarImport)
        calendar_files.addWidget(self.calendarExport)
        calendar_files.addStretch(1)
        self.calendarGroup = self._group(self.calendarTable, calendar_form, calendar_files)

        self.messageLabel = QLabel()
        self.messageLabel.setWordWrap(True)
        grid = QGridLayout()
        grid.addWidget(self.shiftGroup, 0, 0)
        grid.addWidget(self.departmentGroup, 0, 1)
        grid.addWidget(self.calendarGroup, 1, 0)
        grid.addWidget(self.overrideGroup, 1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(grid, 1)
        layout.addWidget(self.messageLabel)

        self.shiftTable.selectionModel().currentRowChanged.connect(lambda current, _: self._shift_selected(current.row()))
        self.departmentTable.selectionModel().currentRowChanged.connect(
            lambda current, _: self._department_selected(current.row()))
        self.overrideTable.selectionModel().currentRowChanged.connect(
            lambda current, _: self._override_selected(current.row()))
        self.calendarTable.selectionModel().currentRowChanged.connect(
            lambda current, _: self._calendar_selected(current.row()))
        self.shiftAdd.clicked.connect(lambda: self.save_shift(new=True))
        self.shiftSave.clicked.connect(lambda: self.save_shift(new=False))
        self.shiftDelete.clicked.connect(self.delete_shift)
        self.departmentSet.clicked.connect(self.set_department)
        self.departmentRemove.clicked.connect(self.remove_department)
        self.overrideSet.clicked.connect(self.set_override)
        self.overrideRemove.clicked.connect(self.remove_override)
        self.calendarAdd.clicked.connect(self.set_calendar_day)
        self.calendarDelete.clicked.connect(self.delete_calendar_day)
        self.calendarImport.clicked.connect(self._choose_import)
        self.calendarExport.clicked.connect(self._choose_export)

    @staticmethod
    def _from_date() -> tuple[QCheckBox, QDateEdit]:
        """"From [date]": unchecked, a schedule applies always (history changes); checked, from that day on."""
        check, edit = QCheckBox(), QDateEdit(QDate.currentDate())
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setCalendarPopup(True)
        edit.setEnabled(False)
        check.toggled.connect(edit.setEnabled)
        return check, edit

    @staticmethod
    def _schedule_form(who, shift, days, save, remove, from_check, from_date) -> tuple[QHBoxLayout, QHBoxLayout]:
        """Who, which shift and from when on one row; the work days and the buttons on the next."""
        first, second = QHBoxLayout(), QHBoxLayout()
        who.setMinimumWidth(140)
        first.addWidget(who, 1)
        first.addWidget(shift, 1)
        first.addWidget(from_check)
        first.addWidget(from_date)
        second.addWidget(days)
        second.addStretch(1)
        second.addWidget(save)
        second.addWidget(remove)
        return first, second

    @staticmethod
    def _group(table, *layouts) -> QGroupBox:
        group = QGroupBox()
        box = QVBoxLayout(group)
        box.addWidget(table, 1)
        for layout in layouts:
            box.addLayout(layout)
        return group

    def weekday_names(self) -> list[str]:
        return [self.tr("Mon"), self.tr("Tue"), self.tr("Wed"), self.tr("Thu"), self.tr("Fri"), self.tr("Sat"),
                self.tr("Sun")]

    def retranslate(self) -> None:
        self.shiftGroup.setTitle(self.tr("Shifts"))
        self.departmentGroup.setTitle(self.tr("Department schedules"))
        self.overrideGroup.setTitle(self.tr("People with their own schedule"))
        self.calendarGroup.setTitle(self.tr("Holidays and make-up work days"))
        for label, text in zip(self.shiftLabels, (self.tr("Name", "of a shift or holiday"), self.tr("Start"),
                                                  self.tr("End"),
                                                  self.tr("Late grace (min)"), self.tr("Early grace (min)"),
                                                  self.tr("Unpaid break (min)"))):
            label.setText(text)
        self.shiftEnd.setToolTip(self.tr("An end before the start ends the next day (a night shift, counted on the "
                                         "day it starts)"))
        self.shiftName.setPlaceholderText(self.tr("e.g. Day shift"))
        self.shiftAdd.setText(self.tr("Add shift"))
        self.shiftSave.setText(self.tr("Save changes"))
        self.shiftFromLabel.setText(self.tr("A new version starts on"))
        self.shiftDelete.setText(self.tr("Delete"))
        self.departmentCombo.lineEdit().setPlaceholderText(self.tr("Department"))
        self.departmentSet.setText(self.tr("Set schedule"))
        self.departmentRemove.setText(self.tr("Remove"))
        self.overrideNumber.setPlaceholderText(self.tr("Person number"))
        self.overrideSet.setText(self.tr("Set schedule"))
        self.overrideRemove.setText(self.tr("Remove"))
        for check in (self.departmentFromCheck, self.overrideFromCheck):
            check.setText(self.tr("from"))
            check.setToolTip(self.tr("Unchecked: the schedule applies always (earlier months are computed again). "
                                     "Checked: from that day on; earlier days keep the schedule they had"))
        self.calendarName.setPlaceholderText(self.tr("Name, e.g. National Day"))
        self.calendarAdd.setText(self.tr("Add / change"))
        self.calendarDelete.setText(self.tr("Delete"))
        self.calendarImport.setText(self.tr("Import CSV…"))
        self.calendarExport.setText(self.tr("Export CSV…"))
        self.calendarImport.setToolTip(self.tr("Rows date,kind,name (kind: holiday or workday); a file with a bad "
                                               "row is refused whole"))
        kind = self.calendarKind.currentData()
        self.calendarKind.clear()
        self.calendarKind.addItem(self.tr("Holiday"), HOLIDAY)
        self.calendarKind.addItem(self.tr("Make-up work day"), WORKDAY)
        self.calendarKind.setCurrentIndex(max(0, self.calendarKind.findData(kind)))
        for boxes in (self.departmentDays, self.overrideDays):
            boxes.set_names(self.weekday_names())
        self._show()

    # -- loading -----------------------------------------------------------------------
    def refresh(self) -> None:
        self.client.call(schedule_actions.load, self._loaded, self._failed)

    def _loaded(self, loaded: schedule_actions.Schedules) -> None:
        self.shifts, self.departments, self.overrides = loaded.shifts, loaded.departments, loaded.overrides
        self.calendar, self.shift_versions = loaded.calendar, loaded.shift_versions
        self._show()

    def _days_text(self, pattern: str) -> str:
        names = self.weekday_names()
        return " ".join(name for name, flag in zip(names, pattern) if flag == "1")

    def _versions_text(self, versions) -> str:
        """"from 2026-12-15: 早班 (07:00-16:00)" for each version that does not apply from the beginning."""
        return "; ".join(self.tr("from {day}: {shift}").format(day=day.isoformat(), shift=self._shift_text(s.shift))
                         for day, s in versions if day > BEGINNING)

    def _shift_text(self, shift) -> str:
        return self.tr("No schedule") if shift is None else f"{shift.name} ({shift.text()})"

    def _show(self) -> None:
        self.shiftModel.clear()
        self.shiftModel.setHorizontalHeaderLabels([self.tr("Name", "of a shift or holiday"), self.tr("Time"),
                                                   self.tr("Late grace"), self.tr("Early grace"), self.tr("Break"),
                                                   self.tr("Versions")])
        for s in self.shifts:
            night = " " + self.tr("(ends the next day)") if s.crosses_midnight else ""
            versions = "; ".join(self.tr("from {day}: {shift}").format(day=day.isoformat(), shift=v.text())
                                 for day, v in self.shift_versions.get(s.id, ()))
            self.shiftModel.appendRow(_row(s.name, f"{format_minute(s.start)}-{format_minute(s.end)}{night}",
                                           s.late_grace, s.early_grace, s.break_minutes, versions))
        self.departmentModel.clear()
        self.departmentModel.setHorizontalHeaderLabels([self.tr("Department"), self.tr("People"), self.tr("Shift"),
                                                        self.tr("Work days"), self.tr("Versions")])
        for d in self.departments:
            if d.schedule is None:
                self.departmentModel.appendRow(_row(d.department, d.people, self.tr("No schedule"), "", ""))
            else:
                self.departmentModel.appendRow(_row(d.department, d.people, self._shift_text(d.schedule.shift),
                                                    self._days_text(d.schedule.work_days),
                                                    self._versions_text(d.versions)))
        self.overrideModel.clear()
        self.overrideModel.setHorizontalHeaderLabels([self.tr("Number"), self.tr("Name", "of a person"), self.tr("Shift"),
                                                      self.tr("Work days")])
        for _, number, name, schedule in self.overrides:
            days = self._days_text(schedule.work_days) if schedule.shift is not None else ""
            self.overrideModel.appendRow(_row(number, name, self._shift_text(schedule.shift), days))
        self.calendarModel.clear()
        self.calendarModel.setHorizontalHeaderLabels([self.tr("Date"), self.tr("Weekday"), self.tr("Kind"),
                                                      self.tr("Name", "of a shift or holiday")])
        kinds = {HOLIDAY: self.tr("Holiday"), WORKDAY: self.tr("Make-up work day")}
        for entry in self.calendar:
            self.calendarModel.appendRow(_row(entry.day.isoformat(), self.weekday_names()[entry.day.weekday()],
                                              kinds[entry.kind], entry.name))
        for combo, extra in ((self.departmentShift, None), (self.overrideShift, self.tr("No schedule (never counted "
                                                                                          "late or absent)"))):
            current = combo.currentData()
            combo.clear()
            for s in self.shifts:
                combo.addItem(self._shift_text(s), s.id)
            if extra:
                combo.addItem(extra, NO_SHIFT)
            combo.setCurrentIndex(max(0, combo.findData(current)))
        typed = self.departmentCombo.currentText()
        self.departmentCombo.clear()
        self.departmentCombo.addItems([d.department for d in self.departments])
        self.departmentCombo.setEditText(typed)
        self.shiftSave.setEnabled(self._current(self.shiftTable, self.shifts) is not None)
        self.shiftDelete.setEnabled(self.shiftSave.isEnabled())

    @staticmethod
    def _current(table, rows):
        row = table.currentIndex().row()
        return rows[row] if 0 <= row < len(rows) else None

    def _shift_selected(self, row: int) -> None:
        if 0 <= row < len(self.shifts):
            s = self.shifts[row]
            self.shiftName.setText(s.name)
            self.shiftStart.setTime(QTime(s.start // 60, s.start % 60))
            self.shiftEnd.setTime(QTime(s.end // 60, s.end % 60))
            self.lateGrace.setValue(s.late_grace)
            self.earlyGrace.setValue(s.early_grace)
            self.breakMinutes.setValue(s.break_minutes)
        self.shiftSave.setEnabled(0 <= row < len(self.shifts))
        self.shiftDelete.setEnabled(self.shiftSave.isEnabled())

    def _department_selected(self, row: int) -> None:
        if 0 <= row < len(self.departments):
            d = self.departments[row]
            self.departmentCombo.setEditText(d.department)
            if d.schedule is not None:
                self.departmentShift.setCurrentIndex(max(0, self.departmentShift.findData(d.schedule.shift.id)))
                self.departmentDays.set_pattern(d.schedule.work_days)

    def _override_selected(self, row: int) -> None:
        if 0 <= row < len(self.overrides):
            _, number, _, schedule = self.overrides[row]
            self.overrideNumber.setText(number)
            shift_id = NO_SHIFT if schedule.shift is None else schedule.shift.id
            self.overrideShift.setCurrentIndex(max(0, self.overrideShift.findData(shift_id)))
            self.overrideDays.set_pattern(schedule.work_days)

    def _calendar_selected(self, row: int) -> None:
        if 0 <= row < len(self.calendar):
            entry = self.calendar[row]
            self.calendarDate.setDate(QDate(entry.day))
            self.calendarKind.setCurrentIndex(max(0, self.calendarKind.findData(entry.kind)))
            self.calendarName.setText(entry.name)

    # -- changes -----------------------------------------------------------------------
    def _change(self, job, done_text: str) -> None:
        """Run ``job`` (a desk.schedule_actions change) on the database thread; then say so (or why not) and
        load everything again."""
        def done(change: schedule_actions.Change):
            text = done_text.replace("{result}", str(change.count))
            if change.notes:
                text += " " + self.tr("Note: {notes}").format(notes="; ".join(change.notes))
            self.messageLabel.setText(text)
            self.message.emit(text)
            self.changed.emit()
            self.refresh()
        self.client.call(job, done, self._failed)

    def _failed(self, error) -> None:
        if isinstance(error, schedule_actions.UnknownPersonNumber):
            error = self.tr("no person with number {number}").format(number=error.number)
        text = self.tr("Not saved: {error}").format(error=error)
        self.messageLabel.setText(text)
        self.message.emit(text)

    def save_shift(self, new: bool) -> None:
        """Add a shift, or save the changes of the one selected: if earlier days worked it, ask first whether
        to change it for those days too (history) or to start a new version on the chosen day."""
        shift = None if new else self._current(self.shiftTable, self.shifts)
        values = {"name": self.shiftName.text(), "start": self.shiftStart.time().toString("HH:mm"),
                  "end": self.shiftEnd.time().toString("HH:mm"), "late_grace": self.lateGrace.value(),
                  "early_grace": self.earlyGrace.value(), "break_minutes": self.breakMinutes.value()}
        if shift is None:
            self._save_shift(values, None, None)
            return
        today = dt.date.today()

        def asked(used: bool) -> None:
            if used:
                self._ask_version(shift, values)
            else:
                self._save_shift(values, shift.id, None)

        self.client.call(partial(schedule_actions.shift_used_before, shift_id=shift.id, day=today), asked,
                         self._failed)

    def _save_shift(self, values, shift_id, since) -> None:
        done = (self.tr("Shift {name} saved.") if since is None else
                self.tr("Shift {name}: a new version from {day} saved.")).format(
            name=values["name"].strip(), day=since.isoformat() if since else "")
        self._change(partial(schedule_actions.save_shift, **values, shift_id=shift_id, valid_from=since), done)

    def _ask_version(self, shift, values) -> QMessageBox:
        since = self.shiftFrom.date().toPyDate()
        box = QMessageBox(QMessageBox.Question, self.tr("Change a shift in use"), self.tr(
            "Shift {name} was worked on earlier days. Change it for those days too (their reports change), or "
            "start a new version on {day} (the days before keep their times)?").format(name=shift.name,
                                                                                      day=since.isoformat()), parent=self)
        box.historyButton = box.addButton(self.tr("Change history"), QMessageBox.DestructiveRole)
        box.versionButton = box.addButton(self.tr("New version from {day}").format(day=since.isoformat()),
                                          QMessageBox.AcceptRole)
        box.addButton(QMessageBox.Cancel)
        box.setDefaultButton(box.versionButton)

        def chosen(button) -> None:
            if button is box.historyButton:
                self._save_shift(values, shift.id, None)
            elif button is box.versionButton:
                self._save_shift(values, shift.id, since)

        box.buttonClicked.connect(chosen)
        box.open()
        self.versionAsked.emit(box)
        return box

    def delete_shift(self) -> None:
        shift = self._current(self.shiftTable, self.shifts)
        if shift is not None:
            self._change(partial(schedule_actions.delete_shift, shift_id=shift.id),
                         self.tr("Shift {name} deleted.").format(name=shift.name))

    def set_department(self) -> None:
        department, shift_id = self.departmentCombo.currentText(), self.departmentShift.currentData()
        pattern, since = self.departmentDays.pattern(), self._since(self.departmentFromCheck, self.departmentFrom)
        if shift_id is None:
            self._failed(self.tr("add a shift first"))
            return
        self._change(partial(schedule_actions.set_department_schedule, department=department, shift_id=shift_id,
                             work_days=pattern, valid_from=since),
                     self.tr("Schedule of {department} saved.").format(department=department.strip()))

    @staticmethod
    def _since(check: QCheckBox, edit: QDateEdit):
        return edit.date().toPyDate() if check.isChecked() else None

    def remove_department(self) -> None:
        department = self.departmentCombo.currentText()
        self._change(partial(schedule_actions.remove_department_schedule, department=department),
                     self.tr("Schedule of {department} removed.").format(department=department.strip()))

    def set_override(self) -> None:
        shift_id, pattern = self.overrideShift.currentData(), self.overrideDays.pattern()
        since = self._since(self.overrideFromCheck, self.overrideFrom)
        if shift_id is None:
            self._failed(self.tr("add a shift first"))
            return
        shift_id = None if shift_id == NO_SHIFT else shift_id
        self._change(partial(schedule_actions.set_person_schedule, number=self.overrideNumber.text(),
                             shift_id=shift_id, work_days=pattern, valid_from=since),
                     self.tr("Own schedule of {number} saved.").format(number=self.overrideNumber.text().strip()))

    def remove_override(self) -> None:
        self._change(partial(schedule_actions.remove_person_schedule, number=self.overrideNumber.text()),
                     self.tr("{number} follows their department's schedule again.").format(
                         number=self.overrideNumber.text().strip()))

    def set_calendar_day(self) -> None:
        day, kind, name = self.calendarDate.date().toPyDate(), self.calendarKind.currentData(), self.calendarName.text()
        self._change(partial(schedule_actions.set_calendar_day, day=day, kind=kind, name=name),
                     self.tr("{day} saved.").format(day=day.isoformat()))

    def delete_calendar_day(self) -> None:
        day = self.calendarDate.date().toPyDate()
        self._change(partial(schedule_actions.delete_calendar_day, day=day),
                     self.tr("{day} deleted.").format(day=day.isoformat()))

    def import_calendar(self, path: str) -> None:
        self._change(partial(schedule_actions.import_calendar, path=path),
                     self.tr("Calendar imported from {path}: {{result}} days.").format(path=path))

    def export_calendar(self, path: str) -> None:
        folders.remember("exports", path)
        self._change(partial(schedule_actions.export_calendar, path=path),
                     self.tr("Calendar exported to {path}: {{result}} days.").format(path=path))

    def _choose_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import calendar"), folders.start_folder("exports"),
                                              self.tr("CSV files (*.csv)"))
        if path:
            self.import_calendar(path)

    def _choose_export(self) -> None:
        name = self.tr("calendar") + f"-{dt.date.today().year}.csv"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export calendar"),
                                              str(Path(folders.start_folder("exports")) / name),
                                              self.tr("CSV files (*.csv)"))
        if path:
            self.export_calendar(path)
