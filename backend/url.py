"""The database URL of the config: ``sqlite:///data/attendance.db`` (default) or ``mysql://user@host:3306/db``.

The MySQL password comes, in this order, from the ``password`` argument (e.g. the untracked
data/config.toml), the environment variable ``FACE_DB_PASSWORD``, or the URL itself
(``mysql://user:secret@host/db``, discouraged; any character may follow the ``:``, ``/ ? # @``
included). It is never shown in messages or logs: they use :func:`redact`, which does not need the
URL to parse.
"""
from __future__ import annotations

import dataclasses
import os
import re
from urllib.parse import unquote, urlsplit

from backend.errors import BackendError

#: the SQLite database's file name; a desk's default URL is this file in its data folder (desk.settings)
DATABASE_FILE = "attendance.db"
#: the example (relative to the working directory) messages give
DEFAULT_URL = f"sqlite:///data/{DATABASE_FILE}"
PASSWORD_ENV = "FACE_DB_PASSWORD"
_MYSQL_SCHEMES = ("mysql", "mysql+pymysql", "mariadb")
_SCHEME = re.compile(r"(?:([A-Za-z][A-Za-z0-9+.-]*):)?(/{0,2})(.*)", re.DOTALL)


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
    """Parse a database URL; raises :class:`BackendError` saying what is wrong.

    A MySQL password may hold any character, ``/ ? # @ :`` and spaces included: the user
    information ends at the last ``@`` and the password at nothing but that ``@`` (percent
    escapes such as ``%40`` are decoded, as in any URL). Messages show :func:`redact`'s form.
    """
    if not isinstance(url, str) or not url.strip():
        raise BackendError(f"database URL is empty; use e.g. {DEFAULT_URL} or mysql://user@host:3306/db")
    url = url.strip()
    scheme, slashes, rest = _SCHEME.match(url).groups()
    scheme = scheme.lower() if scheme else ""
    if scheme == "sqlite":
        return _parse_sqlite(url)
    if scheme not in _MYSQL_SCHEMES:
        raise BackendError(f"unsupported database URL {redact(url)!r}: "
                           "it must start with sqlite:/// or mysql://")
    if slashes != "//":
        raise BackendError(f"invalid MySQL URL {redact(url)!r}: use mysql://user@host:3306/db")
    userinfo, at, hostpart = rest.rpartition("@")
    user, colon, password = userinfo.partition(":")
    if not at or not user:
        raise BackendError(f"invalid MySQL URL {redact(url)!r}: no user; use mysql://user@host:3306/db")
    try:
        parts = urlsplit("//" + hostpart)
        port = parts.port
    except ValueError as exc:
        raise BackendError(f"invalid MySQL URL {redact(url)!r}: {exc}") from None
    if parts.query or parts.fragment:
        raise BackendError(f"invalid MySQL URL {redact(url)!r}: options after '?' or '#' are not supported")
    if not parts.hostname:
        raise BackendError(f"invalid MySQL URL {redact(url)!r}: no host; use mysql://user@host:3306/db")
    database = unquote(parts.path.lstrip("/"))
    if not database or "/" in database:
        raise BackendError(f"invalid MySQL URL {redact(url)!r}: give one database name after the host, "
                           "e.g. mysql://user@host:3306/face_attendance")
    return DatabaseURL("mysql", user=unquote(user), password=unquote(password) if colon else None,
                       host=parts.hostname, port=port or 3306, database=database)


def _parse_sqlite(url: str) -> DatabaseURL:
    try:
        parts = urlsplit(url)
    except ValueError as exc:
        raise BackendError(f"invalid SQLite URL {redact(url)!r}: {exc}") from None
    if parts.netloc or parts.query or parts.fragment:
        raise BackendError(f"invalid SQLite URL {redact(url)!r}: use three slashes and no options, e.g. "
                           f"{DEFAULT_URL} (relative to the working directory) or sqlite:////abs/path.db")
    path = unquote(parts.path[1:] if parts.path.startswith("/") else parts.path)
    if not path:
        raise BackendError(f"invalid SQLite URL {redact(url)!r}: no file path")
    return DatabaseURL("sqlite", path=path)


def resolve_password(url: DatabaseURL, password: str | None = None) -> str:
    """The password to log in with: argument, then $FACE_DB_PASSWORD, then the URL, else empty."""
    if password is not None:
        return password
    env = os.environ.get(PASSWORD_ENV)
    if env is not None:
        return env
    return url.password or ""


def redact(url: str) -> str:
    """``url`` with its password replaced by ``***``, for messages and logs.

    Pure text work, so it holds for URLs that do not parse: everything between the first ``:``
    of the user information and the last ``@`` goes (too much rather than too little when the
    text is odd, e.g. an ``@`` in the database name).
    """
    url = str(url)
    start = url.find("://")
    start = 0 if start == -1 else start + 3
    userinfo, at, host = url[start:].rpartition("@")
    user, colon, _ = userinfo.partition(":")
    if not at or not colon:
        return url
    return f"{url[:start]}{user}:***@{host}"
