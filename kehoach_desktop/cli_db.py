"""The database a command opens (--db, else $KEHOACH_DB, else the user's
file), shared by the commands of cli.py, cli_register.py and cli_backups.py.
A damaged file is named as such, with the command that restores its newest
good copy."""
from __future__ import annotations

import argparse
import os
import shlex
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager

from .core.errors import UserError
from .store.damage import DamagedDatabaseError, is_damage_error
from .store.database import Database
from .store.plans import PlanStore
from .store.restore import damage_of, open_or_damaged


@contextmanager
def opened_store(args: argparse.Namespace) -> Iterator[PlanStore]:
    """The store of the chosen database, closed again whatever happens. A
    damaged page met by the command (after the day's check of the copy)
    is named like a damaged file at opening."""
    store = PlanStore(opened_database(args))
    try:
        yield store
    except Exception as exc:
        cause = getattr(exc, "orig", None) or exc  # SQLAlchemy wraps the driver's error
        damaged = damage_of(store.db.file, cause) if is_damage_error(cause) else None
        if damaged is None:
            raise
        raise UserError(with_restore_command(damaged)) from None
    finally:
        store.db.close()


def opened_database(args: argparse.Namespace) -> Database:
    """open_database() of the chosen database; when the file is damaged,
    the error says so and names the command to restore the newest good copy."""
    try:
        return open_or_damaged(getattr(args, "db", None))
    except DamagedDatabaseError as damaged:
        raise UserError(with_restore_command(damaged)) from None


def with_restore_command(damaged: DamagedDatabaseError) -> str:
    if damaged.backup is None:
        return str(damaged)
    words = ["kehoach", "backup", "restore", str(damaged.backup), "--db", str(damaged.database)]
    command = subprocess.list2cmdline(words) if os.name == "nt" else shlex.join(words)
    return (f"{damaged}.\nKhôi phục bản đó bằng lệnh (tệp hỏng được giữ lại bên cạnh, không bị xoá):\n"
            f"  {command}")
