"""`plantrack report` from the command line: where it writes, what it prints, its errors."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from plantrack.errors import UsageError
from plantrack.report.generate import report_date
from tests.report_sample import sample_entries, sample_plan
from tests.test_report_golden import GOLDEN


@pytest.fixture
def filled(workspace: Path) -> Path:
    """The workspace with the sample plan and its journal."""
    from plantrack.planfile import write_plan
    from plantrack.tracking.journal import append_entry

    plan = sample_plan()
    write_plan(plan, workspace / "data" / "extracted" / f"{plan.id}.yaml")
    journal = workspace / "data" / "progress" / f"{plan.id}.yaml"
    for entry in sample_entries():
        append_entry(journal, plan.id, lambda i, e=entry: e.model_copy(update={"id": i}))
    return workspace


def test_report_writes_the_quarter_file(invoke, filled: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(filled)
    result = invoke("report", "--quarter", "2017Q3")
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "已生成报告：reports/2017Q3.md（2017年第三季度）\n"
        "  《吉安市农民工工作领导小组2017年工作要点》7项任务：已完成1项，序时推进2项，严重滞后3项，未报送1项\n"
    )
    # the correction is for the reviewer, on stderr, never in the document
    assert result.stderr == (
        "审核提示：jian-2017 任务 (七)“扩大农民工社会保险覆盖面”：采用的是更正后的记录 #7（更正 #6，市人社局）。\n"
    )
    written = (filled / "reports" / "2017Q3.md").read_bytes()
    assert written == (GOLDEN / "report-sample-2017Q3.md").read_bytes()


def test_report_to_stdout_and_to_a_file(invoke, filled: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    shown = invoke("-w", filled, "report", "-q", "2017Q3", "-o", "-")
    assert shown.exit_code == 0
    assert shown.stdout.encode("utf-8") == (GOLDEN / "report-sample-2017Q3.md").read_bytes()
    out = tmp_path / "out" / "三季度.md"
    result = invoke("-w", filled, "report", "-q", "2017Q3", "-o", out)
    assert result.exit_code == 0
    assert out.read_bytes() == (GOLDEN / "report-sample-2017Q3.md").read_bytes()


def test_agency_report(invoke, filled: Path) -> None:  # type: ignore[no-untyped-def]
    result = invoke("-w", filled, "report", "-q", "2017Q3", "--agency", "人社局")
    assert result.exit_code == 0, result.output
    path = filled / "reports" / "2017Q3-市人社局.md"
    assert path.read_bytes() == (GOLDEN / "report-sample-2017Q3-市人社局.md").read_bytes()


def test_date_inside_a_quarter_and_plan_prefix(invoke, filled: Path) -> None:  # type: ignore[no-untyped-def]
    result = invoke("-w", filled, "report", "--as-of", "2017年8月15日", "--plan", "jian")
    assert result.exit_code == 0, result.output
    text = (filled / "reports" / "2017-08-15-jian-2017.md").read_text(encoding="utf-8")
    assert text.startswith(
        "# 关于《吉安市农民工工作领导小组2017年工作要点》截至2017年8月15日落实情况的报告\n"
    )
    assert "| 序号 | 工作任务 | 牵头单位 | 进展情况 | 完成率 | 序时进度 | 状态 |" in text
    assert (
        "| 6 | 有序推进农民工在城镇落户 | 市公安局、市发改委 | 本期未报送（此前报送：推进中，完成40%） | 40% |"
        in text
    )


def test_workspace_template_wins(invoke, filled: Path) -> None:  # type: ignore[no-untyped-def]
    (filled / "templates").mkdir()
    (filled / "templates" / "report.md.j2").write_text(
        "{{ report.period }}：{{ report.plans[0].total }}项\n", encoding="utf-8"
    )
    result = invoke("-w", filled, "report", "-q", "2017Q3", "-o", "-")
    assert result.stdout == "2017年第三季度：7项\n"


ERRORS = [
    (
        "before the plan year",
        ["-q", "2016Q4"],
        "2016年第四季度早于计划年度（2017年），还没有可以报告的进展。",
    ),
    ("bad quarter", ["-q", "2017Q5"], "季度 '2017Q5' 的写法不对。"),
    ("both dates", ["-q", "2017Q3", "--as-of", "2017-09-30"], "--quarter 和 --as-of 只能用一个。"),
    ("unknown agency", ["-q", "2017Q3", "-a", "市民政局"], "没有找到单位“市民政局”。"),
    ("unknown plan", ["-q", "2017Q3", "-p", "ningxia"], "没有计划“ningxia”。"),
]


@pytest.mark.parametrize(("args", "message"), [(a, m) for _, a, m in ERRORS], ids=[i for i, _, _ in ERRORS])
def test_errors(invoke, filled: Path, args: list[str], message: str) -> None:  # type: ignore[no-untyped-def]
    result = invoke("-w", filled, "report", *args)
    assert result.exit_code == 1
    assert f"错误：{message}" in result.output
    assert "Traceback" not in result.output
    assert not (filled / "reports").exists()


def test_no_plans(invoke, workspace: Path) -> None:  # type: ignore[no-untyped-def]
    result = invoke("-w", workspace, "report", "-q", "2017Q3")
    assert result.exit_code == 1
    assert "错误：工作区里还没有计划。" in result.output


@pytest.mark.parametrize(
    ("quarter", "as_of", "today", "expected"),
    [
        ("2017Q3", None, date(2020, 1, 1), date(2017, 9, 30)),
        (None, date(2017, 8, 15), date(2020, 1, 1), date(2017, 8, 15)),
        (None, None, date(2017, 10, 9), date(2017, 9, 30)),  # the last finished quarter
        (None, None, date(2018, 1, 2), date(2017, 12, 31)),
    ],
)
def test_report_date(quarter: str | None, as_of: date | None, today: date, expected: date) -> None:
    assert report_date(quarter, as_of, today) == expected


def test_report_date_refuses_both() -> None:
    with pytest.raises(UsageError):
        report_date("2017Q3", date(2017, 9, 30), date(2020, 1, 1))
