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


def _pictures_with_links(tmp_path, lfw_image):
    """A pictures folder with every kind of link an operator's folder may hold (issue 12 item 2)."""
    import os
    import shutil

    pictures = tmp_path / "照片"
    (pictures / "Colin_Powell").mkdir(parents=True)
    for i in (1, 2):
        shutil.copy(lfw_image("Colin_Powell", i), pictures / "Colin_Powell" / f"{i}.jpg")
    shutil.copy(lfw_image("Tony_Blair"), pictures / "Tony.jpg")
    outside = tmp_path / "outside"
    outside.mkdir()
    shutil.copy(lfw_image("George_W_Bush"), outside / "George_W_Bush_0001.jpg")
    (pictures / "dirloop").symlink_to(".", target_is_directory=True)                # back to the root
    (pictures / "Powell_again").symlink_to("Colin_Powell", target_is_directory=True)
    (pictures / "outside_dir").symlink_to(outside, target_is_directory=True)        # out of the tree
    (pictures / "Colin_Powell" / "up").symlink_to("..", target_is_directory=True)
    (pictures / "George.jpg").symlink_to(outside / "George_W_Bush_0001.jpg")        # file out of the tree
    os.link(pictures / "Colin_Powell" / "1.jpg", pictures / "Colin_Powell" / "hard.jpg")
    (pictures / "Blair_link.jpg").symlink_to("Tony.jpg")                            # same file, by link
    (pictures / "Colin_Powell" / "0_tony.jpg").symlink_to("../Tony.jpg")           # sorts before 1.jpg
    (pictures / "broken.jpg").symlink_to("nowhere.jpg")
    return pictures


def test_links_in_a_pictures_folder_are_never_followed_out_or_back_and_a_file_counts_once(tmp_path, lfw_image):
    from recognition.photos import pictures_by_person, scan_pictures

    pictures = _pictures_with_links(tmp_path, lfw_image)
    people = pictures_by_person(pictures)
    assert people == {"Colin_Powell": [pictures / "Colin_Powell" / "1.jpg", pictures / "Colin_Powell" / "2.jpg"],
                      "Tony": [pictures / "Tony.jpg"]}
    skipped = {path.relative_to(pictures).as_posix(): reason for path, reason in scan_pictures(pictures).skipped}
    assert set(skipped) == {"dirloop", "Powell_again", "outside_dir", "Colin_Powell/up", "George.jpg",
                            "Colin_Powell/hard.jpg", "Blair_link.jpg", "Colin_Powell/0_tony.jpg",
                            "broken.jpg"}
    assert "link to a folder" in skipped["dirloop"] and "link to a folder" in skipped["outside_dir"]
    assert "outside the pictures folder" in skipped["George.jpg"]
    assert "same file as" in skipped["Colin_Powell/hard.jpg"] and "1.jpg" in skipped["Colin_Powell/hard.jpg"]
    assert "Tony.jpg" in skipped["Colin_Powell/0_tony.jpg"] and "Tony.jpg" in skipped["Blair_link.jpg"]
    assert "broken link" in skipped["broken.jpg"]


def test_a_gallery_built_from_a_folder_with_links_has_only_its_people(recognizer, tmp_path, lfw_image):
    from recognition.gallery import Gallery
    from recognition.run.embeddings import build_gallery

    pictures = _pictures_with_links(tmp_path, lfw_image)
    report = build_gallery(recognizer, pictures, tmp_path / "g.h5", progress=False)
    gallery = Gallery.open(tmp_path / "g.h5")
    assert sorted(gallery.ids) == ["Colin_Powell", "Tony"]
    assert gallery.count("Colin_Powell") == 2 and gallery.count("Tony") == 1
    assert report["embeddings"] == 3
    problems = " ".join(p["error"] for p in report["problems"])
    assert "dirloop" in problems and "George.jpg" in problems and "outside the pictures folder" in problems
