"""The desk layer's own rules: no Qt in desk/, and each setting declared once with the file's layout unchanged."""
from __future__ import annotations

import ast
import dataclasses
import re
from pathlib import Path

import pytest

from desk import settings

DESK = Path(__file__).resolve().parents[2] / "desk"


def test_the_desk_layer_imports_no_qt_and_no_gui():
    found = []
    for path in sorted(DESK.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = ([a.name for a in node.names] if isinstance(node, ast.Import) else
                     [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            found += [f"{path.name}: {n}" for n in names if n.split(".")[0] in ("PyQt5", "gui", "main", "mainUI")]
    assert found == []


def test_each_setting_has_one_home_in_the_file_and_the_layout_is_unchanged():
    assert settings._LAYOUT == {
        "camera_source": ("camera", "source"), "min_face_size": ("camera", "min_face_size"),
        "false_checkin_rate": ("recognition", "false_checkin_rate"),
        "claim_false_accept_rate": ("recognition", "claim_false_accept_rate"),
        "liveness": ("recognition", "liveness"),
        "model_dir": ("recognition", "model_dir"), "desk": ("attendance", "desk"),
        "cooldown": ("attendance", "cooldown"), "operator": ("attendance", "operator"),
        "once_per_day": ("attendance", "once_per_day"), "db_url": ("database", "url"),
        "db_password": ("database", "password"), "language": ("ui", "language"),
        "diagnostics": ("ui", "diagnostics"), "face_sync_interval": ("database", "face_sync_interval")}
    assert len(set(settings._LAYOUT.values())) == len(settings._LAYOUT)
    assert settings._TYPES == {"camera_source": str, "min_face_size": int, "false_checkin_rate": float,
                               "model_dir": str, "desk": str, "cooldown": int, "once_per_day": bool, "db_url": str,
                               "db_password": str, "language": str, "face_sync_interval": float,
                               "claim_false_accept_rate": float, "operator": str, "diagnostics": bool,
                               "liveness": str}


def test_a_setting_out_of_its_declared_range_names_the_range(tmp_path):
    config = settings.load(tmp_path / "none.toml", environ={})
    for field, value, words in (("min_face_size", 5, "min_face_size must be an integer in 12..1000, got 5"),
                                ("cooldown", 86401, "cooldown must be an integer number of seconds in 0..86400"),
                                ("face_sync_interval", 0.1, "face_sync_interval must be a number of seconds in "
                                                            "0.2..3600"),
                                ("language", "fr", "language must be one of ('en', 'zh_CN'), got 'fr'"),
                                ("once_per_day", 1, "once_per_day must be true or false, got 1"),
                                ("liveness", "sometimes", "liveness must be one of ('off', 'when_unsure', "
                                                          "'always'), got 'sometimes'")):
        with pytest.raises(settings.ConfigError, match=re.escape(words)):
            dataclasses.replace(config, **{field: value}).validate()
