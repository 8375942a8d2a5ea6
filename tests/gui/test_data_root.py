"""The data folder (desk.data_root): where config, database, faces and logs live."""
from __future__ import annotations

from pathlib import Path

import pytest

from backend.url import parse_url
from desk import data_root

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


# -- the window ------------------------------------------------------------------------
def test_window_shows_the_data_folder_and_opens_a_relative_database_url_there(
        qtbot, make_window, recognizer, tmp_path):
    root = tmp_path / "desk data"
    window = make_window("sqlite:///attendance.db", source="9", data_root=root)
    assert str(root) in window.windowTitle()
    assert (root / "attendance.db").is_file()              # the relative URL opened under the data folder


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
