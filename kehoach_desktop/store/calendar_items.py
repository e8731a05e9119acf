"""The dated items of every plan outside the trash that fall in a span of
days, for the office's calendar (core.dated_items), each with its plan.

Decoding a section (codec.from_data) is what costs: about 0.6 s for the
sections of 1,000 plans, ten times what the main window takes to open. So
the sections that may hold an item of the span are found first, and only
those are decoded:

- on SQLite, by the database itself (its JSON functions, in C): a time and
  place whose days touch the span, a timeline with a step that does, an
  assignment with a deadline in it; the activities' times, which are words
  ("Từ 20/3/2023 đến 26/3/2023", "Tháng 3/2023"), are read out and dated
  here by core.dated_items itself; a free section that embeds a dated part
  is always decoded. A programme section has no item of its own (its slots
  take the day of a time and place in the same section: core.dated_items);
- elsewhere (PostgreSQL), by the section's text: every date of an item is
  written with its four-digit year, so a section whose years all lie
  outside the span cannot hold an item in it.

Either way the items are then taken from the decoded sections by
core.dated_items and kept to the span, so the choice only saves work. What
was decoded is kept, by plan version, for the next span shown."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from ..core import content as c
from ..core.calendar_days import PlanItem
from ..core.codec import DataError, from_data
from ..core.content import Content, FreeContent
from ..core.dated_items import dated_items
from ..core.model import Plan, Section
from .database import Database
from .values import json_value

# The kinds of content that hold dated items (core.dated_items); free content may embed them.
DATED_KINDS = ("time_place", "programme", "timeline", "assignments", "activities")
_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|2\d\d\d)(?!\d)")
_IDS_PER_QUERY = 500

# The sections of the span (:first, :last as "YYYY-MM-DD"), found by SQLite. A month ("2020-03")
# compares below every day of it: as an end it is taken as its 31st.
_EMBEDS = " OR ".join(f"instr(s.content, '\"{kind}\"') > 0" for kind in DATED_KINDS)
_END = "CASE WHEN length({0}) = 7 THEN {0} || '-31' ELSE {0} END"
_SQLITE_CANDIDATES = f"""
SELECT s.id FROM plan_sections s
WHERE s.kind = 'time_place' AND json_extract(s.content, '$.event_date') <= :last
  AND coalesce(json_extract(s.content, '$.end_date'), json_extract(s.content, '$.event_date')) >= :first
UNION
SELECT s.id FROM plan_sections s, json_each(s.content, '$.steps') step
WHERE s.kind = 'timeline' AND json_extract(step.value, '$.when.start') <= :last
  AND json_extract(step.value, '$.when.start') != ''
  AND {_END.format("coalesce(nullif(json_extract(step.value, '$.when.end'), ''), "
                   "json_extract(step.value, '$.when.start'))")} >= :first
UNION
SELECT s.id FROM plan_sections s, json_each(s.content, '$.units') unit, json_each(unit.value, '$.tasks') task
WHERE s.kind = 'assignments' AND json_extract(task.value, '$.deadline_date') BETWEEN :first AND :last
UNION
SELECT s.id FROM plan_sections s, json_tree(s.content) leaf
WHERE s.kind = 'free' AND ({_EMBEDS})
  AND leaf.key IN ('event_date', 'end_date', 'deadline_date', 'start', 'end') AND leaf.type = 'text'
  AND leaf.value GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]*'
GROUP BY s.id HAVING min(leaf.value) <= :last AND max({_END.format("leaf.value")}) >= :first
"""
_SQLITE_ACTIVITY_TIMES = """
SELECT s.id, json_extract(activity.value, '$.time') FROM plan_sections s, json_each(s.content, '$.activities') activity
WHERE s.kind = 'activities'
UNION ALL
SELECT s.id, leaf.value FROM plan_sections s, json_tree(s.content) leaf
WHERE s.kind = 'free' AND instr(s.content, '"activities"') > 0 AND leaf.key = 'time' AND leaf.type = 'text'
"""


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
        self._years: dict[tuple[int, int, int], tuple[int, int] | None] = {}  # the general way's
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
            wanted = (self._sqlite_candidates(cursor, first, last) if self.db.file is not None
                      else self._candidates_by_years(cursor, sections, first.year, last.year))
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

    @staticmethod
    def _sqlite_candidates(cursor: Any, first: date, last: date) -> set[int]:
        span = {"first": first.isoformat(), "last": last.isoformat()}
        cursor.execute(_SQLITE_CANDIDATES, span)
        wanted = {row[0] for row in cursor.fetchall()}
        cursor.execute(_SQLITE_ACTIVITY_TIMES)
        times: dict[int, list[str]] = {}
        for section_id, time in cursor.fetchall():
            if isinstance(time, str) and any(ch.isdigit() for ch in time):
                times.setdefault(section_id, []).append(time)
        for section_id, texts in times.items():
            # Dated as core.dated_items dates an activity's time: the times alone, in a plan of their own.
            alone = Plan(sections=[Section("", c.Activities([c.Activity(time=text) for text in texts]))])
            if any(item.day <= last and item.last_day >= first for item in dated_items(alone)):
                wanted.add(section_id)
        return wanted

    def _candidates_by_years(self, cursor: Any, sections: dict[int, tuple[int, int, int]], first_year: int,
                             last_year: int) -> set[int]:
        marks = ", ".join("?" * (len(DATED_KINDS) + 1))
        cursor.execute(f"SELECT id FROM plan_sections WHERE kind IN ({marks})", (*DATED_KINDS, "free"))
        dated = [row[0] for row in cursor.fetchall() if row[0] in sections]
        unknown = [i for i in dated if sections[i] not in self._years]
        for start in range(0, len(unknown), _IDS_PER_QUERY):
            chunk = tuple(unknown[start:start + _IDS_PER_QUERY])
            cursor.execute(f"SELECT id, kind, content FROM plan_sections WHERE id IN ({', '.join('?' * len(chunk))})",
                           chunk)
            for section_id, kind, content in cursor.fetchall():
                self._years[sections[section_id]] = _years(kind, content)
        return {i for i in dated if (years := self._years.get(sections[i]))
                and years[0] <= last_year and years[1] >= first_year}

    def _decode(self, cursor: Any, wanted: dict[int, tuple[int, int, int]]) -> None:
        unknown = [i for i, key in wanted.items() if key not in self._decoded]
        for start in range(0, len(unknown), _IDS_PER_QUERY):
            chunk = tuple(unknown[start:start + _IDS_PER_QUERY])
            cursor.execute(f"SELECT id, content FROM plan_sections WHERE id IN ({', '.join('?' * len(chunk))})", chunk)
            for section_id, content in cursor.fetchall():
                self._decoded[wanted[section_id]] = _content(content)


def _years(kind: str, content: Any) -> tuple[int, int] | None:
    """The first and last year a section's text names; None: none, or free content embedding no dated kind."""
    text = content if isinstance(content, str) else json.dumps(content, ensure_ascii=False)
    if kind == "free" and not any(f'"{dated}"' in text for dated in DATED_KINDS):
        return None
    years = [int(y) for y in _YEAR.findall(text)]
    return (min(years), max(years)) if years else None


def _content(value: Any) -> Content | None:
    """The section's content; a damaged one shows nothing (the plan itself says so when opened)."""
    try:
        return from_data(Content, json_value(value), "$")
    except (DataError, ValueError):
        return None
