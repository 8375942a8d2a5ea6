"""What a desk's face cache needs of the Gallery: sync state saved with the embeddings, batch
replacement of people, a whole reset, and snapshots that later changes do not touch."""
import numpy as np
import pytest

from recognition.gallery import Gallery, GalleryError


def unit(rows, dim=8, seed=0):
    x = np.random.default_rng(seed).normal(size=(rows, dim)).astype(np.float32)
    return x / np.linalg.norm(x, axis=1, keepdims=True)


def test_meta_is_saved_and_read_back_with_the_embeddings(tmp_path):
    path = tmp_path / "中文" / "faces.h5"
    g = Gallery.open(path, fingerprint="fp", model_name="m")
    g.add("E1", unit(2))
    g.meta = {"face_sync": {"last_change_id": 7, "people": {"12": "E1", "13": "张三"}}}
    g.save()
    h = Gallery.open(path, fingerprint="fp")
    assert h.meta == g.meta and h.ids == ["E1"]


def test_meta_of_another_model_is_not_carried_over(tmp_path):
    path = tmp_path / "g.h5"
    g = Gallery.open(path, fingerprint="fp")
    g.meta = {"x": 1}
    g.save()                                     # empty gallery: another model may take it over
    assert Gallery.open(path, fingerprint="other").meta == {}


def test_a_gallery_without_meta_opens_with_an_empty_one(tmp_path):
    path = tmp_path / "g.h5"
    g = Gallery.open(path, fingerprint="fp")
    g.add("A", unit(1))
    g.save()
    assert Gallery.open(path).meta == {}


def test_replace_people_removes_and_replaces_in_one_step(tmp_path):
    g = Gallery.open(tmp_path / "g.h5")
    g.add("A", unit(2, seed=1))
    g.add("B", unit(3, seed=2))
    g.add("C", unit(1, seed=3))
    g.replace_people({"A": None, "B": unit(1, seed=4), "D": unit(2, seed=5), "nobody": None},
                     meta={"v": 2})
    assert sorted(g.ids) == ["B", "C", "D"] and g.size == 4 and g.meta == {"v": 2}
    np.testing.assert_allclose(g.embeddings_of("B"), unit(1, seed=4), atol=1e-6)
    np.testing.assert_allclose(g.embeddings_of("C"), unit(1, seed=3), atol=1e-6)
    g.replace_people({"B": None, "C": None, "D": None})
    assert len(g) == 0 and g.match(unit(1), 1.0)[0].key is None
    g.replace_people({"E": unit(1, seed=6)})                     # into an empty gallery
    assert g.ids == ["E"]
    with pytest.raises(GalleryError):
        g.replace_people({"F": unit(1, dim=4)})
    with pytest.raises(GalleryError):
        g.replace_people({"F": np.full((1, 8), np.nan)})
    assert g.ids == ["E"]


def test_reset_replaces_everything(tmp_path):
    g = Gallery.open(tmp_path / "g.h5")
    g.add("old", unit(1))
    g.reset(["A", "A", "B"], unit(3, seed=9) * 2, meta={"k": 1})
    assert g.ids == ["A", "B"] and g.size == 3 and g.meta == {"k": 1}
    assert np.allclose(np.linalg.norm(g.embeddings_of("A"), axis=1), 1)
    g.reset([], np.empty((0, 8)))
    assert len(g) == 0 and g.size == 0
    with pytest.raises(GalleryError):
        g.reset(["A"], unit(2))


def test_a_snapshot_is_not_changed_by_later_updates(tmp_path):
    path = tmp_path / "g.h5"
    g = Gallery.open(path, fingerprint="fp")
    g.add("A", unit(1, seed=1))
    g.meta = {"n": 1}
    snap = g.snapshot()
    g.add("B", unit(1, seed=2))
    g.replace_people({"A": None}, meta={"n": 2})
    assert snap.ids == ["A"] and snap.meta == {"n": 1}
    snap.save()
    assert Gallery.open(path).ids == ["A"] and Gallery.open(path).meta == {"n": 1}
