"""Exported files get the permissions any program's new file gets (0666
less the umask), not mkstemp's 0600; a file written over keeps its mode and
its group. Run in a child process with a real umask (formats/safe_write.py)."""
import os
import stat
import subprocess
import sys

import pytest
from conftest import FIXTURE_FILES

CHILD = """
import os, sys
os.umask(int(sys.argv[1], 8))
from kehoach_desktop.formats import exporters, kehoach_json
exporters.export(kehoach_json.read_file(sys.argv[2]), sys.argv[3], overwrite=True)
"""


def export_with_umask(umask, target):
    done = subprocess.run([sys.executable, "-c", CHILD, umask, str(FIXTURE_FILES[0]), str(target)],
                          capture_output=True, text=True, encoding="utf-8")
    assert done.returncode == 0, done.stderr


def mode(path):
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.mark.usefixtures("posix")  # modes and umask
@pytest.mark.parametrize(("umask", "expected"), [("022", 0o644), ("077", 0o600), ("002", 0o664)])
@pytest.mark.parametrize("suffix", [".docx", ".txt", ".kehoach.json"])
def test_a_new_export_has_the_mode_the_umask_gives(tmp_path, umask, expected, suffix):
    target = tmp_path / f"ke-hoach{suffix}"
    export_with_umask(umask, target)
    assert mode(target) == expected and target.stat().st_size > 0


@pytest.mark.usefixtures("posix")
@pytest.mark.parametrize("old_mode", [0o644, 0o640, 0o664, 0o600])
def test_a_file_written_over_keeps_its_mode_whatever_the_umask(tmp_path, old_mode):
    target = tmp_path / "ke-hoach.docx"
    target.write_bytes(b"ban cu")
    os.chmod(target, old_mode)
    export_with_umask("077", target)
    assert mode(target) == old_mode and target.read_bytes() != b"ban cu"


@pytest.mark.usefixtures("posix")
def test_a_file_written_over_keeps_its_group(tmp_path):
    """The group of the old file, when it is one the user may give (any of
    their groups; root may give any)."""
    if os.geteuid() == 0:
        groups = [g for g in (1, 2, 3) if g != os.getgid()]
    else:
        groups = [g for g in os.getgroups() if g != os.getgid()] or [os.getgid()]  # a user of one group: that one
    target = tmp_path / "ke-hoach.docx"
    target.write_bytes(b"ban cu")
    os.chown(target, -1, groups[0])  # not the group a new file of ours gets
    os.chmod(target, 0o640)
    export_with_umask("022", target)
    assert os.stat(target).st_gid == groups[0] and mode(target) == 0o640
