"""The desk's data folder: config, database, face cache, photos, outbox and logs live in one place.

Chosen once at start: ``--data-dir`` wins, then the environment variable ``FACE_DATA_DIR``,
then the ``data`` folder beside main.py (one install per desk PC, where README has always put
it). Nothing resolves from the working directory, so a desktop shortcut, an autostart entry
and a terminal in any folder all open the same data. Relative paths inside the config file
(model directory, a ``sqlite:///`` URL) are relative to this folder.
"""
from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import quote, unquote

from backend import outbox as backend_outbox
from backend import url as backend_url

ENV_VAR = "FACE_DATA_DIR"
DEFAULT = Path(__file__).resolve().parents[1] / "data"
CONFIG_FILE = "config.toml"
LOGS_DIR = "logs"
#: the desk's face cache (one file per model, faces-<model>.h5) and a pre-store desk's photos and
#: embeddings.h5 (what ``python main.py import-faces`` reads)
PICTURES_DIR = "pictures"
OUTBOX_FILE = backend_outbox.FILE_NAME
#: the desk's own SQLite database (the settings' default URL, sqlite:///attendance.db)
DATABASE_FILE = backend_url.DATABASE_FILE
_SQLITE = "sqlite:///"

# Config files written before the data folder existed hold paths relative to the repository
# folder, the working directory README ran main.py from: url = "sqlite:///data/attendance.db",
# gallery = "data/pictures/embeddings.h5". Their "data/" is the data folder itself, so it is
# dropped: the default folder finds the same files as before, and a copied data folder finds
# its own. (A real subfolder named "data" inside the data folder is written "./data/...".)
_LEGACY_PREFIXES = ("data/", "data\\")


def choose(flag: str | os.PathLike | None = None, environ=None) -> Path:
    """The data folder of this run (absolute). A relative ``--data-dir`` or ``FACE_DATA_DIR``
    is taken, as any path typed in a shell, from the folder it was typed in."""
    environ = os.environ if environ is None else environ
    value = flag or environ.get(ENV_VAR) or None
    if value is None:
        return DEFAULT
    return Path(value).expanduser().absolute()


def resolve_path(root: str | os.PathLike, value: str | os.PathLike) -> Path:
    """A path from the config: absolute as it is, relative under ``root`` (legacy "data/" dropped)."""
    text = os.fspath(value)
    path = Path(text).expanduser()
    if path.is_absolute():
        return path
    if text.startswith(_LEGACY_PREFIXES):
        path = Path(text[len("data/"):])
    return Path(root) / path


def resolve_db_url(root: str | os.PathLike, url: str) -> str:
    """``url`` with a relative SQLite file made absolute under ``root``; other URLs unchanged
    (a malformed one is left for the backend to explain)."""
    text = url.strip()
    if text[:len(_SQLITE)].lower() != _SQLITE:
        return url
    path = unquote(text[len(_SQLITE):])
    if not path or path == ":memory:" or Path(path).is_absolute():
        return url
    # as_posix: "/srv/face/attendance.db" -> sqlite:////srv/..., "C:/desk/attendance.db" -> sqlite:///C:/...
    return _SQLITE + quote(resolve_path(root, path).as_posix(), safe="/:")
