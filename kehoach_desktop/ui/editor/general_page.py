"""Page "Thông tin chung": profile, bodies, number, place and date, type, title, preamble.

Sample values are placeholders that say so ("Ví dụ: …"), and a plan
without a date shows an empty date box: nothing on an empty form may look
like data the clerk typed."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from ...core.dates import date_words, weekday
from ...core.model import MAX_ISSUING_BODIES, DocumentNumber, Plan
from ...core.numbering import number_line
from ...core.profile import load_profiles
from ..date_field import DateField
from ..flow_layout import FlowLayout
from .base import NO_DATE, EditorPage, lines_of, optional_row, show_no_date, text_of

DOCUMENT_TYPES = ("KẾ HOẠCH", "KẾ HOẠCH PHỐI HỢP", "KẾ HOẠCH LIÊN TỊCH")


class GeneralPage(EditorPage):
    page_id = "general"
    title = "Thông tin chung"

    def __init__(self, parent=None):
        super().__init__(parent)
        form = QFormLayout(self)
        self.profile = QComboBox(self)
        profiles = load_profiles()
        self._colons = {profile.id: profile.number_label_colon for profile in profiles.values()}  # "Số:" or "Số"
        for profile in profiles.values():
            # "Đoàn TNCS Hồ Chí Minh (Hướng dẫn 29-HD/TWĐTN-VP)": the organisation in the box, the
            # guidance it follows in the tooltip; the whole name would be wider than a laptop's pane.
            self.profile.addItem(profile.name.split(" (")[0], profile.id)
            self.profile.setItemData(self.profile.count() - 1, profile.name, Qt.ItemDataRole.ToolTipRole)
        self.profile.setCurrentIndex(-1)  # none until a plan is loaded
        form.addRow(self.tr("Thể thức:"), self.profile)
        self.superior = QLineEdit(self)
        self.superior.setPlaceholderText(self.tr("Ví dụ: THÀNH ĐOÀN TP. HỒ CHÍ MINH"))
        form.addRow(self.tr("Cơ quan cấp trên:"), self.superior)
        self.bodies = [QLineEdit(self) for _ in range(MAX_ISSUING_BODIES)]
        self.bodies[0].setPlaceholderText(self.tr("Ví dụ: BCH ĐOÀN PHƯỜNG SÀI GÒN"))
        for i, edit in enumerate(self.bodies):
            label = self.tr("Cơ quan ban hành:") if i == 0 else self.tr("Cơ quan phối hợp {n}:").format(n=i + 1)
            form.addRow(label, edit)
        self.organisation = QLineEdit(self)
        self.organisation.setPlaceholderText(self.tr("Ví dụ: ĐOÀN TNCS HỒ CHÍ MINH"))
        form.addRow(self.tr("Tên tổ chức:"), self.organisation)
        form.addRow(self.tr("Số, ký hiệu:"), self._number_row())
        # The number line as it will print: another office's form ("Số: 98/KH-UBND") is
        # kept as written until the clerk changes the codes, which gives our own form.
        printed = QWidget(self)
        printed_layout = QHBoxLayout(printed)
        printed_layout.setContentsMargins(0, 0, 0, 0)
        self.number_printed = QLabel(printed)
        self.number_printed.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.house_form = QPushButton(self.tr("Theo thể thức"), printed)
        self.house_form.setToolTip(self.tr("In số, ký hiệu theo thể thức (“Số: 37-KH/ĐTN”) thay vì như văn bản gốc"))
        self.house_form.clicked.connect(self._to_house_form)
        printed_layout.addWidget(self.number_printed, 1)
        printed_layout.addWidget(self.house_form)
        form.addRow(self.tr("Sẽ in:"), printed)
        self._written = ("", "")  # (separator, symbol) as the loaded plan wrote them
        self._loaded_codes: tuple[str, tuple[str, ...], str] = ("", (), "")
        self.place = QLineEdit(self)
        self.place.setPlaceholderText(self.tr("Ví dụ: TP. Hồ Chí Minh"))
        form.addRow(self.tr("Địa danh:"), self.place)
        form.addRow(self.tr("Ngày ban hành:"), self._date_row())
        self.document_type = QComboBox(self)
        self.document_type.setEditable(True)
        self.document_type.addItems(DOCUMENT_TYPES)
        self.document_type.setCurrentIndex(-1)
        form.addRow(self.tr("Tên loại văn bản:"), self.document_type)
        self.title_edit = QPlainTextEdit(self)
        self.title_edit.setPlaceholderText(self.tr("Trích yếu; xuống dòng ở đâu thì bản in xuống dòng ở đó"))
        self.title_edit.setMaximumHeight(90)
        form.addRow(self.tr("Trích yếu:"), self.title_edit)
        self.preamble = QPlainTextEdit(self)
        self.preamble.setPlaceholderText(self.tr("Căn cứ …; mỗi đoạn một dòng"))
        form.addRow(self.tr("Căn cứ, mục đích:"), self.preamble)
        # Before watch(): the form is dropped before the editor reads the page on a change.
        for widget in (self.type_code, self.issuer_codes, self.suffix):
            widget.textEdited.connect(self._codes_edited)
            widget.textChanged.connect(self._show_number)
        self.number.valueChanged.connect(self._show_number)
        self.profile.currentIndexChanged.connect(self._show_number)
        self.watch(self.profile, self.superior, *self.bodies, self.organisation, self.number, self.type_code,
                   self.issuer_codes, self.suffix, self.place, self.has_date, self.date_edit, self.document_type,
                   self.title_edit, self.preamble)

    def _number_row(self) -> QWidget:
        """"Số [37] Loại [KH] Cơ quan [ĐTN] Đơn vị soạn [VP]", each pair kept
        together, wrapped onto a second line when the pane is narrow."""
        row = QWidget(self)
        layout = FlowLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        self.number = QSpinBox(row)
        self.number.setRange(0, 9999)
        self.number.setSpecialValueText(self.tr("chưa có số"))
        self.type_code = QLineEdit(row)
        self.type_code.setMaximumWidth(80)
        self.issuer_codes = QLineEdit(row)
        self.issuer_codes.setPlaceholderText(self.tr("Ví dụ: ĐTN"))
        self.issuer_codes.setMinimumWidth(self.fontMetrics().horizontalAdvance("ĐTN-HCCB-CĐVC") + 16)
        self.suffix = QLineEdit(row)
        self.suffix.setMaximumWidth(80)
        self.suffix.setToolTip(self.tr("Đơn vị soạn thảo, nếu có; ví dụ: VP"))
        for widget, label in ((self.number, "Số"), (self.type_code, "Loại"), (self.issuer_codes, "Cơ quan"),
                              (self.suffix, "Đơn vị soạn")):
            pair = QWidget(row)
            pair_layout = QHBoxLayout(pair)
            pair_layout.setContentsMargins(0, 0, 0, 0)
            pair_layout.addWidget(QLabel(self.tr(label), pair))
            widget.setParent(pair)
            pair_layout.addWidget(widget)
            layout.addWidget(pair)
        return row

    def _date_row(self) -> QWidget:
        self.date_edit = DateField(self, confirm_far=True)
        show_no_date(self.date_edit)
        self.date_words = QLabel(self)
        row, self.has_date = optional_row(self, self.date_edit, self.date_words, label=self.tr("Đã có ngày"))
        self.has_date.toggled.connect(self._date_turned_on)
        self.has_date.toggled.connect(self._show_date_words)
        self.date_edit.dateChanged.connect(self._show_date_words)
        return row

    def _date_turned_on(self, on: bool) -> None:
        """Ticking "Đã có ngày" on an empty date box starts from today."""
        if on and self.date_edit.date() == NO_DATE:
            self.date_edit.setDate(QDate.currentDate())

    def _picked_date(self) -> date | None:
        if not self.has_date.isChecked() or self.date_edit.date() == NO_DATE:
            return None
        return self.date_edit.date().toPython()

    def _show_date_words(self, *_args) -> None:
        picked = self._picked_date()
        self.date_words.setText(f"{weekday(picked, 'capital')}, {date_words(picked)}" if picked else "")

    def fill(self, plan: Plan) -> None:
        index = self.profile.findData(plan.profile)
        self.profile.setCurrentIndex(max(index, 0))
        self.superior.setText(plan.superior_body)
        for i, edit in enumerate(self.bodies):
            edit.setText(plan.issuing_bodies[i] if i < len(plan.issuing_bodies) else "")
        self.organisation.setText(plan.organisation_title)
        self.number.setValue(plan.number.value or 0)
        self.type_code.setText(plan.number.type_code)
        self.issuer_codes.setText("-".join(plan.number.issuer_codes))
        self.suffix.setText(plan.number.suffix)
        self._written = (plan.number.separator, plan.number.written)
        self._loaded_codes = self._codes()
        self._show_number()
        self.place.setText(plan.place)
        self.has_date.setChecked(plan.plan_date is not None)
        self.date_edit.setEnabled(plan.plan_date is not None)
        self.date_edit.setDate(QDate(plan.plan_date) if plan.plan_date else NO_DATE)
        self._show_date_words()
        self.document_type.setCurrentText(plan.document_type)
        self.title_edit.setPlainText(plan.title)
        self.preamble.setPlainText("\n".join(plan.preamble))

    def save(self, plan: Plan) -> None:
        plan.profile = self.profile.currentData()
        plan.superior_body = text_of(self.superior)
        bodies = [text_of(edit) for edit in self.bodies]
        plan.issuing_bodies = [b for b in bodies if b] or [""]
        plan.organisation_title = text_of(self.organisation)
        plan.number = self._typed_number()
        plan.place = text_of(self.place)
        plan.plan_date = self._picked_date()
        plan.document_type = text_of(self.document_type.lineEdit()) or "KẾ HOẠCH"
        plan.title = "\n".join(lines_of(self.title_edit))
        plan.preamble = lines_of(self.preamble)

    def _codes(self) -> tuple[str, tuple[str, ...], str]:
        """Type code, issuer codes and drafting unit as typed."""
        return (text_of(self.type_code) or "KH",
                tuple(c.strip() for c in text_of(self.issuer_codes).split("-") if c.strip()), text_of(self.suffix))

    def _typed_number(self) -> DocumentNumber:
        """The number in the boxes. Another office's form stays while the
        codes are those it was read with (a new number value keeps it);
        codes the clerk changed gave our own form (``_codes_edited``)."""
        type_code, issuer_codes, suffix = self._codes()
        number = DocumentNumber(self.number.value() or None, type_code, list(issuer_codes), suffix)
        number.separator, number.written = self._written
        return number

    def _codes_edited(self, *_args) -> None:
        """Codes typed other than those the form was read with: our own form
        from now on (typing them back does not bring the other form back;
        undo does)."""
        if self._codes() != self._loaded_codes:
            self._written = ("", "")
            self._show_number()

    def _show_number(self, *_args) -> None:
        number = self._typed_number()
        line = number_line(number, self._colons.get(self.profile.currentData() or "", True))
        self.number_printed.setText(line if number.is_house_form
                                    else self.tr("{line}   (như văn bản gốc)").format(line=line))
        self.house_form.setVisible(not number.is_house_form)

    def _to_house_form(self) -> None:
        """The number printed in our own form, from the codes in the boxes."""
        self._written = ("", "")
        self._show_number()
        self._on_edit()
