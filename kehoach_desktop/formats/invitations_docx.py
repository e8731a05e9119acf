"""Invitation letters (thư mời): one .docx with one letter per invitee, or
per unit, in the office's format: the plan's header, "THƯ MỜI", "Kính gửi:",
the event (title, time with weekday, place) taken from the plan, and the
plan's signature block."""
from __future__ import annotations

import copy
import io
import re
from datetime import date
from pathlib import Path

from docx.enum.section import WD_SECTION

from ..core.attendees import Attendee, sorted_attendees
from ..core.codec import clean_plan
from ..core.errors import UserError
from ..core.layout import BodyLayout
from ..core.model import DocumentNumber, Plan
from ..core.office import OfficeProfile
from .attendees_xlsx import _first_time_place
from .docx_export import DocxOptions, _Writer
from .safe_write import write_atomically

LETTER_TYPE = "THƯ MỜI"
_ORGANISE = re.compile(r"^\s*(tổ chức|kế hoạch tổ chức)\s+", re.IGNORECASE)


def addressee(attendee: Attendee) -> str:
    """"Đồng chí Nguyễn Văn An – Bí thư, Đoàn Khối"; a row without a name is
    addressed by its role or unit."""
    role = ", ".join(p for p in (attendee.position, attendee.unit) if p)
    if attendee.name:
        return f"Đồng chí {attendee.name}" + (f" – {role}" if role else "")
    return role


def unit_addressee(unit: str) -> str:
    return unit or "Quý đơn vị"


def event_text(plan: Plan) -> str:
    """The event as the letter names it: the plan's title without "Tổ chức"."""
    return _ORGANISE.sub("", plan.title_one_line).strip()


def letter_lines(plan: Plan, per_unit: bool) -> list[tuple[str, str]]:
    """(style key, text) of a letter's body, after "Kính gửi"."""
    whom = "Quý đơn vị cử đại diện" if per_unit else "đồng chí"
    lines = [("body", f"Trân trọng kính mời {whom} đến dự {event_text(plan)}.")]
    time_place = _first_time_place(plan)
    if time_place is not None:
        when = BodyLayout(plan).time_phrase(time_place).rstrip(".")
        where = ", ".join(p.strip().rstrip(".") for p in (time_place.venue, time_place.address) if p.strip())
        if when:
            lines.append(("item1", f"-\tThời gian: {when}."))
        if where:
            lines.append(("item1", f"-\tĐịa điểm: {where}."))
    lines.append(("body", "Rất mong " + ("Quý đơn vị" if per_unit else "đồng chí")
                  + " sắp xếp thời gian đến dự./."))
    return lines


def letter_plan(plan: Plan) -> Plan:
    """The plan's header and signatures on a letter: its own number and date
    (left for the register, filled in when the letters are sent), no title,
    no sections."""
    letter = copy.deepcopy(plan)
    letter.number = DocumentNumber(None, "TM", list(plan.number.issuer_codes), plan.number.suffix)
    letter.plan_date = None
    letter.document_type = LETTER_TYPE
    letter.title = ""
    letter.preamble, letter.sections, letter.closing = [], [], ""
    letter.recipients = ["Như trên", "Lưu: VP"]
    return letter


class _LetterWriter(_Writer):
    def letters(self, addressees: list[str], lines: list[tuple[str, str]]) -> bytes:
        for index, whom in enumerate(addressees):
            if index:  # each letter is a section of its own, starting a page
                self.doc.add_section(WD_SECTION.NEW_PAGE)
            self.header()
            self.add(self.doc, "doc_type", LETTER_TYPE)
            self.add(self.doc, "title", f"Kính gửi: {whom}")
            self.add(self.doc, "rule")
            for key, text in lines:
                self.add(self.doc, key, text)
            self.closing()
        out = io.BytesIO()
        self.doc.save(out)
        return out.getvalue()


def letters_bytes(plan: Plan, attendees: list[Attendee], *, per_unit: bool = False, office: OfficeProfile | None = None,
                  number: int | None = None, day: date | None = None) -> bytes:
    """The letters of a batch. ``number`` and ``day``: the batch's number in
    the register and its date; a draft (number None) is printed unnumbered
    and marked as such. ``office`` gives the type code (TM/GM), the issuer
    code and the contact person."""
    plan = clean_plan(plan)  # the event's texts go into the letters (see docx_export._Writer)
    rows = sorted_attendees([a.normalised() for a in attendees])
    if per_unit:
        units = list(dict.fromkeys(a.unit for a in rows if a.unit))
        addressees = [unit_addressee(u) for u in units]
    else:
        addressees = [addressee(a) for a in rows if addressee(a)]
    if not addressees:
        raise UserError("danh sách khách mời chưa có ai" + (" có đơn vị" if per_unit else "")
                        + "; hãy thêm khách mời trước khi in thư mời")
    letter = letter_plan(plan)
    return _LetterWriter(letter, DocxOptions()).letters(addressees, letter_lines(plan, per_unit))


def write_letters(plan: Plan, attendees: list[Attendee], target: Path, *, per_unit: bool = False,
                  office: OfficeProfile | None = None, number: int | None = None, day: date | None = None,
                  overwrite: bool = False) -> None:
    write_atomically(Path(target), letters_bytes(plan, attendees, per_unit=per_unit, office=office, number=number,
                                                 day=day), overwrite=overwrite)
