"""The people and units invited to a plan's event: one row each, the way the
office keeps its invitation list, and the checks a row must pass."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from . import content as c
from .model import Plan
from .text import clean_text, nfc, sort_key

REPLIES: dict[str, str] = {
    "pending": "Chưa phản hồi",
    "attending": "Tham dự",
    "absent": "Vắng",
    "delegate": "Cử người thay",
}
DEFAULT_GROUPS = ("Chủ trì", "Khách mời", "Đại biểu")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE_CHARS = re.compile(r"[\s.\-()]")


@dataclass
class Attendee:
    name: str = ""
    position: str = ""
    unit: str = ""
    group: str = ""
    phone: str = ""  # text: the leading zero is part of the number
    email: str = ""
    note: str = ""
    invited_on: date | None = None  # the day the invitation was sent
    reply: str = "pending"  # a key of REPLIES
    attended: bool = False

    def normalised(self) -> Attendee:
        """Every text field through the text gate (one line, single spaces); the
        phone without separators."""
        def clean(text: str) -> str:
            return " ".join(clean_text(text, single_line=True).split())

        return Attendee(clean(self.name), clean(self.position), clean(self.unit), clean(self.group),
                        _PHONE_CHARS.sub("", clean(self.phone)), clean(self.email).lower(), clean(self.note),
                        self.invited_on, self.reply if self.reply in REPLIES else "pending", bool(self.attended))

    @property
    def identity(self) -> tuple:
        """Two rows with the same name and unit are the same person; rows
        still without a name (a role to fill) are told apart by position."""
        return (nfc(self.name).casefold(), nfc(self.unit).casefold(),
                "" if self.name else nfc(self.position).casefold())


def name_key(name: str) -> tuple:
    """Vietnamese order of personal names: given name (the last word), then
    the middle names, then the family name, each in Vietnamese letter order."""
    words = nfc(name).split()
    if not words:
        return ((), (), ())
    return (sort_key(words[-1]), tuple(sort_key(w) for w in words[1:-1]),
            sort_key(words[0] if len(words) > 1 else ""))


def problems(attendee: Attendee) -> list[tuple[str, str]]:
    """(field, Vietnamese message) for what is wrong with a row."""
    found = []
    if not (attendee.name or attendee.position or attendee.unit):
        found.append(("name", "thiếu họ và tên (dòng không có cả tên, chức vụ lẫn đơn vị)"))
    if attendee.email and not _EMAIL.match(attendee.email):
        found.append(("email", f"địa chỉ email không hợp lệ: “{attendee.email}”"))
    phone = attendee.phone.removeprefix("+")
    if attendee.phone and (not phone.isdigit() or not 9 <= len(phone) <= 12):
        found.append(("phone", f"số điện thoại không hợp lệ: “{attendee.phone}”"))
    return found


def group_order(groups: list[str]) -> dict[str, int]:
    """The order groups are listed in: the usual ones first, then the others
    as they first appear."""
    order = {group: i for i, group in enumerate(DEFAULT_GROUPS)}
    for group in groups:
        order.setdefault(group, len(order))
    return order


def sorted_attendees(attendees: list[Attendee]) -> list[Attendee]:
    """Grouped (chair, guests, delegates, then the plan's own groups), and by
    name the Vietnamese way inside each group; units without a name by unit."""
    order = group_order([a.group for a in attendees])
    return sorted(attendees, key=lambda a: (order[a.group], name_key(a.name), sort_key(a.unit)))


def from_participants(plan: Plan) -> list[Attendee]:
    """One row per participant entry of the plan (a role or a unit), in the
    entry's group, to be completed with names."""
    rows = []
    for section in plan.sections:
        for participants in _participants_in(section.content):
            for group in participants.groups:
                for entry in group.entries:
                    rows.append(Attendee(position=entry.text, group=group.title or "Đại biểu", note=entry.remark))
    return rows


def _participants_in(content: c.Content) -> list[c.Participants]:
    if isinstance(content, c.Participants):
        return [content]
    found = []
    if isinstance(content, c.FreeContent):
        for block in content.blocks:
            if isinstance(block, (c.Subsection, c.Embedded)):
                found += _participants_in(block.content)
    return found
