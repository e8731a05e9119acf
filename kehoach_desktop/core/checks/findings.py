"""What a rule reports (Finding) and what it reads (CheckContext): the
vocabulary shared by the rules (rules.py) and the checker (__init__.py)."""
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
