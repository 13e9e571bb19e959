"""Values `record` once accepted silently: refused, or asked to confirm, by the tracking rules; what
is plausible is stored exactly as typed. (The rules themselves are tested in tests/test_values.py.)"""

from __future__ import annotations

from pathlib import Path

import pytest

from plantrack.tracking import journal
from tests.reliability.conftest import journal_of

PLAN = "mini-2017"
RECORD = ("record", PLAN, "1.1", "--agency", "人社局")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--actual", "0=-1"], "是负数"),
        (["--actual", "0=-4.72万"], "是负数"),
        (["--percent", "-50%"], "应是 0 到 100 之间的百分数"),
        (["--status", "done", "--percent", "10"], "状态为已完成，但完成百分比只有 10%"),
    ],
    ids=["negative", "negative-wan", "negative-percent", "done-at-10"],
)
def test_impossible_values_are_refused(ws: Path, invoke, args: list[str], message: str) -> None:  # type: ignore[no-untyped-def]
    result = invoke("-w", ws, *RECORD, "--date", "2017-09-30", *args)
    assert result.exit_code != 0, result.output
    assert message in result.output and "内部错误" not in result.output
    assert not journal_of(ws).exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--date", "2017-09-30", "--actual", "0=9999999999999999999999万"], "倍"),
        (["--date", "0001-01-01", "--percent", "10"], "日期 0001-01-01 早于计划年度（2017年）"),
        (["--date", "2016-12-31", "--percent", "10"], "日期 2016-12-31 早于计划年度（2017年）"),
    ],
    ids=["huge", "year-1", "year-before"],
)
def test_unlikely_values_need_confirmation(ws: Path, invoke, args: list[str], message: str) -> None:  # type: ignore[no-untyped-def]
    result = invoke("-w", ws, *RECORD, *args)
    assert result.exit_code != 0, result.output
    assert message in result.output and "--yes" in result.output
    assert not journal_of(ws).exists()
    result = invoke("-w", ws, *RECORD, *args, "--yes")
    assert result.exit_code == 0, result.output
    assert len(journal.read_entries(journal_of(ws))) == 1


def test_minus_zero_and_many_decimals_are_stored_as_typed(ws: Path, invoke) -> None:  # type: ignore[no-untyped-def]
    result = invoke("-w", ws, *RECORD, "--date", "2017-09-30", "--actual", "0=-0", "--percent", "99.9999999")
    assert result.exit_code == 0, result.output
    (entry,) = journal.read_entries(journal_of(ws))
    assert entry.percent == 99.9999999
    assert entry.actuals == {"0": 0}
