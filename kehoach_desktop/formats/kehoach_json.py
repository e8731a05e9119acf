"""The .kehoach.json interchange file: read (validated), write, and dump.

Format described in docs/file-format.md; JSON Schema in
kehoach_desktop/resources/schema/kehoach-v2.schema.json.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..core.codec import DataError, plan_from_data, plan_to_data
from ..core.errors import UserError
from ..core.model import Plan
from ..core.plan_dates import refuse_out_of_range
from ..core.text import cleaned, nfc, removed_note
from ..resource_files import read_json
from .safe_write import write_atomically

if TYPE_CHECKING:
    import jsonschema

FORMAT_NAME = "kehoach"
FORMAT_VERSION = 2  # 2: appendices; a version-1 file reads as a plan without them
MAX_FILE_BYTES = 16 * 1024 * 1024  # a plan file is some 20 KB; refuse what could never be one before reading it
MAX_DEPTH = 64  # a plan nests some 15 levels deep (subsections in free content)
_TOO_BIG = f"tệp quá lớn cho một kế hoạch (hơn {MAX_FILE_BYTES // (1024 * 1024)} MB), không đọc"


@cache
def schema() -> dict:
    return read_json("schema", "kehoach-v2.schema.json")


def json_path(parts: Iterable[str | int]) -> str:
    out = "$"
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else f".{part}"
    return out


_TYPES_VI = {"string": "chuỗi", "integer": "số nguyên", "boolean": "đúng/sai (true/false)",
             "object": "đối tượng", "array": "danh sách", "null": "null"}


def _type_name(json_type: object) -> str:
    return _TYPES_VI.get(str(json_type), str(json_type))


def _describe(error: jsonschema.ValidationError) -> str:
    """A Vietnamese sentence for one schema violation."""
    v = error.validator
    # A validator sets these on every error it yields (the stub also allows
    # an error made by hand without them).
    value: Any = error.validator_value
    instance: Any = error.instance
    if v == "required":
        missing = [p for p in value if p not in (instance or {})]
        return f"thiếu trường bắt buộc \"{missing[0] if missing else value[0]}\""
    if v == "additionalProperties":
        declared = error.schema.get("properties", {}) if isinstance(error.schema, Mapping) else {}
        extra = sorted(set(instance) - set(declared))
        return f"trường không có trong định dạng: \"{extra[0] if extra else '?'}\""
    if v == "type":
        return f"sai kiểu dữ liệu, cần {_type_name(value)}"
    if v in ("enum", "const"):
        allowed = value if v == "enum" else [value]
        return f"giá trị {json.dumps(instance, ensure_ascii=False)} không hợp lệ; " \
               f"cho phép: {', '.join(json.dumps(a, ensure_ascii=False) for a in allowed)}"
    if v == "pattern":
        return f"giá trị {json.dumps(instance, ensure_ascii=False)} sai dạng " \
               "(ngày: NNNN-TT-NN, giờ: GG:PP)"
    if v == "minItems":
        return f"cần ít nhất {value} phần tử"
    if v == "maxItems":
        return f"nhiều nhất {value} phần tử"
    if v == "minimum":
        return f"giá trị phải từ {value} trở lên"
    if v == "anyOf" and error.context:
        kinds = [_type_name(sub.validator_value) for sub in error.context if sub.validator == "type"]
        if kinds:
            return "sai kiểu dữ liệu, cần " + " hoặc ".join(kinds)
        return _describe(error.context[0])
    if v == "uniqueItems":
        return "có phần tử lặp lại"
    return f"giá trị không hợp lệ ({v})"


def _deepest(error: jsonschema.ValidationError) -> jsonschema.ValidationError:
    """The most specific cause of an error raised inside if/then or anyOf."""
    best = error
    for sub in error.context or ():
        candidate = _deepest(sub)
        if len(candidate.absolute_path) > len(best.absolute_path):
            best = candidate
    return best


def validate_data(data: Any, file_label: str) -> Plan:
    """Check the document against the schema and build the plan."""
    if not isinstance(data, dict):
        raise UserError("nội dung không phải một đối tượng JSON", file=file_label, where="$")
    if data.get("format") != FORMAT_NAME:
        raise UserError(f"không phải tệp kế hoạch (cần \"format\": \"{FORMAT_NAME}\")",
                        file=file_label, where="$.format")
    version = data.get("version")
    if isinstance(version, int) and not isinstance(version, bool) and version > FORMAT_VERSION:
        raise UserError(f"tệp được tạo bởi phiên bản mới hơn của chương trình (phiên bản định dạng {version}, "
                        f"chương trình này đọc được đến {FORMAT_VERSION}); hãy cập nhật chương trình",
                        file=file_label, where="$.version")
    import jsonschema  # loaded when a file is read, not when the program starts

    validator = jsonschema.Draft202012Validator(schema())
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path))
    if errors:
        error = _deepest(errors[0])
        raise UserError(_describe(error), file=file_label, where=json_path(error.absolute_path))
    try:
        return plan_from_data(data["plan"])
    except DataError as exc:
        raise UserError(exc.message, file=file_label, where=exc.path.replace("$", "$.plan", 1)) from None


def loads(text: str, file_label: str = "") -> Plan:
    if len(text) > MAX_FILE_BYTES:
        raise UserError(_TOO_BIG, file=file_label)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise UserError(f"JSON không hợp lệ ở dòng {exc.lineno}, cột {exc.colno} ({_json_reason(exc.msg)})",
                        file=file_label) from None
    except ValueError as exc:  # an integer of more digits than Python converts (4,300)
        raise UserError(f"JSON có số quá dài, không đọc được ({exc})", file=file_label) from None
    except RecursionError:
        raise UserError(f"JSON lồng nhau quá sâu (hơn {MAX_DEPTH} tầng)", file=file_label) from None
    too_deep = _too_deep(data)
    if too_deep is not None:
        raise UserError(f"JSON lồng nhau quá sâu (hơn {MAX_DEPTH} tầng)", file=file_label, where=json_path(too_deep))
    return refuse_out_of_range(validate_data(data, file_label), file=file_label)


def _too_deep(data: Any) -> list[str | int] | None:
    """The path of a value nested more than MAX_DEPTH deep, found without
    recursion (the schema check and the messages recurse), or None."""
    stack: list[tuple[Any, list[str | int]]] = [(data, [])]
    while stack:
        value, path = stack.pop()
        if len(path) > MAX_DEPTH:
            return path[:MAX_DEPTH]
        if isinstance(value, dict):
            stack.extend((v, [*path, k]) for k, v in value.items())
        elif isinstance(value, list):
            stack.extend((v, [*path, i]) for i, v in enumerate(value))
    return None


def _json_reason(msg: str) -> str:
    known = {
        "Expecting value": "thiếu giá trị",
        "Expecting property name enclosed in double quotes": "tên trường phải đặt trong dấu nháy kép",
        "Expecting ',' delimiter": "thiếu dấu phẩy",
        "Expecting ':' delimiter": "thiếu dấu hai chấm",
        "Unterminated string starting at": "chuỗi chưa đóng nháy",
        "Extra data": "có dữ liệu thừa sau khi kết thúc",
        "Invalid control character at": "ký tự điều khiển không hợp lệ",
    }
    return known.get(msg, msg)


def read_file(path: Path) -> Plan:
    return read_file_with_warnings(path)[0]


def read_file_with_warnings(path: Path) -> tuple[Plan, list[str]]:
    path = Path(path)
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise UserError(_TOO_BIG, file=str(path))
        with path.open("rb") as file:  # no more than the limit, whatever size the file claims
            raw = file.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise UserError("không tìm thấy tệp", file=str(path)) from None
    except OSError as exc:
        raise UserError(f"không đọc được tệp ({exc.strerror})", file=str(path)) from None
    if len(raw) > MAX_FILE_BYTES:
        raise UserError(_TOO_BIG, file=str(path))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UserError("tệp không phải văn bản UTF-8", file=str(path)) from None
    warnings = []
    if text != nfc(text):
        warnings.append(f"{path}: chữ tiếng Việt trong tệp được gõ ở dạng tổ hợp; đã chuẩn hoá về dạng dựng sẵn (NFC)")
    plan = loads(text, str(path))
    removed = _removed_characters(json.loads(text)["plan"])  # the plan read: the file is valid JSON
    if removed:
        count = sum(n for _where, n in removed)
        warnings.append(f"{path}: " + removed_note(count, [f"trường {where}" for where, _n in removed]))
    return plan, warnings


def _removed_characters(data: Any) -> list[tuple[str, int]]:
    """(path, count) of every text of the plan's data from which the text
    gate (core.text.clean_text, applied by the codec) removes characters, in
    the file's order."""
    found: list[tuple[str, int]] = []
    stack: list[tuple[Any, list[str | int]]] = [(data, ["plan"])]
    while stack:
        value, parts = stack.pop()
        if isinstance(value, str):
            removed = cleaned(value)[1]
            if removed:
                found.append((json_path(parts), removed))
        elif isinstance(value, dict):
            stack.extend((v, [*parts, k]) for k, v in reversed(value.items()))
        elif isinstance(value, list):
            stack.extend((v, [*parts, i]) for i, v in reversed(list(enumerate(value))))
    return found


def document(plan: Plan) -> dict:
    return {"format": FORMAT_NAME, "version": FORMAT_VERSION, "plan": plan_to_data(plan)}


def dumps(plan: Plan) -> str:
    return json.dumps(document(plan), ensure_ascii=False, indent=2) + "\n"


def write_file(plan: Plan, path: Path, *, overwrite: bool = False) -> None:
    write_atomically(Path(path), dumps(plan).encode("utf-8"), overwrite=overwrite)
