"""A write killed between creating its temporary file and renaming it (power
cut, SIGKILL) leaves that file; ours are recognisable
(".NAME.<12 hex>.kehoach.tmp", formats/temp_files.py) and the next write into
the folder removes those older than an hour. Nothing that is not ours is
touched, and a young one (a write of another program under way) neither."""
import os
import signal
import subprocess
import sys
import time

import pytest
from conftest import FIXTURE_FILES

from kehoach_desktop.formats import exporters, kehoach_json

STALE_AFTER = 3600  # formats/temp_files.STALE_AFTER, an hour (written out: the test runs on older versions too)

# The child exports a PDF and stops, by an audit hook (nothing of ours
# patched), at the moment named: its temporary file just created (given the
# old file's mode: os.fchmod, "os.chmod"), or written whole and about to be
# renamed ("os.rename"). The parent then kills it with SIGKILL.
CHILD = """
import os, sys, time
from kehoach_desktop.formats import exporters, kehoach_json
plan = kehoach_json.read_file(sys.argv[1])
event = sys.argv[3]
temp = []
def pause(name, args):
    if name == "open" and isinstance(args[0], str) and os.path.dirname(args[0]) == os.path.dirname(sys.argv[2]) \\
            and args[0] != sys.argv[2]:
        temp.append(args[0])  # a new file beside the target: the temporary one
    if name == event and temp:
        print("ready", temp[0], flush=True)
        time.sleep(600)
sys.addaudithook(pause)
exporters.export(plan, sys.argv[2], overwrite=True)
"""


def kill_mid_write(target, event):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(FIXTURE_FILES[0]), str(target), event],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        line = child.stdout.readline()
        assert line.startswith("ready"), child.stderr.read()
        child.send_signal(signal.SIGKILL)
        assert child.wait(timeout=30) == -signal.SIGKILL
    finally:
        if child.poll() is None:
            child.kill()
        child.stdout.close()
        child.stderr.close()
    return line.split(maxsplit=1)[1].strip()


def age(path, seconds):
    """Make ``path`` look untouched for ``seconds`` (an hour is too long to wait)."""
    then = time.time() - seconds
    os.utime(path, (then, then))


@pytest.mark.usefixtures("posix")  # SIGKILL
@pytest.mark.parametrize("event", ["os.chmod", "os.rename"])  # just created / written whole, before the rename
def test_a_pdf_export_killed_mid_write_leaves_no_temporary_file_after_the_next_export(tmp_path, event):
    target = tmp_path / "ke-hoach.pdf"
    target.write_bytes(b"ban cu")
    left = kill_mid_write(target, event)
    temps = [p for p in tmp_path.iterdir() if p != target]
    assert [str(p) for p in temps] == [left] and target.read_bytes() == b"ban cu"
    written = temps[0].read_bytes()
    assert written.startswith(b"%PDF") if event == "os.rename" else written == b""
    # Not ours, however alike, and as old: kept.
    foreign = [".ke-hoach.pdf.abc123.tmp", "~$ke-hoach.docx", "ke-hoach.pdf.0123456789ab.kehoach.tmp",
               ".ke-hoach.pdf.0123456789AB.kehoach.tmp", ".x.0123456789ab.kehoach.tmp.docx"]
    for name in foreign:
        (tmp_path / name).write_bytes(b"cua nguoi khac")
        age(tmp_path / name, 2 * STALE_AFTER)
    plan = kehoach_json.read_file(FIXTURE_FILES[1])
    # Within the hour it may be a write under way: left alone.
    exporters.export(plan, tmp_path / "khac.txt")
    assert temps[0].exists()
    age(temps[0], STALE_AFTER + 60)
    exporters.export(plan, tmp_path / "khac.txt", overwrite=True)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([*foreign, "khac.txt", "ke-hoach.pdf"])
    assert target.read_bytes() == b"ban cu"


def test_a_folder_with_our_temporary_name_is_left_alone(tmp_path):
    folder = tmp_path / ".x.docx.0123456789ab.kehoach.tmp"
    folder.mkdir()
    age(folder, 2 * STALE_AFTER)
    exporters.export(kehoach_json.read_file(FIXTURE_FILES[1]), tmp_path / "x.txt")
    assert folder.is_dir()


def test_stale_conversion_folders_are_removed_and_nothing_else(tmp_path):
    """LibreOffice's conversions work in kehoach-lo-…/kehoach-doc-… folders of
    the temporary folder (TemporaryDirectory, gone unless the program was
    killed); the next conversion removes those older than an hour."""
    from kehoach_desktop.formats.temp_files import remove_stale_conversion_folders

    names = {"kehoach-lo-ab_3x9q1": True, "kehoach-doc-zz0a1b2c": True, "kehoach-lo-young123": False,
             "kehoach-lo-toolong123": False, "kehoach-other12": False, "lu1234ab.tmp": False}
    for name in names:
        (tmp_path / name).mkdir()
        (tmp_path / name / "user").mkdir()
        if name != "kehoach-lo-young123":
            age(tmp_path / name, 2 * STALE_AFTER)
    (tmp_path / "kehoach-lo-file1234").write_text("a file, not a folder")
    age(tmp_path / "kehoach-lo-file1234", 2 * STALE_AFTER)
    assert sorted(remove_stale_conversion_folders(folder=tmp_path)) == sorted(n for n, s in names.items() if s)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [*(n for n, s in names.items() if not s), "kehoach-lo-file1234"])
