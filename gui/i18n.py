"""Switching the UI language: our translations (gui/i18n/<lang>.qm) plus Qt's own.

Counts are translated with Qt's plural handling (``tr("%n people", "", n)``): English is the
source language, but its singular forms ("1 person") come from gui/i18n/en.qm, which holds
only those messages.
"""
from __future__ import annotations

import logging
from pathlib import Path

from PyQt5.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger(__name__)

I18N_DIR = Path(__file__).resolve().parent / "i18n"
#: language code -> name shown in the settings (in its own language, never translated)
LANGUAGES = {"en": "English", "zh_CN": "简体中文"}

_installed: list[QTranslator] = []


def install(language: str) -> bool:
    """Replace the installed translators by ``language``'s; True if its catalogue loaded.

    English needs only its plural forms (en.qm). Widgets get a LanguageChange event and
    call their retranslate methods.
    """
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}; known: {sorted(LANGUAGES)}")
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("create the QApplication before installing translations")
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    QLocale.setDefault(QLocale(language))
    ours = QTranslator(app)
    if not ours.load(str(I18N_DIR / f"{language}.qm")):
        log.warning("no compiled translations for %s in %s; showing English%s", language, I18N_DIR,
                    " without singular forms" if language == "en" else "")
        return False
    if language != "en":
        qt_own = QTranslator(app)
        if qt_own.load(f"qt_{language}", QLibraryInfo.location(QLibraryInfo.TranslationsPath)):
            app.installTranslator(qt_own)
            _installed.append(qt_own)
    app.installTranslator(ours)
    _installed.append(ours)
    return True
