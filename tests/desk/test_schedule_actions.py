"""desk.schedule_actions: the Schedules tab's changes and what they return, on real SQLite and MariaDB."""
from __future__ import annotations

from datetime import date

import pytest
from desk_db import backend, mysql_admin  # noqa: F401  (fixtures)

from backend.face_store import NewSample
from backend.people_service import enroll_person
from desk import schedule_actions
from desk.schedule_actions import Change, UnknownPersonNumber


def test_shifts_department_and_person_schedules(backend):
    assert schedule_actions.save_shift(backend, "白班", "09:00", "18:00", 5, 5, 60) == Change()
    loaded = schedule_actions.load(backend)
    day = loaded.shifts[0]
    assert (day.name, loaded.departments, loaded.overrides, loaded.calendar) == ("白班", [], [], [])
    assert not schedule_actions.shift_used_before(backend, day.id, date(2026, 12, 7))     # nobody works it yet
    assert schedule_actions.set_department_schedule(backend, "研发部", day.id, "1111100") == Change()
    assert [d.department for d in schedule_actions.load(backend).departments] == ["研发部"]
    assert schedule_actions.shift_used_before(backend, day.id, date(2026, 12, 7))   # always: earlier days too
    with pytest.raises(UnknownPersonNumber, match="no person with number E404") as refused:
        schedule_actions.set_person_schedule(backend, " E404 ", day.id, "1111100")
    assert refused.value.number == "E404"
    enroll_person(backend, None, [NewSample(image=b"jpeg")], person_number="E001", name="王五")
    assert schedule_actions.set_person_schedule(backend, "E001 ", None, "1111100") == Change()   # no schedule
    (override,) = schedule_actions.load(backend).overrides
    assert override[1] == "E001" and override[3].shift is None
    assert schedule_actions.remove_person_schedule(backend, "E001") == Change()
    assert schedule_actions.remove_department_schedule(backend, "研发部") == Change()
    assert schedule_actions.delete_shift(backend, day.id) == Change()
    assert schedule_actions.load(backend).shifts == []


def test_calendar_days_say_their_notes_and_files_their_count(backend, tmp_path):
    change = schedule_actions.set_calendar_day(backend, date(2026, 10, 3), "holiday", "国庆节")     # a Saturday
    assert change.count is None and len(change.notes) == 1 and "国庆节" in change.notes[0]
    assert schedule_actions.set_calendar_day(backend, date(2026, 10, 1), "holiday", "国庆节") == Change()
    path = tmp_path / "日历.csv"
    assert schedule_actions.export_calendar(backend, path) == Change(2)
    assert schedule_actions.delete_calendar_day(backend, date(2026, 10, 1)) == Change()
    imported = schedule_actions.import_calendar(backend, path)
    assert imported.count == 2 and len(imported.notes) == 1
    assert [d.day for d in schedule_actions.load(backend).calendar] == [date(2026, 10, 1), date(2026, 10, 3)]
