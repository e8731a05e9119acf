"""Where each line of an imported file went in the plan (issue 20: "the
report shows where every line went").

The importer cuts, joins and renumbers lines, so a line of the source is
not kept anywhere as such. What is kept is its words: every word of the
source should be in the plan as printed (the same words the text export
writes, generated ones included: "Số:", the date line, the section
numerals). So the source's words are aligned with the printed plan's
words, each printed word tagged with the part of the plan it belongs to
(a header field, the preamble, a section and its item, the closing, the
recipients, a signature, an appendix, a table):

1. one monotone alignment of the two word sequences (difflib's longest
   matching blocks, without its "popular word" heuristic), so that a line
   repeated in the source lands where its neighbours put it;
2. then, for the words of a line left over, the part that holds the most
   of them among the printed words nobody took: a header read in another
   order (two columns interleaved, the right column first), signatures
   before the recipients.

A line whose words all found a part is placed there (in the part holding
most of them, the others named too). Marks the program draws itself (the
stars under the body's name, rules, "./.") and words it leaves out on
purpose (the motto, "(Đã ký)") are said to be dropped, not lost; any other
word found nowhere makes its line "không đặt được".

Words are compared NFC, case-folded, digits by value ("09" is "9"), a
line's leading numbering or bullet left out (the program numbers anew:
"1." may come back as "I.")."""
from __future__ import annotations

import difflib
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from ...core.appendices import opening_lines
from ...core.layout import Line, body_lines, content_lines
from ...core.model import Plan
from ...core.numbering import number_line, section_number
from ...core.profile import get_profile
from ..text_export import header_right, issuing_body_lines, recipient_lines

PLACED, DROPPED, UNPLACED = "placed", "dropped", "unplaced"
LABEL_CHARS = 48  # a section's or item's name is cut there in a label

# What a part is: the header's fields, the body, the back, an appendix.
# Words left over after the alignment are looked for in the zone of the
# line's other words first.
HEADER, BODY, BACK, APPENDIX = "header", "body", "back", "appendix"


@dataclass(frozen=True)
class Place:
    """A part of the plan: ``label`` for the clerk (Vietnamese), ``path``
    the field as the editor names it (PlanEditor.go_to_field), ``zone``
    one of HEADER, BODY, BACK, APPENDIX."""

    label: str
    path: str
    zone: str


@dataclass
class Placement:
    """Where one line of the source went. ``number``: its line number
    among the source's lines (from 1); ``status``: PLACED, DROPPED or
    UNPLACED; ``places``: the parts holding its words, in the line's order
    (an unplaced line may have some there); ``missing``: its words found
    nowhere, as the line writes them; ``note``: why a dropped line was
    dropped."""

    number: int
    text: str
    status: str
    places: list[Place] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    note: str = ""

    @property
    def where(self) -> str:
        """Where it went, in the clerk's words."""
        if self.status == DROPPED:
            return self.note
        labels = " + ".join(place.label for place in self.places)
        if self.status == PLACED:
            return labels
        if not labels:
            return "Không đặt được: không có trong kế hoạch"
        lost = "“" + " ".join(self.missing[:8]) + (" …" if len(self.missing) > 8 else "") + "”"
        return f"Không đặt được hết: thiếu {lost}; còn lại ở {labels}"

    @property
    def path(self) -> str:
        """The field to open in the editor: the first part its words went
        to ("" for none)."""
        return self.places[0].path if self.places else ""


# ----------------------------------------------------------------- words
_WORD = re.compile(r"\d+|[^\W\d_]+")  # digits and letters apart: "16g20", "KH/ĐTN", "2019-2020"
_BULLETS = "-+·•–—*> \t"
_NUMBERING = re.compile(r"^(?:(?:[IVXLC]+|\d+(?:\.\d+)*|[a-zđ])(?:[.)]|/\.?-?)(?=\s|$|\W)"  # "I.", "2.1.", "a)", "I/."
                        r"|[IVXLC]+\s*[-–—](?=\s)"  # "I – MỤC ĐÍCH", "I- MỤC ĐÍCH"
                        r"|\d+(?:\.\d+)+(?=\s))",  # "2.1" without its last dot
                        re.I)
_BARE = re.compile(r"^(?:[IVXLC]+|\d{1,2})\s+(?=[^\W\d_])")  # "I MỤC ĐÍCH", "1 MỤC ĐÍCH": before a capital


def _unnumbered(text: str) -> str:
    """A line without its leading bullet and numbering, as the importer
    reads them (the program numbers anew)."""
    text = _NUMBERING.sub("", text.strip().lstrip(_BULLETS), count=1)
    bare = _BARE.match(text)
    return text[bare.end():] if bare and text[bare.end()].isupper() else text


def _words(text: str) -> list[str]:
    """NFC, case-folded words, digits by value, glued words apart."""
    return [_norm(part) for word in _WORD.findall(unicodedata.normalize("NFC", text)) for part in _unglued(word)]


def _unglued(word: str) -> list[str]:
    """A word split where a conversion glued two lines ("KHỐINơi",
    "thựcNơi"): before a capital that follows a small letter, or that
    follows a capital and precedes a small letter."""
    if word.islower() or word.isupper() or word.isdigit():
        return [word]  # most words: no change of case inside
    cuts = [i for i in range(1, len(word)) if word[i].isupper() and (
        word[i - 1].islower() or i + 1 < len(word) and word[i - 1].isupper() and word[i + 1].islower())]
    return [word[a:b] for a, b in zip([0, *cuts], [*cuts, len(word)], strict=True)]


def _norm(word: str) -> str:
    word = word.casefold()
    # "09" is "9"; not through int(): a run of thousands of digits is no number Python converts
    return (word.lstrip("0") or "0") if word.isascii() and word.isdigit() else word


def line_words(text: str) -> list[str]:
    """The words of a line, its leading bullet and numbering left out."""
    return _words(_unnumbered(unicodedata.normalize("NFC", text)))


# ------------------------------------------------- what the program drops
_RULE = re.compile(r"^[\s\-_=–—~¯.*…·•|/\\]+$")
_STARS = re.compile(r"^\s*\*+(\s*\*+)*\s*$")
_END = re.compile(r"^\s*\.?/\.\s*$")
# Dropped on purpose wherever they stand in a line: the State motto (the
# plan's layout prints none) and the signature's notes.
_DROPPED_WORDS = (
    (re.compile(r"độc\s+lập\s*[-–—,]?\s*tự\s+do\s*[-–—,]?\s*hạnh\s+phúc", re.I),
     "Bỏ đi: tiêu ngữ (bản in theo thể thức này không có tiêu ngữ)"),
    (re.compile(r"\(\s*(?:đã\s+ký|ký\s*(?:tên|,|và|ghi|đóng)[^)]*|đã\s+ký\s+và\s+đóng\s+dấu)\s*\)", re.I),
     "Bỏ đi: ghi chú chữ ký như “(Đã ký)” (bản in để chỗ ký)"),
)


def _marks_note(text: str) -> str:
    """Why a line without words is not in the plan."""
    if _STARS.match(text):
        return "Bỏ đi: dấu sao dưới tên cơ quan (chương trình tự in)"
    if _END.match(text):
        return "Bỏ đi: dấu kết thúc “./.” (chương trình tự thêm khi in)"
    if _RULE.match(text):
        return "Bỏ đi: đường kẻ (chương trình tự kẻ)"
    return "Bỏ đi: dòng chỉ có dấu, không có chữ"


def _dropped_spans(text: str) -> list[tuple[list[str], str]]:
    """The words of the line the program leaves out on purpose, with why."""
    return [(_words(match.group(0)), note) for pattern, note in _DROPPED_WORDS for match in pattern.finditer(text)]


# ---------------------------------------------------------- the plan's parts
def _cut(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= LABEL_CHARS else text[:LABEL_CHARS - 1].rstrip() + "…"


def plan_parts(plan: Plan) -> list[tuple[Place, str]]:
    """The plan as printed, in reading order, each text with its part."""
    profile = get_profile(plan.profile)
    parts: list[tuple[Place, str]] = []

    def add(label: str, path: str, zone: str, *texts: str) -> None:
        place = Place(label, path, zone)
        parts.extend((place, text) for text in texts if text.strip())

    add("Cơ quan cấp trên", "superior_body", HEADER, plan.superior_body.upper())
    bodies = issuing_body_lines(plan)
    for i, text in enumerate(bodies):
        add("Cơ quan ban hành" if i == 0 and len(bodies) == 1 else "Cơ quan ban hành (liên tịch)",
            f"issuing_bodies[{i}]", HEADER, text)
    add("Số, ký hiệu", "number", HEADER, number_line(plan.number, profile.number_label_colon))
    if plan.show_draft_mark and plan.status == "draft":  # printed under the number (text_export.header_left)
        add("Dấu “DỰ THẢO”", "number", HEADER, "DỰ THẢO")
    # the right column as the exports print it: the organisation, the motto
    # where the profile prints one (the State layout's), the place and date
    organisation, *motto, dated = header_right(plan)
    add("Tên tổ chức", "organisation_title", HEADER, organisation)
    add("Tiêu ngữ (in theo thể thức)", "organisation_title", HEADER, *motto)
    add("Địa danh, ngày ban hành", "place", HEADER, dated)
    add("Tên loại văn bản", "document_type", HEADER, plan.document_type.upper())
    add("Trích yếu (tên kế hoạch)", "title", HEADER, *plan.title.splitlines())
    parts += _body_parts(plan)
    back: list[tuple[Place, str]] = []
    if plan.recipients:
        place = Place("Nơi nhận", "recipients", BACK)
        back += [(place, "Nơi nhận:")] + [(place, text) for text in recipient_lines(plan)]
    signed: list[tuple[Place, str]] = []
    for i, sig in enumerate(plan.signatures):
        who = f"Chữ ký {i + 1}" if len(plan.signatures) > 1 else "Chữ ký"
        signed += [(Place(f"{who}: thẩm quyền", f"signatures[{i}].body", BACK), sig.authority_line.upper()),
                   (Place(f"{who}: chức vụ", f"signatures[{i}].position", BACK), sig.position.upper()),
                   (Place(f"{who}: họ tên", f"signatures[{i}].name", BACK), sig.name)]
    parts += [*signed, *back] if len(plan.signatures) > 1 else [*back, *signed]
    for i, appendix in enumerate(plan.appendices):
        name = f"Phụ lục {i + 1}" if len(plan.appendices) > 1 else "Phụ lục"
        name += f": {_cut(appendix.title)}" if appendix.title.strip() else ""
        opening = Place(name, f"appendices[{i}].title", APPENDIX)
        parts += [(opening, text) for _kind, text in opening_lines(plan, appendix, i, len(plan.appendices))]
        parts += _lines_parts(content_lines(plan, appendix.content), name, f"appendices[{i}].content", APPENDIX)
    return [(place, text) for place, text in parts if text.strip()]


def _body_parts(plan: Plan) -> list[tuple[Place, str]]:
    """The body's lines: the preamble, each section with its items, the closing."""
    lines = body_lines(plan)
    parts: list[tuple[Place, str]] = []
    preamble = Place("Phần mở đầu (căn cứ, mục đích)", "preamble", BODY)
    closing = Place("Câu kết", "closing", BODY)
    index = -1
    run: list[Line] = []

    def flush() -> None:
        if index >= 0:
            section = plan.sections[index]
            name = f"Mục {section_number(index)} {_cut(section.heading)}"
            parts.append((Place(name, f"sections[{index}].heading", BODY), section.heading))
            parts.extend(_lines_parts(run, name, f"sections[{index}].content", BODY))

    for line in lines:
        if line.role == "preamble":
            parts.append((preamble, line.plain()))
        elif line.role == "closing":
            flush()
            index, run = -1, []
            parts.append((closing, _text(line)))
        elif line.role == "section":
            flush()
            index, run = index + 1, []
        else:
            run.append(line)
    flush()
    return parts


def _text(line: Line) -> str:
    """A body line's words without its generated number."""
    if line.table is not None:
        return line.plain()
    return " ".join(part for part in (line.text, line.tail) if part)


def _lines_parts(lines: list[Line], name: str, path: str, zone: str) -> list[tuple[Place, str]]:
    """A section's (or appendix's) lines, each tagged with the item it
    stands under: its first-level heading ("1. Mục đích"), or its table."""
    parts: list[tuple[Place, str]] = []
    item = Place(name, path, zone)
    for line in lines:
        if line.role in ("subsection", "numbered") and line.level == 1:
            item = Place(f"{name} › {line.number} {_cut(line.text.rstrip(':'))}", path, zone)
        if line.table is not None:
            parts.append((Place(f"{name} › bảng", path, zone), line.plain()))
        else:
            parts.append((item, _text(line)))
    return parts


# ---------------------------------------------------------- the alignment
def placements(source: list[str], plan: Plan) -> list[Placement]:
    """For every line of ``source`` with something on it (the lines the
    importer read: read_source / clean_lines), where it went in ``plan``."""
    parts = plan_parts(plan)
    target: list[str] = []
    owner: list[int] = []  # the part of each printed word
    for index, (_place, text) in enumerate(parts):
        for word in line_words(text):
            target.append(word)
            owner.append(index)
    numbered = [(number, text) for number, text in enumerate(source, start=1) if text.strip()]
    words: list[str] = []
    line_of: list[int] = []  # the line (index into numbered) of each source word
    for index, (_number, text) in enumerate(numbered):
        for word in line_words(text):
            words.append(word)
            line_of.append(index)
    matched = _aligned(words, target)
    free = _LeftOver(target, owner, matched)
    by_line: list[list[int]] = [[] for _ in numbered]
    for k, index in enumerate(line_of):
        by_line[index].append(k)
    last = 0  # the part the previous line went to: ties go to the nearest part after it
    for index in range(len(numbered)):
        ks = by_line[index]
        _second_pass(ks, words, matched, owner, parts, free, last)
        owners = [owner[at] for k in ks if (at := matched[k]) is not None]
        if owners:
            last = Counter(owners).most_common(1)[0][0]
    return [_placement(number, text, [words[k] for k in by_line[i]],
                       [matched[k] for k in by_line[i]], owner, parts)
            for i, (number, text) in enumerate(numbered)]


def _aligned(words: list[str], target: list[str]) -> list[int | None]:
    """The printed word each source word is, by one monotone alignment
    (None for a word it left over)."""
    matched: list[int | None] = [None] * len(words)
    matcher = difflib.SequenceMatcher(None, words, target, autojunk=False)
    for a, b, size in matcher.get_matching_blocks():
        for k in range(size):
            matched[a + k] = b + k
    return matched


class _LeftOver:
    """The printed words the alignment took for no source word: per part,
    where each stands, and which parts still have a given word."""

    def __init__(self, target: list[str], owner: list[int], matched: list[int | None]):
        taken = {at for at in matched if at is not None}
        self.at: dict[tuple[int, str], list[int]] = {}  # (part, word) -> positions not taken, in order
        self.parts_with: dict[str, set[int]] = {}
        for at, word in enumerate(target):
            if at not in taken:
                self.at.setdefault((owner[at], word), []).append(at)
                self.parts_with.setdefault(word, set()).add(owner[at])

    def count(self, part: int, word: str) -> int:
        return len(self.at.get((part, word), ()))

    def take(self, part: int, word: str) -> int | None:
        """The first free position of ``word`` in ``part``, now taken."""
        positions = self.at.get((part, word))
        if not positions:
            return None
        at = positions.pop(0)
        if not positions:
            self.parts_with[word].discard(part)
        return at


def _second_pass(ks: list[int], words: list[str], matched: list[int | None], owner: list[int],
                 parts: list[tuple[Place, str]], free: _LeftOver, last: int) -> None:
    """The line's words the alignment left over, found among the printed
    words nobody took: first in the parts its other words went to, then in
    the part holding the most of them (the nearest after the previous
    line's on a tie). A lone word is looked for only in its line's zone,
    where a common word elsewhere would be a false find."""
    while True:
        left = [k for k in ks if matched[k] is None]
        if not left:
            return
        want = Counter(words[k] for k in left)
        mine = {owner[at] for k in ks if (at := matched[k]) is not None}
        zones = {parts[i][0].zone for i in mine}
        candidates = set().union(*(free.parts_with.get(word, set()) for word in want))
        best, best_score, best_near = -1, 0, (True, 0, 0)
        for i in candidates:
            score = sum(min(count, free.count(i, word)) for word, count in want.items())
            near = (i not in mine, -score, (i - last) % len(parts))
            if score and (best < 0 or near < best_near):
                best, best_score, best_near = i, score, near
        if best < 0:
            return
        lone = best_score < 2 and len(left) > 1
        if best not in mine and (lone or (best_score == 1 and zones and parts[best][0].zone not in zones)):
            return
        for k in left:
            matched[k] = free.take(best, words[k])


def _placement(number: int, text: str, words: list[str], matched: list[int | None], owner: list[int],
               parts: list[tuple[Place, str]]) -> Placement:
    if not words:
        return Placement(number, text, DROPPED, note=_marks_note(text))
    places: list[Place] = []  # in the line's order: "Số, ký hiệu + Địa danh, ngày ban hành"
    for at in matched:
        if at is not None and parts[owner[at]][0] not in places:
            places.append(parts[owner[at]][0])
    missing = [word for word, b in zip(words, matched, strict=True) if b is None]
    notes: list[str] = []
    for span, note in _dropped_spans(text):
        if all(word in missing for word in span):
            for word in span:
                missing.remove(word)
            notes.append(note)
    if not missing:
        if places:
            return Placement(number, text, PLACED, places)
        return Placement(number, text, DROPPED, note="; ".join(notes))
    original = _original_words(text, missing)
    return Placement(number, text, UNPLACED, places, original)


def _original_words(text: str, missing: list[str]) -> list[str]:
    """The missing words as the line writes them (case and zeros kept)."""
    want = Counter(missing)
    out: list[str] = []
    for whole in _WORD.findall(_unnumbered(unicodedata.normalize("NFC", text))):
        for word in _unglued(whole):
            if want[_norm(word)]:
                want[_norm(word)] -= 1
                out.append(word)
    return out


def unplaced_count(found: list[Placement]) -> int:
    return sum(1 for placement in found if placement.status == UNPLACED)
