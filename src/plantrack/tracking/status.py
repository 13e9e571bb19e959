"""Status of every task at a date: the rows status, show, history and the report all read.

The rule for several agencies is in tracking/rule.py, the judgement of one series of reports in
tracking/judge.py; docs/tracking.md states both for users.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from plantrack.config import StatusSettings
from plantrack.models import Item, Plan, Role
from plantrack.periods import Quarter, plan_year
from plantrack.tracking.agencies import AgencyIndex, agency_index, tracked_agencies
from plantrack.tracking.models import Entry, TaskStatus
from plantrack.tracking.rule import Period, task_agencies, task_progress

_ROLE_RANK = {Role.lead: 0, Role.responsible: 1, Role.support: 2}


def effective_entries(entries: list[Entry]) -> list[Entry]:
    """Entries that still count: undone entries, undo entries and corrected entries removed.

    An undo withdraws one entry (undoing a correction brings back what it corrected; undoing an undo
    restores its entry). A correction replaces the entry it names. Order: by id.
    """
    ids = {e.id for e in entries}
    if all(e.undoes is None and e.corrects not in ids for e in entries):  # no undo, nothing corrected
        return sorted(entries, key=_entry_id)  # here: all count (what status_entries hands over)
    keep = effective_ids([(e.id, e.corrects, e.undoes) for e in entries])
    return sorted((e for e in entries if e.id in keep), key=_entry_id)


def _entry_id(e: Entry) -> int:
    return e.id


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


def agency_role(task: Item, key: str, index: AgencyIndex) -> Role | None:
    """The strongest role the agency with this key has on the task; None if not named."""
    found = task_agencies(task, index.key).get(key)
    return found[1] if found else None


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

    Every row follows tracking/rule.py. For one agency, a task it leads or is responsible for shows
    that agency's own row (its own reports); a task it supports shows the task's row. `agency` is any
    name of the agency (matched by key, see tracking/agencies.py; not matched against collectives
    such as 各成员单位); `period_start` starts the reporting quarter for 未报送 (default: the quarter
    containing as_of); `aliases` are the workspace's extra abbreviations.
    """
    index = agency_index(plan.tasks, aliases)
    key = index.key(agency) if agency else None
    period = Period(as_of, period_start or Quarter.containing(as_of).start, plan_year(plan, as_of))
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
        own = key if own_role in (Role.lead, Role.responsible) else None
        row, mine = task_progress(plan.id, task, by_task.get(task.id, []), period, settings, index.key, own)
        if mine is not None:
            mine.shares = [s for s in row.shares if index.key(s.agency) == key]
            row = mine
        row.role = own_role
        rows.append(row)
    return rows


def _has_role(task: Item, role: Role, own_role: Role | None, key: str | None) -> bool:
    return own_role == role if key else any(a.role == role for a in tracked_agencies(task))


def headline_status(
    plan: Plan,
    entries: list[Entry],
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
