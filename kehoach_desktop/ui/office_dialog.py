"""The office profile dialog (hồ sơ cơ quan): the header, place and signers
new plans start from, and how the register numbers documents. The dialog
keeps the profile's version as read; a profile saved meanwhile elsewhere
opens the conflict dialog (ui/conflict_dialog.py) rather than being
overwritten."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSpinBox,
    QVBoxLayout,
)

from ..core.dates import short_date
from ..core.errors import UserError
from ..core.model import MAX_SIGNATURES, Signature
from ..core.office import FIELD_LABELS, INVITATION_TYPES, NUMBERING_VI, OfficeProfile
from ..core.text import nfc
from ..store.database import Database
from ..store.office import OfficeStore
from ..store.versions import ConflictError
from .conflict_dialog import KEEP_MINE, RELOAD, ConflictDialog, Side
from .date_field import DateField
from .editor.closing_page import signature_strip
from .modal import run_modal

# (value stored in the profile, what the clerk reads)
NUMBERING_CHOICES = (("term", "Theo nhiệm kỳ Đại hội (Đoàn)"),
                     ("year", "Theo năm dương lịch (cơ quan Nhà nước)"))
# The register's type of a batch of invitation letters (core/office.INVITATION_TYPES).
INVITATION_CHOICES = (("TM", "Thư mời (TM)"), ("GM", "Giấy mời (GM)"))
TEXT_FIELDS = (("superior_body", "Cơ quan cấp trên:", "THÀNH ĐOÀN TP. HỒ CHÍ MINH"),
               ("issuing_body", "Cơ quan ban hành:", "BCH ĐOÀN KHỐI DÂN - CHÍNH - ĐẢNG TP"),
               ("issuer_code", "Ký hiệu cơ quan:", "ĐTN"),
               ("organisation_title", "Tên tổ chức (góc phải):", "ĐOÀN TNCS HỒ CHÍ MINH"),
               ("place", "Địa danh:", "TP. Hồ Chí Minh"))


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _is_blank(sig: Signature) -> bool:
    return not (sig.body or sig.position or sig.name)


def profile_lines(profile: OfficeProfile) -> dict[str, str]:
    """Each field of the profile as the conflict dialog shows it."""
    data = profile.to_dict()
    lines = {key: f"{FIELD_LABELS[key]}: {data[key] or '(trống)'}" for key in ("superior_body", "issuing_body",
                                                                               "issuer_code", "organisation_title",
                                                                               "place")}
    lines["term_start"] = f"{FIELD_LABELS['term_start']}: {short_date(profile.term_start) or '(chưa đặt)'}"
    lines["numbering"] = f"{FIELD_LABELS['numbering']}: {NUMBERING_VI[profile.numbering]}"
    lines["invitation_code"] = (f"{FIELD_LABELS['invitation_code']}: {profile.invitation_code} "
                                f"({INVITATION_TYPES[profile.invitation_code].lower()})")
    lines["contact"] = f"{FIELD_LABELS['contact']}: {profile.contact or '(trống)'}"
    signers = "; ".join(" – ".join(p for p in (s.authority_line, s.position, s.name) if p) for s in profile.signers)
    lines["signers"] = f"{FIELD_LABELS['signers']}: {signers or '(trống)'}"
    return lines


class OfficeDialog(QDialog):
    """Edits the one office profile of ``db``. OK saves it through
    OfficeStore (a refused value is shown and the dialog stays open);
    exec() returns Accepted once saved, and ``saved`` holds the profile as
    stored. Cancel leaves the stored profile as it was."""

    def __init__(self, db: Database, parent=None):
        super().__init__(parent)
        self.store = OfficeStore(db)
        self.saved: OfficeProfile | None = None
        self.setWindowTitle(self.tr("Hồ sơ cơ quan"))
        self.resize(820, 640)
        layout = QVBoxLayout(self)
        self.explanation = QLabel(self.tr(
            "Hồ sơ cơ quan cho kế hoạch mới phần đầu văn bản, địa danh và người ký, và cho sổ văn bản đi biết "
            "cách cấp số. Số văn bản chạy từ 01 cho từng loại văn bản: của Đoàn thì đánh lại từ 01 mỗi nhiệm kỳ "
            "Đại hội (tính từ ngày bắt đầu nhiệm kỳ), của cơ quan Nhà nước thì đánh lại từ 01 mỗi năm dương lịch."),
            self)
        self.explanation.setWordWrap(True)
        layout.addWidget(self.explanation)

        form = QFormLayout()
        self.fields: dict[str, QLineEdit] = {}
        for name, label, example in TEXT_FIELDS:
            edit = QLineEdit(self)
            edit.setPlaceholderText(self.tr("Ví dụ: {example}").format(example=example))
            self.fields[name] = edit
            form.addRow(self.tr(label), edit)
        self.fields["issuer_code"].setToolTip(self.tr(
            "Phần sau mã loại văn bản trong số văn bản: “KH/ĐTN” có ký hiệu cơ quan là ĐTN. Chỉ gồm chữ in hoa "
            "và chữ số."))

        term_row = QHBoxLayout()
        self.term_start = DateField(self)
        self.term_start.setDate(QDate.currentDate())
        self.term_unset = QCheckBox(self.tr("chưa đặt"), self)
        self.term_unset.toggled.connect(lambda unset: self.term_start.setEnabled(not unset))
        term_row.addWidget(self.term_start)
        term_row.addWidget(self.term_unset)
        term_row.addStretch(1)
        form.addRow(self.tr("Ngày bắt đầu nhiệm kỳ:"), term_row)

        self.numbering = QComboBox(self)
        for value, label in NUMBERING_CHOICES:
            self.numbering.addItem(self.tr(label), value)
        form.addRow(self.tr("Cách đánh số:"), self.numbering)

        self.invitation_code = QComboBox(self)
        for value, label in INVITATION_CHOICES:
            self.invitation_code.addItem(self.tr(label), value)
        self.invitation_code.setToolTip(self.tr(
            "Loại văn bản của thư mời khi cấp số trong sổ văn bản đi: “03-TM/ĐTN” (thư mời, thường dùng ở Đoàn) "
            "hoặc “03-GM/…” (giấy mời, thường dùng ở cơ quan Nhà nước). Số thư mời chạy riêng, không chung với "
            "số kế hoạch."))
        form.addRow(self.tr("Loại thư mời:"), self.invitation_code)
        contact = QLineEdit(self)
        contact.setPlaceholderText(self.tr("Ví dụ: đồng chí Nguyễn Văn A (Văn phòng), điện thoại 0909 123 456"))
        contact.setToolTip(self.tr("Người khách mời gọi khi cần hỏi; in trong thư mời."))
        self.fields["contact"] = contact
        form.addRow(self.tr("Người liên hệ:"), contact)

        self.count = QSpinBox(self)
        self.count.setRange(1, MAX_SIGNATURES)
        self.count.setSuffix(self.tr(" khối chữ ký"))
        form.addRow(self.tr("Người ký mặc định:"), self.count)
        layout.addLayout(form)
        hint = QLabel(self.tr("Khối chữ ký để trống (không có tập thể, chức vụ và họ tên) không được lưu; khi "
                              "không có người ký mặc định, kế hoạch mới giữ người ký của mẫu."), self)
        hint.setWordWrap(True)
        layout.addWidget(hint)

        scroller, self.boxes = signature_strip(self)
        layout.addWidget(scroller, 1)
        self.count.valueChanged.connect(self._show_boxes)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Lưu"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Huỷ"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

        self.version: int | None = None  # the stored profile's version as read: None when it could not be read
        try:
            profile, self.version = self.store.load()
        except UserError as exc:  # a damaged profile: start from the defaults, saving replaces it
            QMessageBox.critical(self, self.tr("Hồ sơ cơ quan"), str(exc))
            profile = OfficeProfile()
        self.fill(profile)

    def _show_boxes(self, count: int) -> None:
        for i, box in enumerate(self.boxes):
            box.setVisible(i < count)

    def fill(self, profile: OfficeProfile) -> None:
        for name, edit in self.fields.items():
            edit.setText(getattr(profile, name))
        self.term_unset.setChecked(profile.term_start is None)
        self.term_start.setEnabled(profile.term_start is not None)
        if profile.term_start is not None:
            self.term_start.setDate(_qdate(profile.term_start))
        index = self.numbering.findData(profile.numbering)
        self.numbering.setCurrentIndex(max(index, 0))
        self.invitation_code.setCurrentIndex(max(self.invitation_code.findData(profile.invitation_code), 0))
        self.count.setValue(max(1, len(profile.signers)))
        for i, box in enumerate(self.boxes):
            box.fill(profile.signers[i] if i < len(profile.signers) else Signature())
        self._show_boxes(self.count.value())

    def profile(self) -> OfficeProfile:
        """The profile as the widgets show it (not yet checked or saved)."""
        texts = {name: " ".join(nfc(edit.text()).split()) for name, edit in self.fields.items()}
        term_start = None
        if not self.term_unset.isChecked():
            day = self.term_start.date()
            term_start = date(day.year(), day.month(), day.day())
        signers = [sig for sig in (box.signature() for box in self.boxes[:self.count.value()]) if not _is_blank(sig)]
        return OfficeProfile(**texts, signers=signers, term_start=term_start,
                             numbering=self.numbering.currentData(), invitation_code=self.invitation_code.currentData())

    def accept(self) -> None:
        try:
            self.saved = self.store.save(self.profile(), expected_version=self.version)
        except ConflictError as exc:
            if self._resolve_conflict(str(exc)):
                super().accept()
            return
        except UserError as exc:
            message = str(exc)
            QMessageBox.critical(self, self.tr("Không lưu được hồ sơ cơ quan"), message[:1].upper() + message[1:])
            return
        super().accept()

    def _resolve_conflict(self, message: str) -> bool:
        """Somebody else saved the profile after this dialog read it: show
        both; True once the clerk's profile is saved over theirs."""
        while True:
            try:
                theirs, version = self.store.load()
            except UserError as exc:
                QMessageBox.critical(self, self.tr("Không lưu được hồ sơ cơ quan"), str(exc))
                return False
            mine = self.profile()
            ours, others = profile_lines(mine), profile_lines(theirs)
            differing = [key for key in ours if ours[key] != others[key]]
            summary = self.tr("Khác nhau ở {n} mục; dưới đây là các mục đó ở hai bản.").format(n=len(differing))
            dialog = ConflictDialog(self.tr("Hồ sơ cơ quan đã được lưu ở nơi khác"), message, summary,
                                    Side(self.tr("Bản của anh/chị (chưa lưu)"), [ours[k] for k in differing]),
                                    Side(self.tr("Bản đã lưu ở nơi khác"), [others[k] for k in differing]),
                                    parent=self)
            choice = run_modal(dialog)
            if choice == RELOAD:  # theirs in the fields: the clerk may change them again, then save or cancel
                self.fill(theirs)
                self.version = version
                return False
            if choice != KEEP_MINE:
                return False
            try:
                self.saved = self.store.save(mine, expected_version=version)
                return True
            except ConflictError as exc:  # saved once more meanwhile: ask again
                message = str(exc)
            except UserError as exc:
                QMessageBox.critical(self, self.tr("Không lưu được hồ sơ cơ quan"), str(exc))
                return False
