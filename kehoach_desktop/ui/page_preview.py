"""The live preview: the plan's A4 pages as they will print, one under the
other, scaled to the width of the pane. The pages are the ones the PDF and
the printer get (formats/pdf_export.py), so what the clerk sees is what is
printed."""
from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QScrollArea, QWidget

from ..core.model import Plan
from ..core.profile import get_profile
from ..formats.pdf_export import MM_PER_INCH, build_document, layout_dpi, page_lines, paint_page

GAP = 12  # pixels between pages and around them
PAPER_SHADOW = QColor(0, 0, 0, 60)


class _Pages(QWidget):
    """Paints the pages; its height grows with their number."""

    def __init__(self, preview: PagePreview):
        super().__init__(preview)
        self.preview = preview

    def page_rect(self, index: int) -> QRectF:
        width, height = self.preview.page_size_px()
        return QRectF(GAP, GAP + index * (height + GAP), width, height)

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
        for index, lines in enumerate(preview.pages):
            rect = self.page_rect(index)
            if not rect.intersects(QRectF(event.rect())):
                continue
            painter.fillRect(rect.translated(3, 3), PAPER_SHADOW)
            painter.fillRect(rect, Qt.GlobalColor.white)
            painter.save()
            painter.setClipRect(rect)
            painter.translate(rect.topLeft())
            painter.setPen(Qt.GlobalColor.black)
            paint_page(preview.plan, painter, index, lines, preview.scale())
            painter.restore()
        painter.end()


class PagePreview(QScrollArea):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.plan: Plan | None = None
        self.document = None  # the plan laid out on A4 pages; owns the lines below
        self.pages: list[list[tuple]] = []
        self.placeholder = ""
        self.canvas = _Pages(self)
        self.setWidget(self.canvas)
        self.setWidgetResizable(False)
        self.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.setBackgroundRole(QPalette.ColorRole.Dark)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    # ---- what the window calls
    def show_plan(self, plan: Plan | None) -> None:
        self.plan = plan
        self.document = build_document(plan) if plan is not None else None
        self.pages = page_lines(self.document) if self.document is not None else []
        self._resize_canvas()
        self.canvas.update()

    def clear(self) -> None:
        self.show_plan(None)

    def setPlaceholderText(self, text: str) -> None:  # noqa: N802 - named like Qt's text widgets
        self.placeholder = text
        self.canvas.update()

    def placeholderText(self) -> str:  # noqa: N802
        return self.placeholder

    def toPlainText(self) -> str:  # noqa: N802
        """The words on the pages (for the smoke run and for tests)."""
        return self.document.toPlainText() if self.document is not None else ""

    def scroll_to_block(self, starts_with: str) -> bool:
        """Bring the first paragraph that starts with this text (a section's
        "II. ") to the top of the pane; False when there is none."""
        if self.document is None:
            return False
        block = self.document.begin()
        while block.isValid() and not block.text().startswith(starts_with):
            block = block.next()
        if not block.isValid():
            return False
        top = self.document.documentLayout().blockBoundingRect(block).top()
        height = self.document.pageSize().height()
        index = int(top // height)
        page = get_profile(self.plan.profile).layout["page"]
        offset = (top - index * height + page["top_mm"] * layout_dpi() / MM_PER_INCH) * self.scale()
        self.verticalScrollBar().setValue(int(self.canvas.page_rect(index).top() + offset - GAP))
        return True

    def page_count(self) -> int:
        return len(self.pages)

    # ---- geometry
    def paper_mm(self) -> tuple[float, float]:
        page = get_profile(self.plan.profile if self.plan else "doan").layout["page"]
        return page["width_mm"], page["height_mm"]

    def page_size_px(self) -> tuple[float, float]:
        width_mm, height_mm = self.paper_mm()
        width = max(200.0, self.viewport().width() - 2 * GAP)
        return width, width * height_mm / width_mm

    def scale(self) -> float:
        """Pixels per layout unit: the page fills the pane's width."""
        width_mm, _ = self.paper_mm()
        return self.page_size_px()[0] / (width_mm * layout_dpi() / MM_PER_INCH)

    def _resize_canvas(self) -> None:
        width, height = self.page_size_px()
        count = max(1, self.page_count())
        self.canvas.resize(QSize(int(width + 2 * GAP), int(GAP + count * (height + GAP))))

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self._resize_canvas()
