"""The window follows the face store: a person enrolled or deleted at another desk reaches this
desk's gallery and names within the poll interval, without the GUI waiting; Settings shows the
model's state."""
from __future__ import annotations

import numpy as np


def test_the_window_follows_another_desks_enrollment_and_deletion(qtbot, make_window, sqlite_url, checker,
                                                                  recognizer):
    from backend import people_service
    from backend.face_store import FaceModel, NewSample

    window = make_window(sqlite_url, source="9", face_sync_interval=0.3)
    other_desk = checker(sqlite_url)
    rng = np.random.default_rng(1)
    vectors = rng.normal(size=(3, recognizer.spec.embedding_size)).astype(np.float32)
    samples = [NewSample(image=f"crop {i}".encode(), embedding=v) for i, v in enumerate(vectors)]
    person = people_service.enroll_person(other_desk, None, samples, desk="Side door",
                                          model=FaceModel(recognizer.spec.fingerprint), person_number="S001",
                                          name="Someone Else")
    qtbot.waitUntil(lambda: window.gallery.count("S001") == 3, timeout=10000)
    qtbot.waitUntil(lambda: window.directory.names.get("S001") == "Someone Else", timeout=10000)
    people_service.delete_person(other_desk, None, person.id)
    qtbot.waitUntil(lambda: window.gallery.count("S001") == 0, timeout=10000)
    assert "Model " in window.settings_tab.diagnosticsText.text() and window.directory.model_state is not None
