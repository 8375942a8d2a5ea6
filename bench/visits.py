"""Simulated desk visits: camera-like frames of a person walking up to the desk, made from one still.

A visit is ``frames`` frames at ``FPS`` (12 frames = 0.48 s by default) of a 640x480 scene: a
background wall, and the still (an LFW-like loose crop, 250x250, face ~115 px high in it) pasted
with feathered edges, its face growing from ~110-130 px to ~145-170 px as the person comes closer,
drifting towards the centre with hand-held jitter, under a per-visit light (gain, offset, gamma,
side light) with per-frame flicker, sensor noise, sometimes defocus or motion blur, and JPEG
compression. Everything is drawn from ``numpy.random.default_rng(seed)``: the same seed gives the
same frames, so two decision rules can be compared on identical input.

Used by bench/walkby.py and by the stream tests.
"""
from __future__ import annotations

import dataclasses
from pathlib import Path

import cv2
import numpy as np

FRAME_SIZE = (640, 480)        # width, height
FPS = 25.0
#: face height (MTCNN box) in a 250x250 LFW-like crop; the stills are scaled from it
STILL_FACE_PX = 115.0
STILL_SIDE = 250.0


@dataclasses.dataclass(frozen=True)
class Visit:
    """One simulated pass in front of the camera."""
    label: str               # who it is (identity name); a stranger's label is not in the gallery
    still: Path              # the photo it is made from
    seed: int
    enrolled: bool           # whether ``label`` is enrolled (its visits should check in)


def background(rng: np.random.Generator, size=FRAME_SIZE) -> np.ndarray:
    """A plausible wall (float32): smooth grey blotches with a tint, a light gradient, fine texture."""
    w, h = size
    tint = rng.uniform(0.85, 1.15, size=3).astype(np.float32)
    coarse = rng.uniform(80, 180, size=(4, 5, 1)).astype(np.float32) * tint
    wall = cv2.resize(coarse, (w, h), interpolation=cv2.INTER_CUBIC)
    ramp = np.linspace(rng.uniform(0.8, 1.0), rng.uniform(1.0, 1.2), w, dtype=np.float32)
    wall *= ramp[None, :, None]
    wall += rng.normal(0, 4, size=(h, w, 1)).astype(np.float32)
    return np.clip(wall, 0, 255)


_MASKS: dict[int, np.ndarray] = {}


def _feather_mask(side: int, border: float = 0.14) -> np.ndarray:
    if side not in _MASKS:
        ramp = np.clip(np.minimum(np.arange(side), np.arange(side)[::-1]) / max(1.0, side * border), 0, 1)
        _MASKS[side] = (np.minimum(ramp[:, None], ramp[None, :]) ** 1.5).astype(np.float32)[:, :, None]
    return _MASKS[side]


def _paste(canvas: np.ndarray, image: np.ndarray, mask: np.ndarray, light: np.ndarray, cx: float,
           cy: float) -> None:
    """Blend ``image`` (float32) centred at (cx, cy) into the uint8 ``canvas``, lit by the column
    gains ``light`` (the wall in ``canvas`` is lit already)."""
    h, w = canvas.shape[:2]
    side = image.shape[0]
    x0, y0 = int(round(cx - side / 2)), int(round(cy - side / 2))
    sx0, sy0 = max(0, -x0), max(0, -y0)
    dx0, dy0 = max(0, x0), max(0, y0)
    dx1, dy1 = min(w, x0 + side), min(h, y0 + side)
    if dx1 <= dx0 or dy1 <= dy0:
        return
    src = image[sy0:sy0 + dy1 - dy0, sx0:sx0 + dx1 - dx0] * light[None, dx0:dx1, None]
    alpha = mask[sy0:sy0 + dy1 - dy0, sx0:sx0 + dx1 - dx0]
    region = canvas[dy0:dy1, dx0:dx1].astype(np.float32)
    canvas[dy0:dy1, dx0:dx1] = np.clip(region + (src - region) * alpha, 0, 255).astype(np.uint8)


def _blur(frame: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    roll = rng.random()
    if roll < 0.25:                                  # defocus / soft focus
        return cv2.GaussianBlur(frame, (0, 0), rng.uniform(0.6, 2.0))
    if roll < 0.35:                                  # motion blur while walking
        length = int(rng.integers(5, 12))
        kernel = np.zeros((length, length), np.float32)
        kernel[length // 2, :] = 1.0 / length
        angle = rng.uniform(-30, 30)
        rotation = cv2.getRotationMatrix2D((length / 2 - 0.5, length / 2 - 0.5), angle, 1.0)
        kernel = cv2.warpAffine(kernel, rotation, (length, length))
        kernel /= max(kernel.sum(), 1e-6)
        return cv2.filter2D(frame, -1, kernel)
    return frame


def _tone_curve(gain: float, offset: float, gamma: float) -> np.ndarray:
    levels = np.arange(256, dtype=np.float64)
    return (np.clip((levels * gain + offset) / 255.0, 0, 1) ** gamma * 255).round().astype(np.uint8)


def render_visit(still_bgr: np.ndarray, seed: int, frames: int = 12, size=FRAME_SIZE,
                 face_px=((110, 130), (145, 170))) -> list[np.ndarray]:
    """The visit's frames (BGR uint8, ``size``), deterministic in ``seed``."""
    rng = np.random.default_rng(seed)
    w, h = size
    wall = background(rng, size)
    start_px, end_px = rng.uniform(*face_px[0]), rng.uniform(*face_px[1])
    start = np.array([w / 2 + rng.uniform(-0.22, 0.22) * w, h / 2 + rng.uniform(-0.08, 0.08) * h])
    end = np.array([w / 2 + rng.uniform(-0.08, 0.08) * w, h / 2 + rng.uniform(-0.05, 0.05) * h])
    gain, offset, gamma = rng.uniform(0.6, 1.3), rng.uniform(-25, 25), rng.uniform(0.8, 1.25)
    light = (1.0 + rng.uniform(-0.25, 0.25) * np.linspace(-1, 1, w)).astype(np.float32)  # side light
    noise_sigma = rng.uniform(2.0, 8.0)
    quality = int(rng.integers(55, 91))
    lit_wall = np.clip(wall * light[None, :, None], 0, 255).astype(np.uint8)
    still = still_bgr.astype(np.float32)
    base_scale = STILL_SIDE / still.shape[0] / STILL_FACE_PX
    noise = np.empty((h, w, 3), np.int16)
    cv2.setRNGSeed(int(seed) & 0x7FFFFFFF)
    out = []
    for i in range(frames):
        progress = i / max(1, frames - 1)
        face = start_px + (end_px - start_px) * progress
        side = max(8, int(round(still.shape[0] * base_scale * face)))
        person = cv2.resize(still, (side, side), interpolation=cv2.INTER_AREA if side < still.shape[0]
                            else cv2.INTER_LINEAR)
        centre = start + (end - start) * progress + rng.normal(0, 3.0, 2)
        canvas = lit_wall.copy()
        _paste(canvas, person, _feather_mask(side), light, *centre)
        lit = cv2.LUT(canvas, _tone_curve(gain * (1.0 + rng.normal(0, 0.03)), offset, gamma))
        cv2.randn(noise, 0, noise_sigma)
        noisy = cv2.add(lit, noise, dtype=cv2.CV_8U)
        blurred = _blur(noisy, rng)
        ok, jpeg = cv2.imencode(".jpg", blurred, [cv2.IMWRITE_JPEG_QUALITY, quality])
        out.append(cv2.imdecode(jpeg, cv2.IMREAD_COLOR))
    return out
