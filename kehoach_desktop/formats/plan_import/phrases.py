"""Reading the generated phrases of a plan back: times ("08g00",
"08 giờ 00"), dates in words or figures, weekdays, counts "(04 đồng chí)",
deadlines "trước 17g00 ngày 25/2/2020", timeline dates "Từ ngày 01 đến
ngày 15/3/2020"."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ...core import content as c
from ...core.dates import stored_time
from ...core.model import TimeFormat, WeekdayStyle
from ...core.text import fold

# A time in running text; what it matches is read by core.dates.stored_time,
# the one reader of typed times (a colon needs its minutes, as there).
TIME = re.compile(r"(?<!\d)([01]?\d|2[0-3])(?:\s*giờ\s*|\s*[gh]|:(?=[0-5]\d))([0-5]\d)?(?:\s*phút)?(?![\d/])",
                  re.I)
DATE_WORDS = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", re.I)
DATE_NUMERIC = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(\d{4})(?![\d/])")
WEEKDAY = re.compile(r"\(\s*(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\s+nhật)\s*(?:[-–]\s*(?:thứ\s+\S+|chủ\s+nhật)\s*)?\)",
                     re.I)
COUNT = re.compile(r"\s*\((\d{1,4})\s+(đồng chí|đ/c|đại biểu|người|cán bộ|thành viên|đoàn viên)\)\s*$", re.I)
REMARK = re.compile(r"\s*\(([^()]{3,})\)\s*$")
TOTAL = re.compile(r"^\(?\s*(dự kiến|tổng cộng|tổng số)\s*:?\s*(\d{1,5})\s+(đồng chí|đ/c|đại biểu|người|cán bộ)\s*\)?\.?$",
                   re.I)
# The label of a table's total row ("Tổng cộng", "Cộng:"), folded (core.text.fold).
TOTAL_ROW_LABELS = ("tong cong", "cong", "tong", "tong so")
HEADING_TOTAL = re.compile(r"^(dự kiến|tổng cộng)\s*:?\s*(\d{1,5})\s+(đồng chí|đ/c|đại biểu|người|cán bộ)\s*(?:,?\s*gồm)?\s*:?$",
                           re.I)
DEADLINE = re.compile(rf"\s+trước\s+(?:({TIME.pattern})\s*)?(?:ngày\s+((\d{{1,2}})/(\d{{1,2}})/(\d{{4}})))?\s*([.;]?)$",
                      re.I)


def safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


@dataclass
class PlanStyleGuess:
    time_format: TimeFormat = "g"
    weekday_style: WeekdayStyle = "lower"


def guess_style(text: str) -> PlanStyleGuess:
    """How the file writes times and weekdays, by what it writes most."""
    style = PlanStyleGuess()
    counts: dict[TimeFormat, int] = {
        "g": len(re.findall(r"\d{1,2}g\d{2}", text)), "giờ": len(re.findall(r"\d{1,2} giờ \d{2}", text)),
        "h": len(re.findall(r"\d{1,2}h\d{2}", text)), ":": len(re.findall(r"(?<![\d/])\d{1,2}:\d{2}(?![\d/])", text))}
    if any(counts.values()):
        style.time_format = max(counts, key=lambda time_format: counts[time_format])
    days = re.findall(r"\(\s*(thứ|Thứ)\s+(\w+)", text)
    if days:
        digit = sum(word.isdigit() for _t, word in days)
        capital = sum(t == "Thứ" for t, word in days if not word.isdigit())
        lower = len(days) - digit - capital
        tallies: list[tuple[WeekdayStyle, int]] = [("digit", digit), ("capital", capital), ("lower", lower)]
        style.weekday_style = max(tallies, key=lambda p: p[1])[0]
    return style


def parse_time_phrase(text: str, tp: c.TimePlace) -> bool:
    """Fills tp from "Dự kiến 08g00 ngày 31 tháng 01 năm 2023 (thứ Ba)."
    or "01 buổi, dự kiến sáng ngày 11/4/2020 (thứ 7)."; False when the
    phrase has no date."""
    rest = text.strip().rstrip(".")
    duration = re.match(r"^(\d{1,2}\s+(?:buổi|ngày|tuần))\s*,\s*", rest, re.I)
    if duration:
        tp.duration, rest = duration.group(1), rest[duration.end():]
    if re.match(r"^dự kiến\b", rest, re.I):
        tp.tentative, rest = True, rest[len("dự kiến"):].strip()
    weekday = WEEKDAY.search(rest)
    tp.show_weekday = bool(weekday)
    if weekday:
        rest = (rest[:weekday.start()] + rest[weekday.end():]).strip()
    words = list(DATE_WORDS.finditer(rest))
    numeric = list(DATE_NUMERIC.finditer(rest))
    found = words or numeric
    if not found:
        return False
    tp.date_style = "words" if words else "numeric"
    dates = [safe_date(int(m.group(3)), int(m.group(2)), int(m.group(1))) for m in found]
    if None in dates or len(dates) > 2:
        return False
    tp.event_date = dates[0]
    tp.end_date = dates[1] if len(dates) == 2 else None
    before = rest[:found[0].start()].strip().rstrip(",").strip()
    before = re.sub(r"\bngày$", "", before, flags=re.I).strip()
    if len(dates) == 2:
        before = re.sub(r"\btừ$", "", before, flags=re.I).strip()
        before = re.sub(r"\bngày$", "", before, flags=re.I).strip()
    part = re.search(r"\b(sáng|chiều|tối|trưa)$", before, re.I)
    if part:
        tp.part_of_day, before = part.group(1).lower(), before[:part.start()].strip().rstrip(",").strip()
    times = list(TIME.finditer(before))
    if times:
        tp.start_time = stored_time(times[0].group(0))
        if len(times) > 1:
            tp.end_time = stored_time(times[1].group(0))
        before = before[:times[0].start()].strip() + before[times[-1].end():].strip()
    return not before.strip(" ,")


def split_count(text: str) -> tuple[str, int | None, str, str]:
    """(entry text, count, count unit, remark) of a participant entry."""
    body = text.strip().rstrip(".;,").strip()
    remark = ""
    count = None
    unit = ""
    match = REMARK.search(body)
    if match and not COUNT.search(body):
        inner = match.group(1)
        if not re.match(r"^\d", inner) and match.start() > 0:
            remark, body = inner.strip(), body[:match.start()].rstrip()
    match = COUNT.search(body)
    if match:
        count, unit, body = int(match.group(1)), match.group(2).lower(), body[:match.start()].rstrip()
    body = body.rstrip(".;,").strip()
    return body, count, unit, remark


def parse_deadline(text: str) -> c.Task:
    match = DEADLINE.search(text)
    if not match:
        return c.Task(text)
    time, _hours, _minutes, typed, day, month, year, end = match.groups()
    when = safe_date(int(year), int(month), int(day)) if year else None
    if time is None and year is None:
        return c.Task(text)
    body = text[:match.start()].rstrip() + (end or ".")
    # A day that does not exist ("31/02/2023") is kept as written, as the
    # editor keeps it; the format checker reports it.
    return c.Task(body, when, stored_time(time) if time else "", deadline_typed="" if when or not year else typed)


_MONTH = r"(\d{1,2})/(\d{4})"
_DAY = r"(\d{1,2})/(\d{1,2})/(\d{4})"
WHEN_PATTERNS = (
    (re.compile(rf"^tháng\s+{_MONTH}$", re.I), lambda g: (f"{g[1]}-{int(g[0]):02d}", "")),
    (re.compile(rf"^ngày\s+{_DAY}$", re.I), lambda g: (f"{g[2]}-{int(g[1]):02d}-{int(g[0]):02d}", "")),
    (re.compile(rf"^từ\s+tháng\s+{_MONTH}\s+đến\s+(?:hết\s+)?tháng\s+{_MONTH}$", re.I),
     lambda g: (f"{g[1]}-{int(g[0]):02d}", f"{g[3]}-{int(g[2]):02d}")),
    (re.compile(r"^từ\s+ngày\s+(\d{1,2})\s+đến\s+ngày\s+" + _DAY + "$", re.I),
     lambda g: (f"{g[3]}-{int(g[2]):02d}-{int(g[0]):02d}", f"{g[3]}-{int(g[2]):02d}-{int(g[1]):02d}")),
    (re.compile(r"^từ\s+ngày\s+(\d{1,2})/(\d{1,2})\s*(?:đến\s+ngày|[-–])\s*" + _DAY + "$", re.I),
     lambda g: (f"{g[4]}-{int(g[1]):02d}-{int(g[0]):02d}", f"{g[4]}-{int(g[3]):02d}-{int(g[2]):02d}")),
    (re.compile(rf"^từ\s+ngày\s+{_DAY}\s+đến\s+ngày\s+{_DAY}$", re.I),
     lambda g: (f"{g[2]}-{int(g[1]):02d}-{int(g[0]):02d}", f"{g[5]}-{int(g[4]):02d}-{int(g[3]):02d}")),
)


def parse_when(text: str) -> c.When | None:
    """A timeline step's date, or None when it is not one of the forms the
    program writes."""
    from ...core.dates import parse_partial

    for pattern, build in WHEN_PATTERNS:
        match = pattern.match(text.strip())
        if match:
            start, end = build(match.groups())
            try:
                parse_partial(start)
                if end:
                    parse_partial(end)
            except ValueError:
                return None
            return c.When(start, end)
    return None


def is_facet(label: str) -> str | None:
    """"Thời gian" -> "time", "Địa điểm" -> "place", "Hình thức" -> "form"."""
    folded = fold(label).rstrip(":").strip()
    for facet, word in (("time", "thoi gian"), ("place", "dia diem"), ("form", "hinh thuc")):
        if folded == word:
            return facet
    return None
