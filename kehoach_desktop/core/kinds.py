"""The registry of content kinds: each kind of section content is one unit.

A kind is declared once, beside its model in core/content.py, with
``register_kind(Kind(...))``: its name (the "kind" field of its model and of
the .kehoach.json file), its model class and its Vietnamese words. Every
layer that treats the kinds differently keeps one ``Parts`` table and
registers its part of a kind against the kind's name with the table's
decorator, ``@TABLE.part("time_place")``; it finds the part through the
table, never by building a name. So ``grep -rn '"time_place"'`` lists every
part of a kind, and adding a kind is one registration per layer (the list
is in docs/architecture.md, "Adding a content kind").

A part registered for a name no kind has, or registered twice, is refused
when registered. A table that needs a part of every kind says so once its
module has registered its own (``require_all``): a kind missing there fails
that module's import, naming the kind and the table, not a plan later.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Generic, TypeVar


class KindError(LookupError):
    """A programming error: a kind or a part of a kind unknown, missing or
    registered twice (never the clerk's doing, so the message is English)."""


@dataclass(frozen=True)
class Kind:
    """One kind of section content.

    ``label`` names the kind where the clerk chooses one ("Thêm mục" menu,
    the section page); ``heading`` is the heading of a new section of the
    kind; ``report_name`` is how the importer's report names what it found
    ("mục II “THÀNH PHẦN”: thành phần tham dự")."""

    name: str
    model: type
    label: str
    heading: str
    report_name: str


_KINDS: dict[str, Kind] = {}


def register_kind(kind: Kind) -> Kind:
    """Declare a kind; its model's ``kind`` field must default to its name."""
    if kind.name in _KINDS:
        raise KindError(f"content kind {kind.name!r} registered twice")
    made = getattr(kind.model(), "kind", None)
    if made != kind.name:
        raise KindError(f"{kind.model.__name__}().kind is {made!r}, not the kind's name {kind.name!r}")
    _KINDS[kind.name] = kind
    return kind


def kind_named(name: str) -> Kind:
    try:
        return _KINDS[name]
    except KeyError:
        raise KindError(f"no content kind {name!r}; known: {', '.join(_KINDS)}") from None


def all_kinds() -> list[Kind]:
    """Every kind, in the order registered (the order of the "Thêm mục" menu)."""
    return list(_KINDS.values())


def is_kind(name: object) -> bool:
    return isinstance(name, str) and name in _KINDS


P = TypeVar("P")


class Parts(Generic[P]):
    """One layer's part of each kind (a function, a class, a module name),
    registered against the kind's name. ``what`` names the part in errors
    ("layout renderer")."""

    def __init__(self, what: str):
        self.what = what
        self._parts: dict[str, P] = {}

    def add(self, name: str, part: P) -> P:
        kind_named(name)  # a part of a kind nobody declared is a typo
        if name in self._parts:
            raise KindError(f"{self.what} of content kind {name!r} registered twice")
        self._parts[name] = part
        return part

    def part(self, name: str) -> Callable[[P], P]:
        """Decorator: register the decorated function or class as the part
        of kind ``name``."""
        def register(part: P) -> P:
            return self.add(name, part)
        return register

    def __getitem__(self, name: str) -> P:
        try:
            return self._parts[name]
        except KeyError:
            kind_named(name)
            raise KindError(f"content kind {name!r} has no {self.what}") from None

    def get(self, name: str) -> P | None:
        return self._parts.get(name)

    def __contains__(self, name: object) -> bool:
        return name in self._parts

    def __iter__(self) -> Iterator[str]:
        return iter(self._parts)

    def items(self) -> list[tuple[str, P]]:
        return list(self._parts.items())

    def missing(self) -> list[str]:
        return [k.name for k in all_kinds() if k.name not in self._parts]

    def require_all(self) -> None:
        """Refuse a kind without its part here (called by a layer that needs
        every kind, once its module has registered its parts)."""
        if missing := self.missing():
            raise KindError(f"no {self.what} for content kind(s) {', '.join(map(repr, missing))}")
