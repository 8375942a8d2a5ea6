"""Following faces from frame to frame: where to look, which detection is which face, when a face
has left. Box geometry, greedy IoU association and the Tracker that uses them."""
from __future__ import annotations

import dataclasses
import enum
import math

import numpy as np

# A square box from the five landmarks (MTCNN's box side is ~1.86x the eye-mouth scale and its
# centre sits 0.14 scale above the points' centroid; measured on simulated desk frames). O-Net fed
# its own regressed box drifts from frame to frame; fed a box rebuilt from the points it does not.
_SIDE_PER_SCALE = 1.86
_CENTRE_LIFT = 0.14


def landmark_scale(landmarks) -> float:
    """Eye-to-mouth distance plus half the eye distance: a size that barely changes with yaw."""
    points = np.asarray(landmarks, np.float64)
    eyes, mouth = (points[0] + points[1]) / 2, (points[3] + points[4]) / 2
    return float(np.linalg.norm(mouth - eyes) + 0.5 * np.linalg.norm(points[1] - points[0]))


def box_from_landmarks(landmarks, shift=(0.0, 0.0), grow: float = 1.0) -> tuple[float, float, float, float]:
    """The square box O-Net should look in next, from this frame's points (and the face's motion)."""
    points = np.asarray(landmarks, np.float64)
    scale = landmark_scale(points) * grow
    centre = points.mean(axis=0) + np.array([0.0, -_CENTRE_LIFT * scale]) + np.asarray(shift)
    half = _SIDE_PER_SCALE * scale / 2
    return (centre[0] - half, centre[1] - half, centre[0] + half, centre[1] + half)


def iou_matrix(a, b) -> np.ndarray:
    """Intersection over union of every box of ``a`` (N, 4) with every box of ``b`` (M, 4)."""
    a = np.asarray(a, np.float64).reshape(-1, 4)
    b = np.asarray(b, np.float64).reshape(-1, 4)
    if not len(a) or not len(b):
        return np.zeros((len(a), len(b)))
    x1 = np.maximum(a[:, None, 0], b[None, :, 0])
    y1 = np.maximum(a[:, None, 1], b[None, :, 1])
    x2 = np.minimum(a[:, None, 2], b[None, :, 2])
    y2 = np.minimum(a[:, None, 3], b[None, :, 3])
    inter = np.clip(x2 - x1, 0, None) * np.clip(y2 - y1, 0, None)
    area_a = (a[:, 2] - a[:, 0]) * (a[:, 3] - a[:, 1])
    area_b = (b[:, 2] - b[:, 0]) * (b[:, 3] - b[:, 1])
    union = area_a[:, None] + area_b[None, :] - inter
    return np.where(union > 0, inter / np.maximum(union, 1e-9), 0.0)


def associate(track_boxes, detection_boxes, min_iou: float) -> list[tuple[int, int]]:
    """Greedy one-to-one pairs (track index, detection index), best overlap first, IoU >= min_iou."""
    overlap = iou_matrix(track_boxes, detection_boxes)
    pairs, used_tracks, used_detections = [], set(), set()
    for flat in np.argsort(-overlap, axis=None):
        t, d = np.unravel_index(flat, overlap.shape)
        if overlap[t, d] < min_iou:
            break
        if t in used_tracks or d in used_detections:
            continue
        pairs.append((int(t), int(d)))
        used_tracks.add(t)
        used_detections.add(d)
    return pairs


class TrackState(str, enum.Enum):
    """Where a visit stands (the live view colours its box by it)."""
    DECIDING = "deciding"
    KNOWN = "known"
    UNKNOWN = "unknown"


@dataclasses.dataclass(eq=False)
class Track:
    """One face followed from frame to frame: where it is and how it moves."""
    id: int
    box: tuple
    landmarks: np.ndarray
    score: float
    first_t: float
    last_t: float
    velocity: np.ndarray = dataclasses.field(default_factory=lambda: np.zeros(2))   # px/s of the points
    seen_now: bool = False                  # found in the last frame

    @classmethod
    def start(cls, track_id: int, box, landmarks, score: float, t: float) -> "Track":
        """A track of a face first seen at ``t``."""
        return cls(track_id, tuple(box), np.asarray(landmarks), score, t, t, seen_now=True)


class Tracker:
    """Faces of a stream of frames as tracks. The whole frame is searched (``detector.detect``)
    every ``policy.full_detection_every_s``, while nobody is tracked, and when a followed face is lost;
    in between each track is followed by the detector's last stage alone (``detector.refine``) in the
    box its points and motion predict. Detections are linked to tracks by box overlap; a new face
    becomes a ``track_type`` (Track, or a subclass that carries more)."""

    def __init__(self, detector, policy, track_type=Track):
        self.detector = detector
        self.policy = policy
        self.track_type = track_type
        self.tracks: list = []
        self._next_id = 1
        self._last_full_t = -math.inf
        self.full_detections = 0            # whole-frame searches (for benchmarks)

    def next_id(self) -> int:
        self._next_id += 1
        return self._next_id - 1

    def clear(self) -> list:
        """Forget every track; returns them."""
        gone, self.tracks = self.tracks, []
        self._last_full_t = -math.inf
        return gone

    def find(self, track_id: int | None):
        """The track ``track_id`` if it was seen in the last frame, else None."""
        return next((tr for tr in self.tracks if tr.id == track_id and tr.seen_now), None)

    def drop_lost(self, t: float) -> list:
        """Tracks not seen for longer than ``policy.lost_after_s``: removed and returned (visits ended)."""
        gone = [tr for tr in self.tracks if t - tr.last_t > self.policy.lost_after_s]
        if gone:
            self.tracks = [tr for tr in self.tracks if tr not in gone]
        return gone

    def replace(self, old, fresh) -> None:
        """``fresh`` takes ``old``'s place (somebody else in its box: a new visit)."""
        self.tracks[self.tracks.index(old)] = fresh

    def follow(self, frame: np.ndarray, t: float) -> list:
        """Find this frame's faces; returns the tracks seen in it."""
        policy = self.policy
        for track in self.tracks:
            track.seen_now = False
        full = not self.tracks or t - self._last_full_t >= policy.full_detection_every_s
        if not full:
            predicted = [box_from_landmarks(tr.landmarks, tr.velocity * (t - tr.last_t)) for tr in self.tracks]
            for track, detection in zip(self.tracks, self.detector.refine(frame, predicted)):
                if detection is not None:
                    self._update(track, detection, t)
            self._drop_duplicates()
            full = not all(track.seen_now for track in self.tracks)   # lost one: search everywhere
        if full:
            self._search(frame, t)
        return [track for track in self.tracks if track.seen_now]

    def _search(self, frame: np.ndarray, t: float) -> None:
        policy = self.policy
        self._last_full_t = t
        self.full_detections += 1
        detections = self.detector.detect(frame)
        followed = [tr.box for tr in self.tracks if tr.seen_now]
        if followed and detections:       # faces O-Net already followed this frame are not new
            covered = iou_matrix([d.box for d in detections], followed).max(axis=1) >= policy.min_iou
            detections = [d for d, c in zip(detections, covered) if not c]
        unseen = [tr for tr in self.tracks if not tr.seen_now]
        pairs = associate([tr.box for tr in unseen], [d.box for d in detections], policy.min_iou)
        for ti, di in pairs:
            self._update(unseen[ti], detections[di], t)
        matched = {di for _, di in pairs}
        for di, detection in enumerate(detections):
            if di not in matched:
                self.tracks.append(self.track_type.start(self.next_id(), detection.box, detection.landmarks,
                                                         detection.score, t))

    @staticmethod
    def _update(track, detection, t: float) -> None:
        landmarks = np.asarray(detection.landmarks, np.float64)
        dt = t - track.last_t
        if dt > 0:
            step = (landmarks.mean(axis=0) - track.landmarks.mean(axis=0)) / dt
            track.velocity = 0.5 * track.velocity + 0.5 * step
        track.box, track.landmarks, track.score = tuple(detection.box), landmarks, detection.score
        track.last_t, track.seen_now = t, True

    def _drop_duplicates(self) -> None:
        """Two tracks that converged on one face: keep the older."""
        seen = [tr for tr in self.tracks if tr.seen_now]
        overlap = iou_matrix([tr.box for tr in seen], [tr.box for tr in seen])
        dropped: set[int] = set()
        for i in range(len(seen)):
            for j in range(i + 1, len(seen)):
                if overlap[i, j] > 0.5 and not {i, j} & dropped:
                    dropped.add(j if seen[i].first_t <= seen[j].first_t else i)
        if dropped:
            gone = {seen[k].id for k in dropped}
            self.tracks = [tr for tr in self.tracks if tr.id not in gone]
