"""The office's files: export (Excel ledger), templates and import (fill-in sheets), remind (催办).

Each command parses its options, calls one function of plantrack.office and prints the result.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from plantrack.cli.options import AgencyOpt, OutOpt, PlanOpt, parse_date

if TYPE_CHECKING:
    from datetime import date

    from plantrack.workspace import Workspace

QuarterOpt = Annotated[
    str | None,
    typer.Option("--quarter", "-q", metavar="季度", help="季度，如 2017Q3（默认：上一个已结束的季度）"),
]
AsOfOpt = Annotated[
    str | None,
    typer.Option("--as-of", metavar="日期", help="截至日期，如 2017-08-15（不能与 --quarter 同用）"),
]


def _day(ws: Workspace, quarter: str | None, as_of: str | None, plan: str | None) -> date:
    from datetime import date

    from plantrack.periods import default_as_of
    from plantrack.report.generate import report_date
    from plantrack.tracking import store

    today = date.today()
    if quarter or as_of:
        return report_date(quarter, parse_date(as_of), today)
    ids = [store.resolve_plan(ws, plan)] if plan else store.plan_ids(ws)
    # each plan's own default (its last finished quarter, or its year's end); the latest of them
    return max(default_as_of(store.load_plan(ws, i), today).as_of for i in ids)


def export(
    ctx: typer.Context,
    plan: PlanOpt = None,
    quarter: QuarterOpt = None,
    as_of: AsOfOpt = None,
    fmt: Annotated[
        str | None, typer.Option("--format", "-f", metavar="格式", help="xlsx（默认）、csv 或 json")
    ] = None,
    csv: Annotated[bool, typer.Option("--csv", help="同 --format csv")] = False,
    output: OutOpt = None,
) -> None:
    """导出任务台账（Excel）：任务台账、报送情况、量化目标，每个单位一张表；也可导出 CSV、JSON。

    示例：
      plantrack export --quarter 2017Q3 -o 台账.xlsx
      plantrack export -q 2017Q3 --csv -o -
    """
    from plantrack.cli.context import one_shot, workspace
    from plantrack.cli.output import say
    from plantrack.cli.output import shown_path as _shown
    from plantrack.office.export import export as do_export

    one_shot(ctx)
    ws = workspace(ctx)
    day = _day(ws, quarter, as_of, plan)
    result = do_export(ws, plan, day, "csv" if csv else fmt, output)
    if result.path is None:
        typer.echo(result.text, nl=False)
        return
    say(f"已导出台账：{_shown(result.path)}（截至{day.isoformat()}）")
    extra = f"，单位表 {result.agencies} 张" if result.format == "xlsx" else ""
    say(f"  任务 {result.tasks} 项{extra}")


def templates(
    ctx: typer.Context,
    quarter: Annotated[
        str, typer.Option("--quarter", "-q", metavar="季度", help="填报季度，如 2017Q3", show_default=False)
    ],
    plan: PlanOpt = None,
    agency: AgencyOpt = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", metavar="文件夹", help="放填报表的文件夹（默认：工作区的 填报/季度/）"
        ),
    ] = None,
) -> None:
    """生成各成员单位的进展填报表（每个单位一个 Excel 文件），填好后用 plantrack import 导入。

    示例：
      plantrack templates --quarter 2017Q3
      plantrack templates -q 2017Q3 --agency 人社局 -o 填报表
    """
    from plantrack.cli.context import workspace
    from plantrack.cli.output import say
    from plantrack.cli.output import shown_path as _shown
    from plantrack.office.fillin import write_templates
    from plantrack.periods import Quarter

    result = write_templates(workspace(ctx), plan, Quarter.parse(quarter), output, agency)
    say(f"已生成{result.quarter.label}填报表 {len(result.files)} 份：{_shown(result.folder)}")
    for name, path, n in result.files:
        say(f"  {path.name}  {name}，任务 {n} 项")


def import_(
    ctx: typer.Context,
    files: Annotated[
        list[Path],
        typer.Argument(
            metavar="文件...", help="填好的填报表（.xlsx、.xls、.ods、.csv），可多个", show_default=False
        ),
    ],
    plan: PlanOpt = None,
    agency: AgencyOpt = None,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="不询问，直接导入")] = False,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="只显示将要导入的内容，不写入")] = False,
    partial: Annotated[bool, typer.Option("--partial", help="有错误的行跳过，其余照常导入")] = False,
    allow_outdated: Annotated[
        bool, typer.Option("--allow-outdated", help="计划已改动过的旧填报表也按现有计划导入")
    ] = False,
) -> None:
    """把各单位报回的填报表导入进展记录（与 record 相同的检查）；重复导入不会重复记录，改动的行记为更正。

    示例：
      plantrack import 填报/2017Q3/2017Q3-市人社局.xlsx
      plantrack import 填报/2017Q3/*.xlsx --yes
      plantrack import 人社局.xls --dry-run
    """
    from plantrack.cli.cells import entry_values, task_label
    from plantrack.cli.context import workspace
    from plantrack.cli.output import say
    from plantrack.office.importer import apply_import, plan_import

    ws = workspace(ctx)
    result = plan_import(ws, files, plan, agency, allow_outdated=allow_outdated)
    for problem in result.problems:
        say(f"{problem.where}：{problem.message}")
        if problem.hint:
            say(f"  提示：{problem.hint}")
    counts = f"将记录 {len(result.planned)} 条（其中更正 {sum(1 for p in result.planned if p.corrects)} 条）"
    counts += f"；已导入过、没有变化 {result.unchanged} 行；未填写 {result.unfilled} 行"
    if result.problems:
        counts += f"；有问题 {len(result.problems)} 处"
    for p in result.planned:
        e = p.preview
        what = f"更正 #{p.corrects}" if p.corrects else "新增"
        say(
            f"  {what}  {p.where}  任务 {task_label(p.task)} {e.as_of.isoformat()} {e.agency}：{entry_values(e, p.task)}"
        )
        if p.doubt:
            say(f"    需核实：{p.doubt.removesuffix('，没有记录。')}")
    say(counts + "。")
    if result.problems and not partial:
        # --partial helps only when some rows are good; a file that cannot be read has none.
        tail = "，或加 --partial 只导入没有问题的行" if result.planned else ""
        say(f"没有写入任何记录。请改正上述问题后重新导入{tail}。")
        raise typer.Exit(2)
    if dry_run or not result.planned:
        say("（--dry-run：没有写入。）" if dry_run else "没有需要写入的记录。")
        return
    if not yes and not typer.confirm("确认导入？", default=False):
        say("已取消，没有写入。")
        raise typer.Exit(1)
    applied = apply_import(ws, result)
    for p in applied.already:
        say(f"  {p.where}：导入期间已由他人导入了相同的内容，没有重复记录。")
    for p, now in applied.redecided:
        what = f"改为更正当前有效的记录 #{now}" if now else "原记录已被撤销，改为新增"
        was = f"#{p.corrects}" if p.corrects else "没有记录"
        say(f"  {p.where}：导入期间该任务和日期的记录有变动（读取时为{was}），{what}。")
    written = applied.written
    if not written:
        say("没有写入任何记录：这些行在导入期间已由他人导入。")
        return
    ids = f"#{written[0].id}–#{written[-1].id}" if len(written) > 1 else f"#{written[0].id}"
    say(f"已导入 {len(written)} 条记录（{ids}）。")


def remind(
    ctx: typer.Context,
    quarter: QuarterOpt = None,
    plan: PlanOpt = None,
    agency: AgencyOpt = None,
    fmt: Annotated[
        str, typer.Option("--format", "-f", metavar="格式", help="md（默认）、docx 或 xlsx")
    ] = "md",
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", metavar="文件夹", help="放催办通知的文件夹（默认：工作区的 reports/催办/季度/）"
        ),
    ] = None,
    issued: Annotated[
        str | None,
        typer.Option("--date", metavar="日期", help="通知的落款日期，如 2017-10-09（默认：今天）"),
    ] = None,
) -> None:
    """催办：列出未报送进展、进度滞后或下季度到期的单位，并为每个单位生成一份提醒通知。

    示例：
      plantrack remind --quarter 2017Q3
      plantrack remind -q 2017Q3 --agency 人社局 --format docx --date 2017-10-09
    """
    from datetime import date

    from plantrack.cli.context import workspace
    from plantrack.cli.output import say
    from plantrack.cli.output import shown_path as _shown
    from plantrack.errors import UsageError
    from plantrack.office.remind import FORMATS, collect, write_reminders
    from plantrack.periods import Quarter

    kind = fmt.strip().lower().lstrip(".")
    if kind not in FORMATS:
        raise UsageError(f"--format 的值“{fmt}”不认识。", hint="可选：md、docx、xlsx。")
    ws = workspace(ctx)
    q = Quarter.parse(quarter) if quarter else Quarter.containing(_day(ws, None, None, plan))
    rem = collect(ws, plan, q, agency, parse_date(issued, "--date") or date.today())
    written = write_reminders(rem, kind, ws, output)
    say(f"{q.label}需催办的单位 {len(rem.items)} 个，报送截止日期 {rem.due_by.isoformat()}：")
    for item in rem.items:
        say(
            f"  {item.agency}：未报送 {len(item.owes)} 项，滞后 {len(item.lagging)} 项，{q.next().label}到期 {len(item.due_next)} 项"
        )
    if written.overview is not None:
        say(f"催办清单：{_shown(written.overview)}")
    if len(written.notices) == 1:  # one agency: the file itself, to open or send
        say(f"提醒通知：{_shown(written.notices[0][1])}")
    elif written.notices:
        say(f"提醒通知 {len(written.notices)} 份：{_shown(written.folder)}")


def register(app: typer.Typer) -> None:
    app.command("export")(export)
    app.command("templates")(templates)
    app.command("import")(import_)
    app.command("remind")(remind)
