"""The status bar's permanent labels: database state, clock; frame rates and model in diagnostics mode."""
from __future__ import annotations

from PyQt5.QtCore import QDateTime, QObject
from PyQt5.QtWidgets import QLabel


class StatusBar(QObject):
    def __init__(self, bar, model_name: str, parent=None):
        super().__init__(parent)
        self.bar, self.model_name = bar, model_name
        self.fpsLabel, self.modelLabel, self.dbLabel, self.clockLabel = (QLabel(), QLabel(), QLabel(), QLabel())
        for label in (self.fpsLabel, self.modelLabel, self.dbLabel, self.clockLabel):
            label.setContentsMargins(6, 0, 6, 0)
            bar.addPermanentWidget(label)
        self._db_status = None
        self.diagnostics = False
        self.set_diagnostics(False)
        self.retranslate()

    def set_diagnostics(self, on: bool) -> None:
        """Frame rates, the model's name and the database's own words are for engineers: shown only with
        diagnostics on."""
        self.diagnostics = bool(on)
        for label in (self.fpsLabel, self.modelLabel):
            label.setVisible(on)
        self.show_database(self._db_status)

    def tick(self, display_fps: float, recognition_fps: float) -> None:
        self.fpsLabel.setText(self.tr("Display {display:.0f} fps · Recognition {recog:.1f} fps").format(
            display=display_fps, recog=recognition_fps))
        self.clockLabel.setText(QDateTime.currentDateTime().toString("yyyy-MM-dd HH:mm:ss"))

    def show_database(self, status) -> None:
        self._db_status = status
        if status is None:
            self.dbLabel.setText(self.tr("Database: connecting…"))
            self.dbLabel.setToolTip("")
            return
        kind = {"mysql": "MySQL", "sqlite": "SQLite"}.get(status.kind, status.kind)
        if not status.kind:
            text = self.tr("Database error: {message}").format(message=status.message)
        elif status.online:
            text = self.tr("{kind} online").format(kind=kind)
        else:
            text = self.tr("{kind} offline").format(kind=kind)
        if status.pending:
            text += " · " + self.tr("{n} pending in the outbox").format(n=status.pending)
        self.dbLabel.setText(text)
        if status.online:
            tip = self.tr("Check-ins are saved in the database.")
        else:
            tip = self.tr("The database cannot be reached: check-ins are kept on this computer and sent when it "
                          "is back.")
        if self.diagnostics:
            tip += "\n" + status.message           # the backend's words: the file or server, the driver's error
        self.dbLabel.setToolTip(tip)
        self.dbLabel.setStyleSheet("" if status.online and not status.pending else "color: #c0392b;")

    def message(self, text: str, ms: int = 8000) -> None:
        self.bar.showMessage(text, ms)

    def retranslate(self) -> None:
        self.modelLabel.setText(self.tr("Model: {name}").format(name=self.model_name))
        self.show_database(self._db_status)
