"""The office profile in the database: one row of ``settings`` (key "office").

Read in plain SQL (no SQLAlchemy needed to show it), written through the ORM
in one transaction. A database that has no profile yet gives the defaults.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..core.errors import UserError
from ..core.office import OfficeProfile
from .database import Database
from .values import json_value

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

OFFICE_KEY = "office"


def _profile(value: Any, label: str) -> OfficeProfile:
    try:
        return OfficeProfile.from_dict(json_value(value))
    except (UserError, ValueError) as exc:
        raise UserError(f"hồ sơ cơ quan lưu trong {label} bị hỏng ({exc}); hãy khai báo lại bằng "
                        "kehoach office set, hoặc khôi phục từ bản sao lưu") from None


class OfficeStore:
    def __init__(self, db: Database):
        self.db = db

    def get(self) -> OfficeProfile:
        with self.db.reader() as cursor:
            cursor.execute("SELECT value FROM settings WHERE key = ?", (OFFICE_KEY,))
            row = cursor.fetchone()
        return OfficeProfile() if row is None else _profile(row[0], self.db.label)

    def save(self, profile: OfficeProfile) -> OfficeProfile:
        """Store the profile (checked first: a bad value raises UserError and
        nothing is saved); returns it as stored."""
        checked = OfficeProfile.from_dict(profile.to_dict())
        with self.db.sessions.begin() as session:
            from .tables import SettingRow

            session.merge(SettingRow(key=OFFICE_KEY, value=checked.to_dict()))
        return checked

    def set(self, key: str, value: Any) -> OfficeProfile:
        """Change one field, given as plain data ("2025-12-30" for a date)."""
        data = self.get().to_dict()
        if key not in data:
            raise UserError(f"hồ sơ cơ quan không có mục {key!r} (các mục: {', '.join(data)})")
        data[key] = value
        return self.save(OfficeProfile.from_dict(data))


def office_in_session(session: Session) -> OfficeProfile:
    """The profile as a running transaction sees it (the register's issue)."""
    from .tables import SettingRow

    row = session.get(SettingRow, OFFICE_KEY)
    return OfficeProfile() if row is None else _profile(row.value, "cơ sở dữ liệu")
