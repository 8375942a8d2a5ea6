"""Model migration and import with the real default model on real LFW faces, on SQLite and the
real MariaDB: re-embed every stored crop (resumable, server cut mid-way, corrupt images skipped),
desks switch only to a complete model, and a desk's own photos + embeddings.h5 are imported."""
from __future__ import annotations

import json

import cv2
import numpy as np
import pytest
from face_helpers import Desk

import main as app_main
from backend import open_backend
from backend.face_migration import import_faces, reembed
from backend.face_store import FaceModel, NewSample
from recognition.samples import encode_jpeg, photo_sample
from backend.people_service import enroll_person
from desk.models import face_model_tools, model_state
from recognition.gallery import Gallery

PEOPLE = {"A001": "Colin_Powell", "B002": "Tony_Blair"}


@pytest.fixture(scope="module")
def tools(recognizer):
    return face_model_tools(recognizer)


@pytest.fixture(scope="module")
def lfw_faces(recognizer, lfw_image):
    """Per person: 3 enrollment samples as the desk makes them (crop with margin from the frame,
    the embedding of the live frame) and a probe embedding of a 4th photo."""
    faces = {}
    for number, name in PEOPLE.items():
        samples = []
        for i in (1, 2, 3):
            image = cv2.imread(str(lfw_image(name, i)))
            face = recognizer.embed(image)[0]
            samples.append(NewSample.of(photo_sample(recognizer, image, face.box, face.landmarks, face.score),
                                        face.embedding))
        probe = recognizer.embed(cv2.imread(str(lfw_image(name, 4))))[0].embedding
        faces[number] = (samples, probe)
    return faces


def new_model(tools) -> FaceModel:
    """The same network under another fingerprint: what a migration does, with a real model."""
    return FaceModel("migrated-" + tools.model.fingerprint[:40], "default model (migration test)")


def _enroll_all(backend, tools, lfw_faces):
    for number, (samples, _probe) in lfw_faces.items():
        enroll_person(backend, None, samples, model=tools.model, person_number=number, name=PEOPLE[number])


def test_reembed_end_to_end_while_desks_keep_the_old_model(backend, tools, lfw_faces, recognizer, tmp_path):
    _enroll_all(backend, tools, lfw_faces)
    bad = backend.people.create("X900", "bad samples")
    grey = encode_jpeg(np.full((160, 160, 3), 128, np.uint8))
    backend.faces.add_samples(bad.id, [NewSample(image=b"\xff\xd8\xff\xe0 corrupt bytes"),
                                       NewSample(image=grey)])
    new = new_model(tools)
    old_desk = Desk(backend, tmp_path / "old", model=tools.model)
    old_desk.poll()
    new_desk = Desk(backend, tmp_path / "new", model=new)
    new_desk.poll()
    state = model_state(backend.faces.coverage(), new_desk.model)
    assert new_desk.gallery.ids == [] and not state.complete and state.missing == 8
    assert "python main.py reembed --model-dir" in state.message()

    report = reembed(backend, new, tools.embed_images, batch_size=3, progress=False)
    assert report.embedded == 6 and report.remaining == 0 and report.interrupted is None
    assert sorted(r for _s, _p, r in report.failed) == ["no face found in the stored image",
                                                       "the stored image is not a readable picture"]
    assert all(p == bad.id for _s, p, _r in report.failed)
    assert backend.faces.coverage().complete(new.fingerprint)

    assert not old_desk.poll().changed                     # the old model's desk: nothing to do
    assert new_desk.poll().updated == ("A001", "B002")
    assert model_state(backend.faces.coverage(), new_desk.model).complete
    threshold = recognizer.threshold
    for number, (_samples, probe) in lfw_faces.items():
        assert new_desk.gallery.match(probe, threshold)[0].key == number
        # the crop, detected and aligned again, gives (nearly) the live frame's embedding
        distances = np.linalg.norm(new_desk.gallery.embeddings_of(number)
                                   - old_desk.gallery.embeddings_of(number), axis=1)
        assert distances.max() < 0.2, distances
    again = reembed(backend, new, tools.embed_images, progress=False)
    assert (again.embedded, again.failed, again.remaining) == (0, [], 0)
    assert backend.faces.coverage().of(new.fingerprint).embedded == 6
    # without the stored landmarks: the faces are found in the crops again
    third = FaceModel("redetected-" + tools.model.fingerprint[:40], "default model, faces found again")
    assert reembed(backend, third, tools.embed_images, redetect=True, progress=False).embedded == 6
    redetected = backend.faces.people_faces([p.id for p in backend.people.search()], third.fingerprint)
    for faces in redetected.values():
        if len(faces.embeddings):
            live = old_desk.gallery.embeddings_of(faces.person_number)
            assert np.linalg.norm(faces.embeddings - live, axis=1).max() < 0.25


def test_server_down_during_a_migration_then_resumed(mysql_via_proxy, mysql_proxy, tools, lfw_faces,
                                                     mysql_server):
    backend = mysql_via_proxy()
    _enroll_all(backend, tools, lfw_faces)
    new = new_model(tools)
    calls = []

    def embed_then_cut(images, landmarks):      # the real model; the server goes away during batch 2
        calls.append(len(images))
        if len(calls) == 2:
            mysql_proxy.cut()
        return tools.embed_images(images, landmarks)
    first = reembed(backend, new, embed_then_cut, batch_size=2, progress=False)
    assert first.interrupted and "connection lost" in first.interrupted
    assert first.embedded == 2                     # batch 1 committed, batch 2 rolled back
    mysql_proxy.restore()
    second = reembed(backend, new, tools.embed_images, batch_size=2, progress=False)
    assert second.interrupted is None and second.embedded == 4 and second.remaining == 0
    conn = mysql_server.connect(mysql_via_proxy.database)
    with conn.cursor() as cur:
        cur.execute("SELECT COUNT(*), COUNT(DISTINCT sample_id) FROM face_embeddings WHERE model_fingerprint = %s",
                    (new.fingerprint,))
        assert cur.fetchone() == (6, 6)                    # none lost, none twice
    conn.close()


def test_import_a_desks_photos_and_gallery(backend, tools, lfw_faces, lfw_image, tmp_path):
    """The desk's data/pictures: enrollment crops (A001) with embeddings.h5 rows for them plus one
    row without a photo; a full photo, a corrupt file and a faceless picture; a folder of a person
    the database does not know."""
    pictures = tmp_path / "pictures"
    legacy = Gallery.open(pictures / "embeddings.h5", tools.model.fingerprint, tools.model.name)
    a_samples, _ = lfw_faces["A001"]
    (pictures / "A001").mkdir(parents=True)
    for i, sample in enumerate(a_samples):
        (pictures / "A001" / f"enroll-{i + 1}.jpg").write_bytes(sample.image)
    extra = np.random.default_rng(3).normal(size=(1, 128)).astype(np.float32)
    legacy.add("A001", np.stack([s.embedding for s in a_samples] + [extra[0] / np.linalg.norm(extra)]))
    legacy.save()
    (pictures / "A001" / "broken.jpg").write_bytes(b"not a picture")
    cv2.imwrite(str(pictures / "A001" / "wall.png"), np.full((200, 200, 3), 200, np.uint8))
    (pictures / "B002").mkdir()
    (pictures / "B002" / "photo.jpg").write_bytes(lfw_image("Tony_Blair", 5).read_bytes())
    (pictures / "张三").mkdir()
    (pictures / "张三" / "1.jpg").write_bytes(lfw_image("Colin_Powell", 6).read_bytes())
    a = backend.people.create("A001", "Colin Powell")
    backend.people.create("B002", "Tony Blair")

    from recognition.photos import pictures_by_person
    photos = pictures_by_person(pictures)
    fingerprint, old = legacy.fingerprint, {k: legacy.embeddings_of(k) for k in legacy.ids}
    assert fingerprint == tools.model.fingerprint
    report = import_faces(backend, tools.model, photos, old, tools.analyse, desk="front", progress=False)
    assert report.people == ["A001", "B002"] and report.unknown == ["张三"]
    assert (report.kept_embeddings, report.new_embeddings, report.without_photo) == (3, 1, 1)
    assert sorted(why for _p, why in report.problems) == ["no face found", "not a readable picture"]
    stored = backend.faces.samples_of(a.id)
    assert len(stored) == 4 and sum(s.image_bytes == 0 for s in stored) == 1
    assert all(s.source == "import" and s.desk == "front" for s in stored)
    desk = Desk(backend, tmp_path / "cache", model=tools.model)
    desk.poll()
    np.testing.assert_allclose(np.sort(desk.gallery.embeddings_of("A001"), axis=0),
                               np.sort(legacy.embeddings_of("A001"), axis=0), atol=1e-5)   # kept as they were
    again = import_faces(backend, tools.model, photos, old, tools.analyse, progress=False,
                         create_missing=True)
    assert again.already == ["A001", "B002"] and again.created == ["张三"]
    assert backend.people.get_by_number("张三").name == "张三"


def test_the_commands_through_main(tools, lfw_faces, model_dir, tmp_path, capsys):
    url = f"sqlite:///{tmp_path}/attendance.db"
    backend = open_backend(url)
    p = backend.people.create("A001", "Colin Powell")
    backend.faces.add_samples(p.id, [NewSample(image=s.image) for s in lfw_faces["A001"][0]])
    backend.faces.add_samples(p.id, [NewSample(image=b"corrupt")])
    backend.close()
    config = tmp_path / "config.toml"
    assert app_main.main(["faces-status", "--config", str(config), "--db-url", url]) == 0
    assert "4 face samples" in capsys.readouterr().out
    out_json = tmp_path / "reembed.json"
    assert app_main.main(["reembed", "--config", str(config), "--db-url", url, "--model-dir", str(model_dir),
                          "--json", str(out_json)]) == 0
    out = capsys.readouterr().out
    assert "3 samples embedded" in out and "skipped sample" in out and "desks can switch" in out
    assert json.loads(out_json.read_text())["embedded"] == 3
    assert app_main.main(["faces-status", "--config", str(config), "--db-url", url, "--model-dir",
                          str(model_dir)]) == 0
    assert "all 4 face samples embedded; 1 could not be embedded" in capsys.readouterr().out
    assert app_main.main(["import-faces", "--config", str(config), "--db-url", url, "--pictures-dir",
                          str(tmp_path / "none"), "--gallery", str(tmp_path / "none.h5")]) == 0
    assert "nothing to import" in capsys.readouterr().out
