"""Status rules: 序时进度, actual progress and the status light of every task at a date.

Pure functions over a plan and its journal entries; docs/tracking.md states the rules for users.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import TypeVar

from plantrack.config import StatusSettings
from plantrack.models import Item, Op, Plan, Role, Target
from plantrack.periods import Quarter, elapsed_share, plan_year
from plantrack.tracking.agencies import AgencyIndex, agency_index
from plantrack.tracking.models import Entry, Light, Status, TargetProgress, TaskStatus

_T = TypeVar("_T")
_ROLE_RANK = {Role.lead: 0, Role.responsible: 1, Role.support: 2}
_AMOUNT_OPS = (Op.eq, Op.ge, Op.gt, Op.approx)


def effective_entries(entries: list[Entry]) -> list[Entry]:
    """Entries that still count: undone entries, undo entries and corrected entries removed.

    An undo withdraws one entry (undoing a correction brings back what it corrected; undoing an undo
    restores its entry). A correction replaces the entry it names. Order: by id.
    """
    keep = effective_ids([(e.id, e.corrects, e.undoes) for e in entries])
    return sorted((e for e in entries if e.id in keep), key=lambda e: e.id)


def effective_ids(links: list[tuple[int, int | None, int | None]]) -> set[int]:
    """The ids that count, from (id, corrects, undoes) triples (see effective_entries)."""
    ordered = sorted(links)
    undoers: dict[int, list[int]] = {}
    for entry_id, _, undoes in ordered:
        if undoes is not None:
            undoers.setdefault(undoes, []).append(entry_id)
    active: dict[int, bool] = {}
    for entry_id, _, _ in reversed(ordered):  # an undo always names an earlier entry
        active[entry_id] = not any(active.get(u, False) for u in undoers.get(entry_id, []))
    kept = {i: c for i, c, u in ordered if active[i] and u is None}
    corrected = {c for c in kept.values() if c is not None}
    return {i for i in kept if i not in corrected}


def task_deadline(task: Item) -> date | None:
    """The task's own end date (the last of its deadlines); None for ongoing tasks or none given."""
    return max(task.deadlines) if task.deadlines and not task.ongoing else None


def expected_pct(task: Item, year: int, as_of: date) -> float:
    """序时进度: share of the plan year elapsed, up to the task's own deadline when it has one."""
    start = date(year, 1, 1)
    end = task_deadline(task) or date(year, 12, 31)
    return round(elapsed_share(start, end, as_of) * 100, 1)


def target_pct(target: Target, actual: float) -> float:
    """Progress towards one target. `<=` limits count 100 while kept, else the share of the limit."""
    if target.op == Op.le:
        if actual <= target.value:
            return 100.0
        return round(target.value / actual * 100, 1) if actual > 0 else 0.0
    if target.value == 0:
        return 100.0 if actual >= 0 else 0.0
    return round(actual / target.value * 100, 1)


def agency_role(task: Item, key: str, index: AgencyIndex) -> Role | None:
    """The strongest role the agency with this key has on the task; None if not named."""
    roles = [a.role for a in task.agencies if index.key(a.name) == key]
    return min(roles, key=lambda r: _ROLE_RANK[r]) if roles else None


def compute_status(
    plan: Plan,
    entries: list[Entry],
    as_of: date,
    settings: StatusSettings,
    agency: str | None = None,
    role: Role | None = None,
    period_start: date | None = None,
    aliases: Mapping[str, str] | None = None,
) -> list[TaskStatus]:
    """One row per trackable task (named on by `agency`, with `role`, when given), in plan order.

    `agency` is any name of the agency (matched by key, see tracking/agencies.py; not matched against
    collectives such as 各成员单位); `period_start` starts the reporting quarter for 未报送 (default:
    the quarter containing as_of); `aliases` are the workspace's extra abbreviations.
    """
    index = agency_index(plan.tasks, aliases)
    key = index.key(agency) if agency else None
    start = period_start or Quarter.containing(as_of).start
    year = plan_year(plan, as_of)
    by_task: dict[str, list[Entry]] = {}
    for e in effective_entries(entries):
        if e.as_of <= as_of:
            by_task.setdefault(e.task, []).append(e)
    rows = []
    for task in plan.trackable():
        own_role = agency_role(task, key, index) if key else None
        if key and own_role is None:
            continue
        if role and not _has_role(task, role, own_role, key):
            continue
        mine = by_task.get(task.id, [])
        if key and own_role in (Role.lead, Role.responsible):
            mine = [e for e in mine if index.key(e.agency) == key]
        rows.append(task_status(plan.id, task, mine, as_of, start, year, settings, own_role))
    return rows


def _has_role(task: Item, role: Role, own_role: Role | None, key: str | None) -> bool:
    return own_role == role if key else any(a.role == role for a in task.agencies)


def task_status(
    plan_id: str,
    task: Item,
    entries: list[Entry],
    as_of: date,
    period_start: date,
    year: int,
    settings: StatusSettings,
    role: Role | None = None,
) -> TaskStatus:
    """The status of one task from its effective entries up to as_of."""
    entries = sorted(entries, key=lambda e: (e.as_of, e.id))
    last = entries[-1] if entries else None
    status = _latest(entries, lambda e: e.status)
    percent = _latest(entries, lambda e: e.percent)
    targets = [_target_progress(i, t, entries) for i, t in enumerate(task.targets)]
    progress = _progress(targets, percent, status)
    deadline = task_deadline(task)
    expected = expected_pct(task, year, as_of)
    reported = any(period_start <= e.as_of <= as_of for e in entries)
    done = status == Status.done or (progress is not None and progress >= 100 and _amounts_only(targets))
    overdue = deadline is not None and as_of > deadline and not done
    light = _light(done, reported, overdue, status, _gap(targets, progress, expected), settings)
    return TaskStatus(
        plan_id=plan_id, task=task, role=role, light=light, status=status, progress_pct=progress,
        expected_pct=expected, targets=targets, last=last, reported_in_period=reported,
        deadline=deadline, overdue=overdue, percent=percent,
    )  # fmt: skip


def _latest(entries: list[Entry], get: Callable[[Entry], _T | None]) -> _T | None:
    """The value from the latest entry that carries one."""
    for e in reversed(entries):
        value = get(e)
        if value is not None:
            return value
    return None


def _target_progress(index: int, target: Target, entries: list[Entry]) -> TargetProgress:
    actual = _latest(entries, lambda e: e.actuals.get(str(index)))
    pct = target_pct(target, actual) if actual is not None else None
    return TargetProgress(index=index, target=target, actual=actual, pct=pct)


def _progress(targets: list[TargetProgress], percent: float | None, status: Status | None) -> float | None:
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


def _amounts_only(targets: list[TargetProgress]) -> bool:
    """A kept `<=` limit does not finish a task; only amounts reached (or a percent) do."""
    return all(t.target.op in _AMOUNT_OPS for t in targets if t.pct is not None)


def _gap(targets: list[TargetProgress], progress: float | None, expected: float) -> float | None:
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
