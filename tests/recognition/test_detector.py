import cv2
import numpy as np
import pytest

from recognition.align.detector import FaceDetector, nms
from recognition.align.warp import align_face, similarity_transform
from recognition.imageio import read_image


@pytest.fixture(scope="module")
def detector():
    return FaceDetector(min_face_size=20)


def test_finds_every_face_of_a_group_photo(detector, shared_data):
    faces = detector.detect(read_image(shared_data / "samples" / "multiface.jpg"))
    assert len(faces) == 6
    sizes = [f.size for f in faces]
    assert sizes == sorted(sizes, reverse=True)


@pytest.mark.parametrize("name", ["angelina_jolie.jpg", "kate_siegel.jpg", "paul_rudd.jpg"])
def test_portrait_has_one_face_with_plausible_landmarks(detector, shared_data, name):
    [face] = detector.detect(read_image(shared_data / "samples" / name))
    x1, y1, x2, y2 = face.box
    assert face.score > 0.95 and face.size > 100
    lm = face.landmarks
    assert lm.shape == (5, 2)
    assert np.all((lm[:, 0] > x1) & (lm[:, 0] < x2) & (lm[:, 1] > y1) & (lm[:, 1] < y2))
    assert lm[0, 0] < lm[1, 0] and lm[3, 0] < lm[4, 0]          # left before right
    assert lm[:2, 1].max() < lm[2, 1] < lm[3:, 1].min()         # eyes above nose above mouth


def test_frames_without_faces_give_nothing(detector):
    assert detector.detect(np.zeros((480, 640, 3), np.uint8)) == []
    noise = np.random.default_rng(0).integers(0, 256, (480, 640, 3), dtype=np.uint8)
    assert detector.detect(noise) == []
    assert detector.detect(np.zeros((8, 8, 3), np.uint8)) == []


def test_gray_and_bgra_frames_are_accepted(detector, lfw_image):
    image = read_image(lfw_image("Colin_Powell"))
    assert len(detector.detect(cv2.cvtColor(image, cv2.COLOR_BGR2GRAY))) >= 1
    assert len(detector.detect(cv2.cvtColor(image, cv2.COLOR_BGR2BGRA))) >= 1


@pytest.mark.parametrize("bad, message", [
    (None, "None"), (np.zeros((0, 0, 3), np.uint8), "empty"), (np.zeros((10, 10, 3), np.float32), "uint8"),
    (np.zeros((10, 10, 5), np.uint8), "shape"), (np.zeros((30000, 2, 3), np.uint8), "larger"),
    ("picture.jpg", "numpy"),
])
def test_bad_frames_raise_a_clear_error(detector, bad, message):
    with pytest.raises(ValueError, match=message):
        detector.detect(bad)


def test_same_frame_size_is_traced_once(detector, lfw_image):
    image = read_image(lfw_image("Colin_Powell"))
    detector.detect(image)
    traced = len(detector._pyramids)
    detector.detect(read_image(lfw_image("Colin_Powell", 2)))
    assert len(detector._pyramids) == traced


def test_nms_keeps_the_best_of_overlapping_boxes():
    boxes = np.array([[0, 0, 10, 10], [1, 1, 11, 11], [50, 50, 60, 60]], float)
    assert list(nms(boxes, np.array([0.5, 0.9, 0.7]), 0.5)) == [1, 2]


def test_alignment_puts_the_landmarks_on_the_template(detector, lfw_image):
    image = read_image(lfw_image("Colin_Powell"))
    [face] = detector.detect(image)[:1]
    template = np.array([[38.3, 51.7], [73.5, 51.5], [56.0, 71.7], [41.5, 92.4], [70.7, 92.2]])
    matrix = similarity_transform(face.landmarks, template)
    mapped = np.c_[face.landmarks, np.ones(5)] @ matrix.T
    assert np.abs(mapped - template).max() < 6       # a similarity fits 5 points closely
    chip = align_face(image, face.landmarks, template, 112)
    assert chip.shape == (112, 112, 3) and chip.dtype == np.uint8
    assert len(detector.detect(cv2.resize(chip, (224, 224)))) == 1   # the chip is a face


def test_weighted_similarity_ignores_a_zero_weight_point_and_recovers_the_transform():
    rng = np.random.default_rng(0)
    template = np.array([[46.0, 43.0], [99.0, 43.0], [72.0, 78.0], [52.0, 108.0], [95.0, 110.0]])
    angle, scale, shift = 0.3, 1.7, np.array([12.0, -7.0])
    rotation = np.array([[np.cos(angle), -np.sin(angle)], [np.sin(angle), np.cos(angle)]])
    source = (template - shift) @ np.linalg.inv(scale * rotation).T     # maps exactly onto template
    moved = source.copy()
    moved[3] += rng.normal(0, 15, 2)                                     # a grimace: one point far off
    exact = similarity_transform(moved, template, weights=[1, 1, 1, 0, 1])
    np.testing.assert_allclose(exact[:, :2], scale * rotation, atol=1e-9)
    np.testing.assert_allclose(exact[:, 2], shift, atol=1e-7)
    assert not np.allclose(similarity_transform(moved, template)[:, :2], scale * rotation, atol=1e-3)
    np.testing.assert_allclose(similarity_transform(source, template, [2, 2, 0.7, 0.05, 0.05]),
                               similarity_transform(source, template), atol=1e-9)
