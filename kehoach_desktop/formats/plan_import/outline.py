"""The body of an existing plan as an outline: sections by their Roman
numerals, and inside each a tree of numbered headings, "-"/"+" items,
paragraphs and displayed (all-capital) lines."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...core import content as c
from ...core.text import fold
from .header import PLACE_DATE, RULE, is_upper

SECTION = re.compile(r"^([IVXLC]{1,7})\s*[.)/]?\s+(\S.*)$")
NUMBERED = re.compile(r"^(\d{1,2}(?:\.\d{1,2}){0,3})(?:\.|\))?\s+(\S.*)$")
ITEM_1 = re.compile(r"^[-–—·•●▪◦○■]\s*(?=\S)")
ITEM_2 = re.compile(r"^\+\s*(?=\S)")
STAR_LABEL = re.compile(r"^\*\s*(\S.*:)\s*$")
STAR_ITEM = re.compile(r"^\*\s*(?=\S)")
# Headings a section can have without its numeral (seen and usual ones).
SECTION_WORDS = ("muc dich", "yeu cau", "noi dung", "thoi gian", "dia diem", "thanh phan", "chuong trinh",
                 "to chuc thuc hien", "phan cong", "tien do", "kinh phi", "hinh thuc", "nhiem vu", "giai phap",
                 "de xuat", "kien nghi", "ke hoach", "phuong thuc", "doi tuong", "co cau giai thuong")
INLINE_LABEL_WORDS = 9  # "Thành phần tham dự hội nghị: Dự kiến 50 đại biểu" has 5


@dataclass
class Node:
    kind: str  # "heading", "numbered", "item", "paragraph", "label", "display"
    text: str
    level: int = 0  # item level (1 "-", 2 "+") or heading depth (1 for "1.", 2 for "2.1.")
    tail: str = ""  # a heading's text on its own line after the colon
    children: list["Node"] = field(default_factory=list)


@dataclass
class RawSection:
    heading: str
    numeral: str
    nodes: list[Node]
    lines: list[str]  # the section's own lines, for the report


def section_heading(line: str) -> tuple[str, str] | None:
    """(numeral, heading) of a section heading line."""
    text = line.replace("\t", " ").strip()
    match = SECTION.match(text)
    if match and is_upper(match.group(2)):
        return match.group(1), match.group(2).strip()
    folded = fold(text).rstrip(":").strip()
    if is_upper(text) and len(text.split()) <= 12 and any(folded.startswith(w) for w in SECTION_WORDS):
        return "", text
    return None


def split_sections(lines: list[str]) -> tuple[list[str], list[RawSection]]:
    """(lines before the first section, sections)."""
    before: list[str] = []
    sections: list[RawSection] = []
    for line in lines:
        found = section_heading(line)
        if found is not None:
            sections.append(RawSection(found[1], found[0], [], []))
        elif sections:
            sections[-1].lines.append(line)
        else:
            before.append(line)
    for section in sections:
        section.nodes = outline(section.lines)
    return before, sections


def _tokens(lines: list[str]) -> list[Node]:
    tokens: list[Node] = []
    previous_display = False
    for raw in lines:
        text = " ".join(raw.replace("\t", " ").split())
        if not text or RULE.match(text):
            previous_display = False if not text else previous_display
            continue
        if (m := NUMBERED.match(text)) and not re.match(r"^\d{1,2}[/.]\d{1,2}[/.]\d{2,4}", text):
            depth = m.group(1).count(".") + 1
            tokens.append(Node("numbered", m.group(2).strip(), depth))
        elif m := ITEM_2.match(text):
            tokens.append(Node("item", text[m.end():].strip(), 2))
        elif m := STAR_LABEL.match(text):
            tokens.append(Node("label", m.group(1).strip()))
        elif m := (ITEM_1.match(text) or STAR_ITEM.match(text)):
            tokens.append(Node("item", text[m.end():].strip(), 1))
        elif is_upper(text) and len(text) > 3:
            tokens.append(Node("display", text))
            previous_display = True
            continue
        elif previous_display and PLACE_DATE.match(text):
            tokens.append(Node("display", text))  # the date line closing a stage backdrop
        else:
            tokens.append(Node("paragraph", text))
        previous_display = False
    return tokens


def outline(lines: list[str]) -> list[Node]:
    """Nests the tokens under their numbered headings, then decides which
    numbered lines are headings (they have content, end with ":", or carry
    a short label before a colon) and which are numbered paragraphs."""
    root = Node("root", "", 0)
    stack = [root]
    for token in _tokens(lines):
        if token.kind == "numbered":
            while len(stack) > 1 and stack[-1].level >= token.level:
                stack.pop()
            stack[-1].children.append(token)
            stack.append(token)
        else:
            stack[-1].children.append(token)
    _decide(root)
    return root.children


def _decide(node: Node) -> None:
    for child in node.children:
        _decide(child)
        if child.kind != "numbered":
            continue
        text = child.text
        label, colon, tail = text.partition(":")
        if colon and tail.strip(" :") and len(label.split()) <= INLINE_LABEL_WORDS and not _is_sentence(label):
            child.kind, child.text, child.tail = "heading", label.strip(), tail.strip()
        elif text.endswith(":"):
            child.kind, child.text = "heading", text[:-1].strip()
        elif child.children:
            child.kind = "heading"
        if child.kind == "heading":
            child.text = child.text.rstrip(" .;,")  # a heading ends with the colon the layout writes


def _is_sentence(label: str) -> bool:
    return label.rstrip().endswith((".", ";", ")")) or "," in label and len(label.split()) > 6


def free_content(nodes: list[Node]) -> c.FreeContent:
    """Nodes as free content: nothing recognised, nothing lost."""
    blocks: list = []
    for node in nodes:
        if node.kind == "heading":
            inner = ([c.Paragraph(node.tail)] if node.tail else []) + free_content(node.children).blocks
            blocks.append(c.Subsection(node.text, c.FreeContent(inner), inline=bool(node.tail)))
        elif node.kind == "numbered":
            blocks.append(c.Numbered(node.text))
            blocks.extend(free_content(node.children).blocks)
        elif node.kind == "item":
            blocks.append(c.Item(node.text, node.level))
        elif node.kind == "display":
            if blocks and isinstance(blocks[-1], c.Display):
                blocks[-1].lines.append(node.text)
            else:
                blocks.append(c.Display([node.text]))
        elif node.kind == "label":
            blocks.append(c.Paragraph("* " + node.text))
        else:
            blocks.append(c.Paragraph(node.text))
    return c.FreeContent(blocks)
