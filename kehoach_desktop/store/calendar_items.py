"""The dated items of every plan outside the trash that fall in a span of
days, for the office's calendar (core.dated_items), each with its plan.

Decoding a section (codec.from_data) is what costs: about 0.6 s for the
sections of 1,000 plans, ten times what the main window takes to open. So
each section is first summarised by the first and last day its items can
touch, and only the sections whose days meet the span are decoded:

- on SQLite, by the dates the database itself reads out of the section
  (its JSON functions, in C): every ISO date of an event, a step or a
  deadline ("2020-03-05", or a month, "2020-03"), and the activities' times
  ("Từ 20/3/2023 đến 26/3/2023", "Tháng 3/2023"), dated here by
  core.dated_items itself;
- elsewhere (PostgreSQL), by the years the section's text names: every
  date of an item is written with its four-digit year.

Both take in every day an item can have (a range's ends included), so they
only save work: the items are then taken from the decoded sections by
core.dated_items and kept to the span. Summaries and decoded sections are
kept by plan version, so the next span shown, or the same one after a plan
changed, reads only what is new."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from ..core import content as c
from ..core.calendar_days import PlanItem
from ..core.codec import DataError, from_data
from ..core.content import Content, FreeContent
from ..core.dated_items import dated_items
from ..core.model import Plan, Section
from .database import Database
from .values import json_value

_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|2\d\d\d)(?!\d)")
_IDS_PER_QUERY = 500

# The dates a section's items can take, read by SQLite (its JSON functions, in C): the ISO dates
# of an event, a step, a deadline ("2020-03-05", a month "2020-03"), and the activities' times.
_SQLITE_DATES = """
SELECT s.id, leaf.key, leaf.value FROM plan_sections s, json_tree(s.content) leaf
WHERE s.id IN ({ids}) AND leaf.type = 'text'
  AND (leaf.key = 'time' OR leaf.key IN ('event_date', 'end_date', 'deadline_date', 'start', 'end')
       AND leaf.value GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]*')
"""
# Kinds that can hold a day: a programme section has none of its own (its slots take the day of a
# time and place in the same section, or of the plan's one event: core.dated_items, and _read reads
# it with its plan); free content may embed any.
_SECTION_KINDS = ("time_place", "timeline", "assignments", "activities", "free")


@dataclass(frozen=True)
class _Plan:
    id: int
    version: int
    title: str
    document_type: str
    status: str
    issuing_body: str


class CalendarReader:
    """Reads the plans' dated items; keeps what it decoded (one per window)."""

    def __init__(self, db: Database):
        self.db = db
        self._decoded: dict[tuple[int, int, int], Content | None] = {}  # (plan id, version, position)
        # (plan id, version, position) -> the first and last day its items can touch; None: no item
        self._spans: dict[tuple[int, int, int], tuple[date, date] | None] = {}
        self._last_plans: dict[int, _Plan] = {}
        self._last_key: tuple | None = None
        self._plans_stamp: tuple | None = None
        self._last_items: list[PlanItem] = []

    def items(self, first: date, last: date) -> list[PlanItem]:
        """The items that touch the days from ``first`` to ``last``, by day, then time, then plan; the
        same list again while no plan has changed (the window reads again each time it is activated)."""
        stamp = self._stamp()
        if (first, last, stamp) != self._last_key:
            if stamp != self._plans_stamp:
                self._last_plans, self._plans_stamp = self._plans(), stamp
            self._last_items, self._last_key = self._read(self._last_plans, first, last), (first, last, stamp)
        return list(self._last_items)

    def _stamp(self) -> tuple:
        """What changes when a plan is saved (its version), added, deleted or restored."""
        with self.db.reader() as cursor:
            cursor.execute("SELECT count(*), coalesce(sum(version), 0), coalesce(sum(id), 0) FROM plans "
                           "WHERE deleted_at IS NULL")
            return tuple(cursor.fetchone())

    def _read(self, plans: dict[int, _Plan], first: date, last: date) -> list[PlanItem]:
        with self.db.reader() as cursor:
            cursor.execute("SELECT id, plan_id, position FROM plan_sections")
            sections = {row[0]: (row[1], plans[row[1]].version, row[2]) for row in cursor.fetchall()
                        if row[1] in plans}
            self._summarised(cursor, sections)
            wanted = {i for i, key in sections.items()
                      if (span := self._spans.get(key)) is not None and span[0] <= last and span[1] >= first}
            # A programme in a section of its own: its slots take the day of its plan's one event
            # (core.dated_items), so it is read with the plans that have an item in the span.
            shown = {sections[i][0] for i in wanted}
            cursor.execute("SELECT id FROM plan_sections WHERE kind = 'programme'")
            wanted |= {row[0] for row in cursor.fetchall() if row[0] in sections and sections[row[0]][0] in shown}
            self._decode(cursor, {i: sections[i] for i in wanted if i in sections})
        by_plan: dict[int, dict[int, Content]] = {}
        for section_id in wanted:
            key = sections.get(section_id)
            if key is not None and (content := self._decoded.get(key)) is not None:
                by_plan.setdefault(key[0], {})[key[2]] = content
        found: list[PlanItem] = []
        for plan_id, contents in by_plan.items():
            plan = plans[plan_id]
            # Sections not read stay empty: the items keep their section's index in their field.
            whole = Plan(title=plan.title, document_type=plan.document_type,
                         sections=[Section("", contents.get(i) or FreeContent()) for i in range(max(contents) + 1)])
            found += [PlanItem(item, plan.id, plan.title, plan.status, plan.issuing_body)
                      for item in dated_items(whole) if item.day <= last and item.last_day >= first]
        found.sort(key=lambda p: (p.item.day, p.item.month_only, p.item.start_time or "99", p.plan_id))
        return found

    def bodies(self) -> list[str]:
        """The issuing bodies of the plans last read, in order."""
        return sorted({plan.issuing_body for plan in self._last_plans.values()})

    def _plans(self) -> dict[int, _Plan]:
        with self.db.reader() as cursor:
            cursor.execute("SELECT id, version, title, document_type, status, issuing_bodies FROM plans "
                           "WHERE deleted_at IS NULL")
            rows = cursor.fetchall()
        return {row[0]: _Plan(row[0], row[1], " ".join(row[2].split()), row[3], row[4],
                              " - ".join(b for b in json_value(row[5]) if b)) for row in rows}

    def _summarised(self, cursor: Any, sections: dict[int, tuple[int, int, int]]) -> None:
        """The first and last day each section's items can touch, for the sections not yet summarised."""
        marks = ", ".join("?" * len(_SECTION_KINDS))
        cursor.execute(f"SELECT id FROM plan_sections WHERE kind IN ({marks})", _SECTION_KINDS)
        unknown = [row[0] for row in cursor.fetchall() if row[0] in sections and sections[row[0]] not in self._spans]
        for start in range(0, len(unknown), _IDS_PER_QUERY):
            chunk = tuple(unknown[start:start + _IDS_PER_QUERY])
            ids = ", ".join("?" * len(chunk))
            found: dict[int, tuple[list[date], list[str]]] = {i: ([], []) for i in chunk}
            if self.db.file is not None:
                cursor.execute(_SQLITE_DATES.format(ids=ids), chunk)
                for section_id, key, value in cursor.fetchall():
                    if key == "time":
                        found[section_id][1].append(value)
                    else:
                        found[section_id][0].extend(_iso_days(value))
            else:
                cursor.execute(f"SELECT id, content FROM plan_sections WHERE id IN ({ids})", chunk)
                for section_id, content in cursor.fetchall():
                    found[section_id][0].extend(_years(content))
            for section_id, (days, times) in found.items():
                days += _activity_days(times)
                self._spans[sections[section_id]] = (min(days), max(days)) if days else None

    def _decode(self, cursor: Any, wanted: dict[int, tuple[int, int, int]]) -> None:
        unknown = [i for i, key in wanted.items() if key not in self._decoded]
        for start in range(0, len(unknown), _IDS_PER_QUERY):
            chunk = tuple(unknown[start:start + _IDS_PER_QUERY])
            cursor.execute(f"SELECT id, content FROM plan_sections WHERE id IN ({', '.join('?' * len(chunk))})", chunk)
            for section_id, content in cursor.fetchall():
                self._decoded[wanted[section_id]] = _content(content)


def _iso_days(value: str) -> list[date]:
    """"2020-03-05": that day; "2020-03": its first and last days; anything else: none."""
    try:
        if len(value) == 10:
            return [date.fromisoformat(value)]
        if len(value) == 7:
            first = date.fromisoformat(f"{value}-01")
            return [first, date(first.year + first.month // 12, first.month % 12 + 1, 1) - timedelta(days=1)]
    except ValueError:
        pass
    return []


def _activity_days(times: list[str]) -> list[date]:
    """The days activities' times name, dated as core.dated_items dates them: the times alone, in a plan."""
    texts = [text for text in times if any(ch.isdigit() for ch in text)]
    if not texts:
        return []
    alone = Plan(sections=[Section("", c.Activities([c.Activity(time=text) for text in texts]))])
    days: list[date] = []
    for item in dated_items(alone):
        days += [item.day, item.last_day] + (_iso_days(item.last_day.isoformat()[:7])[1:] if item.month_only else [])
    return days


def _years(content: Any) -> list[date]:
    """Elsewhere than SQLite: every year the section's text names, as its first and last days. Every date
    of an item is written with its four-digit year, so its items lie within these years."""
    text = content if isinstance(content, str) else json.dumps(content, ensure_ascii=False)
    years = [int(y) for y in _YEAR.findall(text)]
    return [date(min(years), 1, 1), date(max(years), 12, 31)] if years else []


def _content(value: Any) -> Content | None:
    """The section's content; a damaged one shows nothing (the plan itself says so when opened)."""
    try:
        return from_data(Content, json_value(value), "$")
    except (DataError, ValueError):
        return None
