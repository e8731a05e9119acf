"""Build KeHoach Desktop for distribution.

    python packaging/build.py            # the one-folder bundle in dist/KeHoachDesktop
    python packaging/build.py --verify   # then copy it to a folder whose path has Vietnamese
                                         # letters and spaces and run --self-test and --smoke there
    python packaging/build.py --installer  # on Windows: also the installer (Inno Setup 6's ISCC)

Standard library only: it uses the project's virtual environment (made or
reused as by `python dev.py`), installs the project and PyInstaller into it
with the exact versions of packaging/constraints.txt (the lock, see
docs/packaging.md), draws the icon from kehoach_desktop/resources/icons/kehoach.svg (with
PySide6's QtSvg), writes the Windows version resource, and runs
packaging/kehoach.spec. The same commands build the Windows bundle on
Windows and the Linux one on Linux.
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ICON = ROOT / "kehoach_desktop" / "resources" / "icons" / "kehoach.svg"
EXAMPLE = Path("kehoach_desktop", "resources", "examples", "vi-du-hoi-nghi.kehoach.json")  # inside the bundle
PACKAGING = ROOT / "packaging"
BUILD = PACKAGING / "build"
DIST = ROOT / "dist"
BUNDLE = DIST / "KeHoachDesktop"
BUILD_REQUIREMENTS = PACKAGING / "build-requirements.in"  # PyInstaller and what it needs
CONSTRAINTS = PACKAGING / "constraints.txt"  # the lock: exact versions of everything installed
WINDOWS = os.name == "nt"
ISCC_PATHS = (r"C:\Program Files (x86)\Inno Setup 6\ISCC.exe", r"C:\Program Files\Inno Setup 6\ISCC.exe")

ICON_SCRIPT = r'''
import struct, sys
from PySide6.QtCore import QBuffer, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer
app = QGuiApplication(["icon"])
renderer = QSvgRenderer(sys.argv[1])
pngs = []
for size in (16, 24, 32, 48, 64, 128, 256):
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    pngs.append((size, bytes(buffer.data())))
    if size == 256:
        image.save(sys.argv[3], "PNG")
# An .ico is a directory of PNG images (Windows Vista and later read PNG entries).
offset = 6 + 16 * len(pngs)
header = struct.pack("<HHH", 0, 1, len(pngs))
entries = b""
for size, data in pngs:
    entries += struct.pack("<BBBBHHII", size % 256, size % 256, 0, 0, 1, 32, len(data), offset)
    offset += len(data)
with open(sys.argv[2], "wb") as out:
    out.write(header + entries + b"".join(data for _size, data in pngs))
'''

VERSION_INFO = """# UTF-8
VSVersionInfo(
  ffi=FixedFileInfo(filevers={t}, prodvers={t}, mask=0x3f, flags=0x0, OS=0x40004, fileType=0x1, subtype=0x0,
                    date=(0, 0)),
  kids=[
    StringFileInfo([StringTable('042a04b0', [
      StringStruct('CompanyName', 'KeHoach Desktop'),
      StringStruct('FileDescription', 'KeHoach Desktop – soạn, lưu và in kế hoạch của Đoàn'),
      StringStruct('FileVersion', '{v}'),
      StringStruct('InternalName', 'KeHoachDesktop'),
      StringStruct('OriginalFilename', 'KeHoachDesktop.exe'),
      StringStruct('ProductName', 'KeHoach Desktop'),
      StringStruct('ProductVersion', '{v}')])]),
    VarFileInfo([VarStruct('Translation', [0x042a, 1200])])
  ]
)
"""


def say(message: str) -> None:
    print(f"==> {message}", flush=True)


def project_version() -> str:
    match = re.search(r'^version\s*=\s*"([^"]+)"', (ROOT / "pyproject.toml").read_text(encoding="utf-8"), re.M)
    if not match:
        raise SystemExit("Lỗi: không thấy version trong pyproject.toml")
    return match.group(1)


def venv_python() -> str:
    sys.path.insert(0, str(ROOT))
    import dev  # the project's own set-up: makes or reuses .venv and installs the project

    # The bundle is built from the lock: every pip run from here on (dev.py's
    # install of the project, PyInstaller's below) takes its exact versions;
    # pip 25.3 and later read the second variable for the isolated build of
    # the project (setuptools, wheel). dev.py reinstalls when the lock changes.
    os.environ["PIP_CONSTRAINT"] = os.environ["PIP_BUILD_CONSTRAINT"] = str(CONSTRAINTS)
    try:
        python, _venv = dev.prepare()
    except dev.DevError as exc:
        raise SystemExit(str(exc)) from None
    return python


def run(command: list[str], **kwargs) -> None:
    done = subprocess.run(command, **kwargs)
    if done.returncode != 0:
        raise SystemExit(f"Lỗi: lệnh thất bại ({done.returncode}): {' '.join(map(str, command))}")


def build(python: str) -> None:
    BUILD.mkdir(parents=True, exist_ok=True)
    say("PyInstaller vào môi trường ảo của dự án (phiên bản ghi trong packaging/constraints.txt)")
    run([python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "-r", str(BUILD_REQUIREMENTS)])
    say(f"Biểu tượng từ {ICON.relative_to(ROOT).as_posix()}")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    run([python, "-c", ICON_SCRIPT, str(ICON), str(BUILD / "kehoach.ico"),
         str(BUILD / "kehoach.png")], env=env)
    version = project_version()
    numbers = tuple(int(p) for p in (re.findall(r"\d+", version) + ["0"] * 4)[:4])
    (BUILD / "version_info.txt").write_text(VERSION_INFO.format(t=numbers, v=version), encoding="utf-8")
    say(f"Đóng gói phiên bản {version} (một thư mục)")
    started = time.perf_counter()
    run([python, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN", "--distpath", str(DIST),
         "--workpath", str(BUILD / "work"), str(PACKAGING / "kehoach.spec")], cwd=ROOT)
    size = sum(f.stat().st_size for f in BUNDLE.rglob("*") if f.is_file() and not f.is_symlink())
    say(f"Xong sau {time.perf_counter() - started:.0f} giây: {BUNDLE} ({size / 2**20:.0f} MiB)")


def program(folder: Path, name: str) -> Path:
    return folder / (name + (".exe" if WINDOWS else ""))


def verify() -> None:
    """The bundle copied to a path with Vietnamese letters and spaces, where
    --self-test must pass and --smoke must show the window."""
    with tempfile.TemporaryDirectory(prefix="kehoach-") as tmp:
        target = Path(tmp) / "Thư mục thử nghiệm" / "KeHoach Desktop"
        say(f"Chép sang {target}")
        shutil.copytree(BUNDLE, target, symlinks=True)
        env = dict(os.environ, KEHOACH_DATA_DIR=str(Path(tmp) / "Dữ liệu người dùng"))
        say("--self-test")
        run([str(program(target, "kehoach")), "self-test"], env=env)
        run([str(program(target, "KeHoachDesktop")), "--self-test"], env=env)
        say("--smoke (cửa sổ thật, cần màn hình hoặc Xvfb) trên cơ sở dữ liệu có kế hoạch ví dụ")
        db = Path(tmp) / "Dữ liệu thử" / "kế hoạch.sqlite3"
        db.parent.mkdir()
        example = target / "_internal" / EXAMPLE
        run([str(program(target, "kehoach")), "--db", str(db), "import", str(example)], env=env,
            stdout=subprocess.DEVNULL)
        done = subprocess.run([str(program(target, "KeHoachDesktop")), "--db", str(db), "--smoke"], env=env,
                              capture_output=True, text=True, encoding="utf-8")
        print(done.stdout.strip(), flush=True)
        if done.returncode != 0 or "1 kế hoạch, kế hoạch đầu tiên: 1" not in done.stdout:
            raise SystemExit(f"Lỗi: --smoke không mở được kế hoạch ví dụ ({done.returncode}): {done.stderr[-500:]}")


def installer() -> None:
    iscc = shutil.which("ISCC") or next((p for p in ISCC_PATHS if Path(p).exists()), None)
    if not WINDOWS or iscc is None:
        raise SystemExit("Lỗi: bộ cài đặt chỉ dựng được trên Windows có Inno Setup 6 (ISCC.exe); "
                         "xem docs/packaging.md")
    say("Bộ cài đặt (Inno Setup)")
    run([iscc, f"/DAppVersion={project_version()}", f"/DBundleDir={BUNDLE}", f"/DOutputDir={DIST}",
         str(PACKAGING / "kehoach.iss")])


def main() -> int:
    parser = argparse.ArgumentParser(description="Đóng gói KeHoach Desktop")
    parser.add_argument("--verify", action="store_true", help="chạy thử bản đóng gói ở thư mục có dấu và dấu cách")
    parser.add_argument("--installer", action="store_true", help="dựng bộ cài đặt (Windows, Inno Setup 6)")
    parser.add_argument("--skip-build", action="store_true", help="dùng bản đóng gói đã có trong dist/")
    args = parser.parse_args()
    if not args.skip_build:
        build(venv_python())
    if args.verify:
        verify()
    if args.installer:
        installer()
    return 0


if __name__ == "__main__":
    sys.exit(main())
