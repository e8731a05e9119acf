"""Who a plan invites, read from its participants sections: each entry
("Kính mời đồng chí Thường trực Thành Đoàn", "Đại diện Thường trực Đoàn Sở
Y tế, Đoàn Sở Tư pháp (02 đồng chí)") becomes guest-list rows with the
honorific, position, unit and head count in their own fields; a unit invited
as a whole is told from a person named by position only (whose name the clerk
fills in). The plan's signers and the people of its own issuing body are left
out by default (one does not invite oneself), and the result says which and
why. Also the plan's group order (chair, guests, units…) and the group a unit
is named in.

Plain words, no dictionary: a few lists of the words that open a verb, an
honorific, a representative, a position and a unit, matched without case or
diacritics (a unit word only when capitalised, as unit names are written)."""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace

from . import content as c
from .attendees import Attendee
from .model import Plan
from .text import clean_text, fold, nfc, search_words

# ------------------------------------------------------------------ the words

VERBS = ("Trân trọng kính mời", "Trân trọng mời", "Kính mời", "Xin mời", "Mời", "Kính gửi")
# spelling -> the honorific stored (core/attendees.HONORIFICS); "các đồng chí": several people
HONORIFICS = {"các đồng chí": "đồng chí", "đồng chí": "đồng chí", "đ/c": "đồng chí", "đ.c": "đồng chí",
              "ông": "ông", "bà": "bà"}
REPRESENTATIVES = ("Đại diện lãnh đạo", "Đại diện", "Lãnh đạo")
POSITIONS = (
    "Phó Bí thư Thường trực", "Phó Chủ tịch Thường trực", "Ủy viên Ban Thường vụ", "Ủy viên Ban Chấp hành",
    "Ủy viên Ủy ban Kiểm tra", "Phó Chủ nhiệm Ủy ban Kiểm tra", "Chủ nhiệm Ủy ban Kiểm tra", "Ủy viên Thường trực",
    "Phó Bí thư", "Bí thư", "Phó Chủ tịch", "Chủ tịch", "Thường trực", "Phó Trưởng ban", "Trưởng ban",
    "Phó Giám đốc", "Giám đốc", "Phó Chánh Văn phòng", "Chánh Văn phòng", "Phó Chủ nhiệm", "Chủ nhiệm",
    "Phó Hiệu trưởng", "Hiệu trưởng", "Phó Trưởng phòng", "Trưởng phòng", "Phó Tổng Biên tập", "Tổng Biên tập",
    "Thủ trưởng", "Chỉ huy trưởng", "Chính trị viên", "Ủy viên",
)
# The words a unit's name starts with: where a list of units is cut into one
# unit each. Not "Thành phố", "Xã", "Phường": they occur inside names
# ("Sở Lao động, Thương binh và Xã hội").
UNIT_WORDS = (
    "Chi đoàn", "Liên chi đoàn", "Thành Đoàn", "Quận Đoàn", "Huyện Đoàn", "Tỉnh Đoàn", "Thị Đoàn", "Đoàn",
    "Trung ương Đoàn", "Đảng ủy", "Đảng bộ", "Chi bộ", "Thành ủy", "Quận ủy", "Huyện ủy", "Tỉnh ủy", "Thị ủy",
    "Liên đoàn", "Công đoàn", "Hội đồng", "Hội", "Ban", "Sở", "Ủy ban", "UBND", "Trung tâm", "Văn phòng",
    "Trường", "Viện", "Cục", "Chi cục", "Phòng", "Bộ", "Báo", "Đài", "Quỹ", "Nhà văn hóa", "Nhà Thiếu nhi",
    "Bệnh viện", "Mặt trận", "Cơ quan", "Câu lạc bộ", "Công an", "Tòa án", "Khu",
)
# A department: named with its parent body ("Ban Tuyên giáo Thành Đoàn"), or
# given the parent named at the end of the list ("Ban Thiếu nhi và Ban
# Tuyên giáo – Đối ngoại Thành Đoàn").
DEPARTMENT_WORDS = ("Ban", "Văn phòng", "Ủy ban Kiểm tra", "Phòng")
PARENT_WORDS = (
    "Thành Đoàn", "Quận Đoàn", "Huyện Đoàn", "Tỉnh Đoàn", "Thị Đoàn", "Trung ương Đoàn", "Đoàn", "Thành ủy",
    "Quận ủy", "Huyện ủy", "Tỉnh ủy", "Thị ủy", "Đảng ủy", "Đảng bộ", "Liên đoàn", "Công đoàn", "Hội", "Sở",
    "Ủy ban nhân dân", "UBND", "Trung tâm", "Bộ", "Cục", "Viện", "Trường", "Mặt trận Tổ quốc",
)
# What stands before an issuing body's name on the signature's line or in
# the header: "TM. BAN THƯỜNG VỤ ĐOÀN KHỐI", "BCH ĐOÀN QUẬN 12".
_BODY_PREFIXES = ("tm", "kt", "ban thuong vu", "btv", "ban chap hanh", "bch")
# Where the plan was written, said or not: "Liên đoàn Lao động Thành phố Hồ
# Chí Minh" is "LIÊN ĐOÀN LAO ĐỘNG THÀNH PHỐ" (not "… thành phố Thủ Đức").
_PLACE_SUFFIXES = ("thanh pho ho chi minh", "tp ho chi minh", "tp hcm", "tphcm", "thanh pho", "tp")
# A part of the own body: "các Ban - Văn phòng Thành Đoàn", "Ban Thường vụ Quận Đoàn".
_OWN_PARTS = ("ban", "cac ban", "van phong", "uy ban kiem tra", "thuong truc", "co quan", "cac phong", "phong")

_PAREN = re.compile(r"\(([^()]*)\)")
_COUNT = re.compile(r"^\s*(?:khoảng|dự kiến:?|gồm)?\s*(\d+)\s+(?:đồng chí|đ/c|người|đại biểu|thành viên)\s*$",
                    re.IGNORECASE)
_SEPARATOR = re.compile(r"(\s*[,;]\s*|\s+và\s+)")
_NAME_END = re.compile(r"\s*(?:,|:|\s[–-])\s*")
DEFAULT_GROUP = "Đại biểu"
_HONORIFIC_PROFILES = ("doan", "dang")  # plans whose people are "đồng chí"


@dataclass
class Generated:
    """Rows to add, what was left out and why (entry text, reason in
    Vietnamese), and the plan's groups in order."""

    rows: list[Attendee] = field(default_factory=list)
    left_out: list[tuple[str, str]] = field(default_factory=list)
    groups: list[str] = field(default_factory=list)


# ----------------------------------------------------------- word matching

# The old tone placement ("Uỷ viên", "hoà") written the new way ("Ủy viên", "hòa").
_NEW_TONES = {"uỷ": "ủy", "uý": "úy", "uỳ": "ùy", "uỹ": "ũy", "uỵ": "ụy",
              "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa"}
_OLD_TONES = re.compile("|".join(_NEW_TONES))


def _folded(word: str) -> str:
    """A word to compare: without case and surrounding punctuation, the
    diacritics kept ("Môi" is not "Mời"), the tone placed the new way."""
    return _OLD_TONES.sub(lambda m: _NEW_TONES[m.group()], nfc(word).casefold().strip(".,;:"))


def _starts(words: Sequence[str], phrases: Sequence[str]) -> tuple[str, int]:
    """(the phrase, its number of words) the words start with, longest
    first, ignoring case (not diacritics); ("", 0) for none."""
    for phrase in sorted(phrases, key=lambda p: -len(p.split())):
        wanted = [_folded(w) for w in phrase.split()]
        if [_folded(w) for w in words[:len(wanted)]] == wanted:
            return phrase, len(wanted)
    return "", 0


def _unit_start(words: Sequence[str], phrases: Sequence[str] = UNIT_WORDS) -> bool:
    """A unit's name starts here: a unit word, capitalised."""
    return bool(words) and words[0][:1].isupper() and _starts(words, phrases)[1] > 0


def _position(words: Sequence[str]) -> tuple[str, int]:
    """The position the words start with, "Nguyên" (former) included:
    "Nguyên Bí thư" is a position as "Bí thư" is; ("", 0) for none."""
    former = 1 if words and _folded(words[0]) == "nguyên" else 0
    position, n = _starts(words[former:], POSITIONS)
    if not n:
        return "", 0
    return (f"{_capital(words[0].lower())} {position}" if former else position), n + former


def _role_start(words: Sequence[str]) -> bool:
    return bool(_position(words)[1]) or any(
        _starts(words, phrases)[1] for phrases in (VERBS, tuple(HONORIFICS), REPRESENTATIVES))


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _key(text: str) -> str:
    """A unit's name to compare: folded words, without the city's name at the end."""
    words = search_words(text)
    for suffix in _PLACE_SUFFIXES:
        tail = suffix.split()
        if len(words) > len(tail) + 1 and words[-len(tail):] == tail:
            words = words[:-len(tail)]
            break
    return " ".join(words)


# ------------------------------------------------------------ one entry

@dataclass
class _Piece:
    """One invitee of an entry as read: what stood before the unit, and the unit."""

    honorific: str = ""
    plural: bool = False
    name: str = ""
    representative: str = ""
    position: str = ""
    unit: str = ""


def _name_after(words: list[str]) -> tuple[str, list[str]]:
    """A person's name right after the honorific ("đồng chí Nguyễn Văn Tâm,
    Phó Bí thư …"): two to five capitalised words none of which starts a
    position or unit; (name, the words after it)."""
    text = " ".join(words)
    cut = _NAME_END.search(text)
    head, rest = (text[:cut.start()], text[cut.end():]) if cut else (text, "")
    candidate = head.split()
    if not 2 <= len(candidate) <= 5 or not all(w[:1].isupper() and w.isalpha() for w in candidate):
        return "", words
    if any(_unit_start(candidate[i:]) or _role_start(candidate[i:]) for i in range(len(candidate))):
        return "", words
    return head, rest.split()


def _read_piece(text: str, first: bool) -> _Piece:
    words = text.split()
    piece = _Piece()
    while (n := _starts(words, VERBS)[1]):
        words = words[n:]
    spelled, n = _starts(words, tuple(HONORIFICS))
    if n:
        piece.honorific, piece.plural, words = HONORIFICS[spelled], spelled.startswith("các "), words[n:]
    piece.representative, n = _starts(words, REPRESENTATIVES)
    words = words[n:]
    piece.position, n = _position(words)
    words = words[n:]
    if words and _folded(words[0]) == "của":  # "Đại diện của Ban …"
        words = words[1:]
    unit = " ".join(words).strip(" ,;:.-–")
    nothing_before = not (piece.honorific or piece.name or piece.representative or piece.position)
    piece.unit = _capital(unit) if first and nothing_before else unit  # the start of the entry's sentence
    return piece


def _pieces(text: str) -> list[_Piece]:
    """The invitees of one entry's text (counts and remarks already out)."""
    words = text.split()
    while (n := _starts(words, VERBS)[1]):
        words = words[n:]
    # "Đồng chí Nguyễn Văn Tâm, Phó Bí thư …": the name before the list is cut at its commas
    spelled, n = _starts(words, tuple(HONORIFICS))
    name, rest = _name_after(words[n:]) if n else ("", words)
    if name:
        words = rest
    parts = _SEPARATOR.split(" ".join(words))
    chunks = [parts[0]]
    for separator, part in zip(parts[1::2], parts[2::2], strict=True):
        following = part.split()
        # a new unit or a new role starts here ("…, Đoàn Sở Y tế", "Bí thư và Phó Bí thư …", "…, các cơ
        # sở Đoàn …"); else the separator is inside a name ("Sở Lao động, Thương binh và Xã hội")
        if _unit_start(following) or _role_start(following) or (following and _folded(following[0]) == "các"):
            chunks.append(part)
        else:
            chunks[-1] += separator + part
    pieces = [_read_piece(chunk, i == 0 and not name) for i, chunk in enumerate(chunks) if chunk.strip()]
    if name:
        pieces[:1] = [replace(pieces[0] if pieces else _Piece(), honorific=HONORIFICS[spelled], name=name)]
    for before, piece in zip(pieces, pieces[1:], strict=False):
        if before.position.startswith("Nguyên ") and piece.position and not piece.position.startswith("Nguyên "):
            piece.position = f"Nguyên {piece.position}"  # "Nguyên Bí thư, Phó Bí thư …": both former
        if not (piece.honorific or piece.name or piece.representative or piece.position):  # a unit only
            piece.honorific, piece.plural = before.honorific, before.plural
            piece.representative, piece.position = before.representative, before.position
    for i in range(len(pieces) - 2, -1, -1):  # a role only ("Bí thư, Phó Bí thư Đoàn 11 phường")
        if not pieces[i].unit:
            pieces[i].unit = pieces[i + 1].unit
    if len(pieces) > 1 and (parent := _parent(pieces[-1].unit)):
        for piece in pieces[:-1]:
            if _department(piece.unit) and not _parent(piece.unit):
                piece.unit = f"{piece.unit} {parent}"
    return pieces


def _department(unit: str) -> bool:
    words = unit.split()
    if words[:1] and _folded(words[0]) == "các":
        words = words[1:]
    return _starts(words, DEPARTMENT_WORDS)[1] > 0


def _parent(unit: str) -> str:
    """The body a department belongs to, named after it ("Ban Tuyên giáo –
    Đối ngoại Thành Đoàn" -> "Thành Đoàn"); "" when none is named."""
    words = unit.split()
    if not _department(unit):
        return ""
    start = 2 if words and _folded(words[0]) == "các" else 1
    for i in range(start, len(words)):
        if _unit_start(words[i:], PARENT_WORDS):
            return " ".join(words[i:])
    return ""


def _remarks(text: str) -> tuple[str, int | None, list[str]]:
    """The text without its parentheses, the count found in one, the other remarks."""
    count, notes = None, []
    for inside in _PAREN.findall(text):
        found = _COUNT.match(inside)
        if found and count is None:
            count = int(found.group(1))
        elif inside.strip():
            notes.append(inside.strip())
    return " ".join(_PAREN.sub(" ", text).split()).strip(" ,;:.-–"), count, notes


def _rows_of(entry: c.ParticipantEntry, group: str, honorific: str, counted: str = "đồng chí") -> list[Attendee]:
    """The entry's invitees, own body and signers included."""
    text, count, notes = _remarks(clean_text(entry.text, single_line=True))
    count = entry.count or count
    if entry.remark.strip():
        notes.append(clean_text(entry.remark, single_line=True).strip())
    pieces = _pieces(text)
    if count and len(pieces) > 1:
        notes.append(f"{count:02d} {counted or 'đồng chí'} cho cả {len(pieces)} đơn vị")
    note = "; ".join(notes)
    rows = []
    for i, piece in enumerate(pieces):
        share = 1
        if count:
            base, extra = divmod(count, len(pieces))
            share = max(1, base + (i < extra))
        whole = bool(piece.representative) or piece.plural or fold(piece.unit).startswith("cac ") or not (
            piece.position or piece.honorific or piece.name)
        position = piece.position
        if piece.representative:
            position = f"{piece.representative} {position}".strip()
        rows.append(Attendee(
            name=piece.name, position=position, unit=piece.unit, group=group, note=note,
            honorific="" if whole else (piece.honorific or honorific), head_count=share, whole_unit=whole))
    return rows


# --------------------------------------------------------- the plan's parts

def _group_title(heading: str) -> str:
    """A group without a title takes the heading of its subsection ("Khách
    mời"); a heading that only says "participants" gives the usual group."""
    title = " ".join(clean_text(heading, single_line=True).split()).strip(" :.")
    if not title or fold(title).startswith("thanh phan"):
        return DEFAULT_GROUP
    return _capital(title.lower()) if title.isupper() else title


def _participants(content: c.Content, heading: str) -> Iterator[tuple[str, c.Participants]]:
    if isinstance(content, c.Participants):
        yield heading, content
    elif isinstance(content, c.FreeContent):
        for block in content.blocks:
            if isinstance(block, c.Subsection):
                yield from _participants(block.content, block.heading)
            elif isinstance(block, c.Embedded):
                yield from _participants(block.content, heading)


def _entries(plan: Plan) -> Iterator[tuple[str, c.ParticipantEntry, str]]:
    """(group, entry, what its count counts) of every participants section, in the plan's order."""
    for section in plan.sections:
        for heading, participants in _participants(section.content, section.heading):
            for group in participants.groups:
                title = " ".join(clean_text(group.title, single_line=True).split()) or _group_title(heading)
                for entry in group.entries:
                    yield title, entry, participants.unit


def plan_groups(plan: Plan) -> list[str]:
    """The participants' groups in the plan's order, for sorted_attendees(rows, plan_groups(plan))."""
    return list(dict.fromkeys(group for group, _entry, _unit in _entries(plan)))


def default_honorific(plan: Plan) -> str:
    """How the plan's people are addressed when a row does not say: "đồng
    chí" in Youth Union and Party plans, nothing said otherwise."""
    return "đồng chí" if plan.profile in _HONORIFIC_PROFILES else ""


# -------------------------------------------------------- own body, signers

def _body_keys(body: str) -> set[str]:
    """The ways a unit's name may say this issuing body."""
    words = search_words(body)
    stripped = True
    while stripped:
        stripped = False
        for prefix in _BODY_PREFIXES:
            head = prefix.split()
            if len(words) > len(head) and words[:len(head)] == head:
                words, stripped = words[len(head):], True
    key = _key(" ".join(words))
    keys = {key} if key else set()
    parts = key.split()
    # "Đoàn Quận 12" is "Quận Đoàn 12", and "Quận Đoàn" in its own plan
    if len(parts) >= 2 and parts[0] == "doan" and parts[1] in ("quan", "huyen", "tinh", "thi"):
        keys |= {" ".join([parts[1], "doan", *parts[2:]]), f"{parts[1]} doan"}
    if len(parts) >= 2 and parts[1] == "doan" and parts[0] in ("quan", "huyen", "tinh", "thi"):
        keys |= {" ".join(["doan", parts[0], *parts[2:]]), f"{parts[0]} doan"}
    if key in ("thanh doan", "doan thanh pho"):
        keys |= {"thanh doan", "doan thanh pho"}
    return keys


def _own_keys(plan: Plan) -> set[str]:
    keys: set[str] = set()
    for body in [*plan.issuing_bodies, *(s.body for s in plan.signatures)]:
        if body.strip():
            keys |= _body_keys(body)
    return keys


def _is_own(unit: str, own: set[str]) -> bool:
    key = _key(unit)
    if not key:
        return False
    if key in own:
        return True
    for body in own:
        if key.endswith(" " + body):
            before = key[:-len(body) - 1].split()
            if any(before[:len(p.split())] == p.split() for p in _OWN_PARTS):
                return True
    return False


def _position_key(position: str) -> str:
    return " ".join(search_words(position))


def _signer_of(row: Attendee, plan: Plan, own: set[str]) -> str:
    """The reason a row is one of the plan's signers, "" when it is not."""
    for signer in plan.signatures:
        name = " ".join(search_words(signer.name))
        if name and row.name and " ".join(search_words(row.name)) == name:
            return f"là người ký kế hoạch ({signer.name})"
        if (not row.whole_unit and signer.position.strip() and row.position
                and _position_key(row.position) == _position_key(signer.position) and _is_own(row.unit, own)):
            position = _starts(signer.position.split(), POSITIONS)[0] or _capital(signer.position.lower())
            return f"là người ký kế hoạch ({' '.join(p for p in (position, signer.name) if p)})"
    return ""


def describe(row: Attendee) -> str:
    """An invitee in words: "đồng chí Thường trực Thành Đoàn TP. Hồ Chí Minh"."""
    return " ".join(p for p in (row.honorific, row.name, row.position, row.unit) if p)


def _dedupe_key(row: Attendee) -> tuple:
    """The same invitee named twice (chair and guest): the same name, or the
    same role in the same unit; "Lãnh đạo" and "Đại diện lãnh đạo" of one unit are one."""
    role = row.position.split()
    while (n := _starts(role, REPRESENTATIVES)[1]):
        role = role[n:]
    return (" ".join(search_words(row.name)), " ".join(search_words(" ".join(role))), _key(row.unit))


# -------------------------------------------------------------- the API

def generate(plan: Plan, *, keep_own: bool = False) -> Generated:
    """The plan's invitees from its participants sections, in the plan's
    order. Left out (with the reason): the plan's signers, always; the
    people and parts of its own issuing body, unless ``keep_own``; an entry
    naming nobody; an invitee already named in an earlier group."""
    made = Generated(groups=plan_groups(plan))
    own, honorific = _own_keys(plan), default_honorific(plan)
    seen: dict[tuple, str] = {}
    for group, entry, counted in _entries(plan):
        if not clean_text(entry.text, single_line=True).strip():
            continue
        rows = _rows_of(entry, group, honorific, counted)
        reasons = []
        for row in rows:
            if not (row.unit or row.position or row.name) or (row.whole_unit and not row.unit):
                reason = "không ghi chức vụ hay đơn vị nào"
            elif signer := _signer_of(row, plan, own):
                reason = signer
            elif not keep_own and _is_own(row.unit, own):
                reason = "thuộc chính cơ quan ban hành kế hoạch"
            elif (key := _dedupe_key(row)) in seen:
                reason = f"đã có trong nhóm “{seen[key]}”"
            else:
                seen[key] = group
                made.rows.append(row)
                continue
            reasons.append((row, reason))
        if not rows:
            reasons = [(Attendee(), "không ghi chức vụ hay đơn vị nào")]
        if reasons and len(reasons) == len(rows or [None]) and len({r for _row, r in reasons}) == 1:
            made.left_out.append((entry.text.strip(), reasons[0][1]))  # the whole entry, for one reason
        else:
            made.left_out += [(_capital(describe(row)), reason) for row, reason in reasons]
    return made


def group_for_unit(plan: Plan, unit: str) -> str:
    """The group of the participants section a unit is named in ("" when it is
    named nowhere): for a row imported without a group."""
    key = _key(unit)
    if not key:
        return ""
    honorific = default_honorific(plan)
    entries = list(_entries(plan))
    for group, entry, _counted in entries:
        if any(_key(row.unit) == key for row in _rows_of(entry, group, honorific)):
            return group
    needle = f" {' '.join(search_words(unit))} "
    for group, entry, _counted in entries:
        if needle in f" {' '.join(search_words(entry.text))} ":
            return group
    return ""


def new_roles(have: Sequence[Attendee], made: Sequence[Attendee]) -> list[Attendee]:
    """The generated rows whose role is not on the list yet: a role already
    there, its name filled in or not, is not added again."""
    taken = {(fold(a.position), fold(a.unit), fold(a.group)) for a in have}
    return [a for a in made if (fold(a.position), fold(a.unit), fold(a.group)) not in taken]


def invitee_line(row: Attendee) -> str:
    """One invitee on one line (the command line's report)."""
    parts = [row.group, row.honorific or "–", row.name or row.position or "–", row.unit or "–",
             f"{row.head_count} người", "cả đơn vị" if row.whole_unit else "", "cần điền tên" if row.needs_name else ""]
    if row.name:
        parts[2] = f"{row.name}, {row.position}" if row.position else row.name
    return " | ".join(p for p in parts if p)


def summary(made: Generated, added: Sequence[Attendee], already: int, *, dry_run: bool = False) -> str:
    """What generating did (or, ``dry_run``, would do), in words, for the clerk."""
    need = sum(a.needs_name for a in added)
    text = f"{'Sẽ thêm' if dry_run else 'Đã thêm'} {len(added)} khách mời từ thành phần tham dự"
    if need:
        text += f", {need} dòng cần điền họ tên"
    if already:
        text += f"; {already} đã có trong danh sách"
    text += "."
    if made.left_out:
        reasons = Counter(reason.split(" (")[0] for _text, reason in made.left_out)
        text += f" Không mời {len(made.left_out)} mục: " + ", ".join(f"{n} {why}" for why, n in reasons.items()) + "."
    return text


def left_out_lines(made: Generated) -> list[str]:
    return [f"“{text}”: {reason}" for text, reason in made.left_out]


