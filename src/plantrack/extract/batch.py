"""Extracting notices into plan files, one or a batch: read, refuse non-plans, write (or diff).

`extract_notices` is the `extract` command as one call: each file succeeds or fails on its own
(a broken file, or a crashed worker process with --jobs, never stops the others), and every file
gets an outcome saying which.
"""

from __future__ import annotations

import difflib
import os
import shutil
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from plantrack.errors import NotAPlanError, PlantrackError, UsageError
from plantrack.extract.explain import Explained
from plantrack.extract.inherit import inherit_agencies
from plantrack.extract.pipeline import Extraction, extract_source
from plantrack.extract.plan_id import safe_id
from plantrack.fsguard import atomic_write, ensure_inside
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


@dataclass(frozen=True)
class ExtractRequest:
    """What the user asked of every file of a batch."""

    output: Path | None = None  # a file, a folder, STDOUT, or None for the workspace
    plan_id: str | None = None  # only with one file
    force: bool = False
    diff_only: bool = False


@dataclass
class FileOutcome:
    """What became of one notice: its result, or the error that stopped it (never both)."""

    source: Path
    result: ExtractResult | None = None
    error: PlantrackError | None = None


def extract_notices(
    sources: Sequence[Path], request: ExtractRequest, workspace: Workspace | None, jobs: int = 1
) -> Iterator[FileOutcome]:
    """Extract every notice, in order; a request that cannot work for the batch raises UsageError.
    jobs: worker processes for a batch (0: one per core)."""
    _check_request(sources, request, workspace)
    jobs = jobs or os.cpu_count() or 1
    default_year = workspace.settings.plan.default_year if workspace else None
    seen: dict[str, Path] = {}
    parsed = parse_many(list(sources), default_year, jobs) if len(sources) > 1 else [None]
    for source, done in zip(sources, parsed, strict=True):
        try:
            if isinstance(done, PlantrackError):
                raise done
            if isinstance(done, Extraction) and request.output != STDOUT:
                _check_unique(done.plan.id, source, seen)
            result = extract_one(
                source,
                output=request.output,
                workspace=workspace,
                plan_id=request.plan_id,
                force=request.force,
                diff_only=request.diff_only,
                parsed=done,
            )
        except PlantrackError as e:
            yield FileOutcome(source, error=e)
            continue
        yield FileOutcome(source, result=result)


def _check_request(sources: Sequence[Path], request: ExtractRequest, workspace: Workspace | None) -> None:
    if request.plan_id and len(sources) > 1:
        raise UsageError("--id 只能用于单个文件。", hint="多个文件时请去掉 --id，编号会自动生成。")
    output = request.output
    if output not in (None, STDOUT) and len(sources) > 1 and not output.is_dir():
        raise UsageError(
            f"多个文件时 -o 必须是已存在的文件夹：{output}", hint="请先创建该文件夹，或逐个提取。"
        )
    if output is None and workspace is None:
        raise UsageError("没有指定输出位置。", hint="请在工作区中运行，或用 -o 指定输出文件。")


def _check_unique(plan_id: str, source: Path, seen: dict[str, Path]) -> None:
    """Two notices of one batch that would write the same plan file."""
    if plan_id in seen:
        raise UsageError(
            f"与 {seen[plan_id].name} 的计划编号相同（{plan_id}），没有写入，以免覆盖。",
            hint=f"请单独提取它并用 --id 指定另一个编号：plantrack extract {source} --id 新编号",
        )
    seen[plan_id] = source


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
    result = parsed or _parse(source, plan_id, workspace.settings.plan.default_year if workspace else None)
    plan = inherit_agencies(result.plan, workspace.settings.plan.inherit_recipients if workspace else False)
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
        kept = _kept_path(source, workspace)
        plan = _point_at(plan, kept, workspace)
        target = workspace.plan_path(plan.id)
    else:
        target = output / f"{plan.id}.yaml" if output.is_dir() else output
    if diff_only:  # shows what would change, and changes nothing: no copy of the notice either
        old = target.read_text(encoding="utf-8") if target.exists() else ""
        new_text = dump_plan(plan)
        diff = "".join(
            difflib.unified_diff(old.splitlines(True), new_text.splitlines(True), str(target), "新提取结果")
        )
        return ExtractResult(source, plan, target, bool(diff), diff=diff, notes=notes, explained=explained)
    if output is None:
        assert workspace is not None  # checked above, where the target was chosen
        _keep_source(source, kept, workspace)
        root: Path | None = workspace.root
    else:
        root = output if output.is_dir() else None
    changed = write_plan(plan, target, force=force, root=root)
    return ExtractResult(source, plan, target, changed, notes=notes, explained=explained)


def _parse(source: Path, plan_id: str | None = None, default_year: int | None = None) -> Extraction:
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
        futures = [pool.submit(_parse_or_error, s, default_year) for s in sources]
        for source, future in zip(sources, futures, strict=True):
            try:
                yield future.result()
            except Exception:  # the worker died (BrokenProcessPool) or its result did not pickle
                yield _parse_or_error(source, default_year)  # this file again, in this process


def _parse_or_error(source: Path, default_year: int | None) -> Extraction | PlantrackError:
    """The extraction, or the error that stopped it, as a plain PlantrackError (subclasses do not all
    pickle); a bug in one file is that file's error, never the batch's."""
    try:
        return _parse(source, None, default_year)
    except PlantrackError as e:
        error = PlantrackError(e.message, e.hint)
        error.exit_code = e.exit_code
        return error
    except Exception as e:
        error = PlantrackError(
            f"{source.name}: 内部错误：{type(e).__name__}: {e}",
            "这是 plantrack 的缺陷；请单独提取该文件并加 --debug，把输出报告给开发者。",
        )
        error.exit_code = 3
        return error


def _kept_path(source: Path, ws: Workspace) -> Path:
    """Where the notice is kept in data/sources/: itself if already there, else its name (with -2,
    -3 … when another file of that name is there)."""
    resolved = source.resolve()
    if ws.sources.resolve() in resolved.parents:
        return resolved
    kept = ws.sources / source.name
    n = 2
    while kept.exists() and kept.read_bytes() != source.read_bytes():
        kept = ws.sources / f"{source.stem}-{n}{source.suffix}"
        n += 1
    return kept


def _point_at(plan: Plan, kept: Path, ws: Workspace) -> Plan:
    if plan.source is not None:
        root = ws.root.resolve()
        full = kept.resolve()
        plan.source.path = full.relative_to(root).as_posix() if root in full.parents else str(kept)
    return plan


def _keep_source(source: Path, kept: Path, ws: Workspace) -> None:
    """Copy the notice into data/sources/ as received (never modified); a data/sources/ linked out
    of the workspace is refused, never written through."""
    ensure_inside(ws.sources, ws.root)
    if not kept.exists():
        ensure_inside(kept, ws.root)
        kept.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(kept, source.read_bytes())
        shutil.copystat(source, kept)
