"""Editor of a table (a content kind: an assignment table, a list of units
with their quotas): a grid like a spreadsheet. The first rows, shaded, are
the header rows (how many: "Dòng tiêu đề"); a title spanning several
columns shows merged as in Word. Rows and columns are added, removed and
moved with the buttons, or in the grid with Alt+↑/↓ (rows) and Alt+←/→
(columns); Ctrl+V pastes cells copied from Excel or Word (tab-separated),
growing the grid. Cells are typed as in the other tables of the editor
(cell_editing.spreadsheet): typing replaces, F2 edits, Enter moves down,
and a cell may hold several lines (CELL_HINT says how).

The columns panel under the grid sets the current column's width (a whole
number of "phần", its share of the table's width: core/tables.py) and its
alignment; dragging the line between two column titles moves width between
those two columns. The grid's columns are drawn in those proportions.
Widths follow the cells' longest text until the clerk sets one (then every
width is kept as it is, as Word keeps a table's widths once a border is
dragged); "Độ rộng theo chữ" goes back to following the text. Nothing
records which: a table whose stored widths are the ones its text gives
follows its text. A column whose cells are all numbers is numeric (summed by
the total row) and, unless the clerk aligned it otherwise, right-aligned;
a column numbering the rows 1, 2, 3, … ("STT") is not summed.
How titles spanning several columns follow a moved column: table_shape.py.

Body cells merge as in Word ("Gộp ô", Ctrl+M, the selected rectangle; "Tách
ô", Ctrl+Shift+M, the merge under the current cell): a unit's name down the
rows of its tasks, a group's title across the columns. The grid shows them
with QTableWidget's spans, the title rows' merged titles too: every row
operation works on the whole grid's texts and spans (table_shape.Cells, in
the grid's rows), then the spans running down that reach the title rows are
split (title rows merge across only). How merges follow added, removed and
moved rows and columns, and a paste: table_shape.py."""
from __future__ import annotations

import copy

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ....core.profile import get_profile, landscape_tables_allowed
from ....core.tables import (
    Alignment,
    CellMerge,
    HeaderCell,
    Table,
    TableColumn,
    column_titles,
    is_numeric_column,
    normalised,
    problems,
)
from ....core.text import clean_text
from ...flow_layout import flow_row
from . import table_shape
from .base import ContentEditor
from .cell_editing import commit_open_cell, spreadsheet
from .kinds import editor_of

HEADER_SHADE = QColor(232, 236, 242)
MAX_PASTE_CELLS = 20_000  # a paste larger than this is refused with a message
MAX_COLUMNS = 63  # Word's limit
MAX_WEIGHT = 999  # a column's share, in "phần"
TEXT_WEIGHT_MAX = 40  # a width from the text: its longest line in characters, up to this
# Dragging a column edge shares width out in "phần": with fewer in all than this, every
# weight is first multiplied (the proportions stay) so that a drag has a fine enough step.
FINE_WEIGHTS = 100
MIN_COLUMN_CHARS = 3  # the narrowest a column is drawn, in average characters
ALIGNMENTS: dict[Alignment, str] = {"left": "Trái", "center": "Giữa", "right": "Phải", "justify": "Đều hai bên"}
_QT_ALIGN = {"left": Qt.AlignmentFlag.AlignLeft, "center": Qt.AlignmentFlag.AlignHCenter,
             "right": Qt.AlignmentFlag.AlignRight, "justify": Qt.AlignmentFlag.AlignJustify}
# The keys that move the current row or column, typed in the grid (the buttons say them).
MOVE_KEYS = {Qt.Key.Key_Up: ("row", -1), Qt.Key.Key_Down: ("row", 1),
             Qt.Key.Key_Left: ("column", -1), Qt.Key.Key_Right: ("column", 1)}
# Merging and splitting cells, typed in the grid: no other key of the editor or the window uses
# Ctrl+M (spreadsheets have no common one; M as in "merge", the Vietnamese "Gộp" being no letter key).
MERGE_KEYS = {Qt.KeyboardModifier.ControlModifier: "merge",
              Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier: "split"}


def shared_out(weights: list[int], room: int, narrowest: int) -> list[int]:
    """``room`` pixels shared in proportion to ``weights``, each at least
    ``narrowest`` (the columns held at it leave the rest to the others),
    summing to ``room`` when it is enough; the rounding to the widest ones."""
    sizes = [narrowest] * len(weights)
    free = list(range(len(weights)))
    while free:
        left = room - narrowest * (len(weights) - len(free))
        total = sum(weights[i] for i in free)
        narrow = [i for i in free if left * weights[i] // total < narrowest]
        if not narrow:
            for i in free:
                sizes[i] = left * weights[i] // total
            for i in sorted(free, key=lambda i: -weights[i])[:max(left - sum(sizes[i] for i in free), 0)]:
                sizes[i] += 1
            break
        free = [i for i in free if i not in narrow]
    return sizes


def default_align(numeric: bool) -> Alignment:
    return "right" if numeric else "left"


@editor_of("table")
class TableEditor(ContentEditor):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.specs: list[TableColumn] = []  # one per column of the grid: width, alignment, numeric
        self.widths_follow_text = True
        self._fitting = False  # the grid's widths being set from the weights (not dragged)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.grid = QTableWidget(self)
        self.cells = spreadsheet(self.grid, range(MAX_COLUMNS))  # every column may hold several lines
        header = self.grid.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setToolTip(self.tr("Kéo đường ngăn giữa hai cột để chia lại độ rộng của hai cột đó"))
        header.sectionResized.connect(self._on_section_resized)
        self.grid.viewport().installEventFilter(self)
        self._refit = QTimer(self)
        self._refit.setSingleShot(True)
        self._refit.setInterval(0)
        self._refit.timeout.connect(self._fit_grid)
        self.grid.installEventFilter(self)
        paste = QShortcut(QKeySequence.StandardKey.Paste, self.grid, self.paste)
        paste.setContext(Qt.ShortcutContext.WidgetShortcut)
        self.grid.itemChanged.connect(self._edited_cell)
        self.grid.currentCellChanged.connect(lambda *_args: self._show_column())
        layout.addWidget(self.grid, 1)
        self.header_count = QSpinBox(self)
        self.header_count.setRange(0, 3)
        self.header_count.setToolTip(self.tr("Số dòng đầu bảng là tiêu đề cột (in đậm, lặp lại ở đầu mỗi trang)"))
        self.header_count.valueChanged.connect(self._on_header_count)
        self.total = QCheckBox(self.tr("Dòng tổng cộng (cộng các cột số)"), self)
        self.total.toggled.connect(self._edited)
        self.landscape = QCheckBox(self.tr("In bảng trên trang nằm ngang"), self)
        self.landscape_tip = self.tr("Bảng rộng: in trên trang khổ ngang riêng, tên mục ở ngay trên bảng")
        self.landscape.setToolTip(self.landscape_tip)
        self.landscape.toggled.connect(self._edited)
        self.buttons = {
            "add_row": QPushButton(self.tr("Thêm dòng"), self),
            "remove_row": QPushButton(self.tr("Xoá dòng"), self),
            "row_up": QPushButton(self.tr("Dòng lên"), self),
            "row_down": QPushButton(self.tr("Dòng xuống"), self),
            "add_column": QPushButton(self.tr("Thêm cột"), self),
            "remove_column": QPushButton(self.tr("Xoá cột"), self),
            "paste": QPushButton(self.tr("Dán từ Excel/Word"), self),
            "merge": QPushButton(self.tr("Gộp ô"), self),
            "split": QPushButton(self.tr("Tách ô"), self),
        }
        self.buttons["add_row"].clicked.connect(self.add_row)
        self.buttons["remove_row"].clicked.connect(self.remove_row)
        self.buttons["row_up"].clicked.connect(lambda: self.move_row(-1))
        self.buttons["row_down"].clicked.connect(lambda: self.move_row(1))
        self.buttons["add_column"].clicked.connect(self.add_column)
        self.buttons["remove_column"].clicked.connect(self.remove_column)
        self.buttons["paste"].clicked.connect(self.paste)
        self.buttons["merge"].clicked.connect(self.merge_cells)
        self.buttons["split"].clicked.connect(self.split_cell)
        self.buttons["merge"].setToolTip(self.tr("Gộp các ô đang chọn (một vùng hình chữ nhật dưới dòng tiêu đề) "
                                                 "thành một ô; chữ của các ô nối vào ô đầu (Ctrl+M trong bảng)"))
        self.buttons["split"].setToolTip(self.tr("Tách ô gộp đang chọn thành các ô như trước; chữ ở lại ô đầu "
                                                 "(Ctrl+Shift+M trong bảng)"))
        self.buttons["row_up"].setToolTip(self.tr("Chuyển dòng đang chọn lên trên (Alt+↑ trong bảng)"))
        self.buttons["row_down"].setToolTip(self.tr("Chuyển dòng đang chọn xuống dưới (Alt+↓ trong bảng)"))
        layout.addWidget(flow_row(self, self._labelled(self.tr("Dòng tiêu đề:"), self.header_count), self.total,
                                  self.landscape))
        # "Gộp ô" and "Tách ô" wrap as a pair in a narrow pane (the editor beside the preview at 1366×768).
        layout.addWidget(flow_row(self, *(self.buttons[key] for key in ("add_row", "remove_row", "row_up", "row_down")),
                                  self._labelled("", self.buttons["merge"], self.buttons["split"]),
                                  self.buttons["paste"]))
        layout.addWidget(self._column_panel())
        self.problems = QLabel(self)
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color: #b00020")
        layout.addWidget(self.problems)

    def _column_panel(self) -> QGroupBox:
        """The current column (named in the frame's title): add, remove and
        move it, its width and its alignment."""
        self.column_panel = QGroupBox(self)
        self.width_box = QSpinBox(self)
        self.width_box.setRange(1, MAX_WEIGHT)
        self.width_box.setSuffix(self.tr(" phần"))
        self.width_box.setToolTip(self.tr("Độ rộng của cột, tính bằng phần của bề ngang bảng: cột 4 phần rộng "
                                          "gấp đôi cột 2 phần"))
        self.width_box.valueChanged.connect(self._on_width)
        self.width_share = QLabel(self)
        self.align_box = QComboBox(self)
        for align, label in ALIGNMENTS.items():
            self.align_box.addItem(self.tr(label), align)
        self.align_box.setToolTip(self.tr("Căn lề chữ trong các ô của cột (dòng tiêu đề luôn căn giữa)"))
        self.align_box.activated.connect(self._on_align)
        self.column_buttons = {
            "left": QPushButton(self.tr("◀ Cột sang trái"), self),
            "right": QPushButton(self.tr("Cột sang phải ▶"), self),
            "fit": QPushButton(self.tr("Độ rộng theo chữ"), self),
        }
        self.column_buttons["left"].setToolTip(self.tr("Chuyển cột đang chọn sang trái (Alt+← trong bảng)"))
        self.column_buttons["right"].setToolTip(self.tr("Chuyển cột đang chọn sang phải (Alt+→ trong bảng)"))
        self.column_buttons["fit"].setToolTip(self.tr("Chia lại độ rộng mọi cột theo dòng chữ dài nhất của "
                                                      "từng cột"))
        self.column_buttons["left"].clicked.connect(lambda: self.move_column(-1))
        self.column_buttons["right"].clicked.connect(lambda: self.move_column(1))
        self.column_buttons["fit"].clicked.connect(self.fit_widths_to_text)
        inside = QVBoxLayout(self.column_panel)
        inside.setContentsMargins(6, 2, 6, 4)
        inside.addWidget(flow_row(self.column_panel, self.buttons["add_column"], self.buttons["remove_column"],
                                  self.column_buttons["left"], self.column_buttons["right"],
                                  self._labelled(self.tr("Độ rộng:"), self.width_box, self.width_share),
                                  self._labelled(self.tr("Căn lề:"), self.align_box), self.column_buttons["fit"]))
        return self.column_panel

    def _labelled(self, label: str, *widgets) -> QWidget:
        """A label (or none) and its fields kept on one line when the row wraps."""
        holder = QWidget(self)
        line = QHBoxLayout(holder)
        line.setContentsMargins(0, 0, 0, 0)
        if label:
            line.addWidget(QLabel(label, holder))
        for widget in widgets:
            line.addWidget(widget)
        return holder

    # ---- the plan's profile
    def set_profile(self, profile_id: str) -> None:
        """The landscape box is open only when the plan's profile prints
        tables on landscape pages; its tick is kept either way."""
        allowed = landscape_tables_allowed(get_profile(profile_id))
        self.landscape.setEnabled(allowed)
        name = get_profile(profile_id).name.split(" (")[0]
        self.landscape.setToolTip(self.landscape_tip if allowed else self.tr(
            "Thể thức “{name}” không in bảng trên trang nằm ngang: bảng in trên trang dọc như các trang khác.")
            .format(name=name))

    # ---- loading and reading
    def fill(self, table: Table) -> None:
        table = normalised(table)
        columns = max(len(table.columns), 1)
        self.grid.blockSignals(True)
        try:
            self.grid.clearSpans()
            self.grid.setColumnCount(columns)
            self.grid.setRowCount(len(table.header_rows) + len(table.rows))
            self._write_headers(table.header_rows)
            for r, row in enumerate(table.rows, start=len(table.header_rows)):
                for col, text in enumerate(row):
                    self._set(r, col, text)
            for merge in table.merges:  # the body's merges, below the title rows
                self.grid.setSpan(len(table.header_rows) + merge.row, merge.column, merge.rows, merge.columns)
        finally:
            self.grid.blockSignals(False)
        self.specs = [copy.copy(column) for column in table.columns] or [TableColumn()]
        self.header_count.blockSignals(True)
        self.header_count.setValue(min(len(table.header_rows), 3))
        self.header_count.blockSignals(False)
        self.total.setChecked(table.total_row)
        self.landscape.setChecked(table.landscape)
        # Widths that are the text's follow the text; others were set (or read from Word) and stay.
        self.widths_follow_text = not table.columns or [c.width for c in table.columns] == self._text_widths()
        self._sync_columns()
        self._shade()
        self._show_problems()

    def content(self) -> Table:
        table = copy.deepcopy(self._original) if isinstance(self._original, Table) else Table()
        table.header_rows = self._header_rows()
        body = self._body_cells()
        # Empty rows are not kept, except those a merged cell runs down (the clerk made it so).
        down = {r for merge in body.merges if merge.rows > 1 for r in range(merge.row, merge.row + merge.rows)}
        body = table_shape.remove_rows(body, {r for r, row in enumerate(body.rows) if not any(row) and r not in down})
        table.rows = body.rows
        table.merges = body.merges
        table.total_row = self.total.isChecked()
        table.landscape = self.landscape.isChecked()
        if table.rows or table.header_rows or table.columns:
            table.columns = [copy.copy(column) for column in self.specs]
        return table

    def _header_rows(self) -> list[list[HeaderCell]]:
        """The header rows as the grid shows them, a merged title one cell."""
        rows, count = [], self.grid.columnCount()
        for r in range(min(self.header_count.value(), self.grid.rowCount())):
            cells, col = [], 0
            while col < count:
                span = min(max(self.grid.columnSpan(r, col), 1), count - col)
                cells.append(HeaderCell(self._text(r, col), span))
                col += span
            rows.append(cells)
        return rows

    def _spans(self) -> list[CellMerge]:
        """The grid's merged cells, title rows included, in the grid's rows."""
        spans, covered = [], set()
        for r in range(self.grid.rowCount()):
            for c in range(self.grid.columnCount()):
                if (r, c) in covered:
                    continue
                rows, columns = self.grid.rowSpan(r, c), self.grid.columnSpan(r, c)
                if rows > 1 or columns > 1:  # read in order: a span's first cell comes first
                    span = CellMerge(r, c, rows, columns)
                    spans.append(span)
                    covered |= table_shape.spots(span)
        return spans

    def _grid_cells(self) -> table_shape.Cells:
        """The whole grid's texts and merged cells (title rows included)."""
        return table_shape.Cells([[self._text(r, c) for c in range(self.grid.columnCount())]
                                  for r in range(self.grid.rowCount())], self._spans())

    def _body_cells(self) -> table_shape.Cells:
        """The body's texts, empty rows included, and its merges, in the body's rows."""
        top = self.header_count.value()
        return table_shape.Cells(self._body_rows(keep_empty=True),
                                 [CellMerge(m.row - top, m.column, m.rows, m.columns) for m in self._spans()
                                  if m.row >= top])

    def _write_grid(self, cells: table_shape.Cells) -> None:
        """The grid made to show ``cells`` (all its rows); a merge running
        down into the title rows is split (its text stays in its first cell)."""
        cells = table_shape.split_above(cells, self.header_count.value())
        self.grid.blockSignals(True)
        try:
            self.grid.clearSpans()
            self.grid.setRowCount(len(cells.rows))
            for r, row in enumerate(cells.rows):
                for c, text in enumerate(row):
                    self._set(r, c, text)
            for merge in cells.merges:
                self.grid.setSpan(merge.row, merge.column, merge.rows, merge.columns)
        finally:
            self.grid.blockSignals(False)

    def _write_body(self, body: table_shape.Cells) -> None:
        """The body's texts and merges into the grid below the title rows
        (the title rows' spans already drawn)."""
        top = self.header_count.value()
        for r, row in enumerate(body.rows, start=top):
            for c, text in enumerate(row):
                self._set(r, c, text)
        for merge in body.merges:
            self.grid.setSpan(top + merge.row, merge.column, merge.rows, merge.columns)

    def _body_rows(self, keep_empty: bool = False) -> list[list[str]]:
        rows = [[self._text(r, c) for c in range(self.grid.columnCount())]
                for r in range(self.header_count.value(), self.grid.rowCount())]
        return rows if keep_empty else [row for row in rows if any(row)]

    def _write_headers(self, header_rows: list[list[HeaderCell]]) -> None:
        """Header rows into the grid's first rows: a title in its first
        column, merged over its span; the spans of the other rows cleared."""
        self.grid.clearSpans()
        for r, row in enumerate(header_rows):
            col = 0
            for cell in row:
                self._set(r, col, cell.text)
                for covered in range(col + 1, col + cell.span):
                    self._set(r, covered, "")
                if cell.span > 1:
                    self.grid.setSpan(r, col, 1, cell.span)
                col += cell.span

    def _text_widths(self) -> list[int]:
        """Each column's width from its longest line (a merged title's
        shared among its columns), within 1 and TEXT_WEIGHT_MAX."""
        longest = [1] * self.grid.columnCount()
        for row in self._header_rows():
            col = 0
            for cell in row:
                line = max((len(line) for line in cell.text.split("\n")), default=0)
                for covered in range(col, col + cell.span):
                    longest[covered] = max(longest[covered], -(-line // cell.span))
                col += cell.span
        body = self._body_cells()
        across = {(m.row, m.column): m.columns for m in body.merges}
        for r, texts in enumerate(body.rows):
            for col, text in enumerate(texts):
                chars = max(len(part) for part in text.split("\n"))
                span = across.get((r, col), 1)  # a cell merged across shares its line among its columns
                for covered in range(col, col + span):
                    longest[covered] = max(longest[covered], -(-chars // span))
        return [max(1, min(width, TEXT_WEIGHT_MAX)) for width in longest]

    def _sync_columns(self) -> None:
        """Numeric columns from the cells (a column keeps an alignment the
        clerk chose; a default one follows), widths from the text while they
        follow it; the grid redrawn in those proportions."""
        rows = self._body_rows()
        for col, spec in enumerate(self.specs):
            numeric = is_numeric_column([row[col] for row in rows])
            if numeric != spec.numeric and spec.align == default_align(spec.numeric):
                spec.align = default_align(numeric)
            spec.numeric = numeric
        if self.widths_follow_text:
            for spec, width in zip(self.specs, self._text_widths(), strict=True):
                spec.width = width
        self._align_cells()
        self._fit_grid()
        self._show_column()

    # ---- the columns panel
    def current_column(self) -> int:
        column = self.grid.currentColumn()
        return column if 0 <= column < len(self.specs) else -1

    def _show_column(self) -> None:
        col = self.current_column()
        for widget in (self.width_box, self.align_box, self.column_buttons["left"], self.column_buttons["right"]):
            widget.setEnabled(col >= 0)
        if col < 0:
            self.column_panel.setTitle(self.tr("Cột (chọn một ô của cột)"))
            self.width_share.setText("")
            return
        title = column_titles(Table(columns=self.specs, header_rows=self._header_rows()))[col]
        short = title if len(title) <= 24 else title[:23] + "…"
        self.column_panel.setTitle(self.tr("Cột {n}").format(n=col + 1) + (f" «{short}»" if short else ""))
        spec = self.specs[col]
        self.width_box.blockSignals(True)
        self.width_box.setValue(min(max(spec.width, 1), MAX_WEIGHT))
        self.width_box.blockSignals(False)
        share = round(100 * spec.width / max(sum(s.width for s in self.specs), 1))
        self.width_share.setText(self.tr("({share}% bề ngang)").format(share=share))
        self.align_box.setCurrentIndex(self.align_box.findData(spec.align))
        self.column_buttons["left"].setEnabled(col > 0)
        self.column_buttons["right"].setEnabled(col < len(self.specs) - 1)

    def set_column_width(self, col: int, width: int) -> None:
        """The clerk's width for a column: from now on every width is kept."""
        self.widths_follow_text = False
        self.specs[col].width = max(1, min(width, MAX_WEIGHT))
        self._changed_columns()

    def set_column_align(self, col: int, align: Alignment) -> None:
        self.specs[col].align = align
        self._changed_columns()

    def fit_widths_to_text(self) -> None:
        self.widths_follow_text = True
        self._changed_columns()

    def _on_width(self, value: int) -> None:
        if self.current_column() >= 0:
            self.set_column_width(self.current_column(), value)

    def _on_align(self, _index: int) -> None:
        if self.current_column() >= 0:
            self.set_column_align(self.current_column(), self.align_box.currentData())

    def _changed_columns(self) -> None:
        self._sync_columns()
        self._show_problems()
        self._edited()

    # ---- the grid's widths
    def _fit_grid(self) -> None:
        """The grid's columns drawn in proportion to their weights across
        the grid's width, none narrower than a few characters."""
        sizes = shared_out([max(spec.width, 1) for spec in self.specs], self.grid.viewport().width(),
                           self._narrowest())
        header = self.grid.horizontalHeader()
        self._fitting = True
        try:
            for col, size in enumerate(sizes):
                header.resizeSection(col, size)
        finally:
            self._fitting = False

    def _narrowest(self) -> int:
        """The narrowest a column is drawn (the header draws none narrower than its minimum)."""
        return max(MIN_COLUMN_CHARS * self.grid.fontMetrics().averageCharWidth(),
                   self.grid.horizontalHeader().minimumSectionSize())

    def _on_section_resized(self, col: int, old: int, new: int) -> None:
        """The clerk dragged the edge after column ``col``: the width moves
        between it and its neighbour (the one before, for the last column),
        the table's width stays; the two weights are set in proportion."""
        if self._fitting or not 0 <= col < len(self.specs) or len(self.specs) < 2:
            return
        neighbour = col + 1 if col + 1 < len(self.specs) else col - 1
        header = self.grid.horizontalHeader()
        pair = old + header.sectionSize(neighbour)
        narrowest = self._narrowest()
        new = max(narrowest, min(new, pair - narrowest))
        total = sum(max(spec.width, 1) for spec in self.specs)
        if total < FINE_WEIGHTS:
            factor = -(-FINE_WEIGHTS // total)
            for spec in self.specs:
                spec.width = min(max(spec.width, 1) * factor, MAX_WEIGHT)
        weights = max(self.specs[col].width, 1) + max(self.specs[neighbour].width, 1)
        mine = max(1, min(weights - 1, round(weights * new / max(pair, 1))))
        self.specs[col].width, self.specs[neighbour].width = mine, weights - mine
        self.widths_follow_text = False
        self._fitting = True
        try:
            header.resizeSection(col, new)
            header.resizeSection(neighbour, pair - new)
        finally:
            self._fitting = False
        self._show_column()
        self._show_problems()
        self._edited()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt API
        if watched is self.grid.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_grid()
            self._refit.start()  # once more when the view has settled (its row numbers' width, its scroll bars)
        elif watched is self.grid and event.type() in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            merge = MERGE_KEYS.get(event.modifiers()) if event.key() == Qt.Key.Key_M else None
            if merge is not None:  # taken before any window shortcut, as the moves below
                event.accept()
                if event.type() == QEvent.Type.KeyPress:
                    (self.merge_cells if merge == "merge" else self.split_cell)()
                return True
            move = MOVE_KEYS.get(event.key()) if event.modifiers() == Qt.KeyboardModifier.AltModifier else None
            if move is not None:
                # Taken before any window shortcut (an outline around this table moves its own rows with Alt+↑).
                event.accept()
                if event.type() == QEvent.Type.KeyPress:
                    what, delta = move
                    (self.move_row if what == "row" else self.move_column)(delta)
                return True
        return super().eventFilter(watched, event)

    # ---- editing
    def add_row(self) -> None:
        """A row below the current cell (a merged cell's last row counting:
        table_shape.py says why), or at the end."""
        commit_open_cell(self.grid)
        current = self.grid.currentRow()
        column = max(self.grid.currentColumn(), 0)
        row = current + max(self.grid.rowSpan(current, column), 1) if current >= 0 else self.grid.rowCount()
        # A row added among the title rows pushes the last one into the body (its merged titles stay merged).
        self._write_grid(table_shape.insert_row(self._grid_cells(), row))
        self.grid.setCurrentCell(row, 0)
        self._changed_shape()

    def remove_row(self) -> None:
        """The selected rows or the current one; a merged cell selected
        selects all its rows (as in Word: a unit's name chosen, the unit goes)."""
        commit_open_cell(self.grid)
        rows = {index.row() for index in self.grid.selectionModel().selectedIndexes()} or {self.grid.currentRow()}
        rows.discard(-1)
        if not rows:
            return
        self._write_grid(table_shape.remove_rows(self._grid_cells(), rows))
        self._changed_shape()

    def move_row(self, delta: int) -> None:
        """The current row one step up (-1) or down (+1): past a merged
        block, never into it; from a merged cell running down, its whole
        block (table_shape.move_row). Title rows keep their merged titles
        where they go; a merged cell running down never goes into them."""
        commit_open_cell(self.grid)
        row, column = self.grid.currentRow(), max(self.grid.currentColumn(), 0)
        if row < 0:
            return
        try:
            moved = table_shape.move_row(self._grid_cells(), row, delta, whole=self.grid.rowSpan(row, column) > 1)
        except table_shape.EditRefusedError as refused:
            self.problems.setText(self.tr(str(refused)))
            return
        if moved is None:
            return
        if any(m.rows > 1 and m.row < self.header_count.value() for m in moved.cells.merges):
            self.problems.setText(self.tr("Không chuyển được: dòng tiêu đề không chứa ô gộp nhiều dòng (ô gộp nằm "
                                          "dưới dòng tiêu đề)."))
            return
        self._write_grid(moved.cells)
        self.grid.setCurrentCell(moved.order.index(row), column)
        self._changed_shape()

    def move_column(self, delta: int) -> None:
        """The current column one step left (-1) or right (+1), as a row
        moves (merged cells across: table_shape.move_cells_column): its
        cells, its titles (table_shape.move_column, one neighbour swap at a
        time when it goes past a merged block), its width, alignment and
        numeric flag."""
        commit_open_cell(self.grid)
        col = self.current_column()
        row = max(self.grid.currentRow(), 0)
        if col < 0:
            return
        whole = row >= self.header_count.value() and self.grid.columnSpan(row, col) > 1
        try:
            moved = table_shape.move_cells_column(self._body_cells(), col, delta, whole)
        except table_shape.EditRefusedError as refused:
            self.problems.setText(self.tr(str(refused)))
            return
        if moved is None:
            if whole and table_shape.column_block(self._body_cells(), col) == (0, len(self.specs) - 1):
                self.problems.setText(self.tr("Ô gộp này phủ mọi cột: chọn một ô khác của cột cần chuyển."))
            return
        headers = self._header_rows()
        for step in table_shape.swaps(moved.order):
            headers = [table_shape.move_column(header, step, 1) for header in headers]
        self.grid.blockSignals(True)
        try:
            self._write_headers(headers)
            self._write_body(moved.cells)
        finally:
            self.grid.blockSignals(False)
        self.specs = [self.specs[old] for old in moved.order]
        self.grid.setCurrentCell(row, moved.order.index(col))
        self._changed_shape()

    def add_column(self) -> None:
        """A column right of the current cell (a merged cell's last column
        counting, as for rows), or at the end."""
        commit_open_cell(self.grid)
        if self.grid.columnCount() >= MAX_COLUMNS:
            self.problems.setText(self.tr("Không thêm cột: Word chỉ nhận tối đa {n} cột.").format(n=MAX_COLUMNS))
            return
        current, row = self.grid.currentColumn(), self.grid.currentRow()
        span = self.grid.columnSpan(row, current) if row >= self.header_count.value() and current >= 0 else 1
        column = current + span if current >= 0 else self.grid.columnCount()
        headers = [table_shape.insert_column(header, column) for header in self._header_rows()]
        body = table_shape.insert_cells_column(self._body_cells(), column)
        self.grid.blockSignals(True)
        try:
            self.grid.insertColumn(column)
            self._write_headers(headers)
            self._write_body(body)
        finally:
            self.grid.blockSignals(False)
        self.specs.insert(column, TableColumn(width=self._new_width()))
        self._changed_shape()

    def remove_column(self) -> None:
        commit_open_cell(self.grid)
        if self.grid.columnCount() <= 1:
            return
        column = self.current_column()
        column = column if column >= 0 else self.grid.columnCount() - 1
        headers = [table_shape.remove_column(header, column) for header in self._header_rows()]
        body = table_shape.remove_cells_column(self._body_cells(), column)
        self.grid.blockSignals(True)
        try:
            self.grid.removeColumn(column)
            self._write_headers(headers)
            self._write_body(body)
        finally:
            self.grid.blockSignals(False)
        del self.specs[column]
        self._changed_shape()

    def merge_cells(self) -> None:
        """The selected rectangle of body cells merged into one, their texts
        joined in its first cell (table_shape.merge_cells); refused, with a
        message under the grid, over title rows or a shape that is not a
        rectangle."""
        commit_open_cell(self.grid)
        top = self.header_count.value()
        # The model's selection: the view's leaves out the cells a merged cell covers.
        chosen = {(index.row(), index.column()) for index in self.grid.selectionModel().selectedIndexes()}
        for span in self._spans():  # Qt selects a merged cell by its first cell: it is chosen whole
            if (span.row, span.column) in chosen:
                chosen |= table_shape.spots(span)
        if any(row < top for row, _col in chosen):
            self.problems.setText(self.tr("Không gộp được: chỉ gộp các ô dưới dòng tiêu đề (vùng chọn có ô của dòng "
                                          "tiêu đề)."))
            return
        try:
            body = table_shape.merge_cells(self._body_cells(), {(r - top, c) for r, c in chosen})
        except table_shape.EditRefusedError as refused:
            self.problems.setText(self.tr(str(refused)))
            return
        first = min(chosen)
        self._write_body_cells(body)
        self.grid.setCurrentCell(*first)
        self._changed_shape()

    def split_cell(self) -> None:
        """The merged cell under the current cell split back into cells, its text in the first."""
        commit_open_cell(self.grid)
        top = self.header_count.value()
        row, col = self.grid.currentRow(), self.grid.currentColumn()
        if row < top or col < 0:
            self.problems.setText(self.tr("Chọn một ô gộp dưới dòng tiêu đề để tách."))
            return
        try:
            body = table_shape.split_cell(self._body_cells(), row - top, col)
        except table_shape.EditRefusedError as refused:
            self.problems.setText(self.tr(str(refused)))
            return
        self._write_body_cells(body)
        self.grid.setCurrentCell(row, col)
        self._changed_shape()

    def _write_body_cells(self, body: table_shape.Cells) -> None:
        """The grid's body replaced by ``body`` (as many rows), the title rows kept."""
        top = self.header_count.value()
        cells = self._grid_cells()
        cells = table_shape.Cells(cells.rows[:top] + body.rows, [m for m in cells.merges if m.row < top]
                                  + [CellMerge(m.row + top, m.column, m.rows, m.columns) for m in body.merges])
        self._write_grid(cells)

    def paste(self) -> None:
        """Cells copied from Excel or Word (tab-separated lines) from the
        current cell on; the grid grows to hold them. The merged cells the
        paste writes over, a merged title too, are split first (their text
        kept in their first cell, unless the paste writes there)."""
        text = QGuiApplication.clipboard().text()
        if not text:
            return
        commit_open_cell(self.grid)
        lines = text.replace("\r\n", "\n").rstrip("\n").split("\n")
        rows = [line.split("\t") for line in lines]
        if sum(len(r) for r in rows) > MAX_PASTE_CELLS:
            self.problems.setText(self.tr("Không dán: quá nhiều ô (tối đa {n}).").format(n=MAX_PASTE_CELLS))
            return
        top, left = max(self.grid.currentRow(), 0), max(self.grid.currentColumn(), 0)
        width = min(max(len(r) for r in rows), MAX_COLUMNS - left)
        cells = table_shape.split_covered(self._grid_cells(), top, left, top + len(rows) - 1, left + width - 1)
        columns = max(self.grid.columnCount(), left + width)
        cells.rows = [row + [""] * (columns - len(row)) for row in cells.rows]
        cells.rows += [[""] * columns for _ in range(top + len(rows) - len(cells.rows))]
        for r, row in enumerate(rows):
            for c, value in enumerate(row[:width]):
                cells.rows[top + r][left + c] = value
        self.grid.setColumnCount(columns)
        self._write_grid(cells)
        self.specs += [TableColumn(width=self._new_width()) for _ in range(self.grid.columnCount() - len(self.specs))]
        self._changed_shape()

    # ---- helpers
    def _new_width(self) -> int:
        """A new column's weight: the average of the others (it gets a fair share)."""
        return max(1, round(sum(spec.width for spec in self.specs) / len(self.specs))) if self.specs else 1

    def _set(self, row: int, col: int, text: str) -> None:
        item = self.grid.item(row, col)
        if item is None:
            item = QTableWidgetItem()
            self.grid.setItem(row, col, item)
        item.setText(text)

    def _text(self, row: int, col: int) -> str:
        item = self.grid.item(row, col)
        # Through the text gate, line by line: NFC, no control characters.
        return "\n".join(clean_text(line).strip() for line in item.text().split("\n")).strip() if item else ""

    def _on_header_count(self, _value: int) -> None:
        # Rows becoming title rows split their merges running down; merged titles becoming body rows stay merged.
        self._write_grid(self._grid_cells())
        self._changed_shape()

    def _shade(self) -> None:
        headers = self.header_count.value()
        self.grid.blockSignals(True)
        try:
            for row in range(self.grid.rowCount()):
                for col in range(self.grid.columnCount()):
                    item = self.grid.item(row, col) or QTableWidgetItem()
                    if self.grid.item(row, col) is None:
                        self.grid.setItem(row, col, item)
                    item.setBackground(QBrush(HEADER_SHADE) if row < headers else QBrush())
                    font = item.font()
                    font.setBold(row < headers)
                    item.setFont(font)
        finally:
            self.grid.blockSignals(False)
        self._align_cells()

    def _align_cells(self) -> None:
        """Titles centred, the other cells as their column says."""
        headers = self.header_count.value()
        self.grid.blockSignals(True)
        try:
            for col, spec in enumerate(self.specs):
                body = _QT_ALIGN[spec.align] | Qt.AlignmentFlag.AlignVCenter
                for row in range(self.grid.rowCount()):
                    item = self.grid.item(row, col)
                    if item is not None:
                        item.setTextAlignment(Qt.AlignmentFlag.AlignCenter if row < headers else body)
        finally:
            self.grid.blockSignals(False)

    def _changed_shape(self) -> None:
        self._shade()
        self._sync_columns()
        self._show_problems()
        self._edited()

    def _edited_cell(self, _item) -> None:
        self._sync_columns()
        self._show_problems()
        self._edited()

    def _show_problems(self) -> None:
        self.problems.setText("\n".join(problems(self.content())) if self._original is not None else "")
