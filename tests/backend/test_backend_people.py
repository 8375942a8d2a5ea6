"""People repository on both backends, including hostile input."""
from __future__ import annotations

from datetime import datetime

import pytest

from backend import DuplicatePersonNumber, PersonNotFound
from backend.validation import MAX_LENGTH

NASTY = ["'; DROP TABLE people; --", "%", "_", "!", "\\", '"', "`", "a%b_c!d\\e", "O'Brien",
         "); DELETE FROM attendance WHERE (1=1", "%%%", "?", "%s", "{0}", "NULL"]
UNICODE = ["张三", "Zoë Ångström", "😀🎉👨‍👩‍👧", "محمد", "𠮷野家", "ｆｕｌｌ　ｗｉｄｔｈ"]


def test_create_get_update_delete(backend):
    p = backend.people.create("E001", "张三", gender="男", phone="13800000000", department="研发部",
                              note="第一行\n第二行\tTab")
    assert (p.person_number, p.name, p.gender, p.phone, p.department, p.note, p.active) == \
        ("E001", "张三", "男", "13800000000", "研发部", "第一行\n第二行\tTab", True)
    assert isinstance(p.created_at, datetime) and p.created_at == p.updated_at
    assert backend.people.get(p.id) == p == backend.people.get_by_number("E001")
    u = backend.people.update(p.id, name="张三丰", department=None, active=False)
    assert (u.name, u.department, u.active, u.person_number) == ("张三丰", None, False, "E001")
    assert u.updated_at >= p.updated_at and u.created_at == p.created_at
    assert backend.people.get(p.id) == u
    assert backend.people.delete(p.id) is True
    assert backend.people.get(p.id) is None and backend.people.get_by_number("E001") is None
    assert backend.people.delete(p.id) is False


def test_duplicate_person_number_is_a_clear_error_and_changes_nothing(backend):
    a = backend.people.create("E001", "张三")
    b = backend.people.create("E002", "李四")
    with pytest.raises(DuplicatePersonNumber, match=r"'E001' is already used by 张三"):
        backend.people.create(" E001 ", "王五")        # blanks around the number are not part of it
    with pytest.raises(DuplicatePersonNumber, match="E001"):
        backend.people.update(b.id, person_number="E001", name="changed")
    assert backend.people.count() == 2
    assert backend.people.get(b.id).name == "李四"
    assert backend.people.update(a.id, person_number="E001").person_number == "E001"  # itself: fine
    # numbers are exact keys (the gallery's): case and width matter on both backends
    assert backend.people.create("e001", "小写").person_number == "e001"


def test_update_and_get_errors(backend):
    p = backend.people.create("E1", "A")
    with pytest.raises(ValueError, match="cannot update salary"):
        backend.people.update(p.id, salary=1)
    with pytest.raises(PersonNotFound):
        backend.people.update(p.id + 100, name="x")
    for bad in ("1", None, 0, -3, True):
        with pytest.raises(ValueError, match="person id"):
            backend.people.get(bad)
    with pytest.raises(ValueError, match="active"):
        backend.people.update(p.id, active="yes")


@pytest.mark.parametrize("field", ["person_number", "name"])
def test_required_fields(backend, field):
    values = {"person_number": "E1", "name": "A", field: "   "}
    with pytest.raises(ValueError, match=f"{field} must not be empty"):
        backend.people.create(**values)
    values[field] = None
    with pytest.raises(ValueError, match=f"{field} is required"):
        backend.people.create(**values)
    assert backend.people.count() == 0


def test_sql_metacharacters_are_stored_and_searched_literally(backend):
    people = []
    for i, text in enumerate(NASTY):
        people.append(backend.people.create(f"N{i}{text}", f"name{text}", gender=text[:16], phone=text[:32],
                                            department=f"d{text}", note=text))
    for p, text in zip(people, NASTY):
        got = backend.people.get(p.id)
        assert (got.person_number, got.name, got.gender, got.phone, got.department, got.note) == \
            (f"N{NASTY.index(text)}{text}", f"name{text}", text[:16], text[:32], f"d{text}", text)
    assert backend.people.count() == len(NASTY)
    # each wildcard character matches only people whose fields contain it
    for needle in ("%", "_", "!", "\\", "'", "%s", "?"):
        expected = {p.id for p, t in zip(people, NASTY) if needle in f"N{NASTY.index(t)}{t}name{t}d{t}"}
        assert {p.id for p in backend.people.search(needle)} == expected, needle
    assert backend.people.search("DROP TABLE")[0].name == "name'; DROP TABLE people; --"


@pytest.mark.parametrize("text", UNICODE)
def test_unicode_round_trips(backend, text):
    p = backend.people.create(text[:64], text, gender=text[:16], phone=text[:32], department=text, note=text)
    got = backend.people.get_by_number(text[:64])
    assert (got.name, got.gender, got.phone, got.department, got.note) == \
        (text, text[:16], text[:32], text, text)
    assert [q.id for q in backend.people.search(text[1:3])] == [p.id]


def test_emoji_are_told_apart(backend):
    backend.people.create("😀", "grinning")
    backend.people.create("😁", "beaming")          # would be a duplicate under utf8mb4_unicode_ci
    assert [p.name for p in backend.people.search("😁")] == ["beaming"]


def test_ten_thousand_characters(backend):
    note = ("长" * 4000) + ("😀" * 3000) + ("x" * 3000)
    assert len(note) == 10_000
    p = backend.people.create("E1", "A", note=note)
    assert backend.people.get(p.id).note == note
    huge = "字" * 10_000
    for field, limit in MAX_LENGTH.items():
        if field in ("note", "desk", "operator", "reason", "shift_name", "holiday_name", "detail"):  # not a person's
            continue
        values = {"person_number": "E2", "name": "B", field: huge}
        with pytest.raises(ValueError, match=f"{field} is too long: 10000 characters, at most {limit}"):
            backend.people.create(**values)
        with pytest.raises(ValueError, match=f"{field} is too long"):
            backend.people.update(p.id, **{field: huge})
    with pytest.raises(ValueError, match="note is too long"):
        backend.people.create("E3", "C", note=note + "!")
    assert backend.people.count() == 1 and backend.people.get(p.id).name == "A"
    # a search text longer than any column is searched literally: it simply matches nothing
    assert backend.people.search(huge) == [] and backend.people.count(huge) == 0
    at_limit = "名" * MAX_LENGTH["name"]
    q = backend.people.create("E4", at_limit)
    assert backend.people.get(q.id).name == at_limit


@pytest.mark.parametrize("bad", ["a\x00b", "tab\there", "line\nbreak", "\ud800"])
def test_control_characters_and_broken_unicode_are_refused(backend, bad):
    with pytest.raises(ValueError, match="name"):
        backend.people.create("E1", bad)
    assert backend.people.search(bad) == []
    assert backend.people.count() == 0


def test_search_pages_and_filters(backend):
    for i in range(25):
        backend.people.create(f"S{i:03d}", f"Person {i}", department="研发部" if i % 2 else "Sales",
                              active=i != 3)
    assert backend.people.count() == 25 and backend.people.count(include_inactive=False) == 24
    page1 = backend.people.search(limit=10)
    page3 = backend.people.search(limit=10, offset=20)
    assert [p.person_number for p in page1] == [f"S{i:03d}" for i in range(10)]
    assert len(page3) == 5
    assert backend.people.count("研发") == 12
    assert {p.person_number for p in backend.people.search("sales")} == \
        {f"S{i:03d}" for i in range(0, 25, 2)}             # ASCII case-insensitive on both backends
    assert [p.person_number for p in backend.people.search("s007")] == ["S007"]
    for bad in ({"limit": 0}, {"limit": "10"}, {"offset": -1}):
        with pytest.raises(ValueError):
            backend.people.search(**bad)
    with pytest.raises(ValueError, match="search text"):
        backend.people.search(42)
