"""The desk layer's actions have no Qt: a command or a bench can use them without a window."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
ACTIONS = sorted(p.stem for p in (REPO / "desk").glob("*_actions.py"))


def test_the_actions_import_no_qt():
    assert {"people_actions", "schedule_actions", "leave_actions", "report_actions"} <= set(ACTIONS)
    code = "; ".join([*(f"import desk.{name}" for name in ACTIONS),
                      "import sys", "print(sorted(m for m in sys.modules if m.startswith('PyQt5')))"])
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, check=True, capture_output=True, text=True)
    assert out.stdout.strip() == "[]"
