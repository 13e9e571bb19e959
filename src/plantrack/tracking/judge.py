"""The judgement of one series of reports: 序时进度, progress from targets, percent or status, the light.

Pure functions. Which agencies' reports make up a series, and how several agencies' series make a
task's status, is tracking/rule.py's business.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date
from operator import attrgetter
from typing import TYPE_CHECKING, NamedTuple

from plantrack.kinds import Op, Role
from plantrack.periods import elapsed_months_share, elapsed_share
from plantrack.tracking.kinds import Light, Status
from plantrack.tracking.records import TargetProgress, TaskStatus

if TYPE_CHECKING:
    from plantrack.records import ItemRecord as Item
    from plantrack.records import TargetRecord as Target
    from plantrack.records import Thresholds as StatusSettings
    from plantrack.tracking.records import EntryRecord as Entry

_AMOUNT_OPS = (Op.eq, Op.ge, Op.gt, Op.approx)
# A value above this many times its target is 超额 (shown for review; record asks to confirm it).
FAR_ABOVE = 2.0


def task_deadline(task: Item) -> date | None:
    """The task's own end date (the last of its deadlines); None for ongoing tasks or none given."""
    return max(task.deadlines) if task.deadlines and not task.ongoing else None


def expected_pct(task: Item, year: int, as_of: date, rule: str = "months") -> float:
    """序时进度: share of the plan year elapsed, up to the task's own deadline when it has one.

    `months` (as offices count): whole months gone, 75% at the end of September, 91.7% at the end of
    November; `days`: days gone, both ends inclusive.
    """
    start = date(year, 1, 1)
    end = task_deadline(task) or date(year, 12, 31)
    share = elapsed_days_or_months(start, end, as_of, rule)
    return round(share * 100, 1)


def elapsed_days_or_months(start: date, end: date, as_of: date, rule: str) -> float:
    if rule == "days":
        return elapsed_share(start, end, as_of)
    return elapsed_months_share(start, end, as_of)


def target_pct(target: Target, actual: float) -> float:
    """Progress towards one target. `<=` limits count 100 while kept, else the share of the limit."""
    if target.op == Op.le:
        if actual <= target.value:
            return 100.0
        return round(target.value / actual * 100, 1) if actual > 0 else 0.0
    if target.value == 0:
        return 100.0 if actual >= 0 else 0.0
    return round(actual / target.value * 100, 1)


class Latest:
    """A series of reports as the judgement reads it: the latest report's date and id (and the entry,
    read when a row shows it), the latest status, percent and value of each target, and whether any
    report falls in the period. From entries (`latest_of`) or from the store's index, which keeps
    this for each agency's series, so a table of every task reads few journal lines."""

    __slots__ = ("_entry", "actuals", "key", "percent", "reported", "status")

    def __init__(
        self,
        key: tuple[date, int] | None,
        entry: Entry | Callable[[], Entry] | None,
        status: Status | None,
        percent: float | None,
        actuals: Mapping[str, float],
        reported: bool,
    ) -> None:
        self.key, self._entry, self.status, self.percent, self.actuals, self.reported = (
            key, entry, status, percent, actuals, reported
        )  # fmt: skip

    @property
    def entry(self) -> Entry | None:
        found = self._entry
        if callable(found):
            found = self._entry = found()
        return found


def latest_of(entries: Sequence[Entry], as_of: date, period_start: date) -> Latest:
    """One walk back from the latest entry: the latest status, percent and value of each target."""
    if len(entries) > 1:
        entries = sorted(entries, key=_BY_DATE)
    last = entries[-1] if entries else None
    status: Status | None = None
    percent: float | None = None
    actuals: dict[str, float] = {}
    reported: bool | None = None  # a report in [period_start, as_of]: the latest one up to as_of tells
    for e in reversed(entries):
        if status is None:
            status = e.status
        if percent is None:
            percent = e.percent
        if e.actuals:
            for k, v in e.actuals.items():
                actuals.setdefault(k, v)
        if reported is None and e.as_of <= as_of:
            reported = e.as_of >= period_start
    return Latest(_order(last) if last else None, last, status, percent, actuals, bool(reported))


class Judged:
    """One series of reports judged: the figures of a row, without building the row (the rule judges
    every agency of a task but shows few of them as rows). The latest entry itself is read when a
    row shows it (`last`); `last_key` orders series by it."""

    __slots__ = (
        "latest",
        "status",
        "percent",
        "targets",
        "progress",
        "expected",
        "deadline",
        "reported",
        "overdue",
        "light",
    )

    def __init__(
        self,
        latest: Latest,
        status: Status | None,
        percent: float | None,
        targets: list[_Target],
        progress: float | None,
        expected: float,
        deadline: date | None,
        reported: bool,
        overdue: bool,
        light: Light,
    ) -> None:
        self.latest, self.status, self.percent, self.targets, self.progress = (
            latest,
            status,
            percent,
            targets,
            progress,
        )
        self.expected, self.deadline, self.reported, self.overdue, self.light = (
            expected, deadline, reported, overdue, light
        )  # fmt: skip

    @property
    def last(self) -> Entry | None:
        return self.latest.entry

    @property
    def last_key(self) -> tuple[date, int] | None:
        return self.latest.key


class _Target(NamedTuple):
    """A target's progress, as TargetProgress holds it (that model is built only for a row)."""

    position: int  # index in the task's targets
    target: Target
    actual: float | None
    pct: float | None
    over: bool


def task_status(
    plan_id: str,
    task: Item,
    entries: Sequence[Entry],
    as_of: date,
    period_start: date,
    year: int,
    settings: StatusSettings,
    role: Role | None = None,
    reported: bool | None = None,
    done: bool | None = None,
) -> TaskStatus:
    """The status of one task from one series of effective entries up to as_of.

    `reported` and `done`, when given, replace what this series alone says (rule.py sets them from
    all the agencies that count).
    """
    expected = expected_pct(task, year, as_of, settings.expected)
    judged = judge(task, entries, as_of, period_start, expected, settings, reported, done)
    return status_row(plan_id, task, judged, role)


def judge(
    task: Item,
    entries: Sequence[Entry],
    as_of: date,
    period_start: date,
    expected: float,
    settings: StatusSettings,
    reported: bool | None = None,
    done: bool | None = None,
) -> Judged:
    """task_status's figures for one series; `expected` is the task's 序时进度 at as_of."""
    return judge_latest(
        task, latest_of(entries, as_of, period_start), as_of, expected, settings, reported, done
    )


def judge_latest(
    task: Item,
    latest: Latest,
    as_of: date,
    expected: float,
    settings: StatusSettings,
    reported: bool | None = None,
    done: bool | None = None,
) -> Judged:
    """The judgement of a series from what it says last (judge's second half: the rule itself)."""
    status, percent, actuals = latest.status, latest.percent, latest.actuals
    targets = [_target_progress(i, t, actuals.get(str(i))) for i, t in enumerate(task.targets)]
    progress = _progress(targets, percent, status)
    deadline = task_deadline(task)
    if reported is None:
        reported = latest.reported
    if done is None:
        done = status == Status.done or (progress is not None and progress >= 100 and _amounts_only(targets))
    overdue = deadline is not None and as_of > deadline and not done
    gap = _gap(targets, progress, expected)
    if _cap_broken(targets):  # a limit exceeded is never on schedule
        gap = max(gap or 0.0, settings.tolerance + 0.1)
    light = _light(done, reported, overdue, status, gap, settings)
    return Judged(latest, status, percent, targets, progress, expected, deadline, reported, overdue, light)


def status_row(plan_id: str, task: Item, j: Judged, role: Role | None = None) -> TaskStatus:
    """The row of a judged series."""
    targets = [TargetProgress(t.position, t.target, t.actual, t.pct, t.over) for t in j.targets]
    return TaskStatus(plan_id, task, role, j.light, j.status, j.progress, j.expected, targets, j.last,
                      j.reported, j.deadline, j.overdue, j.percent)  # fmt: skip


def _order(e: Entry) -> tuple[date, int]:
    return (e.as_of, e.id)


_BY_DATE = attrgetter("as_of", "id")  # _order, without a Python call per entry


def _target_progress(index: int, target: Target, actual: float | None) -> _Target:
    pct = target_pct(target, actual) if actual is not None else None
    over = (
        actual is not None
        and target.op in _AMOUNT_OPS
        and target.value > 0
        and actual > FAR_ABOVE * target.value
    )
    return _Target(index, target, actual, pct, over)


def _progress(targets: list[_Target], percent: float | None, status: Status | None) -> float | None:
    """From targets (the worst counts), else the reported percent, else the status."""
    reported = [t.pct for t in targets if t.pct is not None]
    if reported:
        return min(reported)
    if percent is not None:
        return percent
    if status == Status.done:
        return 100.0
    if status == Status.not_started:
        return 0.0
    return None


def _amounts_only(targets: list[_Target]) -> bool:
    """A kept `<=` limit does not finish a task; only amounts reached (or a percent) do."""
    return all(t.target.op in _AMOUNT_OPS for t in targets if t.pct is not None)


def _cap_broken(targets: list[_Target]) -> bool:
    """A `<=` limit (不超过800人, 控制在3%以内) the reported value is above."""
    return any(t.target.op == Op.le and t.actual is not None and t.actual > t.target.value for t in targets)


def _gap(targets: list[_Target], progress: float | None, expected: float) -> float | None:
    """Points behind: amounts against 序时进度, `<=` limits against 100 (a limit holds all year)."""
    gaps = [(100.0 if t.target.op == Op.le else expected) - t.pct for t in targets if t.pct is not None]
    if gaps:
        return max(gaps)
    return None if progress is None else expected - progress


def _light(
    done: bool,
    reported: bool,
    overdue: bool,
    status: Status | None,
    gap: float | None,
    settings: StatusSettings,
) -> Light:
    if done:
        return Light.done
    if not reported:
        return Light.not_reported
    if overdue:
        return Light.serious
    if status == Status.not_started:
        return Light.not_started
    if gap is None:
        return Light.behind if status == Status.suspended else Light.on_track
    if gap <= settings.tolerance:
        return Light.on_track
    return Light.behind if gap <= settings.serious else Light.serious
