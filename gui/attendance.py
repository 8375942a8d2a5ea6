"""The stream's decisions -> check-ins, on the database thread.

Each decision of the stream recognizer that names a person is one visit, so it is one check-in
attempt; the backend alone applies the cooldown (or once-a-day) rule. People looked up once are kept
in a small cache on the database thread, so a check-in can still go to the outbox when the database
is unreachable.
"""
from __future__ import annotations

import dataclasses
import logging

from PyQt5.QtCore import QObject, pyqtSignal

log = logging.getLogger(__name__)


@dataclasses.dataclass
class CheckInEvent:
    person: object            # backend Person
    checkin: object           # backend CheckIn (status "recorded" | "cooldown" | "queued")
    decision: object          # recognition.stream.Decision (its chip is the card's photo)


class AttendanceController(QObject):
    checkedIn = pyqtSignal(object)       # CheckInEvent
    failed = pyqtSignal(str, str)        # person_number, message

    def __init__(self, client, desk: str = "", parent=None):
        super().__init__(parent)
        self.client = client
        self.desk = desk
        self.enabled = True
        self._cache: dict[str, object] = {}     # person_number -> Person; touched on the DB thread only
        self.sent = 0

    def forget(self, person_number: str | None = None) -> None:
        """Drop cached people (all, or one that was changed or deleted)."""
        cache = self._cache
        self.client.call(lambda _b: cache.pop(person_number, None) if person_number else cache.clear())

    def prime_cache(self, people) -> None:
        """Remember these people for offline check-ins; call on the database thread only."""
        self._cache.clear()
        self._cache.update((p.person_number, p) for p in people)

    def handle_decisions(self, decisions) -> None:
        if not self.enabled:
            return
        for decision in decisions:
            if decision.person_id is not None:
                self._submit(decision)

    def _submit(self, decision) -> None:
        number, desk, cache = decision.person_id, self.desk, self._cache
        distance = float(decision.distance)

        def job(backend):
            from backend import BackendError

            try:
                person = backend.people.get_by_number(number)
            except BackendError:
                person = cache.get(number)       # database unreachable: use what we knew
                if person is None:
                    raise
            if person is None:
                return None
            cache[number] = person
            return person, backend.attendance.check_in(person.id, desk=desk, distance=distance)

        def done(outcome):
            if outcome is None:
                log.warning("recognized %s but the database has no such person number", number)
                self.failed.emit(number, "unknown person number")
                return
            person, checkin = outcome
            log.info("check-in %s (%s): %s, distance %.3f after %d frames in %.2f s", person.name, number,
                     checkin.status, distance, decision.frames, decision.latency)
            self.checkedIn.emit(CheckInEvent(person, checkin, decision))

        def failed(error):
            log.error("check-in of %s failed: %s", number, error)
            self.failed.emit(number, str(error))

        self.sent += 1
        self.client.call(job, done, failed)
