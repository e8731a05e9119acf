"""A .docx plan's body read in order as blocks: paragraphs, and tables
kept as tables (a grid of cells with their spans and header rows), so that
the importer can make a table of "50 đơn vị" and "40 đơn vị" a table
instead of two lines it mistakes for numbered headings.

Every text is the one the line reader (source.py) gives for the same
paragraph or cell: its functions read each paragraph (Word's list labels,
line breaks, tabs, the program's "./." bookmark, text boxes) and the
lines pass the same text gate (source.clean_lines). ``flat_lines(blocks)``
is therefore the line reader's output for the same file, but for one
thing: the line reader skips a table's rows and cells that sit in content
controls (it reads only w:tr and w:tc directly under their parent), which
are read here.

What is read, and what is not:

- the body's paragraphs and tables, also inside content controls
  (``w:sdt``) and custom XML, also rows and cells wrapped in them;
- a text box (``w:txbxContent``) is read as the line reader reads it: its
  lines come before the paragraph it is anchored in (``Paragraph.boxed``);
  a table inside a text box stays lines;
- a table inside a cell is flattened into that cell's lines, as the line
  reader reads it (each inner cell followed by a blank line);
  ``Cell.nested_table`` says it happened. A plan's table of units and
  tasks never holds another table; offices nest tables only to lay out a
  header or signatures, which the importer reads as lines anyway;
- of a paragraph's look: its style, alignment (its own or its style's
  through "basedOn"), whether all its text is bold (``Paragraph.bold``)
  and its outline level (``Paragraph.outline_level``: w:outlineLvl, or a
  built-in "Heading 1" … "Heading 9" style), kept beside its lines, never
  in them; of a cell, whether its last paragraph is all bold
  (``Cell.last_bold``: a signature's name);
- page headers and footers, footnotes and comments are not read (they are
  not in the body, or carry no plan text); of the section breaks only the
  orientation of the pages a table is on (``Table.landscape``: a wide
  table on landscape pages of its own, as our Word writer and other
  offices make it).

Merged cells: ``w:gridSpan`` and the old ``w:hMerge`` across,
``w:vMerge`` (restart/continue) down, resolved into a rectangular grid:
the first position of a merged cell holds it with its ``row_span`` and
``col_span``; every other position it covers holds a Cell whose
``merged_into`` is the first position. Text in a cell merged away (only
hand-made files have it; Word moves it into the first cell) is added to
the first cell's lines, so that no word is lost.

A damaged or hostile file raises UserError naming the file, as the line
reader does; the nesting depth (source.MAX_DEPTH), a table's columns
(MAX_COLUMNS) and the cells of all tables (MAX_CELLS) are bounded before
anything large is built.
"""
from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from xml.etree import ElementTree

from ...core.errors import UserError
from . import source
from .source import W, clean_lines
from .word_numbering import ListLabels

MAX_COLUMNS = 63  # Word's own limit on a table's columns
MAX_CELLS = 100_000  # grid positions of all tables of a file; a plan's tables hold a few hundred
_WRAPPERS = (W + "sdt", W + "sdtContent", W + "customXml")  # content controls and custom XML around blocks


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of the body."""

    lines: tuple[str, ...]  # its text as the line reader gives it: cleaned, split at line breaks
    style: str = ""  # the paragraph style's id (w:pStyle), "" for the default
    label: str = ""  # the list label Word draws ("I.", "1.", "a)", "-"); already at the start of lines[0]
    align: str = ""  # w:jc of the paragraph itself ("center", "both", "right", "left"...), "" when from its style
    centred: bool = False  # centred by itself or by its style (the title under the document type is)
    boxed: tuple[str, ...] = ()  # the lines of text boxes anchored in it, read before it (each box ends with "")
    removed: int = 0  # control characters the text gate removed
    bold: bool = False  # every run with text bold (its own w:b, its character style, the paragraph's style)
    outline_level: int | None = None  # Word's outline level: 0 for "Heading 1" or w:outlineLvl 0; None for body text

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


@dataclass(frozen=True)
class Cell:
    """One position of a table's grid."""

    lines: tuple[str, ...] = ()  # the cell's lines as the line reader gives them (without the blank line after it)
    row_span: int = 1
    col_span: int = 1
    merged_into: tuple[int, int] | None = None  # a position covered by a merged cell: that cell's (row, column)
    missing: bool = False  # no cell in the file here (w:gridBefore/w:gridAfter, or a row shorter than the table)
    align: str = ""  # w:jc of the cell's first paragraph with text, "" when from its style
    valign: str = ""  # w:vAlign: "top", "center", "bottom", "" when not set
    nested_table: bool = False  # a table inside this cell, flattened into its lines
    removed: int = 0  # control characters the text gate removed
    last_bold: bool = False  # its last paragraph with text all in bold (a signature's name is)

    @property
    def text(self) -> str:
        """The cell's lines as one text, without blank lines at either end
        (an empty cell holds one empty paragraph)."""
        return "\n".join(self.lines).strip("\n")


@dataclass(frozen=True)
class Table:
    """A table of the body, as a rectangular grid."""

    rows: tuple[tuple[Cell, ...], ...]  # every row has len(widths) cells
    header: tuple[bool, ...]  # per row: marked as a header row repeated on each page (w:tblHeader)
    widths: tuple[int | None, ...]  # per column: w:gridCol in twips (1/1440 inch), None when not given
    lines: tuple[str, ...]  # the table as the line reader gives it: cells in its reading order, each then ""
    landscape: bool = False  # in a section of landscape pages

    @property
    def header_rows(self) -> int:
        """The header rows Word repeats: those marked, from the first row on."""
        count = 0
        while count < len(self.header) and self.header[count]:
            count += 1
        return count

    @property
    def columns(self) -> int:
        return len(self.widths)

    def cell(self, row: int, column: int) -> Cell:
        """The cell shown at a position: the merged cell that covers it."""
        cell = self.rows[row][column]
        if cell.merged_into is not None:
            return self.rows[cell.merged_into[0]][cell.merged_into[1]]
        return cell


Block = Paragraph | Table


def read_blocks(document: Path | str | bytes, label: str = "") -> list[Block]:
    """The body of a .docx file (a path, or the file's bytes) as blocks in
    document order. ``label`` names the file in messages (default: the
    path's name). Raises UserError when the file cannot be read."""
    if isinstance(document, bytes):
        data = document
    else:
        path = Path(document)
        label = label or path.name
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise UserError(f"không đọc được tệp ({exc.strerror})", file=label) from None
    body, labels = _open(data, label)
    reader = _Reader(labels, label)
    reader.walk(body)
    reader.end_section(body.find(W + "sectPr"))  # the body's own: the last section's
    return reader.blocks


def flat_lines(blocks: list[Block]) -> list[str]:
    """The lines the line reader (source.read_source) gives for the same
    file (see the module's docstring for the one difference): text boxes
    before their paragraph, a table's cells in its reading order, each
    followed by a blank line."""
    out: list[str] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            out += [*block.boxed, *block.lines]
        else:
            out += block.lines
    return out


def _open(data: bytes, label: str) -> tuple[ElementTree.Element, _LabelsSeen]:
    """The body element and Word's list labels, opened as the line reader
    opens a file (source.docx_body: part sizes, damage, nesting depth)."""
    if not data.startswith(b"PK"):
        raise UserError("không phải tệp Word (.docx) hợp lệ", file=label)
    return source.docx_body(io.BytesIO(data), label, _LabelsSeen)


class _LabelsSeen(ListLabels):
    """Word's list labels, remembering the one each paragraph was given
    (source._paragraph asks once per paragraph, and the count moves on)."""

    def __init__(self, numbering_xml: bytes | None, styles_xml: bytes | None):
        super().__init__(numbering_xml, styles_xml)
        self.given: dict[int, str] = {}
        self.styles = _Styles(styles_xml)  # read here, where the styles part is opened

    def label(self, paragraph: ElementTree.Element) -> str:
        text = super().label(paragraph)
        self.given[id(paragraph)] = text
        return text


MAX_STYLE_DEPTH = 10  # a style's "basedOn" chain; Word's own are two or three deep
_OFF = ("0", "false", "off")  # an on/off property switched off (<w:b w:val="0"/>)
_HEADING_NAME = re.compile(r"^heading ([1-9])$")  # Word's built-in names, English in every language's file


@dataclass(frozen=True)
class _Style:
    align: str  # its own w:jc
    bold: bool | None  # its own w:b: None when not set
    outline: int | None  # its own w:outlineLvl (0 for a top heading), None when not set
    heading: int | None  # the level its built-in name gives ("heading 1": 0)
    based_on: str


class _Styles:
    """What the styles part says of each style, inherited through
    "basedOn"; a damaged or missing styles part says nothing."""

    def __init__(self, styles_xml: bytes | None):
        self.own: dict[str, _Style] = {}
        self.default_paragraph = ""  # the style of a paragraph naming none ("Normal")
        try:
            root = ElementTree.fromstring(styles_xml) if styles_xml else None
        except ElementTree.ParseError:
            root = None
        for style in root.findall(W + "style") if root is not None else ():
            style_id = style.get(W + "styleId")
            if not style_id:
                continue
            p_pr, name = style.find(W + "pPr"), _HEADING_NAME.match(_val(style, W + "name").casefold())
            self.own[style_id] = _Style(_val(p_pr, W + "jc"), _switch(style.find(W + "rPr"), "b"),
                                        _outline(p_pr), int(name.group(1)) - 1 if name else None,
                                        _val(style, W + "basedOn"))
            if style.get(W + "type") == "paragraph" and style.get(W + "default") in ("1", "true", "on"):
                self.default_paragraph = style_id

    def _chain(self, style_id: str) -> Iterator[_Style]:
        """The style, then the styles it is based on (a loop or a chain too
        long, as only a damaged file has, is cut)."""
        for _ in range(MAX_STYLE_DEPTH):
            style = self.own.get(style_id)
            if style is None:
                return
            yield style
            style_id = style.based_on

    def align(self, style_id: str) -> str:
        return next((style.align for style in self._chain(style_id) if style.align), "")

    def bold(self, style_id: str) -> bool:
        return next((style.bold for style in self._chain(style_id) if style.bold is not None), False)

    def outline_level(self, style_id: str) -> int | None:
        """The style's outline level: its own w:outlineLvl or the nearest
        in its chain, else a built-in heading's ("heading 2": 1)."""
        for style in self._chain(style_id):
            if style.outline is not None:
                return style.outline if style.outline < 9 else None  # 9 is Word's "body text"
            if style.heading is not None:
                return style.heading
        return None


def _switch(r_pr: ElementTree.Element | None, name: str) -> bool | None:
    """An on/off run property (w:b): None when not set."""
    found = r_pr.find(W + name) if r_pr is not None else None
    return None if found is None else found.get(W + "val", "true").strip().casefold() not in _OFF


def _outline(p_pr: ElementTree.Element | None) -> int | None:
    """A w:outlineLvl as written (0 to 9), None when not set or unreadable."""
    text = _val(p_pr, W + "outlineLvl").strip()
    return int(text) if len(text) == 1 and text.isdigit() else None


# Where a paragraph's runs are not its own text (source._paragraph skips
# the same): deleted and moved-away text, text boxes, the copy for old
# readers, and the paragraph mark's own properties.
_NOT_TEXT = (W + "del", W + "moveFrom", W + "txbxContent", source.MC_FALLBACK, W + "pPr")


def _runs(element: ElementTree.Element) -> Iterator[ElementTree.Element]:
    """The paragraph's runs that show its text."""
    for child in element:
        if child.tag == W + "r":
            yield child
        elif child.tag not in _NOT_TEXT:
            yield from _runs(child)


def _all_bold(paragraph: ElementTree.Element, style_id: str, styles: _Styles) -> bool:
    """Every run with text bold: by its own w:b, else by its character
    style and the paragraph's style (each toggles bold, as Word reads w:b
    of both, so a bold character style in a bold paragraph style is not
    bold), each through its "basedOn" chain. A paragraph without text is
    not bold."""
    paragraph_bold = styles.bold(style_id)
    seen = False
    for run in _runs(paragraph):
        if not any((t.text or "").strip() for t in run.iter(W + "t")):
            continue  # a space, a tab, a field's instruction: no letter to see bold or not
        seen = True
        r_pr = run.find(W + "rPr")
        own = _switch(r_pr, "b")
        if own is None:
            own = paragraph_bold != styles.bold(_val(r_pr, W + "rStyle"))
        if not own:
            return False
    return seen


def _gated(raw: list[str]) -> tuple[tuple[str, ...], int]:
    """The line reader's raw pieces through its text gate, and the count of
    characters removed."""
    lines, removed = clean_lines([line for text in raw for line in text.split("\n")])
    return tuple(lines), sum(count for _line, count, _start in removed)


def _val(element: ElementTree.Element | None, path: str) -> str:
    found = element.find(path) if element is not None else None
    return found.get(W + "val", "") if found is not None else ""


def _number(text: str, digits: int = 4) -> int:
    """A count or a width as Word reads it: up to that many digits, else 0
    (a damaged file's text, or a number too big to mean anything)."""
    text = text.strip()
    return int(text) if text.isascii() and text.isdigit() and len(text) <= digits else 0


def _count(text: str) -> int:
    """A span: a small positive number, else 1."""
    return _number(text) or 1


@dataclass
class _RawCell:
    element: ElementTree.Element
    column: int
    span: int
    vmerge: str  # "" (none), "restart", "continue"
    lines: tuple[str, ...] = ()
    removed: int = 0
    last_bold: bool = False


class _Reader:
    def __init__(self, labels: _LabelsSeen, label: str):
        self.labels = labels
        self.label = label
        self.blocks: list[Block] = []
        self.cells = 0  # grid positions so far, against MAX_CELLS
        self.tables = 0
        self.in_section: list[int] = []  # the blocks that are tables of the section being read

    def end_section(self, sect_pr: ElementTree.Element | None) -> None:
        """A section ends (Word keeps its properties in its last paragraph):
        its tables are on landscape pages when its page is wider than high."""
        size = sect_pr.find(W + "pgSz") if sect_pr is not None else None
        if size is not None and (size.get(W + "orient") == "landscape"
                                 or _number(size.get(W + "w", ""), 6) > _number(size.get(W + "h", ""), 6) > 0):
            for index in self.in_section:
                table = self.blocks[index]
                if isinstance(table, Table):
                    self.blocks[index] = replace(table, landscape=True)
        self.in_section = []

    def walk(self, element: ElementTree.Element) -> None:
        """The blocks under element, in order; the same elements as
        source._walk reads."""
        for child in element:
            if child.tag == W + "p":
                self.blocks.append(self.paragraph(child))
                p_pr = child.find(W + "pPr")
                if p_pr is not None and p_pr.find(W + "sectPr") is not None:
                    self.end_section(p_pr.find(W + "sectPr"))
            elif child.tag == W + "tbl":
                self.in_section.append(len(self.blocks))
                self.blocks.append(self.table(child))
            elif child.tag in (*_WRAPPERS, W + "tc"):
                self.walk(child)

    def paragraph(self, element: ElementTree.Element) -> Paragraph:
        out: list[str] = []
        source._paragraph(element, out, self.labels)
        own, removed = _gated(out[-1:])
        boxed, boxed_removed = _gated(out[:-1])
        p_pr = element.find(W + "pPr")
        style, align = _val(p_pr, W + "pStyle"), _val(p_pr, W + "jc")
        styles = self.labels.styles
        used = style or styles.default_paragraph  # for emphasis and level: a paragraph naming no style has "Normal"
        level = _outline(p_pr)
        level = styles.outline_level(used) if level is None else level if level < 9 else None
        return Paragraph(lines=own, style=style, label=self.labels.given.get(id(element), ""), align=align,
                         centred=(align or styles.align(style)) == "center",
                         boxed=boxed, removed=removed + boxed_removed,
                         bold=_all_bold(element, used, styles), outline_level=level)

    def table(self, element: ElementTree.Element) -> Table:
        self.tables += 1
        rows = list(_unwrapped(element, W + "tr"))
        raw_rows: list[list[_RawCell]] = []
        header: list[bool] = []
        widths_used: list[int] = []
        for row in rows:
            tr_pr = row.find(W + "trPr")
            column = _number(_val(tr_pr, W + "gridBefore"))
            cells: list[_RawCell] = []
            for tc in _unwrapped(row, W + "tc"):
                tc_pr = tc.find(W + "tcPr")
                span = _count(_val(tc_pr, W + "gridSpan"))
                h_merge = tc_pr.find(W + "hMerge") if tc_pr is not None else None
                widened = next((cell for cell in reversed(cells) if cell.column >= 0), None)
                if h_merge is not None and h_merge.get(W + "val", "continue") != "restart" and widened:
                    widened.span += span  # the old way of merging across: this cell widens the one before
                    cells.append(_RawCell(tc, -1, 0, ""))  # read for its text, holds no position
                    column += span
                    continue
                v_merge = tc_pr.find(W + "vMerge") if tc_pr is not None else None
                vmerge = "" if v_merge is None else \
                    "restart" if v_merge.get(W + "val", "continue") == "restart" else "continue"
                cells.append(_RawCell(tc, column, span, vmerge))
                column += span
                if column > MAX_COLUMNS:
                    break
            column += _number(_val(tr_pr, W + "gridAfter"))
            if column > MAX_COLUMNS:
                raise UserError(f"bảng thứ {self.tables} có hơn {MAX_COLUMNS} cột, không phải bảng của một kế hoạch "
                                "(tệp bị hỏng?); chưa nhập gì", file=self.label, where="word/document.xml")
            raw_rows.append(cells)
            header.append(tr_pr is not None and tr_pr.find(W + "tblHeader") is not None
                          and _val(tr_pr, W + "tblHeader") not in ("0", "false", "off"))
            widths_used.append(column)
        columns = max(widths_used, default=0)
        self.cells += len(rows) * columns
        if self.cells > MAX_CELLS:
            most = f"{MAX_CELLS:,}".replace(",", ".")  # the Vietnamese thousands separator
            raise UserError(f"các bảng có hơn {most} ô, quá lớn cho một kế hoạch (tệp bị hỏng?); chưa nhập gì",
                            file=self.label, where="word/document.xml")
        lines = self.read_cells(element, raw_rows)
        grid = _grid(raw_rows, columns)
        grid_widths = [_number(col.get(W + "w", ""), 5) or None
                       for col in element.findall(f"{W}tblGrid/{W}gridCol")][:columns]
        widths = tuple(grid_widths + [None] * (columns - len(grid_widths)))
        return Table(rows=tuple(tuple(row) for row in grid), header=tuple(header), widths=widths, lines=lines)

    def read_cells(self, table: ElementTree.Element, raw_rows: list[list[_RawCell]]) -> tuple[str, ...]:
        """Each cell's lines, read in the line reader's order (its list
        labels count in that order); the table's lines as it gives them."""
        by_element = {id(cell.element): cell for row in raw_rows for cell in row}
        shape = ElementTree.Element(W + "tbl")  # the rows and cells as source._cells_in_reading_order expects
        for row in raw_rows:
            ElementTree.SubElement(shape, W + "tr").extend(cell.element for cell in row)
        lines: list[str] = []
        for element in source._cells_in_reading_order(shape):
            out: list[str] = []
            source._walk(element, out, self.labels)
            cell = by_element[id(element)]
            cell.lines, cell.removed = _gated(out)
            last = next((p for p in reversed(list(element.iter(W + "p")))
                         if any((t.text or "").strip() for t in p.iter(W + "t"))), None)
            if last is not None:
                p_pr = last.find(W + "pPr")
                cell.last_bold = _all_bold(last, _val(p_pr, W + "pStyle") or self.labels.styles.default_paragraph,
                                           self.labels.styles)
            lines += [*cell.lines, ""]
        return tuple(lines)


def _unwrapped(element: ElementTree.Element, tag: str) -> Iterator[ElementTree.Element]:
    """The children of that tag, also those inside content controls and
    custom XML (a row or a cell can sit in one)."""
    for child in element:
        if child.tag == tag:
            yield child
        elif child.tag in _WRAPPERS:
            yield from _unwrapped(child, tag)


def _first_align(element: ElementTree.Element) -> str:
    """The alignment of the cell's first paragraph with text."""
    for paragraph in element.iter(W + "p"):
        if any((t.text or "").strip() for t in paragraph.iter(W + "t")):
            return _val(paragraph.find(W + "pPr"), W + "jc")
    return ""


def _grid(raw_rows: list[list[_RawCell]], columns: int) -> list[list[Cell]]:
    """The rectangular grid, merges resolved. ``origin[r][c]`` is the
    position of the cell shown at (r, c)."""
    origin: list[list[tuple[int, int] | None]] = [[None] * columns for _ in raw_rows]
    spans: dict[tuple[int, int], list[int]] = {}  # first position -> [row span, column span]
    texts: dict[tuple[int, int], list[_RawCell]] = {}
    for r, raw_row in enumerate(raw_rows):
        last = (r, 0)
        for cell in raw_row:
            if cell.column < 0:  # merged across the old way: its text goes to the cell it widened
                texts[last].append(cell)
                continue
            width = min(cell.span, columns - cell.column)
            above = origin[r - 1][cell.column] if r > 0 and cell.column < columns else None
            if cell.vmerge == "continue" and above is not None and above[1] == cell.column \
                    and spans[above][1] == width and above[0] + spans[above][0] == r:
                spans[above][0] += 1
                texts[above].append(cell)
                first = above
            else:
                first = (r, cell.column)
                spans[first] = [1, width]
                texts[first] = [cell]
            for c in range(cell.column, cell.column + width):
                origin[r][c] = first
            last = first
    grid: list[list[Cell]] = []
    for r, row_origin in enumerate(origin):
        row: list[Cell] = []
        for c, shown in enumerate(row_origin):
            if shown is None:
                row.append(Cell(missing=True))
            elif shown != (r, c):
                row.append(Cell(merged_into=shown))
            else:
                parts = texts[shown]
                lines = list(parts[0].lines)
                for extra in parts[1:]:  # text in a cell merged away, kept after the first cell's
                    if any(line.strip() for line in extra.lines):
                        lines += extra.lines
                element = parts[0].element
                tc_pr = element.find(W + "tcPr")
                row.append(Cell(lines=tuple(lines), row_span=spans[shown][0], col_span=spans[shown][1],
                                align=_first_align(element), valign=_val(tc_pr, W + "vAlign"),
                                nested_table=any(True for part in parts for _ in part.element.iter(W + "tbl")),
                                removed=sum(part.removed for part in parts),
                                last_bold=next((part.last_bold for part in reversed(parts)
                                                if any(line.strip() for line in part.lines)), False)))
        grid.append(row)
    return grid
