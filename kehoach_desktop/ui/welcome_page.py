"""The first start: on a database without plans the window shows this page
where the editor would be, with the three ways to begin as big buttons.
Each button triggers the window's own action (the same as the menu's), so
there is one way to do each thing; no sample data is shown anywhere."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

# A wrapped label's own smallest width is that of its longest line: the page
# would be as wide as its longest sentence.
NARROWEST = 200
# (button text, what it does, where else it is found)
WAYS = (
    ("Khai báo hồ sơ cơ quan…",
     "Tên cơ quan cấp trên và cơ quan ban hành, ký hiệu, địa danh, người ký: mọi kế hoạch mới lấy sẵn các "
     "thông tin này. Nên làm trước tiên.",
     "Công cụ → Hồ sơ cơ quan…"),
    ("Soạn kế hoạch mới theo mẫu…",
     "Chọn một mẫu (ví dụ kế hoạch tổ chức hội nghị) rồi điền từng mục; khung bên phải cho thấy trang in.",
     "Tệp → Kế hoạch mới theo mẫu…"),
    ("Nhập kế hoạch có sẵn (Word)…",
     "Mở một kế hoạch đã soạn (.docx, .doc, .txt): chương trình đọc ra số, ngày, các mục, nơi nhận và chữ ký "
     "để sửa tiếp hoặc làm mẫu.",
     "Tệp → Nhập kế hoạch có sẵn, Ctrl+Shift+O"),
)


class WelcomePage(QWidget):
    """``starts`` are the actions of the three buttons, in the order of WAYS."""

    def __init__(self, starts: tuple[Callable[[], None], ...], parent=None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.setSpacing(8)
        title = QLabel(self.tr("Chào mừng đến với KeHoach Desktop"), self)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        title.setFont(font)
        title.setWordWrap(True)
        title.setMinimumWidth(NARROWEST)
        layout.addWidget(title)
        intro = QLabel(self.tr("Chưa có kế hoạch nào. Bắt đầu bằng một trong ba cách:"), self)
        intro.setWordWrap(True)
        intro.setMinimumWidth(NARROWEST)
        layout.addWidget(intro)
        self.buttons: list[QPushButton] = []
        for number, ((text, explanation, elsewhere), start) in enumerate(zip(WAYS, starts, strict=True), 1):
            layout.addSpacing(10)
            button = QPushButton(f"{number}. {self.tr(text)}", self)
            button.setMinimumHeight(button.sizeHint().height() * 2)
            big = button.font()
            big.setPointSizeF(big.pointSizeF() * 1.2)
            button.setFont(big)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            button.clicked.connect(start)
            layout.addWidget(button)
            note = QLabel(self.tr("{what} ({where})").format(what=self.tr(explanation), where=self.tr(elsewhere)), self)
            note.setWordWrap(True)
            note.setTextFormat(Qt.TextFormat.PlainText)
            note.setMinimumWidth(NARROWEST)
            layout.addWidget(note)
            self.buttons.append(button)
        layout.addStretch(1)
