"""bench/desks.py's re-embedding part on the real MariaDB, the real default model and real LFW crops,
at a size that takes seconds (it crashed since the face store's refactor: its warm-up handed
``decode_image`` an array instead of the stored bytes)."""
from __future__ import annotations

import argparse

from bench import desks


def test_the_reembedding_part_runs_and_reembeds_every_sample(recognizer, tmp_path):
    server = desks.Server("mysql://root@127.0.0.1:3306")
    try:
        report = desks.reembedding(argparse.Namespace(samples=2, reembed_people=2), server, recognizer, tmp_path)
    finally:
        server.cleanup()
    assert report["people"] == 2 and report["samples"] == 4
    assert report["embedded"] == 4 and report["failed"] == 0 and report["failed_redetect"] == 0
    assert report["reembedded_vs_live_distance"]["max"] < 0.05      # the same network: (nearly) the same vectors
    assert report["bytes_per_person"]["samples_per_person"] == 2
