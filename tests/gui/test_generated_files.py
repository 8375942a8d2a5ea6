"""Generated files are up to date with their sources: mainUI.py (pyuic5) and the translations."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
I18N = REPO / "gui" / "i18n"


def lrelease() -> str:
    """Qt 5's lrelease from the system (Debian: qttools5-dev-tools, which .ci/run installs): pyqt5-tools,
    which shipped one, pins another PyQt5 than the app's."""
    for candidate in ("/usr/lib/qt5/bin/lrelease", shutil.which("lrelease-qt5"), shutil.which("lrelease")):
        if candidate and Path(candidate).is_file():
            return candidate
    pytest.fail("Qt's lrelease is required: apt-get install qttools5-dev-tools (.ci/run installs it)")


def test_mainUI_py_is_generated_from_mainUI_ui(tmp_path):
    out = tmp_path / "mainUI.py"
    subprocess.run([sys.executable, "-m", "PyQt5.uic.pyuic", "mainUI.ui", "-o", str(out)], cwd=REPO, check=True)
    assert without_generator_version(out) == without_generator_version(REPO / "mainUI.py"), \
        "mainUI.py is stale: run  pyuic5 mainUI.ui -o mainUI.py"


def without_generator_version(path: Path) -> str:
    """The file minus pyuic5's "Created by: PyQt5 UI code generator 5.15.x" line (5.15.9 and 5.15.11
    generate the same code)."""
    return re.sub(r"(?m)^# Created by: PyQt5 UI code generator .*$", "", path.read_text(encoding="utf-8"))


def updated_catalogue(tmp_path, name: str) -> ET.Element:
    """gui/i18n/<name>.ts as pylupdate5 would leave it after reading today's sources."""
    ts = tmp_path / f"{name}.ts"
    shutil.copy(I18N / f"{name}.ts", ts)
    sources = ["main.py", "mainUI.py", *sorted(str(p.relative_to(REPO)) for p in (REPO / "gui").glob("*.py"))]
    subprocess.run([sys.executable, "-m", "PyQt5.pylupdate_main", "-noobsolete", *sources, "-ts", str(ts)],
                   cwd=REPO, check=True, capture_output=True)
    return ET.parse(ts).getroot()


def translated(message: ET.Element, forms: int) -> bool:
    """Finished, with text (or ``forms`` plural forms with text, for a %n message)."""
    translation = message.find("translation")
    if translation.get("type") == "unfinished":
        return False
    if message.get("numerus") == "yes":
        texts = [f.text for f in translation.findall("numerusform")]
        return len(texts) == forms and all(texts)
    return bool(translation.text)


def test_every_ui_string_has_a_chinese_translation(tmp_path):
    catalogue = updated_catalogue(tmp_path, "zh_CN")
    untranslated = [m.findtext("source") for m in catalogue.iter("message") if not translated(m, forms=1)]
    assert not untranslated, f"add Chinese for {untranslated} in gui/i18n/zh_CN.ts (see README)"


def test_every_count_has_its_english_singular_and_plural(tmp_path):
    """English is the source language, but "%n people" needs "1 person": en.ts gives the singular and
    plural of every %n message (its other messages stay untranslated: the source text is English)."""
    catalogue = updated_catalogue(tmp_path, "en")
    counts = [m for m in catalogue.iter("message") if m.get("numerus") == "yes"]
    assert counts, "no %n message found: is the catalogue up to date?"
    missing = [m.findtext("source") for m in counts if not translated(m, forms=2)]
    assert not missing, f"add the English singular and plural of {missing} in gui/i18n/en.ts (see README)"


@pytest.mark.parametrize("name", ["zh_CN", "en"])
def test_compiled_qm_matches_the_ts(tmp_path, name):
    qm = tmp_path / f"{name}.qm"
    subprocess.run([lrelease(), str(I18N / f"{name}.ts"), "-qm", str(qm)], check=True, capture_output=True)
    assert qm.read_bytes() == (I18N / f"{name}.qm").read_bytes(), \
        f"gui/i18n/{name}.qm is stale: run  lrelease gui/i18n/{name}.ts -qm gui/i18n/{name}.qm"
