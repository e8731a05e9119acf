"""The strip above the editor of a plan issued through the register: it is
read-only from then on; a draft copy is how it is written again."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton

from ...core.dates import short_date
from ...store.register import RegisterEntry


class IssuedBanner(QFrame):
    copy_requested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("IssuedBanner { background: #fff6d5; }")
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.copy_button = QPushButton(self.tr("Tạo bản sao để soạn lại…"), self)
        self.copy_button.clicked.connect(self.copy_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.copy_button)
        self.hide()

    def show_entry(self, entry: RegisterEntry | None) -> None:
        if entry is None:
            self.hide()
            return
        self.label.setText(self.tr("Kế hoạch đã ban hành, số {number}, ngày {day}: chỉ xem, không sửa được "
                                   "(danh sách khách mời vẫn sửa được). Bản Word đã ban hành được giữ trong sổ "
                                   "văn bản đi.").format(number=entry.label, day=short_date(entry.issued_on)))
        self.show()
