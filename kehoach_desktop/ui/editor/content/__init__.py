"""One editor per kind of section content, registered by kind (kinds.py).
Importing the package imports every editor module, so every kind has its
editor before any section is shown."""
from __future__ import annotations

from . import (  # noqa: F401 - imported for their @editor_of registration
    activities,
    assignments,
    outline,
    participants,
    programme,
    time_place,
    timeline,
)
from .kinds import DEFAULT_HEADINGS, EDITORS, KIND_LABELS, editor_for

__all__ = ["DEFAULT_HEADINGS", "EDITORS", "KIND_LABELS", "editor_for"]
