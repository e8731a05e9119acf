"""Writing a file so that it is either the old file or the whole new one."""
from __future__ import annotations

import contextlib
import errno
import os
import stat
from pathlib import Path

from ..core.errors import UserError
from .temp_files import remove_stale_temps, temp_name


def write_atomically(target: Path, data: bytes, *, overwrite: bool) -> None:
    """Write ``data`` to a temporary file beside ``target``, then rename it.

    Refuses to replace an existing file unless ``overwrite``; a failure
    leaves the previous file intact and no temporary file behind. A new file
    gets the usual permissions (0666 less the umask, as any program's); a
    replaced one keeps its mode, and its group where the owner may set it.
    Temporary files of ours that a killed write left in the folder go first
    (temp_files.py).
    """
    target = Path(target)
    if target.exists() and not overwrite:
        raise UserError("tệp đã có; dùng --force để ghi đè", file=str(target))
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise UserError("thư mục không tồn tại", file=str(target))
    remove_stale_temps(folder)
    tmp_name = temp_name(target)
    try:
        # os.open applies the umask to 0o666 as open() would (mkstemp gives 0o600).
        fd = os.open(tmp_name, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    except OSError as exc:
        raise UserError(f"không ghi được vào thư mục ({exc.strerror})", file=str(target)) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            _keep_mode_of(target, handle.fileno())
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, target)
    except OSError as exc:
        Path(tmp_name).unlink(missing_ok=True)
        raise UserError(f"{_reason(exc, target)}; tệp cũ (nếu có) vẫn còn nguyên", file=str(target)) from None
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise


def _keep_mode_of(target: Path, fd: int) -> None:
    """Give the new file the mode (and group) of the file it replaces."""
    try:
        info = os.stat(target)
    except OSError:
        return  # a new file: the mode os.open gave it
    if not stat.S_ISREG(info.st_mode) or not hasattr(os, "fchmod"):
        return  # Windows: a file's only mode bit is read-only, which the replace would refuse anyway
    if hasattr(os, "fchown"):
        with contextlib.suppress(OSError):  # a group the user is not in: the file keeps the user's
            os.fchown(fd, -1, info.st_gid)
    os.fchmod(fd, stat.S_IMODE(info.st_mode))  # after chown, which may clear setgid


def _reason(exc: OSError, target: Path) -> str:
    """What the clerk can do about a failed write."""
    if target.is_dir():
        return "đã có một thư mục trùng tên, hãy chọn tên tệp khác"
    if isinstance(exc, PermissionError) or exc.errno in (errno.EACCES, errno.EBUSY, errno.EPERM):
        # Windows refuses to replace a file another program holds open.
        return ("tệp đang được mở trong chương trình khác (Word, Excel…) hoặc không có quyền ghi; hãy đóng tệp "
                "rồi thử lại")
    if exc.errno in (errno.ENOSPC, errno.EFBIG, errno.EDQUOT):
        return "ổ đĩa đã đầy hoặc tệp vượt giới hạn, chưa ghi được"
    return f"không ghi được tệp ({exc.strerror or exc})"

