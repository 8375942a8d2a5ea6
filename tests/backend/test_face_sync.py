"""Two desks on one database (SQLite file / real MariaDB): each follows the change feed into its
own gallery cache. Faults: server down during a sync, a desk killed (kill -9) mid-sync or
mid-save, a writer that commits late."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import numpy as np
import pytest
from face_helpers import MODEL, Desk, samples, same, store_contents, unit

from backend import BackendOffline
from backend.face_store import FaceModel
from desk.models import model_state
from backend.face_sync import FaceSync
from backend.people_service import delete_person, enroll_person, set_active, update_person
from recognition.gallery import Gallery

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def desks(open_db, tmp_path):
    """Desk A and desk B: two connections to the same database, two cache folders."""
    return Desk(open_db(), tmp_path / "a"), Desk(open_db(), tmp_path / "b")


def test_what_one_desk_does_the_other_desk_follows(desks):
    a, b = desks
    assert b.poll().reloaded and len(b.gallery) == 0          # first sync: an empty store
    p = enroll_person(a.backend, a.sync, samples(1), person_number="E001", name="张三")
    q = enroll_person(a.backend, a.sync, samples(2), person_number="E002", name="B")
    report = b.poll()
    assert report.updated == ("E001", "E002") and report.changes == 2
    np.testing.assert_allclose(b.gallery.embeddings_of("E001"), unit(1), atol=1e-6)
    assert b.gallery.match(unit(1, 1), 0.1)[0].key == "E001"       # B recognizes A's enrollment
    update_person(a.backend, a.sync, p.id, person_number="E100")
    assert b.poll().removed == ("E001",) and sorted(b.gallery.ids) == ["E002", "E100"]
    set_active(a.backend, a.sync, q.id, False)
    assert b.poll().removed == ("E002",) and b.gallery.ids == ["E100"]
    set_active(a.backend, a.sync, q.id, True)
    b.poll()
    delete_person(a.backend, a.sync, p.id)
    assert b.poll().removed == ("E100",) and b.gallery.ids == ["E002"]
    assert same(b.contents(), store_contents(b.backend)) and same(a.contents(), b.contents())
    assert Gallery.open(b.path).ids == ["E002"]                           # B's cache file too


def test_a_poll_with_nothing_new_is_one_small_query(desks):
    a, b = desks
    enroll_person(a.backend, a.sync, samples(1), person_number="E001", name="A")
    b.poll()
    saved = b.path.stat().st_mtime_ns
    report = b.poll()
    assert report.changes == 0 and not report.changed and report.last_change_id == 1
    assert b.path.stat().st_mtime_ns == saved                             # nothing rewritten


def test_a_desk_restarts_from_its_cache_and_catches_up(desks, open_db):
    a, b = desks
    p = enroll_person(a.backend, a.sync, samples(1), person_number="E001", name="A")
    b.poll()
    b.backend.close()                      # B is switched off; A works on
    enroll_person(a.backend, a.sync, samples(2), person_number="E002", name="B")
    delete_person(a.backend, a.sync, p.id)
    b2 = b.restart(open_db())
    assert b2.gallery.ids == ["E001"] and b2.sync.last_change_id == 1    # usable before any network
    report = b2.poll()
    assert not report.reloaded and report.changes == 2
    assert b2.gallery.ids == ["E002"] and same(b2.contents(), store_contents(a.backend))


def test_a_cache_of_another_database_is_rebuilt(open_db, tmp_path, db_url, db_password, kind, request):
    one = open_db()
    enroll_person(one, None, samples(1), model=MODEL, person_number="E001", name="A")
    desk = Desk(one, tmp_path / "desk")
    desk.poll()
    if kind == "sqlite":
        other_url = f"sqlite:///{tmp_path}/other.db"
    else:
        server = request.getfixturevalue("mysql_server")
        other_url = server.url(server.new_database())
    two = open_db(other_url)
    enroll_person(two, None, samples(2), model=MODEL, person_number="X9", name="X")
    moved = desk.restart(two)
    assert moved.gallery.ids == ["E001"]
    report = moved.poll()
    assert report.reloaded and moved.gallery.ids == ["X9"]


def test_catching_up_in_batches_and_reloading_in_pages(desks):
    a, b = desks
    people = [enroll_person(a.backend, None, samples(i, n=2), model=MODEL, person_number=f"E{i:02d}",
                            name=f"P{i}") for i in range(9)]
    cold = Desk(b.backend, b.folder.parent / "cold", reload_page=4)
    assert cold.poll().reloaded and same(cold.contents(), store_contents(a.backend))
    b.sync.change_batch = 2
    b.sync.store_id, b.sync.last_change_id = a.backend.faces.head().store_id, 0   # "behind by 9"
    # rename swap in the backlog: E00 -> E99, E01 -> E00, E99 -> E01
    update_person(a.backend, None, people[0].id, person_number="E99")
    update_person(a.backend, None, people[1].id, person_number="E00")
    update_person(a.backend, None, people[0].id, person_number="E01")
    delete_person(a.backend, None, people[5].id)
    report = b.poll()
    assert not report.reloaded and report.changes == 13
    assert same(b.contents(), store_contents(a.backend))
    np.testing.assert_allclose(b.gallery.embeddings_of("E01")[:1], unit(0, 2)[:1], atol=1e-6)
    assert "E05" not in b.gallery.ids
    far = Desk(b.backend, b.folder.parent / "far", reload_after=3)
    far.poll()
    enroll_person(a.backend, None, samples(50), model=MODEL, person_number="N1", name="N")
    assert not far.poll().reloaded
    for i in range(4):
        enroll_person(a.backend, None, samples(60 + i), model=MODEL, person_number=f"M{i}", name="M")
    assert far.poll().reloaded and same(far.contents(), store_contents(a.backend))


def test_embeddings_of_another_model_reach_only_that_models_desks(desks, tmp_path):
    a, b = desks
    other = FaceModel("d" * 64, "new model")
    p = enroll_person(a.backend, a.sync, samples(1), person_number="E001", name="A")
    b.poll()
    new_desk = Desk(b.backend, tmp_path / "new", model=other)
    new_desk.poll()
    assert new_desk.gallery.ids == []
    state = model_state(b.backend.faces.coverage(), new_desk.model)
    assert (state.samples, state.embedded, state.complete) == (3, 0, False)
    assert "python main.py reembed --model-dir DIR" in state.message("DIR")
    assert "test model" in state.message("DIR")
    ids = [s.id for s in a.backend.faces.samples_of(p.id)]
    a.backend.faces.put_embeddings(other, [(i, p.id, e) for i, e in zip(ids, unit(7, 3, 64))])
    before = b.poll()
    assert before.changes == 1 and not before.changed             # desk on the old model: ignored
    assert new_desk.poll().updated == ("E001",) and new_desk.gallery.count("E001") == 3
    assert model_state(b.backend.faces.coverage(), new_desk.model).complete
    assert "all 3 face samples embedded" in model_state(b.backend.faces.coverage(), new_desk.model).message()


def test_model_state_messages():
    from backend.face_store import Coverage, ModelCoverage
    empty = model_state(Coverage(0, 0, {}), MODEL)
    assert "import-faces" in empty.message()
    cov = Coverage(10, 10, {MODEL.fingerprint: ModelCoverage(MODEL.fingerprint, "test model", 128, 6, 1)})
    state = model_state(cov, MODEL)
    assert (state.missing, state.complete) == (3, False) and "6 of 10" in state.message()


def test_a_desk_on_another_model_cannot_use_this_cache(desks):
    a, _ = desks
    with pytest.raises(ValueError, match="belongs to model"):
        FaceSync(a.gallery, FaceModel("e" * 64, "x"))


# -- faults -------------------------------------------------------------------------------
def test_server_down_during_a_sync(mysql_server, mysql_via_proxy, mysql_proxy, tmp_path):
    from backend import open_backend

    writer = open_backend(mysql_server.url(mysql_via_proxy.database), password=mysql_server.password,
                          outbox_path=tmp_path / "writer-outbox.db")      # another desk, not cut off
    desk_backend = mysql_via_proxy()
    desk = Desk(desk_backend, tmp_path / "desk", change_batch=1)
    enroll_person(writer, None, samples(1), model=MODEL, person_number="E001", name="A")
    desk.poll()
    for i in range(2, 6):
        enroll_person(writer, None, samples(i), model=MODEL, person_number=f"E00{i}", name="P")
    saved = Gallery.open(desk.path).ids
    mysql_proxy.cut()
    with pytest.raises(BackendOffline):
        desk.poll()
    assert desk.gallery.ids == saved == ["E001"]               # gallery and file as they were
    skipped = desk.poll()                                      # offline now: no network wait at all
    assert skipped.skipped and not skipped.changed
    mysql_proxy.restore()
    desk_backend.flush_outbox()                                # what the desk's status timer does
    assert desk.poll().changes == 4
    assert same(desk.contents(), store_contents(writer)) and len(desk.gallery) == 5
    writer.close()


def test_changes_committed_late_are_not_skipped(mysql_server, tmp_path):
    """Writer 1 takes change id N and commits 1.5 s later; writer 2 writes meanwhile. A reader that
    polls all the time must still see both (with plain auto-increment ids it would see N+1 first,
    move past N, and never see N). MariaDB: SQLite has one writer at a time by construction."""
    from backend import open_backend

    url = mysql_server.url(mysql_server.new_database())
    opened = [open_backend(url, password=mysql_server.password, outbox_path=tmp_path / f"o{i}.db")
              for i in range(3)]
    try:
        _late_commit(*opened, tmp_path)
    finally:
        for b in opened:
            b.close()


def _late_commit(slow, fast, reader_db, tmp_path):
    a = enroll_person(slow, None, samples(1), model=MODEL, person_number="E001", name="A")
    b = enroll_person(slow, None, samples(2), model=MODEL, person_number="E002", name="B")
    reader = Desk(reader_db, tmp_path / "reader")
    reader.poll()
    applied, stop = [], threading.Event()       # the reader's last change id after each poll

    def read():
        while not stop.is_set():
            applied.append(reader.poll().last_change_id)
            time.sleep(0.01)
    polling = threading.Thread(target=read)
    polling.start()
    in_transaction = threading.Event()

    def slow_writer():
        with slow.transaction():
            slow.people.update(a.id, person_number="E101")
            slow.faces.record_changes([a.id])
            in_transaction.set()
            time.sleep(1.5)
    writer = threading.Thread(target=slow_writer)
    writer.start()
    in_transaction.wait(5)
    update_person(fast, None, b.id, person_number="E102")      # waits for the counter, then commits
    writer.join()
    time.sleep(0.3)
    stop.set()
    polling.join()
    assert applied.count(2) > 10 and applied[-1] == 4 and applied == sorted(applied)   # polled throughout
    assert sorted(reader.gallery.ids) == ["E101", "E102"]          # change 3 was not skipped
    assert same(reader.contents(), store_contents(fast))


_CHILD = textwrap.dedent("""
    import sys
    from pathlib import Path
    sys.path[:0] = [{repo!r}, {tests!r}]
    from backend import open_backend
    from backend.face_sync import FaceSync, cache_path
    from face_helpers import MODEL
    from recognition.gallery import Gallery

    class Reporting(Gallery):           # the real Gallery; it says when a batch was applied
        def replace_people(self, updates, meta=None):
            super().replace_people(updates, meta)
            print("batch", flush=True)

    backend = open_backend({url!r}, password={password!r}, outbox_path={outbox!r})
    gallery = Reporting.open(cache_path({folder!r}, MODEL.fingerprint), MODEL.fingerprint, MODEL.name)
    sync = FaceSync(gallery, MODEL, change_batch=5)
    print("ready", flush=True)
    sync.poll(backend)
    print("synced", flush=True)
    while {mode!r} == "save":
        print("saving", flush=True)
        gallery.save()
""")


def _child(url, password, folder, mode, tmp_path):
    code = _CHILD.format(repo=str(REPO), tests=str(REPO / "tests" / "backend"), url=url, password=password,
                         outbox=str(tmp_path / "child-outbox.db"), folder=str(folder), mode=mode)
    return subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True, cwd=REPO)


def _wait_for(child, line: str, count: int = 1) -> None:
    seen = 0
    while seen < count:
        got = child.stdout.readline()
        assert got, f"the desk process ended before printing {line!r}"
        seen += got.strip() == line


@pytest.mark.parametrize("mode", ["sync", "save"])
def test_a_desk_killed_mid_sync_or_mid_save_keeps_a_usable_cache(mode, backend, db_url, db_password, tmp_path):
    folder = tmp_path / "desk"
    people = [enroll_person(backend, None, samples(i, n=5), model=MODEL, person_number=f"E{i:03d}",
                            name=f"P{i}") for i in range(60)]
    Desk(backend, folder).poll()                      # the desk's cache; then it falls behind
    for p in people[:40]:
        update_person(backend, None, p.id, person_number=p.person_number + "x")
    for p in people[40:55]:
        delete_person(backend, None, p.id)
    for i in range(100):
        enroll_person(backend, None, samples(1000 + i, n=5), model=MODEL, person_number=f"N{i:03d}", name="N")
    for round_ in range(3):
        child = _child(db_url, db_password, folder, mode, tmp_path)
        try:
            _wait_for(child, "ready")
            if mode == "sync":
                _wait_for(child, "batch", 3 + round_)     # in the middle of catching up
            else:
                _wait_for(child, "saving", 2 + round_)    # in the middle of (another) save
            os.kill(child.pid, signal.SIGKILL)
        finally:
            child.wait(30)
            child.stdout.close()
        assert child.returncode == -signal.SIGKILL
        cache = Gallery.open(Desk(backend, folder).path, MODEL.fingerprint)   # opens: intact
        state = cache.meta["face_sync"]
        assert len(cache) == len(state["people"]), "cache content and its sync state disagree"
        if mode == "sync":
            assert state["last_change_id"] == 60         # nothing of the interrupted sync was saved
    desk = Desk(backend, folder)
    report = desk.poll()                                  # the next sync completes
    assert report.save_error is None and (mode == "save" or report.changes == 155)
    assert same(desk.contents(), store_contents(backend)) and len(desk.gallery) == 145
