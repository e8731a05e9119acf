"""Writing a file so that it is either the old file or the whole new one."""
from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

from ..core.errors import UserError


def write_atomically(target: Path, data: bytes, *, overwrite: bool) -> None:
    """Write ``data`` to a temporary file beside ``target``, then rename it.

    Refuses to replace an existing file unless ``overwrite``; a failure
    leaves the previous file intact and no temporary file behind.
    """
    target = Path(target)
    if target.exists() and not overwrite:
        raise UserError("tệp đã có; dùng --force để ghi đè", file=str(target))
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise UserError("thư mục không tồn tại", file=str(target))
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise UserError(f"không ghi được vào thư mục ({exc.strerror})", file=str(target)) from None
    try:
        with os.fdopen(fd, "wb") as handle:
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

