"""The office profile in the database: one row of ``settings`` (key "office").

Read in plain SQL (no SQLAlchemy needed to show it), written through the ORM
in one transaction. A database that has no profile yet gives the defaults.
The row has a version (store/versions.py): the office dialog passes the
version it read, and a profile saved meanwhile by somebody else is never
overwritten in silence (ConflictError).
"""
from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ..core.errors import UserError
from ..core.office import OfficeProfile
from .database import Database
from .values import json_value
from .versions import ConflictError, changed_rows

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
        return self.load()[0]

    def load(self) -> tuple[OfficeProfile, int]:
        """The profile and its version (0: never saved, the defaults)."""
        with self.db.reader() as cursor:
            cursor.execute("SELECT value, version FROM settings WHERE key = ?", (OFFICE_KEY,))
            row = cursor.fetchone()
        return (OfficeProfile(), 0) if row is None else (_profile(row[0], self.db.label), int(row[1]))

    def save(self, profile: OfficeProfile, expected_version: int | None = None) -> OfficeProfile:
        """Store the profile (checked first: a bad value raises UserError and
        nothing is saved); returns it as stored. With ``expected_version``
        (the version read), ConflictError when somebody else saved meanwhile."""
        checked = OfficeProfile.from_dict(profile.to_dict())
        self._write(lambda _stored: checked, expected_version)  # a damaged stored profile is replaced, not read
        return checked

    def set(self, key: str, value: Any) -> OfficeProfile:
        """Change one field, given as plain data ("2025-12-30" for a date):
        read, changed and written in one transaction under the writers' lock
        (the command line), so a change saved meanwhile elsewhere is kept."""
        def change(stored: Callable[[], OfficeProfile]) -> OfficeProfile:
            data = stored().to_dict()
            if key not in data:
                raise UserError(f"hồ sơ cơ quan không có mục {key!r} (các mục: {', '.join(data)})")
            data[key] = value
            return OfficeProfile.from_dict(data)

        return self._write(change, None)

    def _write(self, change: Callable[[Callable[[], OfficeProfile]], OfficeProfile],
               expected_version: int | None) -> OfficeProfile:
        """``change(stored)`` makes the profile to store; ``stored()`` reads the one stored."""
        from sqlalchemy import insert, update
        from sqlalchemy.exc import IntegrityError

        from .tables import SettingRow

        try:
            with self.db.locked_session() as session:
                row = session.get(SettingRow, OFFICE_KEY)
                found = 0 if row is None else row.version
                if expected_version is not None and found != expected_version:
                    raise _stale(found)
                profile = change(lambda: OfficeProfile() if row is None else _profile(row.value, self.db.label))
                if row is None:
                    session.execute(insert(SettingRow).values(key=OFFICE_KEY, value=profile.to_dict(), version=1))
                    return profile
                done = session.execute(update(SettingRow).where(SettingRow.key == OFFICE_KEY,
                                                                SettingRow.version == found)
                                       .values(value=profile.to_dict(), version=found + 1))
                if changed_rows(done) != 1:
                    raise _stale(None)
                return profile
        except IntegrityError:  # another program saved the first profile at the same moment
            raise _stale(None) from None


def _stale(found: int | None) -> ConflictError:
    return ConflictError("hồ sơ cơ quan vừa được lưu ở nơi khác (một cửa sổ khác hoặc dòng lệnh) sau khi anh/chị mở "
                      "nó; chưa lưu gì", found=found)


def office_in_session(session: Session) -> OfficeProfile:
    """The profile as a running transaction sees it (the register's issue)."""
    from .tables import SettingRow

    row = session.get(SettingRow, OFFICE_KEY)
    return OfficeProfile() if row is None else _profile(row.value, "cơ sở dữ liệu")
