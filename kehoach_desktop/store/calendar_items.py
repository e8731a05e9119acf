"""The dated items of every plan outside the trash that fall in a span of
days, for the office's calendar (core.dated_items, with the plan each comes
from).

Decoding a section (codec.from_data) is what costs: about 0.6 s for the
sections of 1,000 plans. So only the sections that can hold a dated item are
read (those of a dated kind, free ones that embed one), and of those only
the ones whose text names a year of the span are decoded: every date of an
item is written with its four-digit year (ISO in the data, "20/3/2023" or
"tháng 3/2023" in an activity's time), so a section naming no year from the
span's first to its last cannot hold an item in it; one naming years around
it (a step from 2022 to 2024) is decoded. What was decoded is kept, by plan
version, for the next month shown."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

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
        # (plan id, version, position) -> the section's years (first, last), or None: names no year
        self._years: dict[tuple[int, int, int], tuple[int, int] | None] = {}
        self._decoded: dict[tuple[int, int, int], Content | None] = {}
        self._last_plans: dict[int, _Plan] = {}

    def items(self, first: date, last: date) -> list[PlanItem]:
        """The items that touch the days from ``first`` to ``last``, by day then plan order."""
        plans = self._plans()
        sections = self._sections(plans, first.year, last.year)
        found: list[PlanItem] = []
        for plan_id, contents in sections.items():
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
        self._last_plans = {row[0]: _Plan(row[0], row[1], " ".join(row[2].split()), row[3], row[4],
                                          " - ".join(b for b in json_value(row[5]) if b)) for row in rows}
        return self._last_plans

    def _sections(self, plans: dict[int, _Plan], first_year: int, last_year: int) -> dict[int, dict[int, Content]]:
        """{plan id: {position: content}} of the sections that may hold an item of those years."""
        marks = ", ".join("?" * len(DATED_KINDS + ("free",)))
        with self.db.reader() as cursor:
            cursor.execute(f"SELECT id, plan_id, position FROM plan_sections WHERE kind IN ({marks})",
                           DATED_KINDS + ("free",))
            listed = [(row[0], (row[1], plans[row[1]].version, row[2])) for row in cursor.fetchall()
                      if row[1] in plans]
            unknown = [section_id for section_id, key in listed if key not in self._years]
            for start in range(0, len(unknown), 500):
                chunk = tuple(unknown[start:start + 500])
                cursor.execute(f"SELECT id, plan_id, position, kind, content FROM plan_sections "
                               f"WHERE id IN ({', '.join('?' * len(chunk))})", chunk)
                for _id, plan_id, position, kind, content in cursor.fetchall():
                    key = (plan_id, plans[plan_id].version, position)
                    self._years[key] = _years(kind, content)
            wanted = [(section_id, key) for section_id, key in listed
                      if (years := self._years.get(key)) and years[0] <= last_year and years[1] >= first_year
                      and key not in self._decoded]
            for start in range(0, len(wanted), 500):
                chunk = tuple(section_id for section_id, _key in wanted[start:start + 500])
                cursor.execute(f"SELECT plan_id, position, content FROM plan_sections "
                               f"WHERE id IN ({', '.join('?' * len(chunk))})", chunk)
                for plan_id, position, content in cursor.fetchall():
                    self._decoded[(plan_id, plans[plan_id].version, position)] = _content(content)
        found: dict[int, dict[int, Content]] = {}
        for _id, key in listed:
            years = self._years.get(key)
            content = self._decoded.get(key)
            if years and years[0] <= last_year and years[1] >= first_year and content is not None:
                found.setdefault(key[0], {})[key[2]] = content
        return found


def _years(kind: str, content: Any) -> tuple[int, int] | None:
    """The first and last year a section's text names; None: none, or free content embedding no dated kind."""
    text = content if isinstance(content, str) else json_text(content)
    if kind == "free" and not any(f'"{dated}"' in text for dated in DATED_KINDS):
        return None
    years = [int(y) for y in _YEAR.findall(text)]
    return (min(years), max(years)) if years else None


def json_text(value: Any) -> str:
    import json

    return json.dumps(value, ensure_ascii=False)


def _content(value: Any) -> Content | None:
    """The section's content; a damaged one shows nothing (the plan itself says so when opened)."""
    try:
        return from_data(Content, json_value(value), "$")
    except (DataError, ValueError):
        return None
