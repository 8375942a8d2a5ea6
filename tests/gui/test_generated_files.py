"""Generated files are up to date with their sources: mainUI.py (pyuic5) and the translations."""
from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
I18N = REPO / "gui" / "i18n"
TOOLS = Path(sys.executable).parent


def test_mainUI_py_is_generated_from_mainUI_ui(tmp_path):
    out = tmp_path / "mainUI.py"
    subprocess.run([sys.executable, "-m", "PyQt5.uic.pyuic", "mainUI.ui", "-o", str(out)], cwd=REPO, check=True)
    assert out.read_text(encoding="utf-8") == (REPO / "mainUI.py").read_text(encoding="utf-8"), \
        "mainUI.py is stale: run  pyuic5 mainUI.ui -o mainUI.py"


def test_every_ui_string_has_a_chinese_translation(tmp_path):
    ts = tmp_path / "zh_CN.ts"
    shutil.copy(I18N / "zh_CN.ts", ts)
    sources = ["main.py", "mainUI.py", *sorted(str(p.relative_to(REPO)) for p in (REPO / "gui").glob("*.py"))]
    subprocess.run([sys.executable, "-m", "PyQt5.pylupdate_main", "-noobsolete", *sources, "-ts", str(ts)],
                   cwd=REPO, check=True, capture_output=True)
    untranslated = [m.findtext("source") for m in ET.parse(ts).getroot().iter("message")
                    if m.find("translation").get("type") == "unfinished" or not m.findtext("translation")]
    assert not untranslated, f"add Chinese for {untranslated} in gui/i18n/zh_CN.ts (see README)"


def test_compiled_qm_matches_the_ts(tmp_path):
    qm = tmp_path / "zh_CN.qm"
    subprocess.run([str(TOOLS / "qt5-tools"), "lrelease", str(I18N / "zh_CN.ts"), "-qm", str(qm)],
                   check=True, capture_output=True)
    assert qm.read_bytes() == (I18N / "zh_CN.qm").read_bytes(), \
        "gui/i18n/zh_CN.qm is stale: run  qt5-tools lrelease gui/i18n/zh_CN.ts -qm gui/i18n/zh_CN.qm"
