"""A plan's dated items as the rows of plan_dated_items (tables.DatedItemRow):
computed from the whole plan (core.dated_items) each time its sections are
written (plan_rows.fill_row), and for the plans already stored by migration
0012. Whole, because an item can depend on another section: a programme in
a section of its own takes the day of the plan's one event."""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..core.codec import DataError, from_data
from ..core.content import Content, FreeContent
from ..core.dated_items import dated_items
from ..core.model import Plan, Section
from .values import json_value


def item_values(plan: Plan) -> list[dict[str, Any]]:
    """One dict of column values (tables.DatedItemRow) per dated item of the plan, in the plan's order."""
    return [{"position": i, "day": item.day, "end_day": item.end, "last_day": item.last_day, "kind": item.kind,
             "field": item.field, "start_time": item.start_time, "end_time": item.end_time,
             "month_only": item.month_only, "what": item.what, "venue": item.venue, "place": item.place}
            for i, item in enumerate(dated_items(plan))]


def stored_plan(title: str, document_type: str, sections: Sequence[tuple[int, Any]]) -> Plan:
    """What dated_items needs of a stored plan: its title, type and sections ((position, content) rows,
    in order). A damaged section counts as empty, so that one bad section hides only its own items
    (opening the plan says it is damaged)."""
    contents: dict[int, Content] = {}
    for position, content in sections:
        try:
            contents[position] = from_data(Content, json_value(content), "$")
        except (DataError, ValueError):
            contents[position] = FreeContent()
    count = max(contents) + 1 if contents else 0
    return Plan(title=title, document_type=document_type,
                sections=[Section("", contents[i] if i in contents else FreeContent()) for i in range(count)])
