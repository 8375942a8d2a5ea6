"""Deciding who a visitor is from frames over time (no Qt, no SQL).

``StreamRecognizer(recognizer, gallery, policy=None)``: ``.process(frame_bgr, t_seconds)`` returns
the decisions made at that frame; ``.faces`` are the tracked faces of the last frame; ``.reset()``
ends every visit; ``.claim(key)`` verifies the visitor in front against one person (number +
face); ``.confirm(key, track_id)`` the operator confirms a candidate. With ``StreamPolicy.liveness``
on, a check-in needs a live face (recognition/stream/liveness.py). See recognition/stream/recognizer.py; learning from check-ins in recognition/stream/learning.py.
"""
from recognition.stream.claims import ClaimError, ClaimNeedsOperator, ClaimRefused, NobodyInFront, NotEnrolled
from recognition.stream.enrollment import EnrollmentSession, EnrollmentState
from recognition.stream.learning import LearnedSample
from recognition.stream.liveness import ChallengePrompt, LivenessEvidence, LivenessLimits
from recognition.stream.operating_point import OperatingPoint
from recognition.stream.policy import DEFAULT_FALSE_CHECKIN_RATE, StreamPolicy
from recognition.stream.recognizer import Decision, StreamRecognizer, TrackedFace
from recognition.stream.tracking import TrackState

__all__ = ["StreamRecognizer", "Decision", "TrackedFace", "StreamPolicy", "OperatingPoint",
           "EnrollmentSession", "EnrollmentState", "DEFAULT_FALSE_CHECKIN_RATE", "LearnedSample", "ClaimError",
           "ClaimNeedsOperator", "ClaimRefused", "NotEnrolled", "NobodyInFront", "TrackState", "ChallengePrompt",
           "LivenessEvidence", "LivenessLimits"]
