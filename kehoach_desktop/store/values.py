"""Column values as the drivers give them back: SQLite hands JSON, dates
and times over as text, server drivers as Python values."""
from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any


def json_value(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str) else value


def date_value(value: str | date) -> date:
    """The value of a NOT NULL date column."""
    return date.fromisoformat(value[:10]) if isinstance(value, str) else value


def optional_date(value: str | date | None) -> date | None:
    """The value of a date column that may be NULL."""
    return None if value is None else date_value(value)


def datetime_value(value: str | datetime) -> datetime:
    """The value of a NOT NULL date-and-time column."""
    return datetime.fromisoformat(value) if isinstance(value, str) else value


def optional_datetime(value: str | datetime | None) -> datetime | None:
    """The value of a date-and-time column that may be NULL."""
    return None if value is None else datetime_value(value)
