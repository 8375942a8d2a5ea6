"""The data folder (gui.data_root) and the record of the gallery's database (gui.gallery_database)."""
from __future__ import annotations

import json
import logging
import shutil
from pathlib import Path

import numpy as np
import pytest

from backend.url import parse_url
from gui import data_root, gallery_database

REPO = Path(__file__).resolve().parents[2]


# -- choosing the folder -----------------------------------------------------------------
def test_default_is_the_data_folder_beside_main_py():
    assert data_root.choose(None, environ={}) == REPO / "data"
    assert (REPO / "main.py").is_file()


def test_flag_wins_over_the_environment_variable(tmp_path):
    env = {"FACE_DATA_DIR": str(tmp_path / "from env")}
    assert data_root.choose(None, environ=env) == tmp_path / "from env"
    assert data_root.choose(str(tmp_path / "from flag"), environ=env) == tmp_path / "from flag"
    assert data_root.choose(None, environ={"FACE_DATA_DIR": ""}) == data_root.DEFAULT


def test_a_relative_flag_is_taken_from_the_folder_it_was_typed_in(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert data_root.choose("desk", environ={}) == tmp_path / "desk"


# -- paths and URLs inside the config ----------------------------------------------------
@pytest.mark.parametrize("value, expected", [
    ("pictures/embeddings.h5", "pictures/embeddings.h5"),
    ("data/pictures/embeddings.h5", "pictures/embeddings.h5"),     # legacy: relative to the repo folder
    ("./data/pictures/embeddings.h5", "data/pictures/embeddings.h5"),  # a real subfolder named data
    ("models/facenet", "models/facenet"),
])
def test_relative_config_paths_are_under_the_root_whatever_the_working_folder(tmp_path, monkeypatch, value,
                                                                              expected):
    root = tmp_path / "root"
    monkeypatch.chdir(tmp_path)
    assert data_root.resolve_path(root, value) == root / expected


def test_absolute_paths_stay(tmp_path):
    assert data_root.resolve_path(tmp_path / "root", tmp_path / "x.h5") == tmp_path / "x.h5"


@pytest.mark.parametrize("url, file", [
    ("sqlite:///attendance.db", "attendance.db"),
    ("sqlite:///data/attendance.db", "attendance.db"),                # legacy
    ("sqlite:///sub dir/考勤 100%.db", "sub dir/考勤 100%.db"),         # spaces, non-ASCII, a percent sign
])
def test_relative_sqlite_urls_open_a_file_under_the_root(tmp_path, url, file):
    root = tmp_path / "数据 root"
    resolved = data_root.resolve_db_url(root, url)
    assert Path(parse_url(resolved).path) == root / file


@pytest.mark.parametrize("url", ["mysql://desk@db.local:3306/attendance", "sqlite:///:memory:",
                                 "sqlite:////srv/face/attendance.db", "sqlite://bad"])
def test_other_urls_are_left_as_they_are(tmp_path, url):
    assert data_root.resolve_db_url(tmp_path, url) == url


# -- the gallery's database ------------------------------------------------------------
def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path.as_posix()}"


def test_no_warning_without_faces_or_for_the_recorded_database(tmp_path):
    gallery = tmp_path / "pictures" / "embeddings.h5"
    url = sqlite_url(tmp_path / "attendance.db")
    assert gallery_database.other_database(gallery, 0, url) is None
    assert not gallery_database.record_path(gallery).exists()      # nothing to record for no faces
    gallery_database.record(gallery, url)
    assert gallery_database.other_database(gallery, 3, url) is None
    assert json.loads(gallery_database.record_path(gallery).read_text(encoding="utf-8")) == {
        "database": "sqlite:../attendance.db"}


def test_another_database_is_named(tmp_path):
    gallery = tmp_path / "pictures" / "embeddings.h5"
    gallery_database.record(gallery, sqlite_url(tmp_path / "attendance.db"))
    assert gallery_database.other_database(gallery, 3, sqlite_url(tmp_path / "other.db")) == \
        "sqlite:../attendance.db"
    assert gallery_database.other_database(gallery, 3, "mysql://desk:secret@db.local/face") == \
        "sqlite:../attendance.db"
    gallery_database.record(gallery, "mysql://desk:secret@db.local/face")
    recorded = gallery_database.recorded(gallery)
    assert recorded == "mysql://db.local:3306/face" and "secret" not in recorded and "desk" not in recorded
    assert gallery_database.other_database(gallery, 3, "mysql://admin@db.local:3306/face") is None
    assert gallery_database.other_database(gallery, 3, "mysql://desk@db.local:3306/face2") == recorded


def test_a_data_folder_moved_as_a_whole_still_matches(tmp_path):
    old = tmp_path / "old"
    gallery_database.record(old / "pictures" / "embeddings.h5", sqlite_url(old / "attendance.db"))
    shutil.copytree(old, tmp_path / "new")
    new = tmp_path / "new"
    assert gallery_database.other_database(new / "pictures" / "embeddings.h5", 2,
                                           sqlite_url(new / "attendance.db")) is None


def test_a_gallery_made_before_records_is_adopted_by_the_database_in_use(tmp_path):
    gallery = tmp_path / "pictures" / "embeddings.h5"
    url = sqlite_url(tmp_path / "attendance.db")
    assert gallery_database.other_database(gallery, 5, url) is None
    assert gallery_database.recorded(gallery) == "sqlite:../attendance.db"


def test_unreadable_record_or_invalid_url_gives_no_warning(tmp_path, caplog):
    gallery = tmp_path / "embeddings.h5"
    gallery_database.record_path(gallery).write_text("{not json", encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        assert gallery_database.recorded(gallery) is None
    assert "ignoring" in caplog.text
    assert gallery_database.other_database(gallery, 1, "postgres://x") is None


# -- the window ------------------------------------------------------------------------
def test_window_shows_the_data_folder_and_warns_about_faces_of_another_database(
        qtbot, make_window, recognizer, tmp_path, caplog):
    from recognition.gallery import Gallery

    root = tmp_path / "desk data"
    gallery_path = root / "pictures" / "embeddings.h5"
    gallery = Gallery.open(gallery_path, recognizer.spec.fingerprint, recognizer.spec.name)
    rng = np.random.default_rng(0)
    vectors = rng.normal(size=(2, recognizer.spec.embedding_size)).astype(np.float32)
    gallery.add("E001", vectors / np.linalg.norm(vectors, axis=1, keepdims=True))
    gallery.save()
    gallery_database.record(gallery_path, "mysql://desk@db.local:3306/headquarters")

    with caplog.at_level(logging.WARNING, logger="gui.main_window"):
        window = make_window("sqlite:///attendance.db", source="9", gallery_path=gallery_path, data_root=root)
        assert str(root) in window.windowTitle()
        qtbot.waitUntil(lambda: "another database" in window.statusBar().currentMessage(), timeout=10000)
    assert "mysql://db.local:3306/headquarters" in window.statusBar().currentMessage()
    assert "enrolled for another database (mysql://db.local:3306/headquarters)" in caplog.text
    assert (root / "attendance.db").is_file()              # the relative URL opened under the data folder

    window.gallery.save()                                   # the desk saves: the faces are now this database's
    assert gallery_database.recorded(gallery_path) == "sqlite:../attendance.db"


def test_settings_test_connection_looks_for_a_relative_sqlite_file_in_the_data_folder(
        qtbot, make_window, sqlite_url, tmp_path, monkeypatch):
    root = tmp_path / "desk data"
    monkeypatch.chdir(tmp_path)
    window = make_window(sqlite_url, source="9", data_root=root)
    window.settingsDbUrl.setText("sqlite:///sub/new.db")
    with qtbot.waitSignal(window.settings_tab.tested, timeout=15000) as result:
        window.settingsTestDb.click()
    ok, message = result.args
    assert ok and str(root / "sub" / "new.db") in message
