"""Dates, weekdays and times written the way Vietnamese official texts write them."""
from __future__ import annotations

import re
from datetime import date, datetime

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
    return bool(_TIME.match(text))


def time_text(hhmm: str, style: str = "g") -> str:
    """"08:00" -> "08g00" / "08 giờ 00" / "08h00" / "08:00"."""
    match = _TIME.match(hhmm)
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
