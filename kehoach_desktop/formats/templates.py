"""Plan templates shipped in kehoach_desktop/resources/templates/, and making a new draft
from a template (a draft copy of an existing plan: core.draft)."""
from __future__ import annotations

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
