"""Every module outside the UI package imports with PySide6 unimportable.

The import contracts (pyproject.toml, `lint-imports`) see our own imports
only; this run also catches a library we import that loads Qt itself, or a
module imported by name at run time."""
import pkgutil
import subprocess
import sys

from conftest import REPO

import kehoach_desktop

BLOCKER = """
import importlib.abc, sys
class NoQt(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name == "PySide6" or name.startswith("PySide6.") or name.startswith("shiboken6"):
            raise ImportError("PySide6 is blocked for this test")
        return None
sys.meta_path.insert(0, NoQt())
for name in sys.argv[1:]:
    __import__(name)
try:
    import PySide6  # noqa: F401
except ImportError:
    pass
else:
    raise SystemExit("the blocker did not block PySide6")
print("ok", len(sys.argv) - 1)
"""


def non_ui_modules():
    names = []
    for info in pkgutil.walk_packages(kehoach_desktop.__path__, "kehoach_desktop."):
        if info.name.startswith("kehoach_desktop.ui") or ".migrations" in info.name:
            continue
        if info.name == "kehoach_desktop.__main__":
            continue
        names.append(info.name)
    return names


def test_core_store_formats_and_cli_import_without_qt():
    modules = non_ui_modules()
    assert {"kehoach_desktop.core.model", "kehoach_desktop.store.plans", "kehoach_desktop.formats.text_export",
            "kehoach_desktop.cli"} <= set(modules)
    result = subprocess.run([sys.executable, "-c", BLOCKER, *modules], cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"ok {len(modules)}"
