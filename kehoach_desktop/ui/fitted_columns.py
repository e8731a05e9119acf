"""Table columns that always fit the table's width: no sideways scrolling.

Each column has a smallest useful width, a largest one (None: no limit)
and a share of the room left over. When the table is too narrow for every
column at its smallest, the least important ones are hidden (the caller is
told which, to say so); cell texts longer than their column are elided and
the tooltip or the row's editor shows them whole. The widths are worked
out again whenever the table is resized or sorted by another column.

A header is never cut: a column is at least as wide as its header's text
with the style's margins, and the sorted column also holds the sort arrow.
With ``empty_stays_small`` a column with nothing written in it (in a table
that has rows) is only as wide as its header and leaves the room to the
columns that have text (a guest
list made from the participants has positions and no units).

That width is measured here, not only asked of Qt: ``sectionSizeHint``
answers 0 for a hidden section, so a column hidden in a narrow pane came
back cut.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QStyle, QTableView

# The rows looked at to tell an empty column: enough for any guest list, cheap at each edit.
EMPTY_SCAN_ROWS = 500
# The pixels a header section needs beyond its text and margins: Fusion draws a
# one-pixel frame line on each side.
FRAME = 2


def header_width(header: QHeaderView, column: int) -> int:
    """The width that shows a header section's text whole: the text (bold
    where the header highlights the current column, as Qt then draws it), the
    style's margin on each side and, on the sorted column, the sort arrow."""
    text = header.model().headerData(column, header.orientation()) if header.model() is not None else None
    if not text:
        return 0
    font = header.font()
    font.setBold(font.bold() or header.highlightSections())
    metrics = QFontMetrics(font)
    style = header.style()
    margin = style.pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    wide = max(metrics.horizontalAdvance(line) for line in str(text).splitlines()) + 2 * margin + FRAME
    if header.isSortIndicatorShown() and header.sortIndicatorSection() == column:
        # the arrow's room as the styles take it from the label (QCommonStyle SE_HeaderLabel), or its size
        wide += max(style.pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize, None, header),
                    header.sizeHint().height() // 2) + 2 * margin
    return wide


def horizontal_header(view: QAbstractItemView) -> QHeaderView:
    """The header over a table's or a tree's columns."""
    return view.horizontalHeader() if isinstance(view, QTableView) else view.header()


@dataclass(frozen=True)
class Fit:
    column: int
    minimum: int
    maximum: int | None = None  # None: takes whatever is left
    share: int = 1


class ColumnFitter(QObject):
    """Keeps the columns of ``table`` (a table or a tree) fitted; ``fits`` are
    listed most important first. ``on_hidden`` gets the hidden columns after
    each fit."""

    def __init__(self, table: QAbstractItemView, fits: list[Fit], on_hidden: Callable[[list[int]], None] | None = None,
                 *, empty_stays_small: bool = False):
        super().__init__(table)
        self.table = table
        self.fits = fits
        self.on_hidden = on_hidden
        self.empty_stays_small = empty_stays_small
        self.hidden: list[int] = []
        table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.header = header = horizontal_header(table)
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(16)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.sortIndicatorChanged.connect(lambda *_args: self.fit())  # the arrow moved to another column
        table.viewport().installEventFilter(self)
        if empty_stays_small:
            # a column filled or emptied changes the shares; once per burst of edits
            self._refit = QTimer(self, singleShot=True, interval=0, timeout=self.fit)
            model = table.model()
            for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved, model.dataChanged,
                           model.layoutChanged):
                signal.connect(self._refit.start)

    def _empty(self, column: int) -> bool:
        model = self.table.model()
        return not any(model.index(row, column).data() for row in range(min(model.rowCount(), EMPTY_SCAN_ROWS)))

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False

    def _smallest(self, fit: Fit) -> Fit:
        """At least the header's width: its label and sort arrow are never cut.
        An empty column (empty_stays_small) is just that wide."""
        # Qt's own hint is kept where it is larger (it gives every column room for an arrow); it is 0
        # for a hidden column, which header_width measures alone
        header = max(header_width(self.header, fit.column), self.header.sectionSizeHint(fit.column))
        if self.empty_stays_small and self.table.model().rowCount() and self._empty(fit.column):
            return Fit(fit.column, header, header, 0)
        low = max(fit.minimum, header)
        return Fit(fit.column, low, None if fit.maximum is None else max(low, fit.maximum), fit.share)

    def fit(self) -> None:
        room = self.table.viewport().width()
        shown: list[Fit] = []
        for fit in map(self._smallest, self.fits):
            if sum(f.minimum for f in shown) + fit.minimum > room and shown:
                break
            shown.append(fit)
        widths = {f.column: f.minimum for f in shown}
        left = room - sum(widths.values())
        growing = [f for f in shown if f.maximum is None or f.maximum > f.minimum]
        while left > 0 and growing:
            total = sum(f.share for f in growing)
            given = 0
            for f in growing:
                more = left * f.share // total
                if f.maximum is not None:
                    more = min(more, f.maximum - widths[f.column])
                widths[f.column] += more
                given += more
            growing = [f for f in growing if f.maximum is None or widths[f.column] < f.maximum]
            if given == 0:
                break
            left -= given
        if left > 0 and shown:  # rounding: the last column shown takes the last pixels
            last = max(widths)
            widths[last] += left
        header = self.header
        hidden = []
        for fit in self.fits:
            if fit.column in widths:
                header.setSectionHidden(fit.column, False)
                header.resizeSection(fit.column, widths[fit.column])
            else:
                header.setSectionHidden(fit.column, True)
                hidden.append(fit.column)
        if hidden != self.hidden:
            self.hidden = hidden
            if self.on_hidden is not None:
                self.on_hidden(hidden)
