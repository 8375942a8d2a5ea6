"""Run CPU work (embedding photos) on Qt's thread pool; results come back on the GUI thread."""
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


def run_in_pool(fn, on_done=None, on_error=None) -> None:
    """Run ``fn()`` on QThreadPool.globalInstance(); callbacks run on the GUI thread."""
    relay = _Relay()
    _relays.add(relay)              # keep it alive until the task reports back

    def deliver(result, error):
        _relays.discard(relay)
        try:
            if error is None:
                if on_done is not None:
                    on_done(result)
            elif on_error is not None:
                on_error(error)
            else:
                log.error("background task failed: %s", error)
        except RuntimeError as exc:   # the receiving widget is gone
            log.debug("callback dropped: %s", exc)

    relay.finished.connect(deliver)
    QThreadPool.globalInstance().start(_Task(fn, relay))


def wait_for_tasks(timeout_ms: int) -> bool:
    return QThreadPool.globalInstance().waitForDone(timeout_ms)
