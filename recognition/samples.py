"""A face sample as the face store keeps it: the crop it came from, its five points and its quality.

The crop is the detected box grown by :data:`CROP_MARGIN` on each side (clipped to the image) and
encoded as JPEG, so that any model can align the face again from the stored points (or find it
again). Its quality figures are the stream's quality gate's own (recognition.stream.quality): one
definition of face size, sharpness and yaw, whether the sample came from the camera (the stream
measured it already) or from a photo (measured here on the aligned chip, as the stream does).

``backend.face_store.NewSample.of(sample, embedding, source)`` turns a :class:`FaceSample` into what
is stored; the backend itself does no image work.
"""
from __future__ import annotations

import dataclasses

import cv2
import numpy as np

from recognition.stream.quality import ENROLLMENT_LIMITS, Quality, assess

#: the margin (fraction of the box's width/height, each side) of a stored crop: enough to align the
#: face again with another model
CROP_MARGIN = 0.3
JPEG_QUALITY = 92


@dataclasses.dataclass(frozen=True)
class FaceSample:
    image: bytes                    # JPEG of the crop
    width: int
    height: int
    detector_score: float
    face_size: float                # the quality gate's face height (px)
    sharpness: float                # the quality gate's (Laplacian of Gaussian over contrast)
    yaw: float                      # the quality gate's (nose offset from the midline / eye distance)
    landmarks: np.ndarray = dataclasses.field(repr=False)   # (5, 2) in the crop's coordinates


def crop_origin(box, margin: float = CROP_MARGIN) -> tuple[int, int]:
    """Where :func:`crop_face` starts its crop in the image."""
    x1, y1, x2, y2 = box
    return max(0, int(x1 - (x2 - x1) * margin)), max(0, int(y1 - (y2 - y1) * margin))


def crop_face(image_bgr: np.ndarray, box, margin: float = CROP_MARGIN) -> np.ndarray:
    """The face box grown by ``margin`` on each side, clipped to the image (what a sample keeps)."""
    h, w = image_bgr.shape[:2]
    x1, y1, x2, y2 = box
    mx, my = (x2 - x1) * margin, (y2 - y1) * margin
    left, top = crop_origin(box, margin)
    right, bottom = min(w, int(np.ceil(x2 + mx))), min(h, int(np.ceil(y2 + my)))
    if right <= left or bottom <= top:
        raise ValueError(f"face box {box} lies outside the {w}x{h} image")
    return np.ascontiguousarray(image_bgr[top:bottom, left:right])


def encode_jpeg(image_bgr: np.ndarray, quality: int = JPEG_QUALITY) -> bytes:
    ok, buf = cv2.imencode(".jpg", np.ascontiguousarray(image_bgr), [cv2.IMWRITE_JPEG_QUALITY, quality])
    if not ok:
        raise ValueError("the face crop could not be encoded as JPEG")
    return buf.tobytes()


def decode_image(data: bytes | None) -> np.ndarray | None:
    """A stored image as BGR uint8, or None when the bytes are not a readable image."""
    if not data:
        return None
    try:
        image = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_COLOR)
    except cv2.error:
        return None
    return image if image is not None and image.size else None


def face_sample(image_bgr: np.ndarray, box, landmarks, score: float, quality: Quality) -> FaceSample:
    """The sample of a face found in ``image_bgr`` (box and points in its coordinates), with the
    quality the gate measured for it."""
    image = np.asarray(image_bgr)
    if image.ndim != 3 or image.shape[2] != 3 or image.dtype != np.uint8 or not image.size:
        raise ValueError(f"an image must be BGR uint8, got {image.dtype} {image.shape}")
    crop = crop_face(image, box)
    points = np.asarray(landmarks, np.float64).reshape(5, 2) - np.asarray(crop_origin(box), np.float64)
    return FaceSample(encode_jpeg(crop), int(crop.shape[1]), int(crop.shape[0]), float(score),
                      float(quality.face_px), float(quality.sharpness), float(quality.pose.yaw), points)


def stream_sample(sample) -> FaceSample:
    """The sample of a frame the stream kept (an EnrollmentSample: enrolment, or learned)."""
    return face_sample(sample.frame, sample.box, sample.landmarks, sample.score, sample.quality)


def photo_sample(recognizer, image_bgr: np.ndarray, box, landmarks, score: float, chip=None) -> FaceSample:
    """The sample of a face found in a photo, measured as the stream measures a frame (on ``chip``,
    the face aligned, when the caller has it already)."""
    if chip is None:
        chip = recognizer.chip(image_bgr, landmarks)
    return face_sample(image_bgr, box, landmarks, score, assess(box, landmarks, score, chip, ENROLLMENT_LIMITS))
