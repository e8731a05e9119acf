"""The last line of defence: unexpected errors are logged and shown, not lost."""
from __future__ import annotations

import sys
import traceback
from datetime import datetime

from PySide6.QtWidgets import QApplication, QMessageBox

from ..paths import logs_dir


def log_exception(exc_type, exc, tb) -> str:
    """Append the traceback to the log file; returns the log's path."""
    folder = logs_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "kehoach-loi.log"
    with path.open("a", encoding="utf-8") as handle:
        handle.write(f"\n=== {datetime.now().isoformat(timespec='seconds')} ===\n")
        handle.write("".join(traceback.format_exception(exc_type, exc, tb)))
    return str(path)


def _hook(exc_type, exc, tb) -> None:
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    try:
        path = log_exception(exc_type, exc, tb)
    except OSError:
        path = "(không ghi được tệp nhật ký)"
    if QApplication.instance() is not None:
        QMessageBox.critical(None, "Lỗi không mong đợi",
                             f"Chương trình gặp lỗi không mong đợi:\n{exc}\n\n"
                             f"Chi tiết đã được ghi vào {path}. Công việc đã lưu không bị mất.")


def install_exception_hook() -> None:
    sys.excepthook = _hook
