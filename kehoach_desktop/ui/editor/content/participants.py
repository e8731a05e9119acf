"""Editor of a participants section: one table row per entry, grouped by the
group column, with counts and the computed total beside the stated one."""
from __future__ import annotations

import copy

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QCheckBox, QHBoxLayout, QHeaderView, QLabel, QPushButton, QSpinBox,
                               QTableWidget, QTableWidgetItem, QVBoxLayout)

from ....core import content as c
from ....core.text import nfc
from .base import ContentEditor

COL_GROUP, COL_TEXT, COL_COUNT, COL_REMARK = range(4)


class ParticipantsEditor(ContentEditor):
    def __init__(self, parent=None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels([self.tr("Nhóm"), self.tr("Thành phần (chức vụ, đơn vị)"),
                                              self.tr("Số người"), self.tr("Ghi chú")])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_TEXT, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        layout.addWidget(self.table)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Thêm dòng"), self)
        self.remove_button = QPushButton(self.tr("Xoá dòng"), self)
        self.add_button.clicked.connect(self.add_row)
        self.remove_button.clicked.connect(self.remove_row)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        totals = QHBoxLayout()
        self.has_total = QCheckBox(self.tr("Ghi tổng số dự kiến:"), self)
        self.stated_total = QSpinBox(self)
        self.stated_total.setRange(0, 100000)
        self.counted = QLabel(self)
        totals.addWidget(self.has_total)
        totals.addWidget(self.stated_total)
        totals.addWidget(self.counted, 1)
        layout.addLayout(totals)
        self.table.itemChanged.connect(self._on_item_changed)
        self.has_total.toggled.connect(self._edited)
        self.has_total.toggled.connect(self._show_total)
        self.stated_total.valueChanged.connect(self._edited)
        self.stated_total.valueChanged.connect(self._show_total)

    def _on_item_changed(self, _item) -> None:
        self._show_total()
        self._edited()

    def _set_row(self, row: int, group: str, entry: c.ParticipantEntry) -> None:
        values = (group, entry.text, "" if entry.count is None else str(entry.count), entry.remark)
        for column, value in enumerate(values):
            item = QTableWidgetItem(value)
            if column == COL_COUNT:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, column, item)

    def fill(self, p: c.Participants) -> None:
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        for group in p.groups:
            for entry in group.entries or [c.ParticipantEntry()]:
                row = self.table.rowCount()
                self.table.insertRow(row)
                self._set_row(row, group.title, entry)
        self.table.blockSignals(False)
        self.has_total.setChecked(p.stated_total is not None)
        self.stated_total.setValue(p.stated_total or 0)
        self._show_total()

    def add_row(self) -> None:
        row = self.table.currentRow() + 1 if self.table.currentRow() >= 0 else self.table.rowCount()
        group = self._cell(row - 1, COL_GROUP) if row > 0 else ""
        self.table.blockSignals(True)
        self.table.insertRow(row)
        self._set_row(row, group, c.ParticipantEntry())
        self.table.blockSignals(False)
        self.table.setCurrentCell(row, COL_TEXT)
        self._edited()

    def remove_row(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            self._show_total()
            self._edited()

    def _cell(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return nfc(item.text()).strip() if item is not None else ""

    def _count(self, row: int) -> int | None:
        text = self._cell(row, COL_COUNT)
        return int(text) if text.isdigit() else None

    def counted_total(self) -> int:
        return sum(self._count(row) or 0 for row in range(self.table.rowCount()))

    def _show_total(self, *_args) -> None:
        counted = self.counted_total()
        text = self.tr("Tổng theo danh sách: {n} người").format(n=counted)
        if self.has_total.isChecked() and counted and counted != self.stated_total.value():
            text += self.tr(" – khác tổng dự kiến {n}").format(n=self.stated_total.value())
        self.counted.setText(text)

    def content(self) -> c.Participants:
        p = copy.deepcopy(self._original) if isinstance(self._original, c.Participants) else c.Participants()
        groups: list[c.ParticipantGroup] = []
        for row in range(self.table.rowCount()):
            title = self._cell(row, COL_GROUP)
            entry = c.ParticipantEntry(self._cell(row, COL_TEXT), self._count(row), self._cell(row, COL_REMARK))
            if not groups or groups[-1].title != title:
                groups.append(c.ParticipantGroup(title, []))
            if entry.text or entry.count is not None or entry.remark:
                groups[-1].entries.append(entry)
        p.groups = groups
        p.stated_total = self.stated_total.value() if self.has_total.isChecked() else None
        return p
