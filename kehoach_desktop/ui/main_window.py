"""The main window: the plans of the database, searchable, with a text preview.

The full section editors come later; this window already lists, searches,
sorts and shows every plan.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QAbstractItemView, QHeaderView, QLabel, QLineEdit, QMainWindow,
                               QPlainTextEdit, QSplitter, QStackedWidget, QTableView, QVBoxLayout, QWidget)

from ..core.errors import UserError
from ..formats.text_export import render_text
from ..store.database import Database
from ..store.plans import PlanStore
from .plan_table_model import ID_ROLE, PlanFilterModel, PlanTableModel

EMPTY_HINT = ("Chưa có kế hoạch nào.\n\nNhập một tệp .kehoach.json bằng lệnh:\n"
              "kehoach import TỆP")


class MainWindow(QMainWindow):
    def __init__(self, db: Database, parent=None):
        super().__init__(parent)
        self.db = db
        self.store = PlanStore(db)
        self.setWindowTitle(self.tr("KeHoach Desktop – Kế hoạch"))
        self.resize(1200, 760)
        self.model = PlanTableModel(self)
        self.proxy = PlanFilterModel(self)
        self.proxy.setSourceModel(self.model)
        self._build_widgets()
        self._build_menus()
        self.reload()

    # ----------------------------------------------------------------- building
    def _build_widgets(self) -> None:
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Tìm kế hoạch (gõ không dấu cũng được)…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._on_search)

        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(PlanTableModel.COL_TITLE, QHeaderView.ResizeMode.Stretch)
        for column, width in ((PlanTableModel.COL_NUMBER, 140), (PlanTableModel.COL_DATE, 105),
                              (PlanTableModel.COL_STATUS, 95), (PlanTableModel.COL_BODY, 160)):
            self.table.setColumnWidth(column, width)
        self.table.sortByColumn(PlanTableModel.COL_DATE, Qt.SortOrder.DescendingOrder)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_changed)

        self.empty_label = QLabel(self.tr(EMPTY_HINT), self)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.list_stack = QStackedWidget(self)
        self.list_stack.addWidget(self.table)
        self.list_stack.addWidget(self.empty_label)

        left = QWidget(self)
        layout = QVBoxLayout(left)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.search)
        layout.addWidget(self.list_stack)

        self.preview = QPlainTextEdit(self)
        self.preview.setReadOnly(True)
        self.preview.setPlaceholderText(self.tr("Chọn một kế hoạch để xem nội dung."))
        font = self.preview.font()
        font.setFamilies(["Times New Roman", "Liberation Serif", "DejaVu Serif", "serif"])
        font.setPointSize(11)
        self.preview.setFont(font)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([780, 420])
        self.setCentralWidget(splitter)

    def _build_menus(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&Tệp"))
        self.reload_action = QAction(self.tr("Tải lại danh sách"), self)
        self.reload_action.setShortcut(QKeySequence(Qt.Key.Key_F5))
        self.reload_action.triggered.connect(self.reload)
        menu.addAction(self.reload_action)
        menu.addSeparator()
        quit_action = QAction(self.tr("Thoát"), self)
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.triggered.connect(self.close)
        menu.addAction(quit_action)
        find_action = QAction(self.tr("Tìm"), self)
        find_action.setShortcut(QKeySequence.StandardKey.Find)
        find_action.triggered.connect(self._focus_search)
        self.addAction(find_action)
        self.find_action = find_action

    # ------------------------------------------------------------------ actions
    def reload(self) -> None:
        try:
            plans = self.store.summaries()
        except UserError as exc:
            self.statusBar().showMessage(str(exc))
            return
        self.model.set_plans(plans)
        self.list_stack.setCurrentWidget(self.table if plans else self.empty_label)
        self._update_status()
        if self.proxy.rowCount() and not self.table.currentIndex().isValid():
            self.table.selectRow(0)
        elif not plans:
            self.preview.clear()

    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _on_search(self, text: str) -> None:
        self.proxy.set_query(text)
        self._update_status()
        if self.proxy.rowCount():
            self.table.selectRow(0)
        else:
            self.preview.clear()

    def _update_status(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        count = f"{total} kế hoạch" if shown == total else f"{shown}/{total} kế hoạch"
        self.statusBar().showMessage(f"{count} – {self.db.label}")

    def current_plan_id(self) -> int | None:
        index = self.table.currentIndex()
        return index.data(ID_ROLE) if index.isValid() else None

    def _on_current_changed(self, current, _previous) -> None:
        plan_id = current.data(ID_ROLE) if current.isValid() else None
        if plan_id is None:
            self.preview.clear()
            return
        try:
            self.preview.setPlainText(render_text(self.store.get(plan_id)))
        except UserError as exc:
            self.preview.setPlainText(str(exc))
