"""Editor of a programme: time slots with their "+" sub-items, as a tree."""
from __future__ import annotations

import copy

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QLabel, QPushButton, QTreeWidget, QTreeWidgetItem, QVBoxLayout

from ....core import content as c
from ....core.dates import valid_time
from ....core.text import nfc
from .base import ContentEditor

COL_START, COL_END, COL_TEXT = range(3)
EDITABLE = Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class ProgrammeEditor(ContentEditor):
    def __init__(self, parent=None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels([self.tr("Từ (GG:PP)"), self.tr("Đến"), self.tr("Nội dung")])
        self.tree.header().setSectionResizeMode(COL_TEXT, QHeaderView.ResizeMode.Stretch)
        self.tree.setWordWrap(True)
        layout.addWidget(self.tree)
        buttons = QHBoxLayout()
        self.add_slot_button = QPushButton(self.tr("Thêm mốc"), self)
        self.add_item_button = QPushButton(self.tr("Thêm ý (+)"), self)
        self.remove_button = QPushButton(self.tr("Xoá"), self)
        self.up_button = QPushButton(self.tr("Lên"), self)
        self.down_button = QPushButton(self.tr("Xuống"), self)
        for button, slot in ((self.add_slot_button, self.add_slot), (self.add_item_button, self.add_item),
                             (self.remove_button, self.remove_current), (self.up_button, lambda: self.move(-1)),
                             (self.down_button, lambda: self.move(1))):
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.problems = QLabel(self)
        self.problems.setStyleSheet("color: #b00020")
        layout.addWidget(self.problems)
        self.tree.itemChanged.connect(self._on_item_changed)

    # ---- building rows
    def _slot_item(self, slot: c.ProgrammeSlot) -> QTreeWidgetItem:
        item = QTreeWidgetItem([slot.start_time, slot.end_time, slot.text])
        item.setFlags(EDITABLE)
        for text in slot.items:
            item.addChild(self._sub_item(text))
        return item

    @staticmethod
    def _sub_item(text: str) -> QTreeWidgetItem:
        child = QTreeWidgetItem(["", "", text])
        child.setFlags(EDITABLE)
        return child

    def fill(self, programme: c.Programme) -> None:
        self.tree.blockSignals(True)
        self.tree.clear()
        for slot in programme.slots:
            self.tree.addTopLevelItem(self._slot_item(slot))
        self.tree.expandAll()
        self.tree.blockSignals(False)
        self._check_times()

    # ---- actions
    def add_slot(self) -> None:
        current = self.tree.currentItem()
        top = current.parent() or current if current is not None else None
        index = self.tree.indexOfTopLevelItem(top) + 1 if top is not None else self.tree.topLevelItemCount()
        item = self._slot_item(c.ProgrammeSlot())
        self.tree.insertTopLevelItem(index, item)
        self.tree.setCurrentItem(item, COL_START)
        self._edited()

    def add_item(self) -> None:
        current = self.tree.currentItem()
        if current is None:
            return
        slot = current.parent() or current
        child = self._sub_item("")
        slot.insertChild(slot.indexOfChild(current) + 1 if current.parent() else slot.childCount(), child)
        slot.setExpanded(True)
        self.tree.setCurrentItem(child, COL_TEXT)
        self._edited()

    def remove_current(self) -> None:
        current = self.tree.currentItem()
        if current is None:
            return
        parent = current.parent()
        if parent is not None:
            parent.removeChild(current)
        else:
            self.tree.takeTopLevelItem(self.tree.indexOfTopLevelItem(current))
        self._check_times()
        self._edited()

    def move(self, delta: int) -> None:
        current = self.tree.currentItem()
        if current is None:
            return
        parent = current.parent()
        count = parent.childCount() if parent else self.tree.topLevelItemCount()
        index = parent.indexOfChild(current) if parent else self.tree.indexOfTopLevelItem(current)
        if not 0 <= index + delta < count:
            return
        if parent:
            parent.insertChild(index + delta, parent.takeChild(index))
        else:
            self.tree.insertTopLevelItem(index + delta, self.tree.takeTopLevelItem(index))
            current.setExpanded(True)
        self.tree.setCurrentItem(current)
        self._edited()

    def _on_item_changed(self, _item, _column) -> None:
        self._check_times()
        self._edited()

    def _check_times(self) -> None:
        wrong = []
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            for column in (COL_START, COL_END):
                text = item.text(column).strip()
                if text and not valid_time(text):
                    wrong.append(f"“{text}” (mốc {i + 1})")
        self.problems.setText(self.tr("Giờ không hợp lệ, cần dạng GG:PP như 08:00: ") + ", ".join(wrong)
                              if wrong else "")

    def content(self) -> c.Programme:
        programme = copy.deepcopy(self._original) if isinstance(self._original, c.Programme) else c.Programme()
        before = programme.slots
        slots = []
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            old = before[i] if i < len(before) else c.ProgrammeSlot()
            children = [nfc(item.child(j).text(COL_TEXT)).strip() for j in range(item.childCount())]
            slots.append(c.ProgrammeSlot(_time(item.text(COL_START), old.start_time),
                                         _time(item.text(COL_END), old.end_time),
                                         nfc(item.text(COL_TEXT)).strip(), [t for t in children if t]))
        programme.slots = slots
        return programme


def _time(typed: str, last_good: str) -> str:
    """An invalid time is not saved over the last good one (the red label tells the clerk)."""
    typed = typed.strip()
    return typed if not typed or valid_time(typed) else last_good
