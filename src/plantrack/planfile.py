"""Reading and writing plan YAML files: the only module that touches plan files.

Writing uses PyYAML's C emitter with our styles (block scalars for long text, flow style for short
entries, a header comment); reading its C loader. Both are many times faster than ruamel.yaml, whose
round-trip loader is used only to find the line of an error. plantrack never rewrites a plan a
person edited (see is_hand_edited), so their comments and order stay as they left them.
"""

from __future__ import annotations

import hashlib
import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from plantrack.errors import ConflictError, DataFileError
from plantrack.records import AgencyRecord, ItemRecord, PlanRecord, SectionRecord, SourceRecord, TargetRecord

if TYPE_CHECKING:  # pydantic is imported when a plan is validated by the model (fastplans.py reads most)
    from pydantic import ValidationError

    from plantrack.models import Agency, Item, Plan, Source, Target

STAMP = "# plantrack-generated: "
LONG_TEXT = 60  # characters from which text fields are written as block scalars

HEADER = """\
# plantrack 计划文件（由 plantrack extract 生成）
# 审核方法：对照原文逐项核对 tasks 中的 title、agencies（单位与角色 lead 牵头 / responsible 负责 /
# support 配合）、targets（value 数值、unit 单位、op 比较符）和 deadlines（完成时限）。
# 可以直接修改本文件；改后运行 plantrack check 检查格式、任务编号和进度记录是否一致。
# 修改过的文件不会被 plantrack extract 悄悄覆盖（需要 --force）。
"""


def plan_to_data(plan: Plan) -> dict[str, Any]:
    """Plain data in the documented key order, with empty optional fields left out of tasks."""
    data = plan.model_dump(mode="json", by_alias=True)
    for task in data["tasks"]:
        for key in ("agency_text", "inherited_agencies", "deadline_text", "text"):
            if not task[key]:
                del task[key]
        if not task["ongoing"]:
            del task["ongoing"]
        for target in task["targets"]:
            if target["parent"] is None:
                del target["parent"]
            if float(target["value"]).is_integer():  # 60400, not 60400.0
                target["value"] = int(target["value"])
    return data


def dump_plan(plan: Plan) -> str:
    """The plan as YAML text, with the header comment and the unedited-stamp."""
    body = _yaml_dump(_styled(plan_to_data(plan)))
    return HEADER + STAMP + _digest(body) + "\n" + body


def _digest(body: str) -> str:
    return hashlib.sha256(body.encode("utf-8")).hexdigest()[:16]


def is_hand_edited(text: str) -> bool:
    """True if the file no longer matches the stamp written with it (or has none)."""
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if line.startswith(STAMP):
            body = "\n".join(lines[i + 1 :])
            return line[len(STAMP) :].strip() != _digest(body)
    return True


def write_plan(plan: Plan, path: Path, force: bool = False, root: Path | None = None) -> bool:
    """Write a plan file; refuse to replace a hand-edited one unless forced. Returns True if changed.

    With root, the file must stay inside it (no symlink out of the workspace or the -o folder)."""
    from plantrack.fsguard import atomic_write, ensure_inside, refuse_special, storage_error

    if root is not None:
        ensure_inside(path, root)
    refuse_special(path)
    text = dump_plan(plan)
    if path.exists():
        old = path.read_text(encoding="utf-8")
        if old == text:
            return False
        if not force and is_hand_edited(old):
            raise ConflictError(
                f"{path} 已被人工修改过，没有覆盖。",
                hint="如确需用新的提取结果替换，请加 --force；先用 --diff 查看会有哪些变化。",
            )
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise storage_error(e, path.parent) from e
    atomic_write(path, text.encode("utf-8"))  # \n line ends: the same bytes on Windows
    return True


def load_plan(path: Path) -> Plan:
    """Read and validate a plan file; errors name the file, the line and the field."""
    text = _plan_text(path)
    return _validated(text, fast_yaml(text), path)


def _plan_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError as e:
        raise DataFileError(
            str(path), "计划文件不存在。", hint="请先运行 plantrack extract 生成计划。"
        ) from e
    except UnicodeDecodeError as e:
        raise DataFileError(str(path), "计划文件不是 UTF-8 编码。", hint="请用 UTF-8 编码保存该文件。") from e


def _validated(text: str, fast: Any, path: Path) -> Plan:
    """The plan validated by the model: yaml-rs's data (fast_yaml) when it has it, else PyYAML's."""
    from pydantic import ValidationError

    from plantrack.models import Plan

    if fast is not None and type(fast) is dict:
        try:
            return Plan.model_validate(fast)
        except ValidationError:
            pass  # PyYAML's reading decides, and says where the problem is
    data = parse_yaml(text, path)
    return validate_plan(data, text, path)


# YAML 1.1 line breaks: PyYAML folds them, YAML 1.2 readers (yaml-rs) keep them as characters.
_YAML11_BREAKS = ("\x85", "\u2028", "\u2029")


def fast_yaml(text: str) -> Any | None:
    """The data of a plan file plantrack wrote and nobody edited, read by yaml-rs (a Rust YAML 1.2
    reader, about ten times PyYAML's speed); None when the file is for PyYAML's reading instead.

    PyYAML wrote such a file, so it quotes every plain text that YAML 1.1 reads as another type;
    where YAML 1.2 reads a plain text as a number that YAML 1.1 keeps as text (1e3, 0o17), the model
    refuses the number in a text field and load_plan falls back. Hand-edited files, files with a
    YAML 1.1 line break, and whatever yaml-rs cannot read (an alias, which plantrack refuses, is
    not expanded but an error here) go to PyYAML (tests/test_fast_paths.py compares both readers on
    every bundled plan and on random texts)."""
    if any(c in text for c in _YAML11_BREAKS) or is_hand_edited(text):
        return None
    try:
        import yaml_rs
    except ImportError:  # pragma: no cover - a platform without its wheel
        return None
    try:
        return yaml_rs.loads(
            text,
            parse_datetime=False,
            alias_limits=yaml_rs.AliasLimits(max_total_replayed_events=0),
            duplicate_key_policy=yaml_rs.DuplicateKeyPolicy.Error,
        )
    except Exception:  # its errors are not worded for people: PyYAML's are
        return None


def parse_yaml(text: str, path: Path) -> Any:
    """The YAML data of a plan file. Refused, at their line: aliases (plantrack never writes them,
    and a few hundred bytes of them expand to gigabytes), duplicate keys (the last would silently
    win), impossible dates and numbers too long to read."""
    import yaml

    if _ALIAS_HINT.search(text):
        _refuse_aliases(text, path)
    try:
        return yaml.load(text, Loader=_loader())
    except _PlanYamlError as e:
        raise DataFileError(str(path), e.message, line=e.line, hint=e.hint) from e
    except yaml.YAMLError as e:
        from plantrack.messages import yaml_problem

        problem, line = yaml_problem(e)
        raise DataFileError(
            str(path), f"YAML 格式错误：{problem}", line=line, hint="请检查该行的缩进、冒号和引号。"
        ) from e


_ALIAS_HINT = re.compile(r"[*&<][^\s,\[\]{}]")  # a text without any of these has no alias or merge key


class _PlanYamlError(Exception):
    def __init__(self, message: str, line: int | None, hint: str) -> None:
        super().__init__(message)
        self.message, self.line, self.hint = message, line, hint


def _refuse_aliases(text: str, path: Path) -> None:
    """Scan the events (cheap, nothing is built) for an alias; raise at its line."""
    import yaml

    try:
        for event in yaml.parse(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
            if isinstance(event, yaml.AliasEvent):
                raise DataFileError(
                    str(path),
                    f"计划文件不能使用 YAML 别名（*{event.anchor}）。",
                    line=event.start_mark.line + 1 if event.start_mark else None,
                    hint="请把别名换成它所指的内容本身（plantrack 生成的计划文件不含别名）。",
                )
    except yaml.YAMLError:
        return  # the loader reports the syntax error with its line


_DATE_HINT = "请改正该日期，写成 2017-06-30 这样真实存在的日子。"


@cache
def _loader() -> Any:
    """PyYAML's C loader, with duplicate keys, impossible dates and unreadable numbers refused."""
    import yaml

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    def construct_mapping(loader: Any, node: Any, deep: bool = False) -> Any:
        seen: dict[Any, int] = {}
        for key_node, _ in node.value:
            key = loader.construct_object(key_node, deep=True)
            line = key_node.start_mark.line + 1
            try:
                first = seen.get(key)
                seen.setdefault(key, line)
            except TypeError:
                continue  # an unhashable key: the base loader says so
            if first is not None:
                raise _PlanYamlError(
                    f"键 {key} 重复出现（第 {first} 行已有），后一个会覆盖前一个。",
                    line,
                    "请删除或合并重复的键；每个键在同一层只能出现一次。",
                )
        return base.construct_mapping(loader, node, deep=deep)

    def guarded(construct: Any, what: str, hint: str = "请改正该值（数字不要超过十几位）。") -> Any:
        def run(loader: Any, node: Any) -> Any:
            try:
                return construct(loader, node)
            except (ValueError, OverflowError) as e:
                raise _PlanYamlError(
                    f"{what} {str(node.value)[:40]} 无法读取（{_why(e)}）。",
                    node.start_mark.line + 1,
                    hint,
                ) from e

        return run

    loader: Any = type("PlanLoader", (base,), {})
    loader.add_constructor("tag:yaml.org,2002:map", lambda ld, n: _mapping(ld, n, construct_mapping))
    loader.add_constructor(
        "tag:yaml.org,2002:timestamp", guarded(base.construct_yaml_timestamp, "日期", _DATE_HINT)
    )
    loader.add_constructor("tag:yaml.org,2002:int", guarded(base.construct_yaml_int, "整数"))
    loader.add_constructor("tag:yaml.org,2002:float", guarded(base.construct_yaml_float, "数字"))
    return loader


def _mapping(loader: Any, node: Any, construct_mapping: Any) -> Any:
    """construct_yaml_map with our duplicate-key check (a generator, as PyYAML expects)."""
    data: dict[Any, Any] = {}
    yield data
    data.update(construct_mapping(loader, node))


def _why(e: Exception) -> str:
    text = str(e)
    if "day is out of range" in text or "month must be" in text:
        return "没有这一天"
    if "digits" in text or isinstance(e, OverflowError):
        return "数字位数太多"
    return "格式不对"


def validate_plan(data: Any, text: str, path: Path) -> Plan:
    from pydantic import ValidationError

    from plantrack.models import Plan

    if not isinstance(data, dict):
        raise DataFileError(str(path), "计划文件的顶层应是键值对（schema、id、tasks ...）。")
    try:
        return Plan.model_validate(data)
    except ValidationError as e:
        problems = validation_problems(e, text)
        hint = "请对照 docs/plan-format.md 修改这些字段，然后运行 plantrack check。"
        if len(problems) == 1:
            line, what = problems[0]
            raise DataFileError(str(path), what, line=line, hint=hint.replace("这些", "该")) from e
        listed = "".join(f"\n  第 {line} 行：{what}" if line else f"\n  {what}" for line, what in problems)
        raise DataFileError(str(path), f"有 {len(problems)} 处问题：{listed}", hint=hint) from e


def validation_problems(error: ValidationError, text: str) -> list[tuple[int | None, str]]:
    """Every problem pydantic found, each as (line, 字段 tasks[3].targets[0].value 有误：…), in file order."""
    root = _round_trip(text)
    found = []
    for err in error.errors():
        loc = list(err["loc"])
        found.append((_line_in(root, loc), f"字段 {_field_path(loc)} 有误：{_chinese_msg(err)}"))
    return sorted(found, key=lambda p: (p[0] is None, p[0] or 0))


def _field_path(loc: list[Any]) -> str:
    out = ""
    for p in loc:
        out += f"[{p}]" if isinstance(p, int) else (f".{p}" if out else str(p))
    return out


def _chinese_msg(err: Any) -> str:
    from plantrack.messages import field_problem

    return field_problem(err)


def line_of(text: str, loc: list[Any]) -> int | None:
    """1-based line of a field of a plan file (["tasks", 3, "number"]), or None."""
    return _line_in(_round_trip(text), loc)


def _round_trip(text: str) -> Any:
    """The text as ruamel's round-trip tree (it knows each node's line), None when it cannot."""
    from ruamel.yaml import YAML

    try:
        return YAML(typ="rt").load(text)
    except Exception:
        return None


def _line_in(root: Any, loc: list[Any]) -> int | None:
    """1-based line of the deepest node of loc that ruamel can find."""
    line: int | None = None
    node: Any = root
    for key in loc:
        try:
            lc: Any = getattr(node, "lc", None)
            if isinstance(key, int) and isinstance(node, list):
                line = lc.item(key)[0] + 1
                node = node[key]
            elif isinstance(key, str) and isinstance(node, dict) and key in node:
                line = lc.key(key)[0] + 1
                node = node[key]
            else:
                break
        except (AttributeError, IndexError, KeyError, TypeError):
            break
    return line


class _Flow(dict[str, Any]):
    """A mapping written on one line: {name: 市人社局, role: lead}."""


class _FlowList(list[Any]):
    """A list written on one line: [2, 5]."""


class _Block(str):
    """Text written as a literal block scalar (|-)."""

    __slots__ = ()


@cache
def _dumper() -> Any:
    """PyYAML's C emitter with our styles: many times faster than ruamel's round-trip dumper."""
    import yaml

    base = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    dumper: Any = type("PlanDumper", (base,), {})
    dumper.add_representer(
        _Flow, lambda d, v: d.represent_mapping("tag:yaml.org,2002:map", v, flow_style=True)
    )
    dumper.add_representer(
        _FlowList, lambda d, v: d.represent_sequence("tag:yaml.org,2002:seq", v, flow_style=True)
    )
    dumper.add_representer(
        _Block, lambda d, v: d.represent_scalar("tag:yaml.org,2002:str", str(v), style="|")
    )
    return dumper


def _yaml_dump(data: Any) -> str:
    import yaml

    text: str = yaml.dump(data, Dumper=_dumper(), allow_unicode=True, sort_keys=False, width=4096, indent=2)
    return text


def _styled(data: dict[str, Any]) -> dict[str, Any]:
    """Short entries (paths, agencies, targets, sections) in flow style; long text as block scalars."""

    def flow_map(d: dict[str, Any]) -> _Flow:
        return _Flow({k: _FlowList(v) if isinstance(v, list) else v for k, v in d.items()})

    def task_map(t: dict[str, Any]) -> dict[str, Any]:
        m: dict[str, Any] = {}
        for k, v in t.items():
            if k in ("agencies", "inherited_agencies", "targets"):
                m[k] = [flow_map(x) for x in v]
            elif k in ("path", "deadlines", "deadline_text"):
                m[k] = _FlowList(v)
            elif isinstance(v, str) and (len(v) > LONG_TEXT or "\n" in v):
                m[k] = _Block(v)
            else:
                m[k] = v
        return m

    top: dict[str, Any] = {}
    for k, v in data.items():
        if k == "tasks":
            top[k] = [task_map(t) for t in v]
        elif k == "sections":
            top[k] = [flow_map(x) for x in v]
        elif k == "source" and v:
            top[k] = flow_map(v)
        else:
            top[k] = v
    return top


# -- the plan as a record (records.py): what tracking, the report and the ledger read -------------


def plan_record(plan: Plan) -> PlanRecord:
    """The record of a validated plan model, field for field."""
    return PlanRecord(
        plan.schema_, plan.id, plan.kind, plan.title, plan.notice_title, plan.doc_number, list(plan.issuer),
        plan.issued_on, plan.year, list(plan.recipients), _source_record(plan.source),
        [SectionRecord(list(s.path), s.number, s.title) for s in plan.sections],
        [_item_record(t) for t in plan.tasks], list(plan.warnings),
    )  # fmt: skip


def _source_record(s: Source | None) -> SourceRecord | None:
    return SourceRecord(s.path, s.sha256, s.encoding, s.format) if s is not None else None


def _agency_records(agencies: list[Agency]) -> list[AgencyRecord]:
    return [AgencyRecord(a.name, a.role) for a in agencies]


def _target_record(t: Target) -> TargetRecord:
    return TargetRecord(t.value, t.unit, t.op, t.metric, t.text, t.parent)


def _item_record(t: Item) -> ItemRecord:
    return ItemRecord(
        list(t.path), t.number, t.title, t.kind, t.text, t.agency_text, _agency_records(t.agencies),
        _agency_records(t.inherited_agencies), [_target_record(x) for x in t.targets], list(t.deadlines),
        list(t.deadline_text), t.ongoing,
    )  # fmt: skip


def load_record(path: Path) -> PlanRecord:
    """A plan file, validated, as a record: a file plantrack wrote read by yaml-rs and checked by
    msgspec against the model's own types (fastplans.py), without building the model; anything
    else (or anything msgspec does not take) validated by the model, whose errors name the line."""
    text = _plan_text(path)
    fast = fast_yaml(text)
    if fast is not None and type(fast) is dict:
        try:
            from plantrack.fastplans import plan_of
        except ImportError:  # pragma: no cover - a platform without msgspec's wheel
            pass
        else:
            record = plan_of(fast)
            if record is not None:
                return record
    return plan_record(_validated(text, fast, path))
