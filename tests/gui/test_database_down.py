"""The database goes away mid-run: check-ins go to the outbox, the status bar says so, and
they are sent when the server is back. The "server" is the real MariaDB behind a TCP relay
that the test cuts and restores."""
from __future__ import annotations

import time


def test_check_ins_wait_in_the_outbox_while_mysql_is_down(qtbot, make_window, tcp_relay, mysql_database,
                                                          checker, recognizer, shared_data, test_video,
                                                          tmp_path):
    from backend import HistoryQuery, people_service
    from backend.face_store import FaceModel, samples_from_photos
    from recognition.photos import embed_photos

    direct = checker(f"mysql://root@127.0.0.1:3306/{mysql_database}")
    folder = shared_data / "lfw" / "images" / "Colin_Powell"
    found = embed_photos(recognizer, [folder / f"Colin_Powell_{i:04d}.jpg" for i in range(20, 25)])
    samples = samples_from_photos(found)
    people_service.enroll_person(direct, None, samples, model=FaceModel(recognizer.spec.fingerprint),
                                 person_number="A001", name="Colin Powell")

    window = make_window(f"mysql://root@127.0.0.1:{tcp_relay.port}/{mysql_database}",
                         source=test_video.path)
    qtbot.waitUntil(lambda: window.status.dbLabel.text() == "MySQL online", timeout=15000)
    qtbot.waitUntil(lambda: window.directory.names.get("A001") == "Colin Powell", timeout=10000)

    tcp_relay.cut()                                     # the server "goes away"
    events = []
    window.checkedIn.connect(events.append)
    window.camera.start()
    qtbot.waitUntil(lambda: bool(events), timeout=60000)
    window.camera.stop()
    assert [e.checkin.status for e in events] == ["queued"]
    assert window.cardName.text() == "Colin Powell" and "offline" in window.cardStatus.text()
    assert "(pending)" in window.todayTable.item(0, 1).text()
    qtbot.waitUntil(lambda: window.status.dbLabel.text() == "MySQL offline · 1 pending in the outbox", timeout=15000)
    assert direct.attendance.search(HistoryQuery(preset="all")).total == 0

    tcp_relay.restore()                                       # back: the outbox is flushed
    qtbot.waitUntil(lambda: window.status.dbLabel.text() == "MySQL online", timeout=20000)
    rows = direct.attendance.search(HistoryQuery(preset="all")).rows
    assert [(r.person_number, r.desk) for r in rows] == [("A001", "Test desk")]
    started = time.monotonic()
    window.close()
    assert time.monotonic() - started < 1.0
