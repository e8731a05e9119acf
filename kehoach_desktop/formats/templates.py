"""Plan templates shipped in kehoach_desktop/resources/templates/, and making a new draft
from a template or from an existing plan."""
from __future__ import annotations

import copy
from dataclasses import dataclass

from ..core.model import Plan
from ..resource_files import read_json, read_text
from . import kehoach_json


@dataclass(frozen=True)
class Template:
    name: str  # what the clerk sees
    file: str


def templates() -> list[Template]:
    index = read_json("templates", "index.json")
    return [Template(t["name"], t["file"]) for t in index["templates"]]


def plan_from_template(template: Template) -> Plan:
    plan = kehoach_json.loads(read_text("templates", template.file), template.file)
    plan.status = "draft"
    return plan


def draft_copy(plan: Plan) -> Plan:
    """Last year's plan as this year's draft: no number, no date, a draft again.
    The header and place are kept but must be confirmed by the clerk (bodies
    and places change: see the 2025 reorganisation)."""
    draft = copy.deepcopy(plan)
    draft.status = "draft"
    draft.number.value = None
    draft.plan_date = None
    draft.note = ""
    return draft
