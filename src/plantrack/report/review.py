"""Notes for the person checking a report before it is sent: never part of the document's body.

Corrections, reports from agencies not named on their task (recorded with --any-agency), plans left
out, a missing 落款. The CLI prints them on stderr; a template may show `report.review`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Protocol

from plantrack.records import PlanRecord as Plan
from plantrack.report import numbers as fmt
from plantrack.tracking.agencies import agency_index, tracked_agencies
from plantrack.tracking.records import EntryRecord as Entry
from plantrack.tracking.records import TaskStatus
from plantrack.tracking.status import effective_entries


class _Input(Protocol):
    @property
    def plan(self) -> Plan: ...
    @property
    def entries(self) -> Iterable[Entry]: ...


def notes(inputs: Sequence[_Input], start: date, end: date, aliases: Mapping[str, str] | None) -> list[str]:
    """Corrections and foreign agencies among the entries that count in [start, end]."""
    out: list[str] = []
    for item in inputs:
        plan = item.plan
        tasks = {t.id: t for t in plan.tasks}
        index = agency_index(plan.tasks, aliases)
        named: dict[str, set[str]] = {}  # task id -> the keys of the agencies it names
        for e in effective_entries(list(item.entries)):
            if not start <= e.as_of <= end or e.task not in tasks:
                continue
            task = tasks[e.task]
            where = f"{plan.id} 任务 {task.number or task.id}“{task.title}”"
            if e.corrects is not None:
                out.append(f"{where}：采用的是更正后的记录 #{e.id}（更正 #{e.corrects}，{e.agency}）。")
            keys = named.get(task.id)
            if keys is None:
                keys = named[task.id] = {index.key(a.name) for a in tracked_agencies(task)}
            if index.key(e.agency) not in keys:
                out.append(
                    f"{where}：{e.agency}不是该任务列出的单位（#{e.id}，用 --any-agency 记录），其报送已列入正文。"
                )
    return out


def over_notes(plan: Plan, statuses: Sequence[TaskStatus]) -> list[str]:
    """超额: a value far above its target is reported as 超额完成; the reviewer checks the figure."""
    out = []
    for st in statuses:
        for tp in st.targets:
            if tp.over and tp.actual is not None:
                t = tp.target
                out.append(
                    f"{plan.id} 任务 {st.task.number or st.task.id}“{st.task.title}”：{t.metric or '目标'}报送"
                    f"{fmt.amount(tp.actual, t.unit)}，为目标{fmt.amount(t.value, t.unit)}的{fmt.pct(tp.pct)}，"
                    "报告中写作超额完成，请核实。"
                )
    return out


def front_notes(office: str) -> list[str]:
    if office:
        return []
    return [
        "报告末尾没有落款单位：通知的发文机关不是办公室，无法推断。请在 plantrack.toml 的 [report] 中设置 office。"
    ]
