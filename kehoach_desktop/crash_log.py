"""The log of unexpected errors, shared by the window and the command line
(no Qt: the command line must work without it)."""
from __future__ import annotations

import traceback
from datetime import datetime
from pathlib import Path

from .paths import logs_dir

LOG_FILE_NAME = "kehoach-loi.log"


def log_exception(exc_type, exc, tb, origin: str = "") -> Path:
    """Append the traceback to the log file in the data folder; returns its path."""
    folder = logs_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / LOG_FILE_NAME
    stamp = datetime.now().isoformat(timespec="seconds")
    with path.open("a", encoding="utf-8") as handle:
        handle.write(f"\n=== {stamp}{f' ({origin})' if origin else ''} ===\n")
        handle.write("".join(traceback.format_exception(exc_type, exc, tb)))
    return path
