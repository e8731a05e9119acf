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
- A table's header rows (a ``TableRun``) are drawn again at the top of
  every page the table continues on, as Word and LibreOffice repeat rows
  marked ``w:tblHeader``: those pieces say ``repeat``. The header rows keep
  with the first data row, so they are never left alone at the foot of a
  page (LibreOffice does so with a repeated header by itself; Word by the
  header paragraphs' "keep with next", which docx_tables writes). A header
  taller than half a page is not repeated: it would leave little room for
  the rows (and one as tall as a page, none at all); our rule, not measured.

Pure arithmetic on heights (points): the painter measures, this decides.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

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
class TableRun:
    """Blocks ``first``..``end - 1`` are the rows of one table, the first
    ``header`` of them its header rows."""

    first: int
    end: int
    header: int = 1

    @property
    def data_start(self) -> int:
        return self.first + self.header


@dataclass(frozen=True)
class Piece:
    """Lines ``first``..``end - 1`` of a block, on one page, the first line's top at ``top``.

    ``repeat``: a table's header row drawn again at the top of a page the
    table continues on (the block itself was placed on an earlier page)."""

    block: int
    first: int
    end: int
    top: float
    repeat: bool = False


@dataclass
class _Flow:
    height: float
    pages: list[list[Piece]] = field(default_factory=lambda: [[]])
    y: float = 0.0
    after: float = 0.0  # the space after the last block placed
    # The header rows (block index, block) drawn again on each new page while
    # a table's data rows are placed.
    repeat: list[tuple[int, Block]] = field(default_factory=list)

    def new_page(self) -> None:
        self.pages.append([])
        self.y = self.after = 0.0

    def repeat_header(self) -> None:
        """On a page still empty, the header rows of the table whose row
        comes next (placed only then: a row that ran over the foot of a page
        leaves a fresh page that may stay empty)."""
        if self.pages[-1] or not self.repeat:
            return
        for index, block in self.repeat:
            self.pages[-1].append(Piece(index, 0, len(block.heights), self.y, repeat=True))
            self.y += sum(block.heights)

    @property
    def at_top(self) -> bool:
        """Nothing but repeated header rows on the page yet."""
        return all(piece.repeat for piece in self.pages[-1])

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
            self.repeat_header()
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


def paginate(blocks: list[Block], height: float, tables: Sequence[TableRun] = ()) -> list[list[Piece]]:
    """The blocks laid out on pages ``height`` points high; ``tables`` marks
    the runs of blocks that are tables with header rows to repeat."""
    blocks = list(blocks)
    repeats: dict[int, list[tuple[int, Block]]] = {}  # data row -> the header rows above it on a new page
    for run in tables:
        if not 0 <= run.first <= run.data_start < run.end <= len(blocks):
            raise ValueError(f"not a table with header and data rows among {len(blocks)} blocks: {run}")
        for index in range(run.first, run.data_start):  # with the first data row, never alone at a page's foot
            blocks[index] = replace(blocks[index], keep_next=True)
        header = [(index, blocks[index]) for index in range(run.first, run.data_start)]
        if sum(sum(block.heights) for _, block in header) <= height / 2:
            for index in range(run.data_start, run.end):
                repeats[index] = header
    breaks: set[int] = set()  # blocks that begin a page
    for _ in range(len(blocks) + 1):
        flow = _Flow(height)
        for index, block in enumerate(blocks):
            flow.repeat = repeats.get(index, [])
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
        placed = [piece for piece in pieces if not piece.repeat]  # a repeated header row is not the row itself
        for position, piece in enumerate(placed):
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
