"""Importers refuse what they cannot read (issue 16, point 8): a damaged
.doc (random bytes after an OLE header, which LibreOffice reads as UTF-16
text), a .docx or .txt whose text is not a plan's script, a file without a
letter: a Vietnamese message naming the file, exit 1, no plan stored; never a
plan whose preamble is garbage. (Damaged .xlsx guest lists:
tests/formats/test_hostile_files.py.)"""
from __future__ import annotations

import random

import docx
import pytest

from kehoach_desktop.cli import main
from kehoach_desktop.core.errors import UserError
from kehoach_desktop.formats import importers
from kehoach_desktop.formats.plan_import import import_plan, plan_from_text
from kehoach_desktop.store.database import open_database
from kehoach_desktop.store.plans import PlanStore

OLE_HEADER = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def random_bytes(seed: int, count: int) -> bytes:
    rng = random.Random(seed)
    return bytes(rng.randrange(256) for _ in range(count))


def random_text(seed: int, count: int) -> str:
    """Characters as a damaged file decodes to: anywhere in the BMP."""
    rng = random.Random(seed)
    return "".join(chr(rng.choice([rng.randrange(0x3400, 0x9fff), rng.randrange(0xac00, 0xd7a3),
                                   rng.randrange(0xe000, 0xf8ff), 0xfffd, rng.randrange(0x21, 0x7e)]))
                   for _ in range(count))


@pytest.mark.usefixtures("libreoffice")
@pytest.mark.parametrize("seed", [16, 17, 18])
def test_a_damaged_doc_is_refused_not_imported_as_junk(tmp_path, capsys, seed):
    path = tmp_path / "hong.doc"
    path.write_bytes(OLE_HEADER + random_bytes(seed, 20_000))
    with pytest.raises(UserError) as error:
        import_plan(path)
    assert "hong.doc" in str(error.value) and "chưa nhập gì" in str(error.value)
    database = tmp_path / "kh.sqlite3"
    assert main(["--db", str(database), "import", str(path)]) == 1
    _out, err = capsys.readouterr()
    assert err.startswith("Lỗi: Tệp hong.doc") and "Traceback" not in err
    db = open_database(database)
    try:
        assert PlanStore(db).summaries() == []
    finally:
        db.close()


def test_a_word_file_of_garbage_text_is_refused(tmp_path):
    document = docx.Document()
    for seed in range(20):
        document.add_paragraph(random_text(seed, 80))
    path = tmp_path / "rac.docx"
    document.save(path)
    with pytest.raises(UserError, match=r"rac\.docx.*không đọc được nội dung: \d+% ký tự"):
        importers.read_plan(path)


@pytest.mark.parametrize("name, text, message", [
    ("rac.txt", random_text(1, 3000), "không đọc được nội dung"),
    ("so.txt", "12345\n----\n67.89/10\n", "không có chữ cái nào"),
    ("trong.txt", "\x01\x02\u202e\n\uffff\n", "không có chữ nào"),  # nothing left once the gate has passed
])
def test_a_text_file_that_is_no_plan_is_refused(tmp_path, name, text, message):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(UserError) as error:
        importers.read_plan(path)
    assert name in str(error.value) and message in str(error.value)


def test_pasted_garbage_is_refused():
    with pytest.raises(UserError, match="không đọc được nội dung"):
        plan_from_text(random_text(2, 500))


def test_a_plan_with_symbols_and_a_few_odd_characters_still_imports(tmp_path):
    """The line is drawn far from real plans: Word's private-area bullets,
    arrows, ticks, a stray Chinese character in a name are a plan still."""
    text = ("KẾ HOẠCH\nTổ chức hội nghị → tổng kết ✓\n I. MỤC ĐÍCH:\n\uf0b7 Đánh giá kết quả năm 2025;\n"
            "\uf0a7 Khen thưởng 10 tập thể (李).\nTrên đây là kế hoạch./.\n")
    path = tmp_path / "ky-hieu.txt"
    path.write_text(text, encoding="utf-8")
    plan, _notes = importers.read_plan(path)
    assert plan.title == "Tổ chức hội nghị → tổng kết ✓" and len(plan.sections) == 1
