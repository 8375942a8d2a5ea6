"""Train (FaceNet Inception-ResNet-v1 from scratch) or fine-tune (the dlib ResNet port) a face embedder.

    python -m recognition.train.train --data-dir CHIPS --out-dir data/output/train \
        [--backbone inception_resnet_v1|dlib_resnet] [--loss center|triplet] \
        [--lfw-dir LFW_CHIPS --lfw-pairs pairs.txt] [--config recipe.toml]

CHIPS is a folder per person of aligned chips (``python -m
recognition.align.align_dataset``), a little larger than the network input
(182 for 160) so that training takes random crops. OUT_DIR receives:

* ``checkpoints/``: a checkpoint after every epoch (and when stopped); running
  the same command again resumes exactly (step, weights, optimizer state, centres,
  weight averages; the data order and augmentation are functions of the step);
* ``logs/``: TensorBoard (losses, accuracy, learning rate, validation, LFW);
* ``history.jsonl``: the same figures as JSON lines (for plots);
* ``model/``: the exported model directory (``FaceRecognizer.load(OUT_DIR/model)``),
  threshold calibrated on LFW when ``--lfw-dir`` is given, else on validation pairs.
"""
from __future__ import annotations

import argparse
import json
import os
import sys

from recognition import cli
from recognition.train.config import parse_args


def main(argv=None) -> int:
    config = parse_args(argv)                    # --help and bad flags answer before TensorFlow loads
    # TensorFlow 2.21 leaves oneDNN off on AMD CPUs; on a 2-core EPYC it trains Inception-ResNet-v1
    # ~1.4x faster with it (bench/train_step_speed.py). Set TF_ENABLE_ONEDNN_OPTS=0 to compare.
    os.environ.setdefault("TF_ENABLE_ONEDNN_OPTS", "1")
    return cli.run(_main, argparse.Namespace(config=config),
                   log_format="%(asctime)s %(levelname)s %(message)s")


def _main(args) -> int:
    from recognition.train.data import DatasetError
    from recognition.train.trainer import CheckpointMismatch, Trainer

    # a dataset that cannot be read, a missing file, a bad model directory, a checkpoint of another
    # run in OUT_DIR: one line and exit 2 (cli.run); ctrl+C exits 130 after the trainer's own checkpoint
    with cli.user_errors(DatasetError, FileNotFoundError, CheckpointMismatch):
        trainer = Trainer(args.config)
        summary = trainer.fit()
    print(json.dumps(summary, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
