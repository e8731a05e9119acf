"""A plan made again as a new draft ("Tạo bản sao", "Tạo kế hoạch năm sau"):
no number, no date, a draft again. It lives in core so that both the copy of
the window and next year's plan (core.next_year) make it the one same way."""
from __future__ import annotations

import copy

from .model import Plan


def draft_copy(plan: Plan) -> Plan:
    """Last year's plan as this year's draft: no number, no date, a draft again.
    The header and place are kept but must be confirmed by the clerk (bodies
    and places change: see the 2025 reorganisation)."""
    draft = copy.deepcopy(plan)
    draft.status = "draft"
    draft.number.value = None
    draft.plan_date = None
    draft.note = ""
    for appendix in draft.appendices:
        appendix.attached = ""  # "(Kèm theo Kế hoạch số 37… ngày …)" as written names the old number and date
    return draft
