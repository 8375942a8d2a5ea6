"""desk.settings: the TOML settings file with environment overrides (no Qt)."""
from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from backend.url import parse_url
from desk import data_root
from desk import settings as config

REPO = Path(__file__).resolve().parents[2]


def test_missing_file_gives_the_documented_defaults(tmp_path):
    cfg = config.load(tmp_path / "none.toml", environ={})
    assert (cfg.camera_source, cfg.db_url, cfg.cooldown, cfg.once_per_day, cfg.false_checkin_rate, cfg.model_dir,
            cfg.min_face_size, cfg.language, cfg.operator, cfg.claim_false_accept_rate) == (
        "0", "sqlite:///attendance.db", 60, False, 0.001, None, 60, "en", "", 0.001)
    assert cfg.effective_db_url == "sqlite:///attendance.db"
    # resolved in the data folder beside main.py, whatever the working directory
    assert cfg.data_root == REPO / "data" and cfg.pictures_dir == REPO / "data" / "pictures"
    assert Path(parse_url(cfg.database_url).path) == REPO / "data" / "attendance.db"
    assert cfg.outbox_file == REPO / "data" / "outbox.db" and cfg.model_path is None


def test_file_and_relative_paths_come_from_the_data_folder_not_the_working_directory(tmp_path, monkeypatch):
    root, elsewhere = tmp_path / "desk data", tmp_path / "elsewhere"
    root.mkdir()
    elsewhere.mkdir()
    (root / "config.toml").write_text('[recognition]\nmodel_dir = "models/facenet"\n'
                                      '[attendance]\ndesk = "Gate 2"\n', encoding="utf-8")
    monkeypatch.chdir(elsewhere)
    cfg = config.load(environ={}, data_root=root)
    assert cfg.path == root / "config.toml" and cfg.desk == "Gate 2"
    assert cfg.model_path == root / "models" / "facenet"
    assert cfg.pictures_dir == root / "pictures" and cfg.outbox_file == root / "outbox.db"
    assert Path(parse_url(cfg.database_url).path) == root / "attendance.db"
    cfg.desk = "Gate 3"
    assert config.save(cfg) == root / "config.toml"
    assert list(elsewhere.iterdir()) == []
    # FACE_DB_URL (and --db-url) name a SQLite file the same way
    env_cfg = config.load(environ={"FACE_DB_URL": "sqlite:///test.db"}, data_root=root)
    assert Path(parse_url(env_cfg.database_url).path) == root / "test.db"


def test_legacy_paths_relative_to_the_repository_keep_pointing_at_the_same_files(tmp_path):
    """Files written by the settings tab before the data folder: paths relative to the repo folder."""
    legacy = ('[recognition]\ngallery = "data/pictures/embeddings.h5"\nmodel_dir = "data/models/facenet"\n'
              '[database]\nurl = "sqlite:///data/attendance.db"\n')
    path = tmp_path / "config.toml"
    path.write_text(legacy, encoding="utf-8")
    # the default data folder (repo/data): the very files the old working directory (the repo) meant
    cfg = config.load(path, environ={})
    assert cfg.model_path == REPO / "data" / "models" / "facenet"
    assert Path(parse_url(cfg.database_url).path) == REPO / "data" / "attendance.db"
    # a data folder copied elsewhere with its config: its own files
    root = tmp_path / "copied"
    cfg = config.load(path, environ={}, data_root=root)
    assert Path(parse_url(cfg.database_url).path) == root / "attendance.db"
    config.save(cfg)                                       # saved back as written: still the same files
    assert config.load(path, environ={}, data_root=root).db_url == "sqlite:///data/attendance.db"
    assert data_root.resolve_path(root, "./data/x.h5") == root / "data" / "x.h5"


def test_round_trip_keeps_every_value_and_unicode(tmp_path):
    path = tmp_path / "sub" / "config.toml"
    cfg = config.load(path, environ={})
    cfg.camera_source = "rtsp://cam.local:554/stream?x=1"
    cfg.desk = '前台 "A" \\ 1'
    cfg.false_checkin_rate = 0.0005
    cfg.cooldown = 30
    cfg.once_per_day = True
    cfg.language = "zh_CN"
    cfg.db_url = "mysql://desk@db.local:3306/attendance"
    config.save(cfg)
    again = config.load(path, environ={})
    assert again == cfg
    assert tomllib.loads(path.read_text(encoding="utf-8"))["recognition"]["false_checkin_rate"] == 0.0005


def test_environment_overrides_are_used_but_never_written(tmp_path):
    path = tmp_path / "config.toml"
    env = {"FACE_DB_URL": "mysql://root@127.0.0.1:3306/x", "FACE_DB_PASSWORD": "s3cret"}
    cfg = config.load(path, environ=env)
    assert cfg.effective_db_url == env["FACE_DB_URL"] and cfg.effective_db_password == "s3cret"
    config.save(cfg)
    text = path.read_text(encoding="utf-8")
    assert "s3cret" not in text and "127.0.0.1" not in text
    assert config.load(path, environ={}).db_url == "sqlite:///attendance.db"


def test_integer_camera_source_and_a_retired_threshold_key(tmp_path, caplog):
    import logging

    path = tmp_path / "config.toml"
    path.write_text("[camera]\nsource = 1\n[recognition]\nthreshold = 0.45\n", encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="desk.settings"):
        cfg = config.load(path, environ={})
    assert cfg.camera_source == "1" and cfg.false_checkin_rate == 0.001
    assert "[recognition] threshold is no longer used" in caplog.text and "false_checkin_rate" in caplog.text


@pytest.mark.parametrize("text, message", [
    ("[attendance]\ncooldown = -5\n", "cooldown"),
    ("[attendance]\ncooldown = \"60\"\n", "cooldown must be a int"),
    ("[recognition]\nfalse_checkin_rate = 0.5\n", "false_checkin_rate"),
    ("[recognition]\nfalse_checkin_rate = 0\n", "false_checkin_rate"),
    ("[ui]\nlanguage = \"fr\"\n", "language"),
    ("[database]\nurl = \"\"\n", "database url is empty"),
    ("[camera\nsource = 0\n", "cannot read"),
])
def test_bad_files_raise_a_clear_error(tmp_path, text, message):
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(config.ConfigError, match=message) as info:
        config.load(path, environ={})
    assert str(path) in str(info.value)


def test_invalid_values_are_not_saved(tmp_path):
    path = tmp_path / "config.toml"
    cfg = config.load(path, environ={})
    cfg.min_face_size = 3
    with pytest.raises(config.ConfigError, match="min_face_size"):
        config.save(cfg)
    assert not path.exists()


# -- issue 12 item 6: the desk name is checked like the backend checks it; unknown keys are named ----
DESKS = ["Front desk", "前台 1", "", "x" * 128, "x" * 129, "前" * 129, "a\x00b", "tab\tdesk", "line\nfeed",
         "del\x7f", "esc\x1b[31m"]


@pytest.mark.parametrize("desk", DESKS)
def test_the_config_accepts_exactly_the_desk_names_the_backend_records(tmp_path, desk):
    from datetime import datetime

    from backend import open_backend

    with open_backend(f"sqlite:///{tmp_path}/a.db") as backend:
        person = backend.people.create("E1", "A")
        try:
            backend.attendance.check_in(person.id, datetime(2024, 3, 6, 8, 30), desk=desk)
            backend_error = None
        except ValueError as exc:
            backend_error = str(exc)
    path = tmp_path / "config.toml"
    cfg = config.load(path, environ={})
    cfg.desk = desk
    if backend_error is None:
        config.save(cfg)
        assert config.load(path, environ={}).desk == desk
        return
    with pytest.raises(config.ConfigError, match="desk") as saving:
        config.save(cfg)
    assert not path.exists()
    assert backend_error in str(saving.value)           # the same words as the backend's
    path.write_text(f"[attendance]\ndesk = {config._toml_value(desk)}\n", encoding="utf-8")
    with pytest.raises(config.ConfigError, match="desk") as loading:
        config.load(path, environ={})
    assert str(path) in str(loading.value) and backend_error in str(loading.value)


def test_unknown_or_misspelt_keys_are_warned_about_with_the_nearest_known_one(tmp_path, caplog):
    import logging

    path = tmp_path / "config.toml"
    path.write_text('cooldown = 5\n'
                    '[attendance]\ncooldwon = 5\ndesk = "Lobby"\nonce_a_day = true\n'
                    '[camera]\nsource = 0\nmin_face = 40\ncooldown = 30\n'
                    '[recogniton]\nthreshold = 0.5\n'
                    '[plugins]\nenabled = true\n', encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="desk.settings"):
        cfg = config.load(path, environ={})
    assert cfg.desk == "Lobby" and cfg.cooldown == 60 and cfg.false_checkin_rate == 0.001  # the rest loads
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert all(str(path) in w for w in warnings)

    def warning(*words):
        found = [w for w in warnings if all(word in w for word in words)]
        assert len(found) == 1, (words, warnings)
        return found[0]

    warning("[attendance] cooldwon", "did you mean cooldown")
    warning("[attendance] once_a_day", "did you mean once_per_day")
    warning("[camera] min_face", "did you mean min_face_size")
    warning("[camera] cooldown", "[attendance]")                   # right key, wrong section
    warning("[recogniton]", "did you mean [recognition]")
    warning("[plugins]")
    warning("cooldown", "outside any section", "[attendance]")
    assert len(warnings) == 7


def test_a_clean_file_gives_no_warning(tmp_path, caplog):
    import logging

    path = tmp_path / "config.toml"
    config.save(config.AppConfig(false_checkin_rate=0.0001, model_dir="m"), path)
    with caplog.at_level(logging.WARNING, logger="desk.settings"):
        config.load(path, environ={})
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]


def test_a_relative_video_file_in_the_config_is_in_the_data_folder(tmp_path):
    assert config.AppConfig(camera_source="clips/demo.mp4", data_root=tmp_path).camera == \
        str(tmp_path / "clips" / "demo.mp4")
    for source in ("0", "12", "rtsp://cam.local:554/stream", str(tmp_path / "abs.mp4")):
        assert config.AppConfig(camera_source=source, data_root=tmp_path).camera == source


@pytest.mark.parametrize("locale, language", [("zh_CN.UTF-8", "zh_CN"), ("zh_TW.UTF-8", "zh_CN"),
                                              ("en_US.UTF-8", "en"), ("de_DE.UTF-8", "en")])
def test_first_start_follows_the_system_language(tmp_path, locale, language):
    """No settings file (a desk's first start): the system's locale chooses; a chosen language stays."""
    assert config.load(tmp_path / "none.toml", environ={"LANG": locale}).language == language
    assert config.load(tmp_path / "none.toml", environ={"LANG": "en_US.UTF-8", "LC_ALL": locale}).language == language
    chosen = tmp_path / "config.toml"
    chosen.write_text('[ui]\nlanguage = "en"\n', encoding="utf-8")
    assert config.load(chosen, environ={"LANG": locale}).language == "en"


def test_diagnostics_is_off_by_default_and_read_from_the_ui_section(tmp_path):
    assert config.load(tmp_path / "none.toml", environ={}).diagnostics is False
    path = tmp_path / "config.toml"
    path.write_text("[ui]\ndiagnostics = true\n", encoding="utf-8")
    cfg = config.load(path, environ={})
    assert cfg.diagnostics is True
    cfg.diagnostics = False
    config.save(cfg)
    assert tomllib.loads(path.read_text(encoding="utf-8"))["ui"]["diagnostics"] is False
    path.write_text('[ui]\ndiagnostics = "yes"\n', encoding="utf-8")
    with pytest.raises(config.ConfigError, match="diagnostics"):
        config.load(path, environ={})
