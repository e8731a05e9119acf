"""The fields of a plan's page-1 header and the patterns that read each
one alone: the number line, the place and date, the document type's line,
the organisation titles, the motto, stars and rules (header.py puts a
header together from them)."""
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
# A space may part two codes too ("01/ KH LĐ - THCSMM"), when a mark parts the others.
NUMBER = re.compile(rf"^-?\s*(?i:Số)\s*:?\s*(\d*)[.…_]*(\s*[-–/]?\s*)({_CODE}(?:\s*[-–/]\s*{_CODE}| {_CODE})*)\s*$")
MAX_NUMBER_DIGITS = 9
# "Quận 12, ngày 05 tháng 3 năm 2025"; the comma is sometimes left out ("Eah'leo ngày 10 tháng 9 năm 2010").
# Pages also glue the words ("ngày 05tháng 3năm 2012"), put a comma before the
# year, or leave "ngày" out after the place's comma ("Hà Nội, 05 tháng 3 năm 2012").
PLACE_DATE = re.compile(r"^(?:(.*?)(?:,\s*|\s+))?ngày\s*(\d{1,2})\s*tháng\s*(\d{1,2})\s*,?\s*năm\s*(\d{4})\s*\.?$"
                        r"|^(.*?),\s*(\d{1,2})\s+tháng\s+(\d{1,2})\s*,?\s*năm\s+(\d{4})\s*\.?$", re.I)
PLACE_DATE_NUMERIC = re.compile(r"^(?:(.*?),\s*)?ngày\s+(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\3\s*(\d{4})\s*\.?$", re.I)
# The date left blank, or part of it, for the register ("ngày     tháng    năm 2022", "ngày 11 tháng năm 2015").
BLANK_DATE = re.compile(r"^(?:(.*?),\s*)?ngày[\s._…]*(\d{1,2})?[\s._…]*tháng[\s._…]*(\d{1,2})?[\s._…]*năm[\s._…]*"
                        r"(\d{4})?[\s._…]*$", re.I)
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
    if match is None and is_upper(text):
        # "K HOCH": a page whose font lost the letters with marks ("Ế", "Ạ") of a lone type.
        lost = {_without_marked(kind): kind for kind in LONE_TYPES}.get(text)
        match = DOCUMENT_TYPE.match(lost) if lost else None
    return match


def _without_marked(text: str) -> str:
    """The text without its letters outside ASCII: what a page that lost them shows."""
    return " ".join("".join(ch for ch in text if ch.isascii()).split())


RULE = re.compile(r"^[-_–—=~.¯]{3,}$|^[-_–—=~.¯ ]*[oO][0oO][oO][-_–—=~.¯ ]*$")  # "-----", "¯¯¯", "---o0o---"
STARS = re.compile(r"^[*\s]+$")
# Codes after the issuer codes that name the drafting unit ("-VP"), not a body.
DRAFTING_UNITS = {"VP", "BTC", "BKT", "TCKT", "BTG", "BDV", "BTGĐN", "BCNLĐ", "BTNTH", "BTNCN", "BTN", "BTNNT",
                  "UBKT", "BKTTC", "BPT", "BTH", "BANTC", "BTCKT"}
# Codes of issuing bodies, as the symbol's parts after the type code.
ISSUER_CODES = {"TWĐTN", "TĐTN", "ĐTN", "CĐCS", "CĐ", "PĐ", "HCCB", "CĐVC", "LĐLĐ", "HLHTN", "HSV", "HLHPN", "HPN",
                "HĐĐ", "HND", "MTTQ", "UBND", "ĐU", "ĐUK", "TU", "QU", "HU", "BCĐ", "CCB", "ĐTNCS", "HLH", "LHTN"}
PREAMBLE_OPENERS = ("can cu", "thuc hien", "nham ", "theo ", "de ", "duoc su", "tiep tuc", "qua ")
ORGANISATION_TITLES = ("ĐOÀN TNCS HỒ CHÍ MINH", "ĐOÀN THANH NIÊN CỘNG SẢN HỒ CHÍ MINH", "ĐẢNG CỘNG SẢN VIỆT NAM",
                       "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
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
    # "Số:" then the symbol, the number's room left as spaces a page folded ("Số:       KH/ĐHTBD-ĐTN").
    room = not value and re.match(r"^(?i:Số)\s*:", text) is not None
    if len(value) > MAX_NUMBER_DIGITS:
        return None  # no register counts that far: the line stays as text, for the clerk to see
    # A space parts codes too ("KH LĐ - THCSMM") where a mark parts others: "Số 12 ĐƯỜNG LÊ LỢI" is an address.
    parting = r"\s*[-–/]\s*|\s+" if re.search(r"[-–/]", symbol) else r"[-–/]"
    type_code, *codes = [p.strip() for p in re.split(parting, symbol.strip())]
    # The issuers' codes are capitals ("Số người/đội" is no number); with only a space
    # between, a number and more than one code ("Số 12 ĐƯỜNG …" is an address).
    if not all(code.isupper() for code in codes) or not (separator.strip() or (value and codes) or (room and codes)):
        return None
    parts = [p.upper() for p in codes if p]
    suffix = parts.pop() if len(parts) > 1 and parts[-1] in DRAFTING_UNITS else ""
    number = DocumentNumber(int(value) if value else None, type_code, parts, suffix)  # "CTr" as written
    # Spaces before a number not yet given are the room left for it ("Số:    /KH - HSV").
    # With nothing between the room and the symbol, the room itself parts them ("Số:      KH/…").
    return number.as_written(separator if value else (separator.lstrip() or (" " if room else "")), symbol)


def parse_place_date(text: str) -> tuple[str, date | None, str] | None:
    """(place, date, note); the note names an impossible date. A line with
    the date left blank for the register ("Quận 12, ngày    tháng    năm")
    gives the place alone."""
    match = PLACE_DATE.match(text.strip()) or PLACE_DATE_NUMERIC.match(text.strip())
    if not match:
        blank = BLANK_DATE.match(text.strip())
        if blank is None:
            return None
        day, month, year = blank.group(2), blank.group(3), blank.group(4)
        written = " ".join(part for part in (f"ngày {day}" if day else "", f"tháng {month}" if month else "",
                                             f"năm {year}" if year else "") if part)
        note = (f"ngày ban hành chưa đủ (bản gốc ghi “{written}”): để trống cho văn thư điền khi ký; dòng "
                "ngày tháng của bản gốc giữ ở đầu phần mở đầu" if written else "")
        return (blank.group(1) or "").strip(), None, note
    if match.re is PLACE_DATE_NUMERIC:
        place, day, _sep, month, year = match.groups()
    else:  # one of the two forms matched: its four groups
        groups = match.groups()
        place, day, month, year = groups[:4] if groups[1] is not None else groups[4:]
    place = (place or "").strip().lstrip("* ").strip()  # "*** TP. Hồ Chí Minh, ngày …": the stars beside it
    try:
        return place, date(int(year), int(month), int(day)), ""
    except ValueError:
        return place, None, (f"ngày ban hành “{text.strip()}” không có thật; để trống cho văn thư điền; dòng "
                             "ngày tháng của bản gốc giữ ở đầu phần mở đầu")


def folded_words(text: str) -> list[str]:
    return re.findall(r"[^\W_]+", fold(text))
