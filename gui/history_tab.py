"""History tab: search by field, date range or preset, sortable table, daily summary, CSV export."""
from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

from PyQt5.QtCore import QDate, QObject, Qt, pyqtSignal
from PyQt5.QtGui import QStandardItem, QStandardItemModel
from PyQt5.QtWidgets import QFileDialog, QHeaderView

from backend import csv_export
from gui import folders, i18n
from gui.sort_arrows import point_up_for_ascending

log = logging.getLogger(__name__)

PAGE_SIZE = 100
#: HistoryQuery fields offered in the search combo, in order
FIELDS = ("any", "name", "person_number", "phone", "gender", "department")
#: check-in table columns, as HistoryQuery sort keys
ROW_COLUMNS = ("time", "person_number", "name", "department", "desk", "distance", "method", "operator")
#: the column that takes the table's spare width, in both views (the others fit their contents)
NAME_COLUMN = 2
#: a check-in's face distance: an engineer's figure, shown with diagnostics on only
DISTANCE_COLUMN = ROW_COLUMNS.index("distance")


def preset_range(preset: str, today: dt.date) -> tuple[dt.date, dt.date] | None:
    """The calendar range a preset covers (for showing it in the date fields)."""
    if preset == "day":
        return today, today
    if preset == "week":
        start = today - dt.timedelta(days=today.weekday())
        return start, start + dt.timedelta(days=6)
    if preset == "month":
        start = today.replace(day=1)
        following = (start + dt.timedelta(days=32)).replace(day=1)
        return start, following - dt.timedelta(days=1)
    return None


def _fmt(value) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def _item(value, sort_value=None) -> QStandardItem:
    item = QStandardItem(_fmt(value))
    item.setData(sort_value if sort_value is not None else _fmt(value), Qt.UserRole)
    return item


class HistoryTab(QObject):
    loaded = pyqtSignal(int)          # rows shown (check-ins or summary lines)
    exported = pyqtSignal(str)        # path of the written CSV
    message = pyqtSignal(str)         # for the status bar

    def __init__(self, ui, client, parent=None):
        super().__init__(parent)
        self.ui, self.client = ui, client
        self.preset: str | None = "day"
        self.page = 0
        self.total = 0
        self.sort_key, self.descending = "time", True
        self.rows: list = []
        self.summary: list = []
        self.diagnostics = False               # the Distance column and the CSV's distance (Settings' switch)
        self.model = QStandardItemModel(self)
        self.model.setSortRole(Qt.UserRole)
        ui.historyTable.setModel(self.model)
        header = ui.historyTable.horizontalHeader()
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        self._header_style = point_up_for_ascending(header)
        header.sectionClicked.connect(self._header_clicked)
        self._setting_dates = False
        today = QDate.currentDate()
        for edit in (ui.historyStart, ui.historyEnd):
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setDate(today)
            edit.dateChanged.connect(self._dates_edited)
        self._presets = {"day": ui.presetDay, "week": ui.presetWeek, "month": ui.presetMonth,
                         "all": ui.presetAll}
        for button in self._presets.values():
            button.setCheckable(True)
        ui.historySearch.clicked.connect(self.search)
        ui.historyText.returnPressed.connect(self.search)
        ui.presetDay.clicked.connect(lambda: self.apply_preset("day"))
        ui.presetWeek.clicked.connect(lambda: self.apply_preset("week"))
        ui.presetMonth.clicked.connect(lambda: self.apply_preset("month"))
        ui.presetAll.clicked.connect(lambda: self.apply_preset("all"))
        ui.historyRowsView.toggled.connect(lambda _on: self._view_changed())
        ui.historyPrev.clicked.connect(lambda: self._turn(-1))
        ui.historyNext.clicked.connect(lambda: self._turn(+1))
        ui.historyExport.clicked.connect(self._choose_export)
        ui.tabs.currentChanged.connect(self._tab_changed)
        self.retranslate()
        self.apply_preset("day", search=False)

    def _field_names(self) -> dict:
        return {"any": self.tr("Any field"), "name": self.tr("Name"), "person_number": self.tr("Number"),
                "phone": self.tr("Phone"), "gender": self.tr("Gender"), "department": self.tr("Department")}

    @staticmethod
    def _words() -> dict:
        """The table's headers and method names: the exported file's words (backend.csv_export, one table per
        language) in the language on screen, so the CSV says what the table says."""
        return csv_export.history_labels(i18n.shown())

    def _row_headers(self) -> list:
        words = self._words()
        return [words[field] for field in
                ("time", "person_number", "name", "department", "desk", "distance", "method", "operator")]

    def method_name(self, method: str) -> str:
        """How a check-in was made (attendance.method), in the user's language."""
        return self._words()["methods"].get(method, method)

    def _summary_headers(self) -> list:
        return [self._words()[field] for field in csv_export.SUMMARY_FIELDS]

    def retranslate(self) -> None:
        combo = self.ui.historyField
        current = combo.currentData() or "any"
        combo.blockSignals(True)
        combo.clear()
        names = self._field_names()
        for key in FIELDS:
            combo.addItem(names[key], key)
        combo.setCurrentIndex(max(0, combo.findData(current)))
        combo.blockSignals(False)
        self._set_headers()
        self._show_total()

    def summary_view(self) -> bool:
        return self.ui.historySummaryView.isChecked()

    def _set_headers(self) -> None:
        labels = self._summary_headers() if self.summary_view() else self._row_headers()
        self.model.setColumnCount(len(labels))
        self.model.setHorizontalHeaderLabels(labels)
        # times are never cut ("2026-12-02 …"): every column fits its contents, the name takes the rest
        header = self.ui.historyTable.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeToContents)
        header.setSectionResizeMode(NAME_COLUMN, QHeaderView.Stretch)
        self.ui.historyTable.setColumnHidden(DISTANCE_COLUMN, not self.summary_view() and not self.diagnostics)

    def set_diagnostics(self, on: bool) -> None:
        self.diagnostics = bool(on)
        self._set_headers()

    # -- query -------------------------------------------------------------------------
    def apply_preset(self, preset: str, search: bool = True) -> None:
        self.preset = preset
        span = preset_range(preset, dt.date.today())
        self._setting_dates = True
        if span is not None:
            self.ui.historyStart.setDate(QDate(span[0]))
            self.ui.historyEnd.setDate(QDate(span[1]))
        self._setting_dates = False
        for name, button in self._presets.items():
            button.setChecked(name == preset)
        if search:
            self.search()

    def _dates_edited(self, _date) -> None:
        if not self._setting_dates:
            self.preset = None
            for button in self._presets.values():
                button.setChecked(False)

    def query(self, page: int | None = None):
        from backend import HistoryQuery

        ui = self.ui
        fields = dict(text=ui.historyText.text().strip(), field=ui.historyField.currentData() or "any",
                      page=self.page if page is None else page, page_size=PAGE_SIZE,
                      sort=self.sort_key, descending=self.descending)
        if self.preset is not None:
            return HistoryQuery(preset=self.preset, **fields)
        return HistoryQuery(start=ui.historyStart.date().toPyDate(), end=ui.historyEnd.date().toPyDate(),
                            **fields)

    def search(self) -> None:
        self.page = 0
        self._load()

    def refresh(self) -> None:
        """Run the search shown again, on the same page (a preset's dates follow the calendar)."""
        if self.preset is not None:
            self.apply_preset(self.preset, search=False)
        self._load()

    def _tab_changed(self, index: int) -> None:
        # the check-ins made since the last search, when the operator opens the tab
        if self.ui.tabs.widget(index) is self.ui.tabHistory:
            self.refresh()

    def _turn(self, step: int) -> None:
        pages = max(1, -(-self.total // PAGE_SIZE))
        self.page = min(max(0, self.page + step), pages - 1)
        self._load()

    def _load(self) -> None:
        query = self.query()
        if self.summary_view():
            self.client.call(lambda b: b.attendance.daily_summary(query), self._fill_summary, self._failed)
        else:
            self.client.call(lambda b: b.attendance.search(query), self._fill_rows, self._failed)

    def _failed(self, error) -> None:
        text = self.tr("Search failed: {error}").format(error=error)
        self.ui.historyTotal.setText(text)
        self.message.emit(text)

    def _view_changed(self) -> None:
        self._set_headers()
        self.search()

    def _header_clicked(self, column: int) -> None:
        header = self.ui.historyTable.horizontalHeader()
        if self.summary_view():
            order = header.sortIndicatorOrder()
            self.model.sort(column, order)
            return
        key = ROW_COLUMNS[column]
        if key == self.sort_key:
            self.descending = not self.descending
        else:
            self.sort_key, self.descending = key, key in ("time", "distance")
        header.setSortIndicator(column, Qt.DescendingOrder if self.descending else Qt.AscendingOrder)
        self.search()

    # -- results -----------------------------------------------------------------------
    def _fill_rows(self, page) -> None:
        self.rows, self.total = list(page.rows), page.total
        self.model.removeRows(0, self.model.rowCount())
        self._set_headers()
        for row in self.rows:
            method = _item(self.method_name(row.method), row.method)
            if row.withdrawn:           # kept for the audit, no longer counted: say so, and who and why
                method.setText(self._words()["withdrawn"])
                method.setToolTip(self.tr("Withdrawn on {time} by {operator}: {reason}").format(
                    time=f"{row.withdrawn_at:%Y-%m-%d %H:%M}", operator=row.withdrawn_by,
                    reason=row.withdrawn_reason))
            self.model.appendRow([
                _item(row.checked_in_at, row.checked_in_at.isoformat()), _item(row.person_number),
                _item(row.name), _item(row.department), _item(row.desk),
                _item(row.distance, -1.0 if row.distance is None else row.distance),
                method, _item(row.operator)])
        column = ROW_COLUMNS.index(self.sort_key)
        self.ui.historyTable.horizontalHeader().setSortIndicator(
            column, Qt.DescendingOrder if self.descending else Qt.AscendingOrder)
        self._show_total()
        self.loaded.emit(len(self.rows))

    def _fill_summary(self, summary) -> None:
        self.summary = list(summary)
        self.total = len(self.summary)
        self.model.removeRows(0, self.model.rowCount())
        self._set_headers()
        # the backend orders the summary by day (as the check-ins by time): the indicator says so
        self.ui.historyTable.horizontalHeader().setSortIndicator(
            0, Qt.DescendingOrder if self.descending else Qt.AscendingOrder)
        for s in self.summary:
            self.model.appendRow([
                _item(s.day, s.day.isoformat()), _item(s.person_number), _item(s.name),
                _item(s.first_in, s.first_in.isoformat()),
                _item(s.last_out, s.last_out.isoformat() if s.last_out else ""),
                _item(s.count, s.count)])
        self._show_total()
        self.loaded.emit(len(self.summary))

    def _show_total(self) -> None:
        ui = self.ui
        if self.summary_view():
            ui.historyTotal.setText(self.tr("%n person-days", "", self.total))
            ui.historyPrev.setEnabled(False)
            ui.historyNext.setEnabled(False)
            return
        pages = max(1, -(-self.total // PAGE_SIZE))
        ui.historyTotal.setText(self.tr("%n check-ins, page {page} of {pages}", "", self.total).format(
            page=self.page + 1, pages=pages))
        ui.historyPrev.setEnabled(self.page > 0)
        ui.historyNext.setEnabled(self.page + 1 < pages)

    # -- export ------------------------------------------------------------------------
    def _choose_export(self) -> None:
        name = f"attendance-{dt.date.today().isoformat()}.csv"
        path, _ = QFileDialog.getSaveFileName(self.ui.historyTable.window(), self.tr("Export CSV"),
                                              str(Path(folders.start_folder("exports")) / name),
                                              self.tr("CSV files (*.csv)"))
        if path:
            self.export_to(path)

    def export_to(self, path: str) -> None:
        """Write the view shown (the check-ins, or the daily summary), every page of the current search, to
        ``path`` as UTF-8 CSV headed as on screen; the match distance only with the diagnostics switch on."""
        query = self.query(page=0)
        view = "summary" if self.summary_view() else "rows"
        diagnostics = self.diagnostics
        language = i18n.shown()
        folders.remember("exports", path)

        def done(_result):
            text = self.tr("Exported to {path}").format(path=path)
            self.message.emit(text)
            self.exported.emit(str(path))

        self.client.call(lambda b: b.attendance.export_csv(query, path, view, language, diagnostics=diagnostics),
                         done, lambda e: self.message.emit(self.tr("Export failed: {error}").format(error=e)))
