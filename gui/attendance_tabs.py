"""The attendance manager's pages of the main window: Reports, Leave and Schedules (built in code, added to
the window's tab widget before Settings), opened fresh: the Schedules and Leave tabs reload when shown, the
Reports tab's department list too."""
from __future__ import annotations

from PyQt5.QtCore import QObject, pyqtSignal

from gui.leave_tab import LeaveTab
from gui.reports_tab import ReportsTab
from gui.schedules_tab import SchedulesTab


class AttendancePages(QObject):
    message = pyqtSignal(str)             # for the status bar

    def __init__(self, tabs, client, settings, parent=None):
        """``tabs``: the main window's QTabWidget; ``settings()``: the current AppConfig."""
        super().__init__(parent)
        self.tabs = tabs
        self.reports = ReportsTab(client, settings)
        self.leave = LeaveTab(client, settings)
        self.schedules = SchedulesTab(client)
        before = next((i for i in range(tabs.count()) if tabs.widget(i).objectName() == "tabSettings"), tabs.count())
        tabs.insertTab(before, self.reports, "")
        tabs.insertTab(before + 1, self.leave, "")
        tabs.insertTab(before + 2, self.schedules, "")
        tabs.currentChanged.connect(self._opened)
        self.schedules.changed.connect(self.reports.refresh_departments)
        for page in (self.reports, self.leave, self.schedules):
            page.message.connect(self.message)
        self.retranslate()

    def retranslate(self) -> None:
        self.tabs.setTabText(self.tabs.indexOf(self.reports), self.tr("Reports"))
        self.tabs.setTabText(self.tabs.indexOf(self.leave), self.tr("Leave"))
        self.tabs.setTabText(self.tabs.indexOf(self.schedules), self.tr("Schedules"))
        self.reports.retranslate()
        self.leave.retranslate()
        self.schedules.retranslate()

    def _opened(self, index: int) -> None:
        page = self.tabs.widget(index)
        if page is self.schedules:
            self.schedules.refresh()
        elif page is self.leave:
            self.leave.refresh()
        elif page is self.reports:
            self.reports.refresh_departments()
