"""Plain-text tables of the tracking commands (imported inside the commands, never at startup)."""

from __future__ import annotations

from datetime import date

from plantrack.cli.cells import (
    LIGHT_MARKS,
    counts_line,
    entry_values,
    last_update,
    shares_line,
    target_cell,
    task_label,
)
from plantrack.cli.text import Table, terminal_width
from plantrack.display import deadline, pct, target_value
from plantrack.kinds import ROLE_LABELS, Role
from plantrack.records import ItemRecord as Item
from plantrack.records import PlanRecord as Plan
from plantrack.tracking.kinds import LIGHT_LABELS, Light
from plantrack.tracking.ledger import PlanSummary, StatusResult, TaskView
from plantrack.tracking.records import EntryRecord as Entry
from plantrack.tracking.records import TaskStatus


def _table(*headers: str) -> Table:
    return Table(*headers)


def light_text(row: TaskStatus) -> str:
    label = (
        LIGHT_LABELS[row.light]
        + ("（逾期）" if row.overdue else "")
        + ("（超额，待核实）" if row.over_target else "")
    )
    return f"{LIGHT_MARKS[row.light]} {label}"


def status_table(rows: list[TaskStatus], with_role: bool, with_plan: bool) -> Table:
    headers = ["计划"] if with_plan else []
    headers += ["序号", "任务"] + (["角色"] if with_role else [])
    table = Table(*headers, "目标完成情况", "进度", "序时进度", "状态", "最后更新", wrap=("任务", "最后更新"))
    for row in rows:
        cells: list[str] = [row.plan_id] if with_plan else []
        cells += [task_label(row.task), row.task.title]
        if with_role:
            cells.append(ROLE_LABELS[row.role] if row.role else "—")
        targets = "\n".join(target_cell(t) for t in row.targets) or "—"
        cells += [
            targets,
            pct(row.progress_pct),
            pct(row.expected_pct),
            light_text(row),
            last_update(row),
        ]
        table.add_row(*(cells))
    return table


def status_heading(result: StatusResult) -> str:
    who = f"{result.agency} 的任务，" if result.agency else ""
    return f"{who}截至 {result.as_of.isoformat()}（本季度自 {result.period_start.isoformat()} 起算报送）"


def agencies_of(task: Item) -> str:
    return "、".join(f"{a.name}（{ROLE_LABELS[a.role]}）" for a in task.agencies) or "—"


def plan_table(plan: Plan) -> Table:
    table = Table("编号", "序号", "任务", "单位", "目标", "时限", wrap=("任务", "单位", "目标"))
    for task in plan.trackable():
        targets = "\n".join(target_text(i, task) for i in range(len(task.targets))) or "—"
        table.add_row(task.id, task.number, task.title, agencies_of(task), targets, deadline(task, "—"))
    return table


def target_text(index: int, task: Item) -> str:
    t = task.targets[index]
    return f"[{index}] {t.metric or t.text} {target_value(t)}".replace("  ", " ")


def history_table(rows: list[tuple[Entry, str]], task: Item) -> Table:
    table = _table("编号", "截至日期", "单位", "进展", "说明", "记录时间", "备注")
    for entry, remark in rows:
        values = "—" if entry.undoes is not None else entry_values(entry, task)
        table.add_row(
            *(
                [
                    f"#{entry.id}",
                    entry.as_of.isoformat(),
                    entry.agency,
                    values,
                    entry.note or "—",
                    entry.recorded_at.strftime("%Y-%m-%d %H:%M"),
                    remark,
                ]
            )
        )
    return table


def plans_table(plans: list[PlanSummary]) -> Table:
    table = _table("编号", "标题", "年度", "文号", "任务", "记录", "最后记录")
    for p in plans:
        plan = p.plan
        cells = [p.plan_id, plan.title, str(plan.year or ""), plan.doc_number, str(len(plan.trackable()))]
        table.add_row(*cells, str(p.entries), p.last.isoformat() if p.last else "—")
    return table


def agencies_table(rows: list[tuple[str, dict[Role, int]]]) -> Table:
    table = _table("单位", "牵头", "负责", "配合", "合计")
    for name, counts in rows:
        table.add_row(
            name,
            *(str(counts[r]) for r in (Role.lead, Role.responsible, Role.support)),
            str(sum(counts.values())),
        )
    return table


LIGHT_COLORS: dict[Light, str] = {
    Light.serious: "red",
    Light.behind: "yellow",
    Light.on_track: "green",
    Light.done: "green",
    Light.not_started: "bright_black",
    Light.not_reported: "bright_black",
}


def status_lines(result: StatusResult, color: bool = False) -> list[str]:
    """The whole `status` output: heading, table (or a line saying nothing matched), counts;
    with `color`, the status words in their light's colour (红/黄/绿)."""
    rows = result.shown
    lines = [status_heading(result)]
    if rows:
        table = status_table(rows, with_role=result.agency is not None, with_plan=len(result.plans) > 1)
        text = table.render(terminal_width())
        lines.append(_paint_lights(text, {r.light for r in rows}) if color else text)
    else:
        lines.append("没有符合条件的任务。")
    lines.append(counts_line(result.rows))
    return lines


def _paint_lights(text: str, lights: set[Light]) -> str:
    from plantrack.cli.output import style

    for light in lights:
        word = f"{LIGHT_MARKS[light]} {LIGHT_LABELS[light]}"
        text = text.replace(word, style(word, fg=LIGHT_COLORS[light], bold=light == Light.serious or None))
    return text


def plan_lines(plan_id: str, plan: Plan) -> list[str]:
    """`show PLAN`: the plan's heading and its task table."""
    lines = [f"{plan_id}  {plan.title}"]
    meta = "  ".join(x for x in (plan.doc_number, plan.issued_on.isoformat() if plan.issued_on else "") if x)
    if meta:
        lines.append(meta)
    lines.append(plan_table(plan).render(terminal_width()))
    lines.append(f"共 {len(plan.trackable())} 项任务。")
    return lines


def task_lines(view: TaskView) -> list[str]:
    """`show PLAN TASK`: the task, its agencies, targets, deadline and where it stands."""
    item, row = view.task, view.status
    lines = [f"{item.id} {item.number} {item.title}"]
    if item.text:
        lines.append(item.text)
    lines.append(f"单位：{agencies_of(item)}")
    lines.extend(f"目标{target_text(i, item)}" for i in range(len(item.targets)))
    lines.append(f"时限：{deadline(item)}")
    targets = "；".join(target_cell(t) for t in row.targets)
    lines.append(
        f"进展（截至 {view.as_of.isoformat()}）：{LIGHT_LABELS[row.light]}，进度 {pct(row.progress_pct)}，"
        f"序时进度 {pct(row.expected_pct)}" + (f"；{targets}" if targets else "")
    )
    if len(row.shares) > 1:
        lines.append(f"各单位：{shares_line(row)}")
    if row.owing:
        lines.append(f"未报送：{'、'.join(row.owing)}")
    if row.last:
        last = row.last
        lines.append(f"最后更新：#{last.id} {last.as_of.isoformat()} {last.agency} {last.note}".rstrip())
    return lines


def now_lines(now: tuple[TaskStatus, date]) -> list[str]:
    """Below `history`: where the task stands now, and each agency's part (tracking/rule.py)."""
    row, day = now
    lines = [f"进展（截至 {day.isoformat()}）：{LIGHT_LABELS[row.light]}，进度 {pct(row.progress_pct)}"]
    if row.shares:
        lines.append(f"各单位：{shares_line(row)}")
    return lines
