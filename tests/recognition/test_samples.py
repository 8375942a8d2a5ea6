"""Face samples as the store keeps them (recognition.samples): the crop with its margin, the points in
it, and the stream's own quality figures; real MTCNN and the real dlib port on LFW photos."""
from __future__ import annotations

import cv2
import numpy as np
import pytest

from backend.face_store import NewSample
from recognition.photos import embed_photos
from recognition.samples import crop_face, decode_image, encode_jpeg, photo_sample, stream_sample
from recognition.stream.enrollment import EnrollmentSample
from recognition.stream.quality import ENROLLMENT_LIMITS, assess


def test_the_crop_keeps_a_margin_clipped_to_the_image(lfw_image):
    image = cv2.imread(str(lfw_image("Colin_Powell", 1)))
    box = (80.0, 70.0, 170.0, 180.0)
    assert crop_face(image, box).shape[:2] == (176, 144)          # 30 % each side, clipped to 250x250
    with pytest.raises(ValueError, match="outside"):
        crop_face(image, (300.0, 300.0, 400.0, 400.0))
    assert decode_image(b"\xff\xd8 not really a jpeg") is None and decode_image(b"") is None
    assert decode_image(encode_jpeg(image)).shape == image.shape


def test_a_photo_sample_has_the_streams_quality_and_points_in_its_crop(recognizer, lfw_image):
    image = cv2.imread(str(lfw_image("Colin_Powell", 1)))
    face = recognizer.detect(image)[0]
    sample = photo_sample(recognizer, image, face.box, face.landmarks, face.score)
    crop = decode_image(sample.image)
    assert sample.image[:2] == b"\xff\xd8" and crop.shape[:2] == (sample.height, sample.width)
    # one definition of quality: the stream's gate on the aligned chip
    quality = assess(face.box, face.landmarks, face.score, recognizer.chip(image, face.landmarks), ENROLLMENT_LIMITS)
    assert (sample.face_size, sample.sharpness, sample.yaw) == pytest.approx(
        (quality.face_px, quality.sharpness, quality.pose.yaw))
    # the points, moved into the crop, still align the same face
    x0 = max(0, int(face.box[0] - 0.3 * (face.box[2] - face.box[0])))
    y0 = max(0, int(face.box[1] - 0.3 * (face.box[3] - face.box[1])))
    np.testing.assert_allclose(sample.landmarks, np.asarray(face.landmarks) - [x0, y0], atol=1e-9)
    again = recognizer.embed_chips(recognizer.chip(crop, sample.landmarks)[None])[0]
    original = recognizer.embed_chips(recognizer.chip(image, face.landmarks)[None])[0]
    assert np.linalg.norm(again - original) < 0.1                  # JPEG costs little
    # a frame the stream kept gives the same figures without measuring again
    kept = EnrollmentSample(image, tuple(face.box), np.asarray(face.landmarks), face.score, original, quality, 0.0)
    from_stream = stream_sample(kept)
    assert from_stream.image == sample.image and from_stream.sharpness == sample.sharpness
    np.testing.assert_array_equal(from_stream.landmarks, sample.landmarks)


def test_what_the_store_keeps_of_photos(recognizer, lfw_image, tmp_path):
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(b"not a picture")
    found = embed_photos(recognizer, [lfw_image("Tony_Blair", 1), broken])
    assert found[0].sample is not None and found[1].sample is None and found[1].error
    stored = NewSample.of(found[0].sample, found[0].embedding, source="photo")
    assert (stored.source, stored.width, stored.face_size) == ("photo", found[0].sample.width, found[0].sample.face_size)
    assert stored.landmarks.shape == (5, 2) and not stored.learned
