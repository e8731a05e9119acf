"""Cells of dates and times in the content editors' trees and tables.

What the clerk types is never dropped: a time in any style is stored as
"HH:MM" and shown so; a date or time that is not a real one ("31/02/2023",
"25g00") stays in its cell as typed, drawn in red with the reason as its
tooltip, is saved as typed (core.content: ``deadline_typed``, ``start_typed``,
a time field holding the text) and is an error of the format checker until
corrected. The reading itself is core.dates' (parse_time, parse_date,
parse_day_or_month): one reader for the editors, the importer and the checker.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QTableWidgetItem, QTreeWidgetItem

from ....core.dates import date_shape, parse_date, parse_day_or_month, parse_time, time_shaped
from ....core.text import nfc

WRONG = QColor("#b00020")  # the red of the editors' problem labels

KEPT = "Giữ nguyên như đã gõ; Kiểm tra thể thức (F7) báo lỗi cho đến khi sửa."


def time_problem(typed: str) -> str:
    """Why a time cell is wrong, "" when it is empty or a time."""
    typed = nfc(typed).strip()
    if not typed or parse_time(typed):
        return ""
    if time_shaped(typed):
        return "Không có giờ này."
    return "Không đọc được thành giờ (ví dụ 08g00, 8 giờ 30, 08:00)."


def date_problem(typed: str, months: bool = False) -> str:
    """Why a date cell is wrong ("" when empty or a real day; with
    ``months`` a month "11/2019" is right too)."""
    typed = nfc(typed).strip()
    if not typed or (parse_day_or_month(typed) if months else parse_date(typed)):
        return ""
    if date_shape(typed) == "day" or (months and date_shape(typed)):
        return "Không có ngày này trên lịch."
    return "Không đọc được thành ngày (ví dụ 20/02/2020" + (" hoặc 11/2019)." if months else ").")


def nowhere_problem(typed: str, where: str) -> str:
    """Why a cell of a row that has no such value (a unit's deadline, a
    "+" item's time) is wrong: it would not be saved, so it is marked rather
    than dropped without a word; ``where`` says where it belongs."""
    return f"Dòng này không có ô này; ghi ở {where}." if nfc(typed).strip() else ""


def mark(item: QTreeWidgetItem | QTableWidgetItem, column: int, problem: str) -> None:
    """Red text and the reason as tooltip for a wrong cell; the default look
    for a right one."""
    brush = QBrush(WRONG) if problem else QBrush()
    tip = f"{problem} {KEPT}" if problem else ""
    if isinstance(item, QTreeWidgetItem):
        item.setForeground(column, brush)
        item.setToolTip(column, tip)
    else:
        item.setForeground(brush)
        item.setToolTip(tip)


def show_time_stored(tree, item: QTreeWidgetItem, column: int) -> None:
    """A time typed in any style is shown as stored ("8g30" -> "08:30"),
    once its cell is closed: rewriting it while it is being typed would
    turn "8 giờ" into "08:00" before the clerk types the minutes."""
    time = parse_time(nfc(item.text(column)).strip())
    if not time or time == item.text(column):
        return
    if tree.state() == tree.State.EditingState and tree.currentItem() is item and tree.currentColumn() == column:
        return
    item.setText(column, time)


def is_marked(item: QTreeWidgetItem | QTableWidgetItem, column: int = 0) -> bool:
    brush = item.foreground(column) if isinstance(item, QTreeWidgetItem) else item.foreground()
    return brush.style() != Qt.BrushStyle.NoBrush and brush.color() == WRONG
