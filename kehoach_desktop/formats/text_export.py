"""The plan as plain text, the way a clerk pastes a plan into a chat message.

Reading order follows the printed page: the header's left column, then its
right column; for one signer the recipients (bottom left) come before the
signature (bottom right); joint plans put the signatures first and the
recipients under them.
"""
from __future__ import annotations

from ..core.appendices import opening_lines
from ..core.dates import date_line
from ..core.layout import body_lines, content_lines
from ..core.model import Plan, Signature
from ..core.numbering import number_line
from ..core.profile import get_profile

JOINED_BODIES_MAX = 40  # characters that fit on one header line at 14 pt bold


def issuing_body_lines(plan: Plan) -> list[str]:
    """Joint bodies share one line joined by " - " when it fits
    ("ĐOÀN KHỐI - CÔNG ĐOÀN VCTP - HỘI CCB"), else one line each."""
    bodies = [b.strip().upper() for b in plan.issuing_bodies if b.strip()]
    joined = " - ".join(bodies)
    return [joined] if len(joined) <= JOINED_BODIES_MAX or len(bodies) == 1 else bodies


def header_left(plan: Plan) -> list[str]:
    profile = get_profile(plan.profile)
    lines = []
    if plan.superior_body.strip():
        lines.append(plan.superior_body.strip().upper())
    lines += issuing_body_lines(plan)
    if profile.star_line:
        lines.append(profile.star_line)
    lines.append(number_line(plan.number, profile.number_label_colon))
    if plan.show_draft_mark and plan.status == "draft":
        lines.append("DỰ THẢO")
    return lines


def header_right(plan: Plan) -> list[str]:
    motto = get_profile(plan.profile).motto
    return [plan.organisation_title.strip().upper(), *([motto] if motto else []),
            date_line(plan.place.strip(), plan.plan_date)]


def title_lines(plan: Plan) -> list[str]:
    lines = [plan.document_type.strip().upper()]
    lines.extend(part.strip() for part in plan.title.splitlines() if part.strip())
    return lines


def recipient_lines(plan: Plan) -> list[str]:
    """"- Thành Đoàn;" ... "- Lưu: VP." — the generated punctuation."""
    items = [r.strip().rstrip(".;,").strip() for r in plan.recipients if r.strip()]
    return [f"- {text}{'.' if i == len(items) - 1 else ';'}" for i, text in enumerate(items)]


def signature_lines(sig: Signature) -> list[str]:
    """Authority, position (when given), three empty lines for signature and seal, name."""
    position = [sig.printed_position] if sig.position.strip() else []
    name = [sig.name.strip()] if sig.name.strip() else []
    return [sig.authority_line.upper(), *position, "", "", "", *name]


def render_text(plan: Plan) -> str:
    out: list[str] = []
    out += header_left(plan)
    out += header_right(plan)
    out.append("")
    out += title_lines(plan)
    out.append("-------")
    out += [line.plain() for line in body_lines(plan)]
    out.append("")
    recipients = ["Nơi nhận:"] + recipient_lines(plan) if plan.recipients else []
    signatures: list[str] = []
    for sig in plan.signatures:
        signatures += signature_lines(sig) + [""]
    if len(plan.signatures) > 1:
        out += signatures + recipients
    else:
        out += recipients + [""] + signatures
    for index, appendix in enumerate(plan.appendices):
        out += ["", "", *(text for _kind, text in opening_lines(plan, appendix, index, len(plan.appendices))),
                "-------"]
        out += [line.plain() for line in content_lines(plan, appendix.content)]
    text = "\n".join(out)
    while "\n\n\n\n\n" in text:
        text = text.replace("\n\n\n\n\n", "\n\n\n\n")
    return text.rstrip() + "\n"
