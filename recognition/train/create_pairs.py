"""Make LFW-format verification pairs from any folder-per-person dataset.

    python -m recognition.train.create_pairs DATA_DIR OUT.txt [--folds 10] [--pairs-per-fold 300]

The people are split into ``--folds`` disjoint folds (balanced by how many
same-person pairs they can give); each fold gets the same number of
same-person and different-person pairs (the different pairs within the fold, as
in LFW View 2). The file has LFW's layout: a ``folds pairs_per_fold`` header,
then per fold the same pairs ``name<TAB>i<TAB>j`` and the different pairs
``name1<TAB>i<TAB>name2<TAB>j``, where ``i`` is the image's number.

LFW numbers images by name (``<name>/<name>_0001.jpg``). If the dataset is not
named that way, a folder of links with LFW names is made (``--images-dir``,
default ``OUT_images`` beside OUT.txt) and the evaluate CLI reads that:

    python -m recognition.run.evaluate --lfw-dir OUT_images --pairs OUT.txt
"""
from __future__ import annotations

import dataclasses
import json
import logging
import os
import shutil
import sys
from pathlib import Path

import numpy as np

from recognition import cli

log = logging.getLogger(__name__)

IMAGE_EXTENSIONS = (".jpg", ".jpeg", ".png", ".bmp", ".webp", ".tif", ".tiff")


class PairsError(ValueError):
    """The dataset cannot give the pairs asked for."""


@dataclasses.dataclass
class Person:
    name: str
    images: list[Path]

    @property
    def capacity(self) -> int:
        n = len(self.images)
        return n * (n - 1) // 2


def list_people(data_dir) -> list[Person]:
    data_dir = Path(data_dir)
    if not data_dir.is_dir():
        raise PairsError(f"{data_dir}: no such directory")
    people = []
    for folder in sorted(p for p in data_dir.iterdir() if p.is_dir() and not p.name.startswith(".")):
        if "\t" in folder.name or "\n" in folder.name:
            raise PairsError(f"{folder.name!r}: a tab in a person's name cannot be written in LFW format")
        images = sorted(f for f in folder.iterdir()
                        if f.is_file() and f.suffix.lower() in IMAGE_EXTENSIONS and not f.name.startswith("."))
        if images:
            people.append(Person(folder.name, images))
    return people


def lfw_named(person: Person) -> bool:
    """True if the files are exactly <name>_0001.jpg ... <name>_NNNN.jpg."""
    return [f.name for f in person.images] == [f"{person.name}_{i:04d}.jpg" for i in range(1, len(person.images) + 1)]


def assign_folds(people: list[Person], folds: int, rng) -> list[list[Person]]:
    """Disjoint folds with similar same-pair capacity (largest first to the poorest fold)."""
    order = sorted(rng.permutation(len(people)), key=lambda i: -people[i].capacity)
    buckets, capacity = [[] for _ in range(folds)], np.zeros(folds)
    for i in order:
        # Every fold first gets two people (for different-person pairs); then the fold with the
        # fewest same pairs takes the next person, or, for one-image people, the fold with fewest people.
        count = [len(b) for b in buckets]
        primary = capacity if people[i].capacity else count
        target = int(np.lexsort((count, primary, [c >= 2 for c in count]))[0])
        buckets[target].append(people[i])
        capacity[target] += people[i].capacity
    return buckets


def _same_pairs(fold: list[Person], count: int, rng) -> list[tuple]:
    candidates = [p for p in fold if len(p.images) >= 2]
    used, pairs = set(), []
    while len(pairs) < count:
        progressed = False
        for k in rng.permutation(len(candidates)):
            person = candidates[k]
            if len(pairs) == count:
                break
            n = len(person.images)
            left = [(i, j) for i in range(n) for j in range(i + 1, n) if (person.name, i, j) not in used] \
                if n <= 60 else None
            if left == []:
                continue
            for _ in range(100):
                i, j = sorted(rng.choice(n, 2, replace=False)) if left is None else left[rng.integers(len(left))]
                if (person.name, i, j) not in used:
                    used.add((person.name, i, j))
                    pairs.append((person, i, j))
                    progressed = True
                    break
        if not progressed:
            raise PairsError("not enough same-person pairs")  # guarded by the capacity check
    return pairs


def _different_pairs(fold: list[Person], count: int, rng) -> list[tuple]:
    available = sum(len(a.images) * len(b.images) for k, a in enumerate(fold) for b in fold[k + 1:])
    if available < count:
        raise PairsError(f"a fold can give only {available} different-person pairs, {count} asked")
    used, pairs = set(), []
    while len(pairs) < count:
        a, b = sorted(rng.choice(len(fold), 2, replace=False))
        i, j = rng.integers(len(fold[a].images)), rng.integers(len(fold[b].images))
        if (a, i, b, j) not in used:
            used.add((a, i, b, j))
            pairs.append((fold[a], i, fold[b], j))
    return pairs


def create_pairs(data_dir, out_path, *, folds: int = 10, pairs_per_fold: int = 300, seed: int = 0,
                 images_dir=None, copy: bool = False) -> dict:
    """Write the pairs file (and the LFW-named links if needed); returns a summary."""
    people = list_people(data_dir)
    if len(people) < 2 * folds:
        raise PairsError(f"{data_dir}: {len(people)} people with images; {folds} folds need at least {2 * folds}")
    rng = np.random.default_rng(seed)
    buckets = assign_folds(people, folds, rng)
    possible = int(min(sum(p.capacity for p in b) for b in buckets))
    per_fold = min(pairs_per_fold, possible)
    if per_fold < 1:
        raise PairsError(f"{data_dir}: some fold has no person with two images; use fewer folds")
    if per_fold < pairs_per_fold:
        log.warning("only %d same-person pairs per fold are possible (asked %d)", per_fold, pairs_per_fold)

    direct = all(lfw_named(p) for p in people)
    lines = [f"{folds}\t{per_fold}"]
    for fold in buckets:
        lines += [f"{p.name}\t{i + 1}\t{j + 1}" for p, i, j in _same_pairs(fold, per_fold, rng)]
        lines += [f"{a.name}\t{i + 1}\t{b.name}\t{j + 1}" for a, i, b, j in _different_pairs(fold, per_fold, rng)]
    out_path = Path(out_path)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    out_path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    summary = {"pairs_file": str(out_path), "folds": folds, "pairs_per_fold": per_fold,
               "people": len(people), "images_dir": str(Path(data_dir))}
    if not direct:
        images_dir = Path(images_dir) if images_dir else out_path.with_name(out_path.stem + "_images")
        summary["images_dir"] = str(images_dir)
        _link_lfw_names(people, images_dir, copy)
    return summary


def _link_lfw_names(people: list[Person], images_dir: Path, copy: bool) -> None:
    """<images_dir>/<name>/<name>_NNNN.jpg -> the person's NNNN-th image (sorted by file name).

    The extension is LFW's even for other formats: images are decoded by content.
    """
    for person in people:
        folder = images_dir / person.name
        folder.mkdir(parents=True, exist_ok=True)
        for number, source in enumerate(person.images, start=1):
            link = folder / f"{person.name}_{number:04d}.jpg"
            if link.is_symlink() or link.exists():
                link.unlink()
            if copy:
                shutil.copyfile(source, link)
            else:
                os.symlink(source.resolve(), link)


def main(argv=None) -> int:
    parser = cli.argument_parser(__doc__)
    parser.add_argument("data_dir", help="dataset: one folder of images per person")
    parser.add_argument("out", help="pairs file to write (LFW pairs.txt format)")
    parser.add_argument("--folds", type=int, default=10, help="number of folds (default 10, as LFW)")
    parser.add_argument("--pairs-per-fold", type=int, default=300,
                        help="same-person pairs per fold, and as many different-person pairs (default 300)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--images-dir", help="where to make LFW-named links when the dataset is not named "
                                             "like LFW (default: OUT_images beside OUT)")
    parser.add_argument("--copy", action="store_true", help="copy the images instead of linking them")
    parser.add_argument("--json", help="write the summary (folds, pairs, people, files) to this JSON file")
    return cli.run(_main, parser.parse_args(argv))


def _main(args) -> int:
    with cli.user_errors(PairsError):
        summary = create_pairs(args.data_dir, args.out, folds=args.folds, pairs_per_fold=args.pairs_per_fold,
                               seed=args.seed, images_dir=args.images_dir, copy=args.copy)
    if args.json:
        Path(args.json).write_text(json.dumps(summary, indent=2, ensure_ascii=False, default=str), encoding="utf-8")
    print(f"wrote {summary['folds']} folds x {summary['pairs_per_fold']} same + "
          f"{summary['pairs_per_fold']} different pairs of {summary['people']} people to {summary['pairs_file']}")
    print(f"evaluate: python -m recognition.run.evaluate --lfw-dir {summary['images_dir']} "
          f"--pairs {summary['pairs_file']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
