"""Typed text survives any failure to save (issue 16, point 2): the real
window on a real SQLite file whose lock another process holds. The save
fails after the busy timeout (shortened here to 1 s, as
tests/store/test_register.py does); the editor says so in Vietnamese above
the pages, keeps the text unsaved, writes a recovery copy and tries again;
closing asks, and never shows the "unexpected error" dialog; the next
window on the same database and data folder offers the copy back."""
import os

import pytest
from db_locks import LockHolder, stored_title
from dialog_helpers import Clerk
from PySide6.QtWidgets import QApplication

from kehoach_desktop.core.model import Plan
from kehoach_desktop.store import database
from kehoach_desktop.store.database import open_database
from kehoach_desktop.store.plans import PlanStore
from kehoach_desktop.ui.app import create_window

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

OLD = "Kế hoạch tổ chức Hội trại"
NEW = "Kế hoạch tổ chức Hội trại tòng quân năm 2027 – bản sửa"
@pytest.fixture(autouse=True)
def _answered_at_teardown(qtbot):
    """A test that fails with a window open must not hang on its questions
    when qtbot closes it: they are answered (close keeping the copy, later)."""
    yield
    with Clerk(button="Đóng, giữ bản khôi phục"):
        QApplication.closeAllWindows()


@pytest.fixture
def path(tmp_path, monkeypatch):
    monkeypatch.setattr(database, "SQLITE_PRAGMAS", ("PRAGMA foreign_keys=ON", "PRAGMA busy_timeout=1000"))
    file = tmp_path / "kehoach.sqlite3"
    db = open_database(file)
    PlanStore(db).add(Plan(title=OLD))
    db.close()
    return file


@pytest.fixture
def holder(qtbot, path):
    """Set up after qtbot, so released before qtbot closes the test's windows."""
    lock = LockHolder(path)
    yield lock
    lock.release()


def open_window(qtbot, path):
    db = open_database(path)
    window = create_window(db)
    qtbot.addWidget(window)
    window.show()
    return window, db


def no_sql(text):
    return not any(word in text for word in ("UPDATE", "INSERT", "SQL", "parameters", "OperationalError", "locked"))


def test_a_save_under_another_programs_lock_keeps_the_text_and_saves_it_once_the_lock_is_gone(qtbot, path, holder):
    window, db = open_window(qtbot, path)
    editor = window.editor
    editor.page("general").title_edit.setPlainText(NEW)
    assert editor.save_now() is False  # waited 1 s for the lock, then gave up: no dialog, no exception
    banner = editor.save_banner.label.text()
    assert editor.save_banner.isVisible() and "đang được chương trình khác ghi" in banner and no_sql(banner)
    assert "bản khôi phục" in banner
    assert editor.dirty and editor.page("general").title_edit.toPlainText() == NEW
    from kehoach_desktop.formats import recovery  # (here: the test runs, and fails, on the code before it)

    copies = recovery.copies(db.label)
    assert [(copy.plan_id, copy.title) for copy in copies] == [(editor.plan_id, NEW)]
    assert editor.retry_timer.isActive()
    # The timer's retry, still under the lock, waits half a second, not the busy timeout: the clerk types on.
    qtbot.waitUntil(lambda: editor.failed_tries == 2, timeout=10000)
    assert "đã chờ" not in editor.save_banner.label.text() and editor.dirty
    holder.release()
    qtbot.waitUntil(lambda: not editor.dirty, timeout=10000)  # the retry timer saved it
    assert not editor.save_banner.isVisible() and recovery.copies(db.label) == []
    assert stored_title(path) == NEW
    window.close()
    db.close()


def test_closing_under_a_lock_asks_and_the_next_start_offers_the_text_back(qtbot, path, holder):
    window, db = open_window(qtbot, path)
    plan_id = window.editor.plan_id
    window.editor.page("general").title_edit.setPlainText(NEW)
    with Clerk(button="Đóng, giữ bản khôi phục") as clerk:
        window.close()
    assert [title for title, _text in clerk.boxes] == ["Chưa lưu được"]  # not "Lỗi không mong đợi"
    assert "đang được chương trình khác ghi" in clerk.messages[0] and no_sql(clerk.messages[0])
    assert OLD in clerk.messages[0] or NEW.split()[0] in clerk.messages[0]
    assert not window.isVisible()
    db.close()
    holder.release()
    assert stored_title(path) == OLD  # nothing stored: the text is in the recovery copy

    # The program started again on the same database and data folder.
    with Clerk(button="Khôi phục") as clerk:
        again, db = open_window(qtbot, path)
        qtbot.waitUntil(lambda: bool(clerk.boxes), timeout=5000)
    title, text = clerk.boxes[0]
    assert title == "Khôi phục nội dung chưa lưu?" and NEW in text
    assert again.editor.plan_id == plan_id and again.editor.dirty
    assert again.editor.page("general").title_edit.toPlainText() == NEW
    assert again.editor.save_now() and stored_title(path) == NEW
    from kehoach_desktop.formats import recovery  # (here: the test runs, and fails, on the code before it)

    assert recovery.copies(db.label) == []
    again.close()
    db.close()


def test_closing_under_a_lock_can_stay_open_or_retry(qtbot, path, holder):
    window, db = open_window(qtbot, path)
    window.editor.page("general").title_edit.setPlainText(NEW)
    with Clerk() as clerk:  # Escape: stay
        window.close()
    assert window.isVisible() and window.editor.dirty and clerk.boxes[0][0] == "Chưa lưu được"
    holder.release()
    with Clerk(button="Thử lưu lại") as clerk:
        window.close()
    assert not window.isVisible() and clerk.boxes == []  # the lock is gone: saved without a question
    from kehoach_desktop.formats import recovery

    assert stored_title(path) == NEW and recovery.copies(db.label) == []
    db.close()


def test_a_recovery_copy_can_be_discarded_or_left_for_later(qtbot, path):
    from kehoach_desktop.formats import recovery

    db = open_database(path)
    plan_id = PlanStore(db).list_keys()[0][0]
    recovery.keep(db.label, plan_id, Plan(title=NEW))
    db.close()
    with Clerk() as clerk:  # Escape: later
        window, db = open_window(qtbot, path)
        qtbot.waitUntil(lambda: bool(clerk.boxes), timeout=5000)
    assert not window.editor.dirty and len(recovery.copies(db.label)) == 1
    window.close()
    db.close()
    with Clerk(button="Bỏ bản khôi phục") as clerk:
        window, db = open_window(qtbot, path)
        qtbot.waitUntil(lambda: bool(clerk.boxes), timeout=5000)
    assert recovery.copies(db.label) == [] and stored_title(path) == OLD
    window.close()
    db.close()
    QApplication.processEvents()


def test_a_lost_server_connection_during_a_save_keeps_the_edit_and_saves_it_once_the_server_is_back(
        qtbot, pg_database, pg_server):
    """PostgreSQL: the window's connection is ended by the server
    (pg_terminate_backend) and the database refuses new ones
    (ALLOW_CONNECTIONS false) while the clerk types; once it accepts again,
    the retry saves the edit."""
    from sqlalchemy import text
    from sqlalchemy.engine import make_url

    from kehoach_desktop.formats import recovery

    name = make_url(pg_database).database
    db = open_database(pg_database)
    PlanStore(db).add(Plan(title=OLD))
    window = create_window(db)
    qtbot.addWidget(window)
    window.show()
    editor = window.editor
    editor.page("general").title_edit.setPlainText("Sửa lần đầu")
    assert editor.save_now()  # the connection is in the pool, in use

    def accept_connections(allowed):
        with pg_server.connect() as connection:
            connection.execute(text(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS {str(allowed).lower()}'))
            if not allowed:
                connection.execute(text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                                        "WHERE datname = :name AND pid <> pg_backend_pid()"), {"name": name})

    accept_connections(False)
    try:
        editor.page("general").title_edit.setPlainText(NEW)
        assert editor.save_now() is False
        banner = editor.save_banner.label.text()
        assert "mất kết nối với máy chủ cơ sở dữ liệu" in banner.lower() and no_sql(banner) and "password" not in banner
        assert editor.dirty and editor.page("general").title_edit.toPlainText() == NEW
        assert [copy.title for copy in recovery.copies(db.label)] == [NEW]
    finally:
        accept_connections(True)
    qtbot.waitUntil(lambda: not editor.dirty, timeout=15000)
    assert not editor.save_banner.isVisible() and recovery.copies(db.label) == []
    window.close()
    db.close()
    again = open_database(pg_database)
    try:
        assert PlanStore(again).get(PlanStore(again).list_keys()[0][0]).title == NEW
    finally:
        again.close()


def test_closing_with_a_guest_list_that_cannot_be_saved_asks_before_closing(qtbot, path, holder):
    """The guest list's own save says why it failed (its page's message);
    the window then asks before closing instead of dropping the list."""
    window, db = open_window(qtbot, path)
    window.editor.attendees.add_row()  # the page made as when its entry is chosen; a new line is an edit
    with Clerk() as clerk:  # Escape: the page's message closed, then "Ở lại"
        window.close()
    assert [title for title, _text in clerk.boxes] == ["Không lưu được danh sách khách mời",
                                                       "Chưa lưu được danh sách khách mời"]
    assert window.isVisible() and no_sql(clerk.messages[0])
    holder.release()
    with Clerk() as clerk:
        window.close()
    assert not window.isVisible() and clerk.boxes == []
    db.close()


def test_another_plan_chosen_under_an_exclusive_lock_keeps_the_plan_shown_and_its_edit(qtbot, path):
    """Another program holds a lock under which nothing can be read: the
    plan chosen in the list is not opened, the window says the database is
    busy, and the plan shown stays shown and selected, its edit kept."""
    db = open_database(path)
    PlanStore(db).add(Plan(title="Kế hoạch thứ hai"))
    db.close()
    window, db = open_window(qtbot, path)
    editor = window.editor
    plan_id = editor.plan_id
    other_id = next(key[0] for key in PlanStore(db).list_keys() if key[0] != plan_id)
    editor.page("general").title_edit.setPlainText(NEW)
    lock = LockHolder(path, "EXCLUSIVE")
    try:
        with Clerk() as clerk:  # Escape: the message read and closed
            window.select_plan(other_id)
            qtbot.waitUntil(lambda: window.current_plan_id() == plan_id, timeout=5000)
        assert [title for title, _text in clerk.boxes] == ["Chưa mở được kế hoạch"]  # not "Lỗi không mong đợi"
        assert "đang được chương trình khác ghi" in clerk.messages[0] and no_sql(clerk.messages[0])
        assert editor.plan_id == plan_id and editor.dirty and editor.page("general").title_edit.toPlainText() == NEW
        assert editor.save_banner.isVisible()  # its save failed too: kept, retried
    finally:
        lock.release()
    window.select_plan(other_id)  # the lock gone: the plan left is saved, the other one opened
    assert editor.plan_id == other_id and PlanStore(db).get(plan_id).title == NEW
    window.close()
    db.close()


def test_the_plan_list_under_an_exclusive_lock_says_so_and_never_fails_while_painting(qtbot, path, monkeypatch):
    """The list reads its rows' columns when they are painted (64 at a time):
    under the lock the rows not read yet are painted blank, and read once the
    database gives them; reloading the list says the database is busy."""
    from kehoach_desktop.ui import plan_table_model

    monkeypatch.setattr(plan_table_model, "BUSY_PAUSE_S", 0, raising=False)
    db = open_database(path)
    PlanStore(db).add_many([Plan(title=f"Kế hoạch số {n}") for n in range(150)])
    db.close()
    window, db = open_window(qtbot, path)
    lock = LockHolder(path, "EXCLUSIVE")
    try:
        window.reload()
        status = window.status_label.text()
        assert "Không đọc được danh sách" in status and "đang được chương trình khác ghi" in status and no_sql(status)
        assert window.model.rowCount() == 151  # the list as it was read
        window.table.scrollToBottom()
        window.table.viewport().repaint()  # the rows not read yet: blank, no exception
        last = window.proxy.index(window.proxy.rowCount() - 1, 2)
        assert last.data() == ""
    finally:
        lock.release()
    qtbot.waitUntil(lambda: last.data().startswith("Kế hoạch"), timeout=5000)  # read when asked again
    window.close()
    db.close()


def test_a_copy_chosen_in_a_conflict_while_the_database_is_locked_is_kept_and_saved_later(qtbot, path):
    """"Lưu thành bản sao" in the conflict dialog while another program
    holds the write lock: the new plan cannot be written; the edit is kept
    (banner, recovery copy) and the retry saves the copy once the lock is gone."""
    from kehoach_desktop.formats import recovery
    from kehoach_desktop.ui.conflict_dialog import ConflictDialog

    window, db = open_window(qtbot, path)
    editor = window.editor
    plan_id = editor.plan_id
    other = open_database(path)  # another program saves the plan meanwhile
    try:
        theirs = PlanStore(other).get(plan_id)
        theirs.title = "Bản sửa ở chương trình khác"
        PlanStore(other).update(plan_id, theirs)
    finally:
        other.close()
    editor.page("general").title_edit.setPlainText(NEW)
    lock = LockHolder(path)
    try:
        with Clerk(handlers={ConflictDialog: lambda dialog: dialog.copy_button.click()}) as clerk:
            assert editor.save_now() is False
        assert "ConflictDialog" in clerk.shown and clerk.boxes == []  # no "Lỗi không mong đợi"
        banner = editor.save_banner.label.text()
        assert editor.save_banner.isVisible() and "đang được chương trình khác ghi" in banner and no_sql(banner)
        assert editor.dirty and editor.plan_id == plan_id and editor.page("general").title_edit.toPlainText() == NEW
        assert [copy.title for copy in recovery.copies(db.label)] == [NEW]
    finally:
        lock.release()
    qtbot.waitUntil(lambda: not editor.dirty, timeout=15000)  # the retry saved the copy, not over theirs
    assert editor.plan_id != plan_id and PlanStore(db).get(editor.plan_id).title == NEW
    assert PlanStore(db).get(plan_id).title == "Bản sửa ở chương trình khác"
    assert window.model.rowCount() == 2 and recovery.copies(db.label) == []
    window.close()
    db.close()
