"""Enrollment photos: any size, one detector trace, the chip cut from the full-resolution photo."""
import cv2
import numpy as np
import pytest

from recognition.imageio import read_image, write_image
from recognition.photos import PHOTO_CANVAS, NoFaceError, embed_photo, embed_photos


def test_photos_of_any_size_match_the_live_pipeline_and_share_one_trace(recognizer, shared_data, tmp_path):
    portrait = read_image(shared_data / "samples" / "paul_rudd.jpg")
    live = recognizer.embed(portrait)[0].embedding
    paths = []
    for scale in (2.3, 1.0, 0.6):                  # 1884-px, 1024-px and 491-px-high photos
        image = cv2.resize(portrait, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
        paths.append(tmp_path / f"照片_{scale}.png")
        write_image(paths[-1], image)
    traced_before = set(recognizer.detector._pyramids)
    embeddings = [embed_photo(recognizer, path) for path in paths]
    assert set(recognizer.detector._pyramids) - traced_before <= {(PHOTO_CANVAS, PHOTO_CANVAS)}
    for embedding in embeddings:
        assert np.linalg.norm(embedding - live) < 0.1       # the threshold is ~0.42


def test_faceless_and_broken_photos_are_reported(recognizer, tmp_path):
    blank = tmp_path / "blank.png"
    write_image(blank, np.full((300, 400, 3), 200, np.uint8))
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(b"not a jpeg")
    with pytest.raises(NoFaceError):
        embed_photo(recognizer, blank)
    results = embed_photos(recognizer, [blank, broken])
    assert [r.embedding for r in results] == [None, None] and all(r.error for r in results)
