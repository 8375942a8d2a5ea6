"""StreamRecognizer: frames over time -> tracked faces -> one decision per visitor.

    stream = StreamRecognizer(FaceRecognizer.load(), gallery)
    for t, frame in frames:
        for decision in stream.process(frame, t):
            if decision.key is not None:
                check_in(decision.key)
        draw(stream.faces)

Per frame: faces are found (the whole frame every ``full_detection_every_s``, or while nobody is
tracked; in between, each tracked face is followed by MTCNN's last stage in the box its five points
predict), linked to tracks by box overlap, aligned and put through the quality gate. Only faces
whose embedding can still change a decision are embedded (undecided tracks, a periodic re-check of
decided ones, a face being enrolled), all in one network call. A track's good frames are fused into
one embedding, compared with every enrolled person's template, and decided once the evidence
suffices: a person, at the desk's operating point (recognition.stream.operating_point) with a margin
over the runner-up, or "unknown" when it is clearly nobody enrolled, or after a bounded number of
good frames or time. A track is decided once; a re-check that finds another face in its box starts a
new track (a new visit), and so does a face that leaves and comes back. A decision on few frames
must be clear by a wider margin (``StreamPolicy.early_frames``); a visit that ends (the face leaves,
the stream is reset) before it was decided is decided on what it gave.

Besides "this person" and "unknown", a decision can carry:

* ``learn``: a sample of the visit the desk may add to the person it checked in
  (recognition.stream.learning says when);
* ``candidate_key``: for a visit that ends unknown, the nearest person when they are close enough to
  ask the operator ("Zhang San? Confirm / Not them");
* ``method == "number+face"``: the outcome of :meth:`StreamRecognizer.claim` (the visitor typed a
  person number; the face is verified against that person alone, 1:1);
* ``method == "confirmed"``: the operator confirmed a candidate (:meth:`StreamRecognizer.confirm`);
* ``liveness``: what proved the face live (recognition.stream.liveness.LivenessEvidence: kind
  "passive", "challenge" or "off");
* ``refused``: a reason code (recognition.stream.liveness.REASONS) when a check-in (1:N, number +
  face or confirmed) was refused because the face was not proven live: ``key`` is None, nothing is
  checked in, ``nearest_key`` / ``claimed_key`` say who it would have been and ``chip`` shows the face
  (the desk lists it as a rejected attempt).

Liveness (``StreamPolicy.liveness`` "when_unsure" or "always"): a check-in waits until the face is
proven live. In "when_unsure" a visit the passive planar test finds ``live`` checks in at once (also
while it is held, up to ``LivenessLimits.passive_s`` from the face's first frame), and one it finds
``flat`` or still ``unsure`` after that is asked to turn its head (``TrackedFace.challenge``:
the side and the seconds left, drawn on that face) while the decision is held; the challenge's outcome
comes out of :meth:`process` as the check-in or as a refusal. In "always" every check-in is challenged.
"""
from __future__ import annotations

import dataclasses
import functools
import logging
import math

import cv2
import numpy as np

from recognition.imageio import as_bgr
from recognition.stream import learning
from recognition.stream.claims import Claim, ClaimGuard, ClaimNeedsOperator, NobodyInFront, NotEnrolled
from recognition.stream.enrollment import EnrollmentSample, EnrollmentSession, EnrollmentState
from recognition.stream.liveness import (FLAT, LEFT_EARLY, NO_TURN, OFF, PASSED, REFUSED_FLAT, WHEN_UNSURE,
                                         ChallengePrompt, LivenessEvidence, LivenessGuard)
from recognition.stream.operating_point import (OperatingPoint, Verdict, distance_unit, operating_point,
                                                prior_for)
from recognition.stream.policy import StreamPolicy
from recognition.stream.quality import ENROLLMENT_LIMITS, Quality, QualityLimits, assess, judge
from recognition.stream.templates import Templates, distance_of, normalise
from recognition.stream.tracking import Track, Tracker, TrackState

log = logging.getLogger(__name__)

DECIDING, KNOWN, UNKNOWN = TrackState.DECIDING, TrackState.KNOWN, TrackState.UNKNOWN


@dataclasses.dataclass(frozen=True)
class Decision:
    """Who a visitor is, decided once per track, and the evidence it rests on."""
    track_id: int
    key: str | None           # None: decided unknown (nobody enrolled is close enough)
    t: float                  # stream time of the decision (seconds)
    started: float            # stream time the face first appeared
    frames: int               # good frames fused
    distance: float           # fused embedding to the chosen (or, for unknown, the nearest) template
    margin: float             # runner-up person's distance minus ``distance`` (inf with one person)
    threshold: float          # the operating point it was held against
    nearest_key: str | None   # the nearest person, also for an unknown
    box: tuple[float, float, float, float]
    chip: np.ndarray | None = dataclasses.field(default=None, repr=False)   # best good frame, aligned
    method: str = "face"      # "face" (1:N), "number+face" (a claim's verdict) or "confirmed" (operator)
    claimed_key: str | None = None        # number + face: the person claimed (also when refused)
    candidate_key: str | None = None      # an unknown's nearest person, close enough to ask about
    candidate_distance: float | None = None
    learn: learning.LearnedSample | None = dataclasses.field(default=None, repr=False)
    liveness: LivenessEvidence | None = None   # what proved the face live (a check-in; None: not proven)
    refused: str | None = None                 # a liveness reason code: nobody checked in (see above)

    @property
    def latency(self) -> float:
        """Seconds from the face's first frame to the decision."""
        return self.t - self.started


@dataclasses.dataclass(frozen=True)
class TrackedFace:
    """A face of the last frame, for drawing and for choosing a face to enroll."""
    track_id: int
    box: tuple[float, float, float, float]
    landmarks: np.ndarray = dataclasses.field(repr=False)
    score: float
    state: TrackState
    key: str | None
    distance: float | None           # of the decision (None while deciding)
    quality: Quality | None          # this frame's quality gate
    hint: str                        # what the person could do to be recognized ("" if nothing)
    chip: np.ndarray | None = dataclasses.field(default=None, repr=False)
    challenge: ChallengePrompt | None = None   # "turn your head to <direction>", while one is asked
    refused: str | None = None                 # this visit's attempt was refused (a liveness reason code)


@dataclasses.dataclass(eq=False)
class _Track(Track):
    """A tracked face and its visit: the evidence gathered and what was decided."""
    state: TrackState = DECIDING
    decision: Decision | None = None
    evidence: np.ndarray | None = None      # quality-weighted sum of good frames' embeddings
    frames: int = 0
    best_weight: float = -1.0
    best_chip: np.ndarray | None = None
    last_embedded_t: float = -math.inf
    thumb: np.ndarray | None = None         # the chip in miniature, to notice a sudden change of face
    changed: bool = False                   # the face looks unlike the last frame's (a cut, a swap)
    chip: np.ndarray | None = None
    quality: Quality | None = None
    embedding: np.ndarray | None = None     # this frame's, when it was embedded
    learn_sample: EnrollmentSample | None = None   # best frame passing the enrollment gate, to learn
    claim: Claim | None = None              # a number claimed for this face, awaiting its verdict
    enrolled_visit: bool = False            # gave enrollment samples: this visit is an enrolment, not an arrival
    held: Decision | None = None            # a check-in waiting for the face to be proven live

    @property
    def fused(self) -> np.ndarray:
        return normalise(self.evidence)


#: correlation of two consecutive 24x24 chips below which the face has changed: consecutive frames of
#: one person on simulated visits were above 0.77 in 99 %, two different people at most 0.71
SUDDEN_CHANGE = 0.75


def _thumbnail(chip: np.ndarray) -> np.ndarray:
    grey = cv2.resize(cv2.cvtColor(chip, cv2.COLOR_BGR2GRAY), (24, 24), interpolation=cv2.INTER_AREA)
    vector = grey.astype(np.float32).ravel()
    vector -= vector.mean()
    return vector / max(float(np.linalg.norm(vector)), 1e-6)


@functools.lru_cache(maxsize=4)
def _any_yaw(limits: QualityLimits) -> QualityLimits:
    """The quality gate without its yaw limit (the liveness test judges the pose itself), made once per
    policy rather than every frame."""
    return dataclasses.replace(limits, max_yaw=math.inf)


class StreamRecognizer:
    """See the module docstring. Not thread-safe: one thread calls ``process``."""

    def __init__(self, recognizer, gallery, policy: StreamPolicy | None = None):
        self.recognizer = recognizer
        self.gallery = gallery
        # the policy's distance knobs in this network's units (the dlib port's: unchanged)
        self.policy = (policy or StreamPolicy()).for_model(distance_unit(recognizer.spec))
        self.faces: list[TrackedFace] = []
        self.tracker = Tracker(recognizer.detector, self.policy, _Track)
        self._last_t: float | None = None
        self._frame_key: bytes | None = None
        self._templates: Templates | None = None
        self._operating_point: OperatingPoint | None = None
        self._enrollment: EnrollmentSession | None = None
        self._enrolling = False                 # enrollment asked for (a session, or waiting for a face)
        self.claims = ClaimGuard()
        self.liveness = LivenessGuard(self.policy.liveness_limits)
        self._last_frame_size: tuple[int, int] | None = None
        # counters, for benchmarks
        self.frames_processed = 0
        self.network_calls = 0
        self.faces_embedded = 0
        self._refresh_gallery()

    @property
    def full_detections(self) -> int:
        return self.tracker.full_detections

    # -- public ---------------------------------------------------------------------------
    def reset(self) -> list[Decision]:
        """End every visit (a new video, a camera switch, the end of a clip): the next faces are new
        visits. Returns the decisions of the visits it ended undecided."""
        decisions = [d for track in self.tracker.clear() for d in [self._end(track)] if d is not None]
        self.liveness.clear()
        self.faces = []
        self._last_t = None
        self._frame_key = None
        return decisions

    def set_policy(self, policy: StreamPolicy) -> None:
        """Another policy (a new false check-in target): the operating point is set again."""
        self.policy = self.tracker.policy = policy.for_model(distance_unit(self.recognizer.spec))
        self.liveness.limits = self.policy.liveness_limits
        self._templates = None
        self._refresh_gallery()

    @property
    def operating_point(self) -> OperatingPoint:
        """The operating point of the gallery as the last frame saw it (set again by ``process``
        when people were enrolled or removed)."""
        return self._operating_point

    def process(self, frame_bgr, t_seconds: float) -> list[Decision]:
        """Take the next frame at stream time ``t_seconds``; returns the decisions made at it."""
        frame = as_bgr(frame_bgr)
        t = float(t_seconds)
        if not math.isfinite(t):
            raise ValueError(f"frame time must be a finite number of seconds, got {t_seconds!r}")
        ended = []
        if self._last_t is not None and (t < self._last_t or t - self._last_t > self.policy.max_time_gap_s):
            log.debug("stream time jumped from %.3f to %.3f s: starting afresh", self._last_t, t)
            ended = self.reset()
        key = frame[::8, ::8].tobytes()
        if key == self._frame_key:
            # the same picture again (a frozen camera, a paused video): no new evidence
            self._last_t = t
            return ended
        self._frame_key = key
        self._last_t = t
        self.frames_processed += 1
        self._refresh_gallery()

        self._last_frame_size = (frame.shape[1], frame.shape[0])
        seen = self.tracker.follow(frame, t)
        for track in seen:
            track.chip = self.recognizer.chip(frame, track.landmarks)
            track.quality = assess(track.box, track.landmarks, track.score, track.chip, self.policy.quality)
            track.embedding = None
            thumb = _thumbnail(track.chip)
            track.changed = track.thumb is not None and float(thumb @ track.thumb) < SUDDEN_CHANGE
            track.thumb = thumb
            if self.policy.liveness != OFF:
                # the pose is the liveness test's to judge (a turn asked of a face already turned aside
                # goes past the recognizer's limit); the rest of the quality gate holds
                evidence = judge(track.quality, _any_yaw(self.policy.quality)).ok
                self.liveness.observe(track.id, frame, track.landmarks, track.box, evidence, t)
        self._embed(seen, t)
        self._feed_enrollment(frame, t)
        decisions = ended + [d for track in seen for d in [self._decide(track, frame, t)] if d is not None]
        decisions += [d for track in self.tracker.tracks if track.held is not None
                      for d in [self._settle(track, t)] if d is not None]
        decisions += [d for track in self.tracker.drop_lost(t) for d in [self._end(track)] if d is not None]
        self.faces = [self._tracked_face(tr, t) for tr in self.tracker.tracks if tr.seen_now]
        return decisions

    # -- liveness ----------------------------------------------------------------------------------
    def _admit(self, track: _Track, decision: Decision, t: float, ending: bool = False) -> Decision | None:
        """A check-in about to be made for ``track``: returned with its liveness evidence when the face is
        proven live (or liveness is off), refused when the passive test found it flat, else held while the
        face is asked to turn (None now; :meth:`_settle` gives the outcome)."""
        mode = self.policy.liveness
        if mode == OFF:
            return dataclasses.replace(decision, liveness=LivenessEvidence("off"))
        evidence = self.liveness.evidence(track.id)
        if evidence is not None and (evidence.kind == "challenge" or mode == WHEN_UNSURE):
            return dataclasses.replace(decision, liveness=evidence)
        if ending:                           # the face is gone: nobody left to ask
            flat = self.liveness.verdict(track.id).state == FLAT
            return self._refuse(track, decision, REFUSED_FLAT if flat else LEFT_EARLY, t)
        if (mode != WHEN_UNSURE or t - track.first_t >= self.policy.liveness_limits.passive_s
                or self.liveness.verdict(track.id).state == FLAT):
            self.liveness.start(track.id, t)
        # the name is not shown while the check-in is held: the box says "deciding" (and asks to turn)
        track.held, track.state, track.decision = decision, DECIDING, None
        return None

    def _settle(self, track: _Track, t: float) -> Decision | None:
        """A held check-in: made when the face proved live (passively while no challenge was asked yet,
        or by passing it), refused when it failed or looked flat, else still held."""
        limits = self.policy.liveness_limits
        if self.liveness.challenge_of(track.id) is None:
            # passive evidence within passive_s; after that the face is asked (when it comes to rest), and
            # only its answer counts: a clip kept turning would otherwise pile up passive evidence
            if self.policy.liveness == WHEN_UNSURE and t - track.first_t < limits.passive_s:
                evidence = self.liveness.evidence(track.id)
                if evidence is not None:
                    return self._check_in(track, dataclasses.replace(track.held, t=t, liveness=evidence))
                if self.liveness.verdict(track.id).state != FLAT:
                    return None
            if self.liveness.start(track.id, t) is None:
                # no usable frames to ask from yet (dark, cut by the edge), or not at rest (turning): the
                # face has the challenge's time
                if t - track.held.t <= limits.passive_s + limits.challenge_s:
                    return None
                return self._refuse(track, track.held, NO_TURN, t)
        outcome = self.liveness.outcome(track.id, t)
        if outcome is None:
            return None
        if outcome != PASSED:
            return self._refuse(track, track.held, outcome, t)
        return self._check_in(track, dataclasses.replace(track.held, t=t, liveness=self.liveness.evidence(track.id)))

    def _check_in(self, track: _Track, decision: Decision) -> Decision:
        track.state, track.decision, track.held = KNOWN, decision, None
        if decision.method == "number+face":
            self.claims.succeeded(decision.key)
        return decision

    def _refuse(self, track: _Track, decision: Decision, reason: str, t: float) -> Decision:
        """Nobody checked in: the attempt, for the desk to log (who it would have been, the face)."""
        log.info("track %d: check-in of %s refused (%s)", track.id, decision.key, reason)
        refused = dataclasses.replace(decision, key=None, t=t, refused=reason, liveness=None, learn=None,
                                      candidate_key=None, candidate_distance=None)
        track.state, track.decision, track.held = UNKNOWN, refused, None
        if decision.method == "number+face":
            self.claims.failed(decision.claimed_key)
        return refused

    # -- number + face ------------------------------------------------------------------------------
    def claim(self, key: str, track_id: int | None = None) -> int:
        """The visitor in front says they are ``key`` (typed their person number): their visit
        (``track_id``, default the face :meth:`enrollment_candidate` picks) is verified against that
        person alone, at ``policy.claim_false_accept_rate`` (1:1, however many people are enrolled).
        Its verdict comes as a Decision with ``method == "number+face"`` and ``claimed_key``. Returns
        the track id; raises ClaimError (ClaimRefused) for a number not enrolled, malformed, or locked
        after repeated failed claims, or with nobody in front of the camera, and ClaimNeedsOperator when
        the visit was decided unknown with this very person as its candidate (the operator is being
        asked about them: a stricter 1:1 refusal would contradict that question; no failure counted)."""
        self._refresh_gallery()
        key = key.strip() if isinstance(key, str) else ""
        if not key or not key.isprintable():
            raise NotEnrolled(f"not a person number: {key!r}")
        if self._templates.index_of(key) < 0:
            raise NotEnrolled(f"nobody with number {key} is enrolled (or they are inactive)")
        self.claims.check(key)
        if track_id is None:
            track_id = self.enrollment_candidate()
        track = self.tracker.find(track_id)
        if track is None:
            raise NobodyInFront("nobody is in front of the camera")
        if track.state == UNKNOWN and track.decision is not None and track.decision.candidate_key == key:
            raise ClaimNeedsOperator(f"number {key} is the candidate shown for this face: the operator confirms",
                                     track.decision)
        for other in self.tracker.tracks:        # one keypad: a new claim replaces one still waiting
            other.claim = None
        track.claim = Claim(key, track.id, self._last_t if self._last_t is not None else 0.0)
        return track.id

    def in_front(self, track_id: int | None) -> bool:
        """Whether the face of ``track_id`` was in the last frame (a prompt about a visit is answered
        only while its face is there: a face that left, or another face in its box, is another track)."""
        return any(face.track_id == track_id for face in self.faces)

    @property
    def visits(self) -> frozenset:
        """Track ids of the visits going on: the faces of the last frame and those missed for less than
        ``policy.lost_after_s`` (a face not found in one frame has not left; another face in its box
        is a new track at once)."""
        return frozenset(track.id for track in self.tracker.tracks)

    # -- enrollment -------------------------------------------------------------------------
    def start_enrollment(self, track_id: int | None = None) -> int | None:
        """Collect enrollment samples from a face (``None``: the one to enroll, see
        :meth:`enrollment_candidate`); returns its track id. Without a face now, or when the face
        leaves before its first sample, the next face to enroll is taken as it appears."""
        self._enrolling = True
        if track_id is None:
            track_id = self.enrollment_candidate()
        self._enrollment = None if track_id is None else EnrollmentSession(
            track_id, same_face_distance=self.operating_point.same_face_distance)
        return track_id

    def stop_enrollment(self) -> None:
        self._enrolling = False
        self._enrollment = None

    @property
    def enrollment(self) -> EnrollmentState | None:
        if self._enrollment is None:
            return None
        return self._enrollment.state(self._templates, self._operating_point.too_close_distance,
                                      present=self.tracker.find(self._enrollment.track_id) is not None)

    def enrollment_candidate(self) -> int | None:
        """The face of the last frame to enroll: a complete face (not cut by the frame's edge),
        not recognized, the most central, then the largest; None without one."""
        if self._last_frame_size is None:
            return None
        width, height = self._last_frame_size

        def inside(face):
            x1, y1, x2, y2 = face.box
            return x1 >= 0 and y1 >= 0 and x2 <= width and y2 <= height

        def rank(face):
            x1, y1, x2, y2 = face.box
            off_centre = math.hypot((x1 + x2) / 2 - width / 2, (y1 + y2) / 2 - height / 2) / math.hypot(width, height)
            return (not inside(face), face.state == KNOWN, round(off_centre, 1), -(y2 - y1))

        faces = sorted((tr for tr in self.tracker.tracks if tr.seen_now), key=rank)
        return faces[0].id if faces else None

    def _feed_enrollment(self, frame: np.ndarray, t: float) -> None:
        session = self._enrollment
        if self._enrolling and (session is None or (not session.samples
                                                    and all(tr.id != session.track_id for tr in self.tracker.tracks))):
            # nobody yet, or the face left (or was replaced in its box) before a sample: take the next
            self.start_enrollment()
            session = self._enrollment
        if session is None:
            return
        track = self.tracker.find(session.track_id)
        if track is None and session.samples:
            track = self._returning(session)
            if track is not None:
                log.debug("enrollment: the face is back as track %d", track.id)
                session.resume(track.id)
        if track is None:
            session.lost()
            return
        quality = judge(track.quality, ENROLLMENT_LIMITS)
        if track.embedding is not None and quality.ok:
            if session.offer(frame, track.box, track.landmarks, track.score, track.embedding, quality, t):
                track.enrolled_visit = True
        else:
            session.rejected(quality)

    def _returning(self, session: EnrollmentSession) -> _Track | None:
        """A face of this frame that is the person being enrolled, back after leaving (a new track):
        the nearest within the same-face distance of the samples taken, so nobody else's face is mixed in."""
        near = [(session.close_to(tr.embedding), tr.id, tr) for tr in self.tracker.tracks
                if tr.seen_now and tr.embedding is not None]
        near = [n for n in near if n[0] <= session.same_face_distance]
        return min(near, key=lambda n: n[:2])[2] if near else None

    # -- gallery ----------------------------------------------------------------------------
    def _refresh_gallery(self) -> None:
        rows = self.gallery.samples()
        if self._templates is not None and self._templates.version == rows.version:
            return
        self._templates = Templates.from_gallery(rows)
        self._operating_point = operating_point(self._templates, self.policy, prior_for(self.recognizer.spec),
                                                self.recognizer.threshold)
        log.info("operating point: %s", self._operating_point)
        known = set(self._templates.ids)
        for track in self.tracker.tracks:   # people enrolled or removed meanwhile: decide again
            if track.state == UNKNOWN or (track.state == KNOWN and track.decision.key not in known):
                track.state, track.decision = DECIDING, None

    # -- embedding --------------------------------------------------------------------------
    def _wants_embedding(self, track: _Track, t: float) -> bool:
        if not track.quality.ok:
            return False
        enrolling = self._enrollment is not None and self._enrollment.track_id == track.id
        if track.held is not None:           # waiting for a challenge: only watch for another face
            return track.changed or t - track.last_embedded_t >= self.policy.recheck_every_s
        if enrolling or track.state == DECIDING or track.claim is not None or track.changed:
            return True
        return t - track.last_embedded_t >= self.policy.recheck_every_s

    def _embed(self, seen: list[_Track], t: float) -> None:
        wanted = [tr for tr in seen if self._wants_embedding(tr, t)]
        if not wanted:
            return
        embeddings = self.recognizer.embed_chips(np.stack([tr.chip for tr in wanted]))
        self.network_calls += 1
        self.faces_embedded += len(wanted)
        for track, embedding in zip(wanted, embeddings):
            track.embedding, track.last_embedded_t = embedding, t

    # -- evidence and decisions --------------------------------------------------------------
    def _decide(self, track: _Track, frame: np.ndarray, t: float) -> Decision | None:
        policy = self.policy
        if track.embedding is None:
            return None
        if track.evidence is not None and self._another_face(track):
            if track.held is not None:       # somebody else stepped in mid-challenge
                refused = self._refuse(track, track.held, LEFT_EARLY, t)
                self._restart(track, t)
                return refused
            return self._decide(self._restart(track, t), frame, t)
        if track.held is not None:
            return None
        if track.state != DECIDING and track.claim is None:
            return None
        weighted = track.quality.weight * np.asarray(track.embedding, np.float64)
        track.evidence = weighted if track.evidence is None else track.evidence + weighted
        track.frames += 1
        if track.quality.weight > track.best_weight:
            track.best_weight, track.best_chip = track.quality.weight, track.chip
        self._keep_learnable(track, frame, t)
        if track.claim is not None:
            track.claim.frames += 1
            return self._judge_claim(track, t, ending=False)
        if track.frames < policy.min_frames:
            return None
        verdict = self._judge(track)
        if verdict.accepted:
            return self._conclude(track, t, KNOWN, verdict)
        if (track.frames >= policy.max_frames or t - track.first_t >= policy.decide_within_s
                or verdict.distance > verdict.threshold + policy.clearly_unknown_by):
            return self._conclude(track, t, UNKNOWN, verdict)
        return None

    def _judge(self, track: _Track) -> Verdict:
        """The 1:N verdict on the track's evidence; fewer than ``early_frames`` good frames must be
        clear of the threshold and the margin by ``early_tightening``, and the person's enrolled
        samples alone must accept the visit too (see :meth:`_enrolled_agree`)."""
        point = self._operating_point
        verdict = point.judge(self._templates, track.fused)
        if not verdict.accepted:
            return verdict
        extra = self.policy.early_tightening if track.frames < self.policy.early_frames else 0.0
        if (verdict.distance > point.threshold - extra or verdict.margin < point.margin + extra
                or not self._enrolled_agree(track, verdict.key, point.threshold - extra)):
            return dataclasses.replace(verdict, accepted=False)
        return verdict

    def _enrolled_agree(self, track: _Track, key: str, threshold: float) -> bool:
        """Learned samples never admit anyone the enrolled ones would not: the visit must be within
        ``threshold`` of the person's enrolled samples alone as well. (On bench/days.py a single learned
        sample of a person with two enrolled photos pulled a near-twin stranger, 0.26-0.28 from the
        enrolled template, under the 0.25 threshold.) Their learned samples still sharpen the margin
        over the others and the candidate shown for a miss."""
        return self._enrolled_distance(track, self._templates.index_of(key)) <= threshold

    def _enrolled_distance(self, track: _Track, index: int) -> float:
        """The visit's distance to person ``index``'s template of enrolled samples alone."""
        return float(distance_of(self._templates.enrolled_vectors[index] @ track.fused.astype(np.float32)))

    def _keep_learnable(self, track: _Track, frame: np.ndarray, t: float) -> None:
        """Remember the visit's best frame that passes the enrollment gate: the sample it may teach."""
        if not self.policy.learn:
            return
        quality = judge(track.quality, ENROLLMENT_LIMITS)
        if quality.ok and (track.learn_sample is None or quality.weight > track.learn_sample.quality.weight):
            track.learn_sample = EnrollmentSample(frame, track.box, track.landmarks, track.score,
                                                  np.asarray(track.embedding, np.float32), quality, t)

    def _end(self, track: _Track) -> Decision | None:
        """The visit of ``track`` ended (the face left, or the stream was reset): a claim gets its
        verdict, an undecided visit is decided on the evidence it gave (if enough)."""
        try:
            if track.held is not None:
                return self._refuse(track, track.held, LEFT_EARLY, track.last_t)
            if track.claim is not None:
                return self._judge_claim(track, track.last_t, ending=True)
            if track.state != DECIDING or track.frames < self.policy.min_frames:
                return None
            verdict = self._judge(track)
            return self._conclude(track, track.last_t, KNOWN if verdict.accepted else UNKNOWN, verdict, ending=True)
        finally:
            self.liveness.forget(track.id)

    def _judge_claim(self, track: _Track, t: float, ending: bool) -> Decision | None:
        """Number + face: is the track the claimed person (1:1, at the claim threshold), and not
        clearly somebody else enrolled? Waits for enough frames unless the visit is ending."""
        claim, point, policy = track.claim, self._operating_point, self.policy
        index = self._templates.index_of(claim.key)
        if index < 0 or track.evidence is None:  # removed from the gallery meanwhile; no good frame yet
            accepted, distance, margin = False, math.inf, math.inf
        else:
            similarity = self._templates.vectors @ track.fused.astype(np.float32)
            distance = float(distance_of(similarity[index]))
            similarity[index] = -np.inf
            margin = float(distance_of(similarity.max())) - distance if len(similarity) > 1 else math.inf
            threshold = point.claim_threshold
            if track.frames < policy.early_frames:
                threshold -= policy.early_tightening
            accepted = (track.frames >= policy.min_frames and distance <= threshold and margin >= -point.margin
                        and self._enrolled_agree(track, claim.key, threshold))
        if not accepted and not ending and claim.frames < policy.max_frames \
                and t - claim.started < policy.decide_within_s:
            return None                          # not yet: more frames may settle it
        track.claim = None
        if not accepted:
            self.claims.failed(claim.key)
        learn = None
        if accepted and self._may_learn(track, claim.key, margin):
            learn = self._learnable(track, claim.key)
        decision = Decision(track.id, claim.key if accepted else None, t, track.first_t, track.frames,
                            distance, margin, point.claim_threshold, claim.key, track.box,
                            track.best_chip, method="number+face", claimed_key=claim.key, learn=learn)
        if not accepted:
            return decision
        admitted = self._admit(track, decision, t, ending)
        if admitted is not None and admitted.key is not None:
            self.claims.succeeded(claim.key)
            track.state, track.decision = KNOWN, admitted
        return admitted

    def _may_learn(self, track: _Track, key: str, margin: float) -> bool:
        """The visit matches the person's enrolled samples alone at the stricter point, with the margin."""
        index = self._templates.index_of(key)
        if not self.policy.learn or index < 0 or margin < self._operating_point.margin:
            return False
        return self._enrolled_distance(track, index) <= self._operating_point.strict_threshold

    def _learnable(self, track: _Track, key: str) -> learning.LearnedSample | None:
        if track.learn_sample is None:
            return None
        return learning.plan(self._templates, key, track.learn_sample, max_learned=self.policy.max_learned,
                             min_novelty=self.policy.learn_min_novelty)

    def _another_face(self, track: _Track) -> bool:
        """This frame's embedding is unlike the track's evidence: somebody else stands in the box
        (a re-check after a sudden change, tracks swapped, a cut in a video)."""
        return float(distance_of(np.dot(track.fused, track.embedding))) > self._operating_point.same_face_distance

    def _restart(self, track: _Track, t: float) -> _Track:
        """A new visit in the old track's place, starting from this frame."""
        log.debug("track %d: another face in its box: a new visit", track.id)
        fresh = _Track(self.tracker.next_id(), track.box, track.landmarks, track.score, t, t, seen_now=True,
                       thumb=track.thumb, chip=track.chip, quality=track.quality, embedding=track.embedding,
                       last_embedded_t=t)
        self.tracker.replace(track, fresh)
        self.liveness.forget(track.id)
        return fresh       # an enrollment of the old track gets no more samples (see _feed_enrollment)

    def _conclude(self, track: _Track, t: float, state: str, verdict: Verdict, ending: bool = False) -> Decision | None:
        if track.held is not None:           # the visit ends while its check-in waits for a challenge
            return self._refuse(track, track.held, LEFT_EARLY, t)
        track.state = state
        candidate = None
        if state != KNOWN and verdict.key is not None and verdict.distance <= self._operating_point.candidate_threshold:
            candidate = verdict.key            # ask the operator
        # a check-in, or a confirmation of the candidate, teaches the desk only at the stricter point
        taught = verdict.key if state == KNOWN else candidate
        learn = self._learnable(track, taught) if taught and self._may_learn(track, taught, verdict.margin) else None
        track.decision = Decision(track.id, verdict.key if state == KNOWN else None, t, track.first_t,
                                  track.frames, verdict.distance, verdict.margin, verdict.threshold,
                                  verdict.key, track.box, track.best_chip, candidate_key=candidate,
                                  candidate_distance=verdict.distance if candidate else None, learn=learn,
                                  liveness=self.liveness.evidence(track.id) if self.policy.liveness != OFF else None)
        if track.enrolled_visit:
            # the visit that gave the enrolment samples is decided again once the person is in the
            # gallery: the box shows their name, but enrolling at 14:00 is not arriving at 14:00 (no
            # check-in, no candidate, nothing learned from the samples just enrolled)
            return None
        if state == KNOWN:
            admitted = self._admit(track, track.decision, t, ending)
            if admitted is not None and admitted.key is not None:
                track.decision = admitted      # with its liveness evidence
            return admitted
        return track.decision

    def confirm(self, key: str, track_id: int) -> Decision | None:
        """The operator confirmed ``key`` for the visit ``track_id`` (its candidate): a check-in
        Decision (``method == "confirmed"``) returned at once when the face is proven live (or liveness
        is off); else None: the face is asked to turn and the outcome (the check-in, or a refusal) comes
        out of :meth:`process`. Raises NobodyInFront when the face is no longer in front."""
        track = self.tracker.find(track_id)
        if track is None or self._last_t is None:
            raise NobodyInFront("the face to confirm is no longer in front of the camera")
        base = track.decision
        learn = base.learn if base is not None and base.candidate_key == key else None
        decision = Decision(track.id, key, self._last_t, track.first_t, track.frames,
                            base.distance if base is not None else math.inf,
                            base.margin if base is not None else math.inf,
                            base.threshold if base is not None else math.nan, key, track.box, track.best_chip,
                            method="confirmed", learn=learn)
        admitted = self._admit(track, decision, self._last_t)
        if admitted is not None and admitted.key is not None:
            track.state, track.decision = KNOWN, admitted
        return admitted

    def _tracked_face(self, track: _Track, t: float) -> TrackedFace:
        decision = track.decision
        hint = track.quality.hint if track.quality is not None and track.state == DECIDING else ""
        return TrackedFace(track.id, track.box, track.landmarks, track.score, track.state,
                           decision.key if decision is not None else None,
                           decision.distance if decision is not None else None, track.quality, hint, track.chip,
                           challenge=self.liveness.prompt(track.id, t) if track.held is not None else None,
                           refused=decision.refused if decision is not None else None)
