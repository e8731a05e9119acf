"""Opening a database: where it is, the engine, and bringing its schema up to date.

The engine is made here and only here; everything else receives a
``Database``. A target is a plain file path or an SQLAlchemy URL
("postgresql+psycopg://..."); none means $KEHOACH_DB, else the per-user file.
"""
from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, DatabaseError
from sqlalchemy.orm import Session, sessionmaker

from ..core.errors import UserError
from ..paths import DB_ENV, default_db_path
from . import migrate


@dataclass
class Database:
    engine: Engine
    sessions: sessionmaker[Session]
    label: str  # what to name in messages: the file path or the URL without password
    file: Path | None  # the SQLite file, None for a server database

    def close(self) -> None:
        self.engine.dispose()


def resolve_target(target: str | os.PathLike | None) -> str:
    if target is None or str(target) == "":
        target = os.environ.get(DB_ENV) or default_db_path()
    return str(target)


def _is_url(target: str) -> bool:
    return "://" in target


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


def open_database(target: str | os.PathLike | None = None, *, upgrade: bool = True) -> Database:
    """Open (creating if needed) the database and migrate it to this version's schema.

    Raises UserError with a Vietnamese message when the place cannot be
    written, the file is not a database, or it was made by a newer version.
    """
    text = resolve_target(target)
    if _is_url(text):
        try:
            url = make_url(text)
        except ArgumentError:
            raise UserError(f"địa chỉ cơ sở dữ liệu không hợp lệ: {text}") from None
        file = Path(url.database) if url.get_backend_name() == "sqlite" and url.database else None
        label = url.render_as_string(hide_password=True)
    else:
        file = Path(text).expanduser().resolve()
        url = make_url("sqlite://").set(database=str(file))
        label = str(file)
    if file is not None:
        _prepare_folder(file)
    try:
        engine = create_engine(url, future=True)
    except Exception as exc:  # noqa: BLE001 - a driver that is not installed, a bad option
        raise UserError(f"không mở được cơ sở dữ liệu {label}: {exc}") from None
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    db = Database(engine, sessionmaker(engine, expire_on_commit=False), label, file)
    try:
        if upgrade:
            migrate.upgrade_to_head(db.engine, db.file, db.label)
    except UserError:
        engine.dispose()
        raise
    except DatabaseError as exc:
        engine.dispose()
        raise UserError(_operational_message(label, exc)) from None
    except sqlite3.DatabaseError as exc:
        engine.dispose()
        raise UserError(f"tệp {label} không phải cơ sở dữ liệu của chương trình ({exc})") from None
    return db


def _prepare_folder(file: Path) -> None:
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(f"không tạo được thư mục chứa cơ sở dữ liệu {file.parent} ({exc.strerror})") from None
    if file.exists():
        if file.is_dir():
            raise UserError(f"{file} là một thư mục, không phải tệp cơ sở dữ liệu")
        if not os.access(file, os.R_OK | os.W_OK):
            raise UserError(f"không có quyền đọc và ghi tệp cơ sở dữ liệu {file}")
    elif not os.access(file.parent, os.W_OK):
        raise UserError(f"không ghi được vào thư mục {file.parent} để tạo cơ sở dữ liệu")


def _operational_message(label: str, exc: DatabaseError) -> str:
    reason = str(exc.orig) if exc.orig else str(exc)
    if "not a database" in reason or "malformed" in reason:
        return f"tệp {label} không phải cơ sở dữ liệu của chương trình hoặc đã bị hỏng"
    if "readonly" in reason or "read-only" in reason:
        return f"cơ sở dữ liệu {label} chỉ đọc, không ghi được"
    if "locked" in reason:
        return f"cơ sở dữ liệu {label} đang bị một chương trình khác khóa; hãy thử lại"
    return f"không mở được cơ sở dữ liệu {label} ({reason})"
