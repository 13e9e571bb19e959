"""`plantrack check`: plans and journals, every problem with its file, line and the fix."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from plantrack.errors import DataFileError
from plantrack.fsguard import StorageError
from plantrack.records import PlanRecord as Plan
from plantrack.tracking import journal, review
from plantrack.tracking.status import effective_entries
from plantrack.workspace import Workspace


@dataclass(frozen=True)
class Problem:
    path: str
    line: int | None
    message: str
    hint: str

    @property
    def where(self) -> str:
        return f"{self.path}:{self.line}" if self.line else self.path


@dataclass
class CheckResult:
    plans: int = 0
    journals: int = 0
    entries: int = 0
    problems: list[Problem] = field(default_factory=list)
    notes: list[Problem] = field(default_factory=list)  # worth a look, not wrong: entries moved
    repaired: list[tuple[str, str]] = field(default_factory=list)  # (journal, backup)


def check_workspace(ws: Workspace, repair: bool = False) -> CheckResult:
    """Check every plan file and journal; with repair, cut off interrupted last entries first."""
    result = CheckResult()
    plans: dict[str, Plan | None] = {}
    for path in sorted(ws.extracted.glob("*.yaml")) if ws.extracted.is_dir() else []:
        result.plans += 1
        plans[path.stem] = _check_plan(ws, path, result.problems)
    for path in sorted(ws.progress.glob("*.yaml")) if ws.progress.is_dir() else []:
        result.journals += 1
        if repair:
            try:
                backup = journal.repair_cut_off(path, ws.root)
            except StorageError as e:
                result.problems.append(Problem(_rel(ws, path), None, e.message, e.hint or ""))
                continue
            if backup is not None:
                result.repaired.append((_rel(ws, path), _rel(ws, backup)))
        _check_journal(ws, path, plans, result)
    return result


def _rel(ws: Workspace, path: Path) -> str:
    try:
        return path.relative_to(ws.root).as_posix()
    except ValueError:
        return str(path)


def _check_plan(ws: Workspace, path: Path, problems: list[Problem]) -> Plan | None:
    from plantrack.planfile import load_record

    try:
        plan = load_record(path)
    except DataFileError as e:
        message = e.message.split(": ", 1)[-1]
        problems.append(Problem(_rel(ws, path), e.line, message, e.hint or "请按 docs/plan-format.md 修改。"))
        return None
    where = _rel(ws, path)
    for line, message, hint in review.duplicate_numbers(plan, review.plan_text(path)):
        problems.append(Problem(where, line, message, hint))
    seen: set[str] = set()
    for item in plan.tasks:
        if item.id in seen:
            problems.append(
                Problem(
                    _rel(ws, path),
                    None,
                    f"任务编号 {item.id} 重复出现。",
                    "请改正其中一项的 path，使编号唯一。",
                )
            )
        seen.add(item.id)
    if plan.id != path.stem:
        problems.append(
            Problem(
                _rel(ws, path),
                None,
                f"计划编号 id: {plan.id} 与文件名 {path.stem} 不一致。",
                f"请把 id 改为 {path.stem}，或把文件改名为 {plan.id}.yaml（连同 data/progress 中的进展记录）。",
            )
        )
    return plan


def _check_journal(ws: Workspace, path: Path, plans: dict[str, Plan | None], result: CheckResult) -> None:
    where = _rel(ws, path)
    scan = journal.scan_journal(path)
    result.entries += len(scan.entries)
    for bad in scan.bad:
        hint = (
            "运行 plantrack check --repair 删除这条不完整的记录（会先把该行备份），然后重新记录该条进展（导入填报表时中断的，重新导入该表即可，已记录的行会跳过）。"
            if bad.cut_off
            else "请改正该行，使其成为一条完整的记录（格式见 docs/tracking.md），或删除该行。"
        )
        result.problems.append(Problem(where, bad.line, bad.message, hint))
    for entry_id, line in scan.duplicates:
        first = scan.lines[entry_id]
        msg = f"记录编号 #{entry_id} 重复（第 {first} 行已用过）。"
        result.problems.append(
            Problem(where, line, msg, "请把该行的 id 改为未用过的编号（如最大编号加 1）。")
        )
    if path.stem not in plans:
        msg = f"没有对应的计划文件 data/extracted/{path.stem}.yaml。"
        result.problems.append(
            Problem(where, None, msg, "请恢复该计划文件，或把进展记录文件改名为对应计划的编号。")
        )
        return
    plan = plans[path.stem]
    if plan is not None:
        _check_references(where, scan, plan, result.problems)
        effective = effective_entries(scan.entries)
        for at, message, hint in review.record_problems(plan, effective, scan.lines, ws.settings.agencies):
            result.problems.append(Problem(where, at, message, hint))
        _check_moves(where, scan, plan, result)


def _check_references(where: str, scan: journal.JournalScan, plan: Plan, problems: list[Problem]) -> None:
    tasks = {t.id: t for t in plan.tasks}
    recordable = plan.recordable()
    ids = set(scan.lines)
    effective = {e.id for e in effective_entries(scan.entries)}
    for entry in scan.entries:
        line = scan.lines[entry.id]
        task = tasks.get(entry.task)
        if entry.id in effective and (task is None or task not in recordable):
            why = "在计划中已不存在" if task is None else "不是可记录进展的任务"
            problems.append(
                Problem(
                    where,
                    line,
                    f"记录 #{entry.id} 的任务 {entry.task} {why}（任务编号可能已调整）。",
                    f"用 plantrack record {plan.id} {entry.task} --corrects {entry.id} --move-to 正确编号 改记到正确任务，"
                    f"或用 plantrack undo {plan.id} --id {entry.id} 撤销。",
                )
            )
        for ref, verb in ((entry.corrects, "更正"), (entry.undoes, "撤销")):
            if ref is not None and (ref not in ids or ref >= entry.id):
                problems.append(
                    Problem(
                        where,
                        line,
                        f"记录 #{entry.id} {verb}的记录 #{ref} 不存在（或不在它之前）。",
                        "请改正该行的编号，或删除该行。",
                    )
                )


def _check_moves(where: str, scan: journal.JournalScan, plan: Plan, result: CheckResult) -> None:
    """Corrections on another task than the entry they correct: explicit moves are noted, others
    (written before moves had to be explicit, or by hand) are problems."""
    by_id = {e.id: e for e in scan.entries}
    for entry in scan.entries:
        old = by_id.get(entry.corrects) if entry.corrects is not None else None
        if old is None or old.task == entry.task:
            continue
        line = scan.lines[entry.id]
        if entry.moved_from == old.task:
            msg = f"记录 #{entry.id} 把 #{old.id} 从任务 {old.task} 改记到任务 {entry.task}。"
            result.notes.append(
                Problem(where, line, msg, f"如有误，用 plantrack undo {plan.id} --id {entry.id} 撤销。")
            )
            continue
        result.problems.append(
            Problem(
                where,
                line,
                f"记录 #{entry.id} 更正 #{old.id} 时把它从任务 {old.task} 移到了任务 {entry.task}，没有标明改记。",
                f"请核对：用 plantrack undo {plan.id} --id {entry.id} 撤销这条更正，再用 plantrack record {plan.id} "
                f"{old.task} --corrects {old.id} 更正原任务，或加 --move-to {entry.task} 明确改记。",
            )
        )
