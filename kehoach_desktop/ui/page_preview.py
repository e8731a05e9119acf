"""The live preview: the plan's A4 pages as they will print, one under the
other. The pages are the ones the PDF and the printer get
(formats/pdf_export.py), so what the clerk sees is what is printed.

A toolbar above the pages zooms them (fit width, a whole page, a percent;
Ctrl+wheel, Ctrl+0) and detaches the preview into a window of its own (for
a second screen; closing that window brings it back); a bar below them
shows "Trang n/m" and moves from page to page. The pane can also be hidden
(``show_action``, for the main window's menu).

``PagePreview`` stays where the main window put it: what moves into the
detached window is its body (toolbar and pages), so every method the rest of
the program calls works the same, docked or not."""
from __future__ import annotations

import re
from bisect import bisect_right

from PySide6.QtCore import QPoint, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QAction, QColor, QGuiApplication, QKeySequence, QPainter, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from ..core.model import Plan
from ..core.profile import get_profile
from ..formats.page_measures import measures
from ..formats.pdf_export import MM_PER_INCH, PT_PER_INCH, PlanPages, lay_out, layout_dpi, paint_page

GAP = 12  # pixels between pages and around them
PAPER_SHADOW = QColor(0, 0, 0, 60)
MIN_FIT_WIDTH = 200.0  # a fitted page never narrower: in a pane squeezed thinner it scrolls sideways

FIT_WIDTH = "width"  # the zoom modes besides a percent
FIT_PAGE = "page"
PRESETS = (50, 75, 100, 125, 150, 200)  # the percents offered in the zoom box
MIN_PERCENT, MAX_PERCENT = 25, 400
WHEEL_STEP = 1.1  # one notch of Ctrl+wheel (or one click of +/−) multiplies the zoom by this


class _Pages(QWidget):
    """Paints the pages; its size follows their number and the zoom."""

    def __init__(self, preview: PagePreview):
        super().__init__(preview)
        self.preview = preview

    def page_rect(self, index: int) -> QRectF:
        width, height = self.preview.page_size_px(index)
        left = max(1.0, (self.width() - width) / 2)  # centred (see _resize_canvas)
        return QRectF(left, self.preview.page_top(index), width, height)

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt API
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        preview = self.preview
        if not preview.page_count():
            painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(self.rect().adjusted(GAP, GAP, -GAP, -GAP),
                             int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap), preview.placeholder)
            return
        # Only the pages in the exposed rectangle are painted: zooming and
        # scrolling a long plan stay smooth.
        for index, lines in enumerate(preview.pages):
            rect = self.page_rect(index)
            if not rect.intersects(QRectF(event.rect())):
                continue
            # Filled on whole pixels: an antialiased fill of a fractional
            # rectangle takes Qt's slow path (3 ms a page, most of a paint).
            paper = rect.toAlignedRect()
            painter.fillRect(paper.translated(3, 3), PAPER_SHADOW)
            painter.fillRect(paper, Qt.GlobalColor.white)
            painter.save()
            painter.setClipRect(rect)
            painter.translate(rect.topLeft())
            painter.setPen(Qt.GlobalColor.black)
            paint_page(preview.plan, painter, index, lines, preview.page_scale(index), preview.is_landscape(index))
            painter.restore()
        painter.end()


class _PageArea(QScrollArea):
    """The scrolling pane of pages: Ctrl+wheel zooms around the mouse."""

    def __init__(self, preview: PagePreview, parent: QWidget):
        super().__init__(parent)
        self.preview = preview
        self.wheel_rest = 0  # eighths of a degree not yet turned into a zoom step (touchpads)
        self.setWidgetResizable(False)
        self.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.setBackgroundRole(QPalette.ColorRole.Dark)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        # Always there, so that fitting the width cannot make the bar come and go
        # (a page one pixel too tall for the pane would otherwise flicker).
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)

    def wheelEvent(self, event) -> None:  # noqa: N802 - Qt API
        if not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            super().wheelEvent(event)
            return
        self.wheel_rest += event.angleDelta().y()
        steps = int(self.wheel_rest / 120)  # whole notches, towards zero
        self.wheel_rest -= steps * 120
        if steps:
            # The event is the viewport's (QAbstractScrollArea passes it on as is).
            self.preview.set_zoom(self.preview.zoom_percent() * WHEEL_STEP ** steps, event.position().toPoint())
        event.accept()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self.preview._resize_canvas()


class _DetachedWindow(QWidget):
    """The preview's own window. Closing it puts the preview back."""

    closed = Signal()

    def __init__(self, parent: QWidget):
        # A child window (not a parentless one): it closes with the program
        # and is deleted with the main window; Qt owns it, not Python.
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("preview-window")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().closeEvent(event)
        self.closed.emit()


class PagePreview(QWidget):
    """The plan's pages as printed, with zoom, page n/m and detach."""

    # Whether the main window's pane has the preview to show: False while the
    # preview is hidden (show_action) or detached into its own window, so that
    # the window can give the space to the editor.
    pane_shown_changed = Signal(bool)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.plan: Plan | None = None
        self.document: PlanPages | None = None  # the plan laid out on A4 pages; owns the lines below
        self.pages: list[list[tuple]] = []
        self.placeholder = ""
        self.zoom: str | float = FIT_WIDTH  # FIT_WIDTH, FIT_PAGE or a percent
        self.pinned_page: int | None = None  # the page just gone to, while the view has not moved
        self.detached_window: _DetachedWindow | None = None

        self.body = QWidget(self)  # toolbar and pages: what moves to the detached window
        self.area = _PageArea(self, self.body)
        self.canvas = _Pages(self)
        self.area.setWidget(self.canvas)
        self._build_actions()
        self._build_toolbar()
        body_layout = QVBoxLayout(self.body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.setSpacing(0)
        body_layout.addWidget(self.toolbar)
        body_layout.addWidget(self.area, 1)
        body_layout.addWidget(self.page_bar)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.body, 1)

        bar = self.area.verticalScrollBar()
        bar.valueChanged.connect(self._on_scrolled)
        bar.rangeChanged.connect(self._update_page_label)
        self._show_zoom()
        self._update_page_label()

    # ---- what the window calls
    def show_plan(self, plan: Plan | None) -> None:
        self.plan = plan
        self.document = lay_out(plan) if plan is not None else None
        self.pages = self.document.pages if self.document is not None else []
        self.pinned_page = None
        self._resize_canvas()
        self.canvas.update()
        self._update_page_label()
        if self.detached_window is not None:
            self.detached_window.setWindowTitle(self._window_title())

    def clear(self) -> None:
        self.show_plan(None)

    def setPlaceholderText(self, text: str) -> None:  # noqa: N802 - named like Qt's text widgets
        self.placeholder = text
        self.canvas.update()

    def placeholderText(self) -> str:  # noqa: N802
        return self.placeholder

    def toPlainText(self) -> str:  # noqa: N802
        """The words on the pages (for the smoke run and for tests)."""
        return self.document.text if self.document is not None else ""

    def scroll_to_block(self, starts_with: str) -> bool:
        """Bring the first paragraph that starts with this text (a section's
        "II. ") to the top of the pane, at any zoom; False when there is none."""
        found = self.document.find(starts_with) if self.document is not None else None
        if found is None:
            return False
        index, top = found
        page = measures(get_profile(self.plan.profile).id)
        margin = (page.turned() if self.is_landscape(index) else page).top
        offset = (top + margin * layout_dpi() / PT_PER_INCH) * self.page_scale(index)
        self.pinned_page = None
        self.verticalScrollBar().setValue(round(self.canvas.page_rect(index).top() + offset - GAP))
        self._update_page_label()
        return True

    def page_count(self) -> int:
        return len(self.pages)

    def verticalScrollBar(self):  # noqa: N802 - the scroll area's, as when this was one
        return self.area.verticalScrollBar()

    def horizontalScrollBar(self):  # noqa: N802
        return self.area.horizontalScrollBar()

    def viewport(self) -> QWidget:
        return self.area.viewport()

    # ---- zoom
    def set_zoom(self, zoom: str | float, anchor: QPoint | None = None) -> None:
        """FIT_WIDTH, FIT_PAGE or a percent (kept within MIN_PERCENT..MAX_PERCENT).
        The point of the pages under ``anchor`` (a point of the viewport; its
        centre by default) stays where it is."""
        if not isinstance(zoom, str):
            zoom = float(min(MAX_PERCENT, max(MIN_PERCENT, zoom)))
        viewport = self.viewport()
        anchor = anchor if anchor is not None else viewport.rect().center()
        spot = self._page_spot(self.canvas.mapFrom(viewport, anchor))
        page = self.current_page()
        self.zoom = zoom
        self._resize_canvas()
        if zoom == FIT_PAGE:
            self.go_to_page(page)  # the whole of the page being read
        elif spot is not None:
            target = self._spot_point(*spot)
            self.horizontalScrollBar().setValue(round(target.x() - anchor.x()))
            self.verticalScrollBar().setValue(round(target.y() - anchor.y()))
        self.canvas.update()
        self._show_zoom()
        self._update_page_label()

    def zoom_percent(self) -> float:
        """The zoom in use as a percent: 100 is the paper's real size on the screen."""
        if not isinstance(self.zoom, str):
            return float(self.zoom)
        return self.scale() * 100 * layout_dpi() / self.logicalDpiX()

    def zoom_in(self) -> None:
        self.set_zoom(self.zoom_percent() * WHEEL_STEP)

    def zoom_out(self) -> None:
        self.set_zoom(self.zoom_percent() / WHEEL_STEP)

    def _page_spot(self, point: QPoint) -> tuple[int, float, float] | None:
        """Which page a point of the canvas is on, and where on it (fractions of
        its width and height): the same spot is found again after zooming."""
        if not self.page_count():
            return None
        index = max(0, bisect_right([self.page_top(i) for i in range(self.page_count())], point.y()) - 1)
        rect = self.canvas.page_rect(index)
        return index, (point.x() - rect.left()) / rect.width(), (point.y() - rect.top()) / rect.height()

    def _spot_point(self, index: int, x: float, y: float) -> QPointF:
        rect = self.canvas.page_rect(index)
        return QPointF(rect.left() + x * rect.width(), rect.top() + y * rect.height())

    # ---- pages
    def current_page(self) -> int:
        """The page being read (0-based): the one that fills most of the
        view, the first of those that fill it alike; the page just gone to
        with the buttons while the view has not moved."""
        if not self.page_count():
            return 0
        if self.pinned_page is not None:
            return self.pinned_page
        top = self.verticalScrollBar().value()
        bottom = top + self.viewport().height()
        best, best_seen = 0, -1.0
        for index in range(self.page_count()):
            rect = self.canvas.page_rect(index)
            seen = min(bottom, rect.bottom()) - max(top, rect.top())
            if seen > best_seen + 0.5:
                best, best_seen = index, seen
            if rect.top() > bottom:
                break
        return best

    def go_to_page(self, index: int) -> None:
        """Bring the top of a page (0-based) to the top of the view."""
        if not self.page_count():
            return
        index = min(self.page_count() - 1, max(0, index))
        self.verticalScrollBar().setValue(int(self.canvas.page_rect(index).top() - GAP))
        self.pinned_page = index  # after the scroll, which unpins
        self._update_page_label()

    def previous_page(self) -> None:
        self.go_to_page(self.current_page() - 1)

    def next_page(self) -> None:
        self.go_to_page(self.current_page() + 1)

    def page_label_text(self) -> str:
        if not self.page_count():
            return ""
        return self.tr("Trang {page}/{count}").format(page=self.current_page() + 1, count=self.page_count())

    def _on_scrolled(self) -> None:
        self.pinned_page = None
        self._update_page_label()

    def _update_page_label(self) -> None:
        self.page_label.setText(self.page_label_text())
        current, count = self.current_page(), self.page_count()
        self.previous_action.setEnabled(count > 0 and current > 0)
        self.next_action.setEnabled(current + 1 < count)

    # ---- detach, hide
    def is_detached(self) -> bool:
        return self.detached_window is not None and self.body.parent() is self.detached_window

    def detach(self) -> None:
        """Move the pages and their toolbar into a window of their own."""
        if self.is_detached():
            return
        if self.detached_window is None:
            self.detached_window = _DetachedWindow(self)
            self.detached_window.closed.connect(self.dock)
            self._place_window(self.detached_window)
        window = self.detached_window
        window.layout().addWidget(self.body)
        self.body.show()
        window.setWindowTitle(self._window_title())
        self.show_action.setChecked(True)
        self.detach_action.setChecked(True)
        self._sync_detach_action()
        window.show()
        window.raise_()
        window.activateWindow()
        self.pane_shown_changed.emit(False)

    def dock(self) -> None:
        """Put the preview back in the main window (closing its own window)."""
        if not self.is_detached():
            return
        self.layout().insertWidget(0, self.body, 1)
        self.body.show()
        self.detach_action.setChecked(False)
        self._sync_detach_action()
        if self.detached_window.isVisible():
            self.detached_window.hide()
        self.pane_shown_changed.emit(self.show_action.isChecked())

    def set_shown(self, shown: bool) -> None:
        """Show or hide the preview (a hidden one is docked first)."""
        self.show_action.setChecked(shown)

    def _on_show_toggled(self, shown: bool) -> None:
        if not shown:
            self.dock()
        self.setVisible(shown)
        self.pane_shown_changed.emit(shown and not self.is_detached())

    def _on_detach_toggled(self, detached: bool) -> None:
        self.detach() if detached else self.dock()

    def _sync_detach_action(self) -> None:
        detached = self.is_detached()
        self.detach_action.setText(self.tr("Đưa về cửa sổ chính") if detached
                                   else self.tr("Tách ra cửa sổ riêng"))
        self.detach_action.setToolTip(
            self.tr("Đưa bản xem trước về khung bên phải của cửa sổ chính") if detached
            else self.tr("Tách bản xem trước ra cửa sổ riêng (để đặt sang màn hình thứ hai)"))

    def _window_title(self) -> str:
        title = self.plan.title_one_line if self.plan is not None else ""
        return self.tr("Xem trước – {title}").format(title=title) if title else self.tr("Xem trước")

    def _place_window(self, window: QWidget) -> None:
        """On another screen when there is one (that is what detaching is
        for), else beside the main window; never larger than the screen."""
        own = self.window().screen() or QGuiApplication.primaryScreen()
        others = [screen for screen in QGuiApplication.screens() if screen is not own]
        screen = others[0] if others else own
        available = screen.availableGeometry()
        height = int(available.height() * 0.9)
        width = min(available.width(), int(height * 0.8))
        window.resize(width, height)
        window.move(available.left() + (available.width() - width) // 2,
                    available.top() + (available.height() - height) // 2)

    # ---- geometry
    def is_landscape(self, index: int) -> bool:
        """Whether page ``index`` is turned (a wide table's landscape page)."""
        return self.document is not None and self.document.is_landscape(index)

    def paper_mm(self, index: int = 0) -> tuple[float, float]:
        page = get_profile(self.plan.profile if self.plan else "doan").layout["page"]
        if self.is_landscape(index):
            return page["height_mm"], page["width_mm"]
        return page["width_mm"], page["height_mm"]

    def page_size_px(self, index: int = 0) -> tuple[float, float]:
        width_mm, height_mm = self.paper_mm(index)
        width = self.page_scale(index) * width_mm * layout_dpi() / MM_PER_INCH
        return width, width * height_mm / width_mm

    def page_top(self, index: int) -> float:
        """The top of page ``index`` on the canvas (pixels)."""
        turned = self.document.landscape[:index].count(True) if self.document is not None else 0
        portrait = self.page_size_px(-1)[1] + GAP
        landscape = self.page_size_px(self.document.landscape.index(True))[1] + GAP if turned else 0.0
        return GAP + (index - turned) * portrait + turned * landscape

    def scale(self) -> float:
        """Pixels per layout unit of a portrait page (at 100 % the paper has
        its size on the screen)."""
        return self.page_scale(-1)

    def page_scale(self, index: int) -> float:
        """Pixels per layout unit of page ``index``: the zoom's, or, when the
        pages are fitted to the pane, the one that fits this page, so that a
        landscape page fits the width as the portrait pages do (smaller
        letters, no sideways scrolling). ``-1``: a portrait page."""
        if not isinstance(self.zoom, str):
            return self.zoom / 100 * self.logicalDpiX() / layout_dpi()
        width_mm, height_mm = self.paper_mm(index)
        paper_width = width_mm * layout_dpi() / MM_PER_INCH
        viewport = self.viewport()
        width = max(MIN_FIT_WIDTH, viewport.width() - 2 * GAP)
        if self.zoom == FIT_PAGE:
            width = min(width, max(MIN_FIT_WIDTH * height_mm / width_mm, viewport.height() - 2 * GAP)
                        * width_mm / height_mm)
        return width / paper_width

    def _resize_canvas(self) -> None:
        self.pinned_page = None  # the pages move: the page being read is the one in view again
        self._update_zoom_actions()  # a fitted zoom changes with the pane
        viewport = self.viewport().size()
        if not self.page_count():
            self.canvas.resize(viewport)  # the placeholder, in the middle of the pane
            return
        width = max(self.page_size_px(index)[0] for index in range(self.page_count()))
        # A fitted page at its narrowest may eat into the gaps on its sides
        # rather than bring a sideways scroll bar for a few pixels.
        sides = 2 * GAP if not isinstance(self.zoom, str) else 2
        self.canvas.resize(QSize(max(int(width + sides), viewport.width()), int(self.page_top(self.page_count()))))

    # ---- the toolbar
    def _build_actions(self) -> None:
        style = self.style()
        icons = QStyle.StandardPixmap

        def action(text: str, tip: str, slot=None, keys=(), icon=None) -> QAction:
            made = QAction(text, self)
            made.setToolTip(tip)
            if icon is not None:
                made.setIcon(style.standardIcon(icon))
            made.setShortcuts([QKeySequence(key) for key in keys])
            # The keys work wherever the focus is in the preview (docked or
            # detached), never in the editor beside it.
            made.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            if slot is not None:
                made.triggered.connect(slot)
            self.body.addAction(made)
            return made

        self.zoom_out_action = action(self.tr("−"), self.tr("Thu nhỏ (Ctrl+−, Ctrl + lăn chuột)"),
                                      self.zoom_out, ("Ctrl+-",))
        self.zoom_in_action = action(self.tr("+"), self.tr("Phóng to (Ctrl++, Ctrl + lăn chuột)"),
                                     self.zoom_in, ("Ctrl++", "Ctrl+="))
        self.fit_width_action = action(self.tr("Vừa chiều rộng"), self.tr("Trang vừa chiều rộng khung (Ctrl+0)"),
                                       lambda: self.set_zoom(FIT_WIDTH), ("Ctrl+0",))
        self.fit_page_action = action(self.tr("Vừa cả trang"), self.tr("Thấy trọn một trang"),
                                      lambda: self.set_zoom(FIT_PAGE))
        self.previous_action = action(self.tr("Trang trước"), self.tr("Trang trước"), self.previous_page,
                                      icon=icons.SP_ArrowUp)
        self.next_action = action(self.tr("Trang sau"), self.tr("Trang sau"), self.next_page,
                                  icon=icons.SP_ArrowDown)
        self.detach_action = action(self.tr("Tách ra cửa sổ riêng"), "", icon=icons.SP_TitleBarNormalButton)
        self.detach_action.setCheckable(True)
        self.detach_action.toggled.connect(self._on_detach_toggled)
        self._sync_detach_action()
        # For the main window's menu: the preview pane shown or hidden.
        self.show_action = QAction(self.tr("Khung &xem trước trang in"), self)
        self.show_action.setCheckable(True)
        self.show_action.setChecked(True)
        self.show_action.setToolTip(self.tr("Hiện hoặc ẩn khung xem trước trang in"))
        self.show_action.toggled.connect(self._on_show_toggled)

    def _build_toolbar(self) -> None:
        bar = QToolBar(self.tr("Xem trước"), self.body)
        bar.setObjectName("preview-toolbar")
        bar.setMovable(False)  # no grip: it is not in a main window's dock area
        bar.setIconSize(QSize(16, 16))
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        self.zoom_box = QComboBox(bar)
        self.zoom_box.setEditable(True)
        self.zoom_box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.zoom_box.addItem(self.fit_width_action.text(), FIT_WIDTH)
        self.zoom_box.addItem(self.fit_page_action.text(), FIT_PAGE)
        for percent in PRESETS:
            self.zoom_box.addItem(f"{percent}%", percent)
        self.zoom_box.setToolTip(self.tr("Thu phóng: vừa chiều rộng, vừa cả trang, hoặc chọn hay gõ một tỉ lệ "
                                         "({low}–{high}%). Ctrl + lăn chuột để thu phóng, Ctrl+0 để trở về "
                                         "vừa chiều rộng.").format(low=MIN_PERCENT, high=MAX_PERCENT))
        self.zoom_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.zoom_box.activated.connect(self._on_zoom_chosen)
        self.zoom_box.lineEdit().returnPressed.connect(self._on_zoom_typed)
        self.zoom_box.lineEdit().editingFinished.connect(self._show_zoom)  # what was typed and not taken
        self.page_label = QLabel(bar)
        self.page_label.setToolTip(self.tr("Trang đang xem / số trang"))
        self.page_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.page_label.setMinimumWidth(self.page_label.fontMetrics().horizontalAdvance("Trang 88/88") + 8)
        self.page_label.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)

        # Zoom and detach above the pages, the page being read below them:
        # each row fits a pane a little over 200 pixels wide.
        bar.addAction(self.zoom_out_action)
        bar.addWidget(self.zoom_box)
        bar.addAction(self.zoom_in_action)
        bar.addWidget(self._spacer(bar))
        bar.addAction(self.detach_action)
        self.toolbar = bar
        pages = QToolBar(self.tr("Trang"), self.body)
        pages.setObjectName("preview-page-bar")
        pages.setIconSize(bar.iconSize())
        pages.setMovable(False)
        pages.addWidget(self._spacer(pages))
        pages.addAction(self.previous_action)
        pages.addWidget(self.page_label)
        pages.addAction(self.next_action)
        pages.addWidget(self._spacer(pages))
        self.page_bar = pages

    @staticmethod
    def _spacer(parent: QWidget) -> QWidget:
        spacer = QWidget(parent)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        return spacer

    def _on_zoom_chosen(self, index: int) -> None:
        self.set_zoom(self.zoom_box.itemData(index))

    def _on_zoom_typed(self) -> None:
        text = self.zoom_box.currentText().strip()
        for index in range(self.zoom_box.count()):
            if text.casefold() == self.zoom_box.itemText(index).casefold():
                self._on_zoom_chosen(index)
                return
        number = re.fullmatch(r"(\d+(?:[.,]\d+)?)\s*%?", text)
        if number:
            self.set_zoom(float(number.group(1).replace(",", ".")))
        else:
            self._show_zoom()

    def _show_zoom(self) -> None:
        """The zoom box shows the zoom in use: its mode, or its percent."""
        box = self.zoom_box
        box.blockSignals(True)
        if isinstance(self.zoom, str):
            box.setCurrentIndex(box.findData(self.zoom))
        else:
            percent = round(self.zoom)
            index = box.findData(percent) if abs(self.zoom - percent) < 0.01 else -1
            box.setCurrentIndex(index)
            if index < 0:
                box.setEditText(f"{percent}%")
        box.blockSignals(False)
        self._update_zoom_actions()

    def _update_zoom_actions(self) -> None:
        self.zoom_out_action.setEnabled(self.zoom_percent() > MIN_PERCENT + 0.5)
        self.zoom_in_action.setEnabled(self.zoom_percent() < MAX_PERCENT - 0.5)
