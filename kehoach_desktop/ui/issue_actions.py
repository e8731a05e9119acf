"""Ban hành: the selected draft gets the next number of the register of
outgoing documents, today's date and status issued; its Word file is kept.
The format checker runs first, and the clerk confirms."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox

from ..core.dates import short_date
from ..core.errors import UserError


class IssueActions(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.issue_action = QAction(self.tr("&Ban hành (cấp số, vào sổ văn bản đi)…"), window)
        self.issue_action.triggered.connect(self.issue)
        window.editor.issued_banner.copy_requested.connect(window.new_plan_actions.new_copy)

    def _ask(self, title: str, question: str) -> bool:
        answer = QMessageBox.question(self.window, title, question,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def issue(self) -> None:
        from ..core.checks import check_plan
        from ..store.office import OfficeStore

        window = self.window
        plan_id = window.current_plan_id()
        if plan_id is None:
            return
        title = self.tr("Ban hành kế hoạch")
        if not window.editor.save_now():
            return
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
        errors = [f for f in check_plan(plan, issuer_code=office.issuer_code) if f.severity == "error"]
        if errors and not self._ask(title, self.tr("Kế hoạch còn {n} lỗi thể thức, ví dụ: {first}.\n\nVẫn ban "
                                                   "hành?").format(n=len(errors), first=errors[0].message)):
            window.checks.check()
            return
        today = date.today()
        if not self._ask(title, self.tr("Cấp số tiếp theo của sổ văn bản đi cho “{title}”, ngày ban hành "
                                        "{day}?\n\nSau khi ban hành, kế hoạch chỉ xem, không sửa được; bản Word "
                                        "lúc ban hành được giữ lại để in lại đúng như cũ.")
                         .format(title=plan.title_one_line[:80], day=short_date(today))):
            return
        from ..formats.docx_export import render_docx
        from ..store.register import Register

        try:
            entry = Register(window.db).issue(plan_id, today, render=render_docx)
        except UserError as exc:
            QMessageBox.critical(window, title, str(exc))
            return
        window.reload()
        window.editor.open_plan(plan_id)
        self.issue_action.setEnabled(False)  # the plan shown is issued now
        window.statusBar().showMessage(self.tr("Đã ban hành: số {number}, ngày {day}.").format(
            number=entry.label, day=short_date(entry.issued_on)), 10000)
