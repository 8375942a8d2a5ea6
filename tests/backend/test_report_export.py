"""The report as a workbook and as CSV: read back with openpyxl, and opened by a real spreadsheet
(LibreOffice, headless, converting every sheet to CSV as it reads the file)."""
from __future__ import annotations

import csv
import shutil
import subprocess
from datetime import date, datetime

import openpyxl
import pytest

from backend import report_export
from backend.reports import ReportQuery
from report_helpers import FIRST_WEEK, LATER, NOW, office, person, punch  # noqa: F401 (office: a fixture)

FORMULA_NAME = "=HYPERLINK(\"http://x\",\"点我\")"


def soffice() -> str:
    path = shutil.which("soffice") or shutil.which("libreoffice")
    if path is None:
        pytest.fail("LibreOffice is required: apt-get install libreoffice-calc-nogui (.ci/run installs it)")
    return path


def libreoffice_sheets(xlsx, tmp_path) -> dict[str, list[list[str]]]:
    """Every sheet of ``xlsx`` as LibreOffice Calc reads it: sheet name -> rows of cell texts."""
    out = tmp_path / "libreoffice"
    # 44 ",", 34 '"', 76 UTF-8, first line 1, ..., -1: one CSV per sheet (LibreOffice 7.2+)
    subprocess.run([soffice(), f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}", "--headless",
                    "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
                    "--outdir", str(out), str(xlsx)], check=True, capture_output=True, timeout=120)
    sheets = {}
    for path in out.glob(f"{xlsx.stem}-*.csv"):
        with open(path, encoding="utf-8", newline="") as f:
            sheets[path.stem.removeprefix(f"{xlsx.stem}-")] = list(csv.reader(f))
    return sheets


def test_the_workbook_is_what_hr_hands_to_payroll(backend, office, tmp_path):
    backend.corrections.add(office["E1"].id, datetime(2026, 12, 7, 18, 1), reason="忘记打卡", operator="王芳", now=NOW)
    wrong = backend.corrections.add(office["E1"].id, datetime(2026, 12, 7, 18, 30), reason="点错了", operator="王芳",
                                    now=NOW)
    backend.corrections.withdraw(wrong.attendance_id, reason="录重了", operator="李经理",
                                 now=datetime(2026, 12, 8, 9, 0))
    evil = person(backend, "E10", FORMULA_NAME, "研发部")
    punch(backend, evil, "2026-12-01 09:00", "2026-12-01 18:00")
    report = backend.reports.build(FIRST_WEEK)
    path = tmp_path / "考勤 2026-12.xlsx"
    corrections = backend.corrections.between(report.query.start, report.query.end)
    assert report_export.export_xlsx(report, path, "zh_CN", corrections) == 7
    assert not list(tmp_path.glob(".export-*"))                    # the temporary file became the workbook

    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["汇总", "部门汇总", "每日明细", "补卡记录"]
    totals = book["汇总"]
    assert totals.freeze_panes == "C3"
    assert totals["A1"].value.startswith("考勤报表 2026-12-01 至 2026-12-07")
    header = [c.value for c in totals[2]]
    assert header == ["工号", "姓名", "部门", "班次", "应出勤天数", "实际出勤天数", "迟到次数", "迟到分钟", "早退次数",
                      "早退分钟", "缺勤天数", "缺卡次数", "加班小时", "休息日/节假日出勤天数", "补卡次数",
                      "年假 (天)", "病假 (天)", "事假 (天, 无薪)", "调休 (天)", "出差 (天)", "外出 (小时)", "状态"]
    rows = {r[0]: r for r in totals.iter_rows(min_row=3, max_row=3 + len(report.people), values_only=True)}
    assert totals.cell(row=5 + len(report.people), column=1).value.startswith("说明")
    assert rows["E1"][:15] == ("E1", "张三", "研发部", "白班 09:00-18:00", 5, 4, 1, 20, 1, 30, 1, 0, 4.1, 1, 1)
    assert rows["E3"][3] == "无排班" and rows["E5"][21] == "已停用"
    assert totals["M3"].number_format == "0.00" and isinstance(totals["E3"].value, int)
    assert rows["E10"][1] == FORMULA_NAME and totals.cell(row=[r[0].value for r in totals.iter_rows()].index("E10") + 1,
                                                          column=2).data_type == "s"     # text, never a formula
    assert rows["合计"][10] == sum(r[10] for k, r in rows.items() if k != "合计")
    # widths for CJK: the shift column fits "白班 09:00-18:00" (2 + 2 + 12 columns), the header row wraps
    assert totals.column_dimensions["D"].width >= report_export.display_width("白班 09:00-18:00")
    assert totals.column_dimensions["N"].width >= report_export.display_width("休息日/节假日出勤天数")

    grid = book["每日明细"]
    assert grid.freeze_panes == "D4"
    assert [c.value for c in grid[2]][:5] == ["工号", "姓名", "部门", "12-01", "12-02"]
    assert [c.value for c in grid[3]][3:10] == ["周二", "周三", "周四", "周五", "周六", "周日", "周一"]
    e1 = next(r for r in grid.iter_rows(min_row=4) if r[0].value == "E1")
    # printed a month one page wide: arrival and departure on lines of their own
    assert [c.value for c in e1[3:]] == ["08:58-\n18:05\n加班0:05", "09:20-\n18:00\n迟到20分",
                                         "08:55-\n17:30\n早退30分", "缺勤", "10:00-\n14:00\n加班4:00", "休",
                                         "08:59-\n18:01\n加班0:01 补卡"]
    shade = {c.column_letter: c.fill.fgColor.rgb for c in e1[3:]}
    assert shade["H"] == shade["I"] != shade["G"]                  # Saturday and Sunday shaded, Friday not
    e5 = next(r for r in grid.iter_rows(min_row=4) if r[0].value == "E5")
    assert [c.value for c in e5[3:]][4:] == ["—", "—", "—"]       # deactivated: not active, never absent
    fixes = list(book["补卡记录"].iter_rows(min_row=3, values_only=True))
    assert fixes == [("E1", "张三", "研发部", "2026-12-07 18:01:00", "王芳", "忘记打卡", None, None, None),
                     ("E1", "张三", "研发部", "2026-12-07 18:30:00", "王芳", "点错了", "2026-12-08 09:00:00", "李经理",
                      "录重了")]                          # a withdrawn correction: kept, with who and why
    departments = {r[0]: r for r in book["部门汇总"].iter_rows(min_row=3, values_only=True)}
    assert departments["研发部"][1] == 4 and departments["（无部门）"][1] == 1 and departments["合计"][1] == 7

    # and a real spreadsheet opens it: LibreOffice reads every sheet with the Chinese intact
    sheets = libreoffice_sheets(path, tmp_path)
    assert set(sheets) == {"汇总", "部门汇总", "每日明细", "补卡记录"}
    read = {r[0]: r for r in sheets["汇总"][2:] if r}
    assert read["E1"][:13] == ["E1", "张三", "研发部", "白班 09:00-18:00", "5", "4", "1", "20", "1", "30", "1", "0",
                               "4.1"]                               # numbers, not text
    assert read["E10"][1] == FORMULA_NAME                           # shown as typed, not run
    assert sheets["每日明细"][2][3:5] == ["周二", "周三"]
    assert next(r for r in sheets["每日明细"] if r and r[0] == "E1")[4] == "09:20-\n18:00\n迟到20分"


def test_english_workbook_and_csv_views(backend, office, tmp_path):
    for who in ("E1", "E3"):
        backend.corrections.add(office[who].id, datetime(2026, 12, 4, 9, 0), reason="camera down", operator="Ada",
                                now=NOW)
    report = backend.reports.build(ReportQuery(date(2026, 12, 1), date(2026, 12, 7), now=NOW, department="研发部"))
    report_export.export_xlsx(report, tmp_path / "report.xlsx", "en",
                              backend.corrections.between(date(2026, 12, 1), date(2026, 12, 7)))
    book = openpyxl.load_workbook(tmp_path / "report.xlsx")
    assert book.sheetnames == ["Totals", "Departments", "Days", "Corrections"]
    # the corrections of the report's people only (E3 has no department)
    assert [r[:2] for r in book["Corrections"].iter_rows(min_row=3, values_only=True)] == [("E1", "张三")]
    assert book["Corrections"].freeze_panes == "A3"
    assert book["Totals"]["A1"].value.endswith("Department: 研发部")
    assert [c.value for c in book["Totals"][2]][:5] == ["Number", "Name", "Department", "Shift", "Work days"]

    assert report_export.export_csv(report, tmp_path / "totals.csv", "totals") == 3
    with open(tmp_path / "totals.csv", encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0][:2] == ["工号", "姓名"] and rows[1][:5] == ["E1", "张三", "研发部", "白班 09:00-18:00", "5"]
    assert report_export.export_csv(report, tmp_path / "days.csv", "days", "en") == 3 * 7
    with open(tmp_path / "days.csv", encoding="utf-8-sig", newline="") as f:
        days = list(csv.reader(f))
    assert days[0] == ["Number", "Name", "Department", "Date", "Weekday", "Kind", "Arrival", "Departure",
                       "Late (min)", "Early (min)", "Overtime (min)", "Marks"]
    assert days[2] == ["E1", "张三", "研发部", "2026-12-02", "Wed", "work day", "2026-12-02 09:20:00",
                       "2026-12-02 18:00:00", "20", "0", "0", "late 20 min"]
    assert days[4][5:] == ["work day", "2026-12-04 09:00:00", "", "0", "0", "0", "missing punch corrected"]
    assert days[7][3:] == ["2026-12-07", "Mon", "work day", "2026-12-07 08:59:00", "", "0", "0", "0", "missing punch"]


def test_formula_like_text_is_safe_in_csv(backend, office, tmp_path):
    evil = person(backend, "=1+1", "@SUM(A1)", "-研发")
    report = backend.reports.build(ReportQuery(date(2026, 12, 1), date(2026, 12, 1), now=NOW, department="-研发"))
    report_export.export_csv(report, tmp_path / "t.csv")
    with open(tmp_path / "t.csv", encoding="utf-8-sig", newline="") as f:
        row = list(csv.reader(f))[1]
    assert row[:3] == ["'=1+1", "'@SUM(A1)", "'-研发"] and evil.id


def test_a_failed_export_leaves_no_half_file(backend, office, tmp_path):
    report = backend.reports.build(FIRST_WEEK)
    with pytest.raises(ValueError, match="does not exist"):
        report_export.export_xlsx(report, tmp_path / "missing" / "r.xlsx")
    target = tmp_path / "r.xlsx"
    target.write_bytes(b"the workbook of last month")
    with pytest.raises(ValueError, match="unknown report language"):
        report_export.export_xlsx(report, target, "fr")
    with pytest.raises(ValueError, match="unknown report view"):
        report_export.export_csv(report, tmp_path / "r.csv", "weeks")
    assert target.read_bytes() == b"the workbook of last month" and not (tmp_path / "r.csv").exists()
    assert not list(tmp_path.glob(".export-*"))


# -- the workbook printed: LibreOffice -> PDF, pages counted per sheet ------------------------------
def printed_pages(xlsx, tmp_path) -> list[str]:
    """The text of every page LibreOffice prints of ``xlsx`` (all sheets, in order), via PDF and pdftotext."""
    out = tmp_path / "pdf"
    subprocess.run([soffice(), f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(out), str(xlsx)], check=True, capture_output=True,
                   timeout=180)
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        pytest.fail("pdftotext is required: apt-get install poppler-utils")
    text = subprocess.run([pdftotext, "-layout", str(out / f"{xlsx.stem}.pdf"), "-"], check=True,
                          capture_output=True, text=True).stdout
    return text.split("\f")[:-1]                       # pdftotext ends every page with a form feed


def sheet_of(page: str, sheets) -> str:
    """The sheet a printed page belongs to: its header names it (the page header's right part)."""
    first = next(line for line in page.splitlines() if line.strip())
    return max((name for name in sheets if first.rstrip().endswith(name)), key=len)     # 部门汇总, not 汇总


@pytest.mark.parametrize("kind", ["sqlite"])           # printing does not depend on the database
def test_the_workbook_prints_on_a4_landscape_one_page_wide(backend, tmp_path):
    s = backend.schedules
    day = s.save_shift("白班", "09:00", "18:00", late_grace=5, early_grace=5, break_minutes=60)
    departments = ("研发部", "销售部", "财务部")
    for department in departments:
        s.set_department_schedule(department, day.id)
    s.set_calendar_day(date(2026, 12, 25), "holiday", "圣诞节")
    with backend.transaction() as cur:                 # 40 people: what one department head signs
        cur.executemany("INSERT INTO people (person_number, name, department, created_at, updated_at) "
                        "VALUES (?, ?, ?, ?, ?)",
                        [(f"E{i:03d}", f"员工{i:02d}", departments[i % 3], "2026-11-01 08:00:00.000",
                          "2026-11-01 08:00:00.000") for i in range(40)])
        ids = [int(r[0]) for r in cur.execute("SELECT id FROM people ORDER BY id").fetchall()]
        cur.executemany("INSERT INTO attendance (event_id, person_id, checked_in_at, desk, distance, method) "
                        "VALUES (?, ?, ?, ?, ?, ?)",
                        [(f"ev-{p}-{d}-{h}", p, f"2026-12-{d:02d} {h}:{(p * 7 + d) % 20:02d}:00.000", "前台", 0.3,
                          "face") for p in ids for d in range(1, 32) if date(2026, 12, d).weekday() < 5
                         for h in ("08", "18")])
    report = backend.reports.build(ReportQuery.month(2026, 12, now=LATER))
    path = tmp_path / "december.xlsx"
    report_export.export_xlsx(report, path, "zh_CN", [])

    book = openpyxl.load_workbook(path)
    for sheet in book.worksheets:                       # A4 landscape, one page wide, the header rows repeated
        setup = sheet.page_setup
        assert (setup.orientation, setup.paperSize, setup.fitToWidth or 1, setup.fitToHeight) == \
            ("landscape", 9, 1, 0), sheet.title                      # fitToWidth: 1 when left out (OOXML)
        assert sheet.sheet_properties.pageSetUpPr.fitToPage and sheet.print_title_rows
        assert "考勤报表 2026-12-01 至 2026-12-31" in sheet.oddHeader.left.text
    grid = book["每日明细"]
    assert grid.print_title_rows == "$2:$3"
    starts = [row for row in range(4, grid.max_row + 1)
              if grid.cell(row, 3).value != grid.cell(row - 1, 3).value]
    assert [b.id for b in grid.row_breaks.brk] == [row - 1 for row in starts[1:]]   # a page per department

    pages = printed_pages(path, tmp_path)
    names = book.sheetnames
    counts = {name: sum(1 for page in pages if sheet_of(page, names) == name) for name in names}
    assert all("考勤报表 2026-12-01 至 2026-12-31" in page for page in pages)      # the title on every page
    assert counts["汇总"] == 1 and counts["部门汇总"] == 1                          # 40 people on one page
    assert counts["每日明细"] == len(departments)                                  # one page a department
    assert len(pages) == 6                                                       # README: "Printed workbook"
