"""The pure helpers of dev.py (the two set-up commands); no network, no venv."""
from __future__ import annotations

import ast
import importlib.util
import os
import sys

import pytest
from conftest import REPO

DEV_PY = REPO / "dev.py"


@pytest.fixture(scope="module")
def dev():
    spec = importlib.util.spec_from_file_location("kehoach_dev_tool", DEV_PY)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_venv_python_on_windows_and_posix(dev):
    assert dev.venv_python(r"C:\proj\.venv", "nt") == r"C:\proj\.venv\Scripts\python.exe"
    assert dev.venv_python("/home/u/proj/.venv", "posix") == "/home/u/proj/.venv/bin/python"
    assert dev.venv_bin_dir(r"C:\proj\.venv", "nt") == r"C:\proj\.venv\Scripts"
    assert dev.venv_bin_dir("/p/.venv", "posix") == "/p/.venv/bin"


def test_venv_dir_default_and_override(dev, tmp_path):
    assert dev.venv_dir_for(tmp_path, {}) == tmp_path / ".venv"
    assert dev.venv_dir_for(tmp_path, {"KEHOACH_VENV": "  "}) == tmp_path / ".venv"
    other = tmp_path / "elsewhere" / "env"
    assert dev.venv_dir_for(tmp_path, {"KEHOACH_VENV": str(other)}) == other


def test_stamp_changes_with_pyproject_and_python_version(dev, tmp_path):
    base = dev.compute_stamp(b"[project]\nname='x'\n", "3.11", tmp_path)
    assert base == dev.compute_stamp(b"[project]\nname='x'\n", "3.11", tmp_path)
    assert base != dev.compute_stamp(b"[project]\nname='y'\n", "3.11", tmp_path)
    assert base != dev.compute_stamp(b"[project]\nname='x'\n", "3.12", tmp_path)
    assert base != dev.compute_stamp(b"[project]\nname='x'\n", "3.11", tmp_path / "moved")


def test_stamp_follows_the_constraints_files_pip_is_given(dev, tmp_path):
    """With $PIP_CONSTRAINT (CI, packaging/build.py) the lock decides the
    versions: a changed lock reinstalls, and so does going from the lock back
    to pyproject.toml's ranges. Without it the stamp is what it always was."""
    (tmp_path / "packaging").mkdir()
    lock = tmp_path / "packaging" / "constraints.txt"
    lock.write_text("pyside6-essentials==6.12.0\n", encoding="utf-8")
    pyproject = b"[project]\nname='x'\n"

    def stamp(environ):
        return dev.compute_stamp(pyproject, "3.11", tmp_path, dev.constraint_inputs(environ, tmp_path))

    assert dev.constraint_inputs({}, tmp_path) is None
    assert dev.constraint_inputs({"PIP_CONSTRAINT": "  "}, tmp_path) is None
    ranges = stamp({})
    assert ranges == dev.compute_stamp(pyproject, "3.11", tmp_path)
    locked = stamp({"PIP_CONSTRAINT": str(lock)})
    assert locked != ranges
    assert locked == stamp({"PIP_CONSTRAINT": str(lock)})
    # a relative name is read from the project's folder, where pip runs
    relative = stamp({"PIP_CONSTRAINT": "packaging/constraints.txt"})
    assert relative not in (ranges, locked)
    assert relative == stamp({"PIP_CONSTRAINT": "packaging/constraints.txt"})
    both = stamp({"PIP_CONSTRAINT": str(lock), "PIP_BUILD_CONSTRAINT": str(lock)})
    assert both not in (ranges, locked)
    lock.write_text("pyside6-essentials==6.12.1\n", encoding="utf-8")
    assert stamp({"PIP_CONSTRAINT": str(lock)}) != locked
    # a file that cannot be read still counts, by its name
    missing = stamp({"PIP_CONSTRAINT": str(tmp_path / "none.txt")})
    assert missing not in (ranges, locked)


def test_stamp_file_round_trip(dev, tmp_path):
    venv = tmp_path / "venv"
    venv.mkdir()
    assert dev.needs_install(venv, "abc")  # no stamp yet
    dev.write_stamp(venv, "abc")
    assert not dev.needs_install(venv, "abc")
    assert dev.needs_install(venv, "def")  # pyproject.toml changed
    dev.remove_stamp(venv)
    dev.remove_stamp(venv)  # removing twice is fine
    assert dev.needs_install(venv, "abc")


def test_parse_command_passes_the_rest_through(dev):
    assert dev.parse_command([]) == (None, [])
    assert dev.parse_command(["--help"]) == ("help", [])
    assert dev.parse_command(["run", "--help"]) == ("run", ["--help"])
    assert dev.parse_command(["test", "-k", "x", "-x"]) == ("test", ["-k", "x", "-x"])
    assert dev.parse_command(["tset"]) == ("?tset", [])
    assert dev.parse_command(["check"]) == ("check", [])


def test_child_command_and_environment(dev):
    assert dev.child_command("run", "py", ["list"]) == ["py", "-m", "kehoach_desktop", "list"]
    assert dev.child_command("test", "py", ["-q"]) == ["py", "-m", "pytest", "-q"]
    checks = dev.check_commands(os.path.join("v", "bin", "python"))
    assert [name for name, _ in checks] == ["ruff", "mypy", "import-linter"]
    assert checks[0][1] == [os.path.join("v", "bin", "ruff"), "check", "."]
    assert checks[2][1] == [os.path.join("v", "bin", "lint-imports")]

    env = dev.child_env("test", {"PATH": "/usr/bin"}, "/p/.venv", "posix")
    assert env["QT_QPA_PLATFORM"] == "offscreen"
    assert env["PATH"].startswith("/p/.venv/bin")
    assert env["VIRTUAL_ENV"] == "/p/.venv"
    kept = dev.child_env("test", {"QT_QPA_PLATFORM": "xcb"}, "/p/.venv", "posix")
    assert kept["QT_QPA_PLATFORM"] == "xcb"
    assert "QT_QPA_PLATFORM" not in dev.child_env("run", {}, "/p/.venv", "posix")
    windows = dev.child_env("run", {"Path": r"C:\Windows"}, r"C:\p\.venv", "nt")
    assert windows["Path"].startswith(r"C:\p\.venv\Scripts")


def test_exit_status(dev):
    assert dev.exit_status(0) == 0
    assert dev.exit_status(5) == 5
    assert dev.exit_status(-9) == 137


def test_help_and_bad_usage_are_vietnamese(dev, capsys):
    assert dev.main(["--help"]) == 0
    assert "Cách dùng" in capsys.readouterr().out
    assert dev.main([]) == 2
    assert "Thiếu lệnh" in capsys.readouterr().err
    assert dev.main(["chay"]) == 2
    assert "Lệnh không hợp lệ" in capsys.readouterr().err


def test_too_old_python_message(dev):
    message = dev._too_old_message((3, 9, 1))
    assert "3.11" in message and "3.9" in message


def test_old_interpreters_can_parse_dev_py():
    """Python < 3.6 must reach the version check rather than a SyntaxError."""
    source = DEV_PY.read_text(encoding="utf-8")
    ast.parse(source, feature_version=(3, 4))


def test_too_old_check_runs_before_anything_else(dev, monkeypatch):
    monkeypatch.setattr(sys, "version_info", (3, 10, 0, "final", 0))
    spec = importlib.util.spec_from_file_location("kehoach_dev_tool_old", DEV_PY)
    module = importlib.util.module_from_spec(spec)
    with pytest.raises(SystemExit) as excinfo:
        spec.loader.exec_module(module)
    assert excinfo.value.code == 1
