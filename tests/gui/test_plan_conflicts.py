"""A plan edited in the window while another program (a real child process
with a Database of its own) saves the same plan: the window never
overwrites in silence. The one conflict dialog (ui/conflict_dialog.py)
shows both versions' differing lines, answered by a timer
(dialog_helpers.Clerk); each choice -- reload, keep mine, save as a copy,
later -- does what it says, whichever program saved first, and closing with
a conflict left for later asks. On SQLite and PostgreSQL."""
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import BACKENDS, FIXTURE_FILES
from dialog_helpers import Clerk
from PySide6.QtWidgets import QApplication

from kehoach_desktop.formats import kehoach_json, recovery
from kehoach_desktop.store.plans import PlanStore
from kehoach_desktop.ui.app import create_window
from kehoach_desktop.ui.conflict_dialog import ConflictDialog
from kehoach_desktop.ui.editor import plan_editor

pytestmark = pytest.mark.parametrize("backend", BACKENDS, indirect=True)
REPO = Path(__file__).resolve().parents[2]
THEIR_TITLE = "Tổ chức Ngày hội Thanh niên khỏe – bản sửa ở máy khác"
MY_PLACE = "Quận 5"
# The other program: reads the plan, changes its title (Trích yếu), saves it.
OTHER = r"""
import sys
from kehoach_desktop.store.database import open_database
from kehoach_desktop.store.plans import PlanStore
db = open_database(sys.argv[1])
store = PlanStore(db)
plan = store.get(int(sys.argv[2]))
plan.title = sys.argv[3]
store.update(int(sys.argv[2]), plan)
db.close()
"""


def other_program_saves(db_target, plan_id: int, title: str = THEIR_TITLE) -> None:
    env = os.environ | {"PYTHONPATH": str(REPO)}
    done = subprocess.run([sys.executable, "-c", OTHER, str(db_target), str(plan_id), title],
                          capture_output=True, text=True, encoding="utf-8", env=env, timeout=300)
    assert done.returncode == 0, done.stderr


@pytest.fixture
def window(qtbot, db, monkeypatch):
    monkeypatch.setattr(plan_editor, "AUTOSAVE_MS", 50)
    PlanStore(db).add(kehoach_json.read_file(FIXTURE_FILES[0]))  # five sections, a place, a date
    win = create_window(db)
    win.show()
    yield win
    with Clerk(button="Đóng, giữ bản khôi phục"):  # a conflict left for later asks again on closing
        QApplication.closeAllWindows()
    win.deleteLater()


class Choose:
    """A handler for the conflict dialog: notes what it shows, clicks a choice."""

    def __init__(self, button: str):
        self.button = button
        self.seen: dict[str, str] = {}
        self.count = 0

    def __call__(self, dialog: ConflictDialog) -> None:
        self.count += 1
        self.seen = {"title": dialog.windowTitle(), "message": dialog.message.text(), "summary": dialog.summary.text(),
                     "mine": dialog.mine_text.toPlainText(), "theirs": dialog.theirs_text.toPlainText(),
                     "buttons": " | ".join(b.text() for b in (dialog.reload_button, dialog.keep_button,
                                                              dialog.merge_button, dialog.copy_button)
                                           if b is not None)}
        if self.button == "later":
            dialog.reject()
        else:
            getattr(dialog, f"{self.button}_button").click()


def type_place(win, text: str) -> None:
    place = win.editor.page("general").place
    place.setText(text)
    place.textEdited.emit(text)


def stored(win, plan_id: int):
    return win.store.get(plan_id)


@pytest.mark.parametrize("order", ["window_first", "other_first"])
@pytest.mark.parametrize("button", ["reload", "keep", "copy", "later"])
def test_a_plan_edited_in_two_programs(window, qtbot, db_target, order, button):
    """The window types the place; the other program changes the title,
    before the window's edit (other_first) or between the edit and its save
    (window_first). The autosave shows both; each choice is honoured."""
    editor = window.editor
    plan_id = editor.plan_id
    old_title, old_place = stored(window, plan_id).title, stored(window, plan_id).place
    if order == "other_first":
        other_program_saves(db_target, plan_id)
    editor.timer.setInterval(600000)  # the edit waits for its save until the test lets it
    type_place(window, MY_PLACE)
    assert editor.dirty
    if order == "window_first":
        assert stored(window, plan_id).place == old_place
        other_program_saves(db_target, plan_id)
    choose = Choose(button)
    with Clerk(handlers={ConflictDialog: choose}) as clerk:
        editor.timer.start(20)  # the autosave's pause is over
        qtbot.waitUntil(lambda: bool(choose.seen) and not editor.timer.isActive(), timeout=20000)
        qtbot.wait(50)
    assert clerk.boxes == []  # the one dialog, no other message
    assert choose.seen["title"] == "Kế hoạch đã được lưu ở nơi khác"
    assert "đã được sửa ở nơi khác" in choose.seen["message"]
    assert choose.seen["buttons"] == "Tải lại bản đã lưu | Giữ bản của tôi | Lưu thành bản sao"
    # Only what differs, side by side: the place-and-date line, the title.
    assert f"{MY_PLACE}, ngày" in choose.seen["mine"] and old_title.split()[0] in choose.seen["mine"]
    assert THEIR_TITLE in choose.seen["theirs"] and f"{MY_PLACE}, ngày" not in choose.seen["theirs"]
    assert "2 chỗ" in choose.seen["summary"]
    assert "BAN CHẤP HÀNH" not in choose.seen["mine"]  # the unchanged header is not repeated
    general = editor.page("general")
    if button == "reload":
        assert stored(window, plan_id).title == THEIR_TITLE and stored(window, plan_id).place == old_place
        assert general.title_edit.toPlainText() == THEIR_TITLE and general.place.text() == old_place
        assert not editor.dirty and not editor.save_banner.isVisible()
        editor.timer.setInterval(20)
        type_place(window, "Quận 7")  # the editor holds the stored version: saved without a question
        qtbot.waitUntil(lambda: not editor.dirty)
        assert stored(window, plan_id).place == "Quận 7" and choose.count == 1
    elif button == "keep":  # chosen after seeing both: theirs replaced by mine
        assert stored(window, plan_id).title == old_title and stored(window, plan_id).place == MY_PLACE
        assert not editor.dirty and editor.plan_id == plan_id
    elif button == "copy":
        assert stored(window, plan_id).title == THEIR_TITLE and stored(window, plan_id).place == old_place
        assert editor.plan_id != plan_id and not editor.dirty
        assert stored(window, editor.plan_id).place == MY_PLACE
        assert window.model.rowCount() == 2 and window.current_plan_id() == editor.plan_id
    else:  # later: nothing saved, nothing lost, not asked again by the autosave
        assert stored(window, plan_id).title == THEIR_TITLE and stored(window, plan_id).place == old_place
        assert editor.dirty and general.place.text() == MY_PLACE and general.title_edit.toPlainText() == old_title
        banner = editor.save_banner
        assert banner.isVisible() and "Chưa lưu" in banner.label.text() and banner.retry_button.text() == "Xem và chọn"
        assert [copy.plan().place for copy in recovery.copies(window.db.label)] == [MY_PLACE]
        editor.timer.setInterval(20)
        qtbot.wait(300)  # well past the autosave's pause: no dialog
        assert choose.count == 1 and editor.dirty
        again = Choose("keep")  # the clerk's next save asks again
        with Clerk(handlers={ConflictDialog: again}) as clerk:
            window.save_action.trigger()
        assert again.count == 1 and THEIR_TITLE in again.seen["theirs"]
        assert stored(window, plan_id).place == MY_PLACE and not editor.dirty
        assert not banner.isVisible() and recovery.copies(window.db.label) == []


def test_keep_mine_asks_again_when_a_third_save_comes_while_the_dialog_is_open(window, qtbot, db_target):
    editor = window.editor
    plan_id = editor.plan_id
    other_program_saves(db_target, plan_id)
    type_place(window, MY_PLACE)
    second = Choose("keep")

    def first(dialog):
        other_program_saves(db_target, plan_id, "Bản thứ ba")  # saved again while the clerk reads
        clerk.handlers[ConflictDialog] = second
        dialog.keep_button.click()

    with Clerk(handlers={ConflictDialog: first}) as clerk:
        assert editor.save_now()
    assert second.count == 1 and "Bản thứ ba" in second.seen["theirs"]  # shown before it is replaced
    assert stored(window, plan_id).place == MY_PLACE and stored(window, plan_id).title != "Bản thứ ba"


def test_closing_with_a_conflict_left_for_later_asks_and_keeps_the_text(window, qtbot, db_target):
    editor = window.editor
    plan_id = editor.plan_id
    other_program_saves(db_target, plan_id)
    type_place(window, MY_PLACE)
    with Clerk(handlers={ConflictDialog: Choose("later")}, button="Ở lại") as clerk:
        window.close()
    assert window.isVisible() and editor.dirty and editor.page("general").place.text() == MY_PLACE
    assert [title for title, _text in clerk.boxes] == ["Chưa lưu được"]
    assert "đã được sửa ở nơi khác" in clerk.messages[0] and "Lỗi không mong đợi" not in clerk.messages[0]
    with Clerk(handlers={ConflictDialog: Choose("later")}, button="Đóng, giữ bản khôi phục") as clerk:
        window.close()
    assert not window.isVisible() and clerk.boxes[0][0] == "Chưa lưu được"
    assert stored(window, plan_id).title == THEIR_TITLE  # theirs untouched, mine kept aside
    assert [copy.plan().place for copy in recovery.copies(window.db.label)] == [MY_PLACE]


def test_a_conflict_left_for_later_in_a_plan_left_for_another_is_asked_when_it_is_opened_again(
        window, qtbot, db_target):
    editor = window.editor
    plan_id = editor.plan_id
    other_id = window.store.add(kehoach_json.read_file(FIXTURE_FILES[1]))
    window.reload()
    other_program_saves(db_target, plan_id)
    type_place(window, MY_PLACE)
    with Clerk(handlers={ConflictDialog: Choose("later")}) as clerk:
        window.select_plan(other_id)  # leaving the plan saves it: asked, later again
    assert clerk.shown == ["ConflictDialog"] and editor.plan_id == other_id
    with Clerk(button="Ở lại") as clerk:
        window.close()  # the plan left is still unsaved: asked, not closed
    assert window.isVisible() and [title for title, _text in clerk.boxes] == ["Chưa lưu được"]
    assert stored(window, plan_id).place != MY_PLACE
    keep = Choose("keep")
    with Clerk(handlers={ConflictDialog: keep}):
        window.select_plan(plan_id)  # its text, not the stored one; the next save asks
        assert editor.page("general").place.text() == MY_PLACE and editor.dirty
        assert window.editor.save_now()
    assert keep.count == 1 and THEIR_TITLE in keep.seen["theirs"]
    assert stored(window, plan_id).place == MY_PLACE and not editor.has_unsaved()


def test_a_copy_chosen_while_switching_plans_leaves_the_list_on_the_plan_shown(window, qtbot, db_target):
    editor = window.editor
    plan_id = editor.plan_id
    other_id = window.store.add(kehoach_json.read_file(FIXTURE_FILES[1]))
    window.reload()
    other_program_saves(db_target, plan_id)
    type_place(window, MY_PLACE)
    with Clerk(handlers={ConflictDialog: Choose("copy")}):
        window.select_plan(other_id)
    qtbot.waitUntil(lambda: window.current_plan_id() == editor.plan_id)
    assert editor.plan_id == other_id and window.model.rowCount() == 3
    copies = [s.id for s in window.store.summaries() if s.id not in (plan_id, other_id)]
    assert [stored(window, copy_id).place for copy_id in copies] == [MY_PLACE]
    assert stored(window, plan_id).title == THEIR_TITLE
