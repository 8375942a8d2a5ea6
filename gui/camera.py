"""Camera/video capture and recognition workers (never on the GUI thread).

``CameraWorker`` (a QThread) reads frames at the source's rate (a video file is
paced by its fps), converts them to QImage for display and hands the newest
one to ``RecognitionWorker`` (a second QThread). The recognizer works on the
latest frame only: frames that arrive while it is busy replace each other in a
one-slot mailbox, so recognition drops frames instead of queueing them and the
display keeps the camera's pace. The GUI pulls the newest display frame when it
is told one is there, so a slow GUI drops display frames too.
"""
from __future__ import annotations

import dataclasses
import logging
import os
import threading
import time

import cv2
import numpy as np
from PyQt5.QtCore import QThread, pyqtSignal
from PyQt5.QtGui import QImage

log = logging.getLogger(__name__)

#: Workers that did not stop in time (blocked in a driver call): kept referenced so that
#: Qt never destroys a running QThread; main.py disables destroy-on-exit for them.
_LINGERING: list = []

RETRY_SECONDS = 2.0          # between attempts to (re)open a camera or stream
STREAM_TIMEOUT_MS = 3000     # FFmpeg open/read timeout for network streams


def parse_source(source) -> int | str:
    """``"0"`` -> camera index 0; anything else is a file path or a stream URL."""
    text = str(source).strip()
    if not text:
        raise ValueError("empty camera source")
    return int(text) if text.isdigit() else text


def source_kind(source) -> str:
    """"camera", "stream" (rtsp://, http://...) or "file"."""
    parsed = parse_source(source)
    if isinstance(parsed, int):
        return "camera"
    return "stream" if "://" in parsed else "file"


def to_qimage(frame_bgr: np.ndarray) -> QImage:
    """A QImage that owns a copy of the BGR frame's pixels."""
    frame = np.ascontiguousarray(frame_bgr)
    h, w = frame.shape[:2]
    return QImage(frame.data, w, h, frame.strides[0], QImage.Format_BGR888).copy()


def wait_for_lingering(timeout_s: float) -> bool:
    """Wait for workers that missed their stop deadline (e.g. closed during the first,
    tracing recognition call); True when none is left running."""
    deadline = time.monotonic() + timeout_s
    for thread in list(_LINGERING):
        thread.wait(max(0, int(1000 * (deadline - time.monotonic()))))
    return not any(t.isRunning() for t in _LINGERING)


def to_display_qimage(frame_bgr: np.ndarray, size=None) -> QImage:
    """The frame scaled to fit ``size`` (w, h) and converted to RGB32, Qt's native paint format.

    Done on the capture thread so the GUI thread only blits the pixels.
    """
    h, w = frame_bgr.shape[:2]
    if size is not None and size[0] > 0 and size[1] > 0:
        scale = min(size[0] / w, size[1] / h)
        tw, th = max(1, int(round(w * scale))), max(1, int(round(h * scale)))
        if (tw, th) != (w, h):
            frame_bgr = cv2.resize(frame_bgr, (tw, th),
                                   interpolation=cv2.INTER_AREA if scale < 1 else cv2.INTER_LINEAR)
    bgra = cv2.cvtColor(frame_bgr, cv2.COLOR_BGR2BGRA)
    return QImage(bgra.data, bgra.shape[1], bgra.shape[0], bgra.strides[0], QImage.Format_RGB32).copy()


@dataclasses.dataclass
class RecognitionResult:
    seq: int                 # frame number in the source
    frame: np.ndarray        # the BGR frame the faces were found in
    faces: list              # recognition.stream.TrackedFace of this frame (box, state, person, hint...)
    decisions: list          # recognition.stream.Decision made at this frame (check-ins come from these)
    enrollment: object       # recognition.stream.EnrollmentState while a face is being enrolled, else None
    operating_point: object  # recognition.stream.OperatingPoint the decisions were made at
    elapsed: float           # seconds spent in StreamRecognizer.process
    fps: float               # recognitions per second, smoothed
    timestamp: float         # time.monotonic() when the frame was read
    visits: frozenset = frozenset()   # track ids of the visits going on (recognition.stream's .visits)


def lower_recognition_priority(steps: int = 10) -> None:
    """Make recognition yield the CPU to the display: nice the calling thread and
    TensorFlow's worker threads (named ``tf_*``) by ``steps``.

    Linux keeps a nice value per thread; elsewhere, or if not allowed, nothing changes.
    """
    try:
        tids = [threading.get_native_id()]
        for tid in os.listdir("/proc/self/task"):
            try:
                with open(f"/proc/self/task/{tid}/comm", encoding="utf-8") as f:
                    if f.read().startswith("tf_"):
                        tids.append(int(tid))
            except OSError:
                continue
        for tid in tids:
            os.setpriority(os.PRIO_PROCESS, tid, min(19, os.getpriority(os.PRIO_PROCESS, tid) + steps))
    except (AttributeError, OSError):
        pass


class RecognitionWorker(QThread):
    """Feeds the newest submitted frame to a StreamRecognizer, one at a time.

    The stream lives on this thread only; the GUI asks it for things (enroll a face, another
    policy, forget the tracks) with :meth:`request`, which runs them here before the next frame.
    """

    resultReady = pyqtSignal(object)      # RecognitionResult
    failed = pyqtSignal(str)

    def __init__(self, recognizer, gallery, policy=None, parent=None):
        super().__init__(parent)
        from recognition.stream import StreamRecognizer

        self.stream = StreamRecognizer(recognizer, gallery, policy)
        self._cond = threading.Condition()
        self._slot = None
        self._requests: list = []
        self._stop = False
        self.submitted = 0
        self.processed = 0
        self._fps = 0.0

    def submit(self, seq: int, frame: np.ndarray, timestamp: float) -> None:
        """Offer a frame; it replaces any frame still waiting (that one is dropped)."""
        with self._cond:
            self._slot = (seq, frame, timestamp)
            self.submitted += 1
            self._cond.notify()

    def request(self, job) -> None:
        """Run ``job(stream)`` on the recognition thread before the next frame."""
        with self._cond:
            self._requests.append(job)

    def clear(self) -> None:
        with self._cond:
            self._slot = None
        self.request(lambda stream: stream.reset())

    def stop(self) -> None:
        with self._cond:
            self._stop = True
            self._cond.notify()

    def run(self) -> None:
        lower_recognition_priority()
        last_done = None
        while True:
            with self._cond:
                while self._slot is None and not self._stop:
                    self._cond.wait()
                if self._stop:
                    return
                seq, frame, timestamp = self._slot
                self._slot = None
                requests, self._requests = self._requests, []
            start = time.perf_counter()
            try:
                for job in requests:
                    job(self.stream)
                decisions = self.stream.process(frame, timestamp)
                faces, enrollment, point = self.stream.faces, self.stream.enrollment, self.stream.operating_point
                visits = self.stream.visits
            except Exception as exc:  # a bad frame or model error must not kill the worker
                log.exception("recognition failed on frame %d", seq)
                self.failed.emit(str(exc))
                continue
            done = time.perf_counter()
            if last_done is not None:
                rate = 1.0 / max(done - last_done, 1e-6)
                self._fps = rate if self._fps == 0 else 0.8 * self._fps + 0.2 * rate
            last_done = done
            self.processed += 1
            self.resultReady.emit(RecognitionResult(seq, frame, faces, decisions, enrollment, point,
                                                    done - start, self._fps, timestamp, visits))


class CameraWorker(QThread):
    """Reads a camera index, a video file or a stream URL and feeds display + recognition.

    ``stateChanged(state, detail)`` states: ``opening``, ``running``, ``retrying``
    (camera/stream missing or unplugged; it retries every RETRY_SECONDS),
    ``ended`` (end of a video file), ``failed`` (cannot be retried, e.g. no such file),
    ``stopped``.
    """

    frameAvailable = pyqtSignal()          # pull the frame with take_frame()
    stateChanged = pyqtSignal(str, str)

    def __init__(self, source, recognition: RecognitionWorker | None = None, loop: bool = False,
                 parent=None):
        super().__init__(parent)
        self.source = parse_source(source)
        self.kind = source_kind(source)
        self.recognition = recognition
        self.recognition_enabled = recognition is not None
        self.loop = loop
        self.frames_read = 0
        self.source_fps = 0.0
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._latest = None           # (seq, QImage, (frame width, frame height))
        self._pending = False
        #: (w, h) the display frames are scaled to (the video widget's size); None: as captured
        self.display_size = None

    # -- called from the GUI thread -------------------------------------------------
    def stop(self) -> None:
        self._stop.set()

    def take_frame(self):
        """The newest display frame ``(seq, QImage, frame size)`` or None; clears the pending flag."""
        with self._lock:
            latest, self._latest, self._pending = self._latest, None, False
        return latest

    # -- worker thread ---------------------------------------------------------------
    def _open(self):
        if self.kind == "stream":
            return cv2.VideoCapture(self.source, cv2.CAP_FFMPEG,
                                    [cv2.CAP_PROP_OPEN_TIMEOUT_MSEC, STREAM_TIMEOUT_MS,
                                     cv2.CAP_PROP_READ_TIMEOUT_MSEC, STREAM_TIMEOUT_MS])
        return cv2.VideoCapture(self.source)

    def _sleep(self, seconds: float) -> bool:
        """Sleep unless stopped; returns False if stop was requested."""
        return not self._stop.wait(max(0.0, seconds))

    def run(self) -> None:
        try:
            self._run()
        except Exception as exc:  # never let a capture error escape the thread
            log.exception("camera worker crashed")
            self.stateChanged.emit("failed", str(exc))
            return
        self.stateChanged.emit("stopped", "")

    def _run(self) -> None:
        if self.kind == "file" and not os.path.isfile(self.source):
            self.stateChanged.emit("failed", f"no such video file: {self.source}")
            return
        while not self._stop.is_set():
            self.stateChanged.emit("opening", str(self.source))
            cap = self._open()
            if not cap.isOpened():
                cap.release()
                if self.kind == "file":
                    self.stateChanged.emit("failed", f"cannot decode video file: {self.source}")
                    return
                log.warning("camera %s is not available; retrying in %.0f s", self.source, RETRY_SECONDS)
                self.stateChanged.emit("retrying", f"cannot open {self.source}")
                if not self._sleep(RETRY_SECONDS):
                    return
                continue
            try:
                outcome = self._read_loop(cap)
            finally:
                cap.release()
            if outcome == "stopped":
                return
            if outcome == "ended":
                if self.loop:
                    continue
                self.stateChanged.emit("ended", str(self.source))
                return
            # lost: camera unplugged or stream dropped
            log.warning("camera %s stopped delivering frames; retrying", self.source)
            self.stateChanged.emit("retrying", f"{self.source} stopped delivering frames")
            if not self._sleep(RETRY_SECONDS):
                return

    def _read_loop(self, cap) -> str:
        fps = cap.get(cv2.CAP_PROP_FPS)
        paced = self.kind == "file"
        self.source_fps = fps if 1.0 <= fps <= 240.0 else 25.0
        period = 1.0 / self.source_fps
        next_time = time.monotonic()
        announced = False
        while not self._stop.is_set():
            ok, frame = cap.read()
            if not ok or frame is None or frame.size == 0:
                return "ended" if self.kind == "file" else "lost"
            now = time.monotonic()
            if not announced:
                self.stateChanged.emit("running", f"{frame.shape[1]}x{frame.shape[0]} @ {self.source_fps:.0f} fps")
                announced = True
            seq = self.frames_read
            self.frames_read += 1
            if self.recognition is not None and self.recognition_enabled:
                self.recognition.submit(seq, frame, now)
            image = to_display_qimage(frame, self.display_size)
            with self._lock:
                self._latest = (seq, image, (frame.shape[1], frame.shape[0]))
                notify = not self._pending
                self._pending = True
            if notify:
                self.frameAvailable.emit()
            if paced:
                next_time += period
                delay = next_time - time.monotonic()
                if delay < -1.0:          # far behind (machine busy): do not try to catch up
                    next_time = time.monotonic()
                elif delay > 0 and not self._sleep(delay):
                    break
        return "stopped"


class CameraSession:
    """A camera worker plus its recognition worker, started and stopped together."""

    def __init__(self, source, recognizer, gallery, policy=None, loop=False, recognition=True):
        self.recognition = RecognitionWorker(recognizer, gallery, policy)
        self.camera = CameraWorker(source, self.recognition, loop=loop)
        self.camera.recognition_enabled = recognition

    def start(self) -> None:
        self.recognition.start()
        self.camera.start()

    def set_recognition_enabled(self, enabled: bool) -> None:
        self.camera.recognition_enabled = enabled
        if not enabled:
            self.recognition.clear()

    def set_policy(self, policy) -> None:
        self.recognition.request(lambda stream: stream.set_policy(policy))

    def stop(self, timeout_ms: int = 1000) -> bool:
        """Ask both threads to finish and wait for them; True if both ended in time."""
        self.camera.stop()
        self.recognition.stop()
        deadline = time.monotonic() + timeout_ms / 1000.0
        ok = self.camera.wait(max(1, int((deadline - time.monotonic()) * 1000)))
        ok = self.recognition.wait(max(1, int((deadline - time.monotonic()) * 1000))) and ok
        if not ok:
            log.warning("camera/recognition threads did not stop within %d ms", timeout_ms)
            _LINGERING.extend([self.camera, self.recognition])
        return ok

    def is_running(self) -> bool:
        return self.camera.isRunning()
