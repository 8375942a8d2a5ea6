"""Schema 6: a check-in's liveness evidence, and rejected attempts (a face not shown live: nothing checked in).

On SQLite and the real MariaDB (the ``kind`` fixture); the outbox with a real TCP proxy cutting the real
server. Thumbnails are real JPEGs of a real photo (cv2), as the desk makes them.
"""
from __future__ import annotations

import sqlite3
from datetime import date, datetime, timedelta

import cv2
import numpy as np
import pytest

from backend import HistoryQuery, open_backend
from backend.rejected_attempts import MAX_THUMBNAIL_BYTES
from backend.url import parse_url
from report_helpers import sql

T0 = datetime(2026, 12, 1, 9, 0, 0)
PHOTO = "/work/shared/data/samples/paul_rudd.jpg"
#: text an attacker or a careless caller may put in a field: SQL quoting and comments, LIKE wildcards,
#: Chinese, an emoji outside the BMP (4 bytes in utf8mb4)
NASTY = "'; DROP TABLE attendance; -- \"x\" 100% _a_ \\ 照片攻击 🙂"


def _jpeg(size: int = 112, quality: int = 80) -> bytes:
    image = cv2.imdecode(np.fromfile(PHOTO, np.uint8), cv2.IMREAD_COLOR)
    if size:
        image = cv2.resize(image, (size, size), interpolation=cv2.INTER_AREA)
    ok, data = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, quality])
    assert ok
    return data.tobytes()


def _count(backend, table: str) -> int:
    return sql(backend, f"SELECT COUNT(*) FROM {table}")[0][0]


# -- a check-in's liveness ------------------------------------------------------------------------------
def test_a_check_in_records_its_liveness_next_to_the_method(kind, backend):
    backend.attendance.cooldown_seconds = 0
    p = backend.people.create("E1", "张三")
    sql(backend, "UPDATE people SET created_at = ?", ("2026-11-01 08:00:00.000",))     # tests run any day
    made = [backend.attendance.check_in(p.id, T0, desk="前台", method="face", liveness="passive"),
            backend.attendance.check_in(p.id, T0 + timedelta(minutes=1), method="number+face", liveness="challenge"),
            backend.attendance.check_in(p.id, T0 + timedelta(minutes=2), method="confirmed", operator="王芳",
                                        liveness="challenge"),
            backend.attendance.check_in(p.id, T0 + timedelta(minutes=3), liveness="off"),   # the desk's setting off
            backend.attendance.check_in(p.id, T0 + timedelta(minutes=4))]                  # not stated: NULL
    assert [c.liveness for c in made] == ["passive", "challenge", "challenge", "off", None]
    fix = backend.corrections.add(p.id, T0 + timedelta(hours=9), reason="忘记打卡", operator="王芳",
                                  now=T0 + timedelta(days=1))
    assert (fix.method, fix.liveness) == ("manual", None)
    rows = backend.attendance.search(HistoryQuery(preset="all", sort="time", descending=False)).rows
    assert [(r.method, r.liveness) for r in rows] == [("face", "passive"), ("number+face", "challenge"),
                                                      ("confirmed", "challenge"), ("face", "off"), ("face", None),
                                                      ("manual", None)]
    assert [r[0] for r in sql(backend, "SELECT liveness FROM attendance ORDER BY id")] == \
        ["passive", "challenge", "challenge", "off", None, None]
    by_liveness = backend.attendance.search(HistoryQuery(preset="all", sort="liveness", descending=False)).rows
    assert len(by_liveness) == 6
    (found,) = backend.corrections.between(date(2026, 12, 1), date(2026, 12, 1))
    assert found.liveness is None


def test_bad_liveness_is_refused_and_nothing_written(kind, backend):
    p = backend.people.create("E1", "张三")
    for bad in ("PASSIVE", "", "live", 1, True):
        with pytest.raises(ValueError, match="liveness must be one of passive, challenge, off"):
            backend.attendance.check_in(p.id, T0, liveness=bad)
    with pytest.raises(ValueError, match="manual check-in has no face"):
        backend.attendance.check_in(p.id, T0, method="manual", operator="王芳", reason="补卡", liveness="off")
    assert _count(backend, "attendance") == 0
    # the database refuses it too, should anything write past the app
    with pytest.raises(Exception):
        sql(backend, "INSERT INTO attendance (event_id, person_id, checked_in_at, liveness) VALUES (?, ?, ?, ?)",
            ("ev-x", p.id, "2026-12-01 09:00:00.000", "maybe"))


def test_the_cooldown_rule_is_the_same_whatever_the_liveness(kind, backend):
    p = backend.people.create("E1", "张三")
    assert backend.attendance.check_in(p.id, T0, liveness="challenge").status == "recorded"
    blocked = backend.attendance.check_in(p.id, T0 + timedelta(seconds=5), liveness="passive")
    assert (blocked.status, blocked.last_check_in, blocked.liveness) == ("cooldown", T0, "passive")
    assert _count(backend, "attendance") == 1


# -- rejected attempts ----------------------------------------------------------------------------------
def test_a_rejected_attempt_is_listed_and_never_a_check_in(kind, backend):
    a, b = backend.people.create("E1", "张三"), backend.people.create("E2", "O'Brien")
    thumb = _jpeg()
    first = backend.attendance.record_rejected_attempt(a.id, T0, "前台", reason="flat", distance=0.41,
                                                       thumbnail=thumb, detail="planar residual 0.02")
    claim = backend.attendance.record_rejected_attempt(b.id, T0 + timedelta(minutes=1), "前台", method="number+face",
                                                       reason="wrong_turn")
    stranger = backend.attendance.record_rejected_attempt(None, T0 + timedelta(minutes=2), "后门", reason="no_turn")
    assert [x.status for x in (first, claim, stranger)] == ["recorded"] * 3
    assert first.id and first.thumbnail == thumb and first.has_thumbnail
    assert _count(backend, "attendance") == 0                       # nothing checked in
    assert backend.attendance.search(HistoryQuery(preset="all")).total == 0

    listed = backend.attendance.rejected_attempts(date(2026, 12, 1), date(2026, 12, 1))
    assert [(x.id, x.person_number, x.name, x.method, x.reason, x.desk) for x in listed] == [
        (stranger.id, None, None, "face", "no_turn", "后门"),
        (claim.id, "E2", "O'Brien", "number+face", "wrong_turn", "前台"),
        (first.id, "E1", "张三", "face", "flat", "前台")]             # newest first
    assert listed[2].thumbnail == thumb and listed[2].distance == pytest.approx(0.41)
    assert listed[2].detail == "planar residual 0.02" and listed[2].attempted_at == T0
    assert [x.has_thumbnail for x in listed] == [False, False, True] and listed[0].thumbnail is None

    assert [x.id for x in backend.attendance.rejected_attempts(date(2026, 12, 1), date(2026, 12, 1), desk="前台")] \
        == [claim.id, first.id]
    assert [x.id for x in backend.attendance.rejected_attempts(T0, T0 + timedelta(minutes=1))] == [claim.id, first.id]
    assert backend.attendance.rejected_attempts(date(2026, 12, 2), date(2026, 12, 3)) == []
    assert [x.id for x in backend.attendance.rejected_attempts(limit=1)] == [stranger.id]
    light = backend.attendance.rejected_attempts(thumbnails=False)
    assert light[2].thumbnail is None and light[2].has_thumbnail
    assert backend.attendance.rejected_attempt_thumbnail(first.id) == thumb
    assert backend.attendance.rejected_attempt_thumbnail(stranger.id) is None
    with pytest.raises(ValueError, match="limit"):
        backend.attendance.rejected_attempts(limit=0)
    with pytest.raises(ValueError, match="start .* is after end"):
        backend.attendance.rejected_attempts(date(2026, 12, 2), date(2026, 12, 1))


def test_sql_metacharacters_and_chinese_are_stored_verbatim_and_codes_are_codes(kind, backend):
    p = backend.people.create("E1", "张三")
    made = backend.attendance.record_rejected_attempt(p.id, T0, desk=NASTY[:128], reason="left", detail=NASTY)
    (listed,) = backend.attendance.rejected_attempts()
    assert (listed.id, listed.detail, listed.desk) == (made.id, NASTY, NASTY[:128])
    assert [x.id for x in backend.attendance.rejected_attempts(desk=NASTY[:128])] == [made.id]
    assert backend.attendance.rejected_attempts(desk="%") == []        # the desk is matched exactly
    assert _count(backend, "attendance") == 0 and _count(backend, "people") == 1
    # a reason is a code the desk words: anything else is refused, nothing written
    for bad in (NASTY, "照片", "Flat", "flat ", "", "x" * 33, None):
        with pytest.raises(ValueError, match="reason must be a short code"):
            backend.attendance.record_rejected_attempt(p.id, T0, reason=bad)
    with pytest.raises(ValueError, match="detail is too long"):
        backend.attendance.record_rejected_attempt(p.id, T0, reason="flat", detail="照" * 513)
    with pytest.raises(ValueError, match="method must be one of face, confirmed, number\\+face"):
        backend.attendance.record_rejected_attempt(p.id, T0, reason="flat", method="manual")
    assert len(backend.attendance.rejected_attempts()) == 1


def test_an_oversized_or_foreign_thumbnail_is_refused(kind, backend):
    p = backend.people.create("E1", "张三")
    big = _jpeg(size=0, quality=100)                       # the whole photo: hundreds of KB
    assert len(big) > MAX_THUMBNAIL_BYTES
    with pytest.raises(ValueError, match=f"at most {MAX_THUMBNAIL_BYTES} allowed"):
        backend.attendance.record_rejected_attempt(p.id, T0, reason="flat", thumbnail=big)
    edge = _jpeg()
    edge += b"\0" * (MAX_THUMBNAIL_BYTES - len(edge))       # trailing bytes after the JPEG: still at the limit
    with pytest.raises(ValueError, match="at most"):
        backend.attendance.record_rejected_attempt(p.id, T0, reason="flat", thumbnail=edge + b"\0")
    with pytest.raises(ValueError, match="not a JPEG"):
        backend.attendance.record_rejected_attempt(p.id, T0, reason="flat", thumbnail=b"\x89PNG\r\n\x1a\n")
    with pytest.raises(ValueError, match="JPEG bytes"):
        backend.attendance.record_rejected_attempt(p.id, T0, reason="flat", thumbnail="a string")
    assert backend.attendance.rejected_attempts() == []
    at_limit = backend.attendance.record_rejected_attempt(p.id, T0, reason="flat", thumbnail=edge)
    assert backend.attendance.rejected_attempt_thumbnail(at_limit.id) == edge
    # the database bounds it too
    with pytest.raises(Exception):
        sql(backend, "INSERT INTO rejected_attempts (event_id, attempted_at, method, reason, thumbnail) "
                     "VALUES ('ev-big', '2026-12-01 09:00:00.000', 'face', 'flat', ?)", (big,))


def test_attempts_of_a_missing_or_deleted_person_and_replays(kind, backend):
    gone, kept = backend.people.create("E1", "张三"), backend.people.create("E2", "李四")
    ghost = backend.attendance.record_rejected_attempt(99999, T0, reason="flat")     # not (or no longer) enrolled
    assert (ghost.status, ghost.person_id) == ("recorded", None)
    assert [(x.id, x.person_id) for x in backend.attendance.rejected_attempts()] == [(ghost.id, None)]
    once = backend.attendance.record_rejected_attempt(kept.id, T0, reason="left", event_id="ev-1")
    again = backend.attendance.record_rejected_attempt(kept.id, T0, reason="left", event_id="ev-1")
    assert once.id == again.id and len(backend.attendance.rejected_attempts()) == 2      # an event is written once
    backend.attendance.record_rejected_attempt(gone.id, T0 + timedelta(minutes=1), reason="flat", thumbnail=_jpeg())
    backend.people.delete(gone.id)            # their attempts go with them (the thumbnail is their face)
    assert [x.person_id for x in backend.attendance.rejected_attempts()] == [kept.id, None]


def test_old_thumbnails_can_be_purged_and_the_attempts_stay(kind, backend):
    p = backend.people.create("E1", "张三")
    old = backend.attendance.record_rejected_attempt(p.id, T0, reason="flat", thumbnail=_jpeg())
    new = backend.attendance.record_rejected_attempt(p.id, T0 + timedelta(days=40), reason="flat", thumbnail=_jpeg())
    assert backend.attendance.purge_rejected_thumbnails(T0 + timedelta(days=30)) == 1
    assert backend.attendance.purge_rejected_thumbnails(T0 + timedelta(days=30)) == 0
    assert [(x.id, x.has_thumbnail) for x in backend.attendance.rejected_attempts()] == [(new.id, True),
                                                                                         (old.id, False)]


# -- the outbox (MySQL unreachable) ---------------------------------------------------------------------
def _attendance(mysql_server, database):
    conn = mysql_server.connect(database)
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT event_id, method, liveness FROM attendance ORDER BY id")
            return [tuple(r) for r in cur.fetchall()]
    finally:
        conn.close()


def test_queued_check_ins_keep_their_liveness_and_attempts_wait_too(mysql_via_proxy, mysql_proxy, mysql_server):
    b = mysql_via_proxy()
    p = b.people.create("E1", "张三")
    mysql_proxy.cut()
    live = b.attendance.check_in(p.id, T0, liveness="challenge", method="number+face")
    plain = b.attendance.check_in(p.id, T0 + timedelta(minutes=5))
    refused = b.attendance.record_rejected_attempt(p.id, T0 + timedelta(minutes=6), "前台", reason="flat",
                                                   thumbnail=_jpeg(), detail=NASTY)
    assert [live.status, plain.status, refused.status] == ["queued"] * 3 and refused.id is None
    st = b.status()
    assert (st.pending, b.attendance.attempts_pending) == (2, 1)
    assert "1 rejected attempt(s) waiting" in st.message
    b.close()

    mysql_proxy.restore()
    again = mysql_via_proxy()                         # the same outbox file: replayed on open
    assert again.status().pending == 0 and again.attendance.attempts_pending == 0
    assert _attendance(mysql_server, mysql_via_proxy.database) == [(live.event_id, "number+face", "challenge"),
                                                                   (plain.event_id, "face", None)]
    (attempt,) = again.attendance.rejected_attempts()
    assert (attempt.event_id, attempt.person_number, attempt.reason, attempt.detail, attempt.thumbnail) == \
        (refused.event_id, "E1", "flat", NASTY, refused.thumbnail)
    assert again.flush_outbox() == 0 and len(again.attendance.rejected_attempts()) == 1


def test_an_attempt_replayed_after_it_reached_the_server_is_written_once(mysql_via_proxy, mysql_proxy,
                                                                         mysql_server, tmp_path):
    b = mysql_via_proxy()
    gone, kept = b.people.create("E1", "A"), b.people.create("E2", "B")
    mysql_proxy.cut()
    first = b.attendance.record_rejected_attempt(kept.id, T0, reason="flat")
    orphan = b.attendance.record_rejected_attempt(gone.id, T0 + timedelta(minutes=1), reason="left")
    mysql_proxy.restore()
    other = mysql_via_proxy(outbox_path=tmp_path / "other-desk-outbox.db")
    other.attendance.record_rejected_attempt(kept.id, T0, reason="flat", event_id=first.event_id)  # as if sent
    other.people.delete(gone.id)                      # deleted on another desk while this one was offline
    b.flush_outbox()
    listed = b.attendance.rejected_attempts()
    assert [(x.event_id, x.person_id) for x in listed] == [(orphan.event_id, None), (first.event_id, kept.id)]
    assert b.attendance.attempts_pending == 0 and _attendance(mysql_server, mysql_via_proxy.database) == []


#: the outbox file of schema 5's app (sql/sqlite/outbox.sql then): no liveness, no outbox_attempts
OLD_OUTBOX = """
CREATE TABLE outbox (seq INTEGER PRIMARY KEY AUTOINCREMENT, target TEXT NOT NULL, event_id TEXT NOT NULL UNIQUE,
    person_id INTEGER NOT NULL, checked_in_at TEXT NOT NULL, desk TEXT NOT NULL, distance REAL NULL,
    method TEXT NOT NULL DEFAULT 'face', operator TEXT NULL, reason_given TEXT NULL,
    queued_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f', 'now', 'localtime')));
CREATE INDEX idx_outbox_target_person ON outbox (target, person_id, checked_in_at);
CREATE TABLE outbox_rejected (seq INTEGER PRIMARY KEY, target TEXT NOT NULL, event_id TEXT NOT NULL,
    person_id INTEGER NOT NULL, checked_in_at TEXT NOT NULL, desk TEXT NOT NULL, distance REAL NULL,
    method TEXT NOT NULL DEFAULT 'face', operator TEXT NULL, reason_given TEXT NULL, reason TEXT NOT NULL,
    rejected_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f', 'now', 'localtime')));
"""


def test_an_outbox_written_before_liveness_still_replays(mysql_server, tmp_path):
    database = mysql_server.new_database()
    url = mysql_server.url(database)
    b = open_backend(url, password=mysql_server.password, outbox_path=tmp_path / "unused.db")
    p = b.people.create("E1", "张三")
    b.close()
    path = tmp_path / "old-outbox.db"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.executescript(OLD_OUTBOX)
    conn.execute("INSERT INTO outbox (target, event_id, person_id, checked_in_at, desk, distance, method) "
                 "VALUES (?, 'ev-old', ?, '2026-12-01 09:00:00.000', '前台', 0.3, 'number+face')",
                 (parse_url(url).target, p.id))
    conn.close()

    desk = open_backend(url, password=mysql_server.password, outbox_path=path)     # upgraded, then replayed
    try:
        assert desk.status().pending == 0
        assert _attendance(mysql_server, database) == [("ev-old", "number+face", None)]
        mysql_rows = desk.attendance.search(HistoryQuery(preset="all")).rows
        assert [(r.event_id, r.liveness, r.desk) for r in mysql_rows] == [("ev-old", None, "前台")]
    finally:
        desk.close()
    columns = {r[1] for r in sqlite3.connect(path).execute("PRAGMA table_info(outbox)")}
    assert "liveness" in columns
