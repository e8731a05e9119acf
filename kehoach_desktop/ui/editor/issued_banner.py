"""The strip above the editor of a plan issued through the register: it is
read-only from then on; a draft copy is how it is written again."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal

from ...core.dates import short_date
from ...store.register import RegisterEntry
from .banner import Banner


class IssuedBanner(Banner):
    copy_requested = Signal()

    def __init__(self, parent=None):
        super().__init__("#fff6d5", QCoreApplication.translate("IssuedBanner", "Tạo bản sao để soạn lại…"), parent)
        self.copy_button = self.button
        self.copy_button.clicked.connect(self.copy_requested)

    def show_entry(self, entry: RegisterEntry | None) -> None:
        if entry is None:
            self.hide()
            return
        self.label.setText(self.tr("Kế hoạch đã ban hành, số {number}, ngày {day}: chỉ xem, không sửa được "
                                   "(danh sách khách mời vẫn sửa được). Bản Word đã ban hành được giữ trong sổ "
                                   "văn bản đi.").format(number=entry.label, day=short_date(entry.issued_on)))
        self.show()
