"""plantrack extract --explain: per item, which finder gave which agencies, on the seed notices."""

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
