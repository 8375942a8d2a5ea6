"""The People tab's form and table (issue 26, item 7): counts that follow learned samples, columns that fit
with Status in view, edits saved after a confirmation, errors beside their field, long names refused."""
from __future__ import annotations

from PyQt5.QtCore import Qt
from PyQt5.QtWidgets import QMessageBox
from test_confirm_and_number import visit_decisions
from test_people_tab import NAME, NUMBER, enroll_tony_blair, select

from recognition.stream import StreamPolicy


def on_next_question(window, answer, seen):
    """Answer the next QMessageBox the window shows with ``answer`` (a standard button)."""
    from PyQt5.QtCore import QTimer
    from PyQt5.QtWidgets import QApplication

    def press():
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box.text() + "\n" + box.informativeText())
            box.button(answer).click()
        else:
            QTimer.singleShot(50, press)
    QTimer.singleShot(50, press)


def test_learned_samples_are_counted_without_touching_the_search(qtbot, make_window, sqlite_url, checker, recognizer,
                                                                 shared_data):
    db = checker(sqlite_url)
    person = enroll_tony_blair(db, recognizer, shared_data)
    window = make_window(sqlite_url, source="9", face_sync_interval=0.3)
    qtbot.waitUntil(lambda: window.gallery.count(NUMBER) == 4, timeout=10000)
    window.tabs.setCurrentWidget(window.tabPeople)
    qtbot.waitUntil(lambda: window.people_tab.select_number(NUMBER), timeout=10000)   # the list as opened
    assert window.personSamples.text() == "4 enrolled, 0 learned from check-ins"
    assert not window.personForgetLearned.isEnabled()
    photos = StreamPolicy(liveness="off")              # the visit is a flat photo
    (decision,) = [d for d in visit_decisions(recognizer, window.gallery, shared_data, photos) if d.key]
    with qtbot.waitSignal(window.checkedIn, timeout=10000) as event:
        window.check_ins.handle_decisions([decision])
    assert event.args[0].learned and db.faces.kind_counts()[person.id] == (4, 1)
    qtbot.waitUntil(lambda: window.personSamples.text() == "4 enrolled, 1 learned from check-ins", timeout=10000)
    assert window.personForgetLearned.isEnabled()
    assert window.people_tab.model.item(0, 5).text() == "1"


def test_columns_fit_and_status_is_in_view(qtbot, make_window, sqlite_url, checker):
    db = checker(sqlite_url)
    db.people.create("P0000001", "Alexandra Catherine Montgomery-Smith", department="Research",
                     phone="+86 138 0000 0000")
    window = make_window(sqlite_url, source="9")
    window.resize(1180, 720)
    window.tabs.setCurrentWidget(window.tabPeople)
    table, header = window.peopleTable, window.peopleTable.horizontalHeader()
    qtbot.waitUntil(lambda: window.people_tab.model.rowCount() == 1, timeout=10000)
    qtbot.waitUntil(lambda: header.sectionSize(0) >= table.sizeHintForColumn(0), timeout=3000)
    name = 1
    for column in range(window.people_tab.model.columnCount()):
        needed = max(table.sizeHintForColumn(column), header.sectionSizeHint(column))
        if column != name:
            assert header.sectionSize(column) >= needed, (column, header.sectionSize(column), needed)
    # the name takes the rest (elided if it must be; the whole name in its tooltip)
    assert header.sectionSize(name) >= 120
    assert window.people_tab.model.item(0, name).toolTip() == "Alexandra Catherine Montgomery-Smith"
    status = window.people_tab.model.columnCount() - 1
    assert header.sectionViewportPosition(status) + header.sectionSize(status) <= table.viewport().width()


def test_an_edit_is_saved_after_a_confirmation_and_errors_show_beside_the_field(qtbot, make_window, sqlite_url,
                                                                                 checker, recognizer, shared_data):
    db = checker(sqlite_url)
    person = enroll_tony_blair(db, recognizer, shared_data)
    db.people.create("C002", "Someone Else")
    window = make_window(sqlite_url, source="9")
    select(qtbot, window, NUMBER)
    tab = window.people_tab

    # errors: beside the field, in the error colour
    window.personName.setText("")
    qtbot.mouseClick(window.personSave, Qt.LeftButton)
    error = tab.errors["name"]
    assert error.isVisible() and error.text() == "Required." and "#c0392b" in error.styleSheet()
    gap = error.geometry().top() - window.personName.geometry().bottom()
    assert 0 <= gap <= 12 and abs(error.geometry().left() - window.personName.geometry().left()) <= 2

    # a long name is refused, with its length, not cut at 128 characters
    long_name = "Tony " + "Blair" * 40
    window.personName.setText(long_name)
    assert window.personName.text() == long_name
    qtbot.mouseClick(window.personSave, Qt.LeftButton)
    assert error.text() == f"Too long: {len(long_name)} characters, at most 128."
    assert db.people.get(person.id).name == NAME

    # a number already used: said beside the number
    window.personName.setText(NAME)
    window.personNumber.setText("C002")
    seen = []
    on_next_question(window, QMessageBox.Save, seen)
    qtbot.mouseClick(window.personSave, Qt.LeftButton)
    qtbot.waitUntil(lambda: tab.errors["person_number"].isVisible(), timeout=10000)
    assert "C002" in tab.errors["person_number"].text() and not error.isVisible()

    # an edit asks first, naming the change; Cancel writes nothing, Save writes it
    window.personNumber.setText(NUMBER)
    window.personDepartment.setText("Foreign Office")
    on_next_question(window, QMessageBox.Cancel, seen)
    qtbot.mouseClick(window.personSave, Qt.LeftButton)
    assert "Department: Cabinet → Foreign Office" in seen[-1]
    assert db.people.get(person.id).department == "Cabinet"
    on_next_question(window, QMessageBox.Save, seen)
    with qtbot.waitSignal(tab.changed, timeout=10000):
        qtbot.mouseClick(window.personSave, Qt.LeftButton)
    assert db.people.get(person.id).department == "Foreign Office"
    assert window.personMessage.text() == "Saved." and "#1e8449" in window.personMessage.styleSheet()
