"""Plain text layout for the terminal: display widths (CJK counts double) and padded tables.

Standard library only: the help pages use it too, and they must start fast.
"""

from __future__ import annotations

import re


class Table:
    """A plain text table (columns padded by display width, CJK counted double): printing rich tables
    of thousands of rows takes seconds, this takes milliseconds. Cells may hold several lines."""

    def __init__(self, *headers: str) -> None:
        self.headers = list(headers)
        self.rows: list[list[str]] = []

    def add_row(self, *cells: str) -> None:
        self.rows.append(list(cells))

    def render(self) -> str:
        """Each cell's width is measured once (tables of 2,000 rows are common)."""
        head = [[(h, display_width(h))] for h in self.headers]
        body = [[[(x, display_width(x)) for x in c.split("\n")] for c in row] for row in self.rows]
        widths = [cell[0][1] for cell in head]
        for row in body:
            for i, cell in enumerate(row):
                widths[i] = max(widths[i], *(w for _, w in cell))
        out = [_join(head, widths)]
        out.extend(_join(row, widths) for row in body)
        return "\n".join(out)


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


def display_width(text: str) -> int:
    """Columns a text takes in a terminal (East Asian wide characters count two)."""
    return len(text) + len(_WIDE.findall(text))
