"""The database a command works on (--db, else $KEHOACH_DB, else the
user's file), shared by the commands of cli.py and cli_register.py."""
from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager

from .store.database import open_database
from .store.plans import PlanStore


@contextmanager
def opened_store(args: argparse.Namespace) -> Iterator[PlanStore]:
    """The store of the chosen database, closed again whatever happens."""
    store = PlanStore(open_database(getattr(args, "db", None)))
    try:
        yield store
    finally:
        store.db.close()
