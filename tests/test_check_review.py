"""`check` sees what a reviewer breaks; YAML errors are Chinese and point at the mistake; one broken
plan never stops the commands over the others."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tests.conftest import FIXTURES

PLAN = "data/extracted/mini-2017.yaml"


@pytest.fixture
def ws(workspace: Path) -> Path:
    for name in ("mini-2017.yaml", "mini-2018.yaml"):
        shutil.copy(FIXTURES / "plans" / name, workspace / "data" / "extracted" / name)
    return workspace


@pytest.fixture
def run(invoke, ws: Path):  # type: ignore[no-untyped-def]
    return lambda *a: invoke("-w", ws, *a)


def _edit(ws: Path, old: str, new: str, count: int = 1) -> None:
    path = ws / PLAN
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def _line(ws: Path, needle: str, nth: int = 1) -> int:
    lines = (ws / PLAN).read_text(encoding="utf-8").splitlines()
    hits = [i + 1 for i, ln in enumerate(lines) if needle in ln]
    return hits[nth - 1]


BROKEN_YAML = [
    ("title: 某市", "title 某市", "缺少冒号"),
    ("  - path: [1, 2]", "  - path: [1, 2", "方括号列表"),
    ("    title: 大力引导农民工自主创业", "    title: 大力引导: 农民工自主创业", "不能出现“键: 值”"),
    ("    kind: task", "\tkind: task", "制表符"),
]


@pytest.mark.parametrize(("old", "new", "words"), BROKEN_YAML, ids=[w for _, _, w in BROKEN_YAML])
def test_yaml_errors_are_chinese_at_the_line_of_the_mistake(
    run, ws: Path, old: str, new: str, words: str
) -> None:  # type: ignore[no-untyped-def]
    _edit(ws, old, new)
    result = run("check")
    assert result.exit_code == 2
    first = result.output.splitlines()[0]
    assert words in first
    assert not re.search(r"[A-Za-z]{4,}", first.split(": ", 1)[1].replace("YAML", "")), first  # no English
    assert first.startswith(f"{PLAN}:{_line(ws, new.strip())}:"), first


def test_one_broken_plan_never_stops_the_others(run, ws: Path) -> None:  # type: ignore[no-untyped-def]
    _edit(ws, "title: 某市", "title 某市")
    for args in (["status", "--as-of", "2018-03-31"], ["plans"], ["report", "-q", "2018Q1", "-o", "-"]):
        result = run(*args)
        assert result.exit_code == 0, (args, result.output)
        assert "已跳过计划 mini-2017" in result.output and "缺少冒号" in result.output
    assert "mini-2018" in run("plans").output


def test_renamed_agency_with_records(run, ws: Path) -> None:  # type: ignore[no-untyped-def]
    assert (
        run("record", "mini-2017", "(二)", "-a", "市财政局", "-d", "2017-09-30", "--percent", "50").exit_code
        == 0
    )
    _edit(ws, "{name: 市财政局, role: responsible}", "{name: 市财政厅, role: responsible}")
    result = run("check")
    assert result.exit_code == 2
    assert (
        "data/progress/mini-2017.yaml:4: 记录 #1 的单位 市财政局 在计划中已不存在（改名为 市财政厅？）"
        in result.output
    )
    assert '在 plantrack.toml 的 [agencies] 中写 "市财政局" = "市财政厅"' in result.output


def test_agency_no_longer_on_its_task(run, ws: Path) -> None:  # type: ignore[no-untyped-def]
    assert (
        run("record", "mini-2017", "(一)", "-a", "人社局", "-d", "2017-09-30", "--percent", "50").exit_code
        == 0
    )
    _edit(ws, "      - {name: 市人社局, role: responsible}\n", "")
    result = run("check")
    assert result.exit_code == 2
    assert "data/progress/mini-2017.yaml:4: 记录 #1 的单位 市人社局 不在任务 1.1 的单位中。" in result.output


def test_removed_target_with_values(run, ws: Path) -> None:  # type: ignore[no-untyped-def]
    assert (
        run(
            "record", "mini-2017", "(一)", "-a", "人社局", "-d", "9.30", "--actual", "家庭服务业=1万"
        ).exit_code
        == 0
    )
    _edit(
        ws,
        "      - {value: 17250.0, unit: 人, op: '=', metric: 家庭服务业新增从业人员, text: 家庭服务业新增从业人员1.725万人, parent: 0}\n",
        "",
    )
    result = run("check")
    assert result.exit_code == 2
    assert (
        "data/progress/mini-2017.yaml:4: 记录 #1 填了目标 [2] 的实际值，但任务 1.1 现在只有 2 个目标。"
        in result.output
    )


def test_duplicated_printed_number(run, ws: Path) -> None:  # type: ignore[no-untyped-def]
    _edit(ws, "    number: (二)\n", "    number: (一)\n")
    result = run("check")
    assert result.exit_code == 2
    line = _line(ws, "number: (一)", 2)
    assert f"{PLAN}:{line}: 序号 (一) 在 一、 下重复出现（任务 1.1 和 1.2）。" in result.output
