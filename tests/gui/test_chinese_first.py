"""Chinese first (issue 26): every string a Chinese desk sees is Chinese. The real window is built in
zh_CN, each tab and dialog shown, and every visible text read back (labels, buttons, group boxes, tab
titles, table headers, combo items, placeholders, tooltips, window titles); a text with Latin letters
fails unless it is data or a name on the short allow-list below."""
from __future__ import annotations

import re

import pytest
from PyQt5.QtCore import Qt
from PyQt5.QtWidgets import (QAbstractButton, QAbstractItemView, QAbstractSpinBox, QApplication, QComboBox,
                             QDialogButtonBox, QGroupBox, QLabel, QLineEdit, QMessageBox, QTabWidget, QWidget)

#: Latin text a Chinese screen may show: product and format names, and what the user typed or enrolled
ALLOWED = [r"\bCSV\b", r"\bExcel\b", r"\.xlsx\b", r"\bSQLite\b", r"\bMySQL\b", r"\bRTSP\b", r"\bHTTP\b",
           r"\bURL\b", r"\bEnglish\b", r"\w+://\S*", r"(?:[A-Za-z]:)?/[^\s，。；：（）]*",   # URLs and paths
           r"\bFACE_DB_PASSWORD\b", r"\bFACE_DB_URL\b", r"--[a-z-]+", r"\bpython main\.py [a-z-]+",
           r"\bholiday\b", r"\bworkday\b"]                   # the calendar file's own keywords
DESK, OPERATOR = "前台一号", "王芳"


def latin_left(text: str, data: list[str]) -> str:
    text = re.sub(r"<[^>]+>|&\w+;", " ", text)           # rich text's tags
    for value in sorted(data, key=len, reverse=True):     # the longest first: a path inside a message
        if value:
            text = text.replace(value, " ")
    for pattern in ALLOWED:
        text = re.sub(pattern, " ", text)
    return " ".join(re.findall(r"\S*[A-Za-z]\S*", text))


def visible_texts(root: QWidget):
    """(where, text) of every visible string in ``root`` and its visible children."""
    from PyQt5.QtWidgets import QStatusBar

    from gui.video_widget import VideoWidget

    widgets = [root] + [w for w in root.findChildren(QWidget) if w.isVisible()]
    for w in widgets:
        if isinstance(w, QStatusBar):
            yield "status bar message", w.currentMessage()
        if isinstance(w, VideoWidget) and not w.has_frame():
            yield "video placeholder", w._placeholder
        name = f"{type(w).__name__} {w.objectName()}"
        if w.isWindow() and w.windowTitle():
            yield name + " title", w.windowTitle()
        if w.toolTip():
            yield name + " tooltip", w.toolTip()
        if isinstance(w, QLabel):
            yield name, w.text()
        elif isinstance(w, QAbstractButton):
            yield name, w.text()
        elif isinstance(w, QGroupBox):
            yield name, w.title()
        elif isinstance(w, QTabWidget):
            for i in range(w.count()):
                yield f"{name} tab {i}", w.tabText(i)
        elif isinstance(w, QLineEdit):
            yield name + " placeholder", w.placeholderText()       # its text is the user's data
        elif isinstance(w, QComboBox) and not w.isEditable():
            for i in range(w.count()):
                yield f"{name} item {i}", w.itemText(i)
        elif isinstance(w, QAbstractSpinBox):
            yield name + " affix", getattr(w, "prefix", lambda: "")() + getattr(w, "suffix", lambda: "")()
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            model = w.model()
            for c in range(model.columnCount()):
                if not getattr(w, "isColumnHidden", lambda _c: False)(c):
                    yield f"{name} header {c}", str(model.headerData(c, Qt.Horizontal) or "")


def untranslated(root: QWidget, data: list[str]) -> list[str]:
    found = []
    for where, text in visible_texts(root):
        left = latin_left(text or "", data)
        if left:
            found.append(f"{where}: {text!r} ({left})")
    return found


@pytest.fixture
def chinese():
    from gui import i18n

    assert i18n.install("zh_CN")
    yield
    i18n.install("en")


def test_every_visible_string_of_the_chinese_window_is_chinese(qtbot, chinese, make_window, sqlite_url, checker,
                                                               tmp_path):
    db = checker(sqlite_url)
    person = db.people.create("A001", "Zhang Wei", department="Sales")       # data: names stay as written
    db.attendance.check_in(person.id, desk=DESK)
    window = make_window(sqlite_url, source="9", language="zh_CN", desk=DESK, operator=OPERATOR)
    window.resize(1280, 800)
    # data, and the engineer's raw figures: the model's name, the database's own status line
    data = ["Zhang Wei", "Sales", "A001", window.face_sync.model.label, window.recognizer.spec.name, str(tmp_path),
            window.client.last_status.message]
    qtbot.waitUntil(lambda: window.people_tab.model.rowCount() == 1, timeout=10000)
    problems = []
    for diagnostics in (False, True):
        window.apply_diagnostics(diagnostics)
        for index in range(window.tabs.count()):
            window.tabs.setCurrentIndex(index)
            if window.tabs.currentWidget() is window.tabPeople:
                window.people_tab.select_number("A001")
            QApplication.processEvents()
            problems += untranslated(window, data)
            texts = [text for _where, text in visible_texts(window)]
            # one word for the person number: 工号 (编号 stays for a camera's index)
            problems += [f"not 工号: {t!r}" for t in texts if "编号" in t and "摄像头" not in t]

    schedules = window.attendance_pages.schedules
    assert schedules.shiftLabels[0].text() == "名称"                          # a shift's name, not a person's
    assert schedules.shiftModel.headerData(0, Qt.Horizontal) == "名称"
    assert window.people_tab.model.headerData(0, Qt.Horizontal) == "工号"

    # the dialogs: enrolment, a correction (补卡), the question before closing
    enroll = window.live.open_enroll_dialog()
    qtbot.waitUntil(enroll.isVisible, timeout=5000)
    buttons = enroll.findChild(QDialogButtonBox)
    assert {b.text() for b in buttons.buttons()} >= {"保存", "取消"}          # Qt's own Save / Cancel
    problems += untranslated(enroll, data)
    enroll.reject()
    correction = window.attendance_pages.reports.open_correction()
    qtbot.waitUntil(correction.isVisible, timeout=5000)
    problems += untranslated(correction, data)
    correction.reject()
    asked = []
    window.closeAsked.connect(lambda box: (asked.append(untranslated(box, data)), box.reject()))
    window.confirm_close()
    assert asked
    problems += asked[0]
    assert not problems, "untranslated on the Chinese screen:\n" + "\n".join(sorted(set(problems)))


def test_qt_message_box_buttons_are_chinese(qtbot, chinese):
    from gui import i18n

    assert i18n.qt_catalogues("zh_CN")              # Qt's own catalogue loads (PyQt5's qt_zh_CN at least)
    box = QMessageBox(QMessageBox.Question, "", "", QMessageBox.Yes | QMessageBox.No | QMessageBox.Cancel)
    qtbot.addWidget(box)
    assert {b.text() for b in box.buttons()} == {"是(&Y)", "否(&N)", "取消"}
