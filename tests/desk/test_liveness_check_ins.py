"""desk.check_ins and liveness on real SQLite: a check-in records the liveness its decision rests on ("off" when
the desk's setting is off, whatever the decision says); a refused decision checks nobody in and is logged as a
rejected attempt with the person it would have been and a small JPEG of the face."""
from __future__ import annotations

import cv2
import numpy as np

from backend import HistoryQuery, open_backend, people_service
from backend.face_store import FaceModel, samples_from_photos
from desk.check_ins import CheckIns, attempts, confirmed, rejections, thumbnail
from recognition.imageio import read_image
from recognition.photos import embed_photos, largest_face
from recognition.stream.liveness import LivenessEvidence
from recognition.stream.recognizer import Decision


def decision(key, chip, **fields):
    return Decision(1, key, 1.0, 0.5, 3, 0.3, 0.2, 0.5, fields.pop("nearest_key", key), (0, 0, 10, 10), chip=chip,
                    **fields)


def test_liveness_is_recorded_and_a_refusal_is_logged_not_checked_in(recognizer, lfw_image, tmp_path):
    chip = largest_face(recognizer, read_image(lfw_image("Colin_Powell", 10))).chip
    with open_backend(f"sqlite:///{tmp_path / 'a.db'}", outbox_path=tmp_path / "outbox.db") as db:
        db.attendance.cooldown_seconds = 0
        found = embed_photos(recognizer, [lfw_image("Colin_Powell", i) for i in (1, 2)])
        person = people_service.enroll_person(db, None, samples_from_photos(found),
                                              model=FaceModel(recognizer.spec.fingerprint), person_number="A001",
                                              name="Colin Powell")
        desk = CheckIns("Gate")
        passive = decision("A001", chip, liveness=LivenessEvidence("passive", 0.2, 0.15))
        [attempt] = attempts([passive], "when_unsure")
        assert desk.check_in(db, attempt).checkin.status == "recorded"
        [attempt] = attempts([passive], "off")          # the desk's setting off: it says so itself
        desk.check_in(db, attempt)
        # a confirmed candidate's check-in from StreamRecognizer.confirm: the operator and its liveness recorded
        challenged = decision("A001", chip, method="confirmed", liveness=LivenessEvidence("challenge", 0.2, 0.1, 0.12))
        desk.check_in(db, confirmed(challenged, "王芳", "always"))
        rows = db.attendance.search(HistoryQuery(preset="all")).rows
        assert sorted((r.method, r.liveness, r.operator) for r in rows) == [
            ("confirmed", "challenge", "王芳"), ("face", "off", None), ("face", "passive", None)]

        # refused: nobody checked in, the attempt logged with the nearest person and the face
        refused = decision(None, chip, nearest_key="A001", refused="flat")
        claimed = decision(None, None, nearest_key=None, method="number+face", claimed_key="Z999", refused="no_turn")
        assert attempts([refused, claimed], "when_unsure") == []
        logged = [desk.reject(db, r) for r in rejections([refused, claimed, passive])]
        assert [a.status for a in logged] == ["recorded", "recorded"]
        assert len(db.attendance.search(HistoryQuery(preset="all")).rows) == 3
        newest, first = db.attendance.rejected_attempts()
        assert (first.person_id, first.person_number, first.method, first.reason) == (person.id, "A001", "face", "flat")
        assert (newest.person_id, newest.method, newest.reason, newest.has_thumbnail) == (None, "number+face",
                                                                                          "no_turn", False)
        small = cv2.imdecode(np.frombuffer(first.thumbnail, np.uint8), cv2.IMREAD_COLOR)
        assert small is not None and max(small.shape[:2]) <= 112 and len(first.thumbnail) < 65_535
    big = np.random.default_rng(0).integers(0, 256, (2000, 2000, 3), np.uint8)      # noise: JPEG's worst case
    assert len(thumbnail(big)) < 65_535 and thumbnail(None) is None
