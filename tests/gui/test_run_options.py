"""Options of one run (main.py --db-url, --source, FACE_DB_URL) as the Settings tab shows them: where the
database URL comes from, never its password, and the camera source actually in use."""
from __future__ import annotations

import tomllib

import cv2
import numpy as np
import pytest
from PyQt5.QtCore import Qt

PASSWORD = "Pa/ss?#1"


@pytest.fixture
def run_window(qtbot, recognizer, tmp_path, open_test_backend, monkeypatch):
    """The window main.py builds from its command line (argv after the program name)."""
    import main
    from gui.main_window import MainWindow
    from recognition.gallery import Gallery

    monkeypatch.delenv("FACE_DB_URL", raising=False)
    windows = []

    def make(argv):
        args = main.parse_args(["--data-dir", str(tmp_path / "data"), *argv])
        config = main.load_config(args, tmp_path / "data")
        gallery = Gallery.open(tmp_path / "faces.h5", recognizer.spec.fingerprint, recognizer.spec.name)
        window = MainWindow(config, recognizer, gallery, open_backend=open_test_backend, source=args.source)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitUntil(lambda: window.client.last_status is not None, timeout=20000)
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.close()


def test_settings_say_the_database_url_came_from_the_command_line_without_its_password(
        run_window, mysql_database, monkeypatch, tmp_path):
    monkeypatch.setenv("FACE_DB_URL", f"sqlite:///{tmp_path / 'from-env.db'}")
    url = f"mysql://root:{PASSWORD}@127.0.0.1:3306/{mysql_database}"
    window = run_window(["--db-url", url])
    note = window.settingsMessage.text()
    assert "--db-url" in note and "command line" in note
    assert f"mysql://root:***@127.0.0.1:3306/{mysql_database}" in note
    assert "FACE_DB_URL" not in note
    shown = [note, window.status.dbLabel.text(), window.status.dbLabel.toolTip(), window.settingsDbUrl.text()]
    assert not any(PASSWORD in text or "Pa/ss" in text for text in shown), shown
    assert window.config.database_url == url             # the option wins over the environment variable


def test_settings_say_the_database_url_came_from_FACE_DB_URL_without_its_password(
        run_window, mysql_database, monkeypatch):
    url = f"mysql://root:{PASSWORD}@127.0.0.1:3306/{mysql_database}"
    monkeypatch.setenv("FACE_DB_URL", url)
    window = run_window([])
    note = window.settingsMessage.text()
    assert "FACE_DB_URL" in note and "--db-url" not in note
    assert f"mysql://root:***@127.0.0.1:3306/{mysql_database}" in note and "Pa/ss" not in note


def write_clip(path, frames: int = 8) -> None:
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"MJPG"), 8, (320, 240))
    for i in range(frames):
        writer.write(np.full((240, 320, 3), 60 + 10 * i, np.uint8))
    writer.release()


def test_settings_show_the_camera_source_in_use(qtbot, run_window, tmp_path):
    clip = tmp_path / "clip 视频.avi"
    write_clip(clip)
    window = run_window(["--source", str(clip), "--loop"])
    with qtbot.waitSignal(window.camera.stateChanged, timeout=30000, check_params_cb=lambda s, _d: s == "running"):
        window.camera.start()
    assert window.config.camera_source == "0"            # the saved setting
    assert window.settingsSource.currentText() == str(clip)
    note = window.settingsMessage.text()
    assert "--source" in note and "0" in note

    # saving another setting keeps the saved camera (the option is for this run only) and the video
    window.settingsCooldown.setValue(7)
    with qtbot.waitSignal(window.settings_tab.applied, timeout=5000) as applied:
        qtbot.mouseClick(window.settingsSave, Qt.LeftButton)
    assert applied.args[1] == {"cooldown"}
    assert tomllib.loads(window.config.path.read_text(encoding="utf-8"))["camera"]["source"] == "0"
    assert window.camera.source == str(clip) and window.settingsSource.currentText() == str(clip)

    # choosing the saved camera explicitly switches to it, although the saved value does not change
    window.settingsSource.setCurrentText("0")
    with qtbot.waitSignal(window.settings_tab.applied, timeout=5000) as applied:
        qtbot.mouseClick(window.settingsSave, Qt.LeftButton)
    assert "camera_source" in applied.args[1]
    assert window.camera.source == "0" and window.settingsSource.currentText() == "0"
    assert "--source" not in window.settingsMessage.text()
    window.camera.stop()
