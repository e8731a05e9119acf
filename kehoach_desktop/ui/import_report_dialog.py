"""The report of "Nhập kế hoạch có sẵn": the file's lines side by side with
where each went in the new plan (formats/plan_import/placements.py), the
lines that found no place marked (a colour, an icon and their words), and
the importer's notes in a second tab.

Not modal: the clerk keeps it beside the editor and fixes the plan in one
pass; a double click (or Enter) on a line opens the plan at that line's
page (PlanEditor.go_to_field, as the format checker's panel does)."""
from __future__ import annotations

import re

import shiboken6
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..formats.plan_import import ImportReport
from ..formats.plan_import.placements import DROPPED, UNPLACED, Placement, unplaced_count
from .fitted_columns import ColumnFitter, Fit
from .list_model import Column, ListFilter, ListModel

UNPLACED_BACKGROUND = QColor("#fde2e1")  # light red, dark text stays readable on it
UNPLACED_MARK = "✗ "  # not the colour alone: the cell says it too
SCREEN_SHARE = 0.85  # of the available screen, at most, on a 1366×768 laptop
PREFERRED_SIZE = (1040, 600)
_GAPS = re.compile(r"\s*\t\s*|\s{3,}")


def shown_text(text: str) -> str:
    """A source line on one row: the gap between two header columns (a
    tab, a run of spaces) kept visible as three spaces, other runs of
    spaces folded."""
    return "   ".join(" ".join(part.split()) for part in _GAPS.split(text.strip()))


class PlacementsModel(ListModel):
    """One row per source line; an unplaced one is painted light red and
    marked, a dropped one greyed."""

    COL_NUMBER, COL_TEXT, COL_WHERE = range(3)

    def __init__(self, parent=None):
        super().__init__((
            Column(self.tr("Dòng"), lambda p: str(p.number), sort=lambda p: p.number,
                   align=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
            Column(self.tr("Trong tệp nhập"), lambda p: shown_text(p.text), tooltip=lambda p: p.text),
            Column(self.tr("Đã đưa vào"), self._where, icon=self._icon, tooltip=self._where_whole),
        ), parent)

    @staticmethod
    def _where(placement: Placement) -> str:
        return (UNPLACED_MARK if placement.status == UNPLACED else "") + placement.where

    def _where_whole(self, placement: Placement) -> str:
        if placement.status != UNPLACED:
            return placement.where
        return placement.where + "\n" + self.tr("Các chữ không có trong kế hoạch: {words}").format(
            words=" ".join(placement.missing))

    @staticmethod
    def _icon(placement: Placement):
        if placement.status != UNPLACED:
            return None
        return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if index.isValid() and role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole,
                                        Qt.ItemDataRole.FontRole):
            placement: Placement = self.row(index.row())
            if placement.status == UNPLACED:
                if role == Qt.ItemDataRole.BackgroundRole:
                    return QBrush(UNPLACED_BACKGROUND)
                if role == Qt.ItemDataRole.ForegroundRole:
                    return QBrush(QColor("#000000"))
                if index.column() == self.COL_WHERE:
                    font = QFont()
                    font.setBold(True)
                    return font
            elif placement.status == DROPPED and role == Qt.ItemDataRole.ForegroundRole:
                return QApplication.palette().brush(QPalette.ColorGroup.Active, QPalette.ColorRole.PlaceholderText)
            return None
        return super().data(index, role)


class UnplacedFilter(ListFilter):
    """All lines, or only those that found no place."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.only_unplaced = False

    def set_only_unplaced(self, only: bool) -> None:
        self.refilter(lambda: setattr(self, "only_unplaced", only))

    def accepts(self, row) -> bool:
        return not self.only_unplaced or row.status == UNPLACED


class ImportReportDialog(QDialog):
    """What became of each line of ``file_name``, imported as the plan
    ``plan_id`` of ``window`` (the main window: its editor opens a line's
    place)."""

    def __init__(self, window, plan_id: int, file_name: str, report: ImportReport):
        super().__init__(window)
        self.window_ = window
        self.plan_id = plan_id
        self.report = report
        self.setWindowTitle(self.tr("Đã nhập kế hoạch — từng dòng đi đâu"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # not one more child of the window per import
        self.model = PlacementsModel(self)
        self.model.set_rows(report.placements)
        self.filter = UnplacedFilter(self)
        self.filter.setSourceModel(self.model)
        missing = unplaced_count(report.placements)

        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setText(self._summary(file_name, missing))
        self.count = QLabel(self)
        self.count.setText(self.tr("{n} dòng chưa đặt được").format(n=missing) if missing
                           else self.tr("Mọi dòng đều đã có chỗ"))
        font = self.count.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.count.setFont(font)
        if missing:
            self.count.setStyleSheet("color: #a4000f")
        self.only_unplaced = QCheckBox(self.tr("Chỉ hiện dòng chưa đặt được"), self)
        self.only_unplaced.setEnabled(bool(missing))
        self.only_unplaced.toggled.connect(self.filter.set_only_unplaced)

        self.table = QTableView(self)
        self.table.setModel(self.filter)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        rows = self.table.verticalHeader()
        rows.hide()
        rows.setMinimumSectionSize(1)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 8)  # one line a row: more lines on a laptop
        self.table.setWordWrap(False)  # a line a row, elided; its tooltip shows it whole
        char = self.fontMetrics().averageCharWidth()
        self.columns = ColumnFitter(self.table, [
            Fit(PlacementsModel.COL_NUMBER, 5 * char, 6 * char, 0),
            Fit(PlacementsModel.COL_TEXT, 30 * char, None, 3),
            Fit(PlacementsModel.COL_WHERE, 30 * char, None, 2)])
        self.table.activated.connect(self._open)  # double click, or Enter
        self.hint = QLabel(self.tr("Nhấp đúp (hoặc Enter) vào một dòng để mở kế hoạch ở đúng chỗ đó."), self)
        self.hint.setWordWrap(True)

        self.notes = QPlainTextEdit(self)
        self.notes.setReadOnly(True)
        self.notes.setPlainText("\n".join(report.lines()) or self.tr("Không có ghi chú nào."))
        lines_page = QWidget(self)
        lines_layout = QVBoxLayout(lines_page)
        lines_layout.setContentsMargins(0, 4, 0, 0)
        filter_row = QHBoxLayout()
        filter_row.addWidget(self.only_unplaced)
        filter_row.addStretch(1)
        lines_layout.addLayout(filter_row)
        lines_layout.addWidget(self.table, 1)
        lines_layout.addWidget(self.hint)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(lines_page, self.tr("Từng dòng của tệp"))
        self.tabs.addTab(self.notes, self.tr("Ghi chú khi nhập ({n} cần kiểm tra)").format(n=len(report.guessed)))

        self.open_button = QPushButton(self.tr("Mở chỗ này trong kế hoạch"), self)
        self.open_button.clicked.connect(lambda: self._open(self.table.currentIndex()))
        self.close_button = QPushButton(self.tr("Đóng"), self)
        self.close_button.clicked.connect(self.close)
        for button in (self.open_button, self.close_button):
            button.setAutoDefault(False)  # Enter in the list opens the line, never closes the report
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(self.count)
        top.addStretch(1)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)
        self._fit_screen()
        self.table.selectionModel().currentChanged.connect(self._update_open)
        self.tabs.currentChanged.connect(self._update_open)
        self._update_open()
        # Nothing selected: the selection's colour would hide the red of a line
        # not placed. The list has the focus: arrows and Enter work at once.
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _update_open(self, *_args) -> None:
        """"Mở chỗ này" needs a line chosen in the list shown."""
        self.open_button.setEnabled(self.tabs.currentIndex() == 0 and self.table.currentIndex().isValid())


    def _summary(self, file_name: str, missing: int) -> str:
        text = self.tr("Đã nhập “{file}” thành kế hoạch mới. Bên trái là các dòng của tệp, bên phải là chỗ "
                       "mỗi dòng đã vào trong kế hoạch.").format(file=file_name)
        if missing:
            text += " " + self.tr("Các dòng tô đỏ, đánh dấu ✗, không tìm thấy (hoặc chỉ thấy một phần) trong "
                                  "kế hoạch: hãy thêm chúng vào chỗ đúng.")
        return text

    def _fit_screen(self) -> None:
        screen = self.window_.screen() if self.window_ is not None else QGuiApplication.primaryScreen()
        area = screen.availableGeometry()
        width = min(PREFERRED_SIZE[0], int(area.width() * SCREEN_SHARE))
        height = min(PREFERRED_SIZE[1], int(area.height() * SCREEN_SHARE))
        self.resize(width, height)

    def visible_rows(self) -> list[Placement]:
        """The rows the list shows now (the filter applied)."""
        return [self.model.row(self.filter.mapToSource(self.filter.index(r, 0)).row())
                for r in range(self.filter.rowCount())]

    def target_path(self, placement: Placement) -> str:
        """Where to open a line: its part; a line with none, the part of the
        placed line before it (where its words belong, most likely)."""
        if placement.path:
            return placement.path
        rows = self.model.rows()
        before = rows[:rows.index(placement)]
        return next((p.path for p in reversed(before) if p.path), "title")

    def _open(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        placement = self.model.row(self.filter.mapToSource(index).row())
        window = self.window_
        if window is None or not shiboken6.isValid(window):
            return
        if window.model.row_of(self.plan_id) is not None and window.current_plan_id() != self.plan_id:
            window.select_plan(self.plan_id)
        if window.current_plan_id() != self.plan_id or window.editor.plan_id != self.plan_id:
            self.hint.setText(self.tr("Không mở được: kế hoạch vừa nhập không còn trong danh sách."))
            return
        window.editor.go_to_field(self.target_path(placement))
        window.activateWindow()
