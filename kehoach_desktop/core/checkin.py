"""Check-in on the day of the event: finding a guest among a list's rows by
two or three letters typed without diacritics, or by the code printed on the
letter and the sign-in sheet (read by a scanner that types it), and the
counts of those present per group against those invited."""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .attendees import CODE_ALPHABET, CODE_LENGTH, Attendee, group_order
from .text import search_words

NAME, UNIT, POSITION = range(3)  # the ranks after an exact code, best first
_CODE_RUN = re.compile(f"[{CODE_ALPHABET}]{{{CODE_LENGTH},}}")


def _in_order(query: list[str], words: Sequence[str]) -> bool:
    """Each query word starts a word of ``words``, in the query's order."""
    position = 0
    for wanted in query:
        while position < len(words) and not words[position].startswith(wanted):
            position += 1
        if position == len(words):
            return False
        position += 1
    return True


def desk_name(row: Attendee) -> str:
    """A guest as the desk names them: the name, else the unit invited as a
    whole, else the role."""
    return row.name or (row.unit if row.whole_unit else row.position) or row.unit or "(chưa có tên)"


def desk_detail(row: Attendee) -> str:
    """What the desk shows under desk_name, never the same words twice: a
    person's position and unit, a role's unit, a unit's role ("Đại diện
    Thường trực": who is expected)."""
    if row.name:
        return " – ".join(p for p in (row.position, row.unit) if p)
    if row.whole_unit:
        return row.position
    return row.unit if row.position else ""


@dataclass(frozen=True)
class Count:
    """People present against people invited (head counts: a row "Thường trực
    Thành Đoàn (04 đồng chí)" stands for four)."""

    group: str
    present: int
    invited: int

    @property
    def percent(self) -> int:
        return round(100 * self.present / self.invited) if self.invited else 0

    def line(self) -> str:
        """ "Có mặt 57/60 — 95%" """
        return f"Có mặt {self.present}/{self.invited} — {self.percent}%"


class CheckinIndex:
    """A list's rows (in list order) with their texts folded once: the name,
    the unit, and the position of a row without a name (a role still to fill,
    a unit invited as a whole). ``rows[i]`` is replaced as people arrive
    (``set_row``), late arrivals appended (``add``)."""

    def __init__(self, rows: Sequence[Attendee]):
        self.rows: list[Attendee] = list(rows)
        self._words: list[tuple[list[str], list[str], list[str]]] = []
        self._codes: dict[str, int] = {}
        self._by_prefix: dict[str, list[int]] = {}
        self._sets: dict[str, frozenset[int]] = {}
        for row in self.rows:
            self._fold(row)
        self._build()

    def _fold(self, row: Attendee) -> None:
        i = len(self._words)
        self._words.append((search_words(row.name), search_words(row.unit),
                            [] if row.name else search_words(row.position)))
        if row.code:
            self._codes[row.code.upper()] = i

    def _build(self) -> None:
        """prefix -> the rows with a word starting with it, ranked: name, then
        unit, then position, each in list order, every row once. Every
        prefix of every word is a key (about 100,000 for 2,000 guests, 40–60
        ms to build), so that a query of one word, however long, is one
        lookup, and one of several words an intersection."""
        ranked: list[dict[str, list[int]]] = [{}, {}, {}]
        for i, fields in enumerate(self._words):
            for rank, words in enumerate(fields):
                keys = ranked[rank]
                for word in words:
                    for end in range(1, len(word) + 1):
                        rows = keys.setdefault(word[:end], [])
                        if not rows or rows[-1] != i:
                            rows.append(i)
        merged: dict[str, list[int]] = dict(ranked[NAME])
        for keys in ranked[UNIT:]:
            for prefix, rows in keys.items():
                have = merged.get(prefix)
                if have is None:
                    merged[prefix] = rows
                else:
                    seen = set(have)
                    merged[prefix] = have + [i for i in rows if i not in seen]
        self._by_prefix = merged
        self._sets = {}

    def _set(self, prefix: str) -> frozenset[int]:
        """The rows of a prefix as a set (made on first use)."""
        found = self._sets.get(prefix)
        if found is None:
            found = self._sets[prefix] = frozenset(self._by_prefix.get(prefix, ()))
        return found

    # ---------------------------------------------------------------- lookup
    def code_in(self, text: str) -> int | None:
        """The row whose check-in code ``text`` holds: typed in lower case, or
        with what a scanner puts around it ("KH:7KQ2MX", a line break)."""
        for run in _CODE_RUN.findall(text.upper()):
            for start in range(len(run) - CODE_LENGTH + 1):
                found = self._codes.get(run[start:start + CODE_LENGTH])
                if found is not None:
                    return found
        return None

    def rank(self, i: int, query: list[str]) -> int | None:
        """NAME, UNIT or POSITION: the first of row i's texts whose words
        start with the query's words in order; None when none does."""
        for rank, words in enumerate(self._words[i]):
            if _in_order(query, words):
                return rank
        return None

    def find(self, query: str) -> list[int]:
        """The rows ``query`` finds, best first: the row of a code it holds,
        then rows whose name has words starting with the query's words (in
        their order), then by unit, then by position; in list order within
        each. Case, diacritics and composition do not matter ("ngu va" finds
        Nguyễn Văn Tâm)."""
        coded = self.code_in(query)
        found = [coded] if coded is not None else []
        words = search_words(query)
        if not words:
            return found
        if len(words) == 1:  # the usual case: the index's own answer
            matched = self._by_prefix.get(words[0], [])
        else:  # the rows every word's prefix gives, then each checked for the words' order, in one text
            lists = {word: self._by_prefix.get(word, []) for word in words}
            shortest = min(lists, key=lambda word: len(lists[word]))
            others = [self._set(word) for word in lists if word != shortest]
            ranks = ((rank, i) for i in lists[shortest] if all(i in rows for rows in others)
                     and (rank := self.rank(i, words)) is not None)
            matched = [i for _rank, i in sorted(ranks)]
        return found + [i for i in matched if i != coded] if found else list(matched)

    # --------------------------------------------------------------- changes
    def set_row(self, i: int, row: Attendee) -> None:
        """Row i as stored after a check-in (its texts stay those indexed)."""
        self.rows[i] = row

    def add(self, row: Attendee) -> int:
        """A late arrival, at the end; its index."""
        self.rows.append(row)
        self._fold(row)
        self._build()
        return len(self.rows) - 1

    def row_of_code(self, code: str) -> int | None:
        return self._codes.get(code.upper())

    # ---------------------------------------------------------------- counts
    def counts(self, plan_groups: Sequence[str] = ()) -> tuple[list[Count], Count]:
        """Per group (in the plan's order, see attendees.group_order) and in
        all: people present against people invited."""
        present: dict[str, int] = {}
        invited: dict[str, int] = {}
        for row in self.rows:
            invited[row.group] = invited.get(row.group, 0) + row.head_count
            present[row.group] = present.get(row.group, 0) + (row.head_count if row.attended else 0)
        order = group_order(invited, plan_groups)
        groups = [Count(group, present[group], invited[group]) for group in sorted(invited, key=order.__getitem__)]
        return groups, Count("", sum(present.values()), sum(invited.values()))
