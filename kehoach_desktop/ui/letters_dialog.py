"""In thư mời: the small dialog of the guest list's "In thư mời…" (how many
letters, per person or per unit; a draft or a numbered batch), and the flow
behind it. A draft is saved unnumbered, nothing is recorded. "Cấp số và in"
shows the number the batch will take (Register.as_letters), asks, then takes
it (Register.issue_letters, refused if another program took that number
meanwhile), and saves the file the register keeps: when the file cannot be
written, the clerk is told where the register keeps it."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QCursor, QGuiApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ..core.attendees import Attendee
from ..core.cancel import CancelledError
from ..core.dates import short_date
from ..core.errors import UserError
from ..core.file_names import document_file_name
from ..core.model import Plan
from ..store.database import Database
from .file_dialogs import ask_save_path
from .jobs import write_in_job
from .modal import run_modal

DRAFT, NUMBERED = 2, 3  # the dialog's results beside Rejected (0) and Accepted (1)


class LettersDialog(QDialog):
    """The choice before printing: per person or per unit, draft or numbered.
    exec() returns DRAFT, NUMBERED, or Rejected ("Đóng")."""

    def __init__(self, plan: Plan, rows: list[Attendee], parent: QWidget | None = None):
        from ..formats.letter_batches import letter_count

        super().__init__(parent)
        self.setWindowTitle(self.tr("In thư mời"))
        self.counts = {unit: letter_count(plan, rows, per_unit=unit) for unit in (False, True)}
        layout = QVBoxLayout(self)
        self.per_person_button = QRadioButton(self.tr("Mỗi người một thư ({n} thư mời)").format(n=self.counts[False]),
                                              self)
        self.per_unit_button = QRadioButton(self.tr("Mỗi đơn vị một thư ({n} thư mời)").format(n=self.counts[True]),
                                            self)
        self.per_person_button.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.per_person_button)
        group.addButton(self.per_unit_button)
        layout.addWidget(self.per_person_button)
        layout.addWidget(self.per_unit_button)
        self.count_label = QLabel(self)
        self.count_label.setWordWrap(True)
        layout.addWidget(self.count_label)
        note = QLabel(self.tr("Bản nháp không có số, không ghi vào sổ văn bản đi, để xem và sửa trước. "
                              "“Cấp số và in” lấy số thư mời tiếp theo trong sổ văn bản đi, ghi ngày hôm nay "
                              "và giữ lại bản Word đúng như khi in."), self)
        note.setWordWrap(True)
        layout.addWidget(note)
        row = QHBoxLayout()
        self.draft_button = QPushButton(self.tr("Xem bản nháp (chưa cấp số)"), self)
        self.numbered_button = QPushButton(self.tr("Cấp số và in"), self)
        close_button = QPushButton(self.tr("Đóng"), self)
        row.addWidget(self.draft_button)
        row.addWidget(self.numbered_button)
        row.addStretch(1)
        row.addWidget(close_button)
        layout.addLayout(row)
        self.numbered_button.setDefault(True)
        self.draft_button.clicked.connect(lambda: self.done(DRAFT))
        self.numbered_button.clicked.connect(lambda: self.done(NUMBERED))
        close_button.clicked.connect(self.reject)
        self.per_person_button.toggled.connect(self._show_count)
        self._show_count()

    @property
    def per_unit(self) -> bool:
        return self.per_unit_button.isChecked()

    @property
    def count(self) -> int:
        return self.counts[self.per_unit]

    def _show_count(self, *_args) -> None:
        if self.count:
            self.count_label.setText(self.tr("Sẽ in {n} thư mời, mỗi thư một trang.").format(n=self.count))
        else:
            self.count_label.setText(self.tr("Chưa có khách mời nào ghi đơn vị: chọn “Mỗi người một thư”, hoặc "
                                             "ghi đơn vị trước.") if self.per_unit else
                                     self.tr("Chưa có ai để gửi thư mời: hãy thêm khách mời trước."))
        self.draft_button.setEnabled(self.count > 0)
        self.numbered_button.setEnabled(self.count > 0)


def print_letters(parent: QWidget, db: Database, plan_id: int, plan: Plan, rows: list[Attendee]) -> str | None:
    """The whole "In thư mời…" of the guest list ``rows`` (saved) of the
    plan; what to show in the tab's status line, None when nothing was done."""
    from ..store.office import OfficeStore

    title = parent.tr("In thư mời")
    try:
        office = OfficeStore(db).get()
    except UserError as exc:
        QMessageBox.critical(parent, title, str(exc))
        return None
    dialog = LettersDialog(plan, rows, parent)
    choice = run_modal(dialog)
    per_unit, count = dialog.per_unit, dialog.count  # read before the dialog is deleted (later, in the event loop)
    if choice == DRAFT:
        return _draft(parent, plan, rows, per_unit, office, count)
    if choice == NUMBERED:
        return _numbered(parent, db, plan_id, plan, rows, per_unit, office, count)
    return None


def _draft(parent, plan, rows, per_unit, office, count) -> str | None:
    from ..formats.letter_batches import draft_bytes

    path = ask_save_path(parent, parent.tr("Lưu bản nháp thư mời"), parent.tr("Thư mời (bản nháp).docx"),
                         parent.tr("Tệp Word (*.docx)"), ".docx")
    if path is None:
        return None
    try:
        write_in_job(parent, path, lambda: draft_bytes(plan, rows, per_unit=per_unit, office=office))
    except CancelledError:
        return None
    except UserError as exc:
        QMessageBox.critical(parent, parent.tr("Không in được thư mời"), str(exc))
        return None
    return parent.tr("Đã lưu bản nháp {n} thư mời (chưa cấp số) vào {file}.").format(n=count, file=path)


def _numbered(parent, db, plan_id, plan, rows, per_unit, office, count) -> str | None:
    from ..formats.letter_batches import addressees, renderer
    from ..formats.safe_write import write_atomically
    from ..store.register import Register

    title = parent.tr("Cấp số và in thư mời")
    if office.numbering == "term" and office.term_start is None:
        QMessageBox.information(parent, title, parent.tr(
            "Chưa đặt ngày bắt đầu nhiệm kỳ nên chưa cấp số được (số văn bản của Đoàn đánh lại từ đầu mỗi "
            "nhiệm kỳ). Hãy khai báo trong Công cụ → Hồ sơ cơ quan…"))
        return None
    register = Register(db)
    try:
        to_come = register.as_letters(plan_id)  # the number is not taken yet
    except UserError as exc:
        QMessageBox.critical(parent, title, str(exc))
        return None
    box = QMessageBox(QMessageBox.Icon.Question, title,
                      parent.tr("Sẽ cấp số {number} ngày {day} cho {n} thư mời.").format(
                          number=to_come.label, day=short_date(to_come.issued_on), n=count),
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    box.setInformativeText(parent.tr("“{title}”. Số này được ghi vào sổ văn bản đi cùng bản Word của các thư "
                                     "mời, không dùng lại được.\n\nCấp số?").format(title=to_come.title))
    if run_modal(box) != QMessageBox.StandardButton.Yes:
        return None
    path = ask_save_path(parent, parent.tr("Lưu thư mời"), document_file_name(to_come.label, to_come.title, ".docx"),
                         parent.tr("Tệp Word (*.docx)"), ".docx")
    if path is None:
        return None
    # The letters are made inside the register's transaction (they carry its
    # number), on this thread as every write to the database is (ui/jobs.py).
    QGuiApplication.setOverrideCursor(QCursor(Qt.CursorShape.WaitCursor))
    try:
        entry = register.issue_letters(plan_id, render=renderer(plan, rows, per_unit=per_unit, office=office),
                                       issued_on=to_come.issued_on, expected_number=to_come.number,
                                       addressees=addressees)
        data = register.docx(entry.id)
    except UserError as exc:
        QGuiApplication.restoreOverrideCursor()
        QMessageBox.critical(parent, title, str(exc))
        return None
    QGuiApplication.restoreOverrideCursor()
    try:
        write_atomically(path, data, overwrite=True)  # the save dialog asked about an existing file
    except UserError as exc:
        QMessageBox.critical(parent, parent.tr("Không lưu được tệp thư mời"), parent.tr(
            "{error}\n\nSố {number} đã được cấp và bản Word của các thư mời được giữ trong sổ văn bản đi: mở "
            "Công cụ → Sổ văn bản đi…, chọn dòng {number} rồi bấm “Lưu bản Word đã ban hành…”.").format(
                error=str(exc), number=entry.label))
        return None
    return parent.tr("Đã cấp số {number} ngày {day} cho {n} thư mời và lưu {file}.").format(
        number=entry.label, day=short_date(entry.issued_on), n=count, file=path)
