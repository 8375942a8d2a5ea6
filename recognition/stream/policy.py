"""StreamPolicy: every knob of the stream recognizer, with its default, in one place."""
from __future__ import annotations

import dataclasses

from recognition.stream.liveness import MODES as LIVENESS_MODES, WHEN_UNSURE, LivenessLimits
from recognition.stream.quality import QualityLimits

#: the smallest face a desk camera searches for (px); the desk's setting ([camera] min_face_size)
#: defaults to it. Faces below the quality gate (QualityLimits.min_face_px, 70) are found only to
#: tell the person to come closer, so going lower costs time (the detector's pyramid grows with
#: 1/size^2) and gains no check-ins.
DESK_MIN_FACE_SIZE = 60

#: The default target: at most one stranger visit in a thousand checks somebody in.
DEFAULT_FALSE_CHECKIN_RATE = 0.001
#: the false check-in targets a desk may set (Settings): from 1 in 100,000 stranger visits to 1 in 20
FALSE_CHECKIN_RATE_RANGE = (1e-5, 0.05)
#: The distance knobs of StreamPolicy (DISTANCE_KNOBS) were tuned on the dlib port, whose prior impostor
#: tail (its model.json's ``open_set_prior``, recognition/models/dlib_resnet.py) has this std. Another
#: network spreads its distances differently: its knobs are these times its own prior's std over this
#: (StreamPolicy.for_model; recognition.stream.operating_point.distance_unit), 1 for the dlib port.
REFERENCE_PRIOR_STD = 0.0384
DISTANCE_KNOBS = ("min_margin", "early_tightening", "clearly_unknown_by", "learn_min_novelty")
#: number + face: the share of claims with somebody else's number that may be accepted (1:1)
DEFAULT_CLAIM_FALSE_ACCEPT_RATE = 0.001
CLAIM_FALSE_ACCEPT_RATE_RANGE = (1e-5, 0.05)
#: a face must be shown live to check in; asked to turn only when its movement did not prove it
DEFAULT_LIVENESS = WHEN_UNSURE


@dataclasses.dataclass(frozen=True)
class StreamPolicy:
    # -- the operating point -------------------------------------------------------------
    #: target share of stranger visits that check somebody in; the threshold follows from it,
    #: from the people enrolled and from their number (recognition.stream.operating_point)
    false_checkin_rate: float = DEFAULT_FALSE_CHECKIN_RATE
    #: the runner-up person must be at least this much further away (Euclidean distance)
    min_margin: float = 0.04
    #: a missed visit shows its nearest person as a candidate to confirm when that person is within
    #: the distance at which this share of stranger visits would see one (from the same impostor tail)
    candidate_rate: float = 0.02
    #: number + face: a claim with somebody else's number is accepted at most this often
    claim_false_accept_rate: float = DEFAULT_CLAIM_FALSE_ACCEPT_RATE

    # -- evidence ------------------------------------------------------------------------
    #: good frames fused before anyone is checked in
    min_frames: int = 3
    #: before this many good frames a decision must be clear by a wider margin: the threshold
    #: lowered and the margin raised by ``early_tightening`` (a stranger's first frames can happen
    #: to look like someone; the mean of the whole visit rarely does)
    early_frames: int = 6
    early_tightening: float = 0.03
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

    # -- learning from check-ins (recognition.stream.learning) ---------------------------------
    learn: bool = True
    #: a visit is learned only when it matches the person's enrolled samples at the operating point
    #: of a false check-in rate this many times lower
    learn_rate_factor: float = 0.1
    #: learned samples kept per person (enrolled ones are never replaced)
    max_learned: int = 20
    #: a learned sample closer than this to one the person has adds nothing
    learn_min_novelty: float = 0.1

    # -- liveness (recognition.stream.liveness) -------------------------------------------------
    #: "off": any face that matches checks in; "when_unsure": a face must be proven live, passively
    #: (it moved like a head, not like a photo) or, when that is not clear, by turning its head to the side
    #: asked; "always": every check-in answers a challenge. The desk's setting ([recognition] liveness)
    #: defaults to this; the walk-by benches and tests play flat photos as visits and say liveness="off".
    liveness: str = DEFAULT_LIVENESS
    liveness_limits: LivenessLimits = dataclasses.field(default_factory=LivenessLimits)

    #: the distance knobs are in units of this many REFERENCE_PRIOR_STDs of the dlib port (for_model)
    distance_unit: float = 1.0

    def for_model(self, unit: float) -> "StreamPolicy":
        """This policy for a network whose distances spread ``unit`` times the dlib port's (the
        knobs in DISTANCE_KNOBS scaled; the rates and counts stay)."""
        ratio = unit / self.distance_unit
        return dataclasses.replace(self, distance_unit=unit, **{k: getattr(self, k) * ratio for k in DISTANCE_KNOBS})

    def __post_init__(self):
        if not 0 < self.false_checkin_rate < 0.5:
            raise ValueError(f"false_checkin_rate must be in (0, 0.5), got {self.false_checkin_rate!r}")
        if not 0 < self.claim_false_accept_rate < 0.5:
            raise ValueError(f"claim_false_accept_rate must be in (0, 0.5), got {self.claim_false_accept_rate!r}")
        if not 0 < self.candidate_rate < 1 or not 0 < self.learn_rate_factor <= 1:
            raise ValueError("candidate_rate and learn_rate_factor must be in (0, 1)")
        if self.liveness not in LIVENESS_MODES:
            raise ValueError(f"liveness must be one of {LIVENESS_MODES}, got {self.liveness!r}")
        if not 1 <= self.min_frames <= self.max_frames:
            raise ValueError("need 1 <= min_frames <= max_frames")
