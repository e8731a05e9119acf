"""The import contracts of pyproject.toml ([tool.importlinter], checked by
`lint-imports`, run by `python dev.py check`): kept by the code as it is, and
broken, each by the wrong import it is there to stop, in a copy of the
package (imports inside functions included)."""
import os
import shutil
import subprocess
import sys
import tomllib

import pytest
from conftest import REPO

CONFIG = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]
NAMES = {contract["name"]: contract["id"] for contract in CONFIG["contracts"]}
LINT = "from importlinter.cli import lint_imports_command; lint_imports_command()"


def lint(folder) -> tuple[int, dict[str, str], str]:
    """Exit code, {contract id: "KEPT" or "BROKEN"}, and the report."""
    env = {**os.environ, "COLUMNS": "400", "NO_COLOR": "1"}  # one line per contract
    env.pop("PYTHONPATH", None)  # the package analysed is the one in `folder`
    result = subprocess.run([sys.executable, "-c", LINT, "--no-cache"], cwd=folder, env=env,
                            capture_output=True, text=True, encoding="utf-8", timeout=120)
    verdicts = {}
    for line in result.stdout.splitlines():
        name, _, verdict = line.rpartition(" ")
        if verdict in ("KEPT", "BROKEN") and name in NAMES:
            verdicts[NAMES[name]] = verdict
    return result.returncode, verdicts, result.stdout + result.stderr


def test_the_code_keeps_every_contract():
    code, verdicts, report = lint(REPO)
    assert code == 0, report
    assert verdicts == {contract_id: "KEPT" for contract_id in NAMES.values()}, report


def test_no_contract_has_an_exception():
    assert not [c["id"] for c in CONFIG["contracts"] if "ignore_imports" in c]
    assert CONFIG["include_external_packages"] is True


# (file, text appended, the contracts it must break); functions count too.
WRONG_IMPORTS = {
    "store imports formats": (
        "store/plans.py", "\n\ndef _upward():\n    from ..formats import text_export\n",
        {"layers", "acyclic-siblings"}),  # formats imports store: the two packages would import each other
    "core imports the command line": (
        "core/text.py", "\n\ndef _upward():\n    from .. import cli\n",
        {"layers", "no-qt-below-formats", "acyclic-siblings", "acyclic-modules"}),  # cli starts the window
    "ui imports the command line": (
        "ui/new_plan.py", "\nfrom .. import cli_register\n", {"layers"}),
    "a new top-level module on no layer": (
        "stray.py", "X = 1\n", {"layers"}),
    "store imports QtCore": (
        "store/values.py", "\n\ndef _qt():\n    from PySide6.QtCore import QDate\n",
        {"no-qt-below-formats", "qt-modules"}),
    "core imports a helper that imports Qt": (
        "paths.py", "\n\ndef _qt():\n    import shiboken6\n", {"no-qt-below-formats", "qt-modules"}),
    "the page painter imports QtWidgets": (
        "formats/pdf_export.py", "\n\ndef _widgets():\n    from PySide6 import QtWidgets\n", {"qt-modules"}),
    "another format imports QtGui": (
        "formats/text_export.py", "\n\ndef _qt():\n    from PySide6.QtGui import QFont\n", {"qt-modules"}),
    "the command line imports QtWidgets": (
        "cli.py", "\n\ndef _widgets():\n    import PySide6.QtWidgets\n", {"qt-modules"}),
    "backups and migrate import each other": (
        "store/backups.py", "\n\ndef _circle():\n    from . import migrate\n",
        {"acyclic-siblings", "acyclic-modules"}),
    "a package and its module import each other": (
        "core/checks/rules.py", "\n\ndef _circle():\n    from . import check_plan\n", {"acyclic-modules"}),
}


@pytest.mark.parametrize("case", WRONG_IMPORTS)
def test_a_wrong_import_breaks_its_contract(case, tmp_path):
    path, text, expected = WRONG_IMPORTS[case]
    shutil.copytree(REPO / "kehoach_desktop", tmp_path / "kehoach_desktop",
                    ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(REPO / "tools", tmp_path / "tools", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(REPO / "pyproject.toml", tmp_path)
    with (tmp_path / "kehoach_desktop" / path).open("a", encoding="utf-8") as source:
        source.write(text)
    code, verdicts, report = lint(tmp_path)
    assert code == 1, report
    assert {contract_id for contract_id, verdict in verdicts.items() if verdict == "BROKEN"} == expected, report
    assert len(verdicts) == len(NAMES), report
