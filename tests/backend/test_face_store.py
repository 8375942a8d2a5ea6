"""The face store on SQLite and the real MariaDB: samples, embeddings per model, the change feed."""
from __future__ import annotations

import cv2
import numpy as np
import pytest

from backend import PersonNotFound
from backend.face_store import FaceModel, NewSample, decode_embeddings, encode_embedding

MODEL = FaceModel("a" * 64, "model A")
OTHER = FaceModel("b" * 64, "model B")


def unit(seed: int, n: int = 1, d: int = 128) -> np.ndarray:
    v = np.random.default_rng(seed).normal(size=(n, d)).astype(np.float32)
    return v / np.linalg.norm(v, axis=1, keepdims=True)


def face_image(lfw_image, name="Colin_Powell", index=1) -> np.ndarray:
    return cv2.imread(str(lfw_image(name, index)))


def samples(seed: int, n: int = 3, image=True) -> list[NewSample]:
    return [NewSample(image=f"jpeg-{seed}-{i}".encode() if image else None, embedding=e, source="live",
                      detector_score=0.99, face_size=120.0)
            for i, e in enumerate(unit(seed, n))]


def test_embedding_bytes_are_float32_little_endian():
    v = unit(1)[0]
    blob = encode_embedding(v * 3)                   # stored L2-normalised
    assert len(blob) == 128 * 4
    np.testing.assert_allclose(np.frombuffer(blob, "<f4"), v, atol=1e-6)
    np.testing.assert_allclose(decode_embeddings([blob, blob]), np.stack([v, v]), atol=1e-6)
    for bad in (np.full(4, np.nan), np.zeros(4), np.ones((2, 2))):
        with pytest.raises(ValueError):
            encode_embedding(bad)


def test_samples_and_embeddings_are_stored_and_cascade_with_the_person(backend):
    a = backend.people.create("E1", "张三")
    b = backend.people.create("E2", "B")
    ids = backend.faces.add_samples(a.id, samples(1), MODEL, desk="前台")
    backend.faces.add_samples(b.id, samples(2, n=2), MODEL)
    stored = backend.faces.samples_of(a.id)
    assert [s.id for s in stored] == ids and all(s.models == (MODEL.fingerprint,) for s in stored)
    assert stored[0].desk == "前台" and stored[0].source == "live" and stored[0].image_bytes == 8
    faces = backend.faces.people_faces([a.id, b.id, 999], MODEL.fingerprint)
    assert set(faces) == {a.id, b.id}
    np.testing.assert_allclose(faces[a.id].embeddings, unit(1, 3), atol=1e-6)
    assert faces[b.id].person_number == "E2" and faces[b.id].active
    assert backend.faces.people_faces([a.id], OTHER.fingerprint)[a.id].embeddings.shape[0] == 0
    # the same photo twice is one sample; a live frame twice (a still camera) is two
    photo = samples(1)[:1]
    photo[0].source = "photo"
    assert backend.faces.add_samples(a.id, photo, MODEL) == ids[:1]
    assert backend.faces.add_samples(a.id, samples(1)[:1], MODEL) != ids[:1]
    assert backend.faces.sample_counts() == {a.id: 4, b.id: 2}
    backend.people.delete(a.id)
    cov = backend.faces.coverage()
    assert (cov.samples, cov.of(MODEL.fingerprint).embedded) == (2, 2)     # none left of a
    with pytest.raises(PersonNotFound):
        backend.faces.add_samples(a.id, samples(3), MODEL)


def test_bad_samples_store_nothing(backend):
    p = backend.people.create("E1", "A")
    bad = samples(1) + [NewSample(image=b"x", embedding=np.full(128, np.nan))]
    with pytest.raises(ValueError, match="sample 4"):
        backend.faces.add_samples(p.id, bad, MODEL)
    with pytest.raises(ValueError, match="source"):
        backend.faces.add_samples(p.id, [NewSample(image=b"x", source="camera")], MODEL)
    with pytest.raises(ValueError, match="model"):
        backend.faces.add_samples(p.id, samples(1), None)
    with pytest.raises(ValueError, match="sizes"):
        backend.faces.add_samples(p.id, samples(1) + [NewSample(image=b"y", embedding=unit(2, 1, 64)[0])],
                                  MODEL)
    assert backend.faces.samples_of(p.id) == [] and backend.faces.coverage().samples == 0


def test_change_ids_count_up_and_the_feed_reads_in_order(backend):
    a = backend.people.create("E1", "A")
    b = backend.people.create("E2", "B")
    assert backend.faces.record_changes([a.id]) == [1]
    assert backend.faces.record_changes([b.id, a.id], MODEL.fingerprint) == [2, 3]
    changes = backend.faces.changes_since(0)
    assert [(c.change_id, c.person_id, c.model_fingerprint) for c in changes] == [
        (1, a.id, None), (2, b.id, MODEL.fingerprint), (3, a.id, MODEL.fingerprint)]
    assert [c.change_id for c in backend.faces.changes_since(1, limit=1)] == [2]
    assert backend.faces.head().last_change_id == 3
    # a rolled-back writer gives its ids back: no gap, no change that never happened
    with pytest.raises(RuntimeError):
        with backend.transaction():
            backend.faces.record_changes([a.id])
            raise RuntimeError("operator cancelled")
    assert backend.faces.head().last_change_id == 3
    assert backend.faces.record_changes([a.id]) == [4]
    # the change of a deleted person stays in the feed (no foreign key)
    backend.people.delete(a.id)
    assert [c.person_id for c in backend.faces.changes_since(3)] == [a.id]


def test_read_changes_returns_the_people_state_for_one_model(backend):
    a = backend.people.create("E1", "A")
    b = backend.people.create("E2", "B")
    backend.faces.add_samples(a.id, samples(1), MODEL)
    backend.faces.add_samples(b.id, samples(2), MODEL)
    backend.faces.record_changes([a.id])
    backend.faces.record_changes([b.id], OTHER.fingerprint)    # nothing for MODEL's desks
    changes, faces = backend.faces.read_changes(0, MODEL.fingerprint)
    assert [c.person_id for c in changes] == [a.id, b.id] and set(faces) == {a.id}
    backend.people.delete(a.id)
    changes, faces = backend.faces.read_changes(0, MODEL.fingerprint)
    assert faces == {}                                            # deleted: absent


def test_iter_model_pages_through_active_people(backend):
    people = [backend.people.create(f"E{i:02d}", f"P{i}") for i in range(7)]
    for i, p in enumerate(people):
        backend.faces.add_samples(p.id, samples(10 + i, n=2), MODEL)
    backend.faces.add_samples(people[0].id, samples(99, n=1, image=False)[:1], OTHER)
    backend.people.update(people[3].id, active=False)
    pages = list(backend.faces.iter_model(MODEL.fingerprint, page_size=4))
    assert [len(p.person_numbers) for p in pages] == [4, 4, 4]
    numbers = [n for page in pages for n in page.person_numbers]
    assert numbers == [f"E{i:02d}" for i in (0, 1, 2, 4, 5, 6) for _ in range(2)]
    assert not any(page.learned.any() for page in pages)
    assert len({i for page in pages for i in page.sample_ids.tolist()}) == 12
    embeddings = np.concatenate([page.embeddings for page in pages])
    np.testing.assert_allclose(embeddings[:2], unit(10, 2), atol=1e-6)


def test_coverage_missing_and_failures_per_model(backend):
    p = backend.people.create("E1", "A")
    ids = backend.faces.add_samples(p.id, samples(1, n=4), MODEL)
    backend.faces.add_samples(p.id, samples(5, n=1, image=False), MODEL)     # embedding, no photo
    cov = backend.faces.coverage()
    assert (cov.samples, cov.with_image) == (5, 4)
    assert cov.complete(MODEL.fingerprint) and cov.missing(OTHER.fingerprint) == 5
    missing = backend.faces.samples_missing(OTHER.fingerprint, limit=3)
    assert [m.id for m in missing] == ids[:3] and missing[0].image == b"jpeg-1-0"
    added = backend.faces.put_embeddings(OTHER, [(ids[0], p.id, unit(7)[0]), (ids[1], p.id, unit(8)[0])],
                                         failures=[(ids[2], p.id, "no face found")])
    assert added == 2
    # again (another process did the same batch): nothing duplicated
    assert backend.faces.put_embeddings(OTHER, [(ids[0], p.id, unit(7)[0])]) == 0
    cov = backend.faces.coverage()
    assert cov.of(OTHER.fingerprint).embedded == 2 and cov.of(OTHER.fingerprint).failed == 1
    assert cov.of(OTHER.fingerprint).name == "model B" and cov.of(OTHER.fingerprint).dim == 128
    assert [m.id for m in backend.faces.samples_missing(OTHER.fingerprint)][:1] == [ids[3]]
    assert backend.faces.failures(OTHER.fingerprint) == [(ids[2], p.id, "no face found")]
    # the embeddings of another model are announced to that model's desks only
    assert [(c.person_id, c.model_fingerprint) for c in backend.faces.changes_since(0)] == \
        [(p.id, OTHER.fingerprint)]
    # a sample deleted before its embedding arrives: skipped, not an error
    backend.faces.delete_samples(p.id, [ids[3]])
    assert backend.faces.put_embeddings(OTHER, [(ids[3], p.id, unit(9)[0])]) == 0
    assert backend.faces.clear_failures(OTHER.fingerprint) == 1
