"""Verification metrics on LFW-style pairs (10-fold accuracy, VAL@FAR, ROC, AUC, EER).

Follows the LFW View 2 protocol as used by FaceNet's validate_on_lfw: for each of
the 10 folds the threshold is chosen on the other nine and applied to it.
"""
from __future__ import annotations

import dataclasses
import os
from pathlib import Path

import numpy as np


@dataclasses.dataclass(frozen=True)
class Pair:
    first: Path
    second: Path
    same: bool
    fold: int


def read_pairs(pairs_path, images_dir, extension: str = "jpg") -> list[Pair]:
    """Read an LFW-format pairs file ("folds n" header; `name i j` / `name1 i name2 j`)."""
    lines = Path(pairs_path).read_text(encoding="utf-8").strip().splitlines()
    try:
        folds, per_fold = (int(v) for v in lines[0].split()[:2])
    except ValueError:
        raise ValueError(f"{pairs_path}: first line must be '<folds> <pairs per fold>'") from None
    images_dir = Path(images_dir)

    def image(name: str, index: str) -> Path:
        return images_dir / name / f"{name}_{int(index):04d}.{extension}"

    pairs = []
    for n, line in enumerate(lines[1:]):
        fields = line.split("\t") if "\t" in line else line.split()
        if len(fields) == 3:
            pair = (image(fields[0], fields[1]), image(fields[0], fields[2]), True)
        elif len(fields) == 4:
            pair = (image(fields[0], fields[1]), image(fields[2], fields[3]), False)
        else:
            raise ValueError(f"{pairs_path}:{n + 2}: expected 3 or 4 fields, got {line!r}")
        pairs.append(Pair(*pair, fold=n // (2 * per_fold)))
    if len(pairs) != folds * 2 * per_fold:
        raise ValueError(f"{pairs_path}: expected {folds * 2 * per_fold} pairs, found {len(pairs)}")
    return pairs


def _rates(distances, same, thresholds):
    """True and false accept rates at each threshold (accept: distance <= threshold)."""
    same_sorted = np.sort(distances[same])
    diff_sorted = np.sort(distances[~same])
    tar = np.searchsorted(same_sorted, thresholds, side="right") / max(len(same_sorted), 1)
    far = np.searchsorted(diff_sorted, thresholds, side="right") / max(len(diff_sorted), 1)
    return tar, far


def _accuracies(distances, same, thresholds):
    tar, far = _rates(distances, same, thresholds)
    n_same = same.sum()
    return (tar * n_same + (1 - far) * (len(same) - n_same)) / len(same)


def _best_threshold(distances, same, thresholds):
    return thresholds[int(np.argmax(_accuracies(distances, same, thresholds)))]


def _threshold_at_far(distances, same, far_target, thresholds):
    """The largest threshold whose false accept rate stays within the target."""
    _, far = _rates(distances, same, thresholds)
    within = np.nonzero(far <= far_target)[0]
    return thresholds[within[-1]] if len(within) else thresholds[0]


def _candidate_thresholds(distances):
    """Midpoints between consecutive distinct distances, and one below / above all."""
    values = np.unique(distances)
    return np.r_[values[0] - 1e-6, (values[1:] + values[:-1]) / 2, values[-1] + 1e-6]


def roc_curve(distances, same):
    """(false accept rates, true accept rates, thresholds) over every distinct distance."""
    order = np.argsort(distances, kind="stable")
    d, s = distances[order], same[order]
    tp, fp = np.cumsum(s), np.cumsum(~s)
    last = np.r_[np.nonzero(np.diff(d))[0], len(d) - 1]   # last index of each distinct value
    tpr = np.r_[0.0, tp[last] / max(s.sum(), 1)]
    fpr = np.r_[0.0, fp[last] / max((~s).sum(), 1)]
    return fpr, tpr, np.r_[d[0] - 1e-6, d[last]]


FAR_TARGET = 1e-3


def verification_metrics(distances, same, folds) -> dict:
    """LFW figures for pair distances (smaller = more alike); VAL is at FAR = 1e-3."""
    far_target = FAR_TARGET
    distances = np.asarray(distances, np.float64)
    same = np.asarray(same, bool)
    folds = np.asarray(folds)
    accuracies, vals, fars, fold_thresholds = [], [], [], []
    for fold in np.unique(folds):
        test, train = folds == fold, folds != fold
        if not train.any():          # a single fold: the threshold is chosen on it (optimistic)
            train = test
        thresholds = _candidate_thresholds(distances[train])
        threshold = _best_threshold(distances[train], same[train], thresholds)
        fold_thresholds.append(threshold)
        accuracies.append(_accuracies(distances[test], same[test], np.array([threshold]))[0])
        far_threshold = _threshold_at_far(distances[train], same[train], far_target, thresholds)
        val, far = _rates(distances[test], same[test], np.array([far_threshold]))
        vals.append(val[0])
        fars.append(far[0])
    fpr, tpr, _ = roc_curve(distances, same)
    eer_index = int(np.argmin(np.abs(fpr - (1 - tpr))))
    return {
        "accuracy": float(np.mean(accuracies)),
        "accuracy_std": float(np.std(accuracies)),
        "val_at_far_1e-3": float(np.mean(vals)),
        "val_at_far_1e-3_std": float(np.std(vals)),
        "far": float(np.mean(fars)),
        "auc": float(np.trapezoid(tpr, fpr)),
        "eer": float((fpr[eer_index] + 1 - tpr[eer_index]) / 2),
        "threshold": float(_best_threshold(distances, same, _candidate_thresholds(distances))),
        "threshold_folds_mean": float(np.mean(fold_thresholds)),
        "pairs": int(len(distances)),
        "folds": int(len(np.unique(folds))),
    }


def plot_roc(distances, same, path, label: str = "") -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fpr, tpr, _ = roc_curve(np.asarray(distances), np.asarray(same, bool))
    fig, ax = plt.subplots(figsize=(5, 4.5))
    ax.plot(fpr, tpr, label=label or None)
    ax.set_xscale("log")
    ax.set_xlim(1e-4, 1)
    ax.set_ylim(0.8, 1.0)
    ax.set_xlabel("false accept rate")
    ax.set_ylabel("true accept rate")
    ax.set_title("LFW View 2 ROC")
    ax.grid(True, which="both", alpha=0.3)
    if label:
        ax.legend(loc="lower right")
    fig.tight_layout()
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    fig.savefig(path, dpi=120)
    plt.close(fig)
