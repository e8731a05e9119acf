"""What the clerk does with the backups of an open database: restore one (the
copy is checked, the current state is copied first, the copy is written over
the database file in one step, and the schema is brought to this version: it
may be a copy from before an upgrade), and choose how many daily copies to keep.

It sits above backups.py (the copies, which the database makes on opening)
and migrate.py (the upgrade, which itself takes a copy first), so neither of
those needs the other's caller or the Database."""
from __future__ import annotations

import logging
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from ..core.errors import UserError
from .backups import BEFORE_RESTORE, MAX_KEEP, SETTING_KEY, copy_of
from .migrate import upgrade_to_head

if TYPE_CHECKING:
    from .database import Database

logger = logging.getLogger(__name__)


def check_copy(path: Path) -> None:
    """A copy worth restoring: intact, and a database of this program."""
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            if connection.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
                raise UserError("bản sao lưu bị hỏng (không qua được kiểm tra toàn vẹn)", file=path.name)
            tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        finally:
            connection.close()
    except sqlite3.DatabaseError as exc:
        raise UserError(f"không phải cơ sở dữ liệu của chương trình ({exc})", file=path.name) from None
    if not {"plans", "alembic_version"} <= tables:
        raise UserError("không phải bản sao lưu của KeHoach Desktop", file=path.name)


def restore(db: Database, backup: Path) -> Path:
    """Put the copy in place of the database: the current state is copied
    first ("trước khi khôi phục"), the copy is checked, then written over the
    file in one step, and brought to this version's schema. Returns the
    copy of the state before. The Database stays usable (it reconnects)."""
    if db.file is None:
        raise UserError("cơ sở dữ liệu trên máy chủ được sao lưu và khôi phục bằng công cụ của máy chủ (pg_dump)")
    backup = Path(backup)
    check_copy(backup)
    before = copy_of(db.file, BEFORE_RESTORE)
    db.close()
    source = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
    try:
        target = sqlite3.connect(str(db.file))
        try:
            source.backup(target)  # one step: the file is either as before or the whole copy
        finally:
            target.close()
    finally:
        source.close()
    logger.info("%s: restored from %s (the state before: %s)", db.file, backup.name, before.name)
    upgrade_to_head(db.engine, db.file, db.label)
    return before


def set_keep_count(db: Database, keep: int) -> None:
    """How many daily copies to keep (a setting of the database itself)."""
    if not 1 <= keep <= MAX_KEEP:
        raise UserError(f"số bản sao lưu giữ lại phải từ 1 đến {MAX_KEEP}")
    from .tables import SettingRow

    with db.sessions.begin() as session:
        session.merge(SettingRow(key=SETTING_KEY, value={"keep": keep}))
