"""The rules of the format checker, one function each, registered in RULES
with a stable id, a Vietnamese title and what it is for."""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

from ...resource_files import read_json
from .. import content as c
from ..budget import Budget
from ..budget import problems as budget_problems
from ..dates import (
    EARLIEST_YEAR,
    FAR_YEARS,
    LATEST_YEAR,
    date_numeric,
    date_shape,
    date_words,
    month_text,
    out_of_range,
    parse_time,
    short_date,
    time_shaped,
    valid_time,
    weekday,
)
from ..family_names import starts_with_family_name
from ..kinds import Parts, kind_named
from ..layout import Line, body_lines
from ..model import AUTHORITIES, Plan
from ..numbering import number_text, roman
from ..plan_dates import far_dates, plan_dates
from ..plan_texts import plan_texts, structured
from ..profile import Profile, get_profile, landscape_tables_allowed
from ..tables import Table, column_count, column_titles, table_problems
from ..text import fold, nfc
from .findings import CheckContext, Finding
from .table_fit import Need, least_width, overflows, text_widths


@dataclass(frozen=True)
class Rule:
    id: str
    title: str
    explanation: str
    check: Callable[[CheckContext], Iterator[Finding]]

    def run(self, context: CheckContext) -> list[Finding]:
        return list(self.check(context))


RULES: list[Rule] = []
Check = Callable[[CheckContext], Iterator[Finding]]


def excerpt(text: str, start: int, end: int, around: int = 20) -> str:
    """The words around text[start:end], cut at spaces rather than inside words."""
    left = text.rfind(" ", 0, max(0, start - around)) + 1 if start > around else 0
    right = text.find(" ", end + around)
    return text[left:right if right != -1 else len(text)].strip()


def rule(rule_id: str, title: str, explanation: str) -> Callable[[Check], Check]:
    def register(function: Check) -> Check:
        RULES.append(Rule(rule_id, title, explanation, function))
        return function
    return register


# ------------------------------------------------------------ dates and weekdays
DATE_WORDS = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", re.I)
DATE_NUMERIC = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(\d{4})(?![\d/])")
_WEEKDAY = r"(thứ\s+(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\s+nhật)"
WEEKDAY_AFTER = re.compile(rf"^\s*[,(–-]?\s*\(?\s*{_WEEKDAY}\b", re.I)
WEEKDAY_BEFORE = re.compile(rf"{_WEEKDAY}\s*[,–-]?\s*(?:ngày\s*)?$", re.I)
_WEEKDAY_NUMBER = {"hai": 0, "ba": 1, "tư": 2, "năm": 3, "sáu": 4, "bảy": 5, "2": 0, "3": 1, "4": 2, "5": 3, "6": 4,
                   "7": 5}


def _weekday_index(words: str) -> int:
    words = " ".join(words.lower().split())
    return 6 if words == "chủ nhật" else _WEEKDAY_NUMBER[words.split()[1]]


def _dates(text: str) -> Iterator[tuple[re.Match, date | None]]:
    for pattern in (DATE_WORDS, DATE_NUMERIC):
        for match in pattern.finditer(text):
            day, month, year = (int(g) for g in match.groups())
            try:
                yield match, date(year, month, day)
            except ValueError:
                yield match, None


@rule("weekday-mismatch", "Thứ không khớp với ngày",
      "Thứ trong tuần gõ kèm một ngày (“ngày 31 tháng 01 năm 2023 (thứ Hai)”) phải đúng với ngày đó.")
def weekday_mismatch(ctx: CheckContext) -> Iterator[Finding]:
    for path, text in plan_texts(ctx.plan):
        for match, day in _dates(text):
            if day is None:
                continue
            after = WEEKDAY_AFTER.match(text[match.end():])
            before = WEEKDAY_BEFORE.search(text[:match.start()])
            for found in (after, before):
                if found and _weekday_index(found.group(1)) != day.weekday():
                    yield Finding("weekday-mismatch", "error",
                                  f"“{match.group(0)}” là {weekday(day)}, không phải “{found.group(1)}”", path,
                                  excerpt(text, match.start(), match.end()))


@rule("impossible-date", "Ngày không có thật", "Một ngày gõ trong văn bản không có trên lịch (ví dụ 30/02).")
def impossible_date(ctx: CheckContext) -> Iterator[Finding]:
    for path, text in plan_texts(ctx.plan):
        for match, day in _dates(text):
            if day is None:
                yield Finding("impossible-date", "error", f"ngày “{match.group(0)}” không có thật", path,
                              match.group(0))


def _places(plan: Plan) -> Iterator[tuple[str, str, c.Content]]:
    """Every content object with its path and its place in words for the
    clerk ("Mục II", "Mục III, phần “Chương trình”")."""
    def walk(content: c.Content, path: str, place: str) -> Iterator[tuple[str, str, c.Content]]:
        yield path, place, content
        if isinstance(content, c.FreeContent):
            for i, block in enumerate(content.blocks):
                if isinstance(block, c.Subsection):
                    yield from walk(block.content, f"{path}.blocks[{i}].content",
                                    f"{place}, phần “{block.heading.strip()}”")
                elif isinstance(block, c.Embedded):
                    yield from walk(block.content, f"{path}.blocks[{i}].content", place)

    for i, section in enumerate(plan.sections):
        yield from walk(section.content, f"sections[{i}].content", f"Mục {roman(i + 1)}")
    for i, appendix in enumerate(plan.appendices):
        number = f" {roman(i + 1)}" if len(plan.appendices) > 1 else ""
        yield from walk(appendix.content, f"appendices[{i}].content", f"Phụ lục{number}")


def _not_a_date(typed: str, months: bool = False) -> str:
    if date_shape(typed):
        return "không phải ngày có thật"
    return "không đọc được thành ngày (cần dạng 20/02/2020" + (" hoặc 11/2019)" if months else ")")


def _not_a_time(value: str) -> str | None:
    """What is wrong with a stored time, None when it is a time."""
    if not value or valid_time(value) or parse_time(value):
        return None
    return "không phải giờ có thật" if time_shaped(value) else "không đọc được thành giờ (cần dạng 08g00 hoặc 08:00)"


def _time_findings(value: str, where: str, what: str, field: str) -> Iterator[Finding]:
    problem = _not_a_time(value)
    if problem:
        yield Finding("typed-date-time", "error", f"{where}: {what} “{value}” {problem}", field, value)


# Each kind's dates and times typed that are not real ones (rule
# "typed-date-time"): (content, path, place in words) -> findings. A kind
# without typed dates or times registers none.
TYPED_DATE_TIME: Parts[Callable[[Any, str, str], Iterator[Finding]]] = Parts("typed date and time check")


@rule("typed-date-time", "Ngày, giờ gõ không đúng",
      "Hạn chót, mốc tiến độ và giờ gõ trong bảng phải là ngày, giờ có thật (“31/02/2023”, “25g00” không có). "
      "Chương trình giữ nguyên chữ đã gõ và in ra như vậy cho đến khi sửa.")
def typed_date_time(ctx: CheckContext) -> Iterator[Finding]:
    for path, place, content in _places(ctx.plan):
        check = TYPED_DATE_TIME.get(content.kind)
        if check is not None:
            yield from check(content, path, place)


@TYPED_DATE_TIME.part("assignments")
def _assignments_typed(content: c.Assignments, path: str, place: str) -> Iterator[Finding]:
    for u, unit in enumerate(content.units):
        for t, task in enumerate(unit.tasks):
            where, here = f"{place}, đơn vị {u + 1}, nhiệm vụ {t + 1}", f"{path}.units[{u}].tasks[{t}]"
            if task.deadline_typed and task.deadline_date is None:
                yield Finding("typed-date-time", "error", f"{where}: hạn “{task.deadline_typed}” "
                              f"{_not_a_date(task.deadline_typed)}", f"{here}.deadline_date",
                              task.deadline_typed)
            yield from _time_findings(task.deadline_time, where, "giờ của hạn", f"{here}.deadline_time")


@TYPED_DATE_TIME.part("timeline")
def _timeline_typed(content: c.Timeline, path: str, place: str) -> Iterator[Finding]:
    for s, step in enumerate(content.steps):
        for typed, what in ((step.when.start_typed, "ngày bắt đầu"), (step.when.end_typed, "ngày kết thúc")):
            if typed:
                yield Finding("typed-date-time", "error", f"{place}, bước {s + 1}: {what} “{typed}” "
                              f"{_not_a_date(typed, months=True)}", f"{path}.steps[{s}].when", typed)


@TYPED_DATE_TIME.part("programme")
def _programme_typed(content: c.Programme, path: str, place: str) -> Iterator[Finding]:
    for s, slot in enumerate(content.slots):
        where = f"{place}, mốc {s + 1}"
        yield from _time_findings(slot.start_time, where, "giờ bắt đầu", f"{path}.slots[{s}].start_time")
        yield from _time_findings(slot.end_time, where, "giờ kết thúc", f"{path}.slots[{s}].end_time")


@TYPED_DATE_TIME.part("time_place")
def _time_place_typed(content: c.TimePlace, path: str, place: str) -> Iterator[Finding]:
    yield from _time_findings(content.start_time, place, "giờ bắt đầu", f"{path}.start_time")
    yield from _time_findings(content.end_time, place, "giờ kết thúc", f"{path}.end_time")


@rule("date-padding", "Viết ngày tháng chưa đúng quy định",
      "Ngày 1–9 và tháng 1, 2 viết có số 0 đứng trước (“ngày 09 tháng 02”, “25/02/2020”), các tháng khác "
      "không (“11/4/2020”).")
def date_padding(ctx: CheckContext) -> Iterator[Finding]:
    for path, text in plan_texts(ctx.plan):
        for match, day in _dates(text):
            if day is None:
                continue
            d, m = match.group(1), match.group(2)
            right_day = len(d) == 2 and not (day.day >= 10 and d.startswith("0"))
            right_month = m == month_text(day.month)
            if right_day and right_month:
                continue
            should = date_numeric(day) if match.re is DATE_NUMERIC else date_words(day)
            yield Finding("date-padding", "warning", f"“{match.group(0)}” nên viết “{should}”", path,
                          match.group(0))


# Each kind's dates that come before the plan's date (rule
# "event-before-plan"): (content, path, the plan's date) -> findings. A kind
# without dates registers none.
BEFORE_ISSUE: Parts[Callable[[Any, str, date], Iterator[Finding]]] = Parts("date before issue check")


@rule("event-before-plan", "Sự kiện trước ngày ban hành",
      "Ngày tổ chức, hạn chót và các mốc tiến độ không được sớm hơn ngày ban hành kế hoạch.")
def event_before_plan(ctx: CheckContext) -> Iterator[Finding]:
    issued = ctx.plan.plan_date
    if issued is None:
        return
    for path, content in structured(ctx.plan):
        check = BEFORE_ISSUE.get(content.kind)
        if check is not None:
            yield from check(content, path, issued)


@BEFORE_ISSUE.part("time_place")
def _time_place_before(content: c.TimePlace, path: str, issued: date) -> Iterator[Finding]:
    if content.event_date and content.event_date < issued:
        yield Finding("event-before-plan", "error",
                      f"ngày tổ chức {date_numeric(content.event_date)} sớm hơn ngày ban hành "
                      f"{date_numeric(issued)}", f"{path}.event_date")


@BEFORE_ISSUE.part("assignments")
def _assignments_before(content: c.Assignments, path: str, issued: date) -> Iterator[Finding]:
    for u, unit in enumerate(content.units):
        for t, task in enumerate(unit.tasks):
            if task.deadline_date and task.deadline_date < issued:
                yield Finding("event-before-plan", "warning",
                              f"hạn chót {date_numeric(task.deadline_date)} sớm hơn ngày ban hành",
                              f"{path}.units[{u}].tasks[{t}].deadline_date")


@BEFORE_ISSUE.part("timeline")
def _timeline_before(content: c.Timeline, path: str, issued: date) -> Iterator[Finding]:
    for s, step in enumerate(content.steps):
        end = step.when.end or step.when.start
        if len(end) == 10 and date.fromisoformat(end) < issued:
            yield Finding("event-before-plan", "warning",
                          f"mốc tiến độ “{step.when.start}” đã qua trước ngày ban hành",
                          f"{path}.steps[{s}].when")


@rule("date-range", "Ngày quá xa",
      f"Ngày ban hành, ngày tổ chức, hạn chót và mốc tiến độ phải nằm trong các năm {EARLIEST_YEAR}–{LATEST_YEAR}; "
      f"một ngày cách hôm nay hơn {FAR_YEARS} năm (về sau, hoặc về trước trong một dự thảo) thường là gõ nhầm "
      "năm.")
def date_range(ctx: CheckContext) -> Iterator[Finding]:
    for found in plan_dates(ctx.plan):
        problem = out_of_range(found.day)
        if problem:
            yield Finding("date-range", "error", f"{found.place} {found.shown}: {problem}", found.field, found.shown)
    for found in far_dates(ctx.plan, ctx.today):
        yield Finding("date-range", "warning", f"{found.place} {found.shown} cách hôm nay hơn {FAR_YEARS} năm; "
                      "có đúng không?", found.field, found.shown)


@rule("missing-date", "Thiếu ngày ban hành",
      "Kế hoạch đã ban hành phải có ngày; dự thảo để trống ngày cho sổ văn bản điền khi ban hành.")
def missing_date(ctx: CheckContext) -> Iterator[Finding]:
    if ctx.plan.plan_date is None and ctx.plan.status == "issued":
        yield Finding("missing-date", "error", "kế hoạch đã ban hành nhưng chưa có ngày ban hành", "plan_date")


# ------------------------------------------------------------ header
@rule("issuing-body", "Cơ quan ban hành",
      "Góc trái đầu văn bản ghi tên cơ quan ban hành (ví dụ “BCH ĐOÀN QUẬN 12”), dưới tên cơ quan cấp trên; "
      "kế hoạch liên tịch ghi tên từng cơ quan. Văn bản không có tên cơ quan ban hành thì không ban hành được. "
      "Tên tổ chức (“ĐOÀN TNCS HỒ CHÍ MINH”), quốc hiệu và tiêu ngữ thuộc cột bên phải, không ghi vào đây.")
def issuing_body(ctx: CheckContext) -> Iterator[Finding]:
    bodies = ctx.plan.issuing_bodies
    if not any(body.strip() for body in bodies):
        yield Finding("issuing-body", "error", "chưa có tên cơ quan ban hành (ví dụ “BCH ĐOÀN QUẬN 12”)",
                      "issuing_bodies")
        return
    # The right column's lines merged into the bodies by a flattened header
    # (printed twice then): the organisation's name as a body of its own, the
    # motto (even cut in two bodies, "CỘNG" / "HÒA XÃ HỘI …"), a web page's "|".
    together = _folded_words(" ".join(bodies))
    organisation = fold(ctx.plan.organisation_title)
    for i, body in enumerate(bodies):
        if "|" in body or (organisation and fold(body).strip(" -") == organisation):
            yield Finding("issuing-body", "warning", f"cơ quan ban hành “{body.strip()}” có lẫn chữ của cột bên phải "
                          "(tên tổ chức, quốc hiệu) hay dấu “|”: chỉ ghi tên cơ quan", f"issuing_bodies[{i}]",
                          body.strip())
            return
    for motto in (" cong hoa xa hoi chu nghia ", " doc lap tu do hanh phuc "):
        if motto in together:
            yield Finding("issuing-body", "warning", "tên cơ quan ban hành có lẫn quốc hiệu, tiêu ngữ (“CỘNG HÒA XÃ "
                          "HỘI CHỦ NGHĨA VIỆT NAM”, “Độc lập - Tự do - Hạnh phúc”): chỉ ghi tên cơ quan",
                          "issuing_bodies", " - ".join(b.strip() for b in bodies if b.strip()))
            return


# What does not belong in the place: the number line ("Số: 09 KH/ĐTN Lộc
# Ninh", a header flattened by a web page) and the date, which the program
# writes after the place itself ("Lộc Ninh, ngày … tháng … năm …").
_NUMBER_IN_PLACE = re.compile(r"(?<!\w)Số\s*:|^\s*Số\s+\d|\b[A-ZĐ]{2,}\s*/\s*[A-ZĐ]{2,}")
_DATE_IN_PLACE = re.compile(r"(?<!\w)(?:ngày|tháng|năm)\s*(?:\d|…|\.\.)|\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{2,4}|"
                            r",\s*ngày\b", re.I)


# Words of the header's other lines that a flattened header leaves in the
# place: a body's name ("BAN CHẤP HÀNH TỈNH KHÁNH HÒA Khánh Hòa"), the
# organisation or the motto, the stars under the body ("* TP. Hồ Chí Minh").
_HEADER_WORDS = tuple(f" {words} " for words in (
    "ban chap hanh", "bch", "ban thuong vu", "btv", "doan tncs", "cong hoa xa hoi chu nghia", "doc lap tu do",
    "dang cong san"))


@rule("place", "Địa danh chưa đúng",
      "Ô địa danh chỉ ghi nơi ban hành (“TP. Hồ Chí Minh”, “Quận 12”); chương trình tự viết “…, ngày … tháng … "
      "năm …” sau địa danh. Số, ký hiệu (“Số: 09-KH/ĐTN”) ghi ở ô số, ngày ở ô ngày ban hành, tên cơ quan ở ô "
      "cơ quan ban hành.")
def place(ctx: CheckContext) -> Iterator[Finding]:
    text = ctx.plan.place.strip()
    if not text:
        yield Finding("place", "warning", "chưa có địa danh (nơi ban hành, ví dụ “TP. Hồ Chí Minh”): dòng ngày tháng "
                      "in ra không có địa danh", "place")
    elif _NUMBER_IN_PLACE.search(text):
        yield Finding("place", "warning", f"địa danh “{text}” có lẫn số, ký hiệu văn bản: chỉ ghi nơi ban hành, số "
                      "và ký hiệu ghi ở ô số", "place", text)
    elif _DATE_IN_PLACE.search(text):
        yield Finding("place", "warning", f"địa danh “{text}” có lẫn ngày tháng: chỉ ghi nơi ban hành, chương trình "
                      "tự viết ngày ban hành sau địa danh", "place", text)
    elif "*" in text or any(words in _folded_words(text) for words in _HEADER_WORDS):
        yield Finding("place", "warning", f"địa danh “{text}” có lẫn chữ của dòng khác ở đầu văn bản (tên cơ quan, "
                      "dấu “***”): chỉ ghi nơi ban hành", "place", text)


# ------------------------------------------------------------ number line
# The Youth Union's issuer codes (Hướng dẫn 29-HD/TWĐTN-VP; design notes
# format-rules.md): TWĐTN (Central), TĐTN (a Thành/Tỉnh Đoàn), ĐTN (district
# level, Đoàn khối, school, grassroots), any other "…ĐTN" an office writes
# (QĐTN, HĐTN), and a grassroots unit's CĐCS, CĐ, PĐ; with them the codes of
# the bodies the Đoàn office also keeps the papers of, at every level: the
# Hội LHTN (HLHTN, LHTN), the Hội Sinh viên (HSV, TWHSV) and the Hội đồng Đội
# (HĐĐ, HĐĐTW). A plan numbered with any of them is a Youth Union plan, issued
# by the office (a Thành Đoàn's "TĐTN-LĐLĐ" on an office whose code is "ĐTN")
# or with it.
_YOUTH_UNION_CODES = {"CĐCS", "CĐ", "PĐ"}
_YOUTH_UNION_CORES = ("ĐTN", "LHTN", "HSV", "HĐĐ")


def _codes(issuer_codes: list[str]) -> list[str]:
    """The issuer codes one by one, in capitals: "ĐTN-VP" typed in one box is two."""
    return [part.strip().upper().replace("Ð", "Đ")  # the Icelandic eth that looks like "Đ"
            for code in issuer_codes for part in re.split(r"\s*[-–]\s*", nfc(code)) if part.strip()]


def _youth_union(code: str) -> bool:
    return code in _YOUTH_UNION_CODES or any(core in code for core in _YOUTH_UNION_CORES)


def _same_kind(code: str, own: str) -> bool:
    """Whether ``code`` is the office's own kind of body: both the Youth
    Union's (see above), or the very code of an office of another kind."""
    return any(code == mine or (_youth_union(code) and _youth_union(mine)) for mine in _codes([own]))


# A People's Committee, as the header names it ("ỦY BAN NHÂN DÂN PHƯỜNG 9", "UBND TỈNH CÀ MAU"; "Y BAN NHÂN
# DÂN" where a page lost a letter), or a hamlet's "BAN NHÂN DÂN".
_STATE_BODY = re.compile(r"\b(?:ban nhan dan|ubnd)\b")


def _state_body(plan: Plan) -> bool:
    """A plan issued by (or under) a State body, whose number follows the
    State's order ("Số: 98/KH-UBND", Nghị định 30/2020/NĐ-CP), not ours."""
    return any(_STATE_BODY.search(fold(name)) for name in (*plan.issuing_bodies, plan.superior_body))


TYPE_CODES = {"KH", "KHPH", "KHLT", "KHLN", "BC", "HD", "TB", "CV", "QĐ", "CT", "CTr", "TT", "TTr", "NQ", "QC"}


@rule("number-form", "Số, ký hiệu chưa đúng thể thức",
      "Số, ký hiệu theo mẫu “Số: 37-KH/ĐTN”: tên loại viết tắt (KH, KHPH…), sau dấu “/” là ký hiệu cơ quan "
      "ban hành (ĐTN, TĐTN…); kế hoạch đã ban hành phải có số. Ký hiệu của Đoàn (…ĐTN), của Hội LHTN, Hội Sinh "
      "viên, Hội đồng Đội đều là của tổ chức mình; kế hoạch liên tịch có thêm ký hiệu của cơ quan phối hợp. Số "
      "nhập từ văn bản của nơi khác được giữ như văn bản gốc; kế hoạch của Ủy ban nhân dân ghi số theo thể thức "
      "Nhà nước (“Số: 98/KH-UBND”), không phải lỗi.")
def number_form(ctx: CheckContext) -> Iterator[Finding]:
    number = ctx.plan.number
    state = _state_body(ctx.plan)  # a People's Committee's plan: its codes and its order are its own
    cased = {code.upper(): code for code in TYPE_CODES}.get(number.type_code.strip().upper())
    if cased and cased != number.type_code.strip():
        yield Finding("number-form", "warning", f"tên loại viết tắt là “{cased}”, không phải “{number.type_code}”",
                      "number.type_code", number.type_code)
    elif not cased:
        yield Finding("number-form", "warning", f"“{number.type_code}” không phải tên loại văn bản viết tắt quen "
                      f"dùng ({', '.join(sorted(TYPE_CODES))})", "number.type_code", number.type_code)
    if not [code for code in number.issuer_codes if code.strip()]:
        yield Finding("number-form", "error", "thiếu ký hiệu cơ quan ban hành sau dấu “/” (ví dụ “ĐTN”)",
                      "number.issuer_codes")
    elif (ctx.issuer_code and not state
          and not any(_same_kind(code, ctx.issuer_code) for code in _codes(number.issuer_codes))):
        kind = " hay của Đoàn, Hội, Đội" if any(_youth_union(code) for code in _codes([ctx.issuer_code])) else ""
        yield Finding("number-form", "warning", f"ký hiệu “{'-'.join(number.issuer_codes)}” không có ký hiệu của "
                      f"đơn vị mình (“{ctx.issuer_code}”){kind}", "number.issuer_codes")
    if ctx.plan.status == "issued" and number.value is None:
        yield Finding("number-form", "error", "kế hoạch đã ban hành nhưng chưa có số", "number.value")
    # Kept as another office wrote it (an imported plan): said once, with the form it would take.
    # Spaces alone ("Số 05 -KH/ĐTN-VP", as typed in example 001) are a typist's, not another form.
    if not state and "".join(f"{number.between}{number.symbol}".split()) != f"-{number.house_symbol}":
        value = number_text(number.value).strip() or "…"
        yield Finding("number-form", "warning", f"số, ký hiệu giữ như văn bản gốc “{value}{number.between}"
                      f"{number.symbol}”; theo thể thức là “{value}-{number.house_symbol}” (ở “Số, ký hiệu” bấm "
                      "“Theo thể thức”, hoặc sửa mã loại, ký hiệu cơ quan)", "number.written", number.written)


# ------------------------------------------------------------ recipients, end, signatures
@rule("recipients", "Nơi nhận", "Nơi nhận liệt kê các nơi nhận văn bản, mục cuối là bản lưu (“Lưu: VP”); "
      "chương trình tự thêm dấu “;” sau mỗi mục và dấu “.” sau mục cuối.")
def recipients(ctx: CheckContext) -> Iterator[Finding]:
    items = [r.strip() for r in ctx.plan.recipients if r.strip()]
    if not items:
        yield Finding("recipients", "error", "chưa có nơi nhận", "recipients")
        return
    archive = [i for i, text in enumerate(items) if fold(text).startswith("luu")]
    if not archive:
        yield Finding("recipients", "error", "nơi nhận thiếu bản lưu (“Lưu: VP”)", "recipients")
    elif archive[-1] != len(items) - 1:
        yield Finding("recipients", "warning", "bản lưu (“Lưu: …”) phải là mục cuối của nơi nhận",
                      f"recipients[{archive[-1]}]", items[archive[-1]])
    for i, text in enumerate(ctx.plan.recipients):
        if text.rstrip().endswith((",", ":")):
            yield Finding("recipients", "info", f"mục “{text.strip()}” có dấu cuối câu gõ tay; chương trình thay "
                          "bằng “;” (hoặc “.” ở mục cuối)", f"recipients[{i}]", text.strip())


@rule("budget", "Dự trù kinh phí không khớp",
      "Thành tiền của mỗi khoản là số lượng nhân đơn giá; số cộng và tổng cộng là tổng các khoản. Số gõ "
      "tay khác số tính ra là lỗi; chương trình in số tính ra.")
def budget(ctx: CheckContext) -> Iterator[Finding]:
    for path, place, content in _places(ctx.plan):
        if isinstance(content, Budget):
            for problem in budget_problems(content):
                field = f"{path}.{problem.field}" if problem.field else path
                yield Finding("budget", problem.severity, f"{place}: {problem.message}", field)


def _tables(plan: Plan) -> Iterator[tuple[str, str, Table]]:
    """Every table of the plan with its path and its place in words; "bảng 2"
    added to the place when it holds more than one."""
    tables = [(path, place, content) for path, place, content in _places(plan) if isinstance(content, Table)]
    counts: dict[str, int] = {}
    for _, place, _ in tables:
        counts[place] = counts.get(place, 0) + 1
    seen: dict[str, int] = {}
    for path, place, table in tables:
        seen[place] = seen.get(place, 0) + 1
        yield path, place + (f", bảng {seen[place]}" if counts[place] > 1 else ""), table


def _in_sentence(message: str) -> str:
    """"Bảng chưa có dòng nào." as it reads after "Mục II: "."""
    return message[:1].lower() + message[1:].removesuffix(".")


@rule("table", "Bảng chưa hoàn chỉnh",
      "Mỗi bảng có cột, dòng tiêu đề và các dòng; ô của cột số phải là số viết kiểu Việt Nam (5.000.000, 1,5): "
      "một ô không phải là số bị bỏ ra khỏi dòng tổng cộng.")
def table(ctx: CheckContext) -> Iterator[Finding]:
    for path, place, content in _tables(ctx.plan):
        for problem in table_problems(content):
            field = f"{path}.{problem.field}" if problem.field else path
            yield Finding("table", problem.severity, f"{place}: {_in_sentence(problem.message)}", field)


def _columns_named(table: Table, found: list[Need]) -> str:
    titles = column_titles(table)
    return ", ".join(f"“{n.word}” ở cột {n.column + 1}" + (f" («{titles[n.column]}»)" if titles[n.column] else "")
                     for n in found[:3]) + (", …" if len(found) > 3 else "")


@rule("table-page", "Bảng rộng hơn trang",
      "Một chữ rộng hơn ô của nó bị ngắt giữa chừng khi in. Bảng có cột hẹp thì nới rộng cột đó; bảng nhiều cột "
      "không vừa trang dọc thì in trên trang nằm ngang (nếu thể thức cho phép; không thì bảng in trên trang dọc).")
def table_page(ctx: CheckContext) -> Iterator[Finding]:
    profile = get_profile(ctx.plan.profile)
    for path, place, content in _tables(ctx.plan):
        yield from table_page_findings(content, path, place, profile)


# A table whose columns' widest words alone take more than this share of a
# portrait line is crowded: widening one column squeezes the others, and the
# running text of its cells wraps every few words. A landscape page gives
# every column 1.6 times its room (257 mm of text against 160 on A4).
CROWDED = 2 / 3


def table_page_findings(table: Table, path: str, place: str, profile: Profile) -> Iterator[Finding]:
    """The rule "table-page" for one table printed with ``profile``."""
    allowed = landscape_tables_allowed(profile)
    portrait, landscape = text_widths(profile.layout)
    if table.landscape and not allowed:
        yield Finding("table-page", "warning", f"{place}: bảng được đánh dấu in trên trang nằm ngang nhưng thể "
                      "thức văn bản này không dùng trang nằm ngang; bảng sẽ in trên trang dọc", f"{path}.landscape")
    turned = table.landscape and allowed
    room = landscape if turned else portrait
    found = overflows(table, room)
    if not found:
        return
    words = f"chữ {_columns_named(table, found)} không vừa ô, sẽ bị ngắt giữa chừng"
    least = least_width(table)
    if not turned and allowed and CROWDED * portrait < least <= landscape:
        yield Finding("table-page", "info", f"{place}: bảng {column_count(table)} cột chật trên trang dọc, {words}; "
                      "in bảng trên trang nằm ngang", f"{path}.landscape")
    elif least <= room:  # other weights would do: widen the narrow columns
        yield Finding("table-page", "info", f"{place}: {words}; nới rộng cột đó, thu hẹp cột khác",
                      f"{path}.columns[{found[0].column}].width")
    else:
        yield Finding("table-page", "info", f"{place}: bảng {column_count(table)} cột rộng hơn trang giấy, {words}; "
                      "bớt cột hoặc viết gọn các chữ dài", f"{path}.columns")


# What stands last in the body when it cannot take "./." (the layout adds
# the mark after a paragraph, an item or the closing, never to these).
_UNMARKED_ENDS = {"section": "đề mục", "subsection": "đề mục", "display": "khối chữ trình bày (như chữ trên pano)",
                  "table": "bảng"}


def _printed_end(plan: Plan) -> tuple[str, Line] | None:
    """The last line of the body as printed (the program's "./." added, as
    core/layout does for every writer) and the field it comes from; None
    for a body with nothing in it."""
    lines = body_lines(plan)
    for line in reversed(lines):
        if line.table is None and not (line.tail or line.text).strip():
            continue
        if line.role == "closing":
            return "closing", line
        if plan.sections:
            return f"sections[{len(plan.sections) - 1}]", line
        return "preamble", line
    return None


@rule("end-mark", "Thiếu dấu kết thúc “./.”",
      "Nội dung văn bản kết thúc bằng “./.” ngay sau chữ cuối cùng. Chương trình tự thêm dấu này khi in sau câu, "
      "đoạn hoặc ý cuối cùng; chỉ khi văn bản kết thúc bằng một đề mục, một bảng hay khối chữ trình bày thì "
      "không thêm được: khi đó viết câu kết (“Trên đây là …”).")
def end_mark(ctx: CheckContext) -> Iterator[Finding]:
    """Only where the printed text would not end with "./.": a finding about
    a mark the program adds anyway would cry wolf on every imported plan."""
    found = _printed_end(ctx.plan)
    if found is None:
        return
    path, line = found
    text = "" if line.table is not None else (line.tail or line.text).strip()
    if text.endswith("./."):
        return
    what = _UNMARKED_ENDS.get(line.role) if not line.tail else None
    if what:
        yield Finding("end-mark", "warning", f"văn bản kết thúc bằng {what} nên khi in không có “./.”; viết câu "
                      "kết (“Trên đây là …”) sau đó", path, text[-60:])
    else:
        yield Finding("end-mark", "warning", "văn bản kết thúc mà không có “./.”", path, text[-60:])


@rule("authority", "Thẩm quyền ký",
      "Khối chữ ký bắt đầu bằng thẩm quyền: TM. (thay mặt tập thể), KT. (ký thay), Q., TL., TUQ.; sau "
      "TM. là tên tập thể, sau KT. là chức vụ người đứng đầu.")
def authority(ctx: CheckContext) -> Iterator[Finding]:
    for i, sig in enumerate(ctx.plan.signatures):
        if sig.authority not in AUTHORITIES:
            yield Finding("authority", "error", f"thẩm quyền ký “{sig.authority}” không có trong thể thức "
                          "(TM., KT., Q., TL., TUQ.)", f"signatures[{i}].authority", sig.authority)
        elif sig.authority and not sig.body.strip():
            yield Finding("authority", "error", f"sau “{sig.authority}” còn thiếu tên tập thể hoặc chức vụ",
                          f"signatures[{i}].body")
        if sig.authority == "KT." and not sig.position.strip():
            yield Finding("authority", "warning", "ký thay (KT.) cần ghi chức vụ của người ký (ví dụ “PHÓ BÍ THƯ”)",
                          f"signatures[{i}].position")
    if not ctx.plan.signatures:
        yield Finding("authority", "error", "kế hoạch chưa có khối chữ ký", "signatures")


@rule("signer-name", "Họ tên người ký", "Mỗi khối chữ ký ghi họ tên người ký (chữ thường, in đứng).")
def signer_name(ctx: CheckContext) -> Iterator[Finding]:
    for i, sig in enumerate(ctx.plan.signatures):
        if not sig.name.strip():
            yield Finding("signer-name", "warning", "khối chữ ký chưa có họ tên người ký", f"signatures[{i}].name")


# A person's name where the position should be ("Nguyễn Văn An" under
# "TM. BAN THƯỜNG VỤ", a signature read from a page that lost its lines): it
# starts with a family name (core.family_names) and is two to five
# Vietnamese syllables.
_NOTES = re.compile(r"\([^()]*\)")  # "(Đã ký)", "(Ký tên, đóng dấu)"


def _reads_as_name(position: str) -> bool:
    from ..syllables import is_syllable

    words = _NOTES.sub(" ", position).split()
    return (2 <= len(words) <= 5 and starts_with_family_name(words)
            and all(word.isalpha() and is_syllable(word) for word in words))


@rule("signer-position", "Chức vụ người ký",
      "Khối chữ ký ghi chức vụ người ký (“BÍ THƯ”, “PHÓ BÍ THƯ”, “CHỦ TỊCH”…, chữ in hoa) trên dòng riêng, "
      "dưới thẩm quyền ký và trên họ tên; họ tên người ký ghi ở dòng họ tên, không ở dòng chức vụ.")
def signer_position(ctx: CheckContext) -> Iterator[Finding]:
    for i, sig in enumerate(ctx.plan.signatures):
        position = sig.position.strip()
        if not position:
            if sig.authority != "KT.":  # "authority" asks a KT. signature for it already
                yield Finding("signer-position", "warning", "khối chữ ký chưa có chức vụ người ký (ví dụ “BÍ THƯ”)",
                              f"signatures[{i}].position")
        elif _reads_as_name(position):
            yield Finding("signer-position", "warning", f"dòng chức vụ ghi “{position}”, giống họ tên người: ghi chức "
                          "vụ (“BÍ THƯ”…) ở dòng chức vụ và họ tên ở dòng họ tên" +
                          ("; dòng họ tên đang để trống" if not sig.name.strip() else ""),
                          f"signatures[{i}].position", position)


# ------------------------------------------------------------ content
def contents_of(ctx: CheckContext, kind: str) -> Iterator[tuple[str, Any]]:
    """Every content of one kind in the plan, nested ones included, with its
    path: what a rule about one kind reads."""
    kind_named(kind)  # a misspelt kind would make a rule that never fires
    return ((path, content) for path, content in structured(ctx.plan) if content.kind == kind)


@rule("participants-total", "Tổng số người tham dự",
      "Tổng số dự kiến phải bằng tổng số người của các mục thành phần.")
def participants_total(ctx: CheckContext) -> Iterator[Finding]:
    for path, content in contents_of(ctx, "participants"):
        if content.stated_total is None:
            continue
        entries = [e for g in content.groups for e in g.entries]
        counted = [e.count for e in entries if e.count is not None]
        if counted and len(counted) == len(entries) and sum(counted) != content.stated_total:
            yield Finding("participants-total", "error", f"tổng số ghi {content.stated_total:02d} nhưng cộng các mục "
                          f"được {sum(counted):02d}", f"{path}.stated_total")
        elif counted and len(counted) < len(entries):
            yield Finding("participants-total", "info", f"{len(entries) - len(counted)} mục thành phần chưa ghi số "
                          "người, chưa đối chiếu được với tổng số", f"{path}.stated_total")


# What makes a section's content of each kind empty (rule "empty-section").
EMPTY: Parts[Callable[[Any], bool]] = Parts("emptiness test")


@EMPTY.part("free")
def _free_empty(content: c.FreeContent) -> bool:
    return not content.blocks


@EMPTY.part("time_place")
def _time_place_empty(content: c.TimePlace) -> bool:
    return not (content.event_date or content.venue or content.form or content.form_text)


@EMPTY.part("participants")
def _participants_empty(content: c.Participants) -> bool:
    return not any(g.entries for g in content.groups)


@EMPTY.part("table")
def _table_empty(content: Table) -> bool:
    return not any(text.strip() for row in content.rows for text in row)


@EMPTY.part("budget")
def _budget_empty(content: Budget) -> bool:
    return not any(group.items for group in content.groups)


@EMPTY.part("programme")
def _programme_empty(content: c.Programme) -> bool:
    return not content.slots


@EMPTY.part("assignments")
def _assignments_empty(content: c.Assignments) -> bool:
    return not content.units


@EMPTY.part("timeline")
def _timeline_empty(content: c.Timeline) -> bool:
    return not content.steps


@EMPTY.part("activities")
def _activities_empty(content: c.Activities) -> bool:
    return not content.activities


EMPTY.require_all()


@rule("empty-section", "Mục trống", "Mỗi mục phải có tên và có nội dung.")
def empty_section(ctx: CheckContext) -> Iterator[Finding]:
    seen: dict[str, int] = {}
    for i, section in enumerate(ctx.plan.sections):
        if not section.heading.strip():
            yield Finding("empty-section", "error", f"mục {i + 1} chưa có tên", f"sections[{i}].heading")
        if EMPTY[section.content.kind](section.content):
            yield Finding("empty-section", "error", f"mục “{section.heading.strip() or i + 1}” chưa có nội dung",
                          f"sections[{i}].content")
        key = fold(section.heading).strip(" :")
        if key and key in seen:
            yield Finding("empty-section", "warning", f"hai mục cùng tên “{section.heading.strip()}”",
                          f"sections[{i}].heading")
        seen.setdefault(key, i)


@rule("no-sections", "Kế hoạch chưa chia mục",
      "Nội dung kế hoạch chia thành các mục đánh số La Mã (I. MỤC ĐÍCH, YÊU CẦU; II. …); kế hoạch không có mục "
      "nào thường là nhập từ tệp mà chương trình chưa nhận ra các mục.")
def no_sections(ctx: CheckContext) -> Iterator[Finding]:
    if ctx.plan.sections:
        return
    kept = len([text for text in ctx.plan.preamble if text.strip()])
    where = f"; {kept} đoạn đang nằm hết ở phần mở đầu (căn cứ, mục đích), chia chúng thành các mục" if kept else ""
    yield Finding("no-sections", "error", f"kế hoạch chưa có mục nào (I., II., …){where}", "sections")


@rule("title", "Trích yếu", "Kế hoạch phải có trích yếu: tên loại “KẾ HOẠCH” đi kèm nội dung tóm tắt.")
def title(ctx: CheckContext) -> Iterator[Finding]:
    if not ctx.plan.title.strip():
        yield Finding("title", "error", "kế hoạch chưa có trích yếu (tên kế hoạch)", "title")


# ------------------------------------------------------------ words
SPACE_PROBLEMS = re.compile(r"\S( {2,})\S| ([,.;:!?)])|(\() ")


@rule("spaces", "Khoảng trắng", "Không gõ hai khoảng trắng liền nhau, không để khoảng trắng trước dấu câu hay "
      "sau dấu mở ngoặc.")
def spaces(ctx: CheckContext) -> Iterator[Finding]:
    for path, text in plan_texts(ctx.plan):
        for match in SPACE_PROBLEMS.finditer(text):
            what = ("hai khoảng trắng liền nhau" if match.group(1) else
                    f"khoảng trắng trước dấu “{match.group(2)}”" if match.group(2) else "khoảng trắng sau “(”")
            yield Finding("spaces", "warning", what, path, excerpt(text, match.start(), match.end(), 12))


@rule("spelling", "Chính tả", "Âm tiết không có trong tiếng Việt (ví dụ “luậm”); cách bỏ dấu cũ và mới "
      "(“hoà”/“hòa”) đều đúng.")
def spelling(ctx: CheckContext) -> Iterator[Finding]:
    from ..syllables import misspelt_words

    for path, text in plan_texts(ctx.plan):
        for start, end, word in misspelt_words(text):
            yield Finding("spelling", "warning", f"“{word}” không phải âm tiết tiếng Việt; kiểm tra chính tả", path,
                          excerpt(text, start, end))


# ------------------------------------------------------------ the 2025 reorganisation
@cache
def _reorganisation() -> dict:
    return read_json("admin", "sap-xep-2025.json")


def _folded_words(text: str) -> str:
    return " " + " ".join(re.findall(r"\w+", fold(text))) + " "


@rule("abolished-names", "Địa danh, tên cơ quan đã thay đổi sau sắp xếp 2025",
      "Từ 01/07/2025 không còn cấp huyện (quận, huyện, thị xã, thành phố thuộc tỉnh) và 29 tỉnh đã nhập; kế "
      "hoạch ban hành sau ngày đó không dùng các tên cũ ở địa danh, cơ quan ban hành, chữ ký, nơi nhận.")
def abolished_names(ctx: CheckContext) -> Iterator[Finding]:
    data = _reorganisation()
    plan = ctx.plan
    when = plan.plan_date or ctx.today
    if when < date.fromisoformat(data["effective"]):
        return
    fields = [("place", plan.place), ("superior_body", plan.superior_body)]
    fields += [(f"issuing_bodies[{i}]", b) for i, b in enumerate(plan.issuing_bodies)]
    fields += [(f"signatures[{i}].body", s.body) for i, s in enumerate(plan.signatures)]
    fields += [(f"recipients[{i}]", r) for i, r in enumerate(plan.recipients)]
    district = re.compile(r"\b(Quận|Huyện|Thị xã|QUẬN|HUYỆN|THỊ XÃ)\s+(?:Đoàn\s+|ĐOÀN\s+)?[\dA-ZĐÀ-Ỹ]")
    for path, text in fields:
        if not text.strip():
            continue
        found = district.search(text)
        if found or any(_folded_words(city) in _folded_words(text) for city in data["district_cities"]):
            yield Finding("abolished-names", "warning", f"“{text.strip()}” còn dùng tên cấp huyện, đã bỏ từ "
                          f"{short_date(date.fromisoformat(data['effective']))}", path, text.strip())
            continue
        for old, new in data["merged_provinces"].items():
            if _folded_words(old.replace("–", " ")) in _folded_words(text):
                yield Finding("abolished-names", "warning", f"tỉnh {old} đã nhập vào {new} (2025): “{text.strip()}”",
                              path, text.strip())
