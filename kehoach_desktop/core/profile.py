"""Format profiles: the layout values of one kind of document (Youth Union,
Party), kept as data in resources/profiles/ rather than literals in code."""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ..paths import resources_dir


@dataclass(frozen=True)
class Profile:
    id: str
    name: str
    organisation_title: str
    number_label_colon: bool
    star_line: str
    issuer_code: str


def profiles_dir() -> Path:
    return resources_dir() / "profiles"


@cache
def load_profiles() -> dict[str, Profile]:
    found = {}
    for path in sorted(profiles_dir().glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        found[data["id"]] = Profile(**{k: data[k] for k in Profile.__dataclass_fields__})
    return found


def get_profile(profile_id: str) -> Profile:
    profiles = load_profiles()
    return profiles.get(profile_id) or profiles["doan"]
