"""Where the desk's file dialogs open: the folder last used for that kind of file (this run), else the user's
standard folder for it (Videos, Pictures, Documents), else the home folder. Never the program's working folder.

Kinds: "videos" (a video as the camera), "photos" (a person's photos), "exports" (reports, check-ins and the
calendar written, and the calendar read back), "imports" (leave files read)."""
from __future__ import annotations

from pathlib import Path

from PyQt5.QtCore import QDir, QStandardPaths

#: kind of file -> the standard folder tried when none was used yet
STANDARD = {"videos": QStandardPaths.MoviesLocation, "photos": QStandardPaths.PicturesLocation,
            "exports": QStandardPaths.DocumentsLocation, "imports": QStandardPaths.DocumentsLocation}

_last: dict[str, str] = {}


def start_folder(kind: str) -> str:
    """The folder a dialog for ``kind`` ("videos", "photos", "exports", "imports") opens in."""
    standard = QStandardPaths.writableLocation(STANDARD.get(kind, QStandardPaths.HomeLocation))
    for folder in (_last.get(kind), standard):
        if folder and Path(folder).is_dir():
            return folder
    return QDir.homePath()


def remember(kind: str, path) -> None:
    """A file of ``kind`` was chosen at ``path``: the next dialog for that kind opens in its folder."""
    _last[kind] = str(Path(path).absolute().parent)
