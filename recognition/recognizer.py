"""FaceRecognizer: frame -> detected, aligned, embedded and matched faces."""
from __future__ import annotations

import dataclasses
import logging
import os
from pathlib import Path

import numpy as np

from recognition.align.detector import FaceDetector
from recognition.align.warp import align_face
from recognition.imageio import as_bgr
from recognition.models import model_dir as model_dirs
from recognition.models import resolve_model_dir
from recognition.models.embedder import Embedder
from recognition.stream.policy import DESK_MIN_FACE_SIZE

log = logging.getLogger(__name__)

REPO_ROOT = Path(__file__).resolve().parents[1]
#: The default model: the dlib ResNet port, converted here on first use. It belongs to the installation,
#: not to a data folder (--data-dir): every desk folder on a PC shares one conversion (~1 min, 90 MB) instead
#: of converting again per folder; FACE_MODEL_DIR moves it, a desk's [recognition] model_dir picks another.
DEFAULT_MODEL_DIR = Path(os.environ.get("FACE_MODEL_DIR", REPO_ROOT / "data" / "model_origin"))


@dataclasses.dataclass
class Face:
    box: tuple[float, float, float, float]      # x1, y1, x2, y2 in pixels
    score: float                                 # detector confidence
    landmarks: np.ndarray                        # (5, 2) MTCNN points
    chip: np.ndarray | None = None               # aligned BGR chip the model saw
    embedding: np.ndarray | None = None          # (D,) L2-normalised
    key: str | None = None                       # gallery key if recognised
    distance: float | None = None                # to the nearest enrolled person
    nearest_key: str | None = None               # that person, even beyond the threshold


class FaceRecognizer:
    def __init__(self, spec: model_dirs.ModelSpec, network, detector: FaceDetector, model_path: Path):
        self.spec = spec
        self.model_path = Path(model_path)
        self.detector = detector
        self.embedder = Embedder(spec, network)
        self._landmark_template = np.asarray(spec.landmark_template, np.float32)

    @classmethod
    def load(cls, model_dir=None, min_face_size: int = DESK_MIN_FACE_SIZE,
             thresholds=(0.6, 0.7, 0.7)) -> "FaceRecognizer":
        """Load a model directory (None: the default dlib port, converted on first use; a name of
        recognition.models.BUILTIN_MODEL_DIRS: that one, e.g. "mobilefacenet").

        min_face_size: smallest face searched for, in pixels (see DESK_MIN_FACE_SIZE: the pyramid,
        and the time a frame takes, grows with 1/min_face_size^2).
        """
        model_dir = resolve_model_dir(model_dir)
        if model_dir is None:
            from recognition.models.dlib_resnet import ensure_default_model

            model_dir = ensure_default_model(DEFAULT_MODEL_DIR)
        spec, network = model_dirs.load(model_dir)
        log.info("loaded model %s from %s (threshold %.3f)", spec.name, model_dir, spec.threshold)
        return cls(spec, network, FaceDetector(min_face_size, thresholds), Path(model_dir))

    @property
    def threshold(self) -> float:
        return self.spec.threshold

    def detect(self, image_bgr) -> list[Face]:
        """Faces with box, score and landmarks, largest first; [] when there is none."""
        return [Face(d.box, d.score, d.landmarks) for d in self.detector.detect(image_bgr)]

    def align(self, image_bgr, faces: list[Face]) -> list[Face]:
        for face in faces:
            face.chip = self.chip(image_bgr, face.landmarks)
        return faces

    def chip(self, image_bgr, landmarks) -> np.ndarray:
        """The aligned BGR chip the model sees for the face with these five points."""
        return align_face(image_bgr, landmarks, self._landmark_template, self.spec.input_size,
                          self.spec.landmark_weights)

    def embed(self, image_bgr) -> list[Face]:
        """Detect, align and embed every face of the image in one network call."""
        image = as_bgr(image_bgr)
        faces = self.align(image, self.detect(image))
        if faces:
            embeddings = self.embed_chips(np.stack([f.chip for f in faces]))
            for face, embedding in zip(faces, embeddings):
                face.embedding = embedding
        return faces

    def embed_chips(self, chips_bgr: np.ndarray) -> np.ndarray:
        """Embeddings (N, D) of aligned BGR chips (N, S, S, 3)."""
        return self.embedder.embed(np.ascontiguousarray(np.asarray(chips_bgr)[..., ::-1]))

    def identify(self, image_bgr, gallery, threshold: float | None = None) -> list[Face]:
        """Embed the faces of the image and match them against ``gallery``."""
        faces = self.embed(image_bgr)
        if faces:
            limit = self.spec.threshold if threshold is None else threshold
            matches = gallery.match(np.stack([f.embedding for f in faces]), limit)
            for face, match in zip(faces, matches):
                face.key, face.distance, face.nearest_key = \
                    match.key, match.distance, match.nearest_key
        return faces

    def distance(self, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        """Euclidean distance between L2-normalised embeddings (broadcasting)."""
        return np.linalg.norm(np.asarray(a) - np.asarray(b), axis=-1)
