"""The people and units invited to a plan's event: one row each, the way the
office keeps its invitation list, and the checks a row must pass."""
from __future__ import annotations

import re
import secrets
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from .text import clean_text, nfc, sort_key

REPLIES: dict[str, str] = {
    "pending": "Chưa phản hồi",
    "attending": "Tham dự",
    "absent": "Vắng",
    "delegate": "Cử người thay",
}
DEFAULT_GROUPS = ("Chủ trì", "Khách mời", "Đại biểu")
HONORIFICS = ("đồng chí", "ông", "bà")  # how a letter addresses a person ("" for the plan's usual one)
WHOLE_UNIT = "cả đơn vị"  # what the "Danh xưng" column says of a unit invited as a whole: nobody is addressed
# Check-in codes: printed on the letter and the sign-in sheet, read back by a
# USB scanner that types them as a keyboard would, or typed by hand. A
# Vietnamese input method left on (Unikey, Telex or VNI) turns vowels
# followed by S F R X J or 1-9 into accents, W into ư and DD or D9 into đ: the
# codes hold no vowel, no W, Z, D, F, J, R, S, X, hence nothing it rewrites;
# and no 0/O, 1/I/L: nothing to misread.
CODE_ALPHABET = "23456789BCGHKMNPQTV"
CODE_LENGTH = 6
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
    honorific: str = ""  # a key of HONORIFICS or ""; only for a person
    head_count: int = 1  # people this row stands for ("Thường trực Thành Đoàn (04 đồng chí)")
    whole_unit: bool = False  # the unit is invited as a whole, no person named ("Ban Thường vụ Quận Đoàn 1")
    # The check-in code, unique in the plan's list, given by the store when the
    # list is saved. Not compared: a row is the same row with or without it.
    code: str = field(default="", compare=False)
    attended_at: datetime | None = None  # when the person was marked present

    @property
    def needs_name(self) -> bool:
        """A person the plan names by position only: the clerk still has to
        fill in who it is."""
        return not self.whole_unit and not self.name

    def normalised(self) -> Attendee:
        """Every text field through the text gate (one line, single spaces); the
        phone without separators."""
        def clean(text: str) -> str:
            return " ".join(clean_text(text, single_line=True).split())

        return Attendee(clean(self.name), clean(self.position), clean(self.unit), clean(self.group),
                        _PHONE_CHARS.sub("", clean(self.phone)), clean(self.email).lower(), clean(self.note),
                        self.invited_on, self.reply if self.reply in REPLIES else "pending", bool(self.attended),
                        honorific if (honorific := clean(self.honorific).lower()) in HONORIFICS else "",
                        max(1, int(self.head_count or 1)), bool(self.whole_unit), clean(self.code).upper(),
                        self.attended_at if self.attended else None)

    @property
    def identity(self) -> tuple:
        """Two rows with the same name and unit are the same person; rows
        still without a name (a role to fill) are told apart by position."""
        return (nfc(self.name).casefold(), nfc(self.unit).casefold(),
                "" if self.name else nfc(self.position).casefold())


def new_code(taken: Iterable[str]) -> str:
    """A check-in code not among ``taken``."""
    used = set(taken)
    while True:
        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
        if code not in used:
            return code


def with_codes(attendees: list[Attendee], known: dict[tuple, str] | None = None) -> list[Attendee]:
    """The rows, each with a check-in code. A row keeps its code; a row
    without one takes the code ``known`` gives its identity (the list as
    stored: a window that never saw the codes does not change them), else a
    new one. A code met twice is replaced in its second row."""
    from dataclasses import replace

    known = known or {}
    taken = {a.code for a in attendees} | set(known.values())
    used: set[str] = set()
    coded = []
    for row in attendees:
        code = row.code or known.get(row.identity, "")
        if not code or code in used:
            code = new_code(taken | used)
        used.add(code)
        coded.append(row if code == row.code else replace(row, code=code))
    return coded


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
    if not (attendee.name or attendee.unit):  # a position alone invites nobody: whose position?
        found.append(("name", "thiếu họ và tên (dòng không có tên lẫn đơn vị)"))
    if attendee.email and not _EMAIL.match(attendee.email):
        found.append(("email", f"địa chỉ email không hợp lệ: “{attendee.email}”"))
    phone = attendee.phone.removeprefix("+")
    if attendee.phone and (not phone.isdigit() or not 9 <= len(phone) <= 12):
        found.append(("phone", f"số điện thoại không hợp lệ: “{attendee.phone}”"))
    return found


def group_order(groups: Iterable[str], plan_groups: Sequence[str] = ()) -> dict[str, int]:
    """The order groups are listed in: the plan's participant groups in the
    plan's order (chair, guests, units…), else the usual ones; then the
    others as they first appear."""
    order = {group: i for i, group in enumerate(plan_groups or DEFAULT_GROUPS)}
    for group in groups:
        order.setdefault(group, len(order))
    return order


def sorted_attendees(attendees: list[Attendee], plan_groups: Sequence[str] = ()) -> list[Attendee]:
    """Grouped in the order of the plan's participants section (``plan_groups``,
    see core/invitees.py), and by name the Vietnamese way inside each group;
    units without a name by unit."""
    order = group_order([a.group for a in attendees], plan_groups)
    return sorted(attendees, key=lambda a: (order[a.group], name_key(a.name), sort_key(a.unit)))
