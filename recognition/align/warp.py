"""Similarity alignment of a face to a model's 5-point template."""
from __future__ import annotations

import cv2
import numpy as np


def similarity_transform(src, dst, weights=None) -> np.ndarray:
    """Weighted least-squares similarity (rotation, uniform scale, translation) mapping src to dst.

    Umeyama (1991) without reflection; ``weights`` (one per point, default equal) let
    stable points (the eyes) count more than ones that move with expression (the mouth).
    Returns a 2x3 matrix for cv2.warpAffine.
    """
    src = np.asarray(src, np.float64).reshape(-1, 2)
    dst = np.asarray(dst, np.float64).reshape(-1, 2)
    w = np.ones(len(src)) if weights is None else np.asarray(weights, np.float64)
    w = w / w.sum()
    src_mean, dst_mean = w @ src, w @ dst
    src_c, dst_c = src - src_mean, dst - dst_mean
    covariance = (dst_c * w[:, None]).T @ src_c
    u, singular, vt = np.linalg.svd(covariance)
    sign = np.ones(2)
    if np.linalg.det(u) * np.linalg.det(vt) < 0:
        sign[-1] = -1
    rotation = u @ np.diag(sign) @ vt
    variance = w @ (src_c ** 2).sum(1)
    scale = (singular * sign).sum() / variance if variance > 0 else 1.0
    translation = dst_mean - scale * rotation @ src_mean
    return np.hstack([scale * rotation, translation[:, None]])


def align_face(image_bgr: np.ndarray, landmarks, template, size: int, weights=None) -> np.ndarray:
    """Warp the face whose 5 `landmarks` are given onto `template` in a size x size chip."""
    matrix = similarity_transform(landmarks, template, weights)
    return cv2.warpAffine(image_bgr, matrix, (size, size), flags=cv2.INTER_LINEAR,
                          borderMode=cv2.BORDER_CONSTANT)
