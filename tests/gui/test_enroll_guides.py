"""Enrolment that guides (issue 26), on the real window with the real model: a newcomer (an LFW photo
played as the camera's video) is enrolled from the stream. The dialog shows the live picture (it may
cover the main window's video), says "face lost" in the operator's words when the face leaves and
goes on when the same person is back, says the samples are complete once they are (not "turn your
head"), and saving does not check the newcomer in: enrolling is not arriving."""
from __future__ import annotations

import numpy as np
from PyQt5.QtCore import Qt

from backend import HistoryQuery
from conftest import lfw_images, write_video
from test_prompts_belong_to_a_face import settle

NUMBER, NAME = "N001", "Jiang Zemin"


def test_enrolment_shows_the_face_says_when_it_is_lost_resumes_and_does_not_check_in(qtbot, make_window, sqlite_url,
                                                                                    checker, shared_data, tmp_path):
    db = checker(sqlite_url)
    newcomer = lfw_images(shared_data, "Jiang_Zemin", [1])
    nobody = [np.full((250, 250, 3), 90, np.uint8)]           # the grey wall: the face has left
    video = tmp_path / "enrol.avi"
    write_video(video, [(newcomer, 3.0), (nobody, 3.0), (newcomer, 12.0)])
    window = make_window(sqlite_url, source=video)
    events = []
    window.checkedIn.connect(events.append)
    window.tabs.setCurrentWidget(window.tabLive)
    window.camera.start()
    qtbot.waitUntil(lambda: window.live.last_result is not None and bool(window.live.last_result.faces),
                    timeout=60000)
    dialog = window.live.open_enroll_dialog()
    # the live picture is in the dialog, and the samples start
    qtbot.waitUntil(lambda: dialog.liveLabel.pixmap() is not None and not dialog.liveLabel.pixmap().isNull(),
                    timeout=10000)
    qtbot.waitUntil(lambda: len(dialog.samples) >= 1, timeout=30000)
    assert "Ask the person" in dialog.hintLabel.text() or "Look" in dialog.hintLabel.text()

    # the face leaves before the samples are complete: said in plain words, nothing lost
    qtbot.waitUntil(lambda: "Face lost" in dialog.hintLabel.text(), timeout=30000)
    kept = [s.t for s in dialog.samples]
    taken = len(kept)
    assert 1 <= taken < dialog.state.wanted and not dialog.saveButton.isEnabled()
    dialog.nameEdit.setText(NAME)
    dialog.numberEdit.setText(NUMBER)

    # the same person is back: the samples go on from where they were, to the end
    qtbot.waitUntil(dialog.complete, timeout=60000)
    assert len(dialog.samples) == dialog.state.wanted and [s.t for s in dialog.samples[:taken]] == kept
    assert "All 5 samples taken" in dialog.hintLabel.text() and "Turn" not in dialog.hintLabel.text()
    assert dialog.saveButton.isEnabled()
    with qtbot.waitSignal(dialog.enrolled, timeout=20000):
        qtbot.mouseClick(dialog.saveButton, Qt.LeftButton)
    # the newcomer is in the gallery and named on the video, and not checked in by the enrolment
    qtbot.waitUntil(lambda: any(f.key == NUMBER for f in window.live.last_result.faces), timeout=30000)
    settle(qtbot, window)
    assert [e.person.person_number for e in events] == []
    assert db.attendance.search(HistoryQuery(preset="all")).total == 0
    window.camera.stop()
    window.close()
