"""Plain data (dicts, lists, strings) <-> model objects.

Driven by the dataclass type hints, so a field added to the model is written
and read without touching this module. Section content is told apart by its
"kind" field, the model of each kind found in the registry (core/kinds.py);
free-content blocks by their "type" field. All
strings pass the text gate (core.text.clean_text) on the way in: the store
writes every plan through here, and so does every exporter, so no stored or
written plan holds a control character.
"""
from __future__ import annotations

import dataclasses
import types
import typing
from datetime import date
from functools import cache
from typing import Any, Literal, Union

from .content import Block, Content
from .kinds import is_kind, kind_named
from .model import Plan
from .text import clean_text


class DataError(ValueError):
    """The data does not fit the model; ``path`` is a JSON path ("$.sections[2]")."""

    def __init__(self, path: str, message: str):
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message


def to_data(obj: Any) -> Any:
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        # A field marked "omit_default" (model.OMITTED_WHEN_DEFAULT) is left out
        # while unused: a plan without it is written as before it existed.
        return {f.name: to_data(getattr(obj, f.name)) for f in dataclasses.fields(obj)
                if not (f.metadata.get("omit_default") and getattr(obj, f.name) == f.default)}
    if isinstance(obj, list):
        return [to_data(x) for x in obj]
    if isinstance(obj, dict):
        return {k: to_data(v) for k, v in obj.items()}
    if isinstance(obj, date):
        return obj.isoformat()
    return obj


def plan_to_data(plan: Plan) -> dict:
    return to_data(plan)


def plan_from_data(data: Any) -> Plan:
    return from_data(Plan, data, "$")


def clean_plan(plan: Plan) -> Plan:
    """A copy of the plan with every text through the gate: what the store
    saves, and what the exporters write (a database of an older version may
    hold characters Word and Excel refuse)."""
    return plan_from_data(plan_to_data(plan))


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


@cache
def _discriminated(union: Any) -> tuple[str, dict[str, type]]:
    """For a union of dataclasses (the free-content blocks), the tag field
    and tag -> class."""
    members = typing.get_args(union)
    tag = "type"
    table = {}
    for cls in members:
        (value,) = typing.get_args(_hints(cls)[tag])
        table[value] = cls
    return tag, table


_TYPE_NAMES = {str: "chuỗi", int: "số nguyên", bool: "đúng/sai", dict: "đối tượng", list: "danh sách"}


def _expect(data: Any, kind: type, path: str) -> None:
    ok = isinstance(data, kind) and not (kind is int and isinstance(data, bool))
    if not ok:
        raise DataError(path, f"cần {_TYPE_NAMES.get(kind, kind.__name__)}")


def from_data(tp: Any, data: Any, path: str) -> Any:
    origin = typing.get_origin(tp)
    if tp == Content:
        _expect(data, dict, path)
        if not is_kind(data.get("kind")):
            raise DataError(f"{path}.kind", "loại nội dung không hợp lệ: " + repr(data.get("kind")))
        return from_data(kind_named(data["kind"]).model, data, path)
    if tp == Block:
        _expect(data, dict, path)
        tag, table = _discriminated(tp)
        cls = table.get(data.get(tag))
        if cls is None:
            raise DataError(f"{path}.{tag}", "loại nội dung không hợp lệ: " + repr(data.get(tag)))
        return from_data(cls, data, path)
    if origin in (Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if data is None:
            return None
        return from_data(args[0], data, path)
    if origin is Literal:
        if data not in typing.get_args(tp):
            allowed = ", ".join(repr(a) for a in typing.get_args(tp))
            raise DataError(path, f"giá trị {data!r} không hợp lệ (chọn một trong: {allowed})")
        return data
    if origin is list:
        _expect(data, list, path)
        (item_type,) = typing.get_args(tp)
        return [from_data(item_type, x, f"{path}[{i}]") for i, x in enumerate(data)]
    if origin is dict:
        _expect(data, dict, path)
        return {clean_text(str(k)): from_data(typing.get_args(tp)[1], v, f"{path}.{k}") for k, v in data.items()}
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return _dataclass_from_data(tp, data, path)
    if tp is date:
        _expect(data, str, path)
        try:
            return date.fromisoformat(data)
        except ValueError:
            raise DataError(path, f"ngày {data!r} không hợp lệ (cần dạng NNNN-TT-NN)") from None
    if tp is str:
        _expect(data, str, path)
        return clean_text(data)
    if tp in (int, bool):
        _expect(data, tp, path)
        return data
    raise DataError(path, f"kiểu không được hỗ trợ: {tp!r}")


def _dataclass_from_data(cls: type, data: Any, path: str) -> Any:
    _expect(data, dict, path)
    hints = _hints(cls)
    unknown = [k for k in data if k not in hints]
    if unknown:
        raise DataError(f"{path}.{unknown[0]}", "trường không có trong định dạng")
    values = {}
    for f in dataclasses.fields(cls):
        if f.name in data:
            values[f.name] = from_data(hints[f.name], data[f.name], f"{path}.{f.name}")
    return cls(**values)
