"""Settings: which face model the desk uses (the default model or MobileFaceNet), switched by re-embedding the
face store's samples for it (desk.models.migrate, what ``python main.py reembed`` does).

The desk's model changes (``[recognition] model_dir`` written) only when every stored sample has an
embedding for the new model or a recorded reason why not (a face too small for its chip, no face): a
database that goes away mid-way leaves the desk on its current model, with what was embedded kept for
the next try. The new model is used from the next start of the app. Going back is the same switch the
other way (the old model's embeddings are still in the store: only samples added since are embedded).

No model is loaded here (gui/ has no TensorFlow): ``load_tools(model_dir)`` comes from main.py
(``desk.models.load_face_model_tools``); the migration runs on Qt's thread pool with a connection of its own.
"""
from __future__ import annotations

import dataclasses
import logging

from PyQt5.QtCore import QObject, pyqtSignal
from PyQt5.QtWidgets import QComboBox, QHBoxLayout, QLabel, QProgressBar, QPushButton

from desk import settings as config_mod
from gui.tasks import run_in_pool

log = logging.getLogger(__name__)

#: the models a desk can choose: the config's model_dir ("" = the default) -> name shown
CHOICES = ("", "mobilefacenet")


class ModelChoice(QObject):
    progress = pyqtSignal(int, int)          # samples done, samples to do (from the migration thread)
    switched = pyqtSignal(object)            # the new AppConfig, its model_dir saved: used from the next start
    finished = pyqtSignal(bool, str)         # switched or not, the message shown

    def __init__(self, ui, form, row: int, desk, parent=None):
        """``form``: the Settings form layout, the row is inserted at ``row``; ``desk``: the desk's context
        (desk.wiring.Desk): its settings, ``open_backend(outbox_path)`` (the desk's database) and
        ``model_tools(model_dir)`` -> desk.models.ModelTools (None: the choice is shown but cannot be
        switched, e.g. a window without main.py's model tools)."""
        super().__init__(parent)
        self.desk, self.open_backend, self.load_tools = desk, desk.open_backend, desk.model_tools
        self.busy = False
        parent_widget = ui.settingsSource.parentWidget()
        self.label = QLabel(parent_widget)
        self.combo = QComboBox(parent_widget)
        self.button = QPushButton(parent_widget)
        self.bar = QProgressBar(parent_widget)
        self.bar.setVisible(False)
        self.message = QLabel(parent_widget)
        self.message.setWordWrap(True)
        row_layout = QHBoxLayout()
        row_layout.addWidget(self.combo, 1)
        row_layout.addWidget(self.button)
        row_layout.addWidget(self.bar, 1)
        form.insertRow(row, self.label, row_layout)
        form.insertRow(row + 1, "", self.message)
        self.button.clicked.connect(self.switch)
        self.progress.connect(self._on_progress)
        self.retranslate()

    # -- display --------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.label.setText(self.tr("Face model"))
        self.button.setText(self.tr("Switch"))
        self.button.setToolTip(self.tr("Embed every stored face sample with the chosen model, then use it from "
                                       "the next start of the app"))
        names = {"": self.tr("Default model (dlib ResNet)"),
                 "mobilefacenet": self.tr("MobileFaceNet (better for East Asian faces)")}
        current = self.current
        self.combo.blockSignals(True)
        self.combo.clear()
        for key in CHOICES + (() if current in CHOICES else (current,)):
            self.combo.addItem(names.get(key, key), key)
        self.combo.setCurrentIndex(self.combo.findData(current))
        self.combo.blockSignals(False)
        self.button.setEnabled(self.load_tools is not None and not self.busy)

    @property
    def current(self) -> str:
        return self.desk.settings.model_dir or ""

    def _on_progress(self, done: int, total: int) -> None:
        self.bar.setRange(0, max(1, total))
        self.bar.setValue(done)
        self.message.setText(self.tr("Embedding the stored face samples for the new model: {done} of {total}…")
                             .format(done=done, total=total))

    # -- the switch -----------------------------------------------------------------------------
    def switch(self) -> None:
        chosen = self.combo.currentData() or ""
        if self.busy or self.load_tools is None:
            return
        if chosen == self.current:
            self.message.setText(self.tr("This desk uses this model already."))
            return
        self.busy = True
        self.button.setEnabled(False)
        self.combo.setEnabled(False)
        self.bar.setRange(0, 0)             # busy until the first batch reports
        self.bar.setVisible(True)
        self.message.setText(self.tr("Loading the model and reading the face store…"))
        model_dir = dataclasses.replace(self.desk.settings, model_dir=chosen or None).model_path
        load_tools, open_backend, progress = self.load_tools, self.open_backend, self.progress

        def job():
            from desk.models import migrate

            return migrate(model_dir, load_tools, open_backend, lambda done, total: progress.emit(done, total))

        run_in_pool(job, lambda report: self._done(chosen, report), self._failed)

    def _done(self, chosen: str, report) -> None:
        self.busy = False
        self.bar.setVisible(False)
        self.combo.setEnabled(True)
        if report.interrupted or report.remaining:
            text = self.tr("Not switched: the database could not be reached ({error}). This desk keeps its "
                           "current model; the samples embedded so far are kept for the next try.").format(
                               error=report.interrupted or self.tr("{n} samples left").format(n=report.remaining))
            return self._finish(False, text)
        new = dataclasses.replace(self.desk.settings, model_dir=chosen or None)
        try:
            config_mod.save(new)
        except (config_mod.ConfigError, OSError) as exc:
            return self._finish(False, self.tr("Not switched: the settings could not be saved: {error}").format(
                error=exc))
        self.desk.settings = new           # the desk's one copy: Settings and the window read it
        log.info("face model switched to %s (%d samples embedded, %d could not be)", report.model,
                 report.embedded, len(report.failed))
        text = self.tr("Switched to {model}: {embedded} face samples embedded for it. Restart the app to use "
                       "it.").format(model=self.combo.currentText(), embedded=report.embedded)
        if report.failed:
            text += " " + self.tr("{failed} samples could not be embedded (a face too small for the model or "
                                  "not found); those people may need a new photo.").format(failed=len(report.failed))
        self.switched.emit(new)
        self._finish(True, text)

    def _failed(self, error) -> None:
        self.busy = False
        self.bar.setVisible(False)
        self.combo.setEnabled(True)
        log.warning("model switch failed: %s", error)
        self._finish(False, self.tr("Not switched: {error}. This desk keeps its current model.").format(
            error=error))

    def _finish(self, ok: bool, text: str) -> None:
        self.message.setText(text)
        self.retranslate()
        self.finished.emit(ok, text)
