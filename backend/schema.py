"""Schema bootstrap from the files in sql/: the files are the source of truth.

``sql/<kind>/NNN_description.sql`` is schema version NNN. A database without a
``schema_version`` table gets every file in order; an older one gets the files above its
version; a newer one is refused (this app would not understand it).
"""
from __future__ import annotations

import dataclasses
import logging
import re
from pathlib import Path

from backend.errors import SchemaError

log = logging.getLogger(__name__)

SQL_DIR = Path(__file__).resolve().parents[1] / "sql"
_FILE = re.compile(r"^(\d{3,})_(\w+)\.sql$")
_LOCK_NAME = "face_attendance_schema"


@dataclasses.dataclass(frozen=True)
class Migration:
    version: int
    description: str
    path: Path


def migrations(kind: str, sql_dir: Path = SQL_DIR) -> list[Migration]:
    folder = Path(sql_dir) / kind
    found = []
    for path in folder.glob("*.sql"):
        m = _FILE.match(path.name)
        if m:
            found.append(Migration(int(m.group(1)), m.group(2).replace("_", " "), path))
    found.sort(key=lambda mig: mig.version)
    versions = [mig.version for mig in found]
    if not found:
        raise SchemaError(f"no schema files (NNN_name.sql) in {folder}")
    if len(set(versions)) != len(versions):
        raise SchemaError(f"two schema files with the same version number in {folder}")
    return found


def latest_version(kind: str, sql_dir: Path = SQL_DIR) -> int:
    return migrations(kind, sql_dir)[-1].version


def split_statements(text: str) -> list[str]:
    """Split an SQL script at ``;`` outside quotes and comments; comments are dropped."""
    statements, current = [], []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c in "'\"`":
            j = i + 1
            while j < n:
                if text[j] == "\\" and c != "`":
                    j += 2
                    continue
                if text[j] == c:
                    if j + 1 < n and text[j + 1] == c:   # doubled quote inside the literal
                        j += 2
                        continue
                    break
                j += 1
            current.append(text[i:j + 1])
            i = j + 1
        elif text.startswith("--", i) and (i + 2 >= n or text[i + 2] in " \t\r\n"):
            j = text.find("\n", i)
            i = n if j == -1 else j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            i = n if j == -1 else j + 2
            current.append(" ")
        elif c == ";":
            statements.append("".join(current).strip())
            current = []
            i += 1
        else:
            current.append(c)
            i += 1
    statements.append("".join(current).strip())
    return [s for s in statements if s]


def _tables(cur, kind: str) -> set[str]:
    if kind == "mysql":
        cur.execute("SHOW TABLES")
    else:
        cur.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    return {str(row[0]).lower() for row in cur.fetchall()}


def current_version(cur, kind: str) -> int:
    """Version of the schema in the database: 0 if it has none; SchemaError if it is foreign."""
    tables = _tables(cur, kind)
    if "schema_version" in tables:
        cur.execute("SELECT MAX(version) FROM schema_version")
        row = cur.fetchone()
        return int(row[0] or 0)
    clash = tables & {"people", "attendance"}
    if clash:
        raise SchemaError(f"the database has table(s) {', '.join(sorted(clash))} but no schema_version "
                          "table: it was not created by this app; use an empty database")
    return 0


def ensure_schema(conn, kind: str, sql_dir: Path = SQL_DIR) -> int:
    """Create or upgrade the schema on a raw driver connection; returns the version now in place."""
    files = migrations(kind, sql_dir)
    latest = files[-1].version
    cur = conn.cursor()
    locked = False
    try:
        if kind == "mysql":   # two desks starting at once must not both create the schema
            cur.execute(f"SELECT GET_LOCK('{_LOCK_NAME}', 30)")
            locked = cur.fetchone()[0] == 1
            if not locked:
                raise SchemaError("timed out waiting for another client to finish the schema upgrade")
        version = current_version(cur, kind)
        if version > latest:
            raise SchemaError(f"the database has schema version {version}, newer than this app "
                              f"understands ({latest}); update the app")
        for mig in files:
            if mig.version <= version:
                continue
            log.info("applying schema %s (%s) to the %s database", mig.version, mig.description, kind)
            statements = split_statements(mig.path.read_text(encoding="utf-8"))
            try:
                if kind == "sqlite":
                    cur.execute("BEGIN")
                for statement in statements:
                    cur.execute(statement)
                cur.execute("INSERT INTO schema_version (version, description) VALUES "
                            + ("(%s, %s)" if kind == "mysql" else "(?, ?)"),
                            (mig.version, mig.description))
                conn.commit()
            except SchemaError:
                raise
            except Exception as exc:
                try:
                    conn.rollback()
                except Exception:
                    pass
                raise SchemaError(f"applying {mig.path.parent.name}/{mig.path.name} failed: "
                                  f"{exc.args[-1] if exc.args else exc}") from exc
            version = mig.version
        return version
    finally:
        if locked:
            try:
                cur.execute(f"SELECT RELEASE_LOCK('{_LOCK_NAME}')")
                cur.fetchall()
            except Exception:
                pass
        try:
            conn.commit()
        except Exception:
            pass
        cur.close()
