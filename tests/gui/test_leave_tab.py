"""The Leave tab on both real databases, in a real tab widget with the real database thread: enter leave,
see it refused with the backend's one line, list and withdraw it, import a CSV all or nothing, and see the
report count it."""
from __future__ import annotations

from datetime import date

from PyQt5.QtCore import QDate, QDateTime, QTime

from test_reports_tab import NOW, drain, office, pages, show_first_week  # noqa: F401 (pages: a fixture)


def test_enter_list_withdraw_and_import_leave(qtbot, pages, db_url, checker, tmp_path):
    office(checker(db_url))
    tab = pages.leave
    assert pages.tabs.tabText(pages.tabs.indexOf(tab)) == "Leave"
    tab.monthEdit.setDate(QDate(2026, 12, 1))
    with qtbot.waitSignal(tab.loaded, timeout=20000):
        pages.tabs.setCurrentWidget(tab)                      # opening the tab reads the types and the month
    assert [tab.typeCombo.itemText(i) for i in range(tab.typeCombo.count())] == \
        ["Annual leave", "Sick leave", "Personal leave", "Time off in lieu", "Business trip", "Out on business"]

    tab.numberEdit.setText("E1")
    tab.typeCombo.setCurrentIndex(tab.typeCombo.findData("annual"))
    tab.startEdit.setDateTime(QDateTime(QDate(2026, 12, 4), QTime(9, 0)))
    tab.endEdit.setDateTime(QDateTime(QDate(2026, 12, 4), QTime(18, 0)))
    tab.reasonEdit.setText("回老家")
    tab.add()                                                  # no operator: refused, nothing written
    qtbot.waitUntil(lambda: tab.entryLabel.text().startswith("Not added:"), timeout=20000)
    assert "operator" in tab.entryLabel.text() and checker(db_url).leave.between(date(2026, 12, 1),
                                                                                 date(2026, 12, 31)) == []
    tab.operatorEdit.setText("王芳")
    with qtbot.waitSignal(tab.loaded, timeout=20000):
        tab.add()
    assert tab.entryLabel.text() == "Leave added for 张三: 2026-12-04."
    assert tab.model.rowCount() == 1 and tab.model.item(0, 2).text() == "Annual leave"
    tab.modeCombo.setCurrentIndex(tab.modeCombo.findData("pm"))      # the same day again: overlaps
    assert not tab.endEdit.isEnabled()
    tab.add()
    qtbot.waitUntil(lambda: "overlapping" in tab.entryLabel.text(), timeout=20000)
    tab.startEdit.setDateTime(QDateTime(QDate(2026, 12, 5), QTime(9, 0)))      # a Saturday
    tab.add()
    qtbot.waitUntil(lambda: "no half day of leave then" in tab.entryLabel.text(), timeout=20000)

    # the report counts it: the 4th is on leave, not absent
    show_first_week(qtbot, pages)
    grid = pages.reports.grid_model
    pages.reports.gridRadio.setChecked(True)
    e1 = next(r for r in range(grid.rowCount()) if grid.data(grid.index(r, 0)) == "E1")
    assert grid.data(grid.index(e1, 6)) == "Annual leave"
    assert "on leave or a trip 1 day" in pages.reports.summaryLabel.text()
    totals = pages.reports.totals_model
    columns = [totals.headerData(c, 1) for c in range(totals.columnCount())]
    assert columns[15:18] == ["Annual leave (d)", "Sick leave (d)", "Personal leave (d, unpaid)"]
    assert columns[20] == "Out on business (h)"

    # withdraw it: a reason is required; then it stays listed, withdrawn
    tab.table.selectRow(0)
    tab.withdraw_selected()
    qtbot.waitUntil(lambda: tab.listLabel.text().startswith("Not withdrawn:"), timeout=20000)
    tab.withdrawReasonEdit.setText("取消")
    with qtbot.waitSignal(tab.loaded, timeout=20000):
        tab.withdraw_selected()
    assert tab.model.item(0, 7).text().startswith("withdrawn on ") and tab.model.item(0, 7).text().endswith(
        "by 王芳: 取消")

    # a CSV: all or nothing, the line of the first error
    bad = tmp_path / "leave.csv"
    bad.write_text("工号,类型,开始,结束,半天,原因\nE1,出差,2026-12-14,2026-12-18,,上海\nE2,婚假,2026-12-14,2026-12-14\n",
                   encoding="utf-8-sig")
    tab.import_from(str(bad))
    qtbot.waitUntil(lambda: tab.listLabel.text().startswith("Nothing imported:"), timeout=20000)
    assert "line 3: unknown leave type '婚假'" in tab.listLabel.text()
    bad.write_text("E1,出差,2026-12-14,2026-12-18,,上海\nE2,病假,2026-12-14,2026-12-14,上午,\n", encoding="utf-8")
    with qtbot.waitSignal(tab.loaded, timeout=20000):
        tab.import_from(str(bad))
    assert tab.model.rowCount() == 3
    drain(qtbot, pages.client)
