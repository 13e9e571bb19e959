"""The one rule for a task with several agencies (docs/tracking.md, "Several agencies on a task").

- Each lead or responsible agency's own latest reports count for its own part (its share).
- The task's progress is its lead's (the lowest lead's, if several); without a lead, the lowest of
  its responsible agencies'; with neither, the lowest of the agencies named.
- Support agencies' reports, and reports from agencies not named on the task, are shown but do not
  set the status.
- 未报送: an agency that counts owes a report for this period; the task is 未报送 when every agency
  that counts owes one. The task is 已完成 only when every agency that counts has finished.
- A task that names no single agency (only 各成员单位, or nothing) is judged on everybody's reports.

status, show, history, the report and the one-agency views all take their rows from here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from plantrack.config import StatusSettings
from plantrack.models import Item, Role
from plantrack.tracking.agencies import AgencyIndex, is_collective, tracked_agencies
from plantrack.tracking.judge import Judged, expected_pct, judge, status_row
from plantrack.tracking.models import AgencyShare, Entry, Light, TaskStatus

_ROLE_RANK = {Role.lead: 0, Role.responsible: 1, Role.support: 2}


@dataclass(frozen=True)
class Period:
    """The date judged and the reporting period it closes."""

    as_of: date
    start: date
    year: int


def task_agencies(task: Item, key: Callable[[str], str]) -> dict[str, tuple[str, Role]]:
    """Agency key -> (name on the task, strongest role); collectives left out. A task that names
    none takes the agencies inherited from its plan (extract/inherit.py). Read once per task
    (when `key` is an AgencyIndex's): the result is shared, never change it."""
    owner = getattr(key, "__self__", None)
    memo_key = (id(task), owner.extra) if isinstance(owner, AgencyIndex) else None
    if memo_key is not None:
        hit = _NAMED.get(memo_key)
        if hit is not None and hit[0] is task:
            return hit[1]
    out: dict[str, tuple[str, Role]] = {}
    for a in tracked_agencies(task):
        if is_collective(a.name):
            continue
        k = key(a.name)
        if k not in out or _ROLE_RANK[a.role] < _ROLE_RANK[out[k][1]]:
            out[k] = (a.name, a.role)
    if memo_key is not None:
        if len(_NAMED) >= _MEMO_SIZE:
            _NAMED.clear()
        _NAMED[memo_key] = (task, out)  # the task is kept, so its id is not reused while cached
    return out


# (task, the workspace's abbreviations) -> the task's agencies by key: every view reads them again.
_NAMED: dict[tuple[int, tuple[tuple[str, str], ...]], tuple[Item, dict[str, tuple[str, Role]]]] = {}


def counting_keys(named: dict[str, tuple[str, Role]]) -> list[str]:
    """The agencies whose reports set the status: the leads, else the responsible, else all named."""
    for role in (Role.lead, Role.responsible):
        keys = [k for k, (_, r) in named.items() if r == role]
        if keys:
            return keys
    return list(named)


def agency_rows(
    plan_id: str,
    task: Item,
    entries: list[Entry],
    period: Period,
    settings: StatusSettings,
    key: Callable[[str], str],
) -> dict[str, TaskStatus]:
    """Each agency's own row for the task (named agencies first, in task order; then the others
    that reported), from its own effective entries."""
    named = task_agencies(task, key)
    judged = _judge_agencies(task, _by_agency(entries, key), period, settings, named)
    return {k: status_row(plan_id, task, j, named[k][1] if k in named else None) for k, j in judged.items()}


def task_progress(
    plan_id: str,
    task: Item,
    entries: list[Entry],
    period: Period,
    settings: StatusSettings,
    key: Callable[[str], str],
    agency: str | None = None,
) -> tuple[TaskStatus, TaskStatus | None]:
    """The task's row by the rule, and the row of `agency` (a key named on the task) when asked: its
    own reports judged alone. Every agency is judged; only these rows are built."""
    judged = judge_task(task, entries, period, settings, key)
    own = agency_row(plan_id, task, judged, agency, key) if agency is not None else None
    return task_row(plan_id, task, judged), own


def task_row(plan_id: str, task: Item, judged: TaskJudged) -> TaskStatus:
    """The task's row (a new one each time: views set their own role on it)."""
    row = status_row(plan_id, task, judged.task)
    row.shares = list(judged.shares)
    return row


def agency_row(
    plan_id: str, task: Item, judged: TaskJudged, agency: str, key: Callable[[str], str]
) -> TaskStatus | None:
    """The row of one agency (by key) from its own reports; None when it is not on the task and
    did not report on it."""
    if agency not in judged.agencies:
        return None
    named = task_agencies(task, key)
    return status_row(plan_id, task, judged.agencies[agency], named[agency][1] if agency in named else None)


@dataclass(frozen=True, slots=True)
class TaskJudged:
    """A task judged by the rule: each agency's own series, the task's, and the agencies' shares."""

    agencies: dict[str, Judged]
    task: Judged
    shares: tuple[AgencyShare, ...]


# (task, agency table, period, settings, entries) -> judgement: views that judge the same task on the
# same reports (export's sheet per agency, the report's views) judge it once. Objects are keyed by id
# and kept in the value, so an id cannot be reused while its judgement is cached.
_MEMO: dict[tuple[object, ...], tuple[Item, StatusSettings, list[Entry], TaskJudged]] = {}
_MEMO_SIZE = 20_000


def judge_task(
    task: Item, entries: list[Entry], period: Period, settings: StatusSettings, key: Callable[[str], str]
) -> TaskJudged:
    """The task judged by the rule (memoised: the same task on the same reports is judged once)."""
    owner = getattr(key, "__self__", None)
    memo_key: tuple[object, ...] | None = None
    if isinstance(owner, AgencyIndex):
        memo_key = (id(task), owner.extra, period, id(settings), *map(id, entries))
        hit = _MEMO.get(memo_key)
        if hit is not None and hit[0] is task and hit[1] is settings:
            return hit[3]
    judged = _judge_task(task, entries, period, settings, key)
    if memo_key is not None:
        if len(_MEMO) >= _MEMO_SIZE:
            _MEMO.clear()
        _MEMO[memo_key] = (task, settings, list(entries), judged)
    return judged


def _judge_task(
    task: Item, entries: list[Entry], period: Period, settings: StatusSettings, key: Callable[[str], str]
) -> TaskJudged:
    named = task_agencies(task, key)  # read once: the task's agencies set both the rows and the rule
    series = _by_agency(entries, key)
    judged = _judge_agencies(task, series, period, settings, named)
    counting = counting_keys(named)
    expected = _expected(task, period, settings)
    if not counting:  # nobody named: everybody's reports make one series
        whole = judge(task, entries, period.as_of, period.start, expected, settings)
        shares = [_share(k, named, j, True, owes=False) for k, j in judged.items()]
        return TaskJudged(judged, whole, tuple(shares))
    shares = [_share(k, named, j, k in counting) for k, j in judged.items()]
    shares.sort(key=lambda s: not s.counts)
    deciding = _deciding(counting, judged)
    reported = any(judged[k].reported for k in counting)
    done = all(judged[k].light == Light.done for k in counting)
    mine = series.get(deciding, [])
    whole = judge(task, mine, period.as_of, period.start, expected, settings, reported, done)
    return TaskJudged(judged, whole, tuple(shares))


def _by_agency(entries: list[Entry], key: Callable[[str], str]) -> dict[str, list[Entry]]:
    by_agency: dict[str, list[Entry]] = {}
    for e in entries:
        by_agency.setdefault(key(e.agency), []).append(e)
    return by_agency


def _judge_agencies(
    task: Item,
    series: dict[str, list[Entry]],
    period: Period,
    settings: StatusSettings,
    named: dict[str, tuple[str, Role]],
) -> dict[str, Judged]:
    """Each agency's own series judged: named agencies first, in task order, then the others that
    reported. Agencies without a report this far are judged once (their judgement is the same)."""
    expected = _expected(task, period, settings)
    silent: Judged | None = None
    out: dict[str, Judged] = {}
    for k in [*named, *(k for k in series if k not in named)]:
        mine = series.get(k)
        if mine:
            out[k] = judge(task, mine, period.as_of, period.start, expected, settings)
        else:
            if silent is None:
                silent = judge(task, [], period.as_of, period.start, expected, settings)
            out[k] = silent
    return out


def _expected(task: Item, period: Period, settings: StatusSettings) -> float:
    return expected_pct(task, period.year, period.as_of, settings.expected)


def _deciding(counting: list[str], judged: dict[str, Judged]) -> str:
    """The agency whose figures are the task's: the lowest progress among those that count; with no
    figure anywhere, the latest to report (else the first named)."""
    known = [k for k in counting if judged[k].progress is not None]
    if known:
        return min(known, key=lambda k: judged[k].progress or 0.0)
    reported = [k for k in counting if judged[k].last is not None]
    if reported:
        return max(reported, key=lambda k: _order(judged[k].last))
    return counting[0]


def _order(entry: Entry | None) -> tuple[date, int]:
    return (entry.as_of, entry.id) if entry else (date.min, 0)


def _share(
    k: str, named: dict[str, tuple[str, Role]], j: Judged, counts: bool, owes: bool | None = None
) -> AgencyShare:
    found: tuple[str, Role | None] = named.get(k, (j.last.agency if j.last else k, None))
    name, role = found
    if owes is None:
        owes = counts and not j.reported and j.light != Light.done
    return AgencyShare(
        agency=name, role=role, counts=counts, light=j.light, progress_pct=j.progress,
        reported_in_period=j.reported, owes=owes, last=j.last,
    )  # fmt: skip
