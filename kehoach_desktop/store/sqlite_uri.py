"""The one way to open an SQLite file through a URI (``file:...?mode=ro``).

A URI is needed for its parameters (read-only: a copy is never written, a
missing file is never created). SQLite reads the path part of the URI by
URI rules: ``%HH`` is decoded, ``?`` starts the parameters and ``#`` a
fragment. A folder named "KH 50%20 xong" would then be read as "KH 50  xong"
(the database created by the engine, which takes a plain path, then never
opens again), and "KH #1" as "KH " with the parameters lost (a stray file
created in its place). So the path is escaped here, and every ``file:`` URI
of the program is built by this module.
"""
from __future__ import annotations

import os
import sqlite3
from pathlib import Path, PurePath


def sqlite_uri(path: str | os.PathLike[str], *, read_only: bool = False) -> str:
    """``file:`` URI of a database file: absolute, ``/`` separators, an empty
    authority (``file:///C:/...`` for a Windows drive, ``file:////server/share/...``
    for a UNC path), and ``%``, ``?``, ``#`` percent-escaped. Every other
    character, Vietnamese letters and spaces included, stands as it is:
    SQLite takes them literally."""
    pure = path if isinstance(path, PurePath) else Path(path)
    if isinstance(pure, Path):
        pure = pure.absolute()
    text = pure.as_posix()
    if not text.startswith("/"):  # a Windows drive, "C:/...": the path part starts with "/"
        text = "/" + text
    escaped = text.replace("%", "%25").replace("?", "%3F").replace("#", "%23")
    return f"file://{escaped}" + ("?mode=ro" if read_only else "")


def connect_read_only(path: str | os.PathLike[str], timeout: float = 5.0) -> sqlite3.Connection:
    """A read-only connection to an existing database file (raises
    sqlite3.OperationalError for a missing one: nothing is created)."""
    return sqlite3.connect(sqlite_uri(path, read_only=True), uri=True, timeout=timeout)
