"""The quality gate: is this face, in this frame, good enough to decide on (or to enroll)?

Everything comes from what detection and alignment already give: the box, the five points, the
detector's score and the aligned chip. Poor frames never decide and never enroll; the first reason a
frame fails is also the hint shown to the person ("come closer", "look at the camera"...).
"""
from __future__ import annotations

import dataclasses
import math

import cv2
import numpy as np

# Hints, in the order the checks run (the first failing one is shown).
TOO_SMALL = "come closer"
TURNED = "look at the camera"
TILTED = "keep your head straight"
BLURRED = "hold still"
TOO_DARK = "more light needed"
TOO_BRIGHT = "too much light"
UNSURE = "face not clear"


@dataclasses.dataclass(frozen=True)
class QualityLimits:
    """What a frame must reach to count. Defaults suit a 640x480 desk camera and the dlib port: on
    simulated visits of CelebA people, tighter limits (80 px, yaw 0.3, sharpness 0.12) missed 5
    points more enrolled visits without fewer false check-ins; enrollment asks for more
    (ENROLLMENT_LIMITS)."""
    min_face_px: float = 70.0          # face (box) height
    max_yaw: float = 0.45              # nose offset from the face's midline, in eye distances (~35°)
    pitch_range: tuple[float, float] = (0.25, 0.80)   # nose height between eyes (0) and mouth (1)
    max_roll_deg: float = 30.0
    min_sharpness: float = 0.05        # see chip_statistics: a sharp face ~0.12, blurred by a
    #                                    Gaussian of 2 px 0.06, of 3 px 0.045
    brightness_range: tuple[float, float] = (45.0, 215.0)
    min_contrast: float = 18.0
    min_score: float = 0.95            # detector (O-Net) face probability


#: enrollment samples become the person's template: larger, straighter and sharper than deciding needs
ENROLLMENT_LIMITS = QualityLimits(min_face_px=100.0, max_yaw=0.35, min_sharpness=0.07)


@dataclasses.dataclass(frozen=True)
class Pose:
    yaw: float      # signed nose offset from the midline / eye distance; 0 = frontal
    pitch: float    # nose height between the eye line (0) and the mouth line (1); ~0.5 = level
    roll: float     # degrees the eye line is tilted


@dataclasses.dataclass(frozen=True)
class Quality:
    ok: bool
    weight: float          # 0..1, how much this frame's embedding counts in the fused evidence
    hint: str              # "" when ok, else the first reason it failed
    face_px: float
    pose: Pose
    sharpness: float
    brightness: float
    contrast: float
    score: float


def pose_of(landmarks) -> Pose:
    """Yaw, pitch and roll proxies from the five points, measured in the eyes' own frame."""
    points = np.asarray(landmarks, np.float64).reshape(5, 2)
    left_eye, right_eye = points[0], points[1]
    axis = right_eye - left_eye
    eye_distance = float(np.linalg.norm(axis))
    if eye_distance < 1e-6:
        return Pose(float("inf"), float("nan"), 0.0)
    roll = math.atan2(axis[1], axis[0])
    cos, sin = math.cos(-roll), math.sin(-roll)
    origin = (left_eye + right_eye) / 2
    level = (points - origin) @ np.array([[cos, sin], [-sin, cos]])
    nose, mouth = level[2], (level[3] + level[4]) / 2
    midline_x = mouth[0] * (nose[1] / mouth[1]) if abs(mouth[1]) > 1e-6 else 0.0
    yaw = (nose[0] - midline_x) / eye_distance
    pitch = nose[1] / mouth[1] if abs(mouth[1]) > 1e-6 else float("nan")
    return Pose(float(yaw), float(pitch), math.degrees(roll))


def chip_statistics(chip_bgr: np.ndarray) -> tuple[float, float, float]:
    """(sharpness, brightness, contrast) of the central face region of an aligned chip."""
    gray = cv2.cvtColor(chip_bgr, cv2.COLOR_BGR2GRAY) if chip_bgr.ndim == 3 else chip_bgr
    h, w = gray.shape
    centre = gray[h // 5: h - h // 10, w // 6: w - w // 6].astype(np.float32)
    contrast = float(centre.std())
    # Laplacian of Gaussian (1 px): the plain Laplacian of a uint8 chip never falls below its
    # quantisation noise, however blurred; relative to contrast: a dim but sharp face is sharp
    detail = cv2.Laplacian(cv2.GaussianBlur(centre, (0, 0), 1.0), cv2.CV_32F)
    sharpness = float(detail.std() / max(contrast, 1.0))
    return sharpness, float(centre.mean()), contrast


def assess(box, landmarks, score: float, chip_bgr: np.ndarray, limits: QualityLimits) -> Quality:
    sharpness, brightness, contrast = chip_statistics(chip_bgr)
    measured = Quality(False, 0.0, "", float(box[3] - box[1]), pose_of(landmarks), sharpness, brightness,
                       contrast, float(score))
    return judge(measured, limits)


def judge(quality: Quality, limits: QualityLimits) -> Quality:
    """The same frame's figures held against other limits (enrollment's, say): nothing measured again."""
    pose, face_px = quality.pose, quality.face_px
    checks = (
        (face_px >= limits.min_face_px, TOO_SMALL),
        (abs(pose.yaw) <= limits.max_yaw, TURNED),
        (limits.pitch_range[0] <= pose.pitch <= limits.pitch_range[1], TURNED),
        (abs(pose.roll) <= limits.max_roll_deg, TILTED),
        (quality.brightness >= limits.brightness_range[0], TOO_DARK),
        (quality.brightness <= limits.brightness_range[1], TOO_BRIGHT),
        (quality.sharpness >= limits.min_sharpness, BLURRED),
        (quality.contrast >= limits.min_contrast, TOO_DARK),
        (quality.score >= limits.min_score, UNSURE),
    )
    hint = next((reason for passed, reason in checks if not passed), "")
    ok = not hint
    weight = 0.0
    if ok:   # frontal, sharp, large faces count most; each factor in [0.5, 1]
        frontal = 1.0 - 0.5 * abs(pose.yaw) / limits.max_yaw
        sharp = min(1.0, 0.5 + 0.5 * quality.sharpness / (2 * limits.min_sharpness))
        large = min(1.0, 0.5 + 0.5 * face_px / (2 * limits.min_face_px))
        weight = frontal * sharp * large
    return dataclasses.replace(quality, ok=ok, weight=weight, hint=hint)
