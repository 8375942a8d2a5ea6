#!/usr/bin/env python3
"""Face attendance desk: camera -> recognition -> check-ins, with enrollment and history.

    python main.py                          # camera 0; data (config.toml, database, face cache, logs)
                                            # in the data/ folder beside main.py
    python main.py --source video.mp4 --loop   # a video file, replayed (or rtsp://... / a camera index)
    python main.py --data-dir /srv/desk     # another data folder (or FACE_DATA_DIR=/srv/desk)
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

from desk import data_root, wiring

__version__ = "0.1.0"     # the project's version (pyproject.toml reads it from here)

log = logging.getLogger("main")


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"face-attendance {__version__}")
    parser.add_argument("--source", help="camera index, video file or RTSP/HTTP URL (default: the config's)")
    parser.add_argument("--loop", action="store_true", help="replay a video file from the start when it ends")
    parser.add_argument("--data-dir", help=f"data folder: config.toml, database, face cache, photos, outbox, logs "
                                           f"(default: ${data_root.ENV_VAR}, else {data_root.DEFAULT})")
    parser.add_argument("--config", help="settings file (default: DATA_DIR/config.toml); relative paths in it "
                                         "are relative to the data folder")
    parser.add_argument("--db-url", help="database URL for this run only, e.g. mysql://user@host:3306/db "
                                         "(password from FACE_DB_PASSWORD); sqlite:///FILE is relative to the "
                                         "data folder")
    parser.add_argument("--model-dir", help="embedding model directory, or \"mobilefacenet\" (the network that "
                                            "comes with the code; default: the config's, else the dlib port "
                                            "converted on first use)")
    parser.add_argument("--log-dir", help="folder of the log files (default: DATA_DIR/logs)")
    return parser.parse_args(argv)


def keep_qt_off_opengl(environ=os.environ) -> None:
    """Keep Qt's X11 (xcb) platform from loading its OpenGL integration; a user's own setting wins.

    The window paints with QPainter on the raster engine and uses no OpenGL. On X11, Qt loads
    its GLX/EGL integration with the first window (here the splash screen), and with it Mesa,
    whose llvmpipe/iris drivers link LLVM; TensorFlow, imported afterwards, brings its own LLVM,
    and the two crashed the process before the window appeared (segfault, exit 139, 4 runs of 4
    under Xvfb). Importing TensorFlow before Qt avoids that crash but the process then aborts at
    exit ("free(): invalid pointer", exit 134): both LLVMs stay loaded. With the integration off
    Mesa is never loaded: start and exit are clean (exit 0; tests/gui/test_main_x11.py).
    """
    environ.setdefault("QT_XCB_GL_INTEGRATION", "none")


def display_problem(environ=os.environ) -> str | None:
    """Why Qt's X11 (xcb) platform could not open a window, or None. Without this check Qt aborts the process
    (exit 134) with "This application failed to start ... Reinstalling the application may fix this problem".
    Only X11 is checked (Qt 5's default on Linux); other platforms (offscreen, wayland, Windows) are Qt's."""
    platform = environ.get("QT_QPA_PLATFORM", "")
    if not sys.platform.startswith("linux") or platform.split(":")[0] not in ("", "xcb"):
        return None
    display = environ.get("DISPLAY", "")
    if not display:
        return ("no display: DISPLAY is not set. Start the desk on its desktop (or set DISPLAY), or use "
                "QT_QPA_PLATFORM=offscreen for a run without a screen.")
    import ctypes
    import ctypes.util

    name = ctypes.util.find_library("xcb")
    if name is None:
        return None                      # no libxcb to ask: Qt will say what it finds
    xcb = ctypes.CDLL(name)
    xcb.xcb_connect.restype = ctypes.c_void_p
    xcb.xcb_connect.argtypes = [ctypes.c_char_p, ctypes.c_void_p]
    xcb.xcb_connection_has_error.argtypes = [ctypes.c_void_p]
    xcb.xcb_disconnect.argtypes = [ctypes.c_void_p]
    connection = xcb.xcb_connect(display.encode(), None)
    try:
        if xcb.xcb_connection_has_error(connection):
            return (f"cannot open the display {display}: no X server answers there. Start the desk on its "
                    f"desktop, or use QT_QPA_PLATFORM=offscreen for a run without a screen.")
    finally:
        xcb.xcb_disconnect(connection)
    return None


def setup_logging(log_dir) -> None:
    """Log to the console and to LOG_DIR/attendance.log; raises OSError if LOG_DIR cannot be made."""
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


def close_on_signals(window) -> None:
    """Ctrl+C and SIGTERM (a desktop session ending) close the window like its close button.

    The close is queued to the event loop: Python runs a signal handler between any two bytecodes
    of the main thread, and a close run there in the middle of a paint event cleared the frame
    being painted (a TypeError in VideoWidget.paintEvent at exit, seen under X11).
    """
    from PyQt5.QtCore import QTimer

    # window.close() is not a spontaneous close: the window closes without asking (see MainWindow.closeEvent)
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: QTimer.singleShot(0, window.close))


def load_config(args, root):
    """The settings file of the data folder ``root`` (or ``--config``) with this run's options applied
    (never written back to the file)."""
    return wiring.load_settings(root, args.config, args.db_url, platform_locale=platform_locale)


def platform_locale() -> str:
    """The platform's locale through Qt (Windows and macOS keep it outside the environment): the language
    of a desk's first start when the environment names none."""
    from PyQt5.QtCore import QLocale

    return QLocale.system().name()


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    from desk.face_commands import COMMANDS

    if argv[:1] and argv[0] in COMMANDS:
        return wiring.face_command(argv)
    args = parse_args(argv)
    root = data_root.choose(args.data_dir)
    # leave a core to the display: TensorFlow's kernels use the others (read when TF starts)
    os.environ.setdefault("TF_NUM_INTRAOP_THREADS", str(max(1, (os.cpu_count() or 2) - 1)))
    os.environ.setdefault("TF_NUM_INTEROP_THREADS", "1")
    keep_qt_off_opengl()
    problem = display_problem()
    if problem:
        print(f"face-attendance: {problem}", file=sys.stderr)
        return 2
    log_dir = Path(args.log_dir).absolute() if args.log_dir else root / data_root.LOGS_DIR
    try:
        setup_logging(log_dir)
    except OSError as exc:
        print(f"cannot write the log folder {log_dir}: {exc}. Choose a writable data folder with "
              f"--data-dir or {data_root.ENV_VAR}.", file=sys.stderr)
        return 2
    log.info("face-attendance %s, data folder %s", __version__, root)
    from PyQt5 import sip
    from PyQt5.QtCore import QTimer
    from PyQt5.QtWidgets import QApplication, QMessageBox

    from gui import i18n
    from gui.splash import StartScreen

    sip.setdestroyonexit(False)          # a thread stuck in a driver call must not crash the exit
    app = QApplication(sys.argv[:1])
    app.setApplicationName("Face Attendance")
    splash = None
    try:
        config = load_config(args, root)
        i18n.install(config.language)
        splash = StartScreen()
        splash.say(app.translate("main", "Starting…"))
        exposed = splash.show_now()
        log.info("start screen shown (%s)", "on screen" if exposed else "not exposed by the window system")
        splash.say(app.translate("main", "Loading the face model… (this takes up to half a minute)"))
        from desk.models import load_face_model_tools
        from gui.main_window import MainWindow

        log.info("loading the face model")
        recognizer = wiring.load_recognizer(config, args.model_dir)
        splash.say(app.translate("main", "Preparing face recognition…"))
        wiring.warm_up(recognizer)
        splash.say(app.translate("main", "Opening the database and the faces of the people enrolled…"))
        gallery = wiring.open_face_cache(config, recognizer.spec)
        window = MainWindow(config, recognizer, gallery, source=args.source, loop=args.loop,
                            model_tools=load_face_model_tools)
    except Exception as exc:
        log.exception("cannot start")
        if splash is not None:
            splash.close()           # it stays on top: the message would be hidden behind it
        QMessageBox.critical(None, app.translate("main", "Face Attendance"), str(exc))
        return 2
    # The model leaves ~10^6 long-lived Python objects; full collections of them stalled the GUI
    # for up to 0.5 s. Freezing them keeps later collections short.
    gc.collect()
    gc.freeze()
    window.show()
    splash.finish(window)
    window.camera.start()
    close_on_signals(window)
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
