"""Dates, weekdays and times written the way Vietnamese official texts write them."""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from typing import Literal

from .text import nfc

_WEEKDAYS = ("Hai", "Ba", "Tư", "Năm", "Sáu", "Bảy")  # Monday .. Saturday
_TIME = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$")


def day_text(day: int) -> str:
    """Days 1-9 take a leading zero."""
    return f"{day:02d}"


def month_text(month: int) -> str:
    """Only January and February take a leading zero (so "tháng 02", "tháng 8")."""
    return f"{month:02d}" if month <= 2 else str(month)


def date_words(d: date) -> str:
    """"ngày 09 tháng 02 năm 2013"."""
    return f"ngày {day_text(d.day)} tháng {month_text(d.month)} năm {d.year}"


def date_line(place: str, d: date | None) -> str:
    """The place and date line of the header: "Quận 12, ngày 18 tháng 8 năm 2022".

    Without a date the blanks are left for the clerk to fill by hand.
    """
    when = date_words(d) if d else "ngày      tháng      năm"
    return f"{place}, {when}" if place else when


def date_numeric(d: date, with_year: bool = True) -> str:
    """"20/02/2020", "11/4/2020" (same zero rule as the date line)."""
    text = f"{day_text(d.day)}/{month_text(d.month)}"
    return f"{text}/{d.year}" if with_year else text


# short_date()'s shape in the pattern language of Qt's date fields, so that a
# date is typed the way lists and messages show it.
SHORT_DATE_PATTERN = "dd/MM/yyyy"


def short_date(d: date | None) -> str:
    """"01/07/2023", "" for no date: a date as lists, messages and the
    command line show it. Always two-digit day and month, so that dates
    line up in columns; the plan's own text uses date_numeric()'s rule."""
    return f"{day_text(d.day)}/{d.month:02d}/{d.year}" if d else ""


def short_datetime(moment: datetime | None, seconds: bool = False) -> str:
    """"08:05 01/07/2023" ("08:05:09 01/07/2023" with seconds), "" for none:
    when something happened (deleted, backed up)."""
    if moment is None:
        return ""
    time = f"{moment.hour:02d}:{moment.minute:02d}" + (f":{moment.second:02d}" if seconds else "")
    return f"{time} {short_date(moment)}"


def month_numeric(year: int, month: int) -> str:
    return f"{month_text(month)}/{year}"


def weekday(d: date, style: str = "lower") -> str:
    """"thứ Ba" (lower), "Thứ Ba" (capital), "thứ 3" (digit), "Chủ nhật"."""
    wd = d.weekday()
    if wd == 6:
        return "Chủ nhật"
    word = "Thứ" if style == "capital" else "thứ"
    return f"{word} {wd + 2}" if style == "digit" else f"{word} {_WEEKDAYS[wd]}"


def valid_time(text: str) -> bool:
    """True for a time as stored: "HH:MM"."""
    return bool(_TIME.match(text))


# A time typed in any style the plans print (PlanStyle.time_format) and its
# short forms: "08g00", "8g", "08h00", "8h", "8 giờ 30", "8 giờ 30 phút",
# "8 giờ", "08:00", "8:00". Also "8.00": in a time column it can mean nothing
# else, and it is how a time comes from a numeric keypad. A bare "8" is not
# taken: no plan writes a time that way. The ranges are checked after the
# match, so that "25g00" is known for a time that does not exist rather than
# for words.
_TYPED_TIME = re.compile(r"^(\d{1,2})\s*(?:(?:giờ|g|h)\s*(\d{1,2})?|[:.]\s*(\d{2}))(?:\s*phút)?$", re.I)


def parse_time(typed: str) -> str | None:
    """"08g00", "8h", "8 giờ 30", "8:00"… -> "08:00", "08:00", "08:30", "08:00";
    None for an empty text, words, or a time that does not exist ("25g00")."""
    match = _TYPED_TIME.match(nfc(typed).strip())
    if not match:
        return None
    hours, minutes = int(match.group(1)), int(match.group(2) or match.group(3) or 0)
    return f"{hours:02d}:{minutes:02d}" if hours <= 23 and minutes <= 59 else None


def time_shaped(typed: str) -> bool:
    """True when the text is written like a time, whether or not it exists
    ("25g00" is; "sáng" is not): the checker says which is wrong."""
    return bool(_TYPED_TIME.match(nfc(typed).strip()))


def stored_time(typed: str) -> str:
    """What a time field keeps of what the clerk typed: "HH:MM" for a time in
    any style, "" for nothing, otherwise the text as typed (printed as typed
    and reported by the format checker, never dropped)."""
    typed = nfc(typed).strip()
    return parse_time(typed) or typed


def time_text(hhmm: str, style: str = "g") -> str:
    """"08:00" -> "08g00" / "08 giờ 00" / "08h00" / "08:00"; a text that is
    not a time is written as it is."""
    match = _TIME.match(parse_time(hhmm) or "")
    if not match:
        return hhmm
    hours, minutes = match.groups()
    if style == "giờ":
        return f"{hours} giờ {minutes}"
    if style == ":":
        return f"{hours}:{minutes}"
    return f"{hours}{style}{minutes}"


def parse_partial(text: str) -> tuple[int, int, int | None]:
    """"2020-02-20" -> (2020, 2, 20); "2019-11" -> (2019, 11, None)."""
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 2:
        return parts[0], parts[1], None
    date(parts[0], parts[1], parts[2])  # raises ValueError when not a real day
    return parts[0], parts[1], parts[2]


# A date typed as lists show it, "20/02/2020" (also with "." or "-"), or a
# month, "11/2019". The ranges are checked after the match, as for times.
_TYPED_DAY = re.compile(r"^(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4})$")
_TYPED_MONTH = re.compile(r"^(\d{1,2})\s*[/.-]\s*(\d{4})$")


def date_shape(typed: str) -> Literal["day", "month", ""]:
    """Whether the text is written like a day or a month, whether or not it
    exists ("31/02/2023" is a day), "" for anything else."""
    typed = nfc(typed).strip()
    return "day" if _TYPED_DAY.match(typed) else "month" if _TYPED_MONTH.match(typed) else ""


def parse_date(typed: str) -> date | None:
    """"20/02/2020", "20.02.2020", "20-2-2020" -> date(2020, 2, 20); None for an
    empty text, words, or a day that does not exist ("31/02/2023")."""
    match = _TYPED_DAY.match(nfc(typed).strip())
    if not match:
        return None
    day, _separator, month, year = match.groups()
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None


def parse_day_or_month(typed: str) -> str | None:
    """"20/02/2020" -> "2020-02-20", "11/2019" -> "2019-11" (the partial dates
    of a timeline); None for an empty text, words or no such day or month."""
    typed = nfc(typed).strip()
    if match := _TYPED_MONTH.match(typed):
        month, year = int(match.group(1)), int(match.group(2))
        return f"{year:04d}-{month:02d}" if 1 <= month <= 12 else None
    day = parse_date(typed)
    return day.isoformat() if day else None


def partial_numeric(iso: str) -> str:
    """"2020-02-20" -> "20/02/2020", "2019-11" -> "11/2019" (as lists and
    editors show a timeline's date), "" for ""."""
    if not iso:
        return ""
    year, month, day = parse_partial(iso)
    return short_date(date(year, month, day)) if day else f"{month:02d}/{year}"


# ------------------------------------------------------------ the sane range
# A plan's dates (issue, event, deadlines, timeline steps) lie between these
# years: before 1945 there was no such office, after 2100 is a slip of the
# keyboard ("9999"). A date further than FAR_YEARS from today is allowed but
# asked about (the window) or warned about (the checker, the command line).
EARLIEST_YEAR = 1945
LATEST_YEAR = 2100
FAR_YEARS = 5


def year_in_range(year: int) -> bool:
    return EARLIEST_YEAR <= year <= LATEST_YEAR


def out_of_range(day: date) -> str:
    """Why a date cannot be a plan's ("" when it can): "năm 9999 nằm ngoài
    khoảng 1945–2100"."""
    return "" if year_in_range(day.year) else f"năm {day.year} nằm ngoài khoảng {EARLIEST_YEAR}–{LATEST_YEAR}"


def far_from(day: date, today: date) -> bool:
    """More than FAR_YEARS (of 365.25 days) before or after ``today``."""
    return abs(day - today) > timedelta(days=round(FAR_YEARS * 365.25))


def far_question(day: date) -> str:
    """What the window asks about a date far from today."""
    return f"Ngày {short_date(day)} cách hôm nay hơn {FAR_YEARS} năm; có đúng không?"
