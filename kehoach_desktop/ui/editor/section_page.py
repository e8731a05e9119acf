"""A page for one section: its heading, its content editor, and moving or
removing it. Its number (I., II.) is never typed: the editor's list of
pages shows the one the order gives."""
from __future__ import annotations

import itertools

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout

from ...core.model import Plan, Section
from ..flow_layout import flow_row
from .base import EditorPage, text_of
from .content import KIND_LABELS, editor_for

_ids = itertools.count(1)


class SectionPage(EditorPage):
    move_requested = Signal(object, int)  # page, -1 or +1
    remove_requested = Signal(object)
    heading_changed = Signal(object)

    def __init__(self, section: Section, parent=None):
        super().__init__(parent)
        self.page_id = f"section-{next(_ids)}"
        self.kind = section.content.kind
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.heading = QLineEdit(self)
        form.addRow(self.tr("Tên mục:"), self.heading)
        form.addRow(self.tr("Loại nội dung:"), QLabel(self.tr(KIND_LABELS.get(self.kind, self.kind)), self))
        layout.addLayout(form)
        self.editor = editor_for(self.kind, self)
        layout.addWidget(self.editor, 1)
        self.up_button = QPushButton(self.tr("▲ Chuyển lên trước"), self)
        self.down_button = QPushButton(self.tr("▼ Chuyển xuống sau"), self)
        self.remove_button = QPushButton(self.tr("Xoá mục này…"), self)
        self.up_button.clicked.connect(lambda: self.move_requested.emit(self, -1))
        self.down_button.clicked.connect(lambda: self.move_requested.emit(self, 1))
        self.remove_button.clicked.connect(lambda: self.remove_requested.emit(self))
        layout.addWidget(flow_row(self, self.up_button, self.down_button, self.remove_button))
        self.heading.textEdited.connect(lambda _text: self.heading_changed.emit(self))
        self.watch(self.heading)
        self.editor.changed.connect(self._on_edit)
        self._loading = True
        try:
            self.heading.setText(section.heading)
            self.editor.load(section.content)
        finally:
            self._loading = False

    def fill(self, plan: Plan) -> None:
        """Section pages are built from their section, not from the plan."""

    def save(self, plan: Plan) -> None:
        """The editor collects sections in tab order (see PlanEditor.current_plan)."""

    def section(self) -> Section:
        return Section(text_of(self.heading), self.editor.content())
