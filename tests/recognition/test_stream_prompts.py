"""What the stream tells the desk about the face in front (issue 26): a prompt answered only while its
face is there, a typed number that agrees with the candidate shown goes to the operator instead of a
1:1 refusal, an enrolment that says "face lost" and resumes with the same person only, says "done"
once complete, and is not an arrival. Real MTCNN, the real dlib port, real LFW photos rendered into
camera-like visits (bench/visits.py)."""
from __future__ import annotations

import numpy as np
import pytest

from bench.visits import FPS, background, render_visit
from recognition.gallery import Gallery
from recognition.imageio import read_image
from recognition.photos import embed_photos
from recognition.stream import ClaimNeedsOperator, StreamPolicy, StreamRecognizer, enrollment

#: liveness off: these visits are flat photos, which a live desk refuses (tests/recognition/test_liveness.py)
PHOTOS = StreamPolicy(liveness="off")

ENROLLED = ("Colin_Powell", "Tony_Blair", "George_W_Bush", "Serena_Williams")
NEWCOMER = "Jiang_Zemin"


@pytest.fixture
def four_people(recognizer, lfw_image, tmp_path):
    gallery = Gallery.open(tmp_path / "g.h5", recognizer.spec.fingerprint)
    for name in ENROLLED:
        found = embed_photos(recognizer, [lfw_image(name, i) for i in (1, 2, 3)])
        gallery.add(name, np.stack([r.embedding for r in found if r.embedding is not None]))
    return gallery


def frames_of(lfw_image, name, index, seed, frames):
    return render_visit(read_image(lfw_image(name, index)), seed, frames=frames)


def test_the_number_of_the_candidate_shown_goes_to_the_operator_not_to_a_refusal(recognizer, four_people,
                                                                                 lfw_image):
    # a desk so strict that Colin Powell is missed: his visit is decided unknown with him as the candidate
    stream = StreamRecognizer(recognizer, four_people, StreamPolicy(liveness="off", false_checkin_rate=1e-9,
                                                                      candidate_rate=0.2))
    decision, t = None, 0.0
    for i, frame in enumerate(frames_of(lfw_image, "Colin_Powell", 10, seed=3, frames=60)):
        t = i / FPS
        decision = next((d for d in stream.process(frame, t) if d.candidate_key), None)
        if decision is not None:
            break
    assert decision is not None and decision.key is None and decision.candidate_key == "Colin_Powell"
    assert stream.in_front(decision.track_id)
    # he types his number: the desk does not contradict itself with a 1:1 refusal (nor count a failure)
    with pytest.raises(ClaimNeedsOperator) as asked:
        stream.claim("Colin_Powell")
    assert asked.value.decision.track_id == decision.track_id
    stream.claims.check("Colin_Powell")                     # not locked, no failure recorded
    assert stream.claims._failures == {}
    # another number is verified 1:1 as before
    assert stream.claim("Tony_Blair") == decision.track_id
    # the face leaves: its prompts cannot be answered any more
    wall = background(np.random.default_rng(1)).astype(np.uint8)
    for k in range(1, 20):
        stream.process(np.clip(wall.astype(np.int16) + k % 3, 0, 255).astype(np.uint8), t + k / FPS)
    assert not stream.in_front(decision.track_id)


def test_enrollment_says_face_lost_resumes_with_the_same_person_only_and_says_done(recognizer, four_people,
                                                                                   lfw_image):
    stream = StreamRecognizer(recognizer, four_people, PHOTOS)
    stream.start_enrollment()
    t = 0.0

    def feed(frames):
        nonlocal t
        decisions = []
        for frame in frames:
            decisions += stream.process(frame, t)
            t += 1 / FPS
        return decisions

    newcomer = frames_of(lfw_image, NEWCOMER, 1, seed=14, frames=100)
    for start in range(0, 100, 5):
        feed(newcomer[start:start + 5])
        if len(stream.enrollment.samples) >= 2:
            break
    taken = len(stream.enrollment.samples)
    assert 2 <= taken < stream.enrollment.wanted and stream.enrollment.present
    # the face leaves: the samples stay, the dialog is told why nothing happens
    wall = background(np.random.default_rng(2)).astype(np.uint8)
    feed([np.clip(wall.astype(np.int16) + k % 3, 0, 255).astype(np.uint8) for k in range(15)])
    state = stream.enrollment
    assert not state.present and state.hint == enrollment.FACE_LOST and len(state.samples) == taken
    # somebody else steps in: nothing of theirs is taken
    feed(frames_of(lfw_image, "Tony_Blair", 10, seed=5, frames=30))
    assert len(stream.enrollment.samples) == taken and stream.enrollment.hint == enrollment.FACE_LOST
    feed([np.clip(wall.astype(np.int16) + k % 3, 0, 255).astype(np.uint8) for k in range(15)])
    # the same person is back (another photo of them): collecting resumes and completes
    feed(frames_of(lfw_image, NEWCOMER, 2, seed=15, frames=100))
    state = stream.enrollment
    assert state.present and state.complete and state.consistent
    assert state.hint == enrollment.DONE                      # not "turn your head" after the last sample


def test_the_visit_that_enrolls_a_person_is_not_their_arrival(recognizer, four_people, lfw_image):
    stream = StreamRecognizer(recognizer, four_people, PHOTOS)
    stream.start_enrollment()
    frames = frames_of(lfw_image, NEWCOMER, 1, seed=14, frames=175)
    decisions, i = [], 0
    while not (stream.enrollment and stream.enrollment.complete):
        decisions += stream.process(frames[i], i / FPS)
        i += 1
    samples = stream.enrollment.samples
    four_people.add(NEWCOMER, np.stack([s.embedding for s in samples]))     # saved, as the desk does
    stream.stop_enrollment()
    for j in range(i, len(frames)):
        decisions += stream.process(frames[j], j / FPS)
    assert [d.key for d in decisions if d.key is not None] == []            # enrolling is not arriving
    assert [f.key for f in stream.faces] == [NEWCOMER]                        # ... but the box shows who it is
    # the next visit is an arrival
    later = frames_of(lfw_image, NEWCOMER, 1, seed=16, frames=30)      # (enrolled from photo 1 alone)
    start = len(frames) / FPS + 5.0
    arrived = [d for k, f in enumerate(later) for d in stream.process(f, start + k / FPS)] + stream.reset()
    assert [d.key for d in arrived if d.key is not None] == [NEWCOMER]
