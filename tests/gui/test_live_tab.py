"""The live tab on a real window: which face "Enroll…" takes, and people deleted while the desk runs
(issue 12, items 8 and 10)."""
from __future__ import annotations

import cv2
import numpy as np
from PyQt5.QtCore import Qt, QTimer
from PyQt5.QtWidgets import QApplication, QMessageBox

from recognition.imageio import read_image

FPS = 15


def two_people_video(path, central, edge, seconds=8):
    """A newcomer in the middle of the frame and a larger bystander cut by the right edge."""
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"MJPG"), FPS, (640, 480))
    rng = np.random.default_rng(0)
    for _ in range(seconds * FPS):
        frame = np.full((480, 640, 3), 90, np.uint8)
        frame[120:370, 190:440] = central
        frame[40:460, 520:640] = cv2.resize(edge, (420, 420))[:, :120]
        shifted = np.roll(frame, tuple(rng.integers(-2, 3, 2)), axis=(0, 1))
        writer.write(np.clip(shifted + rng.normal(0, 2.0, shifted.shape), 0, 255).astype(np.uint8))
    writer.release()


def test_enroll_takes_the_central_complete_face_and_shows_it(qtbot, make_window, sqlite_url, shared_data, tmp_path):
    lfw = shared_data / "lfw" / "images"
    video = tmp_path / "two.avi"
    two_people_video(video, read_image(lfw / "Jiang_Zemin" / "Jiang_Zemin_0001.jpg"),
                     read_image(lfw / "Tony_Blair" / "Tony_Blair_0001.jpg"))
    window = make_window(sqlite_url, source=video)
    window.camera.start()
    qtbot.waitUntil(lambda: window.live.last_result is not None and len(window.live.last_result.faces) == 2,
                    timeout=60000)
    dialog = window.live.open_enroll_dialog()               # "Enroll…": no face clicked
    qtbot.waitUntil(lambda: any(o.state == "enrolling" for o in window.videoView.overlays()), timeout=10000)
    chosen = next(o for o in window.videoView.overlays() if o.state == "enrolling")
    assert 190 <= (chosen.box[0] + chosen.box[2]) / 2 <= 440 and chosen.label == "Enrolling"
    others = [o for o in window.videoView.overlays() if o.state != "enrolling"]
    assert others and all((o.box[0] + o.box[2]) / 2 > 500 for o in others)
    qtbot.waitUntil(lambda: len(dialog.samples) >= 1, timeout=30000)
    assert all(190 <= (s.box[0] + s.box[2]) / 2 <= 440 for s in dialog.samples)
    dialog.reject()
    window.camera.stop()


def test_each_recognition_result_is_shown_once(qtbot, make_window, sqlite_url, shared_data, tmp_path):
    """The live view draws a result and feeds the enroll dialog once per frame recognized, not once
    per listener of the camera panel."""
    lfw = shared_data / "lfw" / "images"
    video = tmp_path / "one.avi"
    two_people_video(video, read_image(lfw / "Jiang_Zemin" / "Jiang_Zemin_0001.jpg"),
                     read_image(lfw / "Tony_Blair" / "Tony_Blair_0001.jpg"), seconds=3)
    window = make_window(sqlite_url, source=video)
    produced, shown = [], []
    window.camera.resultReady.connect(produced.append)
    window.live.resultReceived.connect(shown.append)
    window.camera.start()
    qtbot.waitUntil(lambda: len(produced) >= 10, timeout=60000)
    window.camera.stop()
    QApplication.processEvents()
    assert len(produced) >= 10 and [id(r) for r in shown] == [id(r) for r in produced]


def answer_next_message_box(text: str, delay_ms=100):
    """Press the button labelled ``text`` on the next modal message box."""
    def press():
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            next(b for b in box.buttons() if b.text() == text).click()
        else:
            QTimer.singleShot(delay_ms, press)
    QTimer.singleShot(delay_ms, press)


def test_a_deleted_person_leaves_the_today_list_and_the_card(qtbot, make_window, sqlite_url, checker,
                                                             recognizer, test_video, shared_data):
    from backend import people_service
    from backend.face_store import FaceModel, samples_from_photos
    from recognition.photos import embed_photos

    db = checker(sqlite_url)
    lfw = shared_data / "lfw" / "images" / "Colin_Powell"
    samples = samples_from_photos(embed_photos(recognizer, [lfw / f"Colin_Powell_{i:04d}.jpg" for i in (13, 14, 15)]))
    people_service.enroll_person(db, None, samples, model=FaceModel(recognizer.spec.fingerprint),
                                 person_number="A001", name="Colin Powell")
    window = make_window(sqlite_url, source=test_video.path)
    qtbot.waitUntil(lambda: window.gallery.count("A001") == 3, timeout=10000)
    window.camera.start()
    qtbot.waitUntil(lambda: window.todayTable.rowCount() == 1 and window.cardName.text() == "Colin Powell",
                    timeout=60000)
    window.camera.stop()

    window.tabs.setCurrentWidget(window.tabPeople)
    qtbot.waitUntil(lambda: window.people_tab.select_number("A001"), timeout=10000)
    answer_next_message_box("Delete for good")
    with qtbot.waitSignal(window.people_tab.changed, timeout=10000):
        qtbot.mouseClick(window.personDelete, Qt.LeftButton)
    assert db.people.get_by_number("A001") is None
    qtbot.waitUntil(lambda: window.todayTable.rowCount() == 0, timeout=10000)      # no restart needed
    assert window.cardName.text() == "" and window.todayCount.text().endswith("0")
