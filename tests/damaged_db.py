"""Real damaged SQLite files for the tests: a database of the program with
some plans, then pages in its middle overwritten with garbage, as a disk or
a copy cut short would leave them. SQLite then says "database disk image is
malformed" and its integrity check fails."""
from __future__ import annotations

import random
import sqlite3
from pathlib import Path

from kehoach_desktop.core.model import Plan
from kehoach_desktop.store.database import open_database
from kehoach_desktop.store.plans import PlanStore


def database_with_plans(path: Path, titles: list[str]) -> Path:
    """A database of the program holding one plan per title, each long
    enough to take pages of its own."""
    db = open_database(path)
    store = PlanStore(db)
    for title in titles:
        store.add(Plan(title=title, preamble=["Căn cứ kế hoạch công tác năm của Đoàn. " * 300]))
    db.close()
    return path


def damage(path: Path, seed: int = 16, *, schema: bool = False) -> None:
    """Overwrite the middle third of the file's pages with random bytes, in
    place. ``schema``: the first page too, after its 100-byte file header
    (the schema's table: then even reading the schema fails), else the
    first page is left whole (the damage is found by reading or checking)."""
    connection = sqlite3.connect(path)
    page_size = connection.execute("PRAGMA page_size").fetchone()[0]
    pages = connection.execute("PRAGMA page_count").fetchone()[0]
    connection.close()
    assert pages >= 6, "too small a database to damage in its middle"
    noise = random.Random(seed)
    with path.open("r+b") as file:
        for page in range(pages // 3, 2 * pages // 3):
            file.seek(page * page_size)
            file.write(noise.randbytes(page_size))
        if schema:
            file.seek(100)
            file.write(noise.randbytes(page_size - 100))


def is_damaged(path: Path) -> bool:
    """SQLite's own verdict (integrity_check), independent of the program."""
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            return connection.execute("PRAGMA integrity_check").fetchone()[0] != "ok"
        finally:
            connection.close()
    except sqlite3.DatabaseError:
        return True
