"""The Qt side of check-ins: the stream's decisions and the operator's confirmations go to desk.check_ins on
the database thread (gui.backend_client), and come back as signals for the live tab and the status bar.

What is decided (the offline person cache, no learning when queued, the sample the store keeps) is in
desk.check_ins; this adapter only moves the work between threads and says how it went.
"""
from __future__ import annotations

import logging

from PyQt5.QtCore import QObject, pyqtSignal

from desk.check_ins import CheckInEvent, CheckIns, attempts, confirmed, rejections

__all__ = ["CheckInController", "CheckInEvent"]

log = logging.getLogger(__name__)


class CheckInController(QObject):
    checkedIn = pyqtSignal(object)       # desk.check_ins.CheckInEvent
    failed = pyqtSignal(str, str)        # person_number, message
    rejected = pyqtSignal(object)        # backend RejectedAttempt: a check-in refused (the face not shown live)

    def __init__(self, client, desk, parent=None, *, max_learned: int = 20):
        """``desk``: the desk's context (desk.wiring.Desk): its name and operator are read from its settings
        at each check-in, learned samples are stored through its face sync."""
        super().__init__(parent)
        self.client = client
        self.context = desk
        self.core = CheckIns(desk.settings.desk, desk.face_sync, max_learned)
        self.enabled = True
        self.sent = 0

    @property
    def desk(self) -> str:
        return self.context.settings.desk

    def forget(self, person_number: str | None = None) -> None:
        """Drop cached people (all, or one that was changed or deleted)."""
        core = self.core
        self.client.call(lambda _b: core.forget(person_number))

    def prime_cache(self, people) -> None:
        """Remember these people for offline check-ins; call on the database thread only."""
        self.core.prime_cache(people)

    def handle_decisions(self, decisions) -> None:
        if not self.enabled:
            return
        settings = self.context.settings
        for attempt in attempts(decisions, settings.liveness, settings.operator):
            self._submit(attempt)
        for rejection in rejections(decisions):
            self._reject(rejection)

    def confirm(self, decision) -> None:
        """The operator confirmed a missed visit's candidate: check them in ("confirmed") and learn; a
        confirmation the stream refused (the face not shown live) is a rejected attempt."""
        if getattr(decision, "refused", None):
            self.handle_decisions([decision])
            return
        settings = self.context.settings
        self._submit(confirmed(decision, settings.operator, settings.liveness))

    def _reject(self, rejection) -> None:
        core, desk = self.core, self.desk

        def done(attempt):
            log.info("rejected attempt (%s, %s) of %s: %s", rejection.method, rejection.reason,
                     rejection.number or "nobody enrolled", attempt.status)
            self.rejected.emit(attempt)

        self.client.call(lambda backend: core.reject(backend, rejection, desk), done,
                         lambda error: log.error("a rejected attempt was not logged: %s", error))

    def _submit(self, attempt) -> None:
        core, number, desk = self.core, attempt.number, self.desk

        def job(backend):
            return core.check_in(backend, attempt, desk)     # the desk's name as Settings has it now

        def done(event):
            if event is None:
                log.warning("recognized %s but the database has no such person number", number)
                self.failed.emit(number, "unknown person number")
                return
            decision = attempt.decision
            log.info("check-in %s (%s) by %s: %s, distance %.3f after %d frames in %.2f s%s", event.person.name,
                     number, attempt.method, event.checkin.status, attempt.distance, decision.frames,
                     decision.latency, ", sample learned" if event.learned else "")
            self.checkedIn.emit(event)

        def failed(error):
            log.error("check-in of %s failed: %s", number, error)
            self.failed.emit(number, str(error))

        self.sent += 1
        self.client.call(job, done, failed)
