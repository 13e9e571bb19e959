"""Find the quantitative targets of one task: 完成新增转移农村劳动力6.04万人 -> 60400 人.

A target is a number followed by a unit of ``lang/units.py`` that the plan commits to reach. The
steps: find number tokens; read the multiplier, unit and comparator after each; drop numbers in
contexts of ``lang/target_words.py`` (titles, programme names, policy rules, past statistics);
give the rest a metric (the words before the number, cut with jieba) and link 其中 parts to their
total. When unsure, a number is not a target: precision matters as much as recall.

Every context check looks at a bounded window around the number, so the cost stays linear in the
length of the text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from plantrack.extract import tokenizer
from plantrack.extract.numerals import parse_number
from plantrack.lang import comparators as cmp
from plantrack.lang import target_words as tw
from plantrack.lang import units
from plantrack.models import Op, Target

_CN = "零〇一二两三四五六七八九十百千万亿"
_NUMBER = re.compile(
    rf"(?<![{tw.ORDINAL_MARKS}\d.{_CN}A-Za-z])(?:"
    rf"(?P<frac>百分之[\d.{_CN}]{{1,10}}|[\d一二三四五六七八九十百千]{{1,6}}分之[\d.{_CN}]{{1,10}})"
    r"|(?P<mixed>\d{1,4}(?:[亿万千百十]\d{1,4}){1,3}(?![\d.]))"  # 1万2千 (its last unit is the multiplier)
    r"|(?P<arabic>\d{1,3}(?:,\d{3})+(?![\d,])|\d{1,15}(?:\.\d{1,8})?(?!\d|\.\d))"
    rf"|(?P<cn>[一二两三四五六七八九十][{_CN}]{{0,15}}(?:点[零〇一二三四五六七八九]{{1,6}}[万亿]?)?)"
    r")"
)


def _alternation(words: list[str] | tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _multiplier_pattern() -> str:
    parts = []
    for m in sorted(units.MULTIPLIERS, key=len, reverse=True):
        rests = [u[len(m) :] for u in units.UNITS if u.startswith(m) and len(u) > len(m)]
        parts.append(re.escape(m) + (f"(?!{_alternation(rests)})" if rests else ""))
    return "|".join(parts)


_ABOUT = _alternation(list(cmp.ABOUT_MARKS))
_SUFFIX = rf"(?P<incl>{_alternation(cmp.INCLUSIVE_NOTES)})?(?P<suffix>{_alternation(list(cmp.SUFFIX_OPS))})?"
_TAIL = re.compile(
    rf" ?(?P<about>{_ABOUT})?(?P<mult>{_multiplier_pattern()})?(?P<about2>{_ABOUT})?"
    rf"(?P<unit>{_alternation(units.UNITS)})" + _SUFFIX
)
_FRAC_TAIL = re.compile(_SUFFIX)
_PREFIX_WORDS = sorted(cmp.PREFIX_OPS, key=len, reverse=True)
_PROTECTED = [re.compile(p) for p in tw.PROTECTED_SPANS]
_CLAUSE_BLOCKERS = re.compile("|".join(tw.CLAUSE_BLOCKERS))
_PAST = re.compile("|".join(tw.PAST_MARKERS))
_ITEM_COUNT = re.compile(tw.ITEM_COUNT_AFTER)
_CLAUSE_END = re.compile(r"[,;。:!?\n]")
_NUMBER_CHAR = re.compile(rf"[\d.%{_CN}点]")
_SENTENCE_END = re.compile(r"[;。!?\n]")
_DROP_START = [re.compile(p) for p in tw.METRIC_DROP_START]
_DROP_END = sorted({*tw.METRIC_DROP_END, *cmp.PREFIX_OPS}, key=len, reverse=True)
_CLAUSE_BACK, _CLAUSE_AHEAD, _SENTENCE_BACK = 40, 20, 120


@dataclass
class _Hit:
    """A number that passed every check, before its metric is known."""

    start: int  # first character of the number (or of its prefix comparator)
    end: int  # after the unit and suffix comparator
    value: float
    unit: str
    op: str


@dataclass
class TargetReading:
    """The targets of a text and the quantities left out because they could be read two ways."""

    targets: list[Target]
    unread: list[str]  # as printed: 3至5个, 一万二人 (a reviewer should look at them)


def find_targets(text: str) -> list[Target]:
    """The targets of one task's text, in text order; 其中 parts point at their total (``parent``)."""
    return read_targets(text).targets


def read_targets(text: str) -> TargetReading:
    """The targets of one task's text and the ranges and ambiguous numerals left out."""
    spans = _protected_spans(text)
    unread: list[str] = []
    hits = [hit for m in _NUMBER.finditer(text) if (hit := _read(text, m, spans, unread)) is not None]
    return TargetReading(_link(text, hits), unread)


def _link(text: str, hits: list[_Hit]) -> list[Target]:
    """Targets with their metric; a 其中 part points at its total."""
    targets: list[Target] = []
    parent: int | None = None
    last_total = 0
    prev_end = 0
    for hit in hits:
        between = text[_last_boundary(_SENTENCE_END, text, hit.start, hit.start - prev_end) : hit.start]
        if len(between) < hit.start - prev_end:  # a sentence ended since the last target
            parent = None
        if targets and any(w in between for w in tw.BREAKDOWN_WORDS):
            parent = last_total
        if parent is not None and targets[parent].unit != hit.unit:
            parent = None
        if parent is None:
            last_total = len(targets)
        metric, metric_start = _metric(text, prev_end, hit.start, hit.end)
        targets.append(
            Target(
                value=hit.value,
                unit=hit.unit,
                op=Op(hit.op),
                metric=metric,
                text=text[metric_start : hit.end],
                parent=parent,
            )
        )
        prev_end = hit.end
    return targets


def _read(text: str, m: re.Match[str], spans: list[tuple[int, int]], unread: list[str]) -> _Hit | None:
    """The target a number token starts, or None if it has no unit or its context rules it out (a
    range or an ambiguous numeral is then added to ``unread``)."""
    start = m.start()
    if m["frac"]:
        tail = _FRAC_TAIL.match(text, m.end())
        assert tail is not None  # both groups are optional
        value, unit, about = parse_number(m["frac"]), units.PERCENT_UNIT, None
    else:
        tail = _TAIL.match(text, m.end())
        if tail is None or text.startswith(units.NOT_UNITS, tail.start("unit")):
            return None
        value = parse_number(m[0] + (tail["mult"] or ""))
        unit, about = tail["unit"], tail["about"] or tail["about2"]
        if m["cn"] and value is not None and value < 10:
            return None  # 一批, 三项制度, 两个至上: not counts a plan commits to
    if _excluded(text, start, tail.end(), unit, spans):
        return None
    if value is None or _in_range(text, start, tail.end()):
        if not _range_follows(text, tail.end()):  # a range is listed once, at its second end
            unread.append(_printed_quantity(text, start, tail.end()))
        return None
    prefix = next((w for w in _PREFIX_WORDS if text.endswith(w, max(0, start - len(w)), start)), None)
    if unit in units.CUED_UNITS and not (prefix or tail["suffix"] or _cued(text, start)):
        return None  # 5个工作日内办结, 24小时值班: a rule or a habit, not a bound the plan commits to
    op = (
        cmp.SUFFIX_OPS[tail["suffix"]]
        if tail["suffix"]
        else cmp.PREFIX_OPS[prefix]
        if prefix
        else cmp.ABOUT_MARKS[about]
        if about
        else "="
    )
    return _Hit(start - len(prefix or ""), tail.end(), value, unit, op)


def _excluded(text: str, start: int, end: int, unit: str, spans: list[tuple[int, int]]) -> bool:
    """True when the number is in a title, a range, a policy rule, a past statistic or an attribute."""
    if _in_spans(spans, start):
        return True
    if start > 0 and text[start - 1] in tw.BASELINE_MARKS:
        return True  # 由20个工作日压缩至5个工作日: the starting point
    if _CLAUSE_BLOCKERS.search(_clause(text, start, end)):
        return True
    sentence_start = _last_boundary(_SENTENCE_END, text, start, _SENTENCE_BACK)
    if _PAST.search(text, sentence_start, start):
        return True
    if _attribute(text, start, end, unit):
        return True
    return unit in tw.ITEM_COUNT_UNITS and _ITEM_COUNT.match(text, end) is not None


def _in_range(text: str, start: int, end: int) -> bool:
    """3-5个, 5%—6%, 增长5%至6%: either end of a range."""
    before = (
        start >= 2
        and text[start - 1] in tw.RANGE_MARKS
        and (text[start - 2].isdigit() or text[start - 2] in _CN or text[start - 2] in units.UNITS)
    )
    return bool(before or _range_follows(text, end))


def _range_follows(text: str, end: int) -> bool:
    return end + 1 < len(text) and text[end] in tw.RANGE_MARKS and text[end + 1].isdigit()


def _printed_quantity(text: str, start: int, end: int) -> str:
    """The quantity as printed, with the other end of a range: 3至5个."""
    begin = start
    while begin > max(0, start - 12) and (
        text[begin - 1] in tw.RANGE_MARKS or _NUMBER_CHAR.match(text[begin - 1])
    ):
        begin -= 1
    return text[begin:end]


def _cued(text: str, start: int) -> bool:
    """A verb earlier in the clause bounds the quantity: 压缩至2小时, 缩短到3天."""
    clause = text[_last_boundary(_CLAUSE_END, text, start, _CLAUSE_BACK) : start]
    return any(w in clause for w in tw.BOUND_VERBS)


def _attribute(text: str, start: int, end: int, unit: str) -> bool:
    """30人以上的企业, 50%的政策: the number describes a class; 30%的要求, 100%的乡镇建成… and
    覆盖90%以上的村 do not."""
    after = end + 1 if text.startswith(" ", end) else end
    if not text.startswith("的", after) or text.startswith(tw.GOAL_NOUNS, after + 1):
        return False
    if unit == units.PERCENT_UNIT:
        return text.startswith(tw.PERCENT_ATTRIBUTE_NOUNS, after + 1)
    before = text[_last_boundary(_CLAUSE_END, text, start, _CLAUSE_BACK) : start]
    return not any(v in before for v in tw.COVERAGE_VERBS)


def _clause(text: str, start: int, end: int) -> str:
    begin = _last_boundary(_CLAUSE_END, text, start, _CLAUSE_BACK)
    stop = _CLAUSE_END.search(text, end, min(len(text), end + _CLAUSE_AHEAD))
    return text[begin : stop.start() if stop else min(len(text), end + _CLAUSE_AHEAD)]


def _last_boundary(pattern: re.Pattern[str], text: str, pos: int, back: int) -> int:
    """Position after the last match of ``pattern`` in the ``back`` characters before ``pos``."""
    lo = max(0, pos - back)
    last = lo
    for m in pattern.finditer(text, lo, pos):
        last = m.end()
    return last


def _protected_spans(text: str) -> list[tuple[int, int]]:
    """Merged spans of titles, quotes, document and phone numbers."""
    raw = sorted((m.start(), m.end()) for p in _PROTECTED for m in p.finditer(text))
    merged: list[tuple[int, int]] = []
    for s, e in raw:
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((s, e))
    return merged


def _in_spans(spans: list[tuple[int, int]], pos: int) -> bool:
    i = bisect_right(spans, (pos, len(spans) + 10**12)) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


def _metric(text: str, prev_end: int, start: int, end: int) -> tuple[str, int]:
    """What the target counts and where it starts in ``text``: the words before the number, cut
    after the last verb (完成|新增转移农村劳动力6.04万人); the words after it if none are left
    (帮助|2.1万余名|农民工就业)."""
    begin = max(prev_end, _last_boundary(_CLAUSE_END, text, start, _CLAUSE_BACK))
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
    stop = _CLAUSE_END.search(text, end, min(len(text), end + _CLAUSE_AHEAD))
    rest = text[end : stop.start() if stop else min(len(text), end + _CLAUSE_AHEAD)]
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
