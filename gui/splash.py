"""The start screen: shown within a second of launch, it says what the desk is loading while the face
model loads (12-21 s on a desk PC, during which nothing else is on screen).

A QSplashScreen without a pixmap is 0x0 pixels: it was "shown" but nothing appeared. This one paints
its own card (title + the step in progress) and waits until the window system has exposed it, so the
operator sees it before the model's long, event-loop-blocking load starts.
"""
from __future__ import annotations

import time

from PyQt5.QtCore import QCoreApplication, QRect, Qt
from PyQt5.QtGui import QColor, QFont, QPainter, QPixmap
from PyQt5.QtWidgets import QApplication, QSplashScreen

SIZE = (520, 200)
BACKGROUND, TEXT = QColor(32, 92, 160), QColor(255, 255, 255)


class StartScreen(QSplashScreen):
    def __init__(self):
        pixmap = QPixmap(*SIZE)
        pixmap.fill(BACKGROUND)
        painter = QPainter(pixmap)
        font = QFont()
        font.setPointSize(20)
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(TEXT)
        painter.drawText(QRect(24, 24, SIZE[0] - 48, 60), Qt.AlignLeft | Qt.AlignVCenter,
                         QCoreApplication.translate("StartScreen", "Face Attendance"))
        painter.end()
        super().__init__(pixmap)
        self.setObjectName("startScreen")
        self.step = ""

    def say(self, text: str) -> None:
        """The step in progress, shown at once (the caller is about to block the event loop)."""
        self.step = text
        font = QFont()
        font.setPointSize(12)
        self.setFont(font)
        self.showMessage(text, Qt.AlignLeft | Qt.AlignBottom, TEXT)
        QApplication.processEvents()

    def show_now(self, timeout_s: float = 2.0) -> bool:
        """Show and wait (at most ``timeout_s``) until the window system has put it on screen; True if it has."""
        self.show()
        self.raise_()
        deadline = time.monotonic() + timeout_s
        while True:
            QApplication.processEvents()
            handle = self.windowHandle()
            if handle is not None and handle.isExposed():
                self.repaint()
                QApplication.processEvents()
                return True
            if time.monotonic() > deadline:
                return False
            QApplication.processEvents(QCoreApplication.AllEvents, 20)   # wait for the expose event
