"""pyproject.toml and the requirements files agree, and the tests run on what they declare."""
from __future__ import annotations

import importlib.metadata
import platform
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.utils import canonicalize_name

REPO = Path(__file__).resolve().parents[1]
PROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def requirements_file(name: str) -> list[str]:
    lines = []
    for line in (REPO / name).read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line and not line.startswith("-r "):
            lines.append(line)
    return lines


def normalized(requirements) -> dict[str, str]:
    parsed = [Requirement(r) for r in requirements]
    return {canonicalize_name(r.name): str(r.specifier) for r in parsed}


def test_requirements_files_match_pyproject():
    assert normalized(requirements_file("requirements.txt")) == normalized(PROJECT["dependencies"])
    assert normalized(requirements_file("requirements-dev.txt")) == normalized(PROJECT["optional-dependencies"]["dev"])
    assert (REPO / "requirements-dev.txt").read_text(encoding="utf-8").count("-r requirements.txt") == 1


def test_the_tests_run_on_the_declared_versions():
    """Every declared dependency is installed here inside its range: the app's PyQt5 is the tests' PyQt5."""
    outside = {}
    for requirement in map(Requirement, PROJECT["dependencies"] + PROJECT["optional-dependencies"]["dev"]):
        version = importlib.metadata.version(requirement.name)
        if not requirement.specifier.contains(version, prereleases=True):
            outside[requirement.name] = f"{version} not in {requirement.specifier}"
    assert not outside, outside
    assert SpecifierSet(PROJECT["requires-python"]).contains(platform.python_version())


def test_nothing_pins_another_pyqt5():
    names = {canonicalize_name(Requirement(r).name) for r in PROJECT["dependencies"]
             + PROJECT["optional-dependencies"]["dev"]}
    assert "pyqt5-tools" not in names and "pyqt5-plugins" not in names
    assert normalized(PROJECT["dependencies"])["pyqt5"].startswith("==")


def test_version_comes_from_main():
    import main

    assert PROJECT["dynamic"] == ["version"]
    assert tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["dynamic"][
        "version"] == {"attr": "main.__version__"}
    assert main.__version__.count(".") == 2
