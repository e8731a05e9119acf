"""Tab "Khách mời": the plan's invitation list, edited in a table, saved by
itself, with bulk changes, rows made from the participants section, Excel
import and export, and invitation letters. The tab keeps the list's version
as read; a save refused because somebody else saved the list meanwhile opens
the conflict dialog (ui/conflict_dialog.py): reload, keep mine, or merge."""
from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from operator import attrgetter

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..core import invitees
from ..core.attendees import HONORIFICS, REPLIES, WHOLE_UNIT, Attendee, problems, sorted_attendees
from ..core.cancel import CancelledError
from ..core.errors import UserError
from ..core.model import Plan
from ..store.attendees import AttendeeStore, GuestList, differences, merge, merge_lists
from ..store.contacts import ContactStore
from ..store.plans import PlanStore
from ..store.versions import ConflictError
from .conflict_dialog import KEEP_MINE, MERGE, RELOAD, ConflictDialog, Side, count_text
from .file_dialogs import ask_open_path
from .fitted_columns import ColumnFitter, Fit
from .flow_layout import flow_row
from .jobs import read_in_job
from .list_model import Column, ListFilter, ListModel, field_column
from .modal import run_modal
from .workbook_export import export_workbook

COLUMNS = (("honorific", "Danh xưng"), ("name", "Họ và tên"), ("position", "Chức vụ"), ("unit", "Đơn vị"), ("group", "Nhóm"),
           ("phone", "Điện thoại"), ("email", "Email"), ("reply", "Phản hồi"), ("attended", "Có mặt"),
           ("note", "Ghi chú"))
COL = {key: i for i, (key, _label) in enumerate(COLUMNS)}
# The columns fit the pane (fitted_columns.py), most important first: in a
# narrow pane the last ones are hidden, and the page says which.
# key: (smallest width in average characters, largest or None, share of the room left);
# a column nobody filled in keeps its smallest width.
FITS = {"honorific": (8, 10, 0), "name": (16, None, 3), "unit": (14, None, 3), "position": (20, None, 4), "reply": (13, 16, 1),
        "attended": (8, 9, 0), "group": (10, 18, 1), "phone": (11, 14, 1), "email": (14, 26, 1), "note": (10, None, 1)}
SAVE_MS = 500
ALL = "*"  # the group filter's "every group"
_BY_LABEL = {label: key for key, label in REPLIES.items()}


def _line(a: Attendee) -> str:
    """One guest on one line, for the conflict dialog."""
    parts = [a.name or "(chưa có tên)", a.position, a.unit, a.group and f"nhóm {a.group}", a.phone, a.email,
             REPLIES.get(a.reply, "") if a.reply != "pending" else "", "có mặt" if a.attended else "", a.note]
    return " – ".join(p for p in parts if p)


def _attended(a: Attendee, present: bool) -> Attendee:
    """Ticked in the table, as at the check-in desk: present with the time
    (a time already there stays); unticked, no time."""
    return replace(a, attended=present, attended_at=(a.attended_at or datetime.now().replace(microsecond=0))
                   if present else None)


class _ChoiceDelegate(QStyledItemDelegate):
    """A column chosen from a few values, never typed (the reply, the honorific)."""

    def __init__(self, choices: list[str], parent=None):
        super().__init__(parent)
        self._choices = choices

    def createEditor(self, parent, option, index):  # noqa: N802 - Qt API
        box = QComboBox(parent)
        box.addItems(self._choices)
        return box

    def setEditorData(self, editor, index):  # noqa: N802
        editor.setCurrentText(index.data() or self._choices[0])

    def setModelData(self, editor, model, index):  # noqa: N802
        model.setData(index, editor.currentText())


# The "Danh xưng" column: how the letter addresses the row (empty: the plan's
# usual one, "đồng chí" in a Youth Union plan), or a unit invited as a whole.
HONORIFIC_CHOICES = ["", *HONORIFICS, WHOLE_UNIT]


def _honorific_shown(a: Attendee) -> str:
    return WHOLE_UNIT if a.whole_unit else a.honorific


def _honorific_chosen(a: Attendee, text: str) -> Attendee:
    if text == WHOLE_UNIT:
        return replace(a, whole_unit=True, honorific="")
    return replace(a, whole_unit=False, honorific=text if text in HONORIFICS else "")


NEEDS_NAME = "(cần điền họ tên)"  # shown, grey, in the empty name cell of a person named by position only
NEEDS_NAME_TIP = "Kế hoạch chỉ ghi chức vụ: hãy điền họ tên người được mời."


class _NameDelegate(QStyledItemDelegate):
    """The name cell of a row that needs a name shows NEEDS_NAME in grey
    italics; the cell's value (what the editor opens with, what is saved)
    stays empty. ``needs_name(index)`` says which rows."""

    def __init__(self, needs_name, parent=None):
        super().__init__(parent)
        self._needs_name = needs_name

    def initStyleOption(self, option, index):  # noqa: N802 - Qt API
        super().initStyleOption(option, index)
        if not option.text and self._needs_name(index):
            option.text = self.tr(NEEDS_NAME)
            option.font.setItalic(True)
            option.palette.setColor(QPalette.ColorRole.Text, QColor("#8a8a8a"))


class _AttendeeFilter(ListFilter):
    """The rows of the chosen group (ALL: every group) whose name, position,
    unit, phone or email contain the words typed."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._group = ALL

    def set_group(self, group) -> None:
        self.refilter(lambda: setattr(self, "_group", group))

    def accepts(self, attendee: Attendee) -> bool:
        return self._group == ALL or attendee.group == self._group


class AttendeesPage(QWidget):
    title = "Khách mời"

    def __init__(self, store: PlanStore, current_plan, parent=None):
        super().__init__(parent)
        self.people = AttendeeStore(store.db)
        self.book = ContactStore(store.db)
        self.current_plan = current_plan  # the plan as the editors show it, unsaved edits included
        self.plan_id: int | None = None
        self.dirty = False
        self.version = 0  # the list's version as read or last saved here
        self.base: list[Attendee] = []  # the list as read or last saved here: what a merge compares with
        layout = QVBoxLayout(self)

        filters = QHBoxLayout()
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Lọc theo tên, chức vụ, đơn vị (gõ không dấu cũng được)…"))
        self.search.setClearButtonEnabled(True)
        self.group_filter = QComboBox(self)
        filters.addWidget(self.search, 1)
        filters.addWidget(self.group_filter)
        layout.addLayout(filters)

        self.model = ListModel([self._column(key, self.tr(label)) for key, label in COLUMNS], self,
                               search=lambda a: " ".join((a.name, a.position, a.unit, a.phone, a.email)))
        self.proxy = _AttendeeFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        char = self.fontMetrics().averageCharWidth()
        self.fitter = ColumnFitter(self.table, [
            Fit(COL[key], low * char, high * char if high else None, share) for key, (low, high, share) in FITS.items()
        ], self._show_hidden_columns, empty_stays_small=True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setItemDelegateForColumn(COL["reply"], _ChoiceDelegate(list(REPLIES.values()), self.table))
        self.table.setItemDelegateForColumn(COL["honorific"], _ChoiceDelegate(HONORIFIC_CHOICES, self.table))
        self.table.setItemDelegateForColumn(COL["name"], _NameDelegate(
            lambda index: self.model.row(self.proxy.mapToSource(index).row()).needs_name, self.table))
        layout.addWidget(self.table, 1)

        self.hidden_note = QLabel(self)
        self.hidden_note.setWordWrap(True)
        self.hidden_note.hide()
        layout.addWidget(self.hidden_note)

        self.bulk_reply = QComboBox(self)
        self.bulk_reply.addItems(list(REPLIES.values()))
        self.apply_reply_button = QPushButton(self.tr("Đặt phản hồi"), self)
        self.present_button = QPushButton(self.tr("Có mặt"), self)
        self.absent_button = QPushButton(self.tr("Không có mặt"), self)
        layout.addWidget(flow_row(self, QLabel(self.tr("Các dòng đã chọn:"), self), self.bulk_reply,
                                  self.apply_reply_button, self.present_button, self.absent_button))

        self.add_button = QPushButton(self.tr("Thêm người"), self)
        self.remove_button = QPushButton(self.tr("Xoá dòng"), self)
        self.generate_button = QPushButton(self.tr("Tạo từ thành phần tham dự"), self)
        self.pick_button = QPushButton(self.tr("Chọn từ danh bạ…"), self)
        self.keep_button = QPushButton(self.tr("Lưu vào danh bạ"), self)
        self.import_button = QPushButton(self.tr("Nhập Excel…"), self)
        self.export_button = QPushButton(self.tr("Xuất Excel…"), self)
        self.letters_button = QPushButton(self.tr("In thư mời…"), self)
        self.checkin_button = QPushButton(self.tr("Điểm danh…"), self)
        layout.addWidget(flow_row(self, self.add_button, self.remove_button, self.generate_button, self.pick_button,
                                  self.keep_button, self.import_button, self.export_button, self.letters_button,
                                  self.checkin_button))
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        layout.addWidget(self.status)

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SAVE_MS)
        self.timer.timeout.connect(self.save_now)
        self.model.dataChanged.connect(self._changed)
        self.search.textChanged.connect(self._apply_filter)
        self.group_filter.currentIndexChanged.connect(self._apply_filter)
        self.apply_reply_button.clicked.connect(self.apply_reply)
        self.present_button.clicked.connect(lambda: self.mark_attended(True))
        self.absent_button.clicked.connect(lambda: self.mark_attended(False))
        self.add_button.clicked.connect(self.add_row)
        self.remove_button.clicked.connect(self.remove_rows)
        self.generate_button.clicked.connect(self.generate)
        self.pick_button.clicked.connect(self.pick_contacts)
        self.keep_button.clicked.connect(self.keep_contacts)
        self.import_button.clicked.connect(self.import_excel)
        self.export_button.clicked.connect(self.export_excel)
        self.letters_button.clicked.connect(self.print_letters)
        self.checkin_button.clicked.connect(self.open_checkin)
        self.setEnabled(False)

    def _show_hidden_columns(self, hidden: list[int]) -> None:
        names = ", ".join(self.tr(COLUMNS[column][1]) for column in sorted(hidden))
        self.hidden_note.setText(self.tr("Khung hẹp nên đang ẩn cột: {names}. Kéo rộng khung soạn thảo (hoặc thu "
                                         "hẹp khung xem trước) để thấy đủ các cột.").format(names=names))
        self.hidden_note.setVisible(bool(hidden))

    @staticmethod
    def _column(key: str, header: str) -> Column:
        """Text fields are typed; the reply and the honorific are chosen (_ChoiceDelegate); "attended" is a check box."""
        if key == "honorific":
            return Column(header, _honorific_shown, edit=_honorific_chosen)
        if key == "reply":
            return Column(header, lambda a: REPLIES.get(a.reply, REPLIES["pending"]),
                          edit=lambda a, label: replace(a, reply=_BY_LABEL.get(label, "pending")))
        if key == "attended":
            return Column(header, checked=attrgetter("attended"), check=_attended)
        if key == "name":
            return field_column(key, header, tooltip=lambda a: a.name or (NEEDS_NAME_TIP if a.needs_name else ""))
        return field_column(key, header)

    # ---------------------------------------------------------------- loading
    @property
    def plan(self) -> Plan | None:
        return self.current_plan() if self.plan_id is not None else None

    def open_plan(self, plan_id: int | None) -> None:
        self.save_now()
        self.plan_id, self.dirty = plan_id, False
        stored = GuestList([], 0)
        if plan_id is not None:
            try:
                stored = self.people.load(plan_id)
            except UserError as exc:
                self.status.setText(str(exc))
        self.setEnabled(plan_id is not None)
        self._take(stored)

    def _take(self, stored: GuestList) -> None:
        """Show the list as stored, with its version."""
        self.version, self.base = stored.version, list(stored.rows)
        self.fill(stored.rows)

    def fill(self, rows: list[Attendee]) -> None:
        self.model.set_rows(rows)
        self._refresh()

    def rows(self) -> list[Attendee]:
        """The list as the table shows it (filtered rows included)."""
        return self.model.rows()

    # ----------------------------------------------------------------- saving
    def _changed(self, *_args) -> None:
        if self.plan_id is None:
            return
        self.dirty = True
        if not self.timer.isActive():  # from the first unsaved change, not put off by the next ones
            self.timer.start()
        self._refresh()

    def save_now(self) -> bool:
        """Write pending changes (the timer calls this too); False when refused."""
        self.timer.stop()
        if not self.dirty or self.plan_id is None:
            return True
        rows = self.rows()
        try:
            self.version = self.people.replace(self.plan_id, rows, expected_version=self.version)
        except ConflictError as exc:
            return self._resolve_conflict(str(exc))
        except UserError as exc:
            QMessageBox.critical(self, self.tr("Không lưu được danh sách khách mời"), str(exc))
            return False
        self.base, self.dirty = rows, False
        return True

    def _resolve_conflict(self, message: str) -> bool:
        """Somebody else saved the list after it was read here: show both and
        let the clerk choose; True once the list the clerk chose is saved."""
        assert self.plan_id is not None
        while True:
            try:
                theirs = self.people.load(self.plan_id)
            except UserError as exc:
                QMessageBox.critical(self, self.tr("Không lưu được danh sách khách mời"), str(exc))
                return False
            mine = self.rows()
            dialog = self._conflict_dialog(message, mine, theirs.rows)
            choice = run_modal(dialog)
            if choice == RELOAD:
                self._take(theirs)
                self.dirty = False
                self.status.setText(self.tr("Đã tải lại danh sách đã lưu ({n} khách mời).").format(
                    n=count_text(len(theirs.rows))))
                return False
            if choice not in (KEEP_MINE, MERGE):  # later: the edit stays on the screen, unsaved
                self.status.setText(self.tr("Danh sách khách mời chưa được lưu: đã có bản khác lưu ở nơi khác."))
                return False
            rows = mine if choice == KEEP_MINE else merge_lists(self.base, mine, theirs.rows)
            try:
                self.version = self.people.replace(self.plan_id, rows, expected_version=theirs.version)
            except ConflictError as exc:  # saved once more elsewhere while the dialog was open: ask again
                message = str(exc)
                continue
            except UserError as exc:
                QMessageBox.critical(self, self.tr("Không lưu được danh sách khách mời"), str(exc))
                return False
            if choice == MERGE:
                self.fill(rows)
            self.base, self.dirty = rows, False
            self.status.setText(self.tr("Đã lưu danh sách khách mời ({n} khách mời).").format(
                n=count_text(len(rows))))
            return True

    def _conflict_dialog(self, message: str, mine: list[Attendee], theirs: list[Attendee]) -> ConflictDialog:
        found = differences(mine, theirs)
        mine_lines = [f"+ {_line(a)}" for a in found.only_mine] + [f"~ {_line(a)}" for a, _b in found.changed]
        theirs_lines = [f"+ {_line(a)}" for a in found.only_theirs] + [f"~ {_line(b)}" for _a, b in found.changed]
        summary = self.tr(
            "Bản của anh/chị: {mine} khách mời; bản đã lưu ở nơi khác: {theirs} khách mời. Khác nhau: {only_mine} "
            "dòng chỉ có trong bản của anh/chị, {only_theirs} dòng chỉ có trong bản đã lưu, {changed} dòng có "
            "nội dung khác (dấu ~). Dưới đây chỉ hiện những dòng khác nhau.").format(
            mine=count_text(len(mine)), theirs=count_text(len(theirs)), only_mine=count_text(len(found.only_mine)),
            only_theirs=count_text(len(found.only_theirs)), changed=count_text(len(found.changed)))
        return ConflictDialog(self.tr("Danh sách khách mời đã được lưu ở nơi khác"), message, summary,
                              Side(self.tr("Bản của anh/chị (chưa lưu)"), mine_lines),
                              Side(self.tr("Bản đã lưu ở nơi khác"), theirs_lines), can_merge=True, parent=self)

    def _refresh(self) -> None:
        """Groups for the filter, the counts and the rows with problems."""
        rows = self.rows()
        chosen = self.group_filter.currentData() if self.group_filter.count() else ALL
        self.group_filter.blockSignals(True)
        self.group_filter.clear()
        self.group_filter.addItem(self.tr("Mọi nhóm"), ALL)
        for group in dict.fromkeys(a.group for a in rows):
            self.group_filter.addItem(group or self.tr("(chưa xếp nhóm)"), group)
        self.group_filter.setCurrentIndex(max(self.group_filter.findData(chosen), 0))
        self.group_filter.blockSignals(False)
        wrong = [f"dòng {i + 1}: {message}" for i, a in enumerate(rows) for _f, message in problems(a.normalised())]
        text = self.tr("{n} khách mời – {yes} tham dự – {came} có mặt").format(
            n=len(rows), yes=sum(a.reply == "attending" for a in rows), came=sum(a.attended for a in rows))
        self.status.setText(text + ("\n" + "; ".join(wrong[:5]) if wrong else ""))
        self.status.setStyleSheet("color: #b00020" if wrong else "")
        self._apply_filter()

    def _apply_filter(self, *_args) -> None:
        self.proxy.set_group(self.group_filter.currentData() if self.group_filter.count() else ALL)
        self.proxy.set_query(self.search.text())

    # ---------------------------------------------------------------- actions
    def _selected_rows(self) -> list[int]:
        """The model's rows of the selected lines."""
        return sorted({self.proxy.mapToSource(index).row() for index in self.table.selectionModel().selectedRows()})

    def apply_reply(self) -> None:
        for row in self._selected_rows():
            self.model.setData(self.model.index(row, COL["reply"]), self.bulk_reply.currentText())

    def mark_attended(self, present: bool) -> None:
        state = Qt.CheckState.Checked if present else Qt.CheckState.Unchecked
        for row in self._selected_rows():
            self.model.setData(self.model.index(row, COL["attended"]), state, Qt.ItemDataRole.CheckStateRole)

    def add_row(self) -> None:
        """A new line below the current one. Its group is never the line
        above's (the clerk picks it): empty, or the group the clerk chose in
        the group filter, so that the new line stays in sight."""
        current = self.proxy.mapToSource(self.table.currentIndex()).row()
        chosen = self.group_filter.currentData() if self.group_filter.count() else ALL
        group = "" if chosen in (ALL, None) else chosen
        row = current + 1 if current >= 0 else self.model.rowCount()
        self.model.insert_row(row, Attendee(group=group))
        self.table.setCurrentIndex(self.proxy.mapFromSource(self.model.index(row, COL["name"])))
        self._changed()

    def remove_rows(self) -> None:
        self.model.remove_rows(self._selected_rows())
        self._changed()

    def _add_merged(self, incoming: list[Attendee]) -> tuple[int, int]:
        report = merge(self.rows(), incoming)
        self.fill(report.result)
        self._changed()
        return len(report.added), len(report.updated)

    def generate(self) -> None:
        """Rows from the plan's participants (core/invitees.py): roles already
        on the list are not added again; the list then in the plan's group
        order; what was added, what needs a name and what was left out, said."""
        plan = self.plan
        if plan is None:
            return
        made = invitees.generate(plan)
        if not made.rows and not made.left_out:
            QMessageBox.information(self, self.tr("Khách mời"),
                                    self.tr("Kế hoạch chưa có mục Thành phần tham dự nào để tạo danh sách."))
            return
        have = self.rows()
        fresh = invitees.new_roles(have, made.rows)
        report = merge(have, fresh)
        self.fill(sorted_attendees(report.result, made.groups))
        self._changed()
        text = invitees.summary(made, report.added, len(made.rows) - len(fresh))
        self.status.setText(text)
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Tạo từ thành phần tham dự"), text,
                          QMessageBox.StandardButton.Ok, self)
        if made.left_out:
            box.setInformativeText(self.tr("Không mời (bỏ ra theo mặc định):\n") + "\n".join(
                f"– {line}" for line in invitees.left_out_lines(made)))
        run_modal(box)

    def pick_contacts(self) -> None:
        from .contacts_dialog import ContactsDialog

        dialog = ContactsDialog(self.book, list(dict.fromkeys(a.group for a in self.rows() if a.group)), self)
        if run_modal(dialog) != ContactsDialog.DialogCode.Accepted:
            return
        added, _updated = self._add_merged(dialog.chosen())
        self.status.setText(self.tr("Đã thêm {n} người từ danh bạ.").format(n=added))

    def keep_contacts(self) -> None:
        try:
            added, updated = self.book.save_from(self.rows())
        except UserError as exc:
            QMessageBox.critical(self, self.tr("Danh bạ"), str(exc))
            return
        self.status.setText(self.tr("Danh bạ: thêm {added} người, cập nhật {updated} người.").format(
            added=added, updated=updated))

    def import_excel(self) -> None:
        from ..core.invitees import group_for_unit
        from ..formats.attendees_xlsx import read_workbook

        path = ask_open_path(self, self.tr("Nhập danh sách khách mời"), self.tr("Tệp Excel (*.xlsx)"))
        if path is None:
            return
        plan = self.plan  # read here, not in the job: a row without a group takes its unit's group in the plan
        try:
            read = read_in_job(self, path, lambda source, _token: read_workbook(
                source, group_for_unit=lambda unit: group_for_unit(plan, unit) if plan is not None else ""))
        except CancelledError:
            return
        except UserError as exc:
            QMessageBox.critical(self, self.tr("Không nhập được danh sách"), str(exc))
            return
        report = merge(self.rows(), read.rows)
        question = self.tr("Trang “{sheet}”: thêm {added}, cập nhật {updated}, giữ nguyên {same}{dups}. Lưu vào "
                           "danh sách khách mời?").format(
            sheet=read.sheet, added=len(report.added), updated=len(report.updated), same=len(report.unchanged),
            dups=self.tr(", bỏ qua {n} dòng trùng").format(n=len(read.duplicates)) if read.duplicates else "")
        question += "".join(f"\n\nLưu ý: {note}" for note in read.notes())  # control characters removed, by cell
        if QMessageBox.question(self, self.tr("Nhập danh sách khách mời"), question) != \
                QMessageBox.StandardButton.Yes:
            return
        self.fill(report.result)
        self._changed()
        self.save_now()

    def export_excel(self) -> None:
        if self.plan is None:
            return
        path = export_workbook(self, self.tr("Xuất danh sách khách mời"), "Danh sách khách mời.xlsx", self.plan,
                               self._rows_with_codes)
        if path is not None:
            self.status.setText(self.tr("Đã lưu {file}.").format(file=path))

    def _rows_with_codes(self) -> list[Attendee]:
        """The list to print: as stored once pending edits are saved, so each
        row carries the check-in code the store gave it (the sign-in sheet
        and the letters print it); the table's rows when the save failed."""
        if self.plan_id is None or not self.save_now():
            return self.rows()
        try:
            return self.people.list(self.plan_id)
        except UserError:
            return self.rows()

    def print_letters(self) -> None:
        """"In thư mời…": a draft, or a batch numbered in the register (ui/letters_dialog.py);
        the list is saved first, so the letters are those of the list stored."""
        from .letters_dialog import print_letters

        if self.plan is None or self.plan_id is None or not self.save_now():
            return
        done = print_letters(self, self.people.db, self.plan_id, self.plan, self._rows_with_codes())
        if done:
            self.status.setText(done)

    def open_checkin(self) -> None:
        """The check-in window on the list as stored: pending edits saved
        first; the list read again after, with the attendance (when an edit
        could not be saved, its next save meets the check-ins' version and
        the conflict dialog, never overwriting them)."""
        from .checkin_view import open_checkin

        self.save_now()
        if open_checkin(self, self.people, self.plan_id, self.plan) and not self.dirty:
            self.open_plan(self.plan_id)
