"""The plan as a Word file in the official layout (format profile in resources/profiles/).

The words come from the same places as the text export (core/layout.py and
the header/closing helpers of text_export), so both always agree; this
module only decides how each piece looks.
"""
from __future__ import annotations

import io
from dataclasses import dataclass

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.shared import Cm, Mm, Pt

from ..core.dates import date_line
from ..core.layout import Line, body_lines
from ..core.model import Plan, Signature
from ..core.numbering import number_line
from ..core.profile import Profile, get_profile
from . import ooxml
from .text_export import recipient_lines, title_lines

CENTER, LEFT, JUSTIFY = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.LEFT, WD_ALIGN_PARAGRAPH.JUSTIFY


@dataclass
class DocxOptions:
    mirror_margins: bool = False  # two-sided printing


class _Writer:
    def __init__(self, plan: Plan, options: DocxOptions):
        self.plan = plan
        self.options = options
        self.profile: Profile = get_profile(plan.profile)
        self.layout = self.profile.layout
        self.doc = Document()
        self.body_size = self.layout["body"]["size"]

    # ------------------------------------------------------------ document set-up
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
        font = self.layout["font"]
        ooxml.apply_fonts_everywhere(self.doc, font["name"], font["language"])
        normal = self.doc.styles["Normal"]
        normal.font.size = Pt(self.body_size)
        fmt = normal.paragraph_format
        body = self.layout["body"]
        fmt.space_before, fmt.space_after = Pt(0), Pt(body["space_after_pt"])
        fmt.line_spacing = body["line_spacing"]
        fmt.alignment = JUSTIFY
        fmt.widow_control = True
        self._page_numbers(section)
        core = self.doc.core_properties
        core.title = self.plan.title_one_line
        core.subject = self.plan.document_type
        core.language = font["language"]
        core.author = core.last_modified_by = "KeHoach Desktop"

    def _page_numbers(self, section) -> None:
        """Page numbers from page 2 on, centred in the top margin."""
        section.different_first_page_header_footer = True
        paragraph = section.header.paragraphs[0]
        paragraph.alignment = CENTER
        ooxml.add_page_field(paragraph)
        for run in paragraph.runs:
            run.font.size = Pt(self.layout["page_number"]["size"])

    @property
    def text_width(self):
        page = self.layout["page"]
        return Mm(page["width_mm"] - page["left_mm"] - page["right_mm"])

    # ------------------------------------------------------------------- helpers
    def para(self, container, text: str = "", *, align=LEFT, size=None, bold=False, italic=False,
             underline=False, caps=False, first_indent=None, space_after=0):
        paragraph = container.add_paragraph()
        fmt = paragraph.paragraph_format
        fmt.alignment = align
        fmt.space_after = Pt(space_after)
        fmt.first_line_indent = first_indent if first_indent is not None else Cm(0)
        if text:
            self.run(paragraph, text.upper() if caps else text, size=size, bold=bold, italic=italic,
                     underline=underline)
        return paragraph

    def run(self, paragraph, text: str, *, size=None, bold=False, italic=False, underline=False):
        run = paragraph.add_run(text)
        run.font.size = Pt(size or self.body_size)
        run.font.bold = bold
        run.font.italic = italic
        run.font.underline = underline
        return run

    def styled(self, container, text: str, spec: dict, *, align=CENTER, space_after=0):
        return self.para(container, text, align=align, size=spec.get("size"), bold=spec.get("bold", False),
                         italic=spec.get("italic", False), underline=spec.get("underline", False),
                         caps=spec.get("caps", False), space_after=space_after)

    def borderless_table(self, rows: int, widths):
        table = self.doc.add_table(rows=rows, cols=len(widths))
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        ooxml.no_table_borders(table)
        ooxml.fixed_layout(table)
        for row in table.rows:
            ooxml.keep_row_together(row)
            for cell, width in zip(row.cells, widths):
                cell.width = width
        for column, width in zip(table.columns, widths):
            column.width = width
        return table

    @staticmethod
    def cell(table, row: int, col: int):
        """A table cell emptied of the paragraph python-docx puts in it."""
        cell = table.cell(row, col)
        for paragraph in list(cell.paragraphs):
            paragraph._p.getparent().remove(paragraph._p)
        return cell

    # -------------------------------------------------------------------- header
    def header(self) -> None:
        spec = self.layout["header"]
        table = self.borderless_table(2, [Mm(spec["left_width_mm"]), Mm(spec["right_width_mm"])])
        ooxml.table_indent(table, int(spec["indent_mm"] * 1440 / 25.4))
        left, right = self.cell(table, 0, 0), self.cell(table, 0, 1)
        if self.plan.superior_body.strip():
            self.styled(left, self.plan.superior_body.strip(), spec["superior_body"])
        bodies = " - ".join(b.strip() for b in self.plan.issuing_bodies if b.strip())
        if bodies:
            self.styled(left, bodies, spec["issuing_body"])
        self.styled(left, self.profile.star_line, spec["star_line"])
        self.styled(right, self.plan.organisation_title.strip(), spec["organisation_title"])
        left, right = self.cell(table, 1, 0), self.cell(table, 1, 1)
        self.styled(left, number_line(self.plan.number, self.profile.number_label_colon), spec["number"])
        if self.plan.show_draft_mark and self.plan.status == "draft":
            self.draft_mark(left, spec)
        self.styled(right, date_line(self.plan.place.strip(), self.plan.plan_date), spec["place_date"])

    def draft_mark(self, cell, spec: dict) -> None:
        """The boxed "DỰ THẢO" under the number, centred in the left column."""
        mark = self.styled(cell, "DỰ THẢO", spec["draft_mark"])
        mark.paragraph_format.space_before = Pt(6)
        ooxml.paragraph_border(mark, ("top", "left", "bottom", "right"), space_pt=2)
        inset = Mm((spec["left_width_mm"] - spec["draft_mark"]["box_width_mm"]) / 2)
        mark.paragraph_format.left_indent = mark.paragraph_format.right_indent = inset

    def title(self) -> None:
        spec = self.layout["title"]
        doc_type, *lines = title_lines(self.plan)
        first = self.styled(self.doc, doc_type, spec["document_type"])
        first.paragraph_format.space_before = Pt(18)
        if lines:
            title = self.styled(self.doc, lines[0], spec["title"])
            for line in lines[1:]:
                title.runs[-1].add_break(WD_BREAK.LINE)
                self.run(title, line, size=spec["title"]["size"], bold=spec["title"].get("bold", False))
        rule = self.para(self.doc, space_after=12)
        inset = (self.text_width - Mm(spec["rule_width_mm"])) / 2
        rule.paragraph_format.left_indent = rule.paragraph_format.right_indent = int(inset)
        ooxml.paragraph_border(rule, ("bottom",), size_eighths=6)

    # ---------------------------------------------------------------------- body
    def body(self) -> None:
        spec = self.layout["body"]
        indent = Cm(spec["first_line_indent_cm"])
        for line in body_lines(self.plan):
            if line.role == "display":
                self.styled(self.doc, line.text, spec["display"], space_after=0)
            elif line.role == "item":
                self.item(line, indent)
            elif line.role in ("section", "subsection"):
                self.heading(line, indent)
            elif line.role == "label":
                self.para(self.doc, line.text, align=JUSTIFY, first_indent=indent,
                          bold=spec["label"]["bold"], italic=spec["label"]["italic"],
                          space_after=spec["space_after_pt"])
            else:  # preamble, paragraph, numbered paragraph, closing
                self.para(self.doc, line.plain(), align=JUSTIFY, first_indent=indent,
                          space_after=spec["space_after_pt"])

    def heading(self, line: Line, indent) -> None:
        spec = self.layout["body"]
        if line.role == "section":
            look = spec["section"]
        else:
            levels = spec["subsection_levels"]
            look = levels[min(line.level, len(levels)) - 1]
        paragraph = self.para(self.doc, align=JUSTIFY, first_indent=indent, space_after=spec["space_after_pt"])
        paragraph.paragraph_format.keep_with_next = not line.tail
        self.run(paragraph, f"{line.number} {line.text}", bold=look["bold"], italic=look["italic"])
        if line.tail:
            self.run(paragraph, " " + line.tail)

    def item(self, line: Line, indent) -> None:
        """"- item" and "+ sub-item" with a hanging indent: wrapped lines align with the text."""
        spec = self.layout["body"]
        hanging = Cm(spec["item_hanging_cm"])
        start = indent + (Cm(spec["subitem_extra_indent_cm"]) if line.level >= 2 else 0)
        paragraph = self.para(self.doc, align=JUSTIFY, space_after=spec["space_after_pt"])
        fmt = paragraph.paragraph_format
        fmt.left_indent = start + hanging
        fmt.first_line_indent = -hanging
        self.run(paragraph, f"{line.marker}\t{line.text}")

    # ------------------------------------------------------------------- closing
    def closing(self) -> None:
        signatures = self.plan.signatures
        if len(signatures) <= 1:
            recipients_width = Mm(self.layout["closing"]["recipients_width_mm"])
            table = self.borderless_table(1, [recipients_width, self.text_width - recipients_width])
            self.recipients(self.cell(table, 0, 0))
            right = self.cell(table, 0, 1)
            for part in (self.signature_parts(signatures[0]) if signatures else []):
                part(right)
            return
        # Side by side, the lead body last (on the right); one row per line of
        # the blocks so positions and names stay level whatever wraps above.
        columns = len(signatures)
        table = self.borderless_table(5, [int(self.text_width / columns)] * columns)
        for col, sig in enumerate(signatures):
            for row, part in enumerate(self.signature_parts(sig)):
                part(self.cell(table, row, col))
        for row in table.rows[:3]:
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    paragraph.paragraph_format.keep_with_next = True
        merged = table.cell(4, 0).merge(table.cell(4, columns - 1))
        for paragraph in list(merged.paragraphs):
            paragraph._p.getparent().remove(paragraph._p)
        self.recipients(merged)

    def recipients(self, cell) -> None:
        spec = self.layout["closing"]
        if not self.plan.recipients:
            self.para(cell)
            return
        heading = self.styled(cell, "Nơi nhận:", spec["recipients_heading"], align=LEFT)
        heading.paragraph_format.space_before = Pt(12)
        for text in recipient_lines(self.plan):
            self.para(cell, text, align=LEFT, size=spec["recipients"]["size"])

    def signature_parts(self, sig: Signature):
        """Four writers, one per part of a signature block: authority, position,
        room for signature and seal, name."""
        spec = self.layout["closing"]

        def authority(cell):
            self.styled(cell, sig.authority_line.upper(), spec["authority"]).paragraph_format.space_before = Pt(12)

        def position(cell):
            self.styled(cell, sig.position.strip().upper(), spec["position"])

        def room(cell):
            for _ in range(spec["signature_gap_lines"]):
                self.para(cell, align=CENTER)

        def name(cell):
            self.styled(cell, sig.name.strip(), spec["name"])

        return [authority, position, room, name]

    # --------------------------------------------------------------------- build
    def build(self) -> bytes:
        self.setup()
        self.header()
        self.title()
        self.body()
        self.closing()
        out = io.BytesIO()
        self.doc.save(out)
        return out.getvalue()


def render_docx(plan: Plan, options: DocxOptions | None = None) -> bytes:
    return _Writer(plan, options or DocxOptions()).build()
