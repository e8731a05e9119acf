"""The program's version, as installed (pyproject.toml's [project] version)."""
from __future__ import annotations

from importlib import metadata

DISTRIBUTION = "kehoach-desktop"


def program_version() -> str | None:
    """None when the package's metadata is missing (a bundle built without
    it, or a checkout run without installing)."""
    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return None
