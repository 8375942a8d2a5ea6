import shutil

import numpy as np
import pytest

from recognition.imageio import ImageReadError, as_bgr, read_image, write_image


def test_reads_files_with_chinese_names(tmp_path, lfw_image):
    target = tmp_path / "员工照片" / "张三.jpg"
    target.parent.mkdir()
    shutil.copy(lfw_image("Colin_Powell"), target)
    image = read_image(target)
    assert image.shape == (250, 250, 3) and image.dtype == np.uint8


@pytest.mark.parametrize("content, message", [(b"", "empty"), (b"hello, not an image", "decode"),
                                              (b"\xff\xd8\xff\xe0" + b"\0" * 100, "decode")])
def test_unreadable_files_give_a_clear_error(tmp_path, content, message):
    path = tmp_path / "bad.jpg"
    path.write_bytes(content)
    with pytest.raises(ImageReadError, match=message):
        read_image(path)


def test_missing_file(tmp_path):
    with pytest.raises(ImageReadError, match="no such file"):
        read_image(tmp_path / "nope.png")


def test_write_then_read_non_ascii(tmp_path):
    image = np.random.default_rng(0).integers(0, 255, (20, 30, 3), dtype=np.uint8)
    write_image(tmp_path / "李四.png", image)
    np.testing.assert_array_equal(read_image(tmp_path / "李四.png"), image)


def test_as_bgr_converts_gray_and_bgra():
    assert as_bgr(np.zeros((4, 5), np.uint8)).shape == (4, 5, 3)
    assert as_bgr(np.zeros((4, 5, 1), np.uint8)).shape == (4, 5, 3)
    assert as_bgr(np.zeros((4, 5, 4), np.uint8)).shape == (4, 5, 3)
