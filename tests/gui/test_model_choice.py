"""Settings' face model: switching to MobileFaceNet re-embeds the face store (progress shown) and writes
[recognition] model_dir; going back works the same way; with the database down nothing is switched."""
from __future__ import annotations

import tomllib

from PyQt5.QtCore import Qt

from desk import models as desk_models
from backend import people_service
from backend.face_store import FaceModel, samples_from_photos
from recognition.models.mobilefacenet import PRETRAINED_DIR
from recognition.photos import embed_photos


def enroll(backend, recognizer, shared_data, number, name, indices=(1, 2, 3)):
    folder = shared_data / "lfw" / "images" / name
    found = embed_photos(recognizer, [folder / f"{name}_{i:04d}.jpg" for i in indices])
    people_service.enroll_person(backend, None, samples_from_photos(found),
                                 model=FaceModel(recognizer.spec.fingerprint, recognizer.spec.name),
                                 person_number=number, name=name.replace("_", " "))


def saved_model_dir(window):
    data = tomllib.loads(window.config.path.read_text(encoding="utf-8")) if window.config.path.exists() else {}
    return data.get("recognition", {}).get("model_dir")


def switch(qtbot, window, key, timeout=180000):
    choice = window.model_choice
    choice.combo.setCurrentIndex(choice.combo.findData(key))
    steps = []
    choice.progress.connect(lambda done, total: steps.append((done, total)))
    with qtbot.waitSignal(choice.finished, timeout=timeout) as finished:
        qtbot.mouseClick(choice.button, Qt.LeftButton)
        assert not choice.button.isEnabled() and not choice.bar.isHidden()      # busy, progress shown
    return finished.args, steps


def test_switch_to_mobilefacenet_and_back(qtbot, make_window, sqlite_url, checker, recognizer, shared_data):
    direct = checker(sqlite_url)
    enroll(direct, recognizer, shared_data, "A001", "Colin_Powell")
    enroll(direct, recognizer, shared_data, "B002", "Tony_Blair")
    window = make_window(sqlite_url, source="0", model_tools=desk_models.load_face_model_tools)
    choice = window.model_choice
    assert choice.combo.currentData() == "" and choice.button.isEnabled()

    (ok, text), steps = switch(qtbot, window, "mobilefacenet")
    assert ok, text
    assert steps and steps[-1] == (6, 6)
    assert "Restart the app" in text and "6 face samples" in text and choice.bar.isHidden()
    assert saved_model_dir(window) == "mobilefacenet" and window.config.model_dir == "mobilefacenet"
    assert window.settings_tab.config.model_dir == "mobilefacenet"
    assert window.config.model_path == PRETRAINED_DIR
    fingerprint = desk_models.load_face_model_tools(PRETRAINED_DIR).model.fingerprint
    assert direct.faces.coverage().complete(fingerprint)
    # saving other settings keeps the choice (one home: the config file)
    window.settingsCooldown.setValue(30)
    with qtbot.waitSignal(window.settings_tab.applied, timeout=5000):
        qtbot.mouseClick(window.settingsSave, Qt.LeftButton)
    assert saved_model_dir(window) == "mobilefacenet"

    (ok, text), _ = switch(qtbot, window, "")         # back: the default model's embeddings are all there
    assert ok and "0 face samples" in text, text
    assert saved_model_dir(window) is None and window.config.model_dir is None


def test_switching_with_the_database_down_switches_nothing(qtbot, make_window, tcp_relay, mysql_database, checker,
                                                           recognizer, shared_data):
    direct = checker(f"mysql://root@127.0.0.1:3306/{mysql_database}")
    enroll(direct, recognizer, shared_data, "A001", "Colin_Powell")
    window = make_window(f"mysql://root@127.0.0.1:{tcp_relay.port}/{mysql_database}", source="0",
                         model_tools=desk_models.load_face_model_tools)
    qtbot.waitUntil(lambda: window.status.dbLabel.text() == "MySQL online", timeout=15000)
    tcp_relay.cut()
    (ok, text), _ = switch(qtbot, window, "mobilefacenet")
    assert not ok and text.startswith("Not switched") and "keeps its current model" in text
    assert saved_model_dir(window) is None and window.config.model_dir is None
    assert window.model_choice.combo.currentData() == "" and window.model_choice.button.isEnabled()
    fingerprint = desk_models.load_face_model_tools(PRETRAINED_DIR).model.fingerprint
    assert direct.faces.coverage().of(fingerprint) is None or not direct.faces.coverage().complete(fingerprint)
