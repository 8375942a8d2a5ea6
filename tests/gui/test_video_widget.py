"""The video view: pre-scaled frames, overlay boxes in frame pixels, clicks on faces."""
from __future__ import annotations

import numpy as np
from PyQt5.QtCore import QPoint, Qt

from gui.camera import to_display_qimage
from gui.video_widget import Overlay, VideoWidget


def test_frames_scaled_off_thread_keep_boxes_on_the_faces_and_clicks_hit_them(qtbot):
    view = VideoWidget()
    qtbot.addWidget(view)
    view.resize(800, 500)
    view.show()
    qtbot.waitExposed(view)
    frame = np.zeros((480, 640, 3), np.uint8)
    image = to_display_qimage(frame, (view.width(), view.height()))
    assert (image.width(), image.height()) == (667, 500)          # fits 800x500, aspect kept
    view.set_frame(image, (640, 480))
    view.set_overlays([Overlay((100, 100, 200, 220), "Unknown", "", "unknown"),
                       Overlay((400, 100, 500, 220), "Alice", "0.31", "known")])
    shot = view.grab().toImage()
    left_edge = view.widget_point(100, 160)
    right_edge = view.widget_point(400, 160)
    red, green = shot.pixelColor(left_edge), shot.pixelColor(right_edge)     # antialiased 2 px pens
    assert red.red() > 120 and red.red() > red.green() + 60, red.getRgb()
    assert green.green() > 100 and green.green() > green.red() + 60, green.getRgb()
    assert view.frames_painted == 1
    with qtbot.waitSignal(view.faceClicked) as clicked:
        qtbot.mouseClick(view, Qt.LeftButton, pos=view.widget_point(450, 180))
    assert clicked.args == [1]
    with qtbot.assertNotEmitted(view.faceClicked):
        qtbot.mouseClick(view, Qt.LeftButton, pos=QPoint(5, 5))    # the black margin
