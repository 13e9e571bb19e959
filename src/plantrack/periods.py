"""Reporting periods: quarters (2017Q3), their bounds, and the share of a period elapsed (序时进度)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from plantrack.errors import UsageError

_QUARTER = re.compile(r"^\s*(\d{4})\s*(?:[Qq]|年第|-?Q)\s*([1-4一二三四])\s*(?:季度)?\s*$")
_CN_DIGIT = {"一": 1, "二": 2, "三": 3, "四": 4}
_CN_NAME = {1: "一", 2: "二", 3: "三", 4: "四"}


@dataclass(frozen=True, order=True)
class Quarter:
    year: int
    q: int

    @classmethod
    def parse(cls, text: str) -> Quarter:
        """2017Q3, 2017q3, 2017-Q3, 2017年第三季度."""
        m = _QUARTER.match(text)
        if not m:
            raise UsageError(f"季度 {text!r} 的写法不对。", hint="请写成 2017Q3（2017年第三季度）。")
        q = _CN_DIGIT.get(m[2]) or int(m[2])
        return cls(int(m[1]), q)

    @classmethod
    def containing(cls, day: date) -> Quarter:
        return cls(day.year, (day.month - 1) // 3 + 1)

    @property
    def start(self) -> date:
        return date(self.year, 3 * self.q - 2, 1)

    @property
    def end(self) -> date:
        return self.next().start - timedelta(days=1)

    def next(self) -> Quarter:
        return Quarter(self.year + 1, 1) if self.q == 4 else Quarter(self.year, self.q + 1)

    def previous(self) -> Quarter:
        return Quarter(self.year - 1, 4) if self.q == 1 else Quarter(self.year, self.q - 1)

    @property
    def code(self) -> str:
        return f"{self.year}Q{self.q}"

    @property
    def label(self) -> str:
        """2017年第三季度."""
        return f"{self.year}年第{_CN_NAME[self.q]}季度"

    @property
    def short_label(self) -> str:
        """第三季度."""
        return f"第{_CN_NAME[self.q]}季度"


def last_finished_quarter(today: date) -> Quarter:
    return Quarter.containing(today).previous()


def elapsed_months_share(start: date, end: date, as_of: date) -> float:
    """Share of the months of [start, end] gone at the end of as_of, as offices count 序时进度: a month
    counts once its last day (or the period's end) is reached; 9/12 at 30 September, 11/12 at 30
    November. Clamped to 0..1."""
    if end < start or as_of >= end:
        return 1.0
    if as_of < start:
        return 0.0
    months = (end.year - start.year) * 12 + end.month - start.month + 1
    gone = (as_of.year - start.year) * 12 + as_of.month - start.month
    if (as_of + timedelta(days=1)).month != as_of.month:
        gone += 1  # the month of as_of is over
    return min(1.0, max(0.0, gone / months))


def elapsed_share(start: date, end: date, as_of: date) -> float:
    """Share of [start, end] gone at the end of as_of, clamped to 0..1 (both ends inclusive)."""
    if end < start:
        return 1.0
    total = (end - start).days + 1
    gone = (as_of - start).days + 1
    return min(1.0, max(0.0, gone / total))
