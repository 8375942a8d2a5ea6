"""Build a standalone gallery (HDF5 embeddings) from a pictures folder: an offline tool.

This file is for the other offline tools (``recognition.run.test --gallery``, benches, a quick
look at a set of photos). It is not how a desk learns its people: a desk recognizes the people of
the database's face store and keeps its own cache of it (``pictures/faces-<model>.h5`` in its data
folder, in step with the store's change feed). This tool refuses to write such a cache; to bring a
folder of photos (and an ``embeddings.h5`` made here) into a desk, run ``python main.py import-faces``.

A subfolder per person (all its images) or one image per person named after them:

    data/pictures/张三/1.jpg, data/pictures/张三/2.jpg, data/pictures/Alice.jpg

    python -m recognition.run.embeddings --pictures-dir data/pictures --output data/pictures/embeddings.h5

Exits with 1 and leaves the gallery as it was when no photo could be used.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import h5py

import numpy as np
from tqdm import tqdm

from recognition import cli
from recognition.gallery import DESK_CACHE_NAME, LEGACY_GALLERY_FILE, Gallery
from recognition.photos import embed_photos, scan_pictures

DEFAULT_PICTURES = Path("data/pictures")
IMPORT_COMMAND = "python main.py import-faces"

# A desk's face cache: named as gallery.DESK_CACHE_NAME says and holding the face store's sync state
# under this key of its meta (backend/face_sync.py's META_KEY; recognition/ imports nothing of backend,
# so it is written here: tests/recognition/test_cli.py makes a cache with backend's own names and
# checks that it is refused).
_SYNC_META_KEY = "face_sync"


def refuse_desk_cache(output) -> None:
    """Raise a UserError when ``output`` is a desk's face cache: overwriting it (``--rebuild``) or
    adding people to it behind the face store's back would lose the desk's sync state."""
    path = Path(output)
    if DESK_CACHE_NAME.fullmatch(path.name) or _has_sync_state(path):
        raise cli.UserError(f"{path} is a desk's face cache (kept in step with the face store), which this "
                            f"offline tool does not write; add the photos to the desk with "
                            f"`{IMPORT_COMMAND} --pictures-dir DIR`")


def _has_sync_state(path: Path) -> bool:
    if not path.is_file():
        return False
    try:
        with h5py.File(path, "r") as f:
            if "meta_json" not in f:
                return False
            raw = f["meta_json"][()]
        meta = json.loads(raw.decode("utf-8") if isinstance(raw, bytes) else raw)
    except (OSError, ValueError):           # not a gallery at all: Gallery.open says so (or --rebuild replaces it)
        return False
    return isinstance(meta, dict) and _SYNC_META_KEY in meta


def build_gallery(recognizer, pictures_dir, output, rebuild: bool = False, progress: bool = True) -> dict:
    """Embed every person's pictures into the gallery at ``output``; returns a report.

    ``rebuild`` starts from an empty gallery instead of the file's (which may be of another
    model or unreadable). The gallery is saved only if at least one photo was used
    (``report["saved"]``): a run that found nothing leaves the file as it was."""
    scan = scan_pictures(pictures_dir)
    spec = recognizer.spec
    if rebuild:
        gallery = Gallery(output, np.empty((0, 0), np.float32), [], spec.fingerprint, spec.name)
    else:
        gallery = Gallery.open(output, spec.fingerprint, spec.name)
    report = {"people": 0, "embeddings": 0, "saved": False,
              "problems": [{"path": str(path), "error": f"{path}: {why}"} for path, why in scan.skipped]}
    for person, paths in tqdm(scan.people.items(), desc="people", unit="person", disable=not progress):
        results = embed_photos(recognizer, paths)
        report["problems"] += [{"path": str(r.path), "error": r.error} for r in results if r.error]
        embeddings = [r.embedding for r in results if r.embedding is not None]
        if embeddings:
            gallery.remove(person)
            gallery.add(person, np.stack(embeddings))
            report["people"] += 1
            report["embeddings"] += len(embeddings)
    if report["embeddings"]:
        gallery.save()
        report["saved"] = True
    report["gallery_people"] = len(gallery)
    return report


def main(argv=None) -> int:
    parser = cli.argument_parser(__doc__)
    parser.add_argument("--pictures-dir", default=str(DEFAULT_PICTURES))
    parser.add_argument("--output", default=None, help="gallery file (default: <pictures-dir>/embeddings.h5); "
                                                       "a desk's face cache is refused")
    parser.add_argument("--model-dir", help="model directory (default: the pretrained dlib port)")
    parser.add_argument("--rebuild", action="store_true",
                        help="start from an empty gallery (this file only: a desk's faces are in its face store)")
    parser.add_argument("--json", help="write the report to this JSON file")
    return cli.run(_main, parser.parse_args(argv))


def _main(args) -> int:
    if not Path(args.pictures_dir).is_dir():                # before the model takes seconds to load
        raise cli.UserError(f"{args.pictures_dir}: no such folder")
    output = args.output or str(Path(args.pictures_dir) / LEGACY_GALLERY_FILE)
    refuse_desk_cache(output)                                # before anything is loaded or written
    from recognition.recognizer import FaceRecognizer

    report = build_gallery(FaceRecognizer.load(args.model_dir), args.pictures_dir, output, args.rebuild)
    for problem in report["problems"]:
        print(f"skipped: {problem['error']}")
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=2, ensure_ascii=False), encoding="utf-8")
    if not report["saved"]:
        raise cli.UserError(f"no usable photo in {args.pictures_dir} (see the skipped files above); "
                            f"{output} was left as it was", cli.EXIT_NOTHING_DONE)
    print(f"{report['people']} people, {report['embeddings']} embeddings -> {output} "
          f"({report['gallery_people']} people in the gallery)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
