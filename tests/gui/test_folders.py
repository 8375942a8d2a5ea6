"""gui.folders: the one memory of where the desk's file dialogs open, "exports" included (History, Reports and
Schedules' exports share it)."""
from __future__ import annotations

from gui import folders


def test_exports_open_in_documents_then_in_the_folder_last_exported_to(qapp, tmp_path, monkeypatch):
    home = tmp_path / "home 家"
    (home / "Documents").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))     # no user-dirs.dirs: ~/Documents
    assert folders.start_folder("exports") == str(home / "Documents")
    assert folders.start_folder("imports") == str(home / "Documents")
    reports = tmp_path / "报表"
    reports.mkdir()
    folders.remember("exports", reports / "attendance-20261201-20261231.xlsx")    # the Reports tab's export
    assert folders.start_folder("exports") == str(reports)                       # History's, Schedules' next
    assert folders.start_folder("imports") == str(home / "Documents")            # each kind its own
    assert folders.start_folder("photos") != str(reports)
    reports.rmdir()                                                               # gone since: Documents again
    assert folders.start_folder("exports") == str(home / "Documents")


def test_with_no_standard_folder_a_dialog_opens_at_home_never_in_the_program_folder(qapp, tmp_path, monkeypatch):
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    assert folders.start_folder("exports") == str(home)
