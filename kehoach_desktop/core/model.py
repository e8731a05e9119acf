"""The plan ("kế hoạch") as the program holds it, free of any storage or UI.

See docs/file-format.md for the meaning of every field; the .kehoach.json
file is this model written out.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from .content import Content, FreeContent

Status = Literal["draft", "issued"]
TimeFormat = Literal["g", "giờ", "h", ":"]  # 08g00 / 08 giờ 00 / 08h00 / 08:00
WeekdayStyle = Literal["lower", "capital", "digit"]  # thứ Ba / Thứ Ba / thứ 3
AUTHORITIES: tuple[str, ...] = ("", "TM.", "KT.", "Q.", "TL.", "TUQ.")
MAX_ISSUING_BODIES = 3
MAX_SIGNATURES = 3


# Between the number and the symbol in our own form ("37-KH/ĐTN").
HOUSE_SEPARATOR = "-"
# A field the plan file leaves out while it holds its default (core/codec.py):
# a plan that does not use it is written exactly as before the field existed.
OMITTED_WHEN_DEFAULT = {"omit_default": True}


@dataclass
class DocumentNumber:
    """"Số: 37-KH/ĐTN": number, type code, issuer code(s), drafting unit.

    Another office's number may be written in another form: the State order
    "98/KH-UBND", "10 KH-BTK", "69/KH – ĐTN", "225 - KH/TWĐTN-CTTN". It is
    kept as written: ``written`` is the symbol exactly as it stood (spaces
    made single) and ``separator`` what stood between the number and it
    ("/", " ", " - "); the codes are still read from it, as well as they can
    be, for the checks and the register. Both are empty for our own form,
    which is then generated from the codes (``as_written`` sees to it)."""

    value: int | None = None
    type_code: str = "KH"
    issuer_codes: list[str] = field(default_factory=lambda: ["ĐTN"])
    suffix: str = ""
    written: str = field(default="", metadata=OMITTED_WHEN_DEFAULT)
    separator: str = field(default="", metadata=OMITTED_WHEN_DEFAULT)

    @property
    def house_symbol(self) -> str:
        """The symbol in our own form, from the codes: "KH/ĐTN-VP"."""
        codes = "-".join(c for c in self.issuer_codes if c)
        symbol = f"{self.type_code}/{codes}" if codes else self.type_code
        return f"{symbol}-{self.suffix}" if self.suffix else symbol

    @property
    def symbol(self) -> str:
        """The part after the number as it prints: "KH/ĐTN-VP", or as
        written ("KH-UBND")."""
        return self.written or self.house_symbol

    @property
    def between(self) -> str:
        """What prints between the number and the symbol."""
        return self.separator or HOUSE_SEPARATOR

    @property
    def is_house_form(self) -> bool:
        return not self.written and not self.separator

    def as_written(self, separator: str, written: str) -> DocumentNumber:
        """Keeps the form the source used (spaces made single); nothing when
        it is our own form, so our own plans stay as they were."""
        separator = re.sub(r"\s+", " ", separator)  # " - " keeps its spaces, one each side
        written = " ".join(written.split())
        if separator in ("", HOUSE_SEPARATOR) and written in ("", self.house_symbol):
            self.written = self.separator = ""
        else:
            self.separator = separator or HOUSE_SEPARATOR
            self.written = written or self.house_symbol
        return self

    def drop_written(self) -> None:
        """Back to our own form (the clerk changed the codes)."""
        self.written = self.separator = ""


# "(Đã ký)", "(Ký tên, đóng dấu)": a note kept at the end of a position (plan_import.back).
_SIGNED_NOTE = re.compile(r"\s*\((?:đã ký|ký[^()]*)\)\s*$", re.IGNORECASE)


@dataclass
class Signature:
    """One signature block: "TM. BAN THƯỜNG VỤ ĐOÀN KHỐI / BÍ THƯ / name"."""

    authority: str = "TM."
    body: str = ""
    position: str = ""
    name: str = ""

    @property
    def authority_line(self) -> str:
        return " ".join(p for p in (self.authority, self.body) if p)

    @property
    def printed_position(self) -> str:
        """The position as it prints: in capitals, but for a note kept after
        it as the source wrote it ("BÍ THƯ (Đã ký)", an imported copy's)."""
        text = self.position.strip()
        note = _SIGNED_NOTE.search(text)
        return text[:note.start()].upper() + note.group() if note else text.upper()


@dataclass
class Section:
    heading: str = ""
    content: Content = field(default_factory=FreeContent)


@dataclass
class Appendix:
    """A "PHỤ LỤC" after the signature and "Nơi nhận", on pages of its own:
    its title, then content of any kind. Its number (I, II, ...; none when
    it is the plan's only appendix) and the line "(Kèm theo Kế hoạch số …)"
    are generated, never stored."""

    title: str = ""
    content: Content = field(default_factory=FreeContent)
    # "(Kèm theo …)" as the clerk (or an imported plan) wrote it; empty: the
    # line generated from the plan's number, date and issuing body.
    attached: str = ""


@dataclass
class PlanStyle:
    """How generated text is written where real plans differ."""

    heading_colon: bool = True  # "I. MỤC ĐÍCH, YÊU CẦU:"
    time_format: TimeFormat = "g"
    weekday_style: WeekdayStyle = "lower"


@dataclass
class Plan:
    profile: str = "doan"
    status: Status = "draft"
    superior_body: str = ""
    issuing_bodies: list[str] = field(default_factory=lambda: [""])
    organisation_title: str = "ĐOÀN TNCS HỒ CHÍ MINH"
    number: DocumentNumber = field(default_factory=DocumentNumber)
    place: str = ""
    plan_date: date | None = None
    document_type: str = "KẾ HOẠCH"
    title: str = ""  # "\n" keeps the line breaks the clerk chose
    preamble: list[str] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    closing: str = ""
    recipients: list[str] = field(default_factory=list)
    signatures: list[Signature] = field(default_factory=lambda: [Signature()])
    style: PlanStyle = field(default_factory=PlanStyle)
    show_draft_mark: bool = False
    note: str = ""
    appendices: list[Appendix] = field(default_factory=list)

    @property
    def is_joint(self) -> bool:
        return len([b for b in self.issuing_bodies if b.strip()]) > 1

    @property
    def title_one_line(self) -> str:
        return " ".join(part.strip() for part in self.title.splitlines() if part.strip())
