"""MySQL unreachable: check-ins go to the local outbox and are replayed, in order, exactly once.

The connection is cut with a real TCP proxy in front of the real server (the shared server is
never stopped).
"""
from __future__ import annotations

import random
import socket
import threading
import time
from datetime import datetime, timedelta

import pytest

from backend import BackendOffline, HistoryQuery, open_backend

T0 = datetime(2024, 5, 1, 9, 0, 0)


def _rows(mysql_server, database):
    """(event_id, person_id, checked_in_at) of every attendance row, in insertion (id) order."""
    conn = mysql_server.connect(database)
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT event_id, person_id, checked_in_at FROM attendance ORDER BY id")
            return list(cur.fetchall())
    finally:
        conn.close()


def _closed_port() -> int:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def test_unreachable_server_starts_offline_and_keeps_running(mysql_server, tmp_path):
    url = mysql_server.url("facetest_nowhere", port=_closed_port())
    b = open_backend(url, outbox_path=tmp_path / "outbox.db", password="")
    try:
        st = b.status()
        assert (st.kind, st.online, st.pending) == ("mysql", False, 0)
        assert "cannot connect" in st.message and "Connection refused" in st.message
        c = b.attendance.check_in(7, T0, desk="门口")
        assert c.status == "queued"
        assert b.attendance.check_in(7, T0 + timedelta(seconds=10)).status == "cooldown"   # rule holds offline
        assert b.status().pending == 1 and "1 check-in(s) waiting" in b.status().message
        with pytest.raises(BackendOffline, match="cannot connect"):
            b.people.create("E1", "A")
        with pytest.raises(BackendOffline):
            b.attendance.search(HistoryQuery())
        assert b.flush_outbox() == 0
    finally:
        b.close()


def test_queue_survives_a_restart_and_is_replayed_in_order(mysql_via_proxy, mysql_proxy, mysql_server):
    b = mysql_via_proxy()
    a, z = b.people.create("E1", "张三"), b.people.create("E2", "李四")
    first = b.attendance.check_in(a.id, T0)
    mysql_proxy.cut()
    queued = [b.attendance.check_in(p.id, T0 + timedelta(minutes=m), desk="离线")
              for m, p in [(5, a), (5, z), (10, a), (11, z)]]
    assert [c.status for c in queued] == ["queued"] * 4
    assert b.attendance.check_in(a.id, T0 + timedelta(seconds=30)).status == "cooldown"  # vs. recorded one
    assert not b.status().online and b.status().pending == 4
    b.close()

    mysql_proxy.restore()
    again = mysql_via_proxy()                       # same outbox file: replayed on open
    assert again.status().online and again.status().pending == 0
    rows = _rows(mysql_server, mysql_via_proxy.database)
    assert [r[0] for r in rows] == [first.event_id] + [c.event_id for c in queued]
    assert [r[2] for r in rows] == [T0] + [c.checked_in_at for c in queued]


def test_replay_is_idempotent(mysql_via_proxy, mysql_proxy, mysql_server):
    b = mysql_via_proxy()
    p = b.people.create("E1", "A")
    mysql_proxy.cut()
    c1 = b.attendance.check_in(p.id, T0)
    c2 = b.attendance.check_in(p.id, T0 + timedelta(minutes=5))
    # as if the first attempt had reached the server before the connection broke
    conn = mysql_server.connect(mysql_via_proxy.database)
    with conn.cursor() as cur:
        cur.execute("INSERT INTO attendance (event_id, person_id, checked_in_at) VALUES (%s, %s, %s)",
                    (c1.event_id, p.id, T0))
    conn.close()
    mysql_proxy.restore()
    assert b.flush_outbox() == 2
    assert b.flush_outbox() == 0
    assert [r[0] for r in _rows(mysql_server, mysql_via_proxy.database)] == [c1.event_id, c2.event_id]


def test_check_in_of_a_person_deleted_meanwhile_is_kept_aside(mysql_via_proxy, mysql_proxy, mysql_server,
                                                              tmp_path):
    b = mysql_via_proxy()
    gone, kept = b.people.create("E1", "A"), b.people.create("E2", "B")
    mysql_proxy.cut()
    lost = b.attendance.check_in(gone.id, T0)
    ok = b.attendance.check_in(kept.id, T0)
    mysql_proxy.restore()
    other = mysql_via_proxy(outbox_path=tmp_path / "other-desk-outbox.db")
    other.people.delete(gone.id)
    assert b.flush_outbox() == 1
    assert [r[0] for r in _rows(mysql_server, mysql_via_proxy.database)] == [ok.event_id]
    assert b.rejected_check_ins() == [(lost.event_id, f"person {gone.id} no longer exists")]
    assert b.status().pending == 0


def test_events_are_kept_per_server_database(mysql_via_proxy, mysql_proxy, mysql_server, tmp_path):
    b = mysql_via_proxy()
    p = b.people.create("E1", "A")
    mysql_proxy.cut()
    b.attendance.check_in(p.id, T0)
    b.close()
    mysql_proxy.restore()
    elsewhere = open_backend(mysql_server.url(mysql_server.new_database()), password=mysql_server.password,
                             outbox_path=tmp_path / "outbox.db")
    try:
        assert elsewhere.status().pending == 0 and elsewhere.attendance.search(HistoryQuery()).total == 0
    finally:
        elsewhere.close()


def test_sqlite_has_no_outbox(tmp_path):
    b = open_backend(f"sqlite:///{tmp_path}/a.db")
    try:
        st = b.status()
        assert (st.kind, st.online, st.pending) == ("sqlite", True, 0)
        assert b.flush_outbox() == 0 and b.rejected_check_ins() == []
    finally:
        b.close()


def _assert_exactly_once_in_order(mysql_server, database, events):
    rows = _rows(mysql_server, database)
    assert len(rows) == 1000
    assert len({r[0] for r in rows}) == 1000                     # no duplicates
    assert [r[0] for r in rows] == [c.event_id for c in events]  # order kept
    assert [r[2] for r in rows] == sorted(r[2] for r in rows)


def test_fault_1000_check_ins_with_the_connection_cut_partway(mysql_via_proxy, mysql_proxy, mysql_server):
    b = mysql_via_proxy()
    people = [b.people.create(f"F{i:02d}", f"故障测试{i}") for i in range(10)]
    b.attendance.cooldown_seconds = 0
    events = []
    for i in range(1000):
        if i == 300:
            mysql_proxy.cut()          # server unreachable: open connection dropped, new ones refused
        if i == 700:
            mysql_proxy.restore()      # server back
            time.sleep(mysql_via_proxy.retry * 1.5)   # check-ins retry the server every `retry` s
        events.append(b.attendance.check_in(people[i % 10].id, T0 + timedelta(milliseconds=50 * i),
                                            desk="fault", distance=i / 1000))
    statuses = [c.status for c in events]
    assert statuses[:300] == ["recorded"] * 300
    assert statuses[300:700] == ["queued"] * 400
    assert statuses[700:] == ["recorded"] * 300      # the first one back replayed the queue first
    assert b.flush_outbox() == 0
    st = b.status()
    assert st.online and st.pending == 0, st.message
    _assert_exactly_once_in_order(mysql_server, mysql_via_proxy.database, events)
    assert b.attendance.search(HistoryQuery(text="故障测试")).total == 1000


def test_fault_random_cuts_while_streaming(mysql_via_proxy, mysql_proxy, mysql_server):
    """Cuts at arbitrary moments (mid-statement, mid-commit, mid-replay) still give exactly-once."""
    b = mysql_via_proxy()
    people = [b.people.create(f"R{i:02d}", f"随机{i}") for i in range(10)]
    b.attendance.cooldown_seconds = 0
    stop = threading.Event()
    cuts = []

    def chaos():
        rng = random.Random(1234)
        while not stop.wait(rng.uniform(0.005, 0.05)):
            mysql_proxy.cut()
            cuts.append(time.monotonic())
            stop.wait(rng.uniform(0.0, 0.03))
            mysql_proxy.restore()
    thread = threading.Thread(target=chaos, daemon=True)
    thread.start()
    try:
        events = [b.attendance.check_in(people[i % 10].id, T0 + timedelta(milliseconds=50 * i))
                  for i in range(1000)]
    finally:
        stop.set()
        thread.join()
    assert len(cuts) >= 5
    for _ in range(20):
        if b.flush_outbox() == 0 and b.status().pending == 0:
            break
    assert b.status().online and b.status().pending == 0
    assert {c.status for c in events} <= {"recorded", "queued"}
    _assert_exactly_once_in_order(mysql_server, mysql_via_proxy.database, events)
