"""main.py as a user runs it: another working folder, FACE_DATA_DIR, a video replayed with --loop, Ctrl+C."""
from __future__ import annotations

import os
import subprocess
import sys

import cv2
import numpy as np
from main_process import REPO, close_like_a_user, count, start_main, wait_for_log


def write_clip(path, frames: int = 8, fps: int = 8) -> None:
    """A one-second grey clip: --loop must replay it."""
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"MJPG"), fps, (320, 240))
    for i in range(frames):
        writer.write(np.full((240, 320, 3), 60 + 10 * i, np.uint8))
    writer.release()


def test_main_uses_FACE_DATA_DIR_from_any_folder_loops_a_video_and_closes_cleanly(tmp_path, model_dir):
    data_dir, elsewhere = tmp_path / "数据 folder", tmp_path / "elsewhere"
    elsewhere.mkdir()
    clip = tmp_path / "clip.avi"
    write_clip(clip)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", FACE_DATA_DIR=str(data_dir))
    log = data_dir / "logs" / "attendance.log"
    proc = start_main(["--source", clip, "--model-dir", model_dir, "--loop"], cwd=elsewhere, env=env)
    try:
        # the camera state "running" is logged each time the clip starts again
        wait_for_log(proc, log, lambda text: count(f"camera {clip}: running", text) >= 3, timeout=120)
        output = close_like_a_user(proc)                 # Ctrl+C in the terminal
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 0, output[-3000:]
    text = log.read_text(encoding="utf-8")
    assert "closed in" in text and "Traceback" not in text + output
    assert f"camera {clip}: ended" not in text
    assert f"data folder {data_dir}" in text
    assert (data_dir / "attendance.db").is_file()                  # the embedded SQLite default, in the data folder
    assert not (data_dir / "config.toml").exists()                 # defaults are not written out
    assert list(elsewhere.iterdir()) == []                         # nothing in the working folder


def test_version_and_an_unwritable_data_folder(tmp_path):
    version = subprocess.run([sys.executable, str(REPO / "main.py"), "--version"], capture_output=True, text=True,
                             cwd=tmp_path, timeout=60)
    assert version.returncode == 0 and version.stdout.startswith("face-attendance ")
    a_file = tmp_path / "not a folder"
    a_file.write_text("x", encoding="utf-8")
    run = subprocess.run([sys.executable, str(REPO / "main.py"), "--data-dir", str(a_file)], capture_output=True,
                         text=True, cwd=tmp_path, timeout=60, env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    assert run.returncode == 2
    assert "cannot write the log folder" in run.stderr and "Traceback" not in run.stderr


def test_a_signal_closes_the_window_from_the_event_loop_not_inside_what_was_running(qtbot, make_window,
                                                                                  sqlite_url):
    """Python runs signal handlers between any two bytecodes: a close run right there (inside a paint
    event, under X11) cleared the frame being painted. The handler only queues the close."""
    import signal

    import main

    window = make_window(sqlite_url, source="9")
    saved = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        main.close_on_signals(window)
        for signum in (signal.SIGTERM, signal.SIGINT):
            signal.raise_signal(signum)                   # the handler runs before the next line
            assert window.isVisible()
        qtbot.waitUntil(lambda: not window.isVisible(), timeout=5000)
    finally:
        for signum, handler in saved.items():
            signal.signal(signum, handler)
