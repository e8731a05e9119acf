"""Editor of joint activities: the list of activities on the left, the
selected one's time, area, content lines and duties on the right."""
from __future__ import annotations

import copy

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QHeaderView,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from ....core import content as c
from ....core.text import nfc
from .base import ContentEditor, button_row, split_panes
from .cell_editing import open_cell, spreadsheet
from .kinds import editor_of

ACTIVITY_ROLE = Qt.ItemDataRole.UserRole


@editor_of("activities")
class ActivitiesEditor(ContentEditor):
    def __init__(self, parent=None):
        super().__init__(parent)
        splitter, left, left_layout = split_panes(self, Qt.Orientation.Horizontal)
        self.list = QListWidget(left)
        self.list.setWordWrap(True)
        left_layout.addWidget(self.list, 1)
        buttons, (self.add_button, self.remove_button, self.up_button, self.down_button) = button_row(left, (
            ("Thêm hoạt động", self.add_activity, ""), ("Xoá", self.remove_activity, ""),
            ("Lên", lambda: self.move(-1), "Alt+Up"), ("Xuống", lambda: self.move(1), "Alt+Down")))
        left_layout.addLayout(buttons)

        self.form_widget = QWidget(splitter)
        form = QFormLayout(self.form_widget)
        form.setContentsMargins(0, 0, 0, 0)
        self.title = QLineEdit(self.form_widget)
        self.time = QLineEdit(self.form_widget)
        self.time.setPlaceholderText(self.tr("Ví dụ: Tháng 3/2020"))
        self.area = QLineEdit(self.form_widget)
        self.lines = QPlainTextEdit(self.form_widget)
        self.lines.setPlaceholderText(self.tr("Mỗi dòng một ý (ghi thành các ý +)"))
        self.duty_label = QLineEdit(self.form_widget)
        self.duty_label.setPlaceholderText(self.tr("Ví dụ: Phụ trách"))
        self.duties = QTableWidget(0, 2, self.form_widget)
        self.duties.setHorizontalHeaderLabels([self.tr("Đơn vị"), self.tr("Nhiệm vụ")])
        self.duties.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.duties.verticalHeader().hide()
        spreadsheet(self.duties, (0, 1))
        duty_buttons, (self.add_duty_button, self.remove_duty_button) = button_row(self.form_widget, (
            ("Thêm đơn vị phụ trách", self.add_duty, ""), ("Xoá dòng", self.remove_duty, "")))
        form.addRow(self.tr("Tên hoạt động:"), self.title)
        form.addRow(self.tr("Thời gian:"), self.time)
        form.addRow(self.tr("Địa bàn:"), self.area)
        form.addRow(self.tr("Nội dung:"), self.lines)
        form.addRow(self.tr("Nhãn phân công:"), self.duty_label)
        form.addRow(self.tr("Phân công:"), self.duties)
        form.addRow("", duty_buttons)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 2)

        self.list.currentItemChanged.connect(self._show)
        for line_edit in (self.title, self.time, self.area, self.duty_label):
            line_edit.textEdited.connect(self._store)
        self.lines.textChanged.connect(self._store)
        self.duties.itemChanged.connect(self._store)
        self._showing = False

    # ---- list
    def fill(self, acts: c.Activities) -> None:
        self.list.clear()
        for act in acts.activities:
            self._append(copy.deepcopy(act))
        if self.list.count():
            self.list.setCurrentRow(0)
        self._show(self.list.currentItem())

    def _append(self, act: c.Activity, row: int | None = None) -> QListWidgetItem:
        item = QListWidgetItem(act.title or self.tr("(chưa đặt tên)"))
        item.setData(ACTIVITY_ROLE, act)
        self.list.insertItem(self.list.count() if row is None else row, item)
        return item

    def activities(self) -> list[c.Activity]:
        return [self.list.item(i).data(ACTIVITY_ROLE) for i in range(self.list.count())]

    def add_activity(self) -> None:
        item = self._append(c.Activity(), self.list.currentRow() + 1 if self.list.currentRow() >= 0 else None)
        self.list.setCurrentItem(item)
        self.title.setFocus()
        self._edited()

    def remove_activity(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.list.takeItem(row)
            self._show(self.list.currentItem())
            self._edited()

    def move(self, delta: int) -> None:
        row = self.list.currentRow()
        if row < 0 or not 0 <= row + delta < self.list.count():
            return
        item = self.list.takeItem(row)
        self.list.insertItem(row + delta, item)
        self.list.setCurrentItem(item)
        self._edited()

    # ---- the selected activity
    def _show(self, item, _previous=None) -> None:
        act = item.data(ACTIVITY_ROLE) if item is not None else None
        self._showing = True
        try:
            self.form_widget.setEnabled(act is not None)
            act = act or c.Activity()
            self.title.setText(act.title)
            self.time.setText(act.time)
            self.area.setText(act.area)
            self.lines.setPlainText("\n".join(act.content))
            self.duty_label.setText(act.duty_label)
            self.duties.setRowCount(0)
            for duty in act.duties:
                self._add_duty_row(duty.body, duty.text)
        finally:
            self._showing = False

    def _add_duty_row(self, body: str = "", text: str = "", row: int | None = None) -> int:
        row = self.duties.rowCount() if row is None else row
        self.duties.blockSignals(True)
        self.duties.insertRow(row)
        self.duties.setItem(row, 0, QTableWidgetItem(body))
        self.duties.setItem(row, 1, QTableWidgetItem(text))
        self.duties.blockSignals(False)
        return row

    def add_duty(self) -> None:
        current = self.duties.currentRow()
        row = self._add_duty_row(row=current + 1 if current >= 0 else None)
        open_cell(self.duties, self.duties.model().index(row, 0))
        self._store()

    def remove_duty(self) -> None:
        if self.duties.currentRow() >= 0:
            self.duties.removeRow(self.duties.currentRow())
            self._store()

    def _cell(self, row: int, column: int) -> str:
        item = self.duties.item(row, column)
        return nfc(item.text()).strip() if item is not None else ""

    def _store(self, *_args) -> None:
        """Write the form back into the selected activity."""
        item = self.list.currentItem()
        if self._showing or item is None:
            return
        act: c.Activity = item.data(ACTIVITY_ROLE)
        act.title = nfc(self.title.text()).strip()
        act.time = nfc(self.time.text()).strip()
        act.area = nfc(self.area.text()).strip()
        act.content = [line.strip() for line in nfc(self.lines.toPlainText()).splitlines() if line.strip()]
        act.duty_label = nfc(self.duty_label.text()).strip() or "Phụ trách"
        act.duties = [c.Duty(self._cell(r, 0), self._cell(r, 1)) for r in range(self.duties.rowCount())
                      if self._cell(r, 0) or self._cell(r, 1)]
        item.setData(ACTIVITY_ROLE, act)
        item.setText(act.title or self.tr("(chưa đặt tên)"))
        self._edited()

    def content(self) -> c.Activities:
        acts = copy.deepcopy(self._original) if isinstance(self._original, c.Activities) else c.Activities()
        acts.activities = copy.deepcopy(self.activities())
        return acts
