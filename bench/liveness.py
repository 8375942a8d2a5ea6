"""Liveness at the desk: live heads vs prints, phones and replays, on the stream recognizer's real frames.

Every visit is rendered (bench/heads.py) frame by frame at ``--fps`` and fed to a StreamRecognizer with
``liveness`` on; the person (or the attacker) sees the prompt drawn on their face and answers it.

* **live**: an enrolled person's visit photo lifted onto the anthropometric head, nose and face depth
  each drawn from 60-130 % of the mean (the low end, both <= 80 %, is reported on its own); the head
  sways 1-3 degrees and, in half the visits, turns or nods once by itself (5-20 degrees); asked to
  turn, it answers after 0.6-1.2 s with a 15-20 degree turn to the side asked;
* **live_low**: as live, nose and face depth both 60-80 % of the mean (flatter faces, lower nose
  bridges: common among the desk's users);
* **print**: the person's photo (every other visit one of their enrolled photos, else their visit
  photo) printed (paper, margin, a slight bend in half of them), hand-held: from a pose up to 30
  degrees about every axis to another, moved, with tremor; asked to turn, the attacker turns the print
  15-30 degrees to the side asked;
* **phone**: the photo on a phone screen (display gamma, moire, glare in half, the bezel in view in
  half; out of view the screen fills more of the frame), held and turned as the print;
* **replay**: a rendered live turn of the person (to a random side at a random moment) played on a
  phone held as above: it answers a challenge only by chance;
* **replay_both**: as replay, but the clip turns to one side, holds 0.6-1.5 s, turns to the other and
  back: the best clip against a challenge that asks for a turn each way.

Figures per population ((a) ``celeba``, (b) ``east_asian`` of bench/populations.py) and policy
(``when_unsure``, the desk's default, and ``always``): attacks checked in per type with the upper 95 %
bound (Clopper-Pearson; 0/N gives ~3/N), live visits refused (of those the face recognition accepted),
the median time to a check-in with a challenge, low-depth faces apart. Liveness only ever refuses, so
strangers' false check-ins cannot rise (bench/walkby.py counts them with liveness off).

    python bench/liveness.py [--populations celeba east_asian] [--visits 20] [--fps 10] [--json bench/results/liveness.json]
"""
from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.report import write_json  # noqa: E402

import numpy as np  # noqa: E402
from tqdm import tqdm  # noqa: E402

from bench import populations  # noqa: E402
from bench.heads import FlatActor, HeadActor, Surface, head_video, still_landmarks  # noqa: E402
from bench.populations import _seed  # noqa: E402
from bench.walkby import enroll, upper_95  # noqa: E402
from recognition.imageio import read_image  # noqa: E402

SHARED = REPO.parent / "shared" / "data"
TYPES = ("live", "live_low", "print", "phone", "replay", "replay_both")
LIVE_TYPES = ("live", "live_low")
LOW_DEPTH = 0.8


def make_actor(kind: str, still, points, seed: int, enrolled_still=None, enrolled_points=None):
    """The visit's actor and its depth factors (live and replay)."""
    rng = np.random.default_rng(seed)
    nose, face = rng.uniform(0.6, 0.8 if kind == "live_low" else 1.3, 2)
    if kind in LIVE_TYPES:
        glance = rng.uniform(5, 20) if rng.random() < 0.5 else 0.0
        return HeadActor(still, points, seed, nose_depth=nose, face_depth=face, sway_deg=rng.uniform(1, 3),
                         glance_deg=glance), (nose, face)
    if kind == "print":
        if enrolled_still is not None and rng.random() < 0.5:
            still, points = enrolled_still, enrolled_points
        bend = rng.uniform(0.01, 0.04) if rng.random() < 0.5 else 0.0
        return FlatActor(Surface.card(still, points, seed, bend=bend), seed), None
    bezel = rng.random() < 0.5
    gamma = rng.uniform(0.8, 1.3)
    glare = rng.random() < 0.5
    scale = 1.0 if bezel else rng.uniform(1.1, 1.4)
    if kind == "phone":
        return FlatActor(Surface.phone(still, points, seed, bezel=bezel, gamma=gamma), seed, glare=glare,
                         face_scale=scale), None
    video = head_video(still, points, seed, nose, face, both_ways=kind == "replay_both")
    return FlatActor(None, seed, glare=glare, answers=False, face_scale=scale,
                     screen=lambda t: Surface.phone(video(t), points, seed, bezel=bezel, gamma=gamma)), (nose, face)


def run_visit(stream, actor, fps: float, seconds: float) -> dict:
    """Play one visit; its outcome: who was checked in (and how), or why it was refused."""
    prompt, result = None, {"checked_in": None, "refused": None, "kind": None, "t": None, "prompted": False}
    render = spent = 0.0
    frames = 0
    for i in range(int(seconds * fps)):
        t = i / fps
        started = time.perf_counter()
        frame = actor.frame(t, prompt)
        render += time.perf_counter() - started
        started = time.perf_counter()
        decisions = stream.process(frame, t)
        spent += time.perf_counter() - started
        frames += 1
        _watch(stream, result)
        asked = [f.challenge for f in stream.faces if f.challenge is not None]
        prompt = asked[0] if asked else None
        result["prompted"] |= prompt is not None
        done = False
        for d in decisions:
            if d.key is not None and result["checked_in"] is None:
                result.update(checked_in=d.key, kind=d.liveness.kind if d.liveness else None, t=d.t)
                done = True
            elif d.refused and result["refused"] is None and result["checked_in"] is None:
                result.update(refused=d.refused, t=d.t, nearest=d.nearest_key)
                done = True
            elif d.key is None and not d.refused:
                result.setdefault("unknown", []).append(d.nearest_key)
        if done:
            break
    for d in stream.reset():
        if d.key is not None and result["checked_in"] is None and result["refused"] is None:
            result.update(checked_in=d.key, kind=d.liveness.kind if d.liveness else None, t=d.t)
        elif d.refused and result["refused"] is None and result["checked_in"] is None:
            result.update(refused=d.refused, t=d.t)
    result.update(frames=frames, render_s=render, stream_s=spent)
    return result


def _watch(stream, result) -> None:
    """The strongest evidence each visit gave (to set the liveness knobs from): the pairs' parallax and
    nose residual, the challenge's best answer."""
    for face in stream.liveness._faces.values():
        for landmark, parallax, motion in face.pairs:
            if parallax > result.get("max_parallax", (0, 0))[0]:
                result["max_parallax"] = (parallax, landmark)
            both = min(parallax / 0.1, landmark / 0.1)
            if both > result.get("max_both", (0, 0, 0))[0]:
                result["max_both"] = (both, parallax, landmark)
        c = face.challenge
        if c is not None and c.best_parallax > result.get("challenge_best", (0, 0, 0))[0]:
            result["challenge_best"] = (c.best_parallax, c.best_landmark, c.best_turn)


def rate(events: int, trials: int) -> dict:
    return {"events": events, "trials": trials, "rate": events / trials if trials else float("nan"),
            "upper_95": upper_95(events, trials)}


def summarise(rows: list[dict]) -> dict:
    out = {}
    for kind in TYPES:
        mine = [r for r in rows if r["type"] == kind]
        if not mine:
            continue
        if kind in LIVE_TYPES:
            groups = (("all", mine), ("low_depth", [r for r in mine if max(r["depth"]) <= LOW_DEPTH]))
            for label, group in groups if kind == "live" else (("low_depth_only", mine),):
                recognised = [r for r in group if r["checked_in"] == r["label"] or r["refused"]]
                refused = [r for r in recognised if r["refused"]]
                challenged = [r["t"] for r in recognised if r["checked_in"] and r["kind"] == "challenge"]
                out[f"live_{label}"] = {
                    "visits": len(group), "recognised": len(recognised),
                    "refused": rate(len(refused), len(recognised)),
                    "refused_reasons": {k: sum(r["refused"] == k for r in refused) for k in {r["refused"] for r in refused}},
                    "passive": sum(r["kind"] == "passive" for r in recognised),
                    "challenge": len(challenged),
                    "median_s_to_checkin_with_challenge": statistics.median(challenged) if challenged else None,
                    "median_s_to_checkin": statistics.median([r["t"] for r in recognised if r["checked_in"]] or [float("nan")]),
                }
        else:
            checked = [r for r in mine if r["checked_in"] is not None]
            out[kind] = {"visits": len(mine), "checked_in": rate(len(checked), len(mine)),
                         "refused": sum(bool(r["refused"]) for r in mine),
                         "never_decided": sum(not r["refused"] and r["checked_in"] is None for r in mine),
                         "reasons": {k: sum(r["refused"] == k for r in mine) for k in {r["refused"] for r in mine if r["refused"]}}}
    return out


def visits_for(population, count: int, seed: int) -> list[tuple[str, Path, Path]]:
    """``count`` enrolled visits (label, visit photo, one enrolled photo), spread over the people."""
    enrolled = [v for v in population.visits if v.enrolled]
    rng = random.Random(seed)
    rng.shuffle(enrolled)
    people, chosen = set(), []
    for v in enrolled + enrolled:             # one per person first, then seconds
        if len(chosen) >= count:
            break
        if v.label in people and len(people) < len({e.label for e in enrolled}):
            continue
        people.add(v.label)
        chosen.append((v.label, v.still, population.gallery[v.label][0]))
    return chosen


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)
    parser.add_argument("--populations", nargs="+", default=["celeba", "east_asian"],
                        choices=["celeba", "east_asian"])
    parser.add_argument("--visits", type=int, default=20, help="visits per type, population and policy")
    parser.add_argument("--policies", nargs="+", default=["when_unsure", "always"], choices=["when_unsure", "always"])
    parser.add_argument("--types", nargs="+", default=list(TYPES), choices=TYPES, help="visit types to play")
    parser.add_argument("--fps", type=float, default=10.0, help="frames a second the stream gets")
    parser.add_argument("--seconds", type=float, default=8.0, help="longest visit (the challenge's two turns and more)")
    parser.add_argument("--model-dir", help="model directory (default: the dlib port)")
    parser.add_argument("--min-face-size", type=int, default=60)
    parser.add_argument("--json", help="write the figures to this JSON file")
    args = parser.parse_args(argv)
    try:
        return _main(args)
    except (OSError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1


def _main(args) -> int:
    if args.visits < 1 or args.fps <= 0 or args.seconds <= 0:
        raise ValueError("--visits, --fps and --seconds must be positive")
    if not (SHARED / "lfw" / "images").is_dir():
        raise OSError(f"shared data not found at {SHARED}")
    from recognition import FaceRecognizer
    from recognition.models.dlib_resnet import ensure_default_model
    from recognition.recognizer import DEFAULT_MODEL_DIR
    from recognition.stream import StreamPolicy, StreamRecognizer

    model_dir = args.model_dir or ensure_default_model(DEFAULT_MODEL_DIR)
    recognizer = FaceRecognizer.load(model_dir, min_face_size=args.min_face_size)
    started = time.time()
    load = os.getloadavg()
    figures = {"machine": {"platform": platform.platform(), "cpus": os.cpu_count(), "load_at_start": load},
               "fps": args.fps, "visits_per_type": args.visits, "populations": {}}
    for name in args.populations:
        population = populations.POPULATIONS[name](SHARED)
        gallery = enroll(recognizer, population)
        chosen = visits_for(population, args.visits, _seed(name, "liveness"))
        landmarks = {}

        def photo(path):
            if path not in landmarks:
                image = read_image(path)
                landmarks[path] = (image, still_landmarks(recognizer.detector, image))
            return landmarks[path]
        per_policy = {}
        for policy_name in args.policies:
            rows = []
            stream = StreamRecognizer(recognizer, gallery, StreamPolicy(liveness=policy_name))
            # "always" changes nothing for a print or a phone photo (both are asked already): live and replay
            kinds = [k for k in (TYPES if policy_name == "when_unsure" else ("live", "live_low", "replay", "replay_both", "print"))
                     if k in args.types]
            jobs = [(kind, i, v) for kind in kinds for i, v in enumerate(chosen)]
            for kind, i, (label, visit_photo, enrolled_photo) in tqdm(jobs, desc=f"{name} {policy_name}"):
                still, points = photo(visit_photo)
                enrolled_still, enrolled_points = photo(enrolled_photo)
                if points is None:
                    continue
                seed = _seed(name, kind, i, visit_photo.name)
                stream.liveness.rng = random.Random(seed)
                actor, depth = make_actor(kind, still, points, seed, enrolled_still, enrolled_points)
                result = run_visit(stream, actor, args.fps, args.seconds)
                result.update(type=kind, label=label, depth=list(depth) if depth else None)
                rows.append(result)
            frames = sum(r["frames"] for r in rows)
            summary = summarise(rows)
            summary["stream_ms_per_frame"] = 1000 * sum(r["stream_s"] for r in rows) / max(1, frames)
            summary["render_ms_per_frame"] = 1000 * sum(r["render_s"] for r in rows) / max(1, frames)
            summary["liveness_pairs_per_frame"] = stream.liveness.pairs_measured / max(1, frames)
            per_policy[policy_name] = summary
            print_summary(name, policy_name, summary)
            per_policy[policy_name]["rows"] = [{k: v for k, v in r.items() if k not in ("render_s", "stream_s")} for r in rows]
        figures["populations"][name] = per_policy
    figures["seconds"] = time.time() - started
    figures["machine"]["load_at_end"] = os.getloadavg()
    print(f"{figures['seconds']:.0f} s; load average at start {load[0]:.1f}, at end {figures['machine']['load_at_end'][0]:.1f} "
          f"({os.cpu_count()} cores, shared)")
    if args.json:
        write_json(args.json, figures)
    return 0


def print_summary(name: str, policy: str, s: dict) -> None:
    print(f"\n== {name}, liveness={policy} ==")
    for key in ("live_all", "live_low_depth", "live_low_depth_only"):
        if key in s:
            live = s[key]
            r = live["refused"]
            median = live["median_s_to_checkin_with_challenge"]
            print(f"{key:15s} {live['visits']:3d} visits, {live['recognised']:3d} recognised: refused {r['events']}/{r['trials']}"
                  f" ({100 * r['rate']:.1f} %, upper 95 % {100 * r['upper_95']:.1f} %) {live['refused_reasons']};"
                  f" passive {live['passive']}, challenge {live['challenge']}, median to check-in with a challenge "
                  f"{'-' if median is None else f'{median:.2f} s'}")
    for kind in TYPES[2:]:
        if kind in s:
            a = s[kind]
            c = a["checked_in"]
            print(f"{kind:15s} {a['visits']:3d} attacks: checked in {c['events']}/{c['trials']} (upper 95 % "
                  f"{100 * c['upper_95']:.1f} %); refused {a['refused']} {a['reasons']}, never decided {a['never_decided']}")
    print(f"stream {s['stream_ms_per_frame']:.1f} ms/frame (render {s['render_ms_per_frame']:.1f}), "
          f"{s['liveness_pairs_per_frame']:.2f} pairs compared a frame")


if __name__ == "__main__":
    sys.exit(main())
