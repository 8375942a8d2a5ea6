"""The Reports and Schedules tabs on both real databases, in a real tab widget with the real database thread
(gui.backend_client), without the camera and the recognizer: set shifts and holidays, see a week's late /
early / absent per person, correct a missed punch, export the workbook."""
from __future__ import annotations

import csv
from datetime import date, datetime

import openpyxl
import pytest
from PyQt5.QtCore import QDate, QDateTime, Qt, QTime
from PyQt5.QtWidgets import QTabWidget, QWidget

from gui import folders
from gui.attendance_tabs import AttendancePages
from gui.backend_client import BackendClient
from desk.settings import AppConfig
from gui.report_models import GridModel


NOW = datetime(2026, 12, 8, 12, 0)


@pytest.fixture
def pages(qtbot, db_url, open_test_backend, tmp_path):
    """AttendancePages in a tab widget with a Settings tab, on a database thread of their own."""
    tabs = QTabWidget()
    for name in ("tabLive", "tabSettings"):
        page = QWidget()
        page.setObjectName(name)
        tabs.addTab(page, name)
    qtbot.addWidget(tabs)
    client = BackendClient(lambda: open_test_backend(db_url))
    config = AppConfig(db_url=db_url, desk="前台", cooldown=60)
    made = AttendancePages(tabs, client, lambda: config, tabs)
    made.reports.clock = lambda: NOW        # December's first week is over (the tests run on any day)
    client.start()
    drain(qtbot, client)            # the schema is in place before the test opens its own connection
    tabs.resize(1400, 800)
    tabs.show()
    made.client, made.config = client, config
    yield made
    client.close(5000)


def drain(qtbot, client) -> None:
    """Wait until every database job queued so far has delivered its result (one thread, first in first out)."""
    done = []
    client.call(lambda _backend: None, done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=20000)


def office(db) -> dict:
    """December 2026 (fixed days: the tests run on any day): 研发部 09:00-18:00, a holiday on the 4th."""
    day = db.schedules.save_shift("白班", "09:00", "18:00", late_grace=5, early_grace=5)
    db.schedules.set_department_schedule("研发部", day.id)
    db.attendance.cooldown_seconds = 0
    people = {}
    for number, name, department in (("E1", "张三", "研发部"), ("E2", "李四", "研发部"), ("E3", "王五", None)):
        people[number] = db.people.create(number, name, department=department)
        with db.transaction() as cur:
            cur.execute("UPDATE people SET created_at = ? WHERE id = ?", ("2026-11-01 00:00:00.000",
                                                                           people[number].id))
    for stamp in ("2026-12-01 08:58", "2026-12-01 18:05", "2026-12-02 09:20", "2026-12-02 18:00", "2026-12-03 08:59"):
        db.attendance.check_in(people["E1"].id, datetime.fromisoformat(stamp))
    db.attendance.check_in(people["E3"].id, datetime(2026, 12, 2, 10, 0))
    return people


def refused_then_saved(qtbot, tab, dialog, refused: str, reason: str) -> None:
    """Save ``dialog`` without a reason (refused: ``refused`` and the reason named, nothing written, the
    dialog still open), then with ``reason``: saved and the report computed again."""
    dialog.save()
    qtbot.waitUntil(lambda: "reason" in dialog.messageLabel.text(), timeout=20000)
    assert dialog.messageLabel.text().startswith(refused) and dialog.isVisible()
    dialog.reasonEdit.setText(reason)
    with qtbot.waitSignal(tab.loaded, timeout=20000):
        dialog.save()


def show_first_week(qtbot, pages) -> None:
    tab = pages.reports
    tab.rangeRadio.setChecked(True)
    tab.startEdit.setDate(QDate(2026, 12, 1))
    tab.endEdit.setDate(QDate(2026, 12, 7))
    with qtbot.waitSignal(tab.loaded, timeout=20000):
        tab.showButton.click()


def test_a_week_per_person_then_the_grid(qtbot, pages, db_url, checker):
    office(checker(db_url))
    tab = pages.reports
    assert pages.tabs.tabText(pages.tabs.indexOf(tab)) == "Reports"
    assert [pages.tabs.widget(i).objectName() for i in (0, 4)] == ["tabLive", "tabSettings"]   # before Settings
    pages.tabs.setCurrentWidget(tab)                        # opening the tab lists the departments
    qtbot.waitUntil(lambda: tab.departmentCombo.findData("研发部") >= 0, timeout=20000)
    show_first_week(qtbot, pages)
    model = tab.totals_model
    assert tab.table.model() is model and model.rowCount() == 3
    rows = {model.value(r, 0): [model.data(model.index(r, c)) for c in range(model.columnCount())]
            for r in range(model.rowCount())}
    #             shift,             work days, present, late, min, early, min, absent, missing
    assert rows["E1"][3:13] == ["白班 09:00-18:00", "5", "3", "1", "20", "0", "0", "2", "1", "0.08"]
    assert rows["E3"][3] == "No schedule" and rows["E3"][10] == "0"          # never absent
    assert model.headerData(4, Qt.Horizontal) == "Work days"
    assert "3 people" in tab.summaryLabel.text() and "1 without a schedule" in tab.summaryLabel.text()

    tab.gridRadio.setChecked(True)
    grid = tab.grid_model
    assert tab.table.model() is grid and grid.columnCount() == 3 + 7
    assert grid.headerData(3, Qt.Horizontal) == "12-01\nTue"
    e1 = next(r for r in range(grid.rowCount()) if grid.data(grid.index(r, 0)) == "E1")
    texts = [grid.data(grid.index(e1, c)) for c in range(3, 10)]
    assert texts == ["08:58-18:05\novertime 0:05", "09:20-18:00\nlate 20 min", "08:59-\nmissing punch", "absent",
                     "rest", "rest", "absent"]
    assert grid.data(grid.index(e1, 6), Qt.ForegroundRole).color().name() == "#c00000"        # absent in red
    assert grid.data(grid.index(e1, 7), Qt.BackgroundRole) is not None                         # Saturday shaded
    assert grid.data(grid.index(e1, 6), Qt.BackgroundRole) is None

    tab.departmentCombo.setCurrentIndex(tab.departmentCombo.findData("研发部"))
    with qtbot.waitSignal(tab.loaded, timeout=20000):
        tab.showButton.click()
    assert sorted(grid.data(grid.index(r, 0)) for r in range(grid.rowCount())) == ["E1", "E2"]


def test_the_december_report_opened_on_6_december_shows_nothing_after_today(qtbot, pages, db_url, checker):
    office(checker(db_url))
    tab = pages.reports
    tab.clock = lambda: datetime(2026, 12, 6, 10, 0)
    tab.monthEdit.setDate(QDate(2026, 12, 1))
    tab.gridRadio.setChecked(True)
    with qtbot.waitSignal(tab.loaded, timeout=20000):
        tab.showButton.click()
    grid = tab.grid_model
    e1 = next(r for r in range(grid.rowCount()) if grid.data(grid.index(r, 0)) == "E1")
    texts = [grid.data(grid.index(e1, c)) for c in range(3, 3 + 31)]
    assert texts[3:6] == ["absent", "rest", "in progress"] and texts[6:] == [""] * 25     # the 7th to the 31st
    assert grid.data(grid.index(e1, 3 + 10), Qt.ToolTipRole).startswith("Not yet")
    assert grid.data(grid.index(e1, 3 + 10), Qt.ForegroundRole) is None                  # never red
    assert "work days 8, " in tab.summaryLabel.text() and "absent 5," in tab.summaryLabel.text()   # E1, E2: 1st-4th


def test_export_the_workbook_and_csv(qtbot, pages, db_url, checker, tmp_path):
    office(checker(db_url))
    show_first_week(qtbot, pages)
    tab = pages.reports
    path = tmp_path / "考勤.xlsx"
    with qtbot.waitSignal(tab.exported, timeout=20000):
        tab.export_to(str(path))
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Totals", "Departments", "Days", "Corrections"]          # the app's language
    assert folders.start_folder("exports") == str(tmp_path)   # every export dialog (History, Schedules) opens there
    assert [r[0] for r in book["Totals"].iter_rows(min_row=3, max_row=5, values_only=True)] == ["E3", "E1", "E2"]
    with qtbot.waitSignal(tab.exported, timeout=20000):
        tab.export_to(str(tmp_path / "totals.csv"))               # headed as the table on screen is
    with open(tmp_path / "totals.csv", encoding="utf-8-sig", newline="") as f:
        header, *rows = list(csv.reader(f))
    model = tab.totals_model
    assert header == [model.headerData(c, Qt.Horizontal) for c in range(model.columnCount())]
    assert next(r for r in rows if r[0] == "E3")[3] == "No schedule"                # as the table says it
    tab.gridRadio.setChecked(True)
    with qtbot.waitSignal(tab.exported, timeout=20000):
        tab.export_to(str(tmp_path / "days.csv"))                # the CSV is the view shown: one row a day
    with open(tmp_path / "days.csv", encoding="utf-8-sig", newline="") as f:
        assert len(list(csv.reader(f))) == 1 + 3 * 7
    messages = []
    tab.message.connect(messages.append)
    tab.export_to(str(tmp_path / "no such folder" / "r.xlsx"))
    qtbot.waitUntil(lambda: bool(messages), timeout=20000)
    assert messages[0].startswith("Export failed: cannot export to") and "does not exist" in messages[0]


def test_correct_a_missed_punch_from_the_grid(qtbot, pages, db_url, checker):
    people = office(checker(db_url))
    show_first_week(qtbot, pages)
    tab = pages.reports
    tab.gridRadio.setChecked(True)
    grid = tab.grid_model
    e1 = next(r for r in range(grid.rowCount()) if grid.data(grid.index(r, 0)) == "E1")
    tab.table.setCurrentIndex(grid.index(e1, 5))                # Thursday the 3rd: arrived, never left
    dialog = tab.open_correction()
    assert dialog.numberEdit.text() == "E1" and dialog.timeEdit.date() == QDate(2026, 12, 3)
    dialog.timeEdit.setDateTime(QDateTime(QDate(2026, 12, 3), dialog.timeEdit.time().fromString("18:02", "HH:mm")))
    dialog.operatorEdit.setText("王芳")
    refused_then_saved(qtbot, tab, dialog, "Not added:", "忘记打卡")
    assert dialog.result_status == "recorded" and not dialog.isVisible()
    assert grid.data(grid.index(e1, 5)) == "08:59-18:02\novertime 0:02 corrected"
    assert tab.operator == "王芳"                                # offered for the next correction
    (row,) = checker(db_url).corrections.between(date(2026, 12, 1), date(2026, 12, 7))
    assert (row.person_id, row.method, row.operator, row.reason) == (people["E1"].id, "manual", "王芳", "忘记打卡")

    future = tab.open_correction()
    future.numberEdit.setText("E2")
    future.timeEdit.setDateTime(QDateTime.currentDateTime().addDays(2))
    future.reasonEdit.setText("x")
    future.save()
    qtbot.waitUntil(lambda: "future" in future.messageLabel.text(), timeout=20000)
    future.numberEdit.setText("NOBODY")
    future.save()
    qtbot.waitUntil(lambda: future.messageLabel.text() == "No person with number NOBODY.", timeout=20000)
    future.reject()


def test_set_shifts_schedules_and_holidays(qtbot, pages, db_url, checker, tmp_path):
    db = checker(db_url)
    db.people.create("E1", "张三", department="研发部")
    tab = pages.schedules
    pages.tabs.setCurrentWidget(tab)
    drain(qtbot, pages.client)
    assert tab.departmentModel.rowCount() == 1 and tab.departmentModel.item(0, 2).text() == "No schedule"

    tab.shiftName.setText("夜班")
    tab.shiftStart.setTime(tab.shiftStart.time().fromString("22:00", "HH:mm"))
    tab.shiftEnd.setTime(tab.shiftEnd.time().fromString("22:00", "HH:mm"))
    tab.shiftAdd.click()
    qtbot.waitUntil(lambda: "zero length" in tab.messageLabel.text(), timeout=20000)
    assert tab.messageLabel.text().startswith("Not saved:") and tab.shiftName.text() == "夜班"   # kept
    tab.shiftEnd.setTime(tab.shiftEnd.time().fromString("06:00", "HH:mm"))
    tab.shiftAdd.click()
    qtbot.waitUntil(lambda: tab.shiftModel.rowCount() == 1, timeout=20000)
    assert tab.shiftModel.item(0, 1).text() == "22:00-06:00 (ends the next day)"

    tab.departmentCombo.setEditText("研发部")
    tab.departmentDays.set_pattern("1111111")
    tab.departmentSet.click()
    qtbot.waitUntil(lambda: tab.departmentModel.item(0, 2).text().startswith("夜班"), timeout=20000)
    assert tab.departmentModel.item(0, 3).text() == "Mon Tue Wed Thu Fri Sat Sun"
    tab.overrideNumber.setText("E1")
    tab.overrideShift.setCurrentIndex(tab.overrideShift.findData(-1))      # no schedule at all
    tab.overrideSet.click()
    qtbot.waitUntil(lambda: tab.overrideModel.rowCount() == 1, timeout=20000)
    assert tab.overrideModel.item(0, 2).text() == "No schedule"

    tab.calendarDate.setDate(QDate(2026, 10, 3))
    tab.calendarName.setText("国庆节")
    tab.calendarAdd.click()
    qtbot.waitUntil(lambda: tab.calendarModel.rowCount() == 1, timeout=20000)
    assert "Note:" in tab.messageLabel.text() and "weekend" in tab.messageLabel.text()   # said, and kept
    bad = tmp_path / "bad.csv"
    bad.write_text("date,kind,name\n2027-01-01,holiday,元旦\n2027-02-30,holiday,错\n", encoding="utf-8")
    tab.import_calendar(str(bad))
    qtbot.waitUntil(lambda: "nothing was imported" in tab.messageLabel.text(), timeout=20000)
    drain(qtbot, pages.client)
    assert tab.calendarModel.rowCount() == 1                              # no half-written calendar
    out = tmp_path / "calendar.csv"
    tab.export_calendar(str(out))
    qtbot.waitUntil(lambda: "1 days" in tab.messageLabel.text(), timeout=20000)
    assert out.read_text(encoding="utf-8-sig").splitlines() == ["date,kind,name", "2026-10-03,holiday,国庆节"]
    rules = db.schedules.rules()
    assert [s.name for s in rules.shifts.values()] == ["夜班"] and rules.departments["研发部"].work_days == "1111111"


def test_ten_thousand_people_are_shown_through_a_model(qtbot, pages, db_url, checker):
    """A month of 10,000 people is 310,000 cells: the grid asks for the ones on screen only."""
    db = checker(db_url)
    with db.transaction() as cur:
        cur.executemany("INSERT INTO people (person_number, name, department, created_at, updated_at) "
                        "VALUES (?, ?, ?, ?, ?)", [(f"P{i:05d}", f"员工{i}", "生产部", "2026-01-01 00:00:00.000",
                                                    "2026-01-01 00:00:00.000") for i in range(10_000)])
    tab = pages.reports
    asked = []

    class CountingGrid(GridModel):          # the tab's grid model, counting the cells the view asks for
        def data(self, index, role=Qt.DisplayRole):
            asked.append(index.row())
            return super().data(index, role)
    tab.grid_model = CountingGrid(tab)
    pages.tabs.setCurrentWidget(tab)
    tab.monthEdit.setDate(QDate(2026, 11, 1))
    tab.gridRadio.setChecked(True)
    with qtbot.waitSignal(tab.loaded, timeout=60000):
        tab.showButton.click()
    grid = tab.grid_model
    assert (grid.rowCount(), grid.columnCount()) == (10_000, 3 + 30)
    asked.clear()
    tab.table.viewport().repaint()
    assert asked and max(asked) < 100                           # only the rows on screen
    assert grid.data(grid.index(9_999, 0)) == "P09999" and grid.data(grid.index(9_999, 5)) == ""   # no schedule
    assert grid.data(grid.index(9_999, 5), Qt.ToolTipRole) == "No schedule: never late or absent"


def test_in_chinese(qtbot, pages, db_url, checker):
    from gui import i18n

    office(checker(db_url))
    show_first_week(qtbot, pages)
    try:
        assert i18n.install("zh_CN")
        pages.retranslate()
        texts = [pages.tabs.tabText(i) for i in range(pages.tabs.count())]
        assert texts[1:4] == ["考勤报表", "请假", "排班"]
        tab = pages.reports
        assert tab.totals_model.headerData(4, Qt.Horizontal) == "应出勤天数"
        assert tab.summaryLabel.text().startswith("3 人 · 应出勤 10 天，迟到 1 次（20 分钟）")
        tab.gridRadio.setChecked(True)
        grid = tab.grid_model
        e1 = next(r for r in range(grid.rowCount()) if grid.data(grid.index(r, 0)) == "E1")
        assert grid.data(grid.index(e1, 4)) == "09:20-18:00\n迟到20分" and grid.headerData(3, Qt.Horizontal) == "12-01\n周二"
        assert pages.schedules.calendarKind.itemText(1) == "调休上班"
    finally:
        i18n.install("en")
        pages.retranslate()
    assert pages.tabs.tabText(1) == "Reports"


def test_withdraw_a_correction_from_the_grid(qtbot, pages, db_url, checker):
    people = office(checker(db_url))
    db = checker(db_url)
    db.corrections.add(people["E1"].id, datetime(2026, 12, 3, 18, 2), reason="忘记打卡", operator="王芳", now=NOW)
    show_first_week(qtbot, pages)
    tab = pages.reports
    tab.gridRadio.setChecked(True)
    grid = tab.grid_model
    e1 = next(r for r in range(grid.rowCount()) if grid.data(grid.index(r, 0)) == "E1")
    assert grid.data(grid.index(e1, 5)) == "08:59-18:02\novertime 0:02 corrected"
    messages = []
    tab.message.connect(messages.append)
    tab.table.setCurrentIndex(grid.index(e1, 4))                 # the 2nd: nothing to withdraw
    tab.open_withdrawal()
    qtbot.waitUntil(lambda: bool(messages), timeout=20000)
    assert messages[-1] == "张三 has no correction on 2026-12-02 to withdraw."
    tab.table.setCurrentIndex(grid.index(e1, 5))
    with qtbot.waitSignal(tab.withdrawalOpened, timeout=20000) as opened:
        tab.open_withdrawal()
    dialog = opened.args[0]
    assert dialog.correctionCombo.count() == 1 and "added by 王芳: 忘记打卡" in dialog.correctionCombo.currentText()
    dialog.operatorEdit.setText("李经理")
    refused_then_saved(qtbot, tab, dialog, "Not withdrawn:", "录错了")
    assert grid.data(grid.index(e1, 5)) == "08:59-\nmissing punch"
    (row,) = checker(db_url).corrections.between(date(2026, 12, 1), date(2026, 12, 7))
    assert (row.withdrawn_by, row.withdrawn_reason, row.reason) == ("李经理", "录错了", "忘记打卡")     # kept
    with pytest.raises(ValueError, match="already withdrawn"):
        checker(db_url).corrections.withdraw(row.id, reason="again", operator="x")


def test_a_schedule_from_a_date_keeps_earlier_days(qtbot, pages, db_url, checker):
    db = checker(db_url)
    people = office(db)                                       # 研发部 白班 09:00-18:00, always
    db.schedules.save_shift("早班", "07:00", "16:00")
    tab = pages.schedules
    pages.tabs.setCurrentWidget(tab)
    drain(qtbot, pages.client)
    tab.departmentCombo.setEditText("研发部")
    tab.departmentShift.setCurrentIndex(tab.departmentShift.findText("早班 (07:00-16:00)"))
    assert not tab.departmentFrom.isEnabled()
    tab.departmentFromCheck.setChecked(True)
    tab.departmentFrom.setDate(QDate(2026, 12, 3))
    tab.departmentSet.click()
    qtbot.waitUntil(lambda: tab.departmentModel.item(0, 4) is not None
                    and tab.departmentModel.item(0, 4).text() == "from 2026-12-03: 早班 (07:00-16:00)", timeout=20000)
    tab.overrideNumber.setText("E1")
    tab.overrideFromCheck.setChecked(True)
    tab.overrideFrom.setDate(QDate(2026, 10, 1))             # before E1 was enrolled: refused, nothing written
    tab.overrideSet.click()
    qtbot.waitUntil(lambda: "was enrolled on 2026-11-01" in tab.messageLabel.text(), timeout=20000)
    assert tab.overrideModel.rowCount() == 0
    # the first week: the 1st and 2nd by 09:00, from the 3rd by 07:00 (E1 arrived 08:59 on the 3rd: late)
    show_first_week(qtbot, pages)
    e1 = next(p for p in pages.reports.report.people if p.person_id == people["E1"].id)
    days = list(e1.days)
    assert (days[0].late, days[2].late, days[2].late_minutes) == (False, True, 119)


def test_changing_a_shift_in_use_asks_history_or_a_new_version(qtbot, pages, db_url, checker):
    db = checker(db_url)
    office(db)                                                # 白班 09:00-18:00 worked by 研发部 since always
    tab = pages.schedules
    pages.tabs.setCurrentWidget(tab)
    drain(qtbot, pages.client)
    tab.shiftTable.setCurrentIndex(tab.shiftModel.index(0, 0))
    tab.shiftStart.setTime(QTime(8, 30))
    tab.shiftEnd.setTime(QTime(17, 30))
    tab.shiftFrom.setDate(QDate(2026, 12, 3))
    with qtbot.waitSignal(tab.versionAsked, timeout=20000) as asked:
        tab.shiftSave.click()
    box = asked.args[0]
    assert "was worked on earlier days" in box.text() and box.versionButton.text() == "New version from 2026-12-03"
    box.versionButton.click()
    qtbot.waitUntil(lambda: "a new version from 2026-12-03 saved" in tab.messageLabel.text(), timeout=20000)
    assert db.schedules.shifts()[0].text() == "09:00-18:00"                      # the days before keep theirs
    qtbot.waitUntil(lambda: tab.shiftModel.item(0, 5).text() == "from 2026-12-03: 08:30-17:30", timeout=20000)
    assert [(d, s.text()) for d, s in db.schedules.shift_versions()[db.schedules.shifts()[0].id]] == \
        [(date(2026, 12, 3), "08:30-17:30")]
    show_first_week(qtbot, pages)
    e1 = next(p for p in pages.reports.report.people if p.person_number == "E1")
    days = list(e1.days)
    assert days[1].late_minutes == 20 and days[2].late_minutes == 29             # 09:20 by 09:00, 08:59 by 08:30
    # changing it again, for history this time: the version goes
    tab.shiftTable.setCurrentIndex(tab.shiftModel.index(0, 0))
    with qtbot.waitSignal(tab.versionAsked, timeout=20000) as asked:
        tab.shiftSave.click()
    asked.args[0].historyButton.click()
    qtbot.waitUntil(lambda: tab.messageLabel.text() == "Shift 白班 saved.", timeout=20000)
    assert db.schedules.shift_versions() == {}
