"""Empty cells of a table a page flattened one cell per line, where an empty cell is a blank line.

Lines reach the outline without blank lines, so a stream row whose merged cells printed nothing
loses their places: 县教育局 / (blank) / 2020年8月底 reads as a 责任单位 cell. Where the blank lines
of a stream table stand for cells — every row, its blank lines counted, is as wide as the header
— each of them becomes the ``EMPTY_CELL`` line that tables.py reads as an empty cell. Blank lines
that only separate rows or cells (a row taking more lines than the header has columns) are left
to vanish as before.
"""

from __future__ import annotations

import re

from plantrack.extract.tables import EMPTY_CELL, MIN_TASK_CELL, header_at
from plantrack.lang.tables import LABEL_COLUMNS, NAME_COLUMNS, NUMBER_COLUMNS, TASK_COLUMNS

_NUMBER = re.compile(r"^\d{1,3}$")
_COLUMN_NAMES = frozenset((*NUMBER_COLUMNS, *NAME_COLUMNS, *TASK_COLUMNS, *LABEL_COLUMNS))


def _is_column_name(line: str) -> bool:
    """A stream header opens with a known column name (序号, 工作任务, …): a cheap test first."""
    return len(line) <= _LONGEST and line in _COLUMN_NAMES


_LONGEST = max(map(len, _COLUMN_NAMES))


def keep_empty_cells(lines: list[str]) -> list[str]:
    """The stripped lines of a notice, blank ones included → its non-blank lines, with an
    ``EMPTY_CELL`` line where a blank line is a stream table's empty cell."""
    where = [k for k, ln in enumerate(lines) if ln]
    shown = [lines[k] for k in where]
    marked: set[int] = set()
    k = 0
    while k < len(shown) and where[-1] - where[k] != len(where) - 1 - k:  # a blank line still below
        header, end = header_at(shown, k) if _is_column_name(shown[k]) else ([], k)
        first = end - len(header)  # (a title line may stand before the header's names)
        if len(header) < 2 or first < k or where[end - 1] - where[first] != end - 1 - first:
            k += 1  # no header printed one cell a line, without blank lines between its names
            continue
        width = len(header) - sum(h in NUMBER_COLUMNS for h in header)
        if end < len(where):
            marked |= _empty_cells(lines, where[end], width)
        k = end
    return [EMPTY_CELL if k in marked else ln for k, ln in enumerate(lines) if ln or k in marked]


def _empty_cells(lines: list[str], start: int, width: int) -> set[int]:
    """The blank lines of the stream rows from ``start`` that are cells: each row's lines up to the
    next row's number (its task after it), as many as the columns after the number. None at all
    when a row with a blank line is wider: then blank lines separate, they hold no cells."""
    rows = _row_spans(lines, start, width)
    if any(b - a > width and not all(lines[a:b]) for a, b in rows):
        return set()
    return {j for a, b in rows if b - a == width for j in range(a, b) if not lines[j]}


def _row_spans(lines: list[str], start: int, width: int) -> list[tuple[int, int]]:
    """(first, end) line of each numbered row's cells, from the row numbered at ``start``; the last
    row's cells only when the text ends right after them or a blank line does."""
    spans: list[tuple[int, int]] = []
    k = start
    while k < len(lines) and _NUMBER.match(lines[k]):
        following = str(int(lines[k]) + 1)
        window = range(k + 1, min(len(lines), k + 2 + 2 * width))
        nxt = next((j for j in window if _opens_row(lines, j, following)), None)
        if nxt is None:
            end = k + 1 + width
            if end <= len(lines) and (end == len(lines) or not lines[end]) and lines[end - 1]:
                spans.append((k + 1, end))
            break
        spans.append((k + 1, nxt))
        k = nxt
    return spans


def _opens_row(lines: list[str], j: int, number: str) -> bool:
    """Line j is the next row's number, its task cell after it (not a cell that holds a number)."""
    after = lines[j + 1] if j + 1 < len(lines) else ""
    return lines[j] == number and len(after) >= MIN_TASK_CELL and not _NUMBER.match(after)
