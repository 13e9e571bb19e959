"""Progress tracking: record, status, show, history, plans, agencies, check, undo.

Only typer and the standard library at the top: the library is imported inside each command so
`plantrack --help` stays fast. Each command parses, makes one library call, and prints.
"""

from __future__ import annotations

from typing import Annotated

import typer

from plantrack.cli.complete import plan_ids, task_numbers
from plantrack.cli.options import AgencyOpt, AsOfOpt, JsonOpt, PlanOpt

PlanArg = Annotated[
    str,
    typer.Argument(help="计划编号或其唯一前缀", metavar="计划", show_default=False, autocompletion=plan_ids),
]
TaskArg = Annotated[
    str,
    typer.Argument(
        help="任务编号（如 2.5）或序号（如 (五)、五、5）",
        metavar="任务",
        show_default=False,
        autocompletion=task_numbers,
    ),
]
OptTaskArg = Annotated[
    str | None,
    typer.Argument(
        help="任务编号（如 2.5）或序号（如 (五)）；省略时列出全部任务",
        metavar="任务",
        show_default=False,
        autocompletion=task_numbers,
    ),
]


def record(
    ctx: typer.Context,
    plan: PlanArg,
    task: TaskArg,
    agency: AgencyOpt = None,
    date: Annotated[
        str | None,
        typer.Option(
            "--date",
            "-d",
            metavar="日期",
            help="进展截至日期，如 2017-09-30、9月30日、Q3（默认今天；不写年份按计划年度）",
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
    """记录一条进展（只追加，不改写；记错了用 --corrects 更正或 plantrack undo 撤销）。

    示例：
      plantrack record jian 1.1 --agency 人社局 --date 2017-09-30 --actual 0=4.72万 --note "前三季度新增转移4.72万人"
      plantrack record jian "(五)" --status 推进中 --percent 60
    """
    from plantrack.cli import everyday
    from plantrack.cli.context import run_of

    everyday.record(
        run_of(ctx),
        plan,
        task,
        agency,
        date,
        status,
        percent,
        actual,
        note,
        corrects,
        move_to,
        any_agency,
        yes,
    )


def status(
    ctx: typer.Context,
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
    """各项任务的进展：目标完成情况、序时进度、状态灯和最后一次报送。

    示例：
      plantrack status --agency 人社局 --as-of 2017-09-30
      plantrack status --light 滞后
      plantrack status --json > status.json
    """
    from plantrack.cli import everyday
    from plantrack.cli.context import run_of

    everyday.status(run_of(ctx), plan, agency, role, light, as_of, json_out)


def show(
    ctx: typer.Context,
    plan: PlanArg,
    task: OptTaskArg = None,
    as_of: AsOfOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """显示计划的任务清单，或一项任务的详情（单位、目标、时限、截至某日的进展）。

    示例：
      plantrack show jian
      plantrack show jian 2.5 --as-of 2017-09-30
    """
    from plantrack.cli import everyday
    from plantrack.cli.context import run_of

    everyday.show(run_of(ctx), plan, task, as_of, json_out)


def history(ctx: typer.Context, plan: PlanArg, task: TaskArg, json_out: JsonOpt = False) -> None:
    """一项任务的全部进展记录，包括已更正和已撤销的。

    示例：
      plantrack history jian 1.1
    """
    from plantrack.cli import tables as tt
    from plantrack.cli.context import workspace
    from plantrack.cli.output import say
    from plantrack.tracking.ledger import history as get_history

    view = get_history(workspace(ctx), plan, task)
    item = view.task
    if json_out:
        from plantrack.cli.output import dump
        from plantrack.tracking.outputs import history_output

        return dump(history_output(view.plan_id, item, view.rows))
    say(f"{view.plan_id} 任务 {item.number or item.id} {item.title}")
    if view.now is None:
        say(f"还没有进展记录。用 plantrack record {view.plan_id} {item.id} 记录。")
        return
    say(tt.history_table(view.rows, item).render())
    for line in tt.now_lines(view.now):
        say(line)


def plans(ctx: typer.Context, json_out: JsonOpt = False) -> None:
    """列出工作区中的计划：编号、标题、任务数和进展记录数。

    示例：
      plantrack plans
    """
    from plantrack.cli import tables as tt
    from plantrack.cli.context import workspace
    from plantrack.cli.output import note, say
    from plantrack.tracking.ledger import plan_summaries

    skipped: list[str] = []
    summaries = plan_summaries(workspace(ctx), skipped)
    for line in skipped:
        note(line)
    if json_out:
        from plantrack.cli.output import dump
        from plantrack.tracking.outputs import plans_output

        return dump(plans_output(summaries))
    if not summaries:
        say("工作区里还没有计划。用 plantrack extract 通知文件 生成计划。")
        return
    say(tt.plans_table(summaries).render())


def agencies(ctx: typer.Context, plan: PlanOpt = None, json_out: JsonOpt = False) -> None:
    """各单位承担的任务数：牵头、负责、配合（同一单位的不同写法合并统计）。

    示例：
      plantrack agencies --plan jian
    """
    from plantrack.cli import tables as tt
    from plantrack.cli.context import workspace
    from plantrack.cli.output import say
    from plantrack.tracking.ledger import agency_summary

    rows = agency_summary(workspace(ctx), plan)
    if json_out:
        from plantrack.cli.output import dump
        from plantrack.tracking.outputs import agencies_output

        return dump(agencies_output(rows))
    if not rows:
        say("计划中还没有单位。")
        return
    say(tt.agencies_table(rows).render())
    say(f"共 {len(rows)} 个单位。")


def check(
    ctx: typer.Context,
    repair: Annotated[
        bool, typer.Option("--repair", help="删除因写入中断而不完整的最后一条记录（先把该行备份）")
    ] = False,
) -> None:
    """检查计划文件和进展记录：格式、任务编号、重复编号、不完整的记录；有问题时退出码为 2。

    示例：
      plantrack check
      plantrack check --repair
    """
    from plantrack.cli.context import workspace
    from plantrack.cli.output import say
    from plantrack.tracking.check import check_workspace

    result = check_workspace(workspace(ctx), repair=repair)
    for journal_path, backup in result.repaired:
        say(f"已修复 {journal_path}：删除了不完整的最后一条记录（该行备份为 {backup}）。")
    for p in result.problems:
        say(f"{p.where}: {p.message}")
        say(f"  修复：{p.hint}")
    for p in result.notes:
        say(f"{p.where}: 说明：{p.message}")
        say(f"  {p.hint}")
    summary = f"检查了 {result.plans} 个计划、{result.journals} 个进展记录文件（{result.entries} 条记录）"
    if result.problems:
        say(f"{summary}：发现 {len(result.problems)} 个问题。")
        raise typer.Exit(2)
    say(f"{summary}：未发现问题。")


def undo(
    ctx: typer.Context,
    plan: PlanArg,
    entry_id: Annotated[
        int | None, typer.Option("--id", help="要撤销的记录编号（默认最后一条有效记录）")
    ] = None,
) -> None:
    """撤销最后一条（或指定编号的）进展记录：追加一条撤销记录，原记录保留在历史中。

    示例：
      plantrack undo jian
      plantrack undo jian --id 3
    """
    from plantrack.cli.context import workspace
    from plantrack.cli.output import say
    from plantrack.tracking.ledger import undo_one

    done = undo_one(workspace(ctx), plan, entry_id)
    entry, target, back = done.entry, done.target, done.restored
    what = "撤销操作" if target.undoes is not None else "记录"
    say(
        f"已撤销{what} #{target.id}（任务 {target.task}，{target.as_of.isoformat()}，{target.agency}），撤销记录为 #{entry.id}。"
    )
    if back is not None:
        say(f"记录 #{back.id} 恢复有效（任务 {back.task}，{back.as_of.isoformat()}，{back.agency}）。")


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
