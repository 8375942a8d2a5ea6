"""The small ones of issue 26 (item 8, and the long text of item 7): a long camera message keeps the video's
size; a new camera source after a video ended starts; file dialogs reopen where the last file was found;
without a display main.py says so in one line instead of Qt's abort."""
from __future__ import annotations

import os
import subprocess
import sys

import cv2
import numpy as np
from main_process import REPO
from PyQt5.QtCore import Qt
from PyQt5.QtWidgets import QApplication
from test_chinese_first import chinese  # noqa: F401  (the zh_CN catalogue installed for a test)
from test_history_tab import answer_file_dialog


def write_clip(path, frames=6, fps=6):
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"MJPG"), fps, (320, 240))
    for i in range(frames):
        writer.write(np.full((240, 320, 3), 60 + (7 * i) % 150, np.uint8))
    writer.release()


def test_a_long_camera_message_keeps_the_videos_size(qtbot, make_window, sqlite_url, tmp_path):
    window = make_window(sqlite_url, source="9")
    window.resize(1280, 800)
    QApplication.processEvents()
    before = window.videoView.size()
    missing = tmp_path / ("前台录像" * 20 + ".mp4")             # a long file name, not there
    window.camera.set_source(str(missing))
    with qtbot.waitSignal(window.camera.stateChanged, timeout=10000):
        window.camera.start()
    QApplication.processEvents()
    text = window.cameraMessage.text()
    assert missing.name in text and window.cameraMessage.toolTip() == text    # the whole text on hover
    assert window.videoView.size() == before
    assert window.cameraMessage.height() <= window.cameraMessage.fontMetrics().height() + 8     # one line


def test_a_new_camera_source_after_the_video_ended_starts_it(qtbot, make_window, sqlite_url, tmp_path):
    first, second = tmp_path / "first.avi", tmp_path / "second.avi"
    write_clip(first)
    write_clip(second, frames=60)
    window = make_window(sqlite_url, source=first)
    with qtbot.waitSignal(window.camera.stateChanged, timeout=30000, check_params_cb=lambda s, _d: s == "ended"):
        window.camera.start()
    window.tabs.setCurrentWidget(window.tabSettings)
    window.settingsSource.setCurrentText(str(second))
    with qtbot.waitSignal(window.camera.stateChanged, timeout=30000, check_params_cb=lambda s, _d: s == "running"):
        qtbot.mouseClick(window.settingsSave, Qt.LeftButton)
    assert window.camera.source == str(second) and window.camera.session is not None
    assert "second.avi" in window.cameraMessage.text()
    window.camera.stop()

    # the operator's own stop is kept: another source is only remembered
    window.settingsSource.setCurrentText(str(first))
    with qtbot.waitSignal(window.settings_tab.applied, timeout=5000):
        qtbot.mouseClick(window.settingsSave, Qt.LeftButton)
    assert window.camera.session is None and window.camera.state[0] == "stopped"


def test_the_video_file_dialog_opens_where_the_last_video_was_found(qtbot, make_window, sqlite_url, tmp_path,
                                                                    monkeypatch):
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    videos = tmp_path / "录像 videos"
    videos.mkdir()
    write_clip(videos / "gate.avi")
    window = make_window(sqlite_url, source="9")
    window.tabs.setCurrentWidget(window.tabSettings)
    seen = []
    answer_file_dialog(seen, videos / "gate.avi")
    qtbot.mouseClick(window.settingsBrowse, Qt.LeftButton)
    qtbot.waitUntil(lambda: window.settingsSource.currentText() == str(videos / "gate.avi"), timeout=10000)
    answer_file_dialog(seen, None)
    qtbot.mouseClick(window.settingsBrowse, Qt.LeftButton)
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=10000)
    assert seen[0][0] != str(videos) and seen[1][0] == str(videos)


def test_without_a_display_main_says_so_in_one_line(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    for display in (None, ":97"):                          # none set; one where no X server listens
        run_env = dict(env, QT_QPA_PLATFORM="xcb", **({"DISPLAY": display} if display else {}))
        run = subprocess.run([sys.executable, str(REPO / "main.py"), "--data-dir", str(tmp_path / "data")],
                             capture_output=True, text=True, cwd=tmp_path, timeout=120, env=run_env)
        assert run.returncode == 2, (run.returncode, run.stderr[-2000:])
        assert "Reinstalling the application" not in run.stderr and "Traceback" not in run.stderr
        lines = [line for line in run.stderr.splitlines() if line.strip()]
        assert len(lines) == 1 and "display" in lines[0], run.stderr


def test_a_missing_camera_or_video_is_said_in_the_desks_words(qtbot, make_window, sqlite_url, tmp_path,
                                                               chinese):
    """The camera's reason ("cannot open 9", "no such video file: …") is an engineer's detail: on a Chinese
    desk the message under the video is Chinese but for the source's own name (seen on a desk: "摄像头 0
    不可用（cannot open 0）"); with diagnostics on the detail is back."""
    import re

    window = make_window(sqlite_url, source="9", language="zh_CN")
    window.camera.start()
    qtbot.waitUntil(lambda: window.camera.state[0] == "retrying", timeout=20000)
    assert not re.search("[A-Za-z]", window.cameraMessage.text()), window.cameraMessage.text()
    window.apply_diagnostics(True)
    assert "cannot open 9" in window.cameraMessage.text()
    window.apply_diagnostics(False)

    window.camera.stop()
    missing = tmp_path / "前台录像.mp4"
    window.camera.set_source(str(missing))
    window.camera.start()
    qtbot.waitUntil(lambda: window.camera.state[0] == "failed", timeout=10000)
    text = window.cameraMessage.text()
    assert str(missing) in text and not re.search("[A-Za-z]", text.replace(str(missing), "")), text
