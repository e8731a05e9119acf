"""What a letter of invitation (thư mời) says: to whom ("Kính gửi: …"), the
invitation, the event's time, place and agenda taken from the plan, and
the office's contact person. Only words here; formats/invitations_docx.py
lays them out on the page.

The rows come from the guest list (core/attendees.py). A row written before
invitees were structured may still hold a whole participant line in its
position ("Kính mời đồng chí Thường trực Thành Đoàn;", "Đại diện Ban Dân vận
Thành ủy"): ``reading`` takes the verb, the honorific, the delegate words and
the "(02 đồng chí)" off such a line, so that no letter ever reads "Kính gửi:
Kính mời …" or "Kính gửi: Đại diện …".
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Literal

from . import content as c
from .attendees import Attendee
from .dates import time_text
from .layout import FORM_LABELS, BodyLayout
from .model import Plan
from .plan_texts import first_time_place, structured
from .text import fold

Kind = Literal["person", "role", "unit"]
# How a letter names a person: on the "Kính gửi" line, and in a sentence.
HONORIFIC_TITLE = {"đồng chí": "Đồng chí", "ông": "Ông", "bà": "Bà"}
HONORIFIC_IN_TEXT = {"đồng chí": "đồng chí", "ông": "Ông", "bà": "Bà"}  # Ông, Bà: capitalised out of respect
_VERB = re.compile(r"^(?:(?:trân trọng\s+)?kính\s+mời|xin\s+mời|mời)\s+", re.IGNORECASE)
_HONORIFIC = re.compile(r"^(đồng chí|ông|bà)\s+", re.IGNORECASE)
_DELEGATE = re.compile(r"^((?:đại diện\s+)?lãnh đạo|đại diện)(?:\s+|$)", re.IGNORECASE)
_COUNT = re.compile(r"\s*\(\s*(\d+)\s+(?:đồng chí|người|đại biểu)\s*\)\s*$", re.IGNORECASE)
_ORGANISE = re.compile(r"^\s*(?:kế hoạch\s+)?(?:phối hợp\s+)?tổ chức\s+", re.IGNORECASE)
_LEADS_ON = re.compile(r"[\s,]+(?:cụ thể\s+)?(?:gồm|như sau)$", re.IGNORECASE)  # "…, cụ thể gồm" before its sub-items
_TENTATIVE_PLACE = re.compile(r"^\s*(?:dự kiến\s+)?(?:tại\s+)?", re.IGNORECASE)


@dataclass(frozen=True)
class Invitee:
    """A guest-list row as a letter reads it.

    ``kind``: "person" (a name), "role" (a person the plan names by position
    only: "Đồng chí Thường trực Thành Đoàn"), "unit" (a unit invited as a
    whole, or a row with a unit only: "Ban Dân vận Thành ủy"). ``role``: the
    person's position, or for a unit who comes ("đại diện lãnh đạo").
    """

    kind: Kind
    honorific: str  # a key of HONORIFIC_TITLE or ""
    name: str
    role: str
    unit: str
    count: int
    code: str

    def addressee(self) -> str:
        """What follows "Kính gửi: "."""
        if self.kind == "unit":
            return _upper_first(self.unit)  # "Các cơ sở Đoàn trực thuộc": it opens the line
        if self.kind == "person":
            where = _role_at(self.role, self.unit)
            head = f"{HONORIFIC_TITLE[self.honorific]} {self.name}" if self.honorific else self.name
            return f"{head}, {where}" if where else head
        many = self.count > 1 and self.honorific in ("đồng chí", "")
        head = "Các đồng chí" if many else HONORIFIC_TITLE.get(self.honorific, "Đồng chí")
        return f"{head} {_role_at(self.role, self.unit)}"

    def whom(self) -> str:
        """Who is invited, in the sentence "Trân trọng kính mời … đến dự"."""
        if self.kind == "unit":
            role = _lower_first(self.role) if _DELEGATE.match(self.role) else self.role
            who = f"{role} đơn vị" if role else "Quý đơn vị"
            return who + (f" ({self.count:02d} đồng chí)" if self.count > 1 else "")
        if self.kind == "role" and self.count > 1 and self.honorific in ("đồng chí", ""):
            return "các đồng chí"
        if self.kind == "role":
            return HONORIFIC_IN_TEXT.get(self.honorific, "đồng chí")
        return HONORIFIC_IN_TEXT[self.honorific] if self.honorific else self.name


def reading(row: Attendee, default_honorific: str = "") -> Invitee | None:
    """The row as a letter reads it; None for a row with nothing to address.
    A person whose row gives no honorific gets ``default_honorific`` (the
    plan's: core/invitees.default_honorific). A unit invited as a whole
    whose representative's name the clerk filled in is addressed to that
    person."""
    row = row.normalised()
    position = _VERB.sub("", row.position.rstrip(";,.").strip())
    count = row.head_count
    if stated := _COUNT.search(position):
        count = max(count, int(stated.group(1)))
        position = position[:stated.start()]
    honorific = row.honorific
    if found := _HONORIFIC.match(position):  # "đồng chí Thường trực …" from a participant line
        honorific = honorific or found.group(1).lower()
        position = position[found.end():]
    delegate = _DELEGATE.match(position)
    if row.name and delegate:  # "Đại diện lãnh đạo" said who would come; now the name says it
        position = position[delegate.end():]
        delegate = None
    honorific = honorific or default_honorific
    if (row.whole_unit and not row.name) or (not row.name and (delegate or not position)):
        if delegate and (not row.unit or position[delegate.end():]):
            # "Đại diện Ban Dân vận Thành ủy": the words before the unit say who comes
            role, unit = delegate.group(1), _join(position[delegate.end():], row.unit)
        elif row.unit:
            role, unit = position, row.unit
        else:
            role, unit = "", position  # the position is the unit's name
        if not unit:
            return None
        return Invitee("unit", "", "", _upper_first(role), unit, count, row.code)
    if row.name:
        return Invitee("person", honorific, row.name, position, row.unit, count, row.code)
    return Invitee("role", honorific, "", position, row.unit, count, row.code)


def _role_at(role: str, unit: str) -> str:
    """"Phó Bí thư Thành Đoàn TP. Hồ Chí Minh": the unit after the position,
    unless the position already names it."""
    if role and unit and fold(unit) in fold(role):
        return role
    return _join(role, unit)


def _join(*parts: str) -> str:
    return " ".join(p.strip() for p in parts if p.strip())


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


# ---------------------------------------------------------------- the event
def event_text(plan: Plan) -> str:
    """The event as the letter names it: the plan's title without "Tổ chức"."""
    event = _ORGANISE.sub("", plan.title_one_line).strip().rstrip(".;,")
    # "các hoạt động cấp Khối" stays in lower case inside the sentence; an event's name starts with a capital
    return _lower_first(event) if fold(event).startswith("cac ") else _upper_first(event)


def invitation(whom: str, plan: Plan) -> str:
    return f"Trân trọng kính mời {whom} đến dự {event_text(plan)}."


def event_lines(plan: Plan) -> list[str]:
    """"Thời gian: …", "Địa điểm: …" (and "Hình thức: …" for an online
    event) from the plan's first time and place. A letter states the time
    it invites to: no "dự kiến", always the weekday."""
    found = first_time_place(plan)
    if found is None:
        return []
    lines = []
    when = BodyLayout(plan).time_phrase(replace(found, tentative=False, show_weekday=True)).rstrip(".")
    if when:
        lines.append(f"Thời gian: {when}.")
    venue = _upper_first(_TENTATIVE_PLACE.sub("", found.venue.strip().rstrip(".;,")))
    address = found.address.strip().strip("()").rstrip(".;,")
    where = f"{venue} ({address})" if venue and address else venue or address
    if where:
        lines.append(f"Địa điểm: {where}.")
    if found.form in ("online", "hybrid"):
        lines.append(f"Hình thức: {FORM_LABELS[found.form]}.")
    return lines


def contact_line(contact: str) -> str:
    contact = contact.strip().rstrip(".;,")
    return f"Mọi chi tiết xin liên hệ: {contact}." if contact else ""


# --------------------------------------------------------------- the agenda
@dataclass(frozen=True)
class Agenda:
    label: str  # "Chương trình", "Nội dung"
    items: tuple[str, ...]


def agenda(plan: Plan) -> Agenda | None:
    """The event's programme: the plan's programme content, else a section or
    subsection headed "Chương trình …", else a "Nội dung" section that is a
    plain list (the points of a conference, as example 003 has them)."""
    style = plan.style.time_format
    for _, content in structured(plan):
        if isinstance(content, c.Programme) and content.slots:
            items = tuple(_slot_text(slot, style) for slot in content.slots)
            return Agenda("Chương trình", tuple(i for i in items if i))
    headed = list(_headed(plan))
    for heading, content in headed:
        if "chương trình" in heading.casefold() and (items := _list_items(content)):
            return Agenda("Chương trình", items)
    for heading, content in headed:
        if heading.casefold().strip(" :.") == "nội dung" and (items := _list_items(content, plain_only=True)):
            return Agenda("Nội dung", items)
    return None


def agenda_variants(found: Agenda | None) -> list[list[tuple[str, str]]]:
    """The agenda as (style key, text) lines, longest first, down to nothing:
    one "+" line per item; the items on one line; fewer items and "…". The
    letter takes the first that leaves it on one page."""
    if found is None or not found.items:
        return [[]]
    items = found.items
    listed = [("item1", f"-\t{found.label}:")]
    listed += [("item2", f"+\t{text}{'.' if i == len(items) - 1 else ';'}") for i, text in enumerate(items)]
    variants = [listed]
    for kept in range(len(items), 0, -1):
        tail = "." if kept == len(items) else "; …"
        variants.append([("item1", f"-\t{found.label}: " + "; ".join(items[:kept]) + tail)])
    variants.append([])
    return variants


def _slot_text(slot: c.ProgrammeSlot, style: str) -> str:
    text = _item(slot.text) or "; ".join(_item(i) for i in slot.items if _item(i))
    span = time_text(slot.start_time, style) if slot.start_time else ""
    if span and slot.end_time:
        span += " – " + time_text(slot.end_time, style)
    return f"{span}: {text}" if span and text else span or text


def _item(text: str) -> str:
    """An agenda item on one line, without the punctuation and the words
    ("như sau", "cụ thể gồm") that led on to its sub-items."""
    return _LEADS_ON.sub("", " ".join(text.split()).rstrip(";.,:"))


def _headed(plan: Plan) -> Iterator[tuple[str, c.Content]]:
    """(heading, content) of every section and subsection."""
    def walk(heading: str, content: c.Content) -> Iterator[tuple[str, c.Content]]:
        yield heading, content
        if isinstance(content, c.FreeContent):
            for block in content.blocks:
                if isinstance(block, c.Subsection):
                    yield from walk(block.heading, block.content)

    for section in plan.sections:
        yield from walk(section.heading, section.content)


def _list_items(content: c.Content, plain_only: bool = False) -> tuple[str, ...]:
    """The first-level items and paragraphs of free content; with
    ``plain_only``, none when the content has subsections or embedded parts."""
    if not isinstance(content, c.FreeContent):
        return ()
    if plain_only and any(isinstance(b, (c.Subsection, c.Embedded, c.Display)) for b in content.blocks):
        return ()
    texts = (_item(b.text) for b in content.blocks
             if isinstance(b, (c.Paragraph, c.Numbered)) or (isinstance(b, c.Item) and b.level <= 1))
    return tuple(t for t in texts if t)
