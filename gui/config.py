"""The application's configuration: one TOML file (``config.toml`` in the data folder) + environment overrides.

Read with :mod:`tomllib`; written by :func:`save` with a small writer for the flat
``[section] key = value`` shape used here (strings, numbers, booleans; ``None``
means "unset" and is left out of the file). Relative paths in it (model
directory, ``sqlite:///attendance.db``) are relative to the data folder
(:mod:`gui.data_root`), never to the working directory; the file keeps them as written
and the ``*_file`` / ``database_url`` properties resolve them.

Secrets: ``FACE_DB_PASSWORD`` is read from the environment and never written; a
``password`` typed into the file by hand is kept as it is but not added by the app.
``FACE_DB_URL`` overrides the database URL for this run without changing the file; main.py's
``--db-url`` overrides both (``cli_db_url``).
"""
from __future__ import annotations

import dataclasses
import difflib
import json
import logging
import math
import os
import tempfile
import tomllib
from pathlib import Path

from backend import validation
from backend.attendance import DEFAULT_COOLDOWN_SECONDS
from backend.face_sync import DEFAULT_POLL_SECONDS
from gui import data_root as data_root_mod
from recognition.stream.policy import (CLAIM_FALSE_ACCEPT_RATE_RANGE, DEFAULT_CLAIM_FALSE_ACCEPT_RATE,
                                      DEFAULT_FALSE_CHECKIN_RATE, DESK_MIN_FACE_SIZE, FALSE_CHECKIN_RATE_RANGE)

log = logging.getLogger(__name__)

LANGUAGES = ("en", "zh_CN")
#: keys of earlier versions, and why they are no longer read
_RETIRED = {("recognition", "threshold"): "the distance threshold now follows from false_checkin_rate and "
                                          "the people enrolled",
            ("recognition", "gallery"): "the faces come from the database; this desk's cache of them is "
                                        "pictures/faces-<model>.h5 in the data folder"}


class ConfigError(ValueError):
    """The configuration file cannot be read or holds an invalid value."""


@dataclasses.dataclass
class AppConfig:
    camera_source: str = "0"
    min_face_size: int = DESK_MIN_FACE_SIZE
    false_checkin_rate: float = DEFAULT_FALSE_CHECKIN_RATE   # share of stranger visits that may check in
    # number + face: share of claims with somebody else's number that may be accepted
    claim_false_accept_rate: float = DEFAULT_CLAIM_FALSE_ACCEPT_RATE
    model_dir: str | None = None            # None: the default model (recognition.recognizer)
    desk: str = "Front desk"
    cooldown: int = DEFAULT_COOLDOWN_SECONDS  # seconds between two check-ins of a person
    operator: str = ""                      # who works at the desk (recorded with confirmed check-ins)
    once_per_day: bool = False
    db_url: str = "sqlite:///attendance.db"
    db_password: str | None = None          # from the file only if typed there by hand
    # "en" is the source language; load() gives a file without a language the system's (first start)
    language: str = "en"
    # engineer's figures on screen (distances on the face boxes, frame rates, the History's distances,
    # Settings' Diagnostics page); off: the operator sees names and plain words only
    diagnostics: bool = False
    face_sync_interval: float = DEFAULT_POLL_SECONDS   # s between two reads of the face store's changes

    # filled by load(): where the values came from
    data_root: Path = dataclasses.field(default=data_root_mod.DEFAULT, compare=False, repr=False)
    path: Path | None = dataclasses.field(default=None, compare=False, repr=False)
    env_db_url: str | None = dataclasses.field(default=None, compare=False, repr=False)
    env_db_password: str | None = dataclasses.field(default=None, compare=False, repr=False)
    cli_db_url: str | None = dataclasses.field(default=None, compare=False, repr=False)   # --db-url

    @property
    def run_db_url(self) -> str | None:
        """The URL this run uses instead of the file's: --db-url, else FACE_DB_URL; None if neither."""
        return self.cli_db_url or self.env_db_url

    @property
    def effective_db_url(self) -> str:
        return self.run_db_url or self.db_url

    @property
    def effective_db_password(self) -> str | None:
        return self.env_db_password or self.db_password

    @property
    def database_url(self) -> str:
        """The URL to open: the effective one, a relative SQLite file under the data folder."""
        return data_root_mod.resolve_db_url(self.data_root, self.effective_db_url)

    @property
    def camera(self) -> str:
        """The camera source to open: an index, a URL, or a video file (relative: in the data folder)."""
        text = str(self.camera_source).strip()
        if text.isdigit() or "://" in text:
            return text
        return str(data_root_mod.resolve_path(self.data_root, text))

    @property
    def pictures_dir(self) -> Path:
        """The desk's face cache (faces-<model>.h5) and a pre-store desk's photos."""
        return Path(self.data_root) / data_root_mod.PICTURES_DIR

    @property
    def legacy_gallery_file(self) -> Path:
        """The gallery of a desk from before the face store (``python main.py import-faces`` reads it)."""
        return self.pictures_dir / "embeddings.h5"

    @property
    def model_path(self) -> Path | None:
        """The model directory (a built-in model's by its name, e.g. "mobilefacenet"); None: the default."""
        from recognition.models import BUILTIN_MODEL_DIRS

        if not self.model_dir:
            return None
        if self.model_dir in BUILTIN_MODEL_DIRS:
            return BUILTIN_MODEL_DIRS[self.model_dir]
        return data_root_mod.resolve_path(self.data_root, self.model_dir)

    @property
    def outbox_file(self) -> Path:
        return Path(self.data_root) / data_root_mod.OUTBOX_FILE

    def validate(self) -> "AppConfig":
        if not str(self.camera_source).strip():
            raise ConfigError("camera source is empty")
        if not isinstance(self.min_face_size, int) or not 12 <= self.min_face_size <= 1000:
            raise ConfigError(f"min_face_size must be an integer in 12..1000, got {self.min_face_size!r}")
        for field, (low, high), what in (
                ("false_checkin_rate", FALSE_CHECKIN_RATE_RANGE, "stranger visits"),
                ("claim_false_accept_rate", CLAIM_FALSE_ACCEPT_RATE_RANGE, "claims with a wrong number")):
            value = getattr(self, field)
            if not (isinstance(value, (int, float)) and not isinstance(value, bool) and low <= value <= high):
                raise ConfigError(f"{field} must be a share of {what} between {low} and {high}, got {value!r}")
        if not isinstance(self.cooldown, int) or not 0 <= self.cooldown <= 86400:
            raise ConfigError(f"cooldown must be an integer number of seconds in 0..86400, "
                              f"got {self.cooldown!r}")
        if not isinstance(self.once_per_day, bool):
            raise ConfigError(f"once_per_day must be true or false, got {self.once_per_day!r}")
        if not isinstance(self.diagnostics, bool):
            raise ConfigError(f"diagnostics must be true or false, got {self.diagnostics!r}")
        try:
            validation.text("desk", self.desk)  # the backend's own checks: a desk it would refuse
            validation.text("operator", self.operator)    # would make every check-in fail
        except ValueError as exc:
            raise ConfigError(str(exc)) from None
        if not str(self.db_url).strip():
            raise ConfigError("database url is empty")
        if not (isinstance(self.face_sync_interval, (int, float)) and not isinstance(self.face_sync_interval, bool)
                and 0.2 <= self.face_sync_interval <= 3600):
            raise ConfigError(f"face_sync_interval must be a number of seconds in 0.2..3600, "
                              f"got {self.face_sync_interval!r}")
        if self.language not in LANGUAGES:
            raise ConfigError(f"language must be one of {LANGUAGES}, got {self.language!r}")
        return self


#: field -> (section, key) in the TOML file
_LAYOUT = {
    "camera_source": ("camera", "source"),
    "min_face_size": ("camera", "min_face_size"),
    "false_checkin_rate": ("recognition", "false_checkin_rate"),
    "claim_false_accept_rate": ("recognition", "claim_false_accept_rate"),
    "model_dir": ("recognition", "model_dir"),
    "desk": ("attendance", "desk"),
    "cooldown": ("attendance", "cooldown"),
    "operator": ("attendance", "operator"),
    "once_per_day": ("attendance", "once_per_day"),
    "db_url": ("database", "url"),
    "db_password": ("database", "password"),
    "language": ("ui", "language"),
    "diagnostics": ("ui", "diagnostics"),
    "face_sync_interval": ("database", "face_sync_interval"),
}
_TYPES = {"camera_source": str, "min_face_size": int, "false_checkin_rate": float, "model_dir": str,
          "desk": str, "cooldown": int, "once_per_day": bool, "db_url": str,
          "db_password": str, "language": str, "face_sync_interval": float, "claim_false_accept_rate": float,
          "operator": str, "diagnostics": bool}


def load(path: str | os.PathLike | None = None, environ=None,
         data_root: str | os.PathLike | None = None) -> AppConfig:
    """Read ``path`` (default: config.toml in ``data_root``); a missing file gives the defaults.

    ``data_root`` (default: the data folder beside main.py) is where relative paths in it point.
    """
    root = Path(data_root) if data_root is not None else data_root_mod.DEFAULT
    path = Path(path) if path is not None else root / data_root_mod.CONFIG_FILE
    environ = os.environ if environ is None else environ
    values = {}
    if path.exists():
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"{path}: cannot read the configuration: {exc}") from exc
        _warn_unknown_keys(data, path)
        for field, (section, key) in _LAYOUT.items():
            table = data.get(section, {})
            if not isinstance(table, dict) or key not in table:
                continue
            value = table[key]
            kind = _TYPES[field]
            if kind is float and isinstance(value, int) and not isinstance(value, bool):
                value = float(value)
            if kind is str and field == "camera_source" and isinstance(value, int):
                value = str(value)
            if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
                raise ConfigError(f"{path}: [{section}] {key} must be a {kind.__name__}, got {value!r}")
            values[field] = value
    if "language" not in values:
        # first start (no file, or a file without a language): the desk speaks the system's language
        values["language"] = system_language(environ)
    config = AppConfig(**values)
    config.data_root = root
    config.path = path
    config.env_db_url = environ.get("FACE_DB_URL") or None
    config.env_db_password = environ.get("FACE_DB_PASSWORD") or None
    try:
        return config.validate()
    except ConfigError as exc:
        raise ConfigError(f"{path}: {exc}") from None


def system_language(environ=None) -> str:
    """The UI language of the system: "zh_CN" for any Chinese locale (zh_CN, zh_TW, zh_SG...), else "en".

    POSIX order (LC_ALL, LC_MESSAGES, LANG) of ``environ``; with the process's own environment (None),
    then the platform's setting through Qt (Windows and macOS keep it outside the environment).
    """
    given = environ is not None
    environ = os.environ if environ is None else environ
    name = next((environ[var] for var in ("LC_ALL", "LC_MESSAGES", "LANG") if environ.get(var)), "")
    if not name and not given:
        from PyQt5.QtCore import QLocale

        name = QLocale.system().name()
    return "zh_CN" if name.lower().startswith("zh") else "en"


def _warn_unknown_keys(data: dict, path: Path) -> None:
    """Warn about each section or key of the file that no setting reads (a typo such as
    ``cooldwon`` would otherwise be ignored without a word), naming the nearest known one."""
    known: dict[str, list[str]] = {}
    for section, key in _LAYOUT.values():
        known.setdefault(section, []).append(key)

    def nearest(name: str, choices, form: str = "{}") -> str:
        close = difflib.get_close_matches(name, choices, n=1)
        return f"; did you mean {form.format(close[0])}?" if close else ""

    def home_of(key: str) -> str:
        return next((f"[{section}] {key}" for section, keys in known.items() if key in keys), "")

    for section, table in data.items():
        if not isinstance(table, dict):
            home = home_of(section)
            hint = f"; did you mean {home}?" if home else nearest(section, known, "[{}]")
            log.warning("%s: %s is outside any section and is ignored%s", path, section, hint)
        elif section not in known:
            log.warning("%s: unknown section [%s] is ignored%s", path, section, nearest(section, known, "[{}]"))
        else:
            for key in table:
                if (section, key) in _RETIRED:
                    log.warning("%s: [%s] %s is no longer used (%s) and is ignored", path, section, key,
                                _RETIRED[section, key])
                elif key not in known[section]:
                    home = home_of(key)
                    hint = f"; it belongs in {home}" if home else nearest(key, known[section])
                    log.warning("%s: unknown key [%s] %s is ignored%s", path, section, key, hint)


def _toml_value(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ConfigError(f"cannot write {value!r} to TOML")
        return repr(value)
    if isinstance(value, str):
        # a JSON string is a TOML basic string, once DEL (which TOML wants escaped) is
        return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")
    raise ConfigError(f"cannot write {type(value).__name__} to TOML")


def dumps(config: AppConfig) -> str:
    sections: dict[str, list[str]] = {}
    for field, (section, key) in _LAYOUT.items():
        value = getattr(config, field)
        if value is None:
            continue
        sections.setdefault(section, []).append(f"{key} = {_toml_value(value)}")
    header = ("# Face attendance configuration (written by the settings tab).\n"
              "# The database password is read from FACE_DB_PASSWORD, not from here.\n")
    return header + "".join(f"\n[{name}]\n" + "\n".join(lines) + "\n" for name, lines in sections.items())


def save(config: AppConfig, path: str | os.PathLike | None = None) -> Path:
    """Validate and write ``config`` atomically; returns the path written."""
    config.validate()
    path = Path(path) if path is not None else (config.path or Path(config.data_root) / data_root_mod.CONFIG_FILE)
    text = dumps(config)
    tomllib.loads(text)  # never write a file we could not read back
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".config-", suffix=".toml", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    config.path = path
    return path
