"""The one way the window asks for a file to read or a place to write: both
start in the clerk's Documents folder, and a name typed without its
extension gets it (appended, so "Danh sách 12.2024" becomes
"Danh sách 12.2024.xlsx", never "Danh sách 12.xlsx")."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget


def documents_folder() -> Path:
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation))


def with_suffix(path: str, suffix: str) -> Path:
    """The path with ``suffix`` (".xlsx") added unless it already ends with it."""
    return Path(path if path.lower().endswith(suffix.lower()) else path + suffix)


def ask_save_path(parent: QWidget, caption: str, name: str, file_filter: str, suffix: str) -> Path | None:
    """Where to write, the dialog opened on ``name`` in Documents (it asks
    about overwriting); None when cancelled."""
    path, _ = QFileDialog.getSaveFileName(parent, caption, str(documents_folder() / name), file_filter)
    return with_suffix(path, suffix) if path else None


def ask_open_path(parent: QWidget, caption: str, file_filter: str) -> Path | None:
    """Which file to read, from Documents; None when cancelled."""
    path, _ = QFileDialog.getOpenFileName(parent, caption, str(documents_folder()), file_filter)
    return Path(path) if path else None
