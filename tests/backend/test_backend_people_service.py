"""Database and face gallery stay consistent (real recognition.gallery.Gallery, real save failures)."""
from __future__ import annotations

import shutil
from datetime import datetime, timedelta

import numpy as np
import pytest

from backend import DuplicatePersonNumber, HistoryQuery, PersonNotFound
from backend.people_service import delete_person, enroll_person, reconcile, update_person
from recognition.gallery import Gallery, GalleryError

T0 = datetime(2024, 3, 6, 9, 0)


def _emb(seed: int, n: int = 3, d: int = 128) -> np.ndarray:
    v = np.random.default_rng(seed).normal(size=(n, d)).astype(np.float32)
    return v / np.linalg.norm(v, axis=1, keepdims=True)


@pytest.fixture
def gallery_path(tmp_path):
    return tmp_path / "pictures" / "embeddings.h5"


@pytest.fixture
def gallery(gallery_path):
    return Gallery.open(gallery_path, fingerprint="test-model")


def _on_disk(path) -> Gallery:
    return Gallery.open(path, fingerprint="test-model")


class SaveBlocked:
    """Make Gallery.save fail for real: its folder is replaced by a plain file."""

    def __init__(self, path):
        self.folder = path.parent
        self.moved = self.folder.with_name(self.folder.name + ".moved")

    def __enter__(self):
        if self.folder.exists():
            shutil.move(self.folder, self.moved)
        self.folder.write_text("not a folder")
        return self

    def __exit__(self, *exc):
        self.folder.unlink()
        if self.moved.exists():
            shutil.move(self.moved, self.folder)


def test_enroll_writes_both_sides(backend, gallery, gallery_path):
    p = enroll_person(backend, gallery, _emb(1), person_number="E001", name="张三", department="研发")
    assert backend.people.get(p.id).name == "张三"
    disk = _on_disk(gallery_path)
    assert disk.ids == ["E001"] and disk.count("E001") == 3
    np.testing.assert_allclose(disk.embeddings_of("E001"), _emb(1), atol=1e-6)


def test_enroll_rolls_back_the_database_when_the_gallery_cannot_be_saved(backend, gallery, gallery_path):
    enroll_person(backend, gallery, _emb(1), person_number="E001", name="A")
    with SaveBlocked(gallery_path):
        with pytest.raises(OSError):
            enroll_person(backend, gallery, _emb(2), person_number="E002", name="B")
    assert backend.people.get_by_number("E002") is None and backend.people.count() == 1
    assert gallery.ids == ["E001"] and gallery.count("E002") == 0       # memory restored too
    assert _on_disk(gallery_path).ids == ["E001"]
    # and it works once the disk is fine again
    p = enroll_person(backend, gallery, _emb(2), person_number="E002", name="B")
    assert backend.people.get(p.id) is not None and _on_disk(gallery_path).ids == ["E001", "E002"]


def test_enroll_with_a_database_error_leaves_the_gallery_alone(backend, gallery, gallery_path):
    enroll_person(backend, gallery, _emb(1), person_number="E001", name="A")
    before = gallery_path.stat().st_mtime_ns
    with pytest.raises(DuplicatePersonNumber):
        enroll_person(backend, gallery, _emb(2), person_number="E001", name="B")
    with pytest.raises(ValueError, match="name"):
        enroll_person(backend, gallery, _emb(2), person_number="E002", name="")
    with pytest.raises(GalleryError):                        # bad embeddings: nothing stored anywhere
        enroll_person(backend, gallery, np.full((2, 128), np.nan), person_number="E003", name="C")
    assert backend.people.count() == 1 and gallery.ids == ["E001"]
    np.testing.assert_allclose(gallery.embeddings_of("E001"), _emb(1), atol=1e-6)
    assert gallery_path.stat().st_mtime_ns == before


def test_enroll_replaces_orphan_embeddings(backend, gallery, gallery_path):
    gallery.add("E009", _emb(9, n=5))          # left over by a crash: the database never had E009
    gallery.save()
    enroll_person(backend, gallery, _emb(1), person_number="E009", name="新")
    assert _on_disk(gallery_path).count("E009") == 3


def test_delete_leaves_no_attendance_and_no_embeddings(backend, gallery, gallery_path):
    a = enroll_person(backend, gallery, _emb(1), person_number="E001", name="A")
    b = enroll_person(backend, gallery, _emb(2), person_number="E002", name="B")
    for i in range(3):
        backend.attendance.check_in(a.id, T0 + timedelta(minutes=5 * i))
        backend.attendance.check_in(b.id, T0 + timedelta(minutes=5 * i))
    deleted = delete_person(backend, gallery, a.id)
    assert deleted.person_number == "E001"
    assert backend.people.get(a.id) is None
    assert {r.person_id for r in backend.attendance.search(HistoryQuery()).rows} == {b.id}
    assert _on_disk(gallery_path).ids == ["E002"] and gallery.ids == ["E002"]
    with pytest.raises(PersonNotFound):
        delete_person(backend, gallery, a.id)


def test_delete_rolls_back_the_database_when_the_gallery_cannot_be_saved(backend, gallery, gallery_path):
    a = enroll_person(backend, gallery, _emb(1), person_number="E001", name="A")
    enroll_person(backend, gallery, _emb(2), person_number="E002", name="B")
    backend.attendance.check_in(a.id, T0)
    with SaveBlocked(gallery_path):
        with pytest.raises(OSError):
            delete_person(backend, gallery, a.id)
    assert backend.people.get(a.id) is not None                                # database rolled back
    assert backend.attendance.search(HistoryQuery()).total == 1                # attendance kept
    assert gallery.count("E001") == 3                                         # memory restored
    np.testing.assert_allclose(gallery.embeddings_of("E001"), _emb(1), atol=1e-6)
    assert _on_disk(gallery_path).count("E001") == 3
    delete_person(backend, gallery, a.id)                                    # fine once disk is back
    assert backend.people.count() == 1 and _on_disk(gallery_path).ids == ["E002"]


def test_deleting_the_last_enrolled_person(backend, gallery, gallery_path):
    a = enroll_person(backend, gallery, _emb(1), person_number="E001", name="A")
    try:
        delete_person(backend, gallery, a.id)
    finally:
        assert (backend.people.get(a.id) is None) == (gallery.count("E001") == 0)  # consistent either way
    assert backend.people.count() == 0 and _on_disk(gallery_path).ids == []


def test_delete_of_a_person_without_embeddings(backend, gallery):
    p = backend.people.create("E001", "no face yet")
    delete_person(backend, gallery, p.id)
    assert backend.people.get(p.id) is None


def test_update_renames_the_gallery_key(backend, gallery, gallery_path):
    a = enroll_person(backend, gallery, _emb(1), person_number="E001", name="A")
    enroll_person(backend, gallery, _emb(2), person_number="E002", name="B")
    u = update_person(backend, gallery, a.id, person_number="E100", name="A2")
    assert (u.person_number, u.name) == ("E100", "A2")
    assert sorted(_on_disk(gallery_path).ids) == ["E002", "E100"]
    with pytest.raises(DuplicatePersonNumber):
        update_person(backend, gallery, a.id, person_number="E002")
    assert sorted(_on_disk(gallery_path).ids) == ["E002", "E100"]
    with SaveBlocked(gallery_path):
        with pytest.raises(OSError):
            update_person(backend, gallery, a.id, person_number="E200")
    assert backend.people.get(a.id).person_number == "E100"
    assert gallery.count("E100") == 3 and gallery.count("E200") == 0
    assert update_person(backend, gallery, a.id, phone="123").phone == "123"   # no key change: no save


def test_reconcile_repairs_orphans(backend, gallery, gallery_path):
    enroll_person(backend, gallery, _emb(1), person_number="E001", name="A")
    backend.people.create("E002", "no face")
    gallery.add("GHOST", _emb(3))
    gallery.save()
    report = reconcile(backend, gallery)
    assert report.removed_from_gallery == ["GHOST"] and report.without_embeddings == ["E002"]
    assert _on_disk(gallery_path).ids == ["E001"]
