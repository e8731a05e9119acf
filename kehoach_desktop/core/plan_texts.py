"""Every text the clerk typed into a plan, with the path of its field
("sections[1].content.groups[0].entries[2].text"): what the plan search
indexes (store/plans.py), and what the format checker's rules read for
weekdays, dates, spaces and spelling, the path taking the clerk there. Kept
outside core/checks so that the store's search does not load the rules."""
from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from . import content as c
from .budget import Budget
from .kinds import Parts
from .model import Plan
from .tables import Table


def plan_texts(plan: Plan) -> Iterator[tuple[str, str]]:
    yield "title", plan.title
    for i, text in enumerate(plan.preamble):
        yield f"preamble[{i}]", text
    for i, section in enumerate(plan.sections):
        yield f"sections[{i}].heading", section.heading
        yield from content_texts(section.content, f"sections[{i}].content")
    yield "closing", plan.closing
    for i, text in enumerate(plan.recipients):
        yield f"recipients[{i}]", text
    for i, sig in enumerate(plan.signatures):
        for name in ("body", "position", "name"):
            yield f"signatures[{i}].{name}", getattr(sig, name)
    for i, appendix in enumerate(plan.appendices):
        yield f"appendices[{i}].title", appendix.title
        yield from content_texts(appendix.content, f"appendices[{i}].content")


# Each kind's texts: (content, its path) -> (path of a field, text typed) for
# every text field of the content, nested content included.
TEXTS: Parts[Callable[[Any, str], Iterator[tuple[str, str]]]] = Parts("text walker")


def content_texts(content: c.Content, path: str) -> Iterator[tuple[str, str]]:
    return TEXTS[content.kind](content, path)


@TEXTS.part("free")
def _free_texts(content: c.FreeContent, path: str) -> Iterator[tuple[str, str]]:
    for i, block in enumerate(content.blocks):
        here = f"{path}.blocks[{i}]"
        if isinstance(block, (c.Paragraph, c.Item, c.Numbered)):
            yield f"{here}.text", block.text
        elif isinstance(block, c.Display):
            for j, line in enumerate(block.lines):
                yield f"{here}.lines[{j}]", line
        elif isinstance(block, c.Subsection):
            yield f"{here}.heading", block.heading
            yield from content_texts(block.content, f"{here}.content")
        elif isinstance(block, c.Embedded):
            yield from content_texts(block.content, f"{here}.content")


@TEXTS.part("time_place")
def _time_place_texts(content: c.TimePlace, path: str) -> Iterator[tuple[str, str]]:
    for name in ("duration", "venue", "address", "form_text"):
        yield f"{path}.{name}", getattr(content, name)


@TEXTS.part("participants")
def _participants_texts(content: c.Participants, path: str) -> Iterator[tuple[str, str]]:
    for g, group in enumerate(content.groups):
        yield f"{path}.groups[{g}].title", group.title
        for e, entry in enumerate(group.entries):
            yield f"{path}.groups[{g}].entries[{e}].text", entry.text
            yield f"{path}.groups[{g}].entries[{e}].remark", entry.remark


@TEXTS.part("table")
def _table_texts(content: Table, path: str) -> Iterator[tuple[str, str]]:
    for r, row in enumerate(content.header_rows):
        for i, cell in enumerate(row):
            yield f"{path}.header_rows[{r}][{i}].text", cell.text
    for r, cells in enumerate(content.rows):
        for i, text in enumerate(cells):
            yield f"{path}.rows[{r}][{i}]", text
    yield f"{path}.total_label", content.total_label


@TEXTS.part("budget")
def _budget_texts(content: Budget, path: str) -> Iterator[tuple[str, str]]:
    for g, group in enumerate(content.groups):
        yield f"{path}.groups[{g}].payer", group.payer
        for i, item in enumerate(group.items):
            yield f"{path}.groups[{g}].items[{i}].text", item.text
            yield f"{path}.groups[{g}].items[{i}].unit", item.unit
    yield f"{path}.note", content.note


@TEXTS.part("programme")
def _programme_texts(content: c.Programme, path: str) -> Iterator[tuple[str, str]]:
    for s, slot in enumerate(content.slots):
        yield f"{path}.slots[{s}].text", slot.text
        for i, item in enumerate(slot.items):
            yield f"{path}.slots[{s}].items[{i}]", item


@TEXTS.part("assignments")
def _assignments_texts(content: c.Assignments, path: str) -> Iterator[tuple[str, str]]:
    for u, unit in enumerate(content.units):
        yield f"{path}.units[{u}].unit", unit.unit
        for t, task in enumerate(unit.tasks):
            yield f"{path}.units[{u}].tasks[{t}].text", task.text
            for d, line in enumerate(task.display):
                yield f"{path}.units[{u}].tasks[{t}].display[{d}]", line


@TEXTS.part("timeline")
def _timeline_texts(content: c.Timeline, path: str) -> Iterator[tuple[str, str]]:
    for s, step in enumerate(content.steps):
        yield f"{path}.steps[{s}].when.text", step.when.text
        yield f"{path}.steps[{s}].text", step.text


@TEXTS.part("activities")
def _activities_texts(content: c.Activities, path: str) -> Iterator[tuple[str, str]]:
    for a, act in enumerate(content.activities):
        for name in ("title", "time", "area"):
            yield f"{path}.activities[{a}].{name}", getattr(act, name)
        for i, text in enumerate(act.content):
            yield f"{path}.activities[{a}].content[{i}]", text
        for d, duty in enumerate(act.duties):
            yield f"{path}.activities[{a}].duties[{d}].body", duty.body
            yield f"{path}.activities[{a}].duties[{d}].text", duty.text


TEXTS.require_all()


def structured(plan: Plan) -> Iterator[tuple[str, c.Content]]:
    """Every content object of the plan, nested ones included, with its path."""
    def walk(content: c.Content, path: str) -> Iterator[tuple[str, c.Content]]:
        yield path, content
        if isinstance(content, c.FreeContent):
            for i, block in enumerate(content.blocks):
                if isinstance(block, (c.Subsection, c.Embedded)):
                    yield from walk(block.content, f"{path}.blocks[{i}].content")

    for i, section in enumerate(plan.sections):
        yield from walk(section.content, f"sections[{i}].content")


def first_time_place(plan: Plan) -> c.TimePlace | None:
    """The plan's first time-and-place content (nested ones included): the
    event's time and place, as the letters and the workbook's title give them."""
    return next((content for _, content in structured(plan) if isinstance(content, c.TimePlace)), None)
