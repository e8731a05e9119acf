"""Another program holding an SQLite database's lock, and what a file holds
once the program under test has gone: shared by the tests of saving under a
lock (window, command line, child windows)."""
import subprocess
import sys

from kehoach_desktop.store.database import open_database
from kehoach_desktop.store.plans import PlanStore

# "IMMEDIATE": the write lock, with a write; "EXCLUSIVE": nobody may even read.
# Held until the holder's stdin closes.
HOLDER = r"""
import sqlite3, sys
connection = sqlite3.connect(sys.argv[1], isolation_level=None)
connection.execute("BEGIN " + sys.argv[2])
connection.execute("UPDATE plans SET note = note")
print("held", flush=True)
sys.stdin.read()
connection.execute("ROLLBACK")
"""


class LockHolder:
    """A child process holding the lock from construction until release()."""

    def __init__(self, path, how="IMMEDIATE"):
        self.child = subprocess.Popen([sys.executable, "-c", HOLDER, str(path), how], stdin=subprocess.PIPE,
                                      stdout=subprocess.PIPE, text=True)
        assert self.child.stdout.readline().strip() == "held"

    def release(self):
        if self.child.poll() is None:
            self.child.stdin.close()
            self.child.wait(10)


def stored_title(path):
    """The title of the first plan stored in the file, read by a new connection."""
    db = open_database(path)
    try:
        return PlanStore(db).get(PlanStore(db).list_keys()[0][0]).title
    finally:
        db.close()
