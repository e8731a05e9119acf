"""The last line of defence: unexpected errors are logged and shown, not lost."""
from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QThread
from PySide6.QtWidgets import QApplication, QMessageBox

from ..crash_log import log_exception

_showing_dialog = False


def tr(text: str) -> str:
    return QCoreApplication.translate("ExceptionHook", text)


def _on_gui_thread() -> bool:
    app = QApplication.instance()
    return app is not None and QThread.currentThread() is app.thread()


def show_error_dialog(exc, log_path: Path | None) -> None:
    where = (tr("Chi tiết đã được ghi vào tệp:\n{path}").format(path=log_path) if log_path
             else tr("Không ghi được tệp nhật ký lỗi."))
    QMessageBox.critical(
        QApplication.activeWindow(), tr("Lỗi không mong đợi"),
        tr("Chương trình gặp lỗi không mong đợi:\n{error}\n\n{where}\n\n"
           "Các kế hoạch đã lưu không bị ảnh hưởng.").format(error=exc or type(exc).__name__, where=where))


def excepthook(exc_type, exc, tb) -> None:
    global _showing_dialog
    if issubclass(exc_type, KeyboardInterrupt):
        if sys.stderr is not None:
            sys.__excepthook__(exc_type, exc, tb)
        return
    log_path = log_exception(exc_type, exc, tb, origin="window")  # first: it takes SQL and plan text out
    if sys.stderr is not None:  # None in a windowed (frozen) build
        sys.__excepthook__(exc_type, exc, tb)
    # One dialog at a time: an error raised while it is open is only logged.
    if _showing_dialog or not _on_gui_thread():
        return
    _showing_dialog = True
    try:
        show_error_dialog(exc, log_path)
    finally:
        _showing_dialog = False


def install_exception_hook() -> None:
    sys.excepthook = excepthook
