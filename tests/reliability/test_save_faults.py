"""The window's save on a full disk and in a folder that cannot be written
(issue 16, point 2): the real window in a child process, on a real SQLite
file. The edit stays in the editor, the banner names the problem in
Vietnamese, a recovery copy is kept in the data folder, and closing asks
instead of showing the "unexpected error" dialog.

A full disk is the child's file-size limit (RLIMIT_FSIZE, as
test_export_faults.py does): the database file cannot grow. A folder that
cannot be written is a folder of mode 0555; root ignores modes, so as root
the child runs without CAP_DAC_OVERRIDE (setpriv), which makes the modes
apply to it as to any user."""
import json
import os
import shutil
import subprocess
import sys

import pytest
from conftest import REPO
from db_locks import stored_title

from kehoach_desktop.core.model import Plan
from kehoach_desktop.store.database import open_database
from kehoach_desktop.store.plans import PlanStore

OLD = "Kế hoạch cũ"
NEW = "Kế hoạch tổ chức Ngày hội Thanh niên – bản sửa trên ổ đĩa đầy"
LONG = "Nội dung rất dài. " * 8000  # about 150 kB more: the database file has to grow

CHILD = r"""
import json, os, resource, signal, sys
sys.path.insert(0, sys.argv[3])
from dialog_helpers import Clerk
from kehoach_desktop.formats import recovery
from kehoach_desktop.store.database import open_database
from kehoach_desktop.ui.app import application, create_window

app = application()
db = open_database(sys.argv[1])
window = create_window(db)
window.show()
app.processEvents()
if sys.argv[2] == "disk":
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    size = os.path.getsize(sys.argv[1])
    resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))
editor = window.editor
editor.page("general").title_edit.setPlainText(open(sys.argv[4], encoding="utf-8").read())
saved = editor.save_now()
report = {"saved": saved, "dirty": editor.dirty, "banner": editor.save_banner.label.text(),
          "shown": editor.save_banner.isVisible(), "text": editor.page("general").title_edit.toPlainText(),
          "copies": [copy.title for copy in recovery.copies(db.label)]}
with Clerk(button="Đóng, giữ bản khôi phục") as clerk:
    window.close()
report["boxes"] = clerk.boxes
report["closed"] = not window.isVisible()
print(json.dumps(report, ensure_ascii=False), flush=True)
"""


def run_window(db_file, data_dir, fault, title, prefix=()):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", KEHOACH_DATA_DIR=str(data_dir),
               PYTHONPATH=os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")]))
    typed = db_file.parent.parent / "typed.txt"  # what the clerk types (too long for an argument)
    typed.write_text(title, encoding="utf-8")
    done = subprocess.run([*prefix, sys.executable, "-c", CHILD, str(db_file), fault, str(REPO / "tests"), str(typed)],
                          capture_output=True, text=True, encoding="utf-8", env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def make_database(path):
    db = open_database(path)
    PlanStore(db).add(Plan(title=OLD, note="Ghi chú dài. " * 50000))  # a file of about 1 MB
    db.close()


def assert_kept(report, title, problem):
    assert report["saved"] is False and report["dirty"] and report["text"] == title
    assert report["shown"] and problem in report["banner"].lower() and "bản khôi phục" in report["banner"]
    assert "SQL" not in report["banner"] and "Error" not in report["banner"]
    assert report["copies"] == [" ".join(title.split())]
    assert [box_title for box_title, _text in report["boxes"]] == ["Chưa lưu được"] and report["closed"]
    assert problem in report["boxes"][0][1].lower() or problem in json.dumps(report, ensure_ascii=False).lower()


@pytest.mark.usefixtures("posix")  # RLIMIT_FSIZE
def test_a_full_disk_keeps_the_edit_and_a_recovery_copy(tmp_path):
    path = tmp_path / "kehoach.sqlite3"
    make_database(path)
    title = NEW + " " + LONG
    report = run_window(path, tmp_path / "data", "disk", title)
    assert_kept(report, title, "ổ đĩa")
    assert "đầy" in report["banner"]
    assert stored_title(path) == OLD


@pytest.mark.usefixtures("posix")  # file modes
def test_a_folder_that_cannot_be_written_keeps_the_edit_and_a_recovery_copy(tmp_path):
    folder = tmp_path / "chi-doc"
    folder.mkdir()
    path = folder / "kehoach.sqlite3"
    make_database(path)
    prefix: tuple[str, ...] = ()
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        assert setpriv, "as root the test needs setpriv (util-linux) to run the window without CAP_DAC_OVERRIDE"
        prefix = (setpriv, "--bounding-set", "-dac_override,-dac_read_search")
    folder.chmod(0o555)  # the file stays writable: SQLite cannot make its journal beside it
    try:
        report = run_window(path, tmp_path / "data", "folder", NEW, prefix)
    finally:
        folder.chmod(0o755)
    assert_kept(report, NEW, "thư mục chứa tệp không cho ghi")
    assert stored_title(path) == OLD
