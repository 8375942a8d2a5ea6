"""The live video view: the newest frame, scaled to fit, with face boxes and labels on top."""
from __future__ import annotations

import dataclasses
import time
from collections import deque

from PyQt5.QtCore import QPointF, QRectF, QSize, Qt, pyqtSignal
from PyQt5.QtGui import QColor, QFont, QFontMetrics, QImage, QPainter, QPen
from PyQt5.QtWidgets import QWidget

#: box colour of each state of a tracked face (recognition.stream), of the face being enrolled and of
#: the face whose candidate the operator is asked to confirm, of a liveness challenge and of a refusal
COLOURS = {"known": QColor(40, 200, 90), "unknown": QColor(235, 70, 60), "deciding": QColor(150, 150, 150),
           "enrolling": QColor(40, 120, 235), "candidate": QColor(230, 150, 20),
           # liveness: a face asked to turn its head, a check-in refused (the face not shown live)
           "challenge": QColor(0, 170, 200), "refused": QColor(180, 40, 160)}


@dataclasses.dataclass
class Overlay:
    box: tuple[float, float, float, float]   # x1, y1, x2, y2 in frame pixels
    label: str                               # name, "Unknown", or what the person should do
    detail: str                              # e.g. the distance "0.26" (painted with diagnostics on)
    state: str                               # a key of COLOURS


class VideoWidget(QWidget):
    """Paints frames and overlays; ``faceClicked(index)`` when a box is clicked.

    Frames should arrive already scaled to the widget's size (``resized`` tells the
    capture thread which size): painting is then a plain blit.
    """

    faceClicked = pyqtSignal(int)
    resized = pyqtSignal(QSize)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setAttribute(Qt.WA_OpaquePaintEvent)
        self._image: QImage | None = None
        self._source_size = (1, 1)       # the captured frame's (w, h): overlay boxes are in its pixels
        self._overlays: list[Overlay] = []
        self._placeholder = ""
        #: paint each box's detail (its distance) too: the engineer's view (Settings' diagnostics switch);
        #: off, an operator reads names only
        self.show_details = False
        self.painted_labels: list[str] = []      # the box captions of the last paint, as drawn
        self.frames_painted = 0
        #: time.perf_counter() of recent paints that showed a new frame (for fps and stalls)
        self.paint_times: deque[float] = deque(maxlen=2000)
        self._new_frame = False

    # -- API ------------------------------------------------------------------------
    def set_frame(self, image: QImage, source_size=None) -> None:
        """Show ``image``; ``source_size`` is the captured frame's (w, h) if the image was scaled."""
        self._image = image
        self._source_size = source_size or (image.width(), image.height())
        self._new_frame = True
        self.update()

    def set_overlays(self, overlays: list[Overlay]) -> None:
        self._overlays = list(overlays)
        self.update()

    def overlays(self) -> list[Overlay]:
        return list(self._overlays)

    def set_show_details(self, on: bool) -> None:
        self.show_details = bool(on)
        self.update()

    def caption(self, overlay: Overlay) -> str:
        """The text painted on a box: the label, and its detail in diagnostics mode."""
        return f"{overlay.label}  {overlay.detail}".strip() if self.show_details else overlay.label

    def set_placeholder(self, text: str) -> None:
        """Text shown when there is no frame (camera stopped, retrying...)."""
        self._placeholder = text
        self.update()

    def clear(self) -> None:
        self._image = None
        self._overlays = []
        self.update()

    def has_frame(self) -> bool:
        return self._image is not None

    def displayed_fps(self, window: float = 2.0) -> float:
        """New frames painted per second over the last ``window`` seconds."""
        now = time.perf_counter()
        recent = [t for t in self.paint_times if now - t <= window]
        if len(recent) < 2:
            return 0.0
        return (len(recent) - 1) / max(recent[-1] - recent[0], 1e-6)

    # -- geometry ---------------------------------------------------------------------
    def _target_rect(self) -> QRectF:
        if self._image is None:
            return QRectF()
        w, h = self._image.width(), self._image.height()
        scale = min(self.width() / w, self.height() / h)
        tw, th = w * scale, h * scale
        return QRectF((self.width() - tw) / 2, (self.height() - th) / 2, tw, th)

    def widget_point(self, x: float, y: float):
        """The widget position (QPoint) showing frame pixel (x, y)."""
        target = self._target_rect()
        return QPointF(target.left() + x * target.width() / self._source_size[0],
                       target.top() + y * target.height() / self._source_size[1]).toPoint()

    def _map_box(self, box, target: QRectF) -> QRectF:
        sx = target.width() / self._source_size[0]
        sy = target.height() / self._source_size[1]
        x1, y1, x2, y2 = box
        return QRectF(target.left() + x1 * sx, target.top() + y1 * sy, (x2 - x1) * sx, (y2 - y1) * sy)

    # -- events -----------------------------------------------------------------------
    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), Qt.black)
        self.painted_labels = []
        if self._image is None:
            if self._placeholder:
                painter.setPen(Qt.white)
                painter.drawText(self.rect().adjusted(20, 20, -20, -20),
                                 Qt.AlignCenter | Qt.TextWordWrap, self._placeholder)
            painter.end()
            return
        target = self._target_rect()
        if target.size().toSize() == self._image.size():
            painter.drawImage(target.topLeft(), self._image)          # pre-scaled: a blit
        else:                                                         # e.g. right after a resize
            painter.drawImage(target, self._image)
        painter.setRenderHint(QPainter.Antialiasing, True)
        font = QFont(painter.font())
        font.setPointSizeF(max(9.0, font.pointSizeF()))
        font.setBold(True)
        painter.setFont(font)
        metrics = QFontMetrics(font)
        for overlay in self._overlays:
            color = COLOURS.get(overlay.state, COLOURS["deciding"])
            rect = self._map_box(overlay.box, target)
            painter.setPen(QPen(color, 2))
            painter.setBrush(Qt.NoBrush)
            painter.drawRect(rect)
            text = self.caption(overlay)
            self.painted_labels.append(text)
            tw, th = metrics.horizontalAdvance(text) + 8, metrics.height() + 4
            top = rect.top() - th if rect.top() - th >= target.top() else rect.bottom()
            label = QRectF(rect.left(), top, tw, th)
            painter.fillRect(label, color)
            painter.setPen(Qt.white)
            painter.drawText(label.adjusted(4, 2, -4, -2), Qt.AlignLeft | Qt.AlignVCenter, text)
        painter.end()
        if self._new_frame:
            self._new_frame = False
            self.frames_painted += 1
            self.paint_times.append(time.perf_counter())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.resized.emit(event.size())

    def mousePressEvent(self, event) -> None:
        if self._image is None or event.button() != Qt.LeftButton:
            return super().mousePressEvent(event)
        target = self._target_rect()
        point = QPointF(event.pos())
        for index, overlay in enumerate(self._overlays):
            if self._map_box(overlay.box, target).contains(point):
                self.faceClicked.emit(index)
                return
        super().mousePressEvent(event)
