"""MTCNN face detection with the weights bundled in the `mtcnn` package.

The package's own pipeline calls each network eagerly and fails on some pyramid
sizes, so the three networks (P-Net, R-Net, O-Net, with the package's weights)
are run here inside `tf.function`s, with the classic MTCNN glue (Zhang et al.
2016): an image pyramid through P-Net, then all candidates of a frame through
R-Net in one batch, then through O-Net in one batch, which also gives the five
landmarks. The glue is numpy and OpenCV.
"""
from __future__ import annotations

import dataclasses
import math

import numpy as np
import tensorflow as tf

from recognition.imageio import as_bgr

PNET_CELL, PNET_STRIDE = 12, 2


@dataclasses.dataclass
class Detection:
    box: tuple[float, float, float, float]   # x1, y1, x2, y2 in pixels
    score: float
    landmarks: np.ndarray                    # (5, 2): left eye, right eye, nose, mouth left, mouth right

    @property
    def size(self) -> float:
        return min(self.box[2] - self.box[0], self.box[3] - self.box[1])


def _load_network(network_cls, weights_name: str):
    from mtcnn.utils.tensorflow import load_weights

    network = network_cls()
    network.build()
    network.set_weights(load_weights(weights_name))
    return network


def _normalise(bgr: tf.Tensor) -> tf.Tensor:
    """BGR pixels (any dtype) -> MTCNN's RGB input, (x - 127.5) / 128."""
    return (tf.reverse(tf.cast(bgr, tf.float32), axis=[-1]) - 127.5) * (1.0 / 128.0)


def nms(boxes: np.ndarray, scores: np.ndarray, threshold: float, mode: str = "union") -> np.ndarray:
    """Greedy non-maximum suppression; returns kept indices, best score first.

    mode "union" is IoU; "min" divides the overlap by the smaller box (MTCNN's last stage).
    """
    x1, y1, x2, y2 = boxes.T
    areas = (x2 - x1 + 1) * (y2 - y1 + 1)
    order = np.argsort(-scores, kind="stable")
    keep = []
    while order.size:
        i, rest = order[0], order[1:]
        keep.append(i)
        w = np.maximum(0.0, np.minimum(x2[i], x2[rest]) - np.maximum(x1[i], x1[rest]) + 1)
        h = np.maximum(0.0, np.minimum(y2[i], y2[rest]) - np.maximum(y1[i], y1[rest]) + 1)
        inter = w * h
        denom = np.minimum(areas[i], areas[rest]) if mode == "min" else areas[i] + areas[rest] - inter
        order = rest[inter / denom <= threshold]
    return np.asarray(keep, dtype=np.int64)


def _regress(boxes: np.ndarray, offsets: np.ndarray) -> np.ndarray:
    """Apply MTCNN's box regression (offsets in units of the box size)."""
    size = np.stack([boxes[:, 2] - boxes[:, 0] + 1, boxes[:, 3] - boxes[:, 1] + 1] * 2, axis=1)
    return boxes + offsets * size


def _square(boxes: np.ndarray) -> np.ndarray:
    w, h = boxes[:, 2] - boxes[:, 0], boxes[:, 3] - boxes[:, 1]
    side = np.maximum(w, h)
    x1 = boxes[:, 0] + (w - side) * 0.5
    y1 = boxes[:, 1] + (h - side) * 0.5
    return np.stack([x1, y1, x1 + side, y1 + side], axis=1)


class FaceDetector:
    """MTCNN detector: `detect(image_bgr) -> list[Detection]`, largest face first.

    min_face_size: smallest face side (pixels) searched for; larger is faster.
    thresholds: P-Net, R-Net and O-Net face-probability thresholds.
    scale_factor: ratio between two levels of the image pyramid.
    """

    def __init__(self, min_face_size: int = 40, thresholds=(0.6, 0.7, 0.7), scale_factor: float = 0.709):
        from mtcnn.network.onet import ONet
        from mtcnn.network.pnet import PNet
        from mtcnn.network.rnet import RNet

        if min_face_size < PNET_CELL:
            raise ValueError(f"min_face_size must be >= {PNET_CELL} px, got {min_face_size}")
        if not 0 < scale_factor < 1:
            raise ValueError(f"scale_factor must be in (0, 1), got {scale_factor}")
        self.min_face_size = int(min_face_size)
        self.thresholds = tuple(float(t) for t in thresholds)
        self.scale_factor = float(scale_factor)
        self._pnet = _load_network(PNet, "pnet.lz4")
        self._rnet = _load_network(RNet, "rnet.lz4")
        self._onet = _load_network(ONet, "onet.lz4")
        self._pyramids = {}   # (height, width) -> traced pyramid function
        crop_spec = [tf.TensorSpec([None, None, 3], tf.uint8), tf.TensorSpec([None, 4], tf.float32)]
        self._rnet_stage = tf.function(lambda image, boxes: self._rnet(self._crops(image, boxes, 24)),
                                       input_signature=crop_spec)
        self._onet_stage = tf.function(lambda image, boxes: self._onet(self._crops(image, boxes, 48)),
                                       input_signature=crop_spec)

    def detect(self, image_bgr) -> list[Detection]:
        image = as_bgr(image_bgr)
        height, width = image.shape[:2]
        if min(height, width) < PNET_CELL:
            return []
        pixels = tf.constant(image)
        boxes = self._proposals(pixels, height, width)
        if len(boxes):
            boxes = self._refine(pixels, boxes, height, width)
        if not len(boxes):
            return []
        boxes, scores, landmarks = self._output(pixels, boxes, height, width)
        detections = [Detection(tuple(float(v) for v in b), float(s), lm)
                      for b, s, lm in zip(boxes, scores, landmarks)]
        detections.sort(key=lambda d: -d.size)
        return detections

    def refine(self, image_bgr, boxes) -> list[Detection | None]:
        """Re-detect faces near known ``boxes`` (x1, y1, x2, y2) with O-Net alone, one result per box.

        This is MTCNN's last stage applied to the squared boxes of faces found in an earlier frame:
        a few milliseconds instead of the whole pyramid, good while a face moves a little between
        frames. None where O-Net finds no face in (or regresses out of) the box.
        """
        image = as_bgr(image_bgr)
        boxes = np.asarray(boxes, np.float32).reshape(-1, 4)
        height, width = image.shape[:2]
        if not len(boxes) or min(height, width) < PNET_CELL:
            return [None] * len(boxes)
        offsets, points, probs = self._onet_stage(tf.constant(image), self._relative(_square(boxes), height, width))
        results = []
        squared = _square(boxes)
        scores, offsets, points = probs.numpy()[:, 1], offsets.numpy(), points.numpy()
        for i, box in enumerate(squared):
            if scores[i] <= self.thresholds[2]:
                results.append(None)
                continue
            size = np.array([box[2] - box[0] + 1, box[3] - box[1] + 1])
            landmarks = np.stack([points[i, :5], points[i, 5:]], axis=1) * size + box[:2] - 1
            refined = _regress(box[None], offsets[i][None])[0]
            results.append(Detection(tuple(float(v) for v in refined), float(scores[i]),
                                     landmarks.astype(np.float32)))
        return results

    def _scales(self, height: int, width: int) -> list[float]:
        scale = PNET_CELL / self.min_face_size
        side = min(height, width) * scale
        scales = []
        while side >= PNET_CELL:
            scales.append(scale)
            scale *= self.scale_factor
            side *= self.scale_factor
        return scales

    def _pyramid(self, height: int, width: int):
        """P-Net over every pyramid level in one graph, traced once per frame size."""
        key = (height, width)
        if key not in self._pyramids:
            sizes = [(math.ceil(height * s), math.ceil(width * s)) for s in self._scales(height, width)]

            @tf.function(input_signature=[tf.TensorSpec([height, width, 3], tf.uint8)])
            def run(image):
                image = tf.cast(image, tf.float32)[None]
                outputs = []
                for size in sizes:
                    level = _normalise(tf.image.resize(image, size, method="area"))
                    offsets, probs = self._pnet(level)
                    outputs.append((offsets[0], probs[0, :, :, 1]))
                return outputs

            self._pyramids[key] = run
        return self._pyramids[key]

    def _proposals(self, pixels, height: int, width: int) -> np.ndarray:
        """Candidate boxes (N, 4) from P-Net over the image pyramid."""
        candidates = []
        scales = self._scales(height, width)
        for scale, (offsets, probs) in zip(scales, self._pyramid(height, width)(pixels)):
            probs = probs.numpy()
            ys, xs = np.nonzero(probs > self.thresholds[0])
            if not len(ys):
                continue
            origin = np.stack([xs, ys], axis=1).astype(np.float32) * PNET_STRIDE
            boxes = np.concatenate([(origin + 1) / scale, (origin + PNET_CELL) / scale], axis=1)
            boxes = _regress(boxes, offsets.numpy()[ys, xs])
            scores = probs[ys, xs]
            keep = nms(boxes, scores, 0.5)
            candidates.append(np.column_stack([boxes[keep], scores[keep]]))
        if not candidates:
            return np.empty((0, 4), np.float32)
        candidates = np.concatenate(candidates)
        candidates = candidates[nms(candidates[:, :4], candidates[:, 4], 0.7)]
        return _square(candidates[:, :4])

    @staticmethod
    def _crops(image: tf.Tensor, boxes: tf.Tensor, size: int) -> tf.Tensor:
        """Normalised crops of `boxes` (y1, x1, y2, x2 in [0, 1]; zero outside) at size x size."""
        crops = tf.image.crop_and_resize(image[None], boxes, tf.zeros(tf.shape(boxes)[:1], tf.int32),
                                         (size, size))
        return _normalise(crops)

    @staticmethod
    def _relative(boxes: np.ndarray, height: int, width: int) -> np.ndarray:
        return (boxes[:, [1, 0, 3, 2]] / np.array([height - 1, width - 1] * 2)).astype(np.float32)

    def _refine(self, pixels, boxes: np.ndarray, height: int, width: int) -> np.ndarray:
        offsets, probs = self._rnet_stage(pixels, self._relative(boxes, height, width))
        scores = probs.numpy()[:, 1]
        keep = scores > self.thresholds[1]
        boxes, scores, offsets = boxes[keep], scores[keep], offsets.numpy()[keep]
        keep = nms(boxes, scores, 0.7)
        return _square(_regress(boxes[keep], offsets[keep]))

    def _output(self, pixels, boxes: np.ndarray, height: int, width: int):
        offsets, points, probs = self._onet_stage(pixels, self._relative(boxes, height, width))
        scores = probs.numpy()[:, 1]
        keep = scores > self.thresholds[2]
        boxes, scores = boxes[keep], scores[keep]
        offsets, points = offsets.numpy()[keep], points.numpy()[keep]
        size = np.stack([boxes[:, 2] - boxes[:, 0] + 1, boxes[:, 3] - boxes[:, 1] + 1], axis=1)
        landmarks = np.stack([points[:, :5], points[:, 5:]], axis=2) * size[:, None, :] \
            + boxes[:, None, :2] - 1
        boxes = _regress(boxes, offsets)
        keep = nms(boxes, scores, 0.7, mode="min")
        return boxes[keep], scores[keep], landmarks[keep].astype(np.float32)
