"""Signature blocks in the forms real plans write them (issue 20): the
authority, the position and the name in any order, the name in capitals,
notes such as "(Đã ký)", a position in small letters, two blocks side by
side, before or after the recipients. Each block is read into its fields,
and nothing of it is lost."""
from collections import Counter

import pytest
from doc_compare import compare_plans, document_text, words

from kehoach_desktop.core.model import Signature
from kehoach_desktop.formats.docx_export import render_docx
from kehoach_desktop.formats.plan_import import plan_from_text
from kehoach_desktop.formats.text_export import render_text

HEAD = ("BCH ĐOÀN XÃ AN HÒA\nSố: 12-KH/ĐTN\nAn Hòa, ngày 03 tháng 3 năm 2021\nKẾ HOẠCH\nTổ chức hội trại\n"
        "I. MỤC ĐÍCH\n- Tạo sân chơi.\nTrên đây là kế hoạch tổ chức hội trại./.\n")
TM = ("TM.", "BAN CHẤP HÀNH")
FORMS = {
    "authority, position, room, name": ("TM. BAN CHẤP HÀNH\nBÍ THƯ\n\n\nNguyễn Văn An\n", [(*TM, "BÍ THƯ", "Nguyễn Văn An")]),
    "the name in capitals": ("TM. BAN CHẤP HÀNH\nBÍ THƯ\n\nNGUYỄN VĂN AN\n", [(*TM, "BÍ THƯ", "NGUYỄN VĂN AN")]),
    "signed": ("TM. BAN CHẤP HÀNH\nBÍ THƯ\n(Đã ký)\nNguyễn Văn An\n", [(*TM, "BÍ THƯ (Đã ký)", "Nguyễn Văn An")]),
    "signed and sealed": ("TM. BAN CHẤP HÀNH\nBÍ THƯ\n(Ký tên, đóng dấu)\nNguyễn Văn An\n",
                          [(*TM, "BÍ THƯ (Ký tên, đóng dấu)", "Nguyễn Văn An")]),
    "the name before the position": ("TM. BAN CHẤP HÀNH\nNguyễn Văn An\nBÍ THƯ\n", [(*TM, "BÍ THƯ", "Nguyễn Văn An")]),
    "the position in small letters": ("TM. BAN CHẤP HÀNH\nBí thư\n\nNguyễn Văn An\n", [(*TM, "BÍ THƯ", "Nguyễn Văn An")]),
    "on behalf of a deputy": ("KT. BÍ THƯ\nPHÓ BÍ THƯ\n\nTrần Thị Bình\n", [("KT.", "BÍ THƯ", "PHÓ BÍ THƯ", "Trần Thị Bình")]),
    "no authority": ("BÍ THƯ\n\nNguyễn Văn An\n", [("", "", "BÍ THƯ", "Nguyễn Văn An")]),
    "T/M typed": ("T/M BAN CHẤP HÀNH\nBÍ THƯ\nNguyễn Văn An\n", [(*TM, "BÍ THƯ", "Nguyễn Văn An")]),
    "two blocks side by side": ("TM. BCH ĐOÀN XÃ\tTM. BCH HỘI LHTN XÃ\nBÍ THƯ\tCHỦ TỊCH\n\nNguyễn Văn An\tTrần Thị Bình\n",
                                [("TM.", "BCH ĐOÀN XÃ", "BÍ THƯ", "Nguyễn Văn An"),
                                 ("TM.", "BCH HỘI LHTN XÃ", "CHỦ TỊCH", "Trần Thị Bình")]),
}


@pytest.mark.parametrize("recipients_first", [True, False], ids=["recipients first", "signature first"])
@pytest.mark.parametrize("form", FORMS, ids=list(FORMS))
def test_a_signature_in_every_form(form: str, recipients_first: bool):
    block, signers = FORMS[form]
    recipients = "Nơi nhận:\n- Như trên;\n- Lưu VP.\n"
    text = HEAD + (recipients + block if recipients_first else block + recipients)
    plan, _ = plan_from_text(text)
    assert [(s.authority, s.body, s.position, s.name) for s in plan.signatures] == signers
    assert plan.recipients == ["Như trên", "Lưu VP"]
    # The end's two columns have no reading order (as the header's): its words as a bag, the rest in order.
    body_end = text.index("./.") + 3
    exported = render_text(plan)
    assert compare_plans(text[:body_end], exported[:exported.index("./.") + 3]).missing == []
    assert not Counter(words(text[body_end:])) - Counter(words(exported))


def test_a_note_after_the_position_prints_as_written_the_position_in_capitals(tmp_path):
    assert Signature(position="Bí thư (Đã ký)").printed_position == "BÍ THƯ (Đã ký)"
    assert Signature(position="phó bí thư (Ký tên, đóng dấu)").printed_position == "PHÓ BÍ THƯ (Ký tên, đóng dấu)"
    assert Signature(position="Trưởng ban (tổ chức)").printed_position == "TRƯỞNG BAN (TỔ CHỨC)"  # no note: all capitals
    plan, _ = plan_from_text(HEAD + "Nơi nhận:\n- Lưu VP.\nTM. BAN CHẤP HÀNH\nBÍ THƯ\n(Đã ký)\nNguyễn Văn An\n")
    assert "BÍ THƯ (Đã ký)" in render_text(plan)
    path = tmp_path / "ky.docx"
    path.write_bytes(render_docx(plan))
    assert "BÍ THƯ (Đã ký)" in document_text(path)
