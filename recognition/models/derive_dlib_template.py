"""Derive where MTCNN's 5 landmarks fall in dlib's 150x150 face chip (DLIB_MTCNN_TEMPLATE).

dlib's face-recognition ResNet was trained on chips made by its own pipeline: the
HOG face detector, the 5-point shape predictor and ``get_face_chip(img, shape, 150,
padding=0.25)``. This product detects with MTCNN, whose five points (eye centres,
nose tip, mouth corners) are different points. For every image this script runs
both pipelines on the same face, maps MTCNN's points through dlib's chip transform
into the chip frame and takes the per-coordinate median over all faces: that is
the template to which MTCNN points are warped to reproduce dlib's chips.

The median template with equal weights leaves our chips 3.8 px (mean over a grid of
the chip) from dlib's: the mouth corners move with expression and the nose tip with
pose, while dlib's points are eye corners and the base of the nose. So the script
also fits the template *and* a weight per point of the similarity fit, minimising
that grid displacement by gradient descent on one half of the faces and reporting
it on the other half (2.2 px on CelebA: eyes weigh ~2, nose ~0.7, mouth ~0.05).
``DLIB_MTCNN_TEMPLATE`` / ``DLIB_MTCNN_WEIGHTS`` are that fit on all faces.

    python -m recognition.models.derive_dlib_template --data-dir ../shared/data/celeba \\
        --limit 2000 --json bench/results/dlib_template.json

CelebA is the default data (not LFW, whose View 2 pairs are the test set).
"""
from __future__ import annotations

import json
import math
import sys
from pathlib import Path

import cv2
import numpy as np

from recognition import cli

CHIP_SIZE = 150
CHIP_PADDING = 0.25
POINT_NAMES = ("left_eye", "right_eye", "nose", "mouth_left", "mouth_right")
IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".bmp")
DEFAULT_DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "celeba"


def chip_transform(details) -> np.ndarray:
    """dlib's image -> chip mapping of a ``dlib.chip_details`` as a 2x3 affine matrix.

    Same construction as dlib's ``get_mapping_to_chip``: the corners tl, tr, br of
    ``details.rect`` rotated by ``details.angle`` about its centre go to the chip's
    corners (0, 0), (cols-1, 0), (cols-1, rows-1). Pixel centres are integers, as
    in cv2.warpAffine, so ``cv2.warpAffine(img, M, (cols, rows))`` reproduces
    ``dlib.extract_image_chip`` up to interpolation.
    """
    rect = details.rect
    left, top, right, bottom = rect.left(), rect.top(), rect.right(), rect.bottom()
    centre = np.array([(left + right) / 2.0, (top + bottom) / 2.0])
    cos, sin = math.cos(details.angle), math.sin(details.angle)
    rotation = np.array([[cos, -sin], [sin, cos]])
    corners = np.array([[left, top], [right, top], [right, bottom]], np.float64)
    src = (corners - centre) @ rotation.T + centre
    dst = np.array([[0, 0], [details.cols - 1, 0], [details.cols - 1, details.rows - 1]], np.float64)
    return cv2.getAffineTransform(src.astype(np.float32), dst.astype(np.float32)).astype(np.float64)


def apply(matrix: np.ndarray, points: np.ndarray) -> np.ndarray:
    points = np.asarray(points, np.float64).reshape(-1, 2)
    return points @ matrix[:, :2].T + matrix[:, 2]


def _iou(a, b) -> float:
    x1, y1 = max(a[0], b[0]), max(a[1], b[1])
    x2, y2 = min(a[2], b[2]), min(a[3], b[3])
    inter = max(0.0, x2 - x1) * max(0.0, y2 - y1)
    union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter
    return inter / union if union > 0 else 0.0


class TemplateDeriver:
    """Both pipelines on one image -> MTCNN's 5 points in dlib's chip frame, or None."""

    def __init__(self, min_iou: float = 0.3):
        import dlib
        import face_recognition_models

        from recognition.align.detector import FaceDetector

        self.dlib = dlib
        self.dlib_detector = dlib.get_frontal_face_detector()
        self.shape_predictor = dlib.shape_predictor(face_recognition_models.pose_predictor_five_point_model_location())
        self.mtcnn = FaceDetector(min_face_size=40)
        self.min_iou = min_iou

    def dlib_chip(self, image_bgr: np.ndarray):
        """dlib's chip details of the largest face (``None`` if dlib finds none)."""
        rgb = np.ascontiguousarray(image_bgr[:, :, ::-1])
        rects = self.dlib_detector(rgb, 0) or self.dlib_detector(rgb, 1)   # upsample only if needed
        if not rects:
            return None, None
        rect = max(rects, key=lambda r: r.area())
        shape = self.shape_predictor(rgb, rect)
        box = (rect.left(), rect.top(), rect.right() + 1, rect.bottom() + 1)
        return self.dlib.get_face_chip_details(shape, CHIP_SIZE, CHIP_PADDING), box

    def points_in_chip(self, image_bgr: np.ndarray):
        details, dlib_box = self.dlib_chip(image_bgr)
        if details is None:
            return None
        detections = self.mtcnn.detect(image_bgr)
        if not detections:
            return None
        best = max(detections, key=lambda d: _iou(d.box, dlib_box))
        if _iou(best.box, dlib_box) < self.min_iou:
            return None
        return apply(chip_transform(details), best.landmarks)


def derive(paths, deriver: TemplateDeriver | None = None, progress: bool = True) -> dict:
    """Run over ``paths`` and return the template (median) with its spread and counts."""
    from tqdm import tqdm

    from recognition.imageio import ImageReadError, read_image

    deriver = deriver or TemplateDeriver()
    points, skipped = [], {"unreadable": 0, "no matching face": 0}
    for path in tqdm(paths, desc="faces", unit="img", disable=not progress):
        try:
            image = read_image(path)
        except ImageReadError:
            skipped["unreadable"] += 1
            continue
        found = deriver.points_in_chip(image)
        if found is None:
            skipped["no matching face"] += 1
        else:
            points.append(found)
    if not points:
        raise ValueError("no image had a face found by both dlib and MTCNN")
    points = np.stack(points)                                    # (n, 5, 2)
    median = np.median(points, axis=0)
    mad = 1.4826 * np.median(np.abs(points - median), axis=0)    # robust standard deviation
    low, high = np.percentile(points, [10, 90], axis=0)
    trimmed = np.stack([[_trimmed_mean(points[:, i, j]) for j in range(2)] for i in range(5)])
    fit = fit_weighted_template(points[::2])
    held_out = chip_error(points[1::2], fit["template"], fit["weights"])
    equal = chip_error(points[1::2], median, None)
    final = fit_weighted_template(points)
    return {
        "weighted_fit": {"template": np.round(final["template"], 2).tolist(),
                         "weights": np.round(final["weights"], 3).tolist(),
                         "held_out_chip_error_px": round(float(held_out.mean()), 3),
                         "median_template_equal_weights_chip_error_px": round(float(equal.mean()), 3)},
        "template": np.round(median, 2).tolist(),
        "trimmed_mean_10pct": np.round(trimmed, 2).tolist(),
        "robust_std": np.round(mad, 2).tolist(),
        "p10": np.round(low, 2).tolist(),
        "p90": np.round(high, 2).tolist(),
        "points": list(POINT_NAMES),
        "faces_used": int(len(points)),
        "images": len(paths),
        "skipped": skipped,
        "chip": {"size": CHIP_SIZE, "padding": CHIP_PADDING},
    }


#: Points of the 150 px chip where the displacement between our chip and dlib's is measured.
_GRID = np.stack(np.meshgrid(np.linspace(20, 130, 12), np.linspace(20, 130, 12)), -1).reshape(-1, 2)


def _chip_error(points, template, weights, xp):
    """Per face: mean distance, over _GRID, between a grid point and where the weighted
    similarity fit of the face's points (already in dlib's chip frame) onto ``template`` sends
    it - zero when our chip equals dlib's. ``xp`` is numpy or tensorflow.experimental.numpy."""
    w = weights / xp.sum(weights)
    src_mean = xp.einsum("k,nkd->nd", w, points)
    dst_mean = xp.einsum("k,kd->d", w, template)
    src, dst = points - src_mean[:, None], template - dst_mean
    a = xp.einsum("k,nk->n", w, src[..., 0] * dst[None, :, 0] + src[..., 1] * dst[None, :, 1])
    b = xp.einsum("k,nk->n", w, src[..., 0] * dst[None, :, 1] - src[..., 1] * dst[None, :, 0])
    variance = xp.einsum("k,nk->n", w, xp.sum(src ** 2, -1))
    a, b = (a / variance)[:, None], (b / variance)[:, None]
    gx, gy = _GRID[None, :, 0] - src_mean[:, 0:1], _GRID[None, :, 1] - src_mean[:, 1:2]
    dx = a * gx - b * gy + dst_mean[0] - _GRID[None, :, 0]
    dy = b * gx + a * gy + dst_mean[1] - _GRID[None, :, 1]
    return xp.mean(xp.sqrt(dx ** 2 + dy ** 2 + 1e-12), axis=1)


def chip_error(points, template, weights=None) -> np.ndarray:
    """Per-face chip displacement (pixels) of aligning ``points`` (n, 5, 2) onto ``template``."""
    weights = np.ones(5) if weights is None else np.asarray(weights, np.float64)
    return _chip_error(np.asarray(points, np.float64), np.asarray(template, np.float64), weights, np)


def fit_weighted_template(points, steps: int = 1500, learning_rate: float = 0.05) -> dict:
    """Template and per-point weights (mean 1) minimising the mean ``chip_error`` (Adam)."""
    import tensorflow as tf
    import tensorflow.experimental.numpy as tnp

    points = tf.constant(np.asarray(points, np.float64))
    template = tf.Variable(np.median(np.asarray(points), axis=0))
    log_weights = tf.Variable(np.zeros(5))
    optimizer = tf.keras.optimizers.Adam(learning_rate)

    @tf.function
    def step():
        with tf.GradientTape() as tape:
            loss = tf.reduce_mean(_chip_error(points, template, tf.exp(log_weights), tnp))
        optimizer.apply_gradients(zip(tape.gradient(loss, [template, log_weights]), [template, log_weights]))
        return loss

    for _ in range(steps):
        loss = step()
    weights = np.exp(log_weights.numpy())
    return {"template": template.numpy(), "weights": weights * 5 / weights.sum(), "chip_error_px": float(loss)}


def _trimmed_mean(values: np.ndarray, cut: float = 0.1) -> float:
    values = np.sort(values)
    k = int(len(values) * cut)
    return float(values[k:len(values) - k].mean()) if len(values) > 2 * k else float(values.mean())


def image_paths(data_dir: Path, limit: int | None) -> list[Path]:
    """Images under data_dir (recursive), sorted; ``limit`` evenly spaced ones if given."""
    paths = sorted(p for p in Path(data_dir).rglob("*") if p.suffix.lower() in IMAGE_SUFFIXES)
    if limit and len(paths) > limit:
        paths = [paths[i] for i in np.linspace(0, len(paths) - 1, limit).round().astype(int)]
    return paths


def main(argv=None) -> int:
    parser = cli.argument_parser(__doc__)
    parser.add_argument("--data-dir", "--lfw-dir", type=Path, default=DEFAULT_DATA,
                        help=f"folder of face images, searched recursively (default: {DEFAULT_DATA})")
    parser.add_argument("--limit", type=int, default=2000,
                        help="use this many evenly spaced images (0 = all; default 2000)")
    parser.add_argument("--json", help="write the template, its spread and counts to this JSON file")
    return cli.run(_main, parser.parse_args(argv))


def _main(args) -> int:
    if not args.data_dir.is_dir():
        raise cli.UserError(f"{args.data_dir}: no such folder")
    paths = image_paths(args.data_dir, args.limit)
    if not paths:
        raise cli.UserError(f"{args.data_dir}: no images found", cli.EXIT_NOTHING_DONE)
    result = derive(paths)
    result["data_dir"] = str(args.data_dir)
    print(f"{result['faces_used']} faces of {result['images']} images (skipped: {result['skipped']})")
    print(f"{'point':12s} {'x':>7s} {'y':>7s}   robust std (x, y)   trimmed mean (x, y)")
    for name, (x, y), (sx, sy), (tx, ty) in zip(POINT_NAMES, result["template"], result["robust_std"],
                                                 result["trimmed_mean_10pct"]):
        print(f"{name:12s} {x:7.2f} {y:7.2f}   {sx:5.2f} {sy:5.2f}          {tx:7.2f} {ty:7.2f}")
    fit = result["weighted_fit"]
    print(f"chip error on held-out faces: median template, equal weights "
          f"{fit['median_template_equal_weights_chip_error_px']:.2f} px; fitted template and weights "
          f"{fit['held_out_chip_error_px']:.2f} px")
    print("DLIB_MTCNN_TEMPLATE = [")
    for x, y in fit["template"]:
        print(f"    [{x:.2f}, {y:.2f}],")
    print("]")
    print(f"DLIB_MTCNN_WEIGHTS = {fit['weights']}")
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
