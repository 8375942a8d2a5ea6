"""docs/architecture.md's dependency rules, checked on the code: every import (also those inside a
function, which run later but are a dependency all the same) of every module in recognition/,
backend/, desk/ and gui/, read with ast (nothing is imported, so the test needs no TensorFlow or Qt).

The rules (docs/architecture.md, "Dependency rules"):
- recognition -> nothing of ours: no Qt, no SQL, no backend, desk or gui.
- backend -> nothing of ours (sql/ files are read, not imported): no recognition, desk, gui, Qt, TensorFlow.
- desk -> recognition, backend: no gui, no Qt.
- gui -> desk (and the types of backend and recognition): never TensorFlow or a database driver, and
  never the modules that do backend's or recognition's work (they are reached through desk).
- nothing imports gui except main.py, the tests and the benches.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

QT = ("PyQt5", "PyQt6", "PySide2", "PySide6", "sip")
SQL = ("pymysql", "sqlite3", "MySQLdb", "mysql", "sqlalchemy")
TENSORFLOW = ("tensorflow", "keras", "tf_keras")
OURS_ENTRY = ("main", "mainUI")            # the entry point and the generated form belong to the gui side

# package -> (forbidden top-level modules, why)
FORBIDDEN: dict[str, tuple[tuple[str, ...], str]] = {
    "recognition": (("backend", "desk", "gui", *OURS_ENTRY, *QT, *SQL),
                    "recognition imports nothing of ours: no Qt, no SQL, no backend/desk/gui"),
    "backend": (("recognition", "desk", "gui", *OURS_ENTRY, *QT, *TENSORFLOW),
                "backend imports nothing of ours but reads sql/ files: no recognition, desk, gui, Qt or TensorFlow"),
    "desk": (("gui", *OURS_ENTRY, *QT),
             "desk uses recognition and backend and has no Qt: no gui, no PyQt5"),
    "gui": (("main", *TENSORFLOW, *SQL),
            "gui only shows and asks: no TensorFlow, no database driver (it goes through desk)"),
}

# The modules of backend and recognition that do the work (database writes, connections, the face store's
# commands, embedding photos, making samples): gui reaches them through desk's use cases, never directly.
# gui may still import their types and constants (HistoryQuery, ReportQuery, TrackState, validation's
# sizes, the policy's ranges).
GUI_GOES_THROUGH_DESK = {
    "backend.people_service": "people's writes are desk's people actions",
    "backend.db": "connections are desk's wiring",
    "backend.core": "connections are desk's wiring",
    "backend.outbox": "the outbox is desk's wiring",
    "backend.face_cli": "model tools and ModelState are desk's",
    "backend.face_migration": "re-embedding is desk's model tools",
    "backend.face_sync": "face sync is desk's wiring",
    "backend.open_backend": "opening the backend is desk's wiring",
    "backend.test_connection": "testing a database URL is desk's settings",
    "recognition.photos": "reading photos into samples is desk's enrolment",
    "recognition.samples.stream_sample": "the recognition-sample -> store-sample translation is desk's enrolment",
    "recognition.recognizer": "loading the recognizer is desk's wiring",
}

# Known, named exceptions: (gui module, work module) -> why it is still there. Keep this short; an entry goes
# when its import does (test_known_exceptions_are_still_needed says when). Written against the desk layer's
# two branches as they stood on 2026-12-07 (desk25: settings, wiring, check-ins, model tools; tabs25: people
# and schedule actions); the coordinator removes what the merge moved into desk/.
KNOWN_EXCEPTIONS: dict[tuple[str, str], str] = {
}

# Outside the four packages: who may import gui.
MAY_IMPORT_GUI = ("main.py", "mainUI.py", "tests/", "bench/", "gui/",
                  "docs/screenshots/take.py")   # remakes the screenshots by driving the window, like a test


def _module_name(path: Path, root: Path = ROOT) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def imports_of(path: Path, root: Path = ROOT) -> list[tuple[int, str]]:
    """(line, dotted module) for every import in the file; ``from X import Y`` gives ``X.Y`` too, so a
    rule can name a submodule (``from backend import people_service``) or a package-level name."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    module = _module_name(path, root)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:                              # relative: from . import x, from ..y import z
                base = package.split(".") if package else []
                base = base[:len(base) - (node.level - 1)] if node.level > 1 else base
                source = ".".join([*base, *([node.module] if node.module else [])])
            else:
                source = node.module or ""
            if node.module:
                found.append((node.lineno, source))
            found += [(node.lineno, f"{source}.{alias.name}") for alias in node.names if alias.name != "*"]
    return found


def _python_files(folder: str, root: Path = ROOT) -> list[Path]:
    return sorted(p for p in (root / folder).rglob("*.py") if "__pycache__" not in p.parts)


def _under(name: str, prefix: str) -> bool:
    return name == prefix or name.startswith(prefix + ".")


def violations(package: str, root: Path = ROOT) -> list[str]:
    forbidden, why = FORBIDDEN[package]
    found: dict[tuple[str, int], str] = {}             # one message per import statement
    for path in _python_files(package, root):
        module = _module_name(path, root)
        for line, name in imports_of(path, root):
            where = f"{path.relative_to(root)}:{line} ({module}) imports {name}"
            if (module, line) in found:
                continue
            if any(_under(name, top) for top in forbidden):
                found[module, line] = f"{where}: {why}"
            elif package == "gui":
                for work, reason in GUI_GOES_THROUGH_DESK.items():
                    if _under(name, work) and (module, work) not in KNOWN_EXCEPTIONS:
                        found[module, line] = f"{where}: gui reaches {work} through desk ({reason})"
                        break
    return list(found.values())


@pytest.mark.parametrize("package", list(FORBIDDEN))
def test_dependency_rules(package):
    # desk/ is new (issue 25): before it is merged there is nothing of it to check; the other three
    # packages must exist
    assert (ROOT / package).is_dir() or package == "desk", f"{package}/ is missing"
    found = sorted(set(violations(package)))
    assert not found, (f"{len(found)} import(s) break docs/architecture.md's rules for {package}/:\n  "
                       + "\n  ".join(found))


def test_known_exceptions_are_still_needed():
    stale = []
    for (module, work), why in KNOWN_EXCEPTIONS.items():
        path = ROOT / (module.replace(".", "/") + ".py")
        if not path.is_file() or not any(_under(name, work) for _, name in imports_of(path)):
            stale.append(f"{module} no longer imports {work} ({why}): remove it from KNOWN_EXCEPTIONS")
    assert not stale, "\n  ".join(["stale exceptions in tests/test_architecture.py:", *stale])


def test_nothing_imports_gui_but_main_tests_and_benches():
    found = []
    for path in sorted(ROOT.rglob("*.py")):
        relative = path.relative_to(ROOT).as_posix()
        if relative.startswith((".", "data/")) or "/." in relative or "site-packages" in relative:
            continue
        if relative.startswith(MAY_IMPORT_GUI):
            continue
        for line, name in imports_of(path):
            if _under(name, "gui"):
                found.append(f"{relative}:{line} imports {name}")
    assert not found, ("only main.py, tests and benches import gui (docs/architecture.md):\n  "
                       + "\n  ".join(sorted(set(found))))


def test_the_checker_sees_relative_and_late_imports(tmp_path):
    """The parser itself: a relative import and one inside a function are both found."""
    package = tmp_path / "recognition"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "late.py").write_text("from . import gallery\n\ndef f():\n    from backend import db\n")
    names = [name for _, name in imports_of(package / "late.py", tmp_path)]
    assert "recognition.gallery" in names and "backend.db" in names
    assert [v.split(":")[0] for v in violations("recognition", tmp_path)] == ["recognition/late.py"]
