"""Lịch công tác: the office's calendar, a month (six weeks) or a week of
every dated item of every plan (store.calendar_items), each day with its
lunar date, its holidays and anniversaries (the office's own included:
ui.calendar_anniversaries) and filters by status and issuing body.

Not modal: the clerk keeps it beside the main window. A double click (or
Enter) on an item opens its plan in the main window at that field
(PlanEditor.go_to_field, as the import report does). The month prints as an
A4 landscape PDF (formats.calendar_pdf)."""
from __future__ import annotations

from datetime import date, timedelta

import shiboken6
from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QButtonGroup,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ..core.calendar_days import WEEKDAYS, CalendarDay, PlanItem, calendar_days, month_span, week_span
from ..core.dated_items import EVENT
from ..core.errors import UserError
from ..store.calendar_items import CalendarReader
from ..store.database import Database
from ..store.office_days import OfficeDaysStore
from .plan_table_model import PlanTableModel

ALL = "__all__"
ITEM_ROLE = Qt.ItemDataRole.UserRole + 1
HOLIDAY_RED, ANNIVERSARY_BLUE = "#b00000", "#0b4f9c"
KIND_WORDS = {"event": "Thời gian tổ chức", "slot": "Chương trình", "step": "Tiến độ thực hiện",
              "task": "Hạn hoàn thành nhiệm vụ", "activity": "Hoạt động"}


def month_title(year: int, month: int) -> str:
    return f"Tháng {month} năm {year}"


def week_title(days: list[date]) -> str:
    first, last = days[0], days[-1]
    return f"Tuần từ {first.day}/{first.month} đến {last.day}/{last.month}/{last.year}"


class DayCell(QFrame):
    """One day: its number, lunar date and marks over the list of its items."""

    activated = Signal(object)  # the PlanItem
    chosen = Signal(str)  # the item's whole description, when the clerk moves onto it

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.Box)
        self.setFrameShadow(QFrame.Shadow.Plain)  # drawn in the palette's WindowText: blue for today
        self.setAutoFillBackground(True)
        self.day: CalendarDay | None = None
        self._shown: tuple[CalendarDay, date, bool] | None = None
        self.header = QLabel(self)
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.marks = QLabel(self)
        self.marks.setTextFormat(Qt.TextFormat.RichText)
        self.marks.setWordWrap(True)
        self.items = QListWidget(self)
        self.items.setFrameShape(QFrame.Shape.NoFrame)
        self.items.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.items.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.items.setTextElideMode(Qt.TextElideMode.ElideRight)
        # The day's colour shows through. Not a style sheet: 42 of them make the window slower to
        # build and to paint (each list polished and drawn by Qt's style sheet style).
        self.items.viewport().setAutoFillBackground(False)
        self.items.itemActivated.connect(lambda item: self.activated.emit(item.data(ITEM_ROLE)))
        # What the day's narrow column cuts off, said in full under the grid (the keyboard has no tooltip).
        self.items.currentItemChanged.connect(lambda item, _old: item is not None and self.chosen.emit(
            " · ".join(item.toolTip().splitlines()[:-1])))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(3, 2, 3, 2)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(self.marks)
        layout.addWidget(self.items, 1)
        # Every row of weeks the same height, whatever a day's marks and items need: the cell
        # asks for a fixed size and its contents do not widen or heighten it.
        layout.setSizeConstraint(QVBoxLayout.SizeConstraint.SetNoConstraint)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(60, 40)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(150, 90)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(60, 40)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt API
        return False  # else the grid gives the rows whose labels wrap all the room

    def show_day(self, day: CalendarDay, today: date, with_lunar_text: bool = False) -> None:
        # Unchanged, left as it is: the window reads again when activated, and a click that
        # activates it must find the item it pressed still there (a double click needs both).
        if self._shown == (day, today, with_lunar_text):
            return
        self._shown = (day, today, with_lunar_text)
        self.day = day
        red = day.day_off or day.day.weekday() == 6
        colour = HOLIDAY_RED if red else ("black" if day.in_month else "gray")
        weight = "bold" if day.day != today else "bold; text-decoration: underline"
        number = f"{day.day.day}/{day.day.month}" if day.day.day == 1 or with_lunar_text else str(day.day.day)
        lunar = day.lunar_text if with_lunar_text else f"ÂL {day.lunar}"
        self.header.setText(f"<span style='color:{colour}; font-weight:{weight}'>{number}</span>"
                            f"{'<br>' if with_lunar_text else '&nbsp;&nbsp;'}"
                            f"<span style='color:gray; font-size:small'>{lunar}</span>")
        self.header.setToolTip(day.lunar_text)
        self.header.setWordWrap(with_lunar_text)
        marks = [f"<span style='color:{HOLIDAY_RED if mark.day_off else ANNIVERSARY_BLUE}'>{_escaped(mark.name)}</span>"
                 for mark in day.marks]
        self.marks.setText("<br>".join(marks) if with_lunar_text else "; ".join(marks))
        self.marks.setToolTip("\n".join(mark.name for mark in day.marks))
        self.marks.setVisible(bool(day.marks))
        # A palette, not a style sheet: 42 style sheets cost more than reading the month.
        palette = self.palette()
        background = "#fde8e8" if day.day_off else ("#f2f2f2" if not day.in_month else None)
        palette.setColor(QPalette.ColorRole.Window, QColor(background) if background else
                         QApplication.palette().color(QPalette.ColorRole.Base))
        palette.setColor(QPalette.ColorRole.WindowText, QColor("#0b4f9c" if day.day == today else "#a0a0a0"))
        self.setPalette(palette)
        self.setLineWidth(2 if day.day == today else 1)
        self.items.clear()
        self.items.setWordWrap(with_lunar_text)
        self.items.setSpacing(2 if with_lunar_text else 0)
        for planned in day.items:
            # The week has room for the plan's title under each item.
            text = _week_text(planned) if with_lunar_text else planned.label()
            item = QListWidgetItem(text)
            item.setData(ITEM_ROLE, planned)
            item.setToolTip(_tooltip(planned))
            if planned.status == "draft":
                item.setForeground(QColor("#555555"))
            self.items.addItem(item)


def _week_text(planned: PlanItem) -> str:
    """An item in the week: its place, and its plan's title unless the item is the plan's event (its title)."""
    lines = [planned.label()]
    if planned.item.venue:
        lines.append(f"Địa điểm: {planned.item.venue}")
    if planned.item.kind != EVENT:
        lines.append(f"({_shortened(planned.plan_title)})")
    return "\n".join(lines)


def _shortened(text: str, length: int = 60) -> str:
    return text if len(text) <= length else text[:length].rsplit(" ", 1)[0] + "…"


def _escaped(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _tooltip(planned: PlanItem) -> str:
    item = planned.item
    when = f"{item.day.day}/{item.day.month}/{item.day.year}"
    if item.month_only:
        when = f"tháng {item.day.month}/{item.day.year}"
    if item.end and item.end != item.day:
        when += f" – {item.end.day}/{item.end.month}/{item.end.year}"
    if item.start_time:
        when = f"{item.start_time}{'–' + item.end_time if item.end_time else ''}, {when}"
    lines = [" ".join(item.what.split()), when]
    if item.venue:
        lines.append(f"Địa điểm: {item.venue}")
    status = PlanTableModel.STATUS_LABELS.get(planned.status, planned.status)
    lines.append(f"Kế hoạch: {planned.plan_title} ({PlanTableModel.tr(status)})")
    lines.append(f"{KIND_WORDS.get(item.kind, item.kind)}, {item.place}. Nhấp đúp hoặc Enter để mở.")
    return "\n".join(lines)


class CalendarWindow(QWidget):
    """The calendar; ``main_window`` opens the plans (the window that opened it)."""

    MONTH, WEEK = "month", "week"

    def __init__(self, db: Database, main_window=None, today: date | None = None):
        super().__init__(main_window, Qt.WindowType.Window)
        self.db = db
        self.main_window = main_window
        self.reader = CalendarReader(db)
        self.office_days = OfficeDaysStore(db)
        self.today = today or date.today()
        self.shown = self.today  # a day of the month or week shown
        self.mode = self.MONTH
        self.days: list[CalendarDay] = []
        self._shown: tuple | None = None  # what self.days were made of
        self.setWindowTitle(self.tr("Lịch công tác"))
        self._build()
        self.resize(1280, 700)
        self.refresh()

    # ----------------------------------------------------------------- building
    def _build(self) -> None:
        self.previous_button = QPushButton(self.tr("◀ &Trước"), self)
        self.previous_button.setToolTip(self.tr("Tháng (tuần) trước – Page Up"))
        self.today_button = QPushButton(self.tr("&Hôm nay"), self)
        self.today_button.setToolTip(self.tr("Về hôm nay – Ctrl+Home"))
        self.next_button = QPushButton(self.tr("&Sau ▶"), self)
        self.next_button.setToolTip(self.tr("Tháng (tuần) sau – Page Down"))
        self.previous_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.today_button.clicked.connect(self.go_today)
        self.title = QLabel(self)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.month_button = QPushButton(self.tr("Thá&ng"), self)
        self.week_button = QPushButton(self.tr("T&uần"), self)
        self.view_group = QButtonGroup(self)
        for button in (self.month_button, self.week_button):
            button.setCheckable(True)
            self.view_group.addButton(button)
        self.month_button.setChecked(True)
        self.month_button.clicked.connect(lambda: self.set_mode(self.MONTH))
        self.week_button.clicked.connect(lambda: self.set_mode(self.WEEK))
        self.status_filter = QComboBox(self)
        self.status_filter.setToolTip(self.tr("Lọc theo trạng thái của kế hoạch"))
        self.status_filter.addItem(self.tr("Mọi trạng thái"), ALL)
        for status, label in PlanTableModel.STATUS_LABELS.items():
            self.status_filter.addItem(PlanTableModel.tr(label), status)
        self.body_filter = QComboBox(self)
        self.body_filter.setToolTip(self.tr("Lọc theo cơ quan ban hành"))
        self.body_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.body_filter.setMinimumContentsLength(18)
        self.status_filter.currentIndexChanged.connect(self.refresh)
        self.body_filter.currentIndexChanged.connect(self.refresh)
        self.days_button = QPushButton(self.tr("Ngày &kỷ niệm của cơ quan…"), self)
        self.days_button.clicked.connect(self.edit_office_days)
        self.print_button = QPushButton(self.tr("&In lịch tháng (PDF)…"), self)
        self.print_button.clicked.connect(self.print_month)

        top = QHBoxLayout()
        for widget in (self.previous_button, self.today_button, self.next_button):
            top.addWidget(widget)
        top.addSpacing(12)
        top.addWidget(self.title, 1)
        for widget in (self.month_button, self.week_button):
            top.addWidget(widget)
        bottom = QHBoxLayout()
        bottom.addWidget(QLabel(self.tr("Trạng thái:"), self))
        bottom.addWidget(self.status_filter)
        bottom.addWidget(QLabel(self.tr("Cơ quan ban hành:"), self))
        bottom.addWidget(self.body_filter, 1)
        bottom.addStretch()
        bottom.addWidget(self.days_button)
        bottom.addWidget(self.print_button)

        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.grid = QGridLayout()
        self.grid.setSpacing(2)
        for column, name in enumerate(WEEKDAYS):
            label = QLabel(name, self)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            bold = label.font()
            bold.setBold(True)
            label.setFont(bold)
            self.grid.addWidget(label, 0, column)
        self.cells = [DayCell(self) for _ in range(42)]
        for i, cell in enumerate(self.cells):
            self.grid.addWidget(cell, 1 + i // 7, i % 7)
            cell.activated.connect(self.open_item)
            cell.chosen.connect(self.hint.setText)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(top)
        layout.addLayout(bottom)
        layout.addLayout(self.grid, 1)
        layout.addWidget(self.hint)
        for keys, slot in ((QKeySequence.StandardKey.MoveToPreviousPage, lambda: self.step(-1)),
                           (QKeySequence.StandardKey.MoveToNextPage, lambda: self.step(1)),
                           (QKeySequence("Ctrl+Home"), self.go_today),
                           (QKeySequence.StandardKey.Print, self.print_month)):
            QShortcut(keys, self, slot)

    # --------------------------------------------------------------- navigating
    def span(self) -> list[date]:
        return month_span(self.shown.year, self.shown.month) if self.mode == self.MONTH else week_span(self.shown)

    def step(self, direction: int) -> None:
        if self.mode == self.WEEK:
            self.shown += timedelta(days=7 * direction)
        else:
            month = self.shown.year * 12 + self.shown.month - 1 + direction
            self.shown = date(month // 12, month % 12 + 1, 1)
        self.refresh()

    def go_today(self) -> None:
        self.shown = self.today
        self.refresh()

    def go_to(self, day: date) -> None:
        self.shown = day
        self.refresh()

    def set_mode(self, mode: str) -> None:
        if mode == self.WEEK and self.mode == self.MONTH:
            # Today's week in today's month, else the month's first week.
            same = (self.shown.year, self.shown.month) == (self.today.year, self.today.month)
            self.shown = self.today if same else date(self.shown.year, self.shown.month, 1)
        self.mode = mode
        (self.week_button if mode == self.WEEK else self.month_button).setChecked(True)
        self.refresh()

    # ------------------------------------------------------------------ filling
    def refresh(self) -> None:
        """Read the span's items again (plans change in the main window) and show them."""
        span = self.span()
        try:
            items = self.reader.items(span[0], span[-1])
            extra = self.office_days.get()
        except UserError as exc:
            self.hint.setText(self.tr("Không đọc được kế hoạch: {error}").format(error=exc))
            items, extra = [], []
        self._fill_bodies()
        status, body = self.status_filter.currentData(), self.body_filter.currentData()
        items = [p for p in items if status in (ALL, p.status) and body in (ALL, p.issuing_body)]
        month = self.shown.month if self.mode == self.MONTH else None
        # Nothing changed (the window reads again each time it is activated): the days shown stay.
        shown = (span, items, list(extra), month, self.today)
        if shown != self._shown:
            self.days, self._shown = calendar_days(span, items, extra, month), shown
        week = self.mode == self.WEEK
        for i, cell in enumerate(self.cells):
            if i < len(self.days):
                cell.show_day(self.days[i], self.today, with_lunar_text=week)
            if cell.isHidden() == (i < len(self.days)):  # setVisible costs even when nothing changes
                cell.setVisible(i < len(self.days))
        for row in range(1, 7):
            self.grid.setRowStretch(row, 1 if row == 1 or not week else 0)
        self.title.setText(month_title(self.shown.year, self.shown.month) if not week else week_title(span))
        self.print_button.setEnabled(not week)
        count = sum(len(day.items) for day in self.days if day.in_month)
        self.hint.setText(self.tr("{count} mục trong {what}. Nhấp đúp (hoặc Enter) vào một mục để mở kế hoạch ở "
                                  "đúng chỗ đó; Page Up/Page Down: {what} trước/sau.")
                          .format(count=count, what=self.tr("tuần") if week else self.tr("tháng")))

    def _fill_bodies(self) -> None:
        """The issuing bodies of the plans; the chosen one stays chosen."""
        bodies = self.reader.bodies()
        listed = [self.body_filter.itemData(i) for i in range(1, self.body_filter.count())]
        if listed == bodies:
            return
        chosen = self.body_filter.currentData() if self.body_filter.count() else ALL
        self.body_filter.blockSignals(True)
        self.body_filter.clear()
        self.body_filter.addItem(self.tr("Mọi cơ quan"), ALL)
        for body in bodies:
            self.body_filter.addItem(body or self.tr("(chưa ghi)"), body)
        self.body_filter.setCurrentIndex(max(self.body_filter.findData(chosen), 0))
        self.body_filter.blockSignals(False)

    def items_on(self, day: date) -> list[PlanItem]:
        return next((list(d.items) for d in self.days if d.day == day), [])

    def cell_of(self, day: date) -> DayCell | None:
        return next((cell for cell in self.cells if cell.isVisible() and cell.day and cell.day.day == day), None)

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().changeEvent(event)
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow():
            self.refresh()  # the clerk may have changed a plan in the main window

    # ------------------------------------------------------------------ actions
    def open_item(self, planned: PlanItem) -> None:
        window = self.main_window
        if window is None or not shiboken6.isValid(window):
            return
        if window.current_plan_id() != planned.plan_id:
            window.reload()  # a plan added since the list was read
            window.select_plan(planned.plan_id)
        if window.current_plan_id() != planned.plan_id or window.editor.plan_id != planned.plan_id:
            self.hint.setText(self.tr("Không mở được: kế hoạch này không còn trong danh sách."))
            return
        window.editor.go_to_field(planned.item.field)
        window.raise_()
        window.activateWindow()

    def edit_office_days(self) -> None:
        from .calendar_anniversaries import AnniversariesDialog
        from .modal import run_modal

        if run_modal(AnniversariesDialog(self.office_days, self)) == AnniversariesDialog.DialogCode.Accepted:
            self.refresh()

    def print_month(self) -> None:
        from ..formats.calendar_pdf import write_month_pdf
        from .file_dialogs import ask_save_path

        if self.mode != self.MONTH:
            return
        name = f"lich-cong-tac-{self.shown.year}-{self.shown.month:02d}.pdf"
        path = ask_save_path(self, self.tr("In lịch tháng (PDF)"), name, self.tr("Tệp PDF (*.pdf)"), ".pdf")
        if path is None:
            return
        title = f"LỊCH CÔNG TÁC {month_title(self.shown.year, self.shown.month).upper()}"
        try:
            write_month_pdf(path, title, self.filter_words(), self.days)
        except (OSError, UserError) as exc:
            QMessageBox.warning(self, self.tr("In lịch tháng"), self.tr("Không ghi được tệp PDF: {error}")
                                .format(error=exc))
            return
        self.hint.setText(self.tr("Đã ghi lịch tháng vào {path}").format(path=path))

    def filter_words(self) -> str:
        """What the printed month holds: "Mọi trạng thái – Mọi cơ quan", the filters chosen."""
        return f"{self.status_filter.currentText()} – {self.body_filter.currentText()}"


def open_calendar(main_window) -> CalendarWindow:
    """The main window's calendar, opened once and brought to the front after."""
    window = getattr(main_window, "calendar_window", None)
    if window is None or not shiboken6.isValid(window):
        window = CalendarWindow(main_window.db, main_window)
        main_window.calendar_window = window
    window.show()
    window.raise_()
    window.activateWindow()
    return window
