"""Enrolling a face from the stream: good samples of one track, in several poses, with hints.

The stream feeds every good, embedded frame of the enrolling track to :meth:`EnrollmentSession.offer`;
the session keeps those that add something (a pose still missing, some time after the last one),
says what the person should do next, and when it has enough, whether the samples look like one
person and whether that person is too close to someone already enrolled.
"""
from __future__ import annotations

import dataclasses

import numpy as np

from recognition.stream.quality import Quality
from recognition.stream.templates import Templates, distance_of, normalise

# hints of the enrollment (besides the quality gate's own)
LOOK_STRAIGHT = "look straight at the camera"
TURN_LEFT = "turn your head a little to the left"
TURN_RIGHT = "turn your head a little to the right"
DONE = "done"
#: the face being enrolled is not in front of the camera (left, or turned away): the samples taken
#: are kept and collecting resumes when the same person is back
FACE_LOST = "face lost"

#: yaw (nose offset from the face's midline, in eye distances) below which a face is frontal
FRONTAL_YAW = 0.10
#: a pose asked for that does not come within this long is not insisted on (not everyone can turn)
POSE_PATIENCE_S = 2.0


@dataclasses.dataclass(frozen=True)
class EnrollmentSample:
    frame: np.ndarray = dataclasses.field(repr=False)   # the whole BGR frame (the caller crops it)
    box: tuple[float, float, float, float]
    landmarks: np.ndarray = dataclasses.field(repr=False)
    score: float
    embedding: np.ndarray = dataclasses.field(repr=False)
    quality: Quality
    t: float

    @property
    def pose(self) -> str:
        yaw = self.quality.pose.yaw
        return "frontal" if abs(yaw) < FRONTAL_YAW else ("left" if yaw > 0 else "right")


@dataclasses.dataclass(frozen=True)
class EnrollmentState:
    """What the dialog shows: a copy, safe to hand to another thread."""
    track_id: int
    samples: tuple[EnrollmentSample, ...]
    wanted: int
    hint: str
    complete: bool
    consistent: bool                     # every sample close to the others (one person)
    nearest_key: str | None              # the enrolled person most like these samples
    nearest_distance: float              # their templates' distance (inf if nobody is enrolled)
    too_close: bool                      # so close that the two would be confused
    present: bool = True                 # the face being enrolled is in the last frame


class EnrollmentSession:
    """Collects ``wanted`` samples of one track: frontal ones, then one turned each way."""

    #: frontal, left and right samples wanted, in that order of asking
    POSES = (("frontal", 3), ("left", 1), ("right", 1))

    def __init__(self, track_id: int, min_interval_s: float = 0.25, same_face_distance: float = 0.5):
        self.track_id = track_id
        self.min_interval_s = min_interval_s
        self.same_face_distance = same_face_distance
        self.samples: list[EnrollmentSample] = []
        self.hint = LOOK_STRAIGHT
        self.wanted = self.wanted_samples()
        self._first_t: float | None = None

    @classmethod
    def wanted_samples(cls) -> int:
        """How many samples an enrollment collects."""
        return sum(n for _, n in cls.POSES)

    @property
    def complete(self) -> bool:
        return len(self.samples) >= self.wanted

    def _missing(self) -> list[str]:
        have = [s.pose for s in self.samples]
        return [pose for pose, n in self.POSES for _ in range(max(0, n - have.count(pose)))]

    def offer(self, frame, box, landmarks, score, embedding, quality: Quality, t: float) -> bool:
        """A good, embedded frame of the track; returns whether it was kept."""
        if self.complete:
            return False
        if self.samples and t - self.samples[-1].t < self.min_interval_s:
            return False
        sample = EnrollmentSample(frame, tuple(box), np.asarray(landmarks), float(score),
                                  np.asarray(embedding, np.float32), quality, float(t))
        missing = self._missing()
        if self._first_t is None:
            self._first_t = t
        waited = t - (self.samples[-1].t if self.samples else self._first_t)
        if sample.pose not in missing and waited < POSE_PATIENCE_S:
            self._ask(missing)
            return False
        self.samples.append(sample)
        self._ask(self._missing())
        return True

    def rejected(self, quality: Quality) -> None:
        """A frame of the track that failed the quality gate: its reason is the hint."""
        if not self.complete and quality.hint:
            self.hint = quality.hint

    def lost(self) -> None:
        """The face is not in this frame: say so (the samples stay) until it is back."""
        if not self.complete:
            self.hint = FACE_LOST

    def resume(self, track_id: int) -> None:
        """The same person is back in front (as ``track_id``): collect from it, ask for what is missing."""
        self.track_id = track_id
        self._ask(self._missing())

    def close_to(self, embedding) -> float:
        """Distance of ``embedding`` to the mean of the samples taken (inf without samples)."""
        if not self.samples:
            return float("inf")
        centre = normalise(np.stack([s.embedding for s in self.samples]).mean(axis=0))
        return float(distance_of(np.dot(centre, np.asarray(embedding, np.float32))))

    def _ask(self, missing: list[str]) -> None:
        # complete is "done" even when a pose never came (POSE_PATIENCE_S took another frontal one):
        # asking to turn after the last sample was taken made the dialog look stuck
        if self.complete or not missing:
            self.hint = DONE
        else:
            self.hint = {"frontal": LOOK_STRAIGHT, "left": TURN_LEFT, "right": TURN_RIGHT}[missing[0]]

    def state(self, templates: Templates, too_close_distance: float, present: bool = True) -> EnrollmentState:
        consistent, nearest_key, nearest = True, None, float("inf")
        if self.samples:
            embeddings = np.stack([s.embedding for s in self.samples])
            centre = normalise(embeddings.mean(axis=0))
            consistent = bool(np.all(distance_of(embeddings @ centre) <= self.same_face_distance))
            index, similarity, _, _ = templates.nearest_two(centre)
            if index >= 0:
                nearest_key, nearest = str(templates.ids[index]), float(distance_of(similarity))
        return EnrollmentState(self.track_id, tuple(self.samples), self.wanted, self.hint, self.complete,
                               consistent, nearest_key, nearest, nearest <= too_close_distance, present)
