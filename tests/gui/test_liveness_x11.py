"""The liveness desk test (test_liveness_desk.py) on a real X server: Xvfb with Qt's xcb platform, where the
prompt is drawn on the face of a real window (the other GUI tests run offscreen). Its own pytest process, as
the QApplication of this one is offscreen already. The challenge test alone keeps it short."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from test_main_x11 import x_display  # noqa: F401  (the fixture)

HERE = Path(__file__).resolve().parent


def test_the_turn_prompt_on_x11(x_display, tmp_path):  # noqa: F811
    env = dict(os.environ, DISPLAY=x_display, QT_QPA_PLATFORM="xcb", QT_XCB_GL_INTEGRATION="none")
    run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider",
                          str(HERE / "test_liveness_desk.py"), "-k", "live_head_turns", "--basetemp",
                          str(tmp_path / "t")], cwd=HERE.parents[1], env=env, capture_output=True, text=True,
                         timeout=600)
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
    assert "1 passed" in run.stdout
