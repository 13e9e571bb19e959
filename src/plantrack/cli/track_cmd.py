"""Progress tracking: record, status, show, history, plans, agencies, check, undo.

Only typer and the standard library at the top: the library is imported inside each command so
`plantrack --help` stays fast.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Annotated

import typer

from plantrack.cli.options import AgencyOpt, AsOfOpt, JsonOpt, PlanOpt, parse_date

if TYPE_CHECKING:
    from datetime import date

    from plantrack.models import Item
    from plantrack.workspace import Workspace

PlanArg = Annotated[str, typer.Argument(help="计划编号或其唯一前缀", show_default=False)]
TaskArg = Annotated[
    str, typer.Argument(help="任务编号（如 2.5）或序号（如 (五)、五、5）", show_default=False)
]
OptTaskArg = Annotated[
    str | None,
    typer.Argument(help="任务编号（如 2.5）或序号（如 (五)）；省略时列出全部任务", show_default=False),
]


def record(
    plan: PlanArg,
    task: TaskArg,
    agency: AgencyOpt = None,
    date: Annotated[
        str | None,
        typer.Option(
            "--date", "-d", help="进展截至日期，如 2017-09-30、9月30日、Q3（默认今天；不写年份按计划年度）"
        ),
    ] = None,
    status: Annotated[
        str | None,
        typer.Option("--status", "-s", help="状态：未启动、推进中、已完成、暂缓（或英文 not_started 等）"),
    ] = None,
    percent: Annotated[str | None, typer.Option("--percent", help="总体完成百分比，如 75 或 75%")] = None,
    actual: Annotated[
        list[str] | None,
        typer.Option("--actual", help="目标的累计实际值：目标编号或名称=数值，如 0=4.5万；可重复"),
    ] = None,
    note: Annotated[str | None, typer.Option("--note", "-n", help="进展情况说明（单位报送的文字）")] = None,
    corrects: Annotated[
        int | None, typer.Option("--corrects", help="更正编号为 ID 的记录（未给出的内容沿用原记录）")
    ] = None,
    move_to: Annotated[
        str | None, typer.Option("--move-to", help="与 --corrects 同用：把该记录改记到另一项任务")
    ] = None,
    any_agency: Annotated[bool, typer.Option("--any-agency", help="允许任务未列出的单位报送")] = False,
    yes: Annotated[
        bool, typer.Option("--yes", "-y", help="确认记录需要核实的数值或日期（如远超目标）")
    ] = False,
) -> None:
    """记录一条进展（只追加，不改写；记错了用 --corrects 更正或 plantrack undo 撤销）。"""
    from plantrack.cli import track_tables as tt
    from plantrack.cli.app import current_workspace
    from plantrack.tracking.resolve import parse_percent, parse_status
    from plantrack.tracking.service import RecordInput
    from plantrack.tracking.service import record as do_record
    from plantrack.tracking.views import entry_values, task_label

    req = RecordInput(
        task=task,
        agency=agency,
        date_text=date,
        status=parse_status(status) if status is not None else None,
        percent=parse_percent(percent) if percent is not None else None,
        actuals=actual or [],
        note=note,
        corrects=corrects,
        move_to=move_to,
        any_agency=any_agency,
        yes=yes,
    )
    entry, item = do_record(current_workspace(), plan, req)
    what = f"更正 #{corrects}" if corrects is not None else "记录"
    if entry.moved_from:
        what = f"把 #{corrects} 从任务 {entry.moved_from} 改记到任务 {item.id}"
    tt.say(f"已{what}：#{entry.id} 任务 {task_label(item)} {item.title}")
    tt.say(f"  {entry.as_of.isoformat()} {entry.agency}：{entry_values(entry, item)}")
    if entry.note:
        tt.say(f"  说明：{entry.note}")


def status(
    plan: PlanOpt = None,
    agency: AgencyOpt = None,
    role: Annotated[
        str | None,
        typer.Option("--role", "-r", help="只看该单位的某种角色：lead 牵头、responsible 负责、support 配合"),
    ] = None,
    light: Annotated[
        str | None,
        typer.Option(
            "--light", "-l", help="只看某种状态：已完成、序时推进、滞后、严重滞后、未启动、未报送（或英文）"
        ),
    ] = None,
    as_of: AsOfOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """各项任务的进展：目标完成情况、序时进度、状态灯和最后一次报送。"""
    from datetime import date as Date

    from plantrack.cli.app import current_workspace
    from plantrack.tracking.resolve import parse_light, parse_role
    from plantrack.tracking.service import status as compute
    from plantrack.tracking.views import counts_line

    day = parse_date(as_of) or Date.today()
    role_value = parse_role(role) if role else None
    light_value = parse_light(light) if light else None
    result = compute(current_workspace(), plan, day, agency, role_value)
    rows = [r for r in result.rows if light_value is None or r.light == light_value]
    from plantrack.cli import track_tables as tt

    if json_out:
        typer.echo(json.dumps(tt.status_json(result, rows), ensure_ascii=False, indent=2))
        return
    tt.emit(tt.status_heading(result))
    if rows:
        tt.emit(tt.status_table(rows, with_role=agency is not None, with_plan=len(result.plans) > 1))
    else:
        tt.say("没有符合条件的任务。")
    tt.say(counts_line(result.rows))


def show(plan: PlanArg, task: OptTaskArg = None, as_of: AsOfOpt = None) -> None:
    """显示计划的任务清单，或一项任务的详情（单位、目标、时限、当前进展）。"""
    from plantrack.cli import track_tables as tt
    from plantrack.cli.app import current_workspace
    from plantrack.tracking import store
    from plantrack.tracking.resolve import resolve_task

    ws = current_workspace()
    plan_id = store.resolve_plan(ws, plan)
    p = store.load_plan(ws, plan_id)
    if task is None:
        tt.say(f"{plan_id}  {p.title}")
        meta = "  ".join(x for x in (p.doc_number, p.issued_on.isoformat() if p.issued_on else "") if x)
        if meta:
            tt.say(meta)
        tt.emit(tt.plan_table(p))
        tt.say(f"共 {len(p.trackable())} 项任务。")
        return
    item = resolve_task(p, task)
    _show_task(ws, plan_id, item, parse_date(as_of))


def _show_task(ws: Workspace, plan_id: str, item: Item, day: date | None) -> None:
    from plantrack.cli import track_tables as tt
    from plantrack.tracking.models import LIGHT_LABELS
    from plantrack.tracking.service import task_now
    from plantrack.tracking.views import fmt_pct, shares_line, target_cell

    tt.say(f"{item.id} {item.number} {item.title}")
    if item.text:
        tt.say(item.text)
    tt.say(f"单位：{tt.agencies_of(item)}")
    for i in range(len(item.targets)):
        tt.say(f"目标{tt.target_text(i, item)}")
    deadline = "持续推进" if item.ongoing else ("、".join(d.isoformat() for d in item.deadlines) or "未写明")
    tt.say(f"时限：{deadline}")
    row, day = task_now(ws, plan_id, item, day)
    targets = "；".join(target_cell(t) for t in row.targets)
    tt.say(
        f"进展（截至 {day.isoformat()}）：{LIGHT_LABELS[row.light]}，进度 {fmt_pct(row.progress_pct)}，"
        f"序时进度 {fmt_pct(row.expected_pct)}" + (f"；{targets}" if targets else "")
    )
    if len(row.shares) > 1:
        tt.say(f"各单位：{shares_line(row)}")
    if row.owing:
        tt.say(f"未报送：{'、'.join(row.owing)}")
    if row.last:
        tt.say(
            f"最后更新：#{row.last.id} {row.last.as_of.isoformat()} {row.last.agency} {row.last.note}".rstrip()
        )


def history(plan: PlanArg, task: TaskArg) -> None:
    """一项任务的全部进展记录，包括已更正和已撤销的。"""
    from plantrack.cli import track_tables as tt
    from plantrack.cli.app import current_workspace
    from plantrack.tracking.models import LIGHT_LABELS
    from plantrack.tracking.service import history as get_history
    from plantrack.tracking.service import task_now
    from plantrack.tracking.views import fmt_pct, shares_line

    ws = current_workspace()
    plan_id, item, rows = get_history(ws, plan, task)
    tt.say(f"{plan_id} 任务 {item.number or item.id} {item.title}")
    if not rows:
        tt.say(f"还没有进展记录。用 plantrack record {plan_id} {item.id} 记录。")
        return
    tt.emit(tt.history_table(rows, item))
    now, day = task_now(ws, plan_id, item)
    tt.say(f"进展（截至 {day.isoformat()}）：{LIGHT_LABELS[now.light]}，进度 {fmt_pct(now.progress_pct)}")
    if now.shares:
        tt.say(f"各单位：{shares_line(now)}")


def plans() -> None:
    """列出工作区中的计划：编号、标题、任务数和进展记录数。"""
    from plantrack.cli import track_tables as tt
    from plantrack.cli.app import current_workspace
    from plantrack.tracking import store

    ws = current_workspace()
    ids = store.plan_ids(ws)
    if not ids:
        tt.say("工作区里还没有计划。用 plantrack extract 通知文件 生成计划。")
        return
    tt.emit(tt.plans_table([(i, store.load_plan(ws, i), store.load_entries(ws, i)) for i in ids]))


def agencies(plan: PlanOpt = None) -> None:
    """各单位承担的任务数：牵头、负责、配合（同一单位的不同写法合并统计）。"""
    from plantrack.cli import track_tables as tt
    from plantrack.cli.app import current_workspace
    from plantrack.tracking.service import agency_summary

    rows = agency_summary(current_workspace(), plan)
    if not rows:
        tt.say("计划中还没有单位。")
        return
    tt.emit(tt.agencies_table(rows))
    tt.say(f"共 {len(rows)} 个单位。")


def check(
    repair: Annotated[
        bool, typer.Option("--repair", help="删除因写入中断而不完整的最后一条记录（先备份原文件）")
    ] = False,
) -> None:
    """检查计划文件和进展记录：格式、任务编号、重复编号、不完整的记录；有问题时退出码为 2。"""
    from plantrack.cli import track_tables as tt
    from plantrack.cli.app import current_workspace
    from plantrack.tracking.check import check_workspace

    result = check_workspace(current_workspace(), repair=repair)
    for journal_path, backup in result.repaired:
        tt.say(f"已修复 {journal_path}：删除了不完整的最后一条记录（原文件备份为 {backup}）。")
    for p in result.problems:
        tt.say(f"{p.where}: {p.message}")
        tt.say(f"  修复：{p.hint}")
    for p in result.notes:
        tt.say(f"{p.where}: 说明：{p.message}")
        tt.say(f"  {p.hint}")
    summary = f"检查了 {result.plans} 个计划、{result.journals} 个进展记录文件（{result.entries} 条记录）"
    if result.problems:
        tt.say(f"{summary}：发现 {len(result.problems)} 个问题。")
        raise typer.Exit(2)
    tt.say(f"{summary}：未发现问题。")


def undo(
    plan: PlanArg,
    entry_id: Annotated[
        int | None, typer.Option("--id", help="要撤销的记录编号（默认最后一条有效记录）")
    ] = None,
) -> None:
    """撤销最后一条（或指定编号的）进展记录：追加一条撤销记录，原记录保留在历史中。"""
    from plantrack.cli import track_tables as tt
    from plantrack.cli.app import current_workspace
    from plantrack.tracking import store
    from plantrack.tracking.service import undo as do_undo
    from plantrack.tracking.service import undo_restores

    ws = current_workspace()
    entry, target = do_undo(ws, plan, entry_id)
    what = "撤销操作" if target.undoes is not None else "记录"
    tt.say(
        f"已撤销{what} #{target.id}（任务 {target.task}，{target.as_of.isoformat()}，{target.agency}），撤销记录为 #{entry.id}。"
    )
    back = undo_restores(ws, store.resolve_plan(ws, plan), target)
    if back is not None:
        tt.say(f"记录 #{back.id} 恢复有效（任务 {back.task}，{back.as_of.isoformat()}，{back.agency}）。")


def register(app: typer.Typer) -> None:
    for name, command in (
        ("record", record),
        ("status", status),
        ("show", show),
        ("history", history),
        ("plans", plans),
        ("agencies", agencies),
        ("check", check),
        ("undo", undo),
    ):
        app.command(name)(command)
