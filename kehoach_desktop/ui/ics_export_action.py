"""Tệp → "Xuất lịch ra tệp .ics…": every dated item of every plan outside
the trash as an iCalendar file (formats/ics_export.py, as `kehoach calendar
--ics`), for Outlook, Google Calendar or a phone. Exported again, the same
events keep their UIDs: a calendar that imports the new file updates them."""
from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMessageBox

from ..core.errors import UserError
from .file_dialogs import ask_save_path

SUGGESTED_NAME = "lich-cong-tac.ics"


class IcsExportAction(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.action = QAction(self.tr("Xuất &lịch ra tệp .ics…"), window)
        self.action.setToolTip(self.tr("Ghi ngày giờ của mọi kế hoạch ra tệp lịch (.ics) để nhập vào Outlook, "
                                       "Google Calendar hoặc lịch điện thoại; nhập lại tệp mới thì lịch được cập "
                                       "nhật, không nhân đôi"))
        self.action.triggered.connect(self.export)

    def export(self) -> None:
        from ..formats.ics_export import calendar_plans, write_ics

        window = self.window
        window.editor.save_now()  # the plan being edited as the clerk sees it
        title = self.tr("Xuất lịch ra tệp .ics")
        path = ask_save_path(window, title, SUGGESTED_NAME, self.tr("Tệp lịch (*.ics)"), ".ics")
        if path is None:
            return
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            plans = calendar_plans(window.store)
            count = write_ics(path, plans, overwrite=True)  # the dialog asked before replacing a file
        except UserError as exc:
            QApplication.restoreOverrideCursor()
            QMessageBox.critical(window, self.tr("Không xuất được lịch"), str(exc))
            return
        QApplication.restoreOverrideCursor()
        window.statusBar().showMessage(self.tr("Đã xuất {count} mục lịch của {plans} kế hoạch ra {path}.").format(
            count=count, plans=len(plans), path=path), 8000)
