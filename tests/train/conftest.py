"""Fixtures for the training tests: a tiny aligned dataset made from shared CelebA images."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

REPO_ROOT = Path(__file__).resolve().parents[2]
SHARED = REPO_ROOT / ".." / "shared" / "data"
#: A few CelebA identities with at least 20 images each.
PEOPLE = ("celeb_07201", "celeb_07202", "celeb_07203", "celeb_07204")
IMAGES_PER_PERSON = 8
CHIP = 88          # aligned chip side; the networks see random 80-px crops


@pytest.fixture(scope="session")
def celeba() -> Path:
    path = SHARED / "celeba"
    if not (path / PEOPLE[0]).is_dir():
        pytest.fail(f"shared CelebA not found at {path}; the repo must sit beside shared/")
    return path.resolve()


@pytest.fixture(scope="session")
def aligned_dataset(celeba, tmp_path_factory) -> Path:
    """PEOPLE x IMAGES_PER_PERSON CelebA images aligned once, FaceNet convention, 88 px chips."""
    from recognition.align.align_dataset import align_dataset

    raw = tmp_path_factory.mktemp("raw")
    for person in PEOPLE:
        (raw / person).mkdir()
        for image in sorted((celeba / person).iterdir())[:IMAGES_PER_PERSON]:
            (raw / person / image.name).symlink_to(image)
    out = tmp_path_factory.mktemp("aligned")
    summary = align_dataset(raw, out, image_size=CHIP, margin=18, workers=1, progress=False)
    assert summary.aligned >= len(PEOPLE) * IMAGES_PER_PERSON - 2
    return out


@pytest.fixture(scope="session")
def dlib_lfw(shared_data, model_dir, tmp_path_factory):
    """A small LFW: 6 people x 4 images, LFW-format pairs (2 folds), chips aligned for the dlib port."""
    from recognition.align.align_dataset import align_dataset
    from recognition.train.create_pairs import create_pairs

    raw = tmp_path_factory.mktemp("lfw_raw")
    for person in ("George_W_Bush", "Colin_Powell", "Tony_Blair", "Donald_Rumsfeld", "Gerhard_Schroeder",
                   "Ariel_Sharon"):
        (raw / person).mkdir()
        for i in range(1, 5):
            name = f"{person}_{i:04d}.jpg"
            (raw / person / name).symlink_to(shared_data / "lfw" / "images" / person / name)
    pairs = raw / "pairs.txt"
    create_pairs(raw, pairs, folds=2, pairs_per_fold=8, seed=1)
    chips = tmp_path_factory.mktemp("lfw_chips")
    align_dataset(raw, chips, model_dir=model_dir, pad=4, workers=1, progress=False)
    return chips, pairs


@pytest.fixture(scope="session")
def dlib_dataset(celeba, model_dir, tmp_path_factory) -> Path:
    """4 people x 5 CelebA images aligned to the dlib port's template, with a 4-px border."""
    from recognition.align.align_dataset import align_dataset

    raw = tmp_path_factory.mktemp("raw_dlib")
    for person in PEOPLE:
        (raw / person).mkdir()
        for image in sorted((celeba / person).iterdir())[:5]:
            (raw / person / image.name).symlink_to(image)
    out = tmp_path_factory.mktemp("aligned_dlib")
    align_dataset(raw, out, model_dir=model_dir, pad=4, workers=1, progress=False)
    return out
