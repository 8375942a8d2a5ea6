"""Verification checks during training: LFW pairs on pre-aligned chips, and pairs of the validation split.

The LFW chips come from ``align_dataset`` run on LFW with the training data's
convention (``<lfw_dir>/<name>/<name>_NNNN.png``), so each check is only the
network's share of the full pipeline; the figures of record come from
``python -m recognition.run.evaluate`` on raw LFW. Metrics are the lead's
``recognition.evaluation.verification_metrics`` (10-fold protocol).
"""
from __future__ import annotations

import logging
import numpy as np

from recognition.evaluation import read_pairs, verification_metrics

log = logging.getLogger(__name__)


class LfwPairs:
    """LFW-format pairs whose two chips exist (MTCNN may have missed a few)."""

    def __init__(self, lfw_dir, pairs_path):
        pairs = read_pairs(pairs_path, lfw_dir, extension="png")
        self.pairs = [p for p in pairs if p.first.is_file() and p.second.is_file()]
        self.missing = len(pairs) - len(self.pairs)
        if not self.pairs:
            raise FileNotFoundError(f"{lfw_dir}: none of the chips of {pairs_path} exist; align LFW with "
                                    "python -m recognition.align.align_dataset first")
        if self.missing:
            log.warning("%d of %d LFW pairs lack a chip (no face found) and are left out",
                        self.missing, len(pairs))

    def evaluate(self, embed, folds: int | None = None) -> dict:
        """Metrics of the pairs of the first ``folds`` folds; ``embed(paths) -> (N, D)`` unit vectors."""
        pairs = [p for p in self.pairs if folds is None or p.fold < folds]
        paths = sorted({str(q) for p in pairs for q in (p.first, p.second)})
        index = {p: i for i, p in enumerate(paths)}
        embeddings = embed(paths)
        first = embeddings[[index[str(p.first)] for p in pairs]]
        second = embeddings[[index[str(p.second)] for p in pairs]]
        distances = np.linalg.norm(first - second, axis=1)
        folds_of = np.array([p.fold for p in pairs])
        if len(np.unique(folds_of)) < 2:       # one fold: split it in two for the threshold choice
            folds_of = np.arange(len(pairs)) % 2
        figures = verification_metrics(distances, [p.same for p in pairs], folds_of)
        figures["missing_pairs"] = self.missing if folds is None else None
        return figures


def validation_pair_metrics(embeddings: np.ndarray, labels: np.ndarray, max_pairs: int = 20000,
                            seed: int = 0) -> dict | None:
    """Verification metrics on pairs of validation images (all same pairs, as many different ones).

    None when there are no same-person pairs.
    """
    labels = np.asarray(labels)
    i, j = np.triu_indices(len(labels), k=1)
    same = labels[i] == labels[j]
    if not same.any() or same.all():
        return None
    rng = np.random.default_rng(seed)
    same_idx = np.nonzero(same)[0]
    diff_idx = np.nonzero(~same)[0]
    same_idx = rng.choice(same_idx, min(len(same_idx), max_pairs // 2), replace=False)
    diff_idx = rng.choice(diff_idx, min(len(diff_idx), len(same_idx)), replace=False)
    chosen = np.concatenate([same_idx, diff_idx])
    distances = np.linalg.norm(embeddings[i[chosen]] - embeddings[j[chosen]], axis=1)
    return verification_metrics(distances, same[chosen], np.arange(len(chosen)) % 10)

