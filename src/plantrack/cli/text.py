"""Plain text layout for the terminal: display widths (CJK counts double), padded tables that fit
the terminal by wrapping their long columns.

Standard library only: the help pages use it too, and they must start fast.
"""

from __future__ import annotations

import os
import re
import sys

MIN_WRAP = 12  # a wrapped column is never narrower than this (or its header)


class Table:
    """A plain text table (columns padded by display width, CJK counted double): printing rich tables
    of thousands of rows takes seconds, this takes milliseconds. Cells may hold several lines."""

    def __init__(self, *headers: str, wrap: tuple[str, ...] = ()) -> None:
        self.headers = list(headers)
        self.rows: list[list[str]] = []
        self.wrap = [headers.index(h) for h in wrap if h in headers]  # columns that may wrap

    def add_row(self, *cells: str) -> None:
        self.rows.append(list(cells))

    def render(self, width: int | None = None) -> str:
        """The table within `width` columns when its wrapping columns allow (None: as wide as it is).
        Each cell's width is measured once (tables of 2,000 rows are common)."""
        head = [[(h, display_width(h))] for h in self.headers]
        body = [[[(x, display_width(x)) for x in c.split("\n")] for c in row] for row in self.rows]
        widths = [cell[0][1] for cell in head]
        for row in body:
            for i, cell in enumerate(row):
                widths[i] = max(widths[i], *(w for _, w in cell))
        if width is not None and self.wrap:
            narrowed = _fit(widths, self.wrap, [c[0][1] for c in head], width)
            for i in (i for i in self.wrap if narrowed[i] < widths[i]):
                for row in body:
                    row[i] = [piece for text, _ in row[i] for piece in wrap_line(text, narrowed[i])]
            widths = narrowed
        out = [_join(head, widths)]
        out.extend(_join(row, widths) for row in body)
        return "\n".join(out)


def _fit(widths: list[int], wrap: list[int], heads: list[int], limit: int) -> list[int]:
    """Column widths that fit `limit`: the widest wrapping column gives up space first."""
    widths = list(widths)
    excess = sum(widths) + 2 * (len(widths) - 1) - limit
    while excess > 0:
        i = max(wrap, key=lambda k: widths[k])
        floor = max(MIN_WRAP, heads[i])
        if widths[i] <= floor:
            break
        others = max([widths[k] for k in wrap if k != i] + [floor])
        cut = min(excess, widths[i] - floor, max(1, widths[i] - others))
        widths[i] -= cut
        excess -= cut
    return widths


def wrap_line(text: str, width: int) -> list[tuple[str, int]]:
    """A line cut into pieces of at most `width` columns (by character: Chinese has no spaces)."""
    pieces: list[tuple[str, int]] = []
    start, used = 0, 0
    for k, ch in enumerate(text):
        w = 2 if _WIDE.match(ch) else 1
        if used + w > width and k > start:
            pieces.append((text[start:k], used))
            start, used = k, 0
        used += w
    pieces.append((text[start:], used))
    return pieces


def terminal_width() -> int | None:
    """The width tables must fit: $COLUMNS, else the terminal's; None when the output is not a
    terminal (a file or a pipe gets whole lines)."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    if not sys.stdout.isatty():
        return None
    try:
        return os.get_terminal_size(sys.stdout.fileno()).columns
    except OSError:
        return None


def _join(cells: list[list[tuple[str, int]]], widths: list[int]) -> str:
    height = max(len(c) for c in cells)
    lines = []
    for k in range(height):
        parts = []
        for cell, width in zip(cells, widths, strict=True):
            text, used = cell[k] if k < len(cell) else ("", 0)
            parts.append(text + " " * (width - used))
        lines.append("  ".join(parts).rstrip())
    return "\n".join(lines)


# East Asian wide and full-width characters (unicodedata.east_asian_width W/F), as ranges.
_WIDE = re.compile("[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf"
                   "\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\U00020000-\U0003fffd]")  # fmt: skip


# The complement: runs of characters that take one column.
_NARROW = re.compile("[^" + _WIDE.pattern[1:])


def display_width(text: str) -> int:
    """Columns a text takes in a terminal (East Asian wide characters count two): every character
    counted twice, less one for each in a run of narrow ones (few runs in Chinese text)."""
    if text.isascii():
        return len(text)
    return 2 * len(text) - sum(map(len, _NARROW.findall(text)))
