"""The CLIs, called through their main(argv) on real images (and once through python -m)."""
import json
import shutil
import subprocess
import sys
from pathlib import Path

import cv2
import numpy as np
import pytest

from recognition.gallery import Gallery
from recognition.imageio import read_image, write_image
from recognition.run import compare, embeddings, evaluate
from recognition.run import test as camera_test

REPO_ROOT = Path(__file__).resolve().parents[2]   # where python -m finds our packages


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
    assert "open_set_prior" in spec["evaluation"]          # the operating point's prior is kept


def test_evaluate_measures_and_calibrates_the_open_set_prior(model_dir, shared_data, tmp_path):
    people = tmp_path / "people"
    for folder in sorted((shared_data / "celeba").iterdir())[:12]:
        shutil.copytree(folder, people / folder.name)
    model_copy = tmp_path / "model"
    shutil.copytree(model_dir, model_copy)
    out = tmp_path / "prior.json"
    assert evaluate.main(["--open-set-prior", str(people), "--model-dir", str(model_copy), "--json", str(out),
                          "--calibrate"]) == 0
    prior = json.loads(out.read_text())
    assert prior["neighbours"] == 5 and prior["measured_on"] == "people, 12 identities x 3 photos"
    assert 0.2 < prior["mean"] < 0.7 and 0 < prior["std"] < 0.2
    assert json.loads((model_copy / "model.json").read_text())["evaluation"]["open_set_prior"] == prior
    from recognition.models.model_dir import read_spec
    from recognition.stream.operating_point import prior_for
    assert prior_for(read_spec(model_copy)).mean == prior["mean"]


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


# -- issue 12 item 7: user errors end in one line and a non-zero exit, nothing is written ------------
def run_cli(module: str, *args):
    return subprocess.run([sys.executable, "-m", module, *map(str, args)], capture_output=True, text=True,
                          timeout=300, cwd=REPO_ROOT)


def assert_one_line_error(out, code, *words):
    assert out.returncode == code, (out.returncode, out.stderr[-2000:])
    assert "Traceback" not in out.stderr, out.stderr[-3000:]
    errors = [line for line in out.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, out.stderr[-3000:]
    for word in words:
        assert word in errors[0], (word, errors[0])
    return errors[0]


def _unusable_pictures(tmp_path):
    pictures = tmp_path / "照片"
    (pictures / "张三").mkdir(parents=True)
    (pictures / "张三" / "notes.txt").write_text("not an image")
    write_image(pictures / "blank.png", np.full((200, 200, 3), 90, np.uint8))
    return pictures


def _saved_gallery(path, fingerprint, dim=128):
    gallery = Gallery.open(path, fingerprint=fingerprint, model_name="another_model")
    x = np.random.default_rng(1).normal(size=(2, dim)).astype(np.float32)
    gallery.add("Someone", x)
    gallery.save()
    return path.read_bytes()


def test_embeddings_with_a_missing_pictures_folder_is_one_line(tmp_path, model_dir):
    out = run_cli("recognition.run.embeddings", "--pictures-dir", tmp_path / "没有", "--model-dir", model_dir)
    assert_one_line_error(out, 2, "没有", "no such folder")
    assert not (tmp_path / "没有").exists()


def test_embeddings_with_nothing_usable_writes_no_gallery(tmp_path, model_dir):
    pictures = _unusable_pictures(tmp_path)
    out = run_cli("recognition.run.embeddings", "--pictures-dir", pictures, "--model-dir", model_dir)
    assert_one_line_error(out, 1, "no usable photo", str(pictures))
    assert "blank.png" in out.stdout + out.stderr                   # why each file was not used
    assert not (pictures / "embeddings.h5").exists()


def test_embeddings_with_nothing_usable_leaves_an_existing_gallery_alone(tmp_path, model_dir):
    from recognition.models.model_dir import read_spec

    pictures = _unusable_pictures(tmp_path)
    gallery = pictures / "embeddings.h5"
    before = _saved_gallery(gallery, read_spec(model_dir).fingerprint)
    for extra in ([], ["--rebuild"]):
        out = run_cli("recognition.run.embeddings", "--pictures-dir", pictures, "--model-dir", model_dir, *extra)
        assert_one_line_error(out, 1, "no usable photo")
        assert gallery.read_bytes() == before, extra


def test_embeddings_into_an_unreadable_or_other_models_gallery_is_one_line(tmp_path, model_dir, lfw_image):
    pictures = tmp_path / "pictures"
    pictures.mkdir()
    shutil.copy(lfw_image("Tony_Blair"), pictures / "Tony.jpg")
    broken = tmp_path / "broken.h5"
    broken.write_bytes(b"not an HDF5 file" * 10)
    out = run_cli("recognition.run.embeddings", "--pictures-dir", pictures, "--model-dir", model_dir,
                  "--output", broken)
    assert_one_line_error(out, 2, str(broken), "not a readable gallery")
    assert broken.read_bytes() == b"not an HDF5 file" * 10
    other = tmp_path / "other.h5"
    before = _saved_gallery(other, "f" * 64)
    out = run_cli("recognition.run.embeddings", "--pictures-dir", pictures, "--model-dir", model_dir,
                  "--output", other)
    assert_one_line_error(out, 2, "another model", "--rebuild")
    assert other.read_bytes() == before
    out = run_cli("recognition.run.embeddings", "--pictures-dir", pictures, "--model-dir", model_dir,
                  "--output", broken, "--verbose")                     # --verbose: the traceback too
    assert out.returncode == 2 and "Traceback" in out.stderr and "not a readable gallery" in out.stderr


def test_camera_test_after_zero_frames_exits_non_zero(tmp_path, model_dir):
    empty = tmp_path / "空.avi"
    cv2.VideoWriter(str(empty), cv2.VideoWriter_fourcc(*"MJPG"), 10, (640, 480)).release()
    assert cv2.VideoCapture(str(empty)).isOpened()                  # it opens, but has no frame
    out = run_cli("recognition.run.test", "--source", empty, "--model-dir", model_dir,
                  "--gallery", tmp_path / "g.h5")
    assert_one_line_error(out, 1, "no frame", str(empty))


def test_camera_test_with_an_unreadable_or_other_models_gallery_is_one_line(tmp_path, model_dir):
    video = tmp_path / "v.avi"
    writer = cv2.VideoWriter(str(video), cv2.VideoWriter_fourcc(*"MJPG"), 10, (64, 48))
    writer.write(np.zeros((48, 64, 3), np.uint8))
    writer.release()
    wrong = tmp_path / "wrong.h5"
    import h5py
    with h5py.File(wrong, "w") as f:
        f["embeddings"] = np.ones(128, np.float32)                  # 1-D: not a gallery
        f["person_ids"] = np.array([b"a"])
    out = run_cli("recognition.run.test", "--source", video, "--model-dir", model_dir, "--gallery", wrong)
    assert_one_line_error(out, 2, str(wrong), "2-D")
    other = tmp_path / "other.h5"
    _saved_gallery(other, "f" * 64)
    out = run_cli("recognition.run.test", "--source", video, "--model-dir", model_dir, "--gallery", other)
    assert_one_line_error(out, 2, "another model")


def test_a_missing_model_directory_is_one_line(tmp_path, lfw_image):
    missing = tmp_path / "no_model"
    out = run_cli("recognition.run.compare", lfw_image("Colin_Powell", 1), lfw_image("Colin_Powell", 2),
                  "--model-dir", missing)
    assert_one_line_error(out, 2, str(missing), "not a model directory")


def test_evaluate_with_a_missing_or_malformed_pairs_file_is_one_line(tmp_path, model_dir, shared_data):
    lfw = shared_data / "lfw" / "images"
    out = run_cli("recognition.run.evaluate", "--lfw-dir", lfw, "--pairs", tmp_path / "none.txt",
                  "--model-dir", model_dir)
    assert_one_line_error(out, 2, "none.txt")
    bad = tmp_path / "pairs.txt"
    bad.write_text("ten folds\n", encoding="utf-8")
    out = run_cli("recognition.run.evaluate", "--lfw-dir", lfw, "--pairs", bad, "--model-dir", model_dir)
    assert_one_line_error(out, 2, "pairs.txt", "first line")
    good = tmp_path / "good.txt"
    good.write_text("1\t1\nColin_Powell\t1\t2\nColin_Powell\t1\tTony_Blair\t1\n", encoding="utf-8")
    out = run_cli("recognition.run.evaluate", "--lfw-dir", tmp_path / "no_lfw", "--pairs", good,
                  "--model-dir", model_dir)
    assert_one_line_error(out, 2, "no_lfw", "no such folder")


def test_align_dataset_and_train_with_a_missing_model_or_config_are_one_line(tmp_path, lfw_image):
    images = tmp_path / "in" / "Colin_Powell"
    images.mkdir(parents=True)
    shutil.copy(lfw_image("Colin_Powell"), images / "1.jpg")
    out = run_cli("recognition.align.align_dataset", tmp_path / "in", tmp_path / "out",
                  "--model-dir", tmp_path / "no_model")
    assert_one_line_error(out, 2, "no_model", "not a model directory")
    out = run_cli("recognition.train.train", "--data-dir", tmp_path / "in", "--out-dir", tmp_path / "t",
                  "--config", tmp_path / "recipe.toml")
    assert out.returncode == 2 and "Traceback" not in out.stderr, out.stderr[-3000:]
    assert "recipe.toml" in out.stderr.strip().splitlines()[-1]


# -- issue 25 item 3: one way to write a command -------------------------------------------------------
# Every entry point of recognition/ answers --help, ends a user's mistake in one error: line and exit 2
# (1 when the input gave nothing), through recognition/cli.py.
ENTRY_POINTS = ["recognition.run.compare", "recognition.run.embeddings", "recognition.run.evaluate",
                "recognition.run.test", "recognition.align.align_dataset", "recognition.train.train",
                "recognition.train.create_pairs", "recognition.models.import_facenet",
                "recognition.models.derive_dlib_template", "recognition.models.mobilefacenet"]


@pytest.mark.parametrize("module", ENTRY_POINTS)
def test_every_entry_point_uses_the_cli_conventions(module):
    """--help answers (exit 0, with --verbose listed, as cli.argument_parser adds it), and the
    module's main runs its body through cli.run (read from the source, no process needed)."""
    import importlib.util
    import re

    out = run_cli(module, "--help")
    assert out.returncode == 0 and "usage" in out.stdout, out.stderr[-2000:]
    source = Path(importlib.util.find_spec(module).origin).read_text(encoding="utf-8")
    assert "cli.run(" in source and "argparse.ArgumentParser(" not in source, module
    if module != "recognition.train.train":          # train's flags come from its recipe (train/config.py)
        assert "--verbose" in out.stdout
    assert not re.search(r'print\(f?"error:', source), f"{module} prints its own error line; raise cli.UserError"


def test_create_pairs_errors_are_one_line_and_it_writes_json(tmp_path, shared_data):
    out = run_cli("recognition.train.create_pairs", tmp_path / "没有", tmp_path / "pairs.txt")
    assert_one_line_error(out, 2, "没有", "no such directory")
    assert not (tmp_path / "pairs.txt").exists()
    people = tmp_path / "people"
    for name in ("Colin_Powell", "George_W_Bush", "Tony_Blair", "Donald_Rumsfeld"):
        shutil.copytree(shared_data / "lfw" / "images" / name, people / name)
    from recognition.train.create_pairs import main as create_pairs_main

    summary = tmp_path / "summary.json"
    assert create_pairs_main([str(people), str(tmp_path / "pairs.txt"), "--folds", "2",
                              "--pairs-per-fold", "3", "--json", str(summary)]) == 0
    figures = json.loads(summary.read_text(encoding="utf-8"))
    assert figures["folds"] == 2 and figures["pairs_per_fold"] == 3 and figures["people"] == 4


def test_import_facenet_and_derive_template_errors_are_one_line(tmp_path):
    out = run_cli("recognition.models.import_facenet", tmp_path / "no_release", tmp_path / "out")
    assert_one_line_error(out, 2, "no_release")
    assert not (tmp_path / "out").exists()
    out = run_cli("recognition.models.derive_dlib_template", "--data-dir", tmp_path / "没有")
    assert_one_line_error(out, 2, "没有", "no such folder")
    (tmp_path / "empty").mkdir()
    out = run_cli("recognition.models.derive_dlib_template", "--data-dir", tmp_path / "empty")
    assert_one_line_error(out, 1, "no images found")


def test_embeddings_refuses_to_write_a_desks_face_cache(tmp_path, lfw_image):
    """The offline gallery tool never writes a desk's face cache: by its name (the one backend's
    cache_path gives) or by the face store's sync state inside it, --rebuild or not; the one line names
    the command that does bring photos into a desk. Refused before any model loads (no --model-dir)."""
    from backend.face_sync import META_KEY, cache_path

    pictures = tmp_path / "pictures"
    (pictures / "张三").mkdir(parents=True)
    shutil.copy(lfw_image("Colin_Powell"), pictures / "张三" / "1.jpg")
    named = cache_path(pictures, "0123456789abcdef" * 4)
    out = run_cli("recognition.run.embeddings", "--pictures-dir", pictures, "--output", named)
    assert_one_line_error(out, 2, named.name, "python main.py import-faces")
    assert not named.exists()

    renamed = tmp_path / "copy-of-the-cache.h5"
    gallery = Gallery.open(renamed, fingerprint="f" * 64, model_name="dlib")
    gallery.add("A001", np.random.default_rng(0).normal(size=(1, 128)).astype(np.float32))
    gallery.meta = {META_KEY: {"store_id": "s", "last_change_id": 7}}
    gallery.save()
    before = renamed.read_bytes()
    for extra in ([], ["--rebuild"]):
        out = run_cli("recognition.run.embeddings", "--pictures-dir", pictures, "--output", renamed, *extra)
        assert_one_line_error(out, 2, "face cache", "import-faces")
        assert renamed.read_bytes() == before


def test_a_damaged_desk_cache_is_not_sent_to_the_offline_tool(tmp_path):
    """Gallery.open's advice for a broken file: an offline gallery is rebuilt with the tool, a desk's
    cache (backend's cache_path name) is deleted and filled from the database again: never --rebuild."""
    from backend.face_sync import cache_path
    from recognition.gallery import GalleryError

    for path, advice, not_advice in ((cache_path(tmp_path, "ab" * 32), "delete it", "--rebuild"),
                                     (tmp_path / "embeddings.h5", "--rebuild", "delete it")):
        path.write_bytes(b"not hdf5 at all" * 10)
        with h5py_file(path) as f:
            f.create_dataset("embeddings", data=np.zeros((1, 4), np.float32))   # no person_ids: unusable
        with pytest.raises(GalleryError) as err:
            Gallery.open(path, fingerprint="f")
        assert advice in str(err.value) and not_advice not in str(err.value), str(err.value)


def h5py_file(path):
    import h5py

    return h5py.File(path, "w")


def test_align_dataset_writes_its_counts_as_json(tmp_path, lfw_image):
    from recognition.align.align_dataset import main as align_main

    images = tmp_path / "in" / "Colin_Powell"
    images.mkdir(parents=True)
    shutil.copy(lfw_image("Colin_Powell"), images / "1.jpg")
    (images / "notes.txt").write_text("not an image")
    out = tmp_path / "counts.json"
    assert align_main([str(tmp_path / "in"), str(tmp_path / "out"), "--workers", "1", "--json", str(out)]) == 0
    counts = json.loads(out.read_text(encoding="utf-8"))
    assert counts["aligned"] == 1 and counts["no_face"] == 0
