"""One editor per kind of section content, registered by kind (kinds.py).
Each editor's module is imported when an editor of its kind is first made
(``editor_for``), not with the package: a plan opens with only its first
page built, so the start of the window does not import seven editors."""
from __future__ import annotations

from .kinds import EDITORS, editor_for, kind_label, load_all_editors

__all__ = ["EDITORS", "editor_for", "kind_label", "load_all_editors"]
