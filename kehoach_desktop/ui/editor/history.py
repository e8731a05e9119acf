"""Undo and redo for a whole plan: snapshots of the plan's data, taken when
the clerk pauses, so one step undoes one burst of typing in any field, tab
or table. Qt-free."""
from __future__ import annotations

from typing import Any

MAX_STEPS = 200


class PlanHistory:
    def __init__(self) -> None:
        self._states: list[Any] = []
        self._index = -1

    def reset(self, state: Any) -> None:
        """A newly opened plan: nothing to undo."""
        self._states = [state]
        self._index = 0

    def record(self, state: Any) -> bool:
        """Remember a new state; False when nothing changed since the last one."""
        if self._index >= 0 and self._states[self._index] == state:
            return False
        del self._states[self._index + 1:]  # a new edit forgets what was undone
        self._states.append(state)
        if len(self._states) > MAX_STEPS:
            del self._states[0]
        self._index = len(self._states) - 1
        return True

    def can_undo(self) -> bool:
        return self._index > 0

    def can_redo(self) -> bool:
        return 0 <= self._index < len(self._states) - 1

    def undo(self) -> Any | None:
        if not self.can_undo():
            return None
        self._index -= 1
        return self._states[self._index]

    def redo(self) -> Any | None:
        if not self.can_redo():
            return None
        self._index += 1
        return self._states[self._index]
