"""The desk's settings: one TOML file (``config.toml`` in the data folder) + environment overrides; each
setting declared once (an AppConfig field: its type, default, ``[section] key`` and allowed values).

Read with :mod:`tomllib`; written by :func:`save` with a small writer for the flat
``[section] key = value`` shape used here (strings, numbers, booleans; ``None``
means "unset" and is left out of the file). Relative paths in it (model
directory, ``sqlite:///attendance.db``) are relative to the data folder
(:mod:`desk.data_root`), never to the working directory; the file keeps them as written
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
import typing
from pathlib import Path
from typing import Callable

from backend import validation
from backend.attendance import DEFAULT_COOLDOWN_SECONDS
from backend.face_sync import DEFAULT_POLL_SECONDS
from desk import data_root as data_root_mod
from recognition.stream.policy import (CLAIM_FALSE_ACCEPT_RATE_RANGE, DEFAULT_CLAIM_FALSE_ACCEPT_RATE,
                                      DEFAULT_FALSE_CHECKIN_RATE, DEFAULT_LIVENESS, DESK_MIN_FACE_SIZE,
                                      FALSE_CHECKIN_RATE_RANGE, LIVENESS_MODES)

log = logging.getLogger(__name__)

LANGUAGES = ("en", "zh_CN")
#: keys of earlier versions, and why they are no longer read
_RETIRED = {("recognition", "threshold"): "the distance threshold now follows from false_checkin_rate and "
                                          "the people enrolled",
            ("recognition", "gallery"): "the faces come from the database; this desk's cache of them is "
                                        "pictures/faces-<model>.h5 in the data folder"}


class ConfigError(ValueError):
    """The configuration file cannot be read or holds an invalid value."""


def _setting(default, section: str, key: str, *, check=None, must_be: str = "", limits=None, choices=None):
    """The one declaration of a setting besides its name and type (the AppConfig field's annotation):
    its default, where the file stores it (``[section] key``) and what values it takes.

    ``limits`` (low, high) or ``choices`` are the values allowed, ``must_be`` the words of the error
    ("an integer in {low}..{high}"); ``check(value)`` raises ValueError with the backend's own words.
    """
    return dataclasses.field(default=default, metadata={"home": (section, key), "check": check,
                                                        "must_be": must_be, "limits": limits, "choices": choices})


def _not_empty(what: str):
    def check(value):
        if not str(value).strip():
            raise ValueError(f"{what} is empty")
    return check


def _backend_text(field: str):
    # the backend's own checks: a desk (or operator) it would refuse would make every check-in fail
    return lambda value: validation.text(field, value)


@dataclasses.dataclass
class AppConfig:
    camera_source: str = _setting("0", "camera", "source", check=_not_empty("camera source"))
    min_face_size: int = _setting(DESK_MIN_FACE_SIZE, "camera", "min_face_size", limits=(12, 1000),
                                  must_be="an integer in {low}..{high}")
    # share of stranger visits that may check in
    false_checkin_rate: float = _setting(DEFAULT_FALSE_CHECKIN_RATE, "recognition", "false_checkin_rate",
                                         limits=FALSE_CHECKIN_RATE_RANGE,
                                         must_be="a share of stranger visits between {low} and {high}")
    # number + face: share of claims with somebody else's number that may be accepted
    claim_false_accept_rate: float = _setting(DEFAULT_CLAIM_FALSE_ACCEPT_RATE, "recognition",
                                              "claim_false_accept_rate", limits=CLAIM_FALSE_ACCEPT_RATE_RANGE,
                                              must_be="a share of claims with a wrong number between {low} "
                                                      "and {high}")
    # is the face a live head, not a photo or a phone: "off", "when_unsure" (asked to turn only when its
    # movement did not prove it), "always" (every check-in asked to turn); recognition.stream.liveness
    liveness: str = _setting(DEFAULT_LIVENESS, "recognition", "liveness", choices=LIVENESS_MODES,
                             must_be="one of {choices}")
    # None: the default model (recognition.recognizer); a built-in's name or a folder (relative: data folder)
    model_dir: str | None = _setting(None, "recognition", "model_dir")
    desk: str = _setting("Front desk", "attendance", "desk", check=_backend_text("desk"))
    cooldown: int = _setting(DEFAULT_COOLDOWN_SECONDS, "attendance", "cooldown", limits=(0, 86400),
                             must_be="an integer number of seconds in {low}..{high}")  # between two check-ins
    # who works at the desk (recorded with confirmed check-ins)
    operator: str = _setting("", "attendance", "operator", check=_backend_text("operator"))
    once_per_day: bool = _setting(False, "attendance", "once_per_day", must_be="true or false")
    db_url: str = _setting("sqlite:///" + data_root_mod.DATABASE_FILE, "database", "url", check=_not_empty("database url"))
    db_password: str | None = _setting(None, "database", "password")   # from the file only if typed there by hand
    # "en" is the source language; load() gives a file without a language the system's (first start)
    language: str = _setting("en", "ui", "language", choices=LANGUAGES, must_be="one of {choices}")
    # engineer's figures on screen (distances on the face boxes, frame rates, the History's distances,
    # Settings' Diagnostics page); off: the operator sees names and plain words only
    diagnostics: bool = _setting(False, "ui", "diagnostics", must_be="true or false")
    # s between two reads of the face store's changes
    face_sync_interval: float = _setting(DEFAULT_POLL_SECONDS, "database", "face_sync_interval",
                                         limits=(0.2, 3600), must_be="a number of seconds in {low}..{high}")

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
        from recognition.gallery import LEGACY_GALLERY_FILE    # h5py: not at start

        return self.pictures_dir / LEGACY_GALLERY_FILE

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
        """Each setting against its declaration (the first one wrong raises ConfigError)."""
        for field in _SETTINGS:
            value, meta = getattr(self, field.name), field.metadata
            kind = _KINDS[field.name]
            if meta["check"] is not None:
                try:
                    meta["check"](value)
                except ValueError as exc:
                    raise ConfigError(str(exc)) from None
            if not meta["must_be"]:
                continue
            ok = isinstance(value, kind) and (kind is bool or not isinstance(value, bool))
            if kind is float:
                ok = isinstance(value, (int, float)) and not isinstance(value, bool)
            if ok and meta["limits"] is not None:
                ok = meta["limits"][0] <= value <= meta["limits"][1]
            if ok and meta["choices"] is not None:
                ok = value in meta["choices"]
            if not ok:
                low, high = meta["limits"] or (None, None)
                raise ConfigError(f"{field.name} must be "
                                  f"{meta['must_be'].format(low=low, high=high, choices=meta['choices'])}, "
                                  f"got {value!r}")
        return self


def _kind(hint) -> type:
    """str for ``str | None``: the type a value in the file must have."""
    args = [a for a in typing.get_args(hint) if a is not type(None)]
    return args[0] if args else hint


#: the declared settings (AppConfig's fields with a home in the file), in the file's order
_SETTINGS = [f for f in dataclasses.fields(AppConfig) if "home" in f.metadata]
_KINDS = {name: _kind(hint) for name, hint in typing.get_type_hints(AppConfig).items()}
#: field -> (section, key) in the TOML file
_LAYOUT = {f.name: f.metadata["home"] for f in _SETTINGS}
_TYPES = {f.name: _KINDS[f.name] for f in _SETTINGS}


def load(path: str | os.PathLike | None = None, environ=None,
         data_root: str | os.PathLike | None = None, platform_locale: Callable[[], str] | None = None) -> AppConfig:
    """Read ``path`` (default: config.toml in ``data_root``); a missing file gives the defaults.

    ``data_root`` (default: the data folder beside main.py) is where relative paths in it point;
    ``platform_locale``: see :func:`system_language` (first start only).
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
        values["language"] = system_language(environ, platform_locale)
    config = AppConfig(**values)
    config.data_root = root
    config.path = path
    config.env_db_url = environ.get("FACE_DB_URL") or None
    config.env_db_password = environ.get("FACE_DB_PASSWORD") or None
    try:
        return config.validate()
    except ConfigError as exc:
        raise ConfigError(f"{path}: {exc}") from None


def test_database(settings: AppConfig, url: str) -> tuple[bool, str]:
    """Can this desk open the database at ``url`` (as typed in Settings: a relative sqlite:/// file is in the
    data folder, as when the URL is applied), with the desk's password? (ok, what the backend said)."""
    from backend import test_connection

    return test_connection(data_root_mod.resolve_db_url(settings.data_root, url.strip()),
                           password=settings.effective_db_password)


def system_language(environ=None, platform_locale: Callable[[], str] | None = None) -> str:
    """The UI language of the system: "zh_CN" for any Chinese locale (zh_CN, zh_TW, zh_SG...), else "en".

    POSIX order (LC_ALL, LC_MESSAGES, LANG) of ``environ``; with the process's own environment (None),
    then ``platform_locale()`` (the platform's setting through Qt: Windows and macOS keep it outside the
    environment; gui.i18n gives it, this layer has no Qt).
    """
    given = environ is not None
    environ = os.environ if environ is None else environ
    name = next((environ[var] for var in ("LC_ALL", "LC_MESSAGES", "LANG") if environ.get(var)), "")
    if not name and not given and platform_locale is not None:
        name = platform_locale()
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
