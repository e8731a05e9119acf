"""The window killed while the clerk types: reopening shows every edit made
more than 2 seconds before the kill (autosave counts from the first unsaved
change, so typing on does not put it off)."""
import os
import signal
import subprocess
import sys
import time

import pytest

from kehoach_desktop.core.model import Plan
from kehoach_desktop.store.database import open_database
from kehoach_desktop.store.plans import PlanStore

TYPIST = r"""
import sys, time
from PySide6.QtCore import QTimer
from kehoach_desktop.store.database import open_database
from kehoach_desktop.ui.app import application, create_window

app = application()
window = create_window(open_database(sys.argv[1]))
window.show()
text = sys.argv[2]
field = window.editor.page("general").title_edit
field.setFocus()
position = [0]


def type_one():
    if position[0] < len(text):
        field.insertPlainText(text[position[0]])  # one key as the clerk types it
        position[0] += 1
        print(position[0], time.monotonic(), flush=True)


timer = QTimer()
timer.timeout.connect(type_one)
timer.start(60)
app.exec()
"""
TEXT = "Kế hoạch tổ chức Ngày hội Thanh niên khỏe năm 2026 tại phường Bến Thành, thành phố Hồ Chí Minh"


@pytest.mark.usefixtures("posix")  # SIGKILL
def test_edits_older_than_two_seconds_survive_a_kill(db_target):
    path = db_target
    db = open_database(path)
    plan_id = PlanStore(db).add(Plan(title=""))
    db.close()
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    child = subprocess.Popen([sys.executable, "-c", TYPIST, str(path), TEXT], stdout=subprocess.PIPE, text=True,
                             env=env)
    typed: list[tuple[int, float]] = []
    try:
        while len(typed) < 60:  # about 3.6 s of steady typing, never a pause for the autosave to wait for
            line = child.stdout.readline()
            assert line, "the window stopped before typing"
            count, when = line.split()
            typed.append((int(count), float(when)))
    finally:
        child.send_signal(signal.SIGKILL)
        killed_at = time.monotonic()
        child.wait()
    db = open_database(path)
    try:
        saved = PlanStore(db).get(plan_id).title
    finally:
        db.close()
    old_enough = max((count for count, when in typed if when < killed_at - 2.0), default=0)
    assert old_enough >= 20
    assert TEXT.startswith(saved) and len(saved) >= old_enough, (saved, old_enough)
