"""The register of outgoing documents (sổ văn bản đi): every issued document
in the order of issue, searched without diacritics, exported to Excel, and
the Word file of a line saved exactly as it was issued (a plan, or a batch
of invitation letters: "Thư mời dự …", whose "Mở kế hoạch" opens its plan). The dialog keeps the
register's version as shown (Register.version): lines issued meanwhile by
another program are not exported unseen, the conflict dialog asks first."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from ..core.cancel import CancelledError
from ..core.dates import short_date
from ..core.errors import UserError
from ..core.file_names import document_file_name
from ..core.numbering import number_text
from ..store.database import Database
from ..store.register import Register, RegisterEntry
from .conflict_dialog import KEEP_MINE, LATER, RELOAD, ConflictDialog, Side, count_text
from .file_dialogs import ask_save_path
from .fitted_columns import ColumnFitter, Fit
from .jobs import write_in_job
from .list_model import Column, ListFilter, ListModel
from .modal import run_modal


def suggested_docx_name(entry: RegisterEntry) -> str:
    """"05-KH-ĐTN Tổ chức Hội nghị sơ kết….docx"."""
    return document_file_name(entry.label, entry.title, ".docx")


class RegisterTableModel(ListModel):
    """One row per register line, in the order given (the order of issue)."""

    COL_NUMBER, COL_DATE, COL_SYMBOL, COL_TITLE, COL_SIGNER, COL_RECIPIENTS = range(6)

    def __init__(self, parent=None):
        centre = Qt.AlignmentFlag.AlignCenter
        super().__init__((
            Column(self.tr("Số"), lambda entry: number_text(entry.number), align=centre),
            Column(self.tr("Ngày"), lambda entry: short_date(entry.issued_on), align=centre),
            Column(self.tr("Ký hiệu"), lambda entry: entry.symbol),
            Column(self.tr("Trích yếu"), lambda entry: entry.title),
            Column(self.tr("Người ký"), lambda entry: entry.signer),
            Column(self.tr("Nơi nhận"), lambda entry: "; ".join(entry.recipients),
                   tooltip=lambda entry: "\n".join(entry.recipients)),
        ), parent, row_id=lambda entry: entry.id, search=lambda entry: f"{entry.label} {self.row_text(entry)}")


# The columns fit the dialog (fitted_columns.py), most important first:
# (column, sample of the smallest width, largest width as a sample or None,
# share of the room left). The short columns are as wide as their longest
# value; a signer's name ("Nguyễn Đăng Khoa") is shown whole; the title and
# the recipients share what is left, elided, their tooltips whole.
REGISTER_FITS = ((RegisterTableModel.COL_TITLE, "Tổ chức Hội nghị sơ kết", None, 4),
                 (RegisterTableModel.COL_NUMBER, "0000", "0000", 0),
                 (RegisterTableModel.COL_DATE, "00/00/0000", "00/00/0000", 0),
                 (RegisterTableModel.COL_SYMBOL, "KH/ĐTN-VP", "KH/ĐTN-VP", 0),
                 (RegisterTableModel.COL_SIGNER, "Nguyễn Đăng Khoa", "Nguyễn Thị Phương Thảo", 1),
                 (RegisterTableModel.COL_RECIPIENTS, "Thành Đoàn (để báo cáo)", None, 2))
CELL_MARGINS = 12  # the style's text margins and the grid line, around a cell's text


class RegisterDialog(QDialog):
    """The register of ``db``. ``open_plan_requested(plan_id)`` is emitted by
    "Mở kế hoạch" (the dialog then closes and exec() returns Accepted, with
    ``chosen_plan_id`` set); "Đóng" makes exec() return Rejected."""

    open_plan_requested = Signal(int)

    def __init__(self, db: Database, parent=None):
        super().__init__(parent)
        self.register = Register(db)
        self.version: tuple[int, int, int] | None = None  # the register as shown
        self.chosen_plan_id: int | None = None
        self.setWindowTitle(self.tr("Sổ văn bản đi"))
        self.resize(980, 520)
        layout = QVBoxLayout(self)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Tìm theo số, ký hiệu, trích yếu, người ký, nơi nhận "
                                               "(gõ không dấu cũng được)…"))
        self.search.setClearButtonEnabled(True)
        layout.addWidget(self.search)

        self.model = RegisterTableModel(self)
        self.proxy = ListFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        def wide(sample: str) -> int:
            return self.table.fontMetrics().horizontalAdvance(sample) + CELL_MARGINS

        self.columns = ColumnFitter(self.table, [Fit(column, wide(low), None if high is None else wide(high), share)
                                                 for column, low, high, share in REGISTER_FITS])
        layout.addWidget(self.table, 1)

        self.status = QLabel(self)
        self.status.setWordWrap(True)
        layout.addWidget(self.status)

        row = QHBoxLayout()
        self.export_button = QPushButton(self.tr("&Xuất Excel…"), self)
        self.word_button = QPushButton(self.tr("&Lưu bản Word đã ban hành…"), self)
        self.open_button = QPushButton(self.tr("&Mở kế hoạch"), self)
        close_button = QPushButton(self.tr("Đóng"), self)
        for button in (self.export_button, self.word_button, self.open_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(close_button)
        for button in (self.export_button, self.word_button, self.open_button, close_button):
            button.setAutoDefault(False)  # Enter in the search box must not press a button
        layout.addLayout(row)

        self.search.textChanged.connect(self._filter)
        self.export_button.clicked.connect(self.export_excel)
        self.word_button.clicked.connect(self.save_word)
        self.open_button.clicked.connect(self.open_plan)
        close_button.clicked.connect(self.reject)
        self.table.doubleClicked.connect(self.save_word)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.refresh()

    # ------------------------------------------------------------------ contents
    def refresh(self) -> None:
        try:
            self.version = self.register.version()  # first: lines added after it make it differ, never the reverse
            entries = self.register.entries()
        except UserError as exc:
            self._error(self.tr("Sổ văn bản đi"), str(exc))
            entries, self.version = [], None
        self.model.set_rows(entries)
        self._select_first()
        self._update_buttons()
        self._show_count()

    def _filter(self, text: str) -> None:
        self.proxy.set_query(text)
        if self.selected_entry() is None:
            self._select_first()
        self._update_buttons()
        self._show_count()

    def _select_first(self) -> None:
        if self.proxy.rowCount():
            self.table.selectRow(0)

    def _show_count(self) -> None:
        total, shown = self.model.rowCount(), self.proxy.rowCount()
        if not total:
            text = self.tr("Sổ văn bản đi chưa có văn bản nào. Văn bản được ghi vào sổ khi ban hành.")
        elif shown == total:
            text = self.tr("{n} văn bản đã ban hành, theo thứ tự cấp số.").format(n=total)
        else:
            text = self.tr("Tìm thấy {shown} trong {n} văn bản.").format(shown=shown, n=total)
        self.status.setText(text)

    def _update_buttons(self, *_args) -> None:
        entry = self.selected_entry()
        self.word_button.setEnabled(entry is not None)
        self.open_button.setEnabled(entry is not None and entry.plan_of_line is not None)
        self.export_button.setEnabled(self.model.rowCount() > 0)

    def selected_entry(self) -> RegisterEntry | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.row(self.proxy.mapToSource(rows[0]).row())

    # ------------------------------------------------------------------ actions
    def _error(self, title: str, message: str) -> None:
        QMessageBox.critical(self, title, message)

    def export_excel(self) -> None:
        """The whole register (not only the lines the search shows) as a workbook."""
        from ..formats.register_xlsx import register_bytes

        try:
            entries = self._entries_to_export()  # the database is read on the GUI thread (ui/jobs.py)
        except UserError as exc:
            self._error(self.tr("Không xuất được sổ văn bản đi"), str(exc))
            return
        if entries is None:
            return
        path = ask_save_path(self, self.tr("Xuất sổ văn bản đi"), self.tr("Sổ văn bản đi.xlsx"),
                               self.tr("Tệp Excel (*.xlsx)"), ".xlsx")
        if path is None:
            return
        try:
            write_in_job(self, path, lambda: register_bytes(entries))
            count = len(entries)
        except CancelledError:
            return
        except UserError as exc:
            self._error(self.tr("Không xuất được sổ văn bản đi"), str(exc))
            return
        self.status.setText(self.tr("Đã ghi {n} dòng của sổ văn bản đi vào {file}.").format(n=count, file=path))

    def _entries_to_export(self) -> list[RegisterEntry] | None:
        """The whole register as shown; when another program issued or changed
        lines since, the clerk sees them and chooses (None: nothing to export now)."""
        shown = self.model.rows()
        if self.register.version() == self.version:
            return sorted(shown, key=lambda entry: entry.id)  # the order of issue
        stored = self.register.entries()
        seen = set(shown)
        new = [entry for entry in stored if entry not in seen]
        summary = self.tr("Sổ đang hiện {shown} văn bản; sổ đã lưu có {stored} văn bản, {new} dòng mới hoặc đã "
                          "đổi (bên phải).").format(shown=count_text(len(shown)), stored=count_text(len(stored)),
                                                    new=count_text(len(new)))
        dialog = ConflictDialog(
            self.tr("Sổ văn bản đi đã thay đổi"),
            self.tr("sổ văn bản đi vừa được ghi thêm ở nơi khác (một cửa sổ khác hoặc dòng lệnh) sau khi mở "
                    "hộp thoại này; chưa xuất gì"), summary,
            Side(self.tr("Đang hiện"), [f"{e.label} – {short_date(e.issued_on)} – {e.title}" for e in shown]),
            Side(self.tr("Đã lưu, chưa hiện"), [f"{e.label} – {short_date(e.issued_on)} – {e.title}" for e in new]),
            wording={RELOAD: (self.tr("Tải lại sổ"), self.tr("hiện đủ các dòng đã lưu, chưa xuất gì; xem lại rồi "
                                                              "bấm xuất lần nữa.")),
                     KEEP_MINE: (self.tr("Chỉ xuất các dòng đang hiện"),
                                 self.tr("xuất sổ như đang hiện, không có các dòng bên phải; sổ không bị "
                                         "thay đổi gì.")),
                     LATER: (self.tr("Để sau"), self.tr("chưa xuất gì."))},
            parent=self)
        choice = run_modal(dialog)
        if choice == RELOAD:
            self.refresh()
            return None
        return sorted(shown, key=lambda entry: entry.id) if choice == KEEP_MINE else None

    def save_word(self, *_args) -> None:
        """The Word file of the selected line, exactly as it was issued."""
        from ..formats.safe_write import write_atomically

        entry = self.selected_entry()
        if entry is None:
            return
        path = ask_save_path(self, self.tr("Lưu bản Word đã ban hành"), suggested_docx_name(entry),
                               self.tr("Tệp Word (*.docx)"), ".docx")
        if path is None:
            return
        try:
            write_atomically(path, self.register.docx(entry.id), overwrite=True)
        except UserError as exc:
            self._error(self.tr("Không lưu được bản Word"), str(exc))
            return
        self.status.setText(self.tr("Đã lưu bản Word của văn bản số {label} vào {file}.").format(
            label=entry.label, file=path))

    def open_plan(self) -> None:
        entry = self.selected_entry()
        if entry is None or entry.plan_of_line is None:
            return
        # A batch of letters opens the plan it invites to.
        self.chosen_plan_id = entry.plan_of_line
        self.open_plan_requested.emit(entry.plan_of_line)
        self.accept()
