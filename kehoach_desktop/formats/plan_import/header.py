"""The page-1 header of an existing plan (bodies, number, organisation
title, place and date), the document type and the title."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from ...core.model import DocumentNumber
from ...core.text import fold

# "Số: 05-KH/ĐTN-VP", and every other form a number is written in: "Số 04 -KH /ĐT",
# "Số: 80 /KHĐH/PL-ĐTN", the State order "Số: 98/KH-UBND", "Số: 10 KH-BTK", "Số: 69 KH–ĐTN",
# "Số: /KH - HSV" (no number yet), "Số  : …../ KH-UBND" (dots for it): the number, what
# stands between it and the symbol, and the symbol (codes apart by "/", "-" or "–").
_CODE = r"[^\W\d_]+(?:&[^\W\d_]+)*"
NUMBER = re.compile(rf"^Số\s*:?\s*(\d*)[.…_]*(\s*[-–/]?\s*)({_CODE}(?:\s*[-–/]\s*{_CODE})*)\s*$")
MAX_NUMBER_DIGITS = 9
# "Quận 12, ngày 05 tháng 3 năm 2025"; the comma is sometimes left out ("Eah'leo ngày 10 tháng 9 năm 2010").
PLACE_DATE = re.compile(r"^(?:(.*?)(?:,\s*|\s+))?ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})\s*\.?$", re.I)
PLACE_DATE_NUMERIC = re.compile(r"^(?:(.*?),\s*)?ngày\s+(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})\s*\.?$", re.I)
BLANK_DATE = re.compile(r"^(?:(.*?),\s*)?ngày[\s._…]*tháng[\s._…]*năm[\s._…]*$", re.I)
# The document type's line: "KẾ HOẠCH" (or a kind of it) alone, or with the
# title's first words after it on the same line, as web pages and some
# offices set it ("KẾ HOẠCH THAM GIA HỘI THI …", "KẾ HOẠCH: Tổ chức …").
DOCUMENT_TYPE = re.compile(r"^(KẾ HOẠCH(?: LIÊN TỊCH| PHỐI HỢP)?|CHƯƠNG TRÌNH(?: PHỐI HỢP| LIÊN TỊCH| HÀNH ĐỘNG"
                           r"| CÔNG TÁC)?)(?:\s*:\s*|\s+|$)(.*)$")
RULE = re.compile(r"^[-_–—=~.]{3,}$")
STARS = re.compile(r"^[*\s]+$")
# Codes after the issuer codes that name the drafting unit ("-VP"), not a body.
DRAFTING_UNITS = {"VP", "BTC", "BKT", "TCKT", "BTG", "BDV", "BTGĐN", "BCNLĐ", "BTNTH", "BTNCN", "BTN", "BTNNT",
                  "UBKT", "BKTTC", "BPT", "BTH", "BANTC", "BTCKT"}
# Codes of issuing bodies, as the symbol's parts after the type code.
ISSUER_CODES = {"TWĐTN", "TĐTN", "ĐTN", "CĐCS", "CĐ", "PĐ", "HCCB", "CĐVC", "LĐLĐ", "HLHTN", "HSV", "HLHPN", "HPN",
                "HĐĐ", "HND", "MTTQ", "UBND", "ĐU", "ĐUK", "TU", "QU", "HU", "BCĐ", "CCB", "ĐTNCS", "HLH", "LHTN"}
PREAMBLE_OPENERS = ("can cu", "thuc hien", "nham ", "theo ", "de ", "duoc su", "tiep tuc", "qua ")
ORGANISATION_TITLES = ("ĐOÀN TNCS HỒ CHÍ MINH", "ĐẢNG CỘNG SẢN VIỆT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                       "HỘI LIÊN HIỆP THANH NIÊN VIỆT NAM", "HỘI SINH VIÊN VIỆT NAM",
                       "TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM")
HEADER_SEARCH = 40  # the document type stands within the first lines


def is_upper(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters)


@dataclass
class Header:
    superior_body: str = ""
    issuing_bodies: list[str] = field(default_factory=list)
    organisation_title: str = ""
    number: DocumentNumber | None = None
    place: str = ""
    plan_date: date | None = None
    document_type: str = ""
    draft_mark: bool = False  # the boxed "DỰ THẢO" under the number
    title: str = ""
    body_start: int = 0  # the line after the title block
    notes: list[str] = field(default_factory=list)
    leftovers: list[str] = field(default_factory=list)  # header lines not understood


def parse_number(text: str) -> DocumentNumber | None:
    """"Số: 05-KH/ĐTN-VP"; a last code that names a drafting unit is the
    suffix (an unknown one is settled with the header's bodies). Another
    form is kept as written (DocumentNumber.written, .separator), its codes
    read all the same: the first is the type, the others the issuers."""
    text = text.replace("\t", " ").strip()
    match = NUMBER.match(text)
    if not match:
        return None
    value, separator, symbol = match.groups()
    if len(value) > MAX_NUMBER_DIGITS:
        return None  # no register counts that far: the line stays as text, for the clerk to see
    type_code, *codes = [p.strip() for p in re.split(r"[-–/]", symbol)]
    # The issuers' codes are capitals ("Số người/đội" is no number); with only a space
    # between, a number and more than one code ("Số 12 ĐƯỜNG …" is an address).
    if not all(code.isupper() for code in codes) or not (separator.strip() or (value and codes)):
        return None
    parts = [p.upper() for p in codes if p]
    suffix = parts.pop() if len(parts) > 1 and parts[-1] in DRAFTING_UNITS else ""
    number = DocumentNumber(int(value) if value else None, type_code.upper(), parts, suffix)
    # Spaces before a number not yet given are the room left for it ("Số:    /KH - HSV").
    return number.as_written(separator if value else separator.lstrip(), symbol)


def parse_place_date(text: str) -> tuple[str, date | None, str] | None:
    """(place, date, note); the note names an impossible date. A line with
    the date left blank for the register ("Quận 12, ngày    tháng    năm")
    gives the place alone."""
    match = PLACE_DATE.match(text.strip()) or PLACE_DATE_NUMERIC.match(text.strip())
    if not match:
        blank = BLANK_DATE.match(text.strip())
        return ((blank.group(1) or "").strip(), None, "") if blank else None
    place, day, month, year = match.groups()
    place = (place or "").strip().lstrip("* ").strip()  # "*** TP. Hồ Chí Minh, ngày …": the stars beside it
    try:
        return place, date(int(year), int(month), int(day)), ""
    except ValueError:
        return place, None, f"ngày ban hành “{text.strip()}” không có thật; để trống cho văn thư điền"


def _split_joint(line: str, count: int) -> list[str]:
    parts = [p.strip() for p in re.split(r"\s+[-–]\s+", line) if p.strip()]
    return parts if count >= 2 and len(parts) == count else [line]


def split_columns(lines: list[str]) -> list[str]:
    """Lines holding two columns apart by tabs ("left<TAB>right": a table
    pasted as text, or two sides set with tab stops) as the left column,
    then the right one."""
    left, right = [], []
    two_columns = any(len([p for p in re.split(r"\t+", line) if p.strip()]) >= 2 for line in lines)
    for line in lines:
        parts = [p.strip() for p in re.split(r"\t+", line) if p.strip()]
        if len(parts) >= 2:
            left.append(parts[0])
            right.append(" ".join(parts[1:]))
        elif two_columns and parts and line.startswith("\t"):
            right.append(parts[0])  # a row whose left cell is empty
        else:
            left.append(line)
    return left + ([""] + right if right else [])


# A body's name a page broke after its generic head: "ỦY BAN NHÂN DÂN" /
# "PHƯỜNG 9", "BCH HỘI SINH VIÊN VIỆT NAM" / "TRƯỜNG ĐẠI HỌC VINH".
_OPEN_HEADS = ("NHÂN DÂN", "VIỆT NAM", "BAN CHẤP HÀNH")
_PLACES = re.compile(r"^(TRƯỜNG|PHƯỜNG|XÃ|THỊ TRẤN|QUẬN|HUYỆN|THỊ XÃ|TỈNH|THÀNH PHỐ|TP\.)\s")
_BODY_WORDS = re.compile(r"\b(ĐOÀN|HỘI|BAN|BCH|ĐẢNG|ĐỘI|ỦY BAN|UBND)\b")


def _rejoined(bodies: list[str]) -> list[str]:
    """Body lines with a name's second half (a place or a school, no body
    word in it) joined to the generic head above it."""
    out: list[str] = []
    for body in bodies:
        if out and out[-1].endswith(_OPEN_HEADS) and _PLACES.match(body) and not _BODY_WORDS.search(body):
            out[-1] = f"{out[-1]} {body}"
        else:
            out.append(body)
    return out


def _settle_suffix(number: DocumentNumber, bodies: list[str]) -> None:
    """An unknown last code ("ĐTN-BMT") is a drafting unit unless the
    header shows as many bodies as codes."""
    codes = number.issuer_codes
    if number.suffix or len(codes) < 2 or codes[-1] in ISSUER_CODES:
        return
    issuing = bodies[1:] if len(bodies) > 1 else bodies
    joint = len(issuing) >= len(codes) or (issuing and len(_split_joint(issuing[-1], len(codes))) == len(codes))
    if not joint:
        number.suffix = codes.pop()


def split_type_line(lines: list[str]) -> list[str]:
    """The lines with the first document type line within the header
    parted from the title words on it ("KẾ HOẠCH THAM GIA HỘI THI …" gives
    "KẾ HOẠCH" and "THAM GIA HỘI THI …")."""
    for i, line in enumerate(lines[:HEADER_SEARCH]):
        match = DOCUMENT_TYPE.match(" ".join(line.split()))
        if match:
            kind, rest = match.groups()
            return lines[:i] + ([kind, rest] if rest.strip() else [line]) + lines[i + 1:]
    return lines


def parse_header(lines: list[str]) -> Header:
    header = Header()
    type_at = next((i for i, line in enumerate(lines[:HEADER_SEARCH])
                    if DOCUMENT_TYPE.match(" ".join(line.split()))), None)
    if type_at is None:
        header.notes.append("không thấy dòng tên loại “KẾ HOẠCH”: phần đầu văn bản chưa nhận ra, giữ trong phần mở đầu")
        return header
    header.document_type = " ".join(lines[type_at].split())
    bodies: list[str] = []
    for raw in split_columns(lines[:type_at]):
        text = raw.replace("\t", " ").strip()
        if not text or STARS.match(text):
            continue
        if (number := parse_number(text)) is not None:
            header.number = number
        elif (found := parse_place_date(text)) is not None:
            header.place, header.plan_date, note = found
            if note:
                header.notes.append(note)
        elif fold(text) == "du thao":
            header.draft_mark = True
        elif fold(text) in {fold(t) for t in ORGANISATION_TITLES}:
            header.organisation_title = text.upper()
        elif is_upper(text):
            bodies.append(text)
        else:
            header.leftovers.append(text)
    bodies = _rejoined(bodies)
    if header.number is not None:
        _settle_suffix(header.number, bodies)
    # The bodies the symbol names: its known issuer codes ("KHĐH/PL-ĐTN" names
    # one body; "PL" is the school's own abbreviation, no joint body).
    codes = max(1, len([c for c in header.number.issuer_codes if c in ISSUER_CODES])) if header.number else 1
    if len(bodies) >= 2 and codes >= 2 and len(bodies) == codes:
        header.issuing_bodies = bodies
    elif len(bodies) >= 2:
        header.superior_body = bodies[0]
        rest = bodies[1:]
        header.issuing_bodies = _split_joint(rest[0], codes) if len(rest) == 1 else rest
    elif bodies:
        header.issuing_bodies = _split_joint(bodies[0], codes)
    if "LIÊN TỊCH" in header.document_type and len(header.issuing_bodies) == 1:
        # A joint plan names its bodies on one line, " - " between them.
        header.issuing_bodies = [p.strip() for p in re.split(r"\s+[-–]\s+", header.issuing_bodies[0]) if p.strip()]
    if header.number is None:
        header.notes.append("không thấy dòng số, ký hiệu (“Số: …-KH/…”)")
    if header.plan_date is None and not header.place:
        header.notes.append("không thấy dòng địa danh, ngày tháng")
    if not header.issuing_bodies:
        header.notes.append("không thấy tên cơ quan ban hành ở phần đầu; hãy điền trong “Thông tin chung”")
    _title(lines, type_at + 1, header)
    return header


TITLE_LOOKAHEAD = 16  # lines (blank ones included) the title and its rule may run over
GLUED_RULE = re.compile(r"\s*[-_¯–—=~]{5,}\s*$")  # a rule glued to the title's last line ("… Năm 2013_______")


def _title(lines: list[str], start: int, header: Header) -> None:
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
        if j > i and _starts_body(texts[j]) and not _may_go_on_title(texts[j]):
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
        # Without a rule: the lines that follow the first one make the title,
        # and after a blank line only a line that reads as a title's.
        if rule_at is None and taken and (_starts_body(text) or (gap and not _reads_as_title(text, capitals))):
            break
        taken.append(text)
        end = j + 1
        gap = False
    header.title = "\n".join(" ".join(line.split()) for line in taken)
    header.body_start = rule_at + 1 if rule_at is not None else end


def _may_go_on_title(text: str) -> bool:
    """A line the preamble may begin with that also goes on a title
    ("nhằm chào mừng …"): only "Căn cứ …" and "Thực hiện …" begin a body for sure."""
    folded = fold(text)
    return folded.startswith(PREAMBLE_OPENERS) and not folded.startswith(("can cu", "thuc hien"))


def _glued_rule(text: str) -> int | None:
    """Where a rule glued to the end of a title's line starts, if any."""
    glued = GLUED_RULE.search(text)
    return glued.start() if glued and glued.start() > 0 and not RULE.match(text) else None


def _reads_as_title(text: str, capitals: bool) -> bool:
    """A further line of a title: short, not a sentence, in capitals when
    the title's first line is."""
    if len(text) > 160 or text.endswith((".", ";", ":")) or fold(text).startswith("kinh gui"):
        return False
    return is_upper(text) if capitals else True


def _starts_body(line: str) -> bool:
    """A line that cannot go on with a title: the preamble's "Căn cứ …",
    "Thực hiện …" (also as an item: "- Căn cứ …"), an item, or a section
    heading (Roman, or Arabic in capitals: "1. MỤC ĐÍCH")."""
    text = line.replace("\t", " ").strip()
    if re.match(r"^[-–+•*]\s", text):
        return True
    return (fold(text).startswith(PREAMBLE_OPENERS) or bool(re.match(r"^[IVX]+\s*[.)/–-]\s", text))
            or bool(re.match(r"^\d+\s*[.)]\s*\S", text) and is_upper(text)))
