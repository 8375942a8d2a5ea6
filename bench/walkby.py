"""People walking past the desk: today's per-frame rule vs the stream recognizer, on the same frames.

Each visit is 12 camera-like frames at 25 fps made from one still (bench/visits.py); the
populations are in bench/populations.py: (a) ``celeba`` half the shared CelebA identities enrolled
with 3 photos, the other half strangers; (b) ``east_asian`` the LFW people of East Asian origin
(lfw/east_asian_dev.txt), those with >= 4 photos enrolled with 2; (c) ``celeba_1000`` (a) with
1,000 more LFW people enrolled who never visit.

* per-frame rule (the desk before the stream): every frame is identified on its own, and a face
  whose nearest enrolled embedding is within the model's LFW threshold checks that person in (once
  per visit: the backend's cooldown);
* stream: ``recognition.stream.StreamRecognizer`` at its default policy; a visit's decisions for a
  person check them in.

Per population and rule: false check-ins per stranger visit, wrong-person and missed check-ins
per enrolled visit, the median time from the first frame to the check-in, network calls and
milliseconds of recognition per frame (rendering the frames is not counted).

    python bench/walkby.py [--populations celeba east_asian celeba_1000] [--model-dir DIR] [--json bench/results/walkby.json]
"""
from __future__ import annotations

import argparse
import dataclasses
import math
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.report import write_json  # noqa: E402

import numpy as np  # noqa: E402
from tqdm import tqdm  # noqa: E402

from bench import populations  # noqa: E402
from bench.visits import FPS, render_visit  # noqa: E402
from recognition.imageio import read_image  # noqa: E402

SHARED = REPO.parent / "shared" / "data"
#: stream time between two visits: longer than any gap a track survives, so each is a new visit
#: said in every walk-by bench's output: these figures are not those of a desk proving faces live
LIVENESS_NOTE = "liveness off: the walk-by frames are flat photos"
VISIT_GAP_S = 5.0


@dataclasses.dataclass
class Outcome:
    checked_in: dict            # person id -> seconds from the visit's first frame
    seconds: float              # recognition time spent on the visit's frames
    network_calls: int
    frames: int
    nearest: dict = dataclasses.field(default_factory=dict)   # stream: person -> fused distance decided at


def upper_95(events: int, trials: int) -> float:
    """One-sided 95 % upper confidence bound of a rate (Clopper-Pearson)."""
    if trials == 0:
        return float("nan")
    if events >= trials:
        return 1.0
    low, high = events / trials, 1.0
    for _ in range(60):                       # bisection on the binomial tail
        mid = (low + high) / 2
        tail = sum(math.comb(trials, k) * mid ** k * (1 - mid) ** (trials - k) for k in range(events + 1))
        low, high = (mid, high) if tail > 0.05 else (low, mid)
    return high


def enroll(recognizer, population):
    from recognition.gallery import Gallery
    from recognition.photos import embed_photos

    gallery = Gallery.open(Path(tempfile.mkdtemp()) / "walkby.h5", recognizer.spec.fingerprint)
    for label, photos in tqdm(population.gallery.items(), desc=f"enrolling {population.name}", leave=False):
        found = [r.embedding for r in embed_photos(recognizer, photos) if r.embedding is not None]
        if found:
            gallery.add(label, np.stack(found))
    return gallery


class PerFrameRule:
    """Today's desk: identify every frame; a match under the model's threshold checks in."""

    def __init__(self, recognizer, gallery):
        self.recognizer, self.gallery = recognizer, gallery

    def visit(self, frames) -> Outcome:
        checked_in, calls, spent = {}, 0, 0.0
        for index, frame in enumerate(frames):
            started = time.perf_counter()
            faces = self.recognizer.identify(frame, self.gallery)
            spent += time.perf_counter() - started
            calls += bool(faces)
            for face in faces:
                if face.key is not None:
                    checked_in.setdefault(face.key, index / FPS)
        return Outcome(checked_in, spent, calls, len(frames))


class StreamRule:
    def __init__(self, recognizer, gallery, policy=None):
        from recognition.stream import StreamPolicy, StreamRecognizer

        # liveness off: the walk-by frames are flat photos (bench/liveness.py measures liveness)
        self.stream = StreamRecognizer(recognizer, gallery, policy or StreamPolicy(liveness="off"))
        self.clock = 0.0

    def visit(self, frames) -> Outcome:
        self.clock += VISIT_GAP_S
        start, calls_before = self.clock, self.stream.network_calls
        checked_in, nearest, spent = {}, {}, 0.0
        for index, frame in enumerate(frames):
            t = start + index / FPS
            began = time.perf_counter()
            decisions = self.stream.process(frame, t)
            spent += time.perf_counter() - began
            for decision in decisions:
                if decision.key is not None:
                    checked_in.setdefault(decision.key, decision.t - start)
                if decision.nearest_key is not None:
                    nearest[decision.nearest_key] = min(decision.distance, nearest.get(decision.nearest_key, 9.0))
        self.clock = start + len(frames) / FPS
        return Outcome(checked_in, spent, self.stream.network_calls - calls_before, len(frames), nearest)


def summarise(visits, outcomes) -> dict:
    strangers = [o for v, o in zip(visits, outcomes) if not v.enrolled]
    enrolled = [(v, o) for v, o in zip(visits, outcomes) if v.enrolled]
    false = sum(bool(o.checked_in) for o in strangers)
    wrong = sum(any(p != v.label for p in o.checked_in) for v, o in enrolled)
    missed = sum(v.label not in o.checked_in for v, o in enrolled)
    times = [o.checked_in[v.label] for v, o in enrolled if v.label in o.checked_in]
    frames = sum(o.frames for o in outcomes)
    return {
        "stranger_visits": len(strangers), "false_checkins": false,
        "false_checkin_rate": false / max(1, len(strangers)),
        "false_checkin_rate_upper95": upper_95(false, len(strangers)),
        "enrolled_visits": len(enrolled), "wrong_person": wrong, "wrong_person_rate": wrong / max(1, len(enrolled)),
        "wrong_person_rate_upper95": upper_95(wrong, len(enrolled)),
        "missed": missed, "missed_rate": missed / max(1, len(enrolled)),
        "median_time_to_checkin_s": statistics.median(times) if times else None,
        "frames": frames,
        "network_calls_per_frame": sum(o.network_calls for o in outcomes) / max(1, frames),
        "ms_per_frame": 1000 * sum(o.seconds for o in outcomes) / max(1, frames),
    }


def network_limit(visits, outcomes, rates=(0.001, 0.005)) -> dict:
    """What the network allows on these visits, with hindsight: the threshold that would have let
    exactly ``rate`` of the stranger visits through (their decisions' fused distance to the nearest
    person), and the enrolled visits missed at it (no decision, the nearest person not them, or
    further). The stream's own operating point is set without this hindsight."""
    strangers = sorted(min(o.nearest.values(), default=9.0) for v, o in zip(visits, outcomes) if not v.enrolled)
    own = [o.nearest.get(v.label, 9.0) if min(o.nearest, key=o.nearest.get, default=None) == v.label else 9.0
           for v, o in zip(visits, outcomes) if v.enrolled]
    limits = {}
    for rate in rates:
        threshold = float(np.quantile(strangers, rate)) if strangers else float("nan")
        limits[f"at_{rate:g}"] = {"threshold": threshold,
                                  "missed_rate": float(np.mean([d > threshold for d in own])) if own else None}
    return limits


def run_population(recognizer, name: str, rules: list[str], limit: int | None) -> dict:
    population = populations.POPULATIONS[name](SHARED)
    visits = population.visits if limit is None else population.visits[:: max(1, len(population.visits) // limit)]
    gallery = enroll(recognizer, population)
    figures = {"enrolled_people": len(gallery), "enrolled_embeddings": gallery.size}
    makers = {"per_frame": PerFrameRule, "stream": StreamRule}
    runners = {rule: makers[rule](recognizer, gallery) for rule in rules}
    outcomes = {rule: [] for rule in rules}
    for visit in tqdm(visits, desc=name, leave=False):
        frames = render_visit(read_image(visit.still), visit.seed)      # the same frames for every rule
        for rule, runner in runners.items():
            outcomes[rule].append(runner.visit(frames))
    for rule in rules:
        figures[rule] = summarise(visits, outcomes[rule])
    if "stream" in runners:
        figures["stream"]["network_limit"] = network_limit(visits, outcomes["stream"])
        point = runners["stream"].stream.operating_point
        figures["stream"]["operating_point"] = {"threshold": point.threshold, "margin": point.margin,
                                                "people": point.people, "description": str(point)}
    return figures


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--populations", nargs="+", default=list(populations.POPULATIONS),
                        choices=list(populations.POPULATIONS))
    parser.add_argument("--rules", nargs="+", default=["per_frame", "stream"], choices=["per_frame", "stream"])
    parser.add_argument("--limit", type=int, help="at most about this many visits per population (a quick look)")
    parser.add_argument("--model-dir", help="the network to run (default: the default dlib port), e.g. "
                                            "recognition/models/pretrained/mobilefacenet")
    parser.add_argument("--json", help="write the figures to this JSON file")
    args = parser.parse_args(argv)

    from recognition.recognizer import FaceRecognizer

    recognizer = FaceRecognizer.load(args.model_dir)
    print(LIVENESS_NOTE)
    results = {"machine": f"{platform.machine()} {os.cpu_count()} cores", "model": recognizer.spec.name,
               "liveness": "off",
               "lfw_threshold": recognizer.threshold, "fps": FPS, "populations": {}}
    for name in args.populations:
        results["populations"][name] = figures = run_population(recognizer, name, args.rules, args.limit)
        print(f"\n{name}: {figures['enrolled_people']} people enrolled ({figures['enrolled_embeddings']} embeddings)")
        for rule in args.rules:
            f = figures[rule]
            time_text = "-" if f["median_time_to_checkin_s"] is None else f"{f['median_time_to_checkin_s']:.2f} s"
            print(f"  {rule:>9}: false {f['false_checkins']}/{f['stranger_visits']} = {100 * f['false_checkin_rate']:.2f} % "
                  f"(<= {100 * f['false_checkin_rate_upper95']:.2f} %), wrong {f['wrong_person']}/{f['enrolled_visits']} "
                  f"= {100 * f['wrong_person_rate']:.2f} %, missed {f['missed']} = {100 * f['missed_rate']:.1f} %, "
                  f"check-in after {time_text}, {f['network_calls_per_frame']:.2f} network calls and "
                  f"{f['ms_per_frame']:.1f} ms per frame")
        if "stream" in figures:
            limits = figures["stream"]["network_limit"]
            print("  network limit (hindsight): " + "; ".join(
                f"{100 * float(rate[3:]):g} % false at threshold {lim['threshold']:.3f} -> "
                f"{100 * lim['missed_rate']:.1f} % missed" for rate, lim in limits.items()))
            print(f"  operating point: {figures['stream']['operating_point']['description']}")
    write_json(args.json, results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
