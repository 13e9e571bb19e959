"""`extract` as one library call: read a notice, refuse non-plans, write (or diff) its plan file."""

from __future__ import annotations

import difflib
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from plantrack.errors import NotAPlanError, PlantrackError, UsageError
from plantrack.extract.explain import Explained
from plantrack.extract.pipeline import Extraction, extract_source
from plantrack.extract.plan_id import safe_id
from plantrack.models import Plan
from plantrack.planfile import dump_plan, write_plan
from plantrack.workspace import Workspace

STDOUT = Path("-")
PARALLEL_FROM = 4  # notices from which a batch is worth worker processes (each loads jieba once)


@dataclass
class ExtractResult:
    source: Path
    plan: Plan
    target: Path | None = None  # where the plan was (or would be) written; None for stdout
    changed: bool = False
    text: str = ""  # the YAML, for stdout
    diff: str = ""
    notes: list[str] = field(default_factory=list)
    explained: list[Explained] = field(default_factory=list)  # per item, the finders behind it


def extract_one(
    source: Path,
    *,
    output: Path | None = None,
    workspace: Workspace | None = None,
    plan_id: str | None = None,
    force: bool = False,
    diff_only: bool = False,
    parsed: Extraction | None = None,
) -> ExtractResult:
    """Read and parse (unless ``parsed`` is given, e.g. by a worker process), then write or diff."""
    notes: list[str] = []
    if plan_id is not None and safe_id(plan_id) != plan_id:
        notes.append(f"计划编号 {plan_id!r} 含不能用于文件名的字符，已改为 {safe_id(plan_id)}")
        plan_id = safe_id(plan_id)
    result = parsed or parse_one(source, plan_id, workspace.settings.plan.default_year if workspace else None)
    plan = result.plan
    explained = result.explained
    if not result.verdict.is_plan and not force:
        raise NotAPlanError(
            f"{source.name} 看起来是{result.verdict.looks_like}，不是工作计划：{result.verdict.reason}。没有写入任何文件。",
            hint="如确认是工作计划，请加 --force 强制提取。",
        )
    if output == STDOUT:
        return ExtractResult(source, plan, None, True, dump_plan(plan), notes=notes, explained=explained)
    if output is None:
        if workspace is None:
            raise UsageError("没有指定输出位置。", hint="请在工作区中运行，或用 -o 指定输出文件。")
        plan = _keep_source(source, plan, workspace)
        target = workspace.plan_path(plan.id)
    else:
        target = output / f"{plan.id}.yaml" if output.is_dir() else output
    if diff_only:
        old = target.read_text(encoding="utf-8") if target.exists() else ""
        new_text = dump_plan(plan)
        diff = "".join(
            difflib.unified_diff(old.splitlines(True), new_text.splitlines(True), str(target), "新提取结果")
        )
        return ExtractResult(source, plan, target, bool(diff), diff=diff, notes=notes, explained=explained)
    changed = write_plan(plan, target, force=force)
    return ExtractResult(source, plan, target, changed, notes=notes, explained=explained)


def parse_one(source: Path, plan_id: str | None = None, default_year: int | None = None) -> Extraction:
    if not source.exists():
        raise UsageError(f"找不到文件 {source}。", hint="请检查文件名和路径。")
    if source.is_dir():
        raise UsageError(f"{source} 是文件夹，不是通知文件。", hint="请给出 .txt/.html/.docx/.pdf 文件。")
    return extract_source(source, plan_id, default_year)


def parse_many(
    sources: list[Path], default_year: int | None, jobs: int
) -> Iterator[Extraction | PlantrackError]:
    """Parse notices, on several cores for a batch; yields, in order, each extraction or its error."""
    if jobs <= 1 or len(sources) < PARALLEL_FROM:
        yield from (_parse_or_error(s, default_year) for s in sources)
        return
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=min(jobs, len(sources))) as pool:
        yield from pool.map(_parse_or_error, sources, [default_year] * len(sources))


def _parse_or_error(source: Path, default_year: int | None) -> Extraction | PlantrackError:
    try:
        return parse_one(source, None, default_year)
    except PlantrackError as e:  # rebuilt as a plain PlantrackError: subclasses do not all pickle
        error = PlantrackError(e.message, e.hint)
        error.exit_code = e.exit_code
        return error


def _keep_source(source: Path, plan: Plan, ws: Workspace) -> Plan:
    """Copy the notice into data/sources/ as received (never modified), and point the plan at it."""
    ws.sources.mkdir(parents=True, exist_ok=True)
    resolved = source.resolve()
    if ws.sources.resolve() in resolved.parents:
        kept = resolved
    else:
        kept = ws.sources / source.name
        n = 2
        while kept.exists() and kept.read_bytes() != source.read_bytes():
            kept = ws.sources / f"{source.stem}-{n}{source.suffix}"
            n += 1
        if not kept.exists():
            shutil.copy2(source, kept)
    if plan.source is not None:
        plan.source.path = (
            kept.relative_to(ws.root.resolve()).as_posix() if ws.root.resolve() in kept.parents else str(kept)
        )
    return plan
