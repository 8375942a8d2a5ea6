"""The training loop (used by ``python -m recognition.train.train``; see that module for the outputs)."""
from __future__ import annotations

import contextlib
import dataclasses
import json
import logging
import time
from pathlib import Path

import numpy as np
import tensorflow as tf
from tqdm import tqdm

import keras
from recognition.align.align_dataset import read_alignment
from recognition.models import model_dir as model_dirs
from recognition.models.embedder import embedding_function, normaliser
from recognition.train import data as train_data
from recognition.train import losses
from recognition.train.backbones import create_backbone, seed_kernels
from recognition.train.config import TrainConfig, validate
from recognition.train.verification import LfwPairs, validation_pair_metrics

log = logging.getLogger(__name__)

DEFAULT_THRESHOLD = 1.0


def _scalar_metadata() -> bytes:
    """What tensorboard's tf.summary.scalar tags a value with (no tensorboard import needed to write)."""
    from tensorflow.core.framework import summary_pb2

    metadata = summary_pb2.SummaryMetadata()
    metadata.plugin_data.plugin_name = "scalars"
    return metadata.SerializeToString()


SCALAR_METADATA = _scalar_metadata()


def chip_convention(data_dir, dataset: train_data.FaceDataset) -> tuple[int, np.ndarray, list | None]:
    """(chip size, template in chip pixels, template weights or None) of the training chips.

    From ``alignment.json`` (written by align_dataset); otherwise the chips are
    assumed to follow FaceNet's convention at 182/44 scaled to their size.
    """
    alignment = read_alignment(data_dir)
    if alignment is not None:
        return (int(alignment["image_size"]), np.asarray(alignment["template"], np.float64),
                alignment.get("template_weights"))
    from recognition.models.inception_resnet_v1 import facenet_template

    size = train_data.image_size_of(dataset.paths[0])
    log.warning("%s has no alignment.json; assuming FaceNet's crop convention (margin %.0f of %d px)",
                data_dir, 44 * size / 182, size)
    return size, facenet_template(size, 44 * size / 182).astype(np.float64), None


def input_template(template: np.ndarray, chip_size: int, input_size: int) -> list[list[float]]:
    """The template of the network's input: the centre crop (or resize) of the chip."""
    if chip_size >= input_size:
        shifted = template - (chip_size - input_size) // 2
    else:
        shifted = template * (input_size / chip_size)
    return np.round(shifted, 3).tolist()


class CheckpointMismatch(ValueError):
    """OUT_DIR holds checkpoints of another run."""


class MovingAverage(tf.Module):
    """Exponential moving average of variables, with tf.train.ExponentialMovingAverage's warm-up
    (decay = min(decay, (1 + step) / (10 + step)))."""

    def __init__(self, variables, decay: float):
        super().__init__()
        self.decay = decay
        self.targets = list(variables)
        self.shadows = [tf.Variable(v, trainable=False, name="ema") for v in self.targets]

    def update(self, step):
        step = tf.cast(step, tf.float32)
        decay = tf.minimum(self.decay, (1.0 + step) / (10.0 + step))
        for shadow, target in zip(self.shadows, self.targets):
            shadow.assign(decay * shadow + (1.0 - decay) * target)

    @contextlib.contextmanager
    def swapped(self):
        """Inside: the variables hold their averages."""
        saved = [v.numpy() for v in self.targets]
        for shadow, target in zip(self.shadows, self.targets):
            target.assign(shadow)
        try:
            yield
        finally:
            for value, target in zip(saved, self.targets):
                target.assign(value)


def _all_layers(model):
    """The layers of a Keras model, nested models included."""
    for layer in getattr(model, "layers", []):
        yield layer
        yield from _all_layers(layer)


class Trainer:
    def __init__(self, config: TrainConfig):
        validate(config)
        self.config = config
        self.out = Path(config.out_dir)
        self.out.mkdir(parents=True, exist_ok=True)
        self.dataset = train_data.list_dataset(config.data_dir)
        self.train_set, self.val_set = train_data.split_dataset(
            self.dataset, config.val_split, config.min_images_for_val, config.seed)
        self.chip_size, chip_template, chip_weights = chip_convention(config.data_dir, self.dataset)

        self.backbone = create_backbone(config)
        self.input_size = self.backbone.spec.input_size
        self.backbone.spec = dataclasses.replace(
            self.backbone.spec, landmark_template=input_template(chip_template, self.chip_size, self.input_size),
            landmark_weights=chip_weights)
        self.normalise = normaliser(self.backbone.spec)
        self.embedding_size = self.backbone.spec.embedding_size
        self.num_classes = len(self.dataset.classes)

        if config.loss == "triplet":
            self.batch_size = config.people_per_batch * config.images_per_person
        else:
            self.batch_size = config.batch_size
        self.steps_per_epoch = config.epoch_size or max(1, len(self.train_set) // self.batch_size)
        self.total_steps = config.max_steps or config.max_epochs * self.steps_per_epoch

        self.step = tf.Variable(0, dtype=tf.int64, trainable=False, name="global_step")
        self.logits = self.centers = None
        if config.loss == "center":
            self.logits = keras.layers.Dense(self.num_classes, name="Logits",
                                             kernel_initializer="glorot_uniform")
            self.logits.build((None, self.embedding_size))
            seed_kernels([self.logits], config.seed + 1)
            self.centers = tf.Variable(tf.zeros((self.num_classes, self.embedding_size)), trainable=False,
                                       name="centers")
        self.trainable = list(self.backbone.network.trainable_variables)
        self.kernels = self.backbone.kernels()
        if self.logits is not None:
            self.trainable += list(self.logits.trainable_variables)
            self.kernels.append(self.logits.kernel)
        self.optimizer = self._optimizer()
        self.optimizer.build(self.trainable)
        self.ema = MovingAverage(self.trainable, config.moving_average_decay) \
            if config.moving_average_decay > 0 else None

        items = {"network": self.backbone.network, "optimizer": self.optimizer, "step": self.step}
        if self.logits is not None:
            items.update(logits=self.logits, centers=self.centers)
        if self.ema is not None:
            items["ema"] = self.ema
        self.checkpoint = tf.train.Checkpoint(**items)
        self.manager = tf.train.CheckpointManager(self.checkpoint, str(self.out / "checkpoints"),
                                                  max_to_keep=config.keep_checkpoints)
        self.writer = tf.summary.create_file_writer(str(self.out / "logs"))
        self.lfw = LfwPairs(config.lfw_dir, config.lfw_pairs) if config.lfw_dir else None
        self._train_step = tf.function(self._center_step if config.loss == "center" else self._triplet_step)
        spec = tf.TensorSpec([None, self.input_size, self.input_size, 3], tf.float32)
        # as the exported model will embed (flip average included), so thresholds calibrate for it
        self._embed = tf.function(embedding_function(self.backbone.network, self.backbone.spec.flip_average),
                                  input_signature=[spec])
        self._val_logits = tf.function(self._val_outputs, input_signature=[spec])

    # --- setup ---------------------------------------------------------------------
    def _schedule(self):
        c = self.config
        if c.lr_schedule == "cosine":
            return keras.optimizers.schedules.CosineDecay(c.learning_rate, max(1, self.total_steps))
        if c.lr_schedule == "piecewise" and c.lr_decay_epochs:
            boundaries = [int(e) * self.steps_per_epoch for e in sorted(c.lr_decay_epochs)]
            values = [c.learning_rate * c.lr_decay_factor ** i for i in range(len(boundaries) + 1)]
            return keras.optimizers.schedules.PiecewiseConstantDecay(boundaries, values)
        return c.learning_rate

    def _optimizer(self):
        c = self.config
        if c.optimizer == "sgd":
            return keras.optimizers.SGD(self._schedule(), momentum=c.momentum, nesterov=True)
        return keras.optimizers.Adam(self._schedule(), beta_1=0.9, beta_2=0.999, epsilon=c.adam_epsilon)

    def _dropout_seed(self):
        return tf.stack([tf.constant(self.config.seed, tf.int64), self.step])

    # --- steps ---------------------------------------------------------------------
    def _apply(self, tape, total):
        gradients = tape.gradient(total, self.trainable)
        self.optimizer.apply_gradients(zip(gradients, self.trainable))
        if self.ema is not None:
            self.ema.update(self.step)

    def _center_step(self, images, labels):
        c = self.config
        with tf.GradientTape() as tape:
            prelogits = self.backbone.prelogits(images, True, c.keep_probability, self._dropout_seed())
            logits = self.logits(prelogits)
            xent = tf.reduce_mean(tf.nn.sparse_softmax_cross_entropy_with_logits(labels, logits))
            center = losses.center_loss(prelogits, labels, self.centers)
            l2 = losses.l2_regularisation(self.kernels, c.weight_decay)
            norm = tf.reduce_mean(tf.norm(tf.abs(prelogits) + 1e-4, ord=1, axis=1))
            total = xent + c.center_loss_factor * center + l2 + c.prelogits_norm_factor * norm
        self._apply(tape, total)
        losses.update_centers(self.centers, prelogits, labels, c.center_loss_alpha)
        self.step.assign_add(1)
        accuracy = tf.reduce_mean(tf.cast(tf.equal(tf.argmax(logits, 1, output_type=tf.int32), labels),
                                          tf.float32))
        return {"loss": total, "xent": xent, "center_loss": center, "l2": l2, "accuracy": accuracy}

    def _triplet_step(self, images, labels):
        c = self.config
        with tf.GradientTape() as tape:
            prelogits = self.backbone.prelogits(images, True, c.keep_probability, self._dropout_seed())
            embeddings = tf.math.l2_normalize(prelogits, axis=1)
            triplet, active = losses.semi_hard_triplet_loss(embeddings, labels, c.triplet_margin)
            l2 = losses.l2_regularisation(self.kernels, c.weight_decay)
            total = triplet + l2
        self._apply(tape, total)
        self.step.assign_add(1)
        return {"loss": total, "triplet_loss": triplet, "l2": l2, "active_triplets": active}

    def _val_outputs(self, images):
        prelogits = self.backbone.prelogits(images, False)
        logits = self.logits(prelogits) if self.logits is not None else prelogits
        return prelogits, logits

    # --- data ----------------------------------------------------------------------
    def _plan(self, epoch: int) -> np.ndarray:
        c = self.config
        if c.loss == "triplet":
            return train_data.triplet_plan(self.train_set.labels, epoch, self.steps_per_epoch,
                                           c.people_per_batch, c.images_per_person, c.seed)
        return train_data.softmax_plan(self.train_set.labels, epoch, self.steps_per_epoch, self.batch_size, c.seed)

    def _pipeline(self, epoch: int, first_step: int, steps: int):
        start = first_step * self.batch_size
        plan = self._plan(epoch)[start:start + steps * self.batch_size]
        first_sample = (epoch * self.steps_per_epoch + first_step) * self.batch_size
        return train_data.training_pipeline(
            self.train_set, plan, first_sample, batch=self.batch_size, input_size=self.input_size,
            chip_size=self.chip_size, normalise=self.normalise, random_crop=self.config.random_crop,
            random_flip=self.config.random_flip, seed=self.config.seed, parallel=self.config.workers or None)

    def embed_paths(self, paths, batch: int = 64) -> np.ndarray:
        ds = train_data.eval_pipeline(paths, batch=batch, input_size=self.input_size, chip_size=self.chip_size,
                                      normalise=self.normalise, parallel=self.config.workers or None)
        out = [self._embed(images).numpy() for images, _ in ds]
        return np.concatenate(out) if out else np.empty((0, self.embedding_size), np.float32)

    # --- checkpoints -----------------------------------------------------------------
    def restore(self, checkpoint=None) -> int:
        """Restore ``checkpoint`` (a path such as ``.../checkpoints/ckpt-12``; default: the latest of
        OUT_DIR, if any); returns the step to continue from."""
        latest = str(checkpoint) if checkpoint else self.manager.latest_checkpoint
        if latest:
            try:
                self.checkpoint.restore(latest).assert_existing_objects_matched()
            except (ValueError, AssertionError, tf.errors.OpError) as exc:
                raise CheckpointMismatch(
                    f"{latest} does not fit this configuration (another dataset, backbone or loss?); "
                    f"use another --out-dir or remove {self.out / 'checkpoints'}: {exc}") from exc
            log.info("resumed from %s at step %d", latest, int(self.step))
        return int(self.step)

    def save_checkpoint(self) -> str:
        path = self.manager.save(checkpoint_number=int(self.step))
        log.info("checkpoint %s", path)
        return path

    # --- monitoring ------------------------------------------------------------------
    def _record(self, kind: str, values: dict) -> None:
        step = int(self.step)
        row = {"type": kind, "step": step, "epoch": step / self.steps_per_epoch,
               **{k: (float(v) if v is not None else None) for k, v in values.items()}}
        with open(self.out / "history.jsonl", "a", encoding="utf-8") as f:
            f.write(json.dumps(row) + "\n")
        with self.writer.as_default(step=step):
            for key, value in values.items():
                if value is not None:
                    tf.summary.write(f"{kind}/{key}", tf.constant(float(value), tf.float32),
                                     metadata=SCALAR_METADATA)
        self.writer.flush()

    def validate(self) -> dict:
        """Validation figures: classifier loss / accuracy (center) or triplet loss, and pair accuracy."""
        if not len(self.val_set):
            return {}
        ds = train_data.eval_pipeline(self.val_set.paths, labels=self.val_set.labels, batch=64,
                                      input_size=self.input_size, chip_size=self.chip_size,
                                      normalise=self.normalise, parallel=self.config.workers or None)
        prelogits, logits = zip(*[[t.numpy() for t in self._val_logits(x)] for x, _ in ds])
        prelogits, logits = np.concatenate(prelogits), np.concatenate(logits)
        labels = self.val_set.labels
        embeddings = prelogits / np.maximum(np.linalg.norm(prelogits, axis=1, keepdims=True), 1e-10)
        figures = {}
        if self.logits is not None:
            xent = tf.nn.sparse_softmax_cross_entropy_with_logits(labels, logits).numpy().mean()
            center = np.mean((prelogits - self.centers.numpy()[labels]) ** 2)
            figures.update(xent=xent, center_loss=center, accuracy=np.mean(logits.argmax(1) == labels),
                           loss=xent + self.config.center_loss_factor * center)
        else:
            triplet, active = losses.semi_hard_triplet_loss(tf.constant(embeddings), tf.constant(labels),
                                                            self.config.triplet_margin)
            figures.update(triplet_loss=float(triplet), active_triplets=float(active))
        pairs = validation_pair_metrics(embeddings, labels)
        if pairs:
            figures.update(pair_accuracy=pairs["accuracy"], pair_threshold=pairs["threshold"])
        return figures

    # --- the loop ----------------------------------------------------------------------
    def fit(self, progress: bool = True, until: int | None = None) -> dict:
        """Train up to the configured step, or to step ``until`` (a part of the schedule), resuming
        from the latest checkpoint if there is one; returns a summary."""
        c = self.config
        last = min(until, self.total_steps) if until else self.total_steps
        (self.out / "config.json").write_text(json.dumps(dataclasses.asdict(c), indent=2), encoding="utf-8")
        start_step = self.restore()
        log.info("%s / %s loss: %d people, %d training and %d validation images, %d steps of %d "
                 "(%d per epoch)", c.backbone, c.loss, self.num_classes, len(self.train_set), len(self.val_set),
                 self.total_steps, self.batch_size, self.steps_per_epoch)
        deadline = time.monotonic() + 60 * c.max_minutes if c.max_minutes else None
        stopped_early = False
        timing = {"images": 0, "seconds": 0.0}
        bar = tqdm(total=last, initial=start_step, desc="train", unit="step", disable=not progress)
        try:
            while int(self.step) < last and not stopped_early:
                step = int(self.step)
                epoch, offset = divmod(step, self.steps_per_epoch)
                steps = min(self.steps_per_epoch - offset, last - step)
                window = {"started": time.perf_counter(), "images": 0, "sums": {}}
                previous_end = None     # throughput: wall time from step end to step end (input included)
                for images, labels in self._pipeline(epoch, offset, steps):
                    metrics = {k: float(v) for k, v in self._train_step(images, labels).items()}
                    now = time.perf_counter()
                    if previous_end is not None and int(self.step) - start_step > 1:   # not the tracing step
                        timing["images"] += self.batch_size
                        timing["seconds"] += now - previous_end
                    previous_end = now
                    bar.update()
                    bar.set_postfix(loss=f"{metrics['loss']:.3f}")
                    for key, value in metrics.items():
                        window["sums"][key] = window["sums"].get(key, 0.0) + value
                    window["images"] += self.batch_size
                    if int(self.step) % c.log_every == 0 or int(self.step) == last:
                        self._log_window(window)
                        window = {"started": time.perf_counter(), "images": 0, "sums": {}}
                    step = int(self.step)
                    if c.checkpoint_every and step % c.checkpoint_every == 0 and step % self.steps_per_epoch:
                        self.save_checkpoint()
                    if deadline and time.monotonic() > deadline:
                        log.info("time budget of %.1f min reached at step %d", c.max_minutes, int(self.step))
                        stopped_early = True
                        break
                if window["images"]:
                    self._log_window(window)
                if int(self.step) % self.steps_per_epoch == 0:
                    self.end_of_epoch(int(self.step) // self.steps_per_epoch)
        except KeyboardInterrupt:
            bar.close()
            path = self.save_checkpoint()
            log.warning("interrupted at step %d; checkpoint %s; run the same command to resume",
                        int(self.step), path)
            raise
        bar.close()
        if not self.manager.latest_checkpoint or \
                int(self.manager.latest_checkpoint.rsplit("-", 1)[-1]) != int(self.step):
            self.save_checkpoint()
        summary = {"step": int(self.step), "start_step": start_step,
                   "images_per_second": timing["images"] / timing["seconds"] if timing["seconds"] else None}
        if c.export:
            summary["model_dir"] = str(self.export())
        return summary

    def _log_window(self, window) -> None:
        steps = window["images"] / self.batch_size
        values = {k: v / steps for k, v in window["sums"].items()}
        values["learning_rate"] = float(self.optimizer.learning_rate)
        values["images_per_second"] = window["images"] / max(time.perf_counter() - window["started"], 1e-9)
        self._record("train", values)

    def end_of_epoch(self, epoch: int) -> dict:
        started = time.perf_counter()
        figures = self.validate()
        if self.lfw is not None:
            lfw = self.lfw.evaluate(self.embed_paths, folds=self.config.lfw_folds_per_epoch)
            figures["lfw_accuracy"] = lfw["accuracy"]
            figures["lfw_pairs"] = lfw["pairs"]
        figures["seconds"] = time.perf_counter() - started
        self._record("epoch", figures)
        log.info("epoch %d (step %d): %s", epoch, int(self.step),
                 ", ".join(f"{k} {v:.4f}" for k, v in figures.items() if v is not None))
        self.save_checkpoint()
        return figures

    # --- export ------------------------------------------------------------------------
    def recalibrate_batch_norm(self, batches=None) -> int:
        """Re-estimate every trainable BatchNormalization's statistics for the current weights.

        The moving averages (FaceNet's momentum 0.995) trail the weights by ~200 steps, so
        after a short run they describe an older network and inference-mode embeddings are
        poor. They are replaced by the plain average of the batch statistics of
        ``bn_recalibration_batches`` batches of training chips (centre crops, as at
        inference) - or of ``batches`` (normalised images) if given. Returns the number of
        batches used (0: nothing to do)."""
        batch_norms = [layer for layer in _all_layers(self.backbone.network)
                       if isinstance(layer, keras.layers.BatchNormalization) and layer.trainable]
        if batches is None:
            count = min(self.config.bn_recalibration_batches, len(self.train_set) // self.batch_size)
            rng = np.random.default_rng(self.config.seed)
            paths = [self.train_set.paths[i] for i in rng.permutation(len(self.train_set))[:count * self.batch_size]]
            batches = (images for images, _ in train_data.eval_pipeline(
                paths, batch=self.batch_size, input_size=self.input_size, chip_size=self.chip_size,
                normalise=self.normalise, parallel=self.config.workers or None)) if count > 0 else []
        if not batch_norms:
            return 0
        momenta, count = [layer.momentum for layer in batch_norms], 0
        try:
            for seen, images in enumerate(batches):
                count = seen + 1
                for layer in batch_norms:      # moving = mean of the batch statistics seen so far
                    layer.momentum = seen / (seen + 1)
                self.backbone.prelogits(images, True)    # eager, so each call reads the momentum
        finally:
            for layer, momentum in zip(batch_norms, momenta):
                layer.momentum = momentum
        if count:
            log.info("re-estimated %d BatchNormalization layers on %d batches", len(batch_norms), count)
        return count

    def export(self, out_dir=None) -> Path:
        """Write the model directory (weight averages if kept), threshold calibrated on LFW or validation."""
        out_dir = Path(out_dir or self.out / "model")
        with self.ema.swapped() if self.ema is not None else contextlib.nullcontext():
            recalibrated = self.recalibrate_batch_norm()
            evaluation = {"calibrated": False, "batch_norm_recalibration_batches": recalibrated, "training": {
                "backbone": self.config.backbone, "loss": self.config.loss, "steps": int(self.step),
                "epochs": round(int(self.step) / self.steps_per_epoch, 2), "people": self.num_classes,
                "images": len(self.train_set), "data_dir": str(self.config.data_dir)}}
            threshold = DEFAULT_THRESHOLD
            if self.lfw is not None:
                figures = self.lfw.evaluate(self.embed_paths)
                threshold = figures["threshold"]
                evaluation.update({k: v for k, v in figures.items() if v is not None}, calibrated=True,
                                  calibrated_on="LFW chips aligned by align_dataset")
            else:
                figures = self.validate()
                if "pair_threshold" in figures:
                    threshold = figures["pair_threshold"]
                    evaluation.update(calibrated=True, calibrated_on="validation-split pairs",
                                      validation_pair_accuracy=figures["pair_accuracy"])
            spec = dataclasses.replace(self.backbone.spec, threshold=float(threshold), evaluation=evaluation)
            spec = model_dirs.save(out_dir, spec, self.backbone.network)
        log.info("exported %s to %s (threshold %.3f, %s)", spec.name, out_dir, spec.threshold,
                 evaluation.get("calibrated_on", "not calibrated"))
        return out_dir
