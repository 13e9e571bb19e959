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
from plantrack.tracking.agencies import is_collective, tracked_agencies
from plantrack.tracking.judge import task_status
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
    none takes the agencies inherited from its plan (extract/inherit.py)."""
    out: dict[str, tuple[str, Role]] = {}
    for a in tracked_agencies(task):
        if is_collective(a.name):
            continue
        k = key(a.name)
        if k not in out or _ROLE_RANK[a.role] < _ROLE_RANK[out[k][1]]:
            out[k] = (a.name, a.role)
    return out


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
    return _agency_rows(plan_id, task, entries, period, settings, key, task_agencies(task, key))


def _agency_rows(
    plan_id: str,
    task: Item,
    entries: list[Entry],
    period: Period,
    settings: StatusSettings,
    key: Callable[[str], str],
    named: dict[str, tuple[str, Role]],
) -> dict[str, TaskStatus]:
    by_agency: dict[str, list[Entry]] = {}
    for e in entries:
        by_agency.setdefault(key(e.agency), []).append(e)
    rows = {}
    for k in [*named, *(k for k in by_agency if k not in named)]:
        role = named[k][1] if k in named else None
        rows[k] = _judge(plan_id, task, by_agency.get(k, []), period, settings, role)
    return rows


def task_progress(
    plan_id: str,
    task: Item,
    entries: list[Entry],
    period: Period,
    settings: StatusSettings,
    key: Callable[[str], str],
) -> tuple[TaskStatus, dict[str, TaskStatus]]:
    """The task's row by the rule, and each agency's own row (by agency key)."""
    named = task_agencies(task, key)  # read once: the task's agencies set both the rows and the rule
    rows = _agency_rows(plan_id, task, entries, period, settings, key, named)
    counting = counting_keys(named)
    shares = [_share(k, named, rows[k], k in counting) for k in rows]
    shares.sort(key=lambda s: not s.counts)
    if not counting:  # nobody named: everybody's reports make one series
        row = _judge(plan_id, task, entries, period, settings, None)
        row.shares = [s.model_copy(update={"counts": True, "owes": False}) for s in shares]
        return row, rows
    deciding = _deciding(counting, rows)
    reported = any(rows[k].reported_in_period for k in counting)
    done = all(rows[k].light == Light.done for k in counting)
    row = _judge(plan_id, task, _entries_of(deciding, entries, key), period, settings, None, reported, done)
    row.shares = shares
    return row, rows


def _judge(
    plan_id: str,
    task: Item,
    entries: list[Entry],
    period: Period,
    settings: StatusSettings,
    role: Role | None,
    reported: bool | None = None,
    done: bool | None = None,
) -> TaskStatus:
    return task_status(
        plan_id, task, entries, period.as_of, period.start, period.year, settings, role, reported, done
    )


def _deciding(counting: list[str], rows: dict[str, TaskStatus]) -> str:
    """The agency whose figures are the task's: the lowest progress among those that count; with no
    figure anywhere, the latest to report (else the first named)."""
    known = [k for k in counting if rows[k].progress_pct is not None]
    if known:
        return min(known, key=lambda k: rows[k].progress_pct or 0.0)
    reported = [k for k in counting if rows[k].last is not None]
    if reported:
        return max(reported, key=lambda k: _order(rows[k].last))
    return counting[0]


def _order(entry: Entry | None) -> tuple[date, int]:
    return (entry.as_of, entry.id) if entry else (date.min, 0)


def _entries_of(agency_key: str, entries: list[Entry], key: Callable[[str], str]) -> list[Entry]:
    return [e for e in entries if key(e.agency) == agency_key]


def _share(k: str, named: dict[str, tuple[str, Role]], row: TaskStatus, counts: bool) -> AgencyShare:
    found: tuple[str, Role | None] = named.get(k, (row.last.agency if row.last else k, None))
    name, role = found
    return AgencyShare(
        agency=name, role=role, counts=counts, light=row.light, progress_pct=row.progress_pct,
        reported_in_period=row.reported_in_period, owes=counts and not row.reported_in_period
        and row.light != Light.done, last=row.last,
    )  # fmt: skip
