"""align_dataset on real images: a Chinese file name, a non-image, a faceless image; resume; both cores."""
from __future__ import annotations

import json
import shutil

import cv2
import numpy as np
import pytest

from recognition.align.align_dataset import (ALIGNMENT_FILE, REPORT_FILE, AlignmentMismatch, align_dataset,
                                             main)
from recognition.align.detector import FaceDetector
from recognition.imageio import read_image, write_image

SIZE, MARGIN = 112, 24


@pytest.fixture()
def messy_folder(celeba, tmp_path):
    raw = tmp_path / "raw"
    first, second = raw / "celeb_07201", raw / "王小明"
    first.mkdir(parents=True)
    second.mkdir()
    faces = sorted((celeba / "celeb_07201").iterdir())[:2] + sorted((celeba / "celeb_07202").iterdir())[:1]
    shutil.copy(faces[0], first / "a.jpg")
    shutil.copy(faces[1], first / "张三 正面.jpg")
    shutil.copy(faces[2], second / "照片1.jpg")
    (first / "notes.txt").write_text("not an image", encoding="utf-8")
    y, x = np.mgrid[0:200, 0:240]
    write_image(second / "墙.jpg", np.dstack([x % 256, y % 256, (x + y) % 256]).astype(np.uint8))
    return raw


def test_align_messy_folder_then_resume(messy_folder, tmp_path):
    out = tmp_path / "out"
    summary = align_dataset(messy_folder, out, image_size=SIZE, margin=MARGIN, workers=2, progress=False)
    assert (summary.aligned, summary.no_face, summary.unreadable) == (3, 1, 1)
    chips = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.png"))
    assert chips == ["celeb_07201/a.png", "celeb_07201/张三 正面.png", "王小明/照片1.png"]
    report = (out / REPORT_FILE).read_text(encoding="utf-8")
    assert "celeb_07201/notes.txt\tunreadable" in report
    assert "王小明/墙.jpg\tno_face" in report
    settings = json.loads((out / ALIGNMENT_FILE).read_text(encoding="utf-8"))
    assert settings["image_size"] == SIZE and len(settings["template"]) == 5

    # The chip is similarity-aligned: MTCNN finds its landmarks near the template.
    chip = read_image(out / "celeb_07201" / "张三 正面.png")
    assert chip.shape == (SIZE, SIZE, 3)
    found = FaceDetector(min_face_size=40).detect(chip)
    assert found
    eyes = found[0].landmarks[:2]
    assert np.abs(eyes - np.asarray(settings["template"])[:2]).max() < 0.06 * SIZE

    # A second run does nothing; a deleted chip is made again; failures stay reported once.
    assert main([str(messy_folder), str(out), "--image-size", str(SIZE), "--margin", str(MARGIN),
                 "--workers", "1"]) == 0
    (out / "王小明" / "照片1.png").unlink()
    summary = align_dataset(messy_folder, out, image_size=SIZE, margin=MARGIN, workers=1, progress=False)
    assert (summary.aligned, summary.already_done, summary.previously_failed) == (1, 2, 2)
    assert (out / REPORT_FILE).read_text(encoding="utf-8") == report


def test_other_settings_into_the_same_folder_are_refused(messy_folder, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / ALIGNMENT_FILE).write_text(json.dumps({"image_size": 160, "template": [[0, 0]] * 5,
                                                  "convention": "facenet"}), encoding="utf-8")
    with pytest.raises(AlignmentMismatch):
        align_dataset(messy_folder, out, image_size=SIZE, margin=MARGIN, workers=1, progress=False)
    assert main([str(messy_folder / "missing"), str(out)]) == 2


def test_unreadable_is_not_fatal_for_a_broken_jpeg(messy_folder, tmp_path):
    data = (messy_folder / "celeb_07201" / "a.jpg").read_bytes()
    (messy_folder / "celeb_07201" / "broken.jpg").write_bytes(data[:200])
    summary = align_dataset(messy_folder, tmp_path / "out", image_size=SIZE, margin=MARGIN, workers=1,
                            progress=False)
    assert summary.unreadable == 2 and summary.aligned == 3
    assert cv2.imdecode(np.frombuffer(data[:200], np.uint8), cv2.IMREAD_COLOR) is None
