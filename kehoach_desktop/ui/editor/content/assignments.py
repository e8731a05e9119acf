"""Editor of assignments: one row per unit, its tasks under it with their
deadlines; a task's displayed block (centred lines) is edited below the tree."""
from __future__ import annotations

import copy

from PySide6.QtWidgets import QComboBox, QFormLayout, QPlainTextEdit

from ....core import content as c
from ....core.dates import date_numeric, parse_date, stored_time
from ....core.text import nfc
from .kinds import editor_of
from .tree import EXTRA_ROLE, TwoLevelTreeEditor
from .typed_cells import KEPT, date_problem, mark, nowhere_problem, show_time_stored, time_problem

COL_TEXT, COL_DATE, COL_TIME = range(3)
TASK_STYLES = (("items", "Gạch đầu dòng (-)"), ("paragraphs", "Đoạn văn"))


@editor_of("assignments")
class AssignmentsEditor(TwoLevelTreeEditor):
    headers = ("Đơn vị / nhiệm vụ", "Hạn", "Giờ")
    # short headers leave the tasks their room; the tooltips say what to type
    header_tips = {COL_DATE: "Hạn (ngày/tháng/năm, ví dụ 20/02/2023)", COL_TIME: "Giờ (ví dụ 08:00, 08g00, 8 giờ 30)"}
    stretch_column = COL_TEXT
    column_fits = {COL_DATE: (11, 11, 0), COL_TIME: (7, 7, 0)}  # "20/02/2023", "08:00"
    add_parent_label = "Thêm đơn vị"
    add_child_label = "Thêm nhiệm vụ"
    parent_columns = (COL_TEXT,)  # a unit has no deadline

    def __init__(self, parent=None):
        super().__init__(parent)
        form = QFormLayout()
        self.display = QPlainTextEdit(self)
        self.display.setPlaceholderText(self.tr("Ví dụ nội dung ma-két, mỗi dòng một dòng (để trống nếu không có)"))
        self.display.setMaximumHeight(self.fontMetrics().height() * 5)
        self.task_style = QComboBox(self)
        for _value, label in TASK_STYLES:
            self.task_style.addItem(self.tr(label))
        form.addRow(self.tr("Khối căn giữa dưới nhiệm vụ:"), self.display)
        form.addRow(self.tr("Trình bày nhiệm vụ:"), self.task_style)
        self.body_layout.insertLayout(2, form)
        self.tree.currentItemChanged.connect(self._show_display)
        self.display.textChanged.connect(self._on_display_edited)
        self.task_style.currentIndexChanged.connect(self._edited)

    def parent_values(self, unit: c.UnitAssignment) -> list[str]:
        return [unit.unit, "", ""]

    def child_values(self, task: c.Task) -> list[str]:
        return [task.text, date_numeric(task.deadline_date) if task.deadline_date else task.deadline_typed,
                task.deadline_time]

    def children_of(self, unit: c.UnitAssignment) -> list[c.Task]:
        return unit.tasks

    def fill(self, assignments: c.Assignments) -> None:
        self.fill_parents(assignments.units)
        values = [value for value, _label in TASK_STYLES]
        self.task_style.setCurrentIndex(values.index(assignments.task_style) if assignments.task_style in values else 0)
        self._show_display(self.tree.currentItem())

    def add_child(self, obj=None):
        return super().add_child(obj if obj is not None else c.Task())

    # ---- the task's displayed block
    def _show_display(self, item, _previous=None) -> None:
        task = item.data(0, EXTRA_ROLE) if item is not None and item.parent() is not None else None
        self.display.blockSignals(True)
        self.display.setPlainText("\n".join(task.display) if isinstance(task, c.Task) else "")
        self.display.blockSignals(False)
        self.display.setEnabled(task is not None)

    def _on_display_edited(self) -> None:
        item = self.tree.currentItem()
        if item is None or item.parent() is None:
            return
        task = item.data(0, EXTRA_ROLE) if isinstance(item.data(0, EXTRA_ROLE), c.Task) else c.Task()
        task.display = [line.strip() for line in nfc(self.display.toPlainText()).splitlines() if line.strip()]
        self.tree.blockSignals(True)
        item.setData(0, EXTRA_ROLE, task)
        self.tree.blockSignals(False)
        self._edited()

    # ---- checks and content
    def refresh(self) -> None:
        """Times in any style are shown as stored ("8g" -> "08:00"); a date or
        time that is not a real one stays as typed, in red (typed_cells)."""
        self.tree.blockSignals(True)
        try:
            for unit in self.parents():
                for column in (COL_DATE, COL_TIME):
                    mark(unit, column, nowhere_problem(self.text(unit, column), "dòng nhiệm vụ"))
                for task in self.children(unit):
                    show_time_stored(self.tree, task, COL_TIME)
                    mark(task, COL_DATE, date_problem(self.text(task, COL_DATE)))
                    mark(task, COL_TIME, time_problem(self.text(task, COL_TIME)))
        finally:
            self.tree.blockSignals(False)
        super().refresh()

    def check(self) -> list[str]:
        wrong_dates, wrong_times, misplaced = [], [], []
        for unit_index, unit in enumerate(self.parents(), 1):
            misplaced += [f"“{self.text(unit, column)}” (đơn vị {unit_index})" for column in (COL_DATE, COL_TIME)
                          if self.text(unit, column)]
            for task_index, task in enumerate(self.children(unit), 1):
                where = f"(đơn vị {unit_index}, nhiệm vụ {task_index})"
                if date_problem(self.text(task, COL_DATE)):
                    wrong_dates.append(f"“{self.text(task, COL_DATE)}” {where}")
                if time_problem(self.text(task, COL_TIME)):
                    wrong_times.append(f"“{self.text(task, COL_TIME)}” {where}")
        problems = []
        if wrong_dates:
            problems.append(self.tr("Hạn không phải ngày có thật (cần dạng 20/02/2020): ") + ", ".join(wrong_dates))
        if wrong_times:
            problems.append(self.tr("Giờ không đọc được (ví dụ 08g00, 8 giờ 30, 08:00): ") + ", ".join(wrong_times))
        kept = [self.tr(KEPT)] if problems else []
        if misplaced:
            problems.append(self.tr("Hạn, giờ gõ ở dòng đơn vị không được lưu, hãy ghi ở dòng nhiệm vụ: ")
                            + ", ".join(misplaced))
        return problems + kept

    def content(self) -> c.Assignments:
        result = copy.deepcopy(self._original) if isinstance(self._original, c.Assignments) else c.Assignments()
        units = []
        for unit_item in self.parents():
            old_unit = unit_item.data(0, EXTRA_ROLE)
            unit = c.UnitAssignment(self.text(unit_item, COL_TEXT), [],
                                    old_unit.inline if isinstance(old_unit, c.UnitAssignment) else False)
            for task_item in self.children(unit_item):
                old = task_item.data(0, EXTRA_ROLE) if isinstance(task_item.data(0, EXTRA_ROLE), c.Task) else c.Task()
                typed_date = self.text(task_item, COL_DATE)
                deadline = parse_date(typed_date)
                # a deadline that is not a real day is kept as typed (typed_cells)
                task = c.Task(self.text(task_item, COL_TEXT), deadline, stored_time(self.text(task_item, COL_TIME)),
                              list(old.display), "" if deadline else typed_date)
                if task.text or task.display or task.deadline_date or task.deadline_typed or task.deadline_time:
                    unit.tasks.append(task)
            units.append(unit)
        result.units = units
        result.task_style = TASK_STYLES[self.task_style.currentIndex()][0]
        return result
