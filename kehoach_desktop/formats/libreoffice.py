"""Converting documents with LibreOffice when it is installed (headless)."""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from ..core.errors import UserError

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


def convert(sources: list[Path], target_format: str, out_dir: Path, timeout: float = 180) -> list[Path]:
    """Convert each source to ``target_format`` ("pdf", "docx") into out_dir.

    Uses a private LibreOffice profile so a running LibreOffice of the user's
    does not block the conversion.
    """
    soffice = find_soffice()
    if soffice is None:
        raise UserError("chưa cài LibreOffice nên không chuyển đổi được tệp")
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="kehoach-lo-") as profile:
        command = [soffice, f"-env:UserInstallation={Path(profile).as_uri()}", "--headless", "--norestore",
                   "--convert-to", target_format, "--outdir", str(out_dir), *map(str, sources)]
        try:
            result = subprocess.run(command, capture_output=True, text=True, timeout=timeout,
                                    stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            raise UserError(f"LibreOffice không chuyển đổi xong trong {int(timeout)} giây") from None
    outputs = [out_dir / (Path(s).stem + "." + target_format.split(":")[0]) for s in sources]
    missing = [p for p in outputs if not p.exists() or p.stat().st_size == 0]
    if result.returncode != 0 or missing:
        detail = (result.stderr or result.stdout).strip().splitlines()[-1:] or [""]
        raise UserError(f"LibreOffice không chuyển đổi được {', '.join(p.name for p in missing) or 'tệp'} "
                        f"({detail[0]})")
    return outputs
