"""Recognized faces -> check-ins, on the database thread.

The backend applies the cooldown rule; this controller also remembers who it sent
recently (``cooldown`` seconds) so a person standing in front of the camera does
not cost a database round trip per frame. People looked up once are kept in a
small cache on the database thread, so a check-in can still go to the outbox when
the database is unreachable.
"""
from __future__ import annotations

import dataclasses
import logging
import time

from PyQt5.QtCore import QObject, pyqtSignal

log = logging.getLogger(__name__)

RETRY_AFTER = 5.0   # seconds before a failed check-in is tried again


@dataclasses.dataclass
class CheckInEvent:
    person: object            # backend Person
    checkin: object           # backend CheckIn (status "recorded" | "cooldown" | "queued")
    face: object              # recognition Face (chip for the card)
    distance: float | None


class AttendanceController(QObject):
    checkedIn = pyqtSignal(object)       # CheckInEvent
    failed = pyqtSignal(str, str)        # person_number, message

    def __init__(self, client, desk: str = "", cooldown: float = 60.0, parent=None):
        super().__init__(parent)
        self.client = client
        self.desk = desk
        self.cooldown = float(cooldown)
        self.enabled = True
        self._recent: dict[str, float] = {}     # person_number -> time.monotonic() sent
        self._cache: dict[str, object] = {}     # person_number -> Person; touched on the DB thread only
        self.sent = 0

    def forget(self, person_number: str | None = None) -> None:
        """Drop the recent-set (e.g. after the cooldown setting or a person changed)."""
        if person_number is None:
            self._recent.clear()
        else:
            self._recent.pop(person_number, None)
        cache = self._cache
        self.client.call(lambda _b: cache.pop(person_number, None) if person_number else cache.clear())

    def prime_cache(self, people) -> None:
        """Remember these people for offline check-ins; call on the database thread only."""
        self._cache.clear()
        self._cache.update((p.person_number, p) for p in people)

    def handle_result(self, result) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        window = max(self.cooldown, 1.0)
        for face in result.faces:
            number = face.person_id
            if number is None:
                continue
            last = self._recent.get(number)
            if last is not None and now - last < window:
                continue
            self._recent[number] = now
            self._submit(number, face)

    def _submit(self, number: str, face) -> None:
        desk, cache = self.desk, self._cache
        distance = None if face.distance is None else float(face.distance)

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
            log.info("check-in %s (%s): %s, distance %.3f", person.name, number, checkin.status,
                     distance if distance is not None else float("nan"))
            self.checkedIn.emit(CheckInEvent(person, checkin, face, distance))

        def failed(error):
            # try again in a few seconds, not on every frame
            self._recent[number] = time.monotonic() - max(self.cooldown, 1.0) + RETRY_AFTER
            log.error("check-in of %s failed: %s", number, error)
            self.failed.emit(number, str(error))

        self.sent += 1
        self.client.call(job, done, failed)
