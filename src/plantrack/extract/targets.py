"""Find the quantitative targets of one task: 完成新增转移农村劳动力6.04万人 -> 60400 人.

A target is a number followed by a unit of ``lang/units.py`` that the plan commits to reach. The
steps: find number tokens; read the multiplier, unit and comparator after each (a bare number of a
、 list shares the unit and comparator of the list: 分别控制在3个、4个工作日以内); drop numbers in
contexts of ``lang/target_words.py`` (titles, programme names, policy rules, past statistics, a
size that says which things count: 500头以上肉牛规模养殖场); find a comparator further back in the
clause (至少组织2次); read a range as two bounds; give the rest a metric (the words before the
number, cut with jieba) and link 其中 parts to their total. When unsure, a number is not a target:
precision matters as much as recall.

Every context check looks at a bounded window around the number, so the cost stays linear in the
length of the text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from itertools import pairwise

from plantrack.extract import tokenizer
from plantrack.extract.numerals import parse_number
from plantrack.extract.target_metric import CLAUSE_AHEAD as _CLAUSE_AHEAD
from plantrack.extract.target_metric import CLAUSE_BACK as _CLAUSE_BACK
from plantrack.extract.target_metric import CLAUSE_END as _CLAUSE_END
from plantrack.extract.target_metric import last_boundary
from plantrack.extract.target_metric import metric as _metric
from plantrack.lang import comparators as cmp
from plantrack.lang import target_words as tw
from plantrack.lang import units
from plantrack.models import Op, Target

_CN = "零〇一二两三四五六七八九十百千万亿"
_NUMBER = re.compile(
    rf"(?<![{tw.ORDINAL_MARKS}\d.{_CN}A-Za-z])(?:"
    rf"(?P<frac>百分之[\d.{_CN}]{{1,10}}|[\d一二三四五六七八九十百千]{{1,6}}分之[\d.{_CN}]{{1,10}})"
    # 1万2千 (its last unit is the multiplier), 1千5百 (a small unit ends it; 千 of 千瓦 is the unit's)
    r"|(?P<mixed>\d{1,4}(?:[亿万千百十]\d{1,4}){1,3}(?:[百十]|千(?![瓦米克]))?(?![\d.]))"
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
_SHARE_OF_BASE = re.compile(tw.SHARE_OF_BASE)
_COMMITTED = re.compile("(?:" + "|".join(tw.COMMITTED_BEFORE) + ")$")
_COMMITTED_BACK = 16
_SCOPE_COUNT = re.compile(tw.WHOLE_AREA + "$")
_PAST = re.compile("|".join(tw.PAST_MARKERS))
_ITEM_COUNT = re.compile(tw.ITEM_COUNT_AFTER)
_NUMBER_CHAR = re.compile(rf"[\d.%{_CN}点]")
_SENTENCE_END = re.compile(r"[;。!?\n]")
_SENTENCE_BACK = 120
_SIZE_AHEAD = 12  # characters after a size read for the things it classes
_LIST_MAX = 8  # numbers of a 、 list read ahead for a shared unit or comparator
_DIGIT = re.compile(r"\d")
_RANGE_LOW = re.compile(
    rf"(?P<num>\d{{1,15}}(?:\.\d{{1,8}})?|[{_CN}]{{1,8}})(?P<mult>{_multiplier_pattern()})?"
    rf"(?P<unit>{_alternation(units.UNITS)})?"
)


@dataclass
class _Hit:
    """A number that passed every check, before its metric is known."""

    start: int  # first character of the number (or of its prefix comparator)
    end: int  # after the unit and suffix comparator
    value: float
    unit: str
    op: str
    written: bool = True  # False when no comparator is written with the number (``op`` is then =)


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
    hits = [hit for m in _NUMBER.finditer(text) for hit in _read(text, m, spans, unread)]
    return TargetReading(_link(text, _share_prefixes(text, hits)), unread)


def _share_prefixes(text: str, hits: list[_Hit]) -> list[_Hit]:
    """A comparator before a 、 list of bare numbers bounds each of them (分别不少于200人、100人)."""
    for prev, hit in pairwise(hits):
        if not hit.written and hit.op == "=" and prev.written and text[prev.end : hit.start] == "、":
            hit.op, hit.written = prev.op, True
    return hits


def _link(text: str, hits: list[_Hit]) -> list[Target]:
    """Targets with their metric; a 其中 part points at its total."""
    targets: list[Target] = []
    parent: int | None = None
    last_total = 0
    prev_end = 0
    for hit in hits:
        between = text[last_boundary(_SENTENCE_END, text, hit.start, hit.start - prev_end) : hit.start]
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


def _read(text: str, m: re.Match[str], spans: list[tuple[int, int]], unread: list[str]) -> list[_Hit]:
    """The targets a number token starts (two for a range: 3至5个 is ``>=3`` and ``<=5``), none if it
    has no unit or its context rules it out (an ambiguous numeral is then added to ``unread``)."""
    start = m.start()
    if m["frac"]:
        tail = _FRAC_TAIL.match(text, m.end())
        assert tail is not None  # both groups are optional
        value, unit, about, suffix = parse_number(m["frac"]), units.PERCENT_UNIT, None, tail["suffix"]
    else:
        tail = _TAIL.match(text, m.end())
        if tail is None or text.startswith(units.NOT_UNITS, tail.start("unit")):
            return []
        value = parse_number(m[0] + (tail["mult"] or ""))
        unit, about, suffix = tail["unit"], tail["about"] or tail["about2"], tail["suffix"]
        if m["cn"] and value is not None and value < 10:
            return []  # 一批, 三项制度, 两个至上: not counts a plan commits to
        unit, suffix = _shared_with_list(text, tail.end(), unit, suffix)
        suffix = suffix or _cut_duration_suffix(text, start, tail.end(), unit)
    prefix = _prefix(text, start)
    if any(text.endswith(w, max(0, start - len(w)), start) for w in tw.SHORTFALL_PREFIXES):
        return []  # 收入不足5000元的农户: a condition, not a goal
    if _excluded(text, start, tail.end(), unit, spans) or _size_class(text, tail.end(), unit, suffix):
        return []
    if unit in tw.DISTANCE_UNITS and text.startswith(tw.SCOPE_AFTER_DISTANCE, tail.end()):
        return []  # 学校周边200米范围内: where the work is done, not how much
    if value == 1 and not suffix and _quantity_at(text, tail.end()):
        return []  # 1户1人以上就业: the base of a rate (each household), no count
    if _attribute(text, start, tail.end(), unit) and not (prefix and _quota(text, tail.end())):
        return []
    if prefix in tw.THRESHOLD_PREFIXES and _threshold(text, tail.end()):
        return []  # 完好率低于90%的建筑: which things count
    in_range = _range_before(text, start)
    low = _range_low(text, start, tail, unit) if in_range else None
    if value is None or (in_range and (low is None or low >= value or bool(suffix or prefix))):
        if not _range_follows(text, tail.end()):  # a range is listed once, at its second end
            unread.append(_printed_quantity(text, start, tail.end()))
        return []
    if _range_follows(text, tail.end()):
        return []  # the first end of a range: read with the second
    if not _bounded(text, start, unit, bool(prefix or suffix)):
        return []  # 5个工作日内办结, 24小时值班: a rule or a habit, not a bound the plan commits to
    far = None if prefix or suffix or about else _far_prefix(text, start)
    op = (
        cmp.SUFFIX_OPS.get(suffix) or cmp.CUT_DURATION_SUFFIX_OPS[suffix]
        if suffix
        else cmp.PREFIX_OPS[prefix]
        if prefix
        else cmp.ABOUT_MARKS[about]
        if about
        else far or "="
    )
    begin = start - len(prefix or "")
    if low is not None:
        ends = (low, ">="), (value, "<=")
        return [_Hit(begin, tail.end(), v, unit, o, written=False) for v, o in ends]  # pass on no bound
    return [_Hit(begin, tail.end(), value, unit, op, written=op != "=")]


def _prefix(text: str, start: int) -> str | None:
    """The comparator written right before the number; a one-character word must start a word of its
    own (约3万人, not 签约1500户)."""
    for w in _PREFIX_WORDS:
        if text.endswith(w, max(0, start - len(w)), start):
            if len(w) == 1 and w in cmp.WORD_PREFIXES and not _word_starts(text, start - 1):
                return None
            return w
    return None


def _word_starts(text: str, pos: int) -> bool:
    """True when jieba starts a word at ``pos`` (reading a few characters before it)."""
    lo = last_boundary(_CLAUSE_END, text, pos, 8)
    at = lo
    for tok in tokenizer.words(text[lo : pos + 1]):
        if at >= pos:
            break
        at += len(tok)
    return at == pos


def _shared_with_list(text: str, end: int, unit: str, suffix: str | None) -> tuple[str, str | None]:
    """A bare number in a list (控制在3个、4个工作日以内, 分别达到650万头、5800万只以上) shares the
    comparator written after the list, and the unit when the last one's extends its own."""
    last = None
    for _ in range(_LIST_MAX):
        if not text.startswith("、", end):
            break
        m = _NUMBER.match(text, end + 1)
        nxt = _TAIL.match(text, m.end()) if m and not m["frac"] else None
        if nxt is None:
            break
        last, end = nxt, nxt.end()
    if last is None:
        return unit, suffix
    if last["unit"] != unit and last["unit"].startswith(unit) and not suffix:
        unit = last["unit"]
    return unit, suffix or last["suffix"]


def _quantity_at(text: str, pos: int) -> bool:
    """A number with a unit starts at ``pos``."""
    m = _NUMBER.match(text, pos)
    return m is not None and not m["frac"] and _TAIL.match(text, m.end()) is not None


def _size_class(text: str, end: int, unit: str, suffix: str | None) -> bool:
    """500头以上肉牛规模养殖场, 20户以上自然村: a size with 以上/以下 right before the things it
    classes (``target_words.SIZE_CLASS_NOUNS``, read up to the end of the clause) says which count."""
    if suffix not in cmp.SIZE_SUFFIXES or unit not in tw.SIZE_UNITS or end >= len(text):
        return False
    if not "\u4e00" <= text[end] <= "\u9fff" or text[end] == "的":
        return False
    stop = _CLAUSE_END.search(text, end, end + _SIZE_AHEAD)
    noun = text[end : stop.start() if stop else end + _SIZE_AHEAD]
    return any(n in noun for n in tw.SIZE_CLASS_NOUNS)


def _quota(text: str, end: int) -> bool:
    """After a comparator, 的 + what the plan builds is a quota (组建不少于15人的应急分队)."""
    after = end + 1 if text.startswith(" ", end) else end
    return not text.startswith(tw.QUOTA_RULE_NOUNS, after + 1)


def _range_low(text: str, start: int, tail: re.Match[str], unit: str) -> float | None:
    """The first end of the range whose second end starts at ``start`` (3至5个, 5%—6%, 3-5万人 with
    the multiplier of the second end), None if it cannot be read."""
    mark = start - 1
    for begin in range(max(0, mark - 16), mark):
        m = _RANGE_LOW.fullmatch(text, begin, mark)
        if m is not None and (begin == 0 or not _NUMBER_CHAR.match(text[begin - 1])):
            if m["unit"] and m["unit"] != unit:
                return None
            return parse_number(m["num"] + (m["mult"] or tail.groupdict().get("mult") or ""))
    return None


def _bounded(text: str, start: int, unit: str, compared: bool) -> bool:
    """A duration or grade is a target only with a comparator or a bound verb (压缩至2小时), and a
    duration only when its clause names the time it bounds (办理时间) or a verb cuts it (压缩)."""
    if unit not in units.CUED_UNITS:
        return True
    if not ((compared and unit not in units.CLASS_UNITS) or _cued(text, start)):
        return False
    return unit not in units.DURATION_UNITS or _names_time(text, start) or _cuts_time(text, start)


def _cut_duration_suffix(text: str, start: int, end: int, unit: str) -> str | None:
    """A bare 内 after a duration a verb cuts (压缩至1个工作日内): the suffix it is, else None."""
    if unit not in units.DURATION_UNITS or not _cuts_time(text, start):
        return None
    return next((w for w in cmp.CUT_DURATION_SUFFIX_OPS if text.startswith(w, end)), None)


def _cuts_time(text: str, start: int) -> bool:
    """A verb earlier in the clause cuts a time to the duration (全流程压缩至1个工作日)."""
    clause = text[last_boundary(_CLAUSE_END, text, start, _CLAUSE_BACK) : start]
    return any(w in clause for w in tw.TIME_CUT_VERBS)


def _names_time(text: str, start: int) -> bool:
    """The clause before a duration (or, for a clause opening its sentence, a short sentence before it,
    as an indicator's name: 重污染天数。同比减少2天) names a time."""
    begin = last_boundary(_CLAUSE_END, text, start, _CLAUSE_BACK)
    if any(w in text[begin:start] for w in tw.TIME_MEASURES):
        return True
    if begin == 0 or text[begin - 1] not in "。\n":
        return False
    before = last_boundary(_SENTENCE_END, text, begin - 1, tw.METRIC_MAX_CHARS + 1)
    if before > 0 and not _SENTENCE_END.match(text[before - 1]):
        return False  # the sentence before is longer: no indicator's name
    return any(w in text[before : begin - 1] for w in tw.TIME_MEASURES)


def _far_prefix(text: str, start: int) -> str | None:
    """A comparator earlier in the clause with no number between: an adverb before the verb
    (至少组织2次, 至少配备专职网格员1名) or a comparative before a share (不低于教师总数的15%)."""
    clause = text[last_boundary(_CLAUSE_END, text, start, _CLAUSE_BACK) : start]
    for words, ok in ((tuple(cmp.ADVERB_OPS), True), (cmp.SHARE_OPS, clause.endswith("的"))):
        word = _last_word(clause, words) if ok else None
        if word and not _DIGIT.search(clause, clause.rfind(word)):
            return cmp.ADVERB_OPS.get(word) or cmp.PREFIX_OPS[word]
    return None


def _last_word(text: str, words: tuple[str, ...]) -> str | None:
    """The word of ``words`` that ends last in ``text`` (the longest of those ending there)."""
    found = [(text.rfind(w) + len(w), len(w), w) for w in words if w in text]
    return max(found)[2] if found else None


def _scope_count(text: str, start: int, clause: str) -> bool:
    """全县246个行政村全覆盖: the count names the scope of a coverage goal (完成全县12家…全覆盖检查
    counts the work done: a target)."""
    area = _SCOPE_COUNT.search(text, max(0, start - 2), start)
    return (
        area is not None
        and any(g in clause for g in tw.SCOPE_GOALS)
        and not text[: area.start()].endswith(tw.SCOPE_WORK_VERBS)
    )


def _excluded(text: str, start: int, end: int, unit: str, spans: list[tuple[int, int]]) -> bool:
    """True when the number is in a title, a policy rule or a past statistic, or counts a document's parts."""
    if _in_spans(spans, start):
        return True
    if start > 0 and text[start - 1] in tw.BASELINE_MARKS:
        return True  # 由20个工作日压缩至5个工作日: the starting point
    if unit in tw.LIST_SUM_UNITS and text.endswith(tw.LIST_SUM_MARKS, 0, start):
        return True  # 低保户、特困人员等4类重点对象: the list's kinds counted
    if unit in tw.DOCUMENT_COUNT_UNITS and text.endswith(tw.DOCUMENT_COUNT_MARKS, 0, start):
        return True  # 聚焦“十四五”规划102项重大工程: the count names another document's items
    clause = _clause(text, start, end)
    if _blocked(clause, text, start) and not _point_change(text, start, unit):
        return True
    if _scope_count(text, start, clause):
        return True  # 全县246个行政村全覆盖
    share = _SHARE_OF_BASE.search(clause)
    if share and not _bounded_share(clause[: share.start() + 1]):
        return True
    sentence_start = last_boundary(_SENTENCE_END, text, start, _SENTENCE_BACK)
    if _PAST.search(text, sentence_start, start):
        return True
    return unit in tw.ITEM_COUNT_UNITS and _ITEM_COUNT.match(text, end) is not None


def _blocked(clause: str, text: str, start: int) -> bool:
    """A policy rule's word in the clause, outside a commitment written right before the number."""
    committed = _COMMITTED.search(text[max(0, start - _COMMITTED_BACK) : start])
    if committed is not None:
        clause = clause.replace(committed.group(0), "", 1)
    return _CLAUSE_BLOCKERS.search(clause) is not None


def _point_change(text: str, start: int, unit: str) -> bool:
    """下降0.2个百分点: points a change verb right before the number commits to."""
    return unit in tw.POINT_UNITS and text.endswith(tw.POINT_CHANGE_VERBS, 0, start)


def _bounded_share(before: str) -> bool:
    """The clause up to a share's 的 bounds it with a comparator and no number between."""
    word = _last_word(before, cmp.SHARE_OPS)
    return word is not None and not _DIGIT.search(before, before.rfind(word))


def _range_before(text: str, start: int) -> bool:
    """3-5个, 5%—6%, 增长5%至6%: the number is the second end of a range."""
    return (
        start >= 2
        and text[start - 1] in tw.RANGE_MARKS
        and (text[start - 2].isdigit() or text[start - 2] in _CN or text[start - 2] in units.UNITS)
    )


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
    clause = text[last_boundary(_CLAUSE_END, text, start, _CLAUSE_BACK) : start]
    return any(w in clause for w in tw.BOUND_VERBS)


def _attribute(text: str, start: int, end: int, unit: str) -> bool:
    """30人以上的企业, 50%的政策: the number describes a class; 30%的要求, 100%的乡镇建成… and
    覆盖90%以上的村 do not."""
    after = end + 1 if text.startswith(" ", end) else end
    if not text.startswith("的", after) or text.startswith(tw.GOAL_NOUNS, after + 1):
        return False
    if any(text.endswith(w, max(0, start - len(w)), start) for w in tw.SIZE_WORDS):
        return False  # 设立规模20亿元的发展基金: the size of what is set up
    if unit == units.PERCENT_UNIT:
        return text.startswith(tw.PERCENT_ATTRIBUTE_NOUNS, after + 1)
    if unit not in tw.SIZE_UNITS and text.endswith(tw.MAKE_VERBS, 0, start):
        return False  # 打造3个以上的示范村: what is made
    before = text[last_boundary(_CLAUSE_END, text, start, _CLAUSE_BACK) : start]
    return not any(v in before for v in tw.COVERAGE_VERBS)


def _threshold(text: str, end: int) -> bool:
    """After a strict comparison, 的 + a noun other than a goal's (低于90%的建筑, not 低于5%的目标)."""
    after = end + 1 if text.startswith(" ", end) else end
    return text.startswith("的", after) and not text.startswith(tw.GOAL_NOUNS, after + 1)


def _clause(text: str, start: int, end: int) -> str:
    begin = last_boundary(_CLAUSE_END, text, start, _CLAUSE_BACK)
    stop = _CLAUSE_END.search(text, end, min(len(text), end + _CLAUSE_AHEAD))
    return text[begin : stop.start() if stop else min(len(text), end + _CLAUSE_AHEAD)]


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
