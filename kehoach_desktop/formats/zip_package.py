"""The zip packages of Word and Excel files from outside (.docx and .xlsx
are zip archives). A part is refused before it is unpacked when it
declares an absurd size, is encrypted or compressed in a way Office never
uses; it is unpacked in small pieces and never past the size it declares,
so a header that lies is found out after a few bytes more, not after
gigabytes. Every way a damaged archive fails is told as UserError."""
from __future__ import annotations

import copy
import lzma
import zipfile
import zlib

from ..core.errors import UserError

# What reading a part of a damaged archive raises: a bad header or CRC, a
# corrupt deflate stream, data cut short, an unreadable offset.
BROKEN = (zipfile.BadZipFile, zlib.error, lzma.LZMAError, EOFError, OSError, NotImplementedError)
MB = 1024 * 1024
CHUNK = 256 * 1024
# Office packages (OPC) are stored or deflated; bzip2 and lzma unpack a
# chunk without any bound, so they are refused before unpacking.
METHODS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)
_METHOD_NAMES = {zipfile.ZIP_BZIP2: "bzip2", zipfile.ZIP_LZMA: "lzma"}


def check_member(info: zipfile.ZipInfo, label: str, limit: int, what: str) -> None:
    """Refuses, before unpacking, a part that declares more than ``limit``
    bytes, is encrypted, or is compressed in a way Office does not use."""
    if info.flag_bits & 0x1:
        raise UserError(f"tệp {what} có đặt mật khẩu; hãy bỏ mật khẩu rồi lưu lại", file=label)
    if info.file_size > limit:
        raise UserError(f"tệp {what} giải nén ra quá lớn (phần “{info.filename}” hơn {limit // MB} MB), không đọc",
                        file=label)
    if info.compress_type not in METHODS:
        method = _METHOD_NAMES.get(info.compress_type, f"số {info.compress_type}")
        raise UserError(f"tệp {what} bị hỏng hoặc không do Word/Excel tạo (phần “{info.filename}” nén theo "
                        f"kiểu {method}, Word và Excel không dùng)", file=label)


def check_package(archive: zipfile.ZipFile, label: str, *, member_limit: int, total_limit: int, what: str) -> None:
    """Every part checked as by check_member, and the whole package no
    bigger than ``total_limit`` once unpacked."""
    total = 0
    for info in archive.infolist():
        check_member(info, label, member_limit, what)
        total += info.file_size
    if total > total_limit:
        raise UserError(f"tệp {what} giải nén ra quá lớn (hơn {total_limit // MB} MB), không đọc", file=label)


def read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, label: str, limit: int, what: str, *,
                keep: bool = True) -> bytes:
    """The part's bytes (b"" unless ``keep``), after check_member; refused
    as soon as it unpacks to more than it declares."""
    check_member(info, label, limit, what)
    # Let zipfile read one byte past the declared size: an honest part ends
    # before it, a lying one shows itself there.
    probe = copy.copy(info)
    probe.file_size = info.file_size + 1
    pieces, size = [], 0
    try:
        with archive.open(probe) as part:
            while size <= info.file_size and (piece := part.read(CHUNK)):
                if keep:
                    pieces.append(piece)
                size += len(piece)
    except BROKEN as exc:
        raise UserError(f"tệp {what} bị hỏng, không mở được (phần “{info.filename}”: {exc})", file=label) from None
    if size != info.file_size:
        raise UserError(f"tệp {what} bị hỏng: phần “{info.filename}” ghi sai kích thước khi giải nén", file=label)
    return b"".join(pieces)


def verify_package(archive: zipfile.ZipFile, label: str, what: str, *, member_limit: int,
                   total_limit: int) -> None:
    """check_package, then every part unpacked (in pieces, discarded) so
    that a damaged or lying part is told before a library reads it."""
    check_package(archive, label, member_limit=member_limit, total_limit=total_limit, what=what)
    for info in archive.infolist():
        if not info.is_dir():
            read_member(archive, info, label, member_limit, what, keep=False)
