"""Is the face in front a live head, or a photo / a phone? Geometry over the frames of a visit, and a
challenge when that is not enough (no Qt, no SQL).

**Passive planar test.** However a flat print or a screen moves, the face's image in one frame maps
onto another frame's by one homography. A head is not flat: as soon as it turns or nods a little, its
nose leaves the plane of its eyes and mouth corners, and the cheeks and the face's outline move
against it. Two measures per pair of frames of one track (a pair is taken when the pose changed
enough, at most every few frames):

* ``landmark``: the four points eyes + mouth corners fix a homography between the two frames
  exactly; the nose's distance from where it maps the other frame's nose (in eye distances);
* ``parallax``: both frames' faces warped to a 96 px chip by their five points; a grid of points
  inside the face tracked from one chip to the other (Lucas-Kanade, forward-backward checked); one
  homography fitted robustly to all of them; the 90th percentile of what it leaves (in eye distances).
  MTCNN's points alone are not enough: on a print rotated by 30 degrees they wander as much as a
  real nose turning by 8 degrees, while the image of a flat surface stays one homography.

A track is ``live`` when ``min_live_pairs`` pairs exceed both ``live_landmark`` and
``live_parallax``; ``flat`` when the face moved out of plane (``flat_motion``) in at least
``min_flat_pairs`` pairs with no pair above ``flat_parallax``; else ``unsure`` (no movement yet).
A ``flat`` verdict asks the challenge at once rather than refusing: a live head that barely turned
can look flat, and the challenge refuses a print anyway (its failure is then reported as ``flat``).
Frames that fail the quality gate apart from the pose (too dark, blurred), are turned past
``max_yaw`` or whose face is cut by the frame's edge give no evidence either way.

**Challenge.** When the passive test is not enough (policy ``when_unsure`` and not ``live``, or
``always``), the person is asked (once the head is at rest: ``rest_yaw``, ``rest_frames``; a clip caught
mid-turn would answer faster than anyone reacts) to turn their head a little to a random side (their own ``left`` or
``right``: turning to their left moves their nose towards the unmirrored camera image's +x; a
mirrored preview shows it on the screen's left), and once that turn is shown, to the other side
(``turns``, 2). Within ``challenge_s`` of each prompt (and not before ``min_reaction_s``) the yaw (nose
offset from the eyes' and mouth's midline, in eye distances) must move at least ``turn_yaw`` that way
from the face's resting yaw (the median of the frames kept when first asked), in two good frames in a
row, and ``challenge_frames`` turned frames of each turn must be clearly non-planar
(``challenge_landmark`` and ``challenge_parallax``) against the kept frame nearest the resting yaw or,
for the second turn, against the frame that showed the first. Frames that are no evidence (blurred,
dark, cut by the edge, turned past ``max_yaw``) are skipped, not counted against a run. Reasons a
challenge fails (also those of a refusal, :data:`REASONS`): ``wrong_direction`` (turned the other way
first, away from both the resting pose and the pose when asked), ``no_turn`` (no turn in time),
``flat`` (turned, or moved, but planar), ``left`` (the face left mid-challenge, or the visit ended).
A replayed clip of the person turning passes only when its turns happen to come the asked ways at
the asked moments: a clip that turns once never turns back past its resting pose to the other side
(bench/liveness.py counts how often replays pass).

**API** (used by recognition.stream.recognizer.StreamRecognizer; one :class:`LivenessGuard` per stream):

* ``guard.observe(track_id, frame, landmarks, box, quality_ok, t)`` every frame a track is seen;
* ``guard.verdict(track_id)`` -> :class:`PassiveVerdict` (``state`` live/flat/unsure, ``pairs``, ``parallax``);
* ``guard.start(track_id, t)`` -> :class:`Challenge` (``sides``, ``direction`` asked now, ``started``, ``deadline``);
  ``guard.outcome(track_id, t)`` -> None while pending, else ``"passed"`` or a reason;
  ``guard.prompt(track_id, t)`` -> :class:`ChallengePrompt` (``direction``, ``seconds_left``, ``step``) to draw;
* ``guard.evidence(track_id)`` -> :class:`LivenessEvidence` (``kind`` "passive" | "challenge" | "off",
  ``parallax``, ``landmark``, ``turn``) recorded with a check-in;
* ``guard.forget(track_id)`` when a visit ends.
"""
from __future__ import annotations

import collections
import dataclasses
import math
import random

import cv2
import numpy as np

from recognition.stream.quality import pose_of

OFF, WHEN_UNSURE, ALWAYS = "off", "when_unsure", "always"
MODES = (OFF, WHEN_UNSURE, ALWAYS)
LIVE, FLAT, UNSURE = "live", "flat", "unsure"
LEFT, RIGHT = "left", "right"
_OTHER = {LEFT: RIGHT, RIGHT: LEFT}
PASSED = "passed"
#: why an attempt was refused (Decision.refused): the operator's words are the desk's to choose
WRONG_DIRECTION, NO_TURN, REFUSED_FLAT, LEFT_EARLY = "wrong_direction", "no_turn", "flat", "left"
REASONS = (REFUSED_FLAT, WRONG_DIRECTION, NO_TURN, LEFT_EARLY)

#: the chip the parallax is measured on: five points' template (eye distance 28 px) in 96x96
_CHIP = 96
_TEMPLATE = np.float32([[34, 38], [62, 38], [48, 54], [37, 68], [59, 68]])
_IOD = 28.0
_gy, _gx = np.mgrid[26:82:4, 20:78:4]
_GRID = np.stack([_gx.ravel(), _gy.ravel()], 1).astype(np.float32).reshape(-1, 1, 2)


@dataclasses.dataclass(frozen=True)
class LivenessLimits:
    """The liveness test's knobs (StreamPolicy.liveness_limits). Figures from bench/liveness.py."""
    # -- passive ---------------------------------------------------------------------------------
    #: a pair of frames is compared when the pose moved this much (|d yaw| + |d pitch| + 4-point shape change)
    min_motion: float = 0.04
    #: ... and not more often than every this many observed frames of the track (cost)
    pair_every: int = 3
    #: on bench/liveness.py a hand-held print reached 0.18 / 0.17 in one pair (a 30-degree tilt
    #: confuses the tracker and MTCNN alike); three pairs above these are a head
    live_landmark: float = 0.12
    live_parallax: float = 0.12
    min_live_pairs: int = 3
    flat_motion: float = 0.06
    flat_parallax: float = 0.05
    min_flat_pairs: int = 4
    #: frames kept per track (seconds)
    history_s: float = 4.0
    #: a frame turned up to this far (|yaw|, eye distances; ~45 degrees) is still evidence: the recognizer's
    #: quality gate stops at 0.45, and a face already resting turned that is asked to turn further passes it
    max_yaw: float = 0.6
    # -- challenge -------------------------------------------------------------------------------
    #: "when_unsure": a check-in not yet proven live waits this long (from the face's first frame) for
    #: passive evidence before the person is asked to turn: people walking up move their heads
    passive_s: float = 1.2
    #: each turn must be shown within this long of its prompt (people answered within ~1.7 s; a replayed
    #: clip that turns at some other moment fails)
    challenge_s: float = 3.0
    #: the face is asked only when at rest: its last ``rest_frames`` good frames within ``rest_yaw`` of its
    #: resting yaw (a 3-degree sway stays inside). A replayed clip caught mid-turn when a prompt was due
    #: "answered" it 0.4 s later, faster than anyone reacts; asked once it has come to rest, it has no
    #: turn left to show. A face that never rests is refused (no_turn) when the challenge's time is up
    rest_yaw: float = 0.05
    rest_frames: int = 3
    #: turns asked: the first to a random side, then one to the other side. A replayed clip of the person
    #: turning once came the asked way within the window in 11 of 40 visits with one turn asked; it cannot
    #: turn back past its resting pose to the other side when asked (bench/liveness.py)
    turns: int = 2
    #: yaw change (nose offset from the midline, eye distances) that counts as a turn: ~8 degrees of a
    #: mean head, ~13 of a head with a nose at 60 % of the mean
    turn_yaw: float = 0.06
    #: a turn seen earlier than this after the prompt was not an answer to it
    min_reaction_s: float = 0.3
    challenge_landmark: float = 0.08
    challenge_parallax: float = 0.085
    #: ... in this many frames of each turn asked (the second one measured against the resting frame or
    #: the first turn's). With one turn asked, two frames of it: two hand-held prints passed on one frame
    #: each; asking two of one turn refused 2 of 16 low-depth heads whose answer dipped for a frame. Two
    #: turns of one such frame each are two chances a print must both win (bench/liveness.py)
    challenge_frames: int = 1


@dataclasses.dataclass(frozen=True)
class PassiveVerdict:
    state: str                 # LIVE, FLAT or UNSURE
    pairs: int                 # frame pairs compared
    parallax: float            # the second largest parallax of the pairs that passed the landmark
    #                            test too (eye distances; 0 without two)
    landmark: float            # the nose residual of that pair


@dataclasses.dataclass(frozen=True)
class LivenessEvidence:
    """What a check-in's liveness rests on (Decision.liveness)."""
    kind: str                  # "passive" | "challenge" | "off"
    parallax: float = 0.0      # eye distances the face's image left its best homography (see module)
    landmark: float = 0.0      # the nose's residual against the 4-point homography (eye distances)
    turn: float = 0.0          # challenge: the smallest of the turns' yaw changes the asked way (eye distances)
    direction: str = ""        # challenge: the sides asked, in order ("left,right")


@dataclasses.dataclass
class Challenge:
    sides: tuple               # the sides asked in turn (LEFT / RIGHT: the person's own), one after the other
    started: float             # the current turn's prompt
    deadline: float            # ... and its deadline
    baseline_yaw: float        # the face's resting yaw (median of the frames kept): turns count from it
    baseline: "_Observation"   # the kept frame nearest that yaw: the turned frames are compared with it
    prompt_yaw: float          # the yaw when asked (a head coming back from a glance is not turning away)
    step: int = 0              # the turn being asked (index into ``sides``)
    first_turn: "_Observation | None" = None   # the frame that showed the first turn (compared with too)
    turned_frames: int = 0     # frames turned the asked way in a row (frames that are no evidence skipped)
    wrong_frames: int = 0      # ... the other way
    turned_seen: bool = False  # turned the right way at some point (planar or not)
    solid_frames: int = 0      # turned frames clearly non-planar (this turn)
    best_turn: float = 0.0
    best_parallax: float = 0.0
    best_landmark: float = 0.0
    outcome: str | None = None
    turns: list = dataclasses.field(default_factory=list)     # the turns shown so far: (turn, parallax, landmark)

    @property
    def direction(self) -> str:
        """The side asked now."""
        return self.sides[self.step]


@dataclasses.dataclass(frozen=True)
class ChallengePrompt:
    """A challenge going on, for the live tab to draw on the face ("请向左轻轻转头", then "请再向右轻轻转头")."""
    direction: str             # "left" | "right": the person's own side
    seconds_left: float
    step: int = 0              # 0: the first turn asked; 1, ...: "now the other way"


@dataclasses.dataclass
class _Observation:
    t: float
    points: np.ndarray         # (5, 2)
    chip: np.ndarray           # 96x96 grey
    yaw: float
    pitch: float


@dataclasses.dataclass
class _FaceLiveness:
    history: collections.deque = dataclasses.field(default_factory=collections.deque)
    pairs: list = dataclasses.field(default_factory=list)     # (landmark, parallax, motion)
    since_pair: int = 0
    challenge: Challenge | None = None
    proven: LivenessEvidence | None = None                     # a challenge passed on this visit


def landmark_residual(a: np.ndarray, b: np.ndarray) -> float:
    """The nose of ``b`` against ``a``'s nose mapped by the homography of the four other points
    (eyes, mouth corners), in ``b``'s eye distances."""
    four = [0, 1, 3, 4]
    h = cv2.getPerspectiveTransform(np.float32(a[four]), np.float32(b[four]))
    p = h @ np.array([a[2, 0], a[2, 1], 1.0])
    if abs(p[2]) < 1e-9:
        return math.inf
    iod = float(np.linalg.norm(b[1] - b[0])) or 1e-6
    return float(np.linalg.norm(b[2] - p[:2] / p[2]) / iod)


def shape_change(a: np.ndarray, b: np.ndarray) -> float:
    """How much the four points' shape changed beyond a similarity (out-of-plane turns foreshorten it)."""
    four = [0, 1, 3, 4]
    m = cv2.estimateAffinePartial2D(np.float32(a[four]), np.float32(b[four]))[0]
    if m is None:
        return 0.0
    moved = np.float32(a[four]) @ m[:, :2].T + m[:, 2]
    iod = float(np.linalg.norm(b[1] - b[0])) or 1e-6
    return float(np.sqrt(((moved - b[four]) ** 2).sum(axis=1).mean()) / iod)


def face_chip(frame: np.ndarray, points: np.ndarray) -> np.ndarray:
    m = cv2.estimateAffinePartial2D(np.float32(points), _TEMPLATE)[0]
    chip = cv2.warpAffine(frame, m, (_CHIP, _CHIP), flags=cv2.INTER_LINEAR)
    return cv2.cvtColor(chip, cv2.COLOR_BGR2GRAY) if chip.ndim == 3 else chip


def parallax(a: np.ndarray, b: np.ndarray) -> float:
    """Image parallax between two face chips: what one homography of the face's grid leaves (p90, eye
    distances); 0 when too few points could be followed (no evidence)."""
    moved, status, _ = cv2.calcOpticalFlowPyrLK(a, b, _GRID, None, winSize=(13, 13), maxLevel=2)
    back, status_back, _ = cv2.calcOpticalFlowPyrLK(b, a, moved, None, winSize=(13, 13), maxLevel=2)
    good = ((status.ravel() == 1) & (status_back.ravel() == 1)
            & (np.linalg.norm((back - _GRID).reshape(-1, 2), axis=1) < 0.7))
    if good.sum() < 20:
        return 0.0
    src, dst = _GRID[good], moved[good]
    h, _ = cv2.findHomography(src, dst, cv2.RANSAC, 1.0)
    if h is None:
        return 0.0
    left = np.linalg.norm(cv2.perspectiveTransform(src, h) - dst, axis=2).ravel()
    return float(np.percentile(left, 90) / _IOD)


class LivenessGuard:
    """Per-track liveness evidence and challenges of one stream (see the module docstring)."""

    def __init__(self, limits: LivenessLimits | None = None, rng: random.Random | None = None):
        self.limits = limits or LivenessLimits()
        self.rng = rng or random.SystemRandom()     # the side asked must not be predictable
        self._faces: dict[int, _FaceLiveness] = {}
        self.pairs_measured = 0                     # for benchmarks

    # -- evidence -----------------------------------------------------------------------------------
    def observe(self, track_id: int, frame: np.ndarray, landmarks, box, usable: bool, t: float) -> None:
        """A frame of ``track_id``; ``usable``: it passed the quality gate (else it is not evidence)."""
        face = self._faces.setdefault(track_id, _FaceLiveness())
        height, width = frame.shape[:2]
        x1, y1, x2, y2 = box
        points = np.asarray(landmarks, np.float64).reshape(5, 2)
        pose = pose_of(points)
        # a frame that gives no evidence (blurred, dark, cut by the edge) neither answers a challenge nor
        # breaks a run of turned frames: a turning head blurs now and then
        if (not usable or abs(pose.yaw) > self.limits.max_yaw or x1 < 0 or y1 < 0 or x2 > width
                or y2 > height):
            return
        now = _Observation(t, points, face_chip(frame, points), pose.yaw, pose.pitch)
        limits = self.limits
        while face.history and t - face.history[0].t > limits.history_s:
            face.history.popleft()
        face.since_pair += 1
        if face.history and face.since_pair >= limits.pair_every:
            motion, before = max(((self._motion(o, now), i) for i, o in enumerate(face.history)),
                                 key=lambda m: m[0])
            if motion >= limits.min_motion:
                face.since_pair = 0
                earlier = face.history[before]
                face.pairs.append((landmark_residual(earlier.points, points), self._parallax(earlier, now), motion))
        face.history.append(now)
        if face.challenge is not None and face.challenge.outcome is None:
            self._answer(face, now)

    @staticmethod
    def _motion(a: _Observation, b: _Observation) -> float:
        return abs(a.yaw - b.yaw) + abs(a.pitch - b.pitch) + shape_change(a.points, b.points)

    def _parallax(self, a: _Observation, b: _Observation) -> float:
        self.pairs_measured += 1
        return parallax(a.chip, b.chip)

    def verdict(self, track_id: int) -> PassiveVerdict:
        face = self._faces.get(track_id)
        if face is None or not face.pairs:
            return PassiveVerdict(UNSURE, 0, 0.0, 0.0)
        limits = self.limits
        both = sorted(((p, lm) for lm, p, _ in face.pairs if lm >= limits.live_landmark), reverse=True)
        second = both[limits.min_live_pairs - 1] if len(both) >= limits.min_live_pairs else (0.0, 0.0)
        if second[0] >= limits.live_parallax:
            return PassiveVerdict(LIVE, len(face.pairs), second[0], second[1])
        moved = [p for _, p, m in face.pairs if m >= limits.flat_motion]
        if len(moved) >= limits.min_flat_pairs and max(p for _, p, _ in face.pairs) < limits.flat_parallax:
            return PassiveVerdict(FLAT, len(face.pairs), second[0], second[1])
        return PassiveVerdict(UNSURE, len(face.pairs), second[0], second[1])

    # -- challenge ----------------------------------------------------------------------------------
    def start(self, track_id: int, t: float) -> Challenge | None:
        """Ask ``track_id`` to turn (a random side first, then the other); None while it has no usable
        frames yet to compare with, or is not at rest (turning, glancing aside): ask again later."""
        face = self._faces.setdefault(track_id, _FaceLiveness())
        if face.challenge is not None and face.challenge.outcome is None:
            return face.challenge
        limits = self.limits
        if len(face.history) < limits.rest_frames:
            return None
        # the resting pose over the frames kept, not the last few: asked mid-glance, a face coming back
        # to it would otherwise seem to turn the wrong way, and its turn would be measured from aside
        resting = float(np.median([o.yaw for o in face.history]))
        if any(abs(o.yaw - resting) > limits.rest_yaw for o in list(face.history)[-limits.rest_frames:]):
            return None
        baseline = min(reversed(face.history), key=lambda o: abs(o.yaw - resting))
        first = self.rng.choice((LEFT, RIGHT))
        sides = tuple(first if i % 2 == 0 else _OTHER[first] for i in range(max(1, limits.turns)))
        face.challenge = Challenge(sides, t, t + limits.challenge_s, resting, baseline, face.history[-1].yaw)
        return face.challenge

    def _answer(self, face: _FaceLiveness, now: _Observation) -> None:
        challenge, limits = face.challenge, self.limits
        if now.t - challenge.started < limits.min_reaction_s or now.t > challenge.deadline:
            return
        sign = 1.0 if challenge.direction == LEFT else -1.0
        turn = sign * (now.yaw - challenge.baseline_yaw)      # from the resting pose
        away = sign * (now.yaw - challenge.prompt_yaw)        # since the prompt
        challenge.turned_frames = challenge.turned_frames + 1 if turn >= limits.turn_yaw else 0
        # a head still finishing the turn before is not turning the wrong way: only the first turn can be wrong
        wrong = challenge.step == 0 and turn <= -limits.turn_yaw and away <= -limits.turn_yaw / 2
        challenge.wrong_frames = challenge.wrong_frames + 1 if wrong else 0
        if challenge.wrong_frames >= 2 and not challenge.turned_seen:
            challenge.outcome = WRONG_DIRECTION
            return
        if challenge.turned_frames < 2:
            return
        challenge.turned_seen = True
        # the second turn is measured against the first one's frame too: twice the rotation, more parallax
        references = [challenge.baseline] + ([challenge.first_turn] if challenge.first_turn is not None else [])
        landmark, seen = max(((landmark_residual(r.points, now.points), self._parallax(r, now)) for r in references),
                             key=lambda m: min(m[0] / limits.challenge_landmark, m[1] / limits.challenge_parallax))
        if seen > challenge.best_parallax:
            challenge.best_parallax, challenge.best_landmark = seen, landmark
        challenge.best_turn = max(challenge.best_turn, turn)
        challenge.solid_frames += landmark >= limits.challenge_landmark and seen >= limits.challenge_parallax
        if challenge.solid_frames < limits.challenge_frames:
            return
        challenge.turns.append((turn, challenge.best_parallax, challenge.best_landmark))
        if challenge.step + 1 < len(challenge.sides):        # this turn shown: now the other way
            challenge.first_turn = now
            challenge.step += 1
            challenge.started, challenge.deadline = now.t, now.t + limits.challenge_s
            challenge.prompt_yaw = now.yaw
            challenge.turned_frames = challenge.wrong_frames = challenge.solid_frames = 0
            challenge.turned_seen = False
            challenge.best_turn = challenge.best_parallax = challenge.best_landmark = 0.0
            return
        challenge.outcome = PASSED
        turns, parallaxes, landmarks = zip(*challenge.turns)
        face.proven = LivenessEvidence("challenge", min(parallaxes), min(landmarks), min(turns), ",".join(challenge.sides))

    def outcome(self, track_id: int, t: float) -> str | None:
        """None while the challenge of ``track_id`` is pending (or none was started), else PASSED or a reason."""
        face = self._faces.get(track_id)
        challenge = face.challenge if face else None
        if challenge is None:
            return None
        if challenge.outcome is None and t > challenge.deadline:
            flat_before = self.verdict(track_id).state == FLAT
            challenge.outcome = REFUSED_FLAT if challenge.turned_seen or flat_before else NO_TURN
        return challenge.outcome

    def prompt(self, track_id: int, t: float) -> ChallengePrompt | None:
        face = self._faces.get(track_id)
        challenge = face.challenge if face else None
        if challenge is None or challenge.outcome is not None:
            return None
        return ChallengePrompt(challenge.direction, max(0.0, challenge.deadline - t), challenge.step)

    def evidence(self, track_id: int) -> LivenessEvidence | None:
        """The visit's proof of life: a passed challenge, else a passive ``live`` verdict, else None."""
        face = self._faces.get(track_id)
        if face is not None and face.proven is not None:
            return face.proven
        verdict = self.verdict(track_id)
        if verdict.state == LIVE:
            return LivenessEvidence("passive", verdict.parallax, verdict.landmark)
        return None

    def challenge_of(self, track_id: int) -> Challenge | None:
        face = self._faces.get(track_id)
        return face.challenge if face else None

    def forget(self, track_id: int) -> None:
        self._faces.pop(track_id, None)

    def clear(self) -> None:
        self._faces.clear()
