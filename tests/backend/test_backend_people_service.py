"""people_service: a person, their samples, embeddings and the change in one transaction; the
desk's gallery (a real recognition.gallery.Gallery) follows as a cache. SQLite and real MariaDB."""
from __future__ import annotations

import threading
from datetime import datetime, timedelta

import numpy as np
import pytest
from face_helpers import MODEL, Desk, SaveBlocked, samples, same, store_contents, unit

from backend import BackendOffline, DuplicatePersonNumber, HistoryQuery, PersonNotFound
from backend.people_service import (add_samples, delete_person, delete_samples, enroll_person, forget_learned,
                                    learn_sample, reconcile, set_active, update_person)
from recognition.gallery import Gallery

T0 = datetime(2024, 3, 6, 9, 0)


@pytest.fixture
def desk(backend, tmp_path):
    return Desk(backend, tmp_path / "desk_a")


def test_enroll_writes_the_person_samples_embeddings_and_a_change(desk, backend):
    p = enroll_person(backend, desk.sync, samples(1), desk="前台", person_number="E001", name="张三",
                      department="研发")
    assert backend.people.get(p.id).name == "张三"
    stored = backend.faces.samples_of(p.id)
    assert len(stored) == 3 and {s.desk for s in stored} == {"前台"}
    assert all(s.models == (MODEL.fingerprint,) for s in stored)
    assert [c.person_id for c in backend.faces.changes_since(0)] == [p.id]
    # the desk's own cache followed, in memory and on disk
    assert desk.gallery.count("E001") == 3
    np.testing.assert_allclose(desk.gallery.embeddings_of("E001"), unit(1), atol=1e-6)
    assert Gallery.open(desk.path).count("E001") == 3
    assert desk.sync.last_change_id == 1 and desk.sync.person_key(p.id) == "E001"


def test_a_refused_enrollment_stores_nothing_anywhere(desk, backend):
    enroll_person(backend, desk.sync, samples(1), person_number="E001", name="A")
    before = desk.path.stat().st_mtime_ns
    with pytest.raises(DuplicatePersonNumber):
        enroll_person(backend, desk.sync, samples(2), person_number="E001", name="B")
    with pytest.raises(ValueError, match="name"):
        enroll_person(backend, desk.sync, samples(2), person_number="E002", name="")
    bad = samples(3)
    bad[1].embedding = np.full(128, np.nan)
    with pytest.raises(ValueError, match="sample 2"):
        enroll_person(backend, desk.sync, bad, person_number="E003", name="C")
    with pytest.raises(ValueError, match="at least one"):
        enroll_person(backend, desk.sync, [], person_number="E004", name="D")
    assert backend.people.count() == 1 and backend.faces.coverage().samples == 3
    assert backend.faces.head().last_change_id == 1            # no change id spent by the failures
    assert desk.gallery.ids == ["E001"] and desk.path.stat().st_mtime_ns == before


def test_a_cache_that_cannot_be_saved_does_not_undo_the_enrollment(desk, backend):
    enroll_person(backend, desk.sync, samples(1), person_number="E001", name="A")
    with SaveBlocked(desk.path):
        p = enroll_person(backend, desk.sync, samples(2), person_number="E002", name="B")
    assert backend.people.get(p.id) is not None                 # the database is the truth
    assert sorted(desk.gallery.ids) == ["E001", "E002"]         # memory follows
    assert desk.sync.last_report.save_error                     # the file could not be written
    assert Gallery.open(desk.path).ids == ["E001"]              # and kept its last good state
    restarted = desk.restart()                                  # next start: caught up from the file
    assert restarted.sync.last_change_id == 1
    report = restarted.poll()
    assert report.updated == ("E002",) and not report.reloaded
    assert same(restarted.contents(), store_contents(backend))
    assert Gallery.open(desk.path).ids == ["E001", "E002"]


def test_delete_leaves_no_attendance_samples_or_embeddings(desk, backend):
    a = enroll_person(backend, desk.sync, samples(1), person_number="E001", name="A")
    b = enroll_person(backend, desk.sync, samples(2), person_number="E002", name="B")
    for i in range(3):
        backend.attendance.check_in(a.id, T0 + timedelta(minutes=5 * i))
        backend.attendance.check_in(b.id, T0 + timedelta(minutes=5 * i))
    deleted = delete_person(backend, desk.sync, a.id)
    assert deleted.person_number == "E001" and backend.people.get(a.id) is None
    assert {r.person_id for r in backend.attendance.search(HistoryQuery()).rows} == {b.id}
    assert backend.faces.samples_of(a.id) == [] and backend.faces.coverage().of(MODEL.fingerprint).embedded == 3
    assert desk.gallery.ids == ["E002"] and Gallery.open(desk.path).ids == ["E002"]
    with pytest.raises(PersonNotFound):
        delete_person(backend, desk.sync, a.id)


def test_update_renames_the_gallery_key_and_a_name_change_costs_no_change(desk, backend):
    a = enroll_person(backend, desk.sync, samples(1), person_number="E001", name="A")
    enroll_person(backend, desk.sync, samples(2), person_number="E002", name="B")
    u = update_person(backend, desk.sync, a.id, person_number="E100", name="A2")
    assert (u.person_number, u.name) == ("E100", "A2")
    assert sorted(desk.gallery.ids) == ["E002", "E100"] and desk.gallery.count("E100") == 3
    with pytest.raises(DuplicatePersonNumber):
        update_person(backend, desk.sync, a.id, person_number="E002")
    head = backend.faces.head().last_change_id
    assert update_person(backend, desk.sync, a.id, phone="123").phone == "123"
    assert backend.faces.head().last_change_id == head
    assert sorted(Gallery.open(desk.path).ids) == ["E002", "E100"]


def test_deactivated_people_leave_the_gallery_and_keep_their_samples(desk, backend):
    a = enroll_person(backend, desk.sync, samples(1), person_number="E001", name="A")
    set_active(backend, desk.sync, a.id, False)
    assert desk.gallery.ids == [] and len(backend.faces.samples_of(a.id)) == 3
    assert backend.people.get(a.id).active is False
    set_active(backend, desk.sync, a.id, True)
    assert desk.gallery.count("E001") == 3


def test_add_and_delete_samples(desk, backend):
    a = enroll_person(backend, desk.sync, samples(1, n=2), person_number="E001", name="A")
    photos = samples(5, n=2)
    for s in photos:
        s.source = "photo"
    ids = add_samples(backend, desk.sync, a.id, photos, desk="side door")
    assert desk.gallery.count("E001") == 4 and len(ids) == 2
    assert add_samples(backend, desk.sync, a.id, photos[:1]) == ids[:1]          # same photo: no twin
    assert delete_samples(backend, desk.sync, a.id, ids) == 2
    assert desk.gallery.count("E001") == 2
    np.testing.assert_allclose(desk.gallery.embeddings_of("E001"), unit(1, 2), atol=1e-6)
    with pytest.raises(PersonNotFound):
        add_samples(backend, desk.sync, 999, samples(6))


def test_learned_samples_are_marked_capped_replaced_and_forgotten_everywhere(desk, backend, tmp_path):
    other = Desk(backend, tmp_path / "desk_b")
    p = enroll_person(backend, desk.sync, samples(1), desk="A", person_number="E001", name="张三")
    first = learn_sample(backend, desk.sync, p.id, samples(2, n=1)[0], replaces=None, max_learned=2, desk="A")
    second = learn_sample(backend, desk.sync, p.id, samples(3, n=1)[0], replaces=None, max_learned=2, desk="B")
    assert first and second
    stored = backend.faces.samples_of(p.id)
    assert [s.learned for s in stored] == [False] * 3 + [True, True] and stored[-1].desk == "B"
    assert backend.faces.kind_counts() == {p.id: (3, 2)}
    # every desk's gallery knows which rows were learned, and their sample ids
    other.poll()
    for gallery in (desk.gallery, other.gallery):
        rows = gallery.samples()
        assert rows.learned.tolist() == [False] * 3 + [True, True]
        assert rows.sample_ids.tolist() == [s.id for s in stored]
    # full: a third is stored only in place of a learned one, never of an enrolled one
    assert learn_sample(backend, desk.sync, p.id, samples(4, n=1)[0], replaces=None, max_learned=2) is None
    assert learn_sample(backend, desk.sync, p.id, samples(4, n=1)[0], replaces=stored[0].id, max_learned=2) is None
    third = learn_sample(backend, desk.sync, p.id, samples(4, n=1)[0], replaces=first, max_learned=2)
    assert [s.id for s in backend.faces.samples_of(p.id)] == [s.id for s in stored[:3]] + [second, third]
    np.testing.assert_allclose(desk.gallery.embeddings_of("E001")[-1], unit(4, 1)[0], atol=1e-6)
    # deactivated: nothing more is learned; "Forget learned samples" keeps the enrolled ones
    set_active(backend, desk.sync, p.id, False)
    assert learn_sample(backend, desk.sync, p.id, samples(5, n=1)[0], replaces=None, max_learned=9) is None
    set_active(backend, desk.sync, p.id, True)
    assert forget_learned(backend, desk.sync, p.id) == 2
    assert [s.learned for s in backend.faces.samples_of(p.id)] == [False] * 3
    other.poll()
    assert other.gallery.samples().learned.tolist() == [False] * 3
    assert forget_learned(backend, desk.sync, p.id) == 0
    # a deleted person's learned samples go with them
    learn_sample(backend, desk.sync, p.id, samples(6, n=1)[0], replaces=None, max_learned=2)
    delete_person(backend, desk.sync, p.id)
    assert backend.faces.coverage().samples == 0 and desk.gallery.size == 0


def test_learning_while_the_server_is_down_stores_nothing(mysql_via_proxy, mysql_proxy, tmp_path):
    backend = mysql_via_proxy()
    desk = Desk(backend, tmp_path / "desk")
    p = enroll_person(backend, desk.sync, samples(1), person_number="E001", name="A")
    mysql_proxy.cut()
    with pytest.raises(BackendOffline, match="cannot learn a face sample while the database is unreachable"):
        learn_sample(backend, desk.sync, p.id, samples(2, n=1)[0], replaces=None, max_learned=20)
    mysql_proxy.restore()
    assert backend.faces.kind_counts() == {p.id: (3, 0)} and desk.gallery.size == 3
    assert backend.faces.head().last_change_id == 1


def test_without_a_cache_the_model_must_be_named(backend):
    with pytest.raises(ValueError, match="model"):
        enroll_person(backend, None, samples(1), person_number="E001", name="A")
    p = enroll_person(backend, None, samples(1), model=MODEL, person_number="E001", name="A")
    assert backend.faces.coverage().of(MODEL.fingerprint).embedded == 3 and p.id


def test_reconcile_reports_and_removes_orphans(desk, backend):
    enroll_person(backend, desk.sync, samples(1), person_number="E001", name="A")
    backend.people.create("E002", "no face")
    desk.gallery.add("GHOST", unit(3))
    report = reconcile(backend, desk.gallery)
    assert report.removed_from_gallery == ["GHOST"] and report.without_embeddings == ["E002"]
    assert Gallery.open(desk.path).ids == ["E001"]


# -- faults on the real MariaDB ---------------------------------------------------------------
def test_enrolling_while_the_server_is_down_is_refused_cleanly(mysql_via_proxy, mysql_proxy, tmp_path):
    backend = mysql_via_proxy()
    desk = Desk(backend, tmp_path / "desk")
    enroll_person(backend, desk.sync, samples(1), person_number="E001", name="A")
    mysql_proxy.cut()
    with pytest.raises(BackendOffline, match="cannot enroll while the database is unreachable; nothing"):
        enroll_person(backend, desk.sync, samples(2), person_number="E002", name="B")
    assert desk.gallery.ids == ["E001"]
    mysql_proxy.restore()
    assert backend.people.get_by_number("E002") is None            # nothing half-written
    assert backend.faces.coverage().samples == 3 and backend.faces.head().last_change_id == 1
    enroll_person(backend, desk.sync, samples(2), person_number="E002", name="B")
    assert sorted(desk.gallery.ids) == ["E001", "E002"]


def test_a_connection_cut_in_the_middle_of_an_enrollment_writes_nothing(mysql_server, mysql_via_proxy,
                                                                        mysql_proxy, tmp_path):
    """The enrollment is stopped where it takes the change counter (another session holds it), the
    server goes away, and the half-done transaction is rolled back by the server."""
    backend = mysql_via_proxy()
    desk = Desk(backend, tmp_path / "desk")
    holder = mysql_server.connect(mysql_via_proxy.database)
    holder.autocommit(False)
    cur = holder.cursor()
    cur.execute("SELECT last_change_id FROM face_change_counter WHERE id = 1 FOR UPDATE")
    errors = []

    def enroll():
        try:
            enroll_person(backend, desk.sync, samples(1), person_number="E001", name="A")
        except Exception as exc:
            errors.append(exc)
    worker = threading.Thread(target=enroll)
    worker.start()
    probe = mysql_server.connect(mysql_via_proxy.database)
    for _ in range(100):                       # wait until the enrollment waits for the counter
        with probe.cursor() as c:
            c.execute("SELECT COUNT(*) FROM information_schema.innodb_trx t JOIN information_schema.processlist p "
                      "ON p.id = t.trx_mysql_thread_id WHERE t.trx_state = 'LOCK WAIT' AND p.db = %s",
                      (mysql_via_proxy.database,))
            if c.fetchone()[0]:
                break
        threading.Event().wait(0.05)
    else:
        pytest.fail("the enrollment never reached the change counter")
    mysql_proxy.cut()
    worker.join(10)
    holder.rollback()
    holder.close()
    assert len(errors) == 1 and isinstance(errors[0], BackendOffline), errors
    with probe.cursor() as c:
        c.execute("SELECT (SELECT COUNT(*) FROM people), (SELECT COUNT(*) FROM face_samples), "
                  "(SELECT COUNT(*) FROM face_embeddings), (SELECT COUNT(*) FROM face_changes)")
        assert c.fetchone() == (0, 0, 0, 0)
    probe.close()
    assert desk.gallery.ids == []


def test_two_desks_enrolling_one_person_number_at_once(open_db, tmp_path):
    """Both desks press Save at the same moment: one person, the other desk gets a clear error."""
    a, b = open_db(), open_db()
    desk_a, desk_b = Desk(a, tmp_path / "a"), Desk(b, tmp_path / "b")
    start = threading.Barrier(2)
    outcome = {}

    def enroll(name, desk, seed):
        start.wait()
        try:
            outcome[name] = enroll_person(desk.backend, desk.sync, samples(seed), person_number="E001",
                                          name=name)
        except Exception as exc:
            outcome[name] = exc
    threads = [threading.Thread(target=enroll, args=("A", desk_a, 1)),
               threading.Thread(target=enroll, args=("B", desk_b, 2))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    errors = [v for v in outcome.values() if isinstance(v, Exception)]
    assert len(errors) == 1 and isinstance(errors[0], DuplicatePersonNumber), outcome
    assert "E001" in str(errors[0]) and "already used" in str(errors[0])
    winner = next(v for v in outcome.values() if not isinstance(v, Exception))
    assert a.people.count() == 1 and a.faces.coverage().samples == 3
    for desk in (desk_a, desk_b):
        desk.poll()
        assert same(desk.contents(), store_contents(a))
        np.testing.assert_allclose(desk.gallery.embeddings_of("E001"), unit(1 if winner.name == "A" else 2),
                                   atol=1e-6)
