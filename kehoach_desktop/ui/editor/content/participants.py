"""Editor of a participants section: one table row per entry, grouped by the
group column, with counts and the computed total beside the stated one."""
from __future__ import annotations

import copy

from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QSpinBox

from ....core import content as c
from .base import RowTableEditor
from .kinds import editor_of

COL_GROUP, COL_TEXT, COL_COUNT, COL_REMARK = range(4)


@editor_of("participants")
class ParticipantsEditor(RowTableEditor):
    headers = ("Nhóm", "Thành phần (chức vụ, đơn vị)", "Số người", "Ghi chú")
    stretch_column = COL_TEXT
    # the list of positions and units takes the room; a group name and a remark are short
    column_fits = {COL_TEXT: (16, None, 4), COL_GROUP: (11, 18, 2), COL_REMARK: (6, 14, 1)}
    text_columns = (COL_GROUP, COL_TEXT, COL_REMARK)

    def __init__(self, parent=None):
        super().__init__(parent)
        totals = QHBoxLayout()
        self.has_total = QCheckBox(self.tr("Ghi tổng số dự kiến:"), self)
        self.stated_total = QSpinBox(self)
        self.stated_total.setRange(0, 100000)
        self.counted = QLabel(self)
        totals.addWidget(self.has_total)
        totals.addWidget(self.stated_total)
        totals.addWidget(self.counted, 1)
        self.body_layout.addLayout(totals)
        for signal in (self.has_total.toggled, self.stated_total.valueChanged):
            signal.connect(self._edited)
            signal.connect(self.refresh)

    def fill(self, p: c.Participants) -> None:
        rows = [(group.title, entry.text, "" if entry.count is None else str(entry.count), entry.remark)
                for group in p.groups for entry in (group.entries or [c.ParticipantEntry()])]
        self.has_total.setChecked(p.stated_total is not None)
        self.stated_total.setValue(p.stated_total or 0)
        self.set_rows(rows)

    def new_row_values(self, row: int) -> list[str]:
        """A new row belongs to the group of the row above it."""
        return [self.cell(row - 1, COL_GROUP) if row > 0 else "", "", "", ""]

    def _count(self, row: int) -> int | None:
        text = self.cell(row, COL_COUNT)
        return int(text) if text.isascii() and text.isdigit() and len(text) <= 6 else None  # "²" is a digit to isdigit()

    def counted_total(self) -> int:
        return sum(self._count(row) or 0 for row in range(self.table.rowCount()))

    def refresh(self, *_args) -> None:
        counted = self.counted_total()
        text = self.tr("Tổng theo danh sách: {n} người").format(n=counted)
        if self.has_total.isChecked() and counted and counted != self.stated_total.value():
            text += self.tr(" – khác tổng dự kiến {n}").format(n=self.stated_total.value())
        self.counted.setText(text)

    def content(self) -> c.Participants:
        p = copy.deepcopy(self._original) if isinstance(self._original, c.Participants) else c.Participants()
        groups: list[c.ParticipantGroup] = []
        for row in range(self.table.rowCount()):
            title = self.cell(row, COL_GROUP)
            entry = c.ParticipantEntry(self.cell(row, COL_TEXT), self._count(row), self.cell(row, COL_REMARK))
            if not groups or groups[-1].title != title:
                groups.append(c.ParticipantGroup(title, []))
            if entry.text or entry.count is not None or entry.remark:
                groups[-1].entries.append(entry)
        p.groups = groups
        p.stated_total = self.stated_total.value() if self.has_total.isChecked() else None
        return p
