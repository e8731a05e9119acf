"""Drawing a plan on A4 pages with Qt: the PDF export, the print preview and
the printer all go through paint_plan(), so they are the same pages.

The pages follow the Word layout: same words (core/layout.py and the
header/closing helpers of text_export) and the same sizes, indents and
tables, read from the same format profile. Qt is imported inside the
functions: the rest of formats/ stays usable without PySide6.
"""
from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..core.dates import date_line
from ..core.layout import Line, body_lines
from ..core.model import Plan, Signature
from ..core.numbering import number_line
from ..core.profile import get_profile
from ..none_refs import guard_none_refcount
from .closing_columns import single_signer_columns
from .text_export import issuing_body_lines, recipient_lines, title_lines

if TYPE_CHECKING:
    from PySide6.QtCore import QCoreApplication, QPointF
    from PySide6.QtGui import (
        QPagedPaintDevice,
        QPageLayout,
        QPainter,
        QTextBlock,
        QTextBlockFormat,
        QTextCharFormat,
        QTextCursor,
        QTextDocument,
        QTextLine,
        QTextTable,
        QTextTableCell,
    )

    # A paragraph to write: text, its look in the profile, its block format
    # (None: the default one).
    Item = tuple[str, dict, QTextBlockFormat | None]
    PageLine = tuple[QTextLine, QPointF]  # a laid-out line and where to draw it

MM_PER_INCH = 25.4
PT_PER_INCH = 72.0
NBSP = "\u00a0"


def ensure_gui_application() -> QCoreApplication:
    """A QGuiApplication for fonts and painting; headless when there is no screen."""
    from PySide6.QtGui import QGuiApplication

    guard_none_refcount()  # for PySide6 6.12.0 on CPython 3.11: see none_refs.py
    app = QGuiApplication.instance()
    if app is None:
        if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QGuiApplication(sys.argv[:1])
    return app


def page_layout() -> QPageLayout:
    """A4 portrait in full-page mode: paint_plan() applies the margins itself."""
    from PySide6.QtCore import QMarginsF
    from PySide6.QtGui import QPageLayout, QPageSize

    layout = QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                         QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
    layout.setMode(QPageLayout.Mode.FullPageMode)
    return layout


class _Builder:
    """Fills a QTextDocument through a cursor: block formats give exact
    indents, hanging indents and fixed-width table columns."""

    def __init__(self, plan: Plan, document: QTextDocument, dpi: float):
        from PySide6 import QtGui

        self.Qt = QtGui
        self.plan = plan
        self.profile = get_profile(plan.profile)
        self.layout = self.profile.layout
        self.document = document
        self.dots_per_mm = dpi / MM_PER_INCH
        self.dots_per_pt = dpi / PT_PER_INCH
        self.cursor = QtGui.QTextCursor(document)
        self.first_block = True
        self.keep_with_next: list[int] = []  # block numbers of headings, as Word's "keep with next"

    # ---- formats
    def char_format(self, spec: dict) -> QTextCharFormat:
        fmt = self.Qt.QTextCharFormat()
        fmt.setFontFamilies([self.layout["font"]["name"]])
        fmt.setFontPointSize(spec.get("size", self.layout["body"]["size"]))
        fmt.setFontWeight(self.Qt.QFont.Weight.Bold if spec.get("bold") else self.Qt.QFont.Weight.Normal)
        fmt.setFontItalic(bool(spec.get("italic")))
        fmt.setFontUnderline(bool(spec.get("underline")))
        return fmt

    def block_format(self, align: str = "center", *, first_cm: float = 0.0, left_cm: float = 0.0,
                     before_pt: float = 0.0, after_pt: float = 0.0) -> QTextBlockFormat:
        from PySide6.QtCore import Qt

        fmt = self.Qt.QTextBlockFormat()
        fmt.setAlignment({"center": Qt.AlignmentFlag.AlignHCenter, "left": Qt.AlignmentFlag.AlignLeft,
                          "justify": Qt.AlignmentFlag.AlignJustify}[align])
        fmt.setTextIndent(first_cm * 10 * self.dots_per_mm)
        fmt.setLeftMargin(left_cm * 10 * self.dots_per_mm)
        fmt.setTopMargin(before_pt * self.dots_per_pt)
        fmt.setBottomMargin(after_pt * self.dots_per_pt)
        fmt.setLineHeight(self.layout["body"]["line_spacing"] * 100,
                          self.Qt.QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        return fmt

    def paragraph(self, text: str, spec: dict, block: QTextBlockFormat | None = None,
                  cursor: QTextCursor | None = None) -> None:
        cursor = cursor or self.cursor
        block = block or self.block_format()
        if self.first_block and cursor is self.cursor:
            cursor.setBlockFormat(block)
            self.first_block = False
        else:
            cursor.insertBlock(block)
        cursor.setBlockCharFormat(self.char_format(spec))
        cursor.insertText(text, self.char_format(spec))

    def cell_paragraphs(self, cell: QTextTableCell, items: Sequence[Item]) -> None:
        cursor = cell.firstCursorPosition()
        for i, (text, spec, block) in enumerate(items):
            block = block or self.block_format()
            if i:
                cursor.insertBlock(block)
            else:
                cursor.setBlockFormat(block)
            cursor.insertText(text, self.char_format(spec))

    def table(self, rows: int, widths_mm: list[float]) -> QTextTable:
        fmt = self.Qt.QTextTableFormat()
        fmt.setBorder(0)
        fmt.setBorderStyle(self.Qt.QTextFrameFormat.BorderStyle.BorderStyle_None)
        fmt.setCellPadding(0)
        fmt.setCellSpacing(0)
        fmt.setColumnWidthConstraints([self.Qt.QTextLength(self.Qt.QTextLength.Type.FixedLength,
                                                           w * self.dots_per_mm) for w in widths_mm])
        fmt.setWidth(self.Qt.QTextLength(self.Qt.QTextLength.Type.FixedLength, sum(widths_mm) * self.dots_per_mm))
        table = self.cursor.insertTable(rows, len(widths_mm), fmt)
        self.first_block = False
        return table

    def after_table(self) -> None:
        self.cursor.movePosition(self.Qt.QTextCursor.MoveOperation.End)

    # ---- parts
    def header(self) -> None:
        spec = self.layout["header"]
        page = self.layout["page"]
        text_width = page["width_mm"] - page["left_mm"] - page["right_mm"]
        left_w = spec["left_width_mm"] * text_width / (spec["left_width_mm"] + spec["right_width_mm"])
        table = self.table(2, [left_w, text_width - left_w])
        left: list[Item] = []
        if self.plan.superior_body.strip():
            left.append((self.plan.superior_body.strip().upper(), spec["superior_body"], None))
        for line in issuing_body_lines(self.plan):
            left.append((line.replace(" - ", NBSP + "- "), spec["issuing_body"], None))
        left.append((self.profile.star_line, spec["star_line"], None))
        self.cell_paragraphs(table.cellAt(0, 0), left)
        self.cell_paragraphs(table.cellAt(0, 1), [(self.plan.organisation_title.strip().upper(),
                                                   spec["organisation_title"], None)])
        number: list[Item] = [(number_line(self.plan.number, self.profile.number_label_colon), spec["number"], None)]
        if self.plan.show_draft_mark and self.plan.status == "draft":
            number.append(("[ DỰ THẢO ]", spec["draft_mark"], self.block_format(before_pt=6)))
        self.cell_paragraphs(table.cellAt(1, 0), number)
        place, sep, when = date_line(self.plan.place.strip(), self.plan.plan_date).rpartition(", ")
        self.cell_paragraphs(table.cellAt(1, 1), [(place + sep + when.replace(" ", NBSP), spec["place_date"], None)])
        self.after_table()

    def title(self) -> None:
        spec = self.layout["title"]
        doc_type, *lines = title_lines(self.plan)
        self.paragraph(doc_type, spec["document_type"], self.block_format(before_pt=18))
        if lines:
            self.paragraph("\u2028".join(lines), spec["title"])
        self.paragraph("―" * 7, {"size": 10}, self.block_format(after_pt=12))

    def body(self) -> None:
        body = self.layout["body"]
        levels = body["subsection_levels"]
        indent = body["first_line_indent_cm"]
        after = body["space_after_pt"]
        plain = self.block_format("justify", first_cm=indent, after_pt=after)
        for line in body_lines(self.plan):
            if line.role == "display":
                self.paragraph(line.text, body["display"])
            elif line.role == "item":
                start = indent + (body["subitem_extra_indent_cm"] if line.level >= 2 else 0)
                hanging = body["item_hanging_cm"]
                block = self.block_format("justify", first_cm=-hanging, left_cm=start + hanging, after_pt=after)
                self.paragraph(f"{line.marker}{NBSP}{NBSP}{line.text}", {}, block)
            elif line.role in ("section", "subsection"):
                look = body["section"] if line.role == "section" else levels[min(line.level, len(levels)) - 1]
                self.heading(line, look, plain)
            elif line.role == "label":
                self.paragraph(line.text, body["label"], plain)
                self.keep_with_next.append(self.cursor.block().blockNumber())
            else:
                self.paragraph(line.plain(), {}, plain)

    def heading(self, line: Line, look: dict, block: QTextBlockFormat) -> None:
        self.paragraph(f"{line.number} {line.text}", look, block)
        if line.tail:
            self.cursor.insertText(" " + line.tail, self.char_format({}))
        else:
            self.keep_with_next.append(self.cursor.block().blockNumber())

    def closing(self) -> None:
        page = self.layout["page"]
        text_width = page["width_mm"] - page["left_mm"] - page["right_mm"]
        signatures = self.plan.signatures
        if len(signatures) <= 1:
            table = self.table(1, list(single_signer_columns(self.plan, self.layout)))
            self.cell_paragraphs(table.cellAt(0, 0), self.recipients() or [("", {}, None)])
            if signatures:
                self.cell_paragraphs(table.cellAt(0, 1), self.signature(signatures[0]))
            self.after_table()
            return
        # One row per part of the blocks, as in the Word file: positions and
        # names stay level, and the words read in the same order.
        table = self.table(4, [text_width / len(signatures)] * len(signatures))
        for col, sig in enumerate(signatures):
            authority, position, *gap, name = self.signature(sig)
            for row, items in enumerate(([authority], [position], gap, [name])):
                self.cell_paragraphs(table.cellAt(row, col), items)
        self.after_table()
        for text, spec, block in self.recipients():
            self.paragraph(text, spec, block)

    def recipients(self) -> list[Item]:
        spec = self.layout["closing"]
        if not self.plan.recipients:
            return []
        left = self.block_format("left")
        return ([("Nơi nhận:", spec["recipients_heading"], self.block_format("left", before_pt=12))]
                + [(text, spec["recipients"], left) for text in recipient_lines(self.plan)])

    def signature(self, sig: Signature) -> list[Item]:
        spec = self.layout["closing"]
        parts = [(sig.authority_line.upper(), spec["authority"], self.block_format(before_pt=12)),
                 (sig.position.strip().upper(), spec["position"], None)]
        parts += [("", spec["position"], None) for _ in range(spec["signature_gap_lines"])]
        parts.append((sig.name.strip(), spec["name"], None))
        return parts

    def build(self) -> None:
        self.header()
        self.title()
        self.body()
        self.closing()


def layout_dpi() -> float:
    """The resolution Qt lays rich text out at when no device is set (the
    screen's logical DPI, 96 without one). Every length given to the
    document is in these units; painting scales them to the device."""
    from PySide6.QtGui import QGuiApplication

    screen = QGuiApplication.primaryScreen()
    return screen.logicalDotsPerInchX() if screen is not None else 96.0


def build_document(plan: Plan) -> QTextDocument:
    """The plan as a QTextDocument paginated into A4 text areas."""
    from PySide6.QtCore import QSizeF
    from PySide6.QtGui import QTextDocument

    page = get_profile(plan.profile).layout["page"]
    dpi = layout_dpi()
    dots_per_mm = dpi / MM_PER_INCH
    document = QTextDocument()
    document.setDocumentMargin(0)
    document.setPageSize(QSizeF((page["width_mm"] - page["left_mm"] - page["right_mm"]) * dots_per_mm,
                                (page["height_mm"] - page["top_mm"] - page["bottom_mm"]) * dots_per_mm))
    builder = _Builder(plan, document, dpi)
    builder.build()
    _keep_with_next(document, builder.keep_with_next)
    return document


def _page_of(document: QTextDocument, block: QTextBlock, line_index: int) -> int:
    top = document.documentLayout().blockBoundingRect(block).top() + block.layout().lineAt(line_index).y()
    return int((top + 0.5) // document.pageSize().height())


def _keep_with_next(document: QTextDocument, numbers: list[int]) -> None:
    """A heading left alone at the foot of a page starts the next page, as
    Word does with "keep with next"; a heading right above it goes along.
    One heading is moved at a time, from the top, and the document laid out
    again, since every move shifts what follows."""
    from PySide6.QtGui import QTextCursor, QTextFormat

    always_before = QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore

    def set_break(block: QTextBlock, on: bool) -> None:
        fmt = block.blockFormat()
        fmt.setPageBreakPolicy(always_before if on else QTextFormat.PageBreakFlag.PageBreak_Auto)
        QTextCursor(block).setBlockFormat(fmt)

    def lines(block: QTextBlock) -> int:
        return block.layout().lineCount() if block.isValid() else 0

    start = 0
    for _ in range(2 * len(numbers)):
        document.pageCount()  # lays the document out again (it is done lazily)
        for index in range(start, len(numbers)):
            block = document.findBlockByNumber(numbers[index])
            following, previous = block.next(), block.previous()
            if not lines(block) or not lines(following):
                continue
            page = _page_of(document, block, lines(block) - 1)
            if _page_of(document, following, 0) <= page or _page_of(document, block, 0) != page:
                continue
            if lines(previous) and _page_of(document, previous, lines(previous) - 1) < page:
                continue  # already at the top of its page: moving it would leave a blank page
            set_break(block, True)
            if index + 1 < len(numbers) and numbers[index + 1] == following.blockNumber():
                set_break(following, False)  # the heading below now follows this one
            start = max(index - 1, 0)  # the heading above may now be alone at the foot
            break
        else:
            return


def page_lines(document: QTextDocument) -> list[list[PageLine]]:
    """Every laid-out line of the document, page by page, in document order
    (table cells row by row, as in the Word file), with the point to draw it
    at relative to its page's text area.

    Pages are drawn line by line rather than with drawContents(): a line
    that runs over a page break by its line spacing would otherwise be drawn
    (clipped out of sight, but still in the PDF's text) on both pages, and
    copying or searching the PDF would find its words twice."""
    from PySide6.QtCore import QPointF

    layout = document.documentLayout()
    height = document.pageSize().height()
    pages: list[list[PageLine]] = [[] for _ in range(document.pageCount())]
    block = document.begin()
    while block.isValid():
        origin = layout.blockBoundingRect(block).topLeft()
        text_layout = block.layout()
        for index in range(text_layout.lineCount()):
            line = text_layout.lineAt(index)
            page = min(int((origin.y() + line.y() + 0.5) // height), len(pages) - 1)
            pages[page].append((line, QPointF(origin.x(), origin.y() - page * height)))
        block = block.next()
    # Qt keeps an empty paragraph after the closing table; when the plan
    # fills its last page exactly, it alone would make a blank page.
    while len(pages) > 1 and all(line.textLength() == 0 for line, _ in pages[-1]):
        pages.pop()
    return pages


def draw_page(painter: QPainter, lines: list[PageLine]) -> None:
    """Draw one page's lines (from page_lines) at the painter's origin."""
    for line, origin in lines:
        line.draw(painter, origin)


def paint_plan(plan: Plan, device: QPagedPaintDevice) -> int:
    """Paint every page on a QPagedPaintDevice (QPdfWriter or QPrinter) whose
    page layout is page_layout(); returns the number of pages."""
    from PySide6.QtGui import QPainter

    document = build_document(plan)  # owns the lines: alive until the painting ends
    pages = page_lines(document)
    scale = device.logicalDpiX() / layout_dpi()
    painter = QPainter(device)
    try:
        for index, lines in enumerate(pages):
            if index:
                device.newPage()
            paint_page(plan, painter, index, lines, scale)
    finally:
        painter.end()
    return len(pages)


def paint_page(plan: Plan, painter: QPainter, index: int, lines: list[PageLine], scale: float) -> None:
    """One A4 page on a painter whose origin is the paper's corner and whose
    units are ``scale`` times the layout's: text area, then the page number
    (from page 2 on, centred in the top margin)."""
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QFont

    spec = get_profile(plan.profile).layout
    page = spec["page"]
    dots_per_mm = layout_dpi() / MM_PER_INCH
    painter.save()
    painter.scale(scale, scale)  # everything below is in layout_dpi() units
    if index:
        # The font's size in layout pixels, so that it scales with the page
        # (a size in points would follow the device's resolution instead).
        number_font = QFont(spec["font"]["name"])
        number_font.setPixelSize(round(spec["page_number"]["size"] * layout_dpi() / PT_PER_INCH))
        painter.setFont(number_font)
        box = QRectF(0, page["header_distance_mm"] * dots_per_mm, page["width_mm"] * dots_per_mm, 8 * dots_per_mm)
        painter.drawText(box, int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop), str(index + 1))
    painter.translate(page["left_mm"] * dots_per_mm, page["top_mm"] * dots_per_mm)
    draw_page(painter, lines)
    painter.restore()


def render_pdf(plan: Plan) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QPdfWriter

    ensure_gui_application()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageLayout(page_layout())
    writer.setResolution(300)
    writer.setTitle(plan.title_one_line)
    writer.setCreator("KeHoach Desktop")
    paint_plan(plan, writer)
    del writer  # finishes the PDF into the buffer
    buffer.close()
    return bytes(data.data())
