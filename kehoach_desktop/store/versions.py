"""Optimistic locking of everything stored besides plans (the invitation
lists, contacts, the office profile, the register): each has a version
counter, raised by one in the transaction of every write. A writer passes
the version it read; when the stored one differs, somebody else wrote in
between and ``ConflictError`` is raised with nothing written. The compare and
the write are one transaction that holds the writers' lock
(Database.locked_session), and the counter is compared in the UPDATE itself
("... WHERE version = :expected"), so two programs can never both pass."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from ..core.errors import UserError

if TYPE_CHECKING:
    from sqlalchemy.engine import CursorResult, Result


class ConflictError(UserError):
    """Somebody else saved this after it was read here; nothing was written.
    ``found`` is the version stored now (None: the thing is gone)."""

    def __init__(self, message: str, *, found: int | None):
        super().__init__(message)
        self.found = found


def changed_rows(result: Result[Any]) -> int:
    """How many rows an UPDATE or DELETE changed: 0 when the version it
    compared was no longer the stored one."""
    return cast("CursorResult[Any]", result).rowcount
