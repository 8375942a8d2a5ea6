"""gui.config: the TOML settings file with environment overrides (no Qt)."""
from __future__ import annotations

import tomllib

import pytest

from gui import config


def test_missing_file_gives_the_documented_defaults(tmp_path):
    cfg = config.load(tmp_path / "none.toml", environ={})
    assert (cfg.camera_source, cfg.db_url, cfg.cooldown, cfg.once_per_day, cfg.threshold, cfg.model_dir,
            cfg.min_face_size, cfg.language, cfg.gallery_path) == (
        "0", "sqlite:///data/attendance.db", 60, False, None, None, 60, "en", "data/pictures/embeddings.h5")
    assert cfg.effective_db_url == "sqlite:///data/attendance.db"


def test_round_trip_keeps_every_value_and_unicode(tmp_path):
    path = tmp_path / "sub" / "config.toml"
    cfg = config.load(path, environ={})
    cfg.camera_source = "rtsp://cam.local:554/stream?x=1"
    cfg.desk = '前台 "A" \\ 1'
    cfg.threshold = 0.48
    cfg.cooldown = 30
    cfg.once_per_day = True
    cfg.language = "zh_CN"
    cfg.db_url = "mysql://desk@db.local:3306/attendance"
    config.save(cfg)
    again = config.load(path, environ={})
    assert again == cfg
    assert tomllib.loads(path.read_text(encoding="utf-8"))["recognition"]["threshold"] == 0.48
    cfg.threshold = None                                 # back to the model default: key left out
    config.save(cfg)
    assert "threshold" not in path.read_text(encoding="utf-8")
    assert config.load(path, environ={}).threshold is None


def test_environment_overrides_are_used_but_never_written(tmp_path):
    path = tmp_path / "config.toml"
    env = {"FACE_DB_URL": "mysql://root@127.0.0.1:3306/x", "FACE_DB_PASSWORD": "s3cret"}
    cfg = config.load(path, environ=env)
    assert cfg.effective_db_url == env["FACE_DB_URL"] and cfg.effective_db_password == "s3cret"
    config.save(cfg)
    text = path.read_text(encoding="utf-8")
    assert "s3cret" not in text and "127.0.0.1" not in text
    assert config.load(path, environ={}).db_url == "sqlite:///data/attendance.db"


def test_integer_camera_source_and_int_threshold_are_accepted(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text("[camera]\nsource = 1\n[recognition]\nthreshold = 1\n", encoding="utf-8")
    cfg = config.load(path, environ={})
    assert cfg.camera_source == "1" and cfg.threshold == 1.0


@pytest.mark.parametrize("text, message", [
    ("[attendance]\ncooldown = -5\n", "cooldown"),
    ("[attendance]\ncooldown = \"60\"\n", "cooldown must be a int"),
    ("[recognition]\nthreshold = 9.0\n", "threshold"),
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
    with caplog.at_level(logging.WARNING, logger="gui.config"):
        cfg = config.load(path, environ={})
    assert cfg.desk == "Lobby" and cfg.cooldown == 60 and cfg.threshold is None   # the rest still loads
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
    config.save(config.AppConfig(threshold=0.4, model_dir="m"), path)
    with caplog.at_level(logging.WARNING, logger="gui.config"):
        config.load(path, environ={})
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]
