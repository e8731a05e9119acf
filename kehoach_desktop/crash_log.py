"""The log of unexpected errors, shared by the window and the command line
(no Qt: the command line must work without it): the traceback goes to the
program's log file (logs.py) as an ERROR record."""
from __future__ import annotations

import logging
from pathlib import Path

from . import logs
from .version import program_version

logger = logging.getLogger(__name__)


def log_exception(exc_type, exc, tb, origin: str = "") -> Path | None:
    """Log the exception with its traceback; returns the log file, or None
    when there is none (its folder cannot be written). Sets the log up if the
    program has not (an error before or without the start-up's set-up)."""
    logs.scrub(exc)  # no SQL or plan text in the log, nor in the message the caller shows next
    if logs.installed() is None:
        logs.set_up("by the crash log: an error before the start-up set the log up")
    logger.error("unexpected error%s, KeHoach Desktop %s", f" ({origin})" if origin else "",
                 program_version() or "?", exc_info=(exc_type, exc, tb))
    return logs.log_file()
