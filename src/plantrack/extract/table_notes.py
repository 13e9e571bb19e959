"""A table's note on its empty cells, applied to the rows tables.py wrote.

By default an empty agency cell is a merged one: the row takes the agencies of the row above (the
attribution's table_above finder). A note under the table may say otherwise, column by column
(注:牵头单位栏为空的,与上一项目同;配合单位栏为空的,不设配合单位) or for every cell
(注:空白单元格为合并单元格,内容同上): an empty cell of a column that repeats the row above is filled
from it here, and a row whose agency cells are all empty takes from the row above only the columns
whose empty cells do not mean none. An empty 完成时限 cell takes the row above's date anyway (the
deadline_row_above finder), unless the note says an empty one means none: it then says 无.
"""

from __future__ import annotations

import re

from plantrack.lang.numbering import TABLE_ROW
from plantrack.lang.tables import (
    AGENCY_LABELS,
    COLUMN_WORDS,
    DEADLINE_COLUMN,
    EMPTY_CELL_NOUNS,
    EMPTY_CELL_PREFIXES,
    EMPTY_CELL_WORDS,
    EMPTY_MERGED,
    EMPTY_NONE,
    EMPTY_SAME,
    LABEL_COLUMNS,
    LABEL_ORDER,
    MERGED_CELL_WORDS,
    NO_VALUE,
    NOTE_STARTS,
)

_ROW_MARK = TABLE_ROW[0]
_COLUMN = "|".join(sorted(map(re.escape, LABEL_COLUMNS), key=len, reverse=True))
_EMPTY = "|".join(map(re.escape, EMPTY_CELL_WORDS))
_COLUMN_WORD = "|".join(map(re.escape, COLUMN_WORDS))
_CLAUSE = re.compile(rf"(?P<col>{_COLUMN})(?:{_COLUMN_WORD})?(?:{_EMPTY})[^;；。]*")
_NOUNS = "|".join(map(re.escape, EMPTY_CELL_NOUNS))
_PREFIX = "|".join(map(re.escape, EMPTY_CELL_PREFIXES))
_EVERY_CELL = re.compile(rf"(?:(?:{_EMPTY})(?:的)?(?:{_NOUNS})|(?:{_PREFIX})(?:{_NOUNS}))[^;；。]*")
_MERGED = re.compile("(?:" + "|".join(map(re.escape, MERGED_CELL_WORDS)) + ")[^;；。]*")
_COLUMN_NAME = re.compile(_COLUMN)
_RULED = AGENCY_LABELS | {DEADLINE_COLUMN}


def empty_cell_rules(lines: list[str]) -> dict[str, str]:
    """Label (牵头单位, 完成时限) -> "same" or "none", from the note lines (注:…) among ``lines``: a
    column's own clause over a clause on every empty cell."""
    rules: dict[str, str] = {}
    for line in lines:
        if not line.lstrip().lstrip("(").startswith(NOTE_STARTS):
            continue
        for clause in _EVERY_CELL.finditer(line):
            if not _CLAUSE.search(clause[0]) and (meaning := _meaning(clause[0], EMPTY_MERGED)):
                rules.update(dict.fromkeys(_RULED, meaning))
        for clause in _CLAUSE.finditer(line):
            if meaning := _meaning(clause[0]):
                rules[LABEL_COLUMNS[clause["col"]]] = meaning
        for merged in _MERGED.finditer(line):  # 合并单元格的牵头单位、完成时限同上一行
            if any(w in merged[0] for w in EMPTY_SAME):
                rules.update((LABEL_COLUMNS[col], "same") for col in _COLUMN_NAME.findall(merged[0]))
    return rules


def _meaning(clause: str, merged: tuple[str, ...] = ()) -> str | None:
    if any(w in clause for w in (*EMPTY_SAME, *merged)):
        return "same"
    return "none" if any(w in clause for w in EMPTY_NONE) else None


def apply_rules(rows: list[str], rules: dict[str, str]) -> list[str]:
    """The row lines with the note's empty cells filled (see the module's doc)."""
    if not rules:
        return rows
    out: list[str] = []
    above: dict[str, str] = {}
    for start, block in _row_blocks(rows):
        if start is None:
            out.extend(block)
            continue
        cells = {ln.split(":", 1)[0]: ln.split(":", 1)[1] for ln in block[1:] if ":" in ln}
        filled = {k: v for k, v in cells.items() if k in AGENCY_LABELS}
        carry = [k for k, v in above.items() if k not in filled and rules.get(k) == "same"]
        if not filled:  # every agency cell empty: merged, but not where the note says empty means none
            carry = [k for k in above if rules.get(k) != "none"]
        extra = [f"{k}:{above[k]}" for k in carry]
        if rules.get(DEADLINE_COLUMN) == "none" and DEADLINE_COLUMN not in cells:
            extra.append(f"{DEADLINE_COLUMN}:{NO_VALUE}")  # not the row above's date
        out.extend([block[0], *sorted([*extra, *block[1:]], key=_column_rank)])
        above = {**{k: above[k] for k in carry}, **filled}
    return out


def _column_rank(line: str) -> int:
    label = line.split(":", 1)[0]
    return LABEL_ORDER.index(label) if label in LABEL_ORDER else len(LABEL_ORDER)


def _row_blocks(rows: list[str]) -> list[tuple[int | None, list[str]]]:
    """Each row's lines (its task line, then its label lines); lines outside rows as they are."""
    blocks: list[tuple[int | None, list[str]]] = []
    for k, line in enumerate(rows):
        if line.startswith(_ROW_MARK):
            blocks.append((k, [line]))
        elif blocks and blocks[-1][0] is not None and re.match(r"^[^:]{2,6}:", line):
            blocks[-1][1].append(line)
        else:
            blocks.append((None, [line]))
    return blocks
