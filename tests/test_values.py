"""Values and dates `record` reads and checks against the target and the plan (issues 11 and 14)."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest

from plantrack.dates import parse_user_date
from plantrack.errors import UsageError
from plantrack.tracking.quantity import split_quantity
from tests.conftest import FIXTURES


@pytest.mark.parametrize(
    ("typed", "value", "unit"),
    [
        ("4万5", 45000, ""),
        ("4.5万", 45000, ""),
        ("四万五千", 45000, ""),
        ("四万五", 45000, ""),
        ("45,000", 45000, ""),
        ("45，000人", 45000, "人"),
        ("4万5千人", 45000, "人"),
        ("三千五", 3500, ""),
        ("一百零五", 105, ""),
        ("2万5000", 25000, ""),
        ("1.2亿元", 1.2e8, "元"),
        ("6.04万人", 60400, "人"),
        ("85%", 85, "%"),
        ("99.9999999", 99.9999999, ""),
        ("-4.72万", -47200, ""),
    ],
)
def test_amounts_as_clerks_type_them(typed: str, value: float, unit: str) -> None:
    assert split_quantity(typed) == (value, unit)


@pytest.mark.parametrize("typed", ["很多", "万", "4万万万5.5.5", ""])
def test_not_amounts(typed: str) -> None:
    assert split_quantity(typed) is None


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("9月30日", date(2017, 9, 30)),
        ("9.30", date(2017, 9, 30)),
        ("9-30", date(2017, 9, 30)),
        ("Q3", date(2017, 9, 30)),
        ("q1", date(2017, 3, 31)),
        ("三季度", date(2017, 9, 30)),
        ("第四季度", date(2017, 12, 31)),
        ("2018Q2", date(2018, 6, 30)),
        ("上半年", date(2017, 6, 30)),
        ("2017年6月30日", date(2017, 6, 30)),
    ],
)
def test_dates_without_a_year_take_the_plan_year(typed: str, expected: date) -> None:
    assert parse_user_date(typed, "--date", 2017) == expected


def test_a_date_without_a_year_needs_a_plan_year() -> None:
    with pytest.raises(UsageError):
        parse_user_date("9月30日")


@pytest.fixture
def run(invoke, workspace: Path):  # type: ignore[no-untyped-def]
    shutil.copy(FIXTURES / "plans" / "mini-2017.yaml", workspace / "data" / "extracted" / "mini-2017.yaml")

    def _run(*args: str):  # type: ignore[no-untyped-def]
        return invoke("-w", workspace, *args)

    return _run


def _record(run, *args: str):  # type: ignore[no-untyped-def]
    return run("record", "mini-2017", *args)


@pytest.mark.parametrize("typed", ["4万5", "4.5万", "四万五千", "45,000"])
def test_record_reads_every_spelling_as_45000(run, typed: str) -> None:  # type: ignore[no-untyped-def]
    result = _record(run, "(二)", "-a", "人社局", "-d", "2017-09-30", "--actual", f"0={typed}", "--yes")
    assert result.exit_code == 0, result.output
    assert "[0] 4.5万人" in result.output


def test_a_bare_number_needs_a_task_with_one_target(run) -> None:  # type: ignore[no-untyped-def]
    assert _record(run, "(二)", "-a", "人社局", "-d", "9.30", "--actual", "4200").exit_code == 0
    result = _record(run, "(一)", "-a", "人社局", "-d", "9.30", "--actual", "4万5")
    assert result.exit_code == 1 and "没有指明目标" in result.output


def test_far_above_the_target_needs_yes_and_shows_as_over(run) -> None:  # type: ignore[no-untyped-def]
    # (二) 农民工创业培训5000人以上: 115万 is 230 times it
    result = _record(run, "(二)", "-a", "人社局", "-d", "2017-09-30", "--actual", "115万")
    assert result.exit_code == 1
    assert "农民工创业培训 的实际值 115万人 是目标 5000人 的 230 倍" in result.output
    assert "--yes" in result.output
    result = _record(run, "(二)", "-a", "人社局", "-d", "2017-09-30", "--actual", "115万", "--yes")
    assert result.exit_code == 0, result.output
    task = json.loads(run("status", "--as-of", "2017-09-30", "--json").output)["tasks"][1]
    assert (task["targets"][0]["pct"], task["targets"][0]["over"]) == (23000.0, True)
    table = run("status", "--as-of", "2017-09-30").output
    assert "115万/≥5000人 23000% 超额※" in table and "（超额，待核实）" in table
    report = run("report", "-q", "2017Q3", "-o", "-")
    # the body says 超额完成 with the real figure; the check is for the reviewer, on stderr
    assert "累计完成115万人，占年度目标23000%，超额完成" in report.stdout
    assert "核实" not in report.stdout
    assert "农民工创业培训报送115万人，为目标5000人的23000%，报告中写作超额完成，请核实。" in report.stderr


# Impossible values (negative, -50%, done at 10%) are refused: tests/reliability/test_bad_values.py.


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-d", "2017-09-30", "--actual", "0=9999999999999999999999万"], "倍"),
        (["-d", "0001-01-01", "--percent", "10"], "日期 0001-01-01 早于计划年度（2017年）"),
        (["-d", "2016-12-31", "--percent", "10"], "日期 2016-12-31 早于计划年度（2017年）"),
        (["-d", "2017-02-01", "--percent", "10"], "日期 2017-02-01 早于计划印发日期 2017-03-01"),
        (["-d", "2018-01-15", "--percent", "10"], "日期 2018-01-15 晚于计划年度（2017年）"),
    ],
)
def test_unlikely_values_and_dates_ask_for_confirmation(run, args: list[str], message: str) -> None:  # type: ignore[no-untyped-def]
    result = _record(run, "(一)", "-a", "人社局", *args)
    assert result.exit_code == 1 and message in result.output, result.output
    assert _record(run, "(一)", "-a", "人社局", *args, "--yes").exit_code == 0


def test_minus_zero_and_many_decimals_are_stored_as_typed(run, workspace: Path) -> None:  # type: ignore[no-untyped-def]
    assert _record(run, "(四)", "-d", "2017-09-30", "--actual", "-0").exit_code == 0
    assert _record(run, "(二)", "-a", "人社局", "-d", "2017-09-30", "--percent", "99.9999999").exit_code == 0
    lines = (workspace / "data" / "progress" / "mini-2017.yaml").read_text(encoding="utf-8").splitlines()
    entries = [json.loads(ln[2:]) for ln in lines if ln.startswith("- ")]
    assert entries[0]["actuals"] == {"0": 0.0}
    assert entries[1]["percent"] == 99.9999999


def test_plan_year_dates_on_record(run) -> None:  # type: ignore[no-untyped-def]
    for typed, shown in (("9月30日", "2017-09-30"), ("Q3", "2017-09-30"), ("三季度", "2017-09-30")):
        result = _record(run, "(二)", "-a", "人社局", "-d", typed, "--percent", "50")
        assert result.exit_code == 0, result.output
        assert f"  {shown} 市人社局" in result.output
