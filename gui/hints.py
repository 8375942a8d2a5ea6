"""What to tell the person in front of the camera, in the user's language.

recognition.stream says why a frame did not count (the quality gate) and what an enrollment
needs next, as plain English keys; these are their translated texts.
"""
from __future__ import annotations

from PyQt5.QtCore import QCoreApplication

from recognition.stream import enrollment, liveness, quality


def _texts() -> dict[str, str]:
    translate = QCoreApplication.translate
    return {
        quality.TOO_SMALL: translate("Hints", "Come closer"),
        quality.TURNED: translate("Hints", "Look at the camera"),
        quality.TILTED: translate("Hints", "Keep your head straight"),
        quality.BLURRED: translate("Hints", "Hold still"),
        quality.TOO_DARK: translate("Hints", "More light needed"),
        quality.TOO_BRIGHT: translate("Hints", "Too much light"),
        quality.UNSURE: translate("Hints", "Face not clear"),
        enrollment.LOOK_STRAIGHT: translate("Hints", "Look straight at the camera"),
        enrollment.TURN_LEFT: translate("Hints", "Turn your head a little to the left"),
        enrollment.TURN_RIGHT: translate("Hints", "Turn your head a little to the right"),
        enrollment.DONE: translate("Hints", "Done: enough samples"),
        enrollment.FACE_LOST: translate("Hints", "Face lost: step back in front of the camera"),
    }


def hint_text(hint: str) -> str:
    """The translated text of a hint key ("" for none; an unknown key is shown as it is)."""
    return _texts().get(hint, hint) if hint else ""


def challenge_text(prompt) -> str:
    """A liveness challenge drawn on the face (recognition.stream.liveness.ChallengePrompt): the side is the
    person's own (the words say "your left", whichever way the picture is shown), with the seconds left."""
    translate = QCoreApplication.translate
    if prompt.step:              # the first turn was seen: now the other way
        if prompt.direction == liveness.LEFT:
            text = translate("Hints", "Now turn your head a little to your left")
        else:
            text = translate("Hints", "Now turn your head a little to your right")
    elif prompt.direction == liveness.LEFT:
        text = translate("Hints", "Please turn your head a little to your left")
    else:
        text = translate("Hints", "Please turn your head a little to your right")
    seconds = max(0, int(round(prompt.seconds_left)))
    return translate("Hints", "{prompt} ({seconds} s)").format(prompt=text, seconds=seconds)


def refusal_text(reason: str) -> str:
    """Why a check-in was refused for liveness (recognition.stream.liveness.REASONS), in plain words."""
    translate = QCoreApplication.translate
    texts = {
        liveness.REFUSED_FLAT: translate("Hints", "Not checked in: not shown live (the person must be here)"),
        liveness.WRONG_DIRECTION: translate("Hints", "Not checked in: turned the wrong way, please try again"),
        liveness.NO_TURN: translate("Hints", "Not checked in: no head turn seen, please try again"),
        liveness.LEFT_EARLY: translate("Hints", "Not checked in: the face left before the check"),
    }
    return texts.get(reason) or translate("Hints", "Not checked in: the face was not shown live")
