"""The one way the window asks for a file to read or a place to write: both
start in the clerk's Documents folder, and a name typed without its
extension gets it (appended, so "Danh sách 12.2024" becomes
"Danh sách 12.2024.xlsx", never "Danh sách 12.xlsx").

They speak Vietnamese everywhere: Windows' own dialog follows the language of
Windows; elsewhere the system's dialog follows the desktop's language (often
English), so unless that is Vietnamese the window uses Qt's own dialog,
which qt_vi.py translates."""
from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QLocale, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget


def documents_folder() -> Path:
    """The clerk's Documents folder; the home folder when there is none (Qt's
    dialog would open the parent folder with "Documents" typed as the name)."""
    documents = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation))
    return documents if documents.is_dir() else Path.home()


def dialog_options() -> QFileDialog.Option:
    """The system's own dialog on Windows and on a Vietnamese desktop; Qt's
    (translated) dialog on any other."""
    if sys.platform == "win32" or QLocale.system().language() == QLocale.Language.Vietnamese:
        return QFileDialog.Option(0)
    return QFileDialog.Option.DontUseNativeDialog


def with_suffix(path: str, suffix: str) -> Path:
    """The path with ``suffix`` (".xlsx") added unless it already ends with it."""
    return Path(path if path.lower().endswith(suffix.lower()) else path + suffix)


def ask_save_path(parent: QWidget, caption: str, name: str, file_filter: str, suffix: str) -> Path | None:
    """Where to write, the dialog opened on ``name`` in Documents (it asks
    about overwriting); None when cancelled."""
    path, _ = QFileDialog.getSaveFileName(parent, caption, str(documents_folder() / name), file_filter, "",
                                          dialog_options())
    return with_suffix(path, suffix) if path else None


def ask_open_path(parent: QWidget, caption: str, file_filter: str) -> Path | None:
    """Which file to read, from Documents; None when cancelled."""
    path, _ = QFileDialog.getOpenFileName(parent, caption, str(documents_folder()), file_filter, "",
                                          dialog_options())
    return Path(path) if path else None
