"""A hand-edited file with several mistakes gets every one of them named, each at its line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import EXTRACTED


@pytest.fixture
def broken(workspace: Path) -> Path:
    plan = workspace / "data" / "extracted" / "jian-2017.yaml"
    shutil.copy(EXTRACTED / "jian-2017.yaml", plan)
    lines = plan.read_text(encoding="utf-8").split("\n")
    # three mistakes a person makes: a role misspelt, a word for a number, a field name misspelt
    first_role = next(i for i, ln in enumerate(lines) if "{name: 市人社局, role: responsible}" in ln)
    lines[first_role] = lines[first_role].replace("role: responsible", "role: leader")
    value = next(i for i, ln in enumerate(lines) if ln.strip().startswith("- {") and "value: 60400" in ln)
    lines[value] = lines[value].replace("value: 60400", "value: 六万")
    kind = next(i for i, ln in enumerate(lines) if ln == "  kind: task")
    lines[kind] = "  kinds: task"
    plan.write_text("\n".join(lines), encoding="utf-8")
    return workspace


def test_every_problem_of_a_plan_file_is_named(invoke, broken: Path) -> None:  # type: ignore[no-untyped-def]
    text = (broken / "data" / "extracted" / "jian-2017.yaml").read_text(encoding="utf-8").split("\n")
    line_of = {
        word: next(i for i, ln in enumerate(text, 1) if word in ln) for word in ("leader", "六万", "kinds")
    }
    result = invoke("-w", broken, "show", "jian")
    assert result.exit_code == 2
    out = result.output
    assert "jian-2017.yaml: 有 3 处问题：" in out
    assert f"第 {line_of['kinds']} 行：字段 tasks[1].kinds 有误：不认识的字段（拼写错误？）" in out
    assert f"第 {line_of['leader']} 行：字段 tasks[1].agencies[0].role 有误：取值不在允许范围内" in out
    assert f"第 {line_of['六万']} 行：字段 tasks[1].targets[0].value 有误：应是数字，现为 '六万'" in out
    assert out.index("kinds") < out.index("leader") < out.index("六万")  # in file order


def test_check_lists_them_too(invoke, broken: Path) -> None:  # type: ignore[no-untyped-def]
    result = invoke("-w", broken, "check")
    assert result.exit_code == 2
    assert "有 3 处问题" in result.output and "六万" in result.output and "leader" in result.output


def test_every_problem_of_a_journal_line_and_settings(tmp_path: Path) -> None:
    from plantrack.errors import DataFileError
    from plantrack.tracking.journal import scan_journal
    from plantrack.workspace import init_workspace

    journal = tmp_path / "j.yaml"
    journal.write_text('- {"id": "x", "task": "1.1", "as_of": "2017-13-01"}\n', encoding="utf-8")
    (bad,) = scan_journal(journal).bad
    for field in ("id", "as_of", "recorded_at", "agency"):
        assert f"字段 {field} 有误" in bad.message
    ws = init_workspace(tmp_path / "ws")
    ws.settings_path.write_text('[status]\ntolerance = "十"\nserious = "三十"\n', encoding="utf-8")
    with pytest.raises(DataFileError) as caught:
        _ = ws.settings
    assert "status.tolerance" in caught.value.message and "status.serious" in caught.value.message
