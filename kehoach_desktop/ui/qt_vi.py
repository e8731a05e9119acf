"""Vietnamese for the few strings Qt itself puts on screen.

Qt ships no Vietnamese translation of its own widgets, so the context menus
of text fields and the buttons of message boxes would read "Copy", "Cancel".
This translator answers those from a table and leaves everything else to the
translators installed after it (the program's own .qm files, later).
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTranslator

_EDIT_MENU = {
    "&Undo": "&Hoàn tác",
    "&Redo": "&Làm lại",
    "Cu&t": "Cắ&t",
    "&Copy": "&Sao chép",
    "&Paste": "&Dán",
    "Delete": "Xoá",
    "Select All": "Chọn tất cả",
    "Copy &Link Location": "Sao chép địa chỉ &liên kết",
}
_BUTTONS = {
    "OK": "OK",
    "Cancel": "Huỷ",
    "Close": "Đóng",
    "&Yes": "&Có",
    "&No": "&Không",
    "Yes to &All": "Có với &tất cả",
    "N&o to All": "K&hông với tất cả",
    "Save": "Lưu",
    "Save All": "Lưu tất cả",
    "Don't Save": "Không lưu",
    "Discard": "Bỏ",
    "Apply": "Áp dụng",
    "Reset": "Đặt lại",
    "Restore Defaults": "Khôi phục mặc định",
    "Open": "Mở",
    "Retry": "Thử lại",
    "Ignore": "Bỏ qua",
    "Abort": "Dừng",
    "Help": "Trợ giúp",
}
TABLE: dict[tuple[str, str], str] = {
    **{("QLineEdit", en): vi for en, vi in _EDIT_MENU.items()},
    **{("QWidgetTextControl", en): vi for en, vi in _EDIT_MENU.items()},
    **{("QPlatformTheme", en): vi for en, vi in _BUTTONS.items()},
    ("QMessageBox", "Show Details..."): "Xem chi tiết…",
    ("QMessageBox", "Hide Details..."): "Ẩn chi tiết…",
}


class QtVietnameseTranslator(QTranslator):
    def translate(self, context, source_text, disambiguation=None, n=-1):  # noqa: ARG002 - Qt API
        return TABLE.get((context, source_text))

    def isEmpty(self) -> bool:  # noqa: N802 - Qt API
        return False


def install(app: QCoreApplication) -> QtVietnameseTranslator:
    """Install the translator once per application; returns it."""
    existing = app.findChild(QtVietnameseTranslator)
    if existing is not None:
        return existing
    translator = QtVietnameseTranslator(app)
    app.installTranslator(translator)
    return translator
