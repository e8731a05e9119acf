"""The generated lines that open an appendix ("PHỤ LỤC"): its label,
numbered I, II, ... or bare when it is the plan's only one, its title, and
"(Kèm theo Kế hoạch số 37-KH/ĐTN ngày 23/12/2022 của BCH Đoàn Khối …)" from
the plan's document type, number, date and issuing body. Shared by every
writer (text, Word, our PDF) so that they print the same words:
``opening_lines`` gives them in order, each with the look it is printed in."""
from __future__ import annotations

import re
import unicodedata
from typing import Literal

from .dates import date_numeric
from .model import Appendix, Plan
from .numbering import full_number
from .roman import roman

OpeningKind = Literal["appendix_label", "appendix_title", "appendix_attached"]  # the writers' looks of these names
_VOWELS = set("aeiouy")
BLANK_DATE = "     /     /"  # room to write the date by hand on a plan not yet issued


def appendix_label(index: int, count: int) -> str:
    """"PHỤ LỤC I" for the first of several, "PHỤ LỤC" for the only one."""
    return "PHỤ LỤC" if count == 1 else f"PHỤ LỤC {roman(index + 1)}"


def opening_lines(plan: Plan, appendix: Appendix, index: int, count: int,
                  unbroken: str = " ") -> list[tuple[OpeningKind, str]]:
    """The lines that open the plan's appendix number ``index`` (from 0) of
    ``count``, each with its kind: the label ("PHỤ LỤC I"), the title in
    capitals (none when the appendix has no title) and the "(Kèm theo …)"
    line, ``unbroken`` joining its words as appendix_attached does (a
    no-break space for the pages, a space for the text export)."""
    title = appendix.title.strip().upper()  # as typed: a line break in a long title is the clerk's
    lines: list[tuple[OpeningKind, str]] = [("appendix_label", appendix_label(index, count))]
    if title:
        lines.append(("appendix_title", title))
    lines.append(("appendix_attached", appendix_attached(plan, appendix, unbroken)))
    return lines


def _is_abbreviation(word: str) -> bool:
    """"BCH", "TP", "ĐTN", "LĐLĐ": no vowel, so not a word to write in lower case."""
    letters = unicodedata.normalize("NFD", word.replace("Đ", "D").replace("đ", "d"))
    return not any(ch.lower() in _VOWELS for ch in letters)


def name_case(text: str) -> str:
    """A body's name typed in capitals for the header ("BCH ĐOÀN KHỐI DÂN -
    CHÍNH - ĐẢNG TP") as it reads inside a sentence ("BCH Đoàn Khối Dân -
    Chính - Đảng TP"); a name typed otherwise is kept."""
    if text != text.upper():
        return text
    return " ".join(word if _is_abbreviation(word) else word[:1] + word[1:].lower() for word in text.split())


def appendix_attached(plan: Plan, appendix: Appendix, unbroken: str = " ") -> str:
    """The appendix's "(Kèm theo …)" line: as typed, else generated."""
    typed = " ".join(appendix.attached.split())
    return typed.replace(" ", unbroken) if typed else attached_line(plan, unbroken)


def attached_line(plan: Plan, unbroken: str = " ") -> str:
    """"(Kèm theo Kế hoạch số 37-KH/ĐTN ngày 23/12/2022 của BCH Đoàn Khối …)".
    ``unbroken`` (a no-break space, for the pages) joins "số" and "ngày" to
    what follows them and a word to the number after it ("Quận 12")."""
    document = plan.document_type.strip() or "Kế hoạch"
    document = document[:1].upper() + document[1:].lower()
    number = full_number(plan.number, unbroken)
    day = date_numeric(plan.plan_date) if plan.plan_date else BLANK_DATE
    body = " - ".join(name_case(b.strip()) for b in plan.issuing_bodies if b.strip())
    issuer = f" của {body}" if body else ""
    issuer = re.sub(r" (?=\d)", unbroken, issuer)
    return f"(Kèm theo {document} số{unbroken}{number} ngày{unbroken}{day}{issuer})"
