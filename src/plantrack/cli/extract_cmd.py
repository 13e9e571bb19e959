"""plantrack extract, plantrack schema."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TypeVar

import typer

T = TypeVar("T")

if TYPE_CHECKING:
    from rich.console import Console

    from plantrack.extract.service import ExtractResult
    from plantrack.workspace import Workspace


def extract(
    sources: Annotated[
        list[Path], typer.Argument(help="通知文件（.txt .html .docx .pdf，任意编码），可多个")
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
        bool, typer.Option("--explain", help="逐条显示每项任务的单位是从哪里读出的（供核对）")
    ] = False,
) -> None:
    """把通知提取成计划文件（YAML）：任务、牵头/责任/配合单位、量化目标、完成时限。"""
    from rich.markup import escape

    from plantrack.cli.app import current_workspace
    from plantrack.cli.console import err, out
    from plantrack.errors import PlantrackError, UsageError
    from plantrack.extract.pipeline import Extraction
    from plantrack.extract.service import STDOUT, extract_one, parse_many

    if plan_id and len(sources) > 1:
        raise UsageError("--id 只能用于单个文件。", hint="多个文件时请去掉 --id，编号会自动生成。")
    if output not in (None, STDOUT) and len(sources) > 1 and not output.is_dir():
        raise UsageError(
            f"多个文件时 -o 必须是已存在的文件夹：{output}", hint="请先创建该文件夹，或逐个提取。"
        )
    workspace = current_workspace() if output is None else _optional_workspace()
    worst = 0
    default_year = workspace.settings.plan.default_year if workspace else None
    if len(sources) == 1:  # read and parsed inside extract_one, with its own errors
        parsed: Iterable[object] = [None]
    else:
        parsed = _with_progress(parse_many(sources, default_year, jobs or os.cpu_count() or 1), len(sources))
    seen: dict[str, Path] = {}
    for source, done in zip(sources, parsed, strict=True):
        try:
            if isinstance(done, PlantrackError):
                raise done
            if isinstance(done, Extraction) and output != STDOUT:
                _check_unique(done.plan.id, source, seen)
            result = extract_one(
                source,
                output=output,
                workspace=workspace,
                plan_id=plan_id,
                force=force,
                diff_only=diff,
                parsed=done if isinstance(done, Extraction) else None,
            )
        except PlantrackError as e:
            if len(sources) == 1:
                raise
            err.print(f"[bold red]错误：[/]{escape(f'{source}: {e.message}')}")
            if e.hint:
                err.print(f"[yellow]提示：[/]{escape(e.hint)}")
            worst = max(worst, e.exit_code)
            continue
        if diff:
            out.print(
                result.diff or f"{result.target}：没有变化。", markup=False, end="" if result.diff else "\n"
            )
        elif output == STDOUT:
            typer.echo(result.text, nl=False)
            _print_summary(result, err)
        else:
            _print_summary(result, out)
        if explain:
            from plantrack.extract.explain import explain_lines

            (err if output == STDOUT else out).print("\n".join(explain_lines(result.explained)), markup=False)
    if worst:
        raise typer.Exit(worst)


def _check_unique(plan_id: str, source: Path, seen: dict[str, Path]) -> None:
    """Two notices of one batch that would write the same plan file."""
    from plantrack.errors import UsageError

    if plan_id in seen:
        raise UsageError(
            f"与 {seen[plan_id].name} 的计划编号相同（{plan_id}），没有写入，以免覆盖。",
            hint=f"请单独提取它并用 --id 指定另一个编号：plantrack extract {source} --id 新编号",
        )
    seen[plan_id] = source


def _optional_workspace() -> Workspace | None:
    from plantrack.cli.app import current_workspace
    from plantrack.errors import WorkspaceError

    try:
        found: Workspace = current_workspace()
        return found
    except WorkspaceError:
        return None


def _with_progress(items: Iterable[T], total: int) -> Iterable[T]:
    """A progress bar on stderr while a batch is read (rich shows it only on a terminal)."""
    from rich.progress import track

    from plantrack.cli.console import err

    return track(items, total=total, description="提取中", console=err, transient=True)


def _print_summary(result: ExtractResult, console: Console) -> None:
    plan = result.plan
    tasks = plan.trackable()
    agencies = {a.name for t in tasks for a in t.agencies}
    targets = sum(len(t.targets) for t in tasks)
    deadlines = sum(len(t.deadlines) + t.ongoing for t in tasks)
    where = (
        "" if result.target is None else f" → {result.target}" + ("" if result.changed else "（内容未变）")
    )
    console.print(f"{plan.title or result.source.name}{where}", markup=False)
    console.print(
        f"  任务 {len(tasks)} 项，涉及单位 {len(agencies)} 个，量化目标 {targets} 个，完成时限 {deadlines} 个",
        markup=False,
    )
    for note in [*result.notes, *plan.warnings]:
        console.print(f"  [yellow]请核对：[/]{note}")


def schema() -> None:
    """输出计划文件的 JSON Schema（由数据模型生成），供编辑器校验或其他程序使用。"""
    import json

    from plantrack.models import Plan

    typer.echo(json.dumps(Plan.model_json_schema(by_alias=True), ensure_ascii=False, indent=2))


def register(app: typer.Typer) -> None:
    app.command("extract")(extract)
    app.command("schema")(schema)
