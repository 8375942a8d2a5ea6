"""Person templates: each enrolled person as the normalised mean of their gallery samples.

Comparing a visit with a person's mean template, rather than with their nearest single sample,
was the strongest simple rule measured on simulated desk visits (../shared/docs/decision-notes.md):
a template averages away what one enrollment photo has of its own (light, expression, angle).

A person has enrolled samples and, once the desk learns (recognition.stream.learning), samples
learned from their check-ins: ``vectors`` averages all of them (what visits are matched against),
``enrolled_vectors`` the enrolled ones alone (what may admit a new learned sample, so that learned
samples never vouch for each other).
"""
from __future__ import annotations

import dataclasses

import numpy as np


def normalise(vectors: np.ndarray) -> np.ndarray:
    vectors = np.asarray(vectors, np.float32)
    return vectors / np.maximum(np.linalg.norm(vectors, axis=-1, keepdims=True), 1e-12)


def distance_of(similarity):
    """Euclidean distance between unit vectors from their cosine similarity."""
    return np.sqrt(np.maximum(0.0, 2.0 - 2.0 * np.asarray(similarity, np.float64)))


@dataclasses.dataclass(frozen=True)
class Templates:
    ids: np.ndarray            # (P,) person ids, object
    vectors: np.ndarray        # (P, D) unit templates
    samples: np.ndarray        # (N, D) the gallery's unit samples
    owner: np.ndarray          # (N,) index into ids of each sample's person
    version: int = -1
    learned: np.ndarray | None = None           # (N,) bool: learned from a check-in, not enrolled
    sample_ids: np.ndarray | None = None        # (N,) int64: the gallery's id of each sample
    enrolled_vectors: np.ndarray | None = None  # (P, D) unit templates of the enrolled samples alone

    @classmethod
    def from_arrays(cls, embeddings: np.ndarray, keys: np.ndarray, version: int = -1,
                    learned=None, sample_ids=None) -> "Templates":
        embeddings = np.asarray(embeddings, np.float32)
        count = len(keys)
        learned = np.zeros(count, bool) if learned is None else np.asarray(learned, bool)
        sample_ids = np.arange(1, count + 1, dtype=np.int64) if sample_ids is None else np.asarray(sample_ids)
        if not count:
            empty = np.zeros((0, embeddings.shape[1] if embeddings.ndim == 2 else 0), np.float32)
            return cls(np.asarray([], dtype=object), empty, empty, np.zeros(0, np.int64), version, learned,
                       sample_ids, empty)
        ids, owner = np.unique(np.asarray(keys, dtype=object).astype(str), return_inverse=True)
        sums = np.zeros((len(ids), embeddings.shape[1]), np.float64)
        np.add.at(sums, owner, embeddings)
        enrolled = sums.copy()
        if learned.any():
            np.subtract.at(enrolled, owner[learned], embeddings[learned])
            only_learned = ~np.isin(np.arange(len(ids)), owner[~learned])
            enrolled[only_learned] = sums[only_learned]      # nobody enrolled them (an import): all count
        return cls(ids.astype(object), normalise(sums), embeddings, owner.astype(np.int64), version, learned,
                   sample_ids, normalise(enrolled))

    @classmethod
    def from_gallery(cls, rows) -> "Templates":
        """From :meth:`recognition.gallery.Gallery.samples`."""
        return cls.from_arrays(rows.embeddings, rows.keys, rows.version, rows.learned, rows.sample_ids)

    def index_of(self, key: str) -> int:
        """The index of ``key`` in :attr:`ids`, -1 if not enrolled."""
        position = int(np.searchsorted(self.ids.astype(str), key)) if len(self.ids) else 0
        return position if position < len(self.ids) and self.ids[position] == key else -1

    def __len__(self) -> int:
        return len(self.ids)

    def nearest_two(self, query: np.ndarray) -> tuple[int, float, int, float]:
        """(index, similarity) of the most similar and the second most similar person (-1, -inf
        when there is none)."""
        if not len(self.ids):
            return -1, float("-inf"), -1, float("-inf")
        similarity = self.vectors @ np.asarray(query, np.float32)
        if len(similarity) == 1:
            return 0, float(similarity[0]), -1, float("-inf")
        top = np.argpartition(-similarity, 1)[:2]
        first, second = (top[0], top[1]) if similarity[top[0]] >= similarity[top[1]] else (top[1], top[0])
        return int(first), float(similarity[first]), int(second), float(similarity[second])
