"""Ban hành: the selected draft gets the next number of the register of
outgoing documents, today's date and status issued; its Word file is kept.

The format checker runs first on the plan as it will be issued (the number
the register is about to give and today's date, Register.as_issued), so that
a mistake that appears only with them (a deadline now past, a name abolished
since) is seen before the number is used; then the clerk confirms, seeing
the whole title, the number and the date."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox

from ..core.dates import short_date
from ..core.errors import UserError
from ..core.numbering import full_number
from .modal import run_modal


class IssueActions(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.issue_action = QAction(self.tr("&Ban hành (cấp số, vào sổ văn bản đi)…"), window)
        self.issue_action.triggered.connect(self.issue)
        window.editor.issued_banner.copy_requested.connect(window.new_plan_actions.new_copy)

    def _ask(self, title: str, question: str, details: str = "") -> bool:
        """A Yes/No question, No by default; the text wraps, whatever its length."""
        box = QMessageBox(QMessageBox.Icon.Question, title, question,
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self.window)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        if details:
            box.setInformativeText(details)
        return run_modal(box) == QMessageBox.StandardButton.Yes

    def issue(self) -> None:
        from ..core.checks import check_plan
        from ..store.office import OfficeStore
        from ..store.register import Register

        window = self.window
        plan_id = window.current_plan_id()
        if plan_id is None:
            return
        title = self.tr("Ban hành kế hoạch")
        if not window.editor.save_now():
            return
        register = Register(window.db)
        today = date.today()
        try:
            plan = window.store.get(plan_id)
            office = OfficeStore(window.db).get()
        except UserError as exc:
            QMessageBox.critical(window, title, str(exc))
            return
        if plan.status != "draft":
            QMessageBox.information(window, title, self.tr("Kế hoạch này đã ở trạng thái “đã ban hành”. Chỉ kế "
                                                           "hoạch dự thảo mới được cấp số; muốn ban hành lại, hãy "
                                                           "tạo bản sao."))
            return
        if office.numbering == "term" and office.term_start is None:
            QMessageBox.information(window, title, self.tr("Chưa đặt ngày bắt đầu nhiệm kỳ nên chưa cấp số được "
                                                           "(số văn bản của Đoàn đánh lại từ đầu mỗi nhiệm kỳ). "
                                                           "Hãy khai báo trong Công cụ → Hồ sơ cơ quan…"))
            return
        try:
            to_come = register.as_issued(plan_id, today)  # the number is not taken yet
        except UserError as exc:
            QMessageBox.critical(window, title, str(exc))
            return
        number = full_number(to_come.number)
        findings = check_plan(to_come, today=today, issuer_code=office.issuer_code)
        errors = [f for f in findings if f.severity == "error"]
        if errors:
            # The panel shows what was checked: the plan with its number and date to come.
            window.checks.panel.show_findings(findings)
            window.checks.dock.show()
            window.checks.dock.raise_()
            if not self._ask(title, self.tr("Khi ban hành với số {number}, ngày {day}, kế hoạch còn {n} lỗi thể "
                                            "thức, ví dụ: {first}.\n\nVẫn ban hành?").format(
                                                number=number, day=short_date(today), n=len(errors),
                                                first=errors[0].message)):
                return
        if not self._ask(title, self.tr("Ban hành “{title}”?\n\nSố: {number}\nNgày ban hành: {day}").format(
                             title=to_come.title_one_line, number=number, day=short_date(today)),
                         self.tr("Sau khi ban hành, kế hoạch chỉ xem, không sửa được; bản Word lúc ban hành được "
                                 "giữ lại để in lại đúng như cũ.")):
            return
        from ..formats.docx_export import render_docx

        try:
            entry = register.issue(plan_id, today, render=render_docx, expected_number=to_come.number.value)
        except UserError as exc:
            QMessageBox.critical(window, title, str(exc))
            return
        window.reload()
        window.editor.open_plan(plan_id)
        # The preview follows: the new number and date, the draft mark gone.
        # (MainWindow.refresh_preview() is to come with the layout work; until
        # then the window's own way to show a plan.)
        refresh = getattr(window, "refresh_preview", None)
        if callable(refresh):
            refresh()
        else:
            window._set_preview(plan_id)
        self.issue_action.setEnabled(False)  # the plan shown is issued now
        window.statusBar().showMessage(self.tr("Đã ban hành: số {number}, ngày {day}.").format(
            number=entry.label, day=short_date(entry.issued_on)), 10000)
