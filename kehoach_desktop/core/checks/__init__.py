"""The format checker: what a careful colleague would catch before the
leader signs. ``check_plan`` runs every rule of rules.RULES and returns the
findings, errors first; each names the field it is about (a path into the
plan, "sections[1].content.event_date"), so the window can take the clerk
there."""
from __future__ import annotations

from datetime import date

from ..model import Plan
from .findings import SEVERITIES, SEVERITY_LABELS, CheckContext, Finding
from .rules import RULES

__all__ = ["SEVERITIES", "SEVERITY_LABELS", "CheckContext", "Finding", "check_plan", "has_errors"]


def check_plan(plan: Plan, *, today: date | None = None, issuer_code: str = "") -> list[Finding]:
    context = CheckContext(plan, today or date.today(), issuer_code)
    findings = [finding for rule in RULES for finding in rule.run(context)]
    return sorted(findings, key=lambda f: SEVERITIES.index(f.severity))


def has_errors(findings: list[Finding]) -> bool:
    return any(f.severity == "error" for f in findings)
