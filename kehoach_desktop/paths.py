"""The one place that knows where the clerk's things live: data folder,
database, backups, logs. (The files shipped with the program are reached
through resource_files.py.)"""
from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "KeHoachDesktop"
DB_ENV = "KEHOACH_DB"
DATA_ENV = "KEHOACH_DATA_DIR"  # for tests and portable use
DB_FILE_NAME = "kehoach.sqlite3"


def data_dir() -> Path:
    """Per-user local (never roaming or synced) data folder:
    %LOCALAPPDATA%\\KeHoachDesktop on Windows, $XDG_DATA_HOME/KeHoachDesktop on Linux."""
    override = os.environ.get(DATA_ENV)
    if override:
        return Path(override)
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=False))


def default_db_path() -> Path:
    return data_dir() / DB_FILE_NAME


def backups_dir(db_file: Path) -> Path:
    return db_file.parent / "backups"


def logs_dir() -> Path:
    """The log folder (logs.py writes the program's log there): the per-user
    log folder, %LOCALAPPDATA%\\KeHoachDesktop\\Logs on Windows,
    $XDG_STATE_HOME/KeHoachDesktop/log on Linux; logs/ inside the data folder
    when $KEHOACH_DATA_DIR names one (tests, portable use)."""
    if os.environ.get(DATA_ENV):
        return data_dir() / "logs"
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))



def recovery_dir() -> Path:
    """Recovery copies of plans the database could not take (formats/recovery.py):
    in the local data folder, never beside the database (which may be the
    place that cannot be written)."""
    return data_dir() / "khoi-phuc"
