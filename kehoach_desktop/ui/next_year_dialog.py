"""Tệp → Tạo kế hoạch năm sau…: the review list of core.next_year as a
table, one row per proposal (its place, the old and the new value, the new
date's weekday and lunar date, the flags), each with a box ticked to accept
it. A flagged row is left for the clerk to tick; a proposed date is changed
in place with a date box (which ticks the row), a proposed text by editing
its cell. OK makes the copy with the rows ticked; the caller adds it."""
from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QBrush, QColor, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core.dates import weekday
from ..core.model import Plan
from ..core.next_year import NextYear, Proposal, apply, day_words, field_value, lunar_words, next_year, text_around
from .date_field import DateField

PLACE, OLD, NEW, WORDS, FLAGS = range(5)
FLAG_COLOUR = "#8a4b00"  # a flag reads apart from the rest, as the checks panel's warnings do
MAX_YEARS = 10


class NextYearDialog(QDialog):
    def __init__(self, plan: Plan, parent: QWidget | None = None):
        super().__init__(parent)
        self.source = plan
        self.setWindowTitle(self.tr("Tạo kế hoạch năm sau"))
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Từ kế hoạch: {title}").format(title=plan.title_one_line or plan.document_type), self)
        title.setWordWrap(True)
        layout.addWidget(title)
        row = QHBoxLayout()
        self.years = QSpinBox(self)
        self.years.setRange(1, MAX_YEARS)
        self.years.setSuffix(self.tr(" năm"))
        years_label = QLabel(self.tr("Dời mọi ngày sang sau:"), self)
        years_label.setBuddy(self.years)
        row.addWidget(years_label)
        row.addWidget(self.years)
        row.addStretch(1)
        layout.addLayout(row)
        hint = QLabel(self.tr(
            "Bản sao là dự thảo mới: số và ngày ban hành đã được xoá. Mọi ngày đã dời sang cùng ngày, cùng tháng "
            "của năm mới; ngày làm việc được đề xuất vào cùng thứ trong cùng tuần. Đánh dấu các đề xuất muốn áp "
            "dụng (dòng có lưu ý do anh/chị quyết định); sửa ngày đề xuất ngay trong bảng."), self)
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.table = QTableWidget(0, 5, self)
        self.table.setHorizontalHeaderLabels([self.tr("Mục, vị trí"), self.tr("Cũ"), self.tr("Mới (đề xuất)"),
                                              self.tr("Thứ, ngày âm lịch"), self.tr("Lưu ý")])
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed)
        header = self.table.horizontalHeader()
        for column, width in ((PLACE, 250), (OLD, 210), (NEW, 210), (WORDS, 250)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.table.setColumnWidth(column, width)
        header.setSectionResizeMode(FLAGS, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        self.count = QLabel(self)
        layout.addWidget(self.count)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Tạo kế hoạch"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Huỷ"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.proposals: list[Proposal] = []
        self.made: NextYear = next_year(plan, 1)
        self._fill()
        self.years.valueChanged.connect(self._recompute)
        self.table.itemChanged.connect(self._changed)
        screen = QGuiApplication.primaryScreen().availableGeometry()
        self.resize(min(1240, screen.width() - 40), min(660, screen.height() - 60))  # fits 1366×768

    # ------------------------------------------------------------ the rows
    def _recompute(self, years: int) -> None:
        self.made = next_year(self.source, years)
        self._fill()

    def _fill(self) -> None:
        self.table.blockSignals(True)
        self.proposals = list(self.made.proposals)
        self.table.setRowCount(0)
        self.table.setRowCount(len(self.proposals))
        for row, proposal in enumerate(self.proposals):
            place = QTableWidgetItem(proposal.place)
            place.setToolTip(proposal.field)
            place.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                           | (Qt.ItemFlag.ItemIsUserCheckable if proposal.kind != "note" else Qt.ItemFlag.NoItemFlags))
            if proposal.kind != "note":
                place.setCheckState(Qt.CheckState.Unchecked if proposal.flags else Qt.CheckState.Checked)
            self.table.setItem(row, PLACE, place)
            self.table.setItem(row, OLD, self._fixed(self._old_text(proposal)))
            if proposal.kind in ("text", "note"):
                self._item(row, OLD).setToolTip(self._field_text(proposal))
            if proposal.kind in ("date", "month") and proposal.new_day is not None:
                self.table.setItem(row, NEW, self._fixed(""))
                self.table.setCellWidget(row, NEW, self._date_box(row, proposal))
            elif proposal.kind == "text":
                new = QTableWidgetItem(proposal.new)
                new.setToolTip(self.tr("Nhấp đúp (hoặc F2) để sửa"))
                new.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(row, NEW, new)
            else:
                self.table.setItem(row, NEW, self._fixed(self.tr("(giữ nguyên)")))
            self.table.setItem(row, WORDS, self._fixed(""))
            self.table.setItem(row, FLAGS, self._fixed(""))
            self._show_day(row)
        self.table.blockSignals(False)
        self.table.resizeRowsToContents()
        self._count()

    def _item(self, row: int, column: int) -> QTableWidgetItem:
        item = self.table.item(row, column)
        assert item is not None  # every cell has its item (_fill)
        return item

    def _fixed(self, text: str) -> QTableWidgetItem:
        item = QTableWidgetItem(text)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        item.setToolTip(text)
        return item

    def _old_text(self, proposal: Proposal) -> str:
        """A date with its weekday; a text with a few words each side, so
        that the clerk sees which "năm 2022" it is."""
        if proposal.kind == "date" and proposal.old_day is not None:
            return day_words(proposal.old_day)
        return text_around(self.made.copy, proposal)

    def _field_text(self, proposal: Proposal) -> str:
        return str(field_value(self.made.copy, proposal.field))

    def _date_box(self, row: int, proposal: Proposal) -> QDateEdit:
        assert proposal.new_day is not None
        box: QDateEdit = QDateEdit(self.table) if proposal.kind == "month" else DateField(self.table)
        if proposal.kind == "month":
            box.setDisplayFormat("MM/yyyy")
        box.setDate(QDate(proposal.new_day))
        box.setAccessibleName(self.tr("Ngày đề xuất: {place}").format(place=proposal.place))
        box.dateChanged.connect(lambda day, row=row: self._day_changed(row, day.toPython()))
        return box

    def _day_changed(self, row: int, day: date) -> None:
        proposal = self.proposals[row]
        if proposal.new_day == day:
            return
        self.proposals[row] = proposal.with_day(day)
        self._show_day(row)
        self._item(row, PLACE).setCheckState(Qt.CheckState.Checked)  # a date the clerk chose is wanted

    def _show_day(self, row: int) -> None:
        proposal = self.proposals[row]
        blocked = self.table.blockSignals(True)
        words = ""
        if proposal.new_day is not None and proposal.kind != "month":
            words = f"{weekday(proposal.new_day)}; {lunar_words(proposal.new_day)}"
        self._item(row, WORDS).setText(words)
        flags = self._item(row, FLAGS)
        flags.setText("\n".join(proposal.flags))
        flags.setToolTip(flags.text())
        colour = QBrush(QColor(FLAG_COLOUR)) if proposal.flags else QBrush()
        for column in (PLACE, FLAGS):
            self._item(row, column).setForeground(colour)
        self.table.blockSignals(blocked)
        self.table.resizeRowToContents(row)

    def _changed(self, item: QTableWidgetItem) -> None:
        if item.column() == NEW:  # a proposed text edited by hand: wanted
            self._item(item.row(), PLACE).setCheckState(Qt.CheckState.Checked)
        self._count()

    def _count(self) -> None:
        accepted = len(self.chosen())
        flagged = sum(bool(p.flags) for p in self.proposals)
        self.count.setText(self.tr("{accepted}/{total} đề xuất được chọn; {flagged} mục có lưu ý.").format(
            accepted=accepted, total=sum(p.kind != "note" for p in self.proposals), flagged=flagged))

    # ----------------------------------------------------------- the result
    def chosen(self) -> list[Proposal]:
        """The proposals ticked, with the dates and texts the clerk changed."""
        chosen = []
        for row, proposal in enumerate(self.proposals):
            place = self._item(row, PLACE)
            if proposal.kind == "note" or place.checkState() != Qt.CheckState.Checked:
                continue
            if proposal.kind == "text":
                proposal = replace(proposal, new=self._item(row, NEW).text())
            chosen.append(proposal)
        return chosen

    def plan(self) -> Plan:
        """The new draft with the accepted proposals (once, after OK)."""
        return apply(self.made.copy, self.chosen())

    def summary(self) -> str:
        """What the status bar says once the plan is made."""
        changed = self.chosen()
        return self.tr("Đã tạo kế hoạch năm sau (dời {years} năm, {n} đề xuất được áp dụng); hãy xem lại phần đầu "
                       "văn bản trước khi ban hành.").format(years=self.years.value(), n=len(changed))

