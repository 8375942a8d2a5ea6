"""How well a network tells East Asian faces apart, against a control group, for several networks in one run.

Groups (LFW, ../shared/data/lfw): the people of lfw/east_asian_dev.txt (bench/populations.py's East
Asian list) and a control group of as many other LFW people, each control person matched to one
East Asian person by photo count (the same number of photos, at most --max-photos each), chosen
spread over the alphabet (``--controls`` such groups, disjoint: one group's 0.1 % point rests on
about 16 impostor pairs, so the figures are the median over them). Both groups are celebrities alike, so the comparison depends little on
whether a network was trained on celebrities.

Per network (the same MTCNN detections for all): impostor distances are all pairs of photos of two
different people of one group, genuine distances all pairs of one person's photos.

* per control group, the distance at which 0.1 % of its impostor pairs match, and there
* the share of East Asian impostor pairs within it, and its ratio to
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


def groups(shared: Path, max_photos: int, controls: int = 1) -> dict[str, dict[str, list[Path]]]:
    """{"east_asian": {person: photos}, "control1": {person: photos}, ...}: ``controls`` disjoint control
    groups, each with the East Asian group's photo counts."""
    root = shared / "lfw" / "images"
    names = east_asian_names(shared)
    east = {n: _photos(root / n)[:max_photos] for n in names}
    excluded = set(names)
    others = sorted((p for p in root.iterdir() if p.is_dir() and p.name not in excluded),
                    key=lambda p: zlib.crc32(p.name.encode("utf-8")))      # a fixed order spread over the alphabet
    counts = {p.name: len(_photos(p)) for p in others}
    out, used = {"east_asian": east}, set()
    for draw in range(1, controls + 1):
        control = {}
        for name, photos in sorted(east.items(), key=lambda kv: -len(kv[1])):   # the scarce many-photo people first
            match = next(p for p in others if p.name not in used and counts[p.name] >= len(photos))
            used.add(match.name)
            control[match.name] = _photos(match)[:len(photos)]
        out[f"control{draw}"] = control
    return out


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
    figures = {"model": recognizer.spec.name, "no_face": len(no_face), "controls": []}
    east_genuine, east_impostor = by_group["east_asian"]
    for name in by_group:
        if name == "east_asian":
            continue
        threshold = float(np.quantile(by_group[name][1], FMR))
        control_fmr = float(np.mean(by_group[name][1] <= threshold))
        east_fmr = float(np.mean(east_impostor <= threshold))
        figures["controls"].append({"control": name, "threshold": threshold, "control_fmr": control_fmr,
                                    "east_asian_fmr": east_fmr, "ratio": east_fmr / control_fmr,
                                    "east_asian_fnmr": float(np.mean(east_genuine > threshold))})
    # the median over the control groups (one control's 0.1 % point rests on ~16 pairs)
    for key in ("threshold", "control_fmr", "east_asian_fmr", "ratio", "east_asian_fnmr"):
        figures[f"median_{key}"] = float(np.median([c[key] for c in figures["controls"]]))
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
    parser.add_argument("--controls", type=int, default=5,
                        help="disjoint control groups (the ratio is their median: one 0.1 %% point is noisy)")
    parser.add_argument("--json", help="write the figures to this JSON file")
    args = parser.parse_args(argv)

    from recognition.recognizer import FaceRecognizer

    people = groups(SHARED, args.max_photos, args.controls)
    results = {"machine": f"{platform.machine()} {os.cpu_count()} cores", "fmr": FMR, "models": {}}
    with tempfile.TemporaryDirectory() as tmp:
        cache = Path(tmp) / "detections.npz"          # MTCNN once: every network sees the same faces
        for model_dir in args.model_dirs:
            recognizer = FaceRecognizer.load(None if model_dir == "default" else model_dir, min_face_size=20)
            figures = measure(recognizer, people, cache)
            results["models"][model_dir] = figures
            east, control = figures["east_asian"], figures["control1"]
            print(f"\n{figures['model']} ({model_dir})")
            print(f"  groups: East Asian {east['people']} people / {east['images']} images, {args.controls} control "
                  f"groups of {control['people']} / {control['images']}; impostor pairs {east['impostor_pairs']} "
                  f"per group; no face found {figures['no_face']}")
            print(f"  at each control's {100 * FMR:g} % FMR point, East Asian impostor FMR: " + ", ".join(
                f"{100 * c['east_asian_fmr']:.2f} % ({c['ratio']:.0f}x, at {c['threshold']:.3f})"
                for c in figures["controls"]))
            print(f"  median over the controls: East Asian impostor FMR {100 * figures['median_east_asian_fmr']:.2f} % "
                  f"= {figures['median_ratio']:.0f}x the control's; East Asian genuine pairs missed there "
                  f"{100 * figures['median_east_asian_fnmr']:.1f} %")
            print(f"  genuine pairs missed at the group's own {100 * FMR:g} % FMR point: East Asian "
                  f"{100 * east['fnmr_at_own_fmr']:.1f} %, control {100 * control['fnmr_at_own_fmr']:.1f} %")
    write_json(args.json, results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
