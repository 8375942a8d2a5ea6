#!/usr/bin/env python3
"""Face attendance desk: camera -> recognition -> check-ins, with enrollment and history.

    python main.py                        # camera 0, data/config.toml (defaults if missing)
    python main.py --source video.mp4     # a video file (or rtsp://... / a camera index)
    python main.py faces-status | reembed --model-dir DIR | import-faces   # the face store (--help)
"""
from __future__ import annotations

import argparse
import gc
import logging
import logging.handlers
import os
import signal
import sys
from pathlib import Path

log = logging.getLogger("main")


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--source", help="camera index, video file or RTSP/HTTP URL (default: the config's)")
    parser.add_argument("--config", default="data/config.toml", help="settings file (default: %(default)s)")
    parser.add_argument("--db-url", help="database URL for this run only, e.g. mysql://user@host:3306/db "
                                         "(password from FACE_DB_PASSWORD)")
    parser.add_argument("--model-dir", help="embedding model directory (default: the dlib port in "
                                            "data/model_origin, converted on first use)")
    parser.add_argument("--log-dir", default="data/logs", help="folder of the log files (default: %(default)s)")
    return parser.parse_args(argv)


def setup_logging(log_dir) -> None:
    formatter = logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    handlers = [logging.StreamHandler()]
    Path(log_dir).mkdir(parents=True, exist_ok=True)
    handlers.append(logging.handlers.RotatingFileHandler(Path(log_dir) / "attendance.log", maxBytes=5 << 20,
                                                         backupCount=5, encoding="utf-8"))
    for handler in handlers:
        handler.setFormatter(formatter)
    logging.basicConfig(level=logging.INFO, handlers=handlers, force=True)
    # an exception in a Qt slot is logged instead of aborting the process
    sys.excepthook = lambda *exc: log.critical("unhandled exception", exc_info=exc)


def warm_up(recognizer) -> None:
    """Trace the embedding network and the detector's first stage before the camera starts."""
    import numpy as np

    size = recognizer.spec.input_size
    recognizer.embed_chips(np.zeros((1, size, size, 3), np.uint8))
    recognizer.detect(np.zeros((480, 640, 3), np.uint8))


# -- face store commands (backend.face_cli); the model is wired in here ------------------------
#: side of the canvas a stored face crop is searched on (one detector trace for crops of any size)
CROP_CANVAS = 320


def face_command(argv) -> int:
    from backend import face_cli

    return face_cli.run(argv, _face_context)


def _face_context(args):
    from backend import face_cli
    from gui import config as app_config

    config = app_config.load(args.config)
    gallery = Path(config.gallery_path)

    def read_gallery(path):
        from recognition.gallery import Gallery

        g = Gallery.open(path)
        return g.fingerprint, {key: g.embeddings_of(key) for key in g.ids}

    def read_pictures(folder):
        from recognition.photos import pictures_by_person

        return pictures_by_person(folder)

    return face_cli.Context(config.effective_db_url, config.effective_db_password, config.desk,
                            gallery.parent, gallery, _model_tools, read_pictures, read_gallery)


def _model_tools(model_dir):
    from recognition import FaceRecognizer

    return face_model_tools(FaceRecognizer.load(model_dir, min_face_size=40))


def face_model_tools(recognizer):
    """The model-side functions of the face store commands: embed stored crops, analyse photos."""
    import numpy as np

    from backend.face_cli import ModelTools
    from backend.face_migration import DetectedFace
    from backend.face_store import FaceModel
    from recognition.photos import PHOTO_CANVAS, detect_on_canvas
    from recognition.recognizer import Face

    def largest(image, canvas):
        faces = detect_on_canvas(recognizer, image, canvas)
        return recognizer.align(image, faces[:1])[0] if faces else None

    def embed_images(images, landmarks=None):
        """Stored crops: aligned with their stored landmarks, else with the largest face found."""
        landmarks = landmarks or [None] * len(images)
        found = [largest(image, CROP_CANVAS) if points is None else
                 recognizer.align(image, [Face(box=(0, 0, 0, 0), score=1.0, landmarks=points)])[0]
                 for image, points in zip(images, landmarks)]
        chips = [f.chip for f in found if f is not None]
        vectors = iter(recognizer.embed_chips(np.stack(chips)) if chips else [])
        return [None if f is None else next(vectors) for f in found]

    def analyse(image):
        face = largest(image, PHOTO_CANVAS)
        if face is None:
            return None
        return DetectedFace(recognizer.embed_chips(face.chip[None])[0], face.box, face.score, face.landmarks)

    model = FaceModel(recognizer.spec.fingerprint, recognizer.spec.name)
    return ModelTools(model, str(recognizer.model_path), embed_images, analyse)


def open_face_cache(gallery_path, spec):
    """This desk's cache of the face store for its model (one file per model, beside the photos);
    the old desk-local gallery file is left for ``python main.py import-faces``."""
    from backend.face_sync import cache_path
    from recognition.gallery import Gallery

    path = cache_path(Path(gallery_path).parent, spec.fingerprint)
    if not path.exists() and Path(gallery_path).exists():
        log.warning("%s holds faces enrolled at this desk before the shared face store; move them into "
                    "the database once with: python main.py import-faces", gallery_path)
    return Gallery.open(path, spec.fingerprint, spec.name)


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    from backend.face_cli import COMMANDS

    if argv[:1] and argv[0] in COMMANDS:
        return face_command(argv)
    args = parse_args(argv)
    # leave a core to the display: TensorFlow's kernels use the others (read when TF starts)
    os.environ.setdefault("TF_NUM_INTRAOP_THREADS", str(max(1, (os.cpu_count() or 2) - 1)))
    os.environ.setdefault("TF_NUM_INTEROP_THREADS", "1")
    setup_logging(args.log_dir)
    from PyQt5 import sip
    from PyQt5.QtCore import QTimer
    from PyQt5.QtWidgets import QApplication, QMessageBox, QSplashScreen

    from gui import config as app_config, i18n

    sip.setdestroyonexit(False)          # a thread stuck in a driver call must not crash the exit
    app = QApplication(sys.argv[:1])
    app.setApplicationName("Face Attendance")
    try:
        config = app_config.load(args.config)
        if args.db_url:
            config.env_db_url = args.db_url  # this run only; never written to the file
        i18n.install(config.language)
        splash = QSplashScreen()
        splash.showMessage(app.translate("main", "Loading the face model…"))
        splash.show()
        app.processEvents()
        from gui.main_window import MainWindow
        from recognition import FaceRecognizer

        recognizer = FaceRecognizer.load(args.model_dir or config.model_dir, min_face_size=config.min_face_size)
        warm_up(recognizer)
        gallery = open_face_cache(config.gallery_path, recognizer.spec)
        window = MainWindow(config, recognizer, gallery, source=args.source)
    except Exception as exc:
        log.exception("cannot start")
        QMessageBox.critical(None, app.translate("main", "Face Attendance"), str(exc))
        return 2
    # The model leaves ~10^6 long-lived Python objects; full collections of them stalled the GUI
    # for up to 0.5 s. Freezing them keeps later collections short.
    gc.collect()
    gc.freeze()
    window.show()
    splash.finish(window)
    window.start_camera()
    # Ctrl+C / SIGTERM close the window like its close button (threads stopped, no traceback)
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: window.close())
    wake = QTimer(interval=200, timeout=lambda: None)   # lets Python run the signal handlers
    wake.start()
    status = app.exec_()
    # The window is gone. A worker closed mid-call (the first recognition traces the networks
    # for seconds) is waited for here: a thread killed at interpreter exit aborts the process.
    from gui.camera import wait_for_lingering
    if not wait_for_lingering(15.0):
        log.error("a worker thread is still busy; exiting without waiting for it")
        logging.shutdown()
        os._exit(status)
    return status


if __name__ == "__main__":
    sys.exit(main())
