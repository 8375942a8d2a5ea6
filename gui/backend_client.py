"""Runs every database call on one worker thread, never on the GUI thread.

The Backend is opened, used and closed in that thread (an SQLite connection stays
on the thread that made it). The GUI submits ``fn(backend)`` jobs with ``call``;
their results or errors come back to callbacks on the GUI thread through a
queued signal. A timer polls ``Backend.status()`` and flushes the outbox when the
database is back.
"""
from __future__ import annotations

import dataclasses
import logging
import queue
import time

from PyQt5.QtCore import QObject, QThread, QTimer, pyqtSignal

from gui.tasks import deliver

log = logging.getLogger(__name__)

STATUS_INTERVAL_MS = 3000
RECONNECT_SECONDS = 5.0    # least time between two reconnection attempts while offline


class BackendUnavailable(RuntimeError):
    """The backend could not be opened (bad URL, missing driver...)."""


@dataclasses.dataclass
class ClientStatus:
    """What the status bar shows; mirrors backend.BackendStatus plus an open error."""
    kind: str                 # "mysql" | "sqlite" | "" (not open)
    online: bool
    pending: int
    message: str


_STOP = object()


class _Worker(QThread):
    def __init__(self, client: "BackendClient"):
        super().__init__()
        self.client = client

    def run(self) -> None:
        self.client._thread_main()


class BackendClient(QObject):
    statusChanged = pyqtSignal(object)            # ClientStatus
    _finished = pyqtSignal(object, object, object)  # callbacks, result, error

    def __init__(self, factory, parent=None):
        """``factory()`` opens the Backend; it is called on the worker thread."""
        super().__init__(parent)
        self._factory = factory
        self._queue: queue.Queue = queue.Queue()
        self._backend = None
        self._open_error: Exception | None = None
        self._worker = _Worker(self)
        self._finished.connect(self._deliver)
        self._poll_busy = False
        self._last_reconnect = 0.0
        self._timer = QTimer(self)
        self._timer.setInterval(STATUS_INTERVAL_MS)
        self._timer.timeout.connect(self.poll_status)
        self.last_status: ClientStatus | None = None
        self.calls_done = 0

    # -- GUI thread ------------------------------------------------------------------
    def start(self) -> None:
        self._worker.start()
        self._timer.start()
        self.poll_status()

    def call(self, fn, on_done=None, on_error=None) -> None:
        """Run ``fn(backend)`` on the worker thread; callbacks run on the GUI thread.

        If the backend could not be opened, ``on_error`` gets a BackendUnavailable.
        """
        self._queue.put((fn, on_done, on_error, True))

    def reopen(self, factory, on_done=None, on_error=None) -> None:
        """Close the current backend and open another (new database URL)."""
        def job(_backend):
            self._close_backend()
            self._factory = factory
            self._open()
            if self._backend is None:
                raise self._open_error
            return self._backend
        self._queue.put((job, on_done, on_error, False))
        self._queue.put((lambda b: None, lambda _: self.poll_status(), None, False))

    def poll_status(self) -> None:
        if self._poll_busy:
            return
        self._poll_busy = True
        self._queue.put((self._status_job, self._status_done, self._status_failed, False))

    def close(self, timeout_ms: int = 1000) -> bool:
        """Stop polling, close the backend on its thread and wait for it."""
        self._timer.stop()
        self._queue.put(_STOP)
        ok = self._worker.wait(timeout_ms)
        if not ok:
            log.warning("the database thread did not stop within %d ms", timeout_ms)
            from gui import camera
            camera._LINGERING.append(self._worker)
        return ok

    def _deliver(self, callbacks, result, error) -> None:
        deliver(*callbacks, result, error)

    def _status_done(self, status: ClientStatus) -> None:
        self._poll_busy = False
        self.last_status = status
        self.statusChanged.emit(status)

    def _status_failed(self, error: Exception) -> None:
        self._status_done(ClientStatus("", False, 0, str(error)))

    # -- worker thread -----------------------------------------------------------------
    def _open(self) -> None:
        try:
            self._backend = self._factory()
            self._open_error = None
        except Exception as exc:
            log.error("cannot open the database: %s", exc)
            self._backend, self._open_error = None, exc

    def _close_backend(self) -> None:
        if self._backend is not None:
            try:
                self._backend.close()
            except Exception:
                log.exception("closing the database failed")
            self._backend = None

    def _status_job(self, backend) -> ClientStatus:
        if backend is None:
            return ClientStatus("", False, 0, str(self._open_error))
        status = backend.status()
        now = time.monotonic()
        if (status.pending or not status.online) and now - self._last_reconnect >= RECONNECT_SECONDS:
            self._last_reconnect = now
            flushed = backend.flush_outbox()       # reconnects first when offline
            if flushed:
                log.info("sent %d queued check-ins from the outbox", flushed)
            status = backend.status()
        return ClientStatus(status.kind, bool(status.online), int(status.pending), status.message)

    def _thread_main(self) -> None:
        self._open()
        while True:
            item = self._queue.get()
            if item is _STOP:
                self._close_backend()
                return
            fn, on_done, on_error, needs_backend = item
            started = time.perf_counter()
            try:
                if needs_backend and self._backend is None:
                    raise BackendUnavailable(f"the database is not open: {self._open_error}")
                result, error = fn(self._backend), None
            except Exception as exc:
                result, error = None, exc
                if not isinstance(exc, BackendUnavailable):
                    log.debug("database job failed", exc_info=True)
            self.calls_done += 1
            log.debug("database job %s took %.1f ms", getattr(fn, "__name__", fn),
                      1000 * (time.perf_counter() - started))
            self._finished.emit((on_done, on_error), result, error)
