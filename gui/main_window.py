"""The main window: wires the Designer form (mainUI.py) to the camera, the backend and the tabs.

Threads: the camera worker and the recognition worker (gui.camera) never run on the
GUI thread, and neither does any database call (gui.backend_client). This class only
moves results between them and paints.
"""
from __future__ import annotations

import functools
import logging
import time
from pathlib import Path

from PyQt5.QtCore import QDateTime, QEvent, Qt, QTimer, pyqtSignal
from PyQt5.QtGui import QPixmap
from PyQt5.QtWidgets import QHeaderView, QLabel, QMainWindow, QTableWidgetItem

from backend.face_store import FaceModel
from backend.face_sync import FaceSync
from gui import i18n, tasks
from gui.attendance import AttendanceController
from gui.backend_client import BackendClient
from gui.camera import CameraSession, source_kind, to_qimage
from gui.enroll_dialog import EnrollDialog
from gui.history_tab import HistoryTab
from gui.people_tab import PeopleTab
from gui.settings_tab import SettingsTab
from gui.shared_gallery import LockedGallery
from gui.video_widget import Overlay
from mainUI import Ui_MainWindow

log = logging.getLogger(__name__)

RESULT_TTL = 1.0        # seconds an overlay stays without a newer recognition result
DIRECTORY_PAGE = 5000
TODAY_LIMIT = 500


class MainWindow(QMainWindow, Ui_MainWindow):
    resultReceived = pyqtSignal(object)      # every RecognitionResult, on the GUI thread
    cameraStateChanged = pyqtSignal(str, str)
    checkedIn = pyqtSignal(object)           # attendance.CheckInEvent
    enrollDialogOpened = pyqtSignal(object)

    def __init__(self, config, recognizer, gallery, open_backend=None, source=None, loop=False, parent=None):
        super().__init__(parent)
        self.setupUi(self)
        self.config = config
        self.recognizer = recognizer
        self.gallery = gallery if isinstance(gallery, LockedGallery) else LockedGallery(gallery)
        self.source = str(source) if source is not None else config.camera
        self.loop = loop                           # replay a video file when it ends
        self.pictures_dir = config.gallery_file.parent
        if open_backend is None:
            from backend import open_backend
            open_backend = functools.partial(open_backend, outbox_path=config.outbox_file)
        self._open_backend = open_backend
        self.names: dict[str, str] = {}          # person_number -> name, for overlays and warnings
        self.session: CameraSession | None = None
        self.last_result = None
        self._last_result_at = 0.0
        self.camera_state = ("stopped", "")
        self.enroll_dialog: EnrollDialog | None = None
        self.today_rows: list = []
        self._card_event = None
        self._closing = False

        self.client = BackendClient(self._backend_factory(config), self)
        # the gallery is this desk's cache of the face store; FaceSync keeps it in step
        self.face_sync = FaceSync(self.gallery, FaceModel(recognizer.spec.fingerprint, recognizer.spec.name))
        self.model_state = None                  # backend.face_sync.ModelState once known
        self._face_sync_busy = False
        self._face_sync_error = ""
        self.attendance = AttendanceController(self.client, config.desk, config.cooldown, self)
        self.people_tab = PeopleTab(self, self.client, self.gallery, recognizer, self.pictures_dir, self,
                                    faces=self.face_sync, desk=config.desk)
        self.history_tab = HistoryTab(self, self.client, self)
        self.settings_tab = SettingsTab(self, config, recognizer.threshold, self,
                                        run_source=None if source is None else self.source)

        self._build_status_bar()
        header = self.todayTable.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeToContents)
        self.cameraButton.clicked.connect(self.toggle_camera)
        self.recognitionCheck.toggled.connect(self.set_recognition_enabled)
        self.enrollButton.clicked.connect(lambda: self.open_enroll_dialog())
        self.videoView.faceClicked.connect(self._face_clicked)
        self.videoView.resized.connect(self._video_resized)
        self.attendance.checkedIn.connect(self._on_checked_in)
        self.attendance.failed.connect(lambda number, msg: self.statusBar().showMessage(
            self.tr("Check-in of {number} failed: {error}").format(number=number, error=msg), 5000))
        self.people_tab.changed.connect(self.refresh_directory)
        self.history_tab.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.settings_tab.applied.connect(self.apply_settings)
        self.client.statusChanged.connect(self._show_db_status)

        self._tick = QTimer(self, interval=1000, timeout=self._every_second)
        self._tick.start()
        self._today_timer = QTimer(self, interval=60000, timeout=self.refresh_today)
        self._today_timer.start()
        self._face_timer = QTimer(self, interval=max(200, int(1000 * config.face_sync_interval)),
                                  timeout=self.sync_faces)
        self.client.start()
        self.sync_faces()                        # first: the people and faces other desks enrolled
        self.check_model_state()
        self._face_timer.start()
        self._apply_backend_rules()
        self.refresh_directory()
        self.check_gallery()
        self.refresh_today()
        self.people_tab.refresh()
        self.history_tab.search()
        self._show_camera_state("stopped", "")
        self._every_second()
        self._show_data_root()

    # -- wiring helpers ----------------------------------------------------------------
    def _backend_factory(self, config):
        opener, url, password = self._open_backend, config.database_url, config.effective_db_password
        return lambda: opener(url, password=password)

    def _apply_backend_rules(self) -> None:
        cooldown, once = self.config.cooldown, self.config.once_per_day

        def job(backend):
            backend.cooldown_seconds = cooldown
            backend.once_per_day = once
        self.client.call(job)

    def effective_threshold(self) -> float:
        return self.config.threshold if self.config.threshold is not None else self.recognizer.threshold

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.fpsLabel, self.modelLabel, self.dbLabel, self.clockLabel = (QLabel(), QLabel(), QLabel(), QLabel())
        for label in (self.fpsLabel, self.modelLabel, self.dbLabel, self.clockLabel):
            label.setContentsMargins(6, 0, 6, 0)
            bar.addPermanentWidget(label)
        self._db_status = None
        self._retranslate_status()

    # -- camera ------------------------------------------------------------------------
    def toggle_camera(self) -> None:
        if self.session is not None:
            self.stop_camera()
        else:
            self.start_camera()

    def start_camera(self, source=None) -> None:
        if self.session is not None:
            return
        if source is not None:
            self.source = str(source)
        try:
            session = CameraSession(self.source, self.recognizer, self.gallery, self.config.threshold,
                                    loop=self.loop, recognition=self.recognitionCheck.isChecked())
        except ValueError as exc:
            self._show_camera_state("failed", str(exc))
            return
        self.session = session
        session.camera.display_size = (self.videoView.width(), self.videoView.height())
        session.camera.frameAvailable.connect(lambda s=session: self._on_frame(s))
        session.camera.stateChanged.connect(lambda state, detail, s=session: self._on_camera_state(s, state, detail))
        session.recognition.resultReady.connect(lambda r, s=session: self._on_result(s, r))
        session.recognition.failed.connect(lambda msg: self.statusBar().showMessage(
            self.tr("Recognition error: {error}").format(error=msg), 5000))
        self.cameraButton.setText(self.tr("Stop camera"))
        session.start()

    def stop_camera(self, timeout_ms: int = 1000) -> bool:
        session, self.session = self.session, None
        ok = True
        if session is not None:
            ok = session.stop(timeout_ms)
        self.videoView.clear()
        self.last_result = None
        self.enrollButton.setEnabled(False)
        self.cameraButton.setText(self.tr("Start camera"))
        if not self._closing:
            self._show_camera_state("stopped", "")
        return ok

    def _video_resized(self, size) -> None:
        if self.session is not None:
            self.session.camera.display_size = (size.width(), size.height())

    def set_recognition_enabled(self, enabled: bool) -> None:
        if self.session is not None:
            self.session.set_recognition_enabled(enabled)
        if not enabled:
            self.videoView.set_overlays([])
            self.enrollButton.setEnabled(False)

    def _on_frame(self, session) -> None:
        if session is not self.session:
            return
        latest = session.camera.take_frame()
        if latest is not None:
            self.videoView.set_frame(latest[1], latest[2])

    def _on_camera_state(self, session, state: str, detail: str) -> None:
        if session is not self.session:
            return
        log.log(logging.WARNING if state in ("retrying", "failed") else logging.INFO,
                "camera %s: %s %s", self.source, state, detail)
        self._show_camera_state(state, detail)
        self.cameraStateChanged.emit(state, detail)
        if state in ("ended", "failed"):
            # the capture thread ended by itself: stop recognition too, keep the message
            self.session = None
            session.stop(1000)
            self.cameraButton.setText(self.tr("Start camera"))
            self.enrollButton.setEnabled(False)

    def _show_camera_state(self, state: str, detail: str) -> None:
        self.camera_state = (state, detail)
        source = self.source
        if source and source_kind(source) == "file":
            source = Path(source).name                 # the folder is in the log, not on screen
        texts = {
            "opening": self.tr("Opening camera {source}…"),
            "running": self.tr("Camera {source}: {detail}"),
            "retrying": self.tr("Camera {source} is not available ({detail}). Check the cable; "
                                "retrying every 2 s…"),
            "ended": self.tr("End of the video {source}."),
            "failed": self.tr("Cannot use camera source {source}: {detail}"),
            "stopped": self.tr("Camera stopped. Press \"Start camera\"."),
        }
        text = texts.get(state, "{detail}").format(source=source, detail=detail)
        self.cameraMessage.setText(text)
        if state != "running":
            self.videoView.set_placeholder(text)
        if state in ("retrying", "failed"):
            self.videoView.clear()

    # -- recognition results -----------------------------------------------------------
    def _on_result(self, session, result) -> None:
        if session is not self.session or not self.recognitionCheck.isChecked():
            return
        self.last_result = result
        self._last_result_at = time.monotonic()
        overlays = []
        for face in result.faces:
            known = face.person_id is not None
            label = self.names.get(face.person_id, face.person_id) if known else self.tr("Unknown")
            detail = "" if face.distance is None or face.distance == float("inf") else f"{face.distance:.2f}"
            overlays.append(Overlay(tuple(face.box), label, detail, known))
        self.videoView.set_overlays(overlays)
        self.enrollButton.setEnabled(any(f.person_id is None for f in result.faces))
        self.attendance.handle_result(result)
        self.resultReceived.emit(result)

    def _face_clicked(self, index: int) -> None:
        result = self.last_result
        if result is not None and index < len(result.faces) and result.faces[index].person_id is None:
            self.open_enroll_dialog(index)

    # -- enrollment --------------------------------------------------------------------
    def open_enroll_dialog(self, face_index: int | None = None) -> EnrollDialog:
        if self.enroll_dialog is not None:
            self.enroll_dialog.raise_()
            return self.enroll_dialog
        box = None
        result = self.last_result
        if result is not None and result.faces:
            if face_index is not None and face_index < len(result.faces):
                box = result.faces[face_index].box
            else:
                unknown = [f for f in result.faces if f.person_id is None]
                if unknown:
                    box = max(unknown, key=lambda f: (f.box[2] - f.box[0]) * (f.box[3] - f.box[1])).box
        dialog = EnrollDialog(self.client, self.face_sync, self.pictures_dir, self.names,
                              self.effective_threshold(), initial_box=box, desk=self.config.desk, parent=self)
        self.enroll_dialog = dialog
        self.resultReceived.connect(dialog.add_result)
        dialog.enrolled.connect(self._on_enrolled)
        dialog.finished.connect(lambda _code, d=dialog: self._enroll_closed(d))
        if result is not None:
            dialog.add_result(result)
        dialog.show()
        self.enrollDialogOpened.emit(dialog)
        return dialog

    def _enroll_closed(self, dialog) -> None:
        try:
            self.resultReceived.disconnect(dialog.add_result)
        except TypeError:
            pass
        if self.enroll_dialog is dialog:
            self.enroll_dialog = None
        dialog.deleteLater()

    def _on_enrolled(self, person) -> None:
        self.names[person.person_number] = person.name
        self.statusBar().showMessage(self.tr("Enrolled {name} ({number}).").format(
            name=person.name, number=person.person_number), 8000)
        self.people_tab.refresh()

    # -- attendance --------------------------------------------------------------------
    def _on_checked_in(self, event) -> None:
        person, checkin = event.person, event.checkin
        self.names[person.person_number] = person.name
        self._on_card(event)
        if checkin.status == "recorded":
            self.refresh_today()
        elif checkin.status == "queued":
            self._add_today_row(checkin.checked_in_at, person.name + " " + self.tr("(pending)"),
                                person.person_number, top=True)
        self.checkedIn.emit(event)

    def _on_card(self, event) -> None:
        """Show the person just recognized on the card."""
        self._card_event = event
        person, checkin = event.person, event.checkin
        self.cardName.setText(person.name)
        self.cardNumber.setText(self.tr("No. {number}").format(number=person.person_number))
        self.cardDepartment.setText(person.department or "")
        self.cardTime.setText(checkin.checked_in_at.strftime("%H:%M:%S"))
        status = {
            "recorded": self.tr("Checked in"),
            "cooldown": self.tr("Already checked in"),
            "queued": self.tr("Saved offline; it will be sent when the database is back"),
        }.get(checkin.status, checkin.status)
        self.cardStatus.setText(status)
        chip = getattr(event.face, "chip", None)
        if chip is not None:
            self.cardPhoto.setPixmap(QPixmap.fromImage(to_qimage(chip)).scaled(
                self.cardPhoto.size(), Qt.KeepAspectRatio, Qt.SmoothTransformation))

    def refresh_today(self) -> None:
        from backend import HistoryQuery

        query = HistoryQuery(preset="day", page_size=TODAY_LIMIT)
        self.client.call(lambda b: b.attendance.search(query), self._fill_today,
                         lambda e: log.warning("cannot load today's check-ins: %s", e))

    def _fill_today(self, page) -> None:
        self.today_rows = list(page.rows)
        self.todayTable.setRowCount(0)
        for row in self.today_rows:
            self._add_today_row(row.checked_in_at, row.name, row.person_number)
        self.todayCount.setText(self.tr("Check-ins today: {n}").format(n=page.total))

    def _add_today_row(self, when, name, number, top=False) -> None:
        table = self.todayTable
        row = 0 if top else table.rowCount()
        table.insertRow(row)
        for column, text in enumerate((when.strftime("%H:%M:%S"), name, number)):
            table.setItem(row, column, QTableWidgetItem(text))

    def refresh_directory(self) -> None:
        """Reload person_number -> name (overlay labels); also primes the check-in cache."""
        attendance = self.attendance

        def job(backend):
            people, offset = [], 0
            while True:
                page = backend.people.search("", limit=DIRECTORY_PAGE, offset=offset)
                people += page
                if len(page) < DIRECTORY_PAGE:
                    break
                offset += DIRECTORY_PAGE
            attendance.prime_cache(people)          # runs here, on the database thread
            return people

        def done(people):
            self.names = {p.person_number: p.name for p in people}
            if self.enroll_dialog is not None:
                self.enroll_dialog.names = self.names
        self.client.call(job, done, lambda e: log.warning("cannot load the people list: %s", e))

    # -- faces of other desks -------------------------------------------------------------
    def sync_faces(self) -> None:
        """Apply the face store's changes to the gallery (on the database thread; matching goes on)."""
        if self._face_sync_busy:
            return
        self._face_sync_busy = True
        sync = self.face_sync
        self.client.call(lambda backend: sync.poll(backend), self._faces_synced, self._face_sync_failed)

    def _faces_synced(self, report) -> None:
        self._face_sync_busy = False
        self._face_sync_error = ""
        if report.changed:
            log.info("faces from the database: %d updated, %d removed%s", len(report.updated),
                     len(report.removed), " (full reload)" if report.reloaded else "")
            self.refresh_directory()
            self.people_tab.refresh()

    def _face_sync_failed(self, error) -> None:
        self._face_sync_busy = False
        if str(error) != self._face_sync_error:       # once per kind of failure, not every poll
            self._face_sync_error = str(error)
            log.warning("cannot read face changes from the database: %s", error)

    def check_model_state(self) -> None:
        """How far the face store is embedded with this desk's model; a clear message if not all."""
        sync, model_dir = self.face_sync, str(self.recognizer.model_path)

        def done(state):
            self.model_state = state
            self.settings_tab.show_model_state(state.message(model_dir))
            if not state.complete:
                log.warning("%s", state.message(model_dir))
                self.statusBar().showMessage(state.message(model_dir), 30000)
        self.client.call(lambda backend: sync.model_state(backend), done,
                         lambda e: log.warning("cannot read the face store's model state: %s", e))

    def check_gallery(self) -> None:
        """Compare the gallery with the people table once at start (a crash between the two
        writes, or another database). Only reported: removing faces is the operator's call."""
        gallery = self.gallery

        def job(backend):
            from backend import people_service
            return people_service.reconcile(backend, gallery, remove_orphans=False)

        def done(report):
            if report.removed_from_gallery or report.without_embeddings:
                log.warning("gallery and database disagree: faces without a person %s, people without a "
                            "face %s", report.removed_from_gallery, report.without_embeddings)
                self.statusBar().showMessage(self.tr(
                    "{faces} enrolled faces have no person in the database; {people} people have no "
                    "face (see the log)").format(faces=len(report.removed_from_gallery),
                                                 people=len(report.without_embeddings)), 15000)
        self.client.call(job, done, lambda e: log.warning("cannot compare gallery and database: %s", e))

    # -- status bar --------------------------------------------------------------------
    def _every_second(self) -> None:
        if self.last_result is not None and time.monotonic() - self._last_result_at > RESULT_TTL:
            self.videoView.set_overlays([])
            self.enrollButton.setEnabled(False)
        display = self.videoView.displayed_fps()
        recog = 0.0
        if self.last_result is not None and time.monotonic() - self._last_result_at < 2.0:
            recog = self.last_result.fps
        self.fpsLabel.setText(self.tr("Display {display:.0f} fps · Recognition {recog:.1f} fps").format(
            display=display, recog=recog))
        self.clockLabel.setText(QDateTime.currentDateTime().toString("yyyy-MM-dd HH:mm:ss"))

    def _show_db_status(self, status) -> None:
        self._db_status = status
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
        self.dbLabel.setToolTip(status.message)
        self.dbLabel.setStyleSheet("" if status.online and not status.pending else "color: #c0392b;")

    def _show_data_root(self) -> None:
        self.setWindowTitle(self.tr("Face Attendance — {folder}").format(folder=self.config.data_root))

    def _retranslate_status(self) -> None:
        self.modelLabel.setText(self.tr("Model: {name}").format(name=self.recognizer.spec.name))
        if self._db_status is not None:
            self._show_db_status(self._db_status)
        else:
            self.dbLabel.setText(self.tr("Database: connecting…"))

    # -- settings and language ---------------------------------------------------------
    def apply_settings(self, config, changed) -> None:
        self.config = config
        if "language" in changed:
            i18n.install(config.language)          # LanguageChange -> retranslate()
        if "threshold" in changed and self.session is not None:
            self.session.set_threshold(config.threshold)
        if changed & {"cooldown", "once_per_day"}:
            self.attendance.cooldown = config.cooldown
            self.attendance.forget()
            self._apply_backend_rules()
        if "desk" in changed:
            self.attendance.desk = config.desk
            self.people_tab.desk = config.desk
        if "db_url" in changed and not config.run_db_url:
            self._db_status = None
            self._retranslate_status()
            self.client.reopen(self._backend_factory(config),
                               lambda _b: (self._apply_backend_rules(), self.sync_faces(),
                                           self.check_model_state(), self.refresh_directory(),
                                           self.refresh_today(), self.people_tab.refresh()),
                               lambda e: self.statusBar().showMessage(str(e), 8000))
        if "camera_source" in changed:
            running = self.session is not None
            self.stop_camera()
            self.source = config.camera
            if running:
                self.start_camera()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.retranslateUi(self)
        self._show_data_root()
        self.people_tab.retranslate()
        self.history_tab.retranslate()
        self.settings_tab.retranslate()
        self._retranslate_status()
        self.cameraButton.setText(self.tr("Stop camera") if self.session else self.tr("Start camera"))
        self._show_camera_state(*self.camera_state)
        self.todayCount.setText(self.tr("Check-ins today: {n}").format(n=len(self.today_rows)))
        if self._card_event is not None:
            self._on_card(self._card_event)
        self._every_second()

    # -- shutdown ----------------------------------------------------------------------
    def closeEvent(self, event) -> None:
        started = time.monotonic()
        self._closing = True
        self._tick.stop()
        self._today_timer.stop()
        self._face_timer.stop()
        if self.enroll_dialog is not None:
            self.enroll_dialog.reject()
        camera_ok = self.stop_camera(700)
        db_ok = self.client.close(max(50, int(1000 - 1000 * (time.monotonic() - started))))
        tasks.wait_for_tasks(max(10, int(1000 - 1000 * (time.monotonic() - started))))
        log.info("closed in %.0f ms (camera %s, database %s)", 1000 * (time.monotonic() - started),
                 "ok" if camera_ok else "late", "ok" if db_ok else "late")
        super().closeEvent(event)
