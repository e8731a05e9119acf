"""What the clerk does with the backups of a database: restore one, and
choose how many daily copies to keep.

Nothing is touched before the copy is checked (check_copy): a database of
this program, sound (integrity_check), at a schema revision this version
knows (a copy made by a newer version would be put in place, then refused
by the upgrade: a database no start could open). Only then is the current
state copied ("trước khi khôi phục"), the copy written over the database
file in one step, and the schema brought to this version (it may be a copy
from before an upgrade). A damaged database cannot be copied: it is moved
aside instead, under "<name>-hong-<time>.sqlite3" beside it, never deleted
(replace_damaged), and newest_good() names the copy to offer for it.

It sits above backups.py (the copies, which the database makes on opening)
and migrate.py (the upgrade, which itself takes a copy first), so neither of
those needs the other's caller or the Database."""
from __future__ import annotations

import logging
import os
import sqlite3
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from ..core.errors import UserError
from .backups import BEFORE_RESTORE, MAX_KEEP, SETTING_KEY, Backup, backups, copy_of, copy_pages
from .damage import DamagedDatabaseError, check_intact
from .migrate import known_revisions, upgrade_to_head
from .sqlite_uri import connect_read_only

if TYPE_CHECKING:
    from .database import Database

logger = logging.getLogger(__name__)
DAMAGED = "hong"  # in the name of a damaged database moved aside


def check_copy(path: Path) -> None:
    """A copy worth restoring: intact, a database of this program, and at a
    schema revision this version knows. Reads only; raises UserError."""
    path = Path(path)
    if not path.is_file():
        raise UserError("không thấy tệp sao lưu", file=str(path))
    try:
        found = check_intact(path, full=True)
        if found is not None:
            raise UserError(f"bản sao lưu bị hỏng (không qua được kiểm tra toàn vẹn: {found})", file=path.name)
        connection = connect_read_only(path)
        try:
            tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            row = (connection.execute("SELECT version_num FROM alembic_version").fetchone()
                   if "alembic_version" in tables else None)
        finally:
            connection.close()
    except sqlite3.DatabaseError as exc:
        raise UserError(f"không phải cơ sở dữ liệu của chương trình ({exc})", file=path.name) from None
    if not {"plans", "alembic_version"} <= tables or row is None:
        raise UserError("không phải bản sao lưu của KeHoach Desktop", file=path.name)
    if row[0] not in known_revisions():
        raise UserError(f"bản sao lưu được tạo bởi phiên bản mới hơn của chương trình (lược đồ {row[0]}); hãy "
                        "cập nhật KeHoach Desktop trước khi khôi phục nó. Không có gì bị thay đổi.", file=path.name)


def restore(db: Database, backup: Path) -> Path:
    """Put the copy in place of the database: the copy is checked, the
    current state is copied ("trước khi khôi phục"), then the copy is
    written over the file in one step and brought to this version's schema.
    Returns the copy of the state before (for a damaged database, which
    cannot be copied, the damaged file moved aside). The Database stays
    usable (it reconnects)."""
    if db.file is None:
        raise UserError("cơ sở dữ liệu trên máy chủ được sao lưu và khôi phục bằng công cụ của máy chủ (pg_dump)")
    backup = Path(backup)
    check_copy(backup)
    try:
        before = copy_of(db.file, BEFORE_RESTORE)
    except DamagedDatabaseError:
        db.close()
        before = replace_damaged(db.file, backup)
    else:
        db.close()
        copy_pages(backup, db.file, read_only=True)  # one step: the file is either as before or the whole copy
        logger.info("%s: restored from %s (the state before: %s)", db.file, backup.name, before.name)
    upgrade_to_head(db.engine, db.file, db.label)
    return before


def newest_good(file: Path) -> Backup | None:
    """The newest copy of this database that check_copy accepts."""
    for copy in backups(Path(file)):
        try:
            check_copy(copy.path)
        except UserError:
            continue
        return copy
    return None


def damaged_aside_name(file: Path, when: datetime | None = None) -> Path:
    """Where a damaged database is moved: "kehoach-hong-20261206-130500.sqlite3"
    beside it (not a backup's name: never listed, never pruned)."""
    stamp = (when or datetime.now()).strftime("%Y%m%d-%H%M%S")
    aside = file.with_name(f"{file.stem}-{DAMAGED}-{stamp}{file.suffix}")
    n = 1
    while aside.exists():
        n += 1
        aside = file.with_name(f"{file.stem}-{DAMAGED}-{stamp}.{n}{file.suffix}")
    return aside


def replace_damaged(file: Path, backup: Path) -> Path:
    """Put a checked copy in place of a damaged database file (closed by
    every connection of this program): the copy is written beside it under
    a temporary name and checked, the damaged file (with its journal, if
    any) is renamed aside, then the copy renamed into its place. Returns
    the damaged file's new path. The schema is brought up to date by the
    next open_database()."""
    file, backup = Path(file), Path(backup)
    check_copy(backup)
    partial = file.with_name(file.name + ".khoi-phuc.tmp")
    partial.unlink(missing_ok=True)  # left by a restore that was killed: never a database to keep
    try:
        copy_pages(backup, partial, read_only=True)
        found = check_intact(partial)
        if found is not None:
            raise UserError(f"bản chép lại từ bản sao lưu bị hỏng ({found})", file=backup.name)
        aside = damaged_aside_name(file)
        if file.exists():
            os.replace(file, aside)
        for suffix in ("-journal", "-wal", "-shm"):  # they belong to the damaged file
            companion = Path(f"{file}{suffix}")
            if companion.exists():
                os.replace(companion, Path(f"{aside}{suffix}"))
        os.replace(partial, file)
    finally:
        partial.unlink(missing_ok=True)
    logger.warning("%s: damaged; moved aside to %s and restored from %s", file, aside.name, backup.name)
    return aside


def open_or_damaged(target: str | os.PathLike[str] | None) -> Database:
    """open_database(target); when the file turns out to be damaged, a
    DamagedDatabaseError naming the newest good copy (damage_of) instead
    of the error of the opening. Other failures raise as open_database's."""
    from .database import open_database

    try:
        return open_database(target)
    except UserError as exc:
        damaged = damage_of(database_file(target), exc)
        if damaged is None:
            raise
        raise damaged from None


def plans_in(copy: Path) -> int | None:
    """How many plans (not in the trash) a copy holds; None when it cannot be read."""
    try:
        connection = connect_read_only(copy)
        try:
            return int(connection.execute("SELECT count(*) FROM plans WHERE deleted_at IS NULL").fetchone()[0])
        finally:
            connection.close()
    except sqlite3.Error:
        return None


def database_file(target: str | os.PathLike[str] | None) -> Path | None:
    """The SQLite file open_database(target) opens; None for a server."""
    from .database import resolve_target

    text = resolve_target(target)
    if "://" not in text:
        return Path(text).expanduser().resolve()
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        url = make_url(text)
    except ArgumentError:
        return None
    return Path(url.database) if url.get_backend_name() == "sqlite" and url.database else None


def damage_of(file: Path | None, error: BaseException) -> DamagedDatabaseError | None:
    """After opening ``file`` failed with ``error``: the DamagedDatabaseError
    naming the newest good copy when the file is damaged, None when the
    failure was something else (a lock, a folder, a server, a newer version).
    A file SQLite does not take for a database at all counts as damaged only
    when copies of it lie beside it (else it may be any other file)."""
    if file is None or not Path(file).is_file():
        return None
    file = Path(file)
    found = error.found if isinstance(error, DamagedDatabaseError) else None
    if found is None:
        try:
            found = check_intact(file)
        except sqlite3.Error:
            return None
    if found is None:
        return None
    good = newest_good(file)
    if good is None and "not a database" in found and not backups(file):
        return None
    logger.info("%s: damaged (%s); newest good copy: %s", file, found, good.path.name if good else None)
    return DamagedDatabaseError(file, found, good.path if good is not None else None, looked=True)


def set_keep_count(db: Database, keep: int) -> None:
    """How many daily copies to keep (a setting of the database itself)."""
    if not 1 <= keep <= MAX_KEEP:
        raise UserError(f"số bản sao lưu giữ lại phải từ 1 đến {MAX_KEEP}")
    from .tables import SettingRow

    with db.sessions.begin() as session:
        session.merge(SettingRow(key=SETTING_KEY, value={"keep": keep}))
