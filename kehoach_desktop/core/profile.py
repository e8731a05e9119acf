"""Format profiles: the layout values of one kind of document (Youth Union,
Party, the State layout a People's Committee or a school's Hội uses), kept
as data in kehoach_desktop/resources/profiles/ rather than literals in code.

A profile may name another in "extends": it then takes every value of that
profile it does not set itself (objects are merged key by key).
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from ..resource_files import json_files


@dataclass(frozen=True)
class Profile:
    id: str
    name: str
    organisation_title: str
    number_label_colon: bool
    star_line: str
    issuer_code: str
    motto: str = ""  # the line under the organisation title in the State layout ("Độc lập - Tự do - Hạnh phúc")
    layout: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)


def _merge(base: dict, override: dict) -> dict:
    merged = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


@cache
def load_profiles() -> dict[str, Profile]:
    raw = {}
    for entry in json_files("profiles"):
        data = json.loads(entry.read_text(encoding="utf-8"))
        raw[data["id"]] = data

    def resolved(profile_id: str, seen: tuple[str, ...] = ()) -> dict:
        data = raw[profile_id]
        parent = data.get("extends")
        if parent and parent not in seen:
            return _merge(resolved(parent, seen + (profile_id,)), data)
        return data

    return {pid: Profile(**{k: resolved(pid)[k] for k in Profile.__dataclass_fields__ if k in resolved(pid)})
            for pid in raw}


def get_profile(profile_id: str) -> Profile:
    profiles = load_profiles()
    return profiles.get(profile_id) or profiles["doan"]


def landscape_tables_allowed(profile: Profile) -> bool:
    """Whether a table the clerk marked "landscape" gets landscape pages of
    its own (format rules: "A4 portrait, landscape allowed for wide
    tables"). An office whose rules forbid it sets the profile's
    ``"tables": {"landscape": false}``: its tables then stay on portrait
    pages, at the portrait width."""
    return bool(profile.layout.get("tables", {}).get("landscape", True))
