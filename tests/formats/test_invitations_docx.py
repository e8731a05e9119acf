"""Invitation letters: one per invitee (or per unit), in the office's format."""
import pytest
from conftest import FIXTURE_FILES
from doc_compare import document_text

from kehoach_desktop.core.attendees import Attendee
from kehoach_desktop.core.errors import UserError
from kehoach_desktop.formats import kehoach_json
from kehoach_desktop.formats.invitations_docx import addressee, letters_bytes, write_letters

INVITED = [Attendee("Nguyễn Văn An", "Bí thư", "Đoàn Khối", "Chủ trì"),
           Attendee(position="Đại diện Ban Dân vận Thành ủy", group="Khách mời"),
           Attendee("Lê Thị Bình", "Phó Bí thư", "Quận Đoàn 1", "Đại biểu"),
           Attendee("Trần Văn Cường", "Ủy viên", "Quận Đoàn 1", "Đại biểu")]


def letters_text(tmp_path, **options):
    plan = kehoach_json.read_file(FIXTURE_FILES[0])
    path = tmp_path / "thu-moi.docx"
    write_letters(plan, INVITED, path, **options)
    return document_text(path)


def test_one_letter_per_invitee(tmp_path):
    text = letters_text(tmp_path)
    assert text.count("THƯ MỜI") == 4 and text.count("TM. BAN THƯỜNG VỤ ĐOÀN KHỐI") == 4
    kinh_gui = [line for line in text.splitlines() if line.startswith("Kính gửi:")]
    assert kinh_gui == ["Kính gửi: Đồng chí Nguyễn Văn An – Bí thư, Đoàn Khối",
                        "Kính gửi: Đại diện Ban Dân vận Thành ủy",
                        "Kính gửi: Đồng chí Lê Thị Bình – Phó Bí thư, Quận Đoàn 1",
                        "Kính gửi: Đồng chí Trần Văn Cường – Ủy viên, Quận Đoàn 1"]
    assert "Trân trọng kính mời đồng chí đến dự Hội nghị sơ kết chương trình phối hợp" in text
    assert "Thời gian: Dự kiến 08g00 ngày 31 tháng 01 năm 2023 (thứ Ba)." in text
    assert "Địa điểm: Trung tâm Hội nghị 272, Số 272 Võ Thị Sáu, Phường Võ Thị Sáu, Quận 3." in text
    assert "Số:      -TM/ĐTN" in text and "Nguyễn Đăng Khoa" in text


def test_one_letter_per_unit(tmp_path):
    text = letters_text(tmp_path, per_unit=True)
    assert [line for line in text.splitlines() if line.startswith("Kính gửi:")] == [
        "Kính gửi: Đoàn Khối", "Kính gửi: Quận Đoàn 1"]
    assert "Trân trọng kính mời Quý đơn vị cử đại diện đến dự" in text


def test_each_letter_starts_a_page(tmp_path):
    import docx

    plan = kehoach_json.read_file(FIXTURE_FILES[0])
    document = docx.Document(__import__("io").BytesIO(letters_bytes(plan, INVITED)))
    assert len(document.sections) == 4


def test_no_invitees_no_letters():
    plan = kehoach_json.read_file(FIXTURE_FILES[0])
    with pytest.raises(UserError, match="chưa có ai"):
        letters_bytes(plan, [])
    assert addressee(Attendee(unit="Đoàn P5")) == "Đoàn P5"
