"""Who is enrolled and who walks past, for bench/walkby.py: three populations from ../shared/data.

(a) ``celeba``: the shared CelebA identities, every other one (sorted) enrolled with its first 3
    photos; visits from the enrolled people's other photos and from the strangers' photos.
(b) ``east_asian``: the LFW people of East Asian origin listed in lfw/east_asian_dev.txt; those
    with >= 4 photos are enrolled with their photos at even positions 2 and 4, their other photos
    make their visits; everyone else is a stranger (each photo walks past several times, with
    other seeds: there are few of them).
(c) ``celeba_1000``: (a) with 1,000 more LFW people enrolled (one photo each, none of them from the
    East Asian list) who never visit.
"""
from __future__ import annotations

import dataclasses
import zlib
from pathlib import Path

from bench.visits import Visit


@dataclasses.dataclass
class Population:
    name: str
    gallery: dict[str, list[Path]]      # enrolled label -> enrollment photos
    visits: list[Visit]

    @property
    def stranger_visits(self) -> int:
        return sum(not v.enrolled for v in self.visits)


def _seed(*parts) -> int:
    return zlib.crc32("/".join(map(str, parts)).encode("utf-8"))


def _spread(items: list, count: int) -> list:
    """Up to ``count`` items spread evenly over the list (deterministic)."""
    if len(items) <= count:
        return list(items)
    step = len(items) / count
    return [items[int(i * step)] for i in range(count)]


def _photos(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.suffix.lower() in (".jpg", ".jpeg", ".png"))


def celeba(shared: Path, enroll_photos: int = 3, visits_per_enrolled: int = 4,
           visits_per_stranger: int = 8) -> Population:
    identities = sorted(p for p in (shared / "celeba").iterdir() if p.is_dir())
    gallery, visits = {}, []
    for index, folder in enumerate(identities):
        photos = _photos(folder)
        if index % 2 == 0 and len(photos) > enroll_photos:
            gallery[folder.name] = photos[:enroll_photos]
            for photo in _spread(photos[enroll_photos:], visits_per_enrolled):
                visits.append(Visit(folder.name, photo, _seed("celeba", photo.name), True))
        elif index % 2 == 1:
            for photo in _spread(photos, visits_per_stranger):
                visits.append(Visit(folder.name, photo, _seed("celeba", photo.name), False))
    return Population("celeba", gallery, visits)


def east_asian_names(shared: Path) -> list[str]:
    lines = (shared / "lfw" / "east_asian_dev.txt").read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def east_asian(shared: Path, min_photos: int = 4, visits_per_enrolled: int = 10,
               stranger_visits: int = 1000) -> Population:
    root = shared / "lfw" / "images"
    gallery, enrolled_visits, stranger_photos = {}, [], []
    for name in east_asian_names(shared):
        photos = _photos(root / name)
        if len(photos) >= min_photos:
            enroll = [root / name / f"{name}_{i:04d}.jpg" for i in (2, 4)]
            gallery[name] = enroll
            rest = [p for p in photos if p not in enroll]
            enrolled_visits += [Visit(name, p, _seed("ea", p.name), True)
                                for p in _spread(rest, visits_per_enrolled)]
        else:
            stranger_photos += [(name, p) for p in photos]
    repeats = max(1, -(-stranger_visits // max(1, len(stranger_photos))))
    strangers = [Visit(name, p, _seed("ea", p.name, k), False)
                 for k in range(repeats) for name, p in stranger_photos][:stranger_visits]
    return Population("east_asian", gallery, enrolled_visits + strangers)


def lfw_distractors(shared: Path, count: int = 1000) -> dict[str, list[Path]]:
    """``count`` LFW people (one photo each), spread over the alphabet, none from the East Asian list."""
    excluded = set(east_asian_names(shared))
    people = sorted(p for p in (shared / "lfw" / "images").iterdir()
                    if p.is_dir() and p.name not in excluded)
    return {f"lfw:{p.name}": _photos(p)[:1] for p in _spread(people, count)}


def celeba_1000(shared: Path, **kwargs) -> Population:
    base = celeba(shared, **kwargs)
    gallery = dict(base.gallery)
    gallery.update(lfw_distractors(shared))
    return Population("celeba_1000", gallery, base.visits)


POPULATIONS = {"celeba": celeba, "east_asian": east_asian, "celeba_1000": celeba_1000}
