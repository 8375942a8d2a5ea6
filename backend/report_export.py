"""A report as an Excel workbook (XlsxWriter) or as CSV, in Chinese (default) or English.

The workbook (what HR hands to payroll): "汇总" per person totals, "部门汇总" per department, "每日明细"
the day grid (one cell a day: arrival-departure and what was wrong; weekends and holidays shaded),
"补卡记录" the corrections with operator and reason (a withdrawn one too, with who withdrew it and why). Header rows are frozen, column widths are set for
CJK text (a Chinese character is two columns wide). Every sheet prints (page_setup): A4 landscape, one
page wide, its header rows repeated on every page, the report's title and the sheet's name in the page
header and the page number in the footer; the day grid starts a new page at each department. Written row by row in XlsxWriter's constant_memory
mode, to a temporary file moved into place at the end (a failed export leaves no half file). Text from
people is always written as text, never as a formula.
"""
from __future__ import annotations

import unicodedata
from datetime import date

import xlsxwriter

from backend.csv_export import safe_cell, write_atomically, write_csv
from backend.day_attendance import ABSENT, FUTURE, HOLIDAY, HOUR_UNIT, LEAVE, NONE, OUT, PENDING, REST, WORK, DayResult
from backend.records import AttendanceRow
from backend.reports import PersonReport, Report
from backend.work_rules import WORKDAY

LANGUAGES = ("zh_CN", "en")
#: the words of a report, one table per language: the workbook's, the CSV's and the Reports tab's (the one home
#: of these words; the tab takes them from here for the desk's language, its other words are Qt's)
LABELS = {
    "zh_CN": {
        "language": "zh_CN", "kind_leave": "请假", "unit_day": "天", "unit_hour": "小时", "unpaid": "无薪",
        "title": "考勤报表", "to": "至", "department_filter": "部门", "all": "全部", "no_department": "（无部门）",
        "number": "工号", "name": "姓名", "department": "部门", "shift": "班次", "work_days": "应出勤天数",
        "present": "实际出勤天数", "late": "迟到次数", "late_minutes": "迟到分钟", "early": "早退次数",
        "early_minutes": "早退分钟", "absent": "缺勤天数", "missing_punches": "缺卡次数", "overtime_hours": "加班小时",
        "rest_days_worked": "休息日/节假日出勤天数", "corrections": "补卡次数", "status": "状态",
        "people": "人数", "active": "在职", "inactive": "已停用", "no_schedule": "无排班",
        "sheet_totals": "汇总", "sheet_departments": "部门汇总", "sheet_days": "每日明细", "sheet_corrections": "补卡记录",
        "weekdays": ("周一", "周二", "周三", "周四", "周五", "周六", "周日"),
        "date": "日期", "weekday": "星期", "kind": "类型", "arrival": "上班", "departure": "下班",
        "overtime_minutes": "加班分钟", "marks": "标记", "time": "补卡时间", "operator": "操作员", "reason": "原因",
        "withdrawn_at": "撤销时间", "withdrawn_by": "撤销人", "withdrawn_reason": "撤销原因",
        "kind_work": "工作日", "kind_rest": "休息日", "kind_holiday": "节假日", "kind_none": "无排班",
        "kind_out": "未在职", "kind_future": "未到", "kind_pending": "进行中", "mark_pending": "进行中",
        "mark_late": "迟到{0}分", "mark_early": "早退{0}分", "mark_absent": "缺勤", "mark_missing": "缺卡",
        "mark_overtime": "加班{0}", "mark_corrected": "补卡", "mark_rest": "休", "mark_holiday": "节假日",
        "mark_out": "—", "total": "合计", "legend": "说明：迟到、早退按班次开始/结束计分钟（超过宽限才计）；"
                                                    "夜班计入上班当天；休息日、节假日出勤全部计为加班。",
    },
    "en": {
        "language": "en", "kind_leave": "on leave", "unit_day": " d", "unit_hour": " h", "unpaid": "unpaid",
        "title": "Attendance report", "to": "to", "department_filter": "Department", "all": "all",
        "no_department": "(no department)",
        "number": "Number", "name": "Name", "department": "Department", "shift": "Shift", "work_days": "Work days",
        "present": "Present", "late": "Late", "late_minutes": "Late (min)", "early": "Left early",
        "early_minutes": "Early (min)", "absent": "Absent", "missing_punches": "Missing punches",
        "overtime_hours": "Overtime (h)", "rest_days_worked": "Rest days worked", "corrections": "Corrections",
        "status": "Status", "people": "People", "active": "active", "inactive": "deactivated",
        "no_schedule": "No schedule",
        "sheet_totals": "Totals", "sheet_departments": "Departments", "sheet_days": "Days",
        "sheet_corrections": "Corrections",
        "weekdays": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
        "date": "Date", "weekday": "Weekday", "kind": "Kind", "arrival": "Arrival", "departure": "Departure",
        "overtime_minutes": "Overtime (min)", "marks": "Marks", "time": "Time", "operator": "Operator",
        "reason": "Reason", "withdrawn_at": "Withdrawn", "withdrawn_by": "Withdrawn by",
        "withdrawn_reason": "Why withdrawn",
        "kind_work": "work day", "kind_rest": "rest day", "kind_holiday": "holiday", "kind_none": "no schedule",
        "kind_out": "not active", "kind_future": "not yet", "kind_pending": "in progress",
        "mark_pending": "in progress",
        "mark_late": "late {0} min", "mark_early": "early {0} min", "mark_absent": "absent", "mark_missing": "missing punch",
        "mark_overtime": "overtime {0}", "mark_corrected": "corrected", "mark_rest": "rest", "mark_holiday": "holiday",
        "mark_out": "—", "total": "Total", "legend": "Late and early are minutes from the shift's start / to its end "
                                                       "(counted beyond the grace); a night shift belongs to the day it "
                                                       "starts; all time worked on rest days and holidays is overtime.",
    },
}
TOTAL_FIELDS = ("work_days", "present", "late", "late_minutes", "early", "early_minutes", "absent",
                "missing_punches", "overtime_hours", "rest_days_worked", "corrections")
#: a day of the printed grid: "08:58-" and "18:05" on lines of their own, the marks wrapped below
DAY_COLUMN_WIDTH = 7
#: points a line of a grid cell takes (9-point text)
LINE_HEIGHT = 11.5
MAX_COLUMN_WIDTH = 50
A4 = 9                       # XlsxWriter's paper code
#: page margins in inches (narrow: a month's grid is wide)
MARGINS = {"left": 0.3, "right": 0.3, "top": 0.55, "bottom": 0.45}


def labels(language: str) -> dict:
    if language not in LABELS:
        raise ValueError(f"unknown report language {language!r}; use one of {', '.join(LANGUAGES)}")
    return LABELS[language]


def report_words(report: Report, language: str, words: dict | None = None) -> dict:
    """The words of ``report`` in ``language`` (``words``: the caller's own added, e.g. the screen's tooltips),
    with its leave types: "leave_names" (a day's mark) and "leave_headers" (a totals column each, with its
    unit, and "unpaid" for a type payroll deducts)."""
    text = {**labels(language), **(words or {})}
    names = [t.name(language) for t in report.leave_types]
    units = [text["unit_hour" if t.unit == HOUR_UNIT else "unit_day"].strip() for t in report.leave_types]
    return {**text, "leave_names": names, "leave_units": [text["unit_hour" if t.unit == HOUR_UNIT else "unit_day"]
                                                          for t in report.leave_types],
            "leave_headers": [f"{n} ({u})" if t.paid else f"{n} ({u}, {text['unpaid']})"
                              for n, u, t in zip(names, units, report.leave_types)]}


def display_width(text: str) -> int:
    """Columns ``text`` takes in a spreadsheet: two for a CJK (wide or full-width) character."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _hm(value) -> str:
    return "" if value is None else f"{value:%H:%M}"


def hours(minutes: int) -> float:
    return round(minutes / 60, 2)


def _overtime(minutes: int) -> str:
    return f"{minutes // 60}:{minutes % 60:02d}"


def day_marks(result: DayResult, text: dict, calendar: dict) -> list[str]:
    """What was wrong (or special) on a day, in words: late, early, absent, missing punch, ..."""
    marks = []
    if result.leave >= 0:                # its type; the part taken when it is not the whole day
        names = text.get("leave_names", ())
        name = names[result.leave] if result.leave < len(names) else text.get("kind_leave", "leave")
        if result.kind == LEAVE:
            marks.append(name)
        else:
            unit = text.get("leave_units", ())[result.leave] if result.leave < len(text.get("leave_units", ())) else ""
            marks.append(f"{name} {result.leave_amount / 100:g}{unit}")
    if result.kind == PENDING:           # not judged yet: the check-ins so far, nothing counted
        return [text["mark_pending"]] + ([text["mark_corrected"]] if result.corrected else [])
    if result.absent:
        marks.append(text["mark_absent"])
    if result.late:
        marks.append(text["mark_late"].format(result.late_minutes))
    if result.early:
        marks.append(text["mark_early"].format(result.early_minutes))
    if result.missing_punch:
        marks.append(text["mark_missing"])
    if result.overtime_minutes:
        marks.append(text["mark_overtime"].format(_overtime(result.overtime_minutes)))
    if result.corrected:
        marks.append(text["mark_corrected"])
    if result.kind == HOLIDAY and result.arrival is None:
        entry = calendar.get(result.day)
        marks.append(entry.name if entry is not None and entry.name else text["mark_holiday"])
    elif result.kind == REST and result.arrival is None:
        marks.append(text["mark_rest"])
    return marks


def day_times(result: DayResult) -> str:
    """"08:55-18:02", "08:55-" (no departure), "-18:02" (no arrival), "" (no check-in)."""
    if result.arrival is None and result.departure is None:
        return ""
    return f"{_hm(result.arrival)}-{_hm(result.departure)}"


def day_cell(result: DayResult, text: dict, calendar: dict, narrow: bool = False) -> str:
    """The grid's text of one day: the times on the first line, the marks on the second. ``narrow`` (the
    printed workbook, a month on one page wide): arrival and departure on lines of their own."""
    if result.kind == FUTURE:
        return ""
    if result.kind == OUT and result.arrival is None:
        return text["mark_out"]
    times = day_times(result)
    lines = [*(times.replace("-", "-\n", 1).split("\n") if narrow else [times]),
             " ".join(day_marks(result, text, calendar))]
    return "\n".join(line for line in lines if line)


def cell_lines(cell: str, width: int) -> int:
    """Lines ``cell`` takes in a wrapping column ``width`` wide (a CJK character is two columns)."""
    return sum(max(1, -(-display_width(line) // max(1, width - 1))) for line in cell.split("\n")) if cell else 1


def shaded(day: date, calendar: dict) -> bool:
    """Weekends and holidays (not the make-up work days on a weekend)."""
    entry = calendar.get(day)
    if entry is not None:
        return entry.kind != WORKDAY
    return day.weekday() >= 5


def shift_text(person: PersonReport, text: dict) -> str:
    shift = person.schedule.shift
    return text["no_schedule"] if shift is None else f"{shift.name} {shift.text()}"


def title(report: Report, text: dict) -> str:
    query = report.query
    department = (text["all"] if query.department is None else
                  text["no_department"] if query.department == "" else query.department)
    return f"{text['title']} {query.start} {text['to']} {query.end}  {text['department_filter']}: {department}"


def total_values(totals, leave_types: int = 0) -> list:
    """The figures of TOTAL_FIELDS, then the leave taken of each of ``leave_types`` types (days or hours)."""
    return [*(hours(totals.overtime_minutes) if field == "overtime_hours" else getattr(totals, field)
              for field in TOTAL_FIELDS), *(totals.leave.get(i, 0) / 100 for i in range(leave_types))]


def person_row(person: PersonReport, text: dict) -> list:
    return [person.person_number, person.name, person.department, shift_text(person, text),
            *total_values(person.totals, len(text.get("leave_headers", ()))),
            text["active"] if person.active else text["inactive"]]


def totals_header(text: dict) -> list[str]:
    return [*(text[k] for k in ("number", "name", "department", "shift", *TOTAL_FIELDS)),
            *text.get("leave_headers", ()), text["status"]]


def _widths(header: list[str], rows, least: int = 6) -> list[int]:
    widths = [max(least, display_width(h)) for h in header]
    for row in rows:
        for i, value in enumerate(row):
            if isinstance(value, str):
                widths[i] = max(widths[i], display_width(value))
    return [min(MAX_COLUMN_WIDTH, w + 2) for w in widths]


# -- xlsx ------------------------------------------------------------------------------------------
def export_xlsx(report: Report, path, language: str = "zh_CN", corrections: list[AttendanceRow] = ()) -> int:
    """Write the workbook; returns the number of people in it. Raises ValueError for a bad path.
    ``corrections``: manual check-ins (Corrections.between); those of people not in the report are left out."""
    text = report_words(report, language)
    return write_atomically(path, lambda tmp: _write_workbook(tmp, report, text, list(corrections)))


def _write_workbook(tmp, report: Report, text: dict, corrections: list[AttendanceRow]) -> int:
    workbook = xlsxwriter.Workbook(tmp, {"constant_memory": True, "strings_to_formulas": False,
                                         "strings_to_urls": False})
    workbook.set_properties({"title": title(report, text), "comments": text["legend"]})
    font = {"font_name": "Microsoft YaHei" if text["language"] == "zh_CN" else "Calibri", "font_size": 10}
    fmt = {
        "title": workbook.add_format({**font, "bold": True, "font_size": 13}),
        "note": workbook.add_format({**font, "italic": True, "font_color": "#666666"}),
        "header": workbook.add_format({**font, "bold": True, "bg_color": "#DDEBF7", "border": 1, "text_wrap": True,
                                       "valign": "vcenter", "align": "center"}),
        "text": workbook.add_format(font),
        "number": workbook.add_format(font),
        "hours": workbook.add_format({**font, "num_format": "0.00"}),
        "total": workbook.add_format({**font, "bold": True, "top": 1}),
        "total_hours": workbook.add_format({**font, "bold": True, "top": 1, "num_format": "0.00"}),
    }
    # grid cells: plain / problem (late, early, missing) / absent / not active, each shaded or not
    day_formats = {}
    for shade in (False, True):
        for state, extra in (("plain", {}), ("problem", {"font_color": "#C65911"}),
                             ("absent", {"font_color": "#C00000", "bold": True}), ("out", {"font_color": "#999999"}),
                             ("leave", {"font_color": "#2F5597"})):
            spec = {**font, "font_size": 9, "text_wrap": True, "valign": "top", "align": "center", "border": 1,
                    "border_color": "#D9D9D9", **extra}
            if shade:
                spec["bg_color"] = "#EDEDED"
            day_formats[shade, state] = workbook.add_format(spec)
    header_shaded = workbook.add_format({**font, "bold": True, "bg_color": "#D0D0D0", "border": 1,
                                         "text_wrap": True, "align": "center"})

    _totals_sheet(workbook, report, text, fmt)
    _departments_sheet(workbook, report, text, fmt)
    _grid_sheet(workbook, report, text, fmt, day_formats, header_shaded)
    _corrections_sheet(workbook, report, text, fmt, corrections)
    workbook.close()
    return len(report.people)


def _write_totals_row(sheet, row: int, values: list, fmt: dict, first_numeric: int, bold: bool = False) -> None:
    for column, value in enumerate(values):
        if isinstance(value, str):
            sheet.write_string(row, column, value, fmt["total" if bold else "text"])
        elif column - first_numeric == TOTAL_FIELDS.index("overtime_hours"):
            sheet.write_number(row, column, value, fmt["total_hours" if bold else "hours"])
        else:
            sheet.write_number(row, column, value, fmt["total" if bold else "number"])


def _header_text(value: str) -> str:
    """``value`` as literal text of a page header ("&" starts a code there)."""
    return value.replace("&", "&&")


def page_setup(sheet, report: Report, text: dict, header_rows: tuple[int, int]) -> None:
    """Print ``sheet`` on A4 landscape, one page wide (as many tall as it takes), with the rows
    ``header_rows`` (first, last; 0-based) repeated on every page, and the report's title on every page
    (page header, left; the sheet's name right, so that a loose page says what it is; page x / y below)."""
    sheet.set_paper(A4)
    sheet.set_landscape()
    sheet.fit_to_pages(1, 0)
    sheet.set_margins(**MARGINS)
    sheet.repeat_rows(*header_rows)
    sheet.set_header(f"&L&\"{'Microsoft YaHei' if text['language'] == 'zh_CN' else 'Calibri'},Bold\"&11"
                     f"{_header_text(title(report, text))}&R&10&A", {"margin": 0.2})
    sheet.set_footer("&C&9&P / &N", {"margin": 0.2})


def _sheet(workbook, name: str, report: Report, text: dict, fmt: dict, header: list[str], rows, frozen_columns: int):
    """A sheet with the report's title (row 1) and ``header`` (row 2) frozen above ``rows``, its columns as
    wide as the widest of ``rows`` (text) needs; the rows themselves are written by the caller, in order."""
    sheet = workbook.add_worksheet(name)
    for column, width in enumerate(_widths(header, rows)):
        sheet.set_column(column, column, width)
    sheet.set_row(1, 30)
    sheet.freeze_panes(2, frozen_columns)
    sheet.write_string(0, 0, title(report, text), fmt["title"])
    sheet.write_row(1, 0, header, fmt["header"])
    page_setup(sheet, report, text, (1, 1))
    return sheet


def _totals_sheet(workbook, report: Report, text: dict, fmt: dict) -> None:
    header = totals_header(text)
    sheet = _sheet(workbook, text["sheet_totals"], report, text, fmt, header,
                   (person_row(p, text) for p in report.people), 2)
    row = 2
    for person in report.people:
        _write_totals_row(sheet, row, person_row(person, text), fmt, 4)
        row += 1
    leave = len(report.leave_types)
    _write_totals_row(sheet, row, [text["total"], "", "", "", *total_values(report.total(), leave), ""], fmt, 4,
                      bold=True)
    sheet.write_string(row + 2, 0, text["legend"], fmt["note"])
    if report.people:
        sheet.autofilter(1, 0, row - 1, len(header) - 1)


def _departments_sheet(workbook, report: Report, text: dict, fmt: dict) -> None:
    header = [text["department"], text["people"], *(text[k] for k in TOTAL_FIELDS), *text["leave_headers"]]
    leave = len(report.leave_types)
    rows = [[d.department or text["no_department"], d.people, *total_values(d.totals, leave)]
            for d in report.departments]
    sheet = _sheet(workbook, text["sheet_departments"], report, text, fmt, header, rows, 1)
    for index, values in enumerate(rows):
        _write_totals_row(sheet, index + 2, values, fmt, 2)
    _write_totals_row(sheet, len(rows) + 2, [text["total"], len(report.people), *total_values(report.total(), leave)],
                      fmt, 2, bold=True)


def _grid_sheet(workbook, report: Report, text: dict, fmt: dict, day_formats: dict, header_shaded) -> None:
    sheet = workbook.add_worksheet(text["sheet_days"])
    fixed = [text["number"], text["name"], text["department"]]
    widths = _widths(fixed, ([p.person_number, p.name, p.department] for p in report.people))
    for column, width in enumerate(widths):
        sheet.set_column(column, column, width)
    sheet.set_column(len(fixed), len(fixed) + len(report.days) - 1, DAY_COLUMN_WIDTH)
    sheet.freeze_panes(3, len(fixed))
    page_setup(sheet, report, text, (1, 2))
    # a department starts a page (people are sorted by department): each head signs their own pages
    starts = [3 + i for i in range(1, len(report.people))
              if report.people[i].department != report.people[i - 1].department]
    if starts:
        sheet.set_h_pagebreaks(starts)
    sheet.write_string(0, 0, title(report, text), fmt["title"])
    shades = [shaded(day, report.calendar) for day in report.days]
    styles = [header_shaded if shade else fmt["header"] for shade in shades]
    # constant_memory: each row is written whole, in order (a row left behind is flushed and final)
    sheet.write_row(1, 0, fixed, fmt["header"])
    for index, day in enumerate(report.days):
        sheet.write_string(1, len(fixed) + index, f"{day:%m-%d}", styles[index])
    sheet.write_row(2, 0, [""] * len(fixed), fmt["header"])
    for index, day in enumerate(report.days):
        entry = report.calendar.get(day)
        sheet.write_string(2, len(fixed) + index, entry.name if entry is not None and entry.name else
                           text["weekdays"][day.weekday()], styles[index])
    row = 3
    for person in report.people:
        cells = [day_cell(result, text, report.calendar, narrow=True) for result in person.days]
        # as tall as its tallest day (constant_memory: the row's height is set before its cells)
        sheet.set_row(row, LINE_HEIGHT * max([2] + [cell_lines(c, DAY_COLUMN_WIDTH) for c in cells]) + 3)
        sheet.write_string(row, 0, person.person_number, fmt["text"])
        sheet.write_string(row, 1, person.name, fmt["text"])
        sheet.write_string(row, 2, person.department, fmt["text"])
        for index, (result, cell) in enumerate(zip(person.days, cells)):
            state = ("out" if result.kind == OUT else "leave" if result.kind == LEAVE else
                     "absent" if result.flags & ABSENT else
                     "problem" if result.late or result.early or result.missing_punch else "plain")
            sheet.write_string(row, len(fixed) + index, cell, day_formats[shades[index], state])
        row += 1


def _corrections_sheet(workbook, report: Report, text: dict, fmt: dict, corrections: list[AttendanceRow]) -> None:
    header = [text[k] for k in ("number", "name", "department", "time", "operator", "reason", "withdrawn_at",
                                "withdrawn_by", "withdrawn_reason")]
    people = {p.person_id for p in report.people}          # the corrections of the report's people only
    rows = [[c.person_number, c.name, c.department or "", f"{c.checked_in_at:%Y-%m-%d %H:%M:%S}", c.operator or "",
             c.reason or "", *((f"{c.withdrawn_at:%Y-%m-%d %H:%M:%S}", c.withdrawn_by or "", c.withdrawn_reason or "")
                               if c.withdrawn else ())]
            for c in corrections if c.person_id in people]
    sheet = _sheet(workbook, text["sheet_corrections"], report, text, fmt, header, rows, 0)
    for index, values in enumerate(rows):
        for column, value in enumerate(values):
            sheet.write_string(index + 2, column, value, fmt["text"])


# -- csv -------------------------------------------------------------------------------------------
CSV_VIEWS = ("totals", "days")


def export_csv(report: Report, path, view: str = "totals", language: str = "zh_CN") -> int:
    """``view`` "totals": one row a person; "days": one row a person-day. UTF-8 with BOM (Excel opens it
    with the Chinese intact), written atomically; returns the rows written. Headed with LABELS' words, as
    the Reports tab's table is."""
    text = report_words(report, language)
    if view not in CSV_VIEWS:
        raise ValueError(f"unknown report view {view!r}; use one of {', '.join(CSV_VIEWS)}")
    if view == "totals":
        rows = ([safe_cell(v) if isinstance(v, str) else v for v in person_row(p, text)] for p in report.people)
        return write_csv(path, totals_header(text), rows)
    header = [text[k] for k in ("number", "name", "department", "date", "weekday", "kind", "arrival", "departure",
                                "late_minutes", "early_minutes", "overtime_minutes", "marks")]
    kinds = {WORK: text["kind_work"], REST: text["kind_rest"], HOLIDAY: text["kind_holiday"],
             NONE: text["kind_none"], OUT: text["kind_out"], FUTURE: text["kind_future"],
             PENDING: text["kind_pending"], LEAVE: text["kind_leave"]}

    def rows():
        for person in report.people:
            number, name, department = safe_cell(person.person_number), safe_cell(person.name), \
                safe_cell(person.department)
            for result in person.days:
                yield (number, name, department, result.day.isoformat(), text["weekdays"][result.day.weekday()],
                       kinds[result.kind], _stamp(result.arrival), _stamp(result.departure), result.late_minutes,
                       result.early_minutes, result.overtime_minutes,
                       safe_cell(" ".join(day_marks(result, text, report.calendar))))   # holiday names are typed
    return write_csv(path, header, rows())


def _stamp(value) -> str:
    return "" if value is None else f"{value:%Y-%m-%d %H:%M:%S}"
