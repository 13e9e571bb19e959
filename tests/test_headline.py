"""Headline targets (一、总体目标) are recordable and reach the report's overall section."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import FIXTURES

NOTICE = FIXTURES / "notices" / "headline-2019.txt"


@pytest.fixture
def run(invoke, workspace: Path):  # type: ignore[no-untyped-def]
    assert invoke("-w", workspace, "extract", NOTICE).exit_code == 0

    def _run(*args: str):  # type: ignore[no-untyped-def]
        return invoke("-w", workspace, *args)

    return _run


def test_headline_targets_live_in_a_requirement_and_can_be_recorded(run) -> None:  # type: ignore[no-untyped-def]
    result = run(
        "record", "某市", "一、", "-d", "2019-09-30", "--actual", "0=4.6万", "--note", "新增就业4.6万人"
    )
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[:2] == [
        "已记录：#1 任务 一 总体目标",
        "  2019-09-30 某市人力资源和社会保障局：[0] 4.6万人",
    ]
    assert run("record", "某市", "1", "-d", "2019-09-30", "--actual", "城镇登记失业率=3.2%").exit_code == 0
    assert run("check").exit_code == 0
    report = run("report", "-q", "2019Q3", "-o", "-").stdout
    assert "主要目标完成情况：城镇新增就业累计完成4.6万人，占年度目标109.5%" in report
    assert "城镇登记失业率达到3.2%" in report
    assert "3项任务" in run("report", "-q", "2019Q3").output  # the headline is not counted as a task


def test_a_bare_numeral_naming_a_task_and_a_part_is_asked_back(run) -> None:  # type: ignore[no-untyped-def]
    result = run("record", "某市", "一", "-d", "2019-09-30", "--actual", "0=4.6万")
    assert result.exit_code == 1
    assert (
        "“一”不明确，可能是：任务 (一)实施就业优先政策（编号 2.1）；第一部分 一 总体目标（编号 1，可记录总体目标）。"
        in result.output
    )
    assert "任务请写编号 2.1 或带括号的序号 (一)；这一部分请写 一、 或编号 1。" in result.output
    assert run("record", "某市", "(一)", "-d", "2019-09-30", "--percent", "50").exit_code == 0
