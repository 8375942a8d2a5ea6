"""People tab on the real window, real model and both real databases: deactivating keeps a person's
history and face samples and stops them being recognized or checked in; deleting says what is lost."""
from __future__ import annotations

import datetime as dt
import time

import numpy as np
from PyQt5.QtCore import Qt, QTimer
from PyQt5.QtWidgets import QApplication, QMessageBox

NUMBER, NAME = "C001", "Tony Blair"


def enroll_tony_blair(db, recognizer, shared_data):
    from backend import people_service
    from backend.face_store import FaceModel, samples_from_photos
    from recognition.photos import embed_photos

    folder = shared_data / "lfw" / "images" / "Tony_Blair"
    found = embed_photos(recognizer, [folder / f"Tony_Blair_{i:04d}.jpg" for i in range(1, 5)])
    return people_service.enroll_person(db, None, samples_from_photos(found),
                                        model=FaceModel(recognizer.spec.fingerprint), person_number=NUMBER,
                                        name=NAME, department="Cabinet")


def select(qtbot, window, number: str) -> None:
    window.tabs.setCurrentWidget(window.tabPeople)
    window.peopleSearch.setText(number)
    qtbot.waitUntil(lambda: window.people_tab.select_number(number), timeout=10000)
    qtbot.waitUntil(lambda: window.people_tab.current is not None
                    and window.people_tab.current.person_number == number, timeout=10000)


def row_of(window, number: str) -> int:
    model = window.people_tab.model
    return next(r for r in range(model.rowCount()) if model.item(r, 0).text() == number)


def cell(window, number: str, header: str):
    model = window.people_tab.model
    column = next(c for c in range(model.columnCount()) if model.headerData(c, Qt.Horizontal) == header)
    return model.item(row_of(window, number), column)


def test_deactivating_keeps_history_and_samples_and_stops_recognition_and_check_ins(
        qtbot, make_window, db_url, checker, recognizer, shared_data):
    from recognition.stream import Decision
    from recognition.imageio import read_image

    db = checker(db_url)
    person = enroll_tony_blair(db, recognizer, shared_data)
    db.attendance.check_in(person.id, desk="Side door", distance=0.31)
    window = make_window(db_url, source="9", face_sync_interval=0.3)
    qtbot.waitUntil(lambda: window.gallery.count(NUMBER) == 4, timeout=10000)
    photo = read_image(shared_data / "lfw" / "images" / "Tony_Blair" / "Tony_Blair_0005.jpg")
    seen = recognizer.identify(photo, window.gallery)
    assert [f.key for f in seen] == [NUMBER]       # recognized while active

    select(qtbot, window, NUMBER)
    assert window.personActive.text() == "Deactivate" and window.personActive.isEnabled()
    assert cell(window, NUMBER, "Status").text() == "Active"
    with qtbot.waitSignal(window.people_tab.changed, timeout=10000):
        qtbot.mouseClick(window.personActive, Qt.LeftButton)
    assert db.people.get(person.id).active is False
    assert "kept" in window.personMessage.text()
    # kept: the person, their face samples (shown), their history (in the History tab too)
    assert db.faces.sample_counts().get(person.id) == 4
    qtbot.waitUntil(lambda: cell(window, NUMBER, "Status").text() == "Inactive", timeout=10000)
    assert cell(window, NUMBER, "Enrolled").text() == "4" and cell(window, NUMBER, "Learned").text() == "0"
    assert window.personSamples.text() == "4 enrolled, 0 learned from check-ins"
    assert not window.personForgetLearned.isEnabled()
    status = cell(window, NUMBER, "Status")
    assert status.foreground().color() == window.peopleTable.palette().color(
        window.peopleTable.palette().Disabled, window.peopleTable.palette().Text)     # greyed
    assert window.personActive.text() == "Reactivate"
    window.tabs.setCurrentWidget(window.tabHistory)
    qtbot.waitUntil(lambda: window.history_tab.model.rowCount() == 1, timeout=10000)
    assert window.history_tab.model.item(0, 2).text() == NAME

    # no longer recognized at this desk, and a check-in already on its way is refused
    qtbot.waitUntil(lambda: window.gallery.count(NUMBER) == 0, timeout=10000)
    assert [f.key for f in recognizer.identify(photo, window.gallery)] == [None]
    with qtbot.waitSignal(window.check_ins.failed, timeout=10000) as refused:
        window.check_ins.handle_decisions([Decision(7, NUMBER, 1.0, 0.8, 3, float(seen[0].distance), 0.2, 0.27,
                                                     NUMBER, tuple(seen[0].box))])
    assert refused.args[0] == NUMBER and "inactive" in refused.args[1]
    from backend import HistoryQuery
    assert db.attendance.search(HistoryQuery(preset="all")).total == 1

    # reactivated: recognized again, samples unchanged
    select(qtbot, window, NUMBER)
    with qtbot.waitSignal(window.people_tab.changed, timeout=10000):
        qtbot.mouseClick(window.personActive, Qt.LeftButton)
    assert db.people.get(person.id).active is True
    qtbot.waitUntil(lambda: window.gallery.count(NUMBER) == 4, timeout=10000)
    qtbot.waitUntil(lambda: cell(window, NUMBER, "Status").text() == "Active", timeout=10000)
    assert window.personActive.text() == "Deactivate"


def answer_message_box(choose, seen: list, delay_ms=100):
    """On the next modal message box: record it, then click ``choose(box)``."""
    def press():
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append({"text": box.text() + "\n" + box.informativeText(),
                         "buttons": [b.text() for b in box.buttons()],
                         "default": box.defaultButton().text() if box.defaultButton() else None})
            chosen = choose(box)
            if chosen is None:           # not offered: close the box, the test's assertions say why
                box.reject()
            else:
                chosen.click()
        else:
            QTimer.singleShot(delay_ms, press)
    QTimer.singleShot(delay_ms, press)


def button(text):
    return lambda box: next((b for b in box.buttons() if b.text() == text), None)


def test_delete_states_what_is_lost_and_offers_deactivation_instead(qtbot, make_window, db_url, checker):
    from backend import HistoryQuery, people_service
    from backend.face_store import FaceModel, NewSample

    db = checker(db_url)
    window = make_window(db_url, source="9", face_sync_interval=0.3)
    vectors = np.random.default_rng(2).normal(size=(3, window.recognizer.spec.embedding_size)).astype(np.float32)
    person = people_service.enroll_person(
        db, None, [NewSample(image=f"crop {i}".encode(), embedding=v) for i, v in enumerate(vectors)],
        model=FaceModel(window.recognizer.spec.fingerprint), person_number="D001", name="Dora Mistake")
    for day in (1, 2):
        db.attendance.check_in(person.id, when=dt.datetime(2026, 11, day, 9, 0))
    select(qtbot, window, "D001")

    seen = []
    answer_message_box(button("Cancel"), seen)
    qtbot.mouseClick(window.personDelete, Qt.LeftButton)
    qtbot.waitUntil(lambda: len(seen) == 1, timeout=10000)
    text = seen[0]["text"]
    assert "2 check-ins" in text and "3 face samples" in text and "for good" in text
    assert seen[0]["default"] == "Deactivate instead"
    assert set(seen[0]["buttons"]) == {"Deactivate instead", "Delete for good", "Cancel"}
    time.sleep(0.3)
    assert db.people.get(person.id).active is True                     # cancelled: nothing changed

    answer_message_box(lambda box: box.defaultButton(), seen)        # Enter: the default
    with qtbot.waitSignal(window.people_tab.changed, timeout=10000):
        qtbot.mouseClick(window.personDelete, Qt.LeftButton)
    assert db.people.get(person.id).active is False                    # deactivated, not deleted
    assert db.attendance.search(HistoryQuery(preset="all")).total == 2

    select(qtbot, window, "D001")
    answer_message_box(button("Delete for good"), seen)
    with qtbot.waitSignal(window.people_tab.changed, timeout=10000):
        qtbot.mouseClick(window.personDelete, Qt.LeftButton)
    assert "Deactivate instead" not in seen[2]["buttons"]              # already inactive
    assert db.people.get(person.id) is None
    assert db.attendance.search(HistoryQuery(preset="all")).total == 0
    assert db.faces.sample_counts().get(person.id) is None


def test_the_people_tables_sort_arrow_points_up_for_ascending(qtbot, make_window, sqlite_url, checker):
    from PyQt5.QtCore import QPoint
    from test_history_tab import painted_arrow

    db = checker(sqlite_url)
    for number, name in (("P002", "Zhang Wei"), ("P001", "Ada Lovelace"), ("P003", "Mo Farah")):
        db.people.create(number, name)
    window = make_window(sqlite_url, source="9")
    window.tabs.setCurrentWidget(window.tabPeople)
    model, header = window.people_tab.model, window.peopleTable.horizontalHeader()
    qtbot.waitUntil(lambda: model.rowCount() == 3, timeout=10000)
    names = lambda: [model.item(row, 1).text() for row in range(model.rowCount())]
    for expected, arrow in ((sorted(names()), "up"), (sorted(names(), reverse=True), "down")):
        qtbot.mouseClick(header.viewport(), Qt.LeftButton, pos=QPoint(header.sectionViewportPosition(1) + 5, 5))
        assert names() == expected and painted_arrow(header) == arrow
