"""Helpers of the tests that run main.py as a user does: a separate process, a data folder, a log."""
from __future__ import annotations

import re
import signal
import subprocess
import sys
import time
from pathlib import Path


REPO = Path(__file__).resolve().parents[2]
#: written by gui/check_ins.py for every check-in of a recognized person
CHECK_IN = "check-in {name} ({number}) by face: recorded"


def enroll_from_photos(data_dir: Path, recognizer, photos, number: str, name: str) -> None:
    """Enroll one person into the data folder's default SQLite database (the desk's face store)."""
    from backend import open_backend, people_service
    from backend.face_store import FaceModel, samples_from_photos
    from recognition.photos import embed_photos

    samples = samples_from_photos(embed_photos(recognizer, photos))
    with open_backend(f"sqlite:///{(data_dir / 'attendance.db').as_posix()}",
                      outbox_path=data_dir / "outbox.db") as db:
        people_service.enroll_person(db, None, samples, model=FaceModel(recognizer.spec.fingerprint),
                                     person_number=number, name=name)


def start_main(args, cwd: Path, env: dict) -> subprocess.Popen:
    env = {k: v for k, v in env.items() if k != "FACE_DB_URL"}      # the data folder's database
    env.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    return subprocess.Popen([sys.executable, str(REPO / "main.py"), *map(str, args)], cwd=cwd, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)


def wait_for_log(proc: subprocess.Popen, log_path: Path, done, timeout: float) -> str:
    """Wait until ``done(log text)`` holds; fails with the process's output if it exits first."""
    deadline = time.monotonic() + timeout
    text = ""
    while time.monotonic() < deadline:
        text = log_path.read_text(encoding="utf-8") if log_path.exists() else ""
        if done(text):
            return text
        if proc.poll() is not None:
            raise AssertionError(f"main.py exited with {proc.returncode} before the log showed it:\n"
                                 + proc.stdout.read().decode(errors="replace")[-4000:])
        time.sleep(0.5)
    raise AssertionError(f"not in the log after {timeout:.0f} s:\n{text[-4000:]}")


def wait_for_check_in(proc, log_path: Path, name: str, number: str, timeout: float = 180) -> str:
    """The first check-in of a recognized person (the line gui/check_ins.py logs)."""
    line = CHECK_IN.format(name=name, number=number)
    return wait_for_log(proc, log_path, lambda text: line in text, timeout)


def close_like_a_user(proc: subprocess.Popen, signum=signal.SIGINT, timeout: float = 30) -> str:
    """Send ``signum`` (Ctrl+C, or SIGTERM as a desktop session ending) and collect the output."""
    proc.send_signal(signum)
    try:
        return proc.communicate(timeout=timeout)[0].decode(errors="replace")
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def count(pattern: str, text: str) -> int:
    return len(re.findall(pattern, text))
