"""Every plan is trackable: a notice whose tasks name no agency hands them to its issuers."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from plantrack.extract.batch import extract_one
from plantrack.extract.plan_id import make_plan_id
from plantrack.workspace import Workspace
from tests.conftest import SOURCES


@pytest.mark.parametrize(
    ("title", "issuers", "doc_number", "expected"),
    [
        ("自治区人力资源社会保障厅等9部门关于开展县域农民工市民化质量提升行动的通知", ["自治区人力资源和社会保障厅"],
         "宁人社函〔2023〕81号", "宁夏-2023-行动"),
        ("吉安市农民工工作领导小组2017年工作要点", ["吉安市农民工工作领导小组办公室"], "吉农工办〔2017〕1号",
         "吉安市-2017-工作要点"),
        ("省人社厅关于开展农民工欠薪专项行动的通知", [], "赣人社字〔2019〕5号", "江西-2019-专项行动"),
        ("市人社局关于做好2020年就业工作的实施方案", [], "", "市-2020-实施方案"),
    ],
)  # fmt: skip
def test_plan_id_names_the_place_and_the_type_as_printed(
    title: str, issuers: list[str], doc_number: str, expected: str
) -> None:
    year = int(expected.split("-")[1])
    assert make_plan_id(title, year, issuers, doc_number) == expected


@pytest.fixture
def ningxia(invoke, workspace: Path) -> Path:  # type: ignore[no-untyped-def]
    result = invoke("-w", workspace, "extract", SOURCES / "ningxia-2023.txt")
    assert result.exit_code == 0, result.output
    return workspace


def test_tasks_without_agencies_inherit_the_issuers(ningxia: Path) -> None:
    from plantrack.planfile import load_plan

    plan = load_plan(ningxia / "data" / "extracted" / "宁夏-2023-行动.yaml")
    tasks = plan.trackable()
    assert len(tasks) == 7
    assert all(t.agencies == [] for t in tasks)  # what the notice prints: nothing
    assert all([a.name for a in t.inherited_agencies] == plan.issuer for t in tasks)
    assert any("inherited_agencies" in w for w in plan.warnings)
    assert "inherited_agencies:" in (ningxia / "data" / "extracted" / "宁夏-2023-行动.yaml").read_text(
        encoding="utf-8"
    )


def test_record_and_status_by_agency_on_an_inherited_plan(invoke, ningxia: Path) -> None:  # type: ignore[no-untyped-def]
    run = lambda *a: invoke("-w", ningxia, *a)  # noqa: E731
    result = run(
        "record", "宁夏", "(二)", "--agency", "自治区人社厅", "-d", "2023-06-30", "--actual", "0=2100"
    )
    assert result.exit_code == 0, result.output
    assert "2023-06-30 自治区人力资源和社会保障厅：[0] 2100人" in result.output
    result = run("status", "--agency", "自治区人社厅", "--as-of", "2023-06-30")
    assert result.exit_code == 0, result.output
    assert (
        result.output.splitlines()[-1]
        == "共 7 项：严重滞后 0，滞后 0，未报送 6，未启动 0，序时推进 1，已完成 0"
    )
    # the other issuers owe their share of the task
    shown = run("show", "宁夏", "(二)", "--as-of", "2023-06-30").output
    assert "未报送：自治区发展改革委、自治区教育厅" in shown


def test_recipients_are_inherited_when_the_workspace_says_so(workspace: Path) -> None:
    toml = workspace / "plantrack.toml"
    toml.write_text(
        toml.read_text(encoding="utf-8").replace("# inherit_recipients = false", "inherit_recipients = true"),
        encoding="utf-8",
    )
    shutil.copy(SOURCES / "ningxia-2023.txt", workspace / "n.txt")
    plan = extract_one(workspace / "n.txt", workspace=Workspace(workspace)).plan
    names = [a.name for a in plan.trackable()[0].inherited_agencies]
    assert names[:9] == plan.issuer and names[9:] == plan.recipients
