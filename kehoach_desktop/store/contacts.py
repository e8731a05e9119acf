"""The address book: people and units kept across plans. Attendees are
added from it, and saved into it; a person's position or unit is updated
once here for every list made afterwards. Each contact has a version
(store/versions.py): a correction made from a stale screen is refused."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from ..core.attendees import Attendee, name_key
from ..core.errors import UserError
from ..core.text import clean_text, matches, sort_key
from .database import Database
from .versions import ConflictError, changed_rows


@dataclass
class Contact:
    id: int | None = None
    name: str = ""
    position: str = ""
    unit: str = ""
    phone: str = ""
    email: str = ""
    version: int = 0  # as read; 0: not read from the book (no check)

    def attendee(self, group: str = "") -> Attendee:
        return Attendee(self.name, self.position, self.unit, group, self.phone, self.email)


_COLUMNS = "id, name, job_title, unit, phone, email, version"


def _identity(name: str, unit: str) -> str:
    return f"{name.casefold()}|{unit.casefold()}"


class ContactStore:
    def __init__(self, db: Database):
        self.db = db

    def list(self, query: str = "") -> list[Contact]:
        """Contacts whose name, position, unit, phone or email contain every
        word typed (diacritics aside), in Vietnamese name order."""
        with self.db.reader() as cursor:
            cursor.execute(f"SELECT {_COLUMNS} FROM contacts")
            found = [Contact(*row) for row in cursor.fetchall()]
        if query.strip():
            found = [c for c in found if matches(query, " ".join((c.name, c.position, c.unit, c.phone, c.email)))]
        return sorted(found, key=lambda c: (name_key(c.name), sort_key(c.unit)))

    def get(self, contact_id: int) -> Contact | None:
        """The contact as stored now, None when it was deleted."""
        with self.db.reader() as cursor:
            cursor.execute(f"SELECT {_COLUMNS} FROM contacts WHERE id = ?", (contact_id,))
            row = cursor.fetchone()
        return None if row is None else Contact(*row)

    def save_from(self, attendees: Sequence[Attendee]) -> tuple[int, int]:
        """Add the named attendees that are not in the book yet and update
        those that are (position, phone, email); returns (added, updated)."""
        from sqlalchemy import select

        from .tables import ContactRow

        rows = [a.normalised() for a in attendees if a.name.strip()]
        added = updated = 0
        now = datetime.now()
        # Read and written under the writers' lock: another program's
        # correction of the same person is seen, not overwritten blindly.
        with self.db.locked_session() as session:
            for a in rows:
                key = _identity(a.name, a.unit)
                row = session.execute(select(ContactRow).where(ContactRow.identity == key)).scalar_one_or_none()
                if row is None:
                    session.add(ContactRow(identity=key, name=a.name, job_title=a.position, unit=a.unit,
                                           phone=a.phone, email=a.email, updated_at=now))
                    added += 1
                    continue
                new = (a.position or row.job_title, a.phone or row.phone, a.email or row.email)
                if new != (row.job_title, row.phone, row.email):
                    row.job_title, row.phone, row.email = new
                    row.updated_at, row.version = now, row.version + 1
                    updated += 1
        return added, updated

    def update(self, contact: Contact) -> Contact:
        """Change a person's details once, for every list made afterwards;
        returns the contact as stored. ``contact.version`` is the version
        read: when somebody else changed or deleted the person meanwhile,
        ConflictError is raised and nothing is written."""
        from sqlalchemy import update
        from sqlalchemy.exc import IntegrityError

        from .tables import ContactRow

        def tidy(text: str) -> str:  # the text gate, then the spaces a one-line field may keep
            return " ".join(clean_text(text, single_line=True).split())

        c = Contact(contact.id, tidy(contact.name), tidy(contact.position), tidy(contact.unit), tidy(contact.phone),
                    tidy(contact.email), contact.version)
        try:
            with self.db.locked_session() as session:
                row = session.get(ContactRow, c.id)
                if row is None:
                    raise ConflictError(f"{c.name} vừa bị xoá khỏi danh bạ ở nơi khác; chưa lưu gì", found=None)
                found = row.version
                if c.version and found != c.version:
                    raise self._stale(c, found)
                done = session.execute(update(ContactRow).where(ContactRow.id == c.id, ContactRow.version == found)
                                       .values(identity=_identity(c.name, c.unit), name=c.name, job_title=c.position,
                                               unit=c.unit, phone=c.phone, email=c.email, updated_at=datetime.now(),
                                               version=found + 1))
                if changed_rows(done) != 1:
                    raise self._stale(c, None)
        except IntegrityError:
            raise UserError(f"danh bạ đã có {c.name} – {c.unit}") from None
        return Contact(c.id, c.name, c.position, c.unit, c.phone, c.email, found + 1)

    @staticmethod
    def _stale(contact: Contact, found: int | None) -> ConflictError:
        return ConflictError(f"thông tin của {contact.name} trong danh bạ vừa được sửa ở nơi khác sau khi anh/chị mở "
                          "danh bạ; chưa lưu gì", found=found)

    def delete(self, contact_id: int, expected_version: int | None = None) -> None:
        """Remove a person; with ``expected_version``, refused (ConflictError)
        when somebody else changed the person meanwhile."""
        from sqlalchemy import delete

        from .tables import ContactRow

        with self.db.locked_session() as session:
            where = [ContactRow.id == contact_id]
            if expected_version is not None:
                where.append(ContactRow.version == expected_version)
            if changed_rows(session.execute(delete(ContactRow).where(*where))) != 1 and expected_version is not None:
                row = session.get(ContactRow, contact_id)
                raise ConflictError("người này trong danh bạ vừa được sửa hoặc xoá ở nơi khác; chưa xoá gì",
                                 found=None if row is None else row.version)
