"""At start the window compares the gallery with the people table and reports, never deletes."""
import numpy as np

from recognition.gallery import Gallery


def test_faces_without_a_person_are_reported_and_kept(qtbot, make_window, recognizer, sqlite_url, tmp_path):
    gallery_path = tmp_path / "pictures" / "embeddings.h5"
    gallery = Gallery.open(gallery_path, recognizer.spec.fingerprint, recognizer.spec.name)
    embedding = np.zeros(recognizer.spec.embedding_size, np.float32)
    embedding[0] = 1.0
    gallery.add("ghost-001", embedding[None])           # a face whose person row never got written
    gallery.save()

    window = make_window(sqlite_url, source="9", gallery_path=gallery_path)
    qtbot.waitUntil(lambda: "1 enrolled faces have no person" in window.statusBar().currentMessage(),
                    timeout=10000)
    assert Gallery.open(gallery_path, recognizer.spec.fingerprint).ids == ["ghost-001"]
    assert window.gallery.ids == ["ghost-001"]
