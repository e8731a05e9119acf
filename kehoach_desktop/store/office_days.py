"""The office's own anniversaries (core.marked_days.Anniversary: "MM-DD"
and a name), kept in the database beside the office profile: one row of
``settings`` (key "office_days"), so every clerk of the office sees them and
a backup holds them. The settings table takes any key: no migration."""
from __future__ import annotations

from datetime import date
from typing import Any

from ..core.errors import UserError
from ..core.marked_days import Anniversary
from .database import Database
from .values import json_value

OFFICE_DAYS_KEY = "office_days"


def checked(month_day: str, name: str) -> Anniversary:
    """The anniversary, or UserError: "MM-DD" must be a day of the year (29/2 allowed), the name not empty."""
    try:
        month, day = (int(part) for part in month_day.split("-"))
        date(2000, month, day)  # a leap year: 29/2 is a day of some years
    except ValueError:
        raise UserError(f"ngày kỷ niệm không hợp lệ: {month_day!r} (cần ngày/tháng, ví dụ 15/10)") from None
    if not " ".join(name.split()):
        raise UserError(f"ngày kỷ niệm {day}/{month} chưa có tên")
    return Anniversary(f"{month:02d}-{day:02d}", " ".join(name.split()))


class OfficeDaysStore:
    def __init__(self, db: Database):
        self.db = db

    def get(self) -> list[Anniversary]:
        with self.db.reader() as cursor:
            cursor.execute("SELECT value FROM settings WHERE key = ?", (OFFICE_DAYS_KEY,))
            row = cursor.fetchone()
        if row is None:
            return []
        try:
            return [checked(entry["month_day"], entry["name"]) for entry in _entries(json_value(row[0]))]
        except (UserError, KeyError, TypeError, AttributeError):
            raise UserError(f"danh sách ngày kỷ niệm của cơ quan trong {self.db.label} bị hỏng; "
                            "hãy khai báo lại, hoặc khôi phục từ bản sao lưu") from None

    def save(self, days: list[Anniversary]) -> list[Anniversary]:
        """Store the list (each checked first), in the order of the year."""
        from sqlalchemy import insert, update

        from .tables import SettingRow

        kept = sorted((checked(d.month_day, d.name) for d in days), key=lambda d: (d.month_day, d.name))
        value = {"anniversaries": [{"month_day": d.month_day, "name": d.name} for d in kept]}
        with self.db.locked_session() as session:
            row = session.get(SettingRow, OFFICE_DAYS_KEY)
            if row is None:
                session.execute(insert(SettingRow).values(key=OFFICE_DAYS_KEY, value=value, version=1))
            else:
                session.execute(update(SettingRow).where(SettingRow.key == OFFICE_DAYS_KEY)
                                .values(value=value, version=row.version + 1))
        return kept


def _entries(value: Any) -> list[dict]:
    entries = value["anniversaries"]
    if not isinstance(entries, list):
        raise TypeError
    return entries
