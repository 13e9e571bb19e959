from __future__ import annotations

import pytest

from plantrack.extract.numerals import parse_chinese, parse_number

# Numbers as printed in real notices (Ji'an 2017, Ningxia 2023, Yunnan 2022, MOHRSS 2013).
REAL = [
    ("6.04万", 60400),
    ("4.26万", 42600),
    ("1.725万", 17250),
    ("2.99万", 29900),
    ("0.66万", 6600),
    ("1.3万", 13000),
    ("4000", 4000),
    ("500", 500),
    ("6287万", 62870000),
    ("1930万", 19300000),
    ("900万", 9000000),
    ("4.6", 4.6),
    ("6.2", 6.2),
    ("100", 100),
    ("1万余", 10000),
    ("395万多", 3950000),
    ("5000多万", 50000000),
]
# The same kind of number in the forms other notices use.
STYLE = [
    ("45000", 45000),
    ("4,000", 4000),
    ("1,200,000", 1200000),
    ("一万二千", 12000),
    ("两千余", 2000),
    ("十", 10),
    ("十五", 15),
    ("二十三", 23),
    ("一百零五", 105),
    ("一千零一十", 1010),
    ("三千五百万", 35000000),
    ("一亿二千万", 120000000),
    ("二〇二〇", 2020),
    ("1.5亿", 150000000),
    ("3千", 3000),
    ("十万", 100000),
    ("1.2万亿", 1.2e12),
    (" 6.04万 ", 60400),
]
# Fractions and 百分之 forms are read as percentages.
PERCENT = [
    ("百分之八十五", 85),
    ("百分之百", 100),
    ("百分之5", 5),
    ("三分之二", 200 / 3),
    ("3分之1", 100 / 3),
    ("千分之五", 0.5),
]
NOT_NUMBERS = [
    "",
    "   ",
    "abc",
    "十三五",
    "6.04万人",
    "万",
    "1+5",
    "三分之",
    "分之二",
    "零分之一",
    "1万2",
    "一万二",
    "一百五",
    "2万5千5",
]


@pytest.mark.parametrize(
    ("text", "expected"), REAL + STYLE + PERCENT, ids=[r[0] for r in REAL + STYLE + PERCENT]
)
def test_parse_number(text: str, expected: float) -> None:
    assert parse_number(text) == pytest.approx(expected)


@pytest.mark.parametrize("text", NOT_NUMBERS)
def test_not_a_number(text: str) -> None:
    assert parse_number(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("一", 1),
        ("两", 2),
        ("零", 0),
        ("十一", 11),
        ("一百", 100),
        ("一万", 10000),
        ("三五", 35),
        ("十三五", None),
        ("一二三万", None),
        ("万", None),
        ("一万亿", 10**12),
        ("x", None),
        ("", None),
    ],
)
def test_parse_chinese(text: str, expected: int | None) -> None:
    assert parse_chinese(text) == expected


def test_huge_number_is_not_infinite() -> None:
    assert parse_number("9" * 400) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("一点五万", 15000),
        ("三点五", 3.5),
        ("两点三亿", 2.3e8),
        ("零点五", 0.5),
        ("1万2千", 12000),
        ("3千5百", 3500),
    ],
)
def test_decimal_and_mixed_numerals(text: str, expected: float) -> None:
    assert parse_number(text) == pytest.approx(expected)
