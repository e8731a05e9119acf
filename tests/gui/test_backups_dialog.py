"""Tệp → Khôi phục từ bản sao lưu…: the copies listed, a restore (the
current state copied first), a copy by hand, how many to keep."""
import pytest
from PySide6.QtWidgets import QMessageBox

from kehoach_desktop.core.model import Plan
from kehoach_desktop.store import backups as b
from kehoach_desktop.store.plans import PlanStore
from kehoach_desktop.ui.app import create_window
from kehoach_desktop.ui.backups_dialog import BackupsDialog


@pytest.fixture
def window(qtbot, db):
    PlanStore(db).add(Plan(title="Kế hoạch có trong bản sao lưu"))
    b.daily_backup(db.file)
    PlanStore(db).add(Plan(title="Kế hoạch thêm sau"))
    win = create_window(db)
    qtbot.addWidget(win)
    win.show()
    return win


def test_restore_from_the_dialog(window, qtbot, db, monkeypatch):
    dialog = BackupsDialog(window)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 1 and dialog.table.item(0, 1).text() == "tự động hằng ngày"
    assert dialog.table.item(0, 2).text() == "1" and not dialog.restore_button.isEnabled()
    dialog.table.selectRow(0)
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a: QMessageBox.StandardButton.Yes))
    dialog.restore_button.click()
    assert dialog.restored and window.model.rowCount() == 1
    assert [p.title for p in PlanStore(db).summaries()] == ["Kế hoạch có trong bản sao lưu"]
    kinds = [dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())]
    assert "trước khi khôi phục" in kinds  # the state just replaced, kept


def test_a_copy_by_hand_and_the_number_kept(window, qtbot, db):
    dialog = BackupsDialog(window)
    qtbot.addWidget(dialog)
    dialog.backup_button.click()
    assert "văn thư sao lưu" in [dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())]
    dialog.keep.setValue(4)
    assert b.keep_count(db.file) == 4
