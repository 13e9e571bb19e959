from __future__ import annotations

from datetime import date

import pytest

from plantrack.errors import UsageError
from plantrack.periods import Quarter, elapsed_share, last_finished_quarter


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2017Q3", Quarter(2017, 3)),
        ("2017q1", Quarter(2017, 1)),
        ("2017-Q4", Quarter(2017, 4)),
        ("2017年第三季度", Quarter(2017, 3)),
    ],
)
def test_parse(text: str, expected: Quarter) -> None:
    assert Quarter.parse(text) == expected


@pytest.mark.parametrize("text", ["2017Q5", "Q3", "2017", "三季度"])
def test_parse_rejects(text: str) -> None:
    with pytest.raises(UsageError, match="2017Q3"):
        Quarter.parse(text)


def test_bounds_and_labels() -> None:
    q = Quarter(2017, 3)
    assert (q.start, q.end) == (date(2017, 7, 1), date(2017, 9, 30))
    assert Quarter(2017, 4).end == date(2017, 12, 31)
    assert q.label == "2017年第三季度"
    assert Quarter(2017, 1).previous() == Quarter(2016, 4)
    assert last_finished_quarter(date(2017, 10, 9)) == q


def test_elapsed_share() -> None:
    year = (date(2017, 1, 1), date(2017, 12, 31))
    assert elapsed_share(*year, date(2017, 12, 31)) == 1.0
    assert elapsed_share(*year, date(2016, 12, 31)) == 0.0
    assert round(elapsed_share(*year, date(2017, 9, 30)), 3) == round(273 / 365, 3)
