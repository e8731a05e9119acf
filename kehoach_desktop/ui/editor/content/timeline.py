"""Editor of a timeline: one row per step, dated by a day, a month, a range,
or free words."""
from __future__ import annotations

import copy
import re
from datetime import date

from PySide6.QtWidgets import (QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableWidget, QTableWidgetItem,
                               QVBoxLayout)

from ....core import content as c
from ....core.text import nfc
from .base import ContentEditor

COL_FROM, COL_TO, COL_WORDS, COL_TEXT = range(4)
_DAY = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
_MONTH = re.compile(r"^(\d{1,2})/(\d{4})$")


def parse_when(typed: str) -> str | None:
    """"20/02/2020" -> "2020-02-20", "11/2019" -> "2019-11", "" -> ""; None when not a date."""
    typed = typed.strip()
    if not typed:
        return ""
    if match := _DAY.match(typed):
        day, month, year = map(int, match.groups())
        try:
            return date(year, month, day).isoformat()
        except ValueError:
            return None
    if match := _MONTH.match(typed):
        month, year = map(int, match.groups())
        return f"{year:04d}-{month:02d}" if 1 <= month <= 12 else None
    return None


def show_when(iso: str) -> str:
    parts = iso.split("-") if iso else []
    if len(parts) == 3:
        return f"{parts[2]}/{parts[1]}/{parts[0]}"
    if len(parts) == 2:
        return f"{parts[1]}/{parts[0]}"
    return ""


class TimelineEditor(ContentEditor):
    def __init__(self, parent=None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels([self.tr("Từ (ngày/tháng/năm hoặc tháng/năm)"), self.tr("Đến"),
                                              self.tr("Hoặc ghi bằng chữ"), self.tr("Công việc")])
        self.table.horizontalHeader().setSectionResizeMode(COL_TEXT, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        layout.addWidget(self.table)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Thêm bước"), self)
        self.remove_button = QPushButton(self.tr("Xoá bước"), self)
        self.add_button.clicked.connect(self.add_row)
        self.remove_button.clicked.connect(self.remove_row)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.problems = QLabel(self)
        self.problems.setStyleSheet("color: #b00020")
        layout.addWidget(self.problems)
        self.table.itemChanged.connect(self._on_item_changed)

    def _set_row(self, row: int, step: c.TimelineStep) -> None:
        values = (show_when(step.when.start), show_when(step.when.end), step.when.text, step.text)
        for column, value in enumerate(values):
            self.table.setItem(row, column, QTableWidgetItem(value))

    def fill(self, timeline: c.Timeline) -> None:
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        for step in timeline.steps:
            row = self.table.rowCount()
            self.table.insertRow(row)
            self._set_row(row, step)
        self.table.blockSignals(False)
        self._check()

    def add_row(self) -> None:
        row = self.table.currentRow() + 1 if self.table.currentRow() >= 0 else self.table.rowCount()
        self.table.blockSignals(True)
        self.table.insertRow(row)
        self._set_row(row, c.TimelineStep())
        self.table.blockSignals(False)
        self.table.setCurrentCell(row, COL_FROM)
        self._edited()

    def remove_row(self) -> None:
        if self.table.currentRow() >= 0:
            self.table.removeRow(self.table.currentRow())
            self._check()
            self._edited()

    def _cell(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return nfc(item.text()).strip() if item is not None else ""

    def _on_item_changed(self, _item) -> None:
        self._check()
        self._edited()

    def _check(self) -> None:
        wrong = [f"“{self._cell(r, col)}” (bước {r + 1})" for r in range(self.table.rowCount())
                 for col in (COL_FROM, COL_TO) if parse_when(self._cell(r, col)) is None]
        self.problems.setText(self.tr("Ngày không hợp lệ, cần dạng 20/02/2020 hoặc 11/2019: ") + ", ".join(wrong)
                              if wrong else "")

    def content(self) -> c.Timeline:
        timeline = copy.deepcopy(self._original) if isinstance(self._original, c.Timeline) else c.Timeline()
        before = timeline.steps
        steps = []
        for row in range(self.table.rowCount()):
            old = before[row].when if row < len(before) else c.When()
            start, end = parse_when(self._cell(row, COL_FROM)), parse_when(self._cell(row, COL_TO))
            when = c.When(start if start is not None else old.start, end if end is not None else old.end,
                          self._cell(row, COL_WORDS))
            steps.append(c.TimelineStep(when, self._cell(row, COL_TEXT)))
        timeline.steps = steps
        return timeline
