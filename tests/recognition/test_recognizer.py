import numpy as np
import pytest

from recognition.gallery import Gallery
from recognition.imageio import read_image


def test_embeds_a_portrait(recognizer, shared_data):
    [face] = recognizer.embed(read_image(shared_data / "samples" / "paul_rudd.jpg"))
    assert face.embedding.shape == (recognizer.spec.embedding_size,)
    assert np.linalg.norm(face.embedding) == pytest.approx(1.0, abs=1e-5)
    size = recognizer.spec.input_size
    assert face.chip.shape == (size, size, 3)


def test_same_person_is_near_and_strangers_are_far(recognizer, lfw_image):
    def embedding(name, i):
        return recognizer.embed(read_image(lfw_image(name, i)))[0].embedding

    colin = [embedding("Colin_Powell", i) for i in (1, 2, 3)]
    george = embedding("George_W_Bush", 1)
    same = [recognizer.distance(colin[0], c) for c in colin[1:]]
    different = [recognizer.distance(c, george) for c in colin]
    assert max(same) < recognizer.threshold < min(different)


def test_identify_is_open_set(recognizer, lfw_image, tmp_path):
    gallery = Gallery.open(tmp_path / "g.h5", recognizer.spec.fingerprint)
    for name, key in (("Colin_Powell", "科林"), ("Tony_Blair", "tony")):
        chips = [recognizer.embed(read_image(lfw_image(name, i)))[0].embedding for i in (1, 2, 3)]
        gallery.add(key, np.stack(chips))
    colin = recognizer.identify(read_image(lfw_image("Colin_Powell", 10)), gallery)[0]  # the largest face
    assert colin.key == "科林" and colin.distance < recognizer.threshold
    [stranger] = recognizer.identify(read_image(lfw_image("George_W_Bush", 1)), gallery)
    assert stranger.key is None and stranger.distance > recognizer.threshold
    assert stranger.nearest_key in {"科林", "tony"}


def test_group_photo_and_ten_face_frame(recognizer, shared_data, lfw_image):
    group = recognizer.embed(read_image(shared_data / "samples" / "multiface.jpg"))
    assert len(group) == 6 and all(f.embedding is not None for f in group)
    names = ["Colin_Powell", "George_W_Bush", "Tony_Blair", "Donald_Rumsfeld", "Gerhard_Schroeder",
             "Ariel_Sharon", "Hugo_Chavez", "Jacques_Chirac", "Jean_Chretien", "John_Ashcroft"]
    tiles = [read_image(lfw_image(n))[25:225, 25:225] for n in names]
    frame = np.vstack([np.hstack(tiles[:5]), np.hstack(tiles[5:])])
    faces = recognizer.embed(frame)
    assert len(faces) == 10
    embeddings = np.stack([f.embedding for f in faces])
    distances = np.linalg.norm(embeddings[:, None] - embeddings[None], axis=-1)
    assert distances[~np.eye(10, dtype=bool)].min() > recognizer.threshold  # ten different people


def test_no_face_and_bad_frames(recognizer, tmp_path):
    gallery = Gallery.open(tmp_path / "g.h5")
    assert recognizer.identify(np.zeros((480, 640, 3), np.uint8), gallery) == []
    assert recognizer.embed(np.zeros((480, 640), np.uint8)) == []
    with pytest.raises(ValueError, match="None"):
        recognizer.embed(None)
    with pytest.raises(ValueError, match="uint8"):
        recognizer.identify(np.zeros((480, 640, 3), np.float64), gallery)


def test_model_spec_is_complete(recognizer):
    spec = recognizer.spec
    assert spec.architecture == "dlib_resnet" and spec.input_size == 150 and spec.embedding_size == 128
    assert len(spec.fingerprint) == 64 and 0 < spec.threshold < 2
    assert spec.evaluation.get("accuracy", 0) >= 0.99   # the LFW figures it was calibrated at
