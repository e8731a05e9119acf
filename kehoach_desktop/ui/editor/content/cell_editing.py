"""Cells of the section editors' tables and trees edited like a spreadsheet.

``spreadsheet(view, text_columns)`` gives a QTableWidget or QTreeWidget:
- typing on a selected cell edits it: the first key (or the first letter an
  input method such as Unikey or ibus-bamboo commits) replaces the cell's text,
  as in a spreadsheet; F2 or a double click edit it with the cursor at the end;
- Enter commits and goes to the cell below; Tab / Shift+Tab commit and edit
  the next or previous cell (across rows; on a cell not being edited they
  only go there); Escape cancels the cell's edit only;
- what is typed reaches the cell at once (Escape puts the cell's text back);
- the text columns are edited in a box of several lines that grows with the
  text (Shift+Enter, as in Word, starts a new line in it); the rows show
  their whole text, wrapped, in rows as high as it needs.

``open_cell`` opens a cell for typing (a new row's first cell), and
``commit_open_cell`` ends an edit before the rows change under it (moving,
adding or removing rows)."""
from __future__ import annotations

import math
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QEvent, QModelIndex, QRect, Qt, QTimer
from PySide6.QtGui import QTextCursor, QTextDocument, QTextOption
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QStyledItemDelegate,
    QTableView,
    QTreeView,
    QWidget,
)

EDIT_TRIGGERS = (QAbstractItemView.EditTrigger.AnyKeyPressed | QAbstractItemView.EditTrigger.EditKeyPressed
                 | QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.SelectedClicked)
CELL_HINT = ("Gõ chữ để viết vào ô (thay chữ đang có); F2 hoặc nháy đúp để sửa tiếp.\n"
             "Enter: xong, sang ô dưới · Shift+Enter: xuống dòng trong ô\n"
             "Tab / Shift+Tab: sửa ô bên phải / bên trái · Esc: huỷ sửa ô")
ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
# Shift+Enter (Word's line break), and Alt+Enter / Ctrl+Enter (spreadsheets') start a new line in a cell.
NEW_LINE_MODIFIERS = (Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.AltModifier
                      | Qt.KeyboardModifier.ControlModifier)
DOWN, RIGHT, LEFT = "down", "right", "left"


def text_height(text: str, font, width: int, margin: float) -> int:
    """The height of ``text`` wrapped at ``width`` pixels, as a text box shows it."""
    doc = QTextDocument()
    doc.setDefaultFont(font)
    doc.setDocumentMargin(margin)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    doc.setDefaultTextOption(option)
    doc.setPlainText(text or " ")
    doc.setTextWidth(max(width, 1))
    return math.ceil(doc.size().height())


class CellTextEdit(QPlainTextEdit):
    """The editor of a text cell: several lines, as wide as the cell, as
    high as its text (within the view), wrapping words."""

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setToolTip(CELL_HINT)
        self.cell = QRect()
        self.document().contentsChanged.connect(self.fit)

    def needed_height(self, width: int) -> int:
        margins = self.contentsMargins()
        inner = width - margins.left() - margins.right()
        # 2 pixels more than the lines: at their exact height a QPlainTextEdit still scrolls by one line.
        return (text_height(self.toPlainText(), self.font(), inner, self.document().documentMargin())
                + margins.top() + margins.bottom() + 2)

    def fit(self) -> None:
        """Cover the cell, and the rows below it as far as the text needs;
        near the bottom of the view, grow upwards."""
        if not self.cell.isValid():
            return
        room = self.parentWidget().height() if self.parentWidget() is not None else self.cell.height()
        needed = self.needed_height(self.cell.width())
        # A scroll bar only when the whole text cannot be shown (one shown while the box was
        # small would otherwise narrow the lines and stay).
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff if needed <= room
                                        else Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        height = max(self.cell.height(), min(needed, room))
        top = self.cell.top()
        if top + height > room:
            top = max(0, room - height)
        self.setGeometry(self.cell.left(), top, self.cell.width(), height)


class CellDelegate(QStyledItemDelegate):
    """Edits the cells of one view (see the module's docstring); also filters
    the view's keys, to move with Enter and Tab and to start an edit on the
    first letter an input method commits."""

    def __init__(self, view: QAbstractItemView, text_columns):
        super().__init__(view)
        self.view = view
        self.text_columns = set(text_columns)
        self.editor: QWidget | None = None  # the open editor
        self.original: str | None = None  # its cell's text when it was opened (what Escape brings back)
        # Cells that mean nothing on their row (a sub-item's times) are not opened; the editor says which.
        self.can_edit: Callable[[QModelIndex], bool] = lambda _index: True
        self.replacing = False  # the editor being opened takes the typed key in place of the cell's text

    # ------------------------------------------------------------ editors
    def createEditor(self, parent, option, index):  # noqa: N802 - Qt API
        if not self.can_edit(index):
            return None
        # What is typed reaches the cell at once, as a line edit's text does its field: the plan's
        # autosave and undo see it before Enter, and switching plans or closing the window keeps it.
        if index.column() in self.text_columns:
            editor = CellTextEdit(parent)
            editor.textChanged.connect(lambda: self.commitData.emit(editor))
        else:
            editor = QLineEdit(parent)
            editor.setFrame(False)
            editor.setToolTip(CELL_HINT)
            editor.textEdited.connect(lambda: self.commitData.emit(editor))
        self.editor, self.original = editor, None
        return editor

    def destroyEditor(self, editor, index) -> None:  # noqa: N802 - Qt API
        if editor is self.editor:
            self.editor = None
        super().destroyEditor(editor, index)

    def setEditorData(self, editor, index) -> None:  # noqa: N802 - Qt API
        replacing, self.replacing = self.replacing, False
        text = cell_text(index)
        if editor is self.editor and self.original is None:
            self.original = text
        if isinstance(editor, QLineEdit):
            if editor.text() != text:  # not its own text coming back: the cursor stays
                editor.setText(text)  # (opened by a key, Qt selects it all: the key replaces it)
            return
        if not replacing and editor.toPlainText() == text:
            return  # the cell took the editor's own text: the cursor stays where it is
        editor.blockSignals(True)  # the cell's own text is not written back to it
        editor.setPlainText(text)
        editor.blockSignals(False)
        if replacing:
            editor.selectAll()  # the key typed replaces it
        else:
            editor.moveCursor(QTextCursor.MoveOperation.End)

    def setModelData(self, editor, model, index) -> None:  # noqa: N802 - Qt API
        text = editor.toPlainText() if isinstance(editor, CellTextEdit) else editor.text()
        if text != cell_text(index):
            model.setData(index, text, Qt.ItemDataRole.EditRole)

    def updateEditorGeometry(self, editor, option, index) -> None:  # noqa: N802 - Qt API
        if isinstance(editor, CellTextEdit):
            editor.cell = QRect(option.rect)
            editor.fit()
            return
        super().updateEditorGeometry(editor, option, index)

    # --------------------------------------------------------- row heights
    def sizeHint(self, option, index):  # noqa: N802 - Qt API
        """As high as the text wrapped in its column (the view's wrapping
        alone does not know the column's width in a tree). A merged cell of
        a table wraps in the width of its columns, and its height is shared
        among its rows (Qt would give it all to the first row)."""
        width = self.view.columnWidth(index.column())
        rows = 1
        if isinstance(self.view, QTableView):
            # Every cell of a merged one (Qt asks each row's cells) answers with its share of the merged text.
            index = span_start(self.view, index)
            columns = self.view.columnSpan(index.row(), index.column())
            rows = self.view.rowSpan(index.row(), index.column())
            width = sum(self.view.columnWidth(c) for c in range(index.column(), index.column() + columns))
            if self.view.showGrid():
                width -= 1  # a table draws its cells one pixel narrower, beside the grid line
        if isinstance(self.view, QTreeView) and index.column() == 0:
            depth, parent = 0, index.parent()
            while parent.isValid():
                depth, parent = depth + 1, parent.parent()
            width -= self.view.indentation() * (depth + (1 if self.view.rootIsDecorated() else 0))
        sized = type(option)(option)
        sized.rect = QRect(0, 0, max(width, 1), max(option.rect.height(), 1))
        hint = super().sizeHint(sized, index)
        if rows > 1:
            hint.setHeight(math.ceil(hint.height() / rows))
        return hint

    # ------------------------------------------------------------ commits
    def commit(self, move: str | None = None, edit_next: bool = False) -> None:
        """Write the open editor's text into its cell, close it, go to the
        next cell ``move`` says and, with ``edit_next``, open it (its text
        selected: typing replaces it)."""
        editor = self.editor
        if editor is None or not shiboken6.isValid(editor):
            self.editor = None
            return
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)
        if move is not None and self.move(move) and edit_next:
            self.replacing = True
            self.view.edit(self.view.currentIndex())
            self.replacing = False

    def cancel(self) -> None:
        """Escape: the cell gets back the text it had when opened."""
        editor = self.editor
        if editor is None or not shiboken6.isValid(editor):
            return
        if self.original is not None:
            if isinstance(editor, CellTextEdit):
                editor.setPlainText(self.original)
            else:
                editor.setText(self.original)
            self.commitData.emit(editor)
        self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.RevertModelCache)

    def move(self, move: str) -> bool:
        current = self.view.currentIndex()
        target = next_cell(self.view, current, move) if current.isValid() else QModelIndex()
        if not target.isValid():
            return False
        self.view.setCurrentIndex(target)
        self.view.scrollTo(target)
        return True

    # -------------------------------------------------------------- keys
    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt API
        if watched is self.view:
            return self._view_event(event)
        if watched is self.editor and event.type() == QEvent.Type.KeyPress:
            return self._editor_key(watched, event)
        return super().eventFilter(watched, event)

    def _editor_key(self, editor, event) -> bool:
        key, modifiers = event.key(), event.modifiers()
        if key in ENTER_KEYS:
            if modifiers & NEW_LINE_MODIFIERS and isinstance(editor, CellTextEdit):
                editor.insertPlainText("\n")
            else:
                self.commit(DOWN)
            return True
        if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and not modifiers & Qt.KeyboardModifier.ControlModifier:
            self.commit(RIGHT if key == Qt.Key.Key_Tab else LEFT, edit_next=True)
            return True
        if key == Qt.Key.Key_Escape:
            self.cancel()
            return True
        return False

    def _view_event(self, event) -> bool:
        kind = event.type()
        if kind == QEvent.Type.KeyPress:
            return self._view_key(event)
        if kind == QEvent.Type.InputMethod and self.view.state() != QAbstractItemView.State.EditingState:
            return self._view_input_method(event)
        return False

    def _view_key(self, event) -> bool:
        if self.view.state() == QAbstractItemView.State.EditingState:
            return False
        key, modifiers = event.key(), event.modifiers()
        plain = not modifiers & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
                                 | Qt.KeyboardModifier.MetaModifier)
        if key in ENTER_KEYS and plain:
            self.move(DOWN)
            return True
        if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and plain:
            return self.move(RIGHT if key == Qt.Key.Key_Tab else LEFT)  # at the last cell, Tab leaves the table
        # A letter: the view opens the editor and hands it the key, which
        # replaces the text (setEditorData reads the flag).
        self.replacing = plain and bool(event.text()) and event.text().isprintable()
        return False

    def _view_input_method(self, event) -> bool:
        """Qt opens the editor on an input method's first composing text and
        passes it on, but drops a letter committed at once (no composing
        step): that letter opens the editor here and goes into it."""
        self.replacing = True
        if event.preeditString() or not event.commitString():
            return False  # Qt's own path (setEditorData takes the flag)
        index = self.view.currentIndex()
        if not editable(self.view, index):
            self.replacing = False
            return False
        self.view.edit(index)
        if self.editor is None:
            self.replacing = False
            return False
        QApplication.sendEvent(self.editor.focusProxy() or self.editor, event)
        return True


def span_start(view: QTableView, index: QModelIndex) -> QModelIndex:
    """The first cell of the merged cell ``index`` is part of (``index`` when not merged)."""
    rows, columns = view.rowSpan(index.row(), index.column()), view.columnSpan(index.row(), index.column())
    if rows == 1 and columns == 1:
        return index
    rect = view.visualRect(index)  # the whole merged cell's, from any of its cells
    for row in range(max(index.row() - rows + 1, 0), index.row() + 1):
        for column in range(max(index.column() - columns + 1, 0), index.column() + 1):
            first = index.sibling(row, column)
            if view.visualRect(first) == rect:
                return first
    return index


def cell_text(index: QModelIndex) -> str:
    value = index.data(Qt.ItemDataRole.EditRole)
    return "" if value is None else str(value)


def next_cell(view: QAbstractItemView, index: QModelIndex, move: str) -> QModelIndex:
    """The editable cell below (in a tree: the next row shown), to the right
    or to the left of ``index`` (Tab goes on to the next row); invalid at the end."""
    columns = view.model().columnCount(index.parent())
    target = index
    while True:
        if move == DOWN:
            target = _row_below(view, target)
        elif move == RIGHT:
            target = (target.siblingAtColumn(target.column() + 1) if target.column() + 1 < columns
                      else _row_below(view, target.siblingAtColumn(0)))
        else:
            target = (target.siblingAtColumn(target.column() - 1) if target.column() > 0
                      else _row_above(view, target.siblingAtColumn(columns - 1)))
        if not target.isValid() or editable(view, target):
            return target


def editable(view: QAbstractItemView, index: QModelIndex) -> bool:
    delegate = view.itemDelegate()
    return (index.isValid() and bool(index.flags() & Qt.ItemFlag.ItemIsEditable)
            and (not isinstance(delegate, CellDelegate) or delegate.can_edit(index)))


def _row_below(view, index: QModelIndex) -> QModelIndex:
    if isinstance(view, QTreeView):
        return view.indexBelow(index)
    return index.sibling(index.row() + 1, index.column()) if index.row() + 1 < view.model().rowCount() else QModelIndex()


def _row_above(view, index: QModelIndex) -> QModelIndex:
    if isinstance(view, QTreeView):
        return view.indexAbove(index)
    return index.sibling(index.row() - 1, index.column()) if index.row() > 0 else QModelIndex()


def spreadsheet(view: QAbstractItemView, text_columns) -> CellDelegate:
    """Make ``view`` (a QTableWidget or QTreeWidget) edit like a spreadsheet;
    ``text_columns`` get the multi-line editor."""
    view.setEditTriggers(EDIT_TRIGGERS)
    view.setWordWrap(True)
    view.setTextElideMode(Qt.TextElideMode.ElideNone)
    view.setToolTip(CELL_HINT)
    delegate = CellDelegate(view, text_columns)
    view.setItemDelegate(delegate)
    view.installEventFilter(delegate)
    if isinstance(view, QTableView):
        view.setTabKeyNavigation(False)  # the delegate moves with Tab, also across rows
        view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    else:
        # A tree keeps its rows' heights: lay them out again when a column's width changes.
        relayout = QTimer(view)
        relayout.setSingleShot(True)
        relayout.setInterval(0)
        relayout.timeout.connect(view.doItemsLayout)
        view.header().sectionResized.connect(relayout.start)
    return delegate


def open_cell(view: QAbstractItemView, index: QModelIndex) -> None:
    """Make ``index`` current and open it for typing, the focus in its editor."""
    view.setCurrentIndex(index)
    view.scrollTo(index)
    if view.isVisible():
        view.setFocus(Qt.FocusReason.OtherFocusReason)
        view.edit(index)


def commit_open_cell(view: QAbstractItemView) -> None:
    """End the edit of a cell of ``view`` before its rows change."""
    delegate = view.itemDelegate()
    if isinstance(delegate, CellDelegate):
        delegate.commit()
