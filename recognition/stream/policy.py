"""StreamPolicy: every knob of the stream recognizer, with its default, in one place."""
from __future__ import annotations

import dataclasses

from recognition.stream.quality import QualityLimits

#: The default target: at most one stranger visit in a thousand checks somebody in.
DEFAULT_FALSE_CHECKIN_RATE = 0.001


@dataclasses.dataclass(frozen=True)
class StreamPolicy:
    # -- the operating point -------------------------------------------------------------
    #: target share of stranger visits that check somebody in; the threshold follows from it,
    #: from the people enrolled and from their number (recognition.stream.operating_point)
    false_checkin_rate: float = DEFAULT_FALSE_CHECKIN_RATE
    #: the runner-up person must be at least this much further away (Euclidean distance)
    min_margin: float = 0.04

    # -- evidence ------------------------------------------------------------------------
    #: good frames fused before anyone is checked in
    min_frames: int = 3
    #: a track still undecided after this many good frames is decided "unknown"
    max_frames: int = 10
    #: ... or after this long (seconds since the face appeared), if it has min_frames good frames
    decide_within_s: float = 2.0
    #: ... or at once, when the fused evidence is this much further than the threshold (a late
    #: acceptance came within 0.02 of it on simulated visits, once 0.054)
    clearly_unknown_by: float = 0.06
    #: decided faces are embedded again this often, to notice a different person in the same box
    recheck_every_s: float = 1.0

    # -- tracking ------------------------------------------------------------------------
    #: the whole frame is searched at least this often for new faces; in between, known faces
    #: are followed with the detector's last stage only
    full_detection_every_s: float = 0.2
    #: a face not seen for this long has left: if it comes back, that is a new visit
    lost_after_s: float = 0.5
    #: a gap in the stream time longer than this (or time going backwards) starts afresh
    max_time_gap_s: float = 1.0
    min_iou: float = 0.3

    quality: QualityLimits = dataclasses.field(default_factory=QualityLimits)

    def __post_init__(self):
        if not 0 < self.false_checkin_rate < 0.5:
            raise ValueError(f"false_checkin_rate must be in (0, 0.5), got {self.false_checkin_rate!r}")
        if not 1 <= self.min_frames <= self.max_frames:
            raise ValueError("need 1 <= min_frames <= max_frames")
