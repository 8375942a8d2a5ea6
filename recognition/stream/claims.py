"""Number + face: a visitor says who they are (types their person number) and the face is checked
against that one person. A wrong number never checks anyone in; a number tried again and again
with the wrong face is somebody guessing, so its failed claims are logged and slowed down.
"""
from __future__ import annotations

import dataclasses
import logging
import time

log = logging.getLogger(__name__)


class ClaimError(ValueError):
    """A claim that cannot be made (unknown or inactive number, too many failed attempts)."""


class NotEnrolled(ClaimError):
    """Nobody active is enrolled with that number (or it is not a number at all)."""


class NobodyInFront(ClaimError):
    """No face in front of the camera to check."""


class ClaimNeedsOperator(ClaimError):
    """The face in front was decided unknown with this very person as the candidate shown to the
    operator: a 1:1 check at the claim's stricter threshold would refuse what the desk is asking the
    operator about, so the operator's look (both faces side by side) decides, as for any candidate.
    ``decision`` is that visit's Decision (its candidate is the number typed). Not a failed claim."""

    def __init__(self, message: str, decision):
        super().__init__(message)
        self.decision = decision


class ClaimRefused(ClaimError):
    """Too many failed claims for this number lately: try again after ``retry_after_s``."""

    def __init__(self, message: str, retry_after_s: float):
        super().__init__(message)
        self.retry_after_s = retry_after_s


@dataclasses.dataclass
class Claim:
    """A claim waiting for its verdict: ``key`` for ``track_id`` (None: the next face)."""
    key: str
    track_id: int | None
    started: float                     # stream time the claim was made (None-track: when attached)
    frames: int = 0                    # good frames fused since it was made


class ClaimGuard:
    """Failed claims per number: after ``allowed`` failures within ``window_s`` the number is
    locked for ``lockout_s``, doubled with each further failure (capped at ``max_lockout_s``).
    A successful claim clears the number's record."""

    def __init__(self, allowed: int = 3, window_s: float = 600.0, lockout_s: float = 30.0,
                 max_lockout_s: float = 3600.0, clock=time.monotonic):
        self.allowed, self.window_s = allowed, window_s
        self.lockout_s, self.max_lockout_s = lockout_s, max_lockout_s
        self._clock = clock
        self._failures: dict[str, list[float]] = {}
        self._locked_until: dict[str, float] = {}

    def check(self, key: str) -> None:
        """Raise ClaimRefused while ``key`` is locked."""
        wait = self._locked_until.get(key, 0.0) - self._clock()
        if wait > 0:
            raise ClaimRefused(f"too many failed attempts for number {key}; try again in "
                               f"{wait:.0f} s", wait)

    def failed(self, key: str) -> None:
        now = self._clock()
        recent = [t for t in self._failures.get(key, []) if now - t <= self.window_s] + [now]
        self._failures[key] = recent
        beyond = len(recent) - self.allowed
        log.warning("number + face: the face did not match number %s (%d failed claim(s) in %.0f min)",
                    key, len(recent), self.window_s / 60)
        if beyond >= 0:
            lockout = min(self.max_lockout_s, self.lockout_s * 2 ** beyond)
            self._locked_until[key] = now + lockout
            log.warning("number + face: number %s locked for %.0f s after %d failed claims", key,
                        lockout, len(recent))

    def succeeded(self, key: str) -> None:
        self._failures.pop(key, None)
        self._locked_until.pop(key, None)
