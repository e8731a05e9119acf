"""The contract of a content editor: load(content), content(), changed."""
from __future__ import annotations

import copy

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from ....core.content import Content
from ....core.layout import body_lines
from ....core.model import Plan, Section


class ContentEditor(QWidget):
    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._loading = False
        self._original: Content | None = None

    def load(self, content: Content) -> None:
        self._original = copy.deepcopy(content)
        self._loading = True
        try:
            self.fill(content)
        finally:
            self._loading = False

    def fill(self, content: Content) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def content(self) -> Content:  # pragma: no cover - overridden
        raise NotImplementedError

    def _edited(self, *_args) -> None:
        if not self._loading:
            self.changed.emit()


class ReadOnlyContent(ContentEditor):
    """For kinds whose editor is not written yet: shows the section as it will
    print and keeps it exactly as loaded."""

    def __init__(self, parent=None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        note = QLabel(self.tr("Loại nội dung này chưa sửa được trong cửa sổ (sẽ có ở phiên bản sau); "
                              "nội dung được giữ nguyên như đã nhập."), self)
        note.setWordWrap(True)
        self.view = QPlainTextEdit(self)
        self.view.setReadOnly(True)
        layout.addWidget(note)
        layout.addWidget(self.view)

    def fill(self, content: Content) -> None:
        lines = body_lines(Plan(sections=[Section("", content)]), end_mark=False)[1:]
        self.view.setPlainText("\n".join(line.plain() for line in lines))

    def content(self) -> Content:
        return copy.deepcopy(self._original)
