"""The page-1 header of an existing plan (bodies, number, organisation
title, place and date), the document type and the title: the elements
(header_fields), found wherever a page set them (header_lines), the title
(title)."""
from __future__ import annotations

import re

from ...core.model import DocumentNumber
from ...core.text import fold
from .header_fields import (
    ISSUER_CODES,
    MOTTO,
    NATIONAL_TITLE,
    ORGANISATION_TITLES,
    PREAMBLE_OPENERS,
    RULE,
    STARS,
    Header,
    folded_words,
    header_window,
    is_upper,
    parse_number,
    parse_place_date,
    type_line,
)
from .header_lines import (
    OPEN_END,
    date_rejoined,
    header_pieces,
    open_name,
    phrases_rejoined,
    reads_as_body,
    rejoined_bodies,
    split_columns,
    split_joint,
)
from .title import read_title, read_title_of_length, starts_body


def _settle_suffix(number: DocumentNumber, bodies: list[str]) -> None:
    """An unknown last code ("ĐTN-BMT") is a drafting unit unless the
    header shows as many bodies as codes."""
    codes = number.issuer_codes
    if number.suffix or len(codes) < 2 or codes[-1] in ISSUER_CODES:
        return
    issuing = bodies[1:] if len(bodies) > 1 else bodies
    joint = len(issuing) >= len(codes) or (issuing and len(split_joint(issuing[-1], len(codes))) == len(codes))
    if not joint:
        number.suffix = codes.pop()


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
    for text in (piece for line in date_rejoined(phrases_rejoined(columns)) for piece in header_pieces(line)):
        if not text or STARS.match(text) or RULE.match(text):  # the stars, or the rules of the State layout
            continue
        number, found = parse_number(text), parse_place_date(text)
        if found is not None:
            above_date = previous
        previous_body = bool(bodies) and previous == bodies[-1]
        previous = text.upper()
        # A second number or date line (a page's repeat, a copy's own) is
        # kept as a line of the plan, not read over the first.
        if number is not None and header.number is None:
            header.number = number
        elif found is not None and not (header.place or header.plan_date):
            header.place, header.plan_date, note = found
            if note:
                header.notes.append(note)
            if header.plan_date is None and note:
                header.leftovers.append(text)  # the figures of a date not whole (or not real): kept, not lost
        elif number is not None or found is not None:
            header.leftovers.append(text)
        elif fold(text) == "du thao":
            header.draft_mark = True
        elif fold(text) in {fold(t) for t in ORGANISATION_TITLES}:
            titles.append((len(bodies), text.upper()))
        elif " ".join(folded_words(text)) == MOTTO:
            continue  # the State layout's motto: its profile prints it
        elif is_upper(text):
            bodies.append(text.rstrip(" -–").strip() if re.search(r"\s[-–]$", text) else text)  # "BỘ GD&ĐT -" / "…"
        elif bodies and previous_body and re.fullmatch(r"\d{1,3}[A-Z]?\d?", text) and OPEN_END.search(bodies[-1]):
            bodies[-1] = f"{bodies[-1]} {text}"  # "ỦY BAN NHÂN DÂN PHƯỜNG" / "9"
        elif reads_as_body(text):
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
            if at and (open_name(bodies[at - 1]) or bodies[at - 1].endswith("TRUNG ƯƠNG")):
                bodies[at - 1] = f"{bodies[at - 1]} {title}"  # "BAN CHẤP HÀNH TRUNG ƯƠNG" / "ĐOÀN TNCS HỒ CHÍ MINH"
            elif title != header.organisation_title:
                bodies.insert(at, title)
            else:
                header.leftovers.append(title)  # the organisation's name once more: a line of the plan
    bodies = rejoined_bodies(bodies)
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
    elif len(bodies) >= 3 and not joint_kind and codes == 1:
        # A chain of bodies, each above the next ("THỊ ĐOÀN" / "ĐOÀN XÃ" / "CHI ĐOÀN"): the body
        # directly above the issuing one is its superior; the ones above stay as lines of the plan.
        header.superior_body, header.issuing_bodies = bodies[-2], [bodies[-1]]
        header.leftovers[:0] = bodies[:-2]
        header.notes.append(f"phần đầu ghi {len(bodies)} cấp cơ quan: lấy “{bodies[-2]}” làm cơ quan cấp trên; "
                            f"dòng “{' / '.join(bodies[:-2])}” giữ ở đầu phần mở đầu")
    elif len(bodies) >= 2:
        header.superior_body = bodies[0]
        rest = bodies[1:]
        header.issuing_bodies = split_joint(rest[0], codes) if len(rest) == 1 else rest
    elif bodies:
        # A joint kind names its bodies on one line, as many as its symbol's codes ("SỞ GD&ĐT - TỈNH ĐOÀN").
        header.issuing_bodies = split_joint(bodies[0], named if joint_kind else codes)
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
        read_title_of_length(lines, type_at + 1, header, title_lines)
    elif header.document_type:
        read_title(lines, type_at + 1, header)
    else:
        header.body_start = type_at
        _title_without_type(lines, header)
    return header


def _title_without_type(lines: list[str], header: Header) -> None:
    """A page that dropped the document type but kept the title: the lines
    in capitals right under the header, before a paragraph ("THỰC HIỆN
    CHƯƠNG TRÌNH …" / "Nâng cao nhận thức …"), not a section's heading."""
    taken: list[str] = []
    i = header.body_start
    while i < len(lines) and len(taken) < 3:
        text = " ".join(lines[i].split())
        if text and not (is_upper(text) and not _heading(text) and len(text) <= 200):
            break
        if text:
            taken.append(text)
        i += 1
    if taken and i < len(lines) and lines[i].strip():
        header.title = "\n".join(taken)
        header.body_start = i
        header.notes[-1] = ("không thấy dòng tên loại “KẾ HOẠCH”: chương trình ghi “KẾ HOẠCH” và lấy dòng chữ in hoa "
                            "dưới phần đầu làm trích yếu; hãy kiểm tra trong “Thông tin chung”")


def _heading(text: str) -> bool:
    """A section's heading in capitals ("I. MỤC ĐÍCH", "MỤC ĐÍCH, YÊU CẦU"), no title; a line in
    capitals that begins as a preamble's sentence would ("THỰC HIỆN …") is a title's."""
    return bool(re.match(r"^([IVX]+|\d+|[A-H])\s*[.)/:–-]", text)) or (
        starts_body(text) and not fold(text).startswith(PREAMBLE_OPENERS))


def _header_end_without_type(lines: list[str]) -> int | None:
    """Where the body begins in a plan without its document type line (the
    first line that starts a body or is a paragraph), when the lines above
    hold a number line or a place and date, so that they are a header."""
    window = lines[:header_window(lines)]
    end = next((i for i, line in enumerate(window) if line.strip() and
                (starts_body(line) or len(line.strip()) > 160)), None)
    if not end:
        return None
    above = [" ".join(line.replace("|", " ").split()) for line in window[:end]]
    found = [i for i, line in enumerate(above) if any(parse_place_date(piece) or parse_number(piece)
                                                      for piece in header_pieces(line))]
    if not found:
        return None
    # The title in capitals between the header and the body ("HỖ TRỢ THANH NIÊN …, GIAI ĐOẠN 2023 - 2030"):
    # a long line or one with a figure, after the last number or date line, no body's name.
    after = [i for i in range(found[-1] + 1, end) if above[i]]
    if after and all(_title_in_capitals(above[i]) for i in after):
        return after[0]
    return end


def _title_in_capitals(text: str) -> bool:
    return is_upper(text) and (len(text.split()) > 8 or bool(re.search(r"\d", text))) \
        and fold(text) not in {fold(title) for title in ORGANISATION_TITLES}


# The organisation a symbol's issuer code belongs to, by the code's ending.
_YOUTH_UNION = ("ĐOÀN TNCS HỒ CHÍ MINH", "ĐOÀN THANH NIÊN CỘNG SẢN HỒ CHÍ MINH")
_PIONEERS = ("ĐỘI TNTP HỒ CHÍ MINH", "ĐỘI THIẾU NIÊN TIỀN PHONG HỒ CHÍ MINH")
_CODE_ORGANISATIONS = (("ĐTN", _YOUTH_UNION), ("HSV", ("HỘI SINH VIÊN VIỆT NAM",)),
                       ("LHTN", ("HỘI LIÊN HIỆP THANH NIÊN VIỆT NAM",)), ("HĐĐ", _PIONEERS), ("LĐ", _PIONEERS),
                       ("ĐU", ("ĐẢNG CỘNG SẢN VIỆT NAM",)))


def _title_of_symbol(titles: list[tuple[int, str]], number: DocumentNumber | None, above_date: str) -> str:
    """Of two organisation names in a header, the organisation's: the one
    the symbol's issuer code belongs to ("KH/ĐTN": the Youth Union, the
    Student Union's name above the body then being the superior body);
    else the one right above the place and date (the right column holds
    both, whichever column a page put first); else the last one (the right
    column's, read after the left)."""
    codes = number.issuer_codes if number else []
    for code in codes:
        for ending, names in _CODE_ORGANISATIONS:
            named = [title for _at, title in titles if fold(title) in {fold(name) for name in names}]
            if code.endswith(ending) and named:
                return named[0]
    if any(title == above_date for _at, title in titles):
        return above_date
    return titles[-1][1]
