"""A month of the office's calendar printed on one A4 landscape page: the
weeks of the month, each day with its lunar date, its holidays and
anniversaries and the plans' items on it (core.calendar_days), a day's items
that do not fit counted at its foot. The second page painter besides
pdf_export (whose application and page layout it uses); Qt is imported
inside the functions, as there."""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ..core.calendar_days import WEEKDAYS, CalendarDay
from .pdf_export import ensure_gui_application, page_layout
from .safe_write import write_atomically

if TYPE_CHECKING:
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QFont, QFontMetricsF, QPainter

DPI = 720  # ten device units a point
MM = DPI / 25.4
PAGE_W, PAGE_H, MARGIN = 297 * MM, 210 * MM, 10 * MM
HOLIDAY_RED, ANNIVERSARY_BLUE, GREY = "#b00000", "#0b4f9c", "#6b6b6b"


def _font(points: float, bold: bool = False) -> QFont:
    from PySide6.QtGui import QFont

    font = QFont()
    font.setFamilies(["Liberation Sans", "Arimo", "DejaVu Sans", "Arial"])
    font.setPixelSize(round(points * DPI / 72))
    font.setBold(bold)
    return font


def month_pdf(title: str, subtitle: str, days: Sequence[CalendarDay]) -> bytes:
    """The page as PDF bytes: ``days`` are the month's weeks, Monday to Sunday (weeks wholly of
    another month are left out)."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QPainter, QPdfWriter

    ensure_gui_application()
    weeks = [list(days[i:i + 7]) for i in range(0, len(days), 7)]
    weeks = [week for week in weeks if any(day.in_month for day in week)]
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageLayout(page_layout(landscape=True))
    writer.setResolution(DPI)
    writer.setTitle(title)
    writer.setCreator("KeHoach Desktop")
    painter = QPainter(writer)
    try:
        _paint(painter, title, subtitle, weeks)
    finally:
        painter.end()
    del writer  # finishes the PDF into the buffer
    buffer.close()
    return bytes(data.data())


def write_month_pdf(path: Path, title: str, subtitle: str, days: Sequence[CalendarDay]) -> None:
    write_atomically(path, month_pdf(title, subtitle, days), overwrite=True)


def _paint(painter: QPainter, title: str, subtitle: str, weeks: list[list[CalendarDay]]) -> None:
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QColor, QPen

    left, width = MARGIN, PAGE_W - 2 * MARGIN
    painter.setFont(_font(14, bold=True))
    painter.drawText(QRectF(left, MARGIN, width, 8 * MM), Qt.AlignmentFlag.AlignCenter, title)
    painter.setFont(_font(9))
    painter.setPen(QColor(GREY))
    painter.drawText(QRectF(left, MARGIN + 8 * MM, width, 5 * MM), Qt.AlignmentFlag.AlignCenter, subtitle)
    top = MARGIN + 15 * MM
    column = width / 7
    header = 6 * MM
    painter.setPen(QPen(QColor("black"), 0.2 * MM))
    painter.setFont(_font(9, bold=True))
    for i, name in enumerate(WEEKDAYS):
        cell = QRectF(left + i * column, top, column, header)
        painter.fillRect(cell, QColor("#e8e8e8"))
        painter.drawRect(cell)
        painter.drawText(cell, Qt.AlignmentFlag.AlignCenter, name)
    row_height = (PAGE_H - MARGIN - top - header) / len(weeks)
    for w, week in enumerate(weeks):
        for i, day in enumerate(week):
            cell = QRectF(left + i * column, top + header + w * row_height, column, row_height)
            _paint_day(painter, cell, day)


def _paint_day(painter: QPainter, cell: QRectF, day: CalendarDay) -> None:
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QColor, QFontMetricsF, QPen

    painter.setPen(QPen(QColor("black"), 0.2 * MM))
    if day.day_off:
        painter.fillRect(cell, QColor("#fde8e8"))
    elif not day.in_month:
        painter.fillRect(cell, QColor("#f4f4f4"))
    painter.drawRect(cell)
    pad = 1.2 * MM
    inner = cell.adjusted(pad, pad * 0.6, -pad, -pad * 0.6)
    red = day.day_off or day.day.weekday() == 6
    painter.setFont(_font(11, bold=True))
    painter.setPen(QColor(HOLIDAY_RED if red else ("black" if day.in_month else GREY)))
    painter.drawText(inner, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, str(day.day.day))
    painter.setFont(_font(7))
    painter.setPen(QColor(GREY))
    painter.drawText(inner, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop, f"ÂL {day.lunar}")
    y = inner.top() + 5 * MM
    font, bold = _font(7), _font(7, bold=True)
    # Each mark and item on up to two lines, in the order of the day; what does not fit is counted.
    entries = [(_wrapped(QFontMetricsF(bold), mark.name, inner.width()), HOLIDAY_RED if mark.day_off
                else ANNIVERSARY_BLUE, bold) for mark in day.marks]
    entries += [(_wrapped(QFontMetricsF(font), planned.label(), inner.width()), "black", font)
                for planned in day.items]
    line_height = QFontMetricsF(font).lineSpacing()
    room = int((inner.bottom() - y) // line_height)
    for number, (lines, colour, chosen) in enumerate(entries):
        left_after = len(entries) - number - 1
        if len(lines) + (1 if left_after else 0) > room:
            painter.setFont(font)
            painter.setPen(QColor(GREY))
            painter.drawText(QRectF(inner.left(), y, inner.width(), line_height),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             f"… và {len(entries) - number} mục nữa")
            break
        painter.setFont(chosen)
        painter.setPen(QColor(colour))
        for line in lines:
            painter.drawText(QRectF(inner.left(), y, inner.width(), line_height),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, line)
            y += line_height
        y += line_height * 0.15
        room = int((inner.bottom() - y) // line_height)


def _wrapped(metrics: QFontMetricsF, text: str, width: float, most: int = 2) -> list[str]:
    """The text in lines of at most ``width``, word by word, the last of ``most`` lines elided."""
    from PySide6.QtCore import Qt

    lines: list[str] = []
    words = text.split()
    while words and len(lines) < most:
        line = words.pop(0)
        while words and metrics.horizontalAdvance(f"{line} {words[0]}") <= width:
            line += " " + words.pop(0)
        lines.append(line)
    if words:
        lines[-1] = metrics.elidedText(f"{lines[-1]} {' '.join(words)}", Qt.TextElideMode.ElideRight, width)
    return [metrics.elidedText(line, Qt.TextElideMode.ElideRight, width) for line in lines]
