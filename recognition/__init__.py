"""Face recognition: MTCNN detection + alignment, embedding networks, gallery matching.

No Qt and no SQL in this package.
"""
from __future__ import annotations


def __getattr__(name):  # lazy: importing recognition.gallery must not start TensorFlow
    if name in ("FaceRecognizer", "Face"):
        from recognition import recognizer

        return getattr(recognizer, name)
    raise AttributeError(name)


__all__ = ["FaceRecognizer", "Face"]
