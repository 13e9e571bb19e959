"""Reporting periods: quarters (2017Q3), their bounds, and the share of a period elapsed (序时进度)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, timedelta
from typing import Protocol

from plantrack.errors import UsageError
from plantrack.plain import Frozen

_QUARTER = re.compile(r"^\s*(\d{4})\s*(?:[Qq]|年第|-?Q)\s*([1-4一二三四])\s*(?:季度)?\s*$")
_CN_DIGIT = {"一": 1, "二": 2, "三": 3, "四": 4}
_CN_NAME = {1: "一", 2: "二", 3: "三", 4: "四"}


class Quarter(Frozen):
    """A calendar quarter (ordered by year, then quarter)."""

    __slots__ = ("year", "q")
    year: int
    q: int

    def __init__(self, year: int, q: int) -> None:
        self._set(year=year, q=q)

    def __lt__(self, other: Quarter) -> bool:
        return (self.year, self.q) < (other.year, other.q)

    def __le__(self, other: Quarter) -> bool:
        return (self.year, self.q) <= (other.year, other.q)

    def __gt__(self, other: Quarter) -> bool:
        return (self.year, self.q) > (other.year, other.q)

    def __ge__(self, other: Quarter) -> bool:
        return (self.year, self.q) >= (other.year, other.q)

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


class PlanLike(Protocol):
    """What the date rules read of a plan (models.Plan has it; periods sits beside models, not above)."""

    @property
    def id(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def year(self) -> int | None: ...
    @property
    def issued_on(self) -> date | None: ...


def plan_year(plan: PlanLike, as_of: date) -> int:
    """The plan year: the plan's own, else the year it was issued, else the year of the date asked."""
    if plan.year:
        return plan.year
    return plan.issued_on.year if plan.issued_on else as_of.year


class PlanDate(Frozen):
    """The date a plan is looked at when none is given, and the one line that says why: the quarter
    reported when as_of ends one (else None), and the note (《…》计划年度为2017年，已结束：按…)."""

    __slots__ = ("as_of", "quarter", "name", "reason")
    as_of: date
    quarter: Quarter | None
    name: str  # 《title》
    reason: str  # what follows the name: 计划年度为2017年，已结束，默认按…

    def __init__(self, as_of: date, quarter: Quarter | None, name: str, reason: str) -> None:
        self._set(as_of=as_of, quarter=quarter, name=name, reason=reason)

    @property
    def note(self) -> str:
        return self.name + self.reason


def date_notes(chosen: Iterable[PlanDate], most_named: int = 3) -> list[str]:
    """One line per reason, not per plan: 50 past plans of one year say so once, naming the first few
    (《A》、《B》、《C》等50个计划：计划年度为2017年…), in the order their reasons first appear."""
    groups: dict[str, list[str]] = {}
    for c in chosen:
        groups.setdefault(c.reason, []).append(c.name)
    lines: list[str] = []
    for reason, names in groups.items():
        if len(names) <= most_named:
            lines.extend(n + reason for n in names)
        else:
            lines.append(f"{'、'.join(names[:most_named])}等{len(names)}个计划：{reason}")
    return lines


def default_as_of(plan: PlanLike, today: date, whole_quarters: bool = True) -> PlanDate:
    """The default date of a plan: the last finished quarter inside its year, or its end for a past plan.

    A plan whose first quarter has not ended is looked at today; a plan whose year has not begun, at
    the end of its first quarter. `whole_quarters=False` (status, show: where things stand now) takes
    today itself inside the plan year. report, status and show all take their default date from here.
    """
    year = plan_year(plan, today)
    first, last = Quarter(year, 1), Quarter(year, 4)
    name = f"《{plan.title or plan.id}》"
    if today > last.end:
        return PlanDate(last.end, last, name, f"计划年度为{year}年，已结束，默认按{_said(last)}")
    if today < first.start:
        return PlanDate(first.end, first, name, f"计划年度为{year}年，尚未开始，默认按{_said(first)}")
    done = last_finished_quarter(today)
    if whole_quarters and done.year == year:
        return PlanDate(done.end, done, name, f"默认按上一个已结束的季度：{_said(done)}")
    if whole_quarters:
        return PlanDate(today, None, name, f"{year}年第一季度尚未结束，默认截至今天（{_cn(today)}）")
    return PlanDate(today, None, name, f"默认截至今天（{_cn(today)}）")


def _said(q: Quarter) -> str:
    return f"{q.label}（截至{_cn(q.end)}）"


def _cn(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


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
