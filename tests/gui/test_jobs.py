"""Long work off the GUI thread (ui/jobs.py), through the window's own menu
actions: real files, real file dialogs answered by a timer, the progress
dialog's real Huỷ button. A slow job shows the dialog and the event loop
keeps running; Huỷ leaves no plan in the database and no file on disk; a
quick import still works end to end; an error comes back as the usual
message box."""
from __future__ import annotations

import copy
import dataclasses
import tempfile
import time
from pathlib import Path

import docx
import pytest
from conftest import FIXTURE_FILES, example_text
from dialog_helpers import Clerk
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton

from kehoach_desktop.core.cancel import CancelledError, CancelToken
from kehoach_desktop.formats import kehoach_json
from kehoach_desktop.formats.docx_export import render_docx
from kehoach_desktop.formats.libreoffice import convert
from kehoach_desktop.store.plans import PlanStore
from kehoach_desktop.ui.app import create_window
from kehoach_desktop.ui.jobs import SHOW_AFTER_MS, run_job


@pytest.fixture
def window(qtbot, db):
    win = create_window(db)
    qtbot.addWidget(win)
    win.show()
    return win


def big_plan():
    """Example 004 with its sections written 150 times: a plan whose Word
    file takes more than a second to write and to read back."""
    plan = kehoach_json.read_file(FIXTURE_FILES[4])
    return dataclasses.replace(plan, sections=[copy.deepcopy(s) for _ in range(150) for s in plan.sections])


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@pytest.fixture
def private_tmp(tmp_path, monkeypatch):
    """The system's temporary folder, private to the test: what a job leaves there shows."""
    folder = tmp_path / "system-tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def test_cancelled_import_of_a_long_word_plan_adds_nothing(window, tmp_path, private_tmp):
    source = tmp_path / "dai.docx"
    source.write_bytes(render_docx(big_plan()))
    clerk = Clerk(source, cancel=True)
    started = time.monotonic()
    window.document_actions.import_existing_action.trigger()
    clerk.stop()
    assert clerk.progress_seen_at is not None, "no progress dialog for a job over half a second"
    assert clerk.progress_seen_at - started >= SHOW_AFTER_MS / 1000 * 0.9
    assert "dai.docx" in clerk.label
    assert clerk.ticks >= 5  # the window's timers ran while the file was read
    assert window.store.summaries() == [] and window.model.rowCount() == 0
    assert "Đã huỷ" in window.statusBar().currentMessage()
    assert clerk.messages == []  # a cancel is no error
    assert leftovers(private_tmp) == []


def test_cancelled_word_export_leaves_no_file(window, tmp_path):
    PlanStore(window.db).add(big_plan())
    window.reload()
    QApplication.processEvents()  # the clerk sees the plan (its 800 pages laid out) before exporting
    out = tmp_path / "xuat"
    out.mkdir()
    clerk = Clerk(out / "ke-hoach.docx", cancel=True)
    window.document_actions.export_actions["docx"].trigger()
    clerk.stop()
    assert clerk.progress_seen_at is not None and clerk.ticks >= 5
    assert leftovers(out) == []  # neither the file nor a temporary one
    assert "Đã huỷ" in window.statusBar().currentMessage()


def test_a_long_export_not_cancelled_is_written_whole(window, tmp_path):
    PlanStore(window.db).add(big_plan())
    window.reload()
    QApplication.processEvents()  # the clerk sees the plan (its 800 pages laid out) before exporting
    (tmp_path / "xuat").mkdir()
    target = tmp_path / "xuat" / "ke-hoach.docx"
    clerk = Clerk(target)
    window.document_actions.export_actions["docx"].trigger()
    clerk.stop()
    assert clerk.progress_seen_at is not None and clerk.messages == []
    assert leftovers(target.parent) == ["ke-hoach.docx"]
    assert len(docx.Document(str(target)).paragraphs) > 3000


def test_cancelled_doc_conversion_kills_libreoffice(window, tmp_path, private_tmp, libreoffice):
    word = tmp_path / "ke-hoach.docx"
    word.write_bytes(render_docx(kehoach_json.read_file(FIXTURE_FILES[0])))
    legacy = convert([word], "doc", tmp_path / "doc")[0]  # a Word 97 file, as offices still send
    before = leftovers(private_tmp)
    clerk = Clerk(legacy, cancel=True)
    window.document_actions.import_existing_action.trigger()
    returned_at = time.monotonic()
    clerk.stop()
    assert clerk.cancelled_at is not None, "the conversion ended before the progress dialog showed"
    assert returned_at - clerk.cancelled_at < 5  # killed, not waited for (it may take up to 180 s)
    assert window.store.summaries() == []
    assert leftovers(private_tmp) == before  # the profile and the converted file are gone
    if Path("/proc").is_dir():  # Linux: no LibreOffice of ours runs on
        running = [p for p in Path("/proc").iterdir() if p.name.isdigit()]
        profiles = []
        for process in running:
            try:
                profiles.append((process / "cmdline").read_bytes())
            except OSError:
                continue
        assert not [c for c in profiles if str(private_tmp).encode() in c]


def test_a_doc_file_is_converted_and_imported(window, tmp_path, libreoffice):
    word = tmp_path / "ke-hoach.docx"
    word.write_bytes(render_docx(kehoach_json.read_file(FIXTURE_FILES[0])))
    legacy = convert([word], "doc", tmp_path / "doc")[0]
    clerk = Clerk(legacy)
    window.document_actions.import_existing_action.trigger()
    QTest.qWait(200)
    clerk.stop()
    assert window.model.rowCount() == 1
    assert "Phát biểu tham luậm" in window.preview.toPlainText()


def test_a_normal_import_works_end_to_end(window):
    clerk = Clerk(example_text(FIXTURE_FILES[3]))
    window.document_actions.import_existing_action.trigger()
    clerk.stop()
    assert window.model.rowCount() == 1
    plan = window.store.get(window.current_plan_id())
    assert plan.number.value == 81 and "TIẾN ĐỘ THỰC HIỆN" in window.preview.toPlainText()
    report = window.document_actions.last_report_box  # the report, beside the window (not modal)
    assert report.isVisible() and "Đã nhập" in report.summary.text()
    report.close()


def test_an_import_error_comes_back_as_the_usual_message(window, tmp_path):
    bad = tmp_path / "hong.docx"
    bad.write_bytes(b"PK\x03\x04 broken")
    clerk = Clerk(bad)
    window.document_actions.import_existing_action.trigger()
    clerk.stop()
    assert len(clerk.messages) == 1 and "hong.docx" in clerk.messages[0] and "bị hỏng" in clerk.messages[0]
    assert window.store.summaries() == []


def test_a_quick_job_shows_no_dialog_and_returns_its_value(qtbot):
    shown = []
    timer = QTimer()
    timer.timeout.connect(lambda: shown.append(QApplication.activeModalWidget()))
    timer.start(10)
    assert run_job(None, "nhanh", lambda token: 6 * 7) == 42
    timer.stop()
    assert not [w for w in shown if w is not None]


def test_the_job_runs_off_the_gui_thread_and_its_errors_come_back(qtbot):
    import threading

    seen = []

    def work(token: CancelToken):
        seen.append(threading.current_thread() is threading.main_thread())
        raise ValueError("từ luồng phụ")

    with pytest.raises(ValueError, match="từ luồng phụ"):
        run_job(None, "lỗi", work)
    assert seen == [False]


def test_cancel_waits_for_the_work_to_stop(qtbot):
    """Huỷ: run_job returns only once the work has stopped (nothing of it
    happens afterwards), and raises CancelledError."""
    steps = []

    def work(token: CancelToken):
        for step in range(200):
            token.check()
            steps.append(step)
            time.sleep(0.02)
        return "xong"

    def press_cancel():
        modal = QApplication.activeModalWidget()
        if isinstance(modal, QProgressDialog):
            QTest.mouseClick(modal.findChild(QPushButton), Qt.MouseButton.LeftButton)

    timer = QTimer()
    timer.timeout.connect(press_cancel)
    timer.start(50)
    with pytest.raises(CancelledError):
        run_job(None, "dài", work)
    timer.stop()
    done = len(steps)
    time.sleep(0.1)
    assert len(steps) == done < 200

