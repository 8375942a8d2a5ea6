"""The camera part of the live tab: start and stop the source, show its frames and its state.

Owns the CameraSession (gui.camera: capture and recognition threads) and tells the rest of the
window, through signals on the GUI thread, what the recognition found.
"""
from __future__ import annotations

import logging
from pathlib import Path

from PyQt5.QtCore import QObject, pyqtSignal, pyqtSlot

from gui.camera import CameraSession, source_kind
from gui.elide import elide

log = logging.getLogger(__name__)


class _SessionSignals(QObject):
    """One camera session's signals, delivered to the panel together with that session.

    Each signal has a slot of its own arity here (declared with pyqtSlot), not a lambda made per session:
    PyQt calls a plain Python callable with the signal's arguments and, on a TypeError, again with fewer, so
    a lambda's arity is guessed at each call; an error was seen (``<lambda>() missing 1 required positional
    argument``) when a new source started while the previous session still retried an absent camera. The
    relay is deleted with its session: Qt drops the signals the old session's threads send after that.
    """

    def __init__(self, panel: "CameraPanel", session: CameraSession):
        super().__init__(panel)
        self.panel, self.session = panel, session
        session.camera.frameAvailable.connect(self.frame)
        session.camera.stateChanged.connect(self.state)
        session.recognition.resultReady.connect(self.result)
        session.recognition.failed.connect(panel.failed)

    @pyqtSlot()
    def frame(self) -> None:
        self.panel._on_frame(self.session)

    @pyqtSlot(str, str)
    def state(self, state: str, detail: str) -> None:
        self.panel._on_state(self.session, state, detail)

    @pyqtSlot(object)
    def result(self, result) -> None:
        self.panel._on_result(self.session, result)


class CameraPanel(QObject):
    resultReady = pyqtSignal(object)          # gui.camera.RecognitionResult of the running session
    stateChanged = pyqtSignal(str, str)       # camera state, detail
    failed = pyqtSignal(str)                  # a recognition error message

    def __init__(self, ui, recognizer, gallery, source: str, policy, loop: bool = False, parent=None):
        super().__init__(parent)
        self.ui, self.recognizer, self.gallery = ui, recognizer, gallery
        self.source = source
        self.policy = policy
        self.loop = loop                       # replay a video file when it ends
        self.session: CameraSession | None = None
        self._signals: _SessionSignals | None = None     # the running session's relay
        self.state = ("stopped", "")
        self.closing = False
        self.diagnostics = False               # the running camera's size and frame rate in its message
        ui.cameraButton.clicked.connect(self.toggle)
        ui.recognitionCheck.toggled.connect(self.set_recognition_enabled)
        ui.videoView.resized.connect(self._video_resized)
        elide(ui.cameraMessage)            # one line: a long file name never takes height from the video
        self.show_state("stopped", "")

    # -- control --------------------------------------------------------------------------
    def toggle(self) -> None:
        if self.session is not None:
            self.stop()
        else:
            self.start()

    def start(self, source=None) -> None:
        if self.session is not None:
            return
        if source is not None:
            self.source = str(source)
        try:
            session = CameraSession(self.source, self.recognizer, self.gallery, self.policy, loop=self.loop,
                                    recognition=self.ui.recognitionCheck.isChecked())
        except ValueError as exc:
            self.show_state("failed", str(exc))
            return
        self.session = session
        view = self.ui.videoView
        session.camera.display_size = (view.width(), view.height())
        self._signals = _SessionSignals(self, session)
        self.ui.cameraButton.setText(self.tr("Stop camera"))
        session.start()

    def stop(self, timeout_ms: int = 1000) -> bool:
        session, self.session = self.session, None
        self._drop_signals()
        ok = session.stop(timeout_ms) if session is not None else True
        self.ui.videoView.clear()
        self.ui.cameraButton.setText(self.tr("Start camera"))
        if not self.closing:
            self.show_state("stopped", "")
        return ok

    def request(self, job) -> bool:
        """Run ``job(stream)`` on the recognition thread before its next frame; False without a camera."""
        if self.session is None:
            return False
        self.session.recognition.request(job)
        return True

    def set_policy(self, policy) -> None:
        self.policy = policy
        self.request(lambda stream: stream.set_policy(policy))

    def set_recognition_enabled(self, enabled: bool) -> None:
        if self.session is not None:
            self.session.set_recognition_enabled(enabled)

    def set_source(self, source: str) -> None:
        """Switch to ``source``: started unless the operator had stopped the camera (a video that ended or
        a source that failed was not stopped by anyone: the new source is what they want to see)."""
        run = self.session is not None or self.state[0] in ("ended", "failed")
        self.stop()
        self.source = source
        if run:
            self.start()

    # -- from the threads ---------------------------------------------------------------------
    def _video_resized(self, size) -> None:
        if self.session is not None:
            self.session.camera.display_size = (size.width(), size.height())

    def _on_frame(self, session) -> None:
        if session is not self.session:
            return
        latest = session.camera.take_frame()
        if latest is not None:
            self.ui.videoView.set_frame(latest[1], latest[2])

    def _on_result(self, session, result) -> None:
        if session is self.session and self.ui.recognitionCheck.isChecked():
            self.resultReady.emit(result)

    def _on_state(self, session, state: str, detail: str) -> None:
        if session is not self.session:
            return
        log.log(logging.WARNING if state in ("retrying", "failed") else logging.INFO,
                "camera %s: %s %s", self.source, state, detail)
        self.show_state(state, detail)
        self.stateChanged.emit(state, detail)
        if state in ("ended", "failed"):
            # the capture thread ended by itself: stop recognition too, keep the message
            self.session = None
            self._drop_signals()
            session.stop(1000)
            self.ui.cameraButton.setText(self.tr("Start camera"))

    def _drop_signals(self) -> None:
        if self._signals is not None:
            self._signals.deleteLater()        # after the slot that may be running now
            self._signals = None

    # -- text ---------------------------------------------------------------------------------
    def show_state(self, state: str, detail: str) -> None:
        self.state = (state, detail)
        source = self.source
        if source and source_kind(source) == "file":
            source = Path(source).name                 # the folder is in the log, not on screen
        texts = {
            "opening": self.tr("Opening camera {source}…"),
            "running": self.tr("Camera {source}: {detail}") if self.diagnostics else self.tr("Camera {source} is on."),
            # the capture thread's reason ("cannot open 0") is an engineer's detail, in English
            "retrying": self.tr("Camera {source} is not available ({detail}). Check the cable; "
                                "retrying every 2 s…") if self.diagnostics else
                        self.tr("Camera {source} is not available. Check the cable; retrying every 2 s…"),
            "ended": self.tr("End of the video {source}."),
            "failed": self.tr("Cannot use camera source {source}: {detail}") if self.diagnostics else
                      self.tr("Cannot use camera source {path}. Check it in Settings."),
            "stopped": self.tr("Camera stopped. Press \"Start camera\"."),
        }
        text = texts.get(state, "{detail}").format(source=source, detail=detail, path=self.source)
        self.ui.cameraMessage.setText(text)
        self.ui.cameraMessage.setToolTip(text)
        view = self.ui.videoView
        if state != "running":
            view.set_placeholder(text)
        if state in ("retrying", "failed"):
            view.clear()

    def set_diagnostics(self, on: bool) -> None:
        self.diagnostics = bool(on)
        self.show_state(*self.state)

    def retranslate(self) -> None:
        self.ui.cameraButton.setText(self.tr("Stop camera") if self.session else self.tr("Start camera"))
        self.show_state(*self.state)
