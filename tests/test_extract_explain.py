"""plantrack extract --explain: per item, which finder gave which agencies, targets and deadlines."""

from __future__ import annotations

from pathlib import Path

import yaml

from tests.conftest import SOURCES


def test_explain_on_jian_names_the_bracket_behind_each_task(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "jian.yaml"
    result = invoke("extract", SOURCES / "jian-2017.txt", "-o", out, "--explain")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    task = lines.index("任务 (五) 全力保障农民工工资支付")
    assert lines[task + 1] == (
        "  句末括号「市人社局牵头,市公安局、市城建局、市交通运输局、市国资委、市法院、市总工会参加」"
        "→ 市人社局（牵头）、市公安局（配合）、市城建局（配合）、市交通运输局（配合）、市国资委（配合）、"
        "市法院（配合）、市总工会（配合）"
    )
    assert sum(line.startswith("任务 ") for line in lines) == 22


def test_explain_says_when_a_task_names_no_agency(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = invoke("extract", SOURCES / "ningxia-2023.txt", "-o", tmp_path / "nx.yaml", "--explain")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    task = lines.index("任务 (一) 提高县域就业质量")
    assert lines[task + 1] == "  没有找到单位"


def test_explain_to_stdout_keeps_the_yaml_clean(invoke) -> None:  # type: ignore[no-untyped-def]
    result = invoke("extract", SOURCES / "jian-2017.txt", "-o", "-", "--explain")
    assert result.exit_code == 0
    data = yaml.safe_load(result.stdout)
    assert sum(t["kind"] == "task" for t in data["tasks"]) == 22
    assert "句末括号" in result.stderr
    assert all(set(a) == {"name", "role"} for t in data["tasks"] for a in t.get("agencies") or [])


def test_explain_names_the_finder_behind_each_target(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = invoke("extract", SOURCES / "ningxia-2023.txt", "-o", tmp_path / "nx.yaml", "--explain")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    task = lines.index("任务 (二) 提升技能培训质量")
    assert lines[task + 2] == (
        "  正文中的目标「脱贫劳动力4000人以上；“乡村建设带头工匠”500人以上」→ 目标 ≥4000人、≥500人"
    )


STAGED = """某县2025年农村人居环境整治行动方案
一、工作步骤
(一)宣传发动阶段(2025年3月底前)
1.制定实施方案。(县农业农村局负责)
2.开展入户宣传。
(牵头单位:各乡镇;完成时限:2025年2月底前)
(二)巩固提升阶段
1.建立长效管护机制。(县农业农村局负责,长期坚持)
"""


def test_explain_names_the_finder_behind_each_deadline(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / "staged.txt"
    source.write_text(STAGED, encoding="utf-8")
    result = invoke("extract", source, "-o", tmp_path / "staged.yaml", "--explain")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    first = lines.index("任务 1 制定实施方案")
    assert lines[first + 2] == "  阶段标题的时限「2025年3月底前」→ 时限 2025-03-31"
    second = lines.index("任务 2 开展入户宣传")
    assert lines[second + 2] == "  时限标注行「2025年2月底前」→ 时限 2025-02-28"
    heading = lines.index("标题 (一) 宣传发动阶段(2025年3月底前)")
    assert lines[heading + 1] == "  正文中的时限「2025年3月底前」→ 时限 2025-03-31"
    assert "  正文中的时限「长期坚持」→ 时限 持续推进，没有截止日期" in lines
