"""One-line labels that never push the layout: a text too long for the label is painted elided ("…") and
the whole text is in its tooltip. A wrapped camera message with a long file name took three lines from
the video under it."""
from __future__ import annotations

from PyQt5.QtCore import QEvent, QObject, Qt
from PyQt5.QtGui import QPainter
from PyQt5.QtWidgets import QLabel, QSizePolicy


class _Elider(QObject):
    def __init__(self, label: QLabel, mode):
        super().__init__(label)
        self.mode = mode

    def eventFilter(self, label, event) -> bool:
        if event.type() != QEvent.Paint:
            return False
        rect = label.contentsRect()
        text = label.fontMetrics().elidedText(label.text(), self.mode, rect.width())
        painter = QPainter(label)
        painter.setPen(label.palette().color(label.foregroundRole()))
        painter.drawText(rect, int(label.alignment()), text)
        painter.end()
        return True


def elide(label: QLabel, mode=Qt.ElideMiddle) -> None:
    """Keep ``label`` on one line at whatever width the layout gives it, eliding its text."""
    label.setWordWrap(False)
    label.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Fixed)
    label.setMinimumWidth(1)
    label.installEventFilter(_Elider(label, mode))


def elided(label: QLabel) -> str:
    """The text as ``label`` paints it now (the whole text if it fits)."""
    return label.fontMetrics().elidedText(label.text(), Qt.ElideMiddle, label.contentsRect().width())
