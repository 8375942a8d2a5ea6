"""Fixtures of the GUI tests: a test video from LFW, both real backends, a real main window.

Qt runs offscreen (QT_QPA_PLATFORM=offscreen, set in tests/conftest.py); the recognizer is
the session-wide real one from tests/conftest.py.
"""
from __future__ import annotations

import dataclasses
import functools
import os
import uuid
from pathlib import Path

import cv2
import numpy as np
import pytest
from tcp_proxy import TCPProxy

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

PERSON_A = "Colin_Powell"
PERSON_B = "Serena_Williams"
FPS = 15
SIZE = (640, 480)
MYSQL = dict(host="127.0.0.1", port=3306, user="root", password="")


@dataclasses.dataclass(frozen=True)
class TestVideo:
    path: Path
    fps: int
    a_frames: int          # frames [0, a_frames) show person A, the rest person B
    frames: int


def compose(image: np.ndarray, size=SIZE, scale: float = 1.6) -> np.ndarray:
    """An LFW image enlarged and centred on a grey 640x480 frame (a face at desk distance)."""
    w, h = size
    image = cv2.resize(image, None, fx=scale, fy=scale, interpolation=cv2.INTER_LINEAR)
    ih, iw = image.shape[:2]
    canvas = np.full((h, w, 3), 90, np.uint8)
    top, left = max(0, (h - ih) // 2), max(0, (w - iw) // 2)
    crop = image[:h, :w]
    canvas[top:top + crop.shape[0], left:left + crop.shape[1]] = crop
    return canvas


def write_video(path: Path, segments, fps: int = FPS) -> int:
    """segments: [(list of BGR images, seconds per image)]; MJPG .avi; returns the frame count.

    Each frame of an image is a little different (sensor noise, a pixel or two of hand-held
    jitter), as a camera's are: identical frames would be one frame of evidence to the stream."""
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"MJPG"), fps, SIZE)
    if not writer.isOpened():
        raise RuntimeError(f"cannot write {path}")
    rng = np.random.default_rng(0)
    frames = 0
    for images, seconds in segments:
        for image in images:
            still = compose(image)
            for _ in range(max(1, round(seconds * fps))):
                shifted = np.roll(still, tuple(rng.integers(-2, 3, 2)), axis=(0, 1))
                writer.write(np.clip(shifted + rng.normal(0, 2.0, shifted.shape), 0, 255).astype(np.uint8))
                frames += 1
    writer.release()
    return frames


def lfw_images(shared_data: Path, name: str, indices) -> list[np.ndarray]:
    from recognition.imageio import read_image

    return [read_image(shared_data / "lfw" / "images" / name / f"{name}_{i:04d}.jpg") for i in indices]


@pytest.fixture(scope="session")
def test_video(shared_data, tmp_path_factory) -> TestVideo:
    """Person A (Colin Powell, 12 photos, ~12 s) then person B (Serena Williams, ~5 s)."""
    a = lfw_images(shared_data, PERSON_A, range(1, 13))
    b = lfw_images(shared_data, PERSON_B, range(1, 6))
    path = tmp_path_factory.mktemp("video") / "desk.avi"
    a_frames = len(a) * round(1.0 * FPS)
    frames = write_video(path, [(a, 1.0), (b, 1.0)])
    return TestVideo(path, FPS, a_frames, frames)


# -- backends ------------------------------------------------------------------------
@pytest.fixture(scope="session")
def mysql_server():
    import pymysql

    try:
        pymysql.connect(connect_timeout=5, **MYSQL).close()
    except pymysql.MySQLError as exc:
        pytest.fail(f"MariaDB is required at 127.0.0.1:3306 (root, empty password): {exc}")
    return MYSQL


@pytest.fixture
def mysql_database(mysql_server):
    """A throw-away database name on the real server, dropped afterwards."""
    import pymysql

    name = f"gui_test_{uuid.uuid4().hex[:10]}"
    conn = pymysql.connect(**mysql_server)
    try:
        with conn.cursor() as cur:
            cur.execute(f"CREATE DATABASE `{name}` CHARACTER SET utf8mb4")
        yield name
    finally:
        with conn.cursor() as cur:
            cur.execute(f"DROP DATABASE IF EXISTS `{name}`")
        conn.close()


@pytest.fixture(params=["sqlite", "mysql"])
def db_url(request, tmp_path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'attendance.db'}"
    name = request.getfixturevalue("mysql_database")
    return f"mysql://root@127.0.0.1:3306/{name}"


@pytest.fixture
def sqlite_url(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'attendance.db'}"


@pytest.fixture
def open_test_backend(tmp_path):
    """open_backend with the outbox in tmp_path (the window and the test's own checks use it)."""
    from backend import open_backend

    return functools.partial(open_backend, outbox_path=tmp_path / "outbox.db")


@pytest.fixture
def checker(open_test_backend):
    """An independent Backend on the same database, for the test's own assertions."""
    opened = []

    def open_(url):
        backend = open_test_backend(url)
        opened.append(backend)
        return backend

    yield open_
    for backend in opened:
        backend.close()


# -- the window ----------------------------------------------------------------------
@pytest.fixture
def make_window(qtbot, recognizer, tmp_path, open_test_backend):
    """Build the real main window on a database URL and a camera source."""
    from desk.settings import AppConfig
    from gui.main_window import MainWindow
    from recognition.gallery import Gallery

    windows = []

    def make(db_url: str, source, cooldown: int = 60, model_tools=None, **fields):
        from backend.face_sync import cache_path

        fields.setdefault("desk", "Test desk")
        # the test videos are flat photos moved about: a desk proving faces live would (rightly) refuse them
        fields.setdefault("liveness", "off")
        config = AppConfig(camera_source=str(source), db_url=db_url, cooldown=cooldown, **fields)
        config.data_root = fields.get("data_root", tmp_path)
        config.path = tmp_path / "config.toml"
        gallery = Gallery.open(cache_path(config.pictures_dir, recognizer.spec.fingerprint), recognizer.spec.fingerprint,
                               recognizer.spec.name)
        window = MainWindow(config, recognizer, gallery, open_backend=open_test_backend, model_tools=model_tools)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitUntil(lambda: window.client.last_status is not None, timeout=20000)
        windows.append(window)
        return window

    yield make
    for window in windows:
        if window.isVisible():
            window.close()


# -- a database that can be taken down: a TCP relay in front of the real MariaDB ----------
@pytest.fixture
def tcp_relay(mysql_server):
    relay = TCPProxy(MYSQL["host"], MYSQL["port"])
    yield relay
    relay.close()


@pytest.fixture(autouse=True)
def file_dialogs_start_afresh():
    """gui.folders remembers the folders chosen for the rest of the run (the desk's process): each test starts
    as a new run of the desk does."""
    from gui import folders

    folders._last.clear()
