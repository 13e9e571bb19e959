"""What a reviewer's edit of a plan can break for its records, found by `plantrack check`: a renamed
agency that still has records, an agency on a record no longer on its task, a target removed that
has recorded values, a printed number used twice under one heading."""

from __future__ import annotations

import difflib
from collections.abc import Callable, Mapping
from pathlib import Path

from plantrack.records import ItemRecord as Item
from plantrack.records import PlanRecord as Plan
from plantrack.tracking.agencies import agency_index, is_collective, tracked_agencies
from plantrack.tracking.records import EntryRecord as Entry

# (line, message, hint); the caller adds the file.
Found = tuple[int | None, str, str]


def duplicate_numbers(plan: Plan, text: str) -> list[Found]:
    """Two items with the same printed number under the same heading, at the line of the second."""
    from plantrack.planfile import line_of

    seen: dict[tuple[tuple[int, ...], str], Item] = {}
    found = []
    for i, item in enumerate(plan.tasks):
        if not item.number:
            continue
        slot = (tuple(item.path[:-1]), item.number)
        first = seen.setdefault(slot, item)
        if first is item:
            continue
        parent = next((p for p in plan.tasks if p.path == item.path[:-1]), None)
        under = f"在 {parent.number.rstrip('、.')}、 下" if parent and parent.number else "在同一层"
        found.append(
            (
                line_of(text, ["tasks", i, "number"]),
                f"序号 {item.number} {under}重复出现（任务 {first.id} 和 {item.id}）。",
                "请对照通知原文改正其中一项的 number 和 path（如改为下一个序号），然后再运行 plantrack check。",
            )
        )
    return found


def record_problems(
    plan: Plan, entries: list[Entry], lines: Mapping[int, int], aliases: Mapping[str, str]
) -> list[Found]:
    """Effective entries whose agency or targets no longer fit their task (one line per agency)."""
    index = agency_index(plan.tasks, aliases)
    known = set(index.by_key)
    tasks = {t.id: t for t in plan.recordable()}
    found: list[Found] = []
    reported: set[tuple[str, str]] = set()
    for e in entries:
        task = tasks.get(e.task)
        if task is None:
            continue  # reported by the task check
        line = lines.get(e.id)
        found.extend((line, m, h) for m, h in _target_problems(plan.id, task, e))
        slot = (task.id, index.key(e.agency))
        if slot not in reported and _agency_gone(task, index.key, slot[1]):
            reported.add(slot)
            found.append((line, *_agency_problem(plan.id, task, e, slot[1] in known)))
    return found


def _agency_gone(task: Item, key: Callable[[str], str], agency_key: str) -> bool:
    names = tracked_agencies(task)
    if any(is_collective(a.name) for a in names):
        return False  # 各成员单位: any agency may report
    return agency_key not in {key(a.name) for a in names}


def _agency_problem(plan_id: str, task: Item, e: Entry, elsewhere: bool) -> tuple[str, str]:
    fix = f"plantrack record {plan_id} {task.id} --corrects {e.id} --agency 正确单位"
    if elsewhere:
        return (
            f"记录 #{e.id} 的单位 {e.agency} 不在任务 {task.id} 的单位中。",
            f"如该单位确实承担这项任务，请把它加回计划中该任务的 agencies；否则用 {fix} 更正。",
        )
    names = [a.name for a in tracked_agencies(task)]
    close = difflib.get_close_matches(e.agency, names, n=1, cutoff=0.5)
    guess = f"（改名为 {close[0]}？）" if close else ""
    new = close[0] if close else "新名称"
    alias = f'在 plantrack.toml 的 [agencies] 中写 "{e.agency}" = "{new}"，旧记录即算作该单位的；'
    return (
        f"记录 #{e.id} 的单位 {e.agency} 在计划中已不存在{guess}。",
        f"如单位已改名，{alias}否则用 {fix} 更正。",
    )


def _target_problems(plan_id: str, task: Item, e: Entry) -> list[tuple[str, str]]:
    gone = [k for k in e.actuals if not k.isdigit() or int(k) >= len(task.targets)]
    return [
        (
            f"记录 #{e.id} 填了目标 [{k}] 的实际值，但任务 {task.id} 现在只有 {len(task.targets)} 个目标。",
            f"如目标是误删的，请在计划中恢复；否则用 plantrack undo {plan_id} --id {e.id} 撤销该记录后重新记录。",
        )
        for k in gone
    ]


def plan_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return ""
