"""The content kinds as the clerk sees them, and the editor of each.

Every editor module registers its class here with ``@editor_of(kind)``;
``EDITOR_MODULES`` names the module of each kind, imported by ``editor_for``
the first time an editor of that kind is made (the window's start imports
none of them: see docs/benchmarks.md). The free-content editor embeds the
editors of other kinds through ``editor_for``, and the section tab labels
its kind with ``KIND_LABELS``: both read this module, which imports no
editor at its own import, so neither imports the other."""
from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from .base import ContentEditor

KIND_LABELS = {
    "free": "Nội dung tự do (đoạn văn, gạch đầu dòng, khoản)",
    "time_place": "Thời gian – địa điểm – hình thức",
    "participants": "Thành phần tham dự",
    "programme": "Chương trình",
    "assignments": "Phân công thực hiện",
    "timeline": "Tiến độ thực hiện",
    "activities": "Các hoạt động phối hợp",
}
DEFAULT_HEADINGS = {
    "free": "NỘI DUNG",
    "time_place": "THỜI GIAN – ĐỊA ĐIỂM",
    "participants": "THÀNH PHẦN THAM DỰ",
    "programme": "CHƯƠNG TRÌNH",
    "assignments": "TỔ CHỨC THỰC HIỆN",
    "timeline": "TIẾN ĐỘ THỰC HIỆN",
    "activities": "NỘI DUNG HOẠT ĐỘNG",
}
# The module of this package that holds each kind's editor (and registers it).
EDITOR_MODULES = {
    "free": "outline",
    "time_place": "time_place",
    "participants": "participants",
    "programme": "programme",
    "assignments": "assignments",
    "timeline": "timeline",
    "activities": "activities",
}
EDITORS: dict[str, type[ContentEditor]] = {}

E = TypeVar("E", bound="type[ContentEditor]")


def editor_of(kind: str) -> Callable[[E], E]:
    """Class decorator: the editor of this content kind."""
    if kind not in KIND_LABELS:
        raise ValueError(f"unknown content kind {kind!r}")

    def register(cls: E) -> E:
        EDITORS[kind] = cls
        return cls

    return register


def editor_class(kind: str) -> type[ContentEditor]:
    if kind not in EDITORS:
        importlib.import_module(f"{__package__}.{EDITOR_MODULES[kind]}")
    return EDITORS[kind]


def editor_for(kind: str, parent=None) -> ContentEditor:
    return editor_class(kind)(parent)


def load_all_editors() -> dict[str, type[ContentEditor]]:
    """Every kind's editor, their modules imported: ``EDITORS`` complete."""
    for kind in EDITOR_MODULES:
        editor_class(kind)
    return EDITORS
