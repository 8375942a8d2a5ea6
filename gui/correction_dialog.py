"""Add a correction (补卡): a check-in a person missed, at a time, with the reason and who adds it; or withdraw one.

The backend decides whether it may be added (backend.corrections: not in the future, not before the
person was enrolled, not while deactivated, not next to an existing check-in); the dialog shows why not
and keeps what was typed. The work is desk.report_actions', run on the database thread.
"""
from __future__ import annotations

import datetime as dt
from functools import partial

from PyQt5.QtCore import QDateTime, pyqtSignal
from PyQt5.QtWidgets import (QComboBox, QDateTimeEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
                             QVBoxLayout)

from backend.validation import MAX_LENGTH
from desk import report_actions
from desk.people_actions import UnknownPersonNumber


def who_and_why(operator: str, reason_hint: str, operator_hint: str) -> tuple[QLineEdit, QLineEdit, QLabel]:
    """The reason and operator fields of a correction's dialog (the backend requires both; their lengths
    are its limits) and the line that says why a save was refused."""
    reason, who = QLineEdit(), QLineEdit(operator)
    reason.setMaxLength(MAX_LENGTH["reason"])
    reason.setPlaceholderText(reason_hint)
    who.setMaxLength(MAX_LENGTH["operator"])
    who.setPlaceholderText(operator_hint)
    message = QLabel()
    message.setWordWrap(True)
    return reason, who, message


class CorrectionDialog(QDialog):
    corrected = pyqtSignal(str, str)      # message for the status bar, the operator's name

    def __init__(self, client, desk: str, operator: str, number: str | None, day: dt.date, parent=None):
        super().__init__(parent)
        self.client, self.desk = client, desk
        self.result_status: str | None = None
        self.setWindowTitle(self.tr("Add a correction (missed check-in)"))
        self.numberEdit = QLineEdit(number or "")
        self.numberEdit.setMaxLength(MAX_LENGTH["person_number"])
        self.timeEdit = QDateTimeEdit(QDateTime(day, dt.time(9, 0)))
        self.timeEdit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.timeEdit.setCalendarPopup(True)
        self.reasonEdit, self.operatorEdit, self.messageLabel = who_and_why(
            operator, self.tr("Required, e.g. forgot to check in, camera down"), self.tr("Required: who adds it"))
        form = QFormLayout()
        form.addRow(self.tr("Person number"), self.numberEdit)
        form.addRow(self.tr("Time"), self.timeEdit)
        form.addRow(self.tr("Reason"), self.reasonEdit)
        form.addRow(self.tr("Operator"), self.operatorEdit)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("The check-in is added as a manual one, with the reason and the operator; "
                                        "face check-ins are never changed.")))
        layout.addLayout(form)
        layout.addWidget(self.messageLabel)
        layout.addWidget(self.buttons)

    def save(self) -> None:
        number, when = self.numberEdit.text().strip(), self.timeEdit.dateTime().toPyDateTime()
        reason, operator = self.reasonEdit.text(), self.operatorEdit.text()
        if not number:
            self.messageLabel.setText(self.tr("Type the person number."))
            return
        self.buttons.setEnabled(False)
        self.messageLabel.setText(self.tr("Saving…"))

        self.client.call(partial(report_actions.add_correction, number=number, when=when, reason=reason,
                                 operator=operator, desk=self.desk), self._saved, self._failed)

    def _failed(self, error) -> None:
        self.buttons.setEnabled(True)
        if isinstance(error, UnknownPersonNumber):
            self.messageLabel.setText(self.tr("No person with number {number}.").format(number=error.number))
            return
        self.messageLabel.setText(self.tr("Not added: {error}").format(error=error))

    def _saved(self, added: report_actions.CorrectionAdded) -> None:
        self.buttons.setEnabled(True)
        person, check_in = added.person, added.check_in
        self.result_status = check_in.status
        if check_in.status == "cooldown":
            self.messageLabel.setText(self.tr("Not added: the check-in at {time} already covers that time.").format(
                time=f"{check_in.last_check_in:%Y-%m-%d %H:%M:%S}"))
            return
        if check_in.status == "queued":
            text = self.tr("Correction for {name} at {time} kept on this desk: the database is unreachable, it is "
                           "sent when it is back.")
        else:
            text = self.tr("Correction added for {name} at {time}.")
        self.corrected.emit(text.format(name=person.name, time=f"{check_in.checked_in_at:%Y-%m-%d %H:%M}"),
                            check_in.operator or "")
        self.accept()


class WithdrawDialog(QDialog):
    """Withdraw a correction (撤销补卡): it is kept, with who withdrew it and why, and stops counting.

    ``corrections``: the person's corrections of the day chosen (backend AttendanceRows, not withdrawn);
    the backend refuses a face check-in or a correction withdrawn already (another desk) in one line."""
    withdrawn = pyqtSignal(str, str)      # message for the status bar, the operator's name

    def __init__(self, client, operator: str, corrections, parent=None):
        super().__init__(parent)
        self.client, self.corrections = client, list(corrections)
        self.done_row = None
        self.setWindowTitle(self.tr("Withdraw a correction"))
        self.correctionCombo = QComboBox()
        for row in self.corrections:
            self.correctionCombo.addItem(self.tr("{name} ({number}) at {time}, added by {operator}: {reason}").format(
                name=row.name, number=row.person_number, time=f"{row.checked_in_at:%Y-%m-%d %H:%M:%S}",
                operator=row.operator or "", reason=row.reason or ""), row.id)
        self.reasonEdit, self.operatorEdit, self.messageLabel = who_and_why(
            operator, self.tr("Required, e.g. entered for the wrong day"), self.tr("Required: who withdraws it"))
        form = QFormLayout()
        form.addRow(self.tr("Correction"), self.correctionCombo)
        form.addRow(self.tr("Reason"), self.reasonEdit)
        form.addRow(self.tr("Operator"), self.operatorEdit)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Cancel)
        self.withdrawButton = self.buttons.addButton(self.tr("Withdraw"), QDialogButtonBox.AcceptRole)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("A withdrawn correction no longer counts; it stays in the history with who "
                                        "withdrew it and why.")))
        layout.addLayout(form)
        layout.addWidget(self.messageLabel)
        layout.addWidget(self.buttons)

    def save(self) -> None:
        attendance_id = self.correctionCombo.currentData()
        reason, operator = self.reasonEdit.text(), self.operatorEdit.text()
        self.buttons.setEnabled(False)
        self.messageLabel.setText(self.tr("Saving…"))
        self.client.call(partial(report_actions.withdraw_correction, attendance_id=attendance_id, reason=reason,
                                 operator=operator), self._saved, self._failed)

    def _failed(self, error) -> None:
        self.buttons.setEnabled(True)
        self.messageLabel.setText(self.tr("Not withdrawn: {error}").format(error=error))

    def _saved(self, row) -> None:
        self.buttons.setEnabled(True)
        self.done_row = row
        self.withdrawn.emit(self.tr("Correction of {name} at {time} withdrawn.").format(
            name=row.name, time=f"{row.checked_in_at:%Y-%m-%d %H:%M}"), row.withdrawn_by or "")
        self.accept()
