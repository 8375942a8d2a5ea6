"""Settings tab: camera source, false check-in target, cooldown, desk, operator, number + face target, database
URL (with a test), language."""
from __future__ import annotations

import dataclasses
import logging

from PyQt5.QtCore import QObject, pyqtSignal
from PyQt5.QtWidgets import QFileDialog

from backend.url import redact
from gui import config as config_mod
from gui import data_root
from gui.tasks import run_in_pool
from recognition.stream.policy import CLAIM_FALSE_ACCEPT_RATE_RANGE, FALSE_CHECKIN_RATE_RANGE

log = logging.getLogger(__name__)

LANGUAGE_CODES = list(config_mod.LANGUAGES)       # index in the language combo -> code
EDITABLE = ("camera_source", "false_checkin_rate", "cooldown", "once_per_day", "desk", "operator",
            "claim_false_accept_rate", "db_url", "language")


class SettingsTab(QObject):
    applied = pyqtSignal(object, object)      # new AppConfig, set of changed field names
    tested = pyqtSignal(bool, str)            # test connection result

    def __init__(self, ui, config, parent=None, run_source: str | None = None):
        """``run_source``: the camera source this run was started with (main.py --source), shown
        instead of the saved one and never written to the file; None when the run uses the setting."""
        super().__init__(parent)
        self.ui, self.config = ui, config
        self.run_source = run_source if run_source not in (None, config.camera_source, config.camera) else None
        self.model_state_text = ""         # the face model and its migration state (from the store)
        self.operating_point_text = ""     # the threshold the false check-in target gives now
        ui.settingsSave.clicked.connect(self.save)
        ui.settingsRevert.clicked.connect(lambda: self.load(self.config))
        ui.settingsTestDb.clicked.connect(self.test_connection)
        ui.settingsBrowse.clicked.connect(self._browse)
        for box, (low, high) in ((ui.settingsFalseRate, FALSE_CHECKIN_RATE_RANGE),
                                 (ui.settingsClaimRate, CLAIM_FALSE_ACCEPT_RATE_RANGE)):
            box.setRange(100 * low, 100 * high)           # shown in %
        self.retranslate()
        self.load(config)

    def retranslate(self) -> None:
        self._note()

    def _note(self) -> None:
        notes = []
        # where this run's database URL comes from, if not from the field below; never its password
        if self.config.cli_db_url:
            notes.append(self.tr("This run uses the database {url}, given with --db-url on the command line; "
                                 "the URL above is the saved setting.").format(url=redact(self.config.cli_db_url)))
        elif self.config.env_db_url:
            notes.append(self.tr("This run uses the database {url}, from the environment variable FACE_DB_URL; "
                                 "the URL above is the saved setting.").format(url=redact(self.config.env_db_url)))
        if self.run_source is not None:
            notes.append(self.tr("This run uses the camera source {source}, given with --source on the command "
                                 "line; the saved setting is {saved}.").format(source=self.run_source,
                                                                                saved=self.config.camera_source))
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
            "threshold: {verification:.3f}); number + face within {claim:.3f}; a missed visit shows a candidate "
            "within {candidate:.3f}; a check-in teaches the desk within {strict:.3f}").format(
                threshold=point.threshold, people=point.people, verification=point.same_face_distance,
                claim=point.claim_threshold, candidate=point.candidate_threshold, strict=point.strict_threshold)
        self._note()

    def show_model_state(self, text: str) -> None:
        """The desk's face model and how far the store is embedded with it (backend's words)."""
        self.model_state_text = text
        self._note()

    def load(self, config) -> None:
        ui = self.ui
        shown = self.run_source or config.camera_source      # the source in use
        sources = ["0", "1"]
        for source in (config.camera_source, shown):
            if source not in sources:
                sources.append(source)
        ui.settingsSource.clear()
        ui.settingsSource.addItems(sources)
        ui.settingsSource.setCurrentText(shown)
        ui.settingsFalseRate.setValue(100.0 * config.false_checkin_rate)
        ui.settingsCooldown.setValue(config.cooldown)
        ui.settingsOncePerDay.setChecked(config.once_per_day)
        ui.settingsDesk.setText(config.desk)
        ui.settingsOperator.setText(config.operator)
        ui.settingsClaimRate.setValue(100.0 * config.claim_false_accept_rate)
        ui.settingsDbUrl.setText(config.db_url)
        ui.settingsLanguage.setCurrentIndex(LANGUAGE_CODES.index(config.language))
        ui.settingsDbResult.setText("")

    def from_widgets(self):
        ui = self.ui
        source = ui.settingsSource.currentText().strip()
        if self.run_source is not None and source == self.run_source:
            source = self.config.camera_source        # the run's --source stays out of the file
        return dataclasses.replace(
            self.config,
            camera_source=source,
            false_checkin_rate=round(ui.settingsFalseRate.value() / 100.0, 8),
            cooldown=ui.settingsCooldown.value(),
            once_per_day=ui.settingsOncePerDay.isChecked(),
            desk=ui.settingsDesk.text().strip(),
            operator=ui.settingsOperator.text().strip(),
            claim_false_accept_rate=round(ui.settingsClaimRate.value() / 100.0, 8),
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
        if self.run_source is not None and self.ui.settingsSource.currentText().strip() != self.run_source:
            changed.add("camera_source")     # another source chosen (the saved one too): switch to it
            self.run_source = None
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
