"""Converting documents with LibreOffice when it is installed (headless)."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

from ..core.cancel import CancelledError, CancelToken
from ..core.errors import UserError
from .temp_files import remove_stale_conversion_folders

_CANDIDATES = ("soffice", "libreoffice")
_WINDOWS_PATHS = (r"C:\Program Files\LibreOffice\program\soffice.exe",
                  r"C:\Program Files (x86)\LibreOffice\program\soffice.exe")


def find_soffice() -> str | None:
    for name in _CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    for path in _WINDOWS_PATHS:
        if os.path.exists(path):
            return path
    return None


def convert(sources: list[Path], target_format: str, out_dir: Path, timeout: float = 180,
            cancel: CancelToken | None = None) -> list[Path]:
    """Convert each source to ``target_format`` ("pdf", "docx") into out_dir.

    Uses a private LibreOffice profile so a running LibreOffice of the user's
    does not block the conversion. ``cancel`` stops it at once: LibreOffice
    is killed (it and the processes it started) and CancelledError is raised.
    """
    soffice = find_soffice()
    if soffice is None:
        raise UserError("chưa cài LibreOffice nên không chuyển đổi được tệp")
    out_dir.mkdir(parents=True, exist_ok=True)
    remove_stale_conversion_folders()  # those of a conversion killed with its program
    with tempfile.TemporaryDirectory(prefix="kehoach-lo-") as profile:
        command = [soffice, f"-env:UserInstallation={Path(profile).as_uri()}", "--headless", "--norestore",
                   "--convert-to", target_format, "--outdir", str(out_dir), *map(str, sources)]
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                   stdin=subprocess.DEVNULL, **_OWN_GROUP)
        forget = cancel.on_cancel(lambda: _kill(process)) if cancel is not None else (lambda: None)
        try:
            stdout, stderr = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            _kill(process)
            raise UserError(f"LibreOffice không chuyển đổi xong trong {int(timeout)} giây") from None
        finally:
            forget()
        if cancel is not None and cancel.cancelled:
            raise CancelledError
    outputs = [out_dir / (Path(s).stem + "." + target_format.split(":")[0]) for s in sources]
    missing = [p for p in outputs if not p.exists() or p.stat().st_size == 0]
    if process.returncode != 0 or missing:
        detail = (stderr or stdout).strip().splitlines()[-1:] or [""]
        raise UserError(f"LibreOffice không chuyển đổi được {', '.join(p.name for p in missing) or 'tệp'} "
                        f"({detail[0]})")
    return outputs


# soffice is a launcher: the work is done by soffice.bin, its child. LibreOffice
# runs in a process group (POSIX) or a process tree (Windows) of its own so
# that killing it on cancel or timeout leaves no converter running.
if sys.platform == "win32":
    _OWN_GROUP: dict = {"creationflags": subprocess.CREATE_NEW_PROCESS_GROUP}
else:
    _OWN_GROUP: dict = {"start_new_session": True}


if sys.platform == "win32":
    def _kill_tree(pid: int) -> None:
        subprocess.run(["taskkill", "/F", "/T", "/PID", str(pid)], capture_output=True, stdin=subprocess.DEVNULL,
                       timeout=10, check=False)
else:
    def _kill_tree(pid: int) -> None:
        os.killpg(pid, signal.SIGKILL)  # the session started with it: its group id is its pid


def _kill(process: subprocess.Popen) -> None:
    """Kill LibreOffice and what it started; waits for it (a few seconds at most)."""
    if process.poll() is not None:
        return
    try:
        _kill_tree(process.pid)
    except (OSError, subprocess.TimeoutExpired):
        process.kill()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        pass  # the outputs are in a temporary folder that goes with it
