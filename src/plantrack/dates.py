"""Dates typed by users on the command line.

Full dates (2017-09-30, 2017年9月30日); with a plan year also 9月30日, 9.30, 9-30, a quarter (Q3,
三季度, 第三季度, 2017Q3: its last day) and periods (上半年, 年底: lang/date_words.py).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from plantrack.errors import UsageError
from plantrack.lang.date_words import PERIOD_ENDS, QUARTER_NUMERALS

_DATE = re.compile(r"^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$")
_MONTH_DAY = re.compile(r"^\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$")
_QUARTER = re.compile(r"^\s*(?:(\d{4})\s*年?)?\s*(?:[Qq]\s*([1-4])|第?([一二三四1-4])季度)\s*$")


def parse_user_date(value: str, option: str = "日期", year: int | None = None) -> date:
    """A typed date; with `year` (the plan's), forms without a year take it."""
    m = _DATE.match(value)
    if m:
        return _make(int(m[1]), int(m[2]), int(m[3]), value, option)
    if year is not None:
        found = _without_year(value, year, option)
        if found is not None:
            return found
    hint = "请写成 2017-09-30 或 2017年9月30日" + (
        "；也可写 9月30日、9.30、Q3 或 三季度（按计划年度）。" if year else "。"
    )
    raise UsageError(f"{option} 的值 {value!r} 不是有效日期。", hint=hint)


def _without_year(value: str, year: int, option: str) -> date | None:
    m = _MONTH_DAY.match(value)
    if m:
        return _make(year, int(m[1]), int(m[2]), value, option)
    q = _QUARTER.match(value)
    if q:
        quarter = QUARTER_NUMERALS[q[2] or q[3]]
        first_of_next = date(int(q[1] or year) + (quarter == 4), 1 if quarter == 4 else 3 * quarter + 1, 1)
        return first_of_next - timedelta(days=1)
    end = PERIOD_ENDS.get(value.strip())
    return date(year, *end) if end else None


def _make(y: int, m: int, d: int, value: str, option: str) -> date:
    try:
        return date(y, m, d)
    except ValueError:
        raise UsageError(
            f"{option} 的值 {value!r} 不是有效日期。", hint="请写成 2017-09-30 或 2017年9月30日。"
        ) from None
