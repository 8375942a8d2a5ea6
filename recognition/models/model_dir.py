"""The model-directory format: Keras weights + a small JSON that says how to use them.

A model directory holds

* ``model.json`` - :class:`ModelSpec` as JSON (architecture, input size,
  normalisation, alignment landmark template, embedding size, metric, threshold, figures);
* ``weights.weights.h5`` - the Keras weights of the network built by the
  architecture's ``build(spec)`` function.

The network maps normalised float32 chips ``(N, H, W, 3)`` (RGB) to raw
embeddings; :class:`recognition.models.embedder.Embedder` adds the uint8 ->
float normalisation in front and the L2 normalisation behind it.
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
import os
from pathlib import Path
from typing import Any

SPEC_FILE = "model.json"
WEIGHTS_FILE = "weights.weights.h5"

#: Normalisations understood by the embedder.
#: ``mean_scale``: (x - mean[c]) * scale, ``mean``/``scale`` in ``normalisation_params``.
#: ``fixed_standardization``: (x - 127.5) / 128 (FaceNet's default since 2018).
#: ``prewhiten``: per-image (x - mean) / max(std, 1/sqrt(n)) (older FaceNet models).
NORMALISATIONS = ("mean_scale", "fixed_standardization", "prewhiten")


class ModelDirError(RuntimeError):
    """A model directory is missing, incomplete or inconsistent."""


@dataclasses.dataclass
class ModelSpec:
    name: str
    architecture: str                      # key in recognition.models.ARCHITECTURES
    input_size: int                        # square chip side in pixels
    embedding_size: int
    normalisation: str                     # one of NORMALISATIONS
    landmark_template: list[list[float]]   # where the 5 points go in the chip (pixels, MTCNN order)
    normalisation_params: dict[str, Any] = dataclasses.field(default_factory=dict)
    metric: str = "euclidean"              # on L2-normalised embeddings
    threshold: float = 1.0                 # same person when distance <= threshold
    flip_average: bool = False             # embed chip + mirrored chip, average (test-time flip)
    architecture_params: dict[str, Any] = dataclasses.field(default_factory=dict)
    evaluation: dict[str, Any] = dataclasses.field(default_factory=dict)
    fingerprint: str = ""                  # sha256 of the weights file, set by save()
    landmark_weights: list[float] | None = None   # per-point weights of the alignment fit (None: equal)

    def __post_init__(self):
        if self.normalisation not in NORMALISATIONS:
            raise ModelDirError(f"unknown normalisation {self.normalisation!r}; "
                                f"expected one of {NORMALISATIONS}")
        if len(self.landmark_template) != 5 or any(len(p) != 2 for p in self.landmark_template):
            raise ModelDirError("landmark_template must be 5 (x, y) points")
        if self.landmark_weights is not None and (len(self.landmark_weights) != 5
                                                  or min(self.landmark_weights) < 0
                                                  or sum(self.landmark_weights) <= 0):
            raise ModelDirError("landmark_weights must be 5 non-negative numbers, not all zero")


def file_sha256(path: str | os.PathLike, chunk: int = 1 << 20) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        while block := f.read(chunk):
            digest.update(block)
    return digest.hexdigest()


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


#: model.json keys of earlier versions -> their names now
_RENAMED = {"template": "landmark_template", "template_weights": "landmark_weights"}


def read_spec(model_dir: str | os.PathLike) -> ModelSpec:
    path = Path(model_dir) / SPEC_FILE
    if not path.is_file():
        raise ModelDirError(f"{model_dir}: no {SPEC_FILE}; not a model directory")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        for old, new in _RENAMED.items():          # model.json written by an earlier version
            if old in data and new not in data:
                data[new] = data.pop(old)
        return ModelSpec(**data)
    except (ValueError, TypeError) as exc:
        raise ModelDirError(f"{path}: invalid model spec: {exc}") from exc


def write_spec(model_dir: str | os.PathLike, spec: ModelSpec) -> None:
    """Write model.json atomically (the threshold is rewritten by calibration)."""
    path = Path(model_dir) / SPEC_FILE
    tmp = path.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(dataclasses.asdict(spec), indent=2, ensure_ascii=False),
                   encoding="utf-8")
    os.replace(tmp, path)


def save(model_dir: str | os.PathLike, spec: ModelSpec, network) -> ModelSpec:
    """Save a Keras ``network`` and its ``spec``; returns the spec with its fingerprint."""
    model_dir = Path(model_dir)
    model_dir.mkdir(parents=True, exist_ok=True)
    weights = model_dir / WEIGHTS_FILE
    tmp = model_dir / ("tmp-" + WEIGHTS_FILE)
    network.save_weights(str(tmp))
    os.replace(tmp, weights)
    spec = dataclasses.replace(spec, fingerprint=file_sha256(weights))
    write_spec(model_dir, spec)
    return spec


def load(model_dir: str | os.PathLike):
    """Return ``(spec, network)``; the network is built by the spec's architecture."""
    from recognition.models import build_network  # late: keeps TF out of spec reading

    spec = read_spec(model_dir)
    weights = Path(model_dir) / WEIGHTS_FILE
    if not weights.is_file():
        raise ModelDirError(f"{model_dir}: {WEIGHTS_FILE} is missing")
    if spec.fingerprint and file_sha256(weights) != spec.fingerprint:
        rebuild = (spec.architecture_params or {}).get("rebuild")
        fix = f"restore it (git checkout -- {weights}) or rebuild it: {rebuild}" if rebuild else \
            "restore it or convert/export the model again"
        raise ModelDirError(f"{weights}: damaged or replaced (its sha256 is not the {spec.fingerprint[:12]}... "
                            f"recorded in {SPEC_FILE}); {fix}")
    try:
        network = build_network(spec)
    except ValueError as exc:                  # an unknown architecture, a size it cannot take
        raise ModelDirError(f"{Path(model_dir) / SPEC_FILE}: {exc}") from exc
    network.load_weights(str(weights))
    return spec, network
