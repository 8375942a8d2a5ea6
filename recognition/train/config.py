"""Training configuration: one dataclass, its command-line flags and an optional TOML file.

Defaults are FaceNet's softmax + center-loss recipe (davidsandberg/facenet,
train_softmax.py): 160-px inputs (random crops of 182-px chips), 512-d
embeddings, batch 90, keep probability 0.8, weight decay 5e-4, center loss
alpha 0.6 / factor 1e-2, learning rate 0.01 with step decay. Precedence:
built-in defaults < ``--config FILE`` (TOML, keys as the field names below) <
command-line flags.
"""
from __future__ import annotations

import argparse
import dataclasses
import tomllib
from pathlib import Path

BACKBONES = ("inception_resnet_v1", "dlib_resnet")
LOSSES = ("center", "triplet")


@dataclasses.dataclass
class TrainConfig:
    data_dir: str = ""                       # aligned chips, one folder per person
    out_dir: str = "data/output/train"       # checkpoints/, logs/, history.jsonl, model/
    backbone: str = "inception_resnet_v1"
    loss: str = "center"
    # model
    image_size: int = 160                    # network input; chips are random-cropped to it
    embedding_size: int = 512                # inception_resnet_v1 only (the dlib port is 128-d)
    keep_probability: float = 0.8            # dropout in front of the embedding layer
    block_repeats: tuple[int, int, int] = (5, 10, 5)   # Block35/17/8 counts of Inception-ResNet-v1
    pretrained_dir: str = ""                 # dlib_resnet: model dir of the port (default: the app's)
    freeze_stages: int = 0                   # freeze the stem and the first N-1 stages
    # optimisation
    optimizer: str = "adam"                  # adam | sgd (momentum 0.9, Nesterov)
    learning_rate: float = 0.01
    lr_schedule: str = "piecewise"           # piecewise | cosine | constant
    lr_decay_epochs: tuple[int, ...] = (60, 80)
    lr_decay_factor: float = 0.1
    adam_epsilon: float = 0.1                # facenet's Adam epsilon
    momentum: float = 0.9
    weight_decay: float = 5e-4               # L2: weight_decay * sum(w**2) / 2 over kernels
    moving_average_decay: float = 0.0        # >0: keep an EMA of the weights and export it
    # losses
    center_loss_alpha: float = 0.6           # centre update rate (Wen et al. 2016)
    center_loss_factor: float = 1e-2         # lambda
    prelogits_norm_factor: float = 0.0       # facenet's L1 prelogits-norm penalty (0 = off)
    triplet_margin: float = 0.2
    people_per_batch: int = 30               # triplet: P people x K images per batch
    images_per_person: int = 3
    # schedule
    batch_size: int = 90
    max_epochs: int = 90
    epoch_size: int = 0                      # steps per epoch (0: one pass over the training images)
    max_steps: int = 0                       # stop after this global step (0: max_epochs)
    max_minutes: float = 0.0                 # stop (checkpoint + export) after this wall time (0: off)
    random_crop: bool = True
    random_flip: bool = True
    val_split: float = 0.05                  # fraction of each person's images held out
    min_images_for_val: int = 5              # people with fewer images give none to validation
    seed: int = 666
    # monitoring
    lfw_dir: str = ""                        # LFW aligned with align_dataset (same convention)
    lfw_pairs: str = ""                      # LFW pairs.txt
    lfw_folds_per_epoch: int = 2             # folds evaluated after each epoch (all at export)
    log_every: int = 10                      # steps between TensorBoard / history points
    checkpoint_every: int = 0                # also checkpoint every N steps within epochs (0: per epoch)
    keep_checkpoints: int = 3
    export: bool = True
    bn_recalibration_batches: int = 20       # re-estimate BatchNorm statistics before export (0: off)
    workers: int = 0                         # tf.data parallel calls (0: AUTOTUNE)


HELP = {
    "data_dir": "aligned training chips: one folder per person (from align_dataset)",
    "out_dir": "output folder: checkpoints/, logs/ (TensorBoard), history.jsonl, model/",
    "backbone": "inception_resnet_v1 (FaceNet, from scratch) or dlib_resnet (fine-tune the pretrained port)",
    "loss": "center: softmax cross-entropy + center loss; triplet: triplet loss with online semi-hard mining",
    "image_size": "network input in pixels (inception_resnet_v1; the dlib port takes 150)",
    "embedding_size": "embedding dimension (inception_resnet_v1; the dlib port is 128-d)",
    "keep_probability": "dropout keep probability in front of the embedding layer",
    "block_repeats": "Block35/Block17/Block8 counts of Inception-ResNet-v1 (facenet: 5 10 5)",
    "pretrained_dir": "dlib_resnet: model directory of the pretrained port (converted there if missing; "
                      "default: the app's data/model_origin)",
    "freeze_stages": "number of early stages (the stem counts as 1) whose weights stay fixed",
    "optimizer": "adam, or sgd with Nesterov momentum",
    "learning_rate": "initial learning rate",
    "lr_schedule": "piecewise (step decay at --lr-decay-epochs), cosine (to 0 at the last step) or constant",
    "lr_decay_epochs": "piecewise: epochs at which the rate is multiplied by --lr-decay-factor",
    "lr_decay_factor": "piecewise: multiplier at each decay epoch",
    "adam_epsilon": "Adam's epsilon (facenet uses 0.1)",
    "momentum": "SGD momentum",
    "weight_decay": "L2 regularisation: weight_decay * sum(w**2) / 2 over conv and dense kernels",
    "moving_average_decay": "keep an exponential moving average of the weights (e.g. 0.9999; 0 = off); "
                            "the export uses it",
    "center_loss_alpha": "rate alpha of the centre update c_j -= alpha * sum(c_j - x_i) / (1 + n_j) "
                         "(Wen et al. 2016)",
    "center_loss_factor": "weight lambda of the center loss",
    "prelogits_norm_factor": "weight of facenet's L1 norm penalty on the pre-logits (0 = off)",
    "triplet_margin": "triplet loss margin on squared distances of unit embeddings",
    "people_per_batch": "triplet: people in a batch",
    "images_per_person": "triplet: images of each person in a batch",
    "batch_size": "center loss: images per batch",
    "max_epochs": "epochs to train (unless --max-steps)",
    "epoch_size": "steps per epoch (0: one pass over the training images)",
    "max_steps": "stop at this global step (0: after --max-epochs)",
    "max_minutes": "stop after this many minutes of this run, checkpoint and export (0: no limit)",
    "random_crop": "random crops of the chips to the input size (else centre crops)",
    "random_flip": "random horizontal flips",
    "val_split": "fraction of each person's images held out for validation",
    "min_images_for_val": "people with fewer images give none to validation",
    "seed": "seed of the initial weights, the data order, augmentation and dropout",
    "lfw_dir": "LFW chips aligned like the training data (align_dataset); enables the per-epoch LFW "
               "accuracy and the threshold calibration",
    "lfw_pairs": "LFW pairs file (pairs.txt)",
    "lfw_folds_per_epoch": "LFW folds evaluated after each epoch (the export uses all 10)",
    "log_every": "steps between TensorBoard / history.jsonl points",
    "checkpoint_every": "also save a checkpoint every N steps (long epochs on a CPU); 0: after each epoch only",
    "keep_checkpoints": "checkpoints kept",
    "export": "export the model directory OUT_DIR/model at the end",
    "bn_recalibration_batches": "before export, replace the BatchNormalization moving averages (which trail "
                                "the weights by ~200 steps) by the average statistics of this many "
                                "batches of training images (0: keep the moving averages)",
    "workers": "parallel decoding calls of the input pipeline (0: tf.data.AUTOTUNE)",
}


def _flag(name: str) -> str:
    return "--" + name.replace("_", "-")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m recognition.train.train",
        description="Train or fine-tune a face-embedding network and export it as a model directory.")
    parser.add_argument("--config", help="TOML file with any of the options below (flags override it)")
    for field in dataclasses.fields(TrainConfig):
        default = field.default
        text = HELP.get(field.name, "")
        kwargs = {"help": (text + " " if text else "") + f"(default: {default!r})", "default": argparse.SUPPRESS}
        if isinstance(default, bool):
            kwargs["action"] = argparse.BooleanOptionalAction
        elif isinstance(default, tuple):
            kwargs.update(nargs="*", type=int)
        else:
            kwargs["type"] = type(default)
        if field.name == "backbone":
            kwargs["choices"] = BACKBONES
        elif field.name == "loss":
            kwargs["choices"] = LOSSES
        elif field.name == "optimizer":
            kwargs["choices"] = ("adam", "sgd")
        elif field.name == "lr_schedule":
            kwargs["choices"] = ("piecewise", "cosine", "constant")
        parser.add_argument(_flag(field.name), dest=field.name, **kwargs)
    return parser


def make_config(values: dict) -> TrainConfig:
    """A TrainConfig from a dict (unknown keys refused), validated."""
    names = {f.name: f for f in dataclasses.fields(TrainConfig)}
    unknown = sorted(set(values) - set(names))
    if unknown:
        raise ValueError(f"unknown training options: {', '.join(unknown)}")
    fixed = {k: tuple(v) if isinstance(names[k].default, tuple) else v for k, v in values.items()}
    config = TrainConfig(**fixed)
    validate(config)
    return config


def validate(config: TrainConfig) -> None:
    if not config.data_dir:
        raise ValueError("a training data directory (--data-dir) is required")
    if config.backbone not in BACKBONES:
        raise ValueError(f"backbone must be one of {BACKBONES}, got {config.backbone!r}")
    if config.loss not in LOSSES:
        raise ValueError(f"loss must be one of {LOSSES}, got {config.loss!r}")
    if not 0 < config.keep_probability <= 1:
        raise ValueError("keep_probability must be in (0, 1]")
    if config.loss == "center" and config.batch_size < 2:
        raise ValueError("batch_size must be at least 2")
    if config.loss == "triplet" and (config.people_per_batch < 2 or config.images_per_person < 2):
        raise ValueError("triplet loss needs at least 2 people per batch and 2 images per person")
    if not 0 <= config.val_split < 1:
        raise ValueError("val_split must be in [0, 1)")
    if len(config.block_repeats) != 3:
        raise ValueError("block_repeats needs three numbers (Block35, Block17, Block8)")
    if bool(config.lfw_dir) != bool(config.lfw_pairs):
        raise ValueError("--lfw-dir and --lfw-pairs go together")
    if not 1 <= config.lfw_folds_per_epoch <= 10:
        raise ValueError("lfw_folds_per_epoch must be in 1..10")


def parse_args(argv=None) -> TrainConfig:
    parser = build_parser()
    args = vars(parser.parse_args(argv))
    values = {}
    config_file = args.pop("config", None)
    if config_file:
        try:
            with open(Path(config_file), "rb") as f:
                values.update(tomllib.load(f))
        except (OSError, tomllib.TOMLDecodeError) as exc:     # one line, not a traceback
            parser.error(f"cannot read --config {config_file}: {getattr(exc, 'strerror', None) or exc}")
    values.update(args)
    try:
        return make_config(values)
    except ValueError as exc:
        parser.error(str(exc))
