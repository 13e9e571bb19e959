"""What users type, resolved against a plan: tasks by id or printed number, values, statuses, lights.

Every rejection is a UsageError that names the problem and the fix, with suggestions.
"""

from __future__ import annotations

import unicodedata
from enum import StrEnum
from typing import TypeVar

from plantrack.errors import UsageError
from plantrack.kinds import ROLE_LABELS, ItemKind, Role
from plantrack.lang.status_words import LIGHT_WORDS, ROLE_WORDS, STATUS_WORDS, UNIT_SYNONYMS
from plantrack.records import ItemRecord as Item
from plantrack.records import PlanRecord as Plan
from plantrack.records import TargetRecord as Target
from plantrack.tracking.kinds import LIGHT_LABELS, STATUS_LABELS, Light, Status

_E = TypeVar("_E", bound=StrEnum)
_KIND_LABELS = {ItemKind.heading: "标题", ItemKind.requirement: "工作要求"}


def _numeral(text: str) -> int | None:
    bare = text.strip("()[]〔〕、. ")
    if bare.isdigit():
        return int(bare)
    from plantrack.extract.numerals import parse_chinese  # a task given by its id never needs it

    return parse_chinese(bare)


def _close(typed: str, names: list[str]) -> list[str]:
    import difflib  # only to suggest a task

    return difflib.get_close_matches(typed, names, n=3, cutoff=0.6)


def resolve_task(plan: Plan, text: str) -> Item:
    """A recordable item from its id (2.5) or its printed number ((五), 五, 5, 一、) when unique.

    A bare numeral (一, 5) that fits both a task ((一)) and a part of the plan (一、总体目标) is asked
    back, listing both; (一) is the task, 一、 the part.
    """
    typed = unicodedata.normalize("NFKC", text).strip()
    items = plan.recordable()
    by_id = [t for t in items if t.id == typed]
    if by_id:
        return by_id[0]
    as_part = typed.endswith(("、", "."))
    value = _numeral(typed)
    tasks = [
        t
        for t in plan.trackable()
        if _number(t) == typed or (not as_part and value is not None and t.path[-1] == value)
    ]
    parts = [
        i
        for i in plan.tasks
        if len(i.path) == 1
        and (
            _number(i) in (typed, typed.rstrip("、."))
            or (value is not None and i.path[0] == value and not _bracketed(typed))
        )
    ]
    if as_part:
        tasks = []
    found = tasks + parts
    if len(found) == 1 and (found[0] in items):
        return found[0]
    if len(found) > 1:
        listed = "；".join(_choice(plan, i) for i in found)
        raise UsageError(f"“{typed}”不明确，可能是：{listed}。", hint=_choices_hint(found))
    others = found or [i for i in plan.tasks if i.id == typed or (i.number and _number(i) == typed)]
    if others:
        _not_recordable(plan, others[0])
    raise UsageError(_no_task_message(typed, plan.trackable()), hint=_task_hint(typed, plan))


def _bracketed(typed: str) -> bool:
    return typed[:1] in "([（〔【"


def _choice(plan: Plan, item: Item) -> str:
    if item.kind == ItemKind.task:
        return f"任务 {label(item)}（编号 {item.id}）"
    what = "可记录总体目标" if item in plan.headline() else "不能记录进展"
    return f"第{item.number.rstrip('、.')}部分 {label(item)}（编号 {item.id}，{what}）"


def _choices_hint(found: list[Item]) -> str:
    task = next((i for i in found if i.kind == ItemKind.task), None)
    part = next((i for i in found if len(i.path) == 1), None)
    hints = [f"任务请写编号 {task.id} 或带括号的序号 {task.number}" if task else ""]
    hints.append(f"这一部分请写 {part.number.rstrip('、.')}、 或编号 {part.id}" if part else "")
    return "；".join(h for h in hints if h) + "。"


def _number(item: Item) -> str:
    return unicodedata.normalize("NFKC", item.number).strip()


def label(item: Item) -> str:
    """'(五)全力保障农民工工资支付', '一、大力推动…', '一 大力推动…' (short title)."""
    number = item.number
    gap = " " if number and number[-1] not in "、.)]）〕" else ""
    return f"{number}{gap}{_short(item.title)}"


def _not_recordable(plan: Plan, item: Item) -> None:
    subs = [t for t in plan.trackable() if t.path[: len(item.path)] == item.path and t is not item]
    kind = _KIND_LABELS.get(item.kind, str(item.kind))
    hint = (
        f"请改记到其下的具体任务：{_span(subs)}。"
        if subs
        else "进展只能记在具体任务上；用 plantrack show 查看任务编号。"
    )
    raise UsageError(f"{label(item)} 是{kind}，不是可记录进展的任务。", hint=hint)


def _no_task_message(typed: str, tasks: list[Item]) -> str:
    if not tasks:
        return f"没有任务 {typed}；该计划没有可记录进展的任务"
    return f"没有任务 {typed}；该计划共{len(tasks)}项任务：{_span(tasks)}"


def _span(tasks: list[Item]) -> str:
    first, last = tasks[0], tasks[-1]
    if len(tasks) == 1:
        return first.number or first.id
    return f"{first.number or first.id}…{last.number or last.id}"


def _task_hint(typed: str, plan: Plan) -> str:
    names = {t.id: t for t in plan.trackable()}
    names.update({t.number: t for t in plan.trackable() if t.number})
    close = [] if _numeral(typed) is not None else _close(typed, list(names))
    near = "；".join(f"{names[c].id} {label(names[c])}" for c in close)
    more = f"请用任务编号（如 {plan.trackable()[0].id}）或序号；" if plan.trackable() else ""
    return (f"是不是：{near}？" if near else "") + more + f"plantrack show {plan.id} 列出全部任务。"


def _short(title: str, width: int = 16) -> str:
    return title if len(title) <= width else title[: width - 1] + "…"


def _typed(option: str, text: str) -> str:
    """How a message names a typed value: `--percent 的值“150”` for an option, `完成百分比“150”` for
    a column of a fill-in sheet (a name that is no option)."""
    return f"{option} 的值“{text}”" if option.startswith("-") else f"{option}“{text}”"


def parse_quantity(text: str, option: str) -> tuple[float, str]:
    """'3.2万' -> (32000, ''), '4万5' / '四万五千' -> (45000, ''), '45,000人' -> (45000, '人'),
    '85%' -> (85, '%'); else UsageError. The value is kept as typed (no rounding)."""
    from plantrack.tracking.quantity import split_quantity

    found = split_quantity(text)
    if found is None:
        raise UsageError(
            f"{_typed(option, text)}不是数字。", hint="请写成 45000、4.5万、4万5、45,000人 或 85%。"
        )
    return found


def parse_percent(text: str, field: str | None = None) -> float:
    """A percentage 0-100; field names a sheet's column in the messages instead of --percent."""
    value, unit = parse_quantity(text, field or "--percent")
    if unit not in ("", "%") or not 0 <= value <= 100:
        example = "例如 75 或 75%。" if field else "例如 --percent 75 或 --percent 75%。"
        raise UsageError(f"{_typed(field or '--percent', text)}应是 0 到 100 之间的百分数。", hint=example)
    return value


def unit_fits(typed: str, target_unit: str) -> bool:
    if not typed:
        return True
    norm = UNIT_SYNONYMS.get(typed, typed)
    return norm == UNIT_SYNONYMS.get(target_unit, target_unit)


def resolve_target(task: Item, selector: str, field: str | None = None) -> int:
    """A target's index from its index (0, 1 ...) or its metric name or unique prefix; field names
    the sheet's column the value was typed in (its messages then speak of columns, not options)."""
    targets = task.targets
    if not targets:
        raise UsageError(
            f"任务 {task.number or task.id} 没有量化目标，无法填写{field or '实际值'}。",
            hint="请改填完成百分比或状态。" if field else "请改用 --percent 或 --status 报送进展。",
        )
    sel = selector.strip()
    if sel.isdigit():
        if int(sel) < len(targets):
            return int(sel)
        if field:
            raise UsageError(
                f"任务 {task.number or task.id} 只有 {len(targets)} 个量化目标，{field}不用填写。",
                hint="请把完成值填在该任务目标所在的列。",
            )
        raise UsageError(
            f"任务 {task.number or task.id} 没有第 {sel} 号目标（共 {len(targets)} 个，编号 0–{len(targets) - 1}）。",
            hint=_targets_hint(targets),
        )
    exact = [i for i, t in enumerate(targets) if t.metric and t.metric == sel]
    found = exact or [i for i, t in enumerate(targets) if t.metric and t.metric.startswith(sel)]
    found = found or [i for i, t in enumerate(targets) if sel in t.metric]
    if len(found) == 1:
        return found[0]
    if found:
        listed = "、".join(f"{i}={targets[i].metric}" for i in found)
        raise UsageError(f"目标“{sel}”不明确，可能是：{listed}。", hint="请用目标编号，如 --actual 0=4.5万。")
    raise UsageError(f"任务 {task.number or task.id} 没有目标“{sel}”。", hint=_targets_hint(targets))


def _targets_hint(targets: list[Target]) -> str:
    listed = "；".join(f"{i}={t.metric or t.text or '目标'} {target_label(t)}" for i, t in enumerate(targets))
    return f"该任务的目标：{listed}。写法：--actual 编号=数值，如 --actual 0=4.5万。"


def target_label(t: Target) -> str:
    from plantrack.display import target_value

    return target_value(t)


def parse_actual(task: Item, text: str, field: str | None = None) -> tuple[int, float]:
    """'0=4.5万', '新增转移农村劳动力=45000', or a bare value when the task has one target; field
    names the sheet's column the value was typed in, for the messages."""
    selector, sep, value_text = text.partition("=")
    if not sep:
        if not task.targets:
            resolve_target(task, "0", field)  # its own message
        if len(task.targets) != 1:
            raise UsageError(f"--actual {text} 没有指明目标。", hint=_targets_hint(task.targets))
        selector, value_text = "0", text
    index = resolve_target(task, selector, field)
    target = task.targets[index]
    value, unit = parse_quantity(value_text, field or f"--actual {text}")
    if not unit_fits(unit, target.unit):
        goal = f"目标为 {target.metric or target.text} {target_label(target)}；请按“{target.unit}”填写"
        typed = _typed(field, value_text) if field else f"--actual {text} "
        raise UsageError(
            f"{typed}的单位“{unit}”与目标单位“{target.unit}”不符。",
            hint=f"{goal}，如 4.5万。" if field else f"{goal}，如 --actual {index}=4.5万。",
        )
    return index, value


def parse_word(text: str, words: dict[str, str], kind: type[_E], labels: dict[_E, str], option: str) -> _E:
    """A status, light or role from its English key or a Chinese word."""
    typed = unicodedata.normalize("NFKC", text).strip().lower()
    if typed in words:
        return kind(words[typed])
    allowed = "、".join(f"{labels[k]}（{k.value}）" for k in kind)
    raise UsageError(f"{option} 的值“{text}”不认识。", hint=f"可选：{allowed}。")


def parse_status(text: str, field: str | None = None) -> Status:
    """A status word; field names a sheet's column (its hint lists the Chinese words only)."""
    if field is None:
        return parse_word(text, STATUS_WORDS, Status, STATUS_LABELS, "--status")
    try:
        return parse_word(text, STATUS_WORDS, Status, STATUS_LABELS, field)
    except UsageError as e:
        allowed = "、".join(STATUS_LABELS[k] for k in Status)
        raise UsageError(f"{_typed(field, text)}不认识。", hint=f"请从下拉列表中选择：{allowed}。") from e


def parse_light(text: str) -> Light:
    return parse_word(text, LIGHT_WORDS, Light, LIGHT_LABELS, "--light")


def parse_role(text: str) -> Role:
    return parse_word(text, ROLE_WORDS, Role, ROLE_LABELS, "--role")
