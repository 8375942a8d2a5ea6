"""What the operator sees (issue 26): names and plain words by default; the engineer's figures (distances,
frame rates, thresholds, the model) only with Settings' diagnostics switch on; Settings' counts live and a
save confirmed where the operator looks."""
from __future__ import annotations

import re

from PyQt5.QtCore import Qt

FIGURE = re.compile(r"\d\.\d")


def painted(window) -> list[str]:
    """The captions of the video's boxes as painted now (the Live tab is shown)."""
    assert window.videoView.isVisible()
    window.videoView.repaint()
    return window.videoView.painted_labels


def save(qtbot, window) -> None:
    window.tabs.setCurrentWidget(window.tabSettings)
    with qtbot.waitSignal(window.settings_tab.applied, timeout=5000):
        qtbot.mouseClick(window.settingsSave, Qt.LeftButton)


def enroll(db, recognizer, lfw_image, number, name, count):
    from backend import people_service
    from backend.face_store import FaceModel, samples_from_photos
    from recognition.photos import embed_photos

    samples = samples_from_photos(embed_photos(recognizer, [lfw_image(name.replace(" ", "_"), i)
                                                            for i in range(1, count + 1)]))
    people_service.enroll_person(db, None, samples, model=FaceModel(recognizer.spec.fingerprint),
                                 person_number=number, name=name)


def test_names_only_by_default_and_the_engineers_figures_with_diagnostics_on(qtbot, make_window, sqlite_url,
                                                                              test_video, checker, recognizer,
                                                                              lfw_image):
    # somebody else is enrolled: the video's faces are unknown, at a distance from that person
    enroll(checker(sqlite_url), recognizer, lfw_image, "T001", "Tony Blair", 3)
    window = make_window(sqlite_url, source=test_video.path)
    qtbot.waitUntil(lambda: window.gallery.size == 3, timeout=10000)
    assert window.config.diagnostics is False
    window.camera.loop = True
    window.camera.start()
    qtbot.waitUntil(lambda: "Unknown" in painted(window), timeout=60000)
    qtbot.waitUntil(lambda: window.live.recognition_fps() > 0, timeout=10000)
    window._every_second()
    assert not any(FIGURE.search(label) for label in painted(window)), painted(window)
    assert not window.status.fpsLabel.isVisibleTo(window) and not window.status.modelLabel.isVisibleTo(window)
    assert window.cameraMessage.text() == "Camera desk.avi is on."                  # not its size and frame rate
    window.tabs.setCurrentWidget(window.tabHistory)
    assert window.historyTable.isColumnHidden(5)
    window.tabs.setCurrentWidget(window.tabSettings)
    assert not window.settings_tab.diagnosticsGroup.isVisibleTo(window.tabSettings)
    assert not window.settingsFalseRate.isVisibleTo(window.tabSettings) and window.settings_tab.strictSlider.isVisibleTo(window.tabSettings)

    window.settings_tab.diagnosticsCheck.setChecked(True)
    save(qtbot, window)
    assert window.config.diagnostics is True
    window.tabs.setCurrentWidget(window.tabLive)
    qtbot.waitUntil(lambda: any(re.fullmatch(r"Unknown  \d\.\d\d", label) for label in painted(window)),
                    timeout=30000)
    window._every_second()
    assert window.status.fpsLabel.isVisibleTo(window) and "fps" in window.status.fpsLabel.text()
    assert window.cameraMessage.text() == "Camera desk.avi: 640x480 @ 15 fps"
    assert not window.historyTable.isColumnHidden(5)
    assert window.history_tab.model.headerData(5, Qt.Horizontal) == "Distance"
    assert window.settings_tab.diagnosticsGroup.isVisibleTo(window.tabSettings)
    qtbot.waitUntil(lambda: "Match threshold now" in window.settings_tab.diagnosticsText.text(), timeout=30000)
    window.camera.stop()


def test_settings_counts_follow_enrolments_and_a_save_is_confirmed(qtbot, make_window, sqlite_url, checker,
                                                                    recognizer, lfw_image):
    window = make_window(sqlite_url, source="9", face_sync_interval=0.3)
    tab = window.settings_tab
    window.tabs.setCurrentWidget(window.tabSettings)
    qtbot.waitUntil(lambda: tab.model_state is not None, timeout=10000)
    window._every_second()
    assert tab.knownText.text().startswith("Nobody yet")
    other_desk = checker(sqlite_url)
    for number, name, count in (("A001", "Colin Powell", 3), ("B001", "Serena Williams", 2)):
        enroll(other_desk, recognizer, lfw_image, number, name, count)
    qtbot.waitUntil(lambda: window.gallery.size == 5, timeout=10000)
    window._every_second()
    assert tab.knownText.text() == "2 people, from 5 face samples"
    qtbot.waitUntil(lambda: "all 5 face samples embedded" in tab.model_state_text(), timeout=10000)
    tab.diagnosticsCheck.setChecked(True)
    assert "no samples yet" not in tab.diagnosticsText.text() and "all 5 face samples" in tab.diagnosticsText.text()
    tab.diagnosticsCheck.setChecked(False)

    assert not tab.savedLabel.text()
    window.settingsCooldown.setValue(30)
    save(qtbot, window)
    assert tab.savedLabel.isVisible() and tab.savedLabel.text().startswith("✓ Saved at")
    window.settingsSource.setCurrentText(" ")                 # no camera: refused, and said so
    qtbot.mouseClick(window.settingsSave, Qt.LeftButton)
    assert tab.savedLabel.text() == "Not saved: camera source is empty" and "#c0392b" in tab.savedLabel.styleSheet()


def test_the_how_strict_slider_and_the_exact_target_are_one_setting(qtbot, make_window, sqlite_url):
    window = make_window(sqlite_url, source="9")
    tab = window.settings_tab
    assert window.settingsFalseRate.value() == 0.1 and tab.strictSlider.value() == 5
    tab.strictSlider.setValue(tab.strictSlider.value() + 2)          # two steps stricter
    assert abs(window.settingsFalseRate.value() - 0.02) < 1e-9
    assert "Stricter" in tab.strictHint.text()
    save(qtbot, window)
    assert window.config.false_checkin_rate == 0.0002 and window.camera.policy.false_checkin_rate == 0.0002
