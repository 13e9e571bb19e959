"""What a target counts: the words before its number, cut after the last verb (完成|新增转移农村劳动力
6.04万人), or the words after it when none are left (帮助|2.1万余名|农民工就业). Read by
``extract/targets.py``; the words are in ``lang/target_words.py``.
"""

from __future__ import annotations

import re

from plantrack.extract import tokenizer
from plantrack.lang import comparators as cmp
from plantrack.lang import target_words as tw

CLAUSE_END = re.compile(r"[,;。:!?\n]")
CLAUSE_BACK, CLAUSE_AHEAD = 40, 20  # characters read before and after a number for its clause
_DROP_START = [re.compile(p) for p in tw.METRIC_DROP_START]
_DROP_END = sorted({*tw.METRIC_DROP_END, *cmp.PREFIX_OPS}, key=len, reverse=True)


def last_boundary(pattern: re.Pattern[str], text: str, pos: int, back: int) -> int:
    """Position after the last match of ``pattern`` in the ``back`` characters before ``pos``."""
    lo = max(0, pos - back)
    last = lo
    for m in pattern.finditer(text, lo, pos):
        last = m.end()
    return last


def metric(text: str, prev_end: int, start: int, end: int) -> tuple[str, int]:
    """What the target counts and where it starts in ``text``: the words before the number, cut
    after the last verb (完成|新增转移农村劳动力6.04万人); the words after it if none are left
    (帮助|2.1万余名|农民工就业)."""
    begin = max(prev_end, last_boundary(CLAUSE_END, text, start, CLAUSE_BACK))
    cut = begin + _verb_cut(text[begin:start])
    if text[cut:start].strip() in _DROP_END:  # the verb was a lead-in (保持|在600亿斤): no cut
        cut = begin
    a, b = _trim(text, cut, start)
    while b - a > tw.METRIC_MAX_CHARS:
        a, b = _trim(text, a + len(tokenizer.words(text[a:b])[0]), b)
    metric = text[a:b].strip(tw.METRIC_STRIP_CHARS)
    if metric and metric not in tw.METRIC_CUT_VERBS:
        return metric, a - 1 if a > 0 and text[a - 1] in tw.OPEN_QUOTES else a
    return _metric_after(text, end), start - len(metric)


def _verb_cut(segment_text: str) -> int:
    """Offset after the last cut verb that has words after it, outside quotes; 0 if none."""
    pos = cut = depth = 0
    for tok in tokenizer.words(segment_text) if segment_text else []:
        pos += len(tok)
        depth += (tok in tw.OPEN_QUOTES) - (tok in tw.CLOSE_QUOTES)
        if depth <= 0 and pos < len(segment_text) and tok.endswith(tw.METRIC_CUT_VERBS):
            cut = pos
    return cut


def _metric_after(text: str, end: int) -> str:
    """The first words after the target up to the end of its clause: 农民工就业."""
    stop = CLAUSE_END.search(text, end, min(len(text), end + CLAUSE_AHEAD))
    rest = text[end : stop.start() if stop else min(len(text), end + CLAUSE_AHEAD)]
    kept = ""
    for tok in tokenizer.words(rest):
        if len(kept) + len(tok) > tw.METRIC_MAX_CHARS or tok in tw.OPEN_QUOTES + tw.CLOSE_QUOTES:
            break
        kept += tok
    return kept.strip(tw.METRIC_STRIP_CHARS).removeprefix("的")


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    """Drop connectors, places and years from the start and lead-in verbs from the end."""
    changed = True
    while changed and a < b:
        changed = False
        while a < b and (text[a].isspace() or text[a] in tw.METRIC_STRIP_CHARS):
            a, changed = a + 1, True
        for p in _DROP_START:
            m = p.match(text, a, b)
            if m and m.end() > a:
                a, changed = m.end(), True
        for w in _DROP_END:
            if b - a >= len(w) and text.endswith(w, a, b):
                b, changed = b - len(w), True
        while a < b and (text[b - 1].isspace() or text[b - 1] in tw.METRIC_STRIP_CHARS):
            b, changed = b - 1, True
    return a, b
