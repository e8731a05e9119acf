"""Where pages break (formats/page_flow.py): the rules LibreOffice applies
to our Word files, on blocks of known heights."""
from kehoach_desktop.formats.page_flow import Block, Piece, paginate

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
