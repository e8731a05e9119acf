"""How much of a page a letter of invitation takes, estimated without a
renderer: each paragraph is wrapped word by word with the advance widths of
Times New Roman (the profiles' font; LibreOffice's Liberation Serif has the
same widths), each line's height taken from its size and the profile's line
spacing. formats/invitations_docx.py shortens a letter's agenda until the
estimate fits the page.

The estimate errs on the long side (a word never shares a line it might
just fit, the heights are rounded up): a letter it keeps on one page stays on
one page (tests/formats/test_invitations_docx.py checks it in LibreOffice).
"""
from __future__ import annotations

from ..core.model import Plan
from .closing_columns import single_signer_columns
from .text_metrics import CELL_MARGINS as _CELL_MARGINS
from .text_metrics import wrapped_lines

# Spacing the letter writer gives its own paragraphs, in points.
ADDRESSEE_BEFORE, ADDRESSEE_AFTER, QR_BEFORE = 6, 12, 4
QR_COLUMN_MM, QR_MM = 25, 20
DRAFT_MARK_AFTER = 8
_LINE = 1.15  # a line of Times New Roman at single spacing, in ems (ascent + descent + gap)


def _pt(mm: float) -> float:
    return mm * 72 / 25.4


class LetterFit:
    """A letter's height against its page: the fixed parts (header, title,
    signatures, "Nơi nhận" and the QR code) once per batch, the addressee and
    body per letter."""

    def __init__(self, plan: Plan, layout: dict, draft: bool):
        self.plan, self.layout = plan, layout
        page, self.body_spec = layout["page"], layout["body"]
        self.head, self.closing_spec = layout["header"], layout["closing"]
        self.width = _pt(page["width_mm"] - page["left_mm"] - page["right_mm"])
        self.page = _pt(page["height_mm"] - page["top_mm"] - page["bottom_mm"])
        self.size = self.body_spec["size"]
        self.fixed = self._header(draft, layout["title"]) + self._closing()

    def line(self, size: float) -> float:
        return size * _LINE * self.body_spec["line_spacing"]

    def _header(self, draft: bool, title: dict) -> float:
        left, right = _pt(self.head["left_width_mm"]), _pt(self.head["right_width_mm"])
        plan = self.plan
        top = wrapped_lines(plan.superior_body.upper(), left, 14) if plan.superior_body.strip() else 0
        top += sum(wrapped_lines(b.upper(), left, 14, True) for b in plan.issuing_bodies if b.strip()) + 1  # "***"
        top = max(top, 2)  # the organisation's name and its rule on the right
        number_row = wrapped_lines(f"{plan.place}, ngày 30 tháng 12 năm 2026", right, 13)
        height = (top + number_row) * self.line(14) + 18 + self.line(title["document_type"]["size"])
        return height + (self.line(14) + 8 + DRAFT_MARK_AFTER if draft else 0)

    def _closing(self) -> float:
        signatures = self.plan.signatures or []
        gap = self.closing_spec["signature_gap_lines"]
        columns = max(1, len(signatures))
        width = _pt(single_signer_columns(self.plan, self.layout)[1]) if columns == 1 else self.width / columns
        width -= _CELL_MARGINS
        blocks = [wrapped_lines(s.authority_line.upper(), width, 14, True) + wrapped_lines(s.printed_position, width, 14)
                  for s in signatures] or [2]
        signed = 12 + (max(blocks) + gap + 1) * self.line(14)
        recipients = 12 + self.line(13) + 2 * self.line(11)
        code = QR_BEFORE + _pt(QR_MM) + self.line(11)
        if columns == 1:
            return max(signed, recipients + code)
        return signed + max(recipients, code)

    def body(self, addressee: str, lines: list[tuple[str, str]]) -> float:
        """The addressee's paragraph and the body's, by their style keys
        (docx_export): "body" with its first-line indent, "item1" and "item2"
        hanging after their marker and tab."""
        spec = self.body_spec
        indent, hanging = _pt(spec["first_line_indent_cm"] * 10), _pt(spec["item_hanging_cm"] * 10)
        lefts = {"item1": indent + hanging, "item2": indent + hanging + _pt(spec["subitem_extra_indent_cm"] * 10)}
        height: float = ADDRESSEE_BEFORE + ADDRESSEE_AFTER
        height += wrapped_lines("Kính gửi: " + addressee, self.width, 14, True) * self.line(14)
        for key, text in lines:
            if key in lefts:
                count = wrapped_lines(text.partition("\t")[2], self.width - lefts[key], self.size)
            else:
                count = wrapped_lines(text, self.width, self.size, first_indent=indent)
            height += count * self.line(self.size) + spec["space_after_pt"]
        return height

    def fits(self, addressee: str, lines: list[tuple[str, str]]) -> bool:
        return self.fixed + self.body(addressee, lines) <= self.page * SHARE


# The share of the page the estimate may fill. Measured in LibreOffice (the
# five examples, long addressees, a growing agenda, crowded units): where the
# estimate is closest, a letter estimated at 742 pt took 736 pt of the page's
# 729 and spilled over; elsewhere the estimate errs long by up to 7%. 0.97
# (707 pt) keeps a line and a half below the closest case, for what Word sets
# differently from LibreOffice.
SHARE = 0.97
