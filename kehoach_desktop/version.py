"""The program's version, as installed (pyproject.toml's [project] version)."""
from __future__ import annotations

DISTRIBUTION = "kehoach-desktop"


def program_version() -> str | None:
    """None when the package's metadata is missing (a bundle built without
    it, or a checkout run without installing). Read when asked (the About
    dialog, an error's log entry): importlib.metadata costs the start-up
    some 10 ms and 2 MiB."""
    from importlib import metadata

    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return None
