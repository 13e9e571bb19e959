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

from collections.abc import Callable, Sequence
from datetime import date
from typing import TYPE_CHECKING, Protocol

from plantrack.kinds import Role
from plantrack.plain import Frozen
from plantrack.tracking.agencies import AgencyIndex, is_collective, tracked_agencies
from plantrack.tracking.judge import Judged, Latest, expected_pct, judge, judge_latest, latest_of, status_row
from plantrack.tracking.kinds import Light
from plantrack.tracking.records import AgencyShare, TaskStatus

if TYPE_CHECKING:
    from plantrack.records import ItemRecord as Item
    from plantrack.records import Thresholds as StatusSettings
    from plantrack.tracking.records import EntryRecord as Entry

_ROLE_RANK = {Role.lead: 0, Role.responsible: 1, Role.support: 2}


class Period(Frozen):
    """The date judged and the reporting period it closes (and the plan year)."""

    __slots__ = ("as_of", "start", "year")
    as_of: date
    start: date
    year: int

    def __init__(self, as_of: date, start: date, year: int) -> None:
        self._set(as_of=as_of, start=start, year=year)


class Reports(Protocol):
    """The effective reports on one task up to the date judged, by agency key, each agency in the
    order of its first report. The store's index reads an agency's reports only when asked for them
    (a table of every task asks for the agencies that count, never for the others)."""

    def reporting(self) -> Sequence[str]: ...
    def of(self, key: str) -> Sequence[Entry]: ...
    def latest(self, key: str, as_of: date, period_start: date) -> Latest: ...


class ListedReports:
    """Reports from a list of entries (grouped once)."""

    __slots__ = ("_by",)

    def __init__(self, entries: Sequence[Entry], key: Callable[[str], str]) -> None:
        by_name: dict[str, list[Entry]] = {}
        for e in entries:
            by_name.setdefault(e.agency, []).append(e)
        by: dict[str, list[Entry]] = {}  # by key, each agency in the order of its first report
        for name, mine in by_name.items():
            found = by.setdefault(key(name), [])
            if found:  # one agency spelt two ways: its reports in their order again
                found.extend(mine)
                found.sort(key=_entry_id)
            else:
                found.extend(mine)
        self._by = by

    def reporting(self) -> Sequence[str]:
        return list(self._by)

    def of(self, key: str) -> Sequence[Entry]:
        return self._by.get(key, ())

    def latest(self, key: str, as_of: date, period_start: date) -> Latest:
        return latest_of(self.of(key), as_of, period_start)


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
        if len(_NAMED) >= _NAMED_SIZE:
            _NAMED.clear()
        _NAMED[memo_key] = (task, out)  # the task is kept, so its id is not reused while cached
    return out


# (task, the workspace's abbreviations) -> the task's agencies by key: every view reads them again.
_NAMED: dict[tuple[int, tuple[tuple[str, str], ...]], tuple[Item, dict[str, tuple[str, Role]]]] = {}
_NAMED_SIZE = 20_000


def counting_keys(named: dict[str, tuple[str, Role]]) -> list[str]:
    """The agencies whose reports set the status: the leads, else the responsible, else all named."""
    for role in (Role.lead, Role.responsible):
        keys = [k for k, (_, r) in named.items() if r == role]
        if keys:
            return keys
    return list(named)


def task_progress(
    plan_id: str,
    task: Item,
    entries: Sequence[Entry] | Reports,
    period: Period,
    settings: StatusSettings,
    key: Callable[[str], str],
    agency: str | None = None,
) -> tuple[TaskStatus, TaskStatus | None]:
    """The task's row by the rule, and the row of `agency` (a key named on the task) when asked: its
    own reports judged alone. Only the agencies these rows need are judged; the shares of the others
    when the row's shares are read."""
    judged = judge_task(task, entries, period, settings, key)
    own = agency_row(plan_id, task, judged, agency, key) if agency is not None else None
    return task_row(plan_id, task, judged), own


def view_row(
    plan_id: str,
    task: Item,
    entries: Sequence[Entry] | Reports,
    period: Period,
    settings: StatusSettings,
    key: Callable[[str], str],
    agency: str | None = None,
) -> TaskStatus:
    """The row a view shows: the agency's own row when it is asked for and on the task (or reported
    on it), else the task's row by the rule. The task's row is not worked out when not shown."""
    judged = judge_task(task, entries, period, settings, key)
    own = agency_row(plan_id, task, judged, agency, key) if agency is not None else None
    return own if own is not None else task_row(plan_id, task, judged)


def task_row(plan_id: str, task: Item, judged: TaskJudged) -> TaskStatus:
    """The task's row (a new one each time: views set their own role on it)."""
    row = status_row(plan_id, task, judged.task)
    row.shares = judged.share_list
    return row


def agency_row(
    plan_id: str, task: Item, judged: TaskJudged, agency: str, key: Callable[[str], str]
) -> TaskStatus | None:
    """The row of one agency (by key) from its own reports, with its own share; None when it is not
    on the task and did not report on it."""
    if agency not in judged.named and agency not in judged.reports.reporting():
        return None
    row = status_row(
        plan_id, task, judged.agency(agency), judged.named[agency][1] if agency in judged.named else None
    )
    row.shares = lambda: [judged.share(agency)]
    return row


class TaskJudged:
    """A task judged by the rule: the task's own judgement (from the agencies that count), and each
    agency's own series and share, judged when first asked for."""

    __slots__ = ("_agencies", "_shares", "_task", "counting", "expected", "named", "period", "reports",
                 "settings", "whole_task")  # fmt: skip

    def __init__(
        self,
        task: Item,
        reports: Reports,
        period: Period,
        settings: StatusSettings,
        named: dict[str, tuple[str, Role]],
    ) -> None:
        self.whole_task, self.reports, self.period, self.settings, self.named = (
            task,
            reports,
            period,
            settings,
            named,
        )
        self.expected = _expected(task, period, settings)
        self._agencies: dict[str, Judged] = {}
        self._shares: tuple[AgencyShare, ...] | None = None
        self.counting = counting_keys(named)
        self._task: Judged | None = None

    @property
    def task(self) -> Judged:
        """The task's own judgement by the rule (from the agencies that count)."""
        if self._task is None:
            self._task = self._judge_whole()
        return self._task

    def agency(self, k: str) -> Judged:
        """The agency's own series judged (agencies without a report this far judge alike)."""
        found = self._agencies.get(k)
        if found is None:
            p = self.period
            latest = self.reports.latest(k, p.as_of, p.start)
            silent = "\x00silent" if latest.key is None else ""
            found = self._agencies.get(silent) if silent else None
            if found is None:
                found = judge_latest(self.whole_task, latest, p.as_of, self.expected, self.settings)
                if silent:
                    self._agencies[silent] = found
            self._agencies[k] = found
        return found

    def keys(self) -> list[str]:
        """Named agencies first, in task order; then the others that reported."""
        return [*self.named, *(k for k in self.reports.reporting() if k not in self.named)]

    @property
    def agencies(self) -> dict[str, Judged]:
        """Every agency's own judgement, in keys() order."""
        return {k: self.agency(k) for k in self.keys()}

    def share(self, k: str) -> AgencyShare:
        if not self.counting:
            return _share(k, self.named, self.agency(k), True, owes=False)
        return _share(k, self.named, self.agency(k), k in self.counting)

    @property
    def shares(self) -> tuple[AgencyShare, ...]:
        """The agencies' shares, those that count first."""
        if self._shares is None:
            found = [self.share(k) for k in self.keys()]
            if self.counting:
                found.sort(key=lambda s: not s.counts)
            self._shares = tuple(found)
        return self._shares

    def share_list(self) -> list[AgencyShare]:
        return list(self.shares)

    def owing(self) -> list[str]:
        """The keys of the agencies owing a report this period: those of the shares that owe (the
        row's `owing`), from the judgements of the agencies that count only."""
        out = []
        for k in self.counting:
            j = self.agency(k)
            if not j.reported and j.light != Light.done:
                out.append(k)
        return out

    def _judge_whole(self) -> Judged:
        p, task = self.period, self.whole_task
        if not self.counting:  # nobody named: everybody's reports make one series
            everyone = [e for k in self.reports.reporting() for e in self.reports.of(k)]
            return judge(task, everyone, p.as_of, p.start, self.expected, self.settings)
        judged = {k: self.agency(k) for k in self.counting}
        deciding = _deciding(self.counting, judged)
        reported = any(j.reported for j in judged.values())
        done = all(j.light == Light.done for j in judged.values())
        latest = self.reports.latest(deciding, p.as_of, p.start)
        return judge_latest(task, latest, p.as_of, self.expected, self.settings, reported, done)


def judge_task(
    task: Item,
    entries: Sequence[Entry] | Reports,
    period: Period,
    settings: StatusSettings,
    key: Callable[[str], str],
) -> TaskJudged:
    """The task judged by the rule, from its entries or from Reports (the store's index, which
    reads an agency's reports when the rule needs them). A view that shows the same task again
    (the ledger's sheet per agency) keeps the judgement (status.StatusViews)."""
    named = task_agencies(task, key)  # read once: the task's agencies set both the rows and the rule
    if not isinstance(entries, Sequence):
        return TaskJudged(task, entries, period, settings, named)
    return TaskJudged(task, ListedReports(entries, key), period, settings, named)


def _expected(task: Item, period: Period, settings: StatusSettings) -> float:
    return expected_pct(task, period.year, period.as_of, settings.expected)


def _deciding(counting: list[str], judged: dict[str, Judged]) -> str:
    """The agency whose figures are the task's: the lowest progress among those that count; with no
    figure anywhere, the latest to report (else the first named)."""
    known = [k for k in counting if judged[k].progress is not None]
    if known:
        return min(known, key=lambda k: judged[k].progress or 0.0)
    reported = [k for k in counting if judged[k].last_key is not None]
    if reported:
        return max(reported, key=lambda k: judged[k].last_key or (date.min, 0))
    return counting[0]


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


def _entry_id(e: Entry) -> int:
    return e.id
