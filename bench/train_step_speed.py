"""Training-step speed of Inception-ResNet-v1 alone (random input, no data pipeline), per input size.

Measures what the network costs per image on this machine, apart from the input pipeline and
validation that ``bench/train_celeba.py``'s throughput includes. TensorFlow reads
TF_ENABLE_ONEDNN_OPTS when it loads, so compare oneDNN off and on with two runs:

    TF_ENABLE_ONEDNN_OPTS=0 python bench/train_step_speed.py --sizes 80 96 112
    TF_ENABLE_ONEDNN_OPTS=1 python bench/train_step_speed.py --sizes 80 96 112
"""
from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.report import write_json  # noqa: E402


def step_seconds(size: int, batch: int, steps: int) -> list[float]:
    """Seconds of each of ``steps`` Adam steps (forward, backward, update) after a tracing step."""
    import tensorflow as tf

    from recognition.models import inception_resnet_v1 as irv1
    from recognition.models.model_dir import ModelSpec

    spec = ModelSpec(name="speed", architecture=irv1.ARCHITECTURE, input_size=size, embedding_size=512,
                     normalisation="fixed_standardization",
                     landmark_template=irv1.facenet_template(size, 32).tolist())
    network = irv1.build(spec)
    optimizer = tf.keras.optimizers.Adam(0.01, epsilon=0.1)
    images = tf.random.normal([batch, size, size, 3], seed=0)

    @tf.function
    def train_step(x):
        with tf.GradientTape() as tape:
            loss = tf.reduce_mean(network(x, training=True) ** 2)
        optimizer.apply_gradients(zip(tape.gradient(loss, network.trainable_variables),
                                      network.trainable_variables))
        return loss

    train_step(images).numpy()
    seconds = []
    for _ in range(steps):
        started = time.perf_counter()
        train_step(images).numpy()
        seconds.append(time.perf_counter() - started)
    return seconds


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[80, 96, 112, 160], help="input sizes (px)")
    parser.add_argument("--batch-size", type=int, default=90)
    parser.add_argument("--steps", type=int, default=4, help="timed steps per size (after one tracing step)")
    parser.add_argument("--json", help="write the figures here")
    args = parser.parse_args(argv)

    figures = {"onednn": os.environ.get("TF_ENABLE_ONEDNN_OPTS", "(TensorFlow's default)"),
               "batch": args.batch_size, "cpus": os.cpu_count(), "platform": platform.platform(), "sizes": {}}
    for size in args.sizes:
        seconds = step_seconds(size, args.batch_size, args.steps)
        median = float(np.median(seconds))
        figures["sizes"][size] = {"seconds_per_step_median": round(median, 3),
                                  "images_per_second": round(args.batch_size / median, 1)}
        print(f"{size:4d} px: {median:6.2f} s/step, {args.batch_size / median:6.1f} img/s", flush=True)
    write_json(args.json, figures)
    return 0


if __name__ == "__main__":
    sys.exit(main())
