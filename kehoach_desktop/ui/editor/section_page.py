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

from ...core.content import Content
from ...core.model import Appendix, Plan, Section
from ..flow_layout import flow_row
from .base import EditorPage, text_of
from .content import editor_for, kind_label

if TYPE_CHECKING:
    from .content.base import ContentEditor

_ids = itertools.count(1)


class SectionPage(EditorPage):
    """A section of the body: its heading and its content."""

    move_requested = Signal(object, int)  # page, -1 or +1
    remove_requested = Signal(object)
    heading_changed = Signal(object)
    heading_label = "Tên mục:"
    remove_label = "Xoá mục này…"

    def __init__(self, section: Section, parent=None):
        super().__init__(parent)
        self.page_id = f"section-{next(_ids)}"
        self.kind = section.content.kind
        layout = QVBoxLayout(self)
        form = self.form = QFormLayout()
        self.heading = QLineEdit(self)
        form.addRow(self.tr(self.heading_label), self.heading)
        form.addRow(self.tr("Loại nội dung:"), QLabel(self.tr(kind_label(self.kind)), self))
        layout.addLayout(form)
        self._layout = layout
        self._content = section.content
        self._editor: ContentEditor | None = None
        self._profile = "doan"  # the plan's profile, passed on to the content editor (set_profile)
        self.up_button = QPushButton(self.tr("▲ Chuyển lên trước"), self)
        self.down_button = QPushButton(self.tr("▼ Chuyển xuống sau"), self)
        self.remove_button = QPushButton(self.tr(self.remove_label), self)
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
            editor.set_profile(self._profile)
            editor.changed.connect(self._on_edit)
            self._editor = editor
            if self.isVisible():
                editor.show()  # now, not when the layout's queued show comes
        return self._editor

    def set_profile(self, profile_id: str) -> None:
        """The plan's profile, for the content editor (now or when it is built)."""
        self._profile = profile_id
        if self._editor is not None:
            self._editor.set_profile(profile_id)

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

    def content(self) -> Content:
        return self._editor.content() if self._editor is not None else self._content

    def section(self) -> Section:
        return Section(text_of(self.heading), self.content())


class AppendixPage(SectionPage):
    """An appendix ("PHỤ LỤC"), after the signature: its title and its
    content; the number and the "Kèm theo" line are generated."""

    heading_label = "Tên phụ lục:"
    remove_label = "Xoá phụ lục này…"

    def __init__(self, appendix: Appendix, parent=None):
        super().__init__(Section(appendix.title, appendix.content), parent)
        self.page_id = f"appendix-{next(_ids)}"
        self.heading.setPlaceholderText(self.tr("Ví dụ: Danh sách đơn vị tham gia"))
        self.attached = QLineEdit(self)
        self.attached.setPlaceholderText(self.tr("Để trống: chương trình tự ghi “(Kèm theo Kế hoạch số … ngày … của …)”"))
        self.attached.setToolTip(self.tr("Chỉ gõ khi muốn ghi khác dòng chương trình tự tạo từ số, ngày và cơ quan "
                                         "ban hành của kế hoạch."))
        self.form.addRow(self.tr("Dòng kèm theo:"), self.attached)
        self.watch(self.attached)
        self._loading = True
        try:
            self.attached.setText(appendix.attached)
        finally:
            self._loading = False

    def appendix(self) -> Appendix:
        return Appendix(text_of(self.heading), self.content(), text_of(self.attached))
