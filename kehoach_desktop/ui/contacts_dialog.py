"""The address book dialog: search people kept across plans, correct a
person's details once (saved at once), and pick people for the list. Each
row keeps the version it was read with; a person changed meanwhile elsewhere
opens the conflict dialog (ui/conflict_dialog.py): reload, keep mine, or
merge (the cells changed here over their version)."""
from __future__ import annotations

from dataclasses import fields, replace

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
from ..store.contacts import Contact, ContactStore
from ..store.versions import ConflictError
from .conflict_dialog import KEEP_MINE, MERGE, RELOAD, ConflictDialog, Side
from .list_model import ListModel, field_column
from .modal import run_modal

FIELDS = (("name", "Họ và tên"), ("position", "Chức vụ"), ("unit", "Đơn vị"), ("phone", "Điện thoại"),
          ("email", "Email"))


def _lines(contact: Contact) -> dict[str, str]:
    return {field: f"{label}: {getattr(contact, field) or '(trống)'}" for field, label in FIELDS}


def merged(base: Contact, mine: Contact, theirs: Contact) -> Contact:
    """Their version with the fields changed here (from ``base``, as read) put over it."""
    return replace(theirs, **{f.name: getattr(mine, f.name) for f in fields(Contact)
                              if f.name not in ("id", "version") and getattr(mine, f.name) != getattr(base, f.name)})


class ContactsDialog(QDialog):
    def __init__(self, book: ContactStore, groups: list[str], parent=None):
        super().__init__(parent)
        self.book = book
        self.loaded: dict[int | None, Contact] = {}  # each row as read or last saved: what a merge compares with
        self._quiet = False  # a row put back by the program is not a clerk's edit
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
        rows = self.book.list(self.search.text())
        self.loaded = {c.id: c for c in rows}
        self.model.set_rows(rows)

    def _edited(self, top_left, *_args) -> None:
        """A cell was changed: the person is saved at once, for every list after."""
        if self._quiet:
            return
        mine = self.model.row(top_left.row())
        try:
            self._saved(self.book.update(mine))
        except ConflictError as exc:
            self._resolve_conflict(mine, str(exc))
        except UserError as exc:
            QMessageBox.critical(self, self.tr("Danh bạ"), str(exc))
            self.refresh()

    def _saved(self, contact: Contact) -> None:
        """The row takes the stored values and version, without counting as an edit."""
        self.loaded[contact.id] = contact
        self._quiet = True
        try:
            self.model.replace_row(contact)
        finally:
            self._quiet = False

    def _resolve_conflict(self, mine: Contact, message: str) -> None:
        """Somebody else changed (or deleted) this person after the book was read here."""
        assert mine.id is not None
        while True:
            theirs = self.book.get(mine.id)
            if theirs is None:
                QMessageBox.warning(self, self.tr("Danh bạ"), message[:1].upper() + message[1:])
                self.refresh()
                return
            ours, others = _lines(mine), _lines(theirs)
            differing = [key for key in ours if ours[key] != others[key]]
            summary = self.tr("{name}: khác nhau ở {n} mục; dưới đây là các mục đó ở hai bản.").format(
                name=theirs.name, n=len(differing))
            dialog = ConflictDialog(self.tr("Danh bạ đã được sửa ở nơi khác"), message, summary,
                                    Side(self.tr("Bản của anh/chị (chưa lưu)"), [ours[k] for k in differing]),
                                    Side(self.tr("Bản đã lưu ở nơi khác"), [others[k] for k in differing]),
                                    can_merge=True, parent=self)
            choice = run_modal(dialog)
            if choice not in (KEEP_MINE, MERGE):
                if choice == RELOAD:
                    self._saved(theirs)
                return  # later: the row keeps the clerk's values and its old version (saving asks again)
            chosen = mine if choice == KEEP_MINE else merged(self.loaded.get(mine.id, theirs), mine, theirs)
            try:
                self._saved(self.book.update(replace(chosen, version=theirs.version)))
                return
            except ConflictError as exc:  # changed once more meanwhile: ask again
                message = str(exc)
            except UserError as exc:
                QMessageBox.critical(self, self.tr("Danh bạ"), str(exc))
                self.refresh()
                return

    def chosen(self) -> list[Attendee]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        group = nfc(self.group.currentText()).strip()
        return [self.model.row(row).attendee(group) for row in rows]
