"""The address book: people and units kept across plans. Attendees are
added from it, and saved into it; a person's position or unit is updated
once here for every list made afterwards."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from ..core.attendees import Attendee, name_key
from ..core.errors import UserError
from ..core.text import matches, sort_key
from .database import Database


@dataclass
class Contact:
    id: int | None = None
    name: str = ""
    position: str = ""
    unit: str = ""
    phone: str = ""
    email: str = ""

    def attendee(self, group: str = "") -> Attendee:
        return Attendee(self.name, self.position, self.unit, group, self.phone, self.email)


def _identity(name: str, unit: str) -> str:
    return f"{name.casefold()}|{unit.casefold()}"


class ContactStore:
    def __init__(self, db: Database):
        self.db = db

    def list(self, query: str = "") -> list[Contact]:
        """Contacts whose name, position, unit, phone or email contain every
        word typed (diacritics aside), in Vietnamese name order."""
        with self.db.reader() as cursor:
            cursor.execute("SELECT id, name, job_title, unit, phone, email FROM contacts")
            found = [Contact(*row) for row in cursor.fetchall()]
        if query.strip():
            found = [c for c in found if matches(query, " ".join((c.name, c.position, c.unit, c.phone, c.email)))]
        return sorted(found, key=lambda c: (name_key(c.name), sort_key(c.unit)))

    def save_from(self, attendees: Sequence[Attendee]) -> tuple[int, int]:
        """Add the named attendees that are not in the book yet and update
        those that are (position, phone, email); returns (added, updated)."""
        from sqlalchemy import select

        from .tables import ContactRow

        rows = [a.normalised() for a in attendees if a.name.strip()]
        added = updated = 0
        now = datetime.now()
        with self.db.sessions.begin() as session:
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
                    row.updated_at = now
                    updated += 1
        return added, updated

    def update(self, contact: Contact) -> None:
        """Change a person's details once, for every list made afterwards."""
        from sqlalchemy.exc import IntegrityError

        from .tables import ContactRow

        c = Contact(contact.id, *(" ".join(v.split()) for v in (contact.name, contact.position, contact.unit,
                                                                 contact.phone, contact.email)))
        try:
            with self.db.sessions.begin() as session:
                row = session.get(ContactRow, c.id)
                if row is None:
                    raise UserError(f"không có người mã số {c.id} trong danh bạ")
                row.identity, row.name, row.job_title, row.unit = _identity(c.name, c.unit), c.name, c.position, c.unit
                row.phone, row.email, row.updated_at = c.phone, c.email, datetime.now()
        except IntegrityError:
            raise UserError(f"danh bạ đã có {c.name} – {c.unit}") from None

    def delete(self, contact_id: int) -> None:
        from sqlalchemy import delete

        from .tables import ContactRow

        with self.db.sessions.begin() as session:
            session.execute(delete(ContactRow).where(ContactRow.id == contact_id))
