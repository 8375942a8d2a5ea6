"""The database URL of the config: ``sqlite:///data/attendance.db`` (default) or ``mysql://user@host:3306/db``.

The MySQL password comes, in this order, from the ``password`` argument (e.g. the untracked
data/config.toml), the environment variable ``FACE_DB_PASSWORD``, or the URL itself
(``mysql://user:secret@host/db``, discouraged). It is never shown in messages.
"""
from __future__ import annotations

import dataclasses
import os
from urllib.parse import unquote, urlsplit

from backend.errors import BackendError

DEFAULT_URL = "sqlite:///data/attendance.db"
PASSWORD_ENV = "FACE_DB_PASSWORD"
_MYSQL_SCHEMES = ("mysql", "mysql+pymysql", "mariadb")


@dataclasses.dataclass(frozen=True)
class DatabaseURL:
    kind: str                 # "sqlite" or "mysql"
    path: str = ""            # sqlite: file path (relative to the CWD) or ":memory:"
    user: str = ""
    password: str | None = dataclasses.field(default=None, repr=False)
    host: str = ""
    port: int = 3306
    database: str = ""

    def redacted(self) -> str:
        """The URL without the password, for messages and logs."""
        if self.kind == "sqlite":
            return f"sqlite:///{self.path}"
        return f"mysql://{self.user}@{self.host}:{self.port}/{self.database}"

    @property
    def target(self) -> str:
        """Identity of the server database (the outbox keeps events per target)."""
        return f"{self.host}:{self.port}/{self.database}" if self.kind == "mysql" else self.path


def parse_url(url: str) -> DatabaseURL:
    """Parse a database URL; raises :class:`BackendError` saying what is wrong."""
    if not isinstance(url, str) or not url.strip():
        raise BackendError(f"database URL is empty; use e.g. {DEFAULT_URL} or mysql://user@host:3306/db")
    url = url.strip()
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise BackendError(f"invalid database URL {_safe(url)!r}: {exc}") from None
    scheme = parts.scheme.lower()
    if parts.query or parts.fragment:
        raise BackendError(f"invalid database URL {_safe(url)!r}: options after '?' or '#' are not supported")
    if scheme == "sqlite":
        if parts.netloc:
            raise BackendError(f"invalid SQLite URL {url!r}: use three slashes, e.g. {DEFAULT_URL} "
                               "(relative to the working directory) or sqlite:////abs/path.db")
        path = unquote(parts.path[1:] if parts.path.startswith("/") else parts.path)
        if not path:
            raise BackendError(f"invalid SQLite URL {url!r}: no file path")
        return DatabaseURL("sqlite", path=path)
    if scheme in _MYSQL_SCHEMES:
        if not parts.hostname:
            raise BackendError(f"invalid MySQL URL {_safe(url)!r}: no host; use mysql://user@host:3306/db")
        if not parts.username:
            raise BackendError(f"invalid MySQL URL {_safe(url)!r}: no user; use mysql://user@host:3306/db")
        database = unquote(parts.path.lstrip("/"))
        if not database or "/" in database:
            raise BackendError(f"invalid MySQL URL {_safe(url)!r}: give one database name after the host, "
                               "e.g. mysql://user@host:3306/face_attendance")
        return DatabaseURL("mysql", user=unquote(parts.username),
                           password=unquote(parts.password) if parts.password is not None else None,
                           host=parts.hostname, port=port or 3306, database=database)
    raise BackendError(f"unsupported database URL {_safe(url)!r}: it must start with sqlite:/// or mysql://")


def resolve_password(url: DatabaseURL, password: str | None = None) -> str:
    """The password to log in with: argument, then $FACE_DB_PASSWORD, then the URL, else empty."""
    if password is not None:
        return password
    env = os.environ.get(PASSWORD_ENV)
    if env is not None:
        return env
    return url.password or ""


def _safe(url: str) -> str:
    """The URL with any password replaced, for error messages."""
    try:
        parts = urlsplit(url)
        if parts.password is not None:
            netloc = parts.netloc.replace(":" + parts.password + "@", ":***@", 1)
            return parts._replace(netloc=netloc).geturl()
    except ValueError:
        at = url.rfind("@")
        if at != -1:
            return url.split("//", 1)[0] + "//***" + url[at:]
    return url
