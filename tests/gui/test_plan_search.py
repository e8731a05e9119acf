"""The window's search box is the store's search: typed into for real, it
lists the same plans as `kehoach list --search` on the five example plans."""
import json
import os
import unicodedata

import pytest
from conftest import FIXTURE_FILES, fixture_name
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from kehoach_desktop.cli import main
from kehoach_desktop.formats import kehoach_json
from kehoach_desktop.store.plans import PlanStore
from kehoach_desktop.ui.app import create_window
from kehoach_desktop.ui.list_model import ID_ROLE

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

QUERIES = {
    "quan 12": ["001"],
    "giua nhiem ky": ["003"],
    "hoi cuu chien binh": ["004"],
    "lien doan lao dong": ["000", "002"],
}


@pytest.fixture
def examples(db):
    store = PlanStore(db)
    return {store.add(kehoach_json.read_file(path)): fixture_name(path)[:3] for path in FIXTURE_FILES}


@pytest.fixture
def window(qtbot, db, examples):
    win = create_window(db)
    qtbot.addWidget(win)
    win.show()
    return win


def listed(win) -> list[int]:
    return [win.proxy.index(row, 0).data(ID_ROLE) for row in range(win.proxy.rowCount())]


def type_search(win, qtbot, words: str) -> None:
    """Select the box's text and type the words over it, then wait until the
    search that typing started has run. Plain letters are typed key by key;
    text with diacritics comes as a Vietnamese input method sends it, a
    committed string (QTest only types Latin-1 keys)."""
    win.search.setFocus()
    win.search.selectAll()
    if words.isascii():
        QTest.keyClicks(win.search, words)
    else:
        win.search.del_()
        event = QInputMethodEvent()
        event.setCommitString(words)
        QApplication.sendEvent(win.search, event)
    assert win.search.text() == words
    qtbot.waitUntil(lambda: not win.search_timer.isActive())


def cli_search(db, capsys, words: str) -> list[int]:
    capsys.readouterr()
    assert main(["--db", str(db.file), "list", "--search", words, "--json"]) == 0
    return [row["id"] for row in json.loads(capsys.readouterr().out)]


@pytest.mark.parametrize("words", [*QUERIES, "Quận 12", "LIÊN ĐOÀN LAO ĐỘNG", "12 quan", "hoi ngh"])
def test_the_search_box_lists_what_kehoach_list_search_lists(window, qtbot, db, capsys, examples, words):
    type_search(window, qtbot, words)
    shown = listed(window)
    assert shown == cli_search(db, capsys, words)  # same plans, same order
    if words in QUERIES:
        assert sorted(examples[plan_id] for plan_id in shown) == QUERIES[words]
    assert window.status_label.text().startswith(f"{len(shown)}/5 kế hoạch" if len(shown) < 5 else "5 kế hoạch")


def test_decomposed_text_finds_the_same(window, qtbot, db, capsys, examples):
    words = unicodedata.normalize("NFD", "Liên đoàn Lao động")  # as some input methods send it
    type_search(window, qtbot, words)
    assert sorted(examples[plan_id] for plan_id in listed(window)) == ["000", "002"]
    assert listed(window) == cli_search(db, capsys, words)


def test_the_selection_stays_while_its_plan_is_listed(window, qtbot, examples):
    by_name = {name: plan_id for plan_id, name in examples.items()}
    window.select_plan(by_name["000"])
    type_search(window, qtbot, "lien doan lao dong")
    assert window.current_plan_id() == by_name["000"]
    type_search(window, qtbot, "quan 12")  # 000 is not listed: the first plan listed is selected
    assert window.current_plan_id() == by_name["001"] == window.editor.plan_id
    window.search.clear()  # an emptied box lists every plan at once, the selection kept
    assert len(listed(window)) == 5 and window.current_plan_id() == by_name["001"]


def test_enter_searches_at_once_and_the_filters_apply_too(window, qtbot, examples):
    by_name = {name: plan_id for plan_id, name in examples.items()}
    window.search.setFocus()
    QTest.keyClicks(window.search, "lien doan lao dong")
    QTest.keyClick(window.search, Qt.Key.Key_Return)
    assert not window.search_timer.isActive() and sorted(listed(window)) == sorted([by_name["000"], by_name["002"]])
    assert window.table.hasFocus() or not window.isActiveWindow()
    year = PlanStore(window.db).get(by_name["002"]).plan_date.year
    window.year_filter.setCurrentIndex(window.year_filter.findData(year))
    assert by_name["002"] in listed(window) and all(
        PlanStore(window.db).get(plan_id).plan_date.year == year for plan_id in listed(window))
