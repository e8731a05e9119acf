# -*- coding: utf-8 -*-
"""Hai lệnh cài đặt của KeHoach Desktop / the project's two set-up commands.

    python dev.py run  [ĐỐI SỐ...]     # python -m kehoach_desktop ĐỐI SỐ...
    python dev.py test [ĐỐI SỐ PYTEST...]
    python dev.py check                # ruff, mypy, import contracts (maintainers, CI)

Standard library only; works on Windows and Linux with just Python 3.11+.
Both commands create (or reuse) the project's virtual environment `.venv`
beside this file (`KEHOACH_VENV` overrides the folder), install the project
into it with `pip install -e ".[test]"` when `pyproject.toml` (or the venv's
Python version) changed since the last install, then run the child process
and exit with its exit code.

Versions come from pyproject.toml's ranges. With PIP_CONSTRAINT (and, for
pip 25.3 and later, PIP_BUILD_CONSTRAINT) naming packaging/constraints.txt,
as CI and packaging/build.py set it, pip installs the lock's exact versions
instead; the files these variables name count as an input of the install
too (docs/packaging.md, "The lock").

The file stays parseable by old interpreters (no f-strings, annotations,
keyword-only arguments or walrus) so that `python dev.py` under Python 2 or
an old Python 3 prints the Vietnamese "Python too old" message instead of a
SyntaxError.
"""
from __future__ import print_function

import sys

MIN_PYTHON = (3, 11)


def _too_old_message(version_info):
    return (
        "Lỗi: KeHoach Desktop cần Python %d.%d trở lên, nhưng lệnh này đang chạy "
        "bằng Python %d.%d.\n"
        "Hãy cài Python %d.%d hoặc mới hơn (https://www.python.org/downloads/) "
        "rồi chạy lại; trên Linux hãy thử \"python3 dev.py ...\"."
        % (MIN_PYTHON + tuple(version_info[:2]) + MIN_PYTHON)
    )


if tuple(sys.version_info[:2]) < MIN_PYTHON:
    sys.stderr.write(_too_old_message(sys.version_info) + "\n")
    sys.exit(1)

import hashlib  # noqa: E402
import os  # noqa: E402
import shutil  # noqa: E402
import subprocess  # noqa: E402
from pathlib import Path, PurePosixPath, PureWindowsPath  # noqa: E402

ROOT = Path(__file__).resolve().parent
VENV_ENV_VAR = "KEHOACH_VENV"
DEFAULT_VENV_NAME = ".venv"
STAMP_NAME = "kehoach-dev.stamp"
STAMP_FORMAT = "kehoach-dev-stamp/1"
EXTRAS = "test"
COMMANDS = ("run", "test", "check")
# pip's own variables naming constraints files (several, separated by spaces):
# what they name decides the versions installed, so it is part of the stamp.
CONSTRAINT_ENV_VARS = ("PIP_CONSTRAINT", "PIP_BUILD_CONSTRAINT")

# The maintainers' checks, in the order `check` runs them: (what, the venv's
# program, its arguments). Each runs from the project folder with its settings
# from pyproject.toml.
CHECKS = (
    ("ruff", "ruff", ["check", "."]),
    ("mypy", "mypy", []),
    ("import-linter", "lint-imports", []),
)

SHORT_USAGE = """\
Cách dùng:
  python dev.py run  [ĐỐI SỐ...]         chạy ứng dụng (python -m kehoach_desktop ĐỐI SỐ...)
  python dev.py test [ĐỐI SỐ PYTEST...]  chạy toàn bộ bộ kiểm thử (pytest)
  python dev.py check                    kiểm tra mã nguồn (ruff, mypy, quy tắc phân tầng)
  python dev.py --help                   in hướng dẫn này
"""

USAGE = SHORT_USAGE + """
Lần đầu, lệnh sẽ tạo môi trường ảo .venv trong thư mục dự án và cài đặt các
thư viện; những lần sau dùng lại, chỉ cài lại khi pyproject.toml thay đổi
(hoặc tệp ràng buộc phiên bản mà biến PIP_CONSTRAINT chỉ tới thay đổi).
Biến môi trường KEHOACH_VENV chọn thư mục môi trường ảo khác.
Lệnh test chạy trong thư mục dự án và đặt QT_QPA_PLATFORM=offscreen nếu
biến này chưa được đặt.
Trên Linux, nếu "python" không phải Python 3, hãy dùng "python3".

Ví dụ:
  python dev.py run list
  python dev.py run --db thu.sqlite3
  python dev.py test -k lunar -x
"""


class DevError(Exception):
    """A failure already explained to the user in Vietnamese; exit code 1."""


# --------------------------------------------------------------------------
# Pure helpers (tested in tests/test_devtool.py)
# --------------------------------------------------------------------------

def venv_python(venv_dir, os_name=None):
    """The interpreter inside a venv: Scripts\\python.exe on Windows, bin/python elsewhere."""
    if os_name is None:
        os_name = os.name
    if os_name == "nt":
        return str(PureWindowsPath(str(venv_dir), "Scripts", "python.exe"))
    return str(PurePosixPath(str(venv_dir), "bin", "python"))


def venv_bin_dir(venv_dir, os_name=None):
    """The venv's folder of executables (what activation puts on PATH)."""
    if os_name is None:
        os_name = os.name
    if os_name == "nt":
        return str(PureWindowsPath(str(venv_dir), "Scripts"))
    return str(PurePosixPath(str(venv_dir), "bin"))


def venv_dir_for(root, environ):
    """The venv folder: $KEHOACH_VENV (relative to the current folder) or ROOT/.venv."""
    override = environ.get(VENV_ENV_VAR, "").strip()
    if override:
        return Path(os.path.abspath(os.path.expanduser(override)))
    return Path(root) / DEFAULT_VENV_NAME


def compute_stamp(pyproject_bytes, python_version, project_root, constraints=None):
    """Hash of what the installation depends on.

    pyproject.toml's bytes, the venv's Python version ("3.11"), the
    project's folder (an editable install records its absolute path) and,
    when pip is given constraints files, what they say (constraint_inputs()).
    """
    parts = [
        STAMP_FORMAT.encode("utf-8"),
        pyproject_bytes,
        str(python_version).encode("utf-8"),
        os.path.normcase(str(project_root)).encode("utf-8"),
        EXTRAS.encode("utf-8"),
    ]
    if constraints is not None:  # absent: the same stamp as before constraints were stamped
        parts.append(constraints)
    digest = hashlib.sha256()
    for part in parts:
        digest.update(str(len(part)).encode("ascii") + b":")
        digest.update(part)
    return digest.hexdigest()


def constraint_inputs(environ, root):
    """The constraints files named by $PIP_CONSTRAINT and $PIP_BUILD_CONSTRAINT,
    as bytes for the stamp (each name and its content), or None when
    neither is set. pip runs in the project's folder, so a relative name
    is read from there; a name that cannot be read (a URL) counts as its text.
    """
    parts = []
    for var in CONSTRAINT_ENV_VARS:
        for name in environ.get(var, "").split():
            try:
                content = (Path(root) / os.path.expanduser(name)).read_bytes()
            except OSError:
                content = b""
            parts.append(("%s=%s:%d:" % (var, name, len(content))).encode("utf-8") + content)
    if not parts:
        return None
    return b"\n".join(parts)


def stamp_path(venv_dir):
    return Path(venv_dir) / STAMP_NAME


def read_stamp(venv_dir):
    try:
        return stamp_path(venv_dir).read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return None


def needs_install(venv_dir, expected_stamp):
    """True when the stamp is missing or differs from the expected one."""
    return read_stamp(venv_dir) != expected_stamp


def write_stamp(venv_dir, value):
    """Write the stamp atomically (a half-written stamp never matches)."""
    path = stamp_path(venv_dir)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(value + "\n", encoding="ascii")
    os.replace(str(tmp), str(path))


def remove_stamp(venv_dir):
    try:
        stamp_path(venv_dir).unlink()
    except FileNotFoundError:
        pass


def parse_command(argv):
    """Split dev.py's arguments: ("run"|"test"|"help"|None|"?bad", rest)."""
    if not argv:
        return None, []
    first, rest = argv[0], list(argv[1:])
    if first in ("-h", "--help", "help", "/?"):
        return "help", rest
    if first in COMMANDS:
        return first, rest
    return "?" + first, rest


def child_command(command, python, args):
    """The child process's argument list for `run` or `test`."""
    if command == "run":
        return [python, "-m", "kehoach_desktop"] + list(args)
    if command == "test":
        return [python, "-m", "pytest"] + list(args)
    raise ValueError(command)


def check_commands(python):
    """The maintainers' checks as (name, argument list), in order.

    Each check is the program the venv installed beside its python (on Windows
    CreateProcess adds the .exe).
    """
    bin_dir = os.path.dirname(python)
    return [(name, [os.path.join(bin_dir, program)] + list(args)) for name, program, args in CHECKS]


def child_env(command, environ, venv_dir, os_name=None):
    """The child's environment: the venv activated; offscreen Qt for tests."""
    env = dict(environ)
    env["VIRTUAL_ENV"] = str(venv_dir)
    env.pop("PYTHONHOME", None)
    path_key = "PATH"
    for key in env:  # Windows spells it "Path" and dict(os.environ) keeps the case
        if key.upper() == "PATH":
            path_key = key
            break
    old_path = env.get(path_key, "")
    bin_dir = venv_bin_dir(venv_dir, os_name)
    env[path_key] = bin_dir + (os.pathsep + old_path if old_path else "")
    if command in ("test", "check") and not env.get("QT_QPA_PLATFORM"):
        env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def exit_status(returncode):
    """A child's return code as our exit code (POSIX signals become 128+N)."""
    if returncode < 0:
        return 128 + (-returncode)
    return returncode


# --------------------------------------------------------------------------
# Side effects
# --------------------------------------------------------------------------

def say(message):
    """Progress and errors go to stderr so that `run`'s stdout stays the program's."""
    print(message, file=sys.stderr, flush=True)


def _safe_streams():
    # A console or pipe in a legacy code page must not crash on Vietnamese text.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            try:
                reconfigure(errors="replace")
            except (ValueError, OSError):
                pass


def find_venv_python(venv_dir):
    """The venv's interpreter as it is on disk (the usual layout first)."""
    preferred = venv_python(venv_dir)
    other = venv_python(venv_dir, "posix" if os.name == "nt" else "nt")
    for candidate in (preferred, other):
        if os.path.isfile(candidate):
            return candidate
    return preferred


def probe_python(python):
    """The interpreter's "major.minor" version, or None when it does not start."""
    try:
        result = subprocess.run(
            [python, "-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            timeout=120,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if result.returncode != 0:
        return None
    text = result.stdout.decode("ascii", "replace").strip()
    try:
        major, minor = (int(x) for x in text.split("."))
    except ValueError:
        return None
    return "%d.%d" % (major, minor)


def _version_tuple(text):
    return tuple(int(x) for x in text.split("."))


def create_venv(venv_dir, clear=False):
    import venv

    existed = venv_dir.exists()
    say("Đang tạo môi trường ảo %s…" % _display(venv_dir))
    try:
        venv.EnvBuilder(with_pip=True, clear=clear).create(str(venv_dir))
    except (Exception, KeyboardInterrupt) as exc:
        if not existed:
            shutil.rmtree(str(venv_dir), ignore_errors=True)
        if isinstance(exc, KeyboardInterrupt):
            raise
        raise DevError(
            "Lỗi: không tạo được môi trường ảo %s (%s).\n"
            "Trên Debian/Ubuntu, hãy cài gói python3-venv "
            "(sudo apt install python3-venv) rồi chạy lại."
            % (_display(venv_dir), exc)
        )


def _display(path):
    try:
        return str(Path(path).relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def ensure_venv(venv_dir):
    """Create the venv when missing or broken; return (python, "major.minor")."""
    if venv_dir.exists() and not venv_dir.is_dir():
        raise DevError(
            "Lỗi: %s không phải là thư mục; hãy xoá nó hoặc đặt %s sang chỗ khác."
            % (_display(venv_dir), VENV_ENV_VAR)
        )
    is_venv = (venv_dir / "pyvenv.cfg").is_file()
    if venv_dir.is_dir() and not is_venv and any(venv_dir.iterdir()):
        raise DevError(
            "Lỗi: thư mục %s đã có và không phải là môi trường ảo; "
            "hãy xoá nó hoặc đặt %s sang chỗ khác."
            % (_display(venv_dir), VENV_ENV_VAR)
        )
    if is_venv:
        python = find_venv_python(venv_dir)
        version = probe_python(python)
        if version is not None and _version_tuple(version) >= MIN_PYTHON:
            return python, version
        if version is None:
            say("Môi trường ảo %s bị hỏng (không chạy được Python trong đó); "
                "sẽ tạo lại." % _display(venv_dir))
        else:
            say("Môi trường ảo %s dùng Python %s, cũ hơn %d.%d; sẽ tạo lại."
                % ((_display(venv_dir), version) + MIN_PYTHON))
        create_venv(venv_dir, clear=True)
    else:
        create_venv(venv_dir)
    python = find_venv_python(venv_dir)
    version = probe_python(python)
    if version is None:
        raise DevError(
            "Lỗi: đã tạo môi trường ảo %s nhưng không chạy được %s."
            % (_display(venv_dir), python)
        )
    return python, version


def install_project(python, venv_dir, stamp, environ):
    """pip install -e ".[test]"; the stamp is written only after success."""
    remove_stamp(venv_dir)  # an interrupted install must be retried next time
    say("Đang cài đặt các thư viện (lần đầu có thể mất vài phút)…")
    env = dict(environ)  # the environment the stamp was computed from ($PIP_CONSTRAINT)
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    env.pop("PYTHONHOME", None)
    command = [python, "-m", "pip", "install", "-q", "-e", ".[%s]" % EXTRAS]
    try:
        returncode = subprocess.call(command, cwd=str(ROOT), env=env,
                                     stdin=subprocess.DEVNULL)
    except OSError as exc:
        raise DevError("Lỗi: không chạy được pip (%s)." % exc)
    if returncode != 0:
        raise DevError(
            "Lỗi: cài đặt các thư viện thất bại (pip trả về mã %d). "
            "Hãy kiểm tra kết nối mạng và thông báo lỗi ở trên rồi chạy lại; "
            "lần sau lệnh sẽ tự cài lại." % returncode
        )
    write_stamp(venv_dir, stamp)
    say("Đã cài đặt xong.")


def prepare(environ=None):
    """Make sure the venv exists and the project is installed; return its python."""
    if environ is None:
        environ = os.environ
    venv_dir = venv_dir_for(ROOT, environ)
    python, version = ensure_venv(venv_dir)
    pyproject = ROOT / "pyproject.toml"
    try:
        pyproject_bytes = pyproject.read_bytes()
    except OSError as exc:
        raise DevError("Lỗi: không đọc được %s (%s)." % (pyproject, exc))
    stamp = compute_stamp(pyproject_bytes, version, ROOT, constraint_inputs(environ, ROOT))
    if needs_install(venv_dir, stamp):
        install_project(python, venv_dir, stamp, environ)
    return python, venv_dir


def run_child(command, cwd, env):
    """Run the child and return its exit status; Ctrl+C waits for the child."""
    try:
        process = subprocess.Popen(command, cwd=cwd, env=env)
    except OSError as exc:
        raise DevError("Lỗi: không chạy được %s (%s)." % (command[0], exc))
    while True:
        try:
            return exit_status(process.wait())
        except KeyboardInterrupt:
            # The child got the same Ctrl+C; let it finish and report its code.
            continue


def run_checks(python, env):
    """Run every check (all of them, even after a failure); 1 when any failed."""
    failed = []
    for name, command in check_commands(python):
        say("==> %s" % name)
        if run_child(command, str(ROOT), env) != 0:
            failed.append(name)
    if failed:
        say("Kiểm tra không đạt: %s." % ", ".join(failed))
        return 1
    say("Mọi kiểm tra đều đạt (%s)." % ", ".join(name for name, _, _ in CHECKS))
    return 0


def main(argv=None):
    _safe_streams()
    if argv is None:
        argv = sys.argv[1:]
    command, rest = parse_command(argv)
    if command == "help":
        print(USAGE, end="")
        return 0
    if command is None:
        say("Thiếu lệnh: hãy dùng \"run\", \"test\" hoặc \"check\".\n")
        say(SHORT_USAGE.rstrip("\n"))
        return 2
    if command.startswith("?"):
        say("Lệnh không hợp lệ: %r; hãy dùng \"run\", \"test\" hoặc \"check\".\n" % command[1:])
        say(SHORT_USAGE.rstrip("\n"))
        return 2
    try:
        python, venv_dir = prepare()
        env = child_env(command, os.environ, venv_dir)
        if command == "check":
            return run_checks(python, env)
        # Tests run from the project folder (pytest finds its settings there);
        # the application keeps the caller's folder for relative --db paths.
        cwd = str(ROOT) if command == "test" else None
        return run_child(child_command(command, python, rest), cwd, env)
    except DevError as exc:
        say(str(exc))
        return 1
    except KeyboardInterrupt:
        say("Đã dừng (Ctrl+C).")
        return 130


if __name__ == "__main__":
    sys.exit(main())
