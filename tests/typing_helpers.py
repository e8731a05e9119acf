"""Typing into widgets like a clerk, Vietnamese letters included."""
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication


def type_text(widget, text):
    """One key event per character, "\\n" as Enter (QTest.keyClicks only
    knows ASCII)."""
    widget.setFocus()
    for ch in text:
        if ch == "\n":
            event = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, "\r")
        else:
            event = QKeyEvent(QEvent.Type.KeyPress, 0, Qt.KeyboardModifier.NoModifier, ch)
        QApplication.sendEvent(widget, event)
