"""Backups of an SQLite database file, in backups/ beside it: one automatic
copy a day when the database is opened (the newest N kept, N a setting),
and the copies taken before an upgrade (migrate.py) or a restore
(restore.py, which puts a copy back).

Every copy is written under a temporary name, checked by SQLite (quick_check)
and only then given its name: a copy that failed leaves nothing, and one
that is listed is sound. The backup API copies the pages as they are, so a
damaged database gives a damaged copy: that is how the day's copy finds a
database damaged since yesterday (DamagedDatabaseError; the copy is not kept, so
it never pushes out the good ones, and the start offers the newest of those).

A server database is backed up by its server (pg_dump, the administrator's
schedule): nothing here applies to it.
"""
from __future__ import annotations

import json
import logging
import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from ..paths import backups_dir
from .damage import DamagedDatabaseError, check_intact, is_damage_error
from .sqlite_uri import connect_read_only

DAILY = "tu-dong"  # the reason in the names of the automatic copies
BY_HAND = "thu-cong"
BEFORE_RESTORE = "truoc-khoi-phuc"
SETTING_KEY = "backups"
DEFAULT_KEEP = 10
MAX_KEEP = 365
logger = logging.getLogger(__name__)
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})(?:\.\d+)?-(?P<reason>[a-z0-9-]+)\.sqlite3$")
REASONS = {DAILY: "tự động hằng ngày", BY_HAND: "văn thư sao lưu", BEFORE_RESTORE: "trước khi khôi phục"}


@dataclass(frozen=True)
class Backup:
    path: Path
    made_at: datetime
    reason: str  # "tu-dong", "truoc-nang-cap-0004", "truoc-khoi-phuc"…

    @property
    def reason_label(self) -> str:
        if self.reason.startswith("truoc-nang-cap"):
            return "trước khi nâng cấp phiên bản"
        return REASONS.get(self.reason, self.reason)

    @property
    def size(self) -> int:
        return self.path.stat().st_size


def backups(file: Path) -> list[Backup]:
    """The copies of this database file, newest first."""
    folder = backups_dir(Path(file))
    found = []
    for path in folder.glob(f"{Path(file).stem}-*.sqlite3") if folder.is_dir() else []:
        match = _NAME.match(path.name)
        if match is None or match["stem"] != Path(file).stem:
            continue
        made_at = _made_at(match["stamp"])
        if made_at is not None:
            found.append(Backup(path, made_at, match["reason"]))
    return sorted(found, key=lambda b: b.made_at, reverse=True)


def _made_at(stamp: str) -> datetime | None:
    """"20261206-114500" as a time; None for digits that make no time. Not
    strptime, which imports the locale machinery: 2 ms of the window's start,
    which lists the copies to make the day's first one."""
    try:
        return datetime(int(stamp[0:4]), int(stamp[4:6]), int(stamp[6:8]),
                        int(stamp[9:11]), int(stamp[11:13]), int(stamp[13:15]))
    except ValueError:
        return None


def keep_count(file: Path) -> int:
    """How many automatic copies to keep (the setting, read with sqlite3 so
    that opening the database needs no SQLAlchemy)."""
    try:
        connection = connect_read_only(file)
        try:
            row = connection.execute("SELECT value FROM settings WHERE key = ?", (SETTING_KEY,)).fetchone()
        finally:
            connection.close()
        keep = int(json.loads(row[0])["keep"]) if row else DEFAULT_KEEP
    except (sqlite3.Error, ValueError, KeyError, TypeError):
        return DEFAULT_KEEP
    return min(max(keep, 1), MAX_KEEP)


def copy_of(file: Path, reason: str) -> Path:
    """A consistent copy through SQLite's online backup API (safe while the
    database is in use), under a name no other copy has. Written as
    "<name>.tmp", checked, then renamed: raises DamagedDatabaseError when the
    database is damaged, OSError / sqlite3.Error when the copy cannot be
    made, and then leaves no file behind."""
    folder = backups_dir(file)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = folder / f"{file.stem}-{stamp}-{reason}.sqlite3"
    n = 1
    while target.exists():  # two copies within one second
        n += 1
        target = folder / f"{file.stem}-{stamp}.{n}-{reason}.sqlite3"
    partial = target.with_name(target.name + ".tmp")  # not a copy's name: backups() never lists it
    try:
        copy_pages(file, partial)
        found = check_intact(partial)
        if found is not None:
            raise DamagedDatabaseError(file, found)
        os.replace(partial, target)
    except sqlite3.DatabaseError as exc:
        partial.unlink(missing_ok=True)
        if is_damage_error(exc):
            raise DamagedDatabaseError(file, str(exc)) from None
        raise
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return target


def copy_pages(source_file: Path, target_file: Path, *, read_only: bool = False) -> None:
    """The whole database into target_file (created or overwritten) through
    the backup API, in one step for its readers. ``read_only``: open the
    source read-only (a copy being put back: it is never written)."""
    source = connect_read_only(source_file) if read_only else sqlite3.connect(str(source_file))
    try:
        target = sqlite3.connect(str(target_file))
        try:
            source.backup(target)
        finally:
            target.close()
    finally:
        source.close()


STALE_PARTIAL_SECONDS = 24 * 3600  # surely no copy still being written (another program may be writing one now)


def _remove_stale_partials(file: Path) -> None:
    """The ".tmp" of a copy whose program was killed while writing it."""
    folder = backups_dir(file)
    now = datetime.now().timestamp()
    for partial in folder.glob(f"{file.stem}-*.sqlite3.tmp") if folder.is_dir() else []:
        try:
            if now - partial.stat().st_mtime > STALE_PARTIAL_SECONDS:
                partial.unlink()
        except OSError:
            pass  # gone already, or not ours to remove: the copy is made all the same


def daily_backup(file: Path, today: date | None = None) -> Path | None:
    """The day's automatic copy, unless one was made today; older automatic
    copies beyond the kept number are deleted (the other copies stay), only
    once the new one is made and sound: a damaged database (DamagedDatabaseError
    raised) or a copy that fails removes nothing. An empty file left by an
    older version's failed copy does not count as the day's copy."""
    file = Path(file)
    today = today or date.today()
    daily = [b for b in backups(file) if b.reason == DAILY and b.size > 0]
    if daily and daily[0].made_at.date() >= today:
        return None
    _remove_stale_partials(file)
    made = copy_of(file, DAILY)
    daily = [b for b in backups(file) if b.reason == DAILY]
    removed = [b for b in daily if b.size == 0] + [b for b in daily if b.size > 0][keep_count(file):]
    for old in removed:
        old.path.unlink(missing_ok=True)
    logger.info("%s: the day's backup %s%s", file, made.name, f", {len(removed)} older removed" if removed else "")
    return made
