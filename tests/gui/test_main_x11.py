"""main.py on a real X server: Xvfb with Qt's xcb platform (the other GUI tests run offscreen).

Started as README runs it, from another folder, on a data folder (``--data-dir``) where one
person is enrolled; it must open, recognize and check that person in from a video, and close
cleanly (exit 0) when the desktop asks it to. Before the fix it died at start (segfault,
exit 139: Mesa's LLVM loaded by Qt's GL integration, then TensorFlow's) or, with TensorFlow
imported first, at exit ("free(): invalid pointer", exit 134).
"""
from __future__ import annotations

import os
import select
import shutil
import signal
import subprocess
import time

import pytest
from main_process import close_like_a_user, enroll_from_photos, start_main, wait_for_check_in

NUMBER, NAME = "A001", "Colin Powell"


@pytest.fixture
def x_display(tmp_path):
    """A fresh Xvfb server; its display name (":N", a free number chosen by Xvfb)."""
    exe = shutil.which("Xvfb")
    if exe is None:
        pytest.fail("Xvfb is required for the X11 start-up test: apt-get install xvfb (.ci/run installs it)")
    read_fd, write_fd = os.pipe()
    log = open(tmp_path / "xvfb.log", "wb")
    server = subprocess.Popen([exe, "-displayfd", str(write_fd), "-screen", "0", "1280x1024x24", "-nolisten", "tcp"],
                              pass_fds=(write_fd,), stdout=log, stderr=subprocess.STDOUT)
    os.close(write_fd)
    try:
        number = b""
        deadline = time.monotonic() + 30
        while not number.endswith(b"\n") and time.monotonic() < deadline and server.poll() is None:
            if select.select([read_fd], [], [], 0.5)[0]:
                chunk = os.read(read_fd, 16)
                if not chunk:
                    break
                number += chunk
        if not number.strip().isdigit():
            pytest.fail(f"Xvfb did not start: {(tmp_path / 'xvfb.log').read_text(errors='replace')[-2000:]}")
        yield f":{number.decode().strip()}"
    finally:
        os.close(read_fd)
        server.terminate()
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()


def test_main_on_x11_recognizes_checks_in_and_exits_cleanly(tmp_path, x_display, recognizer, model_dir,
                                                            test_video, lfw_image):
    data_dir = tmp_path / "desk data 数据"
    enroll_from_photos(data_dir, recognizer, [lfw_image("Colin_Powell", i) for i in range(13, 17)], NUMBER, NAME)
    # liveness off: the test video is flat photos moved about
    (data_dir / "config.toml").write_text(f'[recognition]\nmodel_dir = "{model_dir.as_posix()}"\nliveness = "off"\n'
                                          '[attendance]\ndesk = "X11 desk"\n', encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"           # a desktop shortcut's working folder
    elsewhere.mkdir()
    env = dict(os.environ, DISPLAY=x_display, QT_QPA_PLATFORM="xcb")
    env.pop("QT_XCB_GL_INTEGRATION", None)       # main.py's own choice is what is tested
    log_path = data_dir / "logs" / "attendance.log"

    proc = start_main(["--source", test_video.path, "--data-dir", data_dir, "--loop"], cwd=elsewhere, env=env)
    try:
        wait_for_check_in(proc, log_path, NAME, NUMBER)
        output = close_like_a_user(proc, signal.SIGTERM)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    text = log_path.read_text(encoding="utf-8")
    assert proc.returncode == 0, f"exit {proc.returncode}\n{output[-4000:]}"
    for bad in ("Traceback", "free(): invalid pointer", "Segmentation fault", "Could not load the Qt platform"):
        assert bad not in output + text, output[-4000:]
    assert "closed in" in text and f"data folder {data_dir}" in text
    assert list(elsewhere.iterdir()) == []       # nothing written to the working folder
