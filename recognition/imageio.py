"""Reading images from disk and checking frames handed to the recognizer."""
from __future__ import annotations

import os

import cv2
import numpy as np

#: Longest side accepted before a frame is refused (a 100-megapixel photo is not a frame).
MAX_SIDE = 20000


class ImageReadError(ValueError):
    """A file could not be read as an image."""


def read_image(path: str | os.PathLike) -> np.ndarray:
    """Read an image file as BGR uint8 (H, W, 3); works with non-ASCII paths."""
    path = os.fspath(path)
    if not os.path.isfile(path):
        raise ImageReadError(f"{path}: no such file")
    data = np.fromfile(path, dtype=np.uint8)
    if data.size == 0:
        raise ImageReadError(f"{path}: the file is empty")
    image = cv2.imdecode(data, cv2.IMREAD_COLOR)
    if image is None:
        raise ImageReadError(f"{path}: not an image OpenCV can decode (corrupt or unsupported format)")
    return image


def write_image(path: str | os.PathLike, image_bgr: np.ndarray) -> None:
    """Write an image (format from the extension); works with non-ASCII paths."""
    path = os.fspath(path)
    ok, encoded = cv2.imencode(os.path.splitext(path)[1] or ".png", image_bgr)
    if not ok:
        raise ValueError(f"{path}: could not encode the image")
    encoded.tofile(path)


def as_bgr(image) -> np.ndarray:
    """Validate a frame and return it as a contiguous BGR uint8 (H, W, 3) array.

    Gray (H, W) / (H, W, 1) and BGRA (H, W, 4) frames are converted; anything else
    raises ValueError with a message that says what was wrong.
    """
    if image is None:
        raise ValueError("no image (got None)")
    if not isinstance(image, np.ndarray):
        raise ValueError(f"expected a numpy array, got {type(image).__name__}")
    if image.size == 0 or image.ndim < 2 or min(image.shape[:2]) == 0:
        raise ValueError(f"empty image of shape {image.shape}")
    if image.dtype != np.uint8:
        raise ValueError(f"expected uint8 pixels, got {image.dtype}")
    if max(image.shape[:2]) > MAX_SIDE:
        raise ValueError(f"image of {image.shape[1]}x{image.shape[0]} is larger than {MAX_SIDE} px a side")
    if image.ndim == 2 or (image.ndim == 3 and image.shape[2] == 1):
        return cv2.cvtColor(image.reshape(image.shape[:2]), cv2.COLOR_GRAY2BGR)
    if image.ndim == 3 and image.shape[2] == 4:
        return cv2.cvtColor(image, cv2.COLOR_BGRA2BGR)
    if image.ndim == 3 and image.shape[2] == 3:
        return np.ascontiguousarray(image)
    raise ValueError(f"unsupported image shape {image.shape}; expected (H, W), (H, W, 3) or (H, W, 4)")
