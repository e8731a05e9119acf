"""The program's log: one rotating file, kehoach.log, in the per-user log
folder (paths.logs_dir()), set up once at start by the window (ui/app.py)
and the command line (cli.py).

Every module logs through ``logging.getLogger(__name__)``: the migrations,
the backups and the crash log (crash_log.py) reach this file, which is the
only place their messages survive in the windowed program (its stderr is
nothing). A folder that cannot be written leaves the program without a log
file, never without a start."""
from __future__ import annotations

import logging
import os
from pathlib import Path

from .paths import logs_dir

LOG_FILE_NAME = "kehoach.log"
MAX_BYTES = 1_000_000  # about 5,000 lines of messages, or a few hundred tracebacks
BACKUP_COUNT = 4  # kehoach.log.1 … .4: at most 5 MB in all
PACKAGE_LEVEL = logging.INFO  # our own messages; other libraries' from WARNING up (the root's level)
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
COMMAND_LINE = "command line"  # set_up()'s origin for the `kehoach` command


class ProgramLogHandler(logging.FileHandler):
    """The handler set_up() installs; its class marks it, so that a second
    set-up replaces it instead of adding another. It rotates as
    logging.handlers.RotatingFileHandler does (a message that would take the
    file past MAX_BYTES goes to a new one; the old ones become .1 … .4), but
    counts bytes, and spares the start the import of logging.handlers
    (sockets, pickle, queues: 7 ms)."""

    def emit(self, record: logging.LogRecord) -> None:
        try:
            if self._full(f"{self.format(record)}{self.terminator}"):
                self._rotate()
        except Exception:  # noqa: BLE001 - as logging's own handlers: a log must never stop the program
            self.handleError(record)
            return
        super().emit(record)

    def _full(self, message: str) -> bool:
        if self.stream is None:
            self.stream = self._open()
        self.stream.seek(0, os.SEEK_END)
        size = len(message.replace("\n", os.linesep).encode("utf-8"))  # as written: "\r\n" on Windows
        return self.stream.tell() > 0 and self.stream.tell() + size > MAX_BYTES

    def _rotate(self) -> None:
        self.stream.close()
        self.stream = None
        for number in range(BACKUP_COUNT, 0, -1):
            older = Path(f"{self.baseFilename}.{number - 1}" if number > 1 else self.baseFilename)
            if older.exists():
                os.replace(older, f"{self.baseFilename}.{number}")
        self.stream = self._open()


def scrub(exc: BaseException | None) -> None:
    """Take out of an exception, and of those it was raised from or during,
    what must never reach a message or the log: the SQL statement and its
    values that SQLAlchemy writes into its message (a plan's text, a
    guest's name), and the detail lines a server adds ("Key (name)=(...)").
    The exception's type, the driver's first line and the traceback stay."""
    pending, seen = [exc], set()
    while pending:
        current = pending.pop()
        if current is None or id(current) in seen:
            continue
        seen.add(id(current))
        module = type(current).__module__.split(".")[0]
        if module == "sqlalchemy" and hasattr(current, "statement"):
            current.statement = None  # StatementError's message then has neither [SQL: ...] nor [parameters: ...]
            current.params = None
        elif module == "psycopg" and current.args and isinstance(current.args[0], str):
            current.args = (current.args[0].split("\n", 1)[0], *current.args[1:])
        pending += [current.__cause__, current.__context__, getattr(current, "orig", None)]


def _scrubbed(record: logging.LogRecord) -> bool:
    """A handlers' filter: a record's exception is scrubbed before it is written."""
    if record.exc_info and record.exc_info[1] is not None:
        scrub(record.exc_info[1])
        record.exc_text = None  # formatted again, without what was taken out
    return True


def installed() -> ProgramLogHandler | None:
    return next((h for h in logging.getLogger().handlers if isinstance(h, ProgramLogHandler)), None)


def log_file() -> Path | None:
    """The file being written, None when the log could not be set up."""
    handler = installed()
    return Path(handler.baseFilename) if handler is not None else None


def remove() -> None:
    """Take away what set_up() installed (the file is closed)."""
    root = logging.getLogger()
    for handler in [h for h in root.handlers if isinstance(h, ProgramLogHandler | WarningsOnStderr)]:
        root.removeHandler(handler)
        handler.close()


class WarningsOnStderr(logging.StreamHandler):
    """The command line's own copy of a warning (a backup not made, an
    upgrade without a backup): the person at the terminal sees it, in
    Vietnamese, as well as the log. Its class marks it, as above."""

    def __init__(self) -> None:
        super().__init__()  # sys.stderr, looked up at each message
        self.setLevel(logging.WARNING)
        self.setFormatter(logging.Formatter("Cảnh báo: %(message)s"))
        self.addFilter(_scrubbed)


def set_up(origin: str) -> Path | None:
    """Send the program's log to the log file (origin: "window" or "command
    line", written in its first line); the command line also shows warnings
    on stderr, which the window does not have. Called again, for example with
    another data folder, it replaces its handlers: there is never more than
    one of each. Returns the file, or None when the folder cannot be written."""
    root = logging.getLogger()
    remove()
    if origin == COMMAND_LINE:
        root.addHandler(WarningsOnStderr())
    path = logs_dir() / LOG_FILE_NAME
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = ProgramLogHandler(path, encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter(FORMAT))
    handler.addFilter(_scrubbed)
    root.addHandler(handler)
    logging.getLogger("kehoach_desktop").setLevel(PACKAGE_LEVEL)
    # The version is written with each error (crash_log), not here: reading it costs the start-up.
    logging.getLogger(__name__).info("KeHoach Desktop started (%s)", origin)
    return path
