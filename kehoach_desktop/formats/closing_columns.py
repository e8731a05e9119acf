"""The columns of a plan's closing with one signer ("Nơi nhận" on the left,
the signature block on the right), one decision for the Word file, the PDF
and the letter estimate, so that the three break lines alike.

The profile gives the recipients' column (75 mm in the Youth Union
profile); the signature's column takes the rest. An authority line longer
than that column ("TM. BAN THƯỜNG VỤ ĐOÀN KHỐI" in 14 pt bold) would wrap,
where the signed originals have it on one line: the recipients' column then
gives up the width it needs, down to MIN_RECIPIENTS_MM."""
from __future__ import annotations

from ..core.model import Plan
from .text_metrics import CELL_MARGINS, text_width

MIN_RECIPIENTS_MM = 50  # "Nơi nhận" in 11 pt still holds a short unit's name a line
POINTS_PER_MM = 72 / 25.4


def text_width_mm(layout: dict) -> float:
    page = layout["page"]
    return page["width_mm"] - page["left_mm"] - page["right_mm"]


def single_signer_columns(plan: Plan, layout: dict) -> tuple[float, float]:
    """(recipients, signature) column widths in millimetres."""
    spec = layout["closing"]
    total = text_width_mm(layout)
    recipients = spec["recipients_width_mm"]
    if plan.signatures:
        signature = plan.signatures[0]
        lines = ((signature.authority_line.upper(), spec["authority"]),
                 (signature.printed_position, spec["position"]))
        needed = max(text_width(text, look["size"], bool(look.get("bold"))) for text, look in lines) + CELL_MARGINS
        recipients = max(MIN_RECIPIENTS_MM, min(recipients, total - needed / POINTS_PER_MM))
    return recipients, total - recipients


def signers_columns(plan: Plan, layout: dict) -> list[float]:
    """The column widths (millimetres) of signature blocks side by side.

    Each column gets what its authority and position lines need to stay on
    one line, and the rest of the width is shared out evenly; when the
    lines need more than the page has, the columns are even (and the
    longest lines wrap, as in the signed originals)."""
    spec = layout["closing"]
    total = text_width_mm(layout)
    needed = [(max(text_width(text, look["size"], bool(look.get("bold")))
                   for text, look in ((sig.authority_line.upper(), spec["authority"]),
                                      (sig.printed_position, spec["position"])))
               + CELL_MARGINS) / POINTS_PER_MM for sig in plan.signatures]
    if not needed or sum(needed) > total:
        return [total / max(len(needed), 1)] * max(len(needed), 1)
    spare = (total - sum(needed)) / len(needed)
    return [width + spare for width in needed]
