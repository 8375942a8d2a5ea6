"""Settings tab: camera source, false check-in target, cooldown, desk, database URL (with a test), language."""
from __future__ import annotations

import dataclasses
import logging

from PyQt5.QtCore import QObject, pyqtSignal
from PyQt5.QtWidgets import QFileDialog

from gui import config as config_mod, data_root
from gui.tasks import run_in_pool

log = logging.getLogger(__name__)

LANGUAGE_CODES = list(config_mod.LANGUAGES)       # index in the language combo -> code
EDITABLE = ("camera_source", "false_checkin_rate", "cooldown", "once_per_day", "desk", "db_url", "language")


class SettingsTab(QObject):
    applied = pyqtSignal(object, object)      # new AppConfig, set of changed field names
    tested = pyqtSignal(bool, str)            # test connection result

    def __init__(self, ui, config, parent=None):
        super().__init__(parent)
        self.ui, self.config = ui, config
        self.model_state_text = ""         # the face model and its migration state (from the store)
        self.operating_point_text = ""     # the threshold the false check-in target gives now
        ui.settingsSave.clicked.connect(self.save)
        ui.settingsRevert.clicked.connect(lambda: self.load(self.config))
        ui.settingsTestDb.clicked.connect(self.test_connection)
        ui.settingsBrowse.clicked.connect(self._browse)
        self.retranslate()
        self.load(config)

    def retranslate(self) -> None:
        self._note()

    def _note(self) -> None:
        notes = []
        if self.config.env_db_url:
            notes.append(self.tr("FACE_DB_URL is set: this run uses {url}").format(url=self.config.env_db_url))
        if self.config.path is not None:
            notes.append(self.tr("Settings file: {path}").format(path=self.config.path))
        if self.operating_point_text:
            notes.append(self.operating_point_text)
        if self.model_state_text:
            notes.append(self.model_state_text)
        self.ui.settingsMessage.setText("\n".join(notes))

    def show_operating_point(self, point) -> None:
        """The match threshold in effect (recognition.stream.OperatingPoint)."""
        self.operating_point_text = self.tr(
            "Match threshold now {threshold:.3f} for {people} people enrolled (the model's 1:1 verification "
            "threshold: {verification:.3f})").format(threshold=point.threshold, people=point.people,
                                                     verification=point.same_face_distance)
        self._note()

    def show_model_state(self, text: str) -> None:
        """The desk's face model and how far the store is embedded with it (backend's words)."""
        self.model_state_text = text
        self._note()

    def load(self, config) -> None:
        ui = self.ui
        sources = ["0", "1"]
        if config.camera_source not in sources:
            sources.append(config.camera_source)
        ui.settingsSource.clear()
        ui.settingsSource.addItems(sources)
        ui.settingsSource.setCurrentText(config.camera_source)
        ui.settingsFalseRate.setValue(100.0 * config.false_checkin_rate)
        ui.settingsCooldown.setValue(config.cooldown)
        ui.settingsOncePerDay.setChecked(config.once_per_day)
        ui.settingsDesk.setText(config.desk)
        ui.settingsDbUrl.setText(config.db_url)
        ui.settingsLanguage.setCurrentIndex(LANGUAGE_CODES.index(config.language))
        ui.settingsDbResult.setText("")

    def from_widgets(self):
        ui = self.ui
        return dataclasses.replace(
            self.config,
            camera_source=ui.settingsSource.currentText().strip(),
            false_checkin_rate=round(ui.settingsFalseRate.value() / 100.0, 8),
            cooldown=ui.settingsCooldown.value(),
            once_per_day=ui.settingsOncePerDay.isChecked(),
            desk=ui.settingsDesk.text().strip(),
            db_url=ui.settingsDbUrl.text().strip(),
            language=LANGUAGE_CODES[ui.settingsLanguage.currentIndex()],
        )

    def save(self) -> bool:
        new = self.from_widgets()
        try:
            path = config_mod.save(new)
        except (config_mod.ConfigError, OSError) as exc:
            self.ui.settingsMessage.setText(self.tr("Not saved: {error}").format(error=exc))
            return False
        changed = {f for f in EDITABLE if getattr(new, f) != getattr(self.config, f)}
        self.config = new
        log.info("settings saved to %s (changed: %s)", path, ", ".join(sorted(changed)) or "nothing")
        self._note()
        self.ui.settingsMessage.setText(self.ui.settingsMessage.text() + "\n" + self.tr("Saved."))
        self.applied.emit(new, changed)
        return True

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.ui.settingsSource.window(), self.tr("Video file"), "",
                                              self.tr("Videos (*.mp4 *.avi *.mkv *.mov);;All files (*)"))
        if path:
            self.ui.settingsSource.setCurrentText(path)

    def test_connection(self) -> None:
        # a relative sqlite:/// file is in the data folder, as when the URL is applied
        url = data_root.resolve_db_url(self.config.data_root, self.ui.settingsDbUrl.text().strip())
        password = self.config.effective_db_password
        self.ui.settingsDbResult.setText(self.tr("Testing…"))
        self.ui.settingsTestDb.setEnabled(False)

        def job():
            from backend import test_connection

            return test_connection(url, password=password)

        def done(outcome):
            ok, message = outcome
            self.ui.settingsTestDb.setEnabled(True)
            text = (self.tr("Connected: {message}") if ok else self.tr("Failed: {message}")).format(message=message)
            self.ui.settingsDbResult.setText(text)
            self.tested.emit(bool(ok), message)

        def failed(error):
            done((False, str(error)))

        run_in_pool(job, done, failed)
