"""Which database the faces of a gallery were enrolled for: a small file beside the gallery.

The gallery's keys are person numbers, so a gallery used with another database matches faces
to whoever holds the same number there. Until the face store ties faces to their database,
the desk writes the database here whenever it saves the gallery (``embeddings.h5.database``
beside ``embeddings.h5``) and warns when it starts on, or switches to, another database while
the gallery holds faces.

A SQLite file is recorded relative to the gallery's folder, so a data folder moved or copied
as a whole still matches; a MySQL database by host, port and name (no user, no password).
"""
from __future__ import annotations

import json
import logging
import os
import tempfile
from pathlib import Path

log = logging.getLogger(__name__)

SUFFIX = ".database"


def record_path(gallery_path) -> Path:
    path = Path(gallery_path)
    return path.with_name(path.name + SUFFIX)


def identity(url: str, folder) -> str:
    """A comparable name of the database of ``url``; SQLite files relative to ``folder``."""
    from backend.url import parse_url

    parsed = parse_url(url)
    if parsed.kind != "sqlite":
        return f"mysql://{parsed.host}:{parsed.port}/{parsed.database}"
    if parsed.path == ":memory:":
        return "sqlite::memory:"
    path = os.path.abspath(parsed.path)
    try:
        path = os.path.relpath(path, os.path.abspath(folder))
    except ValueError:          # another drive (Windows): keep it absolute
        pass
    return "sqlite:" + Path(path).as_posix()


def _same(recorded: str, current: str, folder) -> bool:
    if recorded == current:
        return True
    if recorded.startswith("sqlite:") and current.startswith("sqlite:"):
        a, b = (os.path.normcase(os.path.abspath(os.path.join(folder, x[len("sqlite:"):])))
                for x in (recorded, current))
        return a == b
    return False


def recorded(gallery_path) -> str | None:
    """The database recorded for this gallery, or None (none recorded, or unreadable)."""
    path = record_path(gallery_path)
    try:
        value = json.loads(path.read_text(encoding="utf-8")).get("database")
    except FileNotFoundError:
        return None
    except (OSError, ValueError, AttributeError) as exc:
        log.warning("ignoring %s: %s", path, exc)
        return None
    return value if isinstance(value, str) and value else None


def record(gallery_path, url: str) -> None:
    """Write the database of ``url`` as the owner of this gallery's faces (atomic)."""
    path = record_path(gallery_path)
    text = json.dumps({"database": identity(url, path.parent)}, ensure_ascii=False) + "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".database-", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def other_database(gallery_path, faces: int, url: str) -> str | None:
    """The database this gallery's faces belong to when it is not ``url``'s, else None.

    A gallery with faces and no record yet (made before records existed) is adopted by ``url``:
    the desk has been using them together so far.
    """
    if faces <= 0:
        return None
    from backend.errors import BackendError

    folder = record_path(gallery_path).parent
    try:
        current = identity(url, folder)
    except BackendError:        # an invalid URL: the backend says what is wrong with it
        return None
    owner = recorded(gallery_path)
    if owner is None:
        try:
            record(gallery_path, url)
        except OSError as exc:
            log.warning("cannot record the gallery's database: %s", exc)
        return None
    return None if _same(owner, current, folder) else owner
