"""Vietnamese for the strings Qt itself puts on screen.

Qt ships no Vietnamese translation of its own widgets, so the context menus
of text fields, the buttons of message boxes, the print dialogs and Qt's own
file dialog would read "Copy", "Cancel", "Next page", "Look in".
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
# The print preview, print and page set-up dialogs are drawn by Qt on every
# system (Windows' own print dialog is used only by QPrintDialog there).
_PRINT_PREVIEW = {
    "Next page": "Trang sau", "Previous page": "Trang trước", "First page": "Trang đầu",
    "Last page": "Trang cuối", "Fit width": "Vừa chiều ngang", "Fit page": "Vừa trang",
    "Zoom in": "Phóng to", "Zoom out": "Thu nhỏ", "Portrait": "Khổ dọc", "Landscape": "Khổ ngang",
    "Show single page": "Từng trang", "Show facing pages": "Hai trang đối diện",
    "Show overview of all pages": "Xem tất cả các trang", "Print": "In", "Page setup": "Thiết lập trang",
    "Page Setup": "Thiết lập trang", "Print Preview": "Xem trước khi in",
}
_PRINT_DIALOG = {
    "&Options >>": "&Tuỳ chọn >>", "&Options <<": "&Tuỳ chọn <<", "&Print": "&In", "Print": "In",
    "All Pages": "Mọi trang", "Odd Pages": "Trang lẻ", "Even Pages": "Trang chẵn", "Local file": "Tệp trên máy",
    "Print to File (PDF)": "In ra tệp (PDF)", "Write PDF file": "Ghi tệp PDF",
}
_PRINT_SETTINGS = {
    "Collate": "Sắp theo bộ", "Color": "Màu", "Color Mode": "Chế độ màu", "Copies": "Số bản",
    "Copies:": "Số bản:", "Current Page": "Trang hiện tại", "Double Sided Printing": "In hai mặt",
    "Grayscale": "Đen trắng", "Long side binding": "Lật theo cạnh dài", "Off": "Tắt", "Options": "Tuỳ chọn",
    "Output Settings": "Thiết lập bản in", "Page &Set:": "&Nhóm trang:", "Pages": "Trang",
    "Pages from": "Từ trang", "Print all": "In tất cả", "Print range": "Phạm vi in", "Reverse": "In ngược",
    "Selection": "Phần đã chọn", "Short side binding": "Lật theo cạnh ngắn", "to": "đến",
}
_PRINT_WIDGET = {
    "&Name:": "&Tên:", "Location:": "Vị trí:", "Output &file:": "&Tệp kết quả:", "P&roperties": "Thuộc tính",
    "Preview": "Xem trước", "Printer": "Máy in", "Type:": "Loại:",
}
_PAGE_SETUP = {
    "Custom": "Tuỳ chỉnh", "Height:": "Cao:", "Width:": "Rộng:", "Landscape": "Khổ ngang", "Portrait": "Khổ dọc",
    "Reverse landscape": "Ngang ngược", "Reverse portrait": "Dọc ngược", "Margins": "Lề",
    "Orientation": "Hướng giấy", "Page Layout": "Bố cục trang", "Page size:": "Khổ giấy:", "Paper": "Giấy",
    "Paper source:": "Khay giấy:", "Pages &per sheet:": "Số trang &mỗi tờ:", "Page &order:": "&Thứ tự trang:",
    "Millimeters (mm)": "Mi-li-mét (mm)", "Inches (in)": "In-sơ (in)", "Points (pt)": "Điểm (pt)",
    "top margin": "lề trên", "bottom margin": "lề dưới", "left margin": "lề trái", "right margin": "lề phải",
}
# Qt's own file dialog (ui/file_dialogs.py uses it wherever the system's
# dialog would not speak Vietnamese), its list of files and the type names
# of that list. Keyboard shortcuts ("Alt+Left") stay as they are.
_FILE_DIALOG = {
    "&Look in:": "&Tìm trong:", "File &name:": "&Tên tệp:", "Files of &type:": "&Loại tệp:",
    "Directory:": "Thư mục:", "&Open": "&Mở", "&Save": "&Lưu", "&Choose": "&Chọn", "Open": "Mở",
    "Save As": "Lưu thành", "Find Directory": "Chọn thư mục",
    "Back": "Quay lại", "Go back": "Quay lại thư mục trước", "Forward": "Tiếp", "Go forward": "Tới thư mục sau",
    "Parent Directory": "Thư mục cha", "Go to the parent directory": "Lên thư mục cha",
    "Create New Folder": "Tạo thư mục mới", "Create a New Folder": "Tạo một thư mục mới",
    "List View": "Dạng danh sách", "Change to list view mode": "Xem dạng danh sách",
    "Detail View": "Dạng chi tiết", "Change to detail view mode": "Xem dạng chi tiết (tên, cỡ, loại, ngày sửa)",
    "Sidebar": "Thanh vị trí", "List of places and bookmarks": "Các vị trí và thư mục đánh dấu",
    "Files": "Các tệp", "Directories": "Thư mục", "Recent Places": "Vị trí gần đây",
    "All Files (*)": "Mọi tệp (*)", "All files (*)": "Mọi tệp (*)",
    "&Rename": "Đổi &tên", "&Delete": "&Xoá", "Show &hidden files": "Hiện tệp ẩ&n", "&New Folder": "Thư mục &mới",
    "New Folder": "Thư mục mới", "Show ": "Hiện cột ", "Remove": "Bỏ khỏi danh sách",
    "%1 already exists.\nDo you want to replace it?": "Đã có tệp %1.\nAnh/chị có muốn ghi đè lên tệp đó không?",
    "%1\nFile not found.\nPlease verify the correct file name was given.":
        "%1\nKhông tìm thấy tệp này.\nHãy kiểm tra lại tên tệp.",
    "%1\nDirectory not found.\nPlease verify the correct directory name was given.":
        "%1\nKhông tìm thấy thư mục này.\nHãy kiểm tra lại tên thư mục.",
    "'%1' is write protected.\nDo you want to delete it anyway?": "'%1' đang được chống ghi.\nVẫn xoá?",
    "Are you sure you want to delete '%1'?": "Anh/chị có chắc muốn xoá '%1' không?",
    "Could not delete directory.": "Không xoá được thư mục.",
}
_FILE_LIST = {
    "Name": "Tên", "Size": "Cỡ", "Type": "Loại", "Kind": "Loại", "Date Modified": "Ngày sửa",
    "Computer": "Máy tính", "My Computer": "Máy tính", "Invalid filename": "Tên tệp không dùng được",
    '<b>The name "%1" cannot be used.</b><p>Try using another name, with fewer characters or no punctuation marks.':
        '<b>Không dùng được tên "%1".</b><p>Hãy đặt tên khác, ngắn hơn hoặc không có dấu câu.',
}
_FILE_TYPES = {
    "Drive": "Ổ đĩa", "Folder": "Thư mục", "File Folder": "Thư mục", "File": "Tệp", "%1 File": "Tệp %1",
    "Alias": "Lối tắt", "Shortcut": "Lối tắt", "Unknown": "Không rõ",
}
TABLE: dict[tuple[str, str], str] = {
    **{("QFileDialog", en): vi for en, vi in _FILE_DIALOG.items()},
    **{("QFileSystemModel", en): vi for en, vi in _FILE_LIST.items()},
    **{("QAbstractFileIconProvider", en): vi for en, vi in _FILE_TYPES.items()},
    **{("QPrintPreviewDialog", en): vi for en, vi in _PRINT_PREVIEW.items()},
    **{("QPrintDialog", en): vi for en, vi in _PRINT_DIALOG.items()},
    **{("QPrintSettingsOutput", en): vi for en, vi in _PRINT_SETTINGS.items()},
    **{("QPrintWidget", en): vi for en, vi in _PRINT_WIDGET.items()},
    **{("QPageSetupWidget", en): vi for en, vi in _PAGE_SETUP.items()},
    **{("QLineEdit", en): vi for en, vi in _EDIT_MENU.items()},
    **{("QWidgetTextControl", en): vi for en, vi in _EDIT_MENU.items()},
    **{("QPlatformTheme", en): vi for en, vi in _BUTTONS.items()},
    ("QMessageBox", "Show Details..."): "Xem chi tiết…",
    ("QMessageBox", "Hide Details..."): "Ẩn chi tiết…",
}


class QtVietnameseTranslator(QTranslator):
    def translate(self, context, source_text, disambiguation=None, n=-1):
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
