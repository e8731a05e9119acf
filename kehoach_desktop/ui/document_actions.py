"""Menu actions on the selected plan: import, export, print preview, print,
save as PDF, delete. The window owns the list; this object owns the actions."""
from __future__ import annotations

from pathlib import Path

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMessageBox

from ..core.cancel import CancelledError
from ..core.errors import UserError
from ..core.file_names import document_file_name
from ..core.model import Plan
from ..store.plans import number_label
from .file_dialogs import ask_open_path, ask_save_path
from .jobs import read_in_job, write_in_job
from .modal import run_modal

EXPORT_KINDS = (
    # key, menu text, file filter, suffix
    ("docx", "Xuất tệp &Word (.docx)…", "Tệp Word (*.docx)", ".docx"),
    ("pdf", "Lưu thành &PDF…", "Tệp PDF (*.pdf)", ".pdf"),
    ("txt", "Xuất &văn bản thuần (.txt)…", "Văn bản (*.txt)", ".txt"),
    ("json", "Xuất tệp &kế hoạch (.kehoach.json)…", "Tệp kế hoạch (*.kehoach.json)", ".kehoach.json"),
)


def suggested_file_name(plan: Plan, suffix: str) -> str:
    """"37-KH-ĐTN Tổ chức Hội nghị sơ kết….docx"; a draft: "Dự thảo Tổ chức…"."""
    number = number_label(plan.number) or "Dự thảo"
    return document_file_name(number, plan.title_one_line, suffix, fallback="ke-hoach")


def run_printer_dialog(dialog, printer) -> int:
    """exec() a print or print preview dialog built on ``printer``, then
    delete the dialog. Qt keeps only a pointer to the printer: Python owns
    it, so it must stay referenced as long as the dialog exists (a temporary
    freed after the constructor made the preview paint on freed memory, a
    segmentation fault every time). The dialog is deleted here, while this
    frame still holds the printer, rather than left to the window with a
    pointer to a printer gone."""
    try:
        return dialog.exec()
    finally:
        shiboken6.delete(dialog)  # ``printer``, a parameter, is referenced until this returns


class DocumentActions(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.last_report_box = None  # the report of the last "Nhập kế hoạch có sẵn", while it is open
        self.import_action = self._action("&Nhập tệp kế hoạch (.kehoach.json)…", self.import_plan,
                                          QKeySequence.StandardKey.Open)
        self.import_existing_action = self._action("Nhập kế hoạch &có sẵn (Word, văn bản)…",
                                                   self.import_existing, "Ctrl+Shift+O")
        self.export_actions = {key: self._action(text, lambda _=False, k=key: self.export(k))
                               for key, text, _f, _s in EXPORT_KINDS}
        self.preview_action = self._action("&Xem trước khi in…", self.print_preview, "Ctrl+Shift+P")
        self.print_action = self._action("&In…", self.print_plan, QKeySequence.StandardKey.Print)
        self.delete_action = self._action("&Xoá kế hoạch…", self.delete_plan, QKeySequence.StandardKey.Delete)
        self.trash_action = self._action("&Thùng rác…", self.open_trash)
        self.backups_action = self._action("Khôi phục từ bản &sao lưu…", self.open_backups)
        self.plan_actions = [*self.export_actions.values(), self.preview_action, self.print_action,
                             self.delete_action]

    def _action(self, text: str, slot, shortcut=None) -> QAction:
        action = QAction(self.tr(text), self.window)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    def fill_menu(self, menu) -> None:
        menu.addAction(self.import_action)
        menu.addAction(self.import_existing_action)
        menu.addSeparator()
        for action in self.export_actions.values():
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.preview_action)
        menu.addAction(self.print_action)
        menu.addSeparator()
        menu.addAction(self.delete_action)
        menu.addAction(self.trash_action)
        menu.addAction(self.backups_action)

    def update_enabled(self, has_plan: bool) -> None:
        for action in self.plan_actions:
            action.setEnabled(has_plan)

    # ------------------------------------------------------------------ helpers
    def _plan(self) -> tuple[int, Plan] | None:
        plan_id = self.window.current_plan_id()
        if plan_id is None:
            return None
        self.window.editor.save_now()  # what was typed a moment ago is exported too
        try:
            return plan_id, self.window.store.get(plan_id)
        except UserError as exc:
            self._error(str(exc))
            return None

    def _error(self, message: str) -> None:
        QMessageBox.critical(self.window, self.tr("Không thực hiện được"), message)

    # ------------------------------------------------------------------ actions
    def _import_file(self, title: str, file_filter: str, read) -> tuple[Path, object, int] | None:
        """Asks for a file, reads it off the GUI thread with ``read`` (path,
        cancel token -> (plan, extra)), saves the plan as a new one and
        selects it; (path, extra, the new plan's id), or None when cancelled
        or refused (the message already shown)."""
        path = ask_open_path(self.window, title, file_filter)
        if path is None:
            return None
        try:
            plan, extra = read_in_job(self.window, path, read)
            # Stored here, on the GUI thread, once the job is over: a cancelled
            # import adds nothing, and the database stays the GUI thread's.
            new_id = self.window.store.add(plan)
        except CancelledError:
            self.window.statusBar().showMessage(self.tr("Đã huỷ, không nhập {file}.").format(file=path.name), 8000)
            return None
        except UserError as exc:
            self._error(str(exc))
            return None
        self.window.reload()
        self.window.select_plan(new_id)
        return path, extra, new_id

    def import_plan(self) -> None:
        from ..formats import importers  # loaded on first use: keeps the window's start fast

        done = self._import_file(self.tr("Nhập tệp kế hoạch"), self.tr("Tệp kế hoạch (*.kehoach.json *.json)"),
                                 importers.read_plan)
        if done is None:
            return
        path, warnings, _new_id = done
        note = self.tr("Đã nhập kế hoạch từ {file}.").format(file=path.name)
        if warnings:
            note += " " + " ".join(warnings)
        self.window.statusBar().showMessage(note, 8000)

    def import_existing(self) -> None:
        """An old plan from Word or text: saved as a new plan, then the report
        of where each of its lines went and what the clerk should check
        (import_report_dialog.py), beside the window, not modal."""
        from ..formats.plan_import import import_plan  # loaded on first use
        from .import_report_dialog import ImportReportDialog

        done = self._import_file(self.tr("Nhập kế hoạch có sẵn"),
                                 self.tr("Kế hoạch Word hoặc văn bản (*.docx *.doc *.txt)"), import_plan)
        if done is None:
            return
        path, report, new_id = done
        self.window.statusBar().showMessage(self.tr("Đã nhập kế hoạch từ {file}.").format(file=path.name), 8000)
        previous = self.last_report_box
        if previous is not None and shiboken6.isValid(previous):
            previous.close()  # one report at a time: the last import's
        dialog = ImportReportDialog(self.window, new_id, path.name, report)
        self.last_report_box = dialog  # deletes itself on closing (WA_DeleteOnClose)
        dialog.show()

    def export(self, kind: str) -> None:
        found = self._plan()
        if found is None:
            return
        plan_id, plan = found
        _key, _text, file_filter, suffix = next(k for k in EXPORT_KINDS if k[0] == kind)
        path = ask_save_path(self.window, self.tr("Xuất kế hoạch"), suggested_file_name(plan, suffix),
                             self.tr(file_filter), suffix)
        if path is None:
            return
        from ..formats import exporters  # python-docx and friends, loaded on first use
        from ..store.register import Register

        try:
            issued = Register(self.window.db).issued_docx(plan_id)  # a reprint is the document as signed
            write_in_job(self.window, path, lambda: exporters.export_bytes(plan, path, issued_docx=issued))
        except CancelledError:
            self.window.statusBar().showMessage(self.tr("Đã huỷ, chưa lưu {file}.").format(file=path.name), 8000)
            return
        except UserError as exc:
            self._error(str(exc))
            return
        self.window.statusBar().showMessage(self.tr("Đã lưu {file}.").format(file=path), 8000)

    def _printer(self):
        # QtPrintSupport and the page code load on the first print, not at start-up.
        from PySide6.QtPrintSupport import QPrinter

        from ..formats.pdf_export import page_layout

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageLayout(page_layout())
        return printer

    def print_preview(self) -> None:
        found = self._plan()
        if found is None:
            return
        _plan_id, plan = found
        from PySide6.QtPrintSupport import QPrintPreviewDialog

        from ..formats.pdf_export import paint_plan

        printer = self._printer()
        dialog = QPrintPreviewDialog(printer, self.window)
        dialog.setWindowTitle(self.tr("Xem trước khi in"))
        dialog.paintRequested.connect(lambda target: paint_plan(plan, target, turn_on_sheet=True))
        run_printer_dialog(dialog, printer)

    def print_plan(self) -> None:
        found = self._plan()
        if found is None:
            return
        _plan_id, plan = found
        from PySide6.QtPrintSupport import QPrintDialog

        printer = self._printer()
        dialog = QPrintDialog(printer, self.window)
        dialog.setWindowTitle(self.tr("In kế hoạch"))
        if run_printer_dialog(dialog, printer) == QPrintDialog.DialogCode.Accepted:
            from ..formats.pdf_export import paint_plan

            paint_plan(plan, printer)

    def delete_plan(self) -> None:
        found = self._plan()
        if found is None:
            return
        plan_id, plan = found
        answer = QMessageBox.question(
            self.window, self.tr("Xoá kế hoạch"),
            self.tr("Chuyển kế hoạch “{title}” vào thùng rác?\n\nCó thể khôi phục lại bằng Tệp → Thùng rác."
                    ).format(title=plan.title_one_line[:120]))
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.window.store.delete(plan_id)
        except UserError as exc:
            self._error(str(exc))
            return
        self.window.reload()
        self.window.statusBar().showMessage(self.tr("Đã chuyển kế hoạch vào thùng rác."), 5000)

    def open_trash(self) -> None:
        from .trash_dialog import TrashDialog

        self.window.editor.save_now()
        run_modal(TrashDialog(self.window))

    def open_backups(self) -> None:
        from .backups_dialog import BackupsDialog

        self.window.editor.save_now()
        run_modal(BackupsDialog(self.window))
