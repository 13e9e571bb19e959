"""Plain-text tables and JSON for the tracking commands (imported inside the commands, never at startup)."""

from __future__ import annotations

import re
from typing import Any

import typer

from plantrack.models import ROLE_LABELS, Item, Plan, Role
from plantrack.tracking.models import LIGHT_LABELS, STATUS_LABELS, Entry, TaskStatus
from plantrack.tracking.service import StatusResult
from plantrack.tracking.views import (
    LIGHT_MARKS,
    entry_values,
    fmt_number,
    fmt_pct,
    last_update,
    light_counts,
    short,
    target_cell,
    task_label,
)


class Table:
    """A plain text table (columns padded by display width, CJK counted double): printing rich tables
    of thousands of rows takes seconds, this takes milliseconds. Cells may hold several lines."""

    def __init__(self, *headers: str) -> None:
        self.headers = list(headers)
        self.rows: list[list[str]] = []

    def add_row(self, *cells: str) -> None:
        self.rows.append(list(cells))

    def render(self) -> str:
        """Each cell's width is measured once (tables of 2,000 rows are common)."""
        head = [[(h, _width(h))] for h in self.headers]
        body = [[[(x, _width(x)) for x in c.split("\n")] for c in row] for row in self.rows]
        widths = [cell[0][1] for cell in head]
        for row in body:
            for i, cell in enumerate(row):
                widths[i] = max(widths[i], *(w for _, w in cell))
        out = [_join(head, widths)]
        out.extend(_join(row, widths) for row in body)
        return "\n".join(out)


def _join(cells: list[list[tuple[str, int]]], widths: list[int]) -> str:
    height = max(len(c) for c in cells)
    lines = []
    for k in range(height):
        parts = []
        for cell, width in zip(cells, widths, strict=True):
            text, used = cell[k] if k < len(cell) else ("", 0)
            parts.append(text + " " * (width - used))
        lines.append("  ".join(parts).rstrip())
    return "\n".join(lines)


# East Asian wide and full-width characters (unicodedata.east_asian_width W/F), as ranges.
_WIDE = re.compile("[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf"
                   "\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\U00020000-\U0003fffd]")  # fmt: skip


def _width(text: str) -> int:
    return len(text) + len(_WIDE.findall(text))


def emit(table: Table | str) -> None:
    typer.echo(table.render() if isinstance(table, Table) else table)


def say(text: str) -> None:
    """A line of plain text."""
    typer.echo(text)


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
    table = _table(*headers, "目标完成情况", "进度", "序时进度", "状态", "最后更新")
    for row in rows:
        cells: list[str] = [row.plan_id] if with_plan else []
        cells += [task_label(row.task), short(row.task.title)]
        if with_role:
            cells.append(ROLE_LABELS[row.role] if row.role else "—")
        targets = "\n".join(target_cell(t) for t in row.targets) or "—"
        cells += [
            targets,
            fmt_pct(row.progress_pct),
            fmt_pct(row.expected_pct),
            light_text(row),
            last_update(row),
        ]
        table.add_row(*(cells))
    return table


def status_heading(result: StatusResult) -> str:
    who = f"{result.agency} 的任务，" if result.agency else ""
    return f"{who}截至 {result.as_of.isoformat()}（本季度自 {result.period_start.isoformat()} 起算报送）"


def status_json(result: StatusResult, rows: list[TaskStatus]) -> dict[str, Any]:
    return {
        "as_of": result.as_of.isoformat(),
        "period_start": result.period_start.isoformat(),
        "agency": result.agency,
        "counts": {k.value: v for k, v in light_counts(result.rows).items()},
        "total": len(result.rows),
        "tasks": [row_json(r) for r in rows],
    }


def row_json(row: TaskStatus) -> dict[str, Any]:
    return {
        "plan": row.plan_id,
        "task": row.task.id,
        "number": row.task.number,
        "title": row.task.title,
        "role": row.role.value if row.role else None,
        "light": row.light.value,
        "light_label": LIGHT_LABELS[row.light],
        "status": row.status.value if row.status else None,
        "status_label": STATUS_LABELS[row.status] if row.status else None,
        "progress_pct": row.progress_pct,
        "expected_pct": row.expected_pct,
        "deadline": row.deadline.isoformat() if row.deadline else None,
        "overdue": row.overdue,
        "reported_in_period": row.reported_in_period,
        "targets": [
            {
                "index": t.index,
                "metric": t.target.metric,
                "op": t.target.op.value,
                "value": t.target.value,
                "unit": t.target.unit,
                "actual": t.actual,
                "pct": t.pct,
                "over": t.over,
            }
            for t in row.targets
        ],
        "last": row.last.model_dump(mode="json", exclude_none=True) if row.last else None,
    }


def agencies_of(task: Item) -> str:
    return "、".join(f"{a.name}（{ROLE_LABELS[a.role]}）" for a in task.agencies) or "—"


def plan_table(plan: Plan) -> Table:
    table = _table("编号", "序号", "任务", "单位", "目标", "时限")
    for task in plan.trackable():
        targets = "\n".join(target_text(i, task) for i in range(len(task.targets))) or "—"
        deadline = "持续推进" if task.ongoing else ("、".join(d.isoformat() for d in task.deadlines) or "—")
        table.add_row(*([task.id, task.number, short(task.title, 20), agencies_of(task), targets, deadline]))
    return table


def target_text(index: int, task: Item) -> str:
    t = task.targets[index]
    op = {">=": "≥", "<=": "≤", "~": "约", ">": ">"}.get(t.op.value, "")
    return f"[{index}] {t.metric or t.text} {op}{fmt_number(t.value)}{t.unit}".replace("  ", " ")


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


def plans_table(plans: list[tuple[str, Plan, list[Entry]]]) -> Table:
    table = _table("编号", "标题", "年度", "文号", "任务", "记录", "最后记录")
    for plan_id, plan, entries in plans:
        last = max((e.as_of for e in entries), default=None)
        cells = [plan_id, plan.title, str(plan.year or ""), plan.doc_number, str(len(plan.trackable()))]
        table.add_row(*([*cells, str(len(entries)), last.isoformat() if last else "—"]))
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
