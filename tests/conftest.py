"""Session-wide fixtures: the shared data set and one real recognizer for all tests."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = REPO_ROOT.parent / "shared" / "data"


@pytest.fixture(scope="session")
def shared_data() -> Path:
    if not (SHARED_DATA / "lfw" / "images").is_dir():
        pytest.fail(f"shared data not found at {SHARED_DATA}; the repo must sit beside shared/")
    return SHARED_DATA


@pytest.fixture(scope="session")
def lfw_image(shared_data):
    """Path of LFW image i (1-based) of a person."""
    def path(name: str, index: int = 1) -> Path:
        return shared_data / "lfw" / "images" / name / f"{name}_{index:04d}.jpg"
    return path


@pytest.fixture(scope="session")
def model_dir(tmp_path_factory) -> Path:
    """The default model (dlib ResNet port), converted once per test session."""
    from recognition.models.dlib_resnet import ensure_default_model

    return Path(ensure_default_model(tmp_path_factory.mktemp("models") / "model_origin"))


@pytest.fixture(scope="session")
def recognizer(model_dir):
    from recognition import FaceRecognizer

    return FaceRecognizer.load(model_dir, min_face_size=40)
