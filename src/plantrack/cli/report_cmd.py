"""plantrack report (the quarterly progress report) and plantrack demo (the whole cycle on the example)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Annotated

import typer

from plantrack.cli.options import AgencyOpt, OutOpt, PlansOpt, parse_date

QuarterOpt = Annotated[
    str | None,
    typer.Option("--quarter", "-q", metavar="季度", help="报告季度，如 2017Q3（默认：上一个已结束的季度）"),
]
ReportAsOfOpt = Annotated[
    str | None,
    typer.Option(
        "--as-of", metavar="日期", help="改为报告截至某日的进展，如 2017-08-15（不能与 --quarter 同用）"
    ),
]


ChartsOpt = Annotated[
    bool, typer.Option("--charts", help="在总体情况中加入任务状态图（Mermaid 饼图和文字条形图）")
]


def report(
    ctx: typer.Context,
    quarter: QuarterOpt = None,
    as_of: ReportAsOfOpt = None,
    plan: PlansOpt = None,
    agency: AgencyOpt = None,
    output: OutOpt = None,
    charts: ChartsOpt = False,
    fmt: Annotated[
        str | None, typer.Option("--format", "-f", metavar="格式", help="md（默认）或 docx（Word 公文格式）")
    ] = None,
) -> None:
    """生成季度落实情况报告（Markdown，或 --format docx 生成 Word 公文）：总体情况、主要进展、存在的问题、下一步工作和任务进展情况表。

    默认写入工作区的 reports/ 文件夹；不指定季度时，每个计划按其计划年度内上一个已结束的季度
    （已结束的计划按其最后一个季度）生成。多个计划合成一份报告，--agency 生成该单位自己的报告。
    工作区中的 templates/report.md.j2 可替换内置模板（见 docs/report.md）。

    示例：
      plantrack report --quarter 2017Q3
      plantrack report -q 2017Q3 --agency 人社局
      plantrack report --as-of 2017-08-15 -o -
    """
    from datetime import date

    from plantrack.cli.context import one_shot, workspace
    from plantrack.cli.output import note, say, shown_path
    from plantrack.office.docx_report import docx_wanted, write_report_docx
    from plantrack.report.cache import workspace_report_texts, write_text

    one_shot(ctx)
    ws = workspace(ctx)
    as_docx = docx_wanted(fmt, output)
    batch = workspace_report_texts(ws, date.today(), quarter, parse_date(as_of), plan, agency, charts)
    for line in [*batch.dates, *batch.skipped]:
        note(line)
    for written in batch.written:
        for line in written.review:
            note(f"审核提示：{line}")
    if output is not None and str(output) == "-":
        typer.echo("\n".join(w.text for w in batch.written), nl=False)
        return
    if output is not None and len(batch.written) > 1:
        note(
            f"各计划的默认报告日期不同，生成了{len(batch.written)}份报告，已分别写入 reports/，未使用 -o {output}。"
        )
        note("提示：用 --quarter 或 --plan 只生成一份报告，再用 -o 指定文件。")
    for written in batch.written:
        chosen = output is not None and len(batch.written) == 1
        path = output if output is not None and chosen else written.default_path(ws)
        if as_docx:
            docx_path = path if path.suffix == ".docx" else path.with_suffix(".docx")
            # the default file only inside the workspace: reports/ linked out of it is refused
            path = write_report_docx(ws, written.text, docx_path, None if chosen else ws.root)
        else:
            write_text(path, written.text, None if chosen else ws.root)
        say(f"已生成报告：{shown_path(path)}（{written.period}）")
        for line in written.summary:
            say(f"  {line}")


def demo(
    directory: Annotated[
        Path | None,
        typer.Option("--dir", help="演示工作区放在哪个文件夹（默认新建一个临时文件夹，运行后保留）"),
    ] = None,
) -> None:
    """演示完整流程：提取内置的吉安市通知，记录一个季度的进展，查看市人社局的任务状态，生成2017年第三季度报告；
    再用 Excel 填报表收集第四季度进展，导出台账，生成 Word 报告。

    示例：
      plantrack demo
      plantrack demo --dir 演示
    """
    import tempfile

    from plantrack import demo as d
    from plantrack.cli import tables
    from plantrack.cli.output import say
    from plantrack.office import demo_loop
    from plantrack.report.generate import summary

    folder = directory or Path(tempfile.mkdtemp(prefix="plantrack-demo-"))
    result = d.run_demo(folder)
    ws, plan = result.workspace, result.plan
    rel = _relative_to(ws.root)
    loop = demo_loop.run_loop(ws, plan)
    agencies = len({e.agency for e in result.entries})
    corrections = sum(1 for e in result.entries if e.corrects is not None)
    earlier = sum(1 for e in result.entries if e.as_of < d.QUARTER.start)
    lines = [
        f"plantrack 演示：《{plan.title}》（{plan.doc_number}）",
        f"演示工作区：{ws.root}",
        "",
        f"1. 提取通知 {rel(result.source)}",
        f"   → {rel(result.plan_path)}：{len(plan.trackable())}项任务",
        f"2. 记录{d.QUARTER.label}进展：{agencies}个单位报送{len(result.entries)}条记录"
        f"（其中上半年数据{earlier}条、更正{corrections}条）",
        f"   → {rel(ws.journal_path(plan.id))}",
        f"3. {d.AGENCY}的任务状态（plantrack status --agency {d.AGENCY} --as-of {d.AS_OF.isoformat()}）：",
        *tables.status_lines(result.status),
        f"4. 生成季度报告（plantrack report --quarter {d.QUARTER.code}）",
        f"   → {rel(result.report_path)}",
        *(f"     {line}" for line in summary(result.report)),
        *demo_loop.loop_lines(loop, rel, _program()),
        "",
        "接着可以试试：",
        f"  cd {ws.root}",
        f"  {_program()} report --quarter {d.QUARTER.code} --agency {d.AGENCY}",
        f"  {_program()} show {plan.id} 1.4",
        f"  {_program()} remind --quarter {demo_loop.QUARTER.code}",
    ]
    for line in lines:
        say(line)


def _program() -> str:
    """How to call plantrack again: the full path when it is not on PATH (a fresh .venv)."""
    import shutil
    import sys

    invoked = Path(sys.argv[0])
    if invoked.name == "plantrack" and shutil.which("plantrack") != str(invoked.resolve()):
        return str(invoked.resolve())
    return "plantrack"


def _relative_to(root: Path) -> Callable[[Path], str]:
    def rel(path: Path) -> str:
        try:
            return path.resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            return str(path)

    return rel


def register(app: typer.Typer) -> None:
    app.command("report")(report)
    app.command("demo")(demo)
