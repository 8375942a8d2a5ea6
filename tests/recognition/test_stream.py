"""The stream recognizer on simulated desk visits: real MTCNN, the real dlib port, real LFW and CelebA
photos (bench/visits.py renders the camera-like frames). Tracking, the quality gate, the operating
point, one decision per visit, enrollment, and the bad input of a real camera."""
from __future__ import annotations

import math

import cv2
import numpy as np
import pytest

from bench.visits import FPS, background, render_visit
from recognition.gallery import Gallery
from recognition.imageio import read_image
from recognition.photos import embed_photos
from recognition.stream import StreamPolicy, StreamRecognizer
from recognition.stream import quality as gate
from recognition.stream.operating_point import ImpostorTail, operating_point, prior_for
from recognition.stream.templates import Templates

#: liveness off: these visits are flat photos, which a live desk refuses (tests/recognition/test_liveness.py)
PHOTOS = StreamPolicy(liveness="off")

ENROLLED = ("Colin_Powell", "Tony_Blair", "George_W_Bush", "Serena_Williams")
STRANGER = "Jiang_Zemin"


def make_gallery(recognizer, tmp_path, people: dict) -> Gallery:
    gallery = Gallery.open(tmp_path / "gallery.h5", recognizer.spec.fingerprint)
    for person, photos in people.items():
        found = [r.embedding for r in embed_photos(recognizer, photos) if r.embedding is not None]
        gallery.add(person, np.stack(found))
    return gallery


@pytest.fixture(scope="module")
def four_people(recognizer, shared_data, tmp_path_factory):
    root = shared_data / "lfw" / "images"
    return make_gallery(recognizer, tmp_path_factory.mktemp("g4"),
                        {name: [root / name / f"{name}_{i:04d}.jpg" for i in (1, 2, 3)] for name in ENROLLED})


def still(lfw_image, name, index=10):
    return read_image(lfw_image(name, index))


def feed(stream, frames, start=0.0):
    """Process frames at 25 fps from ``start``; returns every decision."""
    decisions = []
    for i, frame in enumerate(frames):
        decisions += stream.process(frame, start + i / FPS)
    return decisions


def two_faces(left, right, seed, frames=12, side=230):
    """Frames with two people side by side (each still scaled to ``side`` px), a little jitter."""
    rng = np.random.default_rng(seed)
    wall = background(rng).astype(np.uint8)
    out = []
    for _ in range(frames):
        frame = wall.copy()
        for image, x in ((left, 60), (right, 350)):
            dx, dy = rng.integers(-3, 4, 2)
            frame[120 + dy:120 + dy + side, x + dx:x + dx + side] = cv2.resize(image, (side, side))
        out.append(frame)
    return out


# -- one decision per visit ----------------------------------------------------------------------
def test_an_enrolled_visitor_is_checked_in_once_and_quickly(recognizer, four_people, lfw_image):
    stream = StreamRecognizer(recognizer, four_people, PHOTOS)
    frames = render_visit(still(lfw_image, "Colin_Powell"), seed=1, frames=50)     # 2 s at the desk
    decisions = feed(stream, frames)
    known = [d for d in decisions if d.key is not None]
    assert [d.key for d in known] == ["Colin_Powell"]          # once, though he stays 2 s
    decision = known[0]
    assert decision.latency <= 0.5 and decision.frames >= stream.policy.min_frames
    assert decision.distance <= decision.threshold == stream.operating_point.threshold
    assert decision.margin >= stream.policy.min_margin and decision.chip is not None
    face = next(f for f in stream.faces if f.track_id == decision.track_id)
    assert face.state == "known" and face.key == "Colin_Powell"
    # the network ran for the deciding frames and a re-check a second, not for every frame
    assert stream.network_calls <= stream.policy.max_frames + 4 < len(frames)


def test_a_stranger_is_decided_unknown_and_never_checked_in(recognizer, four_people, lfw_image):
    stream = StreamRecognizer(recognizer, four_people, PHOTOS)
    decisions = feed(stream, render_visit(still(lfw_image, STRANGER, 1), seed=2, frames=50))
    assert len(decisions) == 1 and decisions[0].key is None
    assert decisions[0].distance > decisions[0].threshold and decisions[0].nearest_key in ENROLLED
    assert [f.state for f in stream.faces] == ["unknown"]


def test_a_face_that_leaves_and_comes_back_is_a_new_visit(recognizer, four_people, lfw_image):
    stream = StreamRecognizer(recognizer, four_people, PHOTOS)
    first = feed(stream, render_visit(still(lfw_image, "Tony_Blair"), seed=3))
    empty = [background(np.random.default_rng(9)).astype(np.uint8)] * 1 + \
            [background(np.random.default_rng(k)).astype(np.uint8) for k in range(15)]
    assert feed(stream, empty, start=0.5) == []                         # 0.6 s without the face
    second = feed(stream, render_visit(still(lfw_image, "Tony_Blair"), seed=4), start=1.2)
    assert [d.key for d in first + second] == ["Tony_Blair", "Tony_Blair"]
    assert first[0].track_id != second[0].track_id


def test_a_cut_to_another_face_in_the_same_place_is_a_new_visit(recognizer, four_people, lfw_image):
    rng = np.random.default_rng(15)
    wall = background(rng).astype(np.uint8)

    def standing(image, frames):
        out = []
        for _ in range(frames):
            frame = wall.copy()
            dx, dy = rng.integers(-2, 3, 2)
            frame[110 + dy:370 + dy, 190 + dx:450 + dx] = cv2.resize(image, (260, 260))
            out.append(np.clip(frame + rng.normal(0, 2, frame.shape), 0, 255).astype(np.uint8))
        return out

    stream = StreamRecognizer(recognizer, four_people, PHOTOS)
    frames = standing(still(lfw_image, "Colin_Powell"), 20) + standing(still(lfw_image, "Serena_Williams"), 20)
    decisions = [d for d in feed(stream, frames) if d.key is not None]
    assert [d.key for d in decisions] == ["Colin_Powell", "Serena_Williams"]
    assert decisions[0].track_id != decisions[1].track_id
    assert decisions[1].t - 20 / FPS <= 0.5                 # noticed at the cut, not at the next re-check


def test_a_jump_in_time_starts_afresh_and_time_going_back_too(recognizer, four_people, lfw_image):
    stream = StreamRecognizer(recognizer, four_people, PHOTOS)
    frames = render_visit(still(lfw_image, "Colin_Powell"), seed=5)
    first = feed(stream, frames)
    again = feed(stream, frames, start=60.0)            # a video seeked a minute ahead
    back = feed(stream, frames, start=1.0)              # ... and back
    known = [d for d in first + again + back if d.key is not None]
    assert [d.key for d in known] == ["Colin_Powell"] * 3
    assert len({d.track_id for d in known}) == 3


def test_a_frozen_frame_is_no_new_evidence(recognizer, four_people, lfw_image):
    stream = StreamRecognizer(recognizer, four_people, PHOTOS)
    frame = render_visit(still(lfw_image, "Colin_Powell"), seed=6)[-1]
    assert feed(stream, [frame] * 40) == []             # one frame's evidence, 40 times: no decision
    assert stream.frames_processed == 1 and stream.network_calls == 1


def test_two_people_at_once_are_two_tracks_and_two_check_ins(recognizer, four_people, lfw_image):
    stream = StreamRecognizer(recognizer, four_people, PHOTOS)
    frames = two_faces(still(lfw_image, "Colin_Powell"), still(lfw_image, "Serena_Williams"), seed=7)
    decisions = feed(stream, frames)
    assert sorted(d.key for d in decisions) == ["Colin_Powell", "Serena_Williams"]
    assert len({d.track_id for d in decisions}) == 2
    assert stream.network_calls < len(frames)            # both faces go into one call per frame


def test_ten_small_faces_no_crash_no_check_in(recognizer, four_people, shared_data):
    names = sorted(p.name for p in (shared_data / "lfw" / "images").iterdir() if p.is_dir())[:10]
    tiles = [cv2.resize(read_image(shared_data / "lfw" / "images" / n / f"{n}_0001.jpg"), (128, 128)) for n in names]
    frame = np.vstack([np.hstack(tiles[:5]), np.hstack(tiles[5:])])
    frame = cv2.copyMakeBorder(frame, 112, 112, 0, 0, cv2.BORDER_CONSTANT, value=(90, 90, 90))
    stream = StreamRecognizer(recognizer, four_people, PHOTOS)
    rng = np.random.default_rng(0)
    frames = [np.clip(frame + rng.normal(0, 3, frame.shape), 0, 255).astype(np.uint8) for _ in range(10)]
    assert feed(stream, frames) == []
    assert len(stream.faces) >= 8
    assert {f.hint for f in stream.faces} == {gate.TOO_SMALL}      # ~55 px faces: "come closer"


def test_a_face_leaving_over_the_frame_edge(recognizer, four_people, lfw_image):
    image = cv2.resize(still(lfw_image, "George_W_Bush"), (300, 300))
    wall = background(np.random.default_rng(1)).astype(np.uint8)
    frames = []
    for x in range(180, 640, 25):                        # slides out to the right
        frame = wall.copy()
        visible = min(300, 640 - x)
        frame[90:390, x:x + visible] = image[:, :visible]
        frames.append(frame)
    stream = StreamRecognizer(recognizer, four_people, PHOTOS)
    decisions = feed(stream, frames)
    assert all(d.key in (None, "George_W_Bush") for d in decisions)
    assert [d.key for d in decisions if d.key] == ["George_W_Bush"]
    assert stream.faces == [] or all(f.track_id == decisions[0].track_id for f in stream.faces)


# -- galleries of every size ------------------------------------------------------------------------
def test_an_empty_gallery_decides_unknown_and_checks_in_nobody(recognizer, lfw_image, tmp_path):
    stream = StreamRecognizer(recognizer, Gallery.open(tmp_path / "empty.h5", recognizer.spec.fingerprint), PHOTOS)
    decisions = feed(stream, render_visit(still(lfw_image, "Colin_Powell"), seed=8, frames=30))
    assert decisions and all(d.key is None and math.isinf(d.distance) for d in decisions)
    assert stream.operating_point.people == 0


def test_one_person_enrolled_uses_the_models_prior(recognizer, lfw_image, tmp_path):
    one = make_gallery(recognizer, tmp_path, {"Colin_Powell": [lfw_image("Colin_Powell", i) for i in (1, 2, 3)]})
    stream = StreamRecognizer(recognizer, one, PHOTOS)
    point = stream.operating_point
    prior = prior_for(recognizer.spec)
    assert point.gallery_pairs == 0 and point.tail == prior
    assert point.threshold == pytest.approx(prior.quantile(stream.policy.false_checkin_rate))
    def checked_in(name, start):
        decisions = feed(stream, render_visit(still(lfw_image, name), seed=9), start)
        return [d.key for d in decisions if d.key is not None]

    assert checked_in("Colin_Powell", 0.0) == ["Colin_Powell"]
    assert checked_in("Tony_Blair", 10.0) == []


def test_a_gallery_of_100000_embeddings(recognizer, four_people, lfw_image, tmp_path):
    rng = np.random.default_rng(0)
    big = Gallery.open(tmp_path / "big.h5", recognizer.spec.fingerprint)
    embeddings, keys, _ = four_people.rows()
    base = embeddings[keys == "Colin_Powell"]
    # 20,000 people x 5 samples near real faces (an enrolled face plus noise), and Colin Powell
    noise = rng.normal(0, 0.06, size=(20_000, 5, base.shape[1])).astype(np.float32)
    centres = embeddings[rng.integers(0, len(embeddings), 20_000)]
    rows = (centres[:, None, :] + noise).reshape(-1, base.shape[1])
    big.reset([f"P{i // 5:05d}" for i in range(len(rows))], rows)
    big.add("Colin_Powell", base)
    stream = StreamRecognizer(recognizer, big, PHOTOS)
    point = stream.operating_point
    assert big.size == 100_003 and point.people == 20_001
    assert 0 < point.threshold <= recognizer.threshold
    decisions = feed(stream, render_visit(still(lfw_image, "Colin_Powell"), seed=10))
    assert all(d.key in (None, "Colin_Powell") for d in decisions)


# -- the operating point --------------------------------------------------------------------------
def test_the_operating_point_follows_the_target_the_number_and_the_kind_of_people(recognizer, shared_data,
                                                                                 tmp_path):
    policy = StreamPolicy(liveness="off")
    prior = prior_for(recognizer.spec)
    tail = ImpostorTail(0.5, 0.06)
    # more people -> more chances for a stranger -> a stricter threshold, for the same population
    assert tail.quantile(0.001 / 1000) < tail.quantile(0.001 / 100) < tail.quantile(0.001 / 10)

    def gallery_of(names, root, photos):
        people = {n: [p for p in sorted((root / n).iterdir())[:photos]] for n in names}
        return make_gallery(recognizer, tmp_path / names[0], people)

    lfw = shared_data / "lfw" / "images"
    east_asian = ["Jiang_Zemin", "Roh_Moo-hyun", "Jackie_Chan", "Tang_Jiaxuan", "Heizo_Takenaka", "Tung_Chee-hwa",
                  "Li_Zhaoxing", "Yao_Ming", "Ai_Sugiyama", "Chen_Shui-bian", "Michelle_Yeoh", "Kim_Jong-Il"]
    celeba_root = shared_data / "celeba"
    varied = sorted(p.name for p in celeba_root.iterdir())[:len(east_asian)]
    points = {}
    for label, names, root in (("east_asian", east_asian, lfw), ("varied", varied, celeba_root)):
        rows, ids, _ = gallery_of(names, root, 3).rows()
        templates = Templates.from_arrays(rows, ids)
        points[label] = operating_point(templates, policy, prior, recognizer.threshold)
        stricter = operating_point(templates, StreamPolicy(false_checkin_rate=1e-4), prior, recognizer.threshold)
        assert stricter.threshold < points[label].threshold < recognizer.threshold
    # the network packs East Asian faces closer: the same number of them needs a stricter threshold
    assert points["east_asian"].tail.mean < points["varied"].tail.mean
    assert points["east_asian"].threshold < points["varied"].threshold


def test_the_operating_point_is_recomputed_when_people_are_enrolled_or_removed(recognizer, four_people,
                                                                               lfw_image, tmp_path):
    rows, ids, _ = four_people.rows()
    gallery = Gallery.open(tmp_path / "g.h5", recognizer.spec.fingerprint)
    gallery.reset(list(ids), rows)
    stream = StreamRecognizer(recognizer, gallery, PHOTOS)
    assert stream.operating_point.people == 4
    # a stranger is decided unknown; enrolling him while he stands there lets him be recognized
    frames = render_visit(still(lfw_image, STRANGER, 1), seed=11, frames=40)
    assert [d.key for d in feed(stream, frames[:20])] == [None]
    gallery.add(STRANGER, embed_photos(recognizer, [lfw_image(STRANGER, 1)])[0].embedding)
    assert [d.key for d in feed(stream, frames[20:], start=20 / FPS)] == [STRANGER]
    assert stream.operating_point.people == 5
    gallery.remove(STRANGER)
    assert stream.operating_point.people == 5                 # a plain getter: the next frame sets it again
    feed(stream, frames[:1], start=5.0)
    assert stream.operating_point.people == 4


# -- the quality gate -----------------------------------------------------------------------------
def test_the_quality_gate_names_what_is_wrong(recognizer, lfw_image):
    frame = render_visit(still(lfw_image, "Colin_Powell"), seed=12)[-1]
    limits = gate.QualityLimits()

    def judged(image):
        face = recognizer.detect(image)[0]
        return gate.assess(face.box, face.landmarks, face.score, recognizer.chip(image, face.landmarks), limits)

    good = judged(frame)
    assert good.ok and good.hint == "" and 0 < good.weight <= 1
    small = cv2.resize(frame, None, fx=0.45, fy=0.45)
    assert judged(cv2.copyMakeBorder(small, 0, 480 - small.shape[0], 0, 640 - small.shape[1],
                                     cv2.BORDER_REPLICATE)).hint == gate.TOO_SMALL
    assert judged(cv2.GaussianBlur(frame, (0, 0), 4)).hint == gate.BLURRED
    assert judged((frame * 0.12).astype(np.uint8)).hint == gate.TOO_DARK
    tilt = cv2.warpAffine(frame, cv2.getRotationMatrix2D((320, 240), 40, 1.0), (640, 480),
                          borderMode=cv2.BORDER_REPLICATE)
    assert judged(tilt).hint == gate.TILTED
    bad = [judged(cv2.GaussianBlur(frame, (0, 0), 4)), judged((frame * 0.12).astype(np.uint8))]
    assert not any(q.ok for q in bad) and all(q.weight == 0 for q in bad)


def test_pose_from_the_five_points():
    frontal = np.array([[30, 40], [70, 40], [50, 60], [35, 80], [65, 80]], float)
    assert gate.pose_of(frontal) == gate.Pose(0.0, 0.5, 0.0)
    turned = frontal + np.array([[0, 0], [0, 0], [24, 0], [5, 0], [5, 0]])
    assert gate.pose_of(turned).yaw > gate.QualityLimits().max_yaw
    rotation = cv2.getRotationMatrix2D((50, 60), 30, 1.0)
    rolled = np.c_[frontal, np.ones(5)] @ rotation.T
    assert gate.pose_of(rolled).roll == pytest.approx(-30, abs=1e-6)
    assert gate.pose_of(rolled).yaw == pytest.approx(0, abs=1e-9)


def test_poor_frames_never_decide(recognizer, four_people, lfw_image):
    stream = StreamRecognizer(recognizer, four_people, PHOTOS)
    frames = [cv2.GaussianBlur(f, (0, 0), 6) for f in render_visit(still(lfw_image, "Colin_Powell"), 13, 30)]
    assert feed(stream, frames) == []
    assert stream.network_calls == 0 and stream.faces[0].hint == gate.BLURRED


# -- enrollment from the stream ---------------------------------------------------------------------
def test_enrollment_takes_the_central_complete_face_and_collects_good_samples(recognizer, four_people,
                                                                               lfw_image):
    stream = StreamRecognizer(recognizer, four_people, PHOTOS)
    newcomer, bystander = still(lfw_image, STRANGER, 1), still(lfw_image, "Tony_Blair")
    wall = background(np.random.default_rng(3)).astype(np.uint8)
    frame = wall.copy()
    frame[130:380, 200:450] = newcomer                                           # centre
    frame[60:420, 520:640] = cv2.resize(bystander, (360, 360))[:, :120]         # larger, cut by the edge
    feed(stream, [frame])
    candidate = stream.start_enrollment()
    assert candidate is not None
    chosen = next(f for f in stream.faces if f.track_id == candidate)
    assert 200 <= (chosen.box[0] + chosen.box[2]) / 2 <= 450

    frames = render_visit(newcomer, seed=14, frames=100)                          # 4 s in front of the camera
    stream.reset()
    assert stream.start_enrollment() is None             # asked before anybody is there ...
    feed(stream, frames)                                   # ... the first face to come is taken
    state = stream.enrollment
    assert state.complete and state.consistent and len(state.samples) == state.wanted
    assert all(s.quality.ok for s in state.samples)
    assert state.nearest_key in ENROLLED and not state.too_close
    times = [s.t for s in state.samples]
    assert min(np.diff(times)) >= 0.25 - 1e-9
