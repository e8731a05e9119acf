"""The main window: the plans of the database, searchable, with a text preview.

The full section editors come later; this window already lists, searches,
sorts and shows every plan.
"""
from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QAbstractItemView, QHeaderView, QLabel, QLineEdit, QMainWindow,
                               QPlainTextEdit, QSplitter, QStackedWidget, QTableView, QVBoxLayout, QWidget)

from ..core.errors import UserError
from ..formats.text_export import render_text
from ..store.database import Database
from ..store.plans import PlanStore
from .document_actions import DocumentActions
from .editor.plan_editor import PlanEditor
from .new_plan import NewPlanActions
from .plan_table_model import ID_ROLE, PlanFilterModel, PlanTableModel

PREVIEW_FONTS = ["Times New Roman", "Liberation Serif", "DejaVu Serif", "serif"]
# Columns sized to their contents up to these widths; the title takes the rest.
# Long numbers and bodies are elided (the tooltip shows them whole).
MAX_WIDTHS = {PlanTableModel.COL_NUMBER: 150, PlanTableModel.COL_DATE: 140,
              PlanTableModel.COL_STATUS: 130, PlanTableModel.COL_BODY: 160}


class MainWindow(QMainWindow):
    def __init__(self, db: Database, parent=None):
        super().__init__(parent)
        self.db = db
        self.store = PlanStore(db)
        self.setWindowTitle(self.tr("KeHoach Desktop – Kế hoạch"))
        self.model = PlanTableModel(self)
        self.proxy = PlanFilterModel(self)
        self.proxy.setSourceModel(self.model)
        self._build_list()
        self._build_preview()
        self.editor = PlanEditor(self.store, self)
        self.editor.saved.connect(self._on_saved)
        self.preview_timer = QTimer(self)
        self.preview_timer.setSingleShot(True)
        self.preview_timer.setInterval(300)
        self.preview_timer.timeout.connect(self._preview_edits)
        self.editor.edited.connect(self.preview_timer.start)
        self._build_layout()
        self._build_menus()
        self._fit_to_screen()
        self.reload()

    # ----------------------------------------------------------------- building
    def _build_list(self) -> None:
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Tìm kế hoạch (gõ không dấu cũng được)…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._on_search)
        self.search.returnPressed.connect(self._focus_table)

        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(PlanTableModel.COL_TITLE, QHeaderView.ResizeMode.Stretch)
        header.setHighlightSections(False)
        header.setResizeContentsPrecision(60)  # size columns from the first rows, not from thousands
        self.table.sortByColumn(PlanTableModel.COL_DATE, Qt.SortOrder.DescendingOrder)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_changed)

        self.empty_label = QLabel(self.tr("Chưa có kế hoạch nào.\n\nNhập một tệp .kehoach.json bằng "
                                          "Tệp → Nhập tệp kế hoạch (Ctrl+O),\nhoặc bằng lệnh: kehoach import TỆP"),
                                  self)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.list_stack = QStackedWidget(self)
        self.list_stack.addWidget(self.table)
        self.list_stack.addWidget(self.empty_label)

    def _build_preview(self) -> None:
        self.preview = QPlainTextEdit(self)
        self.preview.setReadOnly(True)
        self.preview.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                             | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.preview.document().setDocumentMargin(12)
        font = self.preview.font()
        font.setFamilies(PREVIEW_FONTS)
        font.setPointSize(max(font.pointSize(), 11))
        self.preview.setFont(font)
        self._set_preview(None)

    def _build_layout(self) -> None:
        left = QWidget(self)
        layout = QVBoxLayout(left)
        layout.setContentsMargins(6, 6, 0, 6)
        layout.addWidget(self.search)
        layout.addWidget(self.list_stack)

        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 6, 6, 6)
        right_layout.addWidget(self.preview)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.editor)
        self.splitter.addWidget(right)
        self.splitter.setChildrenCollapsible(False)
        for index, stretch in enumerate((3, 4, 3)):
            self.splitter.setStretchFactor(index, stretch)
        self.setCentralWidget(self.splitter)

        self.status_label = QLabel(self)
        self.status_label.setContentsMargins(6, 0, 6, 0)
        self.statusBar().addWidget(self.status_label, 1)

    def _build_menus(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&Tệp"))
        self.new_plan_actions = NewPlanActions(self)
        self.new_plan_actions.fill_menu(menu)
        menu.addSeparator()
        self.document_actions = DocumentActions(self)
        self.document_actions.fill_menu(menu)
        menu.addSeparator()
        self.reload_action = QAction(self.tr("Tải lại danh sách"), self)
        self.reload_action.setShortcut(QKeySequence(Qt.Key.Key_F5))
        self.reload_action.triggered.connect(self.reload)
        menu.addAction(self.reload_action)
        menu.addSeparator()
        self.quit_action = QAction(self.tr("Thoát"), self)
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(self.close)
        menu.addAction(self.quit_action)
        # Not in a menu, but a window-wide shortcut.
        self.find_action = QAction(self.tr("Tìm kế hoạch"), self)
        self.find_action.setShortcut(QKeySequence.StandardKey.Find)
        self.find_action.triggered.connect(self._focus_search)
        self.addAction(self.find_action)

    def _fit_to_screen(self) -> None:
        available = self.screen().availableGeometry()
        self.resize(min(1400, int(available.width() * 0.95)), min(820, int(available.height() * 0.9)))
        self.splitter.setSizes([self.width() * 3 // 10, self.width() * 4 // 10, self.width() * 3 // 10])

    def _fit_columns(self) -> None:
        for column, limit in MAX_WIDTHS.items():
            self.table.resizeColumnToContents(column)
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), limit))

    # ------------------------------------------------------------------ actions
    def reload(self) -> None:
        """Read the list again; the selected plan stays selected if it still exists."""
        selected = self.current_plan_id()
        try:
            plans = self.store.summaries()
        except UserError as exc:
            self.status_label.setText(self.tr("Không đọc được danh sách: {error}").format(error=exc))
            return
        self.model.set_plans(plans)
        self.list_stack.setCurrentWidget(self.table if plans else self.empty_label)
        self.search.setEnabled(bool(plans))
        self._fit_columns()
        self._update_status()
        self._select(selected)

    def current_plan_id(self) -> int | None:
        index = self.table.currentIndex()
        return index.data(ID_ROLE) if index.isValid() else None

    def _select(self, plan_id: int | None) -> None:
        """Select the plan (when visible), else the first row, else nothing."""
        row = self.model.row_of(plan_id) if plan_id is not None else None
        index = self.proxy.mapFromSource(self.model.index(row, 0)) if row is not None else QModelIndex()
        if not index.isValid() and self.proxy.rowCount():
            index = self.proxy.index(0, 0)
        if index.isValid():
            self.table.selectRow(index.row())
            self.table.scrollTo(index)
        else:
            self.table.setCurrentIndex(QModelIndex())
            self._set_preview(None)

    def select_plan(self, plan_id: int) -> None:
        """Show this plan: clear a search that hides it, then select it."""
        if self.model.row_of(plan_id) is not None and not self.proxy.mapFromSource(
                self.model.index(self.model.row_of(plan_id), 0)).isValid():
            self.search.clear()
        self._select(plan_id)

    def _focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _focus_table(self) -> None:
        if self.proxy.rowCount():
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_search(self, text: str) -> None:
        selected = self.current_plan_id()
        self.proxy.set_query(text)
        self._update_status()
        self._select(selected)

    def _update_status(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        if shown == total:
            text = self.tr("{total} kế hoạch – {db}")
        else:
            text = self.tr("{shown}/{total} kế hoạch – {db}")
        self.status_label.setText(text.format(shown=shown, total=total, db=self.db.label))

    def _on_current_changed(self, current, _previous) -> None:
        plan_id = current.data(ID_ROLE) if current.isValid() else None
        if plan_id != self.editor.plan_id:
            self.editor.open_plan(plan_id)  # saves the plan being left first
        self._set_preview(plan_id)

    def _on_saved(self, plan_id: int) -> None:
        """A save changed the list's columns (number, date, title…)."""
        summary = self.store.summary(plan_id)
        if summary is None:
            return
        if self.model.row_of(plan_id) is None:  # saved as a new copy
            self.reload()
            self._select(plan_id)
        else:
            self.model.replace_plan(summary)

    def _preview_edits(self) -> None:
        plan = self.editor.current_plan()
        if plan is not None:
            self.preview.setPlainText(render_text(plan))

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt API
        self.editor.save_now()
        super().closeEvent(event)

    def _set_preview(self, plan_id: int | None) -> None:
        if hasattr(self, "document_actions"):
            self.document_actions.update_enabled(plan_id is not None)
            self.new_plan_actions.update_enabled(plan_id is not None)
        if plan_id is None:
            self.preview.clear()
            if not self.model.rowCount():
                hint = ""  # the list's empty-state hint says it all
            elif not self.proxy.rowCount():
                hint = self.tr("Không có kế hoạch nào khớp với nội dung tìm.")
            else:
                hint = self.tr("Chọn một kế hoạch để xem nội dung.")
            self.preview.setPlaceholderText(hint)
            return
        try:
            # The editor has just loaded this plan: no second read from the database.
            plan = self.editor.plan if self.editor.plan_id == plan_id else self.store.get(plan_id)
            self.preview.setPlainText(render_text(plan))
        except UserError as exc:
            self.preview.setPlainText(str(exc))
