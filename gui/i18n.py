"""Switching the UI language: our translations (gui/i18n/<lang>.qm) plus Qt's own.

Qt's own (qtbase_<lang>.qm: the standard buttons Save, Cancel, Yes, No..., the file dialogs) are read from
Qt's translations folder (PyQt5's wheel ships qtbase_* for some languages only, not zh_CN) or the system's
(Debian: qttranslations5-l10n). The standard buttons the desk shows are also in our catalogue (context
QPlatformTheme, see _strings_for_translation), so they are Chinese even where no Qt catalogue is installed.

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

#: folders searched for Qt's own catalogues, in order
QT_TRANSLATION_DIRS = (QLibraryInfo.location(QLibraryInfo.TranslationsPath), "/usr/share/qt5/translations",
                       "/usr/share/qt/translations")

_installed: list[QTranslator] = []
_shown = "en"          # the language the screens show: the source language until a catalogue loads


def shown() -> str:
    """The language the desk's screens show now (a key of LANGUAGES): that of the catalogue installed last, or
    English (the source language) when none loaded. Words the screens take from elsewhere (the report's,
    backend.report_export) follow it."""
    return _shown


def qt_catalogues(language: str) -> list[QTranslator]:
    """Qt's own catalogues for ``language`` that load: qtbase_<lang> (Qt 5's) and qt_<lang> (older, or a
    meta catalogue), each from the first folder that has it."""
    found = []
    for name in (f"qtbase_{language}", f"qt_{language}"):
        for folder in QT_TRANSLATION_DIRS:
            translator = QTranslator(QCoreApplication.instance())
            if folder and translator.load(name, folder):
                found.append(translator)
                break
    return found


def install(language: str) -> bool:
    """Replace the installed translators by ``language``'s; True if its catalogue loaded.

    English needs only its plural forms (en.qm). Widgets get a LanguageChange event and
    call their retranslate methods.
    """
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}; known: {sorted(LANGUAGES)}")
    global _shown
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("create the QApplication before installing translations")
    _shown = "en"
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
        for qt_own in qt_catalogues(language):
            app.installTranslator(qt_own)
            _installed.append(qt_own)
        if not _installed:
            log.info("no Qt catalogue for %s in %s; the standard buttons come from ours", language,
                     ", ".join(QT_TRANSLATION_DIRS))
    app.installTranslator(ours)          # installed last: searched first
    _installed.append(ours)
    _shown = language
    return True


# pylupdate5 only sees literal strings inside translate() calls. Qt's standard buttons (QDialogButtonBox,
# QMessageBox) take their text from context QPlatformTheme: the ones the desk shows are listed once here.
def _strings_for_translation():
    QCoreApplication.translate("QPlatformTheme", "OK")
    QCoreApplication.translate("QPlatformTheme", "Save")
    QCoreApplication.translate("QPlatformTheme", "Cancel")
    QCoreApplication.translate("QPlatformTheme", "Close")
    QCoreApplication.translate("QPlatformTheme", "&Yes")
    QCoreApplication.translate("QPlatformTheme", "&No")
    QCoreApplication.translate("QPlatformTheme", "Open")
    QCoreApplication.translate("QPlatformTheme", "Apply")
    QCoreApplication.translate("QPlatformTheme", "Discard")
