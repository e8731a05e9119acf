"""The files shipped inside the package, in kehoach_desktop/resources/: the
plan file's schema, the format profiles, the templates, the example plan, the
names abolished in 2025 and the icon. This module is the one way to reach
them. It goes through importlib.resources, so they are found wherever the
package is: a checkout, an installed wheel, the PyInstaller bundle."""
from __future__ import annotations

import atexit
import json
from contextlib import ExitStack
from functools import cache
from importlib.resources import as_file, files
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

PACKAGE = "kehoach_desktop"
FOLDER = "resources"


def resource(*parts: str) -> Traversable:
    """A shipped file or folder, e.g. resource("schema", "kehoach-v2.schema.json")."""
    found = files(PACKAGE) / FOLDER
    for part in parts:
        found = found / part
    return found


def read_text(*parts: str) -> str:
    return resource(*parts).read_text(encoding="utf-8")


def read_json(*parts: str) -> Any:
    return json.loads(read_text(*parts))


def json_files(folder: str) -> list[Traversable]:
    """The .json files of a shipped folder, by name."""
    return sorted((entry for entry in resource(folder).iterdir() if entry.name.endswith(".json")),
                  key=lambda entry: entry.name)


# The copies real_path() had to make live until the program ends: Qt reads an
# icon's file again each time it draws it at a new size.
_kept = ExitStack()
atexit.register(_kept.close)


@cache
def real_path(*parts: str) -> Path:
    """A shipped file as a path on disk, for what takes only a path (Qt's
    QIcon; the plan-file reader the self-test goes through). It is the file
    itself when the package is on disk, as it is in a checkout, a wheel
    install and the bundle; a temporary copy only if it is in an archive."""
    return _kept.enter_context(as_file(resource(*parts)))


def location() -> str:
    """Where the shipped files are read from (the self-test prints it)."""
    return str(resource())
