"""A page for one section: its heading, its content editor, and moving or
removing it. Its number (I., II.) is never typed: the editor's list of
pages shows the one the order gives.

The content editor (tables, trees, outlines: most of a page's widgets) is
built when the page is first shown or its editor first asked for, not with
the page: the list shows one page at a time, and a plan of eight sections
opens with none of them built (docs/benchmarks.md, start-up). Until then
the section's content is the one loaded, unchanged."""
from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout

from ...core.model import Plan, Section
from ..flow_layout import flow_row
from .base import EditorPage, text_of
from .content import editor_for, kind_label

if TYPE_CHECKING:
    from .content.base import ContentEditor

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
        form.addRow(self.tr("Loại nội dung:"), QLabel(self.tr(kind_label(self.kind)), self))
        layout.addLayout(form)
        self._layout = layout
        self._content = section.content
        self._editor: ContentEditor | None = None
        self.up_button = QPushButton(self.tr("▲ Chuyển lên trước"), self)
        self.down_button = QPushButton(self.tr("▼ Chuyển xuống sau"), self)
        self.remove_button = QPushButton(self.tr("Xoá mục này…"), self)
        self.up_button.clicked.connect(lambda: self.move_requested.emit(self, -1))
        self.down_button.clicked.connect(lambda: self.move_requested.emit(self, 1))
        self.remove_button.clicked.connect(lambda: self.remove_requested.emit(self))
        layout.addWidget(flow_row(self, self.up_button, self.down_button, self.remove_button))
        self.heading.textEdited.connect(lambda _text: self.heading_changed.emit(self))
        self.watch(self.heading)
        self._loading = True
        try:
            self.heading.setText(section.heading)
        finally:
            self._loading = False

    @property
    def editor(self) -> ContentEditor:
        """The content editor, built and loaded on first use."""
        if self._editor is None:
            editor = editor_for(self.kind, self)
            self._layout.insertWidget(1, editor, 1)  # under the heading's form, above the buttons
            self._loading = True
            try:
                editor.load(self._content)
            finally:
                self._loading = False
            editor.changed.connect(self._on_edit)
            self._editor = editor
            if self.isVisible():
                editor.show()  # now, not when the layout's queued show comes
        return self._editor

    def prepare_to_show(self) -> None:
        """Called by the page list before it shows this page."""
        self.editor  # noqa: B018 - the property builds it

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        self.prepare_to_show()  # shown some other way: still built before its first paint
        super().showEvent(event)

    def fill(self, plan: Plan) -> None:
        """Section pages are built from their section, not from the plan."""

    def save(self, plan: Plan) -> None:
        """The editor collects sections in tab order (see PlanEditor.current_plan)."""

    def section(self) -> Section:
        content = self._editor.content() if self._editor is not None else self._content
        return Section(text_of(self.heading), content)
