"""Editor of a programme: time slots with their "+" sub-items, as a tree."""
from __future__ import annotations

import copy

from ....core import content as c
from ....core.dates import stored_time
from .kinds import editor_of
from .tree import TwoLevelTreeEditor
from .typed_cells import KEPT, mark, nowhere_problem, show_time_stored, time_problem

COL_START, COL_END, COL_TEXT = range(3)


@editor_of("programme")
class ProgrammeEditor(TwoLevelTreeEditor):
    headers = ("Từ", "Đến", "Nội dung")
    header_tips = {COL_START: "Giờ bắt đầu (ví dụ 07g00, 7 giờ 30, 07:00)",
                   COL_END: "Giờ kết thúc (ví dụ 08g00, 8 giờ, 08:00)"}
    stretch_column = COL_TEXT
    column_fits = {COL_END: (7, 7, 0)}  # "08:00"
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

    def refresh(self) -> None:
        """Times in any style are shown as stored ("8g30" -> "08:30"); one that
        is not a time stays as typed, in red (typed_cells)."""
        self.tree.blockSignals(True)
        try:
            for item in self.parents():
                for column in (COL_START, COL_END):
                    show_time_stored(self.tree, item, column)
                    mark(item, column, time_problem(self.text(item, column)))
                    for child in self.children(item):
                        mark(child, column, nowhere_problem(self.text(child, column), "dòng mốc"))
        finally:
            self.tree.blockSignals(False)
        super().refresh()

    def check(self) -> list[str]:
        wrong = [f"“{self.text(item, column)}” (mốc {i + 1})" for i, item in enumerate(self.parents())
                 for column in (COL_START, COL_END) if time_problem(self.text(item, column))]
        misplaced = [f"“{self.text(child, column)}” (mốc {i + 1})" for i, item in enumerate(self.parents())
                     for child in self.children(item) for column in (COL_START, COL_END) if self.text(child, column)]
        problems = [self.tr("Giờ không đọc được (ví dụ 08g00, 8 giờ 30, 08:00): ") + ", ".join(wrong),
                    self.tr(KEPT)] if wrong else []
        if misplaced:
            problems.append(self.tr("Giờ gõ ở ý con (+) không được lưu, hãy ghi ở dòng mốc: ") + ", ".join(misplaced))
        return problems

    def content(self) -> c.Programme:
        programme = copy.deepcopy(self._original) if isinstance(self._original, c.Programme) else c.Programme()
        slots = []
        for item in self.parents():
            children = [self.text(child, COL_TEXT) for child in self.children(item)]
            # a time that is not a time is kept as typed (typed_cells)
            slots.append(c.ProgrammeSlot(stored_time(item.text(COL_START)), stored_time(item.text(COL_END)),
                                         self.text(item, COL_TEXT), [t for t in children if t]))
        programme.slots = slots
        return programme
