"""The registry of content kinds (core/kinds.py): every kind declared once,
every layer's part of it registered against its name, a missing or
misspelt part refused when the program loads, not when a plan meets it."""
import subprocess
import sys
import textwrap
import typing
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import pytest

from kehoach_desktop.core import content as c
from kehoach_desktop.core.checks.rules import EMPTY
from kehoach_desktop.core.kinds import Kind, KindError, Parts, all_kinds, kind_named, register_kind
from kehoach_desktop.core.layout import LAYOUTS
from kehoach_desktop.core.plan_texts import TEXTS
from kehoach_desktop.formats.kehoach_json import schema
from kehoach_desktop.formats.plan_import.kinds import RECOGNISERS

REPO = Path(__file__).resolve().parents[2]
NAMES = ["free", "time_place", "participants", "programme", "assignments", "timeline", "activities", "table", "budget"]


def test_the_kinds_in_the_order_of_the_menu():
    assert [k.name for k in all_kinds()] == NAMES
    assert kind_named("time_place").model is c.TimePlace
    assert kind_named("participants").heading == "THÀNH PHẦN THAM DỰ"


def test_the_content_union_holds_the_registered_models():
    """The type checker reads the union, the codec the registry: the two agree."""
    assert set(typing.get_args(c.Content)) == {k.model for k in all_kinds()}


def test_the_file_schema_knows_every_kind():
    defs = schema()["$defs"]
    assert defs["content"]["properties"]["kind"]["enum"] == NAMES
    assert all(name in defs for name in NAMES)


def test_every_layer_has_its_part_of_every_kind():
    assert LAYOUTS.missing() == [] and TEXTS.missing() == [] and EMPTY.missing() == []
    # free content is what the importer keeps when no recogniser fits; tables and budgets
    # come from Word tables (plan_import/word_tables.py), never from lines
    assert RECOGNISERS.missing() == ["free", "table", "budget"]


def test_an_unknown_kind_is_refused_by_name():
    with pytest.raises(KindError, match="'tabel'"):
        kind_named("tabel")
    table: Parts[str] = Parts("test part")
    with pytest.raises(KindError, match="'tabel'"):
        table.add("tabel", "x")
    with pytest.raises(KindError, match="'tabel'"):
        table["tabel"]


def test_a_part_registered_twice_is_refused():
    table: Parts[str] = Parts("test part")
    table.part("free")("first")
    with pytest.raises(KindError, match="test part of content kind 'free' registered twice"):
        table.add("free", "second")
    assert table["free"] == "first"


def test_a_missing_part_is_named():
    table: Parts[str] = Parts("test part")
    table.add("free", "x")
    assert table.get("timeline") is None
    with pytest.raises(KindError, match="content kind 'timeline' has no test part"):
        table["timeline"]
    with pytest.raises(KindError, match="no test part for content kind.s. 'time_place', 'participants'"):
        table.require_all()


def test_a_kind_is_declared_once_and_its_model_carries_its_name():
    with pytest.raises(KindError, match="'free' registered twice"):
        register_kind(kind_named("free"))

    @dataclass
    class Wrong:
        kind: Literal["other"] = "other"

    with pytest.raises(KindError, match="'other', not the kind's name 'mismatch'"):
        register_kind(Kind("mismatch", Wrong, label="", heading="", report_name=""))
    assert "mismatch" not in [k.name for k in all_kinds()]


# the parts of the layout and of the texts, registered before the checker
# (which uses both) is imported
_WITH_LAYOUT = ('from kehoach_desktop.core.layout import LAYOUTS; LAYOUTS.add("extra", lambda *_: None); '
                'from kehoach_desktop.core.plan_texts import TEXTS; TEXTS.add("extra", lambda *_: iter(()))')


@pytest.mark.parametrize("module, table, before", [
    ("kehoach_desktop.core.layout", "layout renderer", ""),
    ("kehoach_desktop.core.plan_texts", "text walker", ""),
    ("kehoach_desktop.core.checks", "emptiness test", _WITH_LAYOUT),
    ("kehoach_desktop.core.codec", None, ""),
])
def test_a_kind_without_its_part_fails_the_layers_import(module, table, before):
    """A kind declared with no layout renderer (text walker, emptiness test) stops the
    program at the import of that layer, naming the kind and the part."""
    code = textwrap.dedent(f"""
        from dataclasses import dataclass
        from typing import Literal
        import kehoach_desktop.core.content
        from kehoach_desktop.core.kinds import Kind, register_kind
        {"import kehoach_desktop.core.layout, kehoach_desktop.core.plan_texts" if before else ""}

        @dataclass
        class Extra:
            kind: Literal["extra"] = "extra"

        register_kind(Kind("extra", Extra, label="Thêm", heading="THÊM", report_name="thêm"))
        {before}
        import {module}
    """)
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True)
    if table is None:  # the codec needs no part: it reads the model from the registry
        assert result.returncode == 0, result.stderr
    else:
        assert result.returncode != 0
        assert f"KindError: no {table} for content kind(s) 'extra'" in result.stderr


def test_the_codec_reads_a_kind_through_the_registry():
    from kehoach_desktop.core.codec import DataError, from_data

    assert from_data(c.Content, {"kind": "timeline", "steps": []}, "$") == c.Timeline()
    with pytest.raises(DataError, match="loại nội dung không hợp lệ: 'tabel'"):
        from_data(c.Content, {"kind": "tabel"}, "$")
