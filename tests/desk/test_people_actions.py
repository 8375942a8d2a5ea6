"""desk.people_actions: what the People tab does, on real SQLite and MariaDB, with a real FaceSync cache and
the real recognizer for photos."""
from __future__ import annotations

from datetime import datetime

import cv2
import numpy as np
import pytest
from desk_db import backend, mysql_admin  # noqa: F401  (fixtures)

from backend import DuplicatePersonNumber
from backend.face_store import FaceModel, NewSample
from backend.face_sync import FaceSync, cache_path
from backend.people_service import enroll_person, learn_sample
from desk import people_actions
from desk.people_actions import DeletionCost, FieldChange, FieldProblem, PhotosAdded
from recognition.gallery import Gallery

MODEL = FaceModel("d" * 64, "desk test model")


def sample(seed: int, learned: bool = False) -> NewSample:
    v = np.random.default_rng(seed).normal(size=128).astype(np.float32)
    return NewSample(image=f"jpeg {seed}".encode(), embedding=v / np.linalg.norm(v), detector_score=0.99,
                     face_size=100.0, learned=learned)


@pytest.fixture
def face_sync(tmp_path):
    return FaceSync(Gallery.open(cache_path(tmp_path / "desk", MODEL.fingerprint), MODEL.fingerprint, MODEL.name),
                    MODEL)


@pytest.fixture
def person(backend, face_sync):
    return enroll_person(backend, face_sync, [sample(1), sample(2)], person_number="E001", name="张三",
                         department="研发部")


def test_the_form_is_trimmed_and_checked_against_the_database_columns():
    fields = people_actions.form_fields("  E001 ", " 张三 ", "", "  ", "研发部 ", "")
    assert fields == {"person_number": "E001", "name": "张三", "gender": None, "phone": None,
                      "department": "研发部", "note": None}
    assert people_actions.check_fields(fields) == []
    blank = people_actions.form_fields("", " ", None, "1" * 33, "", "")
    assert people_actions.check_fields(blank) == [
        FieldProblem("person_number", "required"), FieldProblem("name", "required"),
        FieldProblem("phone", "too_long", 33, 32)]


def test_search_save_and_what_a_save_changes(backend, face_sync, person):
    found = people_actions.search(backend, "张")
    assert [p.person_number for p in found.people] == ["E001"] and found.sample_counts[person.id] == (2, 0)
    fields = people_actions.form_fields("E001", "张三丰", "male", "", "研发部", "")
    assert people_actions.changes(person, fields) == [FieldChange("name", "张三", "张三丰"),
                                                      FieldChange("gender", None, "male")]
    saved = people_actions.update_person(backend, face_sync, person.id, fields)
    assert saved.name == "张三丰" and backend.people.get(person.id).gender == "male"
    assert people_actions.changes(saved, fields) == []
    other = enroll_person(backend, face_sync, [sample(3)], person_number="E002", name="李四")
    with pytest.raises(DuplicatePersonNumber):
        people_actions.update_person(backend, face_sync, other.id, {**fields, "name": "李四"})


def test_deactivate_forget_learned_and_delete(backend, face_sync, person):
    assert learn_sample(backend, face_sync, person.id, sample(9), replaces=None, max_learned=3) is not None
    backend.attendance.check_in(person.id, datetime(2026, 12, 1, 9, 0))
    assert people_actions.deletion_cost(backend, person) == DeletionCost(1, 3, offer_deactivate=True)
    assert people_actions.forget_learned(backend, face_sync, person.id) == 1
    off = people_actions.set_active(backend, face_sync, person.id, False)
    assert not off.active and "E001" not in face_sync.gallery.ids
    assert people_actions.deletion_cost(backend, off) == DeletionCost(1, 2, offer_deactivate=False)
    assert people_actions.set_active(backend, face_sync, person.id, True).active
    people_actions.delete_person(backend, face_sync, person.id)
    assert backend.people.get(person.id) is None and backend.attendance.count_of(person.id) == 0


def test_photos_are_read_then_added_and_a_bad_file_is_said(backend, face_sync, person, recognizer, lfw_image,
                                                           tmp_path):
    blank = tmp_path / "blank.png"
    cv2.imwrite(str(blank), np.full((200, 200, 3), 128, np.uint8))
    reading = people_actions.read_photos(recognizer, [lfw_image("Colin_Powell"), blank])
    assert reading.added == 1 and [p for p, _why in reading.problems] == [str(blank)]
    added = people_actions.add_photos(backend, face_sync, person, reading, desk="前台")
    assert added == PhotosAdded(1, reading.problems)
    assert people_actions.search(backend, "E001").sample_counts[person.id] == (3, 0)
    people_actions.delete_person(backend, face_sync, person.id)
    with pytest.raises(LookupError, match="E001 is no longer in the database"):
        people_actions.add_photos(backend, face_sync, person, reading)
