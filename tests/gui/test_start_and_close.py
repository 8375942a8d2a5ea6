"""A visible start and a close that asks (issue 26): the start screen is on screen before the face model
loads (it was 0x0 pixels: nothing showed for 12-21 s), and the operator's close asks while the camera runs
(attendance stopped silently)."""
from __future__ import annotations

import datetime as dt
import os
import re

from main_process import start_main, wait_for_log
from PyQt5.QtWidgets import QMessageBox
from test_main_x11 import x_display  # noqa: F401  (the fixture)


def answer_close_question(window, choose, seen):
    def answer(box):
        seen.append(box.text())
        choose(box).click()
    window.closeAsked.connect(answer)
    return answer


def test_closing_while_the_camera_runs_asks_and_cancel_keeps_it_running(qtbot, make_window, sqlite_url, test_video):
    window = make_window(sqlite_url, source=test_video.path)
    window.camera.loop = True
    with qtbot.waitSignal(window.camera.stateChanged, timeout=30000, check_params_cb=lambda s, _d: s == "running"):
        window.camera.start()
    with qtbot.waitSignal(window.live.resultReceived, timeout=60000):   # past the first, tracing recognition
        pass
    seen = []
    answer = answer_close_question(window, lambda box: box.button(QMessageBox.Cancel), seen)
    assert window.windowHandle().close() is False          # the title bar's close: a spontaneous event
    assert seen and "nobody is checked in" in seen[0]
    assert window.isVisible() and window.camera.session is not None and window.camera.session.is_running()
    frames = window.camera.session.camera.frames_read
    qtbot.waitUntil(lambda: window.camera.session.camera.frames_read > frames + 5, timeout=10000)   # still reading

    window.closeAsked.disconnect(answer)
    answer_close_question(window, lambda box: next(b for b in box.buttons() if b.text() == "Stop and close"), seen)
    session = window.camera.session
    window.windowHandle().close()
    assert len(seen) == 2 and not window.isVisible()
    assert not session.camera.isRunning() and not session.recognition.isRunning()


def test_closing_with_the_camera_off_does_not_ask(qtbot, make_window, sqlite_url):
    window = make_window(sqlite_url, source="9")
    seen = []
    window.closeAsked.connect(lambda box: (seen.append(box.text()), box.reject()))
    window.windowHandle().close()
    assert not window.isVisible() and seen == []


def test_the_start_screen_is_on_screen_before_the_model_loads(tmp_path, x_display, model_dir):  # noqa: F811
    """Under a real X server: the start screen is mapped and exposed, then the model starts loading."""
    data_dir = tmp_path / "desk"
    data_dir.mkdir()
    (data_dir / "config.toml").write_text(f'[recognition]\nmodel_dir = "{model_dir.as_posix()}"\n', encoding="utf-8")
    env = dict(os.environ, DISPLAY=x_display, QT_QPA_PLATFORM="xcb")
    log_path = data_dir / "logs" / "attendance.log"
    launched = dt.datetime.now()
    proc = start_main(["--source", "9", "--data-dir", data_dir], cwd=tmp_path, env=env)
    try:
        text = wait_for_log(proc, log_path, lambda t: "loading the face model" in t, timeout=120)
    finally:
        proc.kill()
        proc.wait()
    lines = text.splitlines()
    started = next(i for i, line in enumerate(lines) if "face-attendance " in line)
    shown = next(i for i, line in enumerate(lines) if "start screen shown" in line)
    loading = next(i for i, line in enumerate(lines) if "loading the face model" in line)
    assert started < shown < loading and "start screen shown (on screen)" in lines[shown]
    when = [dt.datetime.strptime(re.match(r"\S+ \S+", lines[i]).group(0), "%Y-%m-%d %H:%M:%S,%f")
            for i in (started, shown)]
    print(f"start screen on screen {1000 * (when[1] - launched).total_seconds():.0f} ms after launch "
          f"({1000 * (when[1] - when[0]).total_seconds():.0f} ms after the first log line)")
