"""The editor of each content kind (the kinds themselves: core/kinds.py).

Every editor module registers its class here with ``@editor_of(kind)``;
``EDITOR_MODULES`` names the module of each kind, imported by ``editor_for``
the first time an editor of that kind is made (the window's start imports
none of them: see docs/benchmarks.md). The free-content editor embeds the
editors of other kinds through ``editor_for``, and the section tab labels
its kind with ``kind_label``: both read this module, which imports no
editor at its own import, so neither imports the other."""
from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from ....core import content as _declared  # noqa: F401 - declares the kinds this module registers against
from ....core.kinds import Parts, kind_named

if TYPE_CHECKING:
    from .base import ContentEditor

# The module of this package that holds each kind's editor (and registers it
# with @editor_of): imported the first time an editor of the kind is made.
EDITOR_MODULES: Parts[str] = Parts("editor module")
EDITOR_MODULES.add("free", "outline")
EDITOR_MODULES.add("time_place", "time_place")
EDITOR_MODULES.add("participants", "participants")
EDITOR_MODULES.add("programme", "programme")
EDITOR_MODULES.add("assignments", "assignments")
EDITOR_MODULES.add("timeline", "timeline")
EDITOR_MODULES.add("activities", "activities")
EDITOR_MODULES.add("table", "table")
EDITOR_MODULES.add("budget", "budget")
EDITOR_MODULES.require_all()
EDITORS: Parts[type[ContentEditor]] = Parts("editor")

E = TypeVar("E", bound="type[ContentEditor]")


def editor_of(kind: str) -> Callable[[E], E]:
    """Class decorator: the editor of this content kind (refused for a kind
    not registered in core/kinds.py, or a second editor of one)."""
    return EDITORS.part(kind)


def editor_class(kind: str) -> type[ContentEditor]:
    if kind not in EDITORS:
        importlib.import_module(f"{__package__}.{EDITOR_MODULES[kind]}")
    return EDITORS[kind]


def kind_label(kind: str) -> str:
    """The kind as the clerk reads it (the "Thêm mục" menu, the section page)."""
    return kind_named(kind).label


def editor_for(kind: str, parent=None) -> ContentEditor:
    return editor_class(kind)(parent)


def load_all_editors() -> Parts[type[ContentEditor]]:
    """Every kind's editor, their modules imported: ``EDITORS`` complete (a
    module that does not register the editor of its kind fails here)."""
    for kind in EDITOR_MODULES:
        editor_class(kind)
    EDITORS.require_all()
    return EDITORS
