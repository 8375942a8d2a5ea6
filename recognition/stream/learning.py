"""Learning from check-ins: which visit may add a sample to a person, and which sample it replaces.

A desk sees its people every working day; a sample of today's visit, added to the person's
samples, moves their template towards how they look at this desk (its camera, its light, this
season's haircut). The danger is a bank that drifts to somebody else: a learned sample that lets a
look-alike in, whose visits are then learned too. A published failure of exactly this (a
self-extended template that "had become 6 of 10 other people") was fixed by letting only the
original enrolment admit a new sample, at a stricter threshold. So here:

* only a visit that matches the person's **enrolled** samples alone (``Templates.enrolled_vectors``)
  at a **stricter** point than the check-in (the operating point for a 10x lower false rate, see
  ``OperatingPoint.strict_threshold``), with the margin over every other person, is learned. An
  operator's confirmation of a missed visit does not stand in for it: on the desk-over-days bench
  (bench/days.py, CelebA) learning the confirmed visits too took false check-ins of strangers from
  0 to 3 of 915 (the hard visits widen the person's template), so a confirmed visit is learned only
  when it meets the same point;
* the sample is the visit's best frame that passes the enrolment quality gate;
* it must add a look the person's samples lack: a sample closer than ``learn_min_novelty`` to one
  they have is a near-duplicate and is not added;
* a person has at most ``max_learned`` learned samples; when full, the most redundant learned
  sample (the one nearest to another of the person's samples) is replaced, and only if the new
  one is less redundant; enrolled samples are never replaced.

Nothing here stores anything: a :class:`LearnedSample` rides on the check-in Decision, and its
caller stores it (the desk through the face store, benches through ``Gallery.add``).
"""
from __future__ import annotations

import dataclasses

import numpy as np

from recognition.stream.enrollment import EnrollmentSample
from recognition.stream.templates import Templates, distance_of


@dataclasses.dataclass(frozen=True)
class LearnedSample:
    """A sample the desk may add to ``key`` (a frame of the visit and its embedding)."""
    key: str
    sample: EnrollmentSample        # the frame (uncropped), its box, points, embedding and quality
    replaces: int | None            # gallery sample id of a learned sample it replaces (None: added)
    novelty: float                  # distance to the nearest sample the person already has


def plan(templates: Templates, key: str, sample: EnrollmentSample, *, max_learned: int,
         min_novelty: float) -> LearnedSample | None:
    """The sample as a LearnedSample of ``key`` if it adds something (see the module
    docstring), else None. The caller has checked that the visit may be learned at all."""
    index = templates.index_of(key)
    if index < 0:
        return None
    own = np.flatnonzero(templates.owner == index)
    embedding = np.asarray(sample.embedding, np.float32)
    to_new = distance_of(templates.samples[own] @ embedding)
    novelty = float(to_new.min()) if len(own) else float("inf")
    if novelty < min_novelty:
        return None
    learned = own[templates.learned[own]]
    if len(learned) < max_learned:
        return LearnedSample(key, sample, None, novelty)
    # full: the learned sample nearest to another of the person's samples (the new one included)
    # goes, unless the new one would be the most redundant of them
    gram = distance_of(templates.samples[learned] @ templates.samples[own].T)
    gram[np.arange(len(learned)), np.searchsorted(own, learned)] = np.inf      # not itself
    redundancy = np.minimum(gram.min(axis=1), to_new[np.searchsorted(own, learned)])
    weakest = int(np.argmin(redundancy))
    if redundancy[weakest] >= novelty:
        return None
    return LearnedSample(key, sample, int(templates.sample_ids[learned[weakest]]), novelty)
