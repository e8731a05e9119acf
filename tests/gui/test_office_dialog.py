"""The office profile dialog: values shown, saved through the store, refused
values shown in Vietnamese with the dialog kept open, Cancel discarding."""
import unicodedata
from datetime import date

import pytest
from dialog_helpers import Clerk
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialog

from kehoach_desktop.core.model import Signature
from kehoach_desktop.core.office import OfficeProfile
from kehoach_desktop.store.office import OfficeStore
from kehoach_desktop.ui.office_dialog import OfficeDialog

TERM = date(2025, 12, 30)


@pytest.fixture
def dialog(qtbot, db):
    dlg = OfficeDialog(db)
    qtbot.addWidget(dlg)
    dlg.show()
    return dlg


@pytest.fixture
def shown():
    """The (title, text) of each message box shown: the real boxes, closed by a timer."""
    with Clerk() as clerk:
        yield clerk.boxes


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def click_ok(qtbot, dlg):
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)


def test_a_new_database_shows_the_defaults(dialog):
    assert dialog.windowTitle() == "Hồ sơ cơ quan"
    assert "nhiệm kỳ" in dialog.explanation.text() and "01" in dialog.explanation.text()
    assert dialog.fields["issuer_code"].text() == "ĐTN"
    assert dialog.fields["organisation_title"].text() == "ĐOÀN TNCS HỒ CHÍ MINH"
    assert dialog.term_unset.isChecked() and not dialog.term_start.isEnabled()
    assert dialog.numbering.currentText() == "Theo nhiệm kỳ Đại hội (Đoàn)"
    assert [dialog.numbering.itemData(i) for i in range(dialog.numbering.count())] == ["term", "year"]
    assert dialog.count.value() == 1 and dialog.boxes[0].isVisible() and not dialog.boxes[1].isVisible()
    assert dialog.profile() == OfficeProfile()


def test_profile_round_trip_through_the_dialog(qtbot, db, dialog):
    dialog.fields["superior_body"].setText(nfd("THÀNH ĐOÀN TP. HỒ CHÍ MINH"))
    dialog.fields["issuing_body"].setText("  BCH ĐOÀN   KHỐI DÂN - CHÍNH - ĐẢNG TP ")
    dialog.fields["issuer_code"].setText(nfd("tđtn"))
    dialog.fields["place"].setText(nfd("TP. Hồ Chí Minh"))
    dialog.term_unset.setChecked(False)
    assert dialog.term_start.isEnabled()
    dialog.term_start.setDate(QDate(2025, 12, 30))
    dialog.numbering.setCurrentIndex(1)
    dialog.count.setValue(2)
    assert dialog.boxes[1].isVisible()
    first, second = dialog.boxes[:2]
    first.authority.setCurrentText("TM.")
    first.body.setText("BAN THƯỜNG VỤ")
    first.position.setText("BÍ THƯ")
    first.name.setText(nfd("Nguyễn Đăng Khoa"))
    second.authority.setCurrentText("KT.")
    second.position.setText("PHÓ BÍ THƯ")
    second.name.setText("Trần Thị Bình")
    click_ok(qtbot, dialog)

    expected = OfficeProfile(superior_body="THÀNH ĐOÀN TP. HỒ CHÍ MINH",
                             issuing_body="BCH ĐOÀN KHỐI DÂN - CHÍNH - ĐẢNG TP", issuer_code="TĐTN",
                             organisation_title="ĐOÀN TNCS HỒ CHÍ MINH", place="TP. Hồ Chí Minh",
                             signers=[Signature("TM.", "BAN THƯỜNG VỤ", "BÍ THƯ", "Nguyễn Đăng Khoa"),
                                      Signature("KT.", "", "PHÓ BÍ THƯ", "Trần Thị Bình")],
                             term_start=TERM, numbering="year")
    assert dialog.result() == QDialog.DialogCode.Accepted and not dialog.isVisible()
    stored = OfficeStore(db).get()
    assert stored == expected and dialog.saved == expected
    assert unicodedata.is_normalized("NFC", stored.signers[0].name)

    again = OfficeDialog(db)
    qtbot.addWidget(again)
    assert again.fields["superior_body"].text() == "THÀNH ĐOÀN TP. HỒ CHÍ MINH"
    assert again.fields["issuer_code"].text() == "TĐTN"
    assert not again.term_unset.isChecked() and again.term_start.date() == QDate(2025, 12, 30)
    assert again.numbering.currentText() == "Theo năm dương lịch (cơ quan Nhà nước)"
    assert again.count.value() == 2 and again.boxes[1].name.text() == "Trần Thị Bình"
    assert again.boxes[1].authority.currentText() == "KT."
    assert again.profile() == expected


def test_a_refused_value_keeps_the_dialog_open_with_the_message(qtbot, db, shown):
    OfficeStore(db).save(OfficeProfile(place="Quận 12"))
    dialog = OfficeDialog(db)  # opened after that save (one before it would meet a conflict)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.fields["issuer_code"].setText("KH/ĐTN")
    click_ok(qtbot, dialog)
    assert len(shown) == 1
    title, message = shown[0]
    assert title == "Không lưu được hồ sơ cơ quan"
    assert message.startswith("Ký hiệu cơ quan ban hành") and "chữ in hoa" in message
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted and dialog.saved is None
    assert OfficeStore(db).get() == OfficeProfile(place="Quận 12")  # nothing saved

    dialog.fields["issuer_code"].clear()
    click_ok(qtbot, dialog)
    assert "không được để trống" in shown[1][1] and dialog.isVisible()

    dialog.fields["issuer_code"].setText("CĐCS")
    click_ok(qtbot, dialog)
    assert len(shown) == 2 and not dialog.isVisible()
    assert OfficeStore(db).get().issuer_code == "CĐCS"


def test_cancel_discards_the_edits(qtbot, db, dialog):
    OfficeStore(db).save(OfficeProfile(place="Quận 12", term_start=TERM))
    edited = OfficeDialog(db)
    qtbot.addWidget(edited)
    edited.show()
    edited.fields["place"].setText("Phường Tân Thới Hiệp")
    edited.term_unset.setChecked(True)
    qtbot.keyClick(edited, Qt.Key.Key_Escape)
    assert edited.result() == QDialog.DialogCode.Rejected and edited.saved is None
    assert OfficeStore(db).get() == OfficeProfile(place="Quận 12", term_start=TERM)


def test_clearing_the_term_start_and_empty_signers(qtbot, db, shown):
    OfficeStore(db).save(OfficeProfile(term_start=TERM, signers=[Signature(name="Nguyễn Văn A")]))
    dlg = OfficeDialog(db)
    qtbot.addWidget(dlg)
    dlg.show()
    assert dlg.boxes[0].name.text() == "Nguyễn Văn A"
    dlg.term_unset.setChecked(True)
    assert not dlg.term_start.isEnabled()
    dlg.boxes[0].name.clear()
    dlg.count.setValue(3)
    dlg.boxes[2].name.setText("Lê Văn C")  # the empty blocks are left out
    click_ok(qtbot, dlg)
    stored = OfficeStore(db).get()
    assert stored.term_start is None and stored.signers == [Signature("TM.", "", "", "Lê Văn C")]
    assert shown == []


def test_a_damaged_profile_is_reported_and_the_defaults_shown(qtbot, db, shown):
    OfficeStore(db).save(OfficeProfile())
    with db.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE settings SET value = '{\"numbering\": \"tuan\"}'")
    dlg = OfficeDialog(db)
    qtbot.addWidget(dlg)
    assert len(shown) == 1 and "bị hỏng" in shown[0][1]
    assert dlg.profile() == OfficeProfile()
    dlg.show()
    click_ok(qtbot, dlg)  # saving replaces the damaged row
    assert OfficeStore(db).get() == OfficeProfile()


def test_the_invitation_type_and_the_contact_person(qtbot, db, dialog):
    """The letters' type in the register (TM or GM) is chosen, never typed; the contact person is typed."""
    assert [dialog.invitation_code.itemText(i) for i in range(dialog.invitation_code.count())] == [
        "Thư mời (TM)", "Giấy mời (GM)"]
    assert dialog.invitation_code.currentData() == "TM" and dialog.fields["contact"].text() == ""
    dialog.invitation_code.setCurrentIndex(1)
    dialog.fields["contact"].setText(nfd("  đồng chí Nguyễn Văn A (Văn phòng),\tđiện thoại 0909 123 456 "))
    click_ok(qtbot, dialog)
    stored = OfficeStore(db).get()
    assert stored.invitation_code == "GM"
    assert stored.contact == "đồng chí Nguyễn Văn A (Văn phòng), điện thoại 0909 123 456"
    again = OfficeDialog(db)
    qtbot.addWidget(again)
    assert again.invitation_code.currentText() == "Giấy mời (GM)"
    assert again.fields["contact"].text() == stored.contact
    assert again.profile() == stored
