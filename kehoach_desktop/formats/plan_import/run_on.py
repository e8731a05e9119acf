"""A page that ran its header and title into one line with the text (a
PDF's text extracted without its line ends: "ĐỘI TNTP HỒ CHÍ MINH HỘI ĐỒNG
TỈNH QUẢNG NGÃI *** Quảng Ngãi, ngày 11 tháng năm 2015 Số: 07 - CT/HĐĐ
CHƯƠNG TRÌNH Công tác Đội … năm học 2015 - 2016 Năm học 2015 - 2016 khai
giảng …"), parted again into the lines a header has: the elements before
the document type, the type, the title, and the rest as it was."""
from __future__ import annotations

import re

RUN_ON = 300  # characters: a first line that long holds more than a header's element
_TYPE = re.compile(r"(?<!\S)(KẾ HOẠCH(?: LIÊN TỊCH| PHỐI HỢP)?|CHƯƠNG TRÌNH(?: PHỐI HỢP| LIÊN TỊCH| HÀNH ĐỘNG)?)"
                   r"(?=\s+\S)")
_HEADER_SEARCH = 400  # characters before the type: the header elements of a page
# Where a header element starts inside the run: the stars, the number line, a date's place.
_STARTS = re.compile(r"\s+(?=\*{3,})|(?<=\*)\s+(?=\S)|\s+(?=Số\s*:?\s*\d*\s*[-–/]?\s*[A-ZĐ]{2})")
# The title's end: a period it names, then the text's next sentence in a capital.
_TITLE_END = re.compile(r"\b(?:năm học|nhiệm kỳ|giai đoạn|năm)\s+\d{4}(?:\s*[-–]\s*\d{4})?(?=\s+[A-ZĐÀ-Ỹ])", re.I)
MAX_TITLE = 250  # characters


def unrun(lines: list[str]) -> list[str]:
    """The lines with a run-on first line parted; any other text as it is."""
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None or len(lines[first]) < RUN_ON:
        return lines
    text = lines[first].strip()
    kind = _TYPE.search(text, 0, _HEADER_SEARCH + 40)
    if kind is None or not re.search(r"\bSố\b|\bngày\b", text[:kind.start()]):
        return lines
    head = [part.strip() for part in _STARTS.split(text[:kind.start()]) if part.strip()]
    rest = text[kind.end():].strip()
    end = _TITLE_END.search(rest, 0, MAX_TITLE)
    title, body = (rest[:end.end()], rest[end.end():].strip()) if end else ("", rest)
    parted = [*head, "", kind.group(1), *([title] if title else []), "", *_sections_apart(body)]
    return lines[:first] + parted + lines[first + 1:]


# "… như sau: I CHỦ ĐỀ NĂM HỌC “Thiếu nhi …”": a Roman numeral and a heading in capitals inside the run.
_HEADING = re.compile(r"(?:(?<=\s)|^)((?:I|II|III|IV|V|VI|VII|VIII|IX|X)\.?\s+[A-ZĐÀ-Ỹ]{2,}(?:[ ,]+[A-ZĐÀ-Ỹ]{2,})+)"
                      r"(?=[\s:.]|$)")


def _sections_apart(text: str) -> list[str]:
    """The run's text parted before and after each section's heading."""
    out: list[str] = []
    at = 0
    for heading in _HEADING.finditer(text):
        out += [text[at:heading.start()].strip(), heading.group(1).strip()]
        at = heading.end()
    out.append(text[at:].strip(" :"))
    return [part for part in out if part]
