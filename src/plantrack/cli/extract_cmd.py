"""plantrack extract, plantrack schema."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TypeVar

import typer

T = TypeVar("T")

if TYPE_CHECKING:
    from plantrack.extract.batch import ExtractResult, FileOutcome


def extract(
    ctx: typer.Context,
    sources: Annotated[
        list[Path],
        typer.Argument(help="通知文件（.txt .html .docx .pdf，任意编码），可多个", metavar="通知文件"),
    ],
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="写到这个文件或文件夹（不需要工作区）；- 表示输出到屏幕"),
    ] = None,
    plan_id: Annotated[
        str | None, typer.Option("--id", help="计划编号（默认由地区、年份、文种生成）")
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="覆盖人工改过的计划；也用于强制提取看起来不是计划的文件")
    ] = False,
    diff: Annotated[
        bool, typer.Option("--diff", help="只显示与现有计划文件相比会有哪些变化，不写入")
    ] = False,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=0, help="同时处理几个文件（0 表示按CPU核数）")] = 0,
    explain: Annotated[
        bool, typer.Option("--explain", help="逐条显示每项任务的单位、目标和时限是从哪里读出的（供核对）")
    ] = False,
) -> None:
    """把通知提取成计划文件（YAML）：任务、牵头/责任/配合单位、量化目标、完成时限。

    示例：
      plantrack extract 吉安通知.txt
      plantrack extract 通知/*.txt -j 2
      plantrack extract 通知.docx -o -
      plantrack extract 通知.txt --explain
    """
    from plantrack.cli.context import optional_workspace, run_of, workspace
    from plantrack.cli.output import error, note
    from plantrack.extract.batch import STDOUT, ExtractRequest, extract_notices

    ws = workspace(ctx) if output is None else optional_workspace(ctx)
    request = ExtractRequest(output=output, plan_id=plan_id, force=force, diff_only=diff)
    outcomes: Iterable[FileOutcome] = extract_notices(sources, request, ws, jobs)
    if len(sources) > 1:
        outcomes = _with_progress(outcomes, len(sources))
    failed: list[FileOutcome] = []
    for outcome in outcomes:
        if outcome.error is not None:
            if len(sources) == 1:
                raise outcome.error
            error(run_of(ctx), f"{outcome.source}: {outcome.error.message}", outcome.error.hint)
            failed.append(outcome)
        elif outcome.result is not None:
            _print_result(outcome.result, output == STDOUT, diff, explain)
    if len(sources) > 1:
        note(batch_summary(len(sources), [f.source for f in failed]))
    if failed:
        raise typer.Exit(max(f.error.exit_code for f in failed if f.error))


def batch_summary(total: int, failed: list[Path]) -> str:
    """共 4 个文件：成功 2 个，失败 2 个（c.txt、d.txt）."""
    if not failed:
        return f"共 {total} 个文件：全部成功。"
    names = "、".join(p.name for p in failed)
    return f"共 {total} 个文件：成功 {total - len(failed)} 个，失败 {len(failed)} 个（{names}）。"


def _with_progress(items: Iterable[T], total: int) -> Iterable[T]:
    """A progress bar on stderr while a batch is read (rich shows it only on a terminal)."""
    from rich.console import Console
    from rich.progress import track

    console = Console(stderr=True, highlight=False)
    return track(items, total=total, description="提取中", console=console, transient=True)


def _print_result(result: ExtractResult, to_stdout: bool, diff: bool, explain: bool = False) -> None:
    from plantrack.cli.output import note, say
    from plantrack.extract.explain import explain_lines

    if diff:
        typer.echo(result.diff or f"{result.target}：没有变化。\n", nl=False)
    elif to_stdout:
        typer.echo(result.text, nl=False)
        for line in summary_lines(result):
            note(line)
    else:
        for line in summary_lines(result):
            say(line)
    for line in explain_lines(result.explained) if explain else []:
        (note if to_stdout else say)(line)


def summary_lines(result: ExtractResult) -> list[str]:
    """What was extracted: title → file, then the counts, then what to check by hand."""
    from plantrack.cli.output import shown_path

    plan = result.plan
    tasks = plan.trackable()
    agencies = {a.name for t in tasks for a in t.agencies}
    targets = sum(len(t.targets) for t in tasks)
    deadlines = sum(len(t.deadlines) + t.ongoing for t in tasks)
    where = (
        ""
        if result.target is None
        else f" → {shown_path(result.target)}" + ("" if result.changed else "（内容未变）")
    )
    lines = [
        f"{plan.title or result.source.name}{where}",
        f"  任务 {len(tasks)} 项，涉及单位 {len(agencies)} 个，量化目标 {targets} 个，完成时限 {deadlines} 个",
    ]
    lines.extend(f"  请核对：{n}" for n in [*result.notes, *plan.warnings])
    return lines


def schema(
    kind: Annotated[
        str,
        typer.Option(
            "--kind",
            "-k",
            metavar="种类",
            help="哪种数据：plan 计划文件（默认）、status、task、history、plans、agencies（各命令 --json 的输出）",
        ),
    ] = "plan",
) -> None:
    """输出 JSON Schema（由数据模型生成）：计划文件，或某个命令 --json 输出的格式，供编辑器校验或其他程序使用。

    示例：
      plantrack schema > plan.schema.json
      plantrack schema --kind status > status.schema.json
    """
    import json

    from plantrack.errors import UsageError
    from plantrack.tracking.outputs import KINDS

    if kind not in KINDS:
        raise UsageError(f"没有这种数据：{kind}。", hint=f"可选：{'、'.join(KINDS)}。")
    typer.echo(json.dumps(KINDS[kind].model_json_schema(by_alias=True), ensure_ascii=False, indent=2))


def register(app: typer.Typer) -> None:
    app.command("extract")(extract)
    app.command("schema")(schema)
