"""Settings tab: camera source, how strict, cooldown, desk, operator, database URL (with a test), language,
who the desk knows; and, with the diagnostics switch on, the engineer's figures (the exact false check-in and
number + face targets, the thresholds they give, the model and its state).

The operator's "how strict" slider and the engineer's exact false check-in target are two views of one
setting (AppConfig.false_checkin_rate): the slider picks one of STRICTNESS_RATES, the spin box any value.
The Diagnostics group is built here (not in mainUI.ui) from the form's two target rows.
"""
from __future__ import annotations

import dataclasses
import logging
import math

from PyQt5.QtCore import QObject, Qt, QTime, pyqtSignal
from PyQt5.QtWidgets import (QCheckBox, QComboBox, QFileDialog, QFormLayout, QGroupBox, QHBoxLayout, QLabel,
                             QSizePolicy, QSlider, QWidget)

from backend.url import redact
from desk import settings as config_mod
from gui import folders
from gui.tasks import run_in_pool
from recognition.stream.policy import CLAIM_FALSE_ACCEPT_RATE_RANGE, FALSE_CHECKIN_RATE_RANGE, LIVENESS_MODES

log = logging.getLogger(__name__)

LANGUAGE_CODES = list(config_mod.LANGUAGES)       # index in the language combo -> code
EDITABLE = ("camera_source", "false_checkin_rate", "cooldown", "once_per_day", "desk", "operator",
            "claim_false_accept_rate", "db_url", "language", "diagnostics", "liveness")
#: index in the liveness combo -> the setting's value (AppConfig.liveness: recognition.stream.liveness.MODES)
LIVENESS_CODES = list(LIVENESS_MODES)
#: the "how strict" slider's positions, most lenient (fewest second looks) first: shares of stranger visits
#: that may check in, a log scale over FALSE_CHECKIN_RATE_RANGE
STRICTNESS_RATES = (0.05, 0.02, 0.01, 0.005, 0.002, 0.001, 0.0005, 0.0002, 0.0001, 0.00005, 0.00002, 0.00001)
OK_COLOUR, ERROR_COLOUR = "#1e8449", "#c0392b"


def strictness_of(rate: float) -> int:
    """The slider position nearest (on a log scale) to a false check-in target."""
    return min(range(len(STRICTNESS_RATES)), key=lambda i: abs(math.log(STRICTNESS_RATES[i]) - math.log(rate)))


class SettingsTab(QObject):
    applied = pyqtSignal(object, object)      # new AppConfig, set of changed field names
    tested = pyqtSignal(bool, str)            # test connection result

    @property
    def config(self):
        """The settings shown: the desk's (one copy, shared with the window and the model switch)."""
        return self.desk.settings

    @config.setter
    def config(self, value) -> None:
        self.desk.settings = value

    def __init__(self, ui, desk, parent=None, run_source: str | None = None):
        """``desk``: the desk's context (desk.wiring.Desk); Settings shows and replaces its settings.
        ``run_source``: the camera source this run was started with (main.py --source), shown
        instead of the saved one and never written to the file; None when the run uses the setting."""
        super().__init__(parent)
        self.ui, self.desk = ui, desk
        config = desk.settings
        self.run_source = run_source if run_source not in (None, config.camera_source, config.camera) else None
        self.model_state = None            # desk.models.ModelState: the face model and its migration state
        self.model_dir = ""
        self.point = None                  # recognition.stream.OperatingPoint: the thresholds in effect now
        self.known = None                  # (people, face samples) this desk recognizes
        self._saved_at = None              # QTime of the last save, for the confirmation beside Save
        self._build()
        ui.settingsSave.clicked.connect(self.save)
        ui.settingsRevert.clicked.connect(lambda: self.load(self.config))
        ui.settingsTestDb.clicked.connect(self.test_connection)
        ui.settingsBrowse.clicked.connect(self._browse)
        for box, (low, high) in ((ui.settingsFalseRate, FALSE_CHECKIN_RATE_RANGE),
                                 (ui.settingsClaimRate, CLAIM_FALSE_ACCEPT_RATE_RANGE)):
            box.setRange(100 * low, 100 * high)           # shown in %
        self.retranslate()
        self.load(config)

    # -- the parts built here -------------------------------------------------------------------------
    def _build(self) -> None:
        ui = self.ui
        form = ui.settingsForm
        # the exact targets move to the Diagnostics group; the operator gets "how strict" in their place
        row = form.getWidgetPosition(ui.settingsFalseRate)[0]
        moved = [(ui.settingsFalseRateLabel, ui.settingsFalseRate), (ui.settingsClaimRateLabel, ui.settingsClaimRate)]
        for _label, field in moved:
            form.takeRow(field)
        self.strictLabel = QLabel()
        self.strictSlider = QSlider(Qt.Horizontal)
        self.strictSlider.setObjectName("settingsStrictness")
        self.strictSlider.setRange(0, len(STRICTNESS_RATES) - 1)
        self.strictSlider.setPageStep(1)
        self.strictSlider.setTickPosition(QSlider.TicksBelow)
        self.strictLenient, self.strictStrict = QLabel(), QLabel()
        strict_row = QHBoxLayout()
        strict_row.addWidget(self.strictLenient)
        strict_row.addWidget(self.strictSlider, 1)
        strict_row.addWidget(self.strictStrict)
        self.strictHint = QLabel()
        self.strictHint.setWordWrap(True)
        strict_box = QWidget()
        box_layout = QFormLayout(strict_box)
        box_layout.setContentsMargins(0, 0, 0, 0)
        box_layout.addRow(strict_row)
        box_layout.addRow(self.strictHint)
        form.insertRow(row, self.strictLabel, strict_box)
        # is the face a live head (not a photo or a phone): the three modes in the operator's words
        self.livenessLabel = QLabel()
        self.livenessCombo = QComboBox()
        self.livenessCombo.setObjectName("settingsLiveness")
        self.livenessCombo.addItems([""] * len(LIVENESS_CODES))
        form.insertRow(row + 1, self.livenessLabel, self.livenessCombo)
        self.knownLabel, self.knownText = QLabel(), QLabel()
        self.knownText.setObjectName("settingsKnown")
        form.addRow(self.knownLabel, self.knownText)
        self.diagnosticsCheck = QCheckBox()
        self.diagnosticsCheck.setObjectName("settingsDiagnostics")
        self.diagnosticsLabel = QLabel()
        form.addRow(self.diagnosticsLabel, self.diagnosticsCheck)

        self.diagnosticsGroup = QGroupBox()
        self.diagnosticsGroup.setObjectName("settingsDiagnosticsGroup")
        group_form = QFormLayout(self.diagnosticsGroup)
        for label, field in moved:
            group_form.addRow(label, field)
        self.diagnosticsText = QLabel()
        self.diagnosticsText.setObjectName("settingsDiagnosticsText")
        self.diagnosticsText.setWordWrap(True)
        self.diagnosticsText.setTextInteractionFlags(Qt.TextSelectableByMouse)
        group_form.addRow(self.diagnosticsText)
        layout = ui.settingsLayout
        layout.insertWidget(1, self.diagnosticsGroup)        # under the form, above Save
        layout.setStretch(layout.count() - 1, 1)             # the spare height goes below the buttons
        # the confirmation of a save, beside the button where the operator looks
        self.savedLabel = QLabel()
        self.savedLabel.setObjectName("settingsSaved")
        self.savedLabel.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Preferred)
        ui.settingsButtons.insertWidget(ui.settingsButtons.indexOf(ui.settingsRevert) + 1, self.savedLabel, 1)

        self.strictSlider.valueChanged.connect(self._strictness_moved)
        ui.settingsFalseRate.valueChanged.connect(self._rate_typed)
        self.diagnosticsCheck.toggled.connect(self.diagnosticsGroup.setVisible)

    def _strictness_moved(self, position: int) -> None:
        rate = STRICTNESS_RATES[position]
        if strictness_of(self.ui.settingsFalseRate.value() / 100.0) != position:
            self.ui.settingsFalseRate.setValue(100.0 * rate)
        self._show_strictness()

    def _rate_typed(self, percent: float) -> None:
        self.strictSlider.blockSignals(True)
        self.strictSlider.setValue(strictness_of(max(percent, 1e-6) / 100.0))
        self.strictSlider.blockSignals(False)
        self._show_strictness()

    def _show_strictness(self) -> None:
        position = self.strictSlider.value()
        middle = strictness_of(config_mod.AppConfig.false_checkin_rate)
        if position > middle:
            text = self.tr("Stricter than usual: a stranger is even less likely to be checked in as somebody, and "
                           "more people are asked to look at the camera again or to type their person number.")
        elif position < middle:
            text = self.tr("More lenient than usual: fewer people are asked to look again, and a stranger is more "
                           "likely to be checked in as somebody else.")
        else:
            text = self.tr("The usual setting: strangers are almost never checked in, and few people are asked to "
                           "look again.")
        self.strictHint.setText(text)

    def set_diagnostics(self, on: bool) -> None:
        self.diagnosticsCheck.setChecked(on)
        self.diagnosticsGroup.setVisible(on)

    def retranslate(self) -> None:
        self.strictLabel.setText(self.tr("How strict"))
        self.strictLenient.setText(self.tr("Fewer second looks"))
        self.strictStrict.setText(self.tr("Fewer false check-ins"))
        self.strictSlider.setToolTip(self.tr("Right: fewer false check-ins. Left: fewer people asked to look at "
                                             "the camera again."))
        self.livenessLabel.setText(self.tr("Liveness check"))
        words = {"off": self.tr("Off (a photo of a person checks them in)"),
                 "when_unsure": self.tr("Ask the visitor to turn their head when unsure (recommended)"),
                 "always": self.tr("Ask the visitor to turn their head every time")}
        for index, code in enumerate(LIVENESS_CODES):
            self.livenessCombo.setItemText(index, words[code])
        self.livenessCombo.setToolTip(self.tr("Whether the desk checks that the face is a live person in front "
                                              "of the camera, not a photo or a phone screen"))
        self.knownLabel.setText(self.tr("This desk knows"))
        self.diagnosticsLabel.setText(self.tr("Diagnostics"))
        self.diagnosticsCheck.setText(self.tr("Show technical details (for engineers)"))
        self.diagnosticsCheck.setToolTip(self.tr("Distances on the face boxes, frame rates in the status bar, the "
                                                 "Distance column in History and the figures below"))
        self.diagnosticsGroup.setTitle(self.tr("Diagnostics"))
        self._show_strictness()
        self._show_known()
        self._show_saved()
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
        self.ui.settingsMessage.setText("\n".join(notes))
        self.ui.settingsMessage.setVisible(bool(notes))
        figures = []
        if self.point is not None:
            point = self.point
            figures.append(self.tr(
                "Match threshold now {threshold:.3f} for {people} (the model's 1:1 verification threshold: "
                "{verification:.3f}); number + face within {claim:.3f}; a missed visit shows a candidate within "
                "{candidate:.3f}; a check-in teaches the desk within {strict:.3f}.").format(
                    threshold=point.threshold, people=self.tr("%n people enrolled", "", point.people),
                    verification=point.same_face_distance, claim=point.claim_threshold,
                    candidate=point.candidate_threshold, strict=point.strict_threshold))
        if self.model_state is not None:
            figures.append(self.model_state_text())
        if self.config.path is not None:
            figures.append(self.tr("Settings file: {path}").format(path=self.config.path))
        self.diagnosticsText.setText("\n".join(figures))

    def show_operating_point(self, point) -> None:
        """The match threshold in effect (recognition.stream.OperatingPoint), on the Diagnostics page."""
        self.point = point
        self._note()

    def show_model_state(self, state, model_dir: str = "") -> None:
        """The desk's face model and how far the store is embedded with it (desk.models.ModelState)."""
        self.model_state, self.model_dir = state, model_dir
        self._note()

    def model_state_text(self) -> str:
        """The model state in the user's language (desk.models.ModelState.message says it in English
        for the command line)."""
        from desk.models import IMPORT_COMMAND, REEMBED_COMMAND
        from backend.face_store import FaceModel

        state = self.model_state
        me = state.model.label
        if state.samples == 0:
            return self.tr("Model {model}. The face store has no samples yet: enroll people, or move a desk's "
                           "photos into it with: {command}").format(model=me, command=IMPORT_COMMAND)
        failed = self.tr("; {failed} could not be embedded (see the reembed report)").format(
            failed=state.failed) if state.failed else ""
        if state.complete:
            return self.tr("Model {model}: all {samples} embedded{failed}.").format(
                model=me, samples=self.tr("%n face samples", "", state.samples), failed=failed)
        command = REEMBED_COMMAND.format(model_dir=self.model_dir or "…")
        best = state.others[0] if state.others else None
        if best is not None and best.embedded > state.embedded:
            return self.tr("This desk's model {model} has embeddings for {embedded} of the {samples} face samples; "
                           "the store's faces are embedded with model {other} ({other_embedded}). Only people with "
                           "embeddings for {model} are recognized here. Migrate the store with: {command}").format(
                model=me, embedded=state.embedded, samples=state.samples,
                other=FaceModel(best.fingerprint, best.name).label, other_embedded=best.embedded, command=command)
        return self.tr("Model {model}: {embedded} of {samples} face samples embedded, {missing} still to do{failed}. "
                       "Run: {command}").format(model=me, embedded=state.embedded, samples=state.samples,
                                                 missing=state.missing, failed=failed, command=command)

    def show_known(self, people: int, samples: int) -> None:
        """Who this desk recognizes now: people and their face samples (the desk's face cache)."""
        if self.known != (people, samples):
            self.known = (people, samples)
            self._show_known()

    def _show_known(self) -> None:
        if self.known is None:
            self.knownText.setText("")
        elif not self.known[0]:
            self.knownText.setText(self.tr("Nobody yet: enroll people on the Live tab (\"Enroll…\") or add "
                                           "their photos on the People tab."))
        else:
            people, samples = self.known
            self.knownText.setText(self.tr("{people}, from {samples}").format(
                people=self.tr("%n people", "", people), samples=self.tr("%n face samples", "", samples)))

    def _show_saved(self, error: str = "") -> None:
        label = self.savedLabel
        if error:
            label.setText(self.tr("Not saved: {error}").format(error=error))
            label.setStyleSheet(f"color: {ERROR_COLOUR}; font-weight: bold;")
        elif self._saved_at is not None:
            label.setText(self.tr("✓ Saved at {time}; in effect now.").format(
                time=self._saved_at.toString("HH:mm:ss")))
            label.setStyleSheet(f"color: {OK_COLOUR}; font-weight: bold;")
        else:
            label.setText("")

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
        self._rate_typed(ui.settingsFalseRate.value())        # the slider too (no signal if unchanged)
        ui.settingsCooldown.setValue(config.cooldown)
        ui.settingsOncePerDay.setChecked(config.once_per_day)
        ui.settingsDesk.setText(config.desk)
        ui.settingsOperator.setText(config.operator)
        ui.settingsClaimRate.setValue(100.0 * config.claim_false_accept_rate)
        ui.settingsDbUrl.setText(config.db_url)
        ui.settingsLanguage.setCurrentIndex(LANGUAGE_CODES.index(config.language))
        self.livenessCombo.setCurrentIndex(LIVENESS_CODES.index(config.liveness))
        self.set_diagnostics(config.diagnostics)
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
            diagnostics=self.diagnosticsCheck.isChecked(),
            liveness=LIVENESS_CODES[self.livenessCombo.currentIndex()],
        )

    def save(self) -> bool:
        new = self.from_widgets()
        try:
            path = config_mod.save(new)
        except (config_mod.ConfigError, OSError) as exc:
            self._show_saved(str(exc))
            return False
        changed = {f for f in EDITABLE if getattr(new, f) != getattr(self.config, f)}
        if self.run_source is not None and self.ui.settingsSource.currentText().strip() != self.run_source:
            changed.add("camera_source")     # another source chosen (the saved one too): switch to it
            self.run_source = None
        self.config = new
        log.info("settings saved to %s (changed: %s)", path, ", ".join(sorted(changed)) or "nothing")
        self._note()
        self._saved_at = QTime.currentTime()
        self._show_saved()
        self.applied.emit(new, changed)
        return True

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.ui.settingsSource.window(), self.tr("Video file"),
                                              folders.start_folder("videos"),
                                              self.tr("Videos (*.mp4 *.avi *.mkv *.mov);;All files (*)"))
        if path:
            folders.remember("videos", path)
            self.ui.settingsSource.setCurrentText(path)

    def test_connection(self) -> None:
        settings, url = self.config, self.ui.settingsDbUrl.text()
        self.ui.settingsDbResult.setText(self.tr("Testing…"))
        self.ui.settingsTestDb.setEnabled(False)

        def job():
            return config_mod.test_database(settings, url)

        def done(outcome):
            ok, message = outcome
            self.ui.settingsTestDb.setEnabled(True)
            text = (self.tr("Connected: {message}") if ok else self.tr("Failed: {message}")).format(message=message)
            self.ui.settingsDbResult.setText(text)
            self.tested.emit(bool(ok), message)

        def failed(error):
            done((False, str(error)))

        run_in_pool(job, done, failed)
