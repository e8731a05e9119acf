"""Answering the window's dialogs like a clerk, for real: the dialogs are
shown by their own exec() (nothing patched), and a timer answers whichever
is in front. A file dialog gets the file name typed, the progress dialog
Huỷ (when asked to), a message box Yes or Escape (No, Cancel), any other
dialog what the test's handler does or Escape."""
from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QMessageBox, QProgressDialog, QPushButton, QWidget


class Clerk:
    """Answers the modal dialogs from a timer until ``stop()``.

    ``file``: typed into file dialogs. ``cancel``: press Huỷ on the progress
    dialog. ``button``: the text of the message box button to click, else
    ``yes``: answer message boxes Yes, else Escape. ``handlers``:
    {dialog class: function(dialog)} for the other dialogs, each used once,
    in front of Escape. What it saw: ``messages`` (each message box's text),
    ``boxes`` (each message box's title and text), ``suggested`` (each file
    dialog's title, the file name it offered and its folder), ``shown``
    (class names), ``ticks`` (the timer ran that often: the event loop was
    running), ``progress_seen_at``/``cancelled_at`` (monotonic)."""

    def __init__(self, file: Path | None = None, *, cancel: bool = False, yes: bool = False,
                 button: str | None = None, handlers: dict[type, Callable[[QWidget], None]] | None = None):
        self.file, self.cancel, self.yes, self.button = file, cancel, yes, button
        self.handlers = dict(handlers or {})
        self.ticks = 0
        self.progress_seen_at: float | None = None
        self.cancelled_at: float | None = None
        self.label = ""
        self.messages: list[str] = []
        self.boxes: list[tuple[str, str]] = []
        self.suggested: list[tuple[str, str, str]] = []
        self.shown: list[str] = []
        self.timer = QTimer()
        self.timer.setInterval(50)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    def __enter__(self) -> Clerk:
        return self

    def __exit__(self, *_exc) -> None:
        self.stop()

    def _tick(self) -> None:
        self.ticks += 1
        modal = QApplication.activeModalWidget()
        if modal is None:
            return
        if isinstance(modal, QProgressDialog):
            if self.progress_seen_at is None:
                self.progress_seen_at = time.monotonic()
                self.label = modal.labelText()
                self.shown.append(type(modal).__name__)
            if self.cancel and self.cancelled_at is None:
                self.cancelled_at = time.monotonic()
                QTest.mouseClick(modal.findChild(QPushButton), Qt.MouseButton.LeftButton)
            return
        self.shown.append(type(modal).__name__)
        if isinstance(modal, QFileDialog):
            name_edit = modal.findChild(QLineEdit, "fileNameEdit")
            self.suggested.append((modal.windowTitle(), name_edit.text(), modal.directory().absolutePath()))
        if isinstance(modal, QFileDialog) and self.file is not None:
            # Typed, as a clerk would: selectFile() waits for the folder to be listed.
            name_edit.setText(str(self.file))
            modal.accept()
        elif isinstance(modal, QMessageBox):
            self.messages.append(f"{modal.text()}\n{modal.informativeText()}")
            self.boxes.append((modal.windowTitle(), modal.text()))
            yes = modal.button(QMessageBox.StandardButton.Yes)
            named = [b for b in modal.buttons() if b.text() == self.button]
            if named:
                named[0].click()
            elif self.yes and yes is not None:
                yes.click()
            else:
                QTest.keyClick(modal, Qt.Key.Key_Escape)
        else:
            handler = next((self.handlers.pop(kind) for kind in list(self.handlers) if isinstance(modal, kind)), None)
            if handler is not None:
                # Later, not in this tick: a dialog the handler opens would block
                # the timer, which does not fire again while its slot runs.
                QTimer.singleShot(0, lambda: handler(modal))
            else:
                QTest.keyClick(modal, Qt.Key.Key_Escape)

    def stop(self) -> None:
        self.timer.stop()
