"""Which period `plantrack report` covers when none is given."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from plantrack.report.generate import report_date
from tests.conftest import EXTRACTED


def test_default_is_the_last_finished_quarter() -> None:
    assert report_date(None, None, date(2017, 10, 9), [2017]) == date(2017, 9, 30)
    assert report_date(None, None, date(2017, 1, 5), [2017]) == date(2016, 12, 31)


def test_a_plan_whose_year_is_over_reports_its_last_quarter() -> None:
    assert report_date(None, None, date(2026, 11, 23), [2017]) == date(2017, 12, 31)
    assert report_date(None, None, date(2026, 11, 23), [2017, 2023]) == date(2023, 12, 31)
    assert report_date("2017Q3", None, date(2026, 11, 23), [2017]) == date(2017, 9, 30)


def test_cli_says_which_quarter_it_chose(invoke, workspace: Path) -> None:  # type: ignore[no-untyped-def]
    shutil.copy(EXTRACTED / "jian-2017.yaml", workspace / "data" / "extracted" / "jian-2017.yaml")
    result = invoke("-w", workspace, "report")
    assert result.exit_code == 0, result.output
    assert "计划年度为2017年，已按该年最后一个季度生成" in result.output
    assert (workspace / "reports" / "2017Q4.md").is_file()
