"""A miss that costs one click, and number + face, on the real window with the real model and both
real databases: the candidate of a missed visit is confirmed with Enter (method "confirmed", the
operator recorded) or dismissed with Esc while the visitor's face is in front; a typed person number
checks the face against that person only."""
from __future__ import annotations

import numpy as np
from PyQt5.QtCore import Qt

from bench.visits import FPS, render_visit
from backend import HistoryQuery
from recognition.imageio import read_image
from recognition.stream import StreamPolicy, StreamRecognizer

from conftest import lfw_images, write_video
from test_people_tab import NAME, NUMBER, enroll_tony_blair
from test_prompts_belong_to_a_face import settle

PERSON_A = "Colin_Powell"           # the first person of the test video (conftest.py)


def visit_decisions(recognizer, gallery, shared_data, policy):
    """The decisions of one visit of Tony Blair (a photo not enrolled) at a desk with ``policy``."""
    stream = StreamRecognizer(recognizer, gallery, policy)
    still = read_image(shared_data / "lfw" / "images" / "Tony_Blair" / "Tony_Blair_0010.jpg")
    decisions = [d for i, f in enumerate(render_visit(still, 21, frames=20)) for d in stream.process(f, i / FPS)]
    return decisions + stream.reset()


def confirmed_rows(db):
    rows = db.attendance.search(HistoryQuery(preset="all")).rows
    return [(r.person_number, r.method, r.operator) for r in rows]


def test_a_missed_visit_is_confirmed_with_enter_or_dismissed_with_esc(qtbot, make_window, db_url, checker,
                                                                       recognizer, shared_data, tmp_path):
    """Three visits of Tony Blair (a photo the desk misses at 1 false check-in in 100,000), a stranger
    between them: Esc, Enter and no answer."""
    db = checker(db_url)
    person = enroll_tony_blair(db, recognizer, shared_data)
    tony, stranger = lfw_images(shared_data, "Tony_Blair", [14]), lfw_images(shared_data, "Jiang_Zemin", [1])
    video = tmp_path / "missed.avi"
    write_video(video, [(tony, 6.0), (stranger, 2.0), (tony, 6.0), (stranger, 2.0), (tony, 8.0)])
    window = make_window(db_url, source=video, operator="王芳", face_sync_interval=0.3, false_checkin_rate=1e-5)
    qtbot.waitUntil(lambda: window.gallery.count(NUMBER) == 4, timeout=10000)
    window.tabs.setCurrentWidget(window.tabLive)
    window.todayTable.setFocus()                       # (Enter in the number field is that field's)

    # Enter with nothing asked: nothing happens
    qtbot.keyClick(window, Qt.Key_Return)
    assert confirmed_rows(db) == []

    window.camera.start()
    qtbot.waitUntil(window.candidateGroup.isVisible, timeout=60000)
    first = window.live.candidate
    assert first.key is None and first.candidate_key == NUMBER
    qtbot.waitUntil(lambda: window.candidatePhoto.pixmap() is not None and not window.candidatePhoto.pixmap().isNull(),
                    timeout=10000)                     # the enrolment photo, from the face store
    assert NAME in window.candidateName.text() and NUMBER in window.candidateName.text()
    qtbot.keyClick(window, Qt.Key_Escape)              # "Not them": nothing recorded
    assert not window.candidateGroup.isVisible()
    settle(qtbot, window)
    assert confirmed_rows(db) == []

    qtbot.waitUntil(lambda: window.candidateGroup.isVisible() and window.live.candidate.track_id != first.track_id,
                    timeout=60000)                     # his next visit
    with qtbot.waitSignal(window.checkedIn, timeout=10000) as event:
        qtbot.keyClick(window, Qt.Key_Return)          # Confirm
    assert not window.candidateGroup.isVisible()
    assert event.args[0].checkin.method == "confirmed" and not event.args[0].learned
    assert confirmed_rows(db) == [(NUMBER, "confirmed", "王芳")]
    assert "confirmed by the operator" in window.cardStatus.text()
    assert db.faces.kind_counts()[person.id] == (4, 0)       # below the stricter point: nothing learned
    # a candidate not answered goes by itself
    second = event.args[0].decision
    qtbot.waitUntil(lambda: window.candidateGroup.isVisible() and window.live.candidate.track_id != second.track_id,
                    timeout=60000)
    window.live._candidate_timer.setInterval(100)
    window.live._candidate_timer.start()
    qtbot.waitUntil(lambda: not window.candidateGroup.isVisible(), timeout=5000)
    window.camera.stop()
    # History shows how each check-in was made
    window.tabs.setCurrentWidget(window.tabHistory)
    qtbot.waitUntil(lambda: window.history_tab.model.rowCount() == 1, timeout=10000)
    headers = [window.history_tab.model.headerData(c, Qt.Horizontal) for c in range(window.history_tab.model.columnCount())]
    assert window.history_tab.model.item(0, headers.index("Method")).text() == "Confirmed"
    assert window.history_tab.model.item(0, headers.index("Operator")).text() == "王芳"
    window.close()


def test_number_and_face_checks_in_the_right_number_and_refuses_a_wrong_one(qtbot, make_window, sqlite_url,
                                                                           checker, recognizer, shared_data,
                                                                           test_video):
    from backend import people_service
    from backend.face_store import FaceModel, samples_from_photos
    from recognition.photos import embed_photos

    db = checker(sqlite_url)
    enroll_tony_blair(db, recognizer, shared_data)
    folder = shared_data / "lfw" / "images" / PERSON_A
    found = embed_photos(recognizer, [folder / f"{PERSON_A}_{i:04d}.jpg" for i in (13, 14, 15)])
    people_service.enroll_person(db, None, samples_from_photos(found), model=FaceModel(recognizer.spec.fingerprint),
                                 person_number="A001", name="Colin Powell")
    window = make_window(sqlite_url, source=test_video.path, face_sync_interval=0.3)
    qtbot.waitUntil(lambda: window.gallery.count("A001") == 3, timeout=10000)
    events = []
    window.checkedIn.connect(events.append)
    window.camera.start()
    qtbot.waitUntil(lambda: window.live.last_result is not None and bool(window.live.last_result.faces),
                    timeout=60000)

    # typed with the numeric keypad's Enter: somebody else's number -> refused, nobody checked in by it
    window.numberEdit.setFocus()
    qtbot.keyClicks(window.numberEdit, NUMBER)
    qtbot.keyClick(window.numberEdit, Qt.Key_Enter, Qt.KeypadModifier)
    qtbot.waitUntil(lambda: "does not match" in window.numberMessage.text(), timeout=20000)
    assert NUMBER in window.numberMessage.text() and window.numberEdit.text() == ""
    assert all(e.person.person_number != NUMBER for e in events)
    # a number nobody has, and one that is not a number at all: a clear message
    for typed in ("Z999", "'; DROP TABLE people; --"):
        qtbot.keyClicks(window.numberEdit, typed)
        qtbot.keyClick(window.numberEdit, Qt.Key_Return)
        qtbot.waitUntil(lambda: "enrolled here" in window.numberMessage.text(), timeout=10000)
        window.numberMessage.setText("")
    # the right number -> number + face (recorded, or "already checked in" if his face did it first)
    qtbot.keyClicks(window.numberEdit, "A001")
    qtbot.keyClick(window.numberEdit, Qt.Key_Return)
    qtbot.waitUntil(lambda: any(e.checkin.method == "number+face" for e in events), timeout=20000)
    by_number = next(e for e in events if e.checkin.method == "number+face")
    assert by_number.person.person_number == "A001" and by_number.checkin.status in ("recorded", "cooldown")
    assert "face verified" in window.numberMessage.text()
    rows = db.attendance.search(HistoryQuery(preset="all")).rows
    assert {r.person_number for r in rows} == {"A001"}
    assert np.all([r.method in ("face", "number+face") for r in rows])
    window.camera.stop()
    window.close()


def test_a_check_in_that_teaches_the_desk_stores_a_learned_sample_everywhere(qtbot, make_window, db_url, checker,
                                                                             recognizer, shared_data):
    db = checker(db_url)
    person = enroll_tony_blair(db, recognizer, shared_data)
    window = make_window(db_url, source="9", face_sync_interval=0.3)
    qtbot.waitUntil(lambda: window.gallery.count(NUMBER) == 4, timeout=10000)
    photos = StreamPolicy(liveness="off")              # the visit is a flat photo
    (decision,) = [d for d in visit_decisions(recognizer, window.gallery, shared_data, photos) if d.key]
    assert decision.key == NUMBER and decision.learn is not None
    with qtbot.waitSignal(window.checkedIn, timeout=10000) as event:
        window.check_ins.handle_decisions([decision])
    assert event.args[0].checkin.method == "face" and event.args[0].learned
    # in the store (marked learned, with this desk), and in this desk's gallery at once
    assert db.faces.kind_counts()[person.id] == (4, 1)
    (learned,) = [s for s in db.faces.samples_of(person.id) if s.learned]
    assert learned.desk == "Test desk" and learned.source == "live" and learned.image_bytes > 0
    qtbot.waitUntil(lambda: window.gallery.samples().learned.sum() == 1, timeout=10000)
    # the People tab counts it, and forgets it on request
    window.tabs.setCurrentWidget(window.tabPeople)
    window.peopleSearch.setText(NUMBER)
    qtbot.waitUntil(lambda: window.people_tab.select_number(NUMBER), timeout=10000)
    qtbot.waitUntil(lambda: window.personForgetLearned.isEnabled(), timeout=10000)
    assert window.personSamples.text() == "4 enrolled, 1 learned from check-ins"
    from PyQt5.QtCore import QTimer
    from PyQt5.QtWidgets import QApplication, QMessageBox

    def answer_yes():
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            box.button(QMessageBox.Yes).click()
        else:
            QTimer.singleShot(50, answer_yes)
    QTimer.singleShot(50, answer_yes)
    with qtbot.waitSignal(window.people_tab.changed, timeout=10000):
        qtbot.mouseClick(window.personForgetLearned, Qt.LeftButton)
    assert db.faces.kind_counts()[person.id] == (4, 0)
    qtbot.waitUntil(lambda: window.gallery.samples().learned.sum() == 0, timeout=10000)
    window.close()
