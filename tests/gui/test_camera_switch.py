"""A new camera source started while the previous session still retries an absent camera: the old session's
late signals (its "stopped", a retry's "opening") reach nothing, and nothing raises in a slot."""
from __future__ import annotations


def _state(qtbot, window, wanted: str, timeout: int = 20000):
    with qtbot.waitSignal(window.camera.stateChanged, timeout=timeout,
                          check_params_cb=lambda state, _detail: state == wanted):
        pass


def test_a_video_started_while_a_missing_camera_retries_runs_and_the_old_session_is_quiet(
        qtbot, make_window, sqlite_url, test_video):
    window = make_window(sqlite_url, source="9")          # no /dev/video9 on a test machine
    window.camera.start()
    _state(qtbot, window, "retrying")
    old = window.camera.session
    states = []
    window.camera.stateChanged.connect(lambda state, _detail: states.append(state))
    for _ in range(3):                                     # back and forth while the camera retries
        window.camera.set_source(str(test_video.path))
        with qtbot.waitSignal(window.live.resultReceived, timeout=60000):
            pass
        window.camera.set_source("9")
        _state(qtbot, window, "retrying")
    qtbot.waitUntil(lambda: old.camera.isFinished() and old.recognition.isFinished(), timeout=10000)
    window.camera.set_source(str(test_video.path))
    with qtbot.waitSignal(window.live.resultReceived, timeout=60000):
        pass
    # the old sessions' queued signals are delivered by now (one more round of events after they ended)
    with qtbot.waitSignal(window.live.resultReceived, timeout=60000):
        pass
    assert states[-1] == "running" and window.camera.state[0] == "running"
