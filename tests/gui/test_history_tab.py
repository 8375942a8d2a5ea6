"""History tab on the real window and both real databases: what it shows when opened, column widths,
sort indicators, plural counts and where the CSV export dialog opens."""
from __future__ import annotations

import datetime as dt

from PyQt5.QtCore import QPoint, Qt, QTimer


def drain(qtbot, window) -> None:
    """Wait until every database job queued so far has run and delivered its result (one thread, FIFO)."""
    done = []
    window.client.call(lambda _backend: None, done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=10000)


def check_in(db, number: str, name: str, when=None, distance=0.3125):
    person = db.people.get_by_number(number) or db.people.create(number, name, department="Front office")
    return db.attendance.check_in(person.id, when=when, desk="Side door", distance=distance)


def test_the_tab_shows_todays_check_ins_when_it_is_opened(qtbot, make_window, db_url, checker):
    db = checker(db_url)
    window = make_window(db_url, source="9")
    drain(qtbot, window)                          # the start-up search has run: nobody yet
    assert window.history_tab.model.rowCount() == 0
    check_in(db, "H001", "Ada Lovelace")          # a check-in while the operator is on the Live tab
    assert window.tabs.currentWidget() is not window.tabHistory
    window.tabs.setCurrentWidget(window.tabHistory)
    qtbot.waitUntil(lambda: window.history_tab.model.rowCount() == 1, timeout=10000)
    assert window.history_tab.model.item(0, 2).text() == "Ada Lovelace"
    assert window.historyTotal.text().startswith("1 ")


def needed_width(table, column: int) -> int:
    """Width a column needs to show its widest cell and its header text without eliding."""
    return max(table.sizeHintForColumn(column), table.horizontalHeader().sectionSizeHint(column))


def test_columns_fit_their_contents_and_the_name_takes_the_spare_width(qtbot, make_window, sqlite_url, checker):
    db = checker(sqlite_url)
    check_in(db, "H001", "Ada Lovelace")
    window = make_window(sqlite_url, source="9", diagnostics=True)        # the Distance column shown too
    window.resize(1180, 720)
    window.tabs.setCurrentWidget(window.tabHistory)
    table, header, model = window.historyTable, window.historyTable.horizontalHeader(), window.history_tab.model
    qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=10000)
    qtbot.waitUntil(lambda: header.sectionSize(0) >= needed_width(table, 0), timeout=3000)
    assert model.item(0, 0).text().startswith(dt.date.today().isoformat())
    for column in range(model.columnCount()):
        assert header.sectionSize(column) >= needed_width(table, column), (column, header.sectionSize(column))
    name = 2
    assert header.sectionSize(name) > needed_width(table, name) + 50          # the spare width went to the name
    distance = 5
    assert header.sectionSize(distance) <= needed_width(table, distance) + 4  # ... not to the last column

    window.historySummaryView.setChecked(True)
    qtbot.waitUntil(lambda: model.rowCount() == 1 and model.item(0, 5).text() == "1", timeout=10000)
    qtbot.waitUntil(lambda: header.sectionSize(3) >= needed_width(table, 3), timeout=3000)
    for column in (0, 3, 4, 5):                          # Day, First check-in, Last check-in, Check-ins
        assert header.sectionSize(column) >= needed_width(table, column), (column, header.sectionSize(column))
    assert header.sectionSize(name) > needed_width(table, name) + 50


def answer_file_dialog(seen: list, path=None, delay_ms=100):
    """On the next modal file dialog: record the folder it opened in and the file it proposes, then
    save to ``path`` (None: cancel)."""
    from PyQt5.QtCore import QMetaObject
    from PyQt5.QtWidgets import QApplication, QFileDialog, QLineEdit

    def answer():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(delay_ms, answer)
            return
        seen.append((dialog.directory().absolutePath(), dialog.selectedFiles()))
        if path is None:
            dialog.reject()
        else:                            # typed into the file name field, then "Save"
            dialog.findChild(QLineEdit, "fileNameEdit").setText(str(path))
            QMetaObject.invokeMethod(dialog, "accept", Qt.QueuedConnection)
    QTimer.singleShot(delay_ms, answer)


def test_the_export_dialog_opens_in_documents_then_in_the_folder_last_used(qtbot, make_window, sqlite_url,
                                                                          checker, tmp_path, monkeypatch):
    home = tmp_path / "home 家"
    (home / "Documents").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))     # no user-dirs.dirs: ~/Documents
    check_in(checker(sqlite_url), "H001", "Ada Lovelace")
    window = make_window(sqlite_url, source="9")
    window.tabs.setCurrentWidget(window.tabHistory)
    qtbot.waitUntil(lambda: window.history_tab.model.rowCount() == 1, timeout=10000)

    seen = []
    answer_file_dialog(seen, None)
    qtbot.mouseClick(window.historyExport, Qt.LeftButton)
    qtbot.waitUntil(lambda: len(seen) == 1, timeout=10000)
    folder, files = seen[0]
    assert folder == str(home / "Documents")                     # not the program's folder
    assert files == [str(home / "Documents" / f"attendance-{dt.date.today().isoformat()}.csv")]

    reports = tmp_path / "reports"
    reports.mkdir()
    answer_file_dialog(seen, reports / "june.csv")
    with qtbot.waitSignal(window.history_tab.exported, timeout=10000):
        qtbot.mouseClick(window.historyExport, Qt.LeftButton)
    assert (reports / "june.csv").read_text(encoding="utf-8-sig").count("Ada Lovelace") == 1

    answer_file_dialog(seen, None)
    qtbot.mouseClick(window.historyExport, Qt.LeftButton)
    qtbot.waitUntil(lambda: len(seen) == 3, timeout=10000)
    assert seen[2][0] == str(reports)                             # the folder last used, this session


def test_counts_are_plural_only_when_more_than_one(qtbot, make_window, sqlite_url, checker):
    from gui import i18n

    i18n.install("en")                       # as main.py does: English has its plural forms too
    db = checker(sqlite_url)
    check_in(db, "H001", "Ada Lovelace")
    window = make_window(sqlite_url, source="9")
    window.tabs.setCurrentWidget(window.tabHistory)
    total = window.historyTotal.text
    qtbot.waitUntil(lambda: window.history_tab.model.rowCount() == 1, timeout=10000)
    assert total() == "1 check-in, page 1 of 1"
    window.historySummaryView.setChecked(True)
    qtbot.waitUntil(lambda: total() == "1 person-day", timeout=10000)
    check_in(db, "H002", "Charles Babbage")
    with qtbot.waitSignal(window.history_tab.loaded, timeout=10000):
        qtbot.mouseClick(window.historySearch, Qt.LeftButton)
    assert total() == "2 person-days"
    window.tabs.setCurrentWidget(window.tabPeople)
    with qtbot.waitSignal(window.people_tab.loaded, timeout=10000):
        window.people_tab.refresh()
    assert window.peopleCount.text() == "2 people"
    with qtbot.waitSignal(window.people_tab.loaded, timeout=10000):
        window.peopleSearch.setText("Ada")
    assert window.peopleCount.text() == "1 person"
    try:
        i18n.install("zh_CN")
        qtbot.waitUntil(lambda: total() == "2 人·天", timeout=5000)
        assert window.peopleCount.text() == "共 1 人"
    finally:
        i18n.install("en")
    qtbot.waitUntil(lambda: total() == "2 person-days", timeout=5000)


def painted_arrow(header) -> str:
    """"up" or "down": the sort arrow as the header paints it (a triangle is widest at its base)."""
    from PyQt5.QtGui import QColor

    section = header.sortIndicatorSection()
    image = header.grab().toImage()
    right = header.sectionViewportPosition(section) + header.sectionSize(section)
    widths = [n for n in (sum(QColor(image.pixel(x, y)).lightness() < 120 for x in range(right - 22, right - 2))
                          for y in range(image.height())) if n]
    assert len(widths) >= 2 and widths[0] != widths[-1], widths
    return "up" if widths[0] < widths[-1] else "down"


def shown_order(model, column: int) -> str:
    values = [model.item(row, column).data(Qt.UserRole) for row in range(model.rowCount())]
    assert len(values) >= 2 and values[0] != values[-1], values
    return "ascending" if values == sorted(values) else "descending" if values == sorted(values, reverse=True) \
        else "unsorted"


def test_the_sort_arrow_points_up_for_ascending_order_and_follows_the_rows_shown(qtbot, make_window, sqlite_url,
                                                                              checker):
    db = checker(sqlite_url)
    yesterday = dt.datetime.combine(dt.date.today() - dt.timedelta(days=1), dt.time(9, 30))
    check_in(db, "H001", "Ada Lovelace", when=yesterday)
    check_in(db, "H002", "Charles Babbage", when=yesterday + dt.timedelta(hours=2))
    window = make_window(sqlite_url, source="9")
    window.tabs.setCurrentWidget(window.tabHistory)
    model, header = window.history_tab.model, window.historyTable.horizontalHeader()
    with qtbot.waitSignal(window.history_tab.loaded, timeout=10000):
        qtbot.mouseClick(window.presetAll, Qt.LeftButton)
    expected = {"ascending": "up", "descending": "down"}

    def check(column):
        qtbot.waitUntil(lambda: model.rowCount() == 2, timeout=10000)
        assert header.sortIndicatorSection() == column
        order = shown_order(model, column)
        assert painted_arrow(header) == expected[order], (column, order)
        return order

    assert check(0) == "descending"                   # newest first (the default): arrow down
    for column, order in ((0, "ascending"), (2, "ascending"), (2, "descending")):   # Time, Name, Name again
        with qtbot.waitSignal(window.history_tab.loaded, timeout=10000):
            qtbot.mouseClick(header.viewport(), Qt.LeftButton, pos=QPoint(header.sectionViewportPosition(column) + 5, 5))
        assert check(column) == order

    # the daily summary: its rows are in day order, and the arrow says which way
    check_in(db, "H001", "Ada Lovelace", when=yesterday - dt.timedelta(days=1))
    window.historySummaryView.setChecked(True)
    qtbot.waitUntil(lambda: model.rowCount() == 3, timeout=10000)
    assert header.sortIndicatorSection() == 0
    assert painted_arrow(header) == expected[shown_order(model, 0)]
    with qtbot.waitSignal(window.history_tab.loaded, timeout=10000):
        qtbot.mouseClick(window.historySearch, Qt.LeftButton)
    assert header.sortIndicatorSection() == 0 and painted_arrow(header) == expected[shown_order(model, 0)]


def test_the_csv_is_the_view_shown_in_the_desks_language(qtbot, make_window, sqlite_url, checker, tmp_path):
    import csv

    from gui import i18n

    db = checker(sqlite_url)
    now = dt.datetime.now().replace(microsecond=0)
    check_in(db, "H001", "Ada Lovelace", when=now - dt.timedelta(minutes=3))
    check_in(db, "H001", "Ada Lovelace", when=now - dt.timedelta(minutes=1))
    window = make_window(sqlite_url, source="9", cooldown=0)
    tab = window.history_tab
    window.tabs.setCurrentWidget(window.tabHistory)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 2, timeout=10000)

    def export(name):
        with qtbot.waitSignal(tab.exported, timeout=10000):
            tab.export_to(str(tmp_path / name))
        with open(tmp_path / name, encoding="utf-8-sig", newline="") as f:
            return list(csv.reader(f))

    rows = export("rows.csv")                      # the check-ins, without the distance (diagnostics off)
    assert rows[0] == ["Time", "Number", "Name", "Department", "Desk", "Method", "Operator", "Reason"]
    assert [r[2] for r in rows[1:]] == ["Ada Lovelace"] * 2 and rows[1][5] == "Face"
    window.historySummaryView.setChecked(True)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=10000)
    summary = export("summary.csv")                # the daily summary shown: one line
    assert summary[0] == [tab.model.horizontalHeaderItem(c).text() for c in range(tab.model.columnCount())]
    assert len(summary) == 2 and summary[1][1:3] == ["H001", "Ada Lovelace"] and summary[1][5] == "2"
    try:
        assert i18n.install("zh_CN")
        window.historyRowsView.setChecked(True)
        qtbot.waitUntil(lambda: tab.model.rowCount() == 2, timeout=10000)
        assert export("中文.csv")[0] == ["时间", "工号", "姓名", "部门", "签到点", "方式", "操作员", "原因"]
        window.historySummaryView.setChecked(True)     # one table of words: the screen's are the file's
        qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=10000)
        shown = [tab.model.horizontalHeaderItem(c).text() for c in range(tab.model.columnCount())]
        assert shown == export("汇总.csv")[0] == ["日期", "工号", "姓名", "首次签到", "最后签到", "签到次数"]
    finally:
        i18n.install("en")
    window.historyRowsView.setChecked(True)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 2, timeout=10000)
    window.apply_diagnostics(True)                 # what saving Settings' diagnostics switch does
    rows = export("diagnostics.csv")
    assert rows[0][4:7] == ["Desk", "Distance", "Method"] and rows[1][5] == "0.3125"


def test_a_withdrawn_correction_stays_in_the_history_marked_with_who_and_why(qtbot, make_window, sqlite_url, checker):
    db = checker(sqlite_url)
    check_in(db, "H001", "Ada Lovelace", when=dt.datetime.now() - dt.timedelta(hours=2))
    person = db.people.get_by_number("H001")
    with db.transaction() as cur:            # enrolled before the correction's time
        cur.execute("UPDATE people SET created_at = ? WHERE id = ?", ("2026-01-01 00:00:00.000", person.id))
    fix = db.corrections.add(person.id, dt.datetime.now() - dt.timedelta(hours=1), reason="forgot", operator="Ann")
    db.corrections.withdraw(fix.attendance_id, reason="typed the wrong person", operator="Bob")
    window = make_window(sqlite_url, source="9")
    tab = window.history_tab
    window.tabs.setCurrentWidget(window.tabHistory)
    tab.apply_preset("all")                               # two hours ago may be yesterday
    qtbot.waitUntil(lambda: tab.model.rowCount() == 2, timeout=10000)
    method = next(tab.model.item(r, 6) for r in range(2) if tab.model.item(r, 6).data(Qt.UserRole) == "manual")
    assert method.text() == "Manual (withdrawn)" and method.toolTip().endswith("by Bob: typed the wrong person")
    window.historySummaryView.setChecked(True)           # it no longer counts: one check-in that day
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=10000)
    assert tab.model.item(0, 5).text() == "1"
