"""The desk over days: does it learn its people, and can it be taught a stranger?

Populations (a) ``celeba`` and (b) ``east_asian`` of bench/walkby.py (bench/populations.py; (c)
``celeba_1000`` on request). Every enrolled person comes once a day for ``--days`` days, each day
from another photo of theirs (fewer photos than days: the photos come round again, filmed
differently); the strangers' visits are spread over the days between them. Each visit is 12
camera-like frames (bench/visits.py), and every mode below sees the same frames:

* ``off``: the stream recognizer as it was (nothing learned);
* ``learn``: decisions that check someone in and carry ``learn`` add their sample to the gallery
  (``Gallery.add(..., learned=True)``, replacing the sample named by ``replaces``);
* ``learn_confirm``: as ``learn``, and a missed visit whose candidate is the right person is
  confirmed by the operator (one click: a "confirmed" check-in, its sample learned only when the
  stream offers it, i.e. at the same stricter point); a wrong candidate is answered "Not them"
  (nothing recorded);
* ``claim_right`` / ``claim_wrong`` (nothing learned): after the visit's first frame with a face the
  visitor types their own number / somebody else's (a random enrolled person; strangers type one
  too): number + face, 1:1.

Poisoning: for 10 enrolled people (spread over the list), the stranger most like them (nearest mean
embedding) comes every day in the learning modes, and once a day also types that person's number.

Per mode and day: enrolled visits missed (no automatic check-in), with one click (``learn_confirm``:
missed and no right candidate), wrong person, stranger visits that checked somebody in, learned
samples; candidates: the right person shown for missed enrolled visits, a candidate shown to
strangers; number + face acceptances; poisoning check-ins and samples learned from strangers.

    python bench/days.py [--populations celeba east_asian] [--days 8] [--model-dir DIR] [--json bench/results/days.json]
"""
from __future__ import annotations

import argparse
import dataclasses
import logging
import os
import platform
import sys
import time
import zlib
from pathlib import Path

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import numpy as np  # noqa: E402
from tqdm import tqdm  # noqa: E402

from bench import populations  # noqa: E402
from bench.report import write_json  # noqa: E402
from bench.visits import FPS, render_visit  # noqa: E402
from bench.walkby import LIVENESS_NOTE, VISIT_GAP_S, enroll, upper_95  # noqa: E402
from recognition.imageio import read_image  # noqa: E402
from recognition.stream import ClaimError  # noqa: E402
from recognition.stream.claims import ClaimGuard  # noqa: E402

SHARED = REPO.parent / "shared" / "data"
LEARNING_MODES = ("off", "learn", "learn_confirm")
CLAIM_MODES = ("claim_right", "claim_wrong")
POISONED_PEOPLE = 10


@dataclasses.dataclass(frozen=True)
class DayVisit:
    day: int
    label: str               # who walks past
    still: Path
    seed: int
    enrolled: bool
    poisoner_of: str | None = None     # a stranger visiting to be taken for this enrolled person
    claims: str | None = None          # ... and typing their number (poisoning visits only)


def _seed(*parts) -> int:
    return zlib.crc32("/".join(map(str, parts)).encode("utf-8"))


def schedule(population, days: int, poisoners: dict[str, str], stranger_photos: dict[str, list[Path]],
             order_seed: int = 0) -> list[DayVisit]:
    """Every visit of the run in order: day by day, enrolled people, strangers and poisoners mixed."""
    enrolled_photos: dict[str, list[Path]] = {}
    strangers = []
    for visit in population.visits:
        if visit.enrolled:
            enrolled_photos.setdefault(visit.label, []).append(visit.still)
        else:
            strangers.append(visit)
    by_day: list[list[DayVisit]] = [[] for _ in range(days)]
    for label, photos in enrolled_photos.items():
        for day in range(days):
            still = photos[day % len(photos)]
            by_day[day].append(DayVisit(day + 1, label, still, _seed("days", label, still.name, day), True))
    for index, visit in enumerate(strangers):
        by_day[index % days].append(DayVisit(index % days + 1, visit.label, visit.still, visit.seed, False))
    for target, stranger in poisoners.items():
        photos = stranger_photos[stranger]
        for day in range(days):
            for claims in (None, target):
                still = photos[(2 * day + (claims is not None)) % len(photos)]
                by_day[day].append(DayVisit(day + 1, stranger, still, _seed("poison", target, day, claims),
                                            False, poisoner_of=target, claims=claims))
    rng = np.random.default_rng(order_seed)
    ordered = []
    for visits in by_day:
        ordered += [visits[i] for i in rng.permutation(len(visits))]
    return ordered


def nearest_strangers(recognizer, gallery, stranger_photos: dict[str, list[Path]], targets) -> dict[str, str]:
    """For each target (enrolled person), the stranger whose mean embedding is nearest to them."""
    from recognition.photos import embed_photos
    from recognition.stream.templates import Templates, normalise

    names, means = [], []
    for name, photos in stranger_photos.items():
        found = [r.embedding for r in embed_photos(recognizer, photos[:3]) if r.embedding is not None]
        if found:
            names.append(name)
            means.append(normalise(np.mean(found, axis=0)))
    templates = Templates.from_gallery(gallery.samples())
    means = np.stack(means)
    chosen = {}
    for target in targets:
        similarity = means @ templates.vectors[templates.index_of(target)]
        chosen[target] = names[int(np.argmax(similarity))]
    return chosen


class Mode:
    """One desk: its own gallery (a copy of the enrolled one) and stream."""

    def __init__(self, name: str, recognizer, gallery, labels: list[str]):
        from recognition.stream import StreamPolicy, StreamRecognizer

        self.name = name
        self.gallery = gallery
        policy = StreamPolicy(learn=name in ("learn", "learn_confirm"), liveness="off")    # LIVENESS_NOTE
        self.stream = StreamRecognizer(recognizer, gallery, policy)
        # every claim is judged on the face alone here: the desk's lock after repeated failures (a
        # second line of defence, tested in tests/recognition) would hide what the face check lets through
        self.stream.claims = ClaimGuard(allowed=10 ** 9)
        self.labels = labels
        self.clock = 0.0
        self.learned_from: dict[str, int] = {}      # the visitor -> samples learned from their visits
        self.learned_total = 0

    def _store(self, learn) -> None:
        if learn.replaces is not None:
            self.gallery.remove_samples([learn.replaces])
        self.gallery.add(learn.key, learn.sample.embedding, learned=True)

    def visit(self, visit: DayVisit, frames) -> dict:
        """Feed the visit; returns what happened (check-ins, candidate, claim verdict, samples learned)."""
        self.clock += VISIT_GAP_S
        start = self.clock
        claim = None
        if self.name == "claim_right" and visit.enrolled:
            claim = visit.label
        elif self.name == "claim_wrong":
            others = [label for label in self.labels if label != visit.label]
            claim = others[np.random.default_rng(visit.seed).integers(len(others))]
        elif visit.claims is not None and self.name in LEARNING_MODES:
            claim = visit.claims
        decisions = []
        spent = 0.0
        for index, frame in enumerate(frames):
            began = time.perf_counter()
            decisions += self.stream.process(frame, start + index / FPS)
            if claim is not None and self.stream.faces:      # typed once the face is there
                try:
                    self.stream.claim(claim)
                except ClaimError:
                    pass                                     # a locked number: no verdict
                claim = None
            spent += time.perf_counter() - began
        decisions += self.stream.reset()
        self.clock = start + len(frames) / FPS
        outcome = {"checked_in": set(), "claim_accepted": None, "candidate": None, "learned": 0,
                   "confirmed": False, "seconds": spent}
        for decision in decisions:
            if decision.method == "number+face":
                outcome["claim_accepted"] = decision.key is not None
            if decision.key is not None:
                outcome["checked_in"].add(decision.key)
            elif decision.candidate_key is not None:
                outcome["candidate"] = decision.candidate_key
            # the operator confirms the right candidate of a missed visit (and answers "Not them" else)
            confirmed = (self.name == "learn_confirm" and decision.key is None and visit.enrolled
                         and decision.candidate_key == visit.label)
            outcome["confirmed"] |= confirmed
            learn = decision.learn
            if learn is not None and self.name in ("learn", "learn_confirm") and (decision.key is not None or confirmed):
                self._store(learn)
                outcome["learned"] += 1
                self.learned_from[visit.label] = self.learned_from.get(visit.label, 0) + 1
                self.learned_total += 1
        return outcome


def _rate(events: int, trials: int) -> dict:
    return {"events": events, "trials": trials, "rate": events / trials if trials else None,
            "upper95": upper_95(events, trials) if trials else None}


def summarise(mode: str, visits: list[DayVisit], outcomes: list[dict], days: int) -> dict:
    per_day = []
    for day in range(1, days + 1):
        todays = [(v, o) for v, o in zip(visits, outcomes) if v.day == day]
        enrolled = [(v, o) for v, o in todays if v.enrolled]
        strangers = [(v, o) for v, o in todays if not v.enrolled and v.poisoner_of is None]
        missed = [(v, o) for v, o in enrolled if v.label not in o["checked_in"]]
        row = {
            "day": day,
            "enrolled_visits": len(enrolled),
            "missed": len(missed), "missed_rate": len(missed) / max(1, len(enrolled)),
            "missed_after_one_click": sum(not o["confirmed"] for _v, o in missed)
            if mode == "learn_confirm" else None,
            "wrong_person": sum(any(p != v.label for p in o["checked_in"]) for v, o in enrolled),
            "stranger_visits": len(strangers),
            "false_checkins": sum(bool(o["checked_in"]) for _v, o in strangers),
            "learned_samples": sum(o["learned"] for _v, o in todays),
            "right_candidate_for_missed": sum(o["candidate"] == v.label for v, o in missed),
            "strangers_shown_a_candidate": sum(o["candidate"] is not None for _v, o in strangers),
        }
        per_day.append(row)
    everyone = [(v, o) for v, o in zip(visits, outcomes)]
    enrolled = [(v, o) for v, o in everyone if v.enrolled]
    strangers = [(v, o) for v, o in everyone if not v.enrolled and v.poisoner_of is None]
    missed = [(v, o) for v, o in enrolled if v.label not in o["checked_in"]]
    totals = {
        "false_checkins": _rate(sum(bool(o["checked_in"]) for _v, o in strangers), len(strangers)),
        "wrong_person": _rate(sum(any(p != v.label for p in o["checked_in"]) for v, o in enrolled), len(enrolled)),
        "missed": _rate(len(missed), len(enrolled)),
        "right_candidate_for_missed": _rate(sum(o["candidate"] == v.label for v, o in missed), len(missed)),
        "strangers_shown_a_candidate": _rate(sum(o["candidate"] is not None for _v, o in strangers), len(strangers)),
        "ms_per_frame": 1000 * sum(o["seconds"] for _v, o in everyone) / max(1, 12 * len(everyone)),
    }
    return {"per_day": per_day, "totals": totals}


def summarise_claims(mode: str, visits, outcomes) -> dict:
    trials = [(v, o) for v, o in zip(visits, outcomes) if v.poisoner_of is None
              and (v.enrolled or mode == "claim_wrong")]
    accepted = sum(bool(o["claim_accepted"]) for _v, o in trials)
    figures = {"accepted": _rate(accepted, len(trials)),
               "no_verdict": sum(o["claim_accepted"] is None for _v, o in trials)}
    if mode == "claim_wrong":
        figures["accepted_enrolled_visitors"] = _rate(
            sum(bool(o["claim_accepted"]) for v, o in trials if v.enrolled), sum(v.enrolled for v, _o in trials))
    return figures


def poisoning(visits, outcomes, learned_from: dict) -> dict:
    attacks = [(v, o) for v, o in zip(visits, outcomes) if v.poisoner_of is not None]
    enrolled = {v.label for v in visits if v.enrolled}
    return {"visits": len(attacks),
            "checked_in_as_target": sum(v.poisoner_of in o["checked_in"] for v, o in attacks),
            "checked_in_at_all": sum(bool(o["checked_in"]) for _v, o in attacks),
            "claims": sum(v.claims is not None for v, _o in attacks),
            "claims_accepted": sum(bool(o["claim_accepted"]) for v, o in attacks if v.claims is not None),
            "samples_learned_from_strangers": sum(n for label, n in learned_from.items() if label not in enrolled)}


def run_population(recognizer, name: str, days: int, modes: list[str], limit: int | None) -> dict:
    population = populations.POPULATIONS[name](SHARED, visits_per_enrolled=days)
    base = enroll(recognizer, population)
    labels = sorted(population.gallery)
    stranger_photos: dict[str, list[Path]] = {}
    for visit in population.visits:
        if not visit.enrolled:
            stranger_photos.setdefault(visit.label, []).append(visit.still)
    visitors = sorted(label for label in labels if not label.startswith("lfw:"))
    targets = [visitors[int(i * len(visitors) / POISONED_PEOPLE)] for i in range(POISONED_PEOPLE)]
    poisoners = nearest_strangers(recognizer, base, stranger_photos, targets)
    visits = schedule(population, days, poisoners, stranger_photos)
    if limit:          # a quick look: ``limit`` enrolled people, a quarter of the strangers
        people = sorted({v.label for v in visits if v.enrolled})
        kept = set(people[:: max(1, len(people) // limit)])
        visits = [v for i, v in enumerate(visits)
                  if v.label in kept or v.poisoner_of is not None or (not v.enrolled and i % 4 == 0)]
    desks = {}
    for mode in modes:
        gallery = base.snapshot()
        desks[mode] = Mode(mode, recognizer, gallery, labels)
    outcomes = {mode: [] for mode in modes}
    skipped = {"checked_in": set(), "claim_accepted": None, "candidate": None, "learned": 0,
               "confirmed": False, "seconds": 0.0}
    thresholds = {mode: {} for mode in modes}            # the operating point at the end of each day
    for visit in tqdm(visits, desc=name, leave=False):
        for mode, desk in desks.items():
            thresholds[mode][visit.day] = desk.stream.operating_point.threshold
        frames = render_visit(read_image(visit.still), visit.seed)
        for mode, desk in desks.items():
            # the claim desks take no poisoners (the learning desks do), and strangers have no own number
            if mode in CLAIM_MODES and (visit.poisoner_of is not None or (mode == "claim_right" and not visit.enrolled)):
                outcomes[mode].append(skipped)
            else:
                outcomes[mode].append(desk.visit(visit, frames))
    figures = {"enrolled_people": len(labels), "enrolled_embeddings": base.size, "days": days,
               "poisoners": poisoners, "modes": {}}
    for mode, desk in desks.items():
        if mode in LEARNING_MODES:
            figures["modes"][mode] = summarise(mode, visits, outcomes[mode], days)
            figures["modes"][mode]["poisoning"] = poisoning(visits, outcomes[mode], desk.learned_from)
            figures["modes"][mode]["learned_samples_total"] = desk.learned_total
            for row in figures["modes"][mode]["per_day"]:
                row["threshold_end_of_day"] = thresholds[mode].get(row["day"])
            figures["modes"][mode]["gallery_embeddings_at_end"] = desk.gallery.size
        else:
            figures["modes"][mode] = summarise_claims(mode, visits, outcomes[mode])
        point = desk.stream.operating_point
        figures["modes"][mode]["operating_point"] = str(point)
    return figures


def report(name: str, figures: dict) -> None:
    print(f"\n{name}: {figures['enrolled_people']} people enrolled, {figures['days']} days")
    for mode, f in figures["modes"].items():
        if "per_day" in f:
            t = f["totals"]
            last = f["per_day"][-1]
            click = "" if last["missed_after_one_click"] is None else \
                f", after one click {last['missed_after_one_click']}"
            print(f"  {mode:>13}: missed by day " + " ".join(f"{100 * d['missed_rate']:.0f}" for d in f["per_day"])
                  + f" %; last day {last['missed']}/{last['enrolled_visits']}{click}; false "
                  f"{t['false_checkins']['events']}/{t['false_checkins']['trials']} (<= "
                  f"{100 * t['false_checkins']['upper95']:.2f} %), wrong {t['wrong_person']['events']}, learned "
                  f"{f['learned_samples_total']}; right candidate for "
                  f"{t['right_candidate_for_missed']['events']}/{t['right_candidate_for_missed']['trials']} missed, "
                  f"strangers shown one {t['strangers_shown_a_candidate']['events']}/"
                  f"{t['strangers_shown_a_candidate']['trials']}; poisoning: {f['poisoning']}")
        else:
            a = f["accepted"]
            print(f"  {mode:>13}: accepted {a['events']}/{a['trials']} = {100 * (a['rate'] or 0):.1f} % "
                  f"(no verdict {f['no_verdict']})")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--populations", nargs="+", default=["celeba", "east_asian"],
                        choices=list(populations.POPULATIONS))
    parser.add_argument("--days", type=int, default=8)
    parser.add_argument("--modes", nargs="+", default=list(LEARNING_MODES + CLAIM_MODES),
                        choices=list(LEARNING_MODES + CLAIM_MODES))
    parser.add_argument("--limit", type=int, help="about this many enrolled people per population (a quick look)")
    parser.add_argument("--model-dir", help="the network to run (default: the default dlib port), e.g. "
                                            "recognition/models/pretrained/mobilefacenet")
    parser.add_argument("--json", help="write the figures to this JSON file")
    args = parser.parse_args(argv)

    from recognition.recognizer import FaceRecognizer

    logging.getLogger("recognition.stream.claims").setLevel(logging.ERROR)    # thousands of wrong numbers
    recognizer = FaceRecognizer.load(args.model_dir)
    started = time.time()
    print(LIVENESS_NOTE)
    results = {"machine": f"{platform.machine()} {os.cpu_count()} cores", "model": recognizer.spec.name,
               "liveness": "off", "started": time.strftime("%Y-%m-%d %H:%M"), "populations": {}}
    for name in args.populations:
        results["populations"][name] = figures = run_population(recognizer, name, args.days, args.modes, args.limit)
        report(name, figures)
    results["minutes"] = round((time.time() - started) / 60, 1)
    write_json(args.json, results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
