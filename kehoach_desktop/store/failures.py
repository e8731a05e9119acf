"""What the database could not do, said in Vietnamese: the one place where
an error of the driver (sqlite3, psycopg) or of SQLAlchemy becomes a message.

A message names the problem (locked by another program, read-only, disk
full, folder not writable, connection lost, damaged) and the database, and
never carries SQL, its parameters or any text of a plan: SQLAlchemy's own
message holds the statement and, unless the engine hides them, every value
written. database.py installs ``translate`` as the engine's ``handle_error``
hook, so every statement of the store (plans, the guest list, contacts, the
office, the register, migrations) raises a ``StoreFailureError`` instead; the
plain-SQL reads (``Database.reader``) and the first look at a file go
through ``failure`` themselves.
"""
from __future__ import annotations

import errno
from typing import TYPE_CHECKING

from ..core.errors import UserError

if TYPE_CHECKING:
    from sqlalchemy.engine import ExceptionContext

LOCKED = "locked"
READ_ONLY = "read-only"
DISK_FULL = "disk-full"
FOLDER = "folder"  # the folder of an SQLite file cannot be written (its journal cannot be made)
DISK_ERROR = "disk-error"
CONNECTION = "connection"
DAMAGED = "damaged"

# SQLite's primary result codes (sqlite3 gives them as sqlite_errorcode; the
# low byte of an extended code is its primary code).
_SQLITE_KINDS = {5: LOCKED, 6: LOCKED, 8: READ_ONLY, 10: DISK_ERROR, 11: DAMAGED, 13: DISK_FULL, 14: FOLDER,
                 26: DAMAGED}
_SQLITE_READONLY_DIRECTORY = 8 | (6 << 8)
# PostgreSQL's SQLSTATE codes, and their classes (first two characters).
_PG_KINDS = {"55P03": LOCKED, "40P01": LOCKED, "25006": READ_ONLY, "53100": DISK_FULL, "XX001": DAMAGED,
             "XX002": DAMAGED, "57P01": CONNECTION, "57P02": CONNECTION, "57P03": CONNECTION}
_PG_CLASSES = {"08": CONNECTION}
# What an SQLite message says when the driver gives no code (older Pythons).
_WORDS = (("locked", LOCKED), ("busy", LOCKED), ("readonly", READ_ONLY), ("read-only", READ_ONLY),
          ("disk is full", DISK_FULL), ("malformed", DAMAGED), ("not a database", DAMAGED),
          ("unable to open database file", FOLDER), ("disk i/o error", DISK_ERROR))


class StoreFailureError(UserError):
    """The database could not do what was asked, for a reason outside the
    data asked for (``kind``: LOCKED, READ_ONLY, DISK_FULL, FOLDER,
    DISK_ERROR, CONNECTION, DAMAGED): the same request may succeed later, so
    the window keeps the edit and tries again."""

    def __init__(self, message: str, kind: str):
        super().__init__(message)
        self.kind = kind


def kind_of(exc: BaseException) -> str | None:
    """What went wrong, read from the driver's own error (inside an
    SQLAlchemy one) or an OSError; None when it is not a problem of the
    database's place or reachability (a constraint, a bug)."""
    orig = getattr(exc, "orig", None)
    if orig is not None:
        found = kind_of(orig)
        if found is not None:
            return found
        if getattr(exc, "connection_invalidated", False):  # SQLAlchemy saw the connection drop
            return CONNECTION
        return None
    if isinstance(exc, OSError):
        if exc.errno in (errno.ENOSPC, errno.EFBIG, errno.EDQUOT):
            return DISK_FULL
        if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            return FOLDER
        return DISK_ERROR
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int):
        if code == _SQLITE_READONLY_DIRECTORY:
            return FOLDER
        found = _SQLITE_KINDS.get(code & 0xFF)
        if found is not None:
            return found
    sqlstate = getattr(exc, "sqlstate", None)
    if isinstance(sqlstate, str):
        return _PG_KINDS.get(sqlstate) or _PG_CLASSES.get(sqlstate[:2])
    if type(exc).__module__.startswith("psycopg") and type(exc).__name__ == "OperationalError":
        return CONNECTION  # no SQLSTATE: the driver lost, or never got, the server
    if type(exc).__module__ == "sqlite3":
        reason = str(exc).lower()
        return next((kind for words, kind in _WORDS if words in reason), None)
    return None


def message(kind: str, label: str, *, server: bool = False, waited: float | None = None,
            doing: str = "ghi") -> str:
    """The Vietnamese message for a kind of failure of the database ``label``
    (a file path, or a server URL without its password); ``doing``: "ghi",
    "đọc" or "mở"; ``waited``: the seconds spent waiting for a lock."""
    if kind == LOCKED:
        if waited is not None and waited >= 1:
            return (f"cơ sở dữ liệu {label} đang được chương trình khác ghi; đã chờ {round(waited)} giây mà "
                    f"vẫn chưa {doing} được. Hãy thử lại khi chương trình kia ghi xong")
        return (f"cơ sở dữ liệu {label} đang được chương trình khác ghi nên chưa {doing} được; "
                "hãy thử lại sau ít giây")
    if kind == READ_ONLY:
        where = "máy chủ đang ở chế độ chỉ đọc" if server else "tệp hoặc ổ đĩa chỉ cho đọc"
        return f"không ghi được vào cơ sở dữ liệu {label}: {where}"
    if kind == DISK_FULL:
        where = "ổ đĩa của máy chủ" if server else "ổ đĩa chứa tệp"
        return f"không ghi được vào cơ sở dữ liệu {label}: {where} đã đầy. Hãy giải phóng chỗ trống rồi thử lại"
    if kind == FOLDER:
        return (f"không ghi được vào cơ sở dữ liệu {label}: thư mục chứa tệp không cho ghi (thiếu quyền ghi "
                "hoặc thư mục chỉ đọc). Hãy kiểm tra quyền của thư mục")
    if kind == DISK_ERROR:
        return (f"lỗi đọc ghi ổ đĩa ở cơ sở dữ liệu {label}: ổ đĩa có thể đã đầy, bị rút ra hoặc hỏng. "
                "Hãy kiểm tra ổ đĩa rồi thử lại")
    if kind == CONNECTION and doing == "mở":
        return (f"không mở được cơ sở dữ liệu {label}: máy chủ không trả lời hoặc từ chối kết nối; "
                "hãy kiểm tra mạng, địa chỉ và máy chủ")
    if kind == CONNECTION:
        return (f"mất kết nối với máy chủ cơ sở dữ liệu {label}; hãy kiểm tra mạng và máy chủ. "
                "Chương trình sẽ kết nối lại khi máy chủ trả lời")
    if kind == DAMAGED:
        return f"cơ sở dữ liệu {label} bị hỏng hoặc không phải cơ sở dữ liệu của chương trình"
    raise ValueError(kind)


def failure(exc: BaseException, label: str, *, server: bool = False, waited: float | None = None,
            doing: str = "ghi") -> StoreFailureError | None:
    """The StoreFailureError saying what ``exc`` means, None when it is not a
    failure of the database's place (see kind_of)."""
    kind = kind_of(exc)
    if kind is None:
        return None
    return StoreFailureError(message(kind, label, server=server, waited=waited, doing=doing), kind)


def describe(exc: BaseException, label: str, *, server: bool = False, doing: str = "ghi") -> UserError:
    """A message for any error of the driver: the failure's when it is one,
    else one naming only the kind of error (never its text: it may hold SQL
    and values)."""
    found = failure(exc, label, server=server, doing=doing)
    if found is not None:
        return found
    orig = getattr(exc, "orig", None) or exc
    code = getattr(orig, "sqlite_errorname", None) or getattr(orig, "sqlstate", None) or type(orig).__name__
    return UserError(f"cơ sở dữ liệu {label} báo lỗi khi {doing} ({code})")


def translate(label: str, server: bool, context: ExceptionContext, waited: float | None) -> UserError | None:
    """The engine's handle_error hook (installed by database.py): a
    StoreFailureError in place of SQLAlchemy's error for a failure of the
    database's place, and describe()'s message for any other operational
    error (no store module wraps them again); errors of the data (a unique
    constraint the register retries on) pass unchanged. The pool's ping
    before use is left alone: it must see the driver's error to reconnect."""
    if context.is_pre_ping:
        return None
    from sqlalchemy.exc import OperationalError

    found = failure(context.original_exception, label, server=server, waited=waited)
    if found is None and isinstance(context.sqlalchemy_exception, OperationalError):
        return describe(context.original_exception, label, server=server)
    return found
