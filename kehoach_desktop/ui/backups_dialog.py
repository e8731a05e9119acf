"""Tệp → Khôi phục từ bản sao lưu…: the copies of the database (the daily
automatic ones, those taken before an upgrade or a restore, and those made
by hand), a restore that keeps the current state as a copy first, and how
many automatic copies to keep."""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
)

from ..core.dates import short_datetime
from ..core.errors import UserError
from ..store import backups as b
from ..store.restore import plans_in, set_keep_count
from ..store.restore import restore as restore_backup
from .list_model import Column, ListModel


def plan_count_text(copy) -> str:
    """The number of plans in a copy as the clerk reads it; "?" when unreadable."""
    count = plans_in(copy)
    return "?" if count is None else str(count)


@dataclass(frozen=True)
class _Listed:
    """A copy as the table shows it: its plans counted and its size read
    once, not at every repaint."""

    copy: b.Backup
    plans: str
    size: str


class BackupsDialog(QDialog):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.db = window.db
        self.restored = False
        self.setWindowTitle(self.tr("Khôi phục từ bản sao lưu"))
        self.resize(720, 420)
        layout = QVBoxLayout(self)
        hint = QLabel(self.tr("Mỗi ngày, lần đầu mở chương trình, một bản sao lưu được tạo tự động. Khôi phục một "
                              "bản thì dữ liệu hiện tại được sao lưu trước, nên vẫn quay lại được."), self)
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.model = ListModel((
            Column(self.tr("Thời gian"), lambda listed: short_datetime(listed.copy.made_at, seconds=True)),
            Column(self.tr("Loại"), lambda listed: listed.copy.reason_label),
            Column(self.tr("Số kế hoạch"), lambda listed: listed.plans),
            Column(self.tr("Kích thước"), lambda listed: listed.size),
        ), self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        layout.addWidget(self.table, 1)
        keep_row = QHBoxLayout()
        keep_row.addWidget(QLabel(self.tr("Giữ lại số bản sao lưu tự động:"), self))
        self.keep = QSpinBox(self)
        self.keep.setRange(1, b.MAX_KEEP)
        keep_row.addWidget(self.keep)
        keep_row.addStretch(1)
        layout.addLayout(keep_row)
        buttons = QDialogButtonBox(self)
        self.restore_button = QPushButton(self.tr("&Khôi phục bản đã chọn…"), self)
        self.backup_button = QPushButton(self.tr("&Sao lưu ngay"), self)
        close_button = QPushButton(self.tr("Đóng"), self)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.backup_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(close_button, QDialogButtonBox.ButtonRole.RejectRole)
        layout.addWidget(buttons)
        self.restore_button.clicked.connect(self.restore)
        self.backup_button.clicked.connect(self.backup_now)
        close_button.clicked.connect(self.reject)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        if self.db.file is None:
            hint.setText(self.tr("Cơ sở dữ liệu trên máy chủ được sao lưu bằng công cụ của máy chủ (pg_dump); hãy "
                                 "nhờ người quản trị khôi phục."))
            self.backup_button.setEnabled(False)
            self.keep.setEnabled(False)
        else:
            self.keep.setValue(b.keep_count(self.db.file))
            self.keep.valueChanged.connect(self._save_keep)
        self.refresh()

    def refresh(self) -> None:
        copies = b.backups(self.db.file) if self.db.file is not None else []
        self.model.set_rows(_Listed(copy, plan_count_text(copy.path), f"{copy.size / 1024:.0f} KB") for copy in copies)
        self.table.resizeColumnsToContents()
        self._update_buttons()

    def _update_buttons(self, *_args) -> None:
        self.restore_button.setEnabled(bool(self.table.selectionModel().selectedRows()))

    def _save_keep(self, value: int) -> None:
        try:
            set_keep_count(self.db, value)
        except UserError as exc:
            QMessageBox.critical(self, self.tr("Không lưu được"), str(exc))

    def backup_now(self) -> None:
        try:
            b.copy_of(self.db.file, b.BY_HAND)
        except (OSError, sqlite3.Error, UserError) as exc:  # UserError: the database is damaged
            QMessageBox.critical(self, self.tr("Không sao lưu được"), str(exc))
        self.refresh()

    def restore(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        copy = self.model.row(rows[0].row()).copy
        question = self.tr("Khôi phục dữ liệu như lúc {time} ({kind})?\n\nDữ liệu hiện tại sẽ được sao lưu trước "
                           "(loại “trước khi khôi phục”), nên vẫn quay lại được.").format(
            time=short_datetime(copy.made_at), kind=copy.reason_label)
        if QMessageBox.question(self, self.tr("Khôi phục"), question) != QMessageBox.StandardButton.Yes:
            return
        self.window.editor.save_now()
        self.window.editor.save_attendees()
        try:
            restore_backup(self.db, copy.path)
        except UserError as exc:
            QMessageBox.critical(self, self.tr("Không khôi phục được"), str(exc))
            return
        self.restored = True
        self.window.editor.open_plan(None)
        self.window.reload()
        self.window.statusBar().showMessage(self.tr("Đã khôi phục dữ liệu như lúc {time}.").format(
            time=short_datetime(copy.made_at)), 10000)
        self.refresh()
