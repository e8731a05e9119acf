"""A content editor that is a two-level tree: parents (programme slots, units)
with children (sub-items, tasks), edited in place, with buttons to add,
remove and move rows. Subclasses give the columns and turn rows into content."""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout

from ....core.text import nfc
from .base import ContentEditor, button_row, fit_columns
from .cell_editing import commit_open_cell, open_cell, spreadsheet

EDITABLE = Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
EXTRA_ROLE = Qt.ItemDataRole.UserRole  # what a row keeps that has no column (a task's displayed block)


class TwoLevelTreeEditor(ContentEditor):
    headers: tuple[str, ...] = ()
    # A header's full wording, shown as its tooltip where the header itself is kept short.
    header_tips: dict[int, str] = {}
    stretch_column = 0
    # The columns' room (base.fit_columns); unless told, the stretched one takes what is left.
    column_fits: dict[int, tuple[int, int | None, int]] = {}
    add_parent_label = "Thêm"
    add_child_label = "Thêm ý con"
    # The columns of long texts, edited in a box of several lines (the stretched one unless told).
    text_columns: tuple[int, ...] | None = None
    # The columns a parent row / a child row has (None: all); the others stay blank and closed.
    # A new row is typed in the first of them.
    parent_columns: tuple[int, ...] | None = None
    child_columns: tuple[int, ...] | None = None

    def __init__(self, parent=None):
        super().__init__(parent)
        self.body_layout = QVBoxLayout(self)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels([self.tr(h) for h in self.headers])
        for column, tip in self.header_tips.items():
            self.tree.headerItem().setToolTip(column, self.tr(tip))
        self.columns = fit_columns(self.tree, self.stretch_column, self.column_fits)
        self.cells = spreadsheet(self.tree, self.text_columns if self.text_columns is not None
                                 else (self.stretch_column,))
        self.cells.can_edit = self._has_column
        # A closed cell is shown as stored (a time typed "8g30" reads "08:30"); queued: the view
        # leaves its editing state only after the signal.
        self.cells.closeEditor.connect(lambda *_args: QTimer.singleShot(0, self, self.refresh))
        self.body_layout.addWidget(self.tree, 1)
        buttons, (self.add_parent_button, self.add_child_button, self.remove_button, self.up_button,
                  self.down_button) = button_row(self, (
                      (self.add_parent_label, self.add_parent, ""), (self.add_child_label, self.add_child, ""),
                      ("Xoá", self.remove_current, ""), ("Lên", lambda: self.move(-1), "Alt+Up"),
                      ("Xuống", lambda: self.move(1), "Alt+Down")))
        self.body_layout.addLayout(buttons)
        self.problems = QLabel(self)
        self.problems.setStyleSheet("color: #b00020")
        self.problems.setWordWrap(True)
        self.body_layout.addWidget(self.problems)
        self.tree.itemChanged.connect(self._on_item_changed)

    # ---- for subclasses
    def parent_values(self, obj) -> list[str]:  # pragma: no cover - overridden
        raise NotImplementedError

    def child_values(self, obj) -> list[str]:  # pragma: no cover - overridden
        raise NotImplementedError

    def children_of(self, obj) -> list:  # pragma: no cover - overridden
        raise NotImplementedError

    def check(self) -> list[str]:
        """Problems to show under the tree (bad times, dates)."""
        return []

    def _has_column(self, index) -> bool:
        columns = self.child_columns if index.parent().isValid() else self.parent_columns
        return columns is None or index.column() in columns

    # ---- rows
    def make_row(self, values, extra=None) -> QTreeWidgetItem:
        item = QTreeWidgetItem([str(v) for v in values])
        item.setFlags(EDITABLE)
        item.setData(0, EXTRA_ROLE, extra)
        return item

    def make_parent(self, obj) -> QTreeWidgetItem:
        item = self.make_row(self.parent_values(obj), obj)
        for child in self.children_of(obj):
            item.addChild(self.make_row(self.child_values(child), child))
        return item

    def fill_parents(self, objects) -> None:
        self.tree.blockSignals(True)
        self.tree.clear()
        for obj in objects:
            self.tree.addTopLevelItem(self.make_parent(obj))
        self.tree.expandAll()
        self.tree.blockSignals(False)
        self.refresh()

    def parents(self) -> list[QTreeWidgetItem]:
        return [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]

    @staticmethod
    def children(item: QTreeWidgetItem) -> list[QTreeWidgetItem]:
        return [item.child(i) for i in range(item.childCount())]

    @staticmethod
    def text(item: QTreeWidgetItem, column: int) -> str:
        return nfc(item.text(column)).strip()

    # ---- actions
    # Each button adds at its own level, after the current row: "Thêm" a
    # parent after the current parent (the one holding the current child),
    # "Thêm ý con" a child after the current child (or last, under a parent).
    def add_parent(self, obj=None) -> QTreeWidgetItem:
        commit_open_cell(self.tree)
        current = self.tree.currentItem()
        top = (current.parent() or current) if current is not None else None
        index = self.tree.indexOfTopLevelItem(top) + 1 if top is not None else self.tree.topLevelItemCount()
        item = self.make_row([""] * len(self.headers), obj)
        self.tree.insertTopLevelItem(index, item)
        self._changed_structure()
        self._open(item, (self.parent_columns or (0,))[0])
        return item

    def add_child(self, obj=None) -> QTreeWidgetItem | None:
        commit_open_cell(self.tree)
        current = self.tree.currentItem()
        if current is None:
            return None
        parent = current.parent() or current
        child = self.make_row([""] * len(self.headers), obj)
        parent.insertChild(parent.indexOfChild(current) + 1 if current.parent() else parent.childCount(), child)
        parent.setExpanded(True)
        self._changed_structure()
        self._open(child, (self.child_columns or (0,))[0])
        return child

    def _open(self, item: QTreeWidgetItem, column: int) -> None:
        """The new row's cell, open for typing."""
        open_cell(self.tree, self.tree.indexFromItem(item, column))

    def remove_current(self) -> None:
        commit_open_cell(self.tree)
        current = self.tree.currentItem()
        if current is None:
            return
        parent = current.parent()
        if parent is not None:
            parent.removeChild(current)
        else:
            self.tree.takeTopLevelItem(self.tree.indexOfTopLevelItem(current))
        self._changed_structure()

    def move(self, delta: int) -> None:
        commit_open_cell(self.tree)
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
        self._changed_structure()

    def refresh(self) -> None:
        self.problems.setText("\n".join(self.check()))

    def _changed_structure(self) -> None:
        self.refresh()
        self._edited()

    def _on_item_changed(self, _item, _column) -> None:
        self.refresh()
        self._edited()
