"""Editor of a programme: time slots with their "+" sub-items, as a tree."""
from __future__ import annotations

import copy

from ....core import content as c
from ....core.dates import valid_time
from .kinds import editor_of
from .tree import EXTRA_ROLE, TwoLevelTreeEditor

COL_START, COL_END, COL_TEXT = range(3)


@editor_of("programme")
class ProgrammeEditor(TwoLevelTreeEditor):
    headers = ("Từ (GG:PP)", "Đến", "Nội dung")
    stretch_column = COL_TEXT
    add_parent_label = "Thêm mốc"
    add_child_label = "Thêm ý (+)"
    child_columns = (COL_TEXT,)  # a sub-item has no times

    def parent_values(self, slot: c.ProgrammeSlot) -> list[str]:
        return [slot.start_time, slot.end_time, slot.text]

    def child_values(self, text: str) -> list[str]:
        return ["", "", text]

    def children_of(self, slot: c.ProgrammeSlot) -> list[str]:
        return slot.items

    def fill(self, programme: c.Programme) -> None:
        self.fill_parents(programme.slots)

    def check(self) -> list[str]:
        wrong = [f"“{item.text(column).strip()}” (mốc {i + 1})" for i, item in enumerate(self.parents())
                 for column in (COL_START, COL_END)
                 if item.text(column).strip() and not valid_time(item.text(column).strip())]
        return [self.tr("Giờ không hợp lệ, cần dạng GG:PP như 08:00: ") + ", ".join(wrong)] if wrong else []

    def content(self) -> c.Programme:
        programme = copy.deepcopy(self._original) if isinstance(self._original, c.Programme) else c.Programme()
        slots = []
        for item in self.parents():
            old = item.data(0, EXTRA_ROLE) if isinstance(item.data(0, EXTRA_ROLE), c.ProgrammeSlot) else c.ProgrammeSlot()
            children = [self.text(child, COL_TEXT) for child in self.children(item)]
            slots.append(c.ProgrammeSlot(_time(item.text(COL_START), old.start_time),
                                         _time(item.text(COL_END), old.end_time),
                                         self.text(item, COL_TEXT), [t for t in children if t]))
        programme.slots = slots
        return programme


def _time(typed: str, last_good: str) -> str:
    """An invalid time is not saved over the last good one (the red label tells the clerk)."""
    typed = typed.strip()
    return typed if not typed or valid_time(typed) else last_good
