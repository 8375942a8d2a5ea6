"""Liveness at the desk on rendered frames: real MTCNN, the real dlib port, LFW photos turned into a head
or printed on a card (bench/heads.py). A flat face never checks in when liveness is on; a live head does,
passively or by turning the way it is asked."""
from __future__ import annotations

import random

import cv2
import numpy as np
import pytest

from bench.heads import FlatActor, HeadActor, Surface, still_landmarks, together
from bench.visits import background
from recognition.gallery import Gallery
from recognition.imageio import read_image
from recognition.photos import embed_photos
from recognition.stream import StreamPolicy, StreamRecognizer
from recognition.stream import liveness as lv

PERSON = "Colin_Powell"
FPS = 12.5                      # the stream decides on whatever frames it gets; fewer keep the tests short
#: a well-lit desk: in a dim one a print's low contrast keeps it below the quality gate (never decided at all)
LIT = dict(light_gain=(1.0, 1.2))


@pytest.fixture(scope="module")
def gallery(recognizer, shared_data, tmp_path_factory):
    root = shared_data / "lfw" / "images"
    gallery = Gallery.open(tmp_path_factory.mktemp("live") / "gallery.h5", recognizer.spec.fingerprint)
    for name in (PERSON, "Tony_Blair", "George_W_Bush"):
        found = [r.embedding for r in embed_photos(recognizer, [root / name / f"{name}_{i:04d}.jpg" for i in (1, 2, 3)])
                 if r.embedding is not None]
        gallery.add(name, np.stack(found))
    return gallery


@pytest.fixture(scope="module")
def photo(recognizer, lfw_image):
    still = read_image(lfw_image(PERSON, 10))
    return still, still_landmarks(recognizer.detector, still)


def stream_for(recognizer, gallery, mode, seed=1):
    stream = StreamRecognizer(recognizer, gallery, StreamPolicy(liveness=mode))
    stream.liveness.rng = random.Random(seed)
    return stream


def play(stream, actor, seconds=6.5, until_outcome=True, gone_after=None):
    """Show ``actor`` to the stream (answering the prompt drawn on its face); the decisions, and the
    prompts seen. ``gone_after``: seconds after the first prompt when the face leaves the camera."""
    decisions, prompts, prompt = [], [], None
    wall = background(np.random.default_rng(0)).astype(np.uint8)
    for i in range(int(seconds * FPS)):
        t = i / FPS
        gone = gone_after is not None and prompts and t - prompts[0][0] > gone_after
        made = stream.process(wall if gone else actor.frame(t, prompt), t)
        decisions += made
        faces = [f for f in stream.faces if f.challenge is not None]
        prompt = faces[0].challenge if faces else None
        if prompt is not None:
            prompts.append((t, prompt))
        if until_outcome and any(d.key is not None or d.refused for d in made):
            break
    return decisions + stream.reset(), prompts


def outcome(decisions):
    checked = [d for d in decisions if d.key is not None]
    refused = [d for d in decisions if d.refused]
    return checked, refused


@pytest.mark.parametrize("motion", [dict(max_deg=30.0), dict(max_deg=30.0, bend=0.04), dict(max_deg=10.0)],
                         ids=["rotations", "bent", "still"])
def test_a_print_never_checks_in_however_it_is_moved(recognizer, gallery, photo, motion):
    still, points = photo
    card = Surface.card(still, points, seed=3, bend=motion.pop("bend", 0.0))
    actor = FlatActor(card, seed=len(motion) * 7 + int(motion["max_deg"]), **motion, **LIT)   # it answers the prompt
    checked, refused = outcome(play(stream_for(recognizer, gallery, "when_unsure"), actor)[0])
    assert not checked
    assert refused and refused[0].refused in (lv.REFUSED_FLAT, lv.NO_TURN, lv.WRONG_DIRECTION)
    assert refused[0].nearest_key == PERSON and refused[0].chip is not None   # what the desk logs


def test_a_turning_head_checks_in(recognizer, gallery, photo):
    still, points = photo
    actor = HeadActor(still, points, seed=11, glance_deg=18)
    checked, refused = outcome(play(stream_for(recognizer, gallery, "when_unsure"), actor)[0])
    assert [d.key for d in checked] == [PERSON] and not refused
    assert checked[0].liveness.kind in ("passive", "challenge") and checked[0].liveness.parallax > 0


def test_the_challenge_side_is_enforced(recognizer, gallery, photo):
    still, points = photo
    for seed in (1, 2):          # both sides are asked over two streams
        stream = stream_for(recognizer, gallery, "always", seed=seed)
        decisions, prompts = play(stream, HeadActor(still, points, seed=20 + seed))
        checked, refused = outcome(decisions)
        assert prompts and [d.key for d in checked] == [PERSON], (prompts[:1], decisions)
        first, then = prompts[0][1], next(p for _, p in prompts if p.step == 1)     # one turn, then the other way
        assert then.direction != first.direction
        assert checked[0].liveness.kind == "challenge"
        assert checked[0].liveness.direction == f"{first.direction},{then.direction}"
        assert 0 < first.seconds_left <= stream.policy.liveness_limits.challenge_s
    wrong = play(stream_for(recognizer, gallery, "always"), HeadActor(still, points, seed=23, obey="wrong"))[0]
    checked, refused = outcome(wrong)
    assert not checked and [d.refused for d in refused] == [lv.WRONG_DIRECTION]


def test_one_turn_is_not_enough(recognizer, gallery, photo):
    """What a replayed clip of one turn does: it turns the asked way, but never back to the other side."""
    still, points = photo
    decisions, prompts = play(stream_for(recognizer, gallery, "always", seed=2),
                              HeadActor(still, points, seed=21, obey="once"), seconds=9)
    checked, refused = outcome(decisions)
    assert [p.step for _, p in prompts][-1] == 1                  # the first turn was seen and the second asked
    assert not checked and [d.refused for d in refused] == [lv.NO_TURN]


def test_frames_that_are_no_evidence_do_not_break_a_turn(recognizer, photo):
    """A turning head blurs now and then: every other frame unusable, the challenge still passes; frames
    turned past ``max_yaw`` are skipped the same way."""
    still, points = photo
    actor = HeadActor(still, points, seed=24, **LIT)
    guard = lv.LivenessGuard(rng=random.Random(3))
    prompt, outcome_seen = None, None
    for i in range(int(9 * FPS)):
        t = i / FPS
        frame = actor.frame(t, prompt)
        faces = recognizer.detect(frame)                          # largest first: the head
        assert faces, t
        guard.observe(1, frame, faces[0].landmarks, faces[0].box, usable=i % 2 == 0, t=t)
        if t >= 0.8 and guard.challenge_of(1) is None:
            guard.start(1, t)
        prompt = guard.prompt(1, t)
        outcome_seen = guard.outcome(1, t)
        if outcome_seen is not None:
            break
    assert outcome_seen == lv.PASSED, (outcome_seen, guard.challenge_of(1))
    assert guard.evidence(1).kind == "challenge"


def test_a_face_is_asked_only_at_rest(recognizer, photo):
    """A prompt due mid-glance waits until the head is back at rest: a clip caught mid-turn would otherwise
    "answer" it faster than anyone reacts."""
    still, points = photo
    actor = HeadActor(still, points, seed=25, glance_deg=18, **LIT)
    glance_start, _, nod = actor.glance
    guard = lv.LivenessGuard(rng=random.Random(4))
    waited, challenge = [], None
    for i in range(int(4 * FPS)):
        t = i / FPS
        frame = actor.frame(t)
        faces = recognizer.detect(frame)
        guard.observe(1, frame, faces[0].landmarks, faces[0].box, usable=True, t=t)
        if t >= glance_start + 0.3:                              # due while the head is turned aside
            challenge = guard.start(1, t)
            if challenge is not None:
                break
            waited.append(t)
    assert not nod and waited, "the glance is a turn, and the prompt had to wait"
    assert challenge is not None and t < glance_start + 2.0         # asked once back (the glance takes ~1 s)
    assert abs(challenge.prompt_yaw - challenge.baseline_yaw) <= guard.limits.rest_yaw


def test_the_three_modes(recognizer, gallery, photo):
    still, points = photo
    card = Surface.card(still, points, seed=4)
    checked, _ = outcome(play(stream_for(recognizer, gallery, "off"), FlatActor(card, seed=5, **LIT), seconds=2)[0])
    assert [d.key for d in checked] == [PERSON] and checked[0].liveness.kind == "off"    # off: as before
    checked, refused = outcome(play(stream_for(recognizer, gallery, "when_unsure"), FlatActor(card, seed=5, **LIT))[0])
    assert not checked and refused
    # always: every check-in is asked for a turn
    decisions, prompts = play(stream_for(recognizer, gallery, "always"), HeadActor(still, points, seed=12))
    checked, _ = outcome(decisions)
    assert prompts and [d.key for d in checked] == [PERSON] and checked[0].liveness.kind == "challenge"
    with pytest.raises(ValueError):
        StreamPolicy(liveness="sometimes")


def test_number_and_face_is_refused_for_a_print(recognizer, gallery, photo):
    still, points = photo
    stream = stream_for(recognizer, gallery, "when_unsure")
    actor = FlatActor(Surface.card(still, points, seed=6), seed=7, max_deg=15.0, **LIT)
    stream.process(actor.frame(0.0), 0.0)
    stream.claim(PERSON)
    checked, refused = outcome(play(stream, actor)[0])
    assert not checked
    assert refused and refused[0].method == "number+face" and refused[0].claimed_key == PERSON


def test_leaving_mid_challenge_is_refused(recognizer, gallery, photo):
    still, points = photo
    decisions, prompts = play(stream_for(recognizer, gallery, "always"),
                              HeadActor(still, points, seed=30, obey="ignore"), gone_after=0.5)
    checked, refused = outcome(decisions)
    assert prompts and not checked and [d.refused for d in refused] == [lv.LEFT_EARLY]


def test_a_print_beside_a_live_head_each_judged_on_its_own(recognizer, gallery, photo, lfw_image):
    still, points = photo
    other = read_image(lfw_image("Tony_Blair", 10))
    head = HeadActor(still, points, seed=40, glance_deg=18, centre=(190, 240), face_px=130)
    card = FlatActor(Surface.card(other, still_landmarks(recognizer.detector, other), seed=41), seed=42,
                     max_deg=15.0, centre=(470, 240), face_px=130, **LIT)
    stream = stream_for(recognizer, gallery, "when_unsure")
    decisions, prompts = [], [None, None]
    for i in range(int(6 * FPS)):
        t = i / FPS
        decisions += stream.process(together([head, card], t, prompts), t)
        prompts = [None, None]
        for face in stream.faces:              # each actor sees the prompt drawn on its own face
            if face.challenge is not None:
                prompts[0 if (face.box[0] + face.box[2]) / 2 < 320 else 1] = face.challenge
    checked, refused = outcome(decisions + stream.reset())
    assert [d.key for d in checked] == [PERSON]
    assert [d.nearest_key for d in refused] == ["Tony_Blair"]
    assert len({d.track_id for d in checked + refused}) == 2


def test_bad_light_and_the_frame_edge_never_check_in_a_print(recognizer, gallery, photo):
    still, points = photo
    for light in ((0.08, 0.1), (0.2, 0.25)):       # too dark to find a face; dim and noisy
        dark = FlatActor(Surface.card(still, points, seed=50), seed=53, max_deg=30.0, light_gain=light)
        stream = stream_for(recognizer, gallery, "when_unsure")
        checked, _ = outcome(play(stream, dark, seconds=5)[0])
        assert not checked
    edge = FlatActor(Surface.card(still, points, seed=51), seed=52, max_deg=15.0, centre=(40, 240), **LIT)
    checked, _ = outcome(play(stream_for(recognizer, gallery, "when_unsure"), edge, seconds=5)[0])
    assert not checked


def test_the_planar_measures_on_exact_geometry():
    rng = np.random.default_rng(0)
    points = np.array([[30, 40], [70, 40], [50, 60], [35, 80], [65, 80]], np.float64)
    h = np.array([[1.1, 0.1, 5], [-0.05, 0.95, -3], [0.001, 0.0005, 1]])
    mapped = cv2.perspectiveTransform(points.reshape(-1, 1, 2), h).reshape(-1, 2)
    assert lv.landmark_residual(points, mapped) < 1e-6          # a plane: the nose maps exactly
    lifted = mapped.copy()
    lifted[2, 0] += 6                                           # the nose off the plane by 6 px
    assert lv.landmark_residual(points, lifted) == pytest.approx(6 / np.linalg.norm(mapped[1] - mapped[0]), rel=1e-6)
    chip = cv2.GaussianBlur(rng.integers(0, 255, (96, 96)).astype(np.uint8), (0, 0), 1.5)
    assert lv.parallax(chip, chip) < 0.01
