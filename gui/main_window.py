"""The main window: builds the parts of the Designer form (mainUI.py) and wires them together.

Threads: the camera and recognition workers (gui.camera) never run on the GUI thread, and neither
does any database call (gui.backend_client). The parts: gui.camera_panel (the source), gui.live_tab
(faces, card, today, enrollment), gui.face_directory (names and the face store), gui.check_ins
(decisions -> check-ins, decided in desk.check_ins), the People, History and Settings tabs, gui.status_bar.
Each part is given the desk's context (desk.wiring.Desk: settings, recognizer, gallery, face sync, database
opener), not this window.
"""
from __future__ import annotations

import logging
import time

from PyQt5.QtCore import QEvent, Qt, QTimer, pyqtSignal
from PyQt5.QtWidgets import QMainWindow, QMessageBox

from desk.wiring import Desk, camera_source
from gui import i18n, tasks
from gui.attendance_tabs import AttendancePages
from gui.backend_client import BackendClient
from gui.camera_panel import CameraPanel
from gui.check_ins import CheckInController
from gui.face_directory import FaceDirectory
from gui.history_tab import HistoryTab
from gui.live_tab import LiveTab
from gui.model_choice import ModelChoice
from gui.people_tab import PeopleTab
from gui.settings_tab import SettingsTab
from gui.status_bar import StatusBar
from mainUI import Ui_MainWindow

log = logging.getLogger(__name__)


class MainWindow(QMainWindow, Ui_MainWindow):
    checkedIn = pyqtSignal(object)           # check_ins.CheckInEvent
    closeAsked = pyqtSignal(object)          # the QMessageBox asking before the operator's close, once shown

    def __init__(self, config, recognizer, gallery, open_backend=None, source=None, loop=False, parent=None,
                 model_tools=None):
        """``model_tools(model_dir)``: the face store's model tools for another model
        (desk.models.load_face_model_tools), for Settings' model switch; None: the switch is not offered."""
        super().__init__(parent)
        self.setupUi(self)
        # the one context the parts are given: settings, recognizer, gallery, face sync, database opener
        self.desk = Desk(config, recognizer, gallery, open_backend, model_tools)
        self._operating_point = None             # the stream's, as last shown in Settings

        self.client = BackendClient(self.desk.backend_factory(), self)
        self.status = StatusBar(self.statusBar(), recognizer.spec.name, self)
        policy = self.desk.policy()
        self.check_ins = CheckInController(self.client, self.desk, self, max_learned=policy.max_learned)
        self.directory = FaceDirectory(self.client, self.face_sync, self.check_ins, self.desk.model_dir,
                                       config.face_sync_interval, self)
        self.camera = CameraPanel(self, recognizer, self.gallery, camera_source(config, source), policy, loop, self)
        self.live = LiveTab(self, self.camera, self.client, self.directory, self.desk, self)
        self.people_tab = PeopleTab(self, self.client, self.desk, self)
        self.history_tab = HistoryTab(self, self.client, self)
        # reports, leave, schedules
        self.attendance_pages = AttendancePages(self.tabs, self.client, self.desk.current_settings, self)
        self.settings_tab = SettingsTab(self, self.desk, self, run_source=None if source is None else self.camera.source)
        self.model_choice = ModelChoice(self, self.settingsForm, self.settingsForm.rowCount(), self.desk, self)

        self.camera.resultReady.connect(self._on_result)
        self.camera.failed.connect(lambda msg: self.status.message(
            self.tr("Recognition error: {error}").format(error=msg), 5000))
        self.check_ins.checkedIn.connect(self.live.show_check_in)
        self.check_ins.checkedIn.connect(self.checkedIn)
        # a sample learned here reaches this desk's cache directly (the store's feed reports nothing new):
        # the People tab's counts and its "Forget learned samples" follow it
        self.check_ins.checkedIn.connect(lambda event: self.people_tab.refresh() if event.learned else None)
        self.check_ins.failed.connect(lambda number, msg: self.status.message(
            self.tr("Check-in of {number} failed: {error}").format(number=number, error=msg), 5000))
        self.live.enrolled.connect(self._on_enrolled)
        self.live.candidateConfirmed.connect(self.check_ins.confirm)
        self.check_ins.rejected.connect(self.live.attempt_rejected)
        self.directory.refreshed.connect(self.live.people_changed)
        self.directory.facesChanged.connect(lambda _report: self.people_tab.refresh())
        # the store's counts in Settings follow each change (they were read once, at start)
        self.directory.facesChanged.connect(lambda _report: self.directory.check_model())
        self.directory.modelState.connect(self._on_model_state)
        self.people_tab.changed.connect(self.directory.refresh)
        self.people_tab.changed.connect(self.directory.check_model)     # photos added, samples forgotten...
        self.history_tab.message.connect(self.status.message)
        self.attendance_pages.message.connect(self.status.message)
        self.settings_tab.applied.connect(self.apply_settings)
        self.model_choice.switched.connect(self._on_model_switched)
        self.client.statusChanged.connect(self.status.show_database)

        self._known_version = None               # the gallery version Settings' "This desk knows" shows
        self.apply_diagnostics(config.diagnostics)
        self._tick = QTimer(self, interval=1000, timeout=self._every_second)
        self._tick.start()
        self._today_timer = QTimer(self, interval=60000, timeout=self.live.refresh_today)
        self._today_timer.start()
        self.client.start()
        self.directory.start()
        self._apply_backend_rules()
        self.live.refresh_today()
        self.people_tab.refresh()
        self.history_tab.search()
        self._every_second()
        self._show_title()

    # -- the desk's parts -----------------------------------------------------------------------
    @property
    def config(self):
        """The desk's settings (one copy: the Desk's; Settings and the model switch replace it)."""
        return self.desk.settings

    @property
    def recognizer(self):
        return self.desk.recognizer

    @property
    def gallery(self):
        return self.desk.gallery

    @property
    def face_sync(self):
        return self.desk.face_sync

    def _on_model_switched(self, _config) -> None:
        self.status.message(self.tr("Face model switched: restart the app to use it."), 30000)

    def _apply_backend_rules(self) -> None:
        """The cooldown (or once a day) rule: the backend is where it is applied, and only there."""
        cooldown, once = self.config.cooldown, self.config.once_per_day

        def job(backend):
            backend.attendance.cooldown_seconds = cooldown
            backend.attendance.once_per_day = once
        self.client.call(job)

    def _on_result(self, result) -> None:
        # the live tab shows the result (faces and the decisions' prompts) itself: it listens to the camera panel
        self.check_ins.handle_decisions(result.decisions)
        if result.operating_point is not self._operating_point:
            self._operating_point = result.operating_point
            self.settings_tab.show_operating_point(result.operating_point)

    def _on_enrolled(self, person) -> None:
        self.status.message(self.tr("Enrolled {name} ({number}).").format(
            name=person.name, number=person.person_number))
        self.directory.refresh()                 # the face is in the gallery already (enroll_person)
        self.directory.check_model()             # the store's counts on the Diagnostics page
        self.people_tab.refresh()

    def _on_model_state(self, state, _message: str) -> None:
        self.settings_tab.show_model_state(state, str(self.recognizer.model_path))
        if not state.complete:
            self.status.message(self.settings_tab.model_state_text(), 30000)

    def _every_second(self) -> None:
        self.live.expire()
        self.status.tick(self.videoView.displayed_fps(), self.live.recognition_fps())
        self._show_known()

    def _show_known(self) -> None:
        """Settings' "This desk knows": the people and face samples the desk recognizes, live (the gallery
        changes on enrolments, other desks' changes and samples learned from check-ins)."""
        version = self.gallery.version
        if version != self._known_version:
            self._known_version = version
            self.settings_tab.show_known(len(self.gallery), self.gallery.size)

    def apply_diagnostics(self, on: bool) -> None:
        """The engineer's figures on screen or not: distances on the boxes, frame rates, History's distances,
        Settings' Diagnostics page."""
        self.videoView.set_show_details(on)
        self.camera.set_diagnostics(on)
        self.status.set_diagnostics(on)
        self.history_tab.set_diagnostics(on)
        self.settings_tab.set_diagnostics(on)

    def _show_title(self) -> None:
        self.setWindowTitle(self.tr("Face Attendance — {folder}").format(folder=self.config.data_root))

    # -- settings and language --------------------------------------------------------------------
    def apply_settings(self, config, changed) -> None:
        """Settings applied ``config`` (now the Desk's settings): the parts that keep state follow it; the
        others (check-ins' desk and operator, the People tab's desk, reports) read the Desk's settings."""
        self.desk.settings = config
        if "language" in changed:
            i18n.install(config.language)          # LanguageChange -> retranslate()
        if changed & {"false_checkin_rate", "claim_false_accept_rate", "liveness"}:
            self.camera.set_policy(self.desk.policy())
        if changed & {"cooldown", "once_per_day"}:
            self._apply_backend_rules()
        if "db_url" in changed and not config.run_db_url:
            self.status.show_database(None)
            self.client.reopen(self.desk.backend_factory(),
                               lambda _b: (self._apply_backend_rules(), self.directory.start(),
                                           self.live.refresh_today(), self.people_tab.refresh()),
                               lambda e: self.status.message(str(e)))
        if "camera_source" in changed:
            self.camera.set_source(config.camera)
        if "diagnostics" in changed:
            self.apply_diagnostics(config.diagnostics)

    def keyPressEvent(self, event) -> None:
        """On the Live tab, Enter confirms the candidate shown and Esc answers "Not them" (Enter in the
        number field is that field's)."""
        if self.tabs.currentWidget() is self.tabLive:
            if event.key() in (Qt.Key_Return, Qt.Key_Enter) and self.focusWidget() is not self.numberEdit:
                self.live.confirm_candidate()
                return
            if event.key() == Qt.Key_Escape:
                self.live.clear_candidate()
                return
        super().keyPressEvent(event)

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.retranslateUi(self)
        self._show_title()
        for part in (self.people_tab, self.history_tab, self.settings_tab, self.status, self.camera, self.live,
                     self.attendance_pages, self.model_choice):
            part.retranslate()
        self._every_second()

    # -- shutdown ------------------------------------------------------------------------------------
    def confirm_close(self) -> bool:
        """Ask before the operator's close stops attendance; True to close."""
        box = QMessageBox(QMessageBox.Question, self.tr("Close Face Attendance?"),
                          self.tr("The camera is running. Closing stops attendance: nobody is checked in until "
                                  "the program is started again."), QMessageBox.NoButton, self)
        close = box.addButton(self.tr("Stop and close"), QMessageBox.AcceptRole)
        cancel = box.addButton(QMessageBox.Cancel)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        QTimer.singleShot(0, lambda: self.closeAsked.emit(box))
        box.exec_()
        closing = box.clickedButton() is close
        box.deleteLater()
        return closing

    def closeEvent(self, event) -> None:
        # the operator's close (the title bar's button, Alt+F4: a spontaneous event) asks while the camera
        # runs; the program's own close (Ctrl+C, the session ending, tests) does not
        if event.spontaneous() and self.camera.session is not None and not self.confirm_close():
            event.ignore()
            return
        started = time.monotonic()
        self.camera.closing = True
        self._tick.stop()
        self._today_timer.stop()
        self.directory.timer.stop()
        if self.live.enroll_dialog is not None:
            self.live.enroll_dialog.reject()
        camera_ok = self.camera.stop(700)
        db_ok = self.client.close(max(50, int(1000 - 1000 * (time.monotonic() - started))))
        tasks.wait_for_tasks(max(10, int(1000 - 1000 * (time.monotonic() - started))))
        log.info("closed in %.0f ms (camera %s, database %s)", 1000 * (time.monotonic() - started),
                 "ok" if camera_ok else "late", "ok" if db_ok else "late")
        super().closeEvent(event)
