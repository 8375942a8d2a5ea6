"""What the stream decides beyond "who": samples it may learn, candidates for a missed visit, number +
face claims, and how careful it is on few frames. Real MTCNN, the real dlib port, real LFW photos
rendered into camera-like visits (bench/visits.py)."""
from __future__ import annotations

import math

import numpy as np
import pytest

from bench.visits import FPS, render_visit
from recognition.gallery import Gallery
from recognition.imageio import read_image
from recognition.photos import embed_photos
from recognition.stream import ClaimError, ClaimRefused, StreamPolicy, StreamRecognizer, learning
from recognition.stream.claims import ClaimGuard
from recognition.stream.enrollment import EnrollmentSample
from recognition.stream.quality import ENROLLMENT_LIMITS, judge
from recognition.stream.templates import Templates

#: liveness off: these visits are flat photos, which a live desk refuses (tests/recognition/test_liveness.py)
PHOTOS = StreamPolicy(liveness="off")

ENROLLED = ("Colin_Powell", "Tony_Blair", "George_W_Bush", "Serena_Williams")
STRANGER = "Jiang_Zemin"


def gallery_of(recognizer, path, people: dict) -> Gallery:
    gallery = Gallery.open(path, recognizer.spec.fingerprint)
    for person, photos in people.items():
        gallery.add(person, np.stack([r.embedding for r in embed_photos(recognizer, photos) if r.embedding is not None]))
    return gallery


@pytest.fixture
def four_people(recognizer, lfw_image, tmp_path):
    return gallery_of(recognizer, tmp_path / "g.h5", {name: [lfw_image(name, i) for i in (1, 2, 3)]
                                                     for name in ENROLLED})


def visit(stream, lfw_image, name, index, seed, start=0.0, frames=20, claim=None):
    """One visit; ``claim``: the number typed once the face is there. Returns the decisions about the
    visitor (LFW photos have bystanders: their faces are far smaller), the visit ended (``reset``)
    at its last frame."""
    decisions = []
    for i, frame in enumerate(render_visit(read_image(lfw_image(name, index)), seed, frames=frames)):
        decisions += stream.process(frame, start + i / FPS)
        if claim is not None and stream.faces:
            stream.claim(claim)
            claim = None
    decisions += stream.reset()
    largest = max((d.box[3] - d.box[1] for d in decisions), default=0)
    return [d for d in decisions if d.box[3] - d.box[1] >= 0.8 * largest]


def store(gallery, learned):
    if learned.replaces is not None:
        gallery.remove_samples([learned.replaces])
    gallery.add(learned.key, learned.sample.embedding, learned=True)


# -- learning from check-ins ----------------------------------------------------------------------------
def test_a_clear_check_in_carries_a_sample_to_learn_and_a_near_duplicate_does_not(recognizer, four_people,
                                                                                  lfw_image):
    stream = StreamRecognizer(recognizer, four_people, PHOTOS)
    (decision,) = visit(stream, lfw_image, "Colin_Powell", 10, seed=1)
    assert decision.key == "Colin_Powell" and decision.method == "face"
    learned = decision.learn
    assert learned is not None and learned.key == "Colin_Powell" and learned.replaces is None
    sample = learned.sample
    assert judge(sample.quality, ENROLLMENT_LIMITS).ok                  # the enrollment gate, not the decision's
    assert sample.frame.shape == (480, 640, 3) and np.linalg.norm(sample.embedding) == pytest.approx(1, abs=1e-5)
    assert learned.novelty >= stream.policy.learn_min_novelty
    # it checked in at the desk's point; the sample was admitted by the enrolled samples at the stricter one
    point = stream.operating_point
    assert point.strict_threshold < point.threshold
    enrolled = Templates.from_gallery(four_people.samples())
    fused_to_enrolled = np.linalg.norm(enrolled.enrolled_vectors[enrolled.index_of("Colin_Powell")]
                                       - sample.embedding)
    assert fused_to_enrolled < 0.6
    store(four_people, learned)
    rows = four_people.samples()
    assert rows.learned.tolist() == [False] * 12 + [True]
    # the same look again adds nothing: the visit checks in, with nothing to learn
    (again,) = visit(stream, lfw_image, "Colin_Powell", 10, seed=1, start=10.0)
    assert again.key == "Colin_Powell" and again.learn is None


def test_only_the_enrolled_samples_at_the_stricter_point_admit_a_sample(recognizer, four_people, lfw_image,
                                                                        tmp_path):
    # a bank gone wrong: Colin Powell's learned samples are of a stranger (as if a look-alike had been
    # learned); the stranger's visit may match the mixed template, but never teaches it more
    poisoned = Gallery.open(tmp_path / "poisoned.h5", recognizer.spec.fingerprint)
    rows = four_people.samples()
    poisoned.reset(list(rows.keys), rows.embeddings)
    stranger = [r.embedding for r in embed_photos(recognizer, [lfw_image(STRANGER, i) for i in range(2, 12)])
                if r.embedding is not None]
    poisoned.add("Colin_Powell", np.stack(stranger), learned=True)
    stream = StreamRecognizer(recognizer, poisoned, PHOTOS)
    decisions = visit(stream, lfw_image, STRANGER, 1, seed=2)
    # the mixed template is mostly his, but Colin Powell's enrolled samples alone must accept too
    assert decisions and [d.key for d in decisions] == [None] and decisions[0].nearest_key == "Colin_Powell"
    assert all(d.learn is None for d in decisions)
    # a desk whose stricter point is out of reach checks in as before, and learns nothing
    strict = StreamRecognizer(recognizer, four_people, StreamPolicy(liveness="off", learn_rate_factor=1e-9))
    (decision,) = visit(strict, lfw_image, "Colin_Powell", 10, seed=1)
    assert decision.key == "Colin_Powell" and decision.learn is None
    # and a desk that does not learn at all
    off = StreamRecognizer(recognizer, four_people, StreamPolicy(liveness="off", learn=False))
    (decision,) = visit(off, lfw_image, "Colin_Powell", 10, seed=1)
    assert decision.key == "Colin_Powell" and decision.learn is None


def test_learned_samples_are_capped_and_only_learned_ones_are_replaced(recognizer, lfw_image):
    photos = [lfw_image("Colin_Powell", i) for i in range(1, 16)]
    embeddings = np.stack([r.embedding for r in embed_photos(recognizer, photos) if r.embedding is not None])
    enrolled, learned, new = embeddings[:3], embeddings[3:13], embeddings[13]
    ids = np.arange(101, 114)
    templates = Templates.from_arrays(np.concatenate([enrolled, learned]), ["Colin_Powell"] * 13,
                                      learned=[False] * 3 + [True] * 10, sample_ids=ids)
    sample = EnrollmentSample(None, (0, 0, 1, 1), np.zeros((5, 2)), 0.99, new, None, 0.0)
    room = learning.plan(templates, "Colin_Powell", sample, max_learned=20, min_novelty=0.1)
    assert room is not None and room.replaces is None
    full = learning.plan(templates, "Colin_Powell", sample, max_learned=10, min_novelty=0.1)
    # full: the most redundant learned sample goes, never one of the enrolled 101..103
    assert full is not None and full.replaces in ids[3:].tolist()
    gram = np.linalg.norm(templates.samples[:, None] - templates.samples[None], axis=2)
    np.fill_diagonal(gram, np.inf)
    nearest = np.minimum(gram.min(axis=1), np.linalg.norm(templates.samples - new, axis=1))
    assert full.replaces == ids[3 + int(np.argmin(nearest[3:]))]
    # a sample that is itself the most redundant is not learned; an unknown person learns nothing
    duplicate = EnrollmentSample(None, (0, 0, 1, 1), np.zeros((5, 2)), 0.99, learned[0] * 0.999 + new * 0.001,
                                 None, 0.0)
    assert learning.plan(templates, "Colin_Powell", duplicate, max_learned=10, min_novelty=0.0) is None
    assert learning.plan(templates, "Nobody", sample, max_learned=10, min_novelty=0.1) is None
    # enrolled-only templates ignore the learned rows
    only_enrolled = Templates.from_arrays(enrolled, ["Colin_Powell"] * 3)
    np.testing.assert_allclose(templates.enrolled_vectors[0], only_enrolled.vectors[0], atol=1e-6)


# -- a miss that costs one click -------------------------------------------------------------------
def test_a_missed_visit_names_its_candidate_and_a_stranger_gets_none(recognizer, four_people, lfw_image):
    # a desk so strict that Colin Powell is missed: his visit ends unknown, with him as the candidate
    stream = StreamRecognizer(recognizer, four_people, StreamPolicy(liveness="off", false_checkin_rate=1e-9,
                                                                      candidate_rate=0.2))
    point = stream.operating_point
    (decision,) = visit(stream, lfw_image, "Colin_Powell", 10, seed=3)
    assert decision.key is None and decision.distance > point.threshold
    assert decision.candidate_key == "Colin_Powell"
    assert decision.candidate_distance == decision.distance <= point.candidate_threshold
    assert decision.learn is None          # a confirmation does not teach below the stricter point
    (stranger,) = visit(stream, lfw_image, STRANGER, 1, seed=4, start=10.0)
    assert stranger.key is None and stranger.candidate_key is None and stranger.learn is None


# -- number + face ---------------------------------------------------------------------------------------
def test_number_and_face_accepts_the_right_number_and_never_a_wrong_one(recognizer, four_people, lfw_image):
    stream = StreamRecognizer(recognizer, four_people, PHOTOS)
    right = visit(stream, lfw_image, "Tony_Blair", 10, seed=5, claim="Tony_Blair")
    assert [(d.method, d.key, d.claimed_key) for d in right] == [("number+face", "Tony_Blair", "Tony_Blair")]
    assert right[0].distance <= right[0].threshold == stream.operating_point.claim_threshold
    # 1:1 is looser than the 1:N point, which tightens with every person enrolled
    assert stream.operating_point.claim_threshold >= stream.operating_point.threshold
    # a stranger typing an enrolled number, an enrolled person typing another's: nobody checked in
    for start, (name, index, number) in enumerate([(STRANGER, 1, "Colin_Powell"),
                                                    ("Serena_Williams", 10, "George_W_Bush")]):
        decisions = visit(stream, lfw_image, name, index, seed=6 + start, start=10.0 * (start + 1), claim=number)
        claims = [d for d in decisions if d.method == "number+face"]
        assert [(d.key, d.claimed_key) for d in claims] == [(None, number)]
        assert all(d.key in (None, name) for d in decisions)
        assert number not in [d.key for d in decisions]


def test_a_claim_for_a_number_not_enrolled_or_without_a_face_is_refused(recognizer, four_people, lfw_image):
    stream = StreamRecognizer(recognizer, four_people, PHOTOS)
    with pytest.raises(ClaimError, match="nobody is in front"):
        stream.claim("Colin_Powell")
    frame = render_visit(read_image(lfw_image("Colin_Powell", 10)), 7, frames=1)[0]
    stream.process(frame, 0.0)
    for bad in ("A404", "", "   ", "E1\x00", "'; DROP TABLE people; --", 42):
        with pytest.raises(ClaimError):
            stream.claim(bad)
    four_people.remove("Serena_Williams")                 # deactivated or deleted at another desk
    with pytest.raises(ClaimError, match="Serena_Williams"):
        stream.claim("Serena_Williams")
    assert stream.claim(" Colin_Powell ") == stream.faces[0].track_id


def test_repeated_failed_claims_lock_the_number_for_a_while():
    now = [1000.0]
    guard = ClaimGuard(allowed=3, window_s=600, lockout_s=30, clock=lambda: now[0])
    for _ in range(2):
        guard.failed("A001")
        guard.check("A001")                              # two failures: still allowed
    guard.failed("A001")
    with pytest.raises(ClaimRefused) as refused:
        guard.check("A001")
    assert refused.value.retry_after_s == pytest.approx(30)
    guard.check("B002")                                  # other numbers are not affected
    now[0] += 31
    guard.check("A001")
    guard.failed("A001")                                 # a fourth failure: locked twice as long
    now[0] += 59
    with pytest.raises(ClaimRefused):
        guard.check("A001")
    now[0] += 2
    guard.succeeded("A001")
    guard.check("A001")


# -- care with little evidence ----------------------------------------------------------------------
def test_few_frames_decide_only_when_clear_and_a_visit_that_ends_is_decided(recognizer, four_people, lfw_image):
    policy = StreamPolicy(liveness="off")
    stream = StreamRecognizer(recognizer, four_people, policy)
    for seed in range(8, 12):
        for decision in visit(stream, lfw_image, "George_W_Bush", 10 + seed, seed=seed, start=10.0 * seed):
            if decision.key is not None and decision.frames < policy.early_frames:
                assert decision.distance <= decision.threshold - policy.early_tightening
                assert decision.margin >= policy.min_margin + policy.early_tightening
    # nothing decided while the visit lasts (no bound reached): its end decides it
    patient = StreamRecognizer(recognizer, four_people, StreamPolicy(liveness="off", max_frames=100, decide_within_s=60,
                                                                      clearly_unknown_by=9.0))
    frames = render_visit(read_image(lfw_image(STRANGER, 1)), 12, frames=12)
    during = [d for i, f in enumerate(frames) for d in patient.process(f, i / FPS)]
    assert during == []
    (ended,) = patient.reset()
    assert ended.key is None and ended.frames >= policy.min_frames and not math.isinf(ended.distance)
    assert patient.reset() == []
