"""The five real plans, end to end through the command line."""
import json

import pytest
from conftest import FIXTURE_FILES, example_text, fixture_name
from doc_compare import compare

from kehoach_desktop.cli import main


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    assert code == 0, err
    return out


@pytest.mark.parametrize("fixture", FIXTURE_FILES, ids=fixture_name)
def test_import_show_and_text_export_match_the_example(fixture, tmp_path, capsys):
    db = tmp_path / "t.sqlite3"
    plan_id = run(capsys, "--db", db, "import", fixture).strip().splitlines()[-1]
    assert plan_id.isdigit()
    shown = run(capsys, "--db", db, "show", plan_id)
    original = json.loads(fixture.read_text(encoding="utf-8"))  # a version-1 file, shown as version 2
    assert json.loads(shown) == original | {"version": 2, "plan": original["plan"] | {"appendices": []}}
    out = tmp_path / "out.txt"
    run(capsys, "--db", db, "export", plan_id, out)
    result = compare(example_text(fixture), out)
    assert result.ratio >= 0.98, f"ratio {result.ratio:.4f}; missing: {result.missing[:10]}"


@pytest.mark.parametrize("fixture", FIXTURE_FILES, ids=fixture_name)
def test_fixture_explains_unknown_signers_in_its_note(fixture):
    data = json.loads(fixture.read_text(encoding="utf-8"))["plan"]
    incomplete = any(not s["name"] for s in data["signatures"])
    if incomplete:
        assert data["note"], "a signature without a name must be explained in the note"


@pytest.mark.parametrize("fixture", FIXTURE_FILES, ids=fixture_name)
def test_word_export_holds_the_words_of_the_example(fixture, tmp_path, capsys):
    db = tmp_path / "t.sqlite3"
    plan_id = run(capsys, "--db", db, "import", fixture).strip().splitlines()[-1]
    out = tmp_path / "out.docx"
    run(capsys, "--db", db, "export", plan_id, out)
    result = compare(example_text(fixture), out)
    assert result.ratio >= 0.97, f"ratio {result.ratio:.4f}; missing: {result.missing[:10]}"
