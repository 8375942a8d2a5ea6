"""Linking face detections from frame to frame: box geometry and greedy IoU association."""
from __future__ import annotations

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
