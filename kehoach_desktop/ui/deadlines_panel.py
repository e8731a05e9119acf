"""The deadlines that come to the clerk: a panel (dock, under the list and
the editor) of the task deadlines and timeline steps of issued plans due in
the next 7 days or overdue (core.deadlines), until marked done
(store.done_items). "Đã xong" marks the chosen one done today and takes it
off; a double-click or Enter opens its plan at its section. Xem → "Việc đến
hạn" (F9) shows or hides the panel; it opens by itself at start when
something is due.

The panel follows the plan list: it reads again (after a pause) whenever
the list is reloaded or one of its rows changes (a plan issued, edited,
deleted, restored). A plan is read whole only when its version changed
since the last reading, so the window's saves do not re-read every issued
plan; the first reading goes a few dozen plans per turn of the event loop.
``today`` is a function (date.today unless a test gives another), so the
date arithmetic is never tied to the clock. "Bỏ đánh dấu vừa rồi" takes the
last mark back (a slip of Ctrl+D).
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import date

import shiboken6
from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..core.dated_items import TASK
from ..core.dates import month_numeric, short_date, time_text, weekday
from ..core.deadlines import OLD_DAYS, Deadline, days_text, deadlines
from ..core.errors import UserError
from ..core.model import Plan
from ..store.done_items import DoneItems
from ..store.plans import number_label
from .list_model import Column, ListModel

READ_AT_ONCE = 50  # plans read in one turn of the event loop (about 0.1 s)
REFRESH_DELAY = 400  # ms after the list changed: a burst of saves reads the plans once
TOGGLE_KEY = "F9"
DONE_KEY = "Ctrl+D"


def when_text(deadline: Deadline) -> str:
    """"thứ Ba 25/02/2020, 17g00"; a month's item: "tháng 02/2020"."""
    item = deadline.item
    if item.month_only:
        return f"tháng {month_numeric(deadline.deadline.year, deadline.deadline.month)}"
    text = f"{weekday(deadline.deadline)} {short_date(deadline.deadline)}"
    return f"{text}, {time_text(item.start_time)}" if item.start_time else text


def range_text(deadline: Deadline) -> str:
    """The tooltip of the date: a range whole."""
    item = deadline.item
    if item.end is None:
        return when_text(deadline)
    if item.month_only:
        return f"Từ tháng {month_numeric(item.day.year, item.day.month)} đến {when_text(deadline)}"
    return f"Từ {weekday(item.day)} {short_date(item.day)} đến {when_text(deadline)}"


class DeadlinesModel(ListModel):
    COL_WHEN, COL_WHAT, COL_PLAN, COL_DAYS = range(4)

    def __init__(self, parent=None):
        self.plans: dict[int, str] = {}  # plan id -> "37-KH/ĐTN – title"
        super().__init__((
            Column(self.tr("Hạn"), when_text, sort=lambda d: (d.deadline, d.item.start_time or "99"),
                   tooltip=range_text),
            Column(self.tr("Việc"), self.what_text),
            Column(self.tr("Kế hoạch"), lambda d: self.plans.get(d.plan_id, "")),
            Column(self.tr("Còn / trễ"), lambda d: days_text(d.days), sort=lambda d: d.days,
                   align=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
        ), parent, row_id=lambda d: (d.plan_id, d.item.field))

    def what_text(self, deadline: Deadline) -> str:
        kind = self.tr("Nhiệm vụ") if deadline.item.kind == TASK else self.tr("Tiến độ")
        return f"{kind} ({deadline.item.place}): {' '.join(deadline.item.what.split())}"


class DeadlinesDock(QDockWidget):
    def __init__(self, window, today: Callable[[], date] = date.today):
        super().__init__(self.tr("Việc đến hạn"), window)
        self.setObjectName("deadlines-dock")
        self.window_ = window
        self.today = today
        self.done = DoneItems(window.db)
        self._plans: dict[int, tuple[int, Plan]] = {}  # plan id -> (version, plan) as last read
        self._last_marked: Deadline | None = None
        self._started = False
        self._reading = 0  # the number of the latest reading (refresh())

        self.model = DeadlinesModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(DeadlinesModel.COL_WHEN, Qt.SortOrder.AscendingOrder)  # the most overdue first
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        for column, mode in ((DeadlinesModel.COL_WHEN, QHeaderView.ResizeMode.ResizeToContents),
                             (DeadlinesModel.COL_WHAT, QHeaderView.ResizeMode.Stretch),
                             (DeadlinesModel.COL_PLAN, QHeaderView.ResizeMode.Interactive),
                             (DeadlinesModel.COL_DAYS, QHeaderView.ResizeMode.ResizeToContents)):
            header.setSectionResizeMode(column, mode)
        header.resizeSection(DeadlinesModel.COL_PLAN, self.fontMetrics().averageCharWidth() * 36)
        # four rows at least, and at first: the editor keeps its room on a 768-pixel screen
        self.table.setMinimumHeight(header.sizeHint().height() + 4 * (self.fontMetrics().height() + 8) + 4)
        self.table.doubleClicked.connect(self._open)
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            shortcut = QShortcut(QKeySequence(key), self.table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(lambda: self._open(self.table.currentIndex()))

        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.open_button = QPushButton(self.tr("Mở kế hoạch"), self)
        self.open_button.setToolTip(self.tr("Mở kế hoạch tại mục có việc này (Enter hoặc bấm đúp vào dòng)"))
        self.open_button.clicked.connect(lambda: self._open(self.table.currentIndex()))
        self.done_button = QPushButton(self.tr("Đã xong"), self)
        self.done_button.setToolTip(self.tr("Đánh dấu việc đã chọn là đã xong hôm nay; nó không còn hiện ở đây "
                                            "({key})").format(key=DONE_KEY))
        self.done_button.clicked.connect(self.mark_done)
        self.undo_button = QPushButton(self.tr("Bỏ đánh dấu vừa rồi"), self)
        self.undo_button.setToolTip(self.tr("Việc vừa đánh dấu xong hiện lại trong danh sách"))
        self.undo_button.clicked.connect(self.undo_mark)
        self.undo_button.setEnabled(False)
        self.old_box = QCheckBox(self.tr("Cả việc quá hạn hơn {days} ngày").format(days=OLD_DAYS), self)
        self.old_box.setToolTip(self.tr("Việc quá hạn đã lâu (kế hoạch các năm trước, kế hoạch của nơi khác nhập "
                                        "vào) được ẩn cho gọn; đánh dấu để xem cả các việc đó"))
        self.old_box.toggled.connect(lambda _on: self._show([(i, cached[1]) for i, cached in self._plans.items()]))
        buttons = QHBoxLayout()
        buttons.addWidget(self.summary, 1)
        buttons.addWidget(self.old_box)
        for button in (self.open_button, self.done_button, self.undo_button):
            buttons.addWidget(button)
        panel = QWidget(self)
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(buttons)
        layout.addWidget(self.table)
        self.setWidget(panel)
        self.setFocusProxy(self.table)
        # Ctrl+D within the panel only: typed in the editor it must mark nothing done.
        done_key = QShortcut(QKeySequence(DONE_KEY), panel)
        done_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        done_key.activated.connect(self.mark_done)

        action = self.toggleViewAction()
        action.setText(self.tr("&Việc đến hạn"))
        action.setShortcut(QKeySequence(TOGGLE_KEY))
        action.setToolTip(self.tr("Hiện hoặc ẩn bảng việc đến hạn và quá hạn của các kế hoạch đã ban hành ({key})")
                          .format(key=TOGGLE_KEY))
        action.triggered.connect(lambda shown: shown and self.table.setFocus(Qt.FocusReason.ShortcutFocusReason))
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self)
        self.hide()  # until the first reading says whether anything is due

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(REFRESH_DELAY)
        self.timer.timeout.connect(self.refresh)
        listed = window.model
        for signal in (listed.modelReset, listed.dataChanged, listed.rowsRemoved, listed.rowsInserted):
            signal.connect(self.timer.start)
        self.table.selectionModel().currentRowChanged.connect(self._update_buttons)
        self._update_buttons()

    # ------------------------------------------------------------------ reading
    def refresh(self) -> None:
        """Read the issued plans and the marks again; the chosen row stays
        chosen. Plans read before and unchanged since (same version) are not
        read again; the others are read READ_AT_ONCE at a time, the event loop
        running in between, so that a database of a thousand issued plans does
        not freeze the window at start (about 2 ms a plan). With every plan
        already read, the panel is up to date when this returns."""
        self.timer.stop()
        self._reading += 1  # a reading still under way is dropped
        store = self.window_.store
        try:
            ids = [plan_id for plan_id, _day, status in store.list_keys() if status == "issued"]
            versions = {summary.id: summary.version for summary in store.summaries_of(ids)}
        except UserError as exc:
            self._failed(exc)
            return
        self._plans = {plan_id: cached for plan_id, cached in self._plans.items()
                       if versions.get(plan_id) == cached[0]}
        to_read = [plan_id for plan_id in ids if plan_id in versions and plan_id not in self._plans]
        self._read_on(self._reading, [plan_id for plan_id in ids if plan_id in versions], to_read, versions)

    def _read_on(self, reading: int, ids: list[int], to_read: list[int], versions: dict[int, int]) -> None:
        if reading != self._reading or not shiboken6.isValid(self):
            return
        store = self.window_.store
        try:
            for plan_id in to_read[:READ_AT_ONCE]:
                self._plans[plan_id] = (versions[plan_id], store.get(plan_id))
        except UserError as exc:  # busy, or purged meanwhile: the next change of the list reads again
            self._failed(exc)
            return
        if len(to_read) > READ_AT_ONCE:
            QTimer.singleShot(0, lambda: self._read_on(reading, ids, to_read[READ_AT_ONCE:], versions))
            return
        self._show([(plan_id, self._plans[plan_id][1]) for plan_id in ids])

    def _failed(self, exc: UserError) -> None:
        self.summary.setText(self.tr("Không đọc được việc đến hạn: {error}").format(error=exc))

    def _show(self, issued: list[tuple[int, Plan]]) -> None:
        current = self._current()
        chosen = (current.plan_id, current.item.field) if current else None
        try:
            done = {(m.plan_id, m.field, m.item_day) for m in self.done.marks()}
        except UserError as exc:
            self._failed(exc)
            return
        self.model.plans = {plan_id: self._plan_label(plan) for plan_id, plan in issued}
        rows = deadlines(issued, done, self.today(), old=self.old_box.isChecked())
        hidden = 0 if self.old_box.isChecked() else len(deadlines(issued, done, self.today())) - len(rows)
        self.model.set_rows(rows)
        self._show_summary(rows, hidden)
        row = self.model.row_of(chosen) if chosen else None
        if rows:
            self.table.selectRow(row if row is not None else 0)
        if not self._started:
            self._started = True
            if rows:  # at start: shown when something is due or late, as small as it goes
                self.show()
                self.window_.resizeDocks([self], [self.minimumSizeHint().height()], Qt.Orientation.Vertical)
        self._update_buttons()

    @staticmethod
    def _plan_label(plan: Plan) -> str:
        number = number_label(plan.number)
        return f"{number} – {plan.title_one_line}" if number else plan.title_one_line

    def _show_summary(self, rows: list[Deadline], hidden: int = 0) -> None:
        late = sum(d.overdue for d in rows)
        if not rows:
            text = self.tr("Không có việc nào đến hạn trong 7 ngày tới hay quá hạn.")
        else:
            text = self.tr("{due} việc đến hạn trong 7 ngày tới, {late} việc quá hạn chưa xong "
                           "(kế hoạch đã ban hành).").format(due=len(rows) - late, late=late)
        if hidden:
            text += " " + self.tr("{hidden} việc quá hạn hơn {days} ngày đang ẩn.").format(hidden=hidden, days=OLD_DAYS)
        self.summary.setText(text)

    # ------------------------------------------------------------------ actions
    def _current(self) -> Deadline | None:
        index = self.table.currentIndex()
        return self.model.row(index.row()) if index.isValid() else None

    def _update_buttons(self, *_args) -> None:
        chosen = self._current() is not None
        self.open_button.setEnabled(chosen)
        self.done_button.setEnabled(chosen)

    def mark_done(self) -> None:
        """The chosen item done today: stored, then off the panel."""
        deadline = self._current()
        if deadline is None:
            return
        try:
            self.done.mark(deadline.plan_id, deadline.item.field, deadline.item.day, self.today())
        except UserError as exc:
            self.window_.statusBar().showMessage(str(exc), 8000)
            return
        self._last_marked = deadline
        self.undo_button.setEnabled(True)
        row = self.table.currentIndex().row()
        self.model.remove_rows([row])
        self._show_summary(self.model.rows())
        if self.model.rowCount():
            self.table.selectRow(min(row, self.model.rowCount() - 1))
        self._update_buttons()
        self.window_.statusBar().showMessage(
            self.tr("Đã đánh dấu xong: {what}").format(what=self.model.what_text(deadline)), 5000)

    def undo_mark(self) -> None:
        deadline = self._last_marked
        if deadline is None:
            return
        try:
            self.done.unmark(deadline.plan_id, deadline.item.field)
        except UserError as exc:
            self.window_.statusBar().showMessage(str(exc), 8000)
            return
        self._last_marked = None
        self.undo_button.setEnabled(False)
        self.refresh()
        row = self.model.row_of((deadline.plan_id, deadline.item.field))
        if row is not None:
            self.table.selectRow(row)

    def _open(self, index: QModelIndex) -> None:
        """The plan selected in the list, its editor at the item's section."""
        if not index.isValid():
            return
        deadline = self.model.row(index.row())
        window = self.window_
        if not shiboken6.isValid(window):
            return
        if window.model.row_of(deadline.plan_id) is None:
            window.statusBar().showMessage(self.tr("Kế hoạch này không còn trong danh sách."), 8000)
            return
        window.select_plan(deadline.plan_id)
        if window.editor.plan_id != deadline.plan_id:
            window.statusBar().showMessage(self.tr("Không mở được kế hoạch này lúc này; hãy thử lại."), 8000)
            return
        window.editor.go_to_field(deadline.item.field)
