"""Opening a frame source: camera index, video file or stream URL."""
from __future__ import annotations

import cv2


class SourceError(RuntimeError):
    """A camera, video file or stream could not be opened."""


def parse_source(source: str | int):
    """'0' -> camera 0; anything else is a file path or a URL (rtsp://, http://)."""
    if isinstance(source, int):
        return source
    text = str(source).strip()
    return int(text) if text.isdigit() else text


def open_source(source: str | int) -> cv2.VideoCapture:
    """An opened cv2.VideoCapture, or SourceError saying what could not be opened."""
    parsed = parse_source(source)
    capture = cv2.VideoCapture(parsed)
    if not capture.isOpened():
        capture.release()
        kind = "camera" if isinstance(parsed, int) else "video source"
        raise SourceError(f"cannot open {kind} {source!r}: not connected, not found or not readable")
    return capture
