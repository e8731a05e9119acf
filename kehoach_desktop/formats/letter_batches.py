"""A batch of invitation letters as the register numbers it: the renderer
``Register.issue_letters`` calls with the number and date it takes, how
many letters a batch holds (for the question before the number is taken),
and whom the letters of a rendered batch are addressed to (the register
line's recipients). The letters themselves are formats/invitations_docx.py's;
the command line and the window both go through here."""
from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from datetime import date

from ..core.attendees import Attendee
from ..core.model import Plan
from ..core.office import OfficeProfile
from .invitations_docx import letters, letters_bytes

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_TO = "Kính gửi"


def renderer(plan: Plan, rows: list[Attendee], *, per_unit: bool,
             office: OfficeProfile) -> Callable[[int, date], bytes]:
    """The letters of ``rows`` with the number and date the register gives."""
    return lambda number, day: letters_bytes(plan, rows, per_unit=per_unit, office=office, number=number, day=day)


def draft_bytes(plan: Plan, rows: list[Attendee], *, per_unit: bool, office: OfficeProfile) -> bytes:
    """The batch unnumbered and undated, marked as a draft by the letters."""
    return letters_bytes(plan, rows, per_unit=per_unit, office=office, number=None, day=None)


def letter_count(plan: Plan, rows: list[Attendee], *, per_unit: bool) -> int:
    """How many letters the batch will hold, as the letters are made (one per
    invitee or per unit, the plan's signers left out): the number the
    question before numbering states."""
    return len(letters(plan, rows, per_unit))


def addressees(docx: bytes) -> list[str]:
    """The "Kính gửi: …" of each letter of a batch's Word file, in order:
    what was printed, whatever the letters' wording of a guest."""
    from lxml import etree

    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        root = etree.fromstring(archive.read("word/document.xml"))
    found = []
    for paragraph in root.iter(f"{_W}p"):
        text = "".join(node.text or "" for node in paragraph.iter(f"{_W}t")).strip()
        if text.startswith(_TO):
            found.append(text[len(_TO):].lstrip(" :").strip())
    return found
