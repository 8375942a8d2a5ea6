"""The user guide's screenshots, from a real window: the Live tab with a person just checked in, the enrolment
dialog sampling a newcomer, and Settings, in English and in Chinese (small PNGs in this folder).

    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python docs/screenshots/take.py

Needs the shared LFW images (../shared/data, as the tests) and converts the default model into a temporary
folder. Run it again after changing what these screens show.
"""
from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
os.environ.setdefault("QT_XCB_GL_INTEGRATION", "none")      # as main.py (keep_qt_off_opengl)
OUT = Path(__file__).resolve().parent
WIDTH = 960                                                   # pixels wide, to keep the PNGs small
LFW = REPO.parent / "shared" / "data" / "lfw" / "images"
if not LFW.is_dir():
    LFW = Path("/work/shared/data/lfw/images")


def wait(app, condition, timeout=120.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the window did not get there in time")
        app.processEvents()
        time.sleep(0.02)


def lfw(name, indices):
    from recognition.imageio import read_image

    return [read_image(LFW / name / f"{name}_{i:04d}.jpg") for i in indices]


def write_video(path, segments, fps=15):
    """LFW photos centred on a grey 640x480 frame, each held a second, with a camera's noise."""
    import cv2
    import numpy as np

    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"MJPG"), fps, (640, 480))
    rng = np.random.default_rng(0)
    for image in segments:
        image = cv2.resize(image, None, fx=1.6, fy=1.6)
        canvas = np.full((480, 640, 3), 90, np.uint8)
        h, w = min(480, image.shape[0]), min(640, image.shape[1])
        top, left = (480 - h) // 2, (640 - w) // 2
        canvas[top:top + h, left:left + w] = image[:h, :w]
        for _ in range(fps):
            noisy = np.roll(canvas, tuple(rng.integers(-2, 3, 2)), axis=(0, 1)) + rng.normal(0, 2.0, canvas.shape)
            writer.write(np.clip(noisy, 0, 255).astype(np.uint8))
    writer.release()


def save(widget, name) -> None:
    from PyQt5.QtCore import Qt
    from PyQt5.QtGui import QImage

    pixmap = widget.grab()
    if pixmap.width() > WIDTH:
        pixmap = pixmap.scaledToWidth(WIDTH, Qt.SmoothTransformation)
    # 256 colours: a third smaller, and the text stays sharp
    pixmap.toImage().convertToFormat(QImage.Format_Indexed8).save(str(OUT / f"{name}.png"), "PNG")
    print("wrote", OUT / f"{name}.png")


def main() -> int:
    from PyQt5.QtWidgets import QApplication

    from backend import open_backend, people_service
    from backend.face_sync import cache_path
    from backend.face_store import FaceModel, samples_from_photos
    from gui import i18n
    from desk.settings import AppConfig
    from gui.main_window import MainWindow
    from recognition import FaceRecognizer
    from recognition.gallery import Gallery
    from recognition.models.dlib_resnet import ensure_default_model
    from recognition.photos import embed_photos

    app = QApplication(sys.argv[:1])
    work = Path(tempfile.mkdtemp(prefix="screenshots-"))
    recognizer = FaceRecognizer.load(ensure_default_model(work / "model"), min_face_size=40)
    video = work / "desk.avi"
    write_video(video, lfw("Colin_Powell", range(1, 9)) + lfw("Serena_Williams", range(1, 9)))
    for language, desk, name, department in (("en", "Front desk", "Colin Powell", "Sales"),
                                             ("zh_CN", "前台", "科林·鲍威尔", "销售部")):
        data = work / language
        data.mkdir()
        url = f"sqlite:///{(data / 'attendance.db').as_posix()}"
        with open_backend(url, outbox_path=data / "outbox.db") as db:
            samples = samples_from_photos(embed_photos(recognizer, [LFW / "Colin_Powell" / f"Colin_Powell_{i:04d}.jpg"
                                                                    for i in range(13, 17)]))
            people_service.enroll_person(db, None, samples, model=FaceModel(recognizer.spec.fingerprint),
                                         person_number="1001", name=name, department=department)
        i18n.install(language)
        config = AppConfig(camera_source=str(video), db_url=url, desk=desk, language=language,
                           liveness="off")    # the video is flat photos
        config.data_root, config.path = data, data / "config.toml"
        gallery = Gallery.open(cache_path(config.pictures_dir, recognizer.spec.fingerprint),
                               recognizer.spec.fingerprint, recognizer.spec.name)
        window = MainWindow(config, recognizer, gallery)
        window.resize(1280, 800)
        window.show()
        wait(app, lambda: window.gallery.count("1001") == 4)
        window.camera.loop = True
        window.camera.start()
        wait(app, lambda: window.cardName.text() == name and window.todayTable.rowCount() == 1)
        suffix = "zh" if language == "zh_CN" else "en"
        save(window, f"live-{suffix}")
        # the newcomer (the clip's second person): enrol her
        wait(app, lambda: window.live.last_result is not None and any(
            f.state.value == "unknown" for f in window.live.last_result.faces))
        dialog = window.live.open_enroll_dialog()
        wait(app, lambda: len(dialog.samples) >= 2)
        save(dialog, f"enroll-{suffix}")
        dialog.reject()
        window.tabs.setCurrentWidget(window.tabSettings)
        wait(app, lambda: window.settings_tab.known is not None)
        app.processEvents()
        save(window, f"settings-{suffix}")
        window.camera.stop()
        window.close()
    i18n.install("en")
    return 0


if __name__ == "__main__":
    sys.exit(main())
