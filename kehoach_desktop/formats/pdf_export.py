"""Drawing a plan on A4 pages with Qt: the PDF export, the print preview,
the live preview and the printer all go through paint_page(), so they are
the same pages.

The pages are the Word file's: the same words (core/layout.py and the
header/closing helpers of text_export), the same measurements
(page_measures: looks, line heights, table columns) and the same page
breaks (page_flow: widows and orphans, keep with next, rows that never
split). Qt breaks each paragraph into lines (QTextLayout, with the font's
unhinted widths, as LibreOffice measures them); page_flow decides where
pages end. Qt is imported inside the functions: the rest of formats/ stays
usable without PySide6.
"""
from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from ..core.appendices import opening_lines
from ..core.dates import date_line
from ..core.layout import Line, body_lines, content_lines, landscape_runs
from ..core.model import Plan, Signature
from ..core.numbering import number_line
from ..core.profile import get_profile, landscape_tables_allowed
from ..core.tables import HeaderCell, Table, body_cells, column_widths, normalised, rows_kept_together, total_cells
from ..none_refs import guard_none_refcount
from .closing_columns import signers_columns, single_signer_columns
from .page_flow import EPSILON, Block, Piece, TableRun, paginate
from .page_measures import BORDER_WIDTH, CELL_MARGIN, POINTS_PER_MM, Look, Measures, measures, subsection_key
from .text_export import issuing_body_lines, recipient_lines, title_lines

if TYPE_CHECKING:
    from PySide6.QtCore import QCoreApplication, QLineF, QPointF, QRectF
    from PySide6.QtGui import QFont, QPagedPaintDevice, QPageLayout, QPainter, QTextLayout, QTextLine

    # Something drawn on a page and where: a laid-out line of text, the rule
    # under the title or the draft mark's box (in layout units, relative to
    # the text area's corner).
    PageItem = tuple[QTextLine | QLineF | QRectF, QPointF]

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


def page_layout(landscape: bool = False) -> QPageLayout:
    """A4 in full-page mode, portrait or landscape (a wide table's pages):
    paint_page() applies the margins itself."""
    from PySide6.QtCore import QMarginsF
    from PySide6.QtGui import QPageLayout, QPageSize

    orientation = QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
    layout = QPageLayout(QPageSize(QPageSize.PageSizeId.A4), orientation,
                         QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
    layout.setMode(QPageLayout.Mode.FullPageMode)
    return layout


LAYOUT_DPI = 1440.0  # twips: LibreOffice's unit, where every font size in points is a whole number of units


def layout_dpi() -> float:
    """The resolution lines are laid out at. Fonts are sized in these units
    (Qt rounds a font's size to whole units: at a screen's 96 dpi, 14 pt
    would be 19 px instead of 18.67, and every line 1.8 % too wide).
    Painting scales these units to the device."""
    return LAYOUT_DPI


@dataclass
class _Paragraph:
    """A paragraph broken into lines in its column: Qt's layout (which owns
    the lines), its marker ("-" of an item), its look."""

    look: Look
    layout: QTextLayout
    marker: QTextLayout | None
    x: float  # the column's left edge, in points from the text area's
    width: float  # the column's width, in points

    @property
    def lines(self) -> int:
        return self.layout.lineCount()

    @property
    def height(self) -> float:
        return self.look.space_before + self.inner_height + self.look.space_after

    @property
    def inner_height(self) -> float:
        return self.lines * self.look.line_height + self.look.border_height


@dataclass
class _Row:
    """A table row: its cells' paragraphs, side by side."""

    cells: list[list[_Paragraph]]
    keep_next: bool = False

    @property
    def height(self) -> float:
        return max((sum(p.height for p in cell) for cell in self.cells), default=0.0)

    def line_tops(self) -> list[list[tuple[_Paragraph, int, float]]]:
        """Each cell's lines: paragraph, line number, top from the row's top."""
        cells = []
        for cell in self.cells:
            lines, y = [], 0.0
            for paragraph in cell:
                top = y + paragraph.look.space_before + paragraph.look.border_inset
                lines += [(paragraph, i, top + i * paragraph.look.line_height) for i in range(paragraph.lines)]
                y += paragraph.height
            cells.append(lines)
        return cells

    def bands(self) -> list[float]:
        """The row cut into slices a page may end between: at the lines of
        its tallest cell (for a row taller than a page, which is split)."""
        tallest = max(self.line_tops(), key=lambda lines: lines[-1][2] if lines else 0.0)
        cuts = [top for _, _, top in tallest[1:]]
        edges = [0.0, *cuts, self.height]
        return [b - a for a, b in zip(edges, edges[1:], strict=False)]


@dataclass
class _TableRow:
    """A row of a table of the plan: its cells (column's left edge, width,
    paragraphs, centred vertically or not) and the column edges its
    borders run along; the first row also carries the table's top border."""

    cells: list[tuple[float, float, list[_Paragraph], bool]]
    edges: list[float]  # x of every vertical border, the table's left and right edges included
    top_border: bool
    keep_next: bool = False
    # Cells merged down over the rows below (their index in ``cells``): drawn
    # from this row's top, left out of its height (the rows they cover share it).
    tall: set[int] = field(default_factory=set)
    extra: float = 0.0  # added to the text's height: the last row under a merged cell too tall for its rows
    open_below: list[tuple[float, float]] = field(default_factory=list)  # no border under these spans (x0, x1)

    @property
    def content(self) -> float:
        return self.extra + max((sum(p.height for p in cell[2]) for index, cell in enumerate(self.cells)
                                 if index not in self.tall), default=0.0)

    @property
    def text_top(self) -> float:
        return BORDER_WIDTH if self.top_border else 0.0

    @property
    def height(self) -> float:
        """The text, the border under it and, for the first row, the one above
        (as LibreOffice lays out our Word tables: single borders of 0.75 pt)."""
        return self.text_top + self.content + BORDER_WIDTH


@dataclass
class PlanPages:
    """A plan laid out on pages: what each page draws, and the Qt layouts
    that own the lines (alive as long as this is)."""

    pages: list[list[PageItem]]
    text: str  # the words, paragraph by paragraph (one per line)
    starts: list[tuple[str, int, float]]  # each paragraph's text, page and top (layout units)
    layouts: list[QTextLayout] = field(default_factory=list, repr=False)
    landscape: list[bool] = field(default_factory=list)  # per page: turned a quarter turn (a wide table's)

    def is_landscape(self, page: int) -> bool:
        return 0 <= page < len(self.landscape) and self.landscape[page]

    def find(self, starts_with: str) -> tuple[int, float] | None:
        """The page and the top (layout units, from the text area's top) of
        the first paragraph that starts with this text."""
        return next(((page, top) for text, page, top in self.starts if text.startswith(starts_with)), None)


class _Builder:
    """The plan as paragraphs and table rows in page order, each paragraph
    broken into lines by Qt."""

    def __init__(self, plan: Plan):
        from PySide6 import QtGui

        self.Qt = QtGui
        self.plan = plan
        self.profile = get_profile(plan.profile)
        self.measures: Measures = measures(self.profile.id)
        self.page = self.measures  # the page being filled: portrait, or turned for a landscape run
        self.family = self.profile.layout["font"]["name"]
        self.units = layout_dpi() / PT_PER_INCH  # layout units per point
        self.flow: list[_Paragraph | _Row | _TableRow] = []
        self.table_runs: list[TableRun] = []
        # The runs of the flow on landscape pages (first, end), as the Word
        # file's landscape sections.
        self.landscape: list[tuple[int, int]] = []

    # ---- lines
    def font(self, look: Look) -> QFont:
        font = self.Qt.QFont()
        # Times New Roman where it is installed (Windows); elsewhere the
        # fonts with its widths (docs/word-export.md names them).
        font.setFamilies([self.family, "Liberation Serif", "Tinos"])
        font.setPixelSize(round(look.size * self.units))
        font.setBold(look.bold)
        font.setItalic(look.italic)
        font.setUnderline(look.underline)
        font.setHintingPreference(self.Qt.QFont.HintingPreference.PreferNoHinting)
        font.setKerning(False)  # Word files carry no kerning, and LibreOffice adds none to them
        return font

    def text_layout(self, text: str, look: Look, width: float, first_indent: float,
                    plain_from: int | None = None) -> QTextLayout:
        """Qt's layout of a paragraph, broken into lines of ``width`` points
        (the first one ``first_indent`` narrower), each line placed at its
        offset from the paragraph's text box (layout units)."""
        from PySide6.QtCore import QPointF, Qt

        if plain_from is not None:
            head = _unbroken_links(text[:plain_from])
            text, plain_from = head + _unbroken_links(text[plain_from:]), len(head)
        else:
            text = _unbroken_links(text)
        layout = self.Qt.QTextLayout(text, self.font(look))
        option = self.Qt.QTextOption({"center": Qt.AlignmentFlag.AlignHCenter, "left": Qt.AlignmentFlag.AlignLeft,
                                      "right": Qt.AlignmentFlag.AlignRight,
                                      "justify": Qt.AlignmentFlag.AlignJustify}[look.align])
        option.setWrapMode(self.Qt.QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        option.setUseDesignMetrics(True)
        layout.setTextOption(option)
        if plain_from is not None:  # a heading's tail, in the body's weight
            tail = self.Qt.QTextLayout.FormatRange()
            tail.start, tail.length = plain_from, len(text) - plain_from
            tail.format = self.Qt.QTextCharFormat()
            tail.format.setFontWeight(self.Qt.QFont.Weight.Normal)
            tail.format.setFontItalic(False)
            layout.setFormats([tail])
        layout.beginLayout()
        y = 0.0
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            indent = first_indent if y == 0 else 0.0
            line.setLineWidth(max(width - indent, 1.0) * self.units)
            line.setPosition(QPointF(indent * self.units, y))
            y += look.line_height * self.units
        layout.endLayout()
        return layout

    def paragraph(self, key: str, text: str, x: float = 0.0, width: float | None = None, *,
                  plain_from: int | None = None, keep_next: bool | None = None) -> _Paragraph:
        look = self.page.looks[key]
        if keep_next is not None and keep_next != look.keep_next:
            look = _with(look, keep_next=keep_next)
        width = self.page.text_width if width is None else width
        inner = width - look.left_indent - look.right_indent - 2 * look.border_inset
        marker = None
        if key.startswith("item") and "\t" in text:
            # The marker at the first line's indent, the text from the
            # hanging indent on, as Word's tab to the hanging indent puts it.
            sign, text = text.split("\t", 1)
            marker = self.text_layout(sign, _with(look, align="left"), inner, 0.0)
            layout = self.text_layout(text, look, inner, 0.0)
        else:
            layout = self.text_layout(text, look, inner, look.first_indent, plain_from)
        return _Paragraph(look, layout, marker, x, width)

    # ---- the plan
    def body_paragraph(self, key: str, text: str, **kwargs: Any) -> None:
        self.flow.append(self.paragraph(key, text, **kwargs))

    def header(self) -> None:
        m = self.measures
        left_width, right_width = m.header_columns
        x_left, x_right = m.header_indent, m.header_indent + left_width
        left = []
        if self.plan.superior_body.strip():
            left.append(self.paragraph("superior", self.plan.superior_body.strip().upper(), x_left, left_width))
        for line in issuing_body_lines(self.plan):
            left.append(self.paragraph("issuing", line.replace(" - ", NBSP + "- "), x_left, left_width))
        if self.profile.star_line:
            left.append(self.paragraph("stars", self.profile.star_line, x_left, left_width))
        right = [self.paragraph("org", self.plan.organisation_title.strip().upper(), x_right, right_width)]
        if self.profile.motto:
            right.append(self.paragraph("motto", self.profile.motto, x_right, right_width))
        self.flow.append(_Row([left, right]))
        number = [self.paragraph("number", number_line(self.plan.number, self.profile.number_label_colon),
                                 x_left, left_width)]
        if self.plan.show_draft_mark and self.plan.status == "draft":
            number.append(self.paragraph("draft", "DỰ THẢO", x_left, left_width))
        place, sep, when = date_line(self.plan.place.strip(), self.plan.plan_date).rpartition(", ")
        self.flow.append(_Row([number, [self.paragraph("place_date", place + sep + when.replace(" ", NBSP),
                                                       x_right, right_width)]]))

    def title(self) -> None:
        doc_type, *lines = title_lines(self.plan)
        self.body_paragraph("doc_type", doc_type)
        if lines:
            self.body_paragraph("title", "\u2028".join(lines))
        self.body_paragraph("rule", "")

    def body(self) -> None:
        start = len(self.flow)
        self.lines(body_lines(self.plan))
        last = self.flow[-1]
        if self.plan.signatures and len(self.flow) > start and isinstance(last, _Paragraph):
            last.look = _with(last.look, keep_next=True)  # the signature never stands alone (as in the Word file)

    def appendices(self) -> None:
        """Each appendix on new pages: label, title, "(Kèm theo …)", rule, content."""
        count = len(self.plan.appendices)
        for index, appendix in enumerate(self.plan.appendices):
            lines = content_lines(self.plan, appendix.content)
            opening = len(self.flow)
            if any(first == 0 for first, _end in self.landscape_runs(lines)):
                self.page = self.measures.turned()  # on the landscape pages of the table it begins with
            for kind, text in opening_lines(self.plan, appendix, index, count, NBSP):
                self.body_paragraph(kind, text)
            self.body_paragraph("rule", "")
            self.lines(lines, opening)

    def landscape_runs(self, lines: list[Line]) -> list[tuple[int, int]]:
        return landscape_runs(lines, landscape_tables_allowed(self.profile))

    def lines(self, lines: list[Line], opening: int | None = None) -> None:
        """The body's or an appendix's lines, as paragraphs (``opening``: where
        the appendix's opening lines begin in the flow: they go on landscape
        pages with a landscape table that starts its content)."""
        runs = self.landscape_runs(lines)
        run_ends = {end - 1: first for first, end in runs}
        starts: list[int] = []  # each line's first item in the flow
        for index, line in enumerate(lines):
            starts.append(len(self.flow))
            wide = any(first <= index < end for first, end in runs)
            self.page = self.measures.turned() if wide else self.measures
            keep = True if line.keep_next else None
            if line.role == "display":
                self.body_paragraph("display", line.text, keep_next=keep)
            elif line.role == "item":
                self.body_paragraph("item1" if line.level <= 1 else "item2", f"{line.marker}\t{line.text}",
                                    keep_next=keep)
            elif line.role in ("section", "subsection"):
                key = "section" if line.role == "section" else subsection_key(self.measures, line.level)
                heading = f"{line.number} {line.text}"
                text = heading + (" " + line.tail if line.tail else "")
                self.body_paragraph(key, text, plain_from=len(heading) if line.tail else None, keep_next=keep)
            elif line.role == "label":
                self.body_paragraph("label", line.text, keep_next=keep)
            elif line.table is not None:
                self.table(line.table, self.page)
                if index in run_ends:
                    first = run_ends[index]
                    # The Word file's landscape section ends with a 1 pt paragraph of its own.
                    self.body_paragraph("end", "")
                    self.landscape.append((opening if first == 0 and opening is not None else starts[first],
                                           len(self.flow)))
            else:
                self.body_paragraph("body", line.plain(), keep_next=keep)
        self.page = self.measures

    def table(self, table: Table, page: Measures) -> None:
        """A table's rows across the text width of ``page`` (portrait or
        landscape), bordered, header rows repeated on each page it runs on
        (page_flow), then the 1 pt paragraph the Word file puts after it."""
        table = normalised(table)
        widths = [twips / 20 for twips in column_widths(table, round(page.text_width * 20))]
        edges = [sum(widths[:i]) for i in range(len(widths) + 1)]
        look = self.measures.looks["table_cell"]

        def cell(text: str, first: int, span: int, align: str, bold: bool) -> tuple[float, float, list[_Paragraph], bool]:
            x, width = edges[first], edges[first + span] - edges[first]
            cell_look = _with(look, align=align, bold=bold)
            paragraphs = [self.paragraph_with(cell_look, line, x + CELL_MARGIN, width - 2 * CELL_MARGIN)
                          for line in (text.split("\n") if text else [""])]
            return x, width, paragraphs, bold

        def spanned(row: list[HeaderCell], bold: bool, aligns: list[str] | None) -> _TableRow:
            cells, col = [], 0
            for header in row:
                span = max(header.span, 1)
                cells.append(cell(header.text, col, span, aligns[col] if aligns else "center", bold))
                col += span
            used = [0.0, *(edges[min(c, len(edges) - 1)] for c in _span_ends(row)), edges[-1]]
            return _TableRow(cells, sorted(set(used)), top_border=len(self.flow) == first_row)

        first_row = len(self.flow)
        for header in table.header_rows:
            self.flow.append(spanned(header, True, None))
        kept = rows_kept_together(table)
        body: list[_TableRow] = []
        merged: dict[int, list[_Paragraph]] = {}  # a merge's index -> the paragraphs of its cell
        for index in range(len(table.rows)):
            row: list[tuple[float, float, list[_Paragraph], bool]] = []
            tall: set[int] = set()
            inner: set[int] = set()  # column edges inside a merge across: no border there
            for col, span, text, down in body_cells(table, index):
                # A cell merged from above is the Word file's empty paragraph in the table's look.
                made = cell(text, col, span, table.columns[col].align, False)
                if down > 1:
                    tall.add(len(row))
                    merged[next(i for i, m in enumerate(table.merges) if (m.row, m.column) == (index, col))] = made[2]
                row.append(made)
                inner |= set(range(col + 1, col + span))
            below = [(edges[m.column], edges[m.column + m.columns]) for m in table.merges
                     if m.row <= index < m.row + m.rows - 1]
            body.append(_TableRow(row, [x for i, x in enumerate(edges) if i not in inner],
                                  top_border=len(self.flow) + len(body) == first_row, keep_next=index in kept,
                                  tall=tall, open_below=below))
        for number, paragraphs in merged.items():  # a merged cell taller than its rows makes the last of them taller
            merge = table.merges[number]
            rows = body[merge.row:merge.row + merge.rows]
            room = sum(r.height for r in rows) - rows[0].text_top - BORDER_WIDTH
            rows[-1].extra += max(0.0, sum(p.height for p in paragraphs) - room)
        self.flow.extend(body)
        if table.total_row:
            totals = total_cells(table)
            aligns = ["center"] + [column.align for column in table.columns[1:]]
            self.flow.append(spanned(totals, True, aligns))
        if table.header_rows and len(self.flow) > first_row + len(table.header_rows):
            self.table_runs.append(TableRun(first_row, len(self.flow), len(table.header_rows)))
        self.body_paragraph("end", "")

    def paragraph_with(self, look: Look, text: str, x: float, width: float) -> _Paragraph:
        layout = self.text_layout(text, look, width, look.first_indent)
        return _Paragraph(look, layout, None, x, width)

    def closing(self) -> None:
        signatures = self.plan.signatures
        if not signatures and not self.plan.recipients:
            return
        m = self.measures
        if len(signatures) <= 1:
            recipients_mm, signature_mm = single_signer_columns(self.plan, self.profile.layout)
            recipients_width, signature_width = recipients_mm * POINTS_PER_MM, signature_mm * POINTS_PER_MM
            left = self.recipients(CELL_MARGIN, recipients_width - 2 * CELL_MARGIN) or [
                self.paragraph("recipient", "", CELL_MARGIN, recipients_width - 2 * CELL_MARGIN)]
            x = recipients_width + CELL_MARGIN
            right = [p for part in (self.signature(signatures[0], x, signature_width - 2 * CELL_MARGIN)
                                    if signatures else []) for p in part]
            self.flow.append(_Row([left, right]))
            self.body_paragraph("end", "")
            return
        widths = [mm * POINTS_PER_MM for mm in signers_columns(self.plan, self.profile.layout)]
        lefts = [sum(widths[:col]) for col in range(len(widths))]
        parts = [self.signature(sig, left + CELL_MARGIN, width - 2 * CELL_MARGIN)
                 for sig, left, width in zip(signatures, lefts, widths, strict=True)]
        for row in range(4):
            self.flow.append(_Row([part[row] for part in parts], keep_next=row < 3))
        recipients = self.recipients(0.0, m.text_width)
        self.flow.extend(recipients or [self.paragraph("recipient", "")])

    def recipients(self, x: float, width: float) -> list[_Paragraph]:
        if not self.plan.recipients:
            return []
        return ([self.paragraph("recipients_heading", "Nơi nhận:", x, width)]
                + [self.paragraph("recipient", text, x, width) for text in recipient_lines(self.plan)])

    def signature(self, sig: Signature, x: float, width: float) -> list[list[_Paragraph]]:
        """The four parts of a signature block: authority, position, room for
        the signature and seal, name."""
        gap = self.profile.layout["closing"]["signature_gap_lines"]
        return [[self.paragraph("authority", sig.authority_line.upper(), x, width)],
                [self.paragraph("position", sig.printed_position, x, width)],
                [self.paragraph("room", "", x, width) for _ in range(gap)],
                [self.paragraph("name", sig.name.strip(), x, width)]]

    def build(self) -> list[_Paragraph | _Row | _TableRow]:
        self.header()
        self.title()
        self.body()
        self.closing()
        self.appendices()
        if self.landscape and self.landscape[-1][1] == len(self.flow):
            # The document ends on landscape pages: the Word file's last
            # section is the landscape one, with no paragraph closing it.
            self.flow.pop()
            first, _end = self.landscape.pop()
            self.landscape.append((first, len(self.flow)))
        return self.flow

    def sections(self) -> list[tuple[int, int, bool]]:
        """The flow cut as the Word file's sections: (first, end, landscape)."""
        cuts, edge = [], 0
        for first, end in self.landscape:
            cuts += [(edge, first, False), (first, end, True)]
            edge = end
        cuts.append((edge, len(self.flow), False))
        return [cut for cut in cuts if cut[0] < cut[1]]


_LINK = re.compile(r"\S*(?:://|www\.)\S*")
ZERO_WIDTH_JOINER = "\u200d"


def _unbroken_links(text: str) -> str:
    """A web address as one word, as LibreOffice breaks it: on a line of its
    own when it does not fit, cut only where that line is full. Qt would
    break it after a "/" as soon as it runs over the line. A zero-width
    joiner forbids the break and, unlike the word joiner, is in Liberation
    Serif (no fallback font in the PDF) and not in the PDF's text."""
    return _LINK.sub(lambda m: m.group().replace("/", "/" + ZERO_WIDTH_JOINER), text)


def _with(look: Look, **changes: Any) -> Look:
    return replace(look, **changes)


def _ruled(left: float, right: float, gaps: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """The stretches of a border from ``left`` to ``right`` outside the gaps."""
    stretches, x = [], left
    for x0, x1 in sorted(gaps):
        if x0 > x:
            stretches.append((x, x0))
        x = max(x, x1)
    if x < right:
        stretches.append((x, right))
    return stretches


def _span_ends(row: list[HeaderCell]) -> list[int]:
    """The column after each cell of a row of spanned cells."""
    ends, col = [], 0
    for header in row:
        col += max(header.span, 1)
        ends.append(col)
    return ends


def _block(item: _Paragraph | _Row | _TableRow, page_height: float) -> Block:
    if isinstance(item, _TableRow):
        return Block([item.height], keep_next=item.keep_next, splittable=False)
    if isinstance(item, _Row):
        if item.height > page_height:
            # Taller than a page: LibreOffice moves the "can't split" row
            # to a page of its own, then splits it there at any line.
            return Block(item.bands(), keep_next=item.keep_next, splittable=False, keep=1)
        return Block([item.height], keep_next=item.keep_next, splittable=False)
    look = item.look
    heights = [look.line_height] * item.lines
    heights[-1] += look.border_height
    # LibreOffice never splits a paragraph that keeps with the next one: it
    # moves whole (a long heading, the text's last paragraph above the signature).
    return Block(heights, look.space_before, look.space_after, look.keep_next, splittable=not look.keep_next,
                 new_page=look.new_page)


def lay_out(plan: Plan) -> PlanPages:
    """The plan on pages, ready to paint."""
    from PySide6.QtCore import QLineF, QPointF, QRectF

    ensure_gui_application()
    builder = _Builder(plan)
    flow = builder.build()
    m = measures(get_profile(plan.profile).id)
    units = layout_dpi() / PT_PER_INCH
    pieces: list[list[Piece]] = []
    landscape: list[bool] = []
    for first, last, wide in builder.sections():  # each section begins a page, as in Word
        height = (m.turned() if wide else m).text_height
        runs = [replace(run, first=run.first - first, end=run.end - first)
                for run in builder.table_runs if first <= run.first < last]
        for section_page in paginate([_block(item, height) for item in flow[first:last]], height, runs):
            pieces.append([replace(piece, block=piece.block + first) for piece in section_page])
            landscape.append(wide)
    heights = [(m.turned() if wide else m).text_height for wide in landscape]
    pages: list[list[PageItem]] = [[] for _ in pieces]
    starts: list[tuple[str, int, float]] = []
    layouts: list[QTextLayout] = []

    def put(page: int, paragraph: _Paragraph, first: int, end: int, top: float) -> None:
        """Lines first..end-1 of a paragraph on a page, the first one's box at ``top`` points."""
        look = paragraph.look
        inset = look.border_inset
        origin = QPointF((paragraph.x + look.left_indent + inset) * units, (top + inset - first * look.line_height) * units)
        for index in range(first, end):
            pages[page].append((paragraph.layout.lineAt(index), origin))
        if paragraph.marker is not None and first == 0:
            x = paragraph.x + look.left_indent + look.first_indent
            pages[page].append((paragraph.marker.lineAt(0), QPointF(x * units, top * units)))
        if first == 0:
            starts.append((paragraph.layout.text(), page, top * units))
        if look.border == "bottom":
            y = (top + look.line_height + look.rule_offset) * units
            pages[page].append((QLineF(0, y, (paragraph.width - look.left_indent - look.right_indent) * units, y),
                                QPointF((paragraph.x + look.left_indent) * units, 0)))
        elif look.border == "box":
            width = paragraph.width - look.left_indent - look.right_indent
            pages[page].append((QRectF(0, 0, width * units, paragraph.inner_height * units),
                                QPointF((paragraph.x + look.left_indent) * units, top * units)))

    def put_row(page: int, row: _TableRow, top: float) -> None:
        """A table row (or a header row repeated) with its borders, its top at ``top`` points."""
        for _x, _width, paragraphs, centred in row.cells:
            height = sum(p.height for p in paragraphs)
            y = top + row.text_top + ((row.content - height) / 2 if centred else 0.0)
            for paragraph in paragraphs:
                put(page, paragraph, 0, paragraph.lines, y + paragraph.look.space_before)
                y += paragraph.height
        left, right, bottom = row.edges[0] * units, row.edges[-1] * units, (top + row.height) * units
        if row.top_border:
            y = (top + BORDER_WIDTH / 2) * units
            pages[page].append((QLineF(left, y, right, y), QPointF(0, 0)))
        y = (top + row.height - BORDER_WIDTH / 2) * units
        for x0, x1 in _ruled(row.edges[0], row.edges[-1], row.open_below):
            pages[page].append((QLineF(x0 * units, y, x1 * units, y), QPointF(0, 0)))
        for x in row.edges:
            pages[page].append((QLineF(x * units, top * units, x * units, bottom), QPointF(0, 0)))

    for page, page_pieces in enumerate(pieces):
        for piece in page_pieces:
            item = flow[piece.block]
            if isinstance(item, _Paragraph):
                put(page, item, piece.first, piece.end, piece.top)
                continue
            if isinstance(item, _TableRow):
                put_row(page, item, piece.top)
                continue
            if piece.first == 0 and piece.end == len(_block(item, heights[page]).heights):
                for cell in item.cells:  # the whole row
                    y = piece.top
                    for paragraph in cell:
                        put(page, paragraph, 0, paragraph.lines, y + paragraph.look.space_before)
                        y += paragraph.height
                continue
            bands = item.bands()  # a slice of a row taller than a page: the lines that start in it
            start, end = sum(bands[:piece.first]), sum(bands[:piece.end])
            for lines in item.line_tops():
                for paragraph, index, top in lines:
                    if start - EPSILON <= top < end - EPSILON:
                        put(page, paragraph, index, index + 1, piece.top + top - start - paragraph.look.border_inset)
    for item in flow:
        if isinstance(item, _Paragraph):
            paragraphs = [item]
        elif isinstance(item, _TableRow):
            paragraphs = [p for _x, _w, cell, _c in item.cells for p in cell]
        else:
            paragraphs = [p for cell in item.cells for p in cell]
        for paragraph in paragraphs:
            layouts += [paragraph.layout] + ([paragraph.marker] if paragraph.marker is not None else [])
    text = "\n".join(layout.text() for layout in layouts)
    text = text.replace("\u2028", "\n").replace(NBSP, " ").replace(ZERO_WIDTH_JOINER, "")
    while len(pages) > 1 and not pages[-1]:
        pages.pop()
        landscape.pop()
    return PlanPages(pages, text, starts, layouts, landscape[:len(pages)])


def draw_page(painter: QPainter, items: list[PageItem]) -> None:
    """Draw one page's lines and rules (from lay_out) at the painter's origin."""
    from PySide6.QtCore import QLineF, QRectF
    from PySide6.QtGui import QPen

    painter.save()
    pen = QPen(painter.pen())
    pen.setWidthF(BORDER_WIDTH * layout_dpi() / PT_PER_INCH)  # a Word border of size 6
    painter.setPen(pen)
    for item, origin in items:
        if isinstance(item, QLineF):
            painter.drawLine(item.translated(origin))
        elif isinstance(item, QRectF):
            painter.drawRect(item.translated(origin))
        else:
            item.draw(painter, origin)
    painter.restore()


def paint_plan(plan: Plan, device: QPagedPaintDevice, turn_on_sheet: bool = False) -> int:
    """Paint every page on a QPagedPaintDevice (QPdfWriter or QPrinter) whose
    page layout is page_layout(); returns the number of pages.

    A landscape page (a wide table's) is a landscape page of the device, as
    in the Word file; with ``turn_on_sheet`` it is drawn turned a quarter on
    a portrait sheet instead, as it comes out of the printer: for Qt's print
    preview, which shows every page in the shape of the first."""
    from PySide6.QtGui import QPageLayout, QPainter

    laid_out = lay_out(plan)  # owns the lines: alive until the painting ends
    scale = device.logicalDpiX() / layout_dpi()

    def orient(landscape: bool) -> None:
        """The device's pages from the next one on (only when it changes:
        a page size the clerk chose in the print dialog stays)."""
        wanted = QPageLayout.Orientation.Landscape if landscape and not turn_on_sheet else QPageLayout.Orientation.Portrait
        if device.pageLayout().orientation() != wanted:
            device.setPageOrientation(wanted)

    orient(laid_out.is_landscape(0))
    painter = QPainter(device)
    try:
        for index, items in enumerate(laid_out.pages):
            landscape = laid_out.is_landscape(index)
            if index:
                orient(landscape)
                device.newPage()
            painter.save()
            if landscape and turn_on_sheet:
                # The landscape page's top (the binding side) along the sheet's left edge.
                sheet_height = device.pageLayout().fullRectPoints().height() * device.logicalDpiY() / PT_PER_INCH
                painter.translate(0, sheet_height)
                painter.rotate(-90)
            paint_page(plan, painter, index, items, scale, landscape)
            painter.restore()
    finally:
        painter.end()
    return len(laid_out.pages)


def paint_page(plan: Plan, painter: QPainter, index: int, items: list[PageItem], scale: float,
               landscape: bool = False) -> None:
    """One A4 page on a painter whose origin is the paper's corner and whose
    units are ``scale`` times the layout's: text area, then the page number
    (from page 2 on, centred in the top margin). A landscape page has the
    margins of the Word file's landscape section."""
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QFont

    m = measures(get_profile(plan.profile).id)
    if landscape:
        m = m.turned()
    units = layout_dpi() / PT_PER_INCH
    painter.save()
    painter.scale(scale, scale)  # everything below is in layout_dpi() units
    if index:
        # Centred over the text area, as the Word file's header paragraph.
        # The font's size in layout pixels, so that it scales with the page
        # (a size in points would follow the device's resolution instead).
        number_font = QFont()
        number_font.setFamilies([get_profile(plan.profile).layout["font"]["name"], "Liberation Serif", "Tinos"])
        number_font.setPixelSize(round(m.looks["page_number"].size * units))
        painter.setFont(number_font)
        box = QRectF(m.left * units, m.header_distance * units, m.text_width * units, 30 * units)
        painter.drawText(box, int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop), str(index + 1))
    painter.translate(m.left * units, m.top * units)
    draw_page(painter, items)
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
