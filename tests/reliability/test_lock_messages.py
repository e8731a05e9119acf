"""Messages name the problem, never the SQL (issue 16, point 6): the command
line under another program's lock, on a real SQLite file held by a real
child process. The busy timeout is shortened to 1 s, as
tests/store/test_register.py does."""

import pytest
from cli_helpers import run
from conftest import FIXTURE_FILES
from db_locks import LockHolder

from kehoach_desktop import crash_log, logs
from kehoach_desktop.core.model import Plan
from kehoach_desktop.formats import kehoach_json
from kehoach_desktop.store import database
from kehoach_desktop.store.database import open_database
from kehoach_desktop.store.plans import PlanStore

SECRET = "Nội dung mật của kế hoạch tòng quân"
BREAKING = "UPDATE plans SET title = :secret, status = 'no-such-status'"  # (a traceback shows the line, not this)
SQL_WORDS = ("INSERT", "UPDATE", "SELECT", "[SQL", "parameters", "OperationalError", "database is locked")


@pytest.fixture
def dbfile(tmp_path, monkeypatch):
    monkeypatch.setattr(database, "SQLITE_PRAGMAS", ("PRAGMA foreign_keys=ON", "PRAGMA busy_timeout=1000"))
    monkeypatch.setattr(database, "BUSY_TIMEOUT_S", 1, raising=False)
    path = tmp_path / "kehoach.sqlite3"
    db = open_database(path)
    PlanStore(db).add(Plan(title="Kế hoạch cũ"))
    db.close()
    return path


def log_text():
    path = logs.log_file()
    return path.read_text(encoding="utf-8") if path is not None and path.exists() else ""


def assert_clean(text):
    assert not any(word in text for word in SQL_WORDS), text
    assert SECRET not in text and "Lỗi không mong đợi" not in text, text


def test_import_under_a_write_lock_says_the_database_is_busy_without_sql_or_plan_text(capsys, dbfile, tmp_path):
    plan = kehoach_json.read_file(FIXTURE_FILES[0])
    plan.title = SECRET
    source = tmp_path / "ke-hoach.kehoach.json"
    kehoach_json.write_file(plan, source)
    lock = LockHolder(dbfile, "IMMEDIATE")
    try:
        code, out, err = run(capsys, "--db", dbfile, "import", source)
    finally:
        lock.release()
    assert code == 1 and out == ""
    assert "đang chờ chương trình khác ghi xong" in err  # what waits, for what
    assert f"Lỗi: cơ sở dữ liệu {dbfile} đang được chương trình khác ghi" in err and "đã chờ 1 giây" in err
    assert_clean(err)
    assert_clean(log_text())


def test_office_set_under_a_write_lock_says_the_same(capsys, dbfile):
    lock = LockHolder(dbfile, "IMMEDIATE")
    try:
        code, _out, err = run(capsys, "--db", dbfile, "office", "set", "place", SECRET)
    finally:
        lock.release()
    assert code == 1 and "đang được chương trình khác ghi" in err
    assert_clean(err)
    assert_clean(log_text())


def test_an_exclusive_lock_is_a_lock_not_a_foreign_file(capsys, dbfile):
    lock = LockHolder(dbfile, "EXCLUSIVE")
    try:
        code, _out, err = run(capsys, "--db", dbfile, "list")
    finally:
        lock.release()
    assert code == 1 and "đang được chương trình khác ghi" in err
    assert "không phải cơ sở dữ liệu" not in err
    assert_clean(err)
    assert run(capsys, "--db", dbfile, "list")[0] == 0  # and once released it opens


def test_an_unexpected_database_error_is_logged_without_its_sql_or_values(dbfile):
    """An error the store does not translate (here a CHECK constraint broken
    on purpose) reaches the crash log: its type and traceback, never the
    statement or the plan text it carried."""
    from sqlalchemy import text
    from sqlalchemy.exc import IntegrityError

    logs.set_up(logs.COMMAND_LINE)
    db = open_database(dbfile)
    try:
        with pytest.raises(IntegrityError) as error, db.engine.begin() as connection:
            connection.execute(text(BREAKING), {"secret": SECRET})
        crash_log.log_exception(error.type, error.value, error.tb, origin="test")
    finally:
        db.close()
    logged = log_text()
    assert "IntegrityError" in logged and "Traceback" in logged
    assert SECRET not in logged and BREAKING not in logged and SECRET not in str(error.value)


def test_an_operational_error_no_kind_names_is_a_vietnamese_message_without_sql(dbfile):
    """A driver error of the database's own (here a table missing from a file
    someone edited by hand) is described by the engine's hook, for every store
    module alike: a Vietnamese message naming the database and the error's
    code, never the statement or the text being saved."""
    from kehoach_desktop.core.errors import UserError
    from kehoach_desktop.store.contacts import Contact, ContactStore

    db = open_database(dbfile)
    try:
        with db.engine.begin() as connection:
            connection.exec_driver_sql("DROP TABLE contacts")
            connection.exec_driver_sql("DROP TABLE plan_signatures")
        with pytest.raises(UserError) as contact_error:
            ContactStore(db).update(Contact(1, SECRET, "Bí thư", "Chi đoàn 1", "", "", 1))
        with pytest.raises(UserError) as plan_error:
            PlanStore(db).add(Plan(title=SECRET))
    finally:
        db.close()
    for error, table in ((contact_error, "contacts"), (plan_error, "plan_signatures")):
        message = str(error.value)
        assert str(dbfile) in message and "SQLITE_ERROR" in message
        assert_clean(message)
        assert table not in message
