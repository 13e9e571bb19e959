"""Read a number as printed in a notice: 6.04万, 45000, 4,000, 一万二千, 两千余, 百分之八十五, 三分之二,
一点五万, 1万2千.

Fractions and 百分之 forms are read as percentages (三分之二 -> 66.666…, 百分之八十五 -> 85): in a
plan they are shares, and the target that holds them gets the unit ``%``. A trailing 余/多 (两千余)
is read away; the caller turns it into the ``>`` comparator. A form that could be read two ways
(一万二: 10002 or 12000; 2万5) is not a number: a misread target is worse than a missing one.
"""

from __future__ import annotations

import math
import re
from decimal import Decimal, InvalidOperation

from plantrack.lang.comparators import ABOUT_MARKS
from plantrack.lang.units import CN_BIG_UNITS, CN_DIGITS, CN_SMALL_UNITS, MULTIPLIERS

_MULTS = "|".join(sorted(MULTIPLIERS, key=len, reverse=True))
_ABOUT = "|".join(ABOUT_MARKS)
_ARABIC = re.compile(
    rf"(?P<int>\d{{1,3}}(?:,\d{{3}})+|\d+)(?P<frac>\.\d+)?(?:{_ABOUT})?(?P<mult>{_MULTS})?(?:{_ABOUT})?"
)
_FRACTION = re.compile(r"(?P<den>[^分]+)分之(?P<num>.+)")
_CN_DIGIT_SET = "".join(CN_DIGITS)
_CN_DECIMAL = re.compile(
    rf"(?P<int>[{_CN_DIGIT_SET}十百千]+)点(?P<frac>[{_CN_DIGIT_SET}]+)(?P<mult>{_MULTS})?"
)
_MIXED = re.compile(r"(?:\d+[亿万千百十])+[亿万]?\d*")  # 1万2千, 3千5百, 1千5百万


def parse_number(text: str) -> float | None:
    """The value of a printed number, or None if ``text`` is not exactly one number."""
    s = text.strip()
    if not s:
        return None
    if s.startswith("百分之"):
        return _plain(s[3:])
    m = _FRACTION.fullmatch(s)
    if m:
        den, num = _plain(m["den"]), _plain(m["num"])
        if not den or num is None:
            return None
        return num / den * 100
    return _plain(s)


def _plain(s: str) -> float | None:
    """A number without fraction words: Arabic (with 万/亿) or Chinese."""
    m = _ARABIC.fullmatch(s)
    if m:
        try:
            value = Decimal(m["int"].replace(",", "") + (m["frac"] or ""))
        except InvalidOperation:
            return None
        if m["mult"]:
            value *= MULTIPLIERS[m["mult"]]
        result = float(value)
        return result if math.isfinite(result) else None
    s = s.rstrip("".join(ABOUT_MARKS))
    m = _CN_DECIMAL.fullmatch(s)
    if m:
        return _chinese_decimal(m["int"], m["frac"], m["mult"])
    n = _mixed(s) if _MIXED.fullmatch(s) else parse_chinese(s)
    return None if n is None else float(n)


def _chinese_decimal(whole: str, frac: str, mult: str | None) -> float | None:
    """一点五万 -> 15000, 三点五 -> 3.5."""
    n = parse_chinese(whole)
    if n is None:
        return None
    value = Decimal(n) + Decimal("0." + "".join(str(CN_DIGITS[c]) for c in frac))
    return float(value * (MULTIPLIERS[mult] if mult else 1))


def _mixed(s: str) -> int | None:
    """Arabic digits with Chinese units: 1万2千 -> 12000, 3千5百 -> 3500; 2万5 (ambiguous) -> None."""
    tokens = re.findall(r"\d+|\D", s)
    return _sections([int(t) if t.isdigit() else t for t in tokens])


def parse_chinese(s: str) -> int | None:
    """一万二千 -> 12000, 一百零五 -> 105, 十五 -> 15, 二〇二〇 -> 2020; None if malformed (十三五)."""
    if not s or any(c not in CN_DIGITS and c not in CN_SMALL_UNITS and c not in CN_BIG_UNITS for c in s):
        return None
    if all(c in CN_DIGITS for c in s):  # positional: 二〇二〇
        return int("".join(str(CN_DIGITS[c]) for c in s)) if len(s) > 1 or s != "零" else 0
    return _sections([CN_DIGITS.get(c, c) for c in s])


def _sections(tokens: list[int | str]) -> int | None:
    """Digits (ints) and unit characters, read left to right; None if malformed or ambiguous."""
    total = section = 0
    digit: int | None = None
    last_unit = ""
    zero = False
    for tok in tokens:
        if isinstance(tok, int):
            if digit is not None and digit != 0 and tok != 0:
                return None  # two digits in a row: 十三五
            zero = zero or tok == 0
            digit = tok
        elif tok in CN_SMALL_UNITS:
            if digit is not None and digit >= 10:
                return None  # 12千
            section += (1 if digit is None else digit) * CN_SMALL_UNITS[tok]
            digit, last_unit, zero = None, tok, False
        else:
            big = CN_BIG_UNITS[tok]
            part = section + (digit or 0)
            if part == 0 and total == 0:
                return None  # a bare 万 or 亿
            total = (total + part) * big if big > 10**4 else total + part * big
            section, digit, last_unit, zero = 0, None, tok, False
    if digit and last_unit and last_unit != "十" and not zero:
        return None  # 一万二, 一百五, 2万5: 12000 or 10002? never guess
    return total + section + (digit or 0)
