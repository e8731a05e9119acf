"""Page "Kết thúc – Nơi nhận – Ký": closing sentence, recipients, one to three
signature blocks, one under the other: side by side they were too narrow
for a body's name on a laptop ("BAN THƯỜNG VỤ ĐOÀN KHỐI" read "…HIẾN BINH
KHỐI"); the page scrolls up and down instead (page_list.PageScroller)."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...core.model import AUTHORITIES, MAX_SIGNATURES, Plan, Signature
from .base import EditorPage, lines_of, text_of


class SignatureBox(QGroupBox):
    def __init__(self, number: int, parent=None):
        super().__init__(parent)
        self.setTitle(self.tr("Chữ ký {n}").format(n=number))
        form = QFormLayout(self)
        self.authority = QComboBox(self)
        self.authority.addItems([a or self.tr("(không có)") for a in AUTHORITIES])
        self.body = QLineEdit(self)
        self.body.setPlaceholderText(self.tr("Ví dụ: BAN THƯỜNG VỤ ĐOÀN PHƯỜNG"))
        self.position = QLineEdit(self)
        self.position.setPlaceholderText(self.tr("Ví dụ: BÍ THƯ"))
        self.name = QLineEdit(self)
        self.name.setPlaceholderText(self.tr("Ví dụ: Nguyễn Văn A"))
        form.addRow(self.tr("Thẩm quyền:"), self.authority)
        form.addRow(self.tr("Tập thể lãnh đạo:"), self.body)
        form.addRow(self.tr("Chức vụ:"), self.position)
        form.addRow(self.tr("Họ và tên:"), self.name)

    def fill(self, sig: Signature) -> None:
        self.authority.setCurrentIndex(AUTHORITIES.index(sig.authority) if sig.authority in AUTHORITIES else 0)
        self.body.setText(sig.body)
        self.position.setText(sig.position)
        self.name.setText(sig.name)

    def signature(self) -> Signature:
        return Signature(AUTHORITIES[self.authority.currentIndex()], text_of(self.body), text_of(self.position),
                         text_of(self.name))


def signature_strip(parent) -> tuple[QScrollArea, list[SignatureBox]]:
    """The signature blocks side by side, for the office profile's dialog.
    Three are wider than a small screen: they scroll sideways instead of
    widening the dialog."""
    strip = QWidget(parent)
    row = QHBoxLayout(strip)
    row.setContentsMargins(0, 0, 0, 0)
    boxes = [SignatureBox(i + 1, strip) for i in range(MAX_SIGNATURES)]
    for box in boxes:
        row.addWidget(box)
    scroller = QScrollArea(parent)
    scroller.setWidget(strip)
    scroller.setWidgetResizable(True)
    scroller.setFrameShape(QFrame.Shape.NoFrame)
    scroller.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    scroller.setMinimumHeight(strip.sizeHint().height() + scroller.horizontalScrollBar().sizeHint().height())
    return scroller, boxes


class ClosingPage(EditorPage):
    page_id = "closing"
    title = "Kết thúc – Nơi nhận – Ký"

    def __init__(self, parent=None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.closing = QPlainTextEdit(self)
        self.closing.setPlaceholderText(self.tr("Trên đây là Kế hoạch …"))
        self.closing.setMaximumHeight(90)
        form.addRow(self.tr("Câu kết:"), self.closing)
        self.recipients = QPlainTextEdit(self)
        self.recipients.setPlaceholderText(self.tr("Mỗi nơi nhận một dòng; dòng cuối: Lưu: VP"))
        self.recipients.setMinimumHeight(self.fontMetrics().lineSpacing() * 5)
        form.addRow(self.tr("Nơi nhận:"), self.recipients)
        self.count = QSpinBox(self)
        # 0: a plan without a signature block (a page cut before it, imported): none is invented
        # on saving, and the checker says it lacks one.
        self.count.setRange(0, MAX_SIGNATURES)
        self.count.setSuffix(self.tr(" khối chữ ký"))
        self.count.setSpecialValueText(self.tr("Chưa có khối chữ ký"))
        form.addRow(self.tr("Số người ký:"), self.count)
        layout.addLayout(form)
        self.boxes = [SignatureBox(i + 1, self) for i in range(MAX_SIGNATURES)]
        for box in self.boxes:
            self.watch(box.authority, box.body, box.position, box.name)
            layout.addWidget(box)
        layout.addStretch(1)
        self.count.valueChanged.connect(self._show_boxes)
        self.watch(self.closing, self.recipients, self.count)

    def _show_boxes(self, count: int) -> None:
        for i, box in enumerate(self.boxes):
            box.setVisible(i < count)

    def fill(self, plan: Plan) -> None:
        self.closing.setPlainText(plan.closing)
        self.recipients.setPlainText("\n".join(plan.recipients))
        self.count.setValue(len(plan.signatures))
        for i, box in enumerate(self.boxes):
            box.fill(plan.signatures[i] if i < len(plan.signatures) else Signature())
        self._show_boxes(self.count.value())

    def save(self, plan: Plan) -> None:
        plan.closing = text_of(self.closing)
        plan.recipients = lines_of(self.recipients)
        plan.signatures = [box.signature() for box in self.boxes[:self.count.value()]]
