"""Rejected attempts, for the operator: check-ins the desk refused because the face was not shown live (a
photo, a phone, a head that did not turn as asked). Reached from the live tab ("Rejected attempts…"): when,
who it would have been (number and name, or "unknown"), how it was tried, why in plain words, and the face.

The list is the database's (backend.attendance.rejected_attempts, newest first); it is read again when
the desk logs another one while the window is open. Nothing here is a check-in.
"""
from __future__ import annotations

import datetime as dt
import logging

from PyQt5.QtCore import QSize, Qt
from PyQt5.QtGui import QIcon, QImage, QPixmap
from PyQt5.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QHBoxLayout, QHeaderView, QLabel, QTableWidget,
                             QTableWidgetItem, QVBoxLayout)

from backend import csv_export
from gui import i18n
from gui.hints import refusal_text

log = logging.getLogger(__name__)

#: the periods offered: days back from today (0: today only)
PERIOD_DAYS = (0, 6, 29)
LIMIT = 200
THUMB_PX = 64
TIME, NUMBER, NAME, METHOD, REASON, PHOTO = range(6)


class RejectedAttemptsDialog(QDialog):
    def __init__(self, client, desk_name: str, parent=None):
        """``client``: the database thread (gui.backend_client); ``desk_name``: this desk (the list shows
        every desk's attempts, this one's first column says where)."""
        super().__init__(parent)
        self.setObjectName("rejectedAttemptsDialog")
        self.client, self.desk_name = client, desk_name
        self.rows: list = []                    # backend RejectedAttempt shown
        self.loads = 0                          # lists received (tests wait on it)
        self.period = QComboBox()
        self.period.setObjectName("rejectedPeriod")
        self.period.addItems([""] * len(PERIOD_DAYS))
        self.summary = QLabel()
        self.summary.setObjectName("rejectedSummary")
        self.table = QTableWidget(0, 6)
        self.table.setObjectName("rejectedTable")
        self.table.setEditTriggers(QTableWidget.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectRows)
        self.table.setIconSize(QSize(THUMB_PX, THUMB_PX))
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeToContents)
        header.setSectionResizeMode(REASON, QHeaderView.Stretch)
        self.explain = QLabel()
        self.explain.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.close)
        top = QHBoxLayout()
        top.addWidget(self.period)
        top.addWidget(self.summary, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explain)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(760, 480)
        self.retranslate()
        self.period.currentIndexChanged.connect(lambda _i: self.refresh())

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Rejected attempts"))
        self.explain.setText(self.tr("Check-ins refused because the face was not shown live (a photo, a phone "
                                     "screen, or the head did not turn as asked). Nobody was checked in."))
        for index, text in enumerate((self.tr("Today"), self.tr("Last 7 days"), self.tr("Last 30 days"))):
            self.period.setItemText(index, text)
        self.table.setHorizontalHeaderLabels([self.tr("Time"), self.tr("Number"), self.tr("Name"),
                                              self.tr("How"), self.tr("Why"), self.tr("Face")])
        self._fill()

    def refresh(self) -> None:
        """Read the list again (the period chosen, every desk)."""
        start = dt.date.today() - dt.timedelta(days=PERIOD_DAYS[max(0, self.period.currentIndex())])
        self.client.call(lambda backend: backend.attendance.rejected_attempts(start=start, limit=LIMIT),
                         self._loaded, lambda error: self.summary.setText(
                             self.tr("Cannot read the rejected attempts: {error}").format(error=error)))

    def _loaded(self, rows) -> None:
        self.rows = list(rows)
        self.loads += 1
        self._fill()

    def method_text(self, method: str) -> str:
        """The method in History's words (backend.csv_export's table for the language on screen)."""
        return csv_export.history_labels(i18n.shown())["methods"].get(method, method)

    def _fill(self) -> None:
        table = self.table
        table.setRowCount(0)
        for row in self.rows:
            index = table.rowCount()
            table.insertRow(index)
            texts = {TIME: row.attempted_at.strftime("%Y-%m-%d %H:%M:%S"),
                     NUMBER: row.person_number or "", NAME: row.name or self.tr("Unknown"),
                     METHOD: self.method_text(row.method), REASON: refusal_text(row.reason)}
            for column, text in texts.items():
                table.setItem(index, column, QTableWidgetItem(text))
            item = QTableWidgetItem()
            image = QImage.fromData(row.thumbnail) if row.thumbnail else QImage()
            if not image.isNull():
                item.setIcon(QIcon(QPixmap.fromImage(image).scaled(THUMB_PX, THUMB_PX, Qt.KeepAspectRatio,
                                                                   Qt.SmoothTransformation)))
            table.setItem(index, PHOTO, item)
            table.setRowHeight(index, THUMB_PX + 4)
        self.summary.setText(self.tr("%n rejected attempts", "", len(self.rows)))
