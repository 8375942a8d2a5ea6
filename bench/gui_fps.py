"""GUI figures: displayed fps, recognition fps and GUI-thread stalls on a 640x480 one-face video.

Runs the real main window (offscreen unless $DISPLAY is set, e.g. under Xvfb) with the real
recognizer and an SQLite database in a temp folder. The video is made from LFW photos of one
person (each photo held ``--hold`` s, centred on a 640x480 frame); the person is enrolled
beforehand from other photos, so every recognized frame also goes through the check-in path.
After a warm-up (first recognition traces the networks) it measures over ``--seconds``:

* displayed fps: new frames painted by the video widget per second;
* recognition fps: recognition results per second (the worker drops frames it cannot take);
* longest gap between two frame paints, and the longest gap of a 5 ms heartbeat timer on the
  GUI thread (how long the event loop was ever blocked). The GUI must never stall > 100 ms.

    python bench/gui_fps.py [--seconds 20] [--fps 25] [--person George_W_Bush]
                            [--model-dir DIR] [--json bench/results/gui_fps.json]
                            [--screenshot gui/screenshot.png]
"""
from __future__ import annotations

import argparse
import functools
import gc
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.report import write_json  # noqa: E402
DEFAULT_LFW = REPO.parent / "shared" / "data" / "lfw" / "images"
FRAME = (640, 480)


def compose(image, scale: float = 1.6):
    import cv2
    import numpy as np

    image = cv2.resize(image, None, fx=scale, fy=scale, interpolation=cv2.INTER_LINEAR)
    canvas = np.full((FRAME[1], FRAME[0], 3), 90, np.uint8)
    h, w = min(image.shape[0], FRAME[1]), min(image.shape[1], FRAME[0])
    top, left = (FRAME[1] - h) // 2, (FRAME[0] - w) // 2
    canvas[top:top + h, left:left + w] = image[:h, :w]
    return canvas


def make_video(path: Path, photos, fps: int, seconds: float, hold: float) -> int:
    """A 640x480 MJPG video cycling through ``photos`` (one face each); returns its frame count."""
    import cv2

    from recognition.imageio import read_image

    frames = [compose(read_image(p)) for p in photos]
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"MJPG"), fps, FRAME)
    if not writer.isOpened():
        raise RuntimeError(f"cannot write {path}")
    total = int(round(seconds * fps))
    per_photo = max(1, int(round(hold * fps)))
    for i in range(total):
        writer.write(frames[(i // per_photo) % len(frames)])
    writer.release()
    return total


def max_gap(times) -> float:
    return max((b - a for a, b in zip(times, times[1:])), default=float("nan"))


def percentile_gap(times, q: float) -> float:
    import numpy as np

    gaps = np.diff(np.asarray(times))
    return float(np.percentile(gaps, q)) if len(gaps) else float("nan")


def run(args) -> dict:
    if not os.environ.get("DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    # the same TensorFlow thread budget as main.py: one core left to the display
    os.environ.setdefault("TF_NUM_INTRAOP_THREADS", str(max(1, (os.cpu_count() or 2) - 1)))
    os.environ.setdefault("TF_NUM_INTEROP_THREADS", "1")
    from PyQt5.QtCore import QTimer
    from PyQt5.QtWidgets import QApplication

    from backend import open_backend, people_service
    from backend.face_store import FaceModel, samples_from_photos
    from backend.face_sync import cache_path
    from desk.settings import AppConfig
    from gui.main_window import MainWindow
    from recognition import FaceRecognizer
    from recognition.gallery import Gallery
    from recognition.photos import embed_photos

    photos = sorted((Path(args.lfw) / args.person).glob("*.jpg"))
    if len(photos) < args.enroll + 4:
        raise SystemExit(f"{args.person}: need at least {args.enroll + 4} photos in {args.lfw}")
    app = QApplication.instance() or QApplication([])
    recognizer = FaceRecognizer.load(args.model_dir)
    with tempfile.TemporaryDirectory(prefix="gui-fps-") as tmp:
        tmp = Path(tmp)
        video = tmp / "one-face.avi"
        frames = make_video(video, photos[args.enroll:args.enroll + 20], args.fps,
                            args.seconds + args.warmup + 5, args.hold)
        url = f"sqlite:///{tmp / 'attendance.db'}"
        opener = functools.partial(open_backend, outbox_path=tmp / "outbox.db")
        gallery = Gallery.open(cache_path(tmp / "pictures", recognizer.spec.fingerprint), recognizer.spec.fingerprint,
                               recognizer.spec.name)
        with opener(url) as backend:
            found = [r for r in embed_photos(recognizer, photos[:args.enroll]) if r.embedding is not None]
            samples = samples_from_photos(found)
            people_service.enroll_person(backend, None, samples, model=FaceModel(recognizer.spec.fingerprint),
                                         person_number="E0001", name=args.person.replace("_", " "),
                                         department="Front office")
        # liveness off: the test video's frames are flat photos
        config = AppConfig(camera_source=str(video), db_url=url, desk="Front desk", liveness="off")
        config.data_root, config.path = tmp, tmp / "config.toml"
        window = MainWindow(config, recognizer, gallery, open_backend=opener)
        window.resize(1180, 720)
        window.show()
        gc.collect()
        gc.freeze()           # as main.py does: the model's objects never need scanning again

        results, beats = [], []
        window.live.resultReceived.connect(lambda r: results.append(time.perf_counter()))
        heartbeat = QTimer(interval=5, timeout=lambda: beats.append(time.perf_counter()))
        heartbeat.start()

        def wait(predicate, timeout):
            end = time.perf_counter() + timeout
            while not predicate():
                if time.perf_counter() > end:
                    raise TimeoutError("the window did not get there in time")
                app.processEvents()
                time.sleep(0.002)

        window.camera.start()
        wait(lambda: bool(results), 120)                       # networks traced
        if args.no_recognition:
            window.recognitionCheck.setChecked(False)
        warm_end = time.perf_counter() + args.warmup
        wait(lambda: time.perf_counter() >= warm_end, args.warmup + 5)
        start, gui_cpu0 = time.perf_counter(), time.thread_time()
        painted0, read0 = window.videoView.frames_painted, window.camera.session.camera.frames_read
        submitted0, processed0 = window.camera.session.recognition.submitted, window.camera.session.recognition.processed
        end = start + args.seconds
        wait(lambda: time.perf_counter() >= end or window.camera.session is None, args.seconds + 5)
        stop, gui_cpu = time.perf_counter(), time.thread_time() - gui_cpu0
        elapsed = stop - start
        session = window.camera.session
        paints = [t for t in window.videoView.paint_times if start <= t <= stop]
        beat = [t for t in beats if start <= t <= stop]
        recog = [t for t in results if start <= t <= stop]
        figures = {
            "video": f"{FRAME[0]}x{FRAME[1]} MJPG, {args.fps} fps, one face ({args.person})",
            "seconds": round(elapsed, 2),
            "source_fps": round((session.camera.frames_read - read0) / elapsed, 2),
            "displayed_fps": round((window.videoView.frames_painted - painted0) / elapsed, 2),
            "recognition_fps": round(len(recog) / elapsed, 2),
            "recognition_ms_mean": (round(1000 * elapsed / (session.recognition.processed - processed0), 1)
                                    if session.recognition.processed > processed0 else None),
            "frames_dropped_by_recognition": (session.recognition.submitted - submitted0)
                                             - (session.recognition.processed - processed0),
            "max_paint_gap_ms": round(1000 * max_gap(paints), 1),
            "p99_paint_gap_ms": round(1000 * percentile_gap(paints, 99), 1),
            "max_gui_stall_ms": round(1000 * max_gap(beat), 1),
            "gui_thread_cpu_percent": round(100 * gui_cpu / elapsed, 1),
            "check_ins": len(window.live.today_rows),
            "recognition": not args.no_recognition,
            "platform": os.environ.get("QT_QPA_PLATFORM", "xcb (DISPLAY=%s)" % os.environ.get("DISPLAY")),
            "machine": f"{platform.machine()}, {os.cpu_count()} CPUs",
        }
        if args.screenshot and not args.no_recognition:
            wait(lambda: window.live.last_result is not None and len(window.live.last_result.faces) == 1
                 and window.live.last_result.faces[0].key == "E0001" and window.cardNumber.text(), 30)
            save_screenshot(window, Path(args.screenshot))
            figures["screenshot"] = str(args.screenshot)
        window.close()
        heartbeat.stop()
        del frames
    return figures


def save_screenshot(window, path: Path, max_bytes: int = 500_000) -> None:
    """PNG of the window; reduced to 256 colours if the plain PNG is over ``max_bytes``."""
    import cv2
    import numpy as np

    image = window.grab().toImage().convertToFormat(4)      # QImage.Format_RGB32
    w, h = image.width(), image.height()
    data = np.frombuffer(image.constBits().asstring(image.byteCount()), np.uint8).reshape(h, image.bytesPerLine())
    bgr = np.ascontiguousarray(data[:, :w * 4].reshape(h, w, 4)[..., :3])
    path.parent.mkdir(parents=True, exist_ok=True)
    ok, png = cv2.imencode(".png", bgr, [cv2.IMWRITE_PNG_COMPRESSION, 9])
    if not ok:
        raise RuntimeError("cannot encode the screenshot")
    if len(png) > max_bytes:
        from PIL import Image   # Pillow comes with matplotlib (a project requirement)

        rgb = Image.fromarray(bgr[..., ::-1]).quantize(colors=256, method=Image.Quantize.MEDIANCUT)
        rgb.save(path, optimize=True)
    else:
        path.write_bytes(png.tobytes())


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=20.0, help="measured time (default %(default)s)")
    parser.add_argument("--warmup", type=float, default=3.0, help="seconds after the first result not measured")
    parser.add_argument("--fps", type=int, default=25, help="frame rate of the test video (default %(default)s)")
    parser.add_argument("--hold", type=float, default=1.0, help="seconds each photo stays on screen")
    parser.add_argument("--person", default="George_W_Bush", help="LFW person shown (needs >= 8 photos)")
    parser.add_argument("--enroll", type=int, default=4, help="photos used to enroll the person")
    parser.add_argument("--lfw", default=str(DEFAULT_LFW), help="LFW images folder")
    parser.add_argument("--model-dir", help="model directory (default: the dlib port in data/model_origin)")
    parser.add_argument("--no-recognition", action="store_true",
                        help="turn recognition off after the warm-up (display-only baseline)")
    parser.add_argument("--screenshot", help="save a PNG of the window with the recognized face")
    parser.add_argument("--json", help="write the figures to this JSON file")
    args = parser.parse_args(argv)
    figures = run(args)
    print("liveness off: the test video's frames are flat photos")
    for key, value in figures.items():
        print(f"{key:32s} {value}")
    if figures["max_gui_stall_ms"] > 100:
        print("WARNING: the GUI thread stalled for more than 100 ms")
    write_json(args.json, figures)
    return 0


if __name__ == "__main__":
    sys.exit(main())
