"""Editor of a timeline: one row per step, dated by a day, a month, a range,
or free words."""
from __future__ import annotations

import copy
import re
from datetime import date

from PySide6.QtWidgets import QLabel

from ....core import content as c
from .base import RowTableEditor
from .kinds import editor_of

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


@editor_of("timeline")
class TimelineEditor(RowTableEditor):
    headers = ("Từ (ngày/tháng/năm hoặc tháng/năm)", "Đến", "Hoặc ghi bằng chữ", "Công việc")
    stretch_column = COL_TEXT
    add_label = "Thêm bước"
    remove_label = "Xoá bước"

    def __init__(self, parent=None):
        super().__init__(parent)
        self.problems = QLabel(self)
        self.problems.setStyleSheet("color: #b00020")
        self.body_layout.addWidget(self.problems)

    def fill(self, timeline: c.Timeline) -> None:
        self.set_rows([(show_when(s.when.start), show_when(s.when.end), s.when.text, s.text)
                       for s in timeline.steps])

    def refresh(self) -> None:
        wrong = [f"“{self.cell(r, col)}” (bước {r + 1})" for r in range(self.table.rowCount())
                 for col in (COL_FROM, COL_TO) if parse_when(self.cell(r, col)) is None]
        self.problems.setText(self.tr("Ngày không hợp lệ, cần dạng 20/02/2020 hoặc 11/2019: ") + ", ".join(wrong)
                              if wrong else "")

    def content(self) -> c.Timeline:
        timeline = copy.deepcopy(self._original) if isinstance(self._original, c.Timeline) else c.Timeline()
        before = timeline.steps
        steps = []
        for row in range(self.table.rowCount()):
            old = before[row].when if row < len(before) else c.When()
            start, end = parse_when(self.cell(row, COL_FROM)), parse_when(self.cell(row, COL_TO))
            when = c.When(start if start is not None else old.start, end if end is not None else old.end,
                          self.cell(row, COL_WORDS))
            steps.append(c.TimelineStep(when, self.cell(row, COL_TEXT)))
        timeline.steps = steps
        return timeline
