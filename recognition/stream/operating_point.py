"""The desk's operating point: from a target false check-in rate to a distance threshold.

A stranger checks somebody in when the fused embedding of their visit comes within the threshold
of some enrolled person's template. With N people enrolled that is N chances, so the threshold
must make one chance about ``rate / N`` likely: it tightens as people are enrolled, and it depends
on how alike the enrolled people are (the default network packs East Asian faces much closer
together than others, so one threshold cannot fit every desk).

How likely one chance is comes from the desk's own gallery: the distances between one enrolled
person's samples and the other people's templates are this desk's impostor scores. Their lower
tail is modelled as a normal distribution fitted to two of its quantiles (the tail, not the bulk,
decides false check-ins), and the threshold is the distance at which that tail holds ``rate / N``.
A gallery of a few people has few such distances: its estimate is pooled with the model's prior
(the same tail measured on simulated desk visits of a population, stored in the model
directory), weighted by how many distances each rests on, and never looser than the prior would
make it for the tightest population it was measured on.
"""
from __future__ import annotations

import dataclasses
import math
from statistics import NormalDist

import numpy as np

from recognition.stream.templates import Templates, distance_of, normalise

#: the normal is fitted to the tail's quantiles q and 10 q, with q as low as the distances allow
#: (at least TAIL_SUPPORT of them below it), between these bounds: the lower, the less it is
#: extrapolated to the tiny per-person rate a large gallery needs
TAIL_QUANTILE_RANGE = (1e-4, 0.05)
TAIL_SUPPORT = 40
#: the prior counts as this many impostor distances when pooled with the gallery's
PRIOR_WEIGHT = 2000
#: at most this many of the gallery's samples are compared with every template (a large gallery)
MAX_PROBES = 3000


@dataclasses.dataclass(frozen=True)
class ImpostorTail:
    """The lower tail of impostor distances as a normal: P(distance <= x) ~ Phi((x - mean) / std)."""
    mean: float
    std: float
    pairs: int = 0          # distances it was fitted to

    def quantile(self, p: float) -> float:
        return self.mean + self.std * NormalDist().inv_cdf(min(max(p, 1e-15), 0.5))

    def probability(self, distance: float) -> float:
        return NormalDist(self.mean, self.std).cdf(distance)


@dataclasses.dataclass(frozen=True)
class Verdict:
    accepted: bool
    key: str | None             # the nearest person (also when not accepted)
    distance: float             # to the nearest template (inf without anyone enrolled)
    margin: float               # second-nearest distance minus the nearest (inf with < 2 people)
    threshold: float


@dataclasses.dataclass(frozen=True)
class OperatingPoint:
    threshold: float            # accept the nearest person at or under this distance ...
    margin: float               # ... when the runner-up is at least this much further
    people: int
    false_checkin_rate: float   # the target it was set for
    tail: ImpostorTail          # the impostor tail it was read from (gallery pooled with the prior)
    gallery_pairs: int          # impostor distances the gallery contributed
    same_face_distance: float   # a re-checked face further than this from its track is someone else
    # read off the same tail:
    strict_threshold: float = 0.0     # learning: the point of a false check-in rate learn_rate_factor lower
    candidate_threshold: float = 0.0  # a missed visit within this of its nearest person shows them
    claim_threshold: float = 0.0      # number + face: the claimed person within this (1:1, any N)

    @property
    def too_close_distance(self) -> float:
        """Two people whose templates are this close would be taken for each other."""
        return self.threshold + self.margin

    def judge(self, templates: Templates, fused: np.ndarray) -> Verdict:
        first, s1, second, s2 = templates.nearest_two(fused)
        if first < 0:
            return Verdict(False, None, math.inf, math.inf, self.threshold)
        d1 = float(distance_of(s1))
        margin = float(distance_of(s2)) - d1 if second >= 0 else math.inf
        accepted = d1 <= self.threshold and margin >= self.margin
        return Verdict(accepted, str(templates.ids[first]), d1, margin, self.threshold)

    def __str__(self) -> str:
        return (f"threshold {self.threshold:.3f} (margin {self.margin:.2f}) for {self.people} people at "
                f"{100 * self.false_checkin_rate:g} % false check-ins; impostor tail {self.tail.mean:.3f} "
                f"± {self.tail.std:.3f} from {self.gallery_pairs} gallery distances; learning within "
                f"{self.strict_threshold:.3f}, candidates within {self.candidate_threshold:.3f}, number + face "
                f"within {self.claim_threshold:.3f}")


def impostor_distances(templates: Templates, rng: np.random.Generator | None = None) -> np.ndarray:
    """Distances from enrolled samples to the templates of the *other* people."""
    if len(templates) < 2:
        return np.zeros(0)
    probes = np.arange(len(templates.samples))
    if len(probes) > MAX_PROBES:
        probes = (rng or np.random.default_rng(0)).choice(probes, MAX_PROBES, replace=False)
    similarity = normalise(templates.samples[probes]) @ templates.vectors.T      # (probes, people)
    own = np.zeros_like(similarity, dtype=bool)
    own[np.arange(len(probes)), templates.owner[probes]] = True
    return distance_of(similarity[~own])


def fit_tail(distances: np.ndarray) -> ImpostorTail:
    q = min(max(TAIL_SUPPORT / len(distances), TAIL_QUANTILE_RANGE[0]), TAIL_QUANTILE_RANGE[1])
    quantiles = (q, 10 * q)
    low, high = np.quantile(distances, quantiles)
    z_low, z_high = (NormalDist().inv_cdf(p) for p in quantiles)
    std = max((high - low) / (z_high - z_low), 1e-4)
    return ImpostorTail(float(high - z_high * std), float(std), len(distances))


def pooled(gallery: ImpostorTail | None, prior: ImpostorTail) -> ImpostorTail:
    """The gallery's tail where it rests on many distances, the prior's where it rests on few."""
    if gallery is None or not gallery.pairs:
        return prior
    weight = gallery.pairs / (gallery.pairs + PRIOR_WEIGHT)
    return ImpostorTail(weight * gallery.mean + (1 - weight) * prior.mean,
                        weight * gallery.std + (1 - weight) * prior.std, gallery.pairs)


def operating_point(templates: Templates, policy, prior: ImpostorTail, ceiling: float) -> OperatingPoint:
    """The threshold for ``templates`` at ``policy.false_checkin_rate`` per stranger visit.

    ``ceiling``: never above this (the model's 1:1 verification threshold)."""
    people = len(templates)
    distances = impostor_distances(templates)
    gallery_tail = fit_tail(distances) if len(distances) >= 20 else None
    tail = pooled(gallery_tail, prior)
    def at(rate: float) -> float:
        """The distance at which a stranger's visit comes within reach of one of ``people`` people
        with probability ``rate``."""
        per_person = 1.0 - (1.0 - rate) ** (1.0 / max(1, people))
        return min(tail.quantile(per_person), ceiling)

    threshold = at(policy.false_checkin_rate)
    return OperatingPoint(float(threshold), policy.min_margin, people, policy.false_checkin_rate, tail,
                          len(distances), same_face_distance=float(ceiling),
                          strict_threshold=float(at(policy.false_checkin_rate * policy.learn_rate_factor)),
                          candidate_threshold=float(max(threshold, at(policy.candidate_rate))),
                          claim_threshold=float(min(tail.quantile(policy.claim_false_accept_rate), ceiling)))


def prior_for(spec) -> ImpostorTail:
    """The model's prior impostor tail (``open_set_prior`` in its model.json), or one derived from
    its 1:1 threshold for a model measured without it."""
    stored = (spec.evaluation or {}).get("open_set_prior")
    if stored:
        return ImpostorTail(float(stored["mean"]), float(stored["std"]), 0)
    # no measurement: a tail whose 1-in-10,000 point is 70 % of the 1:1 threshold
    std = 0.08 * spec.threshold
    return ImpostorTail(0.7 * spec.threshold - NormalDist().inv_cdf(1e-4) * std, std, 0)


def distance_unit(spec) -> float:
    """How far this network spreads its distances, relative to the dlib port the policy's distance
    knobs were tuned on: its prior's std over REFERENCE_PRIOR_STD (1 for the dlib port, and for a
    model measured without a prior: its knobs stay as they are)."""
    from recognition.stream.policy import REFERENCE_PRIOR_STD

    stored = (spec.evaluation or {}).get("open_set_prior")
    return float(stored["std"]) / REFERENCE_PRIOR_STD if stored else 1.0


def neighbour_tail(templates: Templates, neighbours: int = 5) -> ImpostorTail:
    """The impostor tail of a tight population: each sample against the ``neighbours`` templates of
    other people nearest to it. Measured on a varied population, it stands for a desk whose people
    all look alike (the model's prior; see ``open_set_prior`` in recognition/models/dlib_resnet.py)."""
    similarity = normalise(templates.samples) @ templates.vectors.T
    similarity[np.arange(len(similarity)), templates.owner] = -np.inf
    nearest = np.sort(similarity, axis=1)[:, -neighbours:]
    return fit_tail(distance_of(nearest.ravel()))
