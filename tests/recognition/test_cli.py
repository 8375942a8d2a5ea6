"""The CLIs, called through their main(argv) on real images (and once through python -m)."""
import json
import shutil
import subprocess
import sys

import cv2
import numpy as np
import pytest

from recognition.gallery import Gallery
from recognition.imageio import read_image, write_image
from recognition.run import compare, embeddings, evaluate
from recognition.run import test as camera_test


@pytest.mark.parametrize("module", ["embeddings", "compare", "test", "evaluate"])
def test_help(module):
    out = subprocess.run([sys.executable, "-m", f"recognition.run.{module}", "--help"],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0 and "usage" in out.stdout


def test_embeddings_builds_a_gallery_and_reports_bad_files(model_dir, lfw_image, tmp_path, capsys):
    pictures = tmp_path / "照片"
    (pictures / "张三").mkdir(parents=True)
    for i in (1, 2):
        shutil.copy(lfw_image("Colin_Powell", i), pictures / "张三" / f"{i}.jpg")
    (pictures / "张三" / "notes.txt").write_text("not an image")
    shutil.copy(lfw_image("Tony_Blair"), pictures / "Tony.jpg")
    write_image(pictures / "blank.png", np.full((200, 200, 3), 90, np.uint8))
    report_path = tmp_path / "report.json"
    assert embeddings.main(["--pictures-dir", str(pictures), "--model-dir", str(model_dir),
                            "--json", str(report_path)]) == 0
    report = json.loads(report_path.read_text(encoding="utf-8"))
    assert report["people"] == 2 and report["embeddings"] == 3
    problems = " ".join(p["error"] for p in report["problems"])
    assert "notes.txt" in problems and "blank.png" in problems and "no face" in problems
    gallery = Gallery.open(pictures / "embeddings.h5")
    assert sorted(gallery.ids) == sorted(["张三", "Tony"]) and gallery.count("张三") == 2
    assert "skipped" in capsys.readouterr().out


def test_compare_gives_verdicts(model_dir, lfw_image, tmp_path):
    out = tmp_path / "compare.json"
    images = [lfw_image("Colin_Powell", 1), lfw_image("Colin_Powell", 2), lfw_image("George_W_Bush", 1)]
    assert compare.main([*map(str, images), "--model-dir", str(model_dir), "--json", str(out)]) == 0
    result = json.loads(out.read_text())
    verdicts = {(v["a"][-20:], v["b"][-20:]): v["same"] for v in result["verdicts"]}
    assert list(verdicts.values()) == [True, False, False]
    assert np.allclose(np.diag(result["matrix"]), 0, atol=1e-5)


def test_compare_needs_two_faces(model_dir, lfw_image, tmp_path):
    blank = tmp_path / "blank.png"
    write_image(blank, np.zeros((100, 100, 3), np.uint8))
    assert compare.main([str(lfw_image("Colin_Powell")), str(blank), "--model-dir", str(model_dir)]) == 1


def test_evaluate_small_pairs_file_and_calibrate(model_dir, shared_data, tmp_path):
    lines = (shared_data / "lfw" / "pairs.txt").read_text().splitlines()
    same, different = lines[1:6], lines[301:306]           # fold 1: 5 same, 5 different
    pairs = tmp_path / "pairs.txt"
    pairs.write_text("\n".join(["1\t5", *same, *different]) + "\n")
    model_copy = tmp_path / "model"
    shutil.copytree(model_dir, model_copy)
    out, roc = tmp_path / "eval.json", tmp_path / "roc.png"
    assert evaluate.main(["--lfw-dir", str(shared_data / "lfw" / "images"), "--pairs", str(pairs),
                          "--model-dir", str(model_copy), "--json", str(out), "--roc", str(roc),
                          "--calibrate"]) == 0
    figures = json.loads(out.read_text())
    for key in ("accuracy", "accuracy_std", "val_at_far_1e-3", "auc", "eer", "threshold", "pairs", "no_face"):
        assert key in figures
    assert figures["pairs"] == 10 and figures["accuracy"] >= 0.9
    assert read_image(roc).shape[2] == 3
    spec = json.loads((model_copy / "model.json").read_text())
    assert spec["threshold"] == pytest.approx(figures["threshold"]) and spec["evaluation"]["calibrated"]


def test_camera_test_on_a_video_file(model_dir, lfw_image, tmp_path, capsys):
    video = tmp_path / "视频.avi"
    writer = cv2.VideoWriter(str(video), cv2.VideoWriter_fourcc(*"MJPG"), 10, (640, 480))
    for i in range(6):
        frame = np.full((480, 640, 3), 127, np.uint8)
        frame[115:365, 195:445] = read_image(lfw_image("Colin_Powell", 1 + i % 3))
        writer.write(frame)
    writer.release()
    output = tmp_path / "out.avi"
    assert camera_test.main(["--source", str(video), "--model-dir", str(model_dir),
                             "--gallery", str(tmp_path / "g.h5"), "--output", str(output)]) == 0
    assert "6 frames" in capsys.readouterr().out
    capture = cv2.VideoCapture(str(output))
    assert int(capture.get(cv2.CAP_PROP_FRAME_COUNT)) == 6


def test_camera_test_reports_a_missing_camera(model_dir, capsys):
    assert camera_test.main(["--source", "7", "--model-dir", str(model_dir)]) == 2
    assert "cannot open camera" in capsys.readouterr().err
