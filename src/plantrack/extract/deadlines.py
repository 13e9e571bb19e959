"""Find the deadlines of one task: 6月底前, 年底前, 上半年, 第三季度, 完成时限:2019年7月底前, 到2020年.

Each phrase becomes the last day it allows, in the plan ``year`` unless the phrase prints its own
year (2017年10月底前 -> 2017-10-31). With no year known and none printed, the phrase is kept and
the date left out. Validity periods (实施期限至…, 2021年5月1日起), past dates (截至2015年12月) and
recurring periods (每季度) are not deadlines; 持续推进 / 长期坚持 set ``ongoing``.
The phrases and the words that cancel them are in ``lang/deadline_words.py``.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from plantrack.extract.numerals import parse_chinese
from plantrack.lang import deadline_words as dw


@dataclass(frozen=True)
class Reading:
    """One deadline phrase as printed and what it says: a day, ongoing work, or (neither) a day that
    cannot be told (2月30日前, no year known)."""

    phrase: str
    day: date | None = None
    ongoing: bool = False


@dataclass
class Deadlines:
    dates: list[date] = field(default_factory=list)  # text order, no duplicates
    phrases: list[str] = field(default_factory=list)  # as printed, ongoing phrases included
    ongoing: bool = False
    readings: list[Reading] = field(default_factory=list)  # each phrase once, in text order


PlanYear = Literal["plan"]  # find_deadlines's past_before by default: the plan's year
_PATTERNS = [(kind, re.compile(p)) for kind, p in dw.PATTERNS]
_ONGOING = re.compile("|".join([*map(re.escape, dw.ONGOING_PHRASES), *dw.ONGOING_PATTERNS]))
_ATTRIBUTIVE = re.compile(
    "(?:" + "|".join(dw.ATTRIBUTIVE_ADVERBS) + ")?(?:" + "|".join(dw.ATTRIBUTIVE_VERBS) + ")(?:投用|使用)?的"
)
_CLAUSE_END = re.compile(r"[,;。:!?\n]")
_CLAUSE_BACK = 40


def find_deadlines(text: str, year: int | None, *, past_before: int | PlanYear | None = "plan") -> Deadlines:
    """The deadlines of one task's text, for a plan of ``year`` (None: only printed years count).
    A period printed in a year before ``past_before`` (the plan year unless told) is in the past;
    None: no printed year is (the plan year is only a guess)."""
    found = Deadlines()
    past = year if past_before == "plan" else past_before
    for m, kind in _matches(text):
        if _blocked(text, m) or _before_plan(m, past):
            continue
        phrase = m[0][len(m.groupdict().get("label") or "") :]
        day = _resolve(kind, m, year)
        if phrase not in found.phrases:
            found.phrases.append(phrase)
            found.readings.append(Reading(phrase, day))
        if day is not None and day not in found.dates:
            found.dates.append(day)
        if day is not None and m.groupdict().get("label") and not m.groupdict().get("d"):
            for listed, more in _listed_months(text, m.end(), day.year):
                if listed not in found.phrases:
                    found.phrases.append(listed)
                    found.readings.append(Reading(listed, more))
                if more not in found.dates:
                    found.dates.append(more)
    for m in _ONGOING.finditer(text):
        found.ongoing = True
        phrase = m[0].strip(" \t\n|")
        if phrase not in found.phrases:
            found.phrases.append(phrase)
            found.readings.append(Reading(phrase, ongoing=True))
    return found


_LISTED_MONTH = re.compile(r"、(\d{1,2})月(?![\d日号底末份上中下前旬])")


def _listed_months(text: str, end: int, year: int) -> list[tuple[str, date]]:
    """完成时限:3月、9月各一次: the months listed after a labelled month, each to its end."""
    out: list[tuple[str, date]] = []
    while (m := _LISTED_MONTH.match(text, end)) and 1 <= int(m[1]) <= 12:
        out.append((m[0][1:], month_end(year, int(m[1]))))
        end = m.end()
    return out


def _matches(text: str) -> list[tuple[re.Match[str], str]]:
    """All pattern matches in text order; a match inside an earlier, longer one is dropped."""
    hits = sorted(
        ((m, kind) for kind, p in _PATTERNS for m in p.finditer(text)),
        key=lambda h: (h[0].start(), -h[0].end()),
    )
    kept: list[tuple[re.Match[str], str]] = []
    for m, kind in hits:
        if not kept or m.start() >= kept[-1][0].end():
            kept.append((m, kind))
    return kept


def _blocked(text: str, m: re.Match[str]) -> bool:
    """Recurring (每季度), relative (3年内), a start (…起), a range start, past or a validity period."""
    start, end = m.start(), m.end()
    # 3.5月 is a number; 扶持创业500人.2024年11月底前 is a half-width full stop before the date
    stop = text[start - 1 : start] == "." and not text[start - 2 : start - 1].isdigit()
    if start > 0 and text[start - 1] in dw.BEFORE_BLOCK_CHARS and not stop:
        return True
    if any(text.endswith(w, max(0, start - len(w)), start) for w in dw.BEFORE_BLOCKERS):
        return True
    after = text.startswith(dw.AFTER_BLOCKERS, end) and not text.startswith(dw.AFTER_BLOCKER_EXCEPTIONS, end)
    if after or _ATTRIBUTIVE.match(text, end):
        return True
    if m[0].endswith(dw.BEFORE_WORDS) and text.startswith(dw.SCOPE_AFTER_BEFORE, end):
        return True  # 2019年以前纸质档案: which things count
    if "y2" in m.re.groupindex and text.startswith(dw.PERIOD_AFTER_BLOCKERS, end):
        return True
    clause_start = max(0, start - _CLAUSE_BACK)
    for c in _CLAUSE_END.finditer(text, clause_start, start):
        clause_start = c.end()
    clause = text[clause_start:start]
    for w in dw.CLAUSE_BLOCKER_EXCEPTIONS:
        clause = clause.replace(w, "")
    return any(w in clause for w in dw.CLAUSE_BLOCKERS)


def _before_plan(m: re.Match[str], plan_year: int | None) -> bool:
    """A period or a bare month printed with a year before the plan's is in the past (2016年1月至11月 in
    a 2017 plan); a phrase with 前 or a 完成时限 label is a deadline in any year."""
    g = m.groupdict()
    printed = g.get("y2") or g.get("y")
    if plan_year is None or printed is None or int(printed) >= plan_year:
        return False
    return not (g.get("label") or m[0].endswith(dw.BEFORE_WORDS))


def _resolve(kind: str, m: re.Match[str], plan_year: int | None) -> date | None:
    """The last day a phrase allows, or None when its year is unknown or the day does not exist."""
    g = m.groupdict()
    if kind == "period":  # the last day of the period, its missing parts taken from its start
        g = {**g, "m": g.get("m2") or g["m"], "d": g.get("d2"), "part": g.get("part2")}
        g["y"] = g.get("y2") or g.get("y")
        if g.get("rel2"):  # 12月至次年3月: the year after the start's
            start = int(g["y"]) if g["y"] else None
            g["y"], g["rel"] = (str(start + 1), None) if start else (None, g["rel2"])
        kind = "month" if not g["d"] else "date"
    if g.get("y"):
        year: int | None = int(g["y"])
    elif g.get("rel") and plan_year is not None:
        year = plan_year + dw.RELATIVE_YEARS[g["rel"]]
    else:
        year = plan_year
    if year is None:
        return None
    month, day = _month_day(kind, g, year)
    if month is None or day is None:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _month_day(kind: str, g: dict[str, str | None], year: int) -> tuple[int | None, int | None]:
    if kind == "quarter":
        return (
            dw.QUARTER_ENDS[printed_number(g["q"]) or 0]
            if printed_number(g["q"]) in dw.QUARTER_ENDS
            else (None, None)
        )
    if kind == "half":
        return dw.HALF_ENDS[g["h"] or "下"]
    if kind == "year":
        return 12, 31
    month = printed_number(g["m"])
    if month is None or not 1 <= month <= 12:
        return None, None
    if g.get("d"):
        return month, printed_number(g["d"])
    part = g.get("part") or ""
    return month, dw.PART_DAYS.get(part) or month_end(year, month).day


def month_end(year: int, month: int) -> date:
    """The last day of a month: what 6月底, 6月 in a 完成时限 cell and a month's schedule item mean."""
    return date(year, month, calendar.monthrange(year, month)[1])


def printed_number(s: str | None) -> int | None:
    """A month or day printed in figures (6) or in Chinese numerals (六, 十二)."""
    if not s:
        return None
    return int(s) if s.isdecimal() else parse_chinese(s)
