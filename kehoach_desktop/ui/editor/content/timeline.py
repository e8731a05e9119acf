"""Editor of a timeline: one row per step, dated by a day, a month, a range,
or free words."""
from __future__ import annotations

import copy

from PySide6.QtWidgets import QLabel

from ....core import content as c
from ....core.dates import parse_day_or_month, partial_numeric
from .base import RowTableEditor
from .kinds import editor_of
from .typed_cells import KEPT, date_problem, mark

COL_FROM, COL_TO, COL_WORDS, COL_TEXT = range(4)


@editor_of("timeline")
class TimelineEditor(RowTableEditor):
    headers = ("Từ", "Đến", "Hoặc bằng chữ", "Công việc")
    # short headers leave the steps their room; the tooltips say what to type
    header_tips = {COL_FROM: "Từ ngày/tháng/năm hoặc tháng/năm (ví dụ 20/02/2023, 11/2023)",
                   COL_TO: "Đến ngày/tháng/năm hoặc tháng/năm (để trống nếu chỉ một ngày)",
                   COL_WORDS: "Hoặc ghi thời gian bằng chữ (ví dụ: Quý I/2023)"}
    stretch_column = COL_TEXT
    column_fits = {COL_FROM: (11, 11, 0), COL_TO: (11, 11, 0), COL_WORDS: (10, 18, 1), COL_TEXT: (14, None, 4)}
    add_label = "Thêm bước"
    remove_label = "Xoá bước"

    def __init__(self, parent=None):
        super().__init__(parent)
        self.problems = QLabel(self)
        self.problems.setStyleSheet("color: #b00020")
        self.body_layout.addWidget(self.problems)

    def fill(self, timeline: c.Timeline) -> None:
        self.set_rows([(s.when.start_typed or partial_numeric(s.when.start),
                        s.when.end_typed or partial_numeric(s.when.end), s.when.text, s.text)
                       for s in timeline.steps])

    def refresh(self) -> None:
        """A day or month that is not a real one stays as typed, in red (typed_cells)."""
        wrong = []
        self.table.blockSignals(True)
        try:
            for row in range(self.table.rowCount()):
                for column in (COL_FROM, COL_TO):
                    problem = date_problem(self.cell(row, column), months=True)
                    if self.table.item(row, column) is not None:
                        mark(self.table.item(row, column), column, problem)
                    if problem:
                        wrong.append(f"“{self.cell(row, column)}” (bước {row + 1})")
        finally:
            self.table.blockSignals(False)
        self.problems.setText(self.tr("Ngày không có thật hoặc không đọc được (cần dạng 20/02/2020 hoặc 11/2019): ")
                              + ", ".join(wrong) + "\n" + self.tr(KEPT) if wrong else "")

    def content(self) -> c.Timeline:
        timeline = copy.deepcopy(self._original) if isinstance(self._original, c.Timeline) else c.Timeline()
        steps = []
        for row in range(self.table.rowCount()):
            typed_start, typed_end = self.cell(row, COL_FROM), self.cell(row, COL_TO)
            start, end = parse_day_or_month(typed_start), parse_day_or_month(typed_end)
            # a day or month that is not a real one is kept as typed (typed_cells)
            when = c.When(start or "", end or "", self.cell(row, COL_WORDS),
                          "" if start else typed_start, "" if end else typed_end)
            steps.append(c.TimelineStep(when, self.cell(row, COL_TEXT)))
        timeline.steps = steps
        return timeline
