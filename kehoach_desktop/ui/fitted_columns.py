"""Table columns that always fit the table's width: no sideways scrolling.

Each column has a smallest useful width, a largest one (None: no limit)
and a share of the room left over. When the table is too narrow for every
column at its smallest, the least important ones are hidden (the caller is
told which, to say so); cell texts longer than their column are elided and
the tooltip or the row's editor shows them whole. The widths are worked
out again whenever the table is resized.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QHeaderView, QTableView


@dataclass(frozen=True)
class Fit:
    column: int
    minimum: int
    maximum: int | None = None  # None: takes whatever is left
    share: int = 1


class ColumnFitter(QObject):
    """Keeps the columns of ``table`` fitted; ``fits`` are listed most
    important first. ``on_hidden`` gets the hidden columns after each fit."""

    def __init__(self, table: QTableView, fits: list[Fit], on_hidden: Callable[[list[int]], None] | None = None):
        super().__init__(table)
        self.table = table
        self.fits = fits
        self.on_hidden = on_hidden
        self.hidden: list[int] = []
        table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(16)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        table.viewport().installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False

    def _smallest(self, fit: Fit) -> Fit:
        """At least the header's width: its label and sort arrow are never cut."""
        header = self.table.horizontalHeader()
        low = max(fit.minimum, header.sectionSizeHint(fit.column))
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
        header = self.table.horizontalHeader()
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
