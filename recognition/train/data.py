"""Training data: the folder-per-person dataset, its split, and tf.data pipelines.

Every epoch's order comes from ``numpy.random.default_rng([seed, epoch])`` and
every sample's augmentation (random crop, flip) from stateless random ops seeded
with ``(seed, sample number)``, so a run resumed at step ``s`` sees exactly the
batches an uninterrupted run would have seen from step ``s`` on. Decoding and
augmentation run in parallel (``num_parallel_calls``) and batches are
prefetched, so both cores stay busy while the network trains.
"""
from __future__ import annotations

import dataclasses
import logging
from pathlib import Path

import numpy as np
import tensorflow as tf

log = logging.getLogger(__name__)

IMAGE_EXTENSIONS = (".png", ".jpg", ".jpeg", ".bmp")


class DatasetError(ValueError):
    """The training folder cannot be used (missing, empty, too few people)."""


@dataclasses.dataclass
class FaceDataset:
    classes: list[str]            # person folder names; label = index
    paths: np.ndarray             # (N,) str
    labels: np.ndarray            # (N,) int32

    def __len__(self) -> int:
        return len(self.paths)

    def subset(self, indices) -> "FaceDataset":
        return FaceDataset(self.classes, self.paths[indices], self.labels[indices])


def list_dataset(data_dir) -> FaceDataset:
    """Images of ``data_dir/<person>/``, people sorted by name (their label is their rank)."""
    data_dir = Path(data_dir)
    if not data_dir.is_dir():
        raise DatasetError(f"{data_dir}: no such directory")
    classes, paths, labels = [], [], []
    for person in sorted(p for p in data_dir.iterdir() if p.is_dir() and not p.name.startswith(".")):
        images = sorted(str(f) for f in person.iterdir()
                        if f.suffix.lower() in IMAGE_EXTENSIONS and not f.name.startswith("."))
        if not images:
            continue
        paths += images
        labels += [len(classes)] * len(images)
        classes.append(person.name)
    if len(classes) < 2:
        raise DatasetError(f"{data_dir}: needs at least 2 people with images, found {len(classes)}")
    return FaceDataset(classes, np.array(paths), np.array(labels, np.int32))


def split_dataset(dataset: FaceDataset, ratio: float, min_images: int, seed: int):
    """Hold out ``round(ratio * n)`` (at least 1) images of each person with ``n >= min_images``.

    All people stay in the training set (their labels are the classifier's classes).
    """
    if ratio <= 0:
        return dataset, dataset.subset(np.array([], np.int64))
    rng = np.random.default_rng([seed, 1])
    train, val = [], []
    for label in range(len(dataset.classes)):
        indices = np.nonzero(dataset.labels == label)[0]
        indices = indices[rng.permutation(len(indices))]
        held = max(1, int(round(ratio * len(indices)))) if len(indices) >= max(min_images, 2) else 0
        val += indices[:held].tolist()
        train += indices[held:].tolist()
    return dataset.subset(np.sort(train)), dataset.subset(np.sort(val))


def image_size_of(path) -> int:
    image = tf.io.decode_image(tf.io.read_file(str(path)), channels=3, expand_animations=False)
    height, width = image.shape[:2]
    if height != width:
        raise DatasetError(f"{path}: chips must be square, got {width}x{height}")
    return int(height)


# --- epoch plans ---------------------------------------------------------------------
def softmax_plan(labels: np.ndarray, epoch: int, steps: int, batch: int, seed: int) -> np.ndarray:
    """Indices of the ``steps * batch`` samples of an epoch: shuffled passes over the data."""
    rng = np.random.default_rng([seed, 2, epoch])
    need = steps * batch
    passes = [rng.permutation(len(labels)) for _ in range(-(-need // len(labels)))]
    return np.concatenate(passes)[:need]


def triplet_plan(labels: np.ndarray, epoch: int, steps: int, people: int, per_person: int,
                 seed: int) -> np.ndarray:
    """Batches of ``people`` persons x ``per_person`` images (people with >= 2 images only)."""
    rng = np.random.default_rng([seed, 3, epoch])
    by_class = [np.nonzero(labels == c)[0] for c in np.unique(labels)]
    by_class = [c for c in by_class if len(c) >= 2]
    if len(by_class) < 2:
        raise DatasetError("triplet loss needs at least 2 people with 2 or more images")
    plan = []
    for _ in range(steps):
        chosen = rng.choice(len(by_class), people, replace=people > len(by_class))
        for c in chosen:
            images = by_class[c]
            plan.append(rng.choice(images, per_person, replace=per_person > len(images)))
    return np.concatenate(plan)


# --- pipelines -----------------------------------------------------------------------
def _decode(path, chip_size: int):
    image = tf.io.decode_image(tf.io.read_file(path), channels=3, expand_animations=False)
    image.set_shape([None, None, 3])
    if chip_size:
        shape = tf.shape(image)
        image = tf.cond(tf.logical_and(tf.equal(shape[0], chip_size), tf.equal(shape[1], chip_size)),
                        lambda: image,
                        lambda: tf.cast(tf.image.resize(image, (chip_size, chip_size)), tf.uint8))
        image = tf.ensure_shape(image, [chip_size, chip_size, 3])
    return image


def _center(image, input_size: int, chip_size: int):
    if chip_size < input_size:
        return tf.cast(tf.image.resize(image, (input_size, input_size)), tf.uint8)
    offset = (chip_size - input_size) // 2
    return image[offset:offset + input_size, offset:offset + input_size]


def training_pipeline(dataset: FaceDataset, plan: np.ndarray, first_sample: int, *, batch: int, input_size: int,
                      chip_size: int, normalise, random_crop: bool, random_flip: bool, seed: int,
                      parallel: int | None = None) -> tf.data.Dataset:
    """(images float32 normalised, labels int32) batches of the planned samples.

    ``first_sample`` is the global number of ``plan[0]``; it seeds the augmentation.
    """
    samples = np.arange(first_sample, first_sample + len(plan), dtype=np.int64)
    ds = tf.data.Dataset.from_tensor_slices((dataset.paths[plan], dataset.labels[plan], samples))
    crop = random_crop and chip_size > input_size

    def load(path, label, sample):
        image = _decode(path, chip_size)
        key = tf.stack([tf.constant(seed, tf.int64), sample])
        if crop:
            image = tf.image.stateless_random_crop(image, [input_size, input_size, 3], seed=key)
        else:
            image = _center(image, input_size, chip_size)
        if random_flip:
            image = tf.image.stateless_random_flip_left_right(image, seed=key + 1)
        return image, label

    ds = ds.map(load, num_parallel_calls=parallel or tf.data.AUTOTUNE, deterministic=True)
    ds = ds.batch(batch, drop_remainder=True)
    ds = ds.map(lambda x, y: (normalise(tf.cast(x, tf.float32)), y))
    return ds.prefetch(tf.data.AUTOTUNE)


def eval_pipeline(paths, *, batch: int, input_size: int, chip_size: int, normalise, labels=None,
                  parallel: int | None = None) -> tf.data.Dataset:
    """Centre crops of ``paths`` (no augmentation), batched; with labels if given."""
    labels = np.zeros(len(paths), np.int32) if labels is None else np.asarray(labels, np.int32)
    ds = tf.data.Dataset.from_tensor_slices((np.asarray(paths, str), labels))
    ds = ds.map(lambda p, y: (_center(_decode(p, chip_size), input_size, chip_size), y),
                num_parallel_calls=parallel or tf.data.AUTOTUNE, deterministic=True)
    ds = ds.batch(batch).map(lambda x, y: (normalise(tf.cast(x, tf.float32)), y))
    return ds.prefetch(tf.data.AUTOTUNE)
