"""The strip above the editor while the plan cannot be saved (the database
locked by another program, a full disk, a folder that cannot be written, a
server out of reach): what went wrong, that the text is kept, and when the
next try is; "Thử lưu ngay" tries at once. It blocks nothing: the clerk
types on. It also says when the clerk left a conflict for later (the plan
saved elsewhere meanwhile): "Xem và chọn" opens the conflict dialog again."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal

from .banner import Banner


def sentence(message: str) -> str:
    """A store message is a clause ("cơ sở dữ liệu … đang được …"): a capital and a full stop."""
    message = message.strip()
    if message and message[0].islower():
        message = message[0].upper() + message[1:]
    return message if message.endswith((".", "!", "?")) else message + "."


class SaveBanner(Banner):
    retry_requested = Signal()

    def __init__(self, parent=None):
        super().__init__("#fde2e1", QCoreApplication.translate("SaveBanner", "Thử lưu ngay"), parent)
        self.retry_button = self.button
        self.retry_button.clicked.connect(self.retry_requested)

    def show_failure(self, message: str, kept_copy: bool, retry_in_s: int) -> None:
        kept = (self.tr("Nội dung anh/chị gõ vẫn còn trong cửa sổ và đã được giữ trong một bản khôi phục trên "
                        "máy này.") if kept_copy else
                self.tr("Nội dung anh/chị gõ vẫn còn trong cửa sổ (chưa giữ được bản khôi phục: thư mục dữ liệu "
                        "cũng không ghi được)."))
        self.label.setText(self.tr("Chưa lưu được: {problem} {kept} Chương trình sẽ tự lưu lại sau {seconds} "
                                   "giây.").format(problem=sentence(message), kept=kept, seconds=retry_in_s))
        self.retry_button.setText(self.tr("Thử lưu ngay"))
        self.show()

    def show_conflict(self, message: str, kept_copy: bool) -> None:
        kept = self.tr(" và đã được giữ trong một bản khôi phục trên máy này") if kept_copy else ""
        self.label.setText(self.tr("Chưa lưu: {problem} Nội dung anh/chị gõ vẫn còn trong cửa sổ{kept}; lần lưu "
                                   "sau sẽ hỏi lại.").format(problem=sentence(message), kept=kept))
        self.retry_button.setText(self.tr("Xem và chọn"))
        self.show()
