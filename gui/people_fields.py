"""Shared bits of the person forms (enroll dialog, People tab)."""
from __future__ import annotations

from PyQt5.QtCore import QCoreApplication

#: stored value -> source text shown (translated at display time)
GENDERS = (("", "—"), ("male", "Male"), ("female", "Female"), ("other", "Other"))


def gender_label(value) -> str:
    for code, text in GENDERS:
        if code == (value or ""):
            return QCoreApplication.translate("PeopleFields", text)
    return str(value)


def fill_gender_combo(combo, current=None) -> None:
    combo.clear()
    for code, text in GENDERS:
        combo.addItem(QCoreApplication.translate("PeopleFields", text), code)
    if current and combo.findData(current) < 0:
        combo.addItem(str(current), current)   # a value typed elsewhere is kept as it is
    combo.setCurrentIndex(max(0, combo.findData(current or "")))


def gender_of(combo):
    return combo.currentData() or None


# pylupdate5 only sees literal strings inside translate() calls: list them once here.
def _strings_for_translation():
    QCoreApplication.translate("PeopleFields", "—")
    QCoreApplication.translate("PeopleFields", "Male")
    QCoreApplication.translate("PeopleFields", "Female")
    QCoreApplication.translate("PeopleFields", "Other")
