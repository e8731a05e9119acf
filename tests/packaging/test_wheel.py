"""The package as a wheel, installed (not editable) into a fresh virtual
environment and run from a folder outside the repository: everything it reads
at run time must travel inside it (kehoach_desktop/resources, read through
importlib.resources). The commands are those a new user would try first:
self-test, import of plans, exports to .docx, .pdf and .xlsx.

Offline and quick: the wheel is built with the build backend of the running
interpreter (no build isolation, no download), installed without its
dependencies, and the fresh environment sees the dependencies of the running
one through a .pth file. A path listed in a .pth file is only added to
sys.path, not processed as a site folder, so the running environment's own
.pth files (its editable install of this project among them) stay out.

With $KEHOACH_TEST_WHEEL_FROM_INDEX set (.ci/run runs this file once more so),
the fresh environment is truly empty: it gets pip and installs the wheel with
its dependencies from the package index (at the lock's versions when
$PIP_CONSTRAINT names it), so a dependency missing from pyproject.toml fails
here too."""
from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures" / "plans"
WINDOWS = os.name == "nt"
GUESTS = [("Nguyễn Văn An", "Bí thư", "Đoàn phường Bến Thành"), ("Trần Thị Bình", "Phó Bí thư", "Đoàn trường THPT Lê Lợi")]


def run(command: list, *, cwd: Path, env: dict | None = None, timeout: float = 120) -> str:
    """Runs a command; a failure shows the command, its exit code and its output."""
    done = subprocess.run([str(part) for part in command], cwd=cwd, env=env, capture_output=True, text=True,
                          encoding="utf-8", errors="replace", timeout=timeout)
    if done.returncode != 0:
        pytest.fail(f"exit {done.returncode}: {' '.join(map(str, command))}\n"
                    f"--- stdout\n{done.stdout[-3000:]}\n--- stderr\n{done.stderr[-3000:]}", pytrace=False)
    return done.stdout


def build_wheel(tmp: Path) -> Path:
    """The wheel from a copy of what the build reads (pyproject.toml, README.md,
    kehoach_desktop/): an in-place build would leave build/ in the checkout and
    could pick up stale files from an earlier one."""
    for module in ("setuptools", "wheel"):
        if importlib.util.find_spec(module) is None:
            pytest.fail(f"the wheel test builds offline with this interpreter's build backend, but '{module}' is "
                        f"not installed in {sys.prefix}; the test extra of pyproject.toml must carry what "
                        "[build-system] requires", pytrace=False)
    source = tmp / "source"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(REPO / name, source / name)
    shutil.copytree(REPO / "kehoach_desktop", source / "kehoach_desktop",
                    ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    wheels = tmp / "wheels"
    run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index",
         "--disable-pip-version-check", "--quiet", "--wheel-dir", wheels, source], cwd=tmp, timeout=300)
    (wheel,) = wheels.glob("kehoach_desktop-*.whl")
    shipped = {f"kehoach_desktop/{path.relative_to(REPO / 'kehoach_desktop').as_posix()}"
               for path in (REPO / "kehoach_desktop" / "resources").rglob("*") if path.is_file()}
    with zipfile.ZipFile(wheel) as archive:
        missing = shipped - set(archive.namelist())
    assert not missing, f"files read at run time are missing from the wheel: {sorted(missing)}"
    return wheel


FROM_INDEX = bool(os.environ.get("KEHOACH_TEST_WHEEL_FROM_INDEX", "").strip())


def fresh_venv(tmp: Path, wheel: Path) -> tuple[Path, Path]:
    """A new virtual environment from the base interpreter with the wheel in it;
    returns its python and its scripts folder."""
    venv = tmp / "venv"
    base = getattr(sys, "_base_executable", None) or sys.executable
    scripts = venv / ("Scripts" if WINDOWS else "bin")
    python = scripts / ("python.exe" if WINDOWS else "python")
    if FROM_INDEX:
        run([base, "-m", "venv", venv], cwd=tmp)
        run([python, "-m", "pip", "install", "--disable-pip-version-check", "--quiet", wheel], cwd=tmp, timeout=900)
        return python, scripts
    run([base, "-m", "venv", "--without-pip", venv], cwd=tmp)
    # This pip installs into the new environment (pip's --python), which needs no pip of its own.
    run([sys.executable, "-m", "pip", "--python", python, "install", "--no-deps", "--no-index",
         "--disable-pip-version-check", "--quiet", wheel], cwd=tmp, timeout=300)
    site = Path(run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], cwd=tmp).strip())
    ours = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    (site / "dependencies-of-the-test-environment.pth").write_text("\n".join(sorted(ours)) + "\n", encoding="utf-8")
    return python, scripts


def test_the_installed_wheel_runs_its_commands_outside_the_repository(tmp_path):
    wheel = build_wheel(tmp_path)
    python, scripts = fresh_venv(tmp_path, wheel)
    work = tmp_path / "nơi làm việc"  # outside the repository, and not ASCII
    work.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "KEHOACH_", "VIRTUAL_ENV"))}
    env.update(QT_QPA_PLATFORM="offscreen", PYTHONUTF8="1", KEHOACH_DATA_DIR=str(work / "du-lieu"))

    where = run([python, "-c", "import kehoach_desktop, kehoach_desktop.resource_files as r; "
                 "print(kehoach_desktop.__file__); print(r.location())"], cwd=work, env=env).splitlines()
    venv = (tmp_path / "venv").resolve()
    assert all(Path(line).resolve().is_relative_to(venv) for line in where), \
        f"the package must come from the new environment {venv}, not from {where}"

    kehoach = scripts / ("kehoach.exe" if WINDOWS else "kehoach")
    db = ["--db", work / "kế hoạch.sqlite3"]
    out = run([kehoach, "self-test"], cwd=work, env=env)
    assert "mọi bước đều đạt" in out

    plan_file = sorted(FIXTURES.glob("*.kehoach.json"))[0]
    title = " ".join(json.loads(plan_file.read_text(encoding="utf-8"))["plan"]["title"].split())
    plan_id = run([kehoach, "import", *db, plan_file], cwd=work, env=env).strip()
    assert plan_id == "1"
    # a plan as plain text, the way older plans reach the clerk
    run([kehoach, "export", *db, plan_id, "ke-hoach.txt"], cwd=work, env=env)
    assert run([kehoach, "import", *db, "ke-hoach.txt"], cwd=work, env=env).strip() == "2"
    shown = json.loads(run([kehoach, "show", *db, "2"], cwd=work, env=env))
    assert " ".join(shown["plan"]["title"].split()) == title

    run([kehoach, "export", *db, plan_id, "ke-hoach.docx"], cwd=work, env=env)
    run([kehoach, "export", *db, plan_id, "ke-hoach.pdf"], cwd=work, env=env)
    guests = write_guest_list(work / "khach-moi-vao.xlsx")
    run([kehoach, "attendees", "import", *db, plan_id, guests], cwd=work, env=env)
    run([kehoach, "attendees", "export", *db, plan_id, "khach-moi.xlsx"], cwd=work, env=env)

    import docx
    import openpyxl

    text = "\n".join(p.text for p in docx.Document(str(work / "ke-hoach.docx")).paragraphs)
    assert "KẾ HOẠCH" in text and title in " ".join(text.split()), text[:500]
    pdf = (work / "ke-hoach.pdf").read_bytes()
    assert pdf.startswith(b"%PDF")
    assert len(re.findall(rb"/Type\s*/Page\b", pdf)) >= 1, "the PDF has no page"
    book = openpyxl.load_workbook(work / "khach-moi.xlsx", read_only=True)
    try:
        cells = {str(value) for row in book["Danh sách khách mời"].iter_rows(values_only=True) for value in row if value}
    finally:
        book.close()
    assert {name for name, _position, _unit in GUESTS} <= cells


def write_guest_list(path: Path) -> Path:
    """A guest list as a clerk would type it in Excel."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["STT", "Họ và tên", "Chức vụ", "Đơn vị"])
    for number, guest in enumerate(GUESTS, start=1):
        sheet.append([number, *guest])
    book.save(path)
    return path
