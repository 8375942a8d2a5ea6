"""A face store enrolled with the default model, re-embedded for MobileFaceNet (the committed model) and back:
people are recognised with the new model's own embeddings, a crop smaller than the 112x112 chip is
embedded, a face too small for it is reported, not embedded."""
from __future__ import annotations

import cv2
import numpy as np
import pytest
from face_helpers import Desk

from desk import models as desk_models
from backend.face_migration import reembed
from backend.face_store import NewSample
from backend.people_service import enroll_person
from recognition import FaceRecognizer
from recognition.models.mobilefacenet import PRETRAINED_DIR
from recognition.samples import decode_image, encode_jpeg, photo_sample

PEOPLE = {"A001": "Colin_Powell", "B002": "Tony_Blair"}


@pytest.fixture(scope="module")
def mobilefacenet():
    return FaceRecognizer.load(PRETRAINED_DIR, min_face_size=40)


@pytest.fixture(scope="module")
def samples(recognizer, lfw_image):
    """Per person: 2 samples as the default-model desk stored them, and the 3rd photo as a probe image."""
    out = {}
    for number, name in PEOPLE.items():
        stored = []
        for i in (1, 2):
            image = cv2.imread(str(lfw_image(name, i)))
            face = recognizer.embed(image)[0]
            stored.append(NewSample.of(photo_sample(recognizer, image, face.box, face.landmarks, face.score),
                                       face.embedding))
        out[number] = (stored, cv2.imread(str(lfw_image(name, 3))))
    return out


def shrunk(sample: NewSample, factor: float) -> NewSample:
    """The same sample with its crop (and points) scaled down by ``factor``."""
    image = decode_image(sample.image)
    small = cv2.resize(image, None, fx=factor, fy=factor, interpolation=cv2.INTER_AREA)
    return NewSample(image=encode_jpeg(small), landmarks=np.asarray(sample.landmarks) * factor, source="photo")


def test_reembed_for_mobilefacenet_and_back(backend, recognizer, mobilefacenet, samples, tmp_path):
    old_tools = desk_models.face_model_tools(recognizer)
    new_tools = desk_models.face_model_tools(mobilefacenet)
    for number, (stored, _probe) in samples.items():
        enroll_person(backend, None, stored, model=old_tools.model, person_number=number, name=PEOPLE[number])
    person = backend.people.get_by_number("A001")
    first = samples["A001"][0][0]
    eyes = float(np.linalg.norm(np.subtract(first.landmarks[1], first.landmarks[0])))
    # a crop of ~60 px (smaller than the 112 px chip: upscaled) and one whose eyes are 6 px apart
    backend.faces.add_samples(person.id, [shrunk(first, 60 / decode_image(first.image).shape[0]),
                                          shrunk(first, 6.0 / eyes)])

    report = reembed(backend, new_tools.model, new_tools.embed_images, progress=False)
    assert report.interrupted is None and report.remaining == 0 and report.embedded == 5
    assert len(report.failed) == 1 and "too small for this model's 112x112 chips" in report.failed[0][2]

    desk = Desk(backend, tmp_path / "mfn", model=new_tools.model)
    desk.poll()
    assert sorted(desk.gallery.ids) == ["A001", "B002"]
    assert desk.gallery.embeddings_of("A001").shape == (3, 192)       # the small crop is one of them
    for number, (_stored, probe) in samples.items():
        face = mobilefacenet.embed(probe)[0]
        match = desk.gallery.match(face.embedding[None], mobilefacenet.threshold)[0]
        assert match.key == number
    # the small crop's embedding is Colin Powell's too
    small = desk.gallery.embeddings_of("A001")
    assert np.max(np.linalg.norm(small - small[0], axis=1)) < mobilefacenet.threshold

    # going back: the default model's embeddings are still there, nothing to embed for it but the new samples
    back = reembed(backend, old_tools.model, old_tools.embed_images, progress=False)
    assert back.interrupted is None and back.remaining == 0 and back.embedded + len(back.failed) == 2
    old_desk = Desk(backend, tmp_path / "dlib", model=old_tools.model)
    old_desk.poll()
    assert sorted(old_desk.gallery.ids) == ["A001", "B002"]
