"""Recovery copies: the text of a plan the database could not take (locked
by another program, a full disk, a folder that cannot be written, a server
out of reach), kept on disk until the plan is saved.

One .kehoach.json file per plan (the plan file format, written atomically),
in a folder of the per-user data folder (paths.recovery_dir()) named after
the database, so that each database is offered only its own copies at the
next start. The copy is written when a save fails and removed once the
plan is saved; the window offers those left at its next start.
"""
from __future__ import annotations

import hashlib
import logging
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ..core.errors import UserError
from ..core.model import Plan
from ..paths import recovery_dir
from . import kehoach_json
from .safe_write import write_atomically

SUFFIX = ".kehoach.json"
LABEL_FILE = "co-so-du-lieu.txt"  # names the database, for a person looking into the folder


@dataclass(frozen=True)
class RecoveryCopy:
    """A plan's unsaved text kept on disk: its plan id in the database, its
    title and when it was kept."""

    path: Path
    plan_id: int
    title: str
    kept_at: datetime

    def plan(self) -> Plan:
        return kehoach_json.read_file(self.path)


def folder(database: str) -> Path:
    """The copies of one database (its label: file path or URL without password)."""
    return recovery_dir() / hashlib.sha256(database.encode("utf-8")).hexdigest()[:16]


def _path(database: str, plan_id: int) -> Path:
    return folder(database) / f"ke-hoach-{plan_id}{SUFFIX}"


def keep(database: str, plan_id: int, plan: Plan) -> Path:
    """Write (or replace) the recovery copy of the plan; UserError when the
    data folder cannot be written either."""
    target = _path(database, plan_id)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(f"không ghi được bản khôi phục vào thư mục {target.parent} ({exc.strerror})") from None
    label = target.parent / LABEL_FILE
    if not label.exists():
        write_atomically(label, (database + "\n").encode("utf-8"), overwrite=True)
    kehoach_json.write_file(plan, target, overwrite=True)
    return target


def remove(database: str, plan_id: int) -> None:
    """The plan is saved: its copy goes (a copy that cannot be removed is
    only logged; it would be offered again, and discarded, at the next start)."""
    try:
        _path(database, plan_id).unlink(missing_ok=True)
    except OSError as exc:
        logging.getLogger(__name__).warning("không xoá được bản khôi phục của kế hoạch %s (%s)", plan_id,
                                            exc.strerror)


def copies(database: str) -> list[RecoveryCopy]:
    """The recovery copies of this database, oldest first; a copy that cannot
    be read is left where it is and logged."""
    found = []
    place = folder(database)
    for path in sorted(place.glob(f"ke-hoach-*{SUFFIX}")) if place.is_dir() else []:
        number = path.name.removeprefix("ke-hoach-").removesuffix(SUFFIX)
        if not number.isdigit():
            continue
        try:
            title = " ".join(kehoach_json.read_file(path).title.split())
            kept_at = datetime.fromtimestamp(os.stat(path).st_mtime)
        except (UserError, OSError) as exc:
            logging.getLogger(__name__).warning("không đọc được bản khôi phục %s (%s)", path, exc)
            continue
        found.append(RecoveryCopy(path, int(number), title, kept_at))
    return sorted(found, key=lambda copy: copy.kept_at)
