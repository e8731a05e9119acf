"""The document type's line and the title under it: where a title ends
with or without its rule, the title's lines a page glued to the preamble,
and the number and date a page moved under the title."""
from __future__ import annotations

import re

from ...core.model import DocumentNumber
from ...core.text import fold
from .header_fields import (
    PREAMBLE_OPENERS,
    RULE,
    Header,
    header_window,
    is_upper,
    parse_number,
    parse_place_date,
    type_line,
)
from .phrases import safe_date


def split_type_line(lines: list[str]) -> list[str]:
    """The lines with the first document type line within the header
    parted from the title words on it ("KẾ HOẠCH THAM GIA HỘI THI …" gives
    "KẾ HOẠCH" and "THAM GIA HỘI THI …")."""
    window = lines[:header_window(lines)]
    for i, line in enumerate(window):
        match = type_line(line)
        if match:
            kind, rest = match.groups()
            return lines[:i] + ([kind, rest] if rest.strip() else [kind]) + lines[i + 1:]
    for i, line in enumerate(window):
        first = not any(above.strip() for above in window[:i])  # a page whose text begins with its type and title
        if line.strip() and _lost_capitals_type(line) and (first or _after_date(window[:i])):
            words = line.split()
            return lines[:i] + ["KẾ HOẠCH", " ".join(words[2:])] + lines[i + 1:]
    return lines


def _lost_capitals_type(line: str) -> bool:
    """"kế hoạch hoạt động của Chi đoàn", "Kế hoạch Tổ chức …": the type
    and the title's first words on a page that lost the capitals its style
    drew, or set them in sentence case."""
    words = line.split()
    return (fold(" ".join(words[:2])) == "ke hoach" and 2 < len(words) <= 40 and not is_upper(line)
            and not line.rstrip().endswith((".", ":", ";", ",")))


def _after_date(lines: list[str]) -> bool:
    """Whether the last line with text is the place and date (where the document type follows)."""
    last = next((line for line in reversed(lines) if line.strip()), "")
    return parse_place_date(" ".join(last.split())) is not None


# "… và trao giải thưởng 26/3      Thiết thực chào mừng …": a title's last
# line, a run of spaces, then a sentence of the preamble.
# Only a text file's lines keep their runs of spaces: text_tables.text_blocks
# parts the lines under the document type with this, before they are folded.
_GLUED_SENTENCE = re.compile(r"^(\S.*?\S)[ \t]{3,}([A-ZĐÀ-Ỹ][^\t]{80,})$")


# "--------------Năm học 2016 - 2017 diễn ra …": the title's rule with the preamble's first line glued after it.
_RULE_GLUED_BEFORE = re.compile(r"^([-_¯–—=~]{5,})\s*([^-_¯–—=~\s].*)$")


def part_glued_sentence(line: str) -> list[str]:
    """A title's line and the preamble's sentence glued after it by a run
    of spaces, or the title's rule and the sentence glued after it, as two
    blocks (a blank line between); any other line as it is."""
    glued = _GLUED_SENTENCE.match(line.strip()) or _RULE_GLUED_BEFORE.match(line.strip())
    return [glued.group(1), "", glued.group(2)] if glued else [line]


TITLE_LOOKAHEAD = 16  # lines (blank ones included) the title and its rule may run over
GLUED_RULE = re.compile(r"\s*[-_¯–—=~]{5,}\s*$")  # a rule glued to the title's last line ("… Năm 2013_______")


def read_title_of_length(lines: list[str], start: int, header: Header, count: int) -> None:
    """The title as the source sets it apart (a Word file centres it): its
    next ``count`` lines with text, and a rule line right under them."""
    taken: list[str] = []
    i = start
    while i < len(lines) and len(taken) < count:
        text = " ".join(lines[i].replace("\t", " ").split())
        i += 1
        if RULE.match(text):
            break
        if text:
            taken.append(text)
    while i < len(lines) and (not lines[i].strip() or RULE.match(lines[i].strip())):
        if RULE.match(lines[i].strip()):
            i += 1
            break
        i += 1
    header.title = "\n".join(taken)
    header.body_start = i


def read_title(lines: list[str], start: int, header: Header) -> None:
    """The title: the lines after the document type up to its rule line
    ("-------", "¯¯¯", or a rule glued to its last line). Without a rule it
    ends at the body's first line ("Căn cứ …", a heading, an item) or at a
    line that does not read as a title's (a sentence ending in "." or ":",
    "Kính gửi:", a line in small letters under a title in capitals). Web
    pages put a blank line between every line, so blank lines do not end it."""
    i = start
    while i < len(lines) and not lines[i].strip():
        i += 1
    window = range(i, min(i + TITLE_LOOKAHEAD, len(lines)))
    texts = {j: lines[j].replace("\t", " ").strip() for j in window}
    rule_at = None
    for j in window:  # a rule under the title: every line above it is the title's
        # A title's line may begin "nhằm …", "để …" (as the preamble's may);
        # the search for its rule stops only where the body surely begins.
        if j > i and starts_body(texts[j]) and not _may_go_on_title(texts[j]):
            break
        if RULE.match(texts[j]) or _glued_rule(texts[j]) is not None:
            rule_at = j
            break
    taken: list[str] = []
    end = i
    capitals = is_upper(lines[i]) if i < len(lines) else False
    gap = False  # a blank line since the last line taken
    for j in window:
        text = texts[j]
        if rule_at is not None and j == rule_at:
            glued = _glued_rule(text)
            if glued is not None:
                taken.append(text[:glued])
            break
        if not text:
            gap = True
            continue
        if taken and _number_note(text, header):
            end = j + 1  # "(Số 61-KH/TĐ ngày 26/01/2010)" under the title: the number and date, read
            continue
        # Without a rule: the lines that follow the first one make the title,
        # and after a blank line only a line that reads as a title's.
        # A line in small letters goes on the title even as it ends with its full stop
        # ("… (15/10/1956 - 15/10/2015)" / "và tổ chức chào mừng Đại hội Đảng các cấp.").
        goes_on = text[:1].islower() and not gap and not starts_body(text)
        if rule_at is None and taken and not goes_on and (
                starts_body(text) or _paragraph_under_title(text) or _sentence(text)
                or (gap and not _reads_as_title(text, capitals))):
            break
        taken.append(text)
        end = j + 1
        gap = False
        if goes_on and _sentence(text):
            break
    header.title = "\n".join(" ".join(line.split()) for line in taken)
    header.body_start = rule_at + 1 if rule_at is not None else end


# "(Số 61-KH/TĐ ngày 26/01/2010)": a page that moved the number and the date under the title.
_NUMBER_NOTE = re.compile(r"^\(\s*(Số\b.*?)\s+ngày\s+(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})\s*\)$", re.I)


def _number_note(text: str, header: Header) -> bool:
    """Whether a line under the title is the number and date in brackets;
    they fill the header's when it has none."""
    match = _NUMBER_NOTE.match(text)
    number = parse_number(match.group(1)) if match else None
    bare = re.fullmatch(r"Số\s*:?\s*(\d{1,9})", match.group(1).strip(), re.I) if match and number is None else None
    if bare is not None:  # "(Số 97 ngày 16/12/2010)": the number without its symbol
        number = DocumentNumber(int(bare.group(1)))
        header.notes.append(f"số {bare.group(1)} ghi không kèm ký hiệu: chương trình ghi ký hiệu “{number.symbol}”; "
                            "hãy kiểm tra trong “Thông tin chung”")
    if match is None or number is None:
        return False
    if header.number is None:
        header.number = number
    if header.plan_date is None:
        header.plan_date = safe_date(int(match.group(4)), int(match.group(3)), int(match.group(2)))
    return True


def _may_go_on_title(text: str) -> bool:
    """A line the preamble may begin with that also goes on a title
    ("nhằm chào mừng …"): only "Căn cứ …" and "Thực hiện …" begin a body for sure."""
    folded = fold(text)
    if text[:1].islower():
        return True  # "thực hiện Nghị quyết …" under "CỦA ĐOÀN …": a sentence of the preamble begins in capitals
    return folded.startswith(PREAMBLE_OPENERS) and not folded.startswith(("can cu", "thuc hien"))


def _glued_rule(text: str) -> int | None:
    """Where a rule glued to the end of a title's line starts, if any."""
    glued = GLUED_RULE.search(text)
    return glued.start() if glued and glued.start() > 0 and not RULE.match(text) else None


def _reads_as_title(text: str, capitals: bool) -> bool:
    """A further line of a title: short, not a sentence, in capitals when
    the title's first line is."""
    if _paragraph_under_title(text) or text.endswith((".", ";", ":")) or not re.search(r"[^\W\d_]", text):
        return False  # a line without a letter is a page's posting time ("11:34:49 17/11/2011"), not a title's
    return is_upper(text) or not capitals or period_line(text)


# "Năm học 2021 - 2022", "Nhiệm kỳ 2016 – 2017", "(Giai đoạn 2021 - 2025)": the period a title's
# last line names, in small letters under a title in capitals.
_PERIOD = re.compile(r"^\(?\s*(năm học|nhiệm kỳ|năm|giai đoạn|niên khóa|niên khoá|khóa|khoá|học kỳ|đợt|tháng|"
                     r"từ|trong)\b[^.:;]{0,40}\b\d{4}\b[^.:;]{0,20}\)?$", re.I)


def period_line(text: str) -> bool:
    return bool(_PERIOD.match(text.strip()))


def _sentence(text: str) -> bool:
    """A sentence, which no title's further line is: it ends with "." or
    ":" (a title's line may end with ";", as example 000's does)."""
    return text.endswith((".", ":")) and not text.endswith("./.") and len(text.split()) > 3


def _paragraph_under_title(text: str) -> bool:
    """A line no title has, even right under it: a paragraph's length, or
    the "Kính gửi:" some plans have under their title. (A title's line may
    end with ";": "… năm 2022;" / "thống nhất phương hướng …".)"""
    return len(text) > 160 or fold(text).startswith("kinh gui")


def starts_body(line: str) -> bool:
    """A line that cannot go on with a title: the preamble's "Căn cứ …",
    "Thực hiện …" (also as an item: "- Căn cứ …"), an item, or a section
    heading (Roman, Arabic, a letter in capitals: "1. MỤC ĐÍCH", "A. MỤC
    ĐÍCH", an Arabic one before a section's usual words: "1. Mục đích", or
    those words alone in capitals: "MỤC ĐÍCH, YÊU CẦU")."""
    text = line.replace("\t", " ").strip()
    if re.match(r"^[-–+•*]\s", text):
        return True
    folded = fold(text)
    numbered = re.match(r"^(\d+|[A-H])\s*[.)]\s*(\S.*)$", text)
    usual = folded.startswith(_SECTION_OPENERS) if not numbered else fold(numbered.group(2)).startswith(_SECTION_OPENERS)
    # "I Đặc điểm, …": a Roman heading without its dot, as a page that lost it sets it.
    roman = re.match(r"^[IVX]+\s*[.)/–-]\s", text) or re.match(r"^(I|II|III|IV|V|VI|VII|VIII|IX)\s+[A-ZĐÀ-Ỹ]", text)
    return (folded.startswith(PREAMBLE_OPENERS) or bool(roman)
            or bool(numbered and (is_upper(text) or usual)) or (usual and is_upper(text) and len(text.split()) <= 8))


# The first words (folded) of the sections that follow a title: fewer than
# outline.SECTION_WORDS, whose "chương trình", "điều lệ", "giải pháp" also
# begin titles' lines.
_SECTION_OPENERS = ("muc dich", "yeu cau", "noi dung", "thoi gian", "dia diem", "thanh phan", "to chuc thuc hien",
                    "phan cong", "tien do", "kinh phi", "hinh thuc", "nhiem vu")
