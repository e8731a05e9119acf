"""Editor of free content as an outline: paragraphs, "-" items, "+" sub-items,
numbered paragraphs, displayed blocks and numbered subsections (which hold
their own outline). The tree shows the structure with the generated numbers;
the row's text is written in the box below it. Structured content placed in
the flow (a time-and-place block, a participants list) is edited with the
editor of its kind."""
from __future__ import annotations

import copy
from dataclasses import dataclass, field

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ....core import content as c
from ....core.text import nfc
from ...flow_layout import FlowLayout
from .base import ContentEditor, button_row, split_panes
from .kinds import editor_for, editor_of, kind_label

ROW_ROLE = Qt.ItemDataRole.UserRole
COL_MARK, COL_TEXT = range(2)
# Leaf kinds in the order indent walks through them (paragraph -> "-" -> "+").
LEVELS = ("paragraph", "item1", "item2")
LEAF_LABELS = {
    "paragraph": "Đoạn văn",
    "item1": "Ý gạch đầu dòng (-)",
    "item2": "Ý con (+)",
    "numbered": "Khoản đánh số (1., 2.)",
    "display": "Khối căn giữa (mỗi dòng một dòng)",
}
ADD_LABELS = {**LEAF_LABELS, "subsection": "Tiểu mục đánh số (có tiêu đề)"}
MARKS = {"paragraph": "¶", "item1": "-", "item2": "+", "display": "≡", "embedded": "▣"}


@dataclass
class Row:
    """What one outline row holds. ``content`` is the structured content of
    an embedded block or of a subsection that is not free content."""

    kind: str
    text: str = ""
    inline: bool = False
    content: object = None
    children: list[Row] = field(default_factory=list)


def rows_of(blocks: list) -> list[Row]:
    rows = []
    for block in blocks:
        if isinstance(block, c.Paragraph):
            rows.append(Row("paragraph", block.text))
        elif isinstance(block, c.Item):
            rows.append(Row("item2" if block.level >= 2 else "item1", block.text))
        elif isinstance(block, c.Numbered):
            rows.append(Row("numbered", block.text))
        elif isinstance(block, c.Display):
            rows.append(Row("display", "\n".join(block.lines)))
        elif isinstance(block, c.Subsection):
            if isinstance(block.content, c.FreeContent):
                rows.append(Row("subsection", block.heading, block.inline, None, rows_of(block.content.blocks)))
            else:
                rows.append(Row("subsection", block.heading, block.inline, copy.deepcopy(block.content)))
        elif isinstance(block, c.Embedded):
            rows.append(Row("embedded", content=copy.deepcopy(block.content)))
    return rows


def block_of(row: Row, children: list) -> object | None:
    text = nfc(row.text).strip()
    if row.kind == "paragraph":
        return c.Paragraph(text) if text else None
    if row.kind in ("item1", "item2"):
        return c.Item(text, 2 if row.kind == "item2" else 1) if text else None
    if row.kind == "numbered":
        return c.Numbered(text) if text else None
    if row.kind == "display":
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        return c.Display(lines) if lines else None
    if row.kind == "subsection":
        content = copy.deepcopy(row.content) if row.content is not None else c.FreeContent(children)
        return c.Subsection(" ".join(text.split()), content, row.inline)
    return c.Embedded(copy.deepcopy(row.content))


@editor_of("free")
class OutlineEditor(ContentEditor):
    def __init__(self, parent=None):
        super().__init__(parent)
        splitter, top, top_layout = split_panes(self, Qt.Orientation.Vertical)
        self.tree = QTreeWidget(top)
        self.tree.setHeaderLabels([self.tr("Số"), self.tr("Nội dung")])
        self.tree.header().setSectionResizeMode(COL_MARK, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setSectionResizeMode(COL_TEXT, QHeaderView.ResizeMode.Stretch)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        top_layout.addWidget(self.tree, 1)
        buttons, (self.remove_button, self.indent_button, self.outdent_button, self.up_button,
                  self.down_button) = button_row(top, (
                      ("Xoá", self.remove_current, ""), ("Thụt vào →", self.indent, "Ctrl+]"),
                      ("← Lùi ra", self.outdent, "Ctrl+["), ("Lên", lambda: self.move(-1), "Alt+Up"),
                      ("Xuống", lambda: self.move(1), "Alt+Down")))
        # a push button with a menu keeps room for the menu's arrow (a tool button drew it over the "…")
        self.add_button = QPushButton(self.tr("Thêm…"), top)
        menu = QMenu(self.add_button)
        self.add_actions = {}
        for kind, label in ADD_LABELS.items():
            action = menu.addAction(self.tr(label))
            action.triggered.connect(lambda _=False, k=kind: self.add_row(k))
            self.add_actions[kind] = action
        self.add_button.setMenu(menu)
        buttons.insertWidget(0, self.add_button)
        top_layout.addLayout(buttons)

        self.detail = QWidget(splitter)
        detail_layout = QVBoxLayout(self.detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        kind_row = FlowLayout()  # wraps in a narrow pane
        self.kind_label = QLabel(self.tr("Kiểu dòng:"), self.detail)
        self.kind = QComboBox(self.detail)
        for kind, label in LEAF_LABELS.items():
            self.kind.addItem(self.tr(label), kind)
        self.inline = QCheckBox(self.tr("Viết dòng đầu của nội dung ngay sau tiêu đề"), self.detail)
        kind_row.addWidget(self.kind_label)
        kind_row.addWidget(self.kind)
        kind_row.addWidget(self.inline)
        detail_layout.addLayout(kind_row)
        self.text = QPlainTextEdit(self.detail)
        detail_layout.addWidget(self.text, 1)
        self.structured_holder = QVBoxLayout()
        detail_layout.addLayout(self.structured_holder, 3)
        self.structured: ContentEditor | None = None
        self.profile = "doan"  # the plan's profile, for the embedded editors (set_profile)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)

        self._showing = False
        self.tree.currentItemChanged.connect(self._show)
        self.text.textChanged.connect(self._on_text)
        self.kind.currentIndexChanged.connect(self._on_kind)
        self.inline.toggled.connect(self._on_inline)

    # ------------------------------------------------------------- loading
    def fill(self, content: c.FreeContent) -> None:
        self.tree.clear()
        for row in rows_of(content.blocks):
            self.tree.addTopLevelItem(self._item(row))
        self.tree.expandAll()
        self._renumber()
        if self.tree.topLevelItemCount():
            self.tree.setCurrentItem(self.tree.topLevelItem(0))
        self._show(self.tree.currentItem())

    def _item(self, row: Row) -> QTreeWidgetItem:
        item = QTreeWidgetItem(["", ""])
        item.setData(0, ROW_ROLE, row)
        for child in row.children:
            item.addChild(self._item(child))
        row.children = []  # from now on the tree holds the children
        self._label(item)
        return item

    @staticmethod
    def row(item: QTreeWidgetItem) -> Row:
        return item.data(0, ROW_ROLE)

    def _label(self, item: QTreeWidgetItem) -> None:
        row = self.row(item)
        if row.kind == "embedded":
            text = self.tr(kind_label(row.content.kind))
        else:
            text = " ".join(row.text.split())
        item.setText(COL_TEXT, text or self.tr("(trống)"))
        item.setToolTip(COL_TEXT, row.text)

    def _renumber(self, parent: QTreeWidgetItem | None = None, prefix: str = "") -> None:
        """The numbers the document will show (1., 1.1.), never typed."""
        count = 0
        for item in self._children(parent):
            row = self.row(item)
            if row.kind in ("subsection", "numbered"):
                count += 1
                number = f"{prefix}{count}."
                item.setText(COL_MARK, number)
                if row.kind == "subsection":
                    self._renumber(item, number)
            else:
                item.setText(COL_MARK, MARKS[row.kind])

    def _children(self, parent: QTreeWidgetItem | None) -> list[QTreeWidgetItem]:
        if parent is None:
            return [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]
        return [parent.child(i) for i in range(parent.childCount())]

    # ---------------------------------------------------------- the detail
    def _show(self, item, _previous=None) -> None:
        self._showing = True
        try:
            row = self.row(item) if item is not None else None
            self.detail.setEnabled(row is not None)
            leaf = row is not None and row.kind in LEAF_LABELS
            self.kind.setVisible(leaf)
            self.kind_label.setVisible(leaf)
            if leaf:
                self.kind.setCurrentIndex(self.kind.findData(row.kind))
            self.inline.setVisible(row is not None and row.kind == "subsection")
            self.inline.setChecked(bool(row and row.inline))
            self.text.setVisible(row is None or row.kind != "embedded")
            self.text.setPlainText(row.text if row is not None else "")
            self.text.setPlaceholderText(self.tr("Tiêu đề tiểu mục") if row is not None and row.kind == "subsection"
                                         else self.tr("Nội dung của dòng"))
            self._show_structured(row.content if row is not None else None)
        finally:
            self._showing = False

    def set_profile(self, profile_id: str) -> None:
        self.profile = profile_id
        if self.structured is not None:
            self.structured.set_profile(profile_id)

    def _show_structured(self, content) -> None:
        if self.structured is not None:
            self.structured.setParent(None)
            self.structured.deleteLater()
            self.structured = None
        if content is None:
            return
        self.structured = editor_for(content.kind, self.detail)
        self.structured.set_profile(self.profile)
        self.structured.load(content)
        self.structured.changed.connect(self._on_structured)
        self.structured_holder.addWidget(self.structured)

    def _current(self) -> tuple[QTreeWidgetItem, Row] | tuple[None, None]:
        item = self.tree.currentItem()
        return (item, self.row(item)) if item is not None else (None, None)

    def _on_text(self) -> None:
        item, row = self._current()
        if self._showing or row is None:
            return
        row.text = nfc(self.text.toPlainText())
        self._label(item)
        self._edited()

    def _on_kind(self) -> None:
        item, row = self._current()
        if self._showing or row is None or row.kind not in LEAF_LABELS:
            return
        row.kind = self.kind.currentData()
        self._renumber()
        self._edited()

    def _on_inline(self, checked: bool) -> None:
        _item, row = self._current()
        if self._showing or row is None:
            return
        row.inline = checked
        self._edited()

    def _on_structured(self) -> None:
        _item, row = self._current()
        if row is not None and self.structured is not None:
            row.content = self.structured.content()
            self._edited()

    # ------------------------------------------------------------ actions
    def add_row(self, kind: str) -> QTreeWidgetItem:
        """At the level the clerk is writing at, right after the current row.
        A new subsection goes after the subsection holding the current row
        (adding "Yêu cầu" while writing the lines of "1. Mục đích" gives
        "2.", not "1.1."; Ctrl+] puts it inside the one above); another row
        on a subsection's heading is the subsection's first line, anywhere
        else it follows the current row at its level."""
        item = self._item(Row(kind))
        current, row = self._current()
        if current is None:
            self.tree.addTopLevelItem(item)
        elif kind == "subsection":
            after = current if row.kind == "subsection" or current.parent() is None else current.parent()
            self._insert(after.parent(), self._index(after) + 1, item)
        elif row.kind == "subsection" and row.content is None:
            current.insertChild(0, item)
            current.setExpanded(True)
        else:
            self._insert(current.parent(), self._index(current) + 1, item)
        self._structure_changed(item)
        self.text.setFocus()
        return item

    def remove_current(self) -> None:
        current, _row = self._current()
        if current is not None:
            self._take(current)
            self._structure_changed(self.tree.currentItem())

    def move(self, delta: int) -> None:
        current, _row = self._current()
        if current is None:
            return
        parent, index = current.parent(), self._index(current)
        if not 0 <= index + delta < len(self._children(parent)):
            return
        self._take(current)
        self._insert(parent, index + delta, current)
        self._structure_changed(current)

    def indent(self) -> None:
        """"-" becomes "+", a paragraph "-"; a subsection goes into the one above it."""
        current, row = self._current()
        if current is None:
            return
        if row.kind in LEVELS[:-1]:
            row.kind = LEVELS[LEVELS.index(row.kind) + 1]
        elif row.kind == "subsection":
            index = self._index(current)
            above = self._children(current.parent())[index - 1] if index > 0 else None
            if above is None or self.row(above).kind != "subsection" or self.row(above).content is not None:
                return
            self._take(current)
            above.addChild(current)
            above.setExpanded(True)
        else:
            return
        self._structure_changed(current)

    def outdent(self) -> None:
        """"+" becomes "-", "-" a paragraph; anything else leaves its subsection."""
        current, row = self._current()
        if current is None:
            return
        if row.kind in LEVELS[1:]:
            row.kind = LEVELS[LEVELS.index(row.kind) - 1]
        elif current.parent() is not None:
            parent = current.parent()
            self._take(current)
            self._insert(parent.parent(), self._index(parent) + 1, current)
        else:
            return
        self._structure_changed(current)

    # ------------------------------------------------------------- helpers
    def _index(self, item: QTreeWidgetItem) -> int:
        parent = item.parent()
        return parent.indexOfChild(item) if parent else self.tree.indexOfTopLevelItem(item)

    def _take(self, item: QTreeWidgetItem) -> None:
        parent = item.parent()
        if parent is not None:
            parent.takeChild(parent.indexOfChild(item))
        else:
            self.tree.takeTopLevelItem(self.tree.indexOfTopLevelItem(item))

    def _insert(self, parent: QTreeWidgetItem | None, index: int, item: QTreeWidgetItem) -> None:
        if parent is not None:
            parent.insertChild(index, item)
        else:
            self.tree.insertTopLevelItem(index, item)
        item.setExpanded(True)

    def _structure_changed(self, current: QTreeWidgetItem | None) -> None:
        self._renumber()
        if current is not None:
            self.tree.setCurrentItem(current)
        self._show(self.tree.currentItem())
        self._edited()

    def blocks(self, parent: QTreeWidgetItem | None = None) -> list:
        out = []
        for item in self._children(parent):
            row = self.row(item)
            block = block_of(row, self.blocks(item) if row.kind == "subsection" else [])
            if block is not None:
                out.append(block)
        return out

    def content(self) -> c.FreeContent:
        free = copy.deepcopy(self._original) if isinstance(self._original, c.FreeContent) else c.FreeContent()
        free.blocks = self.blocks()
        return free
