"""Embedding networks and the model-directory format.

Each architecture module has ``build(spec) -> keras.Model`` taking normalised
float32 chips ``(N, spec.input_size, spec.input_size, 3)`` and returning raw
(not L2-normalised) embeddings of ``spec.embedding_size``.
"""
from __future__ import annotations

import importlib

#: architecture name in model.json -> module under recognition.models
ARCHITECTURES = {
    "dlib_resnet": "recognition.models.dlib_resnet",
    "inception_resnet_v1": "recognition.models.inception_resnet_v1",
    "mobilefacenet": "recognition.models.mobilefacenet",
}


def build_network(spec):
    """Build the (untrained) Keras network that ``spec`` describes."""
    try:
        module = ARCHITECTURES[spec.architecture]
    except KeyError:
        raise ValueError(f"unknown architecture {spec.architecture!r}; "
                         f"known: {sorted(ARCHITECTURES)}") from None
    return importlib.import_module(module).build(spec)
