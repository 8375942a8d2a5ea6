"""How well a network tells East Asian faces apart, against a control group, for several networks in one run.

Groups (LFW, ../shared/data/lfw): the people of lfw/east_asian_dev.txt (bench/populations.py's East
Asian list) and a control group of as many other LFW people, each control person matched to one
East Asian person by photo count (the same number of photos, at most --max-photos each), chosen
spread over the alphabet. Both groups are celebrities alike, so the comparison depends little on
whether a network was trained on celebrities.

Per network (the same MTCNN detections for all): impostor distances are all pairs of photos of two
different people of one group, genuine distances all pairs of one person's photos.

* ``control_threshold``: the distance at which 0.1 % of the control group's impostor pairs match;
* ``east_asian_fmr_at_control``: the share of East Asian impostor pairs within it, and its ratio to
  the control's (how many times more often two East Asian strangers are taken for one person at
  a threshold that suits everyone else);
* per group, the genuine pairs missed (FNMR) at the group's own 0.1 % FMR point.

    python bench/east_asian.py [--model-dirs default recognition/models/pretrained/mobilefacenet] [--json PATH]
"""
from __future__ import annotations

import argparse
import os
import platform
import sys
import tempfile
import zlib
from pathlib import Path

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.report import write_json  # noqa: E402

import numpy as np  # noqa: E402

from bench.populations import east_asian_names  # noqa: E402

SHARED = REPO.parent / "shared" / "data"
FMR = 0.001


def _photos(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.suffix.lower() == ".jpg")


def groups(shared: Path, max_photos: int) -> dict[str, dict[str, list[Path]]]:
    """{"east_asian": {person: photos}, "control": {person: photos}} with equal photo counts."""
    root = shared / "lfw" / "images"
    names = east_asian_names(shared)
    east = {n: _photos(root / n)[:max_photos] for n in names}
    excluded = set(names)
    others = sorted((p for p in root.iterdir() if p.is_dir() and p.name not in excluded),
                    key=lambda p: zlib.crc32(p.name.encode("utf-8")))      # a fixed order spread over the alphabet
    counts = {p.name: len(_photos(p)) for p in others}
    control, used = {}, set()
    for name, photos in sorted(east.items(), key=lambda kv: -len(kv[1])):   # the scarce many-photo people first
        match = next(p for p in others if p.name not in used and counts[p.name] >= len(photos))
        used.add(match.name)
        control[match.name] = _photos(match)[:len(photos)]
    return {"east_asian": east, "control": control}


def pair_distances(embeddings: np.ndarray, owners: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(genuine, impostor) distances over all pairs of the rows."""
    upper = np.triu_indices(len(embeddings), 1)
    distances = np.sqrt(np.maximum(2.0 - 2.0 * (embeddings @ embeddings.T), 0.0))[upper]
    same = (owners[:, None] == owners[None, :])[upper]
    return distances[same], distances[~same]


def measure(recognizer, people: dict[str, dict[str, list[Path]]], detections_cache: Path) -> dict:
    from recognition.run.evaluate import embed_images

    paths = [p for group in people.values() for photos in group.values() for p in photos]
    embeddings, no_face, _ = embed_images(recognizer, paths, progress=False, detections_cache=detections_cache)
    row = {p: i for i, p in enumerate(paths)}
    by_group = {}
    for name, group in people.items():
        rows = [row[p] for photos in group.values() for p in photos]
        owners = np.array([person for person, photos in group.items() for _ in photos])
        by_group[name] = pair_distances(embeddings[rows], owners)
    control_threshold = float(np.quantile(by_group["control"][1], FMR))
    figures = {"model": recognizer.spec.name, "no_face": len(no_face), "control_threshold": control_threshold}
    control_fmr = float(np.mean(by_group["control"][1] <= control_threshold))
    east_fmr = float(np.mean(by_group["east_asian"][1] <= control_threshold))
    figures.update(control_fmr=control_fmr, east_asian_fmr_at_control=east_fmr,
                   east_asian_fmr_ratio=east_fmr / control_fmr if control_fmr else float("nan"),
                   east_asian_fnmr_at_control=float(np.mean(by_group["east_asian"][0] > control_threshold)))
    for name, (genuine, impostor) in by_group.items():
        own = float(np.quantile(impostor, FMR))
        figures[name] = {"people": len(people[name]), "images": sum(map(len, people[name].values())),
                         "genuine_pairs": len(genuine), "impostor_pairs": len(impostor),
                         "threshold_at_own_fmr": own, "fnmr_at_own_fmr": float(np.mean(genuine > own))}
    return figures


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model-dirs", nargs="+", default=["default", str(REPO / "recognition" / "models"
                                                                            / "pretrained" / "mobilefacenet")],
                        help="model directories to compare ('default': the default dlib port)")
    parser.add_argument("--max-photos", type=int, default=12, help="photos per person at most")
    parser.add_argument("--json", help="write the figures to this JSON file")
    args = parser.parse_args(argv)

    from recognition.recognizer import FaceRecognizer

    people = groups(SHARED, args.max_photos)
    results = {"machine": f"{platform.machine()} {os.cpu_count()} cores", "fmr": FMR, "models": {}}
    with tempfile.TemporaryDirectory() as tmp:
        cache = Path(tmp) / "detections.npz"          # MTCNN once: every network sees the same faces
        for model_dir in args.model_dirs:
            recognizer = FaceRecognizer.load(None if model_dir == "default" else model_dir, min_face_size=20)
            figures = measure(recognizer, people, cache)
            results["models"][model_dir] = figures
            east, control = figures["east_asian"], figures["control"]
            print(f"\n{figures['model']} ({model_dir})")
            print(f"  groups: East Asian {east['people']} people / {east['images']} images, control "
                  f"{control['people']} / {control['images']}; impostor pairs {east['impostor_pairs']} / "
                  f"{control['impostor_pairs']}; no face found {figures['no_face']}")
            print(f"  at the control's {100 * FMR:g} % FMR point (distance {figures['control_threshold']:.3f}): "
                  f"East Asian impostor FMR {100 * figures['east_asian_fmr_at_control']:.2f} % = "
                  f"{figures['east_asian_fmr_ratio']:.0f}x the control's; East Asian genuine pairs missed "
                  f"{100 * figures['east_asian_fnmr_at_control']:.1f} %")
            print(f"  genuine pairs missed at the group's own {100 * FMR:g} % FMR point: East Asian "
                  f"{100 * east['fnmr_at_own_fmr']:.1f} %, control {100 * control['fnmr_at_own_fmr']:.1f} %")
    write_json(args.json, results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
