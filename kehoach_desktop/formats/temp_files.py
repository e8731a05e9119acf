"""Our temporary files and folders: names that say they are ours, and the
removal of those a killed program left behind.

A write (safe_write) puts its data in ".<target>.<12 hex>.kehoach.tmp"
beside the target, then renames it; LibreOffice's conversions work in
"kehoach-lo-…" and "kehoach-doc-…" folders of the system's temporary folder.
A program killed in between (power cut, SIGKILL, Task Manager) leaves them.
The next write into the folder, or the next conversion, removes those older
than STALE_AFTER: a write fills its file and renames it within seconds, and
a conversion gives up after 180 s, so one untouched for an hour is nobody's.
Nothing else is touched: only names of exactly our shape, only plain files
(or folders for the conversions), only ones owned by this user on POSIX.
"""
from __future__ import annotations

import os
import re
import secrets
import shutil
import stat
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

STALE_AFTER = 3600.0  # seconds
TEMP_SUFFIX = ".kehoach.tmp"
# ".ke-hoach.docx.3f9a0c1b2d4e.kehoach.tmp"
_OUR_TEMP = re.compile(r"^\..+\.[0-9a-f]{12}" + re.escape(TEMP_SUFFIX) + "$", re.S)
# The conversions' folders (formats/libreoffice.py, formats/plan_import/source.py):
# tempfile.TemporaryDirectory(prefix=...) adds 8 characters of its alphabet.
CONVERSION_PREFIXES = ("kehoach-lo-", "kehoach-doc-")
_OUR_FOLDER = re.compile(r"^(?:" + "|".join(map(re.escape, CONVERSION_PREFIXES)) + r")[a-z0-9_]{8}$")


def temp_name(target: Path) -> Path:
    """A new temporary name beside ``target``, recognisably ours."""
    return target.with_name(f".{target.name}.{secrets.token_hex(6)}{TEMP_SUFFIX}")


def is_our_temp(name: str) -> bool:
    return bool(_OUR_TEMP.match(name))


def _stale_and_ours(info: os.stat_result, now: float) -> bool:
    if now - info.st_mtime < STALE_AFTER:
        return False
    return not hasattr(os, "getuid") or info.st_uid == os.getuid()


def remove_stale_temps(folder: Path, *, now: float | None = None) -> list[str]:
    """Remove the temporary files of ours in ``folder`` left by a killed
    write; the names removed. Never fails: a file that cannot be removed (in
    use on Windows, no right) is left for another time."""
    return _remove_stale(folder, is_our_temp, stat.S_ISREG, os.unlink, now)


def remove_stale_conversion_folders(*, now: float | None = None, folder: Path | None = None) -> list[str]:
    """The same for the conversions' folders in the system's temporary folder."""
    folder = Path(tempfile.gettempdir()) if folder is None else folder
    return _remove_stale(folder, lambda name: bool(_OUR_FOLDER.match(name)), stat.S_ISDIR, shutil.rmtree, now)


def _remove_stale(folder: Path, ours: Callable[[str], bool], of_kind: Callable[[int], bool],
                  remove: Callable[[str], object], now: float | None) -> list[str]:
    """Remove the entries of ``folder`` named as ours, of the kind (file or
    folder), owned by this user and untouched for STALE_AFTER."""
    now = time.time() if now is None else now
    removed: list[str] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        if not ours(entry.name):
            continue
        try:
            info = entry.stat(follow_symlinks=False)
            if of_kind(info.st_mode) and _stale_and_ours(info, now):
                remove(entry.path)
                removed.append(entry.name)
        except OSError:
            continue
    return removed
