"""The stream's decisions -> check-ins (and learned samples): the decisions about people, without Qt.

Each decision of the stream recognizer that names a person is one visit, so it is one check-in attempt
("face", or "number+face" for a claim's verdict); the backend alone applies the cooldown (or once-a-day)
rule. A decision that carries a sample to learn has it stored through the face store (every desk learns it);
with the database unreachable (the check-in queued) the sample is dropped (the next visit teaches again),
never half-written. A missed visit's candidate is checked in only when the operator confirms it (method
"confirmed", with the operator's name), which may teach the desk too. People looked up once are kept in a
small cache, so a check-in can still go to the outbox when the database is unreachable.

Liveness: a check-in records how the face was shown live (the decision's evidence: "passive" or "challenge";
"off" when the desk's setting is off). A decision the stream refused (``Decision.refused``: the face was not
shown live) checks nobody in: it is logged as a rejected attempt (:func:`rejections`, :meth:`CheckIns.reject`)
with the person it would have been (claimed, or the nearest), the method, the reason code and a small JPEG of
the face, for the operator's list of rejected attempts.

:meth:`CheckIns.check_in` runs on the database thread (gui.check_ins is its Qt adapter); so does every use
of the cache.
"""
from __future__ import annotations

import dataclasses
import logging

import cv2
import numpy as np

from desk.enrolment import learned_sample
from recognition.samples import encode_jpeg

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
    liveness: str | None = None   # "passive" | "challenge" | "off" (backend check_in's liveness)


@dataclasses.dataclass(frozen=True)
class Rejection:
    """A check-in the stream refused because the face was not shown live (nothing checked in)."""
    decision: object          # recognition.stream.Decision with .refused
    number: str | None        # the person claimed (number + face) or nearest; None: nobody near
    method: str               # "face", "number+face", "confirmed"
    reason: str               # recognition.stream.liveness.REASONS
    distance: float | None
    thumbnail: bytes | None   # a small JPEG of the face


@dataclasses.dataclass
class CheckInEvent:
    person: object            # backend Person
    checkin: object           # backend CheckIn (status "recorded" | "cooldown" | "queued"; its method)
    decision: object          # recognition.stream.Decision (its chip is the card's photo)
    learned: bool = False     # the visit's sample was added to the person's samples


def liveness_of(decision, mode: str) -> str | None:
    """What a check-in records as its liveness: the decision's evidence, "off" when the desk's setting
    (``mode``) is off (the desk says so itself: the backend never guesses it)."""
    if mode == "off":
        return "off"
    evidence = getattr(decision, "liveness", None)
    return evidence.kind if evidence is not None else None


def attempts(decisions, liveness: str = "off", operator: str | None = None) -> list[Attempt]:
    """The check-ins the stream's decisions ask for: one per decision that names a person. ``liveness``: the
    desk's setting; ``operator``: who works at the desk (recorded with an operator-confirmed check-in, which
    comes out of the stream once the face was shown live)."""
    return [Attempt(d, d.key, d.method, float(d.distance), d.learn,
                    (operator or None) if d.method == "confirmed" else None, liveness_of(d, liveness))
            for d in decisions if d.key is not None]


def confirmed(decision, operator: str, liveness: str = "off") -> Attempt:
    """The operator confirmed a missed visit's candidate: check them in ("confirmed") and learn. ``decision``:
    the check-in StreamRecognizer.confirm gave (its ``key``), or the missed visit itself (its candidate)."""
    number = decision.key if decision.key is not None else decision.candidate_key
    distance = decision.distance if decision.key is not None else decision.candidate_distance
    return Attempt(decision, number, "confirmed", float(distance), decision.learn, operator or None,
                   liveness_of(decision, liveness))


#: a rejected attempt's thumbnail: the face chip at most this many pixels a side, JPEG at this quality
THUMBNAIL_PX, THUMBNAIL_QUALITY = 112, 80


def thumbnail(chip) -> bytes | None:
    """A small JPEG of the face (well under the backend's 64 KB); None without a chip."""
    if chip is None:
        return None
    image = np.ascontiguousarray(chip)
    scale = THUMBNAIL_PX / max(image.shape[:2])
    if scale < 1:
        image = cv2.resize(image, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    try:
        return encode_jpeg(image, THUMBNAIL_QUALITY)
    except ValueError:          # the attempt is logged without its picture rather than lost
        return None


def rejections(decisions) -> list[Rejection]:
    """The refused check-ins among the stream's decisions (the face was not shown live)."""
    out = []
    for d in decisions:
        if d.key is not None or not getattr(d, "refused", None):
            continue
        number = d.claimed_key if d.method == "number+face" else d.nearest_key
        distance = float(d.distance) if number is not None and np.isfinite(d.distance) else None
        out.append(Rejection(d, number, d.method, d.refused, distance, thumbnail(d.chip)))
    return out


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
                                              method=attempt.method, operator=attempt.operator,
                                              liveness=attempt.liveness)
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

    def reject(self, backend, rejection: Rejection, desk: str | None = None):
        """Log a refused check-in (backend.attendance.record_rejected_attempt; queued in the outbox when the
        database is unreachable); the person is named when known (from the database, else the cache)."""
        from backend import BackendError

        desk = self.desk if desk is None else desk
        person = None
        if rejection.number is not None:
            try:
                person = backend.people.get_by_number(rejection.number)
            except BackendError:
                person = self._cache.get(rejection.number)     # unreachable: the attempt is kept all the same
        return backend.attendance.record_rejected_attempt(
            person.id if person is not None else None, desk=desk, reason=rejection.reason,
            method=rejection.method, distance=rejection.distance if person is not None else None,
            thumbnail=rejection.thumbnail)
