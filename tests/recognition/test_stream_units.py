"""The stream's distance knobs in each network's own units: the dlib port's exactly as tuned, MobileFaceNet's
scaled by its own prior, and its operating point (1:N, learning, candidates, 1:1 claims) read off its own
impostor tail."""
from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from recognition.gallery import Gallery
from recognition.models import mobilefacenet as mfn
from recognition.models import model_dir as model_dirs
from recognition.photos import embed_photos
from recognition.stream import StreamPolicy, StreamRecognizer
from recognition.stream.operating_point import distance_unit, prior_for
from recognition.stream.policy import DISTANCE_KNOBS, REFERENCE_PRIOR_STD


@pytest.fixture(scope="module")
def mobilefacenet():
    from recognition import FaceRecognizer

    return FaceRecognizer.load(mfn.PRETRAINED_DIR, min_face_size=40)


def test_the_dlib_port_keeps_its_knobs_exactly(recognizer):
    assert distance_unit(recognizer.spec) == 1.0
    assert StreamPolicy(liveness="off").for_model(distance_unit(recognizer.spec)) == StreamPolicy(liveness="off")
    assert recognizer.spec.evaluation["open_set_prior"]["std"] == REFERENCE_PRIOR_STD


def test_a_model_without_a_prior_keeps_its_knobs(recognizer):
    spec = dataclasses.replace(recognizer.spec, evaluation={})
    assert distance_unit(spec) == 1.0


def test_mobilefacenet_knobs_scale_with_its_prior():
    spec = model_dirs.read_spec(mfn.PRETRAINED_DIR)
    unit = distance_unit(spec)
    assert unit == pytest.approx(spec.evaluation["open_set_prior"]["std"] / REFERENCE_PRIOR_STD)
    assert 1.5 < unit < 3.5          # its impostor distances spread about twice as wide as the dlib port's
    scaled = StreamPolicy(liveness="off", min_margin=0.05).for_model(unit)
    assert scaled.min_margin == pytest.approx(0.05 * unit)
    for knob in DISTANCE_KNOBS[1:]:
        assert getattr(scaled, knob) == pytest.approx(getattr(StreamPolicy(liveness="off"), knob) * unit)
    assert scaled.false_checkin_rate == StreamPolicy(liveness="off").false_checkin_rate and scaled.min_frames == 3
    # applied twice (set_policy with the stream's own policy) it does not scale again
    assert scaled.for_model(unit) == scaled


def test_mobilefacenet_stream_reads_its_operating_point_off_its_own_tail(mobilefacenet, lfw_image, tmp_path):
    gallery = Gallery.open(tmp_path / "g.h5", mobilefacenet.spec.fingerprint)
    for name in ("Colin_Powell", "Tony_Blair"):
        found = [r.embedding for r in embed_photos(mobilefacenet, [lfw_image(name, i) for i in (1, 2, 3)])]
        gallery.add(name, np.stack([e for e in found if e is not None]))
    stream = StreamRecognizer(mobilefacenet, gallery, StreamPolicy(liveness="off"))
    unit = distance_unit(mobilefacenet.spec)
    assert stream.policy.min_margin == pytest.approx(0.04 * unit)
    point = stream.operating_point
    prior = prior_for(mobilefacenet.spec)
    assert point.margin == pytest.approx(0.04 * unit)
    # few people: the prior (its own CelebA impostor tail) decides; 1:1 claims at their own rate
    assert point.claim_threshold == pytest.approx(min(point.tail.quantile(0.001), mobilefacenet.threshold))
    assert point.strict_threshold < point.threshold <= point.candidate_threshold < point.same_face_distance
    assert abs(point.tail.mean - prior.mean) < 0.1 and point.threshold > 0.7      # not the dlib port's ~0.27
    stream.set_policy(StreamPolicy(liveness="off", false_checkin_rate=0.01))
    assert stream.policy.min_margin == pytest.approx(0.04 * unit)
