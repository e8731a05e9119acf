"""The address book dialog: search people kept across plans, correct a
person's details once (saved at once), and pick people for the list."""
from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QTableView,
    QVBoxLayout,
)

from ..core.attendees import DEFAULT_GROUPS, Attendee
from ..core.errors import UserError
from ..core.text import nfc
from ..store.contacts import ContactStore
from .list_model import ListModel, field_column

FIELDS = (("name", "Họ và tên"), ("position", "Chức vụ"), ("unit", "Đơn vị"), ("phone", "Điện thoại"),
          ("email", "Email"))


class ContactsDialog(QDialog):
    def __init__(self, book: ContactStore, groups: list[str], parent=None):
        super().__init__(parent)
        self.book = book
        self.setWindowTitle(self.tr("Danh bạ"))
        self.resize(820, 480)
        layout = QVBoxLayout(self)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Tìm theo tên, chức vụ, đơn vị, điện thoại (gõ không dấu cũng được)…"))
        self.search.setClearButtonEnabled(True)
        layout.addWidget(self.search)
        self.model = ListModel([field_column(field, self.tr(label)) for field, label in FIELDS], self,
                               row_id=lambda contact: contact.id)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed)
        layout.addWidget(self.table, 1)
        hint = QLabel(self.tr("Nhấp đúp vào một ô để sửa thông tin của người đó (lưu ngay, dùng cho các danh sách "
                              "sau). Chọn một hay nhiều người rồi bấm Thêm vào danh sách."), self)
        hint.setWordWrap(True)
        layout.addWidget(hint)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Thêm vào nhóm:"), self))
        self.group = QComboBox(self)
        self.group.setEditable(True)
        self.group.addItems(list(dict.fromkeys([*groups, *DEFAULT_GROUPS])))
        self.group.setCurrentText("Đại biểu" if "Đại biểu" in groups or not groups else groups[0])
        row.addWidget(self.group, 1)
        layout.addLayout(row)
        buttons = QDialogButtonBox(self)
        self.add_button = buttons.addButton(self.tr("Thêm vào danh sách"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("Đóng"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.search.textChanged.connect(self.refresh)
        self.model.dataChanged.connect(self._edited)
        self.refresh()

    def refresh(self, *_args) -> None:
        self.model.set_rows(self.book.list(self.search.text()))

    def _edited(self, top_left, *_args) -> None:
        """A cell was changed: the person is saved at once, for every list after."""
        try:
            self.book.update(self.model.row(top_left.row()))
        except UserError as exc:
            QMessageBox.critical(self, self.tr("Danh bạ"), str(exc))
            self.refresh()

    def chosen(self) -> list[Attendee]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        group = nfc(self.group.currentText()).strip()
        return [self.model.row(row).attendee(group) for row in rows]
