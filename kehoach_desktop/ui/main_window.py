"""The main window: the plan list (searchable, filtered by year and status),
the editor of the selected plan, and its A4 pages as they will print. On a
database without plans, a welcome page stands where the editor is.

The window fits the screen it opens on (a 1280×720 laptop minus its
taskbar): it never opens larger than the screen's free area, the panes have
minimum widths the controls fit in, and what does not fit scrolls up and
down, never sideways. It remembers its size, its panes and the last plan
open, per database, in a settings file in the data folder.
"""
from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QModelIndex, QSettings, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QStyle,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from ..core.dates import short_datetime
from ..core.errors import UserError
from ..core.numbering import section_number
from ..formats import recovery
from ..paths import data_dir
from ..store.database import Database
from ..store.plans import PlanStore
from .document_actions import DocumentActions
from .editor.page_list import PageScroller
from .editor.plan_editor import PlanEditor, redo_keys, undo_keys
from .editor.save_banner import sentence
from .fitted_columns import ColumnFitter, Fit
from .flow_layout import flow_row
from .list_model import ID_ROLE
from .modal import run_modal
from .new_plan import NewPlanActions
from .page_preview import PagePreview
from .plan_table_model import PlanFilterModel, PlanTableModel, listed_plans

# The filters' "all" entry; not None, which is also what an empty combo box answers.
ALL = "*"
# The search runs once typing pauses this long (ms), not at every key: each run reads the database.
SEARCH_DELAY = 250
# The list's columns fit its pane (fitted_columns.py), most important first:
# (column, sample of the smallest useful width, largest width in pixels or
# None, share of the room left). A narrow pane hides the last ones; long
# texts are elided (the tooltip shows them whole).
LIST_COLUMNS = ((PlanTableModel.COL_TITLE, "Tổ chức Hội nghị", None, 4),
                (PlanTableModel.COL_DATE, "23/12/2022", 100, 0),
                (PlanTableModel.COL_NUMBER, "104-KH/ĐTN", 150, 1),
                (PlanTableModel.COL_STATUS, "Đã ban hành", 110, 0),
                (PlanTableModel.COL_BODY, "BCH ĐOÀN KHỐI", 160, 1))
LIST_MIN_CHARS = 24  # the plan list's pane at its narrowest, in average characters: the title column at least
PREVIEW_MIN_WIDTH = 170  # the live preview's pane at its narrowest (a 1024-pixel screen): a page still recognisable
# The window's first size on a large screen; a smaller one gets its whole free area.
FIRST_SIZE = QSize(1440, 880)


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
        self.editor.loaded.connect(self.refresh_preview)
        self.editor.tabs.currentChanged.connect(self._follow_tab)
        self._build_layout()
        self._build_menus()
        self._build_toolbar()
        self.editor.history_changed.connect(self._update_undo)
        self._update_undo()
        self._fit_to_screen()
        self.reload()
        self._restore_settings()
        self._recovery_offered = False
        self._started_at = datetime.now()  # copies this window keeps itself are not offered back to it
        QTimer.singleShot(0, self.offer_recovery)  # once the window is shown

    # ----------------------------------------------------------------- building
    def _build_list(self) -> None:
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Tìm kế hoạch (gõ không dấu cũng được)…"))
        self.search.setClearButtonEnabled(True)
        self.search.setToolTip(self.tr("Tìm một cụm từ ở bất kỳ phần nào của kế hoạch: số, trích yếu, nội dung, "
                                       "nơi nhận, chữ ký, ghi chú (Ctrl+F)"))
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY)
        self.search_timer.timeout.connect(self._on_search)
        self.search.textChanged.connect(self._on_search_typed)
        self.search.returnPressed.connect(self._on_search_entered)

        self.year_filter = QComboBox(self)
        self.year_filter.setToolTip(self.tr("Lọc theo năm ban hành"))
        self.year_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.year_filter.currentIndexChanged.connect(self._on_filter)
        self.status_filter = QComboBox(self)
        self.status_filter.setToolTip(self.tr("Lọc theo trạng thái"))
        self.status_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.status_filter.addItem(self.tr("Mọi trạng thái"), ALL)
        for status, label in PlanTableModel.STATUS_LABELS.items():
            self.status_filter.addItem(PlanTableModel.tr(label), status)
        self.status_filter.currentIndexChanged.connect(self._on_filter)

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
        header.setHighlightSections(False)
        metrics = self.table.fontMetrics()
        self.list_columns = ColumnFitter(self.table, [
            Fit(column, metrics.horizontalAdvance(sample) + 18, limit, share)
            for column, sample, limit, share in LIST_COLUMNS])
        self.table.sortByColumn(PlanTableModel.COL_DATE, Qt.SortOrder.DescendingOrder)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_changed)

        # the welcome page beside it says how to begin
        self.empty_label = QLabel(self.tr("Chưa có kế hoạch nào."), self)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.list_stack = QStackedWidget(self)
        self.list_stack.addWidget(self.table)
        self.list_stack.addWidget(self.empty_label)

    def _build_preview(self) -> None:
        self.preview = PagePreview(self)  # its vertical scroll bar always shown: see page_preview.py
        self._set_preview(None)

    def _build_layout(self) -> None:
        left = QWidget(self)
        left.setMinimumWidth(self.fontMetrics().averageCharWidth() * LIST_MIN_CHARS)
        layout = QVBoxLayout(left)
        layout.setContentsMargins(6, 6, 0, 6)
        layout.addWidget(self.search)
        # side by side, or one under the other when the pane is narrow
        layout.addWidget(flow_row(left, self.year_filter, self.status_filter))
        layout.addWidget(self.list_stack)

        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 6, 6, 6)
        right_layout.addWidget(self.preview)
        right.setMinimumWidth(PREVIEW_MIN_WIDTH)
        # hidden or detached into its own window: the splitter gives its room to the editor
        self.preview.pane_shown_changed.connect(right.setVisible)

        # The editor, or the welcome page on a database without plans (_show_welcome).
        self.editor_stack = QStackedWidget(self)
        self.editor_stack.addWidget(self.editor)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.editor_stack)
        self.splitter.addWidget(right)
        self.splitter.setChildrenCollapsible(False)
        for index, stretch in enumerate((3, 4, 3)):
            self.splitter.setStretchFactor(index, stretch)
        self.setCentralWidget(self.splitter)

        self.status_label = QLabel(self)
        self.status_label.setContentsMargins(6, 0, 6, 0)
        self.statusBar().addWidget(self.status_label, 1)

    def _show_welcome(self) -> None:
        """The three ways to begin, each the window's own action; built the
        first time the database has no plan (most starts never need it)."""
        if not hasattr(self, "welcome_scroller"):
            self._build_welcome()
        self.editor_stack.setCurrentWidget(self.welcome_scroller)

    def _build_welcome(self) -> None:
        from .welcome_page import WelcomePage

        self.welcome = WelcomePage((self.open_office, self.new_plan_actions.template_action.trigger,
                                    self.document_actions.import_existing_action.trigger), self)
        self.welcome_scroller = PageScroller(self.welcome, self.editor_stack)
        self.editor_stack.addWidget(self.welcome_scroller)

    def _build_menus(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&Tệp"))
        self.new_plan_actions = NewPlanActions(self)
        self.new_plan_actions.fill_menu(menu)
        menu.addSeparator()
        self.document_actions = DocumentActions(self)
        self.document_actions.fill_menu(menu)
        from .ics_export_action import IcsExportAction

        self.ics_export = IcsExportAction(self)
        menu.addSeparator()
        menu.addAction(self.ics_export.action)
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

        edit = self.menuBar().addMenu(self.tr("&Sửa"))
        self.save_action = QAction(self.tr("&Lưu ngay"), self)
        self.save_action.setShortcut(QKeySequence("Ctrl+S"))
        self.save_action.setToolTip(self.tr("Lưu ngay (Ctrl+S) – mọi thay đổi vẫn được tự lưu sau 2 giây"))
        self.save_action.triggered.connect(self.save_now)
        self.undo_action = QAction(self.tr("&Hoàn tác"), self)
        self.undo_action.setShortcuts(undo_keys())
        self.undo_action.triggered.connect(self.editor.undo)
        self.redo_action = QAction(self.tr("&Làm lại"), self)
        self.redo_action.setShortcuts(redo_keys())
        self.redo_action.triggered.connect(self.editor.redo)
        self.find_action = QAction(self.tr("&Tìm kế hoạch"), self)
        self.find_action.setShortcut(QKeySequence.StandardKey.Find)
        self.find_action.triggered.connect(self._focus_search)
        for action in (self.save_action, None, self.undo_action, self.redo_action, None, self.find_action):
            edit.addAction(action) if action is not None else edit.addSeparator()
        for action in (self.save_action, self.undo_action, self.redo_action):
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        # The Delete key deletes a plan only from the list: in the editors it
        # belongs to the text, tables and outlines.
        self.document_actions.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.table.addAction(self.document_actions.delete_action)

        from .checks_actions import ChecksActions
        from .issue_actions import IssueActions

        self.checks = ChecksActions(self)
        self.issue_actions = IssueActions(self)
        view = self.menuBar().addMenu(self.tr("&Xem"))
        self.preview.show_action.setShortcut(QKeySequence("F8"))
        view.addAction(self.preview.show_action)
        view.addAction(self.preview.detach_action)
        from .deadlines_panel import DeadlinesDock

        self.deadlines = DeadlinesDock(self)
        view.addAction(self.deadlines.toggleViewAction())
        view.addSeparator()
        self.calendar_action = view.addAction(self.tr("&Lịch công tác"), self.open_calendar)
        tools = self.menuBar().addMenu(self.tr("&Công cụ"))
        tools.addAction(self.checks.check_action)
        tools.addAction(self.issue_actions.issue_action)
        tools.addSeparator()
        self.register_action = tools.addAction(self.tr("&Sổ văn bản đi…"), self.open_register)
        self.office_action = tools.addAction(self.tr("&Hồ sơ cơ quan…"), self.open_office)
        tools.addSeparator()
        self.checkin_action = tools.addAction(self.tr("Điể&m danh…"), self.open_checkin)

        help_menu = self.menuBar().addMenu(self.tr("Trợ &giúp"))
        self.about_action = QAction(self.tr("&Giới thiệu…"), self)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.open_about)
        help_menu.addAction(self.about_action)

    def _build_toolbar(self) -> None:
        """The everyday actions, each with an icon and its name."""
        bar = QToolBar(self.tr("Thanh công cụ"), self)
        bar.setObjectName("main-toolbar")
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        bar.setIconSize(QSize(18, 18))
        bar.setMovable(False)
        icons = QStyle.StandardPixmap
        docs = self.document_actions
        for entry in ((self.new_plan_actions.new_action, icons.SP_FileIcon),
                      (self.save_action, icons.SP_DialogSaveButton),
                      None,
                      (self.undo_action, icons.SP_ArrowBack),
                      (self.redo_action, icons.SP_ArrowForward),
                      None,
                      (docs.export_actions["docx"], icons.SP_FileDialogDetailedView),
                      (docs.preview_action, icons.SP_FileDialogContentsView),
                      (docs.print_action, icons.SP_ComputerIcon),
                      None,
                      (self.checks.check_action, icons.SP_DialogApplyButton),
                      None,
                      (docs.delete_action, icons.SP_TrashIcon)):
            if entry is None:
                bar.addSeparator()
                continue
            action, icon = entry
            action.setIcon(self.style().standardIcon(icon))
            bar.addAction(action)
        self.toolbar = bar
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
        self._short_names()

    def _short_names(self) -> None:
        """Short names on the toolbar's buttons (icon text); menus keep the long ones."""
        docs = self.document_actions
        for action, text in ((self.new_plan_actions.new_action, self.tr("Mới")),
                             (self.save_action, self.tr("Lưu")),
                             (docs.export_actions["docx"], self.tr("Xuất Word")),
                             (docs.preview_action, self.tr("Xem trước")),
                             (docs.print_action, self.tr("In")),
                             (self.checks.check_action, self.tr("Kiểm tra")),
                             (docs.delete_action, self.tr("Xoá"))):
            action.setIconText(text)
            action.setToolTip(f"{action.text().replace('&', '').rstrip('…')} ({action.shortcut().toString()})"
                              if not action.shortcut().isEmpty() else action.text().replace("&", ""))

    def _fit_to_screen(self) -> None:
        """The first size: FIRST_SIZE, or the screen's free area (without the
        taskbar) when that is smaller; the plan list a fifth of the width,
        the editor what it needs, the preview the rest."""
        area = self.screen().availableGeometry()
        frame = self._frame_margins()
        size = FIRST_SIZE.boundedTo(QSize(area.width() - frame.width(), area.height() - frame.height()))
        self.resize(size)
        self.move(area.x() + max(0, area.width() - size.width() - frame.width()) // 2,
                  area.y() + max(0, area.height() - size.height() - frame.height()) // 2)
        self._share_panes()

    def _share_panes(self) -> None:
        width = self.width()
        left = max(self.splitter.widget(0).minimumSizeHint().width(), width // 5)
        editor = max(self.splitter.widget(1).minimumSizeHint().width(), width * 45 // 100)
        self.splitter.setSizes([left, editor, max(PREVIEW_MIN_WIDTH, width - left - editor)])

    def _frame_margins(self) -> QSize:
        """The window manager's frame around the window: known once shown,
        else the style's title bar and a border as an estimate."""
        frame, inner = self.frameGeometry(), self.geometry()
        if self.isVisible() and frame != inner:
            return QSize(frame.width() - inner.width(), frame.height() - inner.height())
        title = self.style().pixelMetric(QStyle.PixelMetric.PM_TitleBarHeight)
        return QSize(8, title + 8)

    def _keep_on_screen(self) -> None:
        """Shrink and move the window into the screen's free area (a size
        remembered from a larger screen, or the frame larger than guessed)."""
        area = self.screen().availableGeometry()
        frame = self._frame_margins()
        if self.isMaximized() or self.isFullScreen():
            return
        size = self.size().boundedTo(QSize(area.width() - frame.width(), area.height() - frame.height()))
        if size != self.size():
            self.resize(size)
        outer = self.frameGeometry()
        x = min(max(outer.x(), area.x()), area.right() + 1 - outer.width())
        y = min(max(outer.y(), area.y()), area.bottom() + 1 - outer.height())
        if (x, y) != (outer.x(), outer.y()):
            self.move(max(x, area.x()), max(y, area.y()))

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        QTimer.singleShot(0, self._keep_on_screen)  # once the frame is known

    # ------------------------------------------------------------------ actions
    def reload(self) -> None:
        """Read the list again; the selected plan stays selected if it still exists."""
        selected = self.current_plan_id()
        try:
            plans = listed_plans(self.store)  # the columns of the plans shown are read when shown
        except UserError as exc:
            self.status_label.setText(self.tr("Không đọc được danh sách: {error}").format(error=exc))
            return
        self.model.set_listed(plans)
        self._apply_search()  # new plans may match the words in the search box
        self._fill_year_filter()
        self.list_stack.setCurrentWidget(self.table if plans else self.empty_label)
        if plans:
            self.editor_stack.setCurrentWidget(self.editor)
        else:
            self._show_welcome()
        for widget in (self.search, self.year_filter, self.status_filter):
            widget.setEnabled(bool(plans))
        self._update_status()
        self._select(selected)

    def save_now(self) -> None:
        if self.editor.save_now() and self.editor.save_attendees() and self.editor.plan_id is not None:
            self.statusBar().showMessage(self.tr("Đã lưu."), 3000)

    def _update_undo(self) -> None:
        self.undo_action.setEnabled(self.editor.history.can_undo())
        self.redo_action.setEnabled(self.editor.history.can_redo())

    def _fill_year_filter(self) -> None:
        """The years the plans have, newest first; the chosen one stays chosen."""
        chosen = self.year_filter.currentData() if self.year_filter.count() else ALL
        self.year_filter.blockSignals(True)
        self.year_filter.clear()
        self.year_filter.addItem(self.tr("Mọi năm"), ALL)
        for year in self.model.years():
            self.year_filter.addItem(str(year), year)
        if self.model.has_undated():
            self.year_filter.addItem(self.tr("Chưa có ngày"), PlanFilterModel.NO_DATE)
        index = self.year_filter.findData(chosen)
        self.year_filter.setCurrentIndex(max(index, 0))
        self.year_filter.blockSignals(False)
        if index < 0 and chosen != ALL:
            self._on_filter()  # that year has no plans any more

    def _on_filter(self, *_args) -> None:
        selected = self.current_plan_id()
        year, status = self.year_filter.currentData(), self.status_filter.currentData()
        self.proxy.set_year(None if year == ALL else year)
        self.proxy.set_status(None if status == ALL else status)
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
            # Not ``index``: selecting saves the plan being left, which re-sorts the
            # proxy and leaves that index pointing into freed mappings (a crash).
            self.table.scrollTo(self.table.currentIndex())
        else:
            self.table.setCurrentIndex(QModelIndex())
            self._set_preview(None)

    def select_plan(self, plan_id: int) -> None:
        """Show this plan: clear a search or filters that hide it, then select it."""
        row = self.model.row_of(plan_id)
        if row is not None and not self.proxy.mapFromSource(self.model.index(row, 0)).isValid():
            self.search.clear()
            self.year_filter.setCurrentIndex(0)
            self.status_filter.setCurrentIndex(0)
        self._select(plan_id)

    def _focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _focus_table(self) -> None:
        if self.proxy.rowCount():
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_search_typed(self, text: str) -> None:
        """Search once typing pauses; an emptied box shows every plan at once."""
        if text.strip():
            self.search_timer.start()
        else:
            self._on_search()

    def _on_search_entered(self) -> None:
        if self.search_timer.isActive():
            self._on_search()
        self._focus_table()

    def _on_search(self) -> None:
        """Show the plans the store's search finds (PlanStore.search: a phrase
        in any text of the plan, without diacritics; the same plans as
        `kehoach list --search`), within the year and status filters; the
        selected plan stays selected when it is still listed. The search runs
        when the words change and when the list is reloaded, not after each
        save, so that the plan being edited never drops out of the list."""
        self.search_timer.stop()
        selected = self.current_plan_id()
        self._apply_search()
        self._update_status()
        self._select(selected)

    def _apply_search(self) -> None:
        query = self.search.text()
        try:
            self.proxy.set_found(self.store.search(query) if query.strip() else None)
        except UserError as exc:
            self.statusBar().showMessage(self.tr("Không tìm được: {error}").format(error=exc), 8000)

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
            # Saves the plan being left first; `loaded` redraws the preview. A plan
            # the busy database cannot give is not shown: the one open stays selected.
            # (The plan left may also have been kept as a new copy meanwhile, which the
            # list selected: the selection follows the plan shown.)
            if not self.editor.open_plan(plan_id) or self.current_plan_id() != self.editor.plan_id:
                QTimer.singleShot(0, self._select_open_plan)
        else:
            self.refresh_preview()

    def _select_open_plan(self) -> None:
        """The list's selection back on the plan the editor shows (none: nothing selected)."""
        if self.editor.plan_id is not None and self.model.row_of(self.editor.plan_id) is not None:
            self._select(self.editor.plan_id)
        else:
            self.table.setCurrentIndex(QModelIndex())

    def refresh_preview(self) -> None:
        """Draw the preview again from the selected plan as the editor shows
        it, unsaved edits included. Called whenever the plan may have changed
        other than by typing (typing redraws after a pause, _preview_edits):
        the editor (re)loaded it (after Ban hành, a refused save, another
        plan selected) and after the office profile was changed."""
        self.preview_timer.stop()
        self._set_preview(self.current_plan_id())

    def _on_saved(self, plan_id: int) -> None:
        """A save changed the list's columns (number, date, title…)."""
        try:
            summary = self.store.summary(plan_id)
        except UserError:  # the database busy again: the list catches up at its next reading
            return
        if summary is None:
            return
        if self.model.row_of(plan_id) is None:  # saved as a new copy
            self.reload()
            self.select_plan(plan_id)  # a search that would hide it is cleared
        else:
            self.model.replace_row(summary)

    def _follow_tab(self, _index: int) -> None:
        """The preview shows the part of the plan whose tab is open."""
        page = self.editor.tabs.currentWidget()
        if page in self.editor.section_pages:
            self.preview.scroll_to_block(section_number(self.editor.section_pages.index(page)) + " ")
        elif page is self.editor.page("general"):
            self.preview.verticalScrollBar().setValue(0)
        elif page is self.editor.page("closing"):
            self.preview.verticalScrollBar().setValue(self.preview.verticalScrollBar().maximum())

    def _preview_edits(self) -> None:
        plan = self.editor.current_plan()
        if plan is not None:
            self.preview.show_plan(plan)

    # ----------------------------------------------------------------- settings
    def settings(self) -> QSettings:
        return QSettings(str(data_dir() / "cua-so.ini"), QSettings.Format.IniFormat)

    def _restore_settings(self) -> None:
        settings = self.settings()
        geometry = settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
            self._keep_on_screen()  # remembered on a larger screen, or a screen since unplugged
        splitter = settings.value("window/splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)
        last = settings.value(f"last-plan/{self.db.label}")
        if last is not None and str(last).isdigit() and self.model.row_of(int(last)) is not None:
            self.select_plan(int(last))

    def _save_settings(self) -> None:
        settings = self.settings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/splitter", self.splitter.saveState())
        if self.editor.plan_id is not None:
            settings.setValue(f"last-plan/{self.db.label}", self.editor.plan_id)
        settings.sync()

    def open_register(self) -> None:
        """The register of outgoing documents; "Mở kế hoạch" selects a plan."""
        from .register_dialog import RegisterDialog

        self.editor.save_now()
        dialog = RegisterDialog(self.db, self)
        dialog.open_plan_requested.connect(self._show_registered)
        run_modal(dialog)

    def _show_registered(self, plan_id: int) -> None:
        if self.model.row_of(plan_id) is None:
            self.statusBar().showMessage(self.tr("Kế hoạch mã số {id} không có trong danh sách (có thể đang ở thùng "
                                                 "rác).").format(id=plan_id), 8000)
            return
        self.select_plan(plan_id)

    def open_about(self) -> None:
        from .about_dialog import AboutDialog

        run_modal(AboutDialog(self.db, self))

    def open_checkin(self) -> None:
        """Check-in for the open plan, through its guest list's page (which
        saves before and reloads after)."""
        if self.editor.plan_id is None:
            from .checkin_view import open_checkin

            open_checkin(self, None, None, None)  # says a plan must be chosen first
            return
        self.editor.attendees.open_checkin()

    def open_calendar(self) -> None:
        from .calendar_window import open_calendar

        open_calendar(self)

    def open_office(self) -> None:
        from .office_dialog import OfficeDialog

        if run_modal(OfficeDialog(self.db, self)) == OfficeDialog.DialogCode.Accepted:
            self.refresh_preview()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt API
        """Save, then close; an edit the database cannot take is never dropped
        without the clerk's choice (ask_unsaved), nor is the guest list."""
        while not self.editor.retry_saves():
            answer = self.ask_unsaved()
            if answer == "stay":
                event.ignore()
                return
            if answer == "close":
                break
        if not self.editor.save_attendees() and not self.ask_close_without_attendees():
            event.ignore()
            return
        self._save_settings()
        super().closeEvent(event)

    def ask_unsaved(self) -> str:
        """The plans' edits could not be saved: "retry", "close" (their
        recovery copies stay, offered at the next start) or "stay"."""
        failure = self.editor.failure
        kept = self.editor.keep_copies()
        titles = "\n".join(f"• {title}" for title in self.editor.unsaved_titles())
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Chưa lưu được"),
                          self.tr("Nội dung đã sửa của kế hoạch sau chưa lưu được vào cơ sở dữ liệu:\n{titles}")
                          .format(titles=titles), parent=self)
        # A failure, or a conflict the clerk left for later (plan saved elsewhere meanwhile).
        reason = failure if failure is not None else self.editor.conflict
        problem = sentence(str(reason)) if reason else ""
        if kept:
            box.setInformativeText(self.tr("{problem}\n\nNội dung đó đã được giữ trong bản khôi phục trên máy "
                                           "này; lần mở chương trình sau sẽ hỏi có khôi phục không.")
                                   .format(problem=problem))
            close = box.addButton(self.tr("Đóng, giữ bản khôi phục"), QMessageBox.ButtonRole.DestructiveRole)
        else:
            box.setInformativeText(self.tr("{problem}\n\nKhông giữ được bản khôi phục (thư mục dữ liệu cũng không "
                                           "ghi được): đóng cửa sổ thì nội dung đó sẽ mất.").format(problem=problem))
            close = box.addButton(self.tr("Đóng, bỏ nội dung chưa lưu"), QMessageBox.ButtonRole.DestructiveRole)
        retry = box.addButton(self.tr("Thử lưu lại"), QMessageBox.ButtonRole.AcceptRole)
        stay = box.addButton(self.tr("Ở lại"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(retry)
        box.setEscapeButton(stay)
        run_modal(box)  # the button clicked is read below
        return {retry: "retry", close: "close"}.get(box.clickedButton(), "stay")

    def ask_close_without_attendees(self) -> bool:
        """The guest list could not be saved (its page said why): close all the same?"""
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Chưa lưu được danh sách khách mời"),
                          self.tr("Danh sách khách mời của kế hoạch đang mở chưa lưu được. Đóng cửa sổ thì các "
                                  "thay đổi chưa lưu của danh sách này sẽ mất."), parent=self)
        close = box.addButton(self.tr("Đóng, bỏ thay đổi của danh sách"), QMessageBox.ButtonRole.DestructiveRole)
        stay = box.addButton(self.tr("Ở lại"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(stay)
        box.setEscapeButton(stay)
        run_modal(box)
        return box.clickedButton() is close

    # ----------------------------------------------------------------- recovery
    def offer_recovery(self) -> None:
        """Offer back the recovery copies of this database (texts a past save
        could not store, formats/recovery.py), one by one: restore, discard,
        or later (asked again at the next start)."""
        if self._recovery_offered:
            return
        self._recovery_offered = True
        for copy in recovery.copies(self.db.label):
            if copy.kept_at >= self._started_at:
                continue
            box = QMessageBox(QMessageBox.Icon.Question, self.tr("Khôi phục nội dung chưa lưu?"),
                              self.tr("Kế hoạch “{title}” có nội dung đã sửa nhưng chưa lưu được vào cơ sở dữ "
                                      "liệu, được giữ lại lúc {time}.\n\nKhôi phục nội dung đó?").format(
                                  title=copy.title or self.tr("(chưa có trích yếu)"),
                                  time=short_datetime(copy.kept_at)), parent=self)
            box.setInformativeText(self.tr("Khôi phục: đưa nội dung đó trở lại kế hoạch, thay cho bản đang lưu.\n"
                                           "Bỏ bản khôi phục: xoá nội dung đó.\nĐể sau: hỏi lại lần mở sau."))
            restore = box.addButton(self.tr("Khôi phục"), QMessageBox.ButtonRole.AcceptRole)
            discard = box.addButton(self.tr("Bỏ bản khôi phục"), QMessageBox.ButtonRole.DestructiveRole)
            later = box.addButton(self.tr("Để sau"), QMessageBox.ButtonRole.RejectRole)
            box.setDefaultButton(restore)
            box.setEscapeButton(later)
            run_modal(box)
            if box.clickedButton() is restore:
                self.restore_copy(copy)
            elif box.clickedButton() is discard:
                recovery.remove(self.db.label, copy.plan_id)

    def restore_copy(self, copy: recovery.RecoveryCopy) -> None:
        """The copy's text back into its plan as an unsaved edit (the autosave
        stores it); a plan since deleted, in the trash or issued gets it as a
        new plan. The copy goes once stored."""
        try:
            plan = copy.plan()
        except UserError as exc:
            self.statusBar().showMessage(self.tr("Không đọc được bản khôi phục: {error}").format(error=exc), 10000)
            return
        if self.model.row_of(copy.plan_id) is not None:
            self.select_plan(copy.plan_id)
            if self.editor.plan_id == copy.plan_id and not self.editor.read_only:
                self.editor.take_unsaved(plan)
                self.refresh_preview()
                return
        try:
            new_id = self.store.add(plan)
        except UserError as exc:
            self.statusBar().showMessage(self.tr("Chưa khôi phục được: {error}; bản khôi phục vẫn được giữ.")
                                         .format(error=exc), 10000)
            return
        recovery.remove(self.db.label, copy.plan_id)
        self.reload()
        self.select_plan(new_id)
        self.statusBar().showMessage(self.tr("Đã khôi phục thành một kế hoạch mới (kế hoạch cũ không còn sửa "
                                             "được)."), 10000)

    def _set_preview(self, plan_id: int | None) -> None:
        if hasattr(self, "document_actions"):
            self.document_actions.update_enabled(plan_id is not None)
            self.new_plan_actions.update_enabled(plan_id is not None)
        if hasattr(self, "issue_actions"):
            self.issue_actions.issue_action.setEnabled(plan_id is not None and not self.editor.read_only)
            self.save_action.setEnabled(plan_id is not None)  # (an issued plan: its guest list is still edited)
            self.checks.check_action.setEnabled(plan_id is not None)
        if plan_id is None:
            self.preview.clear()
            if not self.model.rowCount():
                hint = self.tr("Trang in của kế hoạch sẽ hiện ở đây.")  # the welcome page says how to begin
            elif not self.proxy.rowCount():
                hint = self.tr("Không có kế hoạch nào khớp với nội dung tìm và bộ lọc.")
            else:
                hint = self.tr("Chọn một kế hoạch để xem nội dung.")
            self.preview.setPlaceholderText(hint)
            return
        try:
            # The editor's plan, as shown (no second read from the database).
            plan = self.editor.current_plan() if self.editor.plan_id == plan_id else None
            plan = plan if plan is not None else self.store.get(plan_id)
            self.preview.show_plan(plan)
        except UserError as exc:
            self.preview.clear()
            self.preview.setPlaceholderText(str(exc))
