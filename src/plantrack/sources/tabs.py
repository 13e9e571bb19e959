"""Tables a text file holds as tab-separated rows (copied from Excel, WPS or a web page's table).

Each row becomes one line of cells joined by " | ", the shape every other reader gives a table,
with its empty cells kept: an empty 牵头单位 cell is a merged one, carried from the row above later,
and only a kept cell says which column is empty. A cell that wrapped onto the next line (the rest of
its text, then the row's other cells) is joined back into its row.
"""

from __future__ import annotations

import re

MIN_ROWS = 3  # tab-separated lines a text needs before its tabs are read as a table
MIN_CELLS = 3
_ROW_NUMBER = re.compile(r"^\d{1,3}$|^[一二三四五六七八九十]+、")


def tab_rows(text: str) -> str:
    lines = text.split("\n")
    if sum(len(_cells(line)) >= MIN_CELLS for line in lines) < MIN_ROWS:
        return text
    out: list[str] = []
    block: list[str] = []
    for line in [*lines, ""]:
        if "\t" in line:
            block.append(line)
            continue
        out.extend(_table(block))
        block = []
        out.append(line)
    return "\n".join(out[:-1])


def _table(lines: list[str]) -> list[str]:
    """One run of tab-separated lines: rows of the widest row's width, wrapped cells joined back."""
    if not lines:
        return []
    cells = [_cells(line) for line in lines]
    width = max(len(c) for c in cells)  # the widest row (the header, a full row) has every column
    rows: list[list[str]] = []
    for row in cells:
        previous = rows[-1] if rows else None
        if previous is not None and _wrapped(previous, row, width):
            previous[-1] += row[0]
            previous.extend(row[1:])
        elif previous is not None and _wrapped_in_place(previous, row, width):
            for column, cell in enumerate(row, width - len(row)):
                if column < len(previous):
                    previous[column] += cell
                else:
                    previous.append(cell)
        else:
            rows.append(row)
    # tabs keep cells in place: a row cut short (the page ends inside it) has its first cells only
    return [" | ".join([*r, *[""] * (width - len(r))]) for r in rows]


def _cells(line: str) -> list[str]:
    return [c.strip(" \u3000") for c in line.strip(" \u3000\r").split("\t")] if "\t" in line else []


def _wrapped(previous: list[str], row: list[str], width: int) -> bool:
    """The row's first cell goes on with the last cell of a row that has too few cells, and the two
    together have the table's columns."""
    return (
        len(previous) < width
        and len(previous) + len(row) - 1 == width
        and bool(row[0])
        and not _ROW_NUMBER.match(row[0])
    )


def _wrapped_in_place(previous: list[str], row: list[str], width: int) -> bool:
    """A line of empty cells, then the rest of a wrapped cell in its own column and the cells after
    it ( |  | （街道） | 2024年10月底前 under …各产茶镇): its cells end at the table's last column."""
    start = width - len(row)
    return len(previous) < width and not row[0] and 0 < start <= len(previous) and start + len(row) == width
