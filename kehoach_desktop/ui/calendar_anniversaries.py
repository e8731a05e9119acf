"""Ngày kỷ niệm của cơ quan: the office's own anniversaries (the day it was
founded, its union's congress…), marked in the calendar beside the national
ones and stored in the database (store.office_days)."""
from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from ..core.errors import UserError
from ..core.marked_days import Anniversary
from ..store.office_days import OfficeDaysStore, checked


def day_month(text: str) -> str:
    """"15/10" -> "10-15" (checked later by store.office_days.checked)."""
    parts = text.replace("-", "/").replace(".", "/").split("/")
    if len(parts) != 2 or not all(part.strip().isdigit() for part in parts):
        raise UserError(f"ngày kỷ niệm {text!r} cần viết dạng ngày/tháng, ví dụ 15/10")
    return f"{int(parts[1]):02d}-{int(parts[0]):02d}"


class AnniversariesDialog(QDialog):
    def __init__(self, store: OfficeDaysStore, parent=None):
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(self.tr("Ngày kỷ niệm của cơ quan"))
        intro = QLabel(self.tr("Các ngày kỷ niệm riêng của cơ quan (ngày thành lập, ngày truyền thống…), "
                               "được đánh dấu trên Lịch công tác hằng năm. Ngày ghi dạng ngày/tháng, ví dụ 15/10."),
                       self)
        intro.setWordWrap(True)
        self.table = QTableWidget(0, 2, self)
        self.table.setHorizontalHeaderLabels([self.tr("Ngày/tháng"), self.tr("Tên ngày kỷ niệm")])
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(0, 100)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.add_button = QPushButton(self.tr("&Thêm"), self)
        self.remove_button = QPushButton(self.tr("&Xóa"), self)
        self.add_button.clicked.connect(self.add_row)
        self.remove_button.clicked.connect(self.remove_row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Lưu"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Hủy"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.resize(520, 360)
        try:
            days = store.get()
        except UserError as exc:
            QMessageBox.warning(self, self.windowTitle(), str(exc)[:1].upper() + str(exc)[1:])
            days = []
        for day in days:
            month, dd = day.month_day.split("-")
            self.add_row(f"{int(dd)}/{int(month)}", day.name)

    def add_row(self, when: str = "", name: str = "") -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, 0, QTableWidgetItem(when if isinstance(when, str) else ""))
        self.table.setItem(row, 1, QTableWidgetItem(name))
        if not when:
            self.table.setCurrentCell(row, 0)
            self.table.editItem(self.table.item(row, 0))

    def remove_row(self) -> None:
        if self.table.currentRow() >= 0:
            self.table.removeRow(self.table.currentRow())

    def entered(self) -> list[Anniversary]:
        """The rows filled in (empty ones left out), checked; UserError names the first bad one."""
        found = []
        for row in range(self.table.rowCount()):
            when, name = (self.table.item(row, c).text().strip() if self.table.item(row, c) else "" for c in (0, 1))
            if when or name:
                found.append(checked(day_month(when), name))
        return found

    def accept(self) -> None:
        try:
            self.store.save(self.entered())
        except UserError as exc:
            message = str(exc)
            QMessageBox.warning(self, self.windowTitle(), message[:1].upper() + message[1:])
            return
        super().accept()
