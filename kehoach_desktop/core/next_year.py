"""Next year's plan ("Tạo kế hoạch năm sau", `kehoach copy`): last year's
plan as a new draft (core.draft) with every date moved N years on, and the
review list of what else should change, each change a Proposal the clerk
accepts or not (the command line accepts them all).

The copy (``NextYear.copy``) already holds every date moved to the same day
and month N years later (29/2 becomes 28/2), so that a date the clerk does
not accept is never left in the old year. The proposals then say:
- for a date that was a working day, the same weekday in the same week
  (the one nearest the same day and month: thứ Ba 31/01/2023 becomes
  thứ Ba 30/01/2024), but for a day the calendar fixes (26/3, 27/7, 2/9:
  the same day and month); an end date keeps its distance from its start;
- for text that names the plan's years, "năm 2022" -> "năm 2023" and
  "năm học 2022 - 2023" -> "năm học 2023 - 2024", "Xuân Quý Mão" -> "Xuân
  Giáp Thìn" (the lunar year's name); a term ("2022 – 2027")
  stays, an anniversary ("kỷ niệm 92 năm") stays but is flagged;
- for a date and weekday the clerk typed in a paragraph ("thứ Ba, ngày
  31/01/2023"), the new date and weekday, flagged; the date of a document
  cited ("Căn cứ …", "số 132/QĐ-UBND ngày 11/01/2022") stays, flagged. Dates the program writes
  (the time and place's date, weekday and lunar date) follow the moved
  date by themselves: they are generated from it.
A date that lands on a weekend or a public holiday (core.marked_days) is
flagged; a flagged proposal is for the clerk to decide (not accepted by
default in the window)."""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, fields, is_dataclass, replace
from datetime import date, timedelta
from typing import Any, Literal

from .dates import short_date, weekday
from .draft import draft_copy
from .lunar import LunarDate, lunar_date
from .marked_days import day_off, marks_of, weekend
from .model import Plan
from .roman import roman

ProposalKind = Literal["date", "month", "text", "note"]  # note: flagged, nothing to change

TYPED_DATE_FLAG = "ngày gõ tay trong văn bản: hãy xem lại"
REFERENCE_FLAG = "ngày của văn bản được dẫn: giữ nguyên, hãy xem lại"
ANNIVERSARY_FLAG = "số năm kỷ niệm: hãy xem lại"


@dataclass(frozen=True)
class Proposal:
    field: str  # the field's path, as core.plan_dates writes it: "sections[1].content.event_date"
    place: str  # the same in words: "Mục II: ngày tổ chức"
    kind: ProposalKind
    old: str  # as the clerk reads it: "31/01/2023", "03/2023", "năm 2022"
    new: str
    flags: tuple[str, ...] = ()
    old_day: date | None = None  # a date's or a typed date's day (a month's first day)
    new_day: date | None = None
    span: tuple[int, int] = (0, 0)  # a text's: where ``old`` stands in the field's text

    def with_day(self, day: date) -> Proposal:
        """The proposal with the clerk's own date (the window's date field),
        its flags weighed again."""
        if self.kind == "month":
            day = day.replace(day=1)
            return replace(self, new_day=day, new=f"{day.month:02d}/{day.year}")
        if self.kind == "date":
            return replace(self, new_day=day, new=short_date(day), flags=day_flags(day))
        return self


@dataclass
class NextYear:
    copy: Plan  # the draft, every date moved the same day and month N years on
    proposals: list[Proposal]
    years: int


def next_year(plan: Plan, years: int = 1) -> NextYear:
    copy = draft_copy(plan)
    proposals = list(_date_proposals(copy, years)) + list(_text_proposals(copy, years, plan_years(plan)))
    return NextYear(copy, proposals, years)


def apply(copy: Plan, proposals: Iterable[Proposal]) -> Plan:
    """The copy with the accepted ``proposals`` made (in place; returned).
    A text proposal changes the text only where it still reads as proposed."""
    texts: dict[str, list[Proposal]] = {}
    for proposal in proposals:
        if proposal.kind in ("date", "month") and proposal.new_day is not None:
            value: Any = proposal.new_day
            if proposal.field.endswith((".when.start", ".when.end")):
                value = proposal.new_day.isoformat()[:7 if proposal.kind == "month" else 10]
            _set(copy, proposal.field, value)
        elif proposal.kind == "text":
            texts.setdefault(proposal.field, []).append(proposal)
    for path, found in texts.items():
        text = field_value(copy, path)
        for proposal in sorted(found, key=lambda p: p.span[0], reverse=True):
            start, end = proposal.span
            if text[start:end] == proposal.old:
                text = text[:start] + proposal.new + text[end:]
        _set(copy, path, text)
    return copy


def text_around(plan: Plan, proposal: Proposal, words: int = 3) -> str:
    """A text proposal's old words with a few words each side, as the field
    reads in ``plan`` (the copy): "…Thủ Đức năm 2022; thống nhất…"; a
    date's proposal as it is."""
    if proposal.kind not in ("text", "note") or not isinstance(text := field_value(plan, proposal.field), str):
        return proposal.old
    start, end = proposal.span
    before, after = text[:start].split(), text[end:].split()
    lead = ("…" if len(before) > words else "") + " ".join(before[-words:])
    tail = " ".join(after[:words]) + ("…" if len(after) > words else "")
    gap_before = " " if start and text[start - 1].isspace() else ""
    gap_after = " " if end < len(text) and text[end].isspace() else ""
    return f"{lead}{gap_before}{proposal.old}{gap_after}{tail}".strip()


# ------------------------------------------------------------------ the dates
def moved_day(day: date, years: int) -> date:
    """Where a date goes N years on: a working day to the same weekday of
    the same week (the nearest the same day and month), any other day to
    the same day and month."""
    plain = same_day(day, years)
    if weekend(day) or _fixed_day(day, plain):
        return plain
    return plain + timedelta(days=(day.weekday() - plain.weekday() + 3) % 7 - 3)


def _fixed_day(day: date, plain: date) -> bool:
    """A day the calendar fixes (26/3, 27/7, 2/9: an anniversary or a
    holiday that is on the same day and month again): what is planned on it
    is planned for it, whatever the weekday. Tết and Giỗ Tổ move with the
    moon, so they are not found on the same day again."""
    again = {mark.name for mark in marks_of(plain)}
    return any(mark.name in again for mark in marks_of(day))


def same_day(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29/2 in a common year
        return date(day.year + years, 2, 28)


def day_flags(day: date) -> tuple[str, ...]:
    """Why a proposed day should be looked at: a holiday, a weekend."""
    flags = []
    off = day_off(day)
    if off is not None:
        flags.append(f"ngày nghỉ lễ: {off.name}")
    else:
        flags += [f"có thể là ngày nghỉ: {m.name}" for m in marks_of(day) if m.maybe][:1]
    if weekend(day):
        flags.append(f"rơi vào {weekday(day)}")
    return tuple(flags)


def day_words(day: date) -> str:
    """"thứ Ba 30/01/2024"."""
    return f"{weekday(day)} {short_date(day)}"


_LUNAR_MONTHS = {1: "Giêng", 12: "Chạp"}


def lunar_words(day: date) -> str:
    """"20 tháng Chạp năm Quý Mão", "mùng 5 tháng Giêng năm Giáp Thìn": the
    lunar date as a clerk says it."""
    lunar = lunar_date(day)
    month = _LUNAR_MONTHS.get(lunar.month, str(lunar.month)) + (" nhuận" if lunar.leap else "")
    number = f"mùng {lunar.day}" if lunar.day <= 10 else str(lunar.day)
    return f"{number} tháng {month} năm {lunar.year_name}"


def _date_proposals(copy: Plan, years: int) -> Iterator[Proposal]:
    starts: dict[str, timedelta] = {}  # a start's shift, by its parent's path: its end keeps the distance
    for path, value in _leaves(copy, ("sections", "appendices")):
        parent, _dot, name = path.rpartition(".")
        if isinstance(value, date):
            old = value
            start = {"end_date": "event_date"}.get(name)
            shift = starts.get(parent) if start and getattr(field_value(copy, parent), start) is not None else None
            new = old + shift if shift is not None else moved_day(old, years)
            if name == "event_date":
                starts[parent] = new - old
            _set(copy, path, same_day(old, years))
            yield Proposal(path, _place(path), "date", short_date(old), short_date(new), day_flags(new), old, new)
        elif isinstance(value, str) and name in ("start", "end") and parent.endswith(".when") and value:
            yield from _partial_proposal(copy, path, parent, name, value, years, starts)


def _partial_proposal(copy: Plan, path: str, parent: str, name: str, iso: str, years: int,
                      starts: dict[str, timedelta]) -> Iterator[Proposal]:
    try:
        old = date.fromisoformat(iso if len(iso) == 10 else f"{iso}-01")
    except ValueError:
        return
    if len(iso) != 10:
        new = old.replace(year=old.year + years)
        _set(copy, path, new.isoformat()[:7])
        yield Proposal(path, _place(path), "month", f"{old.month:02d}/{old.year}", f"{new.month:02d}/{new.year}",
                       (), old, new)
        return
    shift = starts.get(parent) if name == "end" else None
    new = old + shift if shift is not None else moved_day(old, years)
    if name == "start":
        starts[parent] = new - old
    _set(copy, path, same_day(old, years).isoformat())
    yield Proposal(path, _place(path), "date", short_date(old), short_date(new), day_flags(new), old, new)


# ------------------------------------------------------------------- the texts
def plan_years(plan: Plan) -> set[int]:
    """The years a plan is about: those of its dates, the year before the
    first (a plan reviews it) and the year after the last."""
    found = {value.year for _path, value in _leaves(plan, ("plan_date", "sections", "appendices"))
             if isinstance(value, date)}
    found |= {int(value[:4]) for path, value in _leaves(plan, ("sections", "appendices"))
              if isinstance(value, str) and path.endswith((".when.start", ".when.end")) and value[:4].isdigit()}
    return set(range(min(found) - 1, max(found) + 2)) if found else set()


_YEAR_FIELDS = ("title", "preamble", "sections", "closing", "appendices")
_NOT_TEXT = {"start", "end", "kind", "type", "layout", "form", "date_style", "part_of_day", "start_time", "end_time",
             "deadline_time"}
_WEEKDAY = r"(?:[Tt]hứ\s+(?:Hai|Ba|Tư|Năm|Sáu|Bảy|[2-7])|[Cc]hủ\s+[Nn]hật)"
_NUMERIC_DAY = r"(?P<d>\d{1,2})\s*/\s*(?P<m>\d{1,2})\s*/\s*(?P<y>\d{4})"
_WORDS_DAY = r"ngày\s+(?P<d2>\d{1,2})\s+tháng\s+(?P<m2>\d{1,2})\s+năm\s+(?P<y2>\d{4})"
_TYPED_DAY = re.compile(
    rf"(?:(?P<before>{_WEEKDAY})\s*,?\s*(?:ngày\s+)?)?(?:{_NUMERIC_DAY}|{_WORDS_DAY})"
    rf"(?:\s*\(\s*(?P<after>{_WEEKDAY})\s*\))?", re.IGNORECASE)
_SCHOOL_YEAR = re.compile(r"(năm\s+học\s+)(\d{4})(\s*(?:[-–—]|đến)\s*)(\d{4})", re.IGNORECASE)
_RANGE = re.compile(r"\d{4}\s*[-–—]\s*\d{4}")
_MONTH = re.compile(r"((?:tháng\s+\d{1,2}|quý\s+(?:\d|I{1,3}|IV))\s*/\s*)(\d{4})", re.IGNORECASE)  # tháng 3/2023, quý 1/2023
_YEAR = re.compile(r"(năm\s+)(\d{4})(?!\d)", re.IGNORECASE)
# A document's number and symbol just before a date ("số 132/QĐ-UBND ngày",
# "Nghị quyết 31-NQ/TW ngày"): the date is that document's, not the plan's.
_DOCUMENT_BEFORE = re.compile(r"\d+\s*[/-]\s*[A-ZĐ][\w/-]*[,;]?\s*(?:ngày\s*)?$")
_ANNIVERSARY = re.compile(r"kỷ\s+niệm\s+\d{1,3}\s+năm", re.IGNORECASE)


def _text_proposals(copy: Plan, years: int, named: set[int]) -> Iterator[Proposal]:
    # The names of the lunar years too: "Quý Mão" (Tết Quý Mão, Xuân Quý Mão 2023).
    names = {_year_name(year): year for year in named}
    spelled = [*names, *(name.upper() for name in names)]  # as names are written: "Quý Mão", "QUÝ MÃO"
    lunar = re.compile(rf"\b(?:{'|'.join(spelled)})\b") if names else None
    for path, value in _leaves(copy, _YEAR_FIELDS):
        if isinstance(value, str) and path.rpartition(".")[2] not in _NOT_TEXT:
            # in the order of the text, as the clerk reads it
            yield from sorted(_in_text(path, value, years, named, (names, lunar)), key=lambda p: p.span)


def _in_text(path: str, text: str, years: int, named: set[int],
             names: tuple[dict[str, int], re.Pattern[str] | None]) -> Iterator[Proposal]:
    taken: list[tuple[int, int]] = []  # spans already read, so that a year is not read twice

    def free(start: int, end: int) -> bool:
        return all(end <= a or start >= b for a, b in taken)

    def text_proposal(start: int, end: int, new: str, kind: ProposalKind = "text", flags: tuple[str, ...] = (),
                      old_day: date | None = None, new_day: date | None = None) -> Proposal:
        taken.append((start, end))
        return Proposal(path, _place(path), kind, text[start:end], new, flags, old_day, new_day, (start, end))

    reference = path.startswith("preamble[") and text.lstrip().lower().startswith("căn cứ")
    for match in _TYPED_DAY.finditer(text):
        year, month, day = (int(match.group(g) or match.group(f"{g}2")) for g in "ymd")
        try:
            old = date(year, month, day)
        except ValueError:
            continue
        if year not in named:
            continue
        if reference or _DOCUMENT_BEFORE.search(text, max(0, match.start() - 40), match.start()):
            yield text_proposal(*match.span(), match.group(), "note", (REFERENCE_FLAG,), old, old)
            continue
        new = moved_day(old, years)
        flags = (TYPED_DATE_FLAG,) + _weekday_flag(match, old) + day_flags(new)
        yield text_proposal(*match.span(), _retyped(match, new), "text", flags, old, new)
    for match in _SCHOOL_YEAR.finditer(text):
        first, second = int(match.group(2)), int(match.group(4))
        if free(*match.span()) and second == first + 1 and first in named:
            yield text_proposal(*match.span(), f"{match.group(1)}{first + years}{match.group(3)}{second + years}")
    taken += [m.span() for m in _RANGE.finditer(text)]  # a term, "2022 – 2027", stays
    for pattern in (_MONTH, _YEAR):
        for match in pattern.finditer(text):
            if free(*match.span()) and int(match.group(2)) in named:
                yield text_proposal(*match.span(), f"{match.group(1)}{int(match.group(2)) + years}")
    by_name, lunar = names
    for match in lunar.finditer(text) if lunar else ():
        name = next(n for n in by_name if n.lower() == match.group().lower())
        next_name = _year_name(by_name[name] + years)
        if free(*match.span()):
            yield text_proposal(*match.span(), next_name.upper() if match.group().isupper() else next_name)
    for match in _ANNIVERSARY.finditer(text):
        yield text_proposal(*match.span(), match.group(), "note", (ANNIVERSARY_FLAG,))


def _year_name(year: int) -> str:
    """The can-chi name of the lunar year that starts in ``year``: "Quý Mão" for 2023."""
    return LunarDate(1, 1, year, False).year_name


def _weekday_flag(match: re.Match[str], old: date) -> tuple[str, ...]:
    typed = match.group("before") or match.group("after")
    if typed and _weekday_index(typed) != old.weekday():
        return (f"thứ gõ tay ({typed}) không khớp ngày {short_date(old)} ({weekday(old)})",)
    return ()


def _weekday_index(typed: str) -> int:
    words = typed.split()
    if words[0].lower() == "chủ":
        return 6
    word = words[-1].lower()
    return int(word) - 2 if word.isdigit() else ["hai", "ba", "tư", "năm", "sáu", "bảy"].index(word)


def _retyped(match: re.Match[str], new: date) -> str:
    """The typed date and weekday written again for ``new``, in the clerk's
    own shape (a leading zero where there was one, "thứ 3" or "Thứ Ba")."""
    text, base = match.group(), match.start()
    parts: list[tuple[int, int, str]] = []
    for group, value in (("d", new.day), ("m", new.month), ("y", new.year)):
        name = group if match.group(group) is not None else f"{group}2"
        width = len(match.group(name)) if group != "y" else 4
        parts.append((*match.span(name), f"{value:0{width}d}" if width == 2 else str(value)))
    for group in ("before", "after"):
        typed = match.group(group)
        if typed:
            style = "digit" if typed[-1].isdigit() else "capital" if typed[0] == "T" else "lower"
            parts.append((*match.span(group), weekday(new, style)))
    for start, end, written in sorted(parts, reverse=True):
        text = text[:start - base] + written + text[end - base:]
    return text


# ------------------------------------------------------- fields and their paths
def _leaves(plan: Plan, names: Iterable[str]) -> Iterator[tuple[str, Any]]:
    """Every value below the plan's fields ``names`` (dataclasses and lists
    opened, dictionaries left: labels name no date), with its path."""
    for name in names:
        yield from _walk(getattr(plan, name), name)


def _walk(value: Any, path: str) -> Iterator[tuple[str, Any]]:
    if is_dataclass(value) and not isinstance(value, type):
        for f in fields(value):
            yield from _walk(getattr(value, f.name), f"{path}.{f.name}")
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _walk(item, f"{path}[{i}]")
    elif not isinstance(value, dict):
        yield path, value


_STEP = re.compile(r"\.?([a-z_]+)(?:\[(\d+)\])?")


def _steps(path: str) -> list[tuple[str, int | None]]:
    return [(m.group(1), int(m.group(2)) if m.group(2) is not None else None) for m in _STEP.finditer(path)]


def field_value(plan: Plan, path: str) -> Any:
    """The value at a field's path: "sections[1].content.event_date", "preamble[0]"."""
    value: Any = plan
    for name, index in _steps(path):
        value = getattr(value, name)
        if index is not None:
            value = value[index]
    return value


def _set(plan: Plan, path: str, new: Any) -> None:
    parent_path, _dot, last = path.rpartition(".")
    parent = field_value(plan, parent_path) if parent_path else plan
    (name, index), = _steps(last)
    if index is None:
        setattr(parent, name, new)
    else:
        getattr(parent, name)[index] = new


_WORDS = {"title": "trích yếu", "preamble": "mở đầu, đoạn", "closing": "phần kết", "units": "đơn vị",
          "tasks": "nhiệm vụ", "steps": "bước", "activities": "hoạt động", "slots": "chương trình, dòng",
          "groups": "nhóm", "entries": "dòng", "event_date": "ngày tổ chức", "end_date": "ngày kết thúc",
          "deadline_date": "hạn", "start": "ngày bắt đầu", "end": "ngày kết thúc", "heading": "tiêu đề",
          "time": "thời gian", "deadline_typed": "hạn", "attached": "dòng “Kèm theo”"}


def _place(path: str) -> str:
    """A field's path in words: "Mục II: ngày tổ chức", "Phụ lục 1, bước 2:
    ngày bắt đầu", "trích yếu"."""
    where: list[str] = []
    steps = _steps(path)
    for name, index in steps[:-1]:
        if name == "sections" and index is not None:
            where.append(f"Mục {roman(index + 1)}")
        elif name == "appendices" and index is not None:
            where.append(f"Phụ lục {index + 1}")
        elif name in _WORDS and index is not None:
            where.append(f"{_WORDS[name]} {index + 1}")
    name, index = steps[-1]
    last = f"{_WORDS.get(name, 'nội dung')}" + (f" {index + 1}" if index is not None else "")
    return f"{', '.join(where)}: {last}" if where else last
