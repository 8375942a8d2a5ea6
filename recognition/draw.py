"""Drawing recognition results on a BGR frame (for the CLIs and saved videos)."""
from __future__ import annotations

import cv2
import numpy as np

KNOWN, UNKNOWN = (60, 200, 60), (40, 40, 230)


def draw_faces(frame: np.ndarray, faces, names: dict[str, str] | None = None) -> np.ndarray:
    """Boxes, landmarks and 'name distance' labels drawn on a copy of the frame.

    OpenCV's font is ASCII-only: non-ASCII names are drawn as '?' here (the GUI draws them properly).
    """
    out = frame.copy()
    for face in faces:
        x1, y1, x2, y2 = (int(round(v)) for v in face.box)
        colour = KNOWN if face.key else UNKNOWN
        cv2.rectangle(out, (x1, y1), (x2, y2), colour, 2)
        for x, y in np.asarray(face.landmarks):
            cv2.circle(out, (int(x), int(y)), 2, colour, -1)
        label = (names or {}).get(face.key, face.key) if face.key else "unknown"
        if face.distance is not None and np.isfinite(face.distance):
            label += f" {face.distance:.2f}"
        label = label.encode("ascii", "replace").decode("ascii")
        cv2.putText(out, label, (x1, max(12, y1 - 6)), cv2.FONT_HERSHEY_SIMPLEX, 0.5, colour, 1, cv2.LINE_AA)
    return out
