"""The stream's decisions -> check-ins (and learned samples), on the database thread.

Each decision of the stream recognizer that names a person is one visit, so it is one check-in
attempt ("face", or "number+face" for a claim's verdict); the backend alone applies the cooldown (or
once-a-day) rule. A decision that carries a sample to learn has it stored through the face store
(every desk learns it); with the database unreachable the sample is dropped (the next visit teaches
again), never half-written. A missed visit's candidate is checked in only when the operator confirms
it (:meth:`CheckInController.confirm`, method "confirmed", with the operator's name), which may
teach the desk too. People looked up once are kept in a small cache on the database thread, so a
check-in can still go to the outbox when the database is unreachable.
"""
from __future__ import annotations

import dataclasses
import logging

from PyQt5.QtCore import QObject, pyqtSignal

from backend.face_store import NewSample
from recognition.samples import stream_sample

log = logging.getLogger(__name__)


@dataclasses.dataclass
class CheckInEvent:
    person: object            # backend Person
    checkin: object           # backend CheckIn (status "recorded" | "cooldown" | "queued"; its method)
    decision: object          # recognition.stream.Decision (its chip is the card's photo)
    learned: bool = False     # the visit's sample was added to the person's samples


def learned_sample(learn) -> NewSample:
    """What the face store keeps of a recognition.stream.LearnedSample."""
    return NewSample.of(stream_sample(learn.sample), learn.sample.embedding, source="live")


class CheckInController(QObject):
    checkedIn = pyqtSignal(object)       # CheckInEvent
    failed = pyqtSignal(str, str)        # person_number, message

    def __init__(self, client, desk: str = "", parent=None, *, face_sync=None, max_learned: int = 20,
                 operator: str = ""):
        """``face_sync``: the desk's face sync (backend.face_sync.FaceSync) learned samples are stored
        through; None: nothing is learned."""
        super().__init__(parent)
        self.client = client
        self.desk = desk
        self.operator = operator
        self.face_sync = face_sync
        self.max_learned = max_learned
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
            if decision.key is not None:
                self._submit(decision, decision.key, decision.method, float(decision.distance),
                             decision.learn, operator=None)

    def confirm(self, decision) -> None:
        """The operator confirmed a missed visit's candidate: check them in ("confirmed") and learn."""
        self._submit(decision, decision.candidate_key, "confirmed", float(decision.candidate_distance),
                     decision.learn, operator=self.operator or None)

    def _submit(self, decision, number: str, method: str, distance: float, learn, operator) -> None:
        desk, cache, face_sync, cap = self.desk, self._cache, self.face_sync, self.max_learned

        def job(backend):
            from backend import BackendError, people_service

            try:
                person = backend.people.get_by_number(number)
            except BackendError:
                person = cache.get(number)       # database unreachable: use what we knew
                if person is None:
                    raise
            if person is None:
                return None
            cache[number] = person
            checkin = backend.attendance.check_in(person.id, desk=desk, distance=distance, method=method,
                                                  operator=operator)
            learned = False
            if learn is not None and face_sync is not None and checkin.status != "queued":
                try:
                    learned = people_service.learn_sample(backend, face_sync, person.id, learned_sample(learn),
                                                          replaces=learn.replaces, max_learned=cap,
                                                          desk=desk) is not None
                except (BackendError, ValueError) as exc:
                    log.warning("a face sample of %s was not learned: %s", number, exc)
            return person, checkin, learned

        def done(outcome):
            if outcome is None:
                log.warning("recognized %s but the database has no such person number", number)
                self.failed.emit(number, "unknown person number")
                return
            person, checkin, learned = outcome
            log.info("check-in %s (%s) by %s: %s, distance %.3f after %d frames in %.2f s%s", person.name, number,
                     method, checkin.status, distance, decision.frames, decision.latency,
                     ", sample learned" if learned else "")
            self.checkedIn.emit(CheckInEvent(person, checkin, decision, learned))

        def failed(error):
            log.error("check-in of %s failed: %s", number, error)
            self.failed.emit(number, str(error))

        self.sent += 1
        self.client.call(job, done, failed)
