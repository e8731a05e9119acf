"""A damaged database file: how it is recognised, and the error that says so.

SQLite says "database disk image is malformed" (SQLITE_CORRUPT) or "file is
not a database" (SQLITE_NOTADB) when it meets pages it cannot read, and
``PRAGMA quick_check`` / ``integrity_check`` find the rest. A lock ("database
is locked") or a missing file is not damage: those errors pass through
unchanged, and nothing is offered to replace the file.
"""
from __future__ import annotations

import sqlite3
from pathlib import Path

from ..core.errors import UserError
from .failures import DAMAGED, StoreFailureError
from .sqlite_uri import connect_read_only

_CORRUPT, _NOTADB = 11, 26  # SQLite's primary result codes
_WORDS = ("malformed", "not a database")


class DamagedDatabaseError(UserError):
    """A database file SQLite finds damaged. ``found``: SQLite's own words
    (for the log, not the clerk). ``backup``: the newest copy that passed
    the checks, when it was looked for (``looked``: restore.damage_of).
    ``database``, not ``file``: UserError's ``file`` starts its message."""

    def __init__(self, database: Path, found: str, backup: Path | None = None, *, looked: bool = False):
        self.database, self.found, self.backup = Path(database), " ".join(found.split()), backup
        if backup is not None:
            where = f"; bản sao lưu tốt mới nhất: {backup}"
        else:
            where = "; không có bản sao lưu tốt nào bên cạnh nó" if looked else ""
        super().__init__(f"tệp cơ sở dữ liệu {self.database} bị hỏng, không đọc được toàn bộ dữ liệu{where}")


def is_damage_error(exc: BaseException) -> bool:
    """SQLite's own word that a file is damaged (not a lock, not a missing
    file), also once store/failures.py has put it in Vietnamese."""
    if isinstance(exc, StoreFailureError):
        return exc.kind == DAMAGED
    if not isinstance(exc, sqlite3.DatabaseError):
        return False
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None and code & 0xFF in (_CORRUPT, _NOTADB):
        return True
    return any(word in str(exc) for word in _WORDS)


def check_intact(path: Path, *, full: bool = False) -> str | None:
    """None when SQLite finds the file sound; else what it found (its first
    problem). ``full``: integrity_check (also the indexes against their
    tables), else quick_check (linear in the file's size: about 10 ms for
    1,000 plans). A lock or a missing file raises sqlite3.Error as usual."""
    try:
        connection = connect_read_only(path)
        try:
            found = connection.execute("PRAGMA integrity_check(1)" if full else "PRAGMA quick_check(1)").fetchone()
        finally:
            connection.close()
    except sqlite3.DatabaseError as exc:
        if is_damage_error(exc):
            return str(exc)
        raise
    return None if found is not None and found[0] == "ok" else str(found[0] if found else "?")
