"""Opening a database: where it is, the engine, and bringing its schema up to date.

The engine is made here and only here; everything else receives a
``Database``. A target is a plain file path or an SQLAlchemy URL
("postgresql+psycopg://..."); none means $KEHOACH_DB, else the per-user file.

Opening an up-to-date SQLite file imports no SQLAlchemy: its schema version
is read with the standard sqlite3 module, reads go through ``reader()``, and
the engine (with the ORM used for writing) is made on the first write. That
halves the window's start-up.
"""
from __future__ import annotations

import logging
import os
import sqlite3
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from ..core.errors import UserError
from ..paths import DB_ENV, default_db_path
from . import failures, migrate
from .backups import daily_backup
from .sqlite_uri import connect_read_only

if TYPE_CHECKING:
    from sqlalchemy.engine import URL, Engine, ExceptionContext
    from sqlalchemy.engine.interfaces import DBAPIConnection, DBAPICursor
    from sqlalchemy.orm import Session, sessionmaker
    from sqlalchemy.pool import ConnectionPoolEntry

BUSY_TIMEOUT_S = 10  # how long a write waits for another program's lock before giving up with a message
SQLITE_PRAGMAS = ("PRAGMA foreign_keys=ON", f"PRAGMA busy_timeout={BUSY_TIMEOUT_S * 1000}")
SQLITE_READONLY_ROLLBACK = 8 | (3 << 8)  # a read-only connection found a journal to roll back
WAIT_NOTICE_S = 1.0  # a statement still running after this long is said to be waiting (LockWaits)
# The key of the PostgreSQL advisory lock that serialises writers needing
# locked_session() (the register's issue): any constant bigint, the same in
# every program sharing the database.
PG_WRITE_LOCK = 0x4B65486F616368  # "KeHoach"
PG_LOCK_TIMEOUT = "10s"  # as SQLite's busy_timeout: then a clear "database is busy" message


class Cursor(Protocol):
    """What the store's reads use of a DB-API cursor from reader(): sqlite3's,
    the server driver's, or _FormatCursor around it."""

    def execute(self, sql: str, params: Sequence[Any] = (), /) -> object: ...

    def fetchone(self) -> Any: ...

    def fetchall(self) -> Sequence[Any]: ...


class Database:
    def __init__(self, url: URL | str, label: str, file: Path | None, engine: Engine | None = None):
        self.url = url  # an SQLAlchemy URL, or the plain path of an SQLite file
        self.label = label  # what to name in messages: the file path or the URL without password
        self.file = file  # the SQLite file, None for a server database
        self._engine = engine
        self._sessions: sessionmaker[Session] | None = None
        self._sqlite: sqlite3.Connection | None = None
        self._patience_ms: int | None = None  # patience(): a shorter wait for locks, else busy_timeout
        self._shortened = False  # a connection was given the shorter wait: the next transaction restores it
        if engine is not None:
            self._listen(engine)

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            self._engine = _create_engine(self.url, self.label)
            self._listen(self._engine)
        return self._engine

    def _listen(self, engine: Engine) -> None:
        if engine.dialect.name == "sqlite":
            from sqlalchemy import event

            event.listen(engine, "begin", self._set_patience)

    def _set_patience(self, connection: Any) -> None:
        """Each transaction on SQLite waits for another program's lock as
        long as patience() says, else as SQLITE_PRAGMAS say (on the driver's
        own connection: a statement through SQLAlchemy here would begin again)."""
        driver = connection.connection.dbapi_connection
        if self._patience_ms is not None:
            driver.execute(f"PRAGMA busy_timeout={self._patience_ms}")
            self._shortened = True
        elif self._shortened:
            for pragma in SQLITE_PRAGMAS:
                driver.execute(pragma)
            self._shortened = False

    @contextmanager
    def patience(self, seconds: float) -> Iterator[None]:
        """Writes within wait at most ``seconds`` for another program's lock
        on an SQLite file (the window's retries of a failed save: the clerk
        types on meanwhile); a server keeps its lock_timeout."""
        self._patience_ms = int(seconds * 1000)
        try:
            yield
        finally:
            self._patience_ms = None

    @property
    def sessions(self) -> sessionmaker[Session]:
        if self._sessions is None:
            from sqlalchemy.orm import sessionmaker

            self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        return self._sessions

    @contextmanager
    def locked_session(self) -> Iterator[Session]:
        """A session in a transaction that holds the database's write lock
        from its first statement, committed at the end (rolled back on an
        error). On SQLite that is BEGIN IMMEDIATE: another program waits for
        the lock (busy_timeout) instead of reading values this one is about to
        change. The driver begins its own transactions only before a write, so
        issuing BEGIN IMMEDIATE first is the transaction the driver then
        commits; the engine's other sessions keep their ordinary behaviour.
        On PostgreSQL it is a transaction-level advisory lock
        (pg_advisory_xact_lock, released at commit or rollback) waited for
        at most PG_LOCK_TIMEOUT; the following statements (READ COMMITTED)
        then see everything the previous holder committed. Plain reads and
        other writes are not blocked; the callers also rely on unique
        constraints."""
        with self.sessions.begin() as session:
            connection = session.connection()
            if connection.dialect.name == "sqlite":
                connection.exec_driver_sql("BEGIN IMMEDIATE")
            elif connection.dialect.name == "postgresql":
                from sqlalchemy import text

                connection.execute(text(f"SET LOCAL lock_timeout = '{PG_LOCK_TIMEOUT}'"))
                connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": PG_WRITE_LOCK})
            yield session

    @contextmanager
    def reader(self) -> Iterator[Cursor]:
        """A DB-API cursor for reading ("?" placeholders). An SQLite file is
        read through the standard sqlite3 module; a server database through
        the engine's driver; rows are tuples of the driver's values (see
        values.py: SQLite gives dates and JSON as text, psycopg as Python
        values)."""
        if self.file is not None:
            try:
                if self._sqlite is None:
                    self._sqlite = _sqlite_connect(self.file)
                cursor = self._sqlite.cursor()
            except sqlite3.Error as exc:
                raise failures.describe(exc, self.label, doing="đọc") from None
            try:
                yield cursor
            except sqlite3.Error as exc:
                raise failures.describe(exc, self.label, doing="đọc") from None
            finally:
                cursor.close()
            return
        dbapi = self.engine.dialect.loaded_dbapi
        try:
            connection = self.engine.raw_connection()  # a failure to connect is translated (handle_error)
            try:
                driver_cursor = connection.cursor()
                paramstyle = getattr(dbapi, "paramstyle", "qmark")
                yield driver_cursor if paramstyle == "qmark" else _FormatCursor(driver_cursor)
                driver_cursor.close()
            finally:
                connection.close()
        except dbapi.Error as exc:  # a read through the bare driver: no SQLAlchemy hook saw it
            raise failures.describe(exc, self.label, server=True, doing="đọc") from None

    def close(self) -> None:
        if self._sqlite is not None:
            self._sqlite.close()
            self._sqlite = None
        if self._engine is not None:
            self._engine.dispose()


class _FormatCursor:
    """A cursor taking "?" placeholders for drivers that want "%s" (psycopg).
    The store's SQL has no "?" or "%" inside string literals; a literal "%"
    is doubled so the driver does not take it for a placeholder."""

    def __init__(self, cursor: DBAPICursor):
        self._cursor = cursor

    def execute(self, sql: str, params: Sequence[Any] = ()) -> object:
        return self._cursor.execute(sql.replace("%", "%%").replace("?", "%s"), tuple(params))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._cursor, name)


def _sqlite_connect(file: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(str(file), timeout=BUSY_TIMEOUT_S)
    for pragma in SQLITE_PRAGMAS:
        connection.execute(pragma)
    return connection


def resolve_target(target: str | os.PathLike | None) -> str:
    if target is None or str(target) == "":
        target = os.environ.get(DB_ENV) or default_db_path()
    return str(target)


def _is_url(target: str) -> bool:
    return "://" in target


def _sqlite_pragmas(dbapi_connection: DBAPIConnection, _record: ConnectionPoolEntry) -> None:
    cursor = dbapi_connection.cursor()
    for pragma in SQLITE_PRAGMAS:
        cursor.execute(pragma)
    cursor.close()


def _create_engine(url: URL | str, label: str) -> Engine:
    from sqlalchemy import create_engine, event
    from sqlalchemy.engine import make_url

    options: dict[str, Any] = {}
    if isinstance(url, str):  # a plain SQLite file path
        url = make_url("sqlite://").set(database=url)
    elif url.drivername == "postgresql":
        url = url.set(drivername="postgresql+psycopg")  # psycopg 3, the driver installed with the program
    if url.get_backend_name() != "sqlite":
        options["pool_pre_ping"] = True  # a server restarted while the window stayed open
    if url.get_backend_name() == "postgresql":
        # Text travels as UTF-8 whatever the server's encoding; _check_server
        # then refuses a database that cannot hold Vietnamese. A statement
        # waits for another program's row or table lock as long as SQLite
        # waits for its file lock, then fails with the "busy" message.
        options["connect_args"] = {"client_encoding": "utf8",
                                   "options": f"-c lock_timeout={BUSY_TIMEOUT_S * 1000}"}
    try:
        # hide_parameters: SQLAlchemy's messages would otherwise carry every value written (a plan's text).
        engine = create_engine(url, future=True, hide_parameters=True, **options)
    except Exception as exc:  # noqa: BLE001 - a driver that is not installed, a bad option
        raise UserError(f"không mở được cơ sở dữ liệu {label}: {exc}") from None
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    LockWaits(label, server=engine.dialect.name != "sqlite").watch(engine)
    return engine


class LockWaits:
    """An engine's statements watched for waiting. One still running after
    WAIT_NOTICE_S is looked at: when another program holds the lock it needs
    (SQLite: a test connection cannot take the file's write lock, and this
    transaction does not hold it; PostgreSQL: the server says the connection
    waits for a lock), the wait is logged, which the command line shows:
    what waits, and for what. A slow statement that waits for nothing is not
    announced. A statement that fails raises failures.StoreFailureError, with
    the seconds it waited when it gave up on a lock. The engine is used by one
    thread at a time (the window's GUI thread, or the command), so one
    statement runs at once."""

    def __init__(self, label: str, server: bool):
        self.label, self.server = label, server
        self._lock = threading.Lock()
        self._serial = 0
        self._started: float | None = None
        self._doing = "ghi"
        self._wake = threading.Event()
        self._thread: threading.Thread | None = None
        self._engine: Engine | None = None
        self._file: str | None = None  # the SQLite file
        self._pid: int | None = None  # the server process of the connection (PostgreSQL)
        self._wrote = False  # this transaction wrote: on SQLite it holds the write lock itself

    def watch(self, engine: Engine) -> None:
        from sqlalchemy import event

        self._engine = engine
        if engine.dialect.name == "sqlite" and engine.url.database:
            self._file = engine.url.database
        event.listen(engine, "begin", self._transaction)
        event.listen(engine, "before_cursor_execute", self._before)
        event.listen(engine, "after_cursor_execute", self._after)
        event.listen(engine, "commit", self._commit)
        event.listen(engine, "handle_error", self._error)

    def _begin(self, doing: str) -> None:
        with self._lock:
            self._serial += 1
            self._started = time.monotonic()
            self._doing = doing
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="lock-waits", daemon=True)
            self._thread.start()
        self._wake.set()

    def _end(self) -> float | None:
        with self._lock:
            started, self._started = self._started, None
        return None if started is None else time.monotonic() - started

    def _transaction(self, _conn: object) -> None:
        self._wrote = False

    def _before(self, conn: Any, _cursor: object, statement: str, *_args: object) -> None:
        if self.server:
            info = getattr(conn.connection.dbapi_connection, "info", None)
            self._pid = getattr(info, "backend_pid", None)
        self._begin("đọc" if _is_read(statement) else "ghi")

    def _after(self, _conn: object, _cursor: object, statement: str, *_args: object) -> None:
        self._end()
        if not _is_read(statement):
            self._wrote = True

    def _commit(self, _conn: object) -> None:
        self._begin("ghi")  # ended by the next statement, or by an error

    def _error(self, context: ExceptionContext) -> UserError | None:
        return failures.translate(self.label, self.server, context, self._end())

    def _held_by_another(self) -> bool:
        """Whether the running statement waits for another program's lock."""
        if self._file is not None:
            if self._wrote:
                return False  # the write lock is this transaction's own
            try:
                probe = sqlite3.connect(self._file, timeout=0, isolation_level=None)
                try:
                    probe.execute("BEGIN IMMEDIATE")
                    probe.execute("ROLLBACK")
                finally:
                    probe.close()
            except sqlite3.Error:
                return True
            return False
        if self._engine is None or self._pid is None:
            return False
        try:  # a bare connection of the pool: its statement fires none of the events watched here
            connection = self._engine.raw_connection()
            try:
                cursor = connection.cursor()
                cursor.execute("SELECT wait_event_type FROM pg_stat_activity WHERE pid = %s", (self._pid,))
                row = cursor.fetchone()
            finally:
                connection.close()
        except Exception:  # noqa: BLE001 - a look that failed announces nothing; the statement goes on
            return False
        return row is not None and row[0] == "Lock"

    def _run(self) -> None:
        while True:
            self._wake.wait()
            self._wake.clear()
            with self._lock:
                serial, started, doing = self._serial, self._started, self._doing
            if started is None:
                continue
            time.sleep(max(0.0, started + WAIT_NOTICE_S - time.monotonic()))
            with self._lock:
                running = self._serial == serial and self._started is not None
            if running and self._held_by_another():
                logging.getLogger(__name__).warning(
                    "việc %s vào cơ sở dữ liệu %s đang chờ chương trình khác ghi xong (chờ tối đa %d giây)…",
                    doing, self.label, BUSY_TIMEOUT_S)


def _is_read(statement: str) -> bool:
    return statement.lstrip()[:6].upper() == "SELECT"


def _sqlite_revision(file: Path, label: str) -> str | None:
    """The schema revision of an SQLite file, read without SQLAlchemy; None
    for a new or empty file."""
    if not file.exists() or file.stat().st_size == 0:
        return None
    started = time.monotonic()
    try:
        connection = connect_read_only(file, timeout=BUSY_TIMEOUT_S)
        try:
            found = connection.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name='alembic_version'").fetchone()
            if found is None:
                return None
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
            return row[0] if row else None
        finally:
            connection.close()
    except sqlite3.DatabaseError as exc:
        if getattr(exc, "sqlite_errorcode", None) == SQLITE_READONLY_ROLLBACK:
            # A write cut short (a full disk, a crash) left its journal: only a
            # read-write connection can roll it back. The engine's opening does.
            return None
        raise _open_error(label, exc, time.monotonic() - started) from None


def _open_error(label: str, exc: BaseException, waited: float | None = None) -> UserError:
    """Why a database could not be opened: locked by another program, not
    a database or damaged, a folder that cannot be written..."""
    if failures.kind_of(exc) == failures.DAMAGED:
        return failures.StoreFailureError(f"tệp {label} không phải cơ sở dữ liệu của chương trình hoặc đã bị hỏng",
                                     failures.DAMAGED)
    return failures.failure(exc, label, waited=waited, doing="mở") or failures.describe(exc, label, doing="mở")


def open_database(target: str | os.PathLike | None = None, *, upgrade: bool = True) -> Database:
    """Open (creating if needed) the database and migrate it to this version's schema.

    Raises UserError with a Vietnamese message when the place cannot be
    written, the file is not a database, or it was made by a newer version.
    """
    text = resolve_target(target)
    url: URL | str
    if _is_url(text):
        from sqlalchemy.engine import make_url
        from sqlalchemy.exc import ArgumentError

        try:
            url = make_url(text)
        except ArgumentError:
            raise UserError(f"địa chỉ cơ sở dữ liệu không hợp lệ: {text}") from None
        file = Path(url.database) if url.get_backend_name() == "sqlite" and url.database else None
        label = url.render_as_string(hide_password=True)
    else:
        file = Path(text).expanduser().resolve()
        url = str(file)
        label = str(file)
    if file is not None:
        _prepare_folder(file)
        if isinstance(url, str) and _sqlite_revision(file, label) == migrate.SCHEMA_HEAD:
            _daily_backup(file)
            return Database(url, label, file)  # up to date: no SQLAlchemy until the first write
    existed = file is not None and file.exists() and file.stat().st_size > 0
    db = Database(url, label, file, engine=_create_engine(url, label))
    if not upgrade:
        return db
    from sqlalchemy.exc import DatabaseError

    try:
        if db.file is None:
            _check_server(db)
        migrate.upgrade_to_head(db.engine, db.file, db.label)
    except failures.StoreFailureError as exc:
        db.close()
        if exc.kind != failures.CONNECTION:
            raise
        # Not "lost": the engine's hook cannot know the connection was the opening's first.
        raise failures.StoreFailureError(failures.message(exc.kind, label, server=True, doing="mở"),
                                         exc.kind) from None
    except UserError:
        db.close()
        raise
    except (DatabaseError, sqlite3.DatabaseError) as exc:
        db.close()
        raise _open_error(label, exc) from None
    if existed and file is not None:  # (existed implies a file)
        _daily_backup(file)
    return db


def _daily_backup(file: Path) -> None:
    """The day's automatic copy of a database file (store/backups.py); a
    copy that cannot be made is logged, and the database opens all the same."""
    try:
        daily_backup(file)
    except (OSError, sqlite3.Error) as exc:
        logging.getLogger(__name__).warning("%s: hôm nay chưa sao lưu tự động được (%s)", file, exc)


def _check_server(db: Database) -> None:
    """A PostgreSQL database must hold Vietnamese text: UTF-8 only."""
    if db.engine.dialect.name != "postgresql":
        return
    from sqlalchemy import text

    with db.engine.connect() as connection:
        encoding = connection.execute(text("SHOW server_encoding")).scalar()
    if str(encoding).upper() not in ("UTF8", "UTF-8"):
        raise UserError(f"cơ sở dữ liệu {db.label} dùng bảng mã {encoding}, không lưu được chữ tiếng Việt; "
                        "hãy tạo cơ sở dữ liệu với ENCODING 'UTF8'")


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


