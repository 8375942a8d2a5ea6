"""Table headers whose sort arrow points up for ascending order (smallest first) and down for descending.

Qt 5 draws it the other way round: QHeaderView hands Qt.AscendingOrder to the style as
QStyleOptionHeader.SortDown, which Fusion and the Windows styles paint as a downward arrow. Operators
read that as wrong (Windows Explorer, macOS Finder and most web tables show an up arrow for A to Z), so
the desk's tables swap the two before the style paints them. The macOS style already draws Qt's
SortDown as an up arrow and is left alone.
"""
from __future__ import annotations

from PyQt5.QtWidgets import QHeaderView, QProxyStyle, QStyle, QStyleOptionHeader

_SWAPPED = {QStyleOptionHeader.SortUp: QStyleOptionHeader.SortDown,
            QStyleOptionHeader.SortDown: QStyleOptionHeader.SortUp}


class _UpForAscending(QProxyStyle):
    def drawPrimitive(self, element, option, painter, widget=None):
        if (element == QStyle.PE_IndicatorHeaderArrow and isinstance(option, QStyleOptionHeader)
                and option.sortIndicator in _SWAPPED and self.baseStyle().objectName() != "macintosh"):
            option = QStyleOptionHeader(option)
            option.sortIndicator = _SWAPPED[option.sortIndicator]
        super().drawPrimitive(element, option, painter, widget)


def point_up_for_ascending(header: QHeaderView) -> QProxyStyle:
    """Paint ``header``'s sort arrow up for ascending, down for descending (in the application's style).

    Keep the returned style referenced as long as the header lives: its Python method is what swaps
    the arrows, and it is gone with the Python object (the header may be a wrapper Python drops).
    """
    style = _UpForAscending()
    style.setParent(header)             # a widget does not own the style it is given
    header.setStyle(style)
    return style
