"""Column values as the drivers give them back: SQLite hands JSON, dates
and times over as text, server drivers as Python values."""
from __future__ import annotations

import json
from datetime import date, datetime


def json_value(value):
    return json.loads(value) if isinstance(value, str) else value


def date_value(value) -> date | None:
    return date.fromisoformat(value[:10]) if isinstance(value, str) else value


def datetime_value(value) -> datetime | None:
    return datetime.fromisoformat(value) if isinstance(value, str) else value
