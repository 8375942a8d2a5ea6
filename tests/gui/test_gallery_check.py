"""The gallery is a cache of the database's faces: at start the window loads them from the face
store. Faces in it that did not come from the database are replaced, never dropped unseen: they
are kept in a file beside it (for ``python main.py import-faces --gallery FILE``)."""
import numpy as np

from backend.face_sync import cache_path
from recognition.gallery import Gallery


def test_faces_not_from_the_database_are_replaced_and_kept_aside(qtbot, make_window, recognizer, sqlite_url,
                                                                 tmp_path):
    gallery_path = cache_path(tmp_path / "pictures", recognizer.spec.fingerprint)   # the desk's face cache
    gallery = Gallery.open(gallery_path, recognizer.spec.fingerprint, recognizer.spec.name)
    embedding = np.zeros(recognizer.spec.embedding_size, np.float32)
    embedding[0] = 1.0
    gallery.add("ghost-001", embedding[None])           # a face whose person row never got written
    gallery.save()

    window = make_window(sqlite_url, source="9")
    qtbot.waitUntil(lambda: getattr(window.face_sync.last_report, "reloaded", False), timeout=10000)
    assert window.gallery.ids == [] and Gallery.open(gallery_path).ids == []
    kept = list(gallery_path.parent.glob(f"{gallery_path.stem}.unsynced-*.h5"))
    assert len(kept) == 1 and Gallery.open(kept[0], recognizer.spec.fingerprint).ids == ["ghost-001"]
