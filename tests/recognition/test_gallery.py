from pathlib import Path

import h5py
import numpy as np
import pytest

from recognition.gallery import Gallery, GalleryError, GalleryModelMismatch

REPO_ROOT = Path(__file__).resolve().parents[2]   # where python -m finds our packages


def unit(rows, dim=8, seed=0):
    x = np.random.default_rng(seed).normal(size=(rows, dim)).astype(np.float32)
    return x / np.linalg.norm(x, axis=1, keepdims=True)


def test_round_trip_keeps_people_embeddings_and_fingerprint(tmp_path):
    path = tmp_path / "中文目录" / "embeddings.h5"
    g = Gallery.open(path, fingerprint="abc", model_name="m")
    g.add("张三", unit(3, seed=1))
    g.add("O'Brien; DROP TABLE people;--", unit(2, seed=2))
    g.save()
    h = Gallery.open(path, fingerprint="abc")
    assert h.ids == ["张三", "O'Brien; DROP TABLE people;--"]
    assert len(h) == 2 and h.size == 5 and h.count("张三") == 3
    np.testing.assert_allclose(h.embeddings_of("张三"), unit(3, seed=1), atol=1e-6)
    assert h.fingerprint == "abc"


def test_match_is_open_set(tmp_path):
    g = Gallery.open(tmp_path / "g.h5")
    people = unit(3, seed=3)
    for i, e in enumerate(people):
        g.add(f"p{i}", e)
    probe = people[1] + 0.05 * unit(1, seed=4)[0]
    probe /= np.linalg.norm(probe)
    stranger = unit(1, seed=5)[0]
    known, unknown = g.match(np.stack([probe, stranger]), threshold=0.3)
    assert known.key == "p1" and known.distance < 0.3
    assert unknown.key is None and unknown.distance > 0.3
    assert unknown.nearest_key in {"p0", "p1", "p2"}


def test_empty_gallery_matches_nobody(tmp_path):
    [m] = Gallery.open(tmp_path / "none.h5").match(unit(1), threshold=1.0)
    assert m.key is None and m.distance == float("inf")


def test_other_models_gallery_is_refused_with_a_re_embed_path(tmp_path):
    path = tmp_path / "g.h5"
    g = Gallery.open(path, fingerprint="model-a")
    g.add("x", unit(1))
    g.save()
    with pytest.raises(GalleryModelMismatch, match="recognition.run.embeddings"):
        Gallery.open(path, fingerprint="model-b")


def test_remove_and_rename(tmp_path):
    g = Gallery.open(tmp_path / "g.h5")
    g.add("a", unit(2, seed=1))
    g.add("b", unit(1, seed=2))
    assert g.remove("a") == 2 and g.ids == ["b"]
    assert g.remove("a") == 0
    g.rename("b", "c")
    assert g.ids == ["c"]
    with pytest.raises(GalleryError):
        g.rename("missing", "d")


def test_bad_embeddings_are_rejected_and_nothing_changes(tmp_path):
    g = Gallery.open(tmp_path / "g.h5")
    g.add("a", unit(1, dim=8))
    with pytest.raises(GalleryError, match="does not match"):
        g.add("b", unit(1, dim=4))
    with pytest.raises(GalleryError, match="NaN"):
        g.add("b", np.full((1, 8), np.nan, np.float32))
    with pytest.raises(GalleryError):
        g.add("", unit(1))
    assert g.ids == ["a"] and g.size == 1


def test_save_is_atomic_when_writing_fails(tmp_path, monkeypatch):
    path = tmp_path / "g.h5"
    g = Gallery.open(path)
    g.add("a", unit(1))
    g.save()
    before = path.read_bytes()
    g.add("b", unit(1, seed=9))

    def disk_full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(h5py.Group, "create_dataset", disk_full)  # the temp file exists by now
    with pytest.raises(OSError, match="No space"):
        g.save()
    assert path.read_bytes() == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".gallery-")]


def test_corrupt_file_gives_a_clear_error(tmp_path):
    path = tmp_path / "g.h5"
    path.write_bytes(b"not hdf5")
    with pytest.raises(GalleryError, match="not a readable gallery"):
        Gallery.open(path)


def test_file_layout_is_documented_hdf5(tmp_path):
    g = Gallery.open(tmp_path / "g.h5", fingerprint="f")
    g.add("a", unit(2))
    g.save()
    with h5py.File(tmp_path / "g.h5") as f:
        assert f["embeddings"].shape == (2, 8)
        assert [s.decode() for s in f["person_ids"][()]] == ["a", "a"]
        assert f.attrs["fingerprint"] == "f"


def test_removing_the_last_person_saves_an_empty_gallery(tmp_path):
    g = Gallery.open(tmp_path / "g.h5", fingerprint="f")
    g.add("only", unit(2))
    g.save()
    g.remove("only")
    g.save()
    h = Gallery.open(tmp_path / "g.h5", fingerprint="f")
    assert len(h) == 0 and h.size == 0
    h.add("next", unit(1))
    assert h.ids == ["next"]


# -- issue 12 item 3: temp files of a save killed with kill -9 --------------------------------------
_SAVER = """
import sys
import numpy as np
from recognition.gallery import Gallery

people, rows = 5000, 10                       # 50,000 x 128 float32: ~26 MB per save
x = np.random.default_rng(0).normal(size=(people * rows, 128)).astype(np.float32)
x /= np.linalg.norm(x, axis=1, keepdims=True)
gallery = Gallery(sys.argv[1], x, [f"p{i // rows}" for i in range(people * rows)], "f", "m")
gallery.save()
print("saved", flush=True)
while True:
    gallery.save()
"""


def _kill_during_save(path, kills=3) -> None:
    """Run a process that saves ``path`` over and over and SIGKILL it while a temp file exists."""
    import signal
    import subprocess
    import sys
    import time

    for _ in range(kills):
        proc = subprocess.Popen([sys.executable, "-c", _SAVER, str(path)], cwd=REPO_ROOT,
                                stdout=subprocess.PIPE, text=True)
        try:
            assert proc.stdout.readline().strip() == "saved"
            before = set(path.parent.glob(".gallery-*"))
            deadline = time.monotonic() + 60
            while not set(path.parent.glob(".gallery-*")) - before and time.monotonic() < deadline:
                time.sleep(0.001)
            proc.send_signal(signal.SIGKILL)
        finally:
            proc.kill()
            proc.wait()
            proc.stdout.close()


def _expected_gallery():
    x = np.random.default_rng(0).normal(size=(50000, 128)).astype(np.float32)
    return x / np.linalg.norm(x, axis=1, keepdims=True)


def test_temp_files_of_a_killed_save_are_removed_on_open_and_on_save(tmp_path):
    path = tmp_path / "照片" / "embeddings.h5"
    path.parent.mkdir()
    _kill_during_save(path)
    leftovers = list(path.parent.glob(".gallery-*"))
    assert leftovers, "no save was caught mid-write"
    gallery = Gallery.open(path, fingerprint="f")
    assert not list(path.parent.glob(".gallery-*"))
    assert len(gallery) == 5000 and gallery.size == 50000
    np.testing.assert_array_equal(gallery.embeddings_of("p7"), _expected_gallery()[70:80])

    _kill_during_save(path)                    # a gallery already open: its next save cleans up
    assert list(path.parent.glob(".gallery-*"))
    gallery.remove("p0")
    gallery.save()
    assert not list(path.parent.glob(".gallery-*"))
    assert Gallery.open(path, fingerprint="f").size == 49990


def test_temp_files_of_live_saves_and_of_other_galleries_are_kept(tmp_path):
    import os
    import subprocess
    import sys
    import time

    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    dead_pid = int(dead.stdout)
    live = tmp_path / f".gallery-g.h5-{os.getpid()}-abc_1234.h5"        # a save of this process
    other = tmp_path / f".gallery-other.h5-{dead_pid}-abc_1234.h5"      # another gallery's
    ours_dead = tmp_path / f".gallery-g.h5-{dead_pid}-xyz_9876.h5"
    legacy_old = tmp_path / ".gallery-k2j4h5g6.h5"                        # before pids were in the name
    legacy_new = tmp_path / ".gallery-a1b2c3d4.h5"
    old_live = tmp_path / f".gallery-g.h5-{os.getpid()}-old_0000.h5"    # pid reused since: too old
    for p in (live, other, ours_dead, legacy_old, legacy_new, old_live):
        p.write_bytes(b"partial")
    hour_ago = time.time() - 3600
    for p in (legacy_old, old_live):
        os.utime(p, (hour_ago, hour_ago))
    Gallery.open(tmp_path / "g.h5", fingerprint="f")
    left = {p.name for p in tmp_path.iterdir()}
    assert left == {live.name, other.name, legacy_new.name}


# -- issue 12 item 4: a structurally wrong gallery file fails at open ---------------------------------
def _write(path, embeddings=None, keys=None, **attrs):
    with h5py.File(path, "w") as f:
        if embeddings is not None:
            f.create_dataset("embeddings", data=embeddings)
        if keys is not None:
            f.create_dataset("person_ids", data=keys,
                             dtype=h5py.string_dtype("utf-8") if isinstance(keys, list) else None)
        for key, value in {"fingerprint": "f", "model_name": "m", "format": 1, **attrs}.items():
            f.attrs[key] = value


def _nan_row():
    x = unit(3)
    x[1, 4] = np.nan
    return x


def _inf_row():
    x = unit(3)
    x[2, 0] = np.inf
    return x


@pytest.mark.parametrize("contents, words", [
    (dict(embeddings=unit(3), keys=["a", "a"]), "2 person ids for 3 embeddings"),
    (dict(embeddings=unit(2), keys=["a", "b", "c"]), "3 person ids for 2 embeddings"),
    (dict(embeddings=unit(1)[0], keys=["a"]), "2-D"),
    (dict(embeddings=unit(4).reshape(2, 2, 8), keys=["a", "b"]), "2-D"),
    (dict(embeddings=np.zeros((2, 0), np.float32), keys=["a", "b"]), "size 0"),
    (dict(embeddings=_nan_row(), keys=["a", "b", "c"]), "NaN or infinite.*row 1"),
    (dict(embeddings=_inf_row(), keys=["a", "b", "c"]), "NaN or infinite.*row 2"),
    (dict(embeddings=2 * unit(3), keys=["a", "b", "c"]), "not L2-normalised"),
    (dict(embeddings=np.ones((3, 8), np.int32), keys=["a", "b", "c"]), "floating-point"),
    (dict(embeddings=np.array([b"x", b"y"]), keys=["a", "b"]), "floating-point"),
    (dict(embeddings=unit(2), keys=np.array([1, 2])), "person_ids must be text"),
    (dict(embeddings=unit(2), keys=["a", ""]), "empty person id at row 1"),
    (dict(embeddings=unit(2), keys=np.array([b"a", b"\xff\xfe"])), "row 1 is not valid UTF-8"),
    (dict(embeddings=unit(2), keys=np.array([[b"a"], [b"b"]])), "person_ids must be 1-D"),
    (dict(keys=["a"]), "no 'embeddings' dataset"),
    (dict(embeddings=unit(1)), "no 'person_ids' dataset"),
    (dict(embeddings=unit(1), keys=["a"], format=99), "format 99"),
], ids=["ids-short", "ids-long", "1-D", "3-D", "size-0", "nan", "inf", "norm", "int", "bytes",
        "numeric-ids", "empty-id", "bad-utf8", "2-D-ids", "no-embeddings", "no-ids", "newer-format"])
def test_a_structurally_wrong_gallery_is_refused_at_open_naming_file_and_problem(tmp_path, contents, words):
    path = tmp_path / "库" / "embeddings.h5"
    path.parent.mkdir()
    _write(path, **contents)
    with pytest.raises(GalleryError, match=words) as err:
        Gallery.open(path, fingerprint="f")
    assert str(path) in str(err.value) and "--rebuild" in str(err.value)
    assert not isinstance(err.value, GalleryModelMismatch)


def test_embeddings_as_a_group_are_refused(tmp_path):
    path = tmp_path / "g.h5"
    with h5py.File(path, "w") as f:
        f.create_group("embeddings")
        f.create_dataset("person_ids", data=["a"], dtype=h5py.string_dtype("utf-8"))
    with pytest.raises(GalleryError, match="'embeddings' is not a dataset"):
        Gallery.open(path)


@pytest.mark.parametrize("embeddings", [unit(3).astype(np.float64), unit(3).astype(np.float16)])
def test_other_float_widths_and_fixed_length_ids_still_open(tmp_path, embeddings):
    path = tmp_path / "g.h5"
    _write(path, embeddings=embeddings, keys=np.array(["张三".encode(), b"b", b"b"]))
    g = Gallery.open(path, fingerprint="f")
    assert g.ids == ["张三", "b"] and g.size == 3
    assert g.match(embeddings[:1].astype(np.float32), 0.5)[0].key == "张三"


def test_readers_never_see_half_a_change_while_a_writer_changes_the_gallery(tmp_path):
    """The recognition thread reads while the database thread replaces people and saves: every read
    is one version's rows whole (as many ids, flags and sample ids as embeddings), versions only grow.
    The writer goes on only once a reader has read its last change, so the reads interleave with the
    writes however busy the machine is (they used to be left to the scheduler: 9 versions seen, not > 10)."""
    import threading

    gallery = Gallery.open(tmp_path / "g.h5")
    gallery.reset([f"P{i}" for i in range(50) for _ in range(2)], unit(100, seed=100))
    stop, seen, errors = threading.Event(), [], []
    read_one = threading.Condition()

    def read():
        last = -1
        while not stop.is_set():
            rows = gallery.samples()
            lengths = {len(rows.embeddings), len(rows.keys), len(rows.learned), len(rows.sample_ids)}
            if len(lengths) != 1 or rows.version < last:
                errors.append((lengths, rows.version, last))
            last = rows.version
            with read_one:
                seen.append(last)
                read_one.notify_all()

    def wait_for_a_read_of(version):
        with read_one:
            assert read_one.wait_for(lambda: seen and max(seen) >= version, timeout=30), "no reader ran"

    readers = [threading.Thread(target=read) for _ in range(2)]
    for reader in readers:
        reader.start()
    try:
        for step in range(200):
            gallery.replace_people({f"P{step % 50}": unit(1 + step % 3, seed=step), f"Q{step}": None})
            gallery.add("extra", unit(1, seed=1000 + step), learned=True)
            if step % 50 == 0:
                gallery.save()
            wait_for_a_read_of(gallery.samples().version)
    finally:
        stop.set()
        for reader in readers:
            reader.join()
    assert not errors and len(set(seen)) > 10
    assert Gallery.open(tmp_path / "g.h5").size > 0
