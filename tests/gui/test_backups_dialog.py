"""Tệp → Khôi phục từ bản sao lưu…: the copies listed, a restore (the
current state copied first), a copy by hand, how many to keep."""
import pytest
from dialog_helpers import Clerk

from kehoach_desktop.core.model import Plan
from kehoach_desktop.store import backups as b
from kehoach_desktop.store.plans import PlanStore
from kehoach_desktop.ui.app import create_window
from kehoach_desktop.ui.backups_dialog import BackupsDialog


def cells(dialog, column: int) -> list[str]:
    """One column of the table, top to bottom, as shown."""
    model = dialog.table.model()
    return [model.index(row, column).data() for row in range(model.rowCount())]


@pytest.fixture
def window(qtbot, db):
    PlanStore(db).add(Plan(title="Kế hoạch có trong bản sao lưu"))
    b.daily_backup(db.file)
    PlanStore(db).add(Plan(title="Kế hoạch thêm sau"))
    win = create_window(db)
    qtbot.addWidget(win)
    win.show()
    return win


def test_restore_from_the_dialog(window, qtbot, db):
    dialog = BackupsDialog(window)
    qtbot.addWidget(dialog)
    assert cells(dialog, 1) == ["tự động hằng ngày"] and cells(dialog, 2) == ["1"]
    assert not dialog.restore_button.isEnabled()
    dialog.table.selectRow(0)
    with Clerk(yes=True):  # the real question, answered Yes by a timer
        dialog.restore_button.click()
    assert dialog.restored and window.model.rowCount() == 1
    assert [p.title for p in PlanStore(db).summaries()] == ["Kế hoạch có trong bản sao lưu"]
    assert "trước khi khôi phục" in cells(dialog, 1)  # the state just replaced, kept


def test_a_copy_by_hand_and_the_number_kept(window, qtbot, db):
    dialog = BackupsDialog(window)
    qtbot.addWidget(dialog)
    dialog.backup_button.click()
    assert "văn thư sao lưu" in cells(dialog, 1)
    dialog.keep.setValue(4)
    assert b.keep_count(db.file) == 4
