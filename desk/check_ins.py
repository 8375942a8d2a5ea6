"""The stream's decisions -> check-ins (and learned samples): the decisions about people, without Qt.

Each decision of the stream recognizer that names a person is one visit, so it is one check-in attempt
("face", or "number+face" for a claim's verdict); the backend alone applies the cooldown (or once-a-day)
rule. A decision that carries a sample to learn has it stored through the face store (every desk learns it);
with the database unreachable (the check-in queued) the sample is dropped (the next visit teaches again),
never half-written. A missed visit's candidate is checked in only when the operator confirms it (method
"confirmed", with the operator's name), which may teach the desk too. People looked up once are kept in a
small cache, so a check-in can still go to the outbox when the database is unreachable.

:meth:`CheckIns.check_in` runs on the database thread (gui.check_ins is its Qt adapter); so does every use
of the cache.
"""
from __future__ import annotations

import dataclasses
import logging

from desk.enrolment import learned_sample

log = logging.getLogger(__name__)


@dataclasses.dataclass(frozen=True)
class Attempt:
    """One check-in to make: a decided visit (``handle``) or a confirmed candidate (``confirm``)."""
    decision: object          # recognition.stream.Decision
    number: str               # the person number
    method: str               # "face", "number+face", "confirmed"
    distance: float
    learn: object             # recognition.stream.LearnedSample or None
    operator: str | None      # who confirmed it (confirmed check-ins only)


@dataclasses.dataclass
class CheckInEvent:
    person: object            # backend Person
    checkin: object           # backend CheckIn (status "recorded" | "cooldown" | "queued"; its method)
    decision: object          # recognition.stream.Decision (its chip is the card's photo)
    learned: bool = False     # the visit's sample was added to the person's samples


def attempts(decisions) -> list[Attempt]:
    """The check-ins the stream's decisions ask for: one per decision that names a person."""
    return [Attempt(d, d.key, d.method, float(d.distance), d.learn, None) for d in decisions if d.key is not None]


def confirmed(decision, operator: str) -> Attempt:
    """The operator confirmed a missed visit's candidate: check them in ("confirmed") and learn."""
    return Attempt(decision, decision.candidate_key, "confirmed", float(decision.candidate_distance),
                   decision.learn, operator or None)


class CheckIns:
    """Check-ins of one desk: its name, the face sync learned samples go through (None: nothing is learned),
    the cap of learned samples per person, and the offline cache of people."""

    def __init__(self, desk: str = "", face_sync=None, max_learned: int = 20):
        self.desk = desk
        self.face_sync = face_sync
        self.max_learned = max_learned
        self._cache: dict[str, object] = {}     # person_number -> Person; touched on the database thread only

    def forget(self, person_number: str | None = None) -> None:
        """Drop cached people (all, or one that was changed or deleted); database thread only."""
        if person_number:
            self._cache.pop(person_number, None)
        else:
            self._cache.clear()

    def prime_cache(self, people) -> None:
        """Remember these people for offline check-ins; database thread only."""
        self._cache.clear()
        self._cache.update((p.person_number, p) for p in people)

    def check_in(self, backend, attempt: Attempt, desk: str | None = None) -> CheckInEvent | None:
        """Check the person in at ``desk`` (default: this desk's name as it was given) and learn their sample
        unless the check-in was only queued; None when the database has no such person number. Raises
        BackendError when the database is unreachable and the person is not known from before."""
        from backend import BackendError, people_service

        number = attempt.number
        desk = self.desk if desk is None else desk
        try:
            person = backend.people.get_by_number(number)
        except BackendError:
            person = self._cache.get(number)       # database unreachable: use what we knew
            if person is None:
                raise
        if person is None:
            return None
        self._cache[number] = person
        checkin = backend.attendance.check_in(person.id, desk=desk, distance=attempt.distance,
                                              method=attempt.method, operator=attempt.operator)
        learned = False
        learn = attempt.learn
        # no learning when queued: the sample would be written without the check-in it came with
        if learn is not None and self.face_sync is not None and checkin.status != "queued":
            try:
                learned = people_service.learn_sample(backend, self.face_sync, person.id, learned_sample(learn),
                                                      replaces=learn.replaces, max_learned=self.max_learned,
                                                      desk=desk) is not None
            except (BackendError, ValueError) as exc:
                log.warning("a face sample of %s was not learned: %s", number, exc)
        return CheckInEvent(person, checkin, attempt.decision, learned)
