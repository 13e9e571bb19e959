"""Status of every task at a date: the rows status, show, history and the report all read.

The rule for several agencies is in tracking/rule.py, the judgement of one series of reports in
tracking/judge.py; docs/tracking.md states both for users.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING, Protocol, TypeVar

from plantrack.kinds import Role
from plantrack.periods import Quarter, plan_year
from plantrack.tracking.agencies import AgencyIndex, agency_index, tracked_agencies
from plantrack.tracking.kinds import Light
from plantrack.tracking.records import TaskStatus
from plantrack.tracking.rule import (
    Period,
    Reports,
    TaskJudged,
    agency_row,
    counting_keys,
    judge_task,
    task_agencies,
    task_row,
    view_row,
)

if TYPE_CHECKING:
    from plantrack.records import ItemRecord as Item
    from plantrack.records import PlanRecord as Plan
    from plantrack.records import Thresholds as StatusSettings
    from plantrack.tracking.records import EntryRecord as Entry

_ROLE_RANK = {Role.lead: 0, Role.responsible: 1, Role.support: 2}


_E = TypeVar("_E", bound="_Linked")


class _Linked(Protocol):
    @property
    def id(self) -> int: ...
    @property
    def corrects(self) -> int | None: ...
    @property
    def undoes(self) -> int | None: ...


class PlanReports(Protocol):
    """A plan's effective reports up to one date, task by task (the store's index): what
    compute_status takes instead of a list of entries."""

    def of_task(self, task: str, key: Callable[[str], str]) -> Reports: ...


def effective_entries(entries: Sequence[_E]) -> list[_E]:
    """Entries that still count: undone entries, undo entries and corrected entries removed.

    An undo withdraws one entry (undoing a correction brings back what it corrected; undoing an undo
    restores its entry). A correction replaces the entry it names. Order: by id.
    """
    ids = {e.id for e in entries}
    if all(e.undoes is None and e.corrects not in ids for e in entries):  # no undo, nothing corrected
        return sorted(entries, key=_entry_id)  # here: all count (what status_entries hands over)
    keep = effective_ids([(e.id, e.corrects, e.undoes) for e in entries])
    return sorted((e for e in entries if e.id in keep), key=_entry_id)


def _entry_id(e: _Linked) -> int:
    return e.id


def effective_ids(links: list[tuple[int, int | None, int | None]]) -> set[int]:
    """The ids that count, from (id, corrects, undoes) triples (see effective_entries)."""
    kept = standing(links)
    corrected = {c for c in kept.values() if c is not None}
    return {i for i in kept if i not in corrected}


def standing(links: list[tuple[int, int | None, int | None]]) -> dict[int, int | None]:
    """The entries (not undo entries) that no undo withdraws, each with the id it corrects: a
    correction that stands replaces what it corrects, even when it is itself corrected later."""
    ordered = sorted(links)
    undoers: dict[int, list[int]] = {}
    for entry_id, _, undoes in ordered:
        if undoes is not None:
            undoers.setdefault(undoes, []).append(entry_id)
    active: dict[int, bool] = {}
    for entry_id, _, _ in reversed(ordered):  # an undo always names an earlier entry
        active[entry_id] = not any(active.get(u, False) for u in undoers.get(entry_id, []))
    return {i: c for i, c, u in ordered if active[i] and u is None}


def agency_role(task: Item, key: str, index: AgencyIndex) -> Role | None:
    """The strongest role the agency with this key has on the task; None if not named."""
    found = task_agencies(task, index.key).get(key)
    return found[1] if found else None


def compute_status(
    plan: Plan,
    entries: Sequence[Entry] | PlanReports,
    as_of: date,
    settings: StatusSettings,
    agency: str | None = None,
    role: Role | None = None,
    period_start: date | None = None,
    aliases: Mapping[str, str] | None = None,
    only: Collection[str] | None = None,
) -> list[TaskStatus]:
    """One row per trackable task (named on by `agency`, with `role`, when given; of the tasks whose
    ids are in `only`, when given), in plan order.

    Every row follows tracking/rule.py. For one agency, a task it leads or is responsible for shows
    that agency's own row (its own reports); a task it supports shows the task's row. `agency` is any
    name of the agency (matched by key, see tracking/agencies.py; not matched against collectives
    such as 各成员单位); `period_start` starts the reporting quarter for 未报送 (default: the quarter
    containing as_of); `aliases` are the workspace's extra abbreviations. `entries` are all the
    plan's entries, or the store's index of them at as_of (store.status_reports).
    """
    index = agency_index(plan.tasks, aliases)
    key = index.key(agency) if agency else None
    period = Period(as_of, period_start or Quarter.containing(as_of).start, plan_year(plan, as_of))
    reports = _reports_of(entries, as_of, index.key)
    rows = []
    for task in plan.trackable():
        if only is not None and task.id not in only:
            continue
        own_role = agency_role(task, key, index) if key else None
        if key and own_role is None:
            continue
        if role and not _has_role(task, role, own_role, key):
            continue
        own = key if own_role in (Role.lead, Role.responsible) else None
        row = view_row(plan.id, task, reports(task.id), period, settings, index.key, own)
        row.role = own_role
        rows.append(row)
    return rows


def _reports_of(
    entries: Sequence[Entry] | PlanReports, as_of: date, key: Callable[[str], str]
) -> Callable[[str], Sequence[Entry] | Reports]:
    """Task id -> its effective reports up to as_of."""
    if not isinstance(entries, Sequence):
        index = entries
        return lambda task: index.of_task(task, key)
    by_task: dict[str, list[Entry]] = {}
    for e in effective_entries(entries):
        if e.as_of <= as_of:
            by_task.setdefault(e.task, []).append(e)
    empty: list[Entry] = []
    return lambda task: by_task.get(task, empty)


def _has_role(task: Item, role: Role, own_role: Role | None, key: str | None) -> bool:
    return own_role == role if key else any(a.role == role for a in tracked_agencies(task))


def headline_status(
    plan: Plan,
    entries: Sequence[Entry],
    as_of: date,
    settings: StatusSettings,
    period_start: date | None = None,
) -> list[TaskStatus]:
    """The headline items (一、总体目标 with targets), judged on everybody's reports: they are the
    plan's, not one agency's."""
    from plantrack.tracking.judge import task_status

    start = period_start or Quarter.containing(as_of).start
    year = plan_year(plan, as_of)
    effective = [e for e in effective_entries(entries) if e.as_of <= as_of]
    return [
        task_status(plan.id, item, [e for e in effective if e.task == item.id], as_of, start, year, settings)
        for item in plan.headline()
    ]


class StatusViews:
    """Every task's row and every agency's view of a plan at one date, each task judged once
    (rule.py keeps the judgement; an agency's view builds its rows from it).

    `rows` equals compute_status(plan, ...) and `for_agency(name)` equals compute_status(plan, ...,
    agency=name): what the ledger's 任务台账 and its per-agency sheets show, without judging a task
    again for each agency named on it.
    """

    def __init__(
        self,
        plan: Plan,
        entries: Sequence[Entry],
        as_of: date,
        settings: StatusSettings,
        period_start: date | None = None,
        aliases: Mapping[str, str] | None = None,
    ) -> None:
        self.plan, self.settings = plan, settings
        self.index = agency_index(plan.tasks, aliases)
        period = Period(as_of, period_start or Quarter.containing(as_of).start, plan_year(plan, as_of))
        by_task: dict[str, list[Entry]] = {}
        for e in effective_entries(entries):
            if e.as_of <= as_of:
                by_task.setdefault(e.task, []).append(e)
        self.rows: list[TaskStatus] = []
        self.named: list[dict[str, tuple[str, Role]]] = []
        self._period = period
        self._entries = by_task
        self._judged: dict[str, TaskJudged] = {}
        self._counting: dict[str, frozenset[str]] = {}  # task id -> keys whose reports count
        self.tasks_of: dict[str, list[tuple[int, Role]]] = {}  # agency key -> (row index, role)
        for task in plan.trackable():
            judged = judge_task(task, by_task.get(task.id, []), period, settings, self.index.key)
            self._judged[task.id] = judged  # each agency's own row comes from the same judgement
            row = task_row(plan.id, task, judged)
            named = task_agencies(task, self.index.key)
            for k, (_, role) in named.items():
                self.tasks_of.setdefault(k, []).append((len(self.rows), role))
            self.rows.append(row)
            self.named.append(named)
            self._counting[task.id] = frozenset(counting_keys(named))

    def counts_on(self, task: str, agency: str) -> bool:
        """Whether the agency's reports on the task count for its status (store.status_entries'
        `keep`: only these entries decide who owes a report)."""
        return self.index.key(agency) in self._counting.get(task, ())

    def owing_at(self, entries: Sequence[Entry], as_of: date, period_start: date) -> dict[str, int]:
        """Agency key -> on how many tasks it owes a report for the period ending at as_of: the
        count the rows of compute_status give at that date (TaskStatus.owing, rule.py's `owes`),
        judging only the agencies that count and did not report in the period. `entries` need only
        be the counting agencies' (counts_on)."""
        return self.owing_in(entries, [(as_of, period_start)])[0]

    def owing_in(
        self, entries: Sequence[Entry], periods: Sequence[tuple[date, date]]
    ) -> list[dict[str, int]]:
        """owing_at for each (as_of, period_start) of `periods`, the entries read and grouped once."""
        key = self.index.key
        by_task: dict[str, dict[str, list[Entry]]] = {}
        for e in effective_entries(entries):
            by_task.setdefault(e.task, {}).setdefault(key(e.agency), []).append(e)
        return [self._owing(by_task, as_of, period_start) for as_of, period_start in periods]

    def _owing(
        self, by_task: dict[str, dict[str, list[Entry]]], as_of: date, period_start: date
    ) -> dict[str, int]:
        from plantrack.tracking.judge import expected_pct, judge

        year = plan_year(self.plan, as_of)
        owed: dict[str, int] = {}
        nothing: dict[str, list[Entry]] = {}
        for row in self.rows:
            task = row.task
            mine = by_task.get(task.id, nothing)
            for k in self._counting[task.id]:
                series = [e for e in mine.get(k, ()) if e.as_of <= as_of]
                if any(period_start <= e.as_of for e in series):
                    continue
                expected = expected_pct(task, year, as_of, self.settings.expected)
                judged = judge(task, series, as_of, period_start, expected, self.settings)  # task_status's
                if judged.light != Light.done:
                    owed[k] = owed.get(k, 0) + 1
        return owed

    def owing_now(self) -> dict[str, int]:
        """Agency key -> on how many tasks it owes a report for the date's period: what
        report.build.silent_agencies counts over `rows`, without judging the agencies that do not
        count (rule.TaskJudged.owing)."""
        owed: dict[str, int] = {}
        for row in self.rows:
            for k in self._judged[row.task.id].owing():
                owed[k] = owed.get(k, 0) + 1
        return owed

    def agencies(self) -> list[str]:
        """The agencies named, most tasks first (then most led, then by name), as agency_summary."""

        def order(k: str) -> tuple[int, int, str]:
            found = self.tasks_of[k]
            return (-len(found), -sum(r == Role.lead for _, r in found), self.index.display(k))

        return [self.index.display(k) for k in sorted(self.tasks_of, key=order)]

    def for_agency(self, agency: str) -> list[TaskStatus]:
        """The agency's rows (compute_status's rule): its own row on tasks it leads or is responsible
        for, the task's row on tasks it supports; the role set on each."""
        key = self.index.key(agency)
        out = []
        for i, role in self.tasks_of.get(key, []):
            if role in (Role.lead, Role.responsible):  # its own row, from the task's judgement
                task = self.rows[i].task
                own = agency_row(self.plan.id, task, self._judged[task.id], key, self.index.key)
                assert own is not None  # the agency is named on the task
                row = own
            else:
                row = self.rows[i].copy()
            row.role = role
            out.append(row)
        return out
