"""A plan's body as a sequence of typed lines with all generated text filled in.

This is the one place that turns the structured model into words: section
numerals, subsection numbers, dates, weekdays, times, counts and list
punctuation. The text export joins the lines; the Word export gives each
role its paragraph format.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from . import content as c
from .budget import Budget, budget_notes, budget_table
from .dates import (
    date_numeric,
    date_shape,
    date_words,
    month_numeric,
    parse_partial,
    partial_numeric,
    time_text,
    weekday,
)
from .kinds import Parts
from .lunar import lunar_date
from .model import Plan, PlanStyle
from .numbering import section_number, subsection_number
from .tables import Table, text_lines


@dataclass
class Line:
    """One paragraph of the body.

    role: "preamble", "section", "subsection", "paragraph", "numbered",
    "item", "label", "display", "closing".
    ``number`` is the generated "I." / "1." / "1.1."; ``tail`` is text written
    after a heading on the same line; ``level`` is the subsection depth
    (1 for "1.") or the item depth (1 for "-", 2 for "+").
    """

    role: str
    text: str
    number: str = ""
    tail: str = ""
    level: int = 0
    path: list[int] = field(default_factory=list, repr=False)  # numbering path of a heading
    # On the same page as the next line: a date with its lunar date below, a
    # line of a displayed block with the rest of it (headings keep with what
    # follows by their role).
    keep_next: bool = False
    # Set when the program wrote the final "./.": the punctuation it replaced
    # ("." or "" ...). The Word file marks such an end so that reading it back
    # tells it from one the clerk typed.
    end_mark_replaced: str | None = None
    table: Table | None = field(default=None, repr=False)  # role "table": the table, drawn as a table

    @property
    def marker(self) -> str:
        if self.role == "item":
            return "-" if self.level <= 1 else "+"
        return ""

    def plain(self) -> str:
        if self.table is not None:
            return "\n".join(text_lines(self.table))
        parts = [p for p in (self.number, self.marker, self.text, self.tail) if p]
        return " ".join(parts)


FACET_LABELS = {"form": "Hình thức", "time": "Thời gian", "place": "Địa điểm"}
FORM_LABELS = {"in_person": "Trực tiếp", "online": "Trực tuyến", "hybrid": "Trực tiếp kết hợp trực tuyến"}


def _with_colon(text: str) -> str:
    text = text.rstrip()
    return text if text.endswith(":") else text.rstrip(".;,") + ":"


def _ending(text: str, last: bool) -> str:
    """List punctuation: every entry ends ";" but the last, which ends "."."""
    return text.rstrip().rstrip(".;,") + ("." if last else ";")


# Each kind's renderer: BodyLayout's method that appends the kind's lines
# (content, the counter of its container's numbers, the heading line above it).
# The text export, the Word writer and the page painter all draw these lines,
# so a kind made of lines has no part of its own in them.
LAYOUTS: Parts[Callable[..., None]] = Parts("layout renderer")


class _Counter:
    """Hands out the numbers of one container's numbered children."""

    def __init__(self, parent: list[int]):
        self.parent = parent
        self.count = 0

    def next(self) -> list[int]:
        self.count += 1
        return self.parent + [self.count - 1]


class BodyLayout:
    def __init__(self, plan: Plan):
        self.plan = plan
        self.style: PlanStyle = plan.style
        self.lines: list[Line] = []

    # ---- entry point
    def build(self, end_mark: bool = True) -> list[Line]:
        for text in self.plan.preamble:
            self.lines.append(Line("preamble", text))
        for index, section in enumerate(self.plan.sections):
            heading = section.heading.strip().rstrip(":").rstrip()
            if self.style.heading_colon:
                heading = _with_colon(heading)
            self.lines.append(Line("section", heading.upper(), section_number(index)))
            self._content(section.content, _Counter([]), heading_line=self.lines[-1])
        if self.plan.closing.strip():
            self.lines.append(Line("closing", self.plan.closing))
        if end_mark:
            self._end_mark()
        for line, following in zip(self.lines, self.lines[1:], strict=False):
            if line.role == following.role == "display":
                line.keep_next = True  # a displayed block (a stage backdrop) is never split
        return self.lines

    def _end_mark(self) -> None:
        """The text of an official document ends with "./."; added where the
        typed text forgot it (the format checker still reports that)."""
        for line in reversed(self.lines):
            if line.role in ("display", "section", "subsection", "table") and not line.tail:
                return  # nothing but headings or a displayed block at the end: leave it
            field = "tail" if line.tail else "text"
            text = getattr(line, field).rstrip()
            if text and not text.endswith("./."):
                kept = text.rstrip(".;,: ")
                setattr(line, field, kept + "./.")
                line.end_mark_replaced = text[len(kept):]
            return

    # ---- shared pieces
    def _heading(self, counter: _Counter, text: str, inline: str = "") -> Line:
        path = counter.next()
        line = Line("subsection", _with_colon(text), subsection_number(path), inline, len(path), path)
        self.lines.append(line)
        return line

    def _child_counter(self, line: Line) -> _Counter:
        return _Counter(line.path)

    def _time(self, hhmm: str) -> str:
        return time_text(hhmm, self.style.time_format)

    def _content(self, content: c.Content, counter: _Counter, heading_line: Line | None = None,
                 inline_first: bool = False) -> None:
        start = len(self.lines)
        LAYOUTS[content.kind](self, content, counter, heading_line)
        if inline_first and heading_line is not None and len(self.lines) > start:
            first = self.lines[start]
            if first.role in ("paragraph", "item") and not heading_line.tail:
                heading_line.tail = first.text
                del self.lines[start]

    # ---- free content
    @LAYOUTS.part("free")
    def _free(self, content: c.FreeContent, counter: _Counter, heading_line: Line | None) -> None:
        for block in content.blocks:
            if isinstance(block, c.Paragraph):
                self.lines.append(Line("paragraph", block.text))
            elif isinstance(block, c.Item):
                self.lines.append(Line("item", block.text, level=min(max(block.level, 1), 2)))
            elif isinstance(block, c.Numbered):
                path = counter.next()
                self.lines.append(Line("numbered", block.text, subsection_number(path), level=len(path)))
            elif isinstance(block, c.Display):
                self.lines.extend(Line("display", text) for text in block.lines)
            elif isinstance(block, c.Subsection):
                line = self._heading(counter, block.heading)
                self._content(block.content, self._child_counter(line), line, inline_first=block.inline)
            elif isinstance(block, c.Embedded):
                self._content(block.content, counter, heading_line)

    # ---- time and place
    def time_phrase(self, tp: c.TimePlace) -> str:
        words: list[str] = []
        if tp.duration:
            words.append(tp.duration + ",")
        if tp.tentative:
            words.append("dự kiến")
        if tp.start_time:
            span = self._time(tp.start_time)
            if tp.end_time:
                span += " – " + self._time(tp.end_time)
            words.append(span)
        if tp.part_of_day:
            words.append(tp.part_of_day)
        if tp.event_date:
            fmt = date_words if tp.date_style == "words" else (lambda d: "ngày " + date_numeric(d))
            if tp.end_date and tp.end_date != tp.event_date:
                words.append(f"từ {fmt(tp.event_date)} đến {fmt(tp.end_date)}")
            else:
                words.append(fmt(tp.event_date))
        text = " ".join(words)
        text = text[:1].upper() + text[1:]
        if tp.event_date and tp.show_weekday:
            days = [tp.event_date] + ([tp.end_date] if tp.end_date and tp.end_date != tp.event_date else [])
            text += " (" + " – ".join(weekday(d, self.style.weekday_style) for d in days) + ")"
        return text + "." if text else ""

    def facet_lines(self, tp: c.TimePlace, facet: str) -> list[str]:
        if facet == "time":
            lines = [self.time_phrase(tp)]
            if tp.show_lunar and tp.event_date:
                lines.append("(" + lunar_date(tp.event_date).text() + ")")
            return [x for x in lines if x]
        if facet == "place":
            lines = [tp.venue.strip()] if tp.venue.strip() else []
            if tp.address.strip():
                lines.append("(" + tp.address.strip().strip("()") + ")")
            return lines
        text = tp.form_text.strip() or FORM_LABELS.get(tp.form, "")
        return [text] if text else []

    @LAYOUTS.part("time_place")
    def _time_place(self, tp: c.TimePlace, counter: _Counter, heading_line: Line | None) -> None:
        for facet in tp.facets:
            label = tp.labels.get(facet) or FACET_LABELS[facet]
            texts = self.facet_lines(tp, facet)
            start = len(self.lines)
            if tp.layout == "subsections":
                first = texts.pop(0) if (tp.inline and texts) else ""
                self._heading(counter, label, first)
                self.lines.extend(Line("paragraph", t) for t in texts)
            else:
                first = texts.pop(0) if texts else ""
                head = f"{label}: {first}".strip()
                self.lines.append(Line("item", head, level=1) if tp.layout == "items" else Line("paragraph", head))
                self.lines.extend(Line("paragraph", t) for t in texts)
            for line in self.lines[start:-1]:
                line.keep_next = True  # the date with its lunar date, the venue with its address

    # ---- participants
    def _count(self, n: int, unit: str) -> str:
        return f"{n:02d} {unit}".strip()

    def total_phrase(self, p: c.Participants) -> str:
        if p.stated_total is None:
            return ""
        number = self._count(p.stated_total, p.total_unit or p.unit)
        return f"Dự kiến: {number}" if p.total_tentative else f"Tổng cộng: {number}"

    @LAYOUTS.part("participants")
    def _participants(self, p: c.Participants, counter: _Counter, heading_line: Line | None) -> None:
        total = self.total_phrase(p)
        if total and p.total_placement == "heading":
            if heading_line is not None and heading_line.role == "subsection" and not heading_line.tail:
                heading_line.tail = total.replace("Dự kiến:", "dự kiến").replace("Tổng cộng:", "tổng cộng") + ", gồm:"
            else:
                self.lines.append(Line("paragraph", total))
        for group in p.groups:
            if group.title.strip():
                if p.group_style == "subsections":
                    self._heading(counter, group.title)
                else:
                    self.lines.append(Line("label", "* " + _with_colon(group.title)))
            for i, entry in enumerate(group.entries):
                text = entry.text.rstrip().rstrip(".;,")
                if entry.count is not None:
                    text += f" ({self._count(entry.count, p.unit)})"
                if entry.remark.strip():
                    text += f" ({entry.remark.strip().strip('()')})"
                self.lines.append(Line("item", _ending(text, i == len(group.entries) - 1), level=1))
        if total and p.total_placement == "after":
            self.lines.append(Line("paragraph", f"({total})"))

    # ---- table
    @LAYOUTS.part("table")
    def _table(self, table: Table, counter: _Counter, heading_line: Line | None) -> None:
        self.lines.append(Line("table", "", table=table))

    # ---- budget
    @LAYOUTS.part("budget")
    def _budget(self, budget: Budget, counter: _Counter, heading_line: Line | None) -> None:
        self.lines.append(Line("table", "", table=budget_table(budget)))
        self.lines.extend(Line("paragraph", text) for text in budget_notes(budget))

    # ---- programme
    @LAYOUTS.part("programme")
    def _programme(self, prog: c.Programme, counter: _Counter, heading_line: Line | None) -> None:
        for slot in prog.slots:
            text = slot.text
            if slot.start_time:
                span = self._time(slot.start_time)
                if slot.end_time:
                    span += " – " + self._time(slot.end_time)
                text = f"{span}: {text}"
            self.lines.append(Line("item", text, level=1))
            self.lines.extend(Line("item", item, level=2) for item in slot.items)

    # ---- assignments
    def task_text(self, task: c.Task) -> str:
        if not task.deadline_date and not task.deadline_typed and not task.deadline_time:
            return task.text
        body = task.text.rstrip()
        end = body[-1] if body and body[-1] in ".;" else "."
        body = body.rstrip(".;")
        when = []
        if task.deadline_time:
            when.append(self._time(task.deadline_time))
        if task.deadline_date:
            when.append("ngày " + date_numeric(task.deadline_date))
        elif task.deadline_typed:  # not a real day: written as typed, the checker reports it
            when.append("ngày " + task.deadline_typed)
        return f"{body} trước {' '.join(when)}{end}"

    @LAYOUTS.part("assignments")
    def _assignments(self, a: c.Assignments, counter: _Counter, heading_line: Line | None) -> None:
        role, level = ("item", 1) if a.task_style == "items" else ("paragraph", 0)
        for unit in a.units:
            tasks = list(unit.tasks)
            first = ""
            if unit.inline and tasks and not tasks[0].display:
                first = self.task_text(tasks.pop(0))
            self._heading(counter, unit.unit, first)
            for task in tasks:
                self.lines.append(Line(role, self.task_text(task), level=level))
                self.lines.extend(Line("display", text) for text in task.display)

    # ---- timeline
    def when_text(self, when: c.When) -> str:
        if when.start_typed or when.end_typed:
            return _typed_when_text(when)
        if not when.start:
            return when.text
        y1, m1, d1 = parse_partial(when.start)
        if not when.end:
            if d1 is None:
                return "Tháng " + month_numeric(y1, m1)
            return "Ngày " + _numeric(y1, m1, d1)
        y2, m2, d2 = parse_partial(when.end)
        if d1 is None or d2 is None:
            return f"Từ tháng {month_numeric(y1, m1)} đến tháng {month_numeric(y2, m2)}"
        if (y1, m1) == (y2, m2):
            return f"Từ ngày {d1:02d} đến ngày {_numeric(y2, m2, d2)}"
        if y1 == y2:
            return f"Từ ngày {_numeric(y1, m1, d1, False)} đến ngày {_numeric(y2, m2, d2)}"
        return f"Từ ngày {_numeric(y1, m1, d1)} đến ngày {_numeric(y2, m2, d2)}"

    @LAYOUTS.part("timeline")
    def _timeline(self, t: c.Timeline, counter: _Counter, heading_line: Line | None) -> None:
        for step in t.steps:
            when = self.when_text(step.when)
            text = f"{when}: {step.text}" if when else step.text
            self.lines.append(Line("item", text, level=1))

    # ---- activities
    @LAYOUTS.part("activities")
    def _activities(self, acts: c.Activities, counter: _Counter, heading_line: Line | None) -> None:
        for act in acts.activities:
            self._heading(counter, act.title)
            if act.time.strip():
                self.lines.append(Line("item", f"Thời gian: {act.time.strip()}", level=1))
            if act.area.strip():
                self.lines.append(Line("item", f"Địa bàn: {act.area.strip()}", level=1))
            if len(act.content) == 1:
                self.lines.append(Line("item", f"Nội dung: {act.content[0].strip()}", level=1))
            elif act.content:
                self.lines.append(Line("item", "Nội dung:", level=1))
                self.lines.extend(Line("item", text, level=2) for text in act.content)
            if act.duties:
                self.lines.append(Line("item", _with_colon(act.duty_label or "Phụ trách"), level=1))
                for duty in act.duties:
                    text = " ".join(p for p in (duty.body.strip(), duty.text.strip()) if p)
                    self.lines.append(Line("item", text, level=2))


def _typed_when_text(when: c.When) -> str:
    """A timeline step whose day or month was typed and is not a real one
    ("31/02/2023"): written with the text as typed, the other end as usual;
    the format checker reports it."""
    start = when.start_typed or partial_numeric(when.start)
    end = when.end_typed or partial_numeric(when.end)
    unit = "tháng" if date_shape(start) == "month" else "ngày"
    if not end:
        return f"{unit.capitalize()} {start}"
    return f"Từ {unit} {start} đến {unit} {end}"


def _numeric(year: int, month: int, day: int, with_year: bool = True) -> str:
    return date_numeric(date(year, month, day), with_year)


LAYOUTS.require_all()


def body_lines(plan: Plan, end_mark: bool = True) -> list[Line]:
    """The body's lines; ``end_mark=False`` leaves out the closing "./." (for
    looking at the structure alone)."""
    return BodyLayout(plan).build(end_mark)


def content_lines(plan: Plan, content: c.Content) -> list[Line]:
    """One content on its own, as an appendix holds it: its subsections
    numbered from "1.", no closing "./." (that ends the body)."""
    layout = BodyLayout(plan)
    layout._content(content, _Counter([]), None)
    return layout.lines


# ------------------------------------------------------------ landscape pages
LEAD_IN_ROLES = ("section", "subsection", "label")


def landscape_runs(lines: list[Line], allowed: bool) -> list[tuple[int, int]]:
    """The lines that go on landscape pages of their own: for each table the
    clerk marked landscape (where the profile allows it), the headings
    directly above it (they introduce it: "3. Phân công nhiệm vụ") and the
    table, as (first, end) line indexes. The Word writer turns these into a
    landscape section, the page painter into landscape pages: the same
    lines in both. A run starting at 0 in an appendix's content takes the
    appendix's opening lines with it (the writers do that part)."""
    if not allowed:
        return []
    runs = []
    for index, line in enumerate(lines):
        if line.table is None or not line.table.landscape:
            continue
        first = index
        while first > 0 and lines[first - 1].role in LEAD_IN_ROLES:
            first -= 1
        runs.append((first, index + 1))
    return runs
