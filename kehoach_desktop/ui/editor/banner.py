"""A coloured strip above the editor: a sentence and one button beside it
(the issued plan's and the failed save's strips)."""
from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton


class Banner(QFrame):
    def __init__(self, background: str, button_text: str, parent=None):
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(f"{type(self).__name__} {{ background: {background}; }}")
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.button = QPushButton(button_text, self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button)
        self.hide()
