"""The address book dialog: search people kept across plans, correct a
person's details once (saved at once), and pick people for the list."""
from __future__ import annotations

from PySide6.QtCore import Qt
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
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from ..core.attendees import DEFAULT_GROUPS, Attendee
from ..core.errors import UserError
from ..core.text import nfc
from ..store.contacts import Contact, ContactStore

FIELDS = (("name", "Họ và tên"), ("position", "Chức vụ"), ("unit", "Đơn vị"), ("phone", "Điện thoại"),
          ("email", "Email"))
ID_ROLE = Qt.ItemDataRole.UserRole


class ContactsDialog(QDialog):
    def __init__(self, book: ContactStore, groups: list[str], parent=None):
        super().__init__(parent)
        self.book = book
        self._filling = False
        self.setWindowTitle(self.tr("Danh bạ"))
        self.resize(820, 480)
        layout = QVBoxLayout(self)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Tìm theo tên, chức vụ, đơn vị, điện thoại (gõ không dấu cũng được)…"))
        self.search.setClearButtonEnabled(True)
        layout.addWidget(self.search)
        self.table = QTableWidget(0, len(FIELDS), self)
        self.table.setHorizontalHeaderLabels([self.tr(label) for _f, label in FIELDS])
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
        self.table.itemChanged.connect(self._edited)
        self.refresh()

    def refresh(self, *_args) -> None:
        self._filling = True
        try:
            self.table.setRowCount(0)
            for contact in self.book.list(self.search.text()):
                row = self.table.rowCount()
                self.table.insertRow(row)
                for column, (field, _label) in enumerate(FIELDS):
                    item = QTableWidgetItem(getattr(contact, field))
                    item.setData(ID_ROLE, contact.id)
                    self.table.setItem(row, column, item)
        finally:
            self._filling = False

    def _contact(self, row: int) -> Contact:
        values = [nfc(self.table.item(row, column).text()).strip() for column in range(len(FIELDS))]
        return Contact(self.table.item(row, 0).data(ID_ROLE), *values)

    def _edited(self, item) -> None:
        if self._filling:
            return
        try:
            self.book.update(self._contact(item.row()))
        except UserError as exc:
            QMessageBox.critical(self, self.tr("Danh bạ"), str(exc))
            self.refresh()

    def chosen(self) -> list[Attendee]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        group = nfc(self.group.currentText()).strip()
        return [self._contact(row).attendee(group) for row in rows]
