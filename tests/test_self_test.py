"""--self-test, from the command line and the window's launcher: every step
passes on a temporary database; the clerk's database is not touched."""
import subprocess
import sys

from kehoach_desktop import paths
from kehoach_desktop.cli import main
from kehoach_desktop.self_test import run


def test_every_step_passes_and_the_data_folder_stays_empty(tmp_path, monkeypatch):
    monkeypatch.setenv(paths.DATA_ENV, str(tmp_path / "du-lieu"))
    lines = []
    assert run(lines.append) == 0
    assert sum(line.strip().startswith("[đạt]") for line in lines) == 7
    assert lines[-1].startswith("Tự kiểm tra xong")
    assert not (tmp_path / "du-lieu").exists()


def test_a_failing_step_is_reported_with_exit_1(monkeypatch):
    from kehoach_desktop import self_test

    monkeypatch.setattr(self_test, "EXAMPLE", ("examples", "khong-co.kehoach.json"))
    lines = []
    assert run(lines.append) == 1
    assert any(line.strip().startswith("[LỖI]  Nhập kế hoạch ví dụ") for line in lines)


def test_from_the_command_line_and_the_window_launcher(capsys):
    assert main(["self-test"]) == 0
    assert "mọi bước đều đạt" in capsys.readouterr()[0]
    done = subprocess.run([sys.executable, "-c", "import sys; from kehoach_desktop.ui.app import main; "
                           "sys.exit(main(['--self-test']))"], capture_output=True, text=True, encoding="utf-8")
    assert done.returncode == 0 and "mọi bước đều đạt" in done.stdout
