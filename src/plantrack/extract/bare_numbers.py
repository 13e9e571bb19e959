"""Numbering a page printed without punctuation (一 工作目标, 1 开展城区整治): given its punctuation.

A bare numeral and a space open an item only on a page whose lines show them in sequence: the style
is the page's when three of its lines in a row are numbered n, n+1, n+2; then each of its lines that
starts the numbering again (1) or continues it (the last number + 1) gets the style's punctuation
(一、 1.), and the outline reads it like any other marker. Lines opening with a count or a stray
number stay as they are. Styles are rows of ``lang.numbering.BARE_STYLES``.
"""

from __future__ import annotations

import re

from plantrack.extract.numerals import parse_chinese
from plantrack.lang.numbering import BARE_RUN, BARE_STYLES, BareStyle

__all__ = ["punctuate_bare_numbers"]

_COMPILED = [(re.compile(st.pattern), st) for st in BARE_STYLES]


def punctuate_bare_numbers(lines: list[str]) -> list[str]:
    for pattern, style in _COMPILED:
        lines = _punctuate(lines, pattern, style)
    return lines


def _punctuate(lines: list[str], pattern: re.Pattern[str], style: BareStyle) -> list[str]:
    found = [
        (i, m, v) for i, line in enumerate(lines) if (m := pattern.match(line)) and (v := _value(m, style))
    ]
    values = [v for _, _, v in found]
    runs = any(values[k : k + BARE_RUN] == list(range(v, v + BARE_RUN)) for k, v in enumerate(values))
    if not runs:
        return lines
    out = list(lines)
    last = 0
    for i, m, value in found:
        if value not in (1, last + 1):
            continue
        if style.alone:  # 01 / (blank) / 完成30台… → 01.完成30台…
            j = _heading_below(out, i)
            if not j:
                continue
            out[i], out[i + 1 : j + 1] = f"{m['n']}{style.punctuation}{out[j]}", [""] * (j - i)
        else:
            out[i] = f"{m['n']}{style.punctuation}{lines[i][m.end() :]}"
        last = value
    return out


def _heading_below(lines: list[str], i: int) -> int:
    """The index of the first non-blank line below ``i`` within two lines, 0 if none (or a number)."""
    for j in range(i + 1, min(i + 3, len(lines))):
        if lines[j].strip():
            return 0 if lines[j].strip().isdigit() else j
    return 0


def _value(m: re.Match[str], style: BareStyle) -> int | None:
    return int(m["n"]) if style.numeral == "arabic" else parse_chinese(m["n"])
