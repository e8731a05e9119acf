"""Backups of an SQLite database file, in backups/ beside it: one automatic
copy a day when the database is opened (the newest N kept, N a setting),
and the copies taken before an upgrade (migrate.py) or a restore
(restore.py, which puts a copy back).

A server database is backed up by its server (pg_dump, the administrator's
schedule): nothing here applies to it.
"""
from __future__ import annotations

import json
import logging
import re
import sqlite3
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from ..paths import backups_dir

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
        connection = sqlite3.connect(f"file:{Path(file)}?mode=ro", uri=True)
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
    database is in use), under a name no other copy has."""
    folder = backups_dir(file)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = folder / f"{file.stem}-{stamp}-{reason}.sqlite3"
    n = 1
    while target.exists():  # two copies within one second
        n += 1
        target = folder / f"{file.stem}-{stamp}.{n}-{reason}.sqlite3"
    source = sqlite3.connect(str(file))
    try:
        copy = sqlite3.connect(str(target))
        try:
            source.backup(copy)
        finally:
            copy.close()
    finally:
        source.close()
    return target


def daily_backup(file: Path, today: date | None = None) -> Path | None:
    """The day's automatic copy, unless one was made today; older automatic
    copies beyond the kept number are deleted (the other copies stay)."""
    file = Path(file)
    today = today or date.today()
    daily = [b for b in backups(file) if b.reason == DAILY]
    if daily and daily[0].made_at.date() >= today:
        return None
    made = copy_of(file, DAILY)
    removed = [b for b in backups(file) if b.reason == DAILY][keep_count(file):]
    for old in removed:
        old.path.unlink(missing_ok=True)
    logger.info("%s: the day's backup %s%s", file, made.name, f", {len(removed)} older removed" if removed else "")
    return made
