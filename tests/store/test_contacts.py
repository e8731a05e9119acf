"""The address book kept across plans."""
import pytest

from kehoach_desktop.core.attendees import Attendee
from kehoach_desktop.core.errors import UserError
from kehoach_desktop.store.contacts import ContactStore


def test_attendees_saved_into_the_book_and_found_again(db):
    book = ContactStore(db)
    added = book.save_from([Attendee("Trần Văn Bình", "Bí thư", "Đoàn P5", phone="0912 345 678"),
                            Attendee("Nguyễn Thị An", "Phó Bí thư", "Đoàn P6"),
                            Attendee(position="Đại diện Ban Dân vận")])  # no name: not a person to keep
    assert added == (2, 0)
    assert [c.name for c in book.list()] == ["Nguyễn Thị An", "Trần Văn Bình"]  # by given name
    assert [c.name for c in book.list("binh p5")] == ["Trần Văn Bình"]
    assert book.list("0912345678")[0].phone == "0912345678"
    # the same person again: updated, not doubled
    assert book.save_from([Attendee("trần văn bình", "Ủy viên", "Đoàn P5")]) == (0, 1)
    assert [(c.name, c.position) for c in book.list("binh")] == [("Trần Văn Bình", "Ủy viên")]


def test_a_change_made_once_serves_every_list_afterwards(db):
    book = ContactStore(db)
    book.save_from([Attendee("Lê Văn Cường", "Bí thư", "Đoàn P7"), Attendee("Lê Văn Cường", "Bí thư", "Đoàn P8")])
    first = book.list("p7")[0]
    first.unit, first.position = "Quận Đoàn 3", "Phó Bí thư"
    book.update(first)
    assert book.list("quan doan 3")[0].attendee("Đại biểu") == Attendee("Lê Văn Cường", "Phó Bí thư", "Quận Đoàn 3",
                                                                        "Đại biểu")
    clash = book.list("p8")[0]
    clash.unit = "Quận Đoàn 3"
    with pytest.raises(UserError, match="danh bạ đã có Lê Văn Cường – Quận Đoàn 3"):
        book.update(clash)
    book.delete(clash.id)
    assert len(book.list()) == 1
