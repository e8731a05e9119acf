"""Trợ giúp → Giới thiệu: the program's version, the database it works on
and the folder of its log (logs.py), with a button that opens that folder,
so that a clerk can find the file to send to whoever supports the office."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout

from .. import logs
from ..paths import logs_dir
from ..store.database import Database
from ..version import program_version


class AboutDialog(QDialog):
    def __init__(self, db: Database, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Giới thiệu KeHoach Desktop"))
        self.log_folder = logs_dir()
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("<b>KeHoach Desktop</b><br>Soạn, lưu và in kế hoạch của Đoàn TNCS Hồ Chí Minh "
                               "theo đúng thể thức"), self)
        layout.addWidget(title)
        form = QFormLayout()
        self.version_label = self._value(program_version() or self.tr("không rõ"))
        # The store's label: the file's path, or the server's address with its password hidden.
        self.database_label = self._value(db.label)
        folder = str(self.log_folder)
        if logs.log_file() is None:
            folder += self.tr(" (hiện không ghi được nhật ký vào thư mục này)")
        self.log_label = self._value(folder)
        form.addRow(self.tr("Phiên bản:"), self.version_label)
        form.addRow(self.tr("Cơ sở dữ liệu:"), self.database_label)
        form.addRow(self.tr("Thư mục nhật ký:"), self.log_label)
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Đóng"))
        self.open_logs_button = QPushButton(self.tr("Mở thư mục nhật ký"), self)
        buttons.addButton(self.open_logs_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.open_logs_button.clicked.connect(self.open_log_folder)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _value(self, text: str) -> QLabel:
        """A value the clerk can select and copy (a path to send, an address)."""
        label = QLabel(text, self)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setWordWrap(True)
        return label

    def open_log_folder(self) -> None:
        """The folder in the system's file manager (made first: before the
        first message it may not exist yet)."""
        try:
            Path(self.log_folder).mkdir(parents=True, exist_ok=True)
        except OSError:
            pass  # then opening fails below, and the clerk is told
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.log_folder))):
            QMessageBox.warning(self, self.tr("Không mở được thư mục"),
                                self.tr("Không mở được thư mục nhật ký:\n{folder}").format(folder=self.log_folder))
