"""Gallery match latency: one query (a frame's face) against N stored embeddings.

    python bench/gallery.py [--sizes 1000 10000 100000] [--json bench/results/gallery.json]
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.report import write_json  # noqa: E402

import numpy as np  # noqa: E402

from recognition.gallery import Gallery  # noqa: E402


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--dim", type=int, default=128)
    parser.add_argument("--people", type=int, default=20000, help="people the embeddings belong to")
    parser.add_argument("--queries", type=int, default=1, help="faces matched per call")
    parser.add_argument("--repeats", type=int, default=200)
    parser.add_argument("--json", help="write the figures to this JSON file")
    args = parser.parse_args(argv)
    rng = np.random.default_rng(0)
    figures = {"dim": args.dim, "queries_per_call": args.queries, "cpu_count": os.cpu_count()}
    for size in args.sizes:
        gallery = Gallery.open(Path(tempfile.mkdtemp()) / "g.h5")
        stored = rng.normal(size=(size, args.dim)).astype(np.float32)
        owners = np.arange(size) % args.people
        for person in np.unique(owners):
            gallery.add(f"person{person}", stored[owners == person])
        queries = rng.normal(size=(args.queries, args.dim)).astype(np.float32)
        queries /= np.linalg.norm(queries, axis=1, keepdims=True)
        for _ in range(10):
            gallery.match(queries, 0.5)
        times = []
        for _ in range(args.repeats):
            started = time.perf_counter()
            gallery.match(queries, 0.5)
            times.append((time.perf_counter() - started) * 1000)
        figures[f"match_ms_median_{size}"] = statistics.median(times)
        figures[f"match_ms_p95_{size}"] = float(np.percentile(times, 95))
        print(f"{size:>8} embeddings: median {statistics.median(times):.3f} ms, "
              f"p95 {np.percentile(times, 95):.3f} ms")
    write_json(args.json, figures)
    return 0


if __name__ == "__main__":
    sys.exit(main())
