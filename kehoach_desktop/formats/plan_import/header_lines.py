"""A page-1 header's lines made into its elements: columns parted (tabs,
"|", runs of spaces), several elements on one line cut apart, an element a
page broke over lines joined again, bodies' names rejoined, a body's name
told in small letters."""
from __future__ import annotations

import re

from ...core.text import fold
from .header_fields import (
    MOTTO,
    NATIONAL_TITLE,
    ORGANISATION_TITLES,
    RULE,
    STARS,
    folded_words,
    is_upper,
    parse_number,
    parse_place_date,
)


def split_joint(line: str, count: int) -> list[str]:
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
_PLACE_WORDS = re.compile(r"\b(TRƯỜNG|PHƯỜNG|XÃ|THỊ TRẤN|QUẬN|HUYỆN|THỊ XÃ|TỈNH|THÀNH PHỐ|TP\.|TRUNG ƯƠNG)\b")
_BODY_WORDS = re.compile(r"\b(ĐOÀN|HỘI|BAN|BCH|BCĐ|ĐẢNG|ĐỘI|ỦY BAN|UỶ BAN|UBND|UB|CĐ|BCHCĐ|BCHĐ|LCĐ|LĐ|CĐCS|HSV)\b")
# Heads of other bodies that stand in a header, alone or in a joint plan ("SỞ GIÁO DỤC VÀ ĐÀO TẠO").
_INSTITUTIONS = re.compile(r"^(SỞ|BỘ|CỤC|TỔNG CỤC|CÔNG TY|TỔNG CÔNG TY|VĂN PHÒNG|PHÒNG|VIỆN|HỌC VIỆN|BỆNH VIỆN|"
                           r"CÔNG AN|QUÂN|BỘ CHỈ HUY|MẶT TRẬN|TRUNG TÂM|ĐẠI HỌC|CAO ĐẲNG|BÁO|ĐÀI|NHÀ|LIÊN)\b")
# A name's head that asks for what follows: a body word or a place's kind at its end.
OPEN_END = re.compile(r"\b(ĐOÀN|HỘI|ĐỘI|BCH|BAN|UBND|XÃ|PHƯỜNG|HUYỆN|QUẬN|TỈNH|TRƯỜNG|THỊ TRẤN|THÀNH PHỐ|TP\.)$")


_BARE_HEADS = {"BCH", "BAN CHẤP HÀNH", "BAN THƯỜNG VỤ", "BTV", "BAN CHẤP HÀNH ĐOÀN", "BCH ĐOÀN"}


def rejoined_bodies(bodies: list[str]) -> list[str]:
    """Body lines with a name's second half (a place or a school, no body
    word in it) joined to the generic head above it."""
    out: list[str] = []
    for body in bodies:
        rest = not _BODY_WORDS.search(body)
        # "HỘI LHTN VIỆT" / "NAM", "BCH ĐOÀN TRƯỜNG CĐN" / "CƠ ĐIỆN XÂY DỰNG VIỆT XÔ": a name's tail a
        # page broke off, naming no body, no place's kind and no other body's head.
        tail = rest and bool(out) and not _PLACES.match(body) and not _INSTITUTIONS.match(body) \
            and bool(_BODY_WORDS.search(out[-1]))
        bare_head = bool(out) and out[-1] in _BARE_HEADS  # "BCH" / "ĐOÀN KHỐI DÂN - CHÍNH - ĐẢNG TP"
        # "THÀNH" / "ĐOÀN TP. HỒ CHÍ MINH": a lone word of no body before a body's name
        bare_head = bare_head or bool(out) and len(out[-1].split()) == 1 and not _BODY_WORDS.search(out[-1])
        # "BAN CHẤP HÀNH HỘI SINH VIÊN" / "TRƯỜNG ĐẠI HỌC VINH": a body's name without its place, then the place
        placeless = bool(out) and bool(_BODY_WORDS.search(out[-1])) and not _PLACE_WORDS.search(out[-1]) \
            and bool(_PLACES.match(body))
        if out and (tail or bare_head or rest and ((out[-1].endswith(_OPEN_HEADS) and _PLACES.match(body)) or placeless
                                           or OPEN_END.search(out[-1]))):
            out[-1] = f"{out[-1]} {body}"
        else:
            out.append(body)
    return out


# The other column's rule beside an element: "-----", or "---o0o---" drawn in letters.
_RULE_BESIDE = re.compile(r"^(?:[-_–—=~.¯]{3,}|[-_–—=~.¯]+[oO][0oO][oO][-_–—=~.¯]+)\s+(?=\S)"
                          r"|(?<=\S)\s+(?:[-_–—=~.¯]{3,}|[-_–—=~.¯]+[oO][0oO][oO][-_–—=~.¯]+)$")
_STARS_BEFORE = re.compile(r"^\*+\s*(?=\S)")  # "*** Số: 09-KH/ĐTN": the stars, then another element
# "Số: 09-KH/ĐTNLộc Ninh": the symbol's capitals glued to the place's first word.
_GLUED_PLACE = re.compile(r"(?<=[A-ZĐ]{2})([A-ZĐ])(?=[^\W\d_])")


def _unglued_place(text: str) -> str:
    return _GLUED_PLACE.sub(lambda m: " " + m.group(1) if text[m.end()].islower() else m.group(1), text)
_DATE_WITHOUT_YEAR = re.compile(r"ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s*$", re.I)
_YEAR_ALONE = re.compile(r"^năm\s+\d{4}\s*\.?$", re.I)


# Bodies' names a page breaks inside a word ("BAN CHẤP" / "HÀNH TRUNG ƯƠNG").
_BROKEN_NAMES = ("BAN CHẤP HÀNH TRUNG ƯƠNG", "BAN CHẤP HÀNH", "BAN THƯỜNG VỤ", "ỦY BAN NHÂN DÂN", "BAN BÍ THƯ")


def phrases_rejoined(lines: list[str]) -> list[str]:
    """The header's lines with an organisation's name or the motto a page
    broke over lines ("CỘNG HÒA" / "XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc" /
    "lập - Tự do - Hạnh phúc") on one line again."""
    phrases = [folded_words(name) for name in (*ORGANISATION_TITLES, *_BROKEN_NAMES)] + [MOTTO.split()]
    out: list[str] = []
    i = 0
    texts = [line for line in lines if line.strip()]
    while i < len(texts):
        words = folded_words(texts[i])
        end = i + 1
        while words and end < len(texts) and any(p[:len(words)] == words and len(p) > len(words) for p in phrases):
            words = words + folded_words(texts[end])
            end += 1
        if end > i + 1 and words in phrases:
            out.append(" ".join(texts[i:end]))
            i = end
        else:
            out.append(texts[i])
            i += 1
    return out


_PLACE_HEAD = re.compile(r"^(TP|Tp|TX|Tx|Q|TT)\.$")  # a place's abbreviated head, broken from its name


def date_rejoined(lines: list[str]) -> list[str]:
    """The header's lines with a place and date a page broke in two on one
    line: before its year ("…, ngày 10 tháng 3" / "năm 2012"), or after the
    place ("Hà Nội," / "ngày 10 tháng 3 năm 2012")."""
    out: list[str] = []
    for line in (line for line in lines if line):
        last = out[-1] if out else ""
        joined = f"{last} {line}"
        broken_year = bool(_YEAR_ALONE.match(line) and _DATE_WITHOUT_YEAR.search(last))
        # "Lâm Thao, ngày 28 tháng 7 năm" / "2005": a date that reads as left blank until its year comes.
        broken_year = broken_year or bool(re.fullmatch(r"\d{4}\s*\.?", line.strip()) and _full_date(joined)
                                          and not _full_date(last))
        lone_place = (last.endswith(",") and not is_upper(last) and parse_place_date(last) is None
                      and (found := parse_place_date(line)) is not None and not found[0])
        lone_place = lone_place or bool(_PLACE_HEAD.match(last) and parse_place_date(line))  # "TP." / "Hồ Chí Minh, …"
        lone_place = lone_place or _place_begun(last, line)
        # "TP. Hồ Chí Minh, ngày" / "01 tháng 01 năm 2005": neither a date alone, one together
        broken = (not is_upper(last) and not fold(last).lstrip("-– ").startswith("so") and parse_place_date(last) is None
                  and parse_place_date(line) is None)
        mark = bool(RULE.match(last) or STARS.match(last))  # stars and rules are no part of a date
        if out and not mark and (broken_year or lone_place or broken) and parse_place_date(joined) is not None \
                and not (_full_date(last) and not _full_date(joined)):
            out[-1] = joined
            if len(out) >= 2 and _place_begun(out[-2], joined):  # "Nghệ" / "An, ngày 20 tháng 10 năm" / "2022"
                out[-2:] = [f"{out[-2]} {joined}"]
        else:
            out.append(line)
    return out


def _full_date(text: str) -> bool:
    found = parse_place_date(text)
    return found is not None and found[1] is not None


def _place_begun(last: str, line: str) -> bool:
    """"TP. Hồ" / "Chí Minh, ngày …": a place's first words in small
    letters, no body's word in them, above the rest of a place and date."""
    return bool(len(last.split()) <= 5 and not is_upper(last) and not re.search(r"\d", last)
                and not _BODY_WORDS.search(last.upper()) and parse_place_date(last) is None
                and parse_place_date(line) and not fold(last).lstrip("-– ").startswith("so")
                and parse_place_date(f"{last} {line}") is not None)


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
    marker = _PAGE_MARKER.match(text)
    if marker:  # "Trang 1SỞ GIÁO DỤC …": a page's marker glued to the header's first line
        return [marker.group(1), *header_pieces(text[marker.end():])]
    for title in ORGANISATION_TITLES:
        # "ĐỘI TNTP HỒ CHÍ MINHLIÊN ĐỘI …": the title and a body glued without a space
        glued = text[len(title):]
        if text[:len(title)].upper() == title and glued[:1].isalpha() and _stands_apart(glued):
            return [text[:len(title)], *header_pieces(glued)]
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
        # A page that lost its capitals keeps a body in small letters beside the title ("BCHcđ trờng … ĐOàn thanh …").
        if fold(tail) == fold(title) and (is_upper(head) or reads_as_body(head)) and (national or not open_name(head)):
            return [*header_pieces(head), tail]
    folded = folded_words(text)
    motto = MOTTO.split()
    if len(folded) > len(motto) and folded[-len(motto):] == motto:  # "TỈNH CÀ MAU Độc lập - Tự do - Hạnh phúc"
        at = _motto_start(text)
        if at:
            return [*header_pieces(text[:at]), text[at:].strip()]
    if fold(text).startswith("so") and parse_number(text) is None:
        return _number_and_place(_unglued_place(text)) or [text]
    return [text]


_PAGE_MARKER = re.compile(r"^(Trang\s*\d{1,3})(?=[A-ZĐÀ-Ỹ])")


def _motto_start(text: str) -> int:
    """Where the motto begins in a line that ends with it (0: not found)."""
    found = re.search(r"độc\s+lập\W+tự\s+do\W+hạnh\s+phúc\W*$", text, re.I)
    return found.start() if found else 0


_BODY_HEADS = ("doan", "hoi", "ban", "bch", "bchcd", "bchd", "bcd", "dang", "doi", "chi doan", "lien doi", "uy ban",
               "ubnd", "tinh", "thanh pho", "quan", "huyen", "thi xa", "xa", "phuong", "thi tran", "truong", "tp", "bo",
               "cong doan")


def reads_as_body(text: str) -> bool:
    """A body's name not in capitals: short, no sentence, every word but
    the small ones capitalised or an abbreviation, a body's or a place's
    word in it ("Ban Chấp hành Đoàn xã An Hòa", "Tỉnh Cà Mau")."""
    words = text.split()
    if len(text) > 90 or text.endswith((".", ":", ";", ",")) or not words or re.match(r"^số\b", text, re.I):
        return False
    folded = f" {' '.join(folded_words(text))} "
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


def open_name(text: str) -> bool:
    """A body's name that asks for what follows ("BCH", "BAN CHẤP HÀNH")."""
    return bool(OPEN_END.search(text)) or text.endswith(_OPEN_HEADS)


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
