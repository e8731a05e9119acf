"""The "Điểm danh" window, for the day of the event: one big search box,
where two or three letters of a name or unit typed without diacritics list
the matching guests and Enter marks the chosen one present with the time, and
where a code read by a scanner (which types it, then Enter) marks its guest
at once. Counts per group and in all, large enough to read across a room;
late arrivals added on the spot; the attendance exported to Excel.

Each mark is a one-row write of the store (AttendeeStore.check_in), so two
desks can check people in at once; the list's version is watched, so what
another desk marked shows here within seconds."""
from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QFont, QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..core.attendees import Attendee
from ..core.checkin import CheckinIndex, desk_detail, desk_name
from ..core.errors import UserError
from ..core.invitees import plan_groups
from ..core.model import Plan
from ..store.attendees import AlreadyPresentError, AttendeeStore
from .modal import run_modal
from .workbook_export import export_workbook

SHOWN = 40  # matches listed at most: more means the clerk should type another letter
RECENT = 12  # the last arrivals, listed while the box is empty
WATCH_MS = 3000  # how often the list's version is read, to show what another desk marked
TOTAL_PT, GROUPS_PT, BOX_PT, LIST_PT, SAID_PT = 32, 15, 22, 14, 17
OK, WARN, FAIL = "#1b5e20", "#9a5b00", "#b00020"


def _sized(widget: QWidget, points: int, bold: bool = False) -> None:
    font = QFont(widget.font())
    font.setPointSize(points)
    font.setBold(bold)
    widget.setFont(font)


class _SearchBox(QLineEdit):
    """The search box; Up and Down move in the list of matches, so the
    clerk's hands stay on the keyboard."""

    def __init__(self, matches: QListWidget, parent=None):
        super().__init__(parent)
        self.matches = matches

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        step = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1}.get(Qt.Key(event.key()))
        if step is not None and self.matches.count():
            row = max(0, min(self.matches.currentRow() + step, self.matches.count() - 1))
            if self.matches.item(row).flags() & Qt.ItemFlag.ItemIsEnabled:
                self.matches.setCurrentRow(row)
            return
        super().keyPressEvent(event)


class LateArrivalDialog(QDialog):
    """Somebody who came without being on the list: name, position, unit, group."""

    def __init__(self, groups: list[str], parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Thêm người đến muộn"))
        form = QFormLayout(self)
        self.name = QLineEdit(self)
        self.position = QLineEdit(self)
        self.unit = QLineEdit(self)
        self.group = QComboBox(self)
        self.group.setEditable(True)
        self.group.addItems(groups or ["Đại biểu"])
        form.addRow(QLabel(self.tr("Người này sẽ được thêm vào danh sách khách mời và điểm danh ngay."), self))
        form.addRow(self.tr("Họ và tên:"), self.name)
        form.addRow(self.tr("Chức vụ:"), self.position)
        form.addRow(self.tr("Đơn vị:"), self.unit)
        form.addRow(self.tr("Nhóm:"), self.group)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Thêm và điểm danh"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Huỷ"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.resize(520, self.sizeHint().height())

    def _accept(self) -> None:
        if not (self.name.text().strip() or self.unit.text().strip()):
            QMessageBox.warning(self, self.windowTitle(), self.tr("Hãy nhập họ và tên (hoặc đơn vị)."))
            self.name.setFocus()
            return
        self.accept()

    def attendee(self) -> Attendee:
        return Attendee(self.name.text(), self.position.text(), self.unit.text(), self.group.currentText().strip())


class CheckinView(QDialog):
    """Check-in for one plan's list (as stored, not as a window shows it:
    the tab that opened it saves first, and reloads after)."""

    def __init__(self, people: AttendeeStore, plan_id: int, plan: Plan | None, rows: list[Attendee], parent=None):
        super().__init__(parent)
        self.people, self.plan_id, self.plan = people, plan_id, plan
        self.groups = plan_groups(plan) if plan is not None else []
        self.index = CheckinIndex(rows)
        self.version = people.version(plan_id)
        self.last: int | None = None  # the row the undo button takes back
        self.setWindowTitle(self.tr("Điểm danh – {title}").format(
            title=(plan.title.replace("\n", " ") if plan is not None and plan.title else self.tr("kế hoạch"))))
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        layout = QVBoxLayout(self)

        self.total = QLabel(self)
        _sized(self.total, TOTAL_PT, bold=True)
        self.total.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.group_counts = QLabel(self)
        _sized(self.group_counts, GROUPS_PT)
        self.group_counts.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.group_counts.setWordWrap(True)
        layout.addWidget(self.total)
        layout.addWidget(self.group_counts)

        self.matches = QListWidget(self)
        _sized(self.matches, LIST_PT)
        self.matches.setWordWrap(True)
        self.search = _SearchBox(self.matches, self)
        _sized(self.search, BOX_PT)
        self.search.setPlaceholderText(self.tr("Gõ 2–3 chữ cái đầu của tên, đơn vị, hoặc quét mã"))
        self.search.setToolTip(self.tr("Gõ không dấu cũng được (“tam” tìm Nguyễn Văn Tâm, “ngu va” tìm Nguyễn "
                                       "Văn…); Enter hoặc nhấp đúp để điểm danh người đã chọn; ↑ ↓ để chọn người "
                                       "khác. Máy quét mã trên thư mời hoặc danh sách ký tên điểm danh ngay."))
        self.search.setClearButtonEnabled(True)
        layout.addWidget(self.search)

        said = QHBoxLayout()
        self.said = QLabel(self)
        _sized(self.said, SAID_PT, bold=True)
        self.said.setWordWrap(True)
        self.undo_button = QPushButton(self.tr("Hoàn tác điểm danh này"), self)
        self.undo_button.hide()
        said.addWidget(self.said, 1)
        said.addWidget(self.undo_button)
        layout.addLayout(said)
        layout.addWidget(self.matches, 1)

        buttons = QHBoxLayout()
        self.late_button = QPushButton(self.tr("Thêm người đến muộn…"), self)
        self.export_button = QPushButton(self.tr("Xuất Excel…"), self)
        self.close_button = QPushButton(self.tr("Đóng"), self)
        buttons.addWidget(self.late_button)
        buttons.addWidget(self.export_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)
        for button in (self.undo_button, self.late_button, self.export_button, self.close_button):
            button.setAutoDefault(False)  # Enter belongs to the search box

        self.search.textChanged.connect(self.show_matches)
        self.search.returnPressed.connect(self.enter)
        self.matches.itemActivated.connect(self._activated)
        self.undo_button.clicked.connect(self.undo)
        self.late_button.clicked.connect(self.add_late)
        self.export_button.clicked.connect(self.export_excel)
        self.close_button.clicked.connect(self.accept)
        self.watch = QTimer(self)
        self.watch.setInterval(WATCH_MS)
        self.watch.timeout.connect(self._watch)
        self.watch.start()

        self._counts()
        self.show_matches()
        if not rows:
            self._say(self.tr("Danh sách khách mời của kế hoạch này còn trống: thêm người ở thẻ Khách mời, hoặc "
                              "“Thêm người đến muộn…”."), WARN)
        self._fit()
        self.search.setFocus()

    def _fit(self) -> None:
        """As large as the screen allows up to 1100×720 (a 1366×768 laptop
        shows it whole)."""
        screen = (self.parentWidget() or self).screen().availableGeometry()
        self.resize(min(1100, screen.width() - 40), min(720, screen.height() - 60))

    # --------------------------------------------------------------- showing
    def _counts(self) -> None:
        groups, total = self.index.counts(self.groups)
        self.total.setText(total.line())
        self.group_counts.setText("    ".join(
            f"{c.group or self.tr('(chưa xếp nhóm)')}: {c.present}/{c.invited}" for c in groups))

    def _say(self, text: str, colour: str, undo: int | None = None) -> None:
        self.said.setText(text)
        self.said.setStyleSheet(f"color: {colour}")
        self.last = undo
        self.undo_button.setVisible(undo is not None)

    def _item_text(self, row: Attendee) -> str:
        where = desk_detail(row)
        state = (self.tr("✓ Có mặt {time}").format(time=row.attended_at.strftime("%H:%M") if row.attended_at else "")
                 if row.attended else self.tr("Chưa đến"))
        return f"{desk_name(row)}\n    {' · '.join(p for p in (where, row.group, state) if p)}"

    def show_matches(self, text: str = "") -> None:
        """The guests the box's text finds (two letters at least, or a code);
        with nothing typed, the last arrivals."""
        text = text or self.search.text()
        self.matches.clear()
        if len(text.strip()) < 2:
            self._show_recent()
            return
        found = self.index.find(text)
        for i in found[:SHOWN]:
            row = self.index.rows[i]
            item = QListWidgetItem(self._item_text(row), self.matches)
            item.setData(Qt.ItemDataRole.UserRole, i)
            if row.attended:
                item.setForeground(QBrush(QColor(OK)))
        if len(found) > SHOWN:
            more = QListWidgetItem(self.tr("… và {n} người nữa: gõ thêm chữ cái để thu hẹp").format(
                n=len(found) - SHOWN), self.matches)
            more.setFlags(Qt.ItemFlag.NoItemFlags)
        if found:
            self.matches.setCurrentRow(0)

    def _show_recent(self) -> None:
        """The last arrivals, newest first (a double-click on one offers to
        take it back)."""
        came = sorted((i for i, row in enumerate(self.index.rows) if row.attended and row.attended_at),
                      key=lambda i: self.index.rows[i].attended_at, reverse=True)[:RECENT]
        if not came:
            return
        title = QListWidgetItem(self.tr("Vừa điểm danh:"), self.matches)
        title.setFlags(Qt.ItemFlag.NoItemFlags)
        for i in came:
            item = QListWidgetItem(self._item_text(self.index.rows[i]), self.matches)
            item.setData(Qt.ItemDataRole.UserRole, i)
            item.setForeground(QBrush(QColor(OK)))

    # --------------------------------------------------------------- marking
    def enter(self) -> None:
        """Enter in the box: a scanned code marks its guest; else the guest
        chosen in the list (the first match unless the clerk moved)."""
        text = self.search.text()
        if len(text.strip()) < 2:  # an Enter too many; the list shows the last arrivals then
            return
        coded = self.index.code_in(text)
        if coded is not None:
            self.mark(coded)
            return
        item = self.matches.currentItem()
        if item is None or item.data(Qt.ItemDataRole.UserRole) is None:
            if text.strip():
                self._say(self.tr("Không tìm thấy ai với “{text}”.").format(text=text.strip()), WARN)
            return
        self.mark(item.data(Qt.ItemDataRole.UserRole))

    def _activated(self, item: QListWidgetItem) -> None:
        if item.data(Qt.ItemDataRole.UserRole) is not None:
            self.mark(item.data(Qt.ItemDataRole.UserRole))

    def _wrote(self, version: int) -> None:
        """After a write of ours: another desk's writes in between mean the
        list is read again (their marks, their late arrivals)."""
        if version != self.version + 1:
            self.reload()
        self.version = version

    def mark(self, i: int) -> None:
        row = self.index.rows[i]
        try:
            person, version = self.people.check_in(self.plan_id, row.code, datetime.now())
        except AlreadyPresentError as exc:
            if exc.version != self.version:  # marked at another desk, maybe others too: read them all
                self.reload()
            else:
                self.index.set_row(i, exc.attendee)
            self._say(self.tr("{name} đã điểm danh từ trước, lúc {time}.").format(
                name=desk_name(exc.attendee),
                time=exc.attendee.attended_at.strftime("%H:%M") if exc.attendee.attended_at else "?"), WARN, i)
            self._done()
            return
        except UserError as exc:
            self._say(str(exc), FAIL)
            return
        self.index.set_row(i, person)
        self._wrote(version)
        assert person.attended_at is not None
        self._say(self.tr("Đã điểm danh: {name} – {time}").format(
            name=desk_name(person), time=person.attended_at.strftime("%H:%M")), OK, i)
        self._done()

    def _done(self) -> None:
        """Ready for the next guest: the box empty, the counts up to date."""
        self.search.clear()
        self.show_matches()
        self._counts()
        self.search.setFocus()

    def undo(self) -> None:
        if self.last is None:
            return
        i = self.last
        try:
            person, version = self.people.undo_check_in(self.plan_id, self.index.rows[i].code)
        except UserError as exc:
            self._say(str(exc), FAIL)
            return
        self.index.set_row(i, person)
        self._wrote(version)
        self._say(self.tr("Đã bỏ điểm danh: {name}").format(name=desk_name(person)), WARN)
        self._done()

    def add_late(self) -> None:
        groups = list(dict.fromkeys([*self.groups, *(a.group for a in self.index.rows if a.group)]))
        dialog = LateArrivalDialog(groups, self)
        if run_modal(dialog) != QDialog.DialogCode.Accepted:
            self.search.setFocus()
            return
        try:
            person, version = self.people.add_late(self.plan_id, dialog.attendee(), datetime.now())
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Thêm người đến muộn"), str(exc))
            return
        i = self.index.add(person)
        self._wrote(version)
        assert person.attended_at is not None
        self._say(self.tr("Đã thêm và điểm danh: {name} – {time}").format(
            name=desk_name(person), time=person.attended_at.strftime("%H:%M")), OK, i)
        self._done()

    # ------------------------------------------------------- other desks
    def reload(self) -> None:
        """The list as stored now (what other desks marked or added)."""
        try:
            stored = self.people.load(self.plan_id)
        except UserError as exc:
            self._say(str(exc), FAIL)
            return
        self.index, self.version = CheckinIndex(stored.rows), stored.version
        self._counts()
        chosen = self.matches.currentRow()
        self.show_matches()
        if 0 <= chosen < self.matches.count():
            self.matches.setCurrentRow(chosen)

    def _watch(self) -> None:
        try:
            version = self.people.version(self.plan_id)
        except UserError:
            return  # the database is busy or gone for a moment: the next tick tries again
        if version != self.version:
            self.reload()

    # ---------------------------------------------------------------- export
    def export_excel(self) -> None:
        if self.plan is None:
            return
        path = export_workbook(self, self.tr("Xuất danh sách điểm danh"), "Điểm danh.xlsx", self.plan,
                               lambda: self.people.list(self.plan_id))  # as stored: every desk's marks
        if path is not None:
            self._say(self.tr("Đã lưu {file}.").format(file=path), OK)
        self.search.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        """Escape empties the box first; only an empty box closes the window."""
        if event.key() == Qt.Key.Key_Escape and self.search.text():
            self.search.clear()
            return
        super().keyPressEvent(event)


def open_checkin(parent: QWidget, people: AttendeeStore | None, plan_id: int | None, plan: Plan | None) -> bool:
    """The check-in window for this plan's stored list; False (with a
    message) when it cannot open."""
    title = parent.tr("Điểm danh")
    if plan_id is None or people is None:
        QMessageBox.information(parent, title, parent.tr("Hãy chọn một kế hoạch trong danh sách trước khi điểm danh."))
        return False
    try:
        rows = people.ensure_codes(plan_id)  # a list saved before codes existed gets them now
    except UserError as exc:
        QMessageBox.critical(parent, title, str(exc))
        return False
    run_modal(CheckinView(people, plan_id, plan, rows, parent))
    return True
