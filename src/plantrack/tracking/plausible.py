"""What `record` checks before writing: values against their targets, dates against the plan.

A value that cannot be right is refused (a negative amount, 已完成 at 10%); one that is possible but
unlikely (230 times the target, a date outside the plan's year) needs confirmation (`--yes`).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from plantrack.display import number as fmt_number
from plantrack.errors import UsageError
from plantrack.kinds import Op
from plantrack.periods import plan_year
from plantrack.records import ItemRecord as Item
from plantrack.records import PlanRecord as Plan
from plantrack.tracking.judge import FAR_ABOVE
from plantrack.tracking.kinds import Status


class NeedsConfirmation(UsageError):
    """A value or date that may be right but probably is not: `--yes` records it anyway."""


def refuse_impossible(
    task: Item, status: Status | None, percent: float | None, actuals: Mapping[str, float]
) -> None:
    """Refuse what cannot be true: negative amounts, 已完成 with a percent under 100."""
    for key, value in actuals.items():
        if value < 0:
            target = task.targets[int(key)]
            raise UsageError(
                f"目标 [{key}] {target.metric or target.text} 的实际值 {fmt_number(value)}{target.unit} 是负数。",
                hint="实际值是截至该日的累计数，不能为负；请核对后重新填写。",
            )
    if status == Status.done and percent is not None and percent < 100:
        raise UsageError(
            f"状态为已完成，但完成百分比只有 {fmt_number(percent)}%。",
            hint="已完成的任务请写 --percent 100 或不写 --percent；尚未完成请改用 --status 推进中。",
        )


def doubts(plan: Plan, task: Item, as_of: date, actuals: Mapping[str, float]) -> list[str]:
    """Why the entry needs confirmation (empty when it looks right)."""
    found = [_far_above(task, int(k), v) for k, v in actuals.items()]
    found.append(_date_doubt(plan, as_of))
    return [d for d in found if d]


def _far_above(task: Item, index: int, value: float) -> str:
    target = task.targets[index]
    name = target.metric or target.text or f"目标 [{index}]"
    if target.unit in ("%", "个百分点") and target.op != Op.le and value > 100:
        return f"{name} 的实际值 {fmt_number(value)}% 超过 100%"
    if target.value > 0 and value > FAR_ABOVE * target.value:
        times = value / target.value
        return (
            f"{name} 的实际值 {fmt_number(value)}{target.unit} 是目标 {fmt_number(target.value)}{target.unit} 的 "
            f"{fmt_number(round(times, 1))} 倍"
        )
    return ""


def _date_doubt(plan: Plan, as_of: date) -> str:
    year = plan_year(plan, as_of)
    if as_of < date(year, 1, 1):
        return f"日期 {as_of.isoformat()} 早于计划年度（{year}年）"
    if plan.issued_on and as_of < plan.issued_on:
        return f"日期 {as_of.isoformat()} 早于计划印发日期 {plan.issued_on.isoformat()}"
    if as_of > date(year, 12, 31):
        return f"日期 {as_of.isoformat()} 晚于计划年度（{year}年）"
    return ""


def confirm(doubt_list: list[str], yes: bool) -> None:
    if doubt_list and not yes:
        raise NeedsConfirmation(
            "；".join(doubt_list) + "，没有记录。", hint="请核实；确认无误时加 --yes 重新运行即可记录。"
        )
