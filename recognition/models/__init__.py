"""Embedding networks and the model-directory format.

Each architecture module has ``build(spec) -> keras.Model`` taking normalised
float32 chips ``(N, spec.input_size, spec.input_size, 3)`` and returning raw
(not L2-normalised) embeddings of ``spec.embedding_size``.
"""
from __future__ import annotations

import importlib
from pathlib import Path

#: architecture name in model.json -> module under recognition.models
ARCHITECTURES = {
    "dlib_resnet": "recognition.models.dlib_resnet",
    "inception_resnet_v1": "recognition.models.inception_resnet_v1",
    "mobilefacenet": "recognition.models.mobilefacenet",
}


#: model directories that come with the code, by name: ``[recognition] model_dir = "mobilefacenet"``
#: in the desk's config or ``--model-dir mobilefacenet`` (the same from any working directory)
BUILTIN_MODEL_DIRS = {"mobilefacenet": Path(__file__).resolve().parent / "pretrained" / "mobilefacenet"}


def resolve_model_dir(model_dir):
    """A built-in model's directory for its name; any other value as it is (None: the default model)."""
    return BUILTIN_MODEL_DIRS.get(str(model_dir), model_dir) if model_dir is not None else None


def build_network(spec):
    """Build the (untrained) Keras network that ``spec`` describes."""
    try:
        module = ARCHITECTURES[spec.architecture]
    except KeyError:
        raise ValueError(f"unknown architecture {spec.architecture!r}; "
                         f"known: {sorted(ARCHITECTURES)}") from None
    return importlib.import_module(module).build(spec)
