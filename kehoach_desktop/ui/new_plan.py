"""New plans: blank, from a template, or as a draft copy of the selected plan
(the clerk confirms the header, the place and the number first)."""
from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QInputDialog, QLabel, QLineEdit, QMessageBox, QVBoxLayout

from ..core.draft import draft_copy
from ..core.errors import UserError
from ..core.model import MAX_ISSUING_BODIES, Plan
from ..core.text import nfc
from ..formats.templates import plan_from_template, templates
from .modal import run_modal
from .next_year_dialog import NextYearDialog


class ConfirmHeaderDialog(QDialog):
    """Bodies, place and issuer codes of an old plan may no longer exist:
    the clerk checks them before the copy is made."""

    def __init__(self, plan: Plan, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Xác nhận phần đầu văn bản"))
        layout = QVBoxLayout(self)
        note = QLabel(self.tr("Bản sao là dự thảo mới: số và ngày ban hành đã được xoá. Hãy kiểm tra cơ quan, "
                              "địa danh và ký hiệu — tên cơ quan, địa danh có thể đã thay đổi (ví dụ sau sắp "
                              "xếp đơn vị hành chính từ 01/7/2025)."), self)
        note.setWordWrap(True)
        layout.addWidget(note)
        form = QFormLayout()
        self.superior = QLineEdit(plan.superior_body, self)
        form.addRow(self.tr("Cơ quan cấp trên:"), self.superior)
        self.bodies = []
        for i in range(MAX_ISSUING_BODIES):
            edit = QLineEdit(plan.issuing_bodies[i] if i < len(plan.issuing_bodies) else "", self)
            self.bodies.append(edit)
            form.addRow(self.tr("Cơ quan ban hành:") if i == 0 else self.tr("Cơ quan phối hợp {n}:").format(n=i + 1),
                        edit)
        self.place = QLineEdit(plan.place, self)
        form.addRow(self.tr("Địa danh:"), self.place)
        self.symbol = QLineEdit("-".join(plan.number.issuer_codes), self)
        form.addRow(self.tr("Ký hiệu cơ quan:"), self.symbol)
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Tạo bản sao"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Huỷ"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def apply(self, plan: Plan) -> None:
        plan.superior_body = nfc(self.superior.text()).strip()
        plan.issuing_bodies = [b for b in (nfc(e.text()).strip() for e in self.bodies) if b] or [""]
        plan.place = nfc(self.place.text()).strip()
        codes = [c.strip() for c in nfc(self.symbol.text()).split("-") if c.strip()]
        if codes != plan.number.issuer_codes:
            plan.number.drop_written()  # another office's form ("98/KH-UBND") gives way to ours with new codes
        plan.number.issuer_codes = codes


class NewPlanActions(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.new_action = QAction(self.tr("Kế hoạch &mới (trống)"), window)
        self.new_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_action.triggered.connect(self.new_blank)
        self.template_action = QAction(self.tr("Kế hoạch mới theo &mẫu…"), window)
        self.template_action.triggered.connect(self.new_from_template)
        self.copy_action = QAction(self.tr("Tạo &bản sao từ kế hoạch đang chọn…"), window)
        self.copy_action.triggered.connect(self.new_copy)
        self.next_year_action = QAction(self.tr("Tạo kế &hoạch năm sau…"), window)
        self.next_year_action.triggered.connect(self.new_next_year)

    def fill_menu(self, menu) -> None:
        for action in (self.new_action, self.template_action, self.copy_action, self.next_year_action):
            menu.addAction(action)

    def update_enabled(self, has_plan: bool) -> None:
        self.copy_action.setEnabled(has_plan)
        self.next_year_action.setEnabled(has_plan)

    def _add(self, plan: Plan) -> bool:
        try:
            plan_id = self.window.store.add(plan)
        except UserError as exc:
            QMessageBox.critical(self.window, self.tr("Không tạo được kế hoạch"), str(exc))
            return False
        self.window.reload()
        self.window.select_plan(plan_id)
        self.window.editor.tabs.setCurrentIndex(0)
        return True

    def _with_office(self, plan: Plan) -> Plan:
        """A new plan takes the office profile's header, place, issuer code
        and signers (what the profile leaves empty keeps the template's)."""
        from ..store.office import OfficeStore

        try:
            return OfficeStore(self.window.db).get().apply_to(plan)
        except UserError as exc:
            self.window.statusBar().showMessage(str(exc), 8000)
            return plan

    def new_blank(self) -> None:
        self._add(self._with_office(plan_from_template(templates()[0])))

    def new_from_template(self) -> None:
        choices = templates()
        name, ok = QInputDialog.getItem(self.window, self.tr("Kế hoạch mới theo mẫu"), self.tr("Chọn mẫu:"),
                                        [t.name for t in choices], 0, False)
        if ok:
            self._add(self._with_office(plan_from_template(next(t for t in choices if t.name == name))))

    def new_copy(self) -> None:
        plan_id = self.window.current_plan_id()
        if plan_id is None:
            return
        self.window.editor.save_now()
        draft = draft_copy(self.window.store.get(plan_id))
        dialog = ConfirmHeaderDialog(draft, self.window)
        if run_modal(dialog) != QDialog.DialogCode.Accepted:
            return
        dialog.apply(draft)
        self._add(draft)

    def new_next_year(self) -> None:
        """The selected plan a year on (or more): its review list first."""
        plan_id = self.window.current_plan_id()
        if plan_id is None:
            return
        self.window.editor.save_now()
        dialog = NextYearDialog(self.window.store.get(plan_id), self.window)
        if run_modal(dialog) != QDialog.DialogCode.Accepted:
            return
        if self._add(dialog.plan()):
            self.window.statusBar().showMessage(dialog.summary(), 8000)
