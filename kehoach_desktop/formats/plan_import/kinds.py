"""Recognising the structured kinds of content in an outline: time and
place, participants, programme, assignments, timeline, activities.

Every guess is checked by writing it out again with the program's own
layout: it is kept only when the words come back as they were read (numbers
compared by value, so "25/2/2020" and "25/02/2020" agree). Anything else
stays free content, word for word."""
from __future__ import annotations

import difflib
import re
from collections.abc import Callable

from ...core import content as c
from ...core.dates import stored_time
from ...core.kinds import Parts
from ...core.layout import BodyLayout, body_lines
from ...core.model import Plan, PlanStyle, Section
from ...core.text import fold
from . import phrases as ph
from .outline import Node

# Words the layout may add where a file left them out: "dự kiến 120 đồng
# chí, gồm:" on a heading, "ngày 16/12/2021" for a bare date, "từ ngày 12/4
# đến ngày 18/4/2020" for a dash.
FILLER = {"gồm", "ngày", "đến"}
PARTICIPANT_WORDS = ("thanh phan", "chu tri", "khach moi", "dai bieu", "tham du", "doi tuong tham gia")
PROGRAMME_WORDS = ("chuong trinh hoi nghi", "chuong trinh buoi", "chuong trinh dai hoi", "chuong trinh le",
                   "noi dung chuong trinh", "chuong trinh")
ASSIGNMENT_WORDS = ("phan cong", "to chuc thuc hien", "nhiem vu", "trach nhiem")
TIMELINE_WORDS = ("tien do", "lich trinh", "thoi gian thuc hien")
DUTY_VERBS = ("chịu trách nhiệm", "phụ trách", "triển khai", "là đầu mối", "là", "tổ chức", "chuẩn bị", "vận động",
              "tham mưu", "phối hợp", "chủ trì", "thực hiện", "hướng dẫn", "căn cứ", "tham gia", "đảm bảo", "báo cáo")


# ------------------------------------------------------------ the check
def _word(token: str) -> str:
    # isdecimal, not isdigit: int() refuses "³"; and any number past 4,300
    # digits (no plan has one)
    return str(int(token)) if token.isdecimal() and len(token) <= 100 else token


def _time_token(match: re.Match) -> str:
    # "phút" stays a word: the layout never writes it, so a time typed
    # "16 giờ 20 phút" keeps its free wording rather than lose a word.
    minute = " phút" if re.search(r"phút$", match.group(0), re.I) else ""
    return " t" + stored_time(match.group(0)).replace(":", "") + minute + " "


def words_of(texts: list[str]) -> list[str]:
    """The words, numbers by value and times in one form: a plan writing
    "8 giờ 30" in one place and "07:30" in another is written back in its
    main form without that counting as a change of words."""
    out = []
    for text in texts:
        text = ph.TIME.sub(_time_token, text.lower())
        out += [_word(w) for w in re.findall(r"\w+", text)]
    return out


def node_texts(nodes: list[Node]) -> list[str]:
    texts = []
    for node in nodes:
        texts.append(f"{node.text} {node.tail}".strip())
        texts += node_texts(node.children)
    return texts


def rendered_texts(content: c.Content, style: PlanStyle) -> list[str]:
    lines = body_lines(Plan(sections=[Section("X", content)], style=style), end_mark=False)[1:]
    return [" ".join(p for p in (line.text, line.tail) if p) for line in lines]


def faithful(content: c.Content, nodes: list[Node], style: PlanStyle, heading: Node | None = None) -> bool:
    """True when the content, written out, has the words of the nodes (and
    of their heading when the content is the heading's)."""
    if heading is not None:
        content = c.FreeContent([c.Subsection(heading.text, content)])
        nodes = [Node("heading", heading.text, heading.level, heading.tail, nodes)]
    return _same_words(node_texts(nodes), rendered_texts(content, style))


def _same_words(original: list[str], rendered: list[str]) -> bool:
    a, b = words_of(original), words_of(rendered)
    if a == b:
        return True
    for op, _i1, _i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op != "equal" and not (op == "insert" and set(b[j1:j2]) <= FILLER):
            return False
    return True


def has_words(text: str, words: tuple[str, ...]) -> bool:
    """True when the text (without diacritics) contains one of the words."""
    folded = fold(text)
    return any(w in folded for w in words)


# ------------------------------------------------------------ time and place
def _facet_texts(first: str, rest: list[Node]) -> list[str] | None:
    if any(n.kind != "paragraph" or n.children for n in rest):
        return None
    return ([first] if first else []) + [n.text for n in rest]


def _fill_facet(tp: c.TimePlace, facet: str, texts: list[str]) -> bool:
    if facet == "time":
        if not texts or not ph.parse_time_phrase(texts[0], tp):
            return False
        if len(texts) == 2 and re.match(r"^\((mùng|ngày)\s", texts[1], re.I):
            tp.show_lunar = True
        elif len(texts) > 1:
            return False
    elif facet == "place":
        if not texts or len(texts) > 2:
            return False
        tp.venue = texts[0]
        if len(texts) == 2:
            if not (texts[1].startswith("(") and texts[1].rstrip(".").endswith(")")):
                return False
            tp.address = texts[1].rstrip(".").strip()[1:-1].strip()
    else:
        if len(texts) != 1:
            return False
        folded = fold(texts[0]).rstrip(".")
        modes: dict[str, c.FormMode] = {"truc tiep": "in_person", "truc tuyen": "online",
                                        "truc tiep ket hop truc tuyen": "hybrid"}
        mode = modes.get(folded)
        if mode:
            tp.form = mode
        else:
            tp.form_text = texts[0]
    return True


def time_place_from_headings(nodes: list[Node], style: PlanStyle) -> c.TimePlace | None:
    """Facets as numbered subsections ("1. Thời gian:", "2. Địa điểm: …")."""
    if not nodes or any(n.kind != "heading" or ph.is_facet(n.text) is None for n in nodes):
        return None
    tp = c.TimePlace(facets=[], layout="subsections", inline=bool(nodes[0].tail))
    for node in nodes:
        facet = ph.is_facet(node.text)
        if facet is None or facet in tp.facets or bool(node.tail) != tp.inline:
            return None
        texts = _facet_texts(node.tail, node.children)
        if texts is None or not _fill_facet(tp, facet, texts):
            return None
        tp.facets.append(facet)
    return tp if faithful(tp, nodes, style) else None


def time_place_from_items(nodes: list[Node], style: PlanStyle) -> c.TimePlace | None:
    """Facets as "- Thời gian: …" items (or plain "Thời gian: …" lines),
    continuation lines as paragraphs."""
    if not nodes or nodes[0].kind not in ("item", "paragraph"):
        return None
    kind = nodes[0].kind
    tp = c.TimePlace(facets=[], layout="items" if kind == "item" else "lines")
    groups: list[tuple[str, list[str]]] = []
    for node in nodes:
        label, colon, rest = node.text.partition(":")
        facet = ph.is_facet(label) if colon else None
        if node.kind == kind and facet is not None and node.level <= 1:
            groups.append((facet, [rest.strip()] if rest.strip() else []))
        elif node.kind == "paragraph" and groups and not node.children:
            groups[-1][1].append(node.text)
        else:
            return None
    for facet, texts in groups:
        if facet in tp.facets or not _fill_facet(tp, facet, texts):
            return None
        tp.facets.append(facet)
    return tp if faithful(tp, nodes, style) else None


# ------------------------------------------------------------ participants
def _pop_total(nodes: list[Node]) -> tuple[list[Node], re.Match | None]:
    """The stated total "(Dự kiến: 60 đồng chí)" after the entries; it may
    sit under the last group's heading in the outline."""
    if nodes and nodes[-1].kind == "paragraph" and (m := ph.TOTAL.match(nodes[-1].text)):
        return nodes[:-1], m
    last = nodes[-1] if nodes else None
    if last is not None and last.kind == "heading" and last.children and last.children[-1].kind == "paragraph" \
            and (m := ph.TOTAL.match(last.children[-1].text)):
        trimmed = Node(last.kind, last.text, last.level, last.tail, last.children[:-1])
        return nodes[:-1] + [trimmed], m
    return nodes, None


def _entry(node: Node, units: set[str]) -> c.ParticipantEntry:
    text, count, unit, remark = ph.split_count(node.text)
    if unit:
        units.add(unit)
    return c.ParticipantEntry(text, count, remark)


def _plain_items(nodes: list[Node]) -> bool:
    return all(n.kind == "item" and n.level == 1 and not n.children for n in nodes)


def participants(nodes: list[Node], style: PlanStyle, heading: Node | None = None) -> c.Participants | None:
    p = c.Participants()
    units: set[str] = set()
    original = nodes
    nodes, total = _pop_total(nodes)
    if total:
        p.stated_total, p.total_tentative = int(total.group(2)), fold(total.group(1)) == "du kien"
        p.total_unit = total.group(3).lower()
    if heading is not None and heading.tail:
        match = ph.HEADING_TOTAL.match(heading.tail.strip())
        if match is None or total:
            return None
        p.stated_total, p.total_tentative = int(match.group(2)), fold(match.group(1)) == "du kien"
        p.total_unit, p.total_placement = match.group(3).lower(), "heading"
    group: c.ParticipantGroup | None = None
    for node in nodes:
        if node.kind == "item" and node.level == 1 and node.text.endswith(":") and not node.children \
                and not any(g.title for g in p.groups if p.group_style != "labels"):
            p.group_style = "labels"  # "- Khách mời:" with "+" entries: a labelled group
            group = c.ParticipantGroup(node.text.rstrip(":").strip())
            p.groups.append(group)
        elif _plain_items([node]):
            if group is None:
                group = c.ParticipantGroup()
                p.groups.append(group)
            group.entries.append(_entry(node, units))
        elif node.kind == "heading" and not node.tail and _plain_items(node.children) and p.group_style != "labels":
            group = c.ParticipantGroup(node.text)
            p.groups.append(group)
            group.entries += [_entry(child, units) for child in node.children]
        elif node.kind == "item" and node.level == 2 and group is not None and group.title \
                and p.group_style == "labels" and not node.children:
            group.entries.append(_entry(node, units))
        elif node.kind == "label" and not any(g.title for g in p.groups if p.group_style != "labels"):
            p.group_style = "labels"
            group = c.ParticipantGroup(node.text.rstrip(":").strip())
            p.groups.append(group)
        else:
            return None
    if not p.groups or len(units) > 1:
        return None
    p.unit = units.pop() if units else (p.total_unit or "đồng chí")
    if p.total_unit == p.unit:
        p.total_unit = ""
    return p if faithful(p, original, style, heading) else None


# ------------------------------------------------------------ programme
def programme(nodes: list[Node], style: PlanStyle) -> c.Programme | None:
    prog = c.Programme()
    for node in nodes:
        if node.kind != "item" or node.children:
            return None
        if node.level == 1:
            slot = c.ProgrammeSlot(text=node.text)
            match = re.match(rf"^({ph.TIME.pattern})(?:\s*[-–—]\s*({ph.TIME.pattern}))?\s*:\s*", node.text, re.I)
            if match:
                slot.start_time = stored_time(match.group(1))
                if match.group(4):
                    slot.end_time = stored_time(match.group(4))
                slot.text = node.text[match.end():]
            prog.slots.append(slot)
        elif prog.slots:
            prog.slots[-1].items.append(node.text)
        else:
            return None
    return prog if prog.slots and faithful(prog, nodes, style) else None


# ------------------------------------------------------------ assignments
def assignments(nodes: list[Node], style: PlanStyle) -> c.Assignments | None:
    a = c.Assignments()
    kinds = set()
    for node in nodes:
        if node.kind != "heading":
            return None
        unit = c.UnitAssignment(node.text, inline=bool(node.tail))
        if node.tail:
            unit.tasks.append(ph.parse_deadline(node.tail))
        for child in node.children:
            if child.kind == "display" and unit.tasks:
                unit.tasks[-1].display.append(child.text)
                continue
            if child.children or child.kind not in ("item", "paragraph") or (child.kind == "item" and child.level != 1):
                return None
            kinds.add(child.kind)
            unit.tasks.append(ph.parse_deadline(child.text))
        a.units.append(unit)
    if not a.units or len(kinds) > 1:
        return None
    a.task_style = "paragraphs" if kinds == {"paragraph"} else "items"
    if faithful(a, nodes, style):
        return a
    for unit in a.units:  # a deadline the layout would write otherwise: keep the words
        for task in unit.tasks:
            task.text, task.deadline_date, task.deadline_time = _task_words(task, style), None, ""
    return a if faithful(a, nodes, style) else None


def _task_words(task: c.Task, style: PlanStyle) -> str:
    return BodyLayout(Plan(style=style)).task_text(task)


# ------------------------------------------------------------ timeline
def timeline(nodes: list[Node], style: PlanStyle) -> c.Timeline | None:
    t = c.Timeline()
    for node in nodes:
        if node.kind != "item" or node.level != 1 or node.children:
            return None
        when, colon, text = node.text.partition(":")
        if not colon or len(when.split()) > 10 or not re.search(r"\d", when):
            return None
        parsed = ph.parse_when(when) or c.When(text=when.strip())
        if not _same_words([when], [BodyLayout(Plan(style=style)).when_text(parsed)]):
            parsed = c.When(text=when.strip())  # a date the program would write otherwise: keep the words
        t.steps.append(c.TimelineStep(parsed, text.strip()))
    return t if t.steps and faithful(t, nodes, style) else None


# ------------------------------------------------------------ activities
ACTIVITY_FIELDS = {"thoi gian": "time", "dia ban": "area", "noi dung": "content", "phu trach": "duties",
                   "phan cong": "duties"}


def activities(nodes: list[Node], style: PlanStyle) -> c.Activities | None:
    acts = c.Activities()
    for node in nodes:
        if node.kind != "heading" or node.tail:
            return None
        act = c.Activity(node.text.rstrip())
        current = ""
        for child in node.children:
            label, colon, rest = child.text.partition(":")
            field = ACTIVITY_FIELDS.get(fold(label).strip()) if colon and child.level == 1 else None
            if child.kind != "item" or child.children:
                return None
            if field is not None:
                current = field
                if field == "duties":
                    act.duty_label = label.strip()
                    if rest.strip():
                        return None
                elif field == "content":
                    if rest.strip():
                        act.content.append(rest.strip())
                elif getattr(act, field):
                    return None
                else:
                    setattr(act, field, rest.strip())
            elif child.level == 2 and current == "content":
                act.content.append(child.text)
            elif child.level == 2 and current == "duties":
                act.duties.append(_duty(child.text))
            else:
                return None
        acts.activities.append(act)
    if not acts.activities or not any(a.time or a.duties for a in acts.activities):
        return None
    return acts if faithful(acts, nodes, style) else None


def _duty(text: str) -> c.Duty:
    """"Đoàn Khối chịu trách nhiệm …" -> body "Đoàn Khối", text "chịu …":
    the body is what comes before the first verb of duty."""
    folded = text.lower()
    best = None
    for verb in DUTY_VERBS:
        for match in re.finditer(rf"(?:^|\s){re.escape(verb)}(?=[\s,.;:])", folded):
            if best is None or match.start() < best:
                best = match.start()
            break
    if best is None or best == 0:
        return c.Duty("", text)
    return c.Duty(text[:best].strip(), text[best:].strip())


# ------------------------------------------------------------ the registry
# Each kind's recogniser, asked in this order (the order registered) by
# structure.py for a section, or a subsection of free content, under a
# heading: (heading's words, the nodes under it, the plan's style, whether
# it is a whole section, the heading's node inside free content) -> the
# content, or None when the kind does not fit. Free content has none: it is
# what is left when no recogniser takes the nodes.
Recogniser = Callable[[str, list[Node], PlanStyle, bool, Node | None], c.Content | None]
RECOGNISERS: Parts[Recogniser] = Parts("import recogniser")


def _facet_words(heading: str) -> bool:
    folded = fold(heading)
    return any(w in folded for w in ("thoi gian", "dia diem", "hinh thuc"))


@RECOGNISERS.part("time_place")
def _recognise_time_place(heading: str, nodes: list[Node], style: PlanStyle, whole_section: bool,
                          heading_node: Node | None) -> c.Content | None:
    if not (whole_section or _facet_words(heading)):
        return None
    tp = time_place_from_headings(nodes, style) or time_place_from_items(nodes, style)
    return tp if tp is not None and (whole_section or heading_node is not None) else None


@RECOGNISERS.part("participants")
def _recognise_participants(heading: str, nodes: list[Node], style: PlanStyle, whole_section: bool,
                            heading_node: Node | None) -> c.Content | None:
    return participants(nodes, style, heading_node) if has_words(heading, PARTICIPANT_WORDS) else None


@RECOGNISERS.part("programme")
def _recognise_programme(heading: str, nodes: list[Node], style: PlanStyle, whole_section: bool,
                         heading_node: Node | None) -> c.Content | None:
    return programme(nodes, style) if has_words(heading, PROGRAMME_WORDS) else None


@RECOGNISERS.part("timeline")
def _recognise_timeline(heading: str, nodes: list[Node], style: PlanStyle, whole_section: bool,
                        heading_node: Node | None) -> c.Content | None:
    return timeline(nodes, style) if has_words(heading, TIMELINE_WORDS) else None


@RECOGNISERS.part("assignments")
def _recognise_assignments(heading: str, nodes: list[Node], style: PlanStyle, whole_section: bool,
                           heading_node: Node | None) -> c.Content | None:
    return assignments(nodes, style) if has_words(heading, ASSIGNMENT_WORDS) else None


@RECOGNISERS.part("activities")
def _recognise_activities(heading: str, nodes: list[Node], style: PlanStyle, whole_section: bool,
                          heading_node: Node | None) -> c.Content | None:
    if whole_section and has_words(heading, ("noi dung", "hoat dong", "chuong trinh")):
        return activities(nodes, style)
    return None
