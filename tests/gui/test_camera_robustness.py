"""No camera, a missing file, a stream that stops and comes back, closing fast: no crash, clear messages."""
from __future__ import annotations

import functools
import http.server
import threading
import time



def wait_state(qtbot, window, wanted: str, timeout: int = 20000):
    with qtbot.waitSignal(window.camera.stateChanged, timeout=timeout,
                          check_params_cb=lambda state, detail: state == wanted) as blocker:
        pass
    return blocker.args


def test_missing_camera_shows_message_retries_and_closes_fast(qtbot, make_window, sqlite_url):
    window = make_window(sqlite_url, source="9")          # no /dev/video9 on a test machine
    states = []
    window.camera.stateChanged.connect(lambda s, d: states.append(s))
    window.camera.start()
    wait_state(qtbot, window, "retrying")
    assert "not available" in window.cameraMessage.text()
    assert window.cameraButton.text() == "Stop camera"
    # it tries again by itself
    qtbot.waitUntil(lambda: states.count("opening") >= 2, timeout=10000)
    session = window.camera.session
    started = time.monotonic()
    window.close()
    assert time.monotonic() - started < 1.0
    assert not session.camera.isRunning() and not session.recognition.isRunning()


def test_missing_video_file_is_reported(qtbot, make_window, sqlite_url, tmp_path):
    missing = tmp_path / "nope.avi"
    window = make_window(sqlite_url, source=missing)
    window.camera.start()
    _state, detail = wait_state(qtbot, window, "failed")
    assert str(missing) in detail and str(missing) in window.cameraMessage.text()
    assert window.camera.session is None and window.cameraButton.text() == "Start camera"


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def handle(self):
        try:
            super().handle()
        except (ConnectionError, BrokenPipeError):
            pass        # the player hung up: what a camera client does


def _serve(folder, port=0):
    handler = functools.partial(_Quiet, directory=str(folder))
    http.server.ThreadingHTTPServer.allow_reuse_address = True
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def test_stream_that_stops_is_retried_until_it_comes_back(qtbot, make_window, sqlite_url, test_video):
    """A network stream (HTTP) that ends and whose server goes away: retry, then recover."""
    server = _serve(test_video.path.parent)
    port = server.server_address[1]
    window = make_window(sqlite_url, source=f"http://127.0.0.1:{port}/{test_video.path.name}")
    window.recognitionCheck.setChecked(False)       # only the capture path is under test
    window.camera.start()
    wait_state(qtbot, window, "running")
    qtbot.waitUntil(window.videoView.has_frame, timeout=5000)
    server.shutdown()
    server.server_close()                           # the "camera" is unplugged
    with qtbot.waitSignal(window.camera.stateChanged, timeout=30000,
                          check_params_cb=lambda s, d: s == "retrying" and d.startswith("cannot open")):
        pass
    assert "not available" in window.cameraMessage.text()
    assert not window.videoView.has_frame()
    server = _serve(test_video.path.parent, port)   # plugged back in
    try:
        wait_state(qtbot, window, "running", timeout=20000)
        qtbot.waitUntil(window.videoView.has_frame, timeout=5000)
    finally:
        window.close()
        server.shutdown()
        server.server_close()


def test_close_while_recognizing_stops_threads_within_a_second(qtbot, make_window, sqlite_url, test_video):
    window = make_window(sqlite_url, source=test_video.path)
    window.camera.start()
    with qtbot.waitSignal(window.live.resultReceived, timeout=60000):
        pass
    session = window.camera.session
    started = time.monotonic()
    window.close()
    elapsed = time.monotonic() - started
    assert elapsed < 1.0, f"closing took {elapsed:.2f} s"
    assert not session.camera.isRunning() and not session.recognition.isRunning()
    assert not window.client._worker.isRunning()
