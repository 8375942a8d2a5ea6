"""Background work whose outcome comes back to the GUI thread: CPU work (embedding photos) on Qt's
thread pool here, database calls on the database thread (gui.backend_client); both hand their
outcome to the callbacks through :func:`deliver`."""
from __future__ import annotations

import logging

from PyQt5.QtCore import QObject, QRunnable, QThreadPool, pyqtSignal

log = logging.getLogger(__name__)


class _Relay(QObject):
    finished = pyqtSignal(object, object)     # result, error


class _Task(QRunnable):
    def __init__(self, fn, relay):
        super().__init__()
        self.fn, self.relay = fn, relay

    def run(self) -> None:
        try:
            result, error = self.fn(), None
        except Exception as exc:
            log.debug("background task failed", exc_info=True)
            result, error = None, exc
        self.relay.finished.emit(result, error)


_relays: set = set()


def deliver(on_done, on_error, result, error) -> None:
    """On the GUI thread: ``on_done(result)``, or ``on_error(error)`` (logged when there is none);
    a callback whose widget was closed meanwhile is dropped."""
    try:
        if error is None:
            if on_done is not None:
                on_done(result)
        elif on_error is not None:
            on_error(error)
        else:
            log.error("background job failed: %s", error)
    except RuntimeError as exc:   # the receiving widget is gone
        log.debug("callback dropped: %s", exc)


def run_in_pool(fn, on_done=None, on_error=None) -> None:
    """Run ``fn()`` on QThreadPool.globalInstance(); callbacks run on the GUI thread."""
    relay = _Relay()
    _relays.add(relay)              # keep it alive until the task reports back

    def finished(result, error):
        _relays.discard(relay)
        deliver(on_done, on_error, result, error)

    relay.finished.connect(finished)
    QThreadPool.globalInstance().start(_Task(fn, relay))


def wait_for_tasks(timeout_ms: int) -> bool:
    return QThreadPool.globalInstance().waitForDone(timeout_ms)
