"""Invitation letters (thư mời, giấy mời) as one Word file: one letter per
invitee, or per unit, each on one page of its own, in the plan's format
profile: the plan's header with the batch's number and date, "THƯ MỜI",
"Kính gửi: …", the invitation, the event's time, place and agenda, the
office's contact person, "Trân trọng kính mời./." and the plan's signature
block; a QR code of the invitee's check-in code at the bottom left.

The words come from core/letters.py. A draft batch (no number) is printed
unnumbered and undated, with "BẢN NHÁP – CHƯA CẤP SỐ" in a red box at the
top of every letter. A letter must stay on one page: the agenda is listed
as fully as the page allows (formats/letter_fit.py) and shortened otherwise.
"""
from __future__ import annotations

import copy
import io
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from docx.enum.section import WD_SECTION
from docx.oxml.ns import qn
from docx.shared import Emu, Mm, Pt, RGBColor

from ..core.attendees import Attendee, sorted_attendees
from ..core.codec import clean_plan
from ..core.errors import UserError
from ..core.invitees import default_honorific, plan_groups
from ..core.letters import (
    HONORIFIC_IN_TEXT,
    Invitee,
    agenda,
    agenda_variants,
    contact_line,
    event_lines,
    invitation,
    reading,
)
from ..core.model import DocumentNumber, Plan
from ..core.office import INVITATION_TYPES, OfficeProfile
from ..core.profile import get_profile
from ..core.text import fold
from . import ooxml
from .docx_export import DocxOptions, _Writer
from .letter_fit import ADDRESSEE_AFTER, ADDRESSEE_BEFORE, DRAFT_MARK_AFTER, QR_BEFORE, QR_COLUMN_MM, QR_MM, LetterFit
from .qr import qr_png
from .safe_write import write_atomically

if TYPE_CHECKING:
    from docx.table import _Cell

DRAFT_MARK = "BẢN NHÁP – CHƯA CẤP SỐ"
CLOSING_LINE = "Trân trọng kính mời./."
QR_WIDTH = Mm(QR_MM)  # a USB scanner reads its 0.8 mm modules from a hand's distance
QR_SCALE = 10  # pixels per module of the PNG
_QUIET = 2  # modules of white around the code: enough for a scanner with the page's white around it
_RED = RGBColor(0xC0, 0x00, 0x00)
Lines = list[tuple[str, str]]  # (style key of docx_export, text)


@dataclass(frozen=True)
class Letter:
    addressee: str  # after "Kính gửi: "
    opening: Lines  # the invitation
    code: str  # the check-in code shown as a QR code; "" for none
    delegates: tuple[tuple[str, str], ...] = ()  # per unit, the people invited: left out when the page is too short for them


# ------------------------------------------------------------------ the batch
def letter_number(plan: Plan, office: OfficeProfile | None, number: int | None) -> DocumentNumber:
    """"Số: 07-TM/ĐTN": the office's invitation type (TM or GM), the plan's
    issuer codes (else the office's, else the format profile's), the plan's
    drafting unit. ``number`` None: left blank for a draft."""
    issuers = [code for code in plan.number.issuer_codes if code.strip()]
    if not issuers:
        issuers = [office.issuer_code if office is not None else get_profile(plan.profile).issuer_code]
    return DocumentNumber(number, office.invitation_code if office else "TM", issuers, plan.number.suffix)


def letter_plan(plan: Plan, office: OfficeProfile | None, number: int | None, day: date | None) -> Plan:
    """The plan's header and signatures on a letter: the batch's number and
    date, the invitation's document type; no title, no sections."""
    letter = copy.deepcopy(plan)
    letter.number = letter_number(plan, office, number)
    letter.plan_date = day
    letter.document_type = INVITATION_TYPES[letter.number.type_code]
    letter.title = ""
    letter.preamble, letter.sections, letter.closing = [], [], ""
    kept = [r for r in plan.recipients if fold(r).startswith("luu")]  # the plan's own file copy ("Lưu: VP")
    letter.recipients = ["Như trên", kept[-1] if kept else "Lưu: VP"]
    letter.show_draft_mark = False  # a draft batch has its own mark
    return letter


def letters(plan: Plan, attendees: list[Attendee], per_unit: bool) -> list[Letter]:
    """One letter per invitee (or per unit), in the guest list's order: the
    plan's participant groups in turn, names in Vietnamese order. The plan's
    signers are never invited by their own letter."""
    signers = {fold(s.name) for s in plan.signatures if s.name.strip()}
    honorific = default_honorific(plan)
    readings = [r for r in (reading(a, honorific) for a in sorted_attendees(attendees, plan_groups(plan)))
                if r is not None and not (r.name and fold(r.name) in signers)]
    if not per_unit:
        return [Letter(r.addressee(), [("body", invitation(r.whom(), plan))], r.code) for r in readings]
    units: dict[str, list[Invitee]] = {}
    for r in readings:
        if r.unit:
            units.setdefault(fold(r.unit), []).append(r)
    return [_unit_letter(plan, rows) for rows in units.values()]


def _unit_letter(plan: Plan, rows: list[Invitee]) -> Letter:
    """A unit's letter: its invitation as a whole, or the people it sends."""
    unit = rows[0].unit
    if len(rows) == 1 and rows[0].kind == "unit":
        return Letter(unit, [("body", invitation(rows[0].whom(), plan))], rows[0].code)
    total = sum(r.count for r in rows)
    opening = [("body", invitation(f"Quý đơn vị cử đại biểu ({total:02d} đồng chí)", plan))]
    named = [_delegate(r) for r in rows if r.kind != "unit"]
    delegates = [("body", "Đại biểu được mời: " + "; ".join(named) + ".")] if named else []
    return Letter(unit, opening, rows[0].code if len(rows) == 1 else "", tuple(delegates))


def _delegate(r: Invitee) -> str:
    """"đồng chí Lê Thị Bình, Phó Bí thư", "đồng chí Bí thư"."""
    honorific = HONORIFIC_IN_TEXT.get(r.honorific, "")
    if r.kind == "role":
        return " ".join(p for p in (honorific or "đồng chí", r.role) if p)
    head = f"{honorific} {r.name}" if honorific else r.name
    return f"{head}, {r.role}" if r.role else head


# --------------------------------------------------------------------- writing
class _LetterWriter(_Writer):
    def __init__(self, plan: Plan, draft: bool):
        super().__init__(plan, DocxOptions())
        self.draft = draft
        self.code = ""  # the check-in code of the letter being written
        if draft:
            self.doc.core_properties.title = f"{DRAFT_MARK}: {self.doc.core_properties.title}"[:255]

    def letter(self, letter: Letter, body: Lines, first: bool) -> None:
        if not first:  # each letter a section of its own, starting a page
            self.doc.add_section(WD_SECTION.NEW_PAGE)
        if self.draft:
            self.draft_mark()
        self.header()
        self.add(self.doc, "doc_type", self.plan.document_type)
        self.addressee(letter.addressee)
        for key, text in body:
            self.add(self.doc, key, text)
        self.code = letter.code  # the closing's QR code (beside_signature, under_signatures)
        self.closing()

    def draft_mark(self) -> None:
        """Red, boxed, centred above the header: never mistaken for a letter sent."""
        paragraph = self.add(self.doc, "display", DRAFT_MARK)
        paragraph.runs[0].font.color.rgb = _RED
        ooxml.paragraph_border(paragraph, ("top", "left", "bottom", "right"), size_eighths=12, space_pt=3)
        for edge in paragraph._p.get_or_add_pPr().find(qn("w:pBdr")):
            edge.set(qn("w:color"), str(_RED))  # the box red like its words
        inset = Emu(int((self.text_width - Mm(100)) / 2))
        fmt = paragraph.paragraph_format
        fmt.left_indent = fmt.right_indent = inset
        fmt.space_after = Pt(DRAFT_MARK_AFTER)

    def addressee(self, whom: str) -> None:
        paragraph = self.add(self.doc, "title")
        paragraph.add_run("Kính gửi: ").bold = False
        paragraph.add_run(whom)
        fmt = paragraph.paragraph_format
        fmt.space_before, fmt.space_after = Pt(ADDRESSEE_BEFORE), Pt(ADDRESSEE_AFTER)

    def beside_signature(self, cell: _Cell) -> None:
        """"Nơi nhận", the letter's QR code under it."""
        self.recipients(cell)
        if self.code:
            self.qr_code(cell, self.code)

    def under_signatures(self) -> None:
        """Under signatures side by side: the QR code beside "Nơi nhận"."""
        if not self.code:
            self.recipients(self.doc)
            return
        table = self.borderless_table(1, [Mm(QR_COLUMN_MM), Emu(self.text_width - Mm(QR_COLUMN_MM))])
        self.qr_code(self.cell(table, 0, 0), self.code)
        self.recipients(self.cell(table, 0, 1))

    def qr_code(self, cell: _Cell, code: str) -> None:
        picture = self.add(cell, "recipient")
        picture.paragraph_format.space_before = Pt(QR_BEFORE)
        png, modules = qr_png(code, scale=QR_SCALE, border=_QUIET)
        picture.add_run().add_picture(io.BytesIO(png), width=QR_WIDTH)
        # the code in text under the modules, past the quiet zone (the PNG's white border)
        quiet = Emu(int(QR_WIDTH * _QUIET / (modules + 2 * _QUIET)))
        self.add(cell, "recipient", code).paragraph_format.left_indent = quiet

    def saved(self) -> bytes:
        out = io.BytesIO()
        self.doc.save(out)
        return out.getvalue()


def letter_body(plan: Plan, letter: Letter, contact: str, fit: LetterFit) -> Lines:
    """The letter after "Kính gửi": the invitation, who the unit sends, time,
    place, the agenda as long as the page allows, the contact person, the
    closing line. The agenda is shortened first, then the unit's list of
    people left out (the invitation still gives their number)."""
    event = [("item1", f"-\t{line}") for line in event_lines(plan)]
    tail = [("body", line) for line in (contact_line(contact), CLOSING_LINE) if line]
    variants = agenda_variants(agenda(plan))
    for delegates in (list(letter.delegates), []):
        for shown in variants:
            body = letter.opening + delegates + event + shown + tail
            if fit.fits(letter.addressee, body):
                return body
    return letter.opening + event + tail


# ------------------------------------------------------------------ the API
def letters_bytes(plan: Plan, attendees: list[Attendee], *, per_unit: bool = False, office: OfficeProfile | None = None,
                  number: int | None = None, day: date | None = None) -> bytes:
    """The letters of a batch, in the guest list's order. ``number`` and ``day``:
    the batch's number in the register and its date (today when not given);
    a draft (number None) is printed unnumbered, undated and marked as such.
    ``office`` gives the type code (TM/GM), the issuer code when the plan has
    none, and the contact person."""
    plan = clean_plan(plan)  # the event's texts go into the letters (see docx_export._Writer)
    batch = letters(plan, attendees, per_unit)
    if not batch:
        raise UserError("danh sách khách mời chưa có ai" + (" có đơn vị" if per_unit else "")
                        + " để gửi thư mời; hãy thêm khách mời trước khi in thư mời")
    draft = number is None
    if not draft and day is None:
        day = date.today()
    writer = _LetterWriter(letter_plan(plan, office, number, None if draft else day), draft)
    fit = LetterFit(writer.plan, writer.layout, draft)
    contact = office.contact if office else ""
    for index, letter in enumerate(batch):
        writer.letter(letter, letter_body(plan, letter, contact, fit), first=index == 0)
    return writer.saved()


def write_letters(plan: Plan, attendees: list[Attendee], target: Path, *, per_unit: bool = False,
                  office: OfficeProfile | None = None, number: int | None = None, day: date | None = None,
                  overwrite: bool = False) -> None:
    write_atomically(Path(target), letters_bytes(plan, attendees, per_unit=per_unit, office=office, number=number,
                                                 day=day), overwrite=overwrite)
