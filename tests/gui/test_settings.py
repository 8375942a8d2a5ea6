"""Settings tab on the real window: saved to the config file, applied live, language switch, DB test."""
from __future__ import annotations

import tomllib

from PyQt5.QtCore import Qt


def test_settings_are_saved_and_applied(qtbot, make_window, sqlite_url, tmp_path):
    window = make_window(sqlite_url, source="0")
    ui, tab = window, window.settings_tab
    assert ui.settingsFalseRate.value() == 0.1                      # per cent of stranger visits
    assert ui.settingsCooldown.value() == 60

    ui.settingsFalseRate.setValue(0.5)
    ui.settingsCooldown.setValue(5)
    ui.settingsOncePerDay.setChecked(True)
    ui.settingsDesk.setText("North gate 北门")
    ui.settingsSource.setCurrentText("2")
    with qtbot.waitSignal(tab.applied, timeout=5000) as applied:
        qtbot.mouseClick(ui.settingsSave, Qt.LeftButton)
    changed = applied.args[1]
    assert changed == {"false_checkin_rate", "cooldown", "once_per_day", "desk", "camera_source"}
    data = tomllib.loads(window.config.path.read_text(encoding="utf-8"))
    assert data["recognition"]["false_checkin_rate"] == 0.005 and data["attendance"]["cooldown"] == 5
    assert data["attendance"]["once_per_day"] is True and data["attendance"]["desk"] == "North gate 北门"
    assert data["camera"]["source"] == "2" and "password" not in data["database"]
    assert window.check_ins.desk == "North gate 北门"
    assert window.camera.policy.false_checkin_rate == 0.005 and window.camera.source == "2"
    # the backend got the rules (read back on its own thread): the cooldown's one home
    rules = []
    window.client.call(lambda b: (b.attendance.cooldown_seconds, b.attendance.once_per_day), rules.append)
    qtbot.waitUntil(lambda: rules == [(5, True)], timeout=5000)


def test_test_connection_button(qtbot, make_window, sqlite_url, mysql_database):
    window = make_window(sqlite_url, source="0")
    ui = window
    ui.settingsDbUrl.setText(f"mysql://root@127.0.0.1:3306/{mysql_database}")
    with qtbot.waitSignal(window.settings_tab.tested, timeout=15000) as result:
        qtbot.mouseClick(ui.settingsTestDb, Qt.LeftButton)
    assert result.args[0] is True and ui.settingsDbResult.text().startswith("Connected")
    ui.settingsDbUrl.setText("mysql://root@127.0.0.1:1/nowhere")      # nothing listens on port 1
    with qtbot.waitSignal(window.settings_tab.tested, timeout=15000) as result:
        qtbot.mouseClick(ui.settingsTestDb, Qt.LeftButton)
    assert result.args[0] is False and ui.settingsDbResult.text().startswith("Failed")
    ui.settingsDbUrl.setText("postgres://x")
    with qtbot.waitSignal(window.settings_tab.tested, timeout=15000) as result:
        qtbot.mouseClick(ui.settingsTestDb, Qt.LeftButton)
    assert result.args[0] is False and "sqlite:///" in result.args[1]


def test_switching_the_database_url_reopens_the_backend(qtbot, make_window, sqlite_url, mysql_database):
    window = make_window(sqlite_url, source="0")
    qtbot.waitUntil(lambda: "SQLite online" in window.status.dbLabel.text(), timeout=10000)
    window.settingsDbUrl.setText(f"mysql://root@127.0.0.1:3306/{mysql_database}")
    with qtbot.waitSignal(window.settings_tab.applied, timeout=5000):
        qtbot.mouseClick(window.settingsSave, Qt.LeftButton)
    qtbot.waitUntil(lambda: "MySQL online" in window.status.dbLabel.text(), timeout=15000)


def test_language_switches_to_chinese_and_back(qtbot, make_window, sqlite_url):
    window = make_window(sqlite_url, source="0")
    qtbot.waitUntil(lambda: "SQLite online" in window.status.dbLabel.text(), timeout=10000)
    try:
        window.settingsLanguage.setCurrentIndex(1)
        with qtbot.waitSignal(window.settings_tab.applied, timeout=5000):
            qtbot.mouseClick(window.settingsSave, Qt.LeftButton)
        tabs = lambda: [window.tabs.tabText(i) for i in range(window.tabs.count())]  # noqa: E731
        qtbot.waitUntil(lambda: tabs() == ["实时", "人员", "历史记录", "考勤报表", "请假", "排班", "设置"], timeout=5000)
        assert window.cameraButton.text() == "启动摄像头"
        assert window.status.dbLabel.text() == "SQLite 在线"
        assert window.history_tab.model.headerData(0, Qt.Horizontal) == "时间"
        assert window.people_tab.model.headerData(1, Qt.Horizontal) == "姓名"
        assert window.historyField.itemText(0) == "任意字段"
        assert window.settingsFalseRate.text().endswith("% 的陌生人来访") and window.settingsFalseRateLabel.text() == "误签到率"
        assert "摄像头已停止" in window.cameraMessage.text()
    finally:
        window.settingsLanguage.setCurrentIndex(0)
        with qtbot.waitSignal(window.settings_tab.applied, timeout=5000):
            qtbot.mouseClick(window.settingsSave, Qt.LeftButton)
    qtbot.waitUntil(lambda: window.tabs.tabText(0) == "Live", timeout=5000)
    assert window.cameraButton.text() == "Start camera" and window.status.dbLabel.text() == "SQLite online"
