"""A plan's table (core/tables.py) as a real Word table.

- Single borders all round and inside (``BORDER_WIDTH``, the width our
  painter draws every rule with), Word's default cell margins written out
  (5.4 pt left and right, none above and below), so that Word and
  LibreOffice read the same numbers.
- Fixed layout, centred, as wide as the text: each column's share of the
  width is its weight (core.tables.column_widths, in whole twips).
- The header rows are repeated at the top of each page (``w:tblHeader``),
  bold, centred horizontally and vertically; their paragraphs keep with the
  next, so they never stand alone at the foot of a page. No row splits
  across pages (``w:cantSplit``).
- A cell's lines ("\\n") are paragraphs of their own, aligned as the column
  says; the total row (core.tables.total_cells) is bold, its label centred.
- Text: the look "table_cell" of page_measures when the profile has one,
  else ``CELL_LOOK`` (13 pt, single spacing, no space around paragraphs).
  With a paragraph style (``style_id``, the Word writer's style of that
  look), paragraphs name it and carry only what differs from it; without
  one, the look is written on each paragraph.

Wide tables on landscape pages: ``landscape_section`` (see its docstring).
"""
from __future__ import annotations

import copy
from typing import TYPE_CHECKING

from docx.document import Document as DocumentObject
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu, Twips

from ..core.tables import Table, body_cells, column_widths, normalised, rows_kept_together, total_cells
from . import ooxml
from .page_measures import BORDER_WIDTH, Look, Measures

if TYPE_CHECKING:
    from docx.oxml.xmlchemy import BaseOxmlElement
    from docx.table import Table as WordTable
    from docx.table import _Cell

CELL_LOOK = Look(size=13, align="left", line_spacing=1.0)
CELL_MARGIN_TWIPS = 108  # Word's default left and right cell margin (0.19 cm = 5.4 pt)
BORDER_EIGHTHS = round(BORDER_WIDTH * 8)  # a border's "w:sz": eighths of a point
EMU_PER_TWIP = 635

_AFTER_TBL_BORDERS = ("w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption", "w:tblDescription")
_AFTER_TBL_CELL_MAR = ("w:tblLook", "w:tblCaption", "w:tblDescription")
_AFTER_TBL_HEADER = ("w:tblCellSpacing", "w:jc", "w:hidden", "w:ins", "w:del", "w:trPrChange")
_JC = {"left": "left", "center": "center", "right": "right", "justify": "both"}
_Q = {tag: qn(tag) for tag in ("w:p", "w:pPr", "w:pStyle", "w:keepNext", "w:spacing", "w:ind", "w:jc", "w:r",
                               "w:rPr", "w:b", "w:bCs", "w:i", "w:u", "w:sz", "w:szCs", "w:t", "w:val")}
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def cell_look(profile_measures: Measures) -> Look:
    """How a table's text looks in this profile."""
    return profile_measures.looks.get("table_cell", CELL_LOOK)


def add_table(container: DocumentObject | _Cell, table: Table, width_emu: int, profile_measures: Measures,
              style_id: str | None = None) -> WordTable:
    """The table at the end of the document's body (or of a cell), ``width_emu`` wide."""
    table = normalised(table)
    look = cell_look(profile_measures)
    count = len(table.columns)
    headers, totals = len(table.header_rows), 1 if table.total_row else 0
    widths = column_widths(table, round(width_emu / EMU_PER_TWIP))
    rows = headers + len(table.rows) + totals
    if isinstance(container, DocumentObject):
        word = container._body.add_table(rows, count, Emu(width_emu))  # before the body's w:sectPr
    else:
        word = container.add_table(rows, count)  # with the paragraph a cell must end with
    word.alignment = WD_TABLE_ALIGNMENT.CENTER
    word.autofit = False
    ooxml.fixed_layout(word)
    _table_width(word, sum(widths))
    _borders(word)
    _cell_margins(word)
    for column, twips in zip(word.columns, widths, strict=True):
        column.width = Twips(twips)  # the grid a fixed layout follows
    for row in word.rows:
        ooxml.keep_row_together(row)
    writer = _CellWriter(look, style_id)
    for index, cells in enumerate(table.header_rows):
        row = word.rows[index]
        _repeat_as_header(row._tr)
        col = 0
        for header_cell in cells:
            cell = _span(word, index, col, header_cell.span, widths)
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
            writer.fill(cell._tc, header_cell.text, "center", bold=True, keep_next=True)
            col += header_cell.span
    kept = rows_kept_together(table)  # a merge running down stays on one page: Word keeps such rows together
    for body_row in range(len(table.rows)):
        index = headers + body_row
        for col, span, text, down in body_cells(table, body_row):
            if down:  # a merge's first row holds it; the rows below are covered by it
                writer.fill(_span(word, index, col, span, widths, down)._tc, text, table.columns[col].align,
                            keep_next=body_row in kept)
    for index, tr in enumerate(word._tbl.tr_lst[headers:headers + len(table.rows)]):
        for tc in tr.tc_lst:
            v_merge = tc.tcPr.find(qn("w:vMerge")) if tc.tcPr is not None else None
            if v_merge is not None and v_merge.get(_Q["w:val"]) != "restart":
                # A cell merged from above holds the paragraph a cell must,
                # in the table's look (the document's default would make its
                # row taller), kept with the next row as its row is.
                for p in tc.findall(_Q["w:p"]):
                    tc.remove(p)
                writer.fill(tc, "", "left", keep_next=index in kept)
    if table.total_row:
        index, col = headers + len(table.rows), 0
        for total in total_cells(table):
            cell = _span(word, index, col, total.span, widths)
            align = "center" if col == 0 and not table.columns[0].numeric else table.columns[col].align
            writer.fill(cell._tc, total.text, align, bold=True)
            col += total.span
    return word


def _span(word: WordTable, row: int, col: int, span: int, widths: list[int], down: int = 1) -> _Cell:
    """The cell at ``row``, ``col`` merged across ``span`` columns and
    ``down`` rows, emptied, its width set."""
    cell = word.cell(row, col)
    if span > 1 or down > 1:
        cell = cell.merge(word.cell(row + down - 1, col + span - 1))
    cell.width = Twips(sum(widths[col:col + span]))
    for p in cell._tc.findall(_Q["w:p"]):
        cell._tc.remove(p)
    return cell


class _CellWriter:
    """A cell's paragraphs, one per line of its text."""

    def __init__(self, look: Look, style_id: str | None):
        self.look = look
        self.style_id = style_id

    def fill(self, tc: BaseOxmlElement, text: str, align: str, *, bold: bool = False, keep_next: bool = False) -> None:
        """The cell's (``w:tc``'s) paragraphs, one per line."""
        for line in text.split("\n"):
            tc.append(self.paragraph(tc, line, align, bold, keep_next))

    def paragraph(self, factory: BaseOxmlElement, text: str, align: str, bold: bool,
                  keep_next: bool) -> BaseOxmlElement:
        look, styled = self.look, self.style_id is not None
        p = factory.makeelement(_Q["w:p"], {})
        ppr = p.makeelement(_Q["w:pPr"], {})
        p.append(ppr)
        if styled:
            ppr.append(ppr.makeelement(_Q["w:pStyle"], {_Q["w:val"]: self.style_id}))
        if keep_next:
            ppr.append(ppr.makeelement(_Q["w:keepNext"], {}))
        if not styled:
            ppr.append(ppr.makeelement(_Q["w:spacing"], {
                qn("w:before"): str(round(look.space_before * 20)), qn("w:after"): str(round(look.space_after * 20)),
                qn("w:line"): str(round(look.line_spacing * 240)), qn("w:lineRule"): "auto"}))
            ppr.append(ppr.makeelement(_Q["w:ind"], {qn("w:left"): "0", qn("w:right"): "0",
                                                     qn("w:firstLine"): "0"}))
        if not styled or align != look.align:
            ppr.append(ppr.makeelement(_Q["w:jc"], {_Q["w:val"]: _JC[align]}))
        run = p.makeelement(_Q["w:r"], {})
        rpr = run.makeelement(_Q["w:rPr"], {})
        if bold or (not styled and look.bold):
            rpr.append(rpr.makeelement(_Q["w:b"], {}))
            rpr.append(rpr.makeelement(_Q["w:bCs"], {}))
        if not styled:
            if look.italic:
                rpr.append(rpr.makeelement(_Q["w:i"], {}))
            if look.underline:
                rpr.append(rpr.makeelement(_Q["w:u"], {_Q["w:val"]: "single"}))
            half_points = str(round(look.size * 2))
            rpr.append(rpr.makeelement(_Q["w:sz"], {_Q["w:val"]: half_points}))
            rpr.append(rpr.makeelement(_Q["w:szCs"], {_Q["w:val"]: half_points}))
        if len(rpr):
            run.append(rpr)
        if text:
            t = run.makeelement(_Q["w:t"], {_XML_SPACE: "preserve"} if text != text.strip() else {})
            t.text = text
            run.append(t)
        p.append(run)
        return p


def _table_width(word: WordTable, twips: int) -> None:
    tbl_w = word._tbl.tblPr.find(qn("w:tblW"))
    if tbl_w is None:
        tbl_w = OxmlElement("w:tblW")
        word._tbl.tblPr.insert_element_before(tbl_w, "w:jc", "w:tblCellSpacing", "w:tblInd", "w:tblBorders",
                                              *_AFTER_TBL_BORDERS)
    tbl_w.set(qn("w:w"), str(twips))
    tbl_w.set(qn("w:type"), "dxa")


def _borders(word: WordTable) -> None:
    """Single lines all round and between every row and column."""
    tbl_pr = word._tbl.tblPr
    old = tbl_pr.find(qn("w:tblBorders"))
    if old is not None:
        tbl_pr.remove(old)
    borders = OxmlElement("w:tblBorders")
    tbl_pr.insert_element_before(borders, *_AFTER_TBL_BORDERS)
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        for name, value in (("val", "single"), ("sz", str(BORDER_EIGHTHS)), ("space", "0"), ("color", "auto")):
            element.set(qn(f"w:{name}"), value)
        borders.append(element)


def _cell_margins(word: WordTable) -> None:
    """Word's default cell margins, written out so every reader uses the same."""
    tbl_pr = word._tbl.tblPr
    margins = OxmlElement("w:tblCellMar")
    tbl_pr.insert_element_before(margins, *_AFTER_TBL_CELL_MAR)
    for side, twips in (("top", 0), ("left", CELL_MARGIN_TWIPS), ("bottom", 0), ("right", CELL_MARGIN_TWIPS)):
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:w"), str(twips))
        edge.set(qn("w:type"), "dxa")
        margins.append(edge)


def _repeat_as_header(tr: BaseOxmlElement) -> None:
    """The row is repeated at the top of each page the table continues on."""
    tr_pr = tr.get_or_add_trPr()
    if tr_pr.find(qn("w:tblHeader")) is None:
        tr_pr.insert_element_before(OxmlElement("w:tblHeader"), *_AFTER_TBL_HEADER)


# ---------------------------------------------------------------- landscape


def landscape_text_width(profile_measures: Measures) -> float:
    """The text width of a landscape page (points)."""
    return profile_measures.turned().text_width


def landscape_section(document: DocumentObject, first: BaseOxmlElement, last: BaseOxmlElement,
                      style_id: str | None = None) -> None:
    """Puts the body's elements ``first``..``last`` (a wide table and what
    goes with it) on landscape pages of their own.

    Word keeps a section's properties in the last paragraph of the section
    (the body's own w:sectPr is the last section's). So: the paragraph
    before ``first`` ends the portrait section above (a copy of the body's
    properties, with the first page's own header: page 1 has no number); an
    empty paragraph after ``last`` ends the landscape section (width and
    height, margins turned a quarter turn: the left margin, the binding
    side, goes to the top); the body's properties then hold the portrait
    pages after, numbered on every page. Page numbers run on across the
    sections (no restart). When ``last`` ends the document, the body's own
    properties become the landscape ones instead.

    ``first`` is best the heading above the table (it goes on the
    landscape page with it) and must follow a paragraph; the table itself is
    written ``landscape_text_width`` wide. The empty paragraph closing the
    landscape section takes ``style_id`` (the "end" look's style makes it
    1 pt high, so it never makes a page of its own).
    """
    body = document.element.body
    final = body.find(qn("w:sectPr"))
    before = first.getprevious()
    if before is None or before.tag != _Q["w:p"]:
        raise ValueError("a landscape section must follow a paragraph")
    portrait = copy.deepcopy(final)
    before.get_or_add_pPr().insert_element_before(portrait, "w:pPrChange")  # w:sectPr is next to last in w:pPr
    if last.getnext() is final:
        # The document ends here: its last section is the landscape one (an
        # empty portrait section after it would be a blank page).
        _turned(final)
        _no_first_page(final)
        return
    landscape = copy.deepcopy(final)
    _no_first_page(landscape)
    _turned(landscape)
    closing = OxmlElement("w:p")
    closing.append(OxmlElement("w:pPr"))
    if style_id is not None:
        closing[0].append(closing.makeelement(_Q["w:pStyle"], {_Q["w:val"]: style_id}))
    closing[0].append(landscape)
    last.addnext(closing)
    _no_first_page(final)


def _turned(sect_pr: BaseOxmlElement) -> None:
    """Section properties turned a quarter turn: width and height swapped,
    the left margin (the binding side) at the top."""
    size, margins = sect_pr.find(qn("w:pgSz")), sect_pr.find(qn("w:pgMar"))
    width, height = size.get(qn("w:w")), size.get(qn("w:h"))
    size.set(qn("w:w"), height)
    size.set(qn("w:h"), width)
    size.set(qn("w:orient"), "landscape")
    top, right, bottom, left = (margins.get(qn(f"w:{side}")) for side in ("top", "right", "bottom", "left"))
    for side, value in (("top", left), ("right", top), ("bottom", right), ("left", bottom)):
        margins.set(qn(f"w:{side}"), value)


def _no_first_page(sect_pr: BaseOxmlElement) -> None:
    """A section whose first page has the same header as the others (the page number)."""
    title_pg = sect_pr.find(qn("w:titlePg"))
    if title_pg is not None:
        sect_pr.remove(title_pg)
