"""desk.check_ins without Qt, on the real MariaDB behind a relay the test cuts: a decision checks in and
teaches the desk; an unknown number is no check-in; with the server away a person seen before is checked
in from the cache into the outbox, and nothing is learned from a queued check-in."""
from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from desk_db import mysql_admin  # noqa: F401  (fixture)
from tcp_proxy import TCPProxy

from backend import BackendError, open_backend, people_service
from backend.face_store import FaceModel
from backend.face_sync import FaceSync
from desk.check_ins import CheckIns, attempts, confirmed
from desk.enrolment import enrolment_samples
from recognition.gallery import Gallery
from recognition.imageio import read_image
from recognition.photos import largest_face
from recognition.stream.enrollment import EnrollmentSample
from recognition.stream.learning import LearnedSample
from recognition.stream.quality import ENROLLMENT_LIMITS, assess
from recognition.stream.recognizer import Decision


def stream_samples(recognizer, lfw_image, name, indices):
    """Samples as the stream keeps them (recognition.stream.EnrollmentSample), from LFW photos."""
    out = []
    for i in indices:
        image = read_image(lfw_image(name, i))
        face = largest_face(recognizer, image)
        quality = assess(face.box, face.landmarks, face.score, face.chip, ENROLLMENT_LIMITS)
        out.append(EnrollmentSample(image, tuple(face.box), face.landmarks, face.score, face.embedding, quality, 0.0))
    return out


def decision(key, sample, learn=None, track_id=1):
    return Decision(track_id, key, 1.0, 0.5, 3, 0.3, 0.2, 0.5, key, tuple(sample.box), learn=learn)


def test_check_ins_learn_only_what_the_database_recorded(recognizer, lfw_image, mysql_admin, tmp_path):
    samples = stream_samples(recognizer, lfw_image, "Colin_Powell", range(1, 6))
    model = FaceModel(recognizer.spec.fingerprint, recognizer.spec.name)
    url = urlsplit(mysql_admin())
    relay = TCPProxy(url.hostname, url.port)                 # the server, behind a relay the test can cut
    backend = open_backend(url._replace(netloc=f"{url.username}@127.0.0.1:{relay.port}").geturl(),
                           password=mysql_admin.password, outbox_path=tmp_path / "outbox.db")
    backend.attendance.cooldown_seconds = 0        # two visits a minute apart are two check-ins here
    try:
        sync = FaceSync(Gallery.open(tmp_path / "faces.h5", model.fingerprint, model.name), model)
        person = people_service.enroll_person(backend, sync, enrolment_samples(samples[:3]), desk="Gate",
                                              person_number="A001", name="Colin Powell")
        desk = CheckIns("Gate", sync, max_learned=5)
        learn = LearnedSample("A001", samples[3], None, 0.4)

        # a decided visit: recorded, and its sample learned (stored as the store keeps a stream sample)
        [attempt] = attempts([decision("A001", samples[3], learn), decision(None, samples[3], track_id=2)])
        event = desk.check_in(backend, attempt)
        assert event.person.id == person.id and event.checkin.status == "recorded" and event.learned
        assert backend.faces.sample_counts()[person.id] == 4
        assert desk.check_in(backend, attempts([decision("Z999", samples[3])])[0]) is None   # no such number

        # the server goes away: the person seen before is checked in from the cache, into the outbox,
        # and the visit's sample is not learned (it would be written without its check-in)
        relay.cut()
        later = LearnedSample("A001", samples[4], None, 0.4)
        candidate = Decision(3, None, 2.0, 1.5, 3, 0.6, 0.0, 0.5, "A001", tuple(samples[4].box),
                             candidate_key="A001", candidate_distance=0.6, learn=later)
        queued = desk.check_in(backend, confirmed(candidate, "Li Na"), desk="Gate 2")
        assert queued.checkin.status == "queued" and queued.checkin.method == "confirmed" and not queued.learned
        with pytest.raises(BackendError):         # somebody never seen here cannot be told apart offline
            desk.check_in(backend, attempts([decision("B002", samples[4])])[0])
        relay.restore()
        assert backend.flush_outbox() == 1
        assert backend.faces.sample_counts()[person.id] == 4
    finally:
        backend.close()
        relay.close()
