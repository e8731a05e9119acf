"""The plan as a Word file in the official layout (format profile in kehoach_desktop/resources/profiles/).

The words come from the same places as the text export (core/layout.py and
the header/closing helpers of text_export), so both always agree; this
module only decides how each piece looks. Every kind of paragraph gets a
named paragraph style ("KH Văn bản", "KH Mục", ...) built from the profile,
so the clerk can still adjust a whole kind at once in Word, and the writer
only sets text and style per paragraph.
"""
from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml.ns import qn
from docx.shared import Length, Mm, Pt
from docx.text.paragraph import Paragraph

from ..core.appendices import opening_lines
from ..core.codec import clean_plan
from ..core.dates import date_line
from ..core.layout import Line, body_lines, content_lines, landscape_runs
from ..core.model import Plan, Signature
from ..core.numbering import number_line
from ..core.profile import Profile, get_profile, landscape_tables_allowed
from . import ooxml
from .closing_columns import signers_columns, single_signer_columns
from .docx_tables import add_table, landscape_section, landscape_text_width
from .page_measures import BORDER_SPACE, measures, subsection_key
from .text_export import issuing_body_lines, recipient_lines, title_lines

if TYPE_CHECKING:
    from docx.document import Document as DocumentObject
    from docx.oxml.xmlchemy import BaseOxmlElement
    from docx.section import Section
    from docx.styles.style import ParagraphStyle
    from docx.table import Table, _Cell

_Q_SECTPR = qn("w:sectPr")
ALIGNMENTS = {"center": WD_ALIGN_PARAGRAPH.CENTER, "left": WD_ALIGN_PARAGRAPH.LEFT,
              "justify": WD_ALIGN_PARAGRAPH.JUSTIFY}
# The Word name of each kind of paragraph (page_measures' keys); subsection
# levels are "KH Khoản 1", "KH Khoản 2", ...
STYLE_NAMES = {
    "superior": "KH Cơ quan cấp trên", "issuing": "KH Cơ quan ban hành", "stars": "KH Dấu sao",
    "number": "KH Số ký hiệu", "org": "KH Tên tổ chức", "motto": "KH Tiêu ngữ", "place_date": "KH Địa danh ngày tháng",
    "draft": "KH Dự thảo", "doc_type": "KH Tên loại văn bản", "title": "KH Trích yếu",
    "rule": "KH Gạch dưới trích yếu", "body": "KH Văn bản", "section": "KH Mục", "item1": "KH Gạch đầu dòng",
    "item2": "KH Gạch cộng", "label": "KH Nhãn nhóm", "display": "KH Khối trình bày",
    "recipients_heading": "KH Nơi nhận", "recipient": "KH Nơi nhận - mục", "authority": "KH Thẩm quyền ký",
    "position": "KH Chức vụ người ký", "room": "KH Chỗ ký", "name": "KH Họ tên người ký",
    "page_number": "KH Số trang", "end": "KH Cuối văn bản", "appendix_label": "KH Phụ lục",
    "appendix_title": "KH Tên phụ lục", "appendix_attached": "KH Kèm theo", "table_cell": "KH Bảng",
}


@dataclass(frozen=True)
class DocxOptions:
    mirror_margins: bool = False  # two-sided printing


class _Template:
    """Everything that does not depend on the plan: page, styles, fonts,
    page numbers. Built once per profile and option set, then reused."""

    def __init__(self, profile: Profile, options: DocxOptions):
        self.profile = profile
        self.options = options
        self.layout = profile.layout
        self.doc = Document()
        self.styles: dict[str, ParagraphStyle] = {}

    def setup(self) -> None:
        page = self.layout["page"]
        section = self.doc.sections[0]
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Mm(page["width_mm"]), Mm(page["height_mm"])
        section.top_margin, section.bottom_margin = Mm(page["top_mm"]), Mm(page["bottom_mm"])
        section.left_margin, section.right_margin = Mm(page["left_mm"]), Mm(page["right_mm"])
        section.header_distance = Mm(page["header_distance_mm"])
        section.footer_distance = Mm(page["footer_distance_mm"])
        if self.options.mirror_margins:
            ooxml.mirror_margins(self.doc)
        body = self.layout["body"]
        normal = self.doc.styles["Normal"]
        normal.font.size = Pt(body["size"])
        fmt = normal.paragraph_format
        fmt.space_before, fmt.space_after = Pt(0), Pt(0)
        fmt.line_spacing = body["line_spacing"]
        fmt.widow_control = True
        self._make_styles()
        font = self.layout["font"]
        ooxml.apply_fonts_everywhere(self.doc, font["name"], font["language"])  # after our styles exist
        self._page_numbers(section)
        core = self.doc.core_properties
        core.language = font["language"]
        core.author = core.last_modified_by = "KeHoach Desktop"

    def _make_styles(self) -> None:
        """One named paragraph style per kind of paragraph, from the page measures."""
        for key, look in measures(self.profile.id).looks.items():
            name = STYLE_NAMES.get(key) or f"KH Khoản {key.removeprefix('subsection')}"
            self.styles[key] = style = self.doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
            style.base_style = self.doc.styles["Normal"]
            style.quick_style = True
            font = style.font
            font.size = Pt(look.size)
            font.bold, font.italic, font.underline = look.bold, look.italic, look.underline
            fmt = style.paragraph_format
            fmt.alignment = ALIGNMENTS[look.align]
            fmt.space_before, fmt.space_after = Pt(look.space_before), Pt(look.space_after)
            fmt.first_line_indent = Pt(look.first_indent)
            if look.left_indent or look.right_indent:
                fmt.left_indent, fmt.right_indent = Pt(look.left_indent), Pt(look.right_indent)
            fmt.keep_with_next = look.keep_next
            fmt.page_break_before = look.new_page or None
            fmt.line_spacing = look.line_spacing
            if look.border == "box":
                ooxml.paragraph_border(style, ("top", "left", "bottom", "right"), space_pt=int(BORDER_SPACE["draft"]))
            elif look.border == "bottom":
                ooxml.paragraph_border(style, ("bottom",), space_pt=int(BORDER_SPACE["rule"]))

    def _page_numbers(self, section: Section) -> None:
        """Page numbers from page 2 on, centred in the top margin."""
        section.different_first_page_header_footer = True
        paragraph = section.header.paragraphs[0]
        paragraph._p.get_or_add_pPr().style = self.styles["page_number"].style_id
        ooxml.add_page_field(paragraph)

    @property
    def text_width(self) -> Length:
        return _text_width(self.layout)

    def build(self) -> tuple[bytes, dict[str, str]]:
        self.setup()
        out = io.BytesIO()
        self.doc.save(out)
        return out.getvalue(), {key: style.style_id for key, style in self.styles.items()}


def _text_width(layout: dict) -> Length:
    page = layout["page"]
    return Mm(page["width_mm"] - page["left_mm"] - page["right_mm"])


@cache
def _template(profile_id: str, options: DocxOptions) -> tuple[bytes, dict[str, str]]:
    return _Template(get_profile(profile_id), options).build()


class _Writer:
    def __init__(self, plan: Plan, options: DocxOptions):
        # Through the text gate again: a plan stored by an older version may
        # hold characters Word's XML cannot (a control character: python-docx
        # would refuse the whole file) or should not (a bidi override).
        self.plan = plan = clean_plan(plan)
        self.profile: Profile = get_profile(plan.profile)
        self.layout = self.profile.layout
        self.measures = measures(self.profile.id)
        template, self.style_ids = _template(self.profile.id, options)
        self.doc = Document(io.BytesIO(template))
        core = self.doc.core_properties
        core.title = plan.title_one_line[:255]  # the limit of a document property; the page keeps it all
        core.subject = plan.document_type
        # The first and the last element of each run of the body on
        # landscape pages (a wide table and its headings), in order.
        self.landscape: list[tuple[BaseOxmlElement, BaseOxmlElement]] = []

    @property
    def text_width(self) -> Length:
        return _text_width(self.layout)

    # ------------------------------------------------------------------- helpers
    def add(self, container: DocumentObject | _Cell, key: str, text: str = "") -> Paragraph:
        """A paragraph of the given style at the end of the body or of a cell."""
        parent = self.doc._body._element if container is self.doc else container._element
        p = ooxml.make_paragraph(parent, self.style_ids[key], text)
        last = parent[-1] if len(parent) else None
        if last is not None and last.tag == _Q_SECTPR:
            last.addprevious(p)  # the body's section properties stay last
        else:
            parent.append(p)
        return Paragraph(p, container)

    def borderless_table(self, rows: int, widths: Sequence[Length]) -> Table:
        table = self.doc.add_table(rows=rows, cols=len(widths))
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        ooxml.no_table_borders(table)
        ooxml.fixed_layout(table)
        for column, width in zip(table.columns, widths, strict=True):
            column.width = width  # the grid a fixed layout follows
        for row in table.rows:
            ooxml.keep_row_together(row)
            for cell, width in zip(row.cells, widths, strict=True):
                cell.width = width
        return table

    @staticmethod
    def cell(table: Table, row: int, col: int) -> _Cell:
        """A table cell emptied of the paragraph python-docx puts in it."""
        cell = table.rows[row].cells[col]
        for p in cell._tc.findall(qn("w:p")):
            cell._tc.remove(p)
        return cell

    # -------------------------------------------------------------------- header
    def header(self) -> None:
        table = self.borderless_table(2, [Pt(width) for width in self.measures.header_columns])
        # Left-aligned, so that the profile's indent counts: Word and
        # LibreOffice ignore the indent of a centred table.
        table.alignment = WD_TABLE_ALIGNMENT.LEFT
        ooxml.table_indent(table, round(self.measures.header_indent * 20))  # in twips
        ooxml.no_cell_margins(table)
        left, right = self.cell(table, 0, 0), self.cell(table, 0, 1)
        if self.plan.superior_body.strip():
            self.add(left, "superior", self.plan.superior_body.strip().upper())
        for line in issuing_body_lines(self.plan):
            self.add(left, "issuing", _keep_dash_at_line_end(line))
        if self.profile.star_line:
            self.add(left, "stars", self.profile.star_line)
        self.add(right, "org", self.plan.organisation_title.strip().upper())
        if self.profile.motto:
            self.add(right, "motto", self.profile.motto)
        left, right = self.cell(table, 1, 0), self.cell(table, 1, 1)
        self.add(left, "number", number_line(self.plan.number, self.profile.number_label_colon))
        if self.plan.show_draft_mark and self.plan.status == "draft":
            self.add(left, "draft", "DỰ THẢO")
        self.add(right, "place_date", _keep_date_together(date_line(self.plan.place.strip(), self.plan.plan_date)))

    def title(self) -> None:
        doc_type, *lines = title_lines(self.plan)
        self.add(self.doc, "doc_type", doc_type)
        if lines:
            paragraph = self.add(self.doc, "title", lines[0])
            for line in lines[1:]:
                paragraph.runs[-1].add_break(WD_BREAK.LINE)
                paragraph.add_run(line)
        self.add(self.doc, "rule")

    # ---------------------------------------------------------------------- body
    def body(self) -> None:
        paragraph = self.lines(body_lines(self.plan))
        if paragraph is not None and self.plan.signatures:
            # The signature never stands alone on a page: the text's last
            # paragraph goes along with it.
            paragraph.paragraph_format.keep_with_next = True

    def appendices(self) -> None:
        """Each appendix on new pages: label, title, "(Kèm theo …)", rule, content."""
        count = len(self.plan.appendices)
        for index, appendix in enumerate(self.plan.appendices):
            lines = content_lines(self.plan, appendix.content)
            opening = [self.add(self.doc, kind, text)
                       for kind, text in opening_lines(self.plan, appendix, index, count, NBSP)][0]
            rule = self.add(self.doc, "rule")
            if any(first == 0 for first, _end in landscape_runs(lines, landscape_tables_allowed(self.profile))):
                # On the landscape page of the table the appendix begins with:
                # the rule as long as on a portrait page, centred on the wider line.
                look = self.measures.turned().looks["rule"]
                rule.paragraph_format.left_indent = Pt(look.left_indent)
                rule.paragraph_format.right_indent = Pt(look.right_indent)
            self.lines(lines, opening._p)

    def lines(self, lines: list[Line], opening: BaseOxmlElement | None = None) -> Paragraph | None:
        """The body's or an appendix's lines (``opening``: the appendix's
        first paragraph, which goes on landscape pages with a landscape
        table that starts its content); the last paragraph written."""
        paragraph = None
        runs = dict(landscape_runs(lines, landscape_tables_allowed(self.profile)))  # first line -> end
        run_ends = {end - 1: first for first, end in runs.items()}
        starts: list[BaseOxmlElement] = []  # each line's first element
        for index, line in enumerate(lines):
            if line.role == "display":
                paragraph = self.add(self.doc, "display", line.text)
            elif line.role == "item":
                paragraph = self.add(self.doc, "item1" if line.level <= 1 else "item2", f"{line.marker}\t{line.text}")
            elif line.role == "section":
                paragraph = self.heading(line, "section")
            elif line.role == "subsection":
                paragraph = self.heading(line, subsection_key(self.measures, line.level))
            elif line.role == "label":
                paragraph = self.add(self.doc, "label", line.text)
            elif line.table is not None:
                wide = index in run_ends
                width = Pt(landscape_text_width(self.measures)) if wide else self.text_width
                word = add_table(self.doc, line.table, int(width), self.measures, self.style_ids["table_cell"])
                starts.append(word._tbl)
                # A 1 pt paragraph after it: two tables in a row would be one in Word.
                paragraph = self.add(self.doc, "end")
                if wide:
                    first = run_ends[index]
                    self.landscape.append((opening if first == 0 and opening is not None else starts[first],
                                           paragraph._p))
            else:  # preamble, paragraph, numbered paragraph, closing
                paragraph = self.add(self.doc, "body", line.plain())
            if len(starts) == index:
                starts.append(paragraph._p)
            if line.keep_next:
                paragraph.paragraph_format.keep_with_next = True
            if line.end_mark_replaced is not None:
                ooxml.mark_end(paragraph._p, line.end_mark_replaced)
        return paragraph

    def heading(self, line: Line, key: str) -> Paragraph:
        paragraph = self.add(self.doc, key, f"{line.number} {line.text}")
        if line.tail:
            ooxml.append_plain_run(paragraph._p, " " + line.tail)
        return paragraph

    # ------------------------------------------------------------------- closing
    def closing(self) -> None:
        signatures = self.plan.signatures
        if not signatures and not self.plan.recipients:
            return  # nothing to sign or send: no empty table
        if len(signatures) <= 1:
            recipients_mm, signature_mm = single_signer_columns(self.plan, self.layout)
            table = self.borderless_table(1, [Mm(recipients_mm), Mm(signature_mm)])
            self.beside_signature(self.cell(table, 0, 0))
            right = self.cell(table, 0, 1)
            for part in (self.signature_parts(signatures[0]) if signatures else []):
                part(right)
            # A body cannot end with a table: Word and LibreOffice add an
            # empty paragraph of the body's size after it, which alone may
            # make a last page. This one is 1 pt high.
            self.add(self.doc, "end")
            return
        # Side by side, the lead body last (on the right); one row per part of
        # the blocks so positions and names stay level whatever wraps above.
        # The authority, position and room paragraphs keep with the next:
        # the four rows stay on one page.
        table = self.borderless_table(4, [Mm(width) for width in signers_columns(self.plan, self.layout)])
        for col, sig in enumerate(signatures):
            for row, part in enumerate(self.signature_parts(sig)):
                part(self.cell(table, row, col))
        self.under_signatures()

    def beside_signature(self, cell: _Cell) -> None:
        """What stands left of a single signature block: "Nơi nhận"."""
        self.recipients(cell)

    def under_signatures(self) -> None:
        """What comes under signatures side by side: "Nơi nhận", across the page."""
        self.recipients(self.doc)

    def recipients(self, cell: DocumentObject | _Cell) -> None:
        if not self.plan.recipients:
            self.add(cell, "recipient")
            return
        self.add(cell, "recipients_heading", "Nơi nhận:")
        for text in recipient_lines(self.plan):
            self.add(cell, "recipient", text)

    def signature_parts(self, sig: Signature) -> list[Callable[[_Cell], object]]:
        """Four writers, one per part of a signature block: authority, position,
        room for signature and seal, name."""
        gap = self.layout["closing"]["signature_gap_lines"]
        return [
            lambda cell: self.add(cell, "authority", sig.authority_line.upper()),
            lambda cell: self.add(cell, "position", sig.printed_position),
            lambda cell: [self.add(cell, "room") for _ in range(gap)],
            lambda cell: self.add(cell, "name", sig.name.strip()),
        ]

    # --------------------------------------------------------------------- build
    def build(self) -> bytes:
        self.header()
        self.title()
        self.body()
        self.closing()
        self.appendices()
        for first, last in self.landscape:
            landscape_section(self.doc, first, last, self.style_ids["end"])
        out = io.BytesIO()
        self.doc.save(out)
        return out.getvalue()


NBSP = "\u00a0"


def _keep_dash_at_line_end(text: str) -> str:
    """"KHỐI DÂN - CHÍNH" may wrap after a dash, never before one."""
    return text.replace(" - ", NBSP + "- ")


def _keep_date_together(line: str) -> str:
    """The place may wrap away from "ngày 23 tháng 12 năm 2022", the date itself never."""
    place, sep, when = line.rpartition(", ")
    return place + sep + when.replace(" ", NBSP)


def render_docx(plan: Plan, options: DocxOptions | None = None) -> bytes:
    return _Writer(plan, options or DocxOptions()).build()
