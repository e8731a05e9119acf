"""The editor's pages chosen from a list beside them (Thông tin chung, I.,
II., …, Kết thúc, Khách mời) instead of tabs: a list shows every section
of a plan of any length, one under the other, where a tab bar hid the
last ones behind scroll arrows (docs/architecture.md, "The editor").

It answers the part of QTabWidget's interface the window and the tests use
(addTab, insertTab, removeTab, moveTab, tabText, setTabText, count,
currentIndex, setCurrentIndex, currentWidget, setCurrentWidget, indexOf,
widget, currentChanged), so pages are still found by widget, never by
position. Each page sits in a scroll area that scrolls only vertically: a
page taller than a laptop's screen scrolls, a page never scrolls sideways
(its minimum width is the pane's minimum width instead).

A page may be made only when first shown (``add_lazy_tab``): until then an
empty stand-in holds its place in the list."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

LIST_CHARS = 22  # the list's width in average characters: "IV. Chương trình hội ng…"


class PageScroller(QScrollArea):
    """A page that scrolls up and down, never sideways: as wide as the
    page needs at least, as tall as the pane allows."""

    def __init__(self, page: QWidget, parent=None):
        super().__init__(parent)
        self.setWidget(page)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        page = self.widget()
        width = page.minimumSizeHint().width() if page is not None else 0
        return QSize(width + self.verticalScrollBar().sizeHint().width(), 120)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        page = self.widget()
        hint = page.sizeHint() if page is not None else QSize(0, 0)
        return QSize(hint.width() + self.verticalScrollBar().sizeHint().width(), hint.height())


class _StandIn(QWidget):
    """The place of a page not made yet; ``make()`` makes it."""

    def __init__(self, make: Callable[[], QWidget], parent=None):
        super().__init__(parent)
        self.make = make


class PageList(QWidget):
    currentChanged = Signal(int)  # noqa: N815 - named like QTabWidget's signal

    def __init__(self, parent=None):
        super().__init__(parent)
        self.list = QListWidget(self)
        self.list.setObjectName("editor-pages")
        self.list.setAccessibleName(self.tr("Các phần của kế hoạch"))
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setSpacing(2)
        self.list.setFixedWidth(self.fontMetrics().averageCharWidth() * LIST_CHARS + 8)
        self.stack = QStackedWidget(self)
        self.side = QVBoxLayout()  # the list, then what the editor puts under it ("Thêm mục")
        self.side.setContentsMargins(0, 0, 0, 0)
        self.side.addWidget(self.list, 1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.side)
        layout.addWidget(self.stack, 1)
        self.setFocusProxy(self.list)
        self._pages: list[QWidget] = []
        self.list.currentRowChanged.connect(self._show_row)
        # Ctrl+PgDown / Ctrl+PgUp go to the next / previous page from any field, as they did between tabs.
        for keys, step in (("Ctrl+PgDown", 1), ("Ctrl+PgUp", -1)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda step=step: self.setCurrentIndex(self.currentIndex() + step))

    def add_below_list(self, widget: QWidget) -> None:
        widget.setFixedWidth(self.list.width())
        self.side.addWidget(widget)

    # ---- QTabWidget's interface
    def addTab(self, page: QWidget, text: str) -> int:  # noqa: N802 - QTabWidget's name
        return self.insertTab(len(self._pages), page, text)

    def insertTab(self, index: int, page: QWidget, text: str) -> int:  # noqa: N802
        index = max(0, min(index, len(self._pages)))
        self._pages.insert(index, page)
        self.stack.insertWidget(index, PageScroller(page, self.stack))
        self.list.insertItem(index, QListWidgetItem())
        self.setTabText(index, text)
        if self.list.currentRow() < 0:
            self.list.setCurrentRow(0)
        return index

    def add_lazy_tab(self, make: Callable[[], QWidget], text: str) -> QWidget:
        """A page made by ``make()`` the first time it is shown or asked for
        (``made``); returns the stand-in that holds its place until then."""
        stand_in = _StandIn(make, self)
        self.addTab(stand_in, text)
        return stand_in

    def made(self, page: QWidget) -> QWidget:
        """The page, made now if ``page`` is a stand-in not replaced yet."""
        index = self.indexOf(page)
        if not isinstance(page, _StandIn) or index < 0:
            return page
        real = page.make()
        self._pages[index] = real
        self.stack.widget(index).setWidget(real)  # the scroll area deletes the stand-in
        return real

    def removeTab(self, index: int) -> None:  # noqa: N802
        if not 0 <= index < len(self._pages):
            return
        page = self._pages.pop(index)
        scroller = self.stack.widget(index)
        self.list.blockSignals(True)
        self.list.takeItem(index)
        self.list.blockSignals(False)
        self.stack.removeWidget(scroller)
        scroller.takeWidget()  # the caller decides the page's fate (deleteLater)
        page.setParent(self)
        page.hide()
        scroller.deleteLater()
        self._show_row(self.list.currentRow())

    def moveTab(self, old: int, new: int) -> None:  # noqa: N802
        current = self.currentWidget()
        page = self._pages.pop(old)
        self._pages.insert(new, page)
        scroller = self.stack.widget(old)
        self.list.blockSignals(True)
        item = self.list.takeItem(old)
        self.list.insertItem(new, item)
        self.stack.removeWidget(scroller)
        self.stack.insertWidget(new, scroller)
        self.list.blockSignals(False)
        self.setCurrentWidget(current)

    def tabText(self, index: int) -> str:  # noqa: N802
        item = self.list.item(index)
        return item.text() if item is not None else ""

    def setTabText(self, index: int, text: str) -> None:  # noqa: N802
        item = self.list.item(index)
        if item is not None:
            item.setText(text)
            item.setToolTip(text)  # the list may elide a long heading

    def count(self) -> int:
        return len(self._pages)

    def currentIndex(self) -> int:  # noqa: N802
        return self.list.currentRow()

    def setCurrentIndex(self, index: int) -> None:  # noqa: N802
        if not 0 <= index < len(self._pages):
            return
        if self.list.currentRow() == index:  # no signal from the list: the stack may be behind after a move
            self.stack.setCurrentIndex(index)
        else:
            self.list.setCurrentRow(index)

    def currentWidget(self) -> QWidget | None:  # noqa: N802
        index = self.list.currentRow()
        return self._pages[index] if 0 <= index < len(self._pages) else None

    def setCurrentWidget(self, page: QWidget) -> None:  # noqa: N802
        self.setCurrentIndex(self.indexOf(page))

    def indexOf(self, page: QWidget) -> int:  # noqa: N802
        return self._pages.index(page) if page in self._pages else -1

    def widget(self, index: int) -> QWidget | None:
        return self._pages[index] if 0 <= index < len(self._pages) else None

    def reveal(self, page: QWidget, target: QWidget) -> None:
        """Show the page and scroll it to one of its widgets."""
        self.setCurrentWidget(page)
        index = self.indexOf(page)
        if index >= 0 and target is not page:
            self.stack.widget(index).ensureWidgetVisible(target)

    def _show_row(self, row: int) -> None:
        if 0 <= row < len(self._pages):
            # A page made or built on first show (add_lazy_tab, section_page.py) is
            # made before the stack shows it and moves the focus into it, as if it
            # had always been there.
            prepare = getattr(self.made(self._pages[row]), "prepare_to_show", None)
            if prepare is not None:
                prepare()
            self.stack.setCurrentIndex(row)
            self.list.scrollToItem(self.list.item(row))
        self.currentChanged.emit(row)
