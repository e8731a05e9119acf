"""The format checker: what a careful colleague would catch before the
leader signs. ``check_plan`` runs every rule of rules.RULES and returns the
findings, errors first; each names the field it is about (a path into the
plan, "sections[1].content.event_date"), so the window can take the clerk
there."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ..model import Plan

SEVERITIES = ("error", "warning", "info")
SEVERITY_LABELS = {"error": "Lỗi", "warning": "Cảnh báo", "info": "Lưu ý"}


@dataclass(frozen=True)
class Finding:
    rule: str  # the rule's id, e.g. "weekday-mismatch"
    severity: str  # "error", "warning" or "info"
    message: str  # Vietnamese, names what is wrong and how to put it right
    field: str = ""  # path of the field in the plan
    excerpt: str = ""  # the words in question


@dataclass
class CheckContext:
    plan: Plan
    today: date = field(default_factory=date.today)
    issuer_code: str = ""  # the office's own code ("ĐTN"), when its profile is known


def check_plan(plan: Plan, *, today: date | None = None, issuer_code: str = "") -> list[Finding]:
    from .rules import RULES

    context = CheckContext(plan, today or date.today(), issuer_code)
    findings = [finding for rule in RULES for finding in rule.run(context)]
    return sorted(findings, key=lambda f: SEVERITIES.index(f.severity))


def has_errors(findings: list[Finding]) -> bool:
    return any(f.severity == "error" for f in findings)
