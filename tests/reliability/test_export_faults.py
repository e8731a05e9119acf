"""Exports that cannot be written: a clear message naming the file, the
previous file intact, no temporary file left beside it."""
import subprocess
import sys

import pytest
from conftest import FIXTURE_FILES

from kehoach_desktop.core.errors import UserError
from kehoach_desktop.formats import exporters, kehoach_json
from kehoach_desktop.formats.safe_write import write_atomically


def leftovers(folder):
    return [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]


def test_a_folder_with_the_target_name(tmp_path):
    target = tmp_path / "ke-hoach.docx"
    target.mkdir()
    with pytest.raises(UserError, match="thư mục trùng tên") as error:
        write_atomically(target, b"data", overwrite=True)
    assert "ke-hoach.docx" in str(error.value) and leftovers(tmp_path) == []


def test_a_missing_folder(tmp_path):
    with pytest.raises(UserError, match="thư mục không tồn tại"):
        exporters.export(kehoach_json.read_file(FIXTURE_FILES[0]), tmp_path / "khong-co" / "x.docx")


def test_an_existing_file_is_not_replaced_without_leave(tmp_path):
    target = tmp_path / "x.docx"
    target.write_bytes(b"cu")
    with pytest.raises(UserError, match="--force"):
        write_atomically(target, b"moi", overwrite=False)
    assert target.read_bytes() == b"cu"


@pytest.mark.usefixtures("posix")  # RLIMIT_FSIZE
def test_a_disk_that_fills_up_mid_write_keeps_the_old_file(tmp_path):
    """The export runs in a child whose file-size limit is 20 kB (as a full
    disk would stop it): the Word file of a plan is larger, so the write
    fails part-way."""
    target = tmp_path / "ke-hoach.docx"
    target.write_bytes(b"ban cu")
    script = (
        "import resource, signal, sys\n"
        "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
        "from kehoach_desktop.formats import exporters, kehoach_json\n"
        "from kehoach_desktop.core.errors import UserError\n"
        "plan = kehoach_json.read_file(sys.argv[1])\n"
        "data = exporters.render(plan, '.docx')\n"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (20000, 20000))\n"
        "try:\n"
        "    exporters.export(plan, sys.argv[2], overwrite=True)\n"
        "except UserError as exc:\n"
        "    print(exc)\n"
        "    sys.exit(3)\n")
    done = subprocess.run([sys.executable, "-c", script, str(FIXTURE_FILES[0]), str(target)],
                          capture_output=True, text=True, encoding="utf-8")
    assert done.returncode == 3, done.stderr
    assert "ổ đĩa đã đầy" in done.stdout and "tệp cũ (nếu có) vẫn còn nguyên" in done.stdout
    assert target.read_bytes() == b"ban cu" and leftovers(tmp_path) == []
