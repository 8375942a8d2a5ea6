"""main.py as the README runs it: a fresh folder, no config file, a video source; Ctrl+C closes it."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_main_starts_on_defaults_plays_a_video_and_closes_cleanly(tmp_path, model_dir, test_video):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", TF_CPP_MIN_LOG_LEVEL="2")
    env.pop("FACE_DB_URL", None)
    log = tmp_path / "data" / "logs" / "attendance.log"
    proc = subprocess.Popen([sys.executable, str(REPO / "main.py"), "--source", str(test_video.path),
                             "--model-dir", str(model_dir)],
                            cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and proc.poll() is None:
            if log.exists() and ": running " in log.read_text(encoding="utf-8"):
                break
            time.sleep(0.5)
        assert proc.poll() is None, proc.stdout.read().decode(errors="replace")[-3000:]
        text = log.read_text(encoding="utf-8")
        assert f"camera {test_video.path}: running 640x480" in text
        time.sleep(1)                                   # close while recognition may still be tracing
        proc.send_signal(signal.SIGINT)                 # Ctrl+C in the terminal
        output = proc.communicate(timeout=20)[0].decode(errors="replace")
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0, output[-3000:]
    text = log.read_text(encoding="utf-8")
    assert "closed in" in text and "Traceback" not in text + output
    assert (tmp_path / "data" / "attendance.db").is_file()        # the embedded SQLite default
    assert not (tmp_path / "data" / "config.toml").exists()         # defaults are not written out
