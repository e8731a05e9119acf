"""The page-1 header of an existing plan (bodies, number, organisation
title, place and date), the document type and the title."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from ...core.model import DocumentNumber
from ...core.text import fold
from .phrases import safe_date

# "Số: 05-KH/ĐTN-VP", and every other form a number is written in: "Số 04 -KH /ĐT",
# "Số: 80 /KHĐH/PL-ĐTN", the State order "Số: 98/KH-UBND", "Số: 10 KH-BTK", "Số: 69 KH–ĐTN",
# "Số: /KH - HSV" (no number yet), "Số  : …../ KH-UBND" (dots for it): the number, what
# stands between it and the symbol, and the symbol (codes apart by "/", "-" or "–").
_CODE = r"[^\W\d_]+(?:&[^\W\d_]+)*"
NUMBER = re.compile(rf"^Số\s*:?\s*(\d*)[.…_]*(\s*[-–/]?\s*)({_CODE}(?:\s*[-–/]\s*{_CODE})*)\s*$")
MAX_NUMBER_DIGITS = 9
# "Quận 12, ngày 05 tháng 3 năm 2025"; the comma is sometimes left out ("Eah'leo ngày 10 tháng 9 năm 2010").
# Pages also glue the words ("ngày 05tháng 3năm 2012"), put a comma before the
# year, or leave "ngày" out after the place's comma ("Hà Nội, 05 tháng 3 năm 2012").
PLACE_DATE = re.compile(r"^(?:(.*?)(?:,\s*|\s+))?ngày\s*(\d{1,2})\s*tháng\s*(\d{1,2})\s*,?\s*năm\s*(\d{4})\s*\.?$"
                        r"|^(.*?),\s*(\d{1,2})\s+tháng\s+(\d{1,2})\s*,?\s*năm\s+(\d{4})\s*\.?$", re.I)
PLACE_DATE_NUMERIC = re.compile(r"^(?:(.*?),\s*)?ngày\s+(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\3\s*(\d{4})\s*\.?$", re.I)
BLANK_DATE = re.compile(r"^(?:(.*?),\s*)?ngày[\s._…]*tháng[\s._…]*năm[\s._…]*$", re.I)
# The document type's line: "KẾ HOẠCH" (or a kind of it) alone, or with the
# title's first words after it on the same line, as web pages and some
# offices set it ("KẾ HOẠCH THAM GIA HỘI THI …", "KẾ HOẠCH: Tổ chức …").
DOCUMENT_TYPE = re.compile(r"^(KẾ HOẠCH(?: LIÊN TỊCH| PHỐI HỢP)?|CHƯƠNG TRÌNH(?: PHỐI HỢP| LIÊN TỊCH| HÀNH ĐỘNG"
                           r"| CÔNG TÁC)?)(?:\s*:\s*|\s+|$)(.*)$")
LONE_TYPES = ("KẾ HOẠCH", "KẾ HOẠCH LIÊN TỊCH", "KẾ HOẠCH PHỐI HỢP", "CHƯƠNG TRÌNH PHỐI HỢP", "CHƯƠNG TRÌNH LIÊN TỊCH",
              "CHƯƠNG TRÌNH HÀNH ĐỘNG", "CHƯƠNG TRÌNH CÔNG TÁC")


def type_line(line: str) -> re.Match[str] | None:
    """The document type's line: "KẾ HOẠCH", or with the title's first
    words after it, in capitals; alone on its line in any case ("Kế
    hoạch", a page that lost the capitals its style drew)."""
    text = " ".join(line.split())
    match = DOCUMENT_TYPE.match(text)
    if match is None and fold(text) in {fold(kind) for kind in LONE_TYPES}:
        match = DOCUMENT_TYPE.match(text.upper())
    return match


RULE = re.compile(r"^[-_–—=~.¯]{3,}$|^[-_–—=~.¯ ]*[oO][0oO][oO][-_–—=~.¯ ]*$")  # "-----", "¯¯¯", "---o0o---"
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
                       "TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM", "ĐỘI TNTP HỒ CHÍ MINH",
                       "ĐỘI THIẾU NIÊN TIỀN PHONG HỒ CHÍ MINH")
NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "doc lap tu do hanh phuc"  # folded: "Độc lập - Tự do - Hạnh phúc", under the national title
HEADER_SEARCH = 40  # the document type stands within the first lines (blank ones not counted)


def header_window(lines: list[str]) -> int:
    """How many lines the search for the document type looks at: up to
    the HEADER_SEARCH-th line with text (web pages put blank lines between
    every line)."""
    seen = 0
    for i, line in enumerate(lines):
        seen += bool(line.strip())
        if seen > HEADER_SEARCH:
            return i
    return len(lines)


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
    motto: bool = False  # "Độc lập - Tự do - Hạnh phúc" under the national title
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
    if match.re is PLACE_DATE_NUMERIC:
        place, day, _sep, month, year = match.groups()
    else:  # one of the two forms matched: its four groups
        groups = match.groups()
        place, day, month, year = groups[:4] if groups[1] is not None else groups[4:]
    place = (place or "").strip().lstrip("* ").strip()  # "*** TP. Hồ Chí Minh, ngày …": the stars beside it
    try:
        return place, date(int(year), int(month), int(day)), ""
    except ValueError:
        return place, None, f"ngày ban hành “{text.strip()}” không có thật; để trống cho văn thư điền"


def _folded_words(text: str) -> list[str]:
    return re.findall(r"[^\W_]+", fold(text))


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
        if len(parts) >= 2 and parts[0].endswith(":") and not is_upper(parts[1]):
            parts = [" ".join(parts)]  # "- Đảng ủy Khối:<TAB>Thường trực, …": a label and its text, no column
        if len(parts) >= 2:
            left.append(parts[0])
            right.append(" ".join(parts[1:]))
        elif two_columns and parts and line.startswith("\t"):
            right.append(parts[0])  # a row whose left cell is empty
        else:
            left.append(line)
    return left + ([""] + right if right else [])


# A body's name a page broke after its generic head: "ỦY BAN NHÂN DÂN" /
# "PHƯỜNG 9", "BCH HỘI SINH VIÊN VIỆT NAM" / "TRƯỜNG ĐẠI HỌC VINH", or one
# word group per line: "HUYỆN ĐOÀN" / "CHÂU THÀNH", "BCH ĐOÀN XÃ" / "AN HÒA".
_OPEN_HEADS = ("NHÂN DÂN", "VIỆT NAM", "BAN CHẤP HÀNH")
_PLACES = re.compile(r"^(TRƯỜNG|PHƯỜNG|XÃ|THỊ TRẤN|QUẬN|HUYỆN|THỊ XÃ|TỈNH|THÀNH PHỐ|TP\.)\s")
_PLACE_WORDS = re.compile(r"\b(TRƯỜNG|PHƯỜNG|XÃ|THỊ TRẤN|QUẬN|HUYỆN|THỊ XÃ|TỈNH|THÀNH PHỐ|TP\.|TRUNG ƯƠNG|KHỐI)\b")
_BODY_WORDS = re.compile(r"\b(ĐOÀN|HỘI|BAN|BCH|BCĐ|ĐẢNG|ĐỘI|ỦY BAN|UBND)\b")
# A name's head that asks for what follows: a body word or a place's kind at its end.
_OPEN_END = re.compile(r"\b(ĐOÀN|HỘI|ĐỘI|BCH|BAN|UBND|XÃ|PHƯỜNG|HUYỆN|QUẬN|TỈNH|TRƯỜNG|THỊ TRẤN|THÀNH PHỐ|TP\.)$")


_BARE_HEADS = {"BCH", "BAN CHẤP HÀNH", "BAN THƯỜNG VỤ", "BTV", "BAN CHẤP HÀNH ĐOÀN", "BCH ĐOÀN"}


def _rejoined(bodies: list[str]) -> list[str]:
    """Body lines with a name's second half (a place or a school, no body
    word in it) joined to the generic head above it."""
    out: list[str] = []
    for body in bodies:
        rest = not _BODY_WORDS.search(body)
        bare_head = bool(out) and out[-1] in _BARE_HEADS  # "BCH" / "ĐOÀN KHỐI DÂN - CHÍNH - ĐẢNG TP"
        # "THÀNH" / "ĐOÀN TP. HỒ CHÍ MINH": a lone word of no body before a body's name
        bare_head = bare_head or bool(out) and len(out[-1].split()) == 1 and not _BODY_WORDS.search(out[-1])
        # "BAN CHẤP HÀNH HỘI SINH VIÊN" / "TRƯỜNG ĐẠI HỌC VINH": a body's name without its place, then the place
        placeless = bool(out) and bool(_BODY_WORDS.search(out[-1])) and not _PLACE_WORDS.search(out[-1]) \
            and bool(_PLACES.match(body))
        if out and (bare_head or rest and ((out[-1].endswith(_OPEN_HEADS) and _PLACES.match(body)) or placeless
                                           or _OPEN_END.search(out[-1]))):
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
    "KẾ HOẠCH" and "THAM GIA HỘI THI …"), and a title's line parted from
    the preamble a web page glued to it after a run of spaces."""
    for i, line in enumerate(lines[:header_window(lines)]):
        match = type_line(line)
        if match:
            kind, rest = match.groups()
            after = _unglued_title(lines[i + 1:])
            return lines[:i] + ([kind, rest] if rest.strip() else [kind]) + after
    return lines


# "… và trao giải thưởng 26/3      Thiết thực chào mừng …": a title's last
# line, a run of spaces, then a sentence of the preamble.
_GLUED_SENTENCE = re.compile(r"^(\S.*?\S)[ \t]{3,}([A-ZĐÀ-Ỹ][^\t]{80,})$")
TITLE_LINES = 6  # a title runs over a few lines at most


def _unglued_title(lines: list[str]) -> list[str]:
    """The lines after the document type with the first glued sentence
    parted from the title line it follows."""
    seen = 0
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        if seen >= TITLE_LINES or RULE.match(line.strip()) or _starts_body(line):
            break
        parted = part_glued_sentence(line)
        if len(parted) > 1:
            return lines[:i] + parted + lines[i + 1:]
        seen += 1
    return lines


def part_glued_sentence(line: str) -> list[str]:
    """A title's line and the preamble's sentence glued after it by a run
    of spaces, as two blocks (a blank line between); any other line as it is."""
    glued = _GLUED_SENTENCE.match(line.strip())
    return [glued.group(1), "", glued.group(2)] if glued else [line]


def parse_header(lines: list[str], title_lines: int | None = None) -> Header:
    header = Header()
    type_at = next((i for i, line in enumerate(lines[:header_window(lines)]) if type_line(line)), None)
    if type_at is None:
        # A page that dropped the document type and the title: the header
        # still ends where the body begins, when it holds a number or a date.
        type_at = _header_end_without_type(lines)
        if type_at is None:
            header.notes.append("không thấy dòng tên loại “KẾ HOẠCH”: phần đầu văn bản chưa nhận ra, giữ trong phần "
                                "mở đầu")
            return header
        header.notes.append("không thấy dòng tên loại “KẾ HOẠCH” và trích yếu: chương trình ghi “KẾ HOẠCH”; hãy "
                            "điền trích yếu trong “Thông tin chung”")
    else:
        header.document_type = " ".join(lines[type_at].split())
    bodies: list[str] = []
    titles: list[tuple[int, str]] = []  # organisation titles, with how many bodies stood above each
    # A web page's table flattened with "|" between its cells: columns, as tabs part them.
    columns = [raw.replace("\t", " ").strip() for raw in split_columns([line.replace("|", "\t")
                                                                         for line in lines[:type_at]])]
    above_date = ""  # the element right above the place and date: the right column's organisation title
    previous = ""
    previous_body = False
    for text in (piece for line in _date_rejoined(_phrases_rejoined(columns)) for piece in header_pieces(line)):
        if not text or STARS.match(text) or RULE.match(text):  # the stars, or the rules of the State layout
            continue
        if parse_place_date(text) is not None:
            above_date = previous
        previous_body = bool(bodies) and previous == bodies[-1]
        previous = text.upper()
        # A second number or date line (a page's repeat, a copy's own) is
        # kept as a line of the plan, not read over the first.
        if (number := parse_number(text)) is not None and header.number is None:
            header.number = number
        elif (found := parse_place_date(text)) is not None and not (header.place or header.plan_date):
            header.place, header.plan_date, note = found
            if note:
                header.notes.append(note)
        elif number is not None or found is not None:
            header.leftovers.append(text)
        elif fold(text) == "du thao":
            header.draft_mark = True
        elif fold(text) in {fold(t) for t in ORGANISATION_TITLES}:
            titles.append((len(bodies), text.upper()))
        elif " ".join(_folded_words(text)) == MOTTO:
            header.motto = True
        elif is_upper(text):
            bodies.append(text.rstrip(" -–").strip() if re.search(r"\s[-–]$", text) else text)  # "BỘ GD&ĐT -" / "…"
        elif bodies and previous_body and re.fullmatch(r"\d{1,3}[A-Z]?\d?", text) and _OPEN_END.search(bodies[-1]):
            bodies[-1] = f"{bodies[-1]} {text}"  # "ỦY BAN NHÂN DÂN PHƯỜNG" / "9"
        elif _reads_as_body(text):
            bodies.append(text.upper())  # a page that lost the capitals its style drew; printed in capitals
        else:
            header.leftovers.append(text)
    if titles:
        # Under the national title an organisation's name is the left
        # column's first body ("ĐOÀN TNCS HỒ CHÍ MINH" over a chi đoàn).
        national = [title for _at, title in titles if fold(title) == fold(NATIONAL_TITLE)]
        header.organisation_title = national[0] if national else _title_of_symbol(titles, header.number, above_date)
        chosen = next(i for i in range(len(titles) - 1, -1, -1) if titles[i][1] == header.organisation_title)
        for i in range(len(titles) - 1, -1, -1):
            at, title = titles[i]
            if i == chosen:
                continue
            if at and (_open_name(bodies[at - 1]) or bodies[at - 1].endswith("TRUNG ƯƠNG")):
                bodies[at - 1] = f"{bodies[at - 1]} {title}"  # "BAN CHẤP HÀNH TRUNG ƯƠNG" / "ĐOÀN TNCS HỒ CHÍ MINH"
            elif title != header.organisation_title:
                bodies.insert(at, title)
            else:
                header.leftovers.append(title)  # the organisation's name once more: a line of the plan
    bodies = _rejoined(bodies)
    if not header.organisation_title:  # the title cut in word groups ("ĐOÀN" / "TNCS HỒ CHÍ MINH"), joined again
        named = next((i for i, body in enumerate(bodies) if fold(body) in {fold(t) for t in ORGANISATION_TITLES}), None)
        if named is not None:
            header.organisation_title = bodies.pop(named)
    if header.number is not None:
        _settle_suffix(header.number, bodies)
    # The bodies the symbol names: its known issuer codes ("KHĐH/PL-ĐTN" names
    # one body; "PL" is the school's own abbreviation, no joint body).
    codes = max(1, len([c for c in header.number.issuer_codes if c in ISSUER_CODES])) if header.number else 1
    named = len(header.number.issuer_codes) if header.number else 0
    joint_kind = any(word in header.document_type for word in ("LIÊN TỊCH", "PHỐI HỢP"))
    if len(bodies) >= 2 and ((codes >= 2 and len(bodies) == codes) or (joint_kind and len(bodies) == named)):
        header.issuing_bodies = bodies  # a joint plan: each body has its code in the symbol
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
    if header.document_type and title_lines:
        _title_of_length(lines, type_at + 1, header, title_lines)
    elif header.document_type:
        _title(lines, type_at + 1, header)
    else:
        header.body_start = type_at
    return header


def _header_end_without_type(lines: list[str]) -> int | None:
    """Where the body begins in a plan without its document type line (the
    first line that starts a body or is a paragraph), when the lines above
    hold a number line or a place and date, so that they are a header."""
    window = lines[:header_window(lines)]
    end = next((i for i, line in enumerate(window) if line.strip() and
                (_starts_body(line) or len(line.strip()) > 160)), None)
    if not end:
        return None
    above = [" ".join(line.replace("|", " ").split()) for line in window[:end]]
    evidence = any(parse_place_date(piece) or parse_number(piece)
                   for line in above for piece in header_pieces(line))
    return end if evidence else None


_RULE_BESIDE = re.compile(r"^[-_–—=~.¯]{3,}\s+(?=\S)|(?<=\S)\s+[-_–—=~.¯]{3,}$")
_STARS_BEFORE = re.compile(r"^\*+\s*(?=\S)")  # "*** Số: 09-KH/ĐTN": the stars, then another element
# "Số: 09-KH/ĐTNLộc Ninh": the symbol's capitals glued to the place's first word.
_GLUED_PLACE = re.compile(r"(?<=[A-ZĐ]{2})([A-ZĐ])(?=[^\W\d_])")


def _unglued_place(text: str) -> str:
    return _GLUED_PLACE.sub(lambda m: " " + m.group(1) if text[m.end()].islower() else m.group(1), text)
_DATE_WITHOUT_YEAR = re.compile(r"ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s*$", re.I)
_YEAR_ALONE = re.compile(r"^năm\s+\d{4}\s*\.?$", re.I)


# Bodies' names a page breaks inside a word ("BAN CHẤP" / "HÀNH TRUNG ƯƠNG").
_BROKEN_NAMES = ("BAN CHẤP HÀNH TRUNG ƯƠNG", "BAN CHẤP HÀNH", "BAN THƯỜNG VỤ", "ỦY BAN NHÂN DÂN", "BAN BÍ THƯ")


def _phrases_rejoined(lines: list[str]) -> list[str]:
    """The header's lines with an organisation's name or the motto a page
    broke over lines ("CỘNG HÒA" / "XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc" /
    "lập - Tự do - Hạnh phúc") on one line again."""
    phrases = [_folded_words(name) for name in (*ORGANISATION_TITLES, *_BROKEN_NAMES)] + [MOTTO.split()]
    out: list[str] = []
    i = 0
    texts = [line for line in lines if line.strip()]
    while i < len(texts):
        words = _folded_words(texts[i])
        end = i + 1
        while words and end < len(texts) and any(p[:len(words)] == words and len(p) > len(words) for p in phrases):
            words = words + _folded_words(texts[end])
            end += 1
        if end > i + 1 and words in phrases:
            out.append(" ".join(texts[i:end]))
            i = end
        else:
            out.append(texts[i])
            i += 1
    return out


_PLACE_HEAD = re.compile(r"^(TP|Tp|TX|Tx|Q|TT)\.$")  # a place's abbreviated head, broken from its name


def _date_rejoined(lines: list[str]) -> list[str]:
    """The header's lines with a place and date a page broke in two on one
    line: before its year ("…, ngày 10 tháng 3" / "năm 2012"), or after the
    place ("Hà Nội," / "ngày 10 tháng 3 năm 2012")."""
    out: list[str] = []
    for line in (line for line in lines if line):
        last = out[-1] if out else ""
        joined = f"{last} {line}"
        broken_year = _YEAR_ALONE.match(line) and _DATE_WITHOUT_YEAR.search(last)
        lone_place = (last.endswith(",") and not is_upper(last) and parse_place_date(last) is None
                      and (found := parse_place_date(line)) is not None and not found[0])
        lone_place = lone_place or bool(_PLACE_HEAD.match(last) and parse_place_date(line))  # "TP." / "Hồ Chí Minh, …"
        # "TP. Hồ" / "Chí Minh, ngày …": a place's first words in small letters, no body's word in them.
        lone_place = lone_place or bool(len(last.split()) <= 5 and not is_upper(last) and not re.search(r"\d", last)
                                        and not _BODY_WORDS.search(last.upper()) and parse_place_date(last) is None
                                        and parse_place_date(line) and not fold(last).startswith("so"))
        # "TP. Hồ Chí Minh, ngày" / "01 tháng 01 năm 2005": neither a date alone, one together
        broken = (not is_upper(last) and not fold(last).startswith("so") and parse_place_date(last) is None
                  and parse_place_date(line) is None)
        mark = bool(RULE.match(last) or STARS.match(last))  # stars and rules are no part of a date
        if out and not mark and (broken_year or lone_place or broken) and parse_place_date(joined) is not None:
            out[-1] = joined
        else:
            out.append(line)
    return out


def header_pieces(text: str) -> list[str]:
    """A header line as the elements it holds, when a page set several on
    one line: the stars before another element ("*** Số: …"), an
    organisation title before or after a body or the place and date
    ("TỈNH ĐOÀN BÌNH PHƯỚC ĐOÀN TNCS HỒ CHÍ MINH"), the number and the
    place and date ("Số: 09 KH/ĐTN Lộc Ninh, ngày …"). A line holding one
    element comes back as it is."""
    text = _STARS_BEFORE.sub("", text.strip())
    text = _RULE_BESIDE.sub("", text)  # "Số: 37-KH/ĐTN ------": the other column's rule beside it
    if not text:
        return []
    words = text.split()
    for title in ORGANISATION_TITLES:
        size = len(title.split())
        if len(words) <= size:
            continue
        head, tail = " ".join(words[:size]), " ".join(words[size:])
        if fold(head) == fold(title) and _stands_apart(tail):
            return [head, *header_pieces(tail)]
        head, tail = " ".join(words[:-size]), " ".join(words[-size:])
        # The national title never ends a body's name: "ỦY BAN NHÂN DÂN CỘNG HÒA …" is two elements.
        national = fold(title) == fold(NATIONAL_TITLE)
        if fold(tail) == fold(title) and is_upper(head) and (national or not _open_name(head)):
            return [*header_pieces(head), tail]
    folded = _folded_words(text)
    motto = MOTTO.split()
    if len(folded) > len(motto) and folded[-len(motto):] == motto:  # "TỈNH CÀ MAU Độc lập - Tự do - Hạnh phúc"
        at = _motto_start(text)
        if at:
            return [*header_pieces(text[:at]), text[at:].strip()]
    if fold(text).startswith("so") and parse_number(text) is None:
        return _number_and_place(_unglued_place(text)) or [text]
    return [text]


# The organisation a symbol's issuer code belongs to, by the code's ending.
_CODE_ORGANISATIONS = (("ĐTN", "ĐOÀN TNCS HỒ CHÍ MINH"), ("HSV", "HỘI SINH VIÊN VIỆT NAM"),
                       ("LHTN", "HỘI LIÊN HIỆP THANH NIÊN VIỆT NAM"), ("HĐĐ", "ĐỘI TNTP HỒ CHÍ MINH"),
                       ("LĐ", "ĐỘI TNTP HỒ CHÍ MINH"), ("ĐU", "ĐẢNG CỘNG SẢN VIỆT NAM"))


def _title_of_symbol(titles: list[tuple[int, str]], number: DocumentNumber | None, above_date: str) -> str:
    """Of two organisation names in a header, the organisation's: the one
    the symbol's issuer code belongs to ("KH/ĐTN": the Youth Union, the
    Student Union's name above the body then being the superior body);
    else the one right above the place and date (the right column holds
    both, whichever column a page put first); else the last one (the right
    column's, read after the left)."""
    codes = number.issuer_codes if number else []
    for code in codes:
        for ending, name in _CODE_ORGANISATIONS:
            if code.endswith(ending) and any(fold(title) == fold(name) for _at, title in titles):
                return next(title for _at, title in titles if fold(title) == fold(name))
    if any(title == above_date for _at, title in titles):
        return above_date
    return titles[-1][1]


def _motto_start(text: str) -> int:
    """Where the motto begins in a line that ends with it (0: not found)."""
    found = re.search(r"độc\s+lập\W+tự\s+do\W+hạnh\s+phúc\W*$", text, re.I)
    return found.start() if found else 0


_BODY_HEADS = ("doan", "hoi", "ban", "bch", "bcd", "dang", "doi", "chi doan", "lien doi", "uy ban", "ubnd", "tinh",
               "thanh pho", "quan", "huyen", "thi xa", "xa", "phuong", "thi tran", "truong", "tp", "bo", "cong doan")


def _reads_as_body(text: str) -> bool:
    """A body's name not in capitals: short, no sentence, every word but
    the small ones capitalised or an abbreviation, a body's or a place's
    word in it ("Ban Chấp hành Đoàn xã An Hòa", "Tỉnh Cà Mau")."""
    words = text.split()
    if len(text) > 90 or text.endswith((".", ":", ";", ",")) or not words or re.match(r"^số\b", text, re.I):
        return False
    folded = f" {' '.join(_folded_words(text))} "
    if not words[0][:1].isupper() or not any(f" {head} " in folded for head in _BODY_HEADS):
        return False
    return folded.startswith(tuple(f" {head} " for head in _BODY_HEADS)) or \
        sum(1 for word in words if word[:1].isupper()) * 2 >= len(words)


def _stands_apart(text: str) -> bool:
    """Text after an organisation title that is an element of its own: a
    body, the number or the place and date (not the rest of a name,
    "HỘI SINH VIÊN VIỆT NAM TRƯỜNG ĐẠI HỌC VINH")."""
    return (bool(_BODY_WORDS.search(text)) or fold(text).startswith("so")
            or parse_place_date(text) is not None)


def _open_name(text: str) -> bool:
    """A body's name that asks for what follows ("BCH", "BAN CHẤP HÀNH")."""
    return bool(_OPEN_END.search(text)) or text.endswith(_OPEN_HEADS)


def _number_and_place(text: str) -> list[str] | None:
    """"Số: 225 - KH/TWĐTN-CTTN Hà Nội, ngày …" as the number and the place
    and date: the longest beginning that reads as a number, the rest as a
    place and date."""
    words = text.split()
    for cut in range(len(words) - 1, 1, -1):
        number, rest = " ".join(words[:cut]), " ".join(words[cut:])
        if parse_number(number) is not None and parse_place_date(rest) is not None:
            return [number, rest]
    # A number line in a form not read: parted after its symbol (the last
    # word with a slash or a dash), so that the place and date are not lost.
    marks = [i for i, word in enumerate(words) if re.search(r"[/\-–]", word) and not re.search(r"\d/\d", word)]
    for cut in reversed(marks):
        rest = " ".join(words[cut + 1:])
        if rest and parse_place_date(rest) is not None:
            return [" ".join(words[:cut + 1]), rest]
    return None


TITLE_LOOKAHEAD = 16  # lines (blank ones included) the title and its rule may run over
GLUED_RULE = re.compile(r"\s*[-_¯–—=~]{5,}\s*$")  # a rule glued to the title's last line ("… Năm 2013_______")


def _title_of_length(lines: list[str], start: int, header: Header, count: int) -> None:
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
        if taken and _number_note(text, header):
            end = j + 1  # "(Số 61-KH/TĐ ngày 26/01/2010)" under the title: the number and date, read
            continue
        # Without a rule: the lines that follow the first one make the title,
        # and after a blank line only a line that reads as a title's.
        if rule_at is None and taken and (_starts_body(text) or _paragraph_under_title(text) or _sentence(text)
                                          or (gap and not _reads_as_title(text, capitals))):
            break
        taken.append(text)
        end = j + 1
        gap = False
    header.title = "\n".join(" ".join(line.split()) for line in taken)
    header.body_start = rule_at + 1 if rule_at is not None else end


# "(Số 61-KH/TĐ ngày 26/01/2010)": a page that moved the number and the date under the title.
_NUMBER_NOTE = re.compile(r"^\(\s*(Số\b.*?)\s+ngày\s+(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})\s*\)$", re.I)


def _number_note(text: str, header: Header) -> bool:
    """Whether a line under the title is the number and date in brackets;
    they fill the header's when it has none."""
    match = _NUMBER_NOTE.match(text)
    number = parse_number(match.group(1)) if match else None
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
    return folded.startswith(PREAMBLE_OPENERS) and not folded.startswith(("can cu", "thuc hien"))


def _glued_rule(text: str) -> int | None:
    """Where a rule glued to the end of a title's line starts, if any."""
    glued = GLUED_RULE.search(text)
    return glued.start() if glued and glued.start() > 0 and not RULE.match(text) else None


def _reads_as_title(text: str, capitals: bool) -> bool:
    """A further line of a title: short, not a sentence, in capitals when
    the title's first line is."""
    if _paragraph_under_title(text) or text.endswith((".", ";", ":")):
        return False
    return is_upper(text) if capitals else True


def _sentence(text: str) -> bool:
    """A sentence, which no title's further line is: it ends with "." or
    ":" (a title's line may end with ";", as example 000's does)."""
    return text.endswith((".", ":")) and not text.endswith("./.") and len(text.split()) > 3


def _paragraph_under_title(text: str) -> bool:
    """A line no title has, even right under it: a paragraph's length, or
    the "Kính gửi:" some plans have under their title. (A title's line may
    end with ";": "… năm 2022;" / "thống nhất phương hướng …".)"""
    return len(text) > 160 or fold(text).startswith("kinh gui")


def _starts_body(line: str) -> bool:
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
    return (folded.startswith(PREAMBLE_OPENERS) or bool(re.match(r"^[IVX]+\s*[.)/–-]\s", text))
            or bool(numbered and (is_upper(text) or usual)) or (usual and is_upper(text) and len(text.split()) <= 8))


# A section's usual first words (folded), as outline.SECTION_WORDS has them (outline imports this module).
_SECTION_OPENERS = ("muc dich", "yeu cau", "noi dung", "thoi gian", "dia diem", "thanh phan", "to chuc thuc hien",
                    "phan cong", "tien do", "kinh phi", "hinh thuc", "nhiem vu")
