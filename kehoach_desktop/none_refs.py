"""A guard against a PySide6 6.12.0 bug: some of its bindings (QTextLine.draw,
QTextDocument.drawContents, QAbstractTextDocumentLayout.draw and others)
drop one reference to None each time they are called. On CPython 3.11 None
has an ordinary reference count, so after enough drawing the count reaches
zero and the interpreter aborts ("none_dealloc"). Every ``emit()`` of a
signal from Python likewise drops one reference to True: after a few
thousand keys typed into a table cell (each emits commitData, changed,
edited…) the program aborted with "bool_dealloc". CPython 3.12 and later make
None, True and False immortal and are not affected.

For: PySide6-Essentials 6.12.0 (the locked version, packaging/constraints.txt)
on CPython 3.11. Checked on 2026-12-06: 6.11.2 does not drop references to
None (the drop from True, found later, was not checked there).
tests/test_workarounds.py fails when the installed PySide6 no longer has the
bug; then remove this module and its two callers (ui/__init__.py,
formats/pdf_export.py).

The guard adds 2**40 references to None, True and False once: they are never
freed anyway, and no session can draw that many lines or emit that many
signals. It touches nothing else."""
from __future__ import annotations

import ctypes
import sys

RESERVE = 1 << 40
_done = False


def guard_none_refcount() -> None:
    global _done
    if _done or sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return
    # ob_refcnt is the first field of every object on CPython 3.11.
    for singleton in (None, True, False):
        ctypes.c_ssize_t.from_address(id(singleton)).value += RESERVE
    _done = True
