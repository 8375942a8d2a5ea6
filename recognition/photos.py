"""Embedding people's photos from files (enrollment from a folder or a file dialog)."""
from __future__ import annotations

import dataclasses
import stat
from pathlib import Path

import cv2
import numpy as np

from recognition.imageio import ImageReadError, as_bgr, read_image

IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".bmp", ".webp", ".tif", ".tiff"}


class NoFaceError(ValueError):
    """No face was found in an image."""


@dataclasses.dataclass
class PhotoResult:
    path: Path
    embedding: np.ndarray | None = None
    error: str | None = None     # why the photo was not used
    box: tuple | None = None     # the embedded face in the photo (x1, y1, x2, y2), its detector
    score: float | None = None   # score and 5 landmarks
    landmarks: np.ndarray | None = None
    sample: object = None        # what the face store keeps of it (recognition.samples.FaceSample)


#: the smallest face searched for in enrolment photos (px): a portrait's face can be small in a large photo
PHOTO_MIN_FACE_SIZE = 40

#: Photos are searched for faces on a square canvas of this side (scaled down to fit, padded):
#: the detector is traced once per frame size, so photos of many sizes would each pay a
#: trace of seconds; on one canvas only the first photo does.
PHOTO_CANVAS = 1024


def detect_on_canvas(recognizer, image: np.ndarray, canvas: int = PHOTO_CANVAS):
    """Faces of ``image`` (largest first) in its own coordinates, found on the fixed canvas."""
    height, width = image.shape[:2]
    scale = min(1.0, canvas / max(height, width))
    board = np.zeros((canvas, canvas, 3), np.uint8)
    small = image if scale == 1.0 else cv2.resize(image, (max(1, round(width * scale)),
                                                          max(1, round(height * scale))),
                                                  interpolation=cv2.INTER_AREA)
    board[:small.shape[0], :small.shape[1]] = small
    faces = recognizer.detect(board)
    for face in faces:
        face.box = tuple(float(v) / scale for v in face.box)
        face.landmarks = np.asarray(face.landmarks, np.float64) / scale
    return faces


def embed_photo(recognizer, path) -> np.ndarray:
    """Embedding of the largest face in an image file; ImageReadError / NoFaceError otherwise.

    The chip is cut from the full-resolution photo."""
    return embed_largest_face(recognizer, path).embedding


def embed_largest_face(recognizer, path):
    """The largest face of an image file (a Face with box, score, landmarks and embedding)."""
    return _read_largest_face(recognizer, path)[1]


def _read_largest_face(recognizer, path):
    """(the image file as BGR, its largest face embedded); ImageReadError / NoFaceError otherwise."""
    image = as_bgr(read_image(path))
    face = largest_face(recognizer, image)
    if face is None:
        raise NoFaceError(f"{path}: no face found")
    return image, face


#: Stored face crops (a face with a 30 % margin) are searched on this smaller canvas.
CROP_CANVAS = 320


def largest_face(recognizer, image: np.ndarray, canvas: int = PHOTO_CANVAS):
    """The largest face of an image, aligned and embedded (a Face), or None when there is none."""
    faces = detect_on_canvas(recognizer, as_bgr(image), canvas)
    if not faces:
        return None
    face = recognizer.align(image, faces[:1])[0]
    face.embedding = recognizer.embed_chips(face.chip[None])[0]
    return face


#: a stored face whose eyes lie this many times closer together than in the model's chip is not
#: embedded: its chip would be mostly interpolation (for MobileFaceNet's 112x112 chip, a face of
#: about 20 px; the quality gate's smallest camera face, 70 px, needs 1.3x, a 40 px photo face 3.3x
#: for the dlib port's 150x150 chip)
MAX_CHIP_UPSCALE = 4.0


def too_small(spec, landmarks) -> str | None:
    """Why a face with these five points is too small for ``spec``'s chip, or None."""
    template = np.asarray(spec.landmark_template, np.float64)
    needed = float(np.linalg.norm(template[1] - template[0]))
    eyes = float(np.linalg.norm(np.asarray(landmarks, np.float64)[1] - np.asarray(landmarks, np.float64)[0]))
    if eyes * MAX_CHIP_UPSCALE >= needed:
        return None
    size = spec.input_size
    return (f"the face is too small for this model's {size}x{size} chips (eyes {eyes:.0f} px apart, "
            f"at least {needed / MAX_CHIP_UPSCALE:.0f} needed)")


def embed_crops(recognizer, images, landmarks=None) -> list[np.ndarray | str | None]:
    """Embeddings of stored face crops, in one network call: each aligned with its stored five
    points when given, else with the largest face found in it (None where there is none; a text
    saying why where the face is too small for the model's chip)."""
    from recognition.recognizer import Face

    landmarks = landmarks or [None] * len(images)
    found = []
    for image, points in zip(images, landmarks):
        if points is None:
            faces = detect_on_canvas(recognizer, image, CROP_CANVAS)
            face = faces[0] if faces else None
        else:
            face = Face(box=(0, 0, 0, 0), score=1.0, landmarks=points)
        reason = None if face is None else too_small(recognizer.spec, face.landmarks)
        found.append(reason if reason or face is None else recognizer.align(image, [face])[0])
    chips = [face.chip for face in found if face is not None and not isinstance(face, str)]
    vectors = iter(recognizer.embed_chips(np.stack(chips)) if chips else [])
    return [face if face is None or isinstance(face, str) else next(vectors) for face in found]


def embed_photos(recognizer, paths) -> list[PhotoResult]:
    """Embed each file (and make the sample the face store would keep of it); unreadable and
    faceless files are reported, not fatal."""
    from recognition.samples import photo_sample

    results = []
    for path in paths:
        try:
            image, face = _read_largest_face(recognizer, path)
            results.append(PhotoResult(Path(path), embedding=face.embedding, box=tuple(face.box),
                                       score=face.score, landmarks=face.landmarks,
                                       sample=photo_sample(recognizer, image, face.box, face.landmarks, face.score,
                                                           face.chip)))
        except (ImageReadError, NoFaceError) as exc:
            results.append(PhotoResult(Path(path), error=str(exc)))
    return results


@dataclasses.dataclass
class PicturesScan:
    people: dict[str, list[Path]]                   # person -> their photo files, in name order
    skipped: list[tuple[Path, str]]                 # (path, why it is not used)


def scan_pictures(pictures_dir) -> PicturesScan:
    """People in a pictures folder: a subfolder per person, or a file per person (its stem).

    Links: a link to a folder is never followed (``dirloop -> .`` would enrol the root's photos
    as a person, a link out of the tree could pull in any folder); a link to a file is used
    only if its target lies inside the pictures folder, since the folder is meant to be the
    whole of what gets enrolled. A file reached twice (hard link, or a link to a file of the
    tree) is one file: the first path reached without a link keeps it. Every path set aside
    is listed in ``skipped`` with the reason. Top-level files that are not images by their
    suffix are left out silently (notes, the gallery itself); a person's folder is read whole.
    """
    root = Path(pictures_dir)
    if not root.is_dir():
        raise FileNotFoundError(f"{root}: no such folder")
    real_root = root.resolve()
    skipped: list[tuple[Path, str]] = []
    candidates: list[tuple[str, Path]] = []
    for entry in sorted(root.iterdir()):
        if entry.name.startswith("."):
            continue
        if entry.is_symlink() and entry.is_dir():
            skipped.append((entry, "link to a folder, not followed"))
        elif entry.is_dir():
            for path in sorted(entry.iterdir()):
                if path.name.startswith("."):
                    continue
                if path.is_symlink() and path.is_dir():
                    skipped.append((path, "link to a folder, not followed"))
                elif not path.is_dir():                 # folders inside a person's folder: not read
                    candidates.append((entry.name, path))
        elif entry.suffix.lower() in IMAGE_SUFFIXES:
            candidates.append((entry.stem, entry))
    # real paths claim their files first, so a link never takes a photo from its own person
    order = sorted(range(len(candidates)), key=lambda i: candidates[i][1].is_symlink())
    owner: dict[tuple[int, int], Path] = {}
    kept = set()
    for i in order:
        path = candidates[i][1]
        reason = _unusable(path, real_root)
        if reason is None:
            st = path.stat()
            first = owner.setdefault((st.st_dev, st.st_ino), path)
            if first == path:
                kept.add(i)
                continue
            reason = f"same file as {first}"
        skipped.append((path, reason))
    people: dict[str, list[Path]] = {}
    for i, (person, path) in enumerate(candidates):
        if i in kept:
            people.setdefault(person, []).append(path)
    skipped.sort(key=lambda item: str(item[0]))
    return PicturesScan(people, skipped)


def _unusable(path: Path, real_root: Path) -> str | None:
    """Why ``path`` cannot be one of the folder's photos, or None."""
    if path.is_symlink():
        try:
            target = path.resolve(strict=True)
        except (OSError, RuntimeError):               # missing target, or a loop of links
            return "broken link"
        if not target.is_relative_to(real_root):
            return f"link to a file outside the pictures folder ({target}), not followed"
    try:
        st = path.stat()
    except OSError as exc:
        return f"cannot read ({exc.strerror or exc})"
    if not stat.S_ISREG(st.st_mode):
        return "not a regular file"                   # a FIFO or device would block or never end
    return None


def pictures_by_person(pictures_dir) -> dict[str, list[Path]]:
    """The people of :func:`scan_pictures` (without the list of what was skipped)."""
    return scan_pictures(pictures_dir).people
