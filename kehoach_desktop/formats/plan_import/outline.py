"""The body of an existing plan as an outline: sections by their Roman
numerals, and inside each a tree of numbered headings, "-"/"+" items,
paragraphs and displayed (all-capital) lines."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...core import content as c
from ...core.text import fold
from .header_fields import PLACE_DATE, RULE, is_upper

SECTION = re.compile(r"^([IVXL]{1,7})\s*(?:[.)]|/[.\-–]?|[-–:])\s*(\S.*)$")  # "I.", "I)", "I/", "I/.", "I/-", "I -", "I-"
BARE_SECTION = re.compile(r"^([IVXL]{1,7})\s+(\S.*)$")  # "I MỤC ĐÍCH - YÊU CẦU": the numeral, a space
LETTER_SECTION = re.compile(r"^([A-H])\s*[.)/]\s+(\S.*)$")  # "A. MỤC ĐÍCH, YÊU CẦU"
ROMAN = re.compile(r"^(?:XL|L?X{0,3})(?:IX|IV|V?I{0,3})$")
NUMBERED_SECTION = re.compile(r"^(\d{1,2})\.\s+(\S.*)$")
NUMBERED = re.compile(r"^(\d{1,2}(?:\.\d{1,2}){0,3})(?:\.|\))?\s+(\S.*)$")
ITEM_1 = re.compile(r"^[-–—·•●▪◦○■]\s*(?=\S)")
ITEM_2 = re.compile(r"^\+\s*(?=\S)")
STAR_LABEL = re.compile(r"^\*\s*(\S.*:)\s*$")
STAR_ITEM = re.compile(r"^\*\s*(?=\S)")
# Headings a section can have without its numeral (seen and usual ones).
SECTION_WORDS = ("muc dich", "yeu cau", "noi dung", "thoi gian", "dia diem", "thanh phan", "chuong trinh",
                 "to chuc thuc hien", "phan cong", "tien do", "kinh phi", "hinh thuc", "nhiem vu", "giai phap",
                 "de xuat", "kien nghi", "phuong thuc", "doi tuong", "co cau giai thuong", "dieu le")
INLINE_LABEL_WORDS = 9  # "Thành phần tham dự hội nghị: Dự kiến 50 đại biểu" has 5


@dataclass
class Node:
    kind: str  # "heading", "numbered", "item", "paragraph", "label", "display"
    text: str
    level: int = 0  # item level (1 "-", 2 "+") or heading depth (1 for "1.", 2 for "2.1.")
    tail: str = ""  # a heading's text on its own line after the colon
    children: list[Node] = field(default_factory=list)


@dataclass
class RawSection:
    heading: str
    numeral: str
    nodes: list[Node]
    lines: list[str]  # the section's own lines, for the report


def _is_heading_text(text: str) -> bool:
    """Capitals, or a short sentence-case heading ("Mục đích, yêu cầu")."""
    words = text.split()
    return is_upper(text) or (text[:1].isupper() and len(words) <= 14 and not text.rstrip().endswith((".", ";"))
                              and len(text) <= 120)


# How a plan numbers its sections: Roman numerals (the rule), or, in a plan
# without any, Arabic ones before capitals ("1. MỤC ĐÍCH"), Arabic ones
# before a short heading ("1. Mục đích", then "2. Yêu cầu"), or capital
# letters ("A. MỤC ĐÍCH, YÊU CẦU").
ROMAN_SECTIONS, ARABIC_CAPITALS, ARABIC_HEADINGS, LETTERS = "roman", "arabic", "arabic-headings", "letters"


def section_heading(line: str, scheme: str | bool = ROMAN_SECTIONS) -> tuple[str, str] | None:
    """(numeral, heading) of a section heading line: a Roman numeral (or
    the numeral of the plan's other ``scheme``: section_scheme), or a line
    in capitals starting with a usual heading word."""
    scheme = ARABIC_CAPITALS if scheme is True else ROMAN_SECTIONS if scheme is False else scheme
    text = line.replace("\t", " ").strip()
    match = SECTION.match(text)
    if match and match.group(1) and ROMAN.match(match.group(1)) and _is_heading_text(match.group(2)):
        return match.group(1), match.group(2).strip()
    match = BARE_SECTION.match(text)
    if match and ROMAN.match(match.group(1)) and _is_heading_text(match.group(2)) and len(text.split()) <= 12:
        return match.group(1), match.group(2).strip()
    match = NUMBERED_SECTION.match(text) if scheme in (ARABIC_CAPITALS, ARABIC_HEADINGS) else None
    if match and (is_upper(match.group(2)) or (scheme == ARABIC_HEADINGS and _short_heading(match.group(2)))):
        return match.group(1), match.group(2).strip()
    match = LETTER_SECTION.match(text) if scheme == LETTERS else None
    if match and is_upper(match.group(2)):
        return match.group(1), match.group(2).strip()
    folded = fold(text).rstrip(":").strip()
    if is_upper(text) and len(text.split()) <= 12 and any(folded.startswith(w) for w in SECTION_WORDS):
        return "", text
    return None


def _lone_capital_heading(lines: list[str], i: int) -> bool:
    """An unnumbered line in capitals standing alone between sections, with
    numbered or listed content under it ("ĐIỀU LỆ THI ĐẤU" then "1. …"),
    unlike a displayed block (several capital lines, after a colon)."""
    text = lines[i].strip()
    if not is_upper(text) or len(text.split()) > 12 or PLACE_DATE.match(text) or text[:1].isdigit():
        return False  # "2 YÊU CẦU" is a numbered heading inside a section
    before = next((line.strip() for line in reversed(lines[:i]) if line.strip()), "")
    after = next((line.strip() for line in lines[i + 1:] if line.strip()), "")
    return bool(before) and not before.endswith(":") and not is_upper(before) and \
        bool(_numbered(after) or ITEM_1.match(after)) and not is_upper(after)


def _short_heading(text: str) -> bool:
    """"Mục đích", "Yêu cầu:", "Tổ chức thực hiện": a heading's words, no
    sentence and nothing after a colon."""
    label, colon, tail = text.partition(":")
    return _is_heading_text(label) and len(label.split()) <= 10 and not tail.strip() and not label.endswith(",")


def _in_sequence(numerals: list[str]) -> bool:
    """1, 2, 3 … or A, B, C …, from the first."""
    return numerals[:1] in (["1"], ["A"]) and all(
        _next_numeral(a) == b for a, b in zip(numerals, numerals[1:], strict=False))


def _next_numeral(numeral: str) -> str:
    return str(int(numeral) + 1) if numeral.isdigit() else chr(ord(numeral) + 1)


def section_scheme(lines: list[str]) -> str:
    """How the plan numbers its sections (ROMAN_SECTIONS when it uses Roman
    numerals or none of the others)."""
    if any((heading := section_heading(line)) and heading[0] for line in lines):
        return ROMAN_SECTIONS
    texts = [line.replace("\t", " ").strip() for line in lines]
    if sum(bool((m := NUMBERED_SECTION.match(text)) and is_upper(m.group(2))) for text in texts) >= 2:
        return ARABIC_CAPITALS
    letters = [m.group(1) for text in texts if (m := LETTER_SECTION.match(text)) and is_upper(m.group(2))]
    if len(letters) >= 2 and _in_sequence(letters):
        return LETTERS
    # "1. Mục đích" … "4. Tổ chức thực hiện": the plan's top level when the
    # short headings count 1, 2, 3 … and name a section's usual parts.
    headings = [m for text in texts if (m := NUMBERED_SECTION.match(text)) and _short_heading(m.group(2))]
    tops = _top_sequence([m.group(1) for m in headings])
    usual = sum(1 for m in headings if any(fold(m.group(2)).startswith(w) for w in SECTION_WORDS))
    return ARABIC_HEADINGS if tops >= 2 and usual >= 2 else ROMAN_SECTIONS


def _top_sequence(numerals: list[str]) -> int:
    """How long the run 1, 2, 3 … among the numerals is (others between
    them skipped: a "1." inside a section starts no new run)."""
    expected = 1
    for numeral in numerals:
        if numeral == str(expected):
            expected += 1
    return expected - 1


def uses_numbered_sections(lines: list[str]) -> bool:
    """A plan whose sections are "1. MỤC ĐÍCH" …, with no Roman numeral."""
    return section_scheme(lines) == ARABIC_CAPITALS


# What Word marks a paragraph as (docx_blocks): its outline level (0 for
# "Heading 1"), or BOLD for a short paragraph all in bold. A text file has
# no marks.
BOLD = 9
MAX_MARKED_WORDS = 20  # a heading Word marks is short: a longer bold paragraph is emphasis


def split_sections(lines: list[str], marks: dict[int, int] | None = None) -> tuple[list[str], list[RawSection]]:
    """(lines before the first section, sections). ``marks``: the lines
    Word marks as headings (index: outline level or BOLD), which decide the
    sections when the text alone does not (marked_sections)."""
    before: list[str] = []
    sections: list[RawSection] = []
    scheme = section_scheme(lines)
    counted = scheme in (ARABIC_HEADINGS, LETTERS)  # only the next numeral starts a section
    decided = marked_sections(lines, marks)
    for i, line in enumerate(lines):
        if sections and not sections[-1].lines and _heading_goes_on(sections[-1].heading, line):
            # "I. MỤC ĐÍCH," / "YÊU CẦU": a heading a page broke after its comma or dash.
            sections[-1].heading = f"{sections[-1].heading} {line.strip()}"
            continue
        if decided is not None:
            found = decided.get(i)
        else:
            found = section_heading(line, scheme)
            if found is not None and counted:
                last = next((s.numeral for s in reversed(sections) if s.numeral), "")
                if found[0] != (_next_numeral(last) if last else ("1" if scheme == ARABIC_HEADINGS else "A")):
                    found = None
            if found is None and sections and _lone_capital_heading(lines, i):
                found = ("", line.strip())
        if found is not None:
            sections.append(RawSection(found[1], found[0], [], []))
        elif sections:
            sections[-1].lines.append(line)
        else:
            before.append(line)
    for section in sections:
        section.nodes = outline(section.lines)
    return before, sections


def _heading_goes_on(heading: str, line: str) -> bool:
    """The rest of a heading in capitals on the next line, the heading
    ending with a comma or a dash that asks for it."""
    text = line.strip()
    return heading.rstrip().endswith((",", "-", "–")) and is_upper(text) and len(text.split()) <= 6 \
        and not re.match(r"^([IVXLC]+|\d+|[A-Z])\s*[.)/:–-]", text)


def marked_sections(lines: list[str], marks: dict[int, int] | None) -> dict[int, tuple[str, str]] | None:
    """The lines that start sections (index: numeral and heading) as Word
    marks them, or None when the marks decide nothing and the text is read
    as a text file's. Roman numerals are the rule and decide alone. Else the
    top level is the highest outline level marked ("Heading 1": its lines
    whatever their numbering, "Mục đích, yêu cầu" included), when it marks
    two lines or more; without any, the short bold lines of the first bold
    heading's form (a numeral "1." or "A." counting 1, 2, 3 … with its
    heading in capitals or not, or no numeral and capitals), so that a "1."
    in the preamble or a "1. Tổ chức" inside a section, not bold or not of
    that form, starts none; a bold line before the first section the text
    finds starts none either, nor, when the text numbers its sections and
    bolds none of them, a bold line numbered otherwise."""
    if not marks or any((roman := section_heading(line)) and roman[0] for line in lines):
        return None
    candidates = {i: form for i, rank in marks.items() if i < len(lines)
                  and (form := _marked_form(lines[i], rank)) is not None}
    top = min((marks[i] for i in candidates if marks[i] < BOLD), default=None)
    if top is not None:  # a lone "Heading 1" over "Heading 2" sub-headings: no sign of the plan's sections
        headings = {i: (form[1], form[3]) for i, form in candidates.items() if marks[i] == top}
        return headings if len(headings) >= 2 else None
    # A bold line before the first section the text finds is the preamble's emphasis ("KÍNH GỬI …").
    scheme = section_scheme(lines)
    in_text = {i: seen for i, line in enumerate(lines) if (seen := section_heading(line, scheme)) is not None}
    text_first = min(in_text, default=0)
    bold = [i for i in sorted(candidates) if marks[i] == BOLD and i >= text_first]
    numbered = [i for i, (numeral, _text) in in_text.items() if numeral]
    if numbered and not any(marks.get(i) == BOLD for i in numbered):
        # The text numbers its sections ("1. MỤC ĐÍCH") and bolds none of them: bold chooses among
        # lines numbered so, and bold capitals inside them ("HỘI TRẠI TÒNG QUÂN") are no sections.
        kind = "letter" if scheme == LETTERS else "arabic"
        bold = [i for i in bold if candidates[i][0] == kind]
    if not bold:
        return None
    first = candidates[bold[0]]
    found: dict[int, tuple[str, str]] = {}
    expected = first[1]
    for i in bold:
        kind, numeral, capitals, heading = candidates[i]
        if (kind, capitals) != (first[0], first[2]) or kind != "none" and numeral != expected:
            continue
        found[i] = (numeral, heading)
        expected = _next_numeral(numeral) if numeral else ""
    return found if len(found) >= 2 else None


def _marked_form(line: str, rank: int) -> tuple[str, str, bool, str] | None:
    """(kind of numeral: "arabic", "letter" or "none"; the numeral; the
    heading in capitals; the heading) of a line Word marks, when it reads as
    a heading: short, no sentence; a bold one without numeral in capitals."""
    text = " ".join(line.replace("\t", " ").split())
    if not text or len(text.split()) > MAX_MARKED_WORDS:
        return None
    if (match := NUMBERED_SECTION.match(text)) is not None:
        kind, numeral, heading = "arabic", match.group(1), match.group(2)
    elif (match := LETTER_SECTION.match(text)) is not None:
        kind, numeral, heading = "letter", match.group(1), match.group(2)
    else:
        kind, numeral, heading = "none", "", text
    capitals = is_upper(heading)
    if not _is_heading_text(heading.rstrip(":")) or (rank == BOLD and kind == "none" and not capitals):
        return None
    return kind, numeral, capitals, heading.strip()


def _numbered(text: str) -> re.Match | None:
    """A numbered line ("1.", "2)", "2.1", "1 Mục đích"); not a bare number
    before a word in lower case, which is a sentence broken after "ngày" or
    "giờ" ("31 tháng 01 năm 2023", "20 phút"): renumbered, its number would
    be lost."""
    match = NUMBERED.match(text)
    if match is None or re.match(r"^\d{1,2}[/.]\d{1,2}[/.]\d{2,4}", text):
        return None
    bare = "." not in match.group(1) and text[len(match.group(1))].isspace()
    return None if bare and match.group(2)[:1].islower() else match


LETTERED = re.compile(r"^([a-zđ])\s*[.)]\s+(\S.*)$")  # "a)", "b." under a numbered heading
SENTENCE_END = (".", ";", ":", "!", "?", "./.")


def _tokens(lines: list[str]) -> list[Node]:
    tokens: list[Node] = []
    previous_display = False
    depth = 0  # of the last numbered line: a lettered one sits one level under it
    for raw in lines:
        text = " ".join(raw.replace("\t", " ").split())
        if not text or RULE.match(text):
            previous_display = False if not text else previous_display
            continue
        if m := _numbered(text):
            depth = m.group(1).count(".") + 1
            tokens.append(Node("numbered", m.group(2).strip(), depth))
        elif m := LETTERED.match(text):
            # "a)" one level under the last "1.": written back with the program's numbers
            tokens.append(Node("numbered", m.group(2).strip(), depth + 1))
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
        elif _continues(tokens, text):
            tokens[-1].text += " " + text  # a line broken inside a sentence (Shift+Enter, a narrow column)
        else:
            tokens.append(Node("paragraph", text))
        previous_display = False
    return tokens


def _continues(tokens: list[Node], text: str) -> bool:
    """A line that starts in lower case after a line that did not end its
    sentence goes on with that line."""
    if not tokens or tokens[-1].kind not in ("item", "paragraph", "numbered"):
        return False
    last = tokens[-1]
    if last.text.rstrip().endswith(SENTENCE_END):
        return False
    # A digit too: "… năm" then "2022.", "ngày" then "31 tháng 01" (not numbering: _numbered said so);
    # but not under a short numbered line, a heading without its colon: "1. Thời gian" then "08g00 …".
    return text[:1].islower() or text[:1].isdigit() and (last.kind != "numbered" or len(last.text.split()) > 6)


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
