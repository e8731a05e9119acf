"""Where pages break: the rules Word's layout and LibreOffice's rendering of
our Word files follow, applied to our own painter's paragraphs and table
rows, so that its pages end where the Word file's do.

- A line goes on the page when its bottom is within the text area; the
  space after the page's last paragraph need not fit.
- The space before a paragraph at the top of a page is dropped (a natural
  page break, as LibreOffice does).
- Widow and orphan control: a paragraph split across pages leaves at least
  ``keep`` lines (2, Word's default) at the foot of one page and at the top
  of the next; otherwise it moves whole.
- A table row never splits (our rows are "can't split").
- A paragraph that keeps with the next one is not split either (the
  painter marks it so): LibreOffice moves it whole.
- Keep with next: a block with ``keep_next`` starts a new page, together
  with the blocks above it that keep with it, when the block after it would
  begin on a later page; as in LibreOffice the whole paragraph moves, not
  just its last lines. A chain that already starts at the top of a page
  stays (moving it would only leave a blank page).

Pure arithmetic on heights (points): the painter measures, this decides.
"""
from __future__ import annotations

from dataclasses import dataclass, field

EPSILON = 0.01  # points: what rounding may add to a full page


@dataclass
class Block:
    """A paragraph (the heights of its lines) or a table row (one height)."""

    heights: list[float]
    before: float = 0.0
    after: float = 0.0
    keep_next: bool = False
    splittable: bool = True  # False for a table row
    keep: int = 2  # widow and orphan control: lines kept together at a split (1: none)
    new_page: bool = False  # begins a page (an appendix), as Word's "page break before"


@dataclass(frozen=True)
class Piece:
    """Lines ``first``..``end - 1`` of a block, on one page, the first line's top at ``top``."""

    block: int
    first: int
    end: int
    top: float


@dataclass
class _Flow:
    height: float
    pages: list[list[Piece]] = field(default_factory=lambda: [[]])
    y: float = 0.0
    after: float = 0.0  # the space after the last block placed

    def new_page(self) -> None:
        self.pages.append([])
        self.y = self.after = 0.0

    @property
    def at_top(self) -> bool:
        return not self.pages[-1]

    def fitting(self, heights: list[float], top: float) -> int:
        """How many of these lines fit on the page from ``top``."""
        count, bottom = 0, top
        for height in heights:
            bottom += height
            if bottom > self.height + EPSILON:
                break
            count += 1
        return count

    def place(self, index: int, block: Block, first: int, end: int, top: float) -> None:
        self.pages[-1].append(Piece(index, first, end, top))
        self.y = top + sum(block.heights[first:end])
        self.after = block.after

    def add(self, index: int, block: Block) -> None:
        first, total = 0, len(block.heights)
        while first < total:
            top = self.y if self.at_top else self.y + self.after + (block.before if first == 0 else 0)
            rest = total - first
            fits = self.fitting(block.heights[first:], top)
            if fits >= rest:
                self.place(index, block, first, total, top)
                return
            take = self._split(block, first, rest, fits)
            if take:
                self.place(index, block, first, first + take, top)
                first += take
            self.new_page()

    def _split(self, block: Block, first: int, rest: int, fits: int) -> int:
        """How many lines go on this page when not all of them fit."""
        if self.at_top:  # nowhere better to go
            if block.splittable or len(block.heights) > 1:
                return max(fits, 1)  # even a paragraph kept whole is split when taller than a page
            return rest  # a row taller than a page runs over it
        if not block.splittable:
            return 0
        take = fits
        if rest - take < block.keep:
            take = rest - block.keep  # leave enough lines for the next page
        if take < (block.keep if first == 0 else 1):
            return 0  # too few at the foot of the page: the paragraph moves whole
        return take


def paginate(blocks: list[Block], height: float) -> list[list[Piece]]:
    """The blocks laid out on pages ``height`` points high."""
    breaks: set[int] = set()  # blocks that begin a page
    for _ in range(len(blocks) + 1):
        flow = _Flow(height)
        for index, block in enumerate(blocks):
            if (index in breaks or block.new_page) and not flow.at_top:
                flow.new_page()
            flow.add(index, block)
        moved = _keep_with_next(blocks, flow.pages, breaks)
        if moved is None:
            return flow.pages
        breaks.add(moved)
    return flow.pages


def _keep_with_next(blocks: list[Block], pages: list[list[Piece]], breaks: set[int]) -> int | None:
    """The first block that must begin a new page for "keep with next", or None."""
    first_page: dict[int, int] = {}
    last_page: dict[int, int] = {}
    at_top: set[int] = set()
    for number, pieces in enumerate(pages):
        for position, piece in enumerate(pieces):
            first_page.setdefault(piece.block, number)
            last_page[piece.block] = number
            if position == 0 and piece.first == 0:
                at_top.add(piece.block)
    for index in range(len(blocks) - 1):
        if not blocks[index].keep_next or first_page[index + 1] <= last_page[index]:
            continue
        head = index
        while head > 0 and blocks[head - 1].keep_next and last_page[head - 1] == first_page[head]:
            head -= 1
        if head in at_top or head in breaks:
            continue  # the chain starts its page already: moving it would leave a blank page
        return head
    return None
