"""The measurements of a plan's pages, decided once from the format profile:
each kind of paragraph's look (size, weight, alignment, indents, spacing,
what it keeps with), the line height, the columns of the header and of the
closing. The Word writer (docx_export) turns them into paragraph styles and
tables, our painter (pdf_export) lays lines out with them, so the two break
lines and pages alike. Lengths are in points.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache
from typing import Any

from ..core.profile import get_profile

POINTS_PER_MM = 72 / 25.4
POINTS_PER_CM = 72 / 2.54
# Times New Roman's line height (ascent, descent and line gap: 2355 units of
# 2048), which Liberation Serif shares; Word and LibreOffice space lines by it.
LINE_HEIGHT_EM = 2355 / 2048
TWIP = 1 / 20  # LibreOffice lays out in twentieths of a point
CELL_MARGIN = 5.4  # a Word table cell's default left and right margin (0.19 cm)
BORDER_WIDTH = 0.75  # a paragraph border: Word's "sz" 6, in eighths of a point
BORDER_SPACE = {"rule": 1.0, "draft": 2.0}  # gap between the text and the border


@dataclass(frozen=True)
class Look:
    """One kind of paragraph."""

    size: float
    bold: bool = False
    italic: bool = False
    underline: bool = False
    align: str = "center"  # "center", "left" or "justify"
    first_indent: float = 0.0  # negative: a hanging indent
    left_indent: float = 0.0
    right_indent: float = 0.0
    space_before: float = 0.0
    space_after: float = 0.0
    keep_next: bool = False  # on the same page as the next paragraph
    line_spacing: float = 1.0  # proportional, as Word's "multiple"
    border: str = ""  # "", "bottom" (the rule under the title) or "box" (the draft mark)
    new_page: bool = False  # starts a page (an appendix)

    @property
    def line_height(self) -> float:
        """A line's height as LibreOffice lays it out: the font's height in
        whole twips, times the spacing, the fraction dropped."""
        font = round(self.size * LINE_HEIGHT_EM / TWIP)
        return int(font * self.line_spacing + 1e-9) * TWIP

    @property
    def border_inset(self) -> float:
        """How far a box's border keeps the text from the paragraph's edges."""
        return BORDER_SPACE["draft"] + BORDER_WIDTH if self.border == "box" else 0.0

    @property
    def rule_offset(self) -> float:
        """From the bottom of the text to the middle of a bottom border."""
        return BORDER_SPACE["rule"] + BORDER_WIDTH / 2

    @property
    def border_height(self) -> float:
        """What the paragraph's borders add to its height."""
        space = BORDER_SPACE["draft" if self.border == "box" else "rule"]
        return {"": 0.0, "bottom": space + BORDER_WIDTH, "box": 2 * (space + BORDER_WIDTH)}[self.border]


@dataclass(frozen=True)
class Measures:
    """Every measurement of a profile's pages."""

    page_width: float
    page_height: float
    top: float
    bottom: float
    left: float
    right: float
    header_distance: float
    looks: dict[str, Look]
    header_columns: tuple[float, float]
    header_indent: float  # the header table's shift from the left margin (negative: into it)
    draft_box_width: float
    rule_width: float
    recipients_width: float

    @property
    def text_width(self) -> float:
        return self.page_width - self.left - self.right

    @property
    def text_height(self) -> float:
        return self.page_height - self.top - self.bottom

    def turned(self) -> Measures:
        """A landscape page of this profile, as the Word file's landscape
        section has it: the page a quarter turn round, so the left margin
        (the binding side) is at the top. Its text width is the portrait
        text height."""
        turned = replace(self, page_width=self.page_height, page_height=self.page_width,
                         top=self.left, right=self.top, bottom=self.right, left=self.bottom)
        # The rule under an appendix's title stays as long, centred on the wider line.
        inset = (turned.text_width - self.rule_width) / 2
        rule = replace(self.looks["rule"], left_indent=inset, right_indent=inset)
        return replace(turned, looks={**self.looks, "rule": rule})


def _look(spec: dict, body_size: float, spacing: float, **fields: Any) -> Look:
    return Look(size=spec.get("size", body_size), bold=bool(spec.get("bold")), italic=bool(spec.get("italic")),
                underline=bool(spec.get("underline")), line_spacing=spacing, **fields)


@cache
def measures(profile_id: str) -> Measures:
    layout = get_profile(profile_id).layout
    page, head, title, body, closing = (layout[k] for k in ("page", "header", "title", "body", "closing"))
    size, spacing, after = body["size"], body["line_spacing"], body["space_after_pt"]
    indent = body["first_line_indent_cm"] * POINTS_PER_CM
    hanging = body["item_hanging_cm"] * POINTS_PER_CM
    text_width = (page["width_mm"] - page["left_mm"] - page["right_mm"]) * POINTS_PER_MM
    rule_inset = (text_width - title["rule_width_mm"] * POINTS_PER_MM) / 2
    draft_inset = (head["left_width_mm"] - head["draft_mark"]["box_width_mm"]) * POINTS_PER_MM / 2

    def look(spec: dict, **fields: Any) -> Look:
        return _look(spec, size, spacing, **fields)

    plain = {"align": "justify", "first_indent": indent, "space_after": after}
    looks = {
        "superior": look(head["superior_body"]),
        "issuing": look(head["issuing_body"]),
        "stars": look(head["star_line"]),
        "number": look(head["number"]),
        "org": look(head["organisation_title"]),
        "motto": look(head.get("motto", head["organisation_title"])),  # only the State layout has one
        "place_date": look(head["place_date"]),
        "draft": look(head["draft_mark"], space_before=6, left_indent=draft_inset, right_indent=draft_inset,
                      border="box"),
        "doc_type": look(title["document_type"], space_before=18),
        "title": look(title["title"]),
        "rule": look({}, space_after=12, left_indent=rule_inset, right_indent=rule_inset, border="bottom"),
        "body": look({}, **plain),
        "section": look(body["section"], keep_next=True, **plain),
        "item1": look({}, align="justify", first_indent=-hanging, left_indent=indent + hanging, space_after=after),
        "item2": look({}, align="justify", first_indent=-hanging,
                      left_indent=indent + body["subitem_extra_indent_cm"] * POINTS_PER_CM + hanging,
                      space_after=after),
        "label": look(body["label"], keep_next=True, **plain),
        "display": look(body["display"]),
        "recipients_heading": look(closing["recipients_heading"], align="left", space_before=12),
        "recipient": look(closing["recipients"], align="left"),
        "authority": look(closing["authority"], space_before=12, keep_next=True),
        "position": look(closing["position"], keep_next=True),
        "room": look({}, keep_next=True),
        "name": look(closing["name"]),
        "page_number": look(layout["page_number"]),
        "end": Look(size=1),  # after a closing table, which may not end the body
        "table_cell": Look(size=13, align="left"),  # single spacing, as the offices' tables
        "appendix_label": look({"bold": True}, new_page=True),
        "appendix_title": look({"bold": True}),
        "appendix_attached": look({"italic": True}),
    }
    for level, spec in enumerate(body["subsection_levels"], start=1):
        looks[f"subsection{level}"] = look(spec, keep_next=True, **plain)
    mm = POINTS_PER_MM
    return Measures(
        page_width=page["width_mm"] * mm, page_height=page["height_mm"] * mm, top=page["top_mm"] * mm,
        bottom=page["bottom_mm"] * mm, left=page["left_mm"] * mm, right=page["right_mm"] * mm,
        header_distance=page["header_distance_mm"] * mm, looks=looks,
        header_columns=(head["left_width_mm"] * mm, head["right_width_mm"] * mm),
        header_indent=head["indent_mm"] * mm, draft_box_width=head["draft_mark"]["box_width_mm"] * mm,
        rule_width=title["rule_width_mm"] * mm, recipients_width=closing["recipients_width_mm"] * mm)


def subsection_key(measures: Measures, level: int) -> str:
    """The look of a subsection heading at ``level`` (deeper ones share the last)."""
    levels = sum(key.startswith("subsection") for key in measures.looks)
    return f"subsection{min(max(level, 1), levels)}"
