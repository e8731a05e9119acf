"""The end of an existing plan: recipients ("Nơi nhận:") and signature
blocks, in whichever order the file has them."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...core.family_names import starts_with_family_name
from ...core.model import Signature
from ...core.text import fold
from .header_fields import is_upper

# "TM." and its typed variants "T/M", "TM " (no dot); "Q." and "TUQ." only with the dot.
AUTHORITY = re.compile(r"^(T/?M|K/?T|T/?L|TUQ|Q)(?:\.\s*|(?<=[MTL])\s+)(\S.*)$")
APPENDIX = re.compile(r"^PH[ỤU]\s+L[ỤU]C\b", re.I)
RECIPIENTS = re.compile(r"n[ơo]i\s+nh[ậa]n\s*:?", re.I)
ITEM = re.compile(r"^[-–—+·•*●▪]\s*")
# A note of the signature block in brackets: "(Đã ký)", "(Ký tên, đóng dấu)",
# "(Ký, ghi rõ họ tên)". It is kept after the position, where it is printed.
# Typed without brackets too ("Đã ký", "Ký tên, đóng dấu"), as some pages give it.
_NOTE = r"\(\s*(?:đã\s+ký|ký|chữ\s+ký)\b[^()]*\)|đã\s+ký\b\.?|ký\s+tên\b[^()]*"
SIGNATURE_NOTE = re.compile(rf"^(?:{_NOTE})\.?$", re.I)
_NOTES_AT_END = re.compile(rf"(?:\s*(?:{_NOTE}))+$", re.I)


@dataclass
class Back:
    recipients: list[str] = field(default_factory=list)
    signatures: list[Signature] = field(default_factory=list)
    leftovers: list[str] = field(default_factory=list)
    appendix: list[str] = field(default_factory=list)  # "PHỤ LỤC …" after the signatures, to the end


@dataclass(frozen=True)
class BackHints:
    """What a Word file tells of its end (signature_hints): the lines the
    back may start at (a signature table's first line, the first of a run
    of centred or right-aligned paragraphs holding a signature), the
    signers' names (a signature block's last line, in bold) and the lines of
    a recipients' cell beside a signature's, with or without "Nơi nhận:".
    A text file tells nothing."""

    starts: tuple[int, ...] = ()
    names: frozenset[str] = frozenset()
    recipients: frozenset[str] = frozenset()


def signature_lines(lines: list[str]) -> bool:
    """Whether the lines hold a signature block: an authority line, a
    signer's position alone on its line, or a note ("(Đã ký)")."""
    for line in lines:
        text = " ".join(line.split())
        authority = AUTHORITY.match(text)
        if authority and is_upper(authority.group(2)) or _is_position(text) or SIGNATURE_NOTE.match(text):
            return True
    return False


# A position's words, with their tone marks ("trưởng", not the family name
# "Trương"): a block's last line holding one is a position not in the list
# ("TRƯỞNG BAN TỔ CHỨC"), not a name.
_POSITION_WORDS = re.compile(r"(?:^|\s)(?:bí thư|chủ tịch|giám đốc|(?:ủy|uỷ|uy) viên|thường trực|trưởng|ban)(?:\s|$)|^phó\s")


def signer_name(text: str) -> bool:
    """Whether a signature block's last line, in bold, is its signer's name:
    a few words without digits, no position, authority or note ("LÝ THỊ
    NGỌC HÂN", "Y Blốc": names the family names' list may not hold)."""
    text = " ".join(text.split())
    words = text.split()
    return 1 <= len(words) <= 6 and not any(ch.isdigit() for ch in text) and not text.endswith((":", ";", ".")) \
        and not AUTHORITY.match(text) and not _is_position(text) and not SIGNATURE_NOTE.match(text) \
        and not RECIPIENTS.match(text) and not ITEM.match(text) and not _POSITION_WORDS.search(text.casefold())


def _authority(match: re.Match) -> str:
    return match.group(1).replace("/", "").upper() + "."


def unglue(lines: list[str]) -> list[str]:
    """Splits a line where a conversion glued "Nơi nhận:" to the text before
    it ("TM. BAN THƯỜNG VỤ ĐOÀN KHỐINơi nhận:")."""
    out = []
    for line in lines:
        match = RECIPIENTS.search(line)
        if match and match.start() > 0 and line[:match.start()].strip():
            out += [line[:match.start()].rstrip(), line[match.start():]]
        else:
            out.append(line)
    return out


def starts_back(line: str) -> bool:
    text = line.replace("\t", " ").strip().split("\t")[0]
    if RECIPIENTS.match(text):
        return True
    match = AUTHORITY.match(text)
    # A block without "TM."/"KT." starts at its position in capitals, alone on its line ("BÍ THƯ").
    return bool(match and is_upper(match.group(2))) or (is_upper(text) and _is_position(text))


def _is_name(text: str) -> bool:
    """A signer's name: two to six capitalised words, not in capitals."""
    words = text.split()
    return (2 <= len(words) <= 6 and not is_upper(text) and all(w[:1].isupper() for w in words)
            and not text.endswith((".", ":", ";")))


def parse_back(lines: list[str], hints: BackHints | None = None) -> Back:
    """Recipients and signature blocks in the lines; ``hints``: what a Word
    file tells (the names and recipients it marks are taken as such)."""
    hints = hints or BackHints()
    back = Back()
    i = 0
    current: Signature | None = None
    in_recipients = False
    gap = False  # a blank line since the signer's position: the room to sign
    while i < len(lines):
        text = lines[i].replace("\t", " ").strip()
        i += 1
        if not text:
            gap = True
            continue
        if APPENDIX.match(text) and (back.signatures or back.recipients):
            back.appendix = [line for line in lines[i - 1:]]
            break
        if RECIPIENTS.match(text):
            in_recipients, current = True, None
            rest = RECIPIENTS.sub("", text, count=1).strip()
            if rest:
                back.recipients.append(_recipient(rest))
            continue
        if text in hints.recipients and not signature_lines([text]):
            in_recipients, current = True, None  # the cell beside the signature's, "Nơi nhận:" or not
            back.recipients.append(_recipient(text))
            continue
        if text in hints.names and current is not None and not current.name:
            current.name = text  # the bold last line of the block Word sets apart
            continue
        authority = AUTHORITY.match(text)
        if authority and is_upper(authority.group(2)):
            in_recipients, gap = False, False
            current = Signature(_authority(authority), authority.group(2).strip(), "", "")
            back.signatures.append(current)
            continue
        if SIGNATURE_NOTE.match(text) and (current is not None or not in_recipients):
            if current is None:
                current = Signature("", "", "", "")
                back.signatures.append(current)
            current.position = " ".join(p for p in (current.position, text) if p)
            # The note stands where the signature goes: a name after it is under the room to sign.
            in_recipients, gap = False, True
            continue
        if in_recipients and ITEM.match(text):
            back.recipients.append(_recipient(text))
            continue
        if current is not None and _position_only(current) and not current.name and gap and _is_name(text.title()):
            current.name = text  # a name typed in capitals, under the room to sign
            continue
        if current is not None and _position_only(current) and not current.name and _is_capital_name(text):
            current.name = text  # a name in capitals right under the position, no room left to sign
            continue
        if _is_position(text) and not is_upper(text):
            text = text.upper()  # "Bí thư": a signer's position typed in small letters, printed in capitals
        if is_upper(text) and not ITEM.match(text) and current is not None and current.name and not current.position \
                and _is_position(text):
            current.position = text  # the name above the position ("Nguyễn Văn An" / "BÍ THƯ")
            continue
        if is_upper(text) and not ITEM.match(text):
            in_recipients, gap = False, False
            if current is None or current.name:
                current = Signature("", "", text, "")  # a block without "TM."/"KT.": its position first
                back.signatures.append(current)
            else:
                current.position = _with_position(current.position, text)
            continue
        if current is not None and not current.name and _is_name(text):
            current.name = text
            continue
        if in_recipients:
            back.recipients.append(_recipient(text))
            continue
        back.leftovers.append(text)
    return back


# The positions a signer holds (folded): "BÍ THƯ", "PHÓ CHỦ TỊCH", "HIỆU TRƯỞNG", "TỔNG PHỤ TRÁCH" …
_POSITIONS = ("bi thu", "pho bi thu", "chu tich", "pho chu tich", "truong ban", "pho truong ban", "hieu truong",
              "pho hieu truong", "tong phu trach", "lien doi truong", "chi doan truong", "uy vien", "thuong truc",
              "giam doc", "pho giam doc", "chanh van phong", "truong phong", "pho truong phong")


def _is_position(text: str) -> bool:
    """A signer's position, in any case ("Bí thư", "PHÓ BÍ THƯ")."""
    folded = " ".join(fold(text).split())
    return folded in _POSITIONS


def _is_capital_name(text: str) -> bool:
    """A person's name in capitals ("NGUYỄN VĂN AN"): it starts with a
    family name (core.family_names, matched with tone marks, so "TRƯỞNG
    BAN" is no name) and reads as a name once capitalised."""
    words = text.split()
    return is_upper(text) and starts_with_family_name(words) and _is_name(text.title()) \
        and all(word.isalpha() for word in words)


def _position_only(sig: Signature) -> str:
    """The signer's position without its notes: a block holding only
    "(Đã ký)" has no position yet, so a capital line under it is one."""
    return _NOTES_AT_END.sub("", sig.position).strip()


def _with_position(position: str, text: str) -> str:
    """The position with a line of it added, before the notes ("(Đã ký)")
    that came first."""
    notes = _NOTES_AT_END.search(position)
    head, tail = (position[:notes.start()], notes.group(0)) if notes else (position, "")
    return " ".join(p.strip() for p in (head, text, tail) if p.strip())


def _recipient(text: str) -> str:
    return ITEM.sub("", text, count=1).strip().rstrip(".;,").strip()

