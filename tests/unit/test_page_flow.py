"""Where pages break (formats/page_flow.py): the rules LibreOffice applies
to our Word files, on blocks of known heights."""
from kehoach_desktop.formats.page_flow import Block, Piece, TableRun, paginate

PAGE = 100.0


def lines(count: int, height: float = 10.0, **kwargs) -> Block:
    return Block([height] * count, **kwargs)


def spans(pages: list[list[Piece]]) -> list[list[tuple[int, int, int]]]:
    return [[(p.block, p.first, p.end) for p in page] for page in pages]


def test_lines_fill_a_page_and_the_space_after_the_last_need_not_fit():
    # Block 1 starts at 56 (50 + 6 after); its fifth line would end at 106.
    # Three lines fit, two are left for the next page.
    pages = paginate([lines(5, after=6), lines(5, after=6)], PAGE)
    assert spans(pages) == [[(0, 0, 5), (1, 0, 3)], [(1, 3, 5)]]
    assert pages[0][1].top == 56 and pages[1][0].top == 0
    # Ten lines with 6 pt after the last: the page holds them all.
    assert spans(paginate([lines(10, after=6)], PAGE)) == [[(0, 0, 10)]]


def test_a_split_leaves_two_lines_at_the_foot_and_two_at_the_top():
    # 8 lines before, a 4-line paragraph: 2 fit at the foot, 2 go over.
    assert spans(paginate([lines(8), lines(4)], PAGE)) == [[(0, 0, 8), (1, 0, 2)], [(1, 2, 4)]]
    # 9 lines before: one line would be alone at the foot (an orphan): the paragraph moves whole.
    assert spans(paginate([lines(9), lines(4)], PAGE)) == [[(0, 0, 9)], [(1, 0, 4)]]
    # 7 lines before, 4 lines: 3 fit, but one would be alone at the top (a widow): 2 and 2.
    assert spans(paginate([lines(7), lines(4)], PAGE)) == [[(0, 0, 7), (1, 0, 2)], [(1, 2, 4)]]
    # A 3-line paragraph cannot be split with two lines at each end.
    assert spans(paginate([lines(8), lines(3)], PAGE)) == [[(0, 0, 8)], [(1, 0, 3)]]


def test_the_space_before_is_dropped_at_the_top_of_a_page():
    pages = paginate([lines(10), lines(1, before=12)], PAGE)
    assert spans(pages) == [[(0, 0, 10)], [(1, 0, 1)]] and pages[1][0].top == 0


def test_a_row_never_splits_and_moves_whole():
    pages = paginate([lines(7), Block([40.0], splittable=False)], PAGE)
    assert spans(pages) == [[(0, 0, 7)], [(1, 0, 1)]]


def test_a_heading_goes_to_the_next_page_with_what_follows_it():
    blocks = [lines(7), lines(1, keep_next=True), lines(1, keep_next=True), Block([30.0], splittable=False)]
    # Both headings fit at the foot of page 1, the row does not: the chain moves.
    assert spans(paginate(blocks, PAGE)) == [[(0, 0, 7)], [(1, 0, 1), (2, 0, 1), (3, 0, 1)]]


def test_a_paragraph_kept_with_the_next_moves_whole_rather_than_split():
    blocks = [lines(6), lines(4, keep_next=True, splittable=False), Block([50.0], splittable=False)]
    assert spans(paginate(blocks, PAGE)) == [[(0, 0, 6)], [(1, 0, 4), (2, 0, 1)]]


def test_a_chain_that_starts_its_page_stays_rather_than_leave_a_blank_page():
    blocks = [lines(1, keep_next=True), Block([95.0], splittable=False)]
    assert spans(paginate(blocks, PAGE)) == [[(0, 0, 1)], [(1, 0, 1)]]


def test_what_is_taller_than_a_page_is_split_even_when_kept_whole():
    pages = paginate([lines(25, keep_next=True, splittable=False), lines(1)], PAGE)
    assert [sum(p.end - p.first for p in page) for page in pages] == [10, 10, 6]


# ---- tables whose header rows repeat on every page they continue on


def row(height: float = 10.0, **kwargs) -> Block:
    return Block([height], splittable=False, **kwargs)


def marked(pages: list[list[Piece]]) -> list[list[tuple[int, bool]]]:
    """Each page's blocks, and whether each is a repeated header row."""
    return [[(p.block, p.repeat) for p in page] for page in pages]


def test_the_header_row_is_drawn_again_at_the_top_of_each_following_page():
    # A header row and 25 rows of 10 pt on pages of 100 pt: 9 rows under the
    # header on page 1, then the header again and 9 rows on page 2, then 7.
    blocks = [row() for _ in range(26)]
    pages = paginate(blocks, PAGE, [TableRun(0, 26, header=1)])
    assert marked(pages) == [
        [(0, False)] + [(i, False) for i in range(1, 10)],
        [(0, True)] + [(i, False) for i in range(10, 19)],
        [(0, True)] + [(i, False) for i in range(19, 26)],
    ]
    assert [p.top for p in pages[1][:2]] == [0, 10]
    assert pages[1][0] == Piece(0, 0, 1, 0.0, repeat=True)


def test_several_header_rows_repeat_together_and_only_within_the_table():
    blocks = [lines(2), row(15), row(5)] + [row(20) for _ in range(6)] + [lines(3)]
    pages = paginate(blocks, PAGE, [TableRun(1, 9, header=2)])
    # Page 1: 20 + 15 + 5 + 3 rows of 20 = 100. Page 2: the two header rows
    # (20), three rows (60); the 3-line paragraph after the table goes to
    # page 3 (2 + 1 lines would leave a widow), with no header: the table ended.
    assert marked(pages) == [
        [(0, False), (1, False), (2, False), (3, False), (4, False), (5, False)],
        [(1, True), (2, True), (6, False), (7, False), (8, False)],
        [(9, False)],
    ]
    assert [p.top for p in pages[1]] == [0, 15, 20, 40, 60]


def test_a_header_row_is_never_left_alone_at_the_foot_of_a_page():
    # 9 lines of text, then the header (10 pt) would fit but the first row would not:
    # the header goes to the next page with it.
    blocks = [lines(9), row(), row(20), row(20)]
    pages = paginate(blocks, PAGE, [TableRun(1, 4, header=1)])
    assert marked(pages) == [[(0, False)], [(1, False), (2, False), (3, False)]]
    # Without the table's mark the row stays there (what the header rule changes).
    assert marked(paginate(blocks, PAGE)) == [[(0, False), (1, False)], [(2, False), (3, False)]]


def test_a_heading_kept_with_the_table_goes_along_with_its_header():
    blocks = [lines(8), lines(1, keep_next=True), row(), row(20)]
    pages = paginate(blocks, PAGE, [TableRun(2, 4, header=1)])
    assert marked(pages) == [[(0, False)], [(1, False), (2, False), (3, False)]]


def test_a_row_taller_than_what_is_left_under_the_header_still_goes_on():
    # The header at the top of page 2 is repeated; the 95 pt row under it
    # does not fit either way: it runs over, it does not make a blank page.
    blocks = [row(), row(90), row(95)]
    pages = paginate(blocks, PAGE, [TableRun(0, 3, header=1)])
    # The page after a row that ran over stays empty, with no header on it
    # (the painter drops an empty last page).
    assert marked(pages) == [[(0, False), (1, False)], [(0, True), (2, False)], []]


def test_a_header_taller_than_half_a_page_is_not_repeated():
    blocks = [row(60), row(30), row(30)]
    pages = paginate(blocks, PAGE, [TableRun(0, 3, header=1)])
    assert marked(pages) == [[(0, False), (1, False)], [(2, False)]]


def test_a_table_run_must_hold_its_header_and_a_row():
    import pytest

    for run in (TableRun(0, 1, header=1), TableRun(0, 5, header=1), TableRun(2, 1, header=0)):
        with pytest.raises(ValueError):
            paginate([row(), row()], PAGE, [run])
