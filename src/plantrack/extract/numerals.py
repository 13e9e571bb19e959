"""Read a number as printed in a notice: 6.04万, 45000, 4,000, 一万二千, 两千余, 百分之八十五, 三分之二.

Fractions and 百分之 forms are read as percentages (三分之二 -> 66.666…, 百分之八十五 -> 85): in a
plan they are shares, and the target that holds them gets the unit ``%``. A trailing 余/多 (两千余)
is read away; the caller turns it into the ``>`` comparator.
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
    n = parse_chinese(s)
    return None if n is None else float(n)


def parse_chinese(s: str) -> int | None:
    """一万二千 -> 12000, 一百零五 -> 105, 十五 -> 15, 二〇二〇 -> 2020; None if malformed (十三五)."""
    if not s or any(c not in CN_DIGITS and c not in CN_SMALL_UNITS and c not in CN_BIG_UNITS for c in s):
        return None
    if all(c in CN_DIGITS for c in s):  # positional: 二〇二〇
        return int("".join(str(CN_DIGITS[c]) for c in s)) if len(s) > 1 or s != "零" else 0
    total = section = 0
    digit: int | None = None
    for c in s:
        if c in CN_DIGITS:
            if digit is not None and digit != 0 and CN_DIGITS[c] != 0:
                return None  # two digits in a row: 十三五
            digit = CN_DIGITS[c]
        elif c in CN_SMALL_UNITS:
            section += (1 if digit is None else digit) * CN_SMALL_UNITS[c]
            digit = None
        else:
            big = CN_BIG_UNITS[c]
            part = section + (digit or 0)
            if part == 0 and total == 0:
                return None  # a bare 万 or 亿
            total = (total + part) * big if big > 10**4 else total + part * big
            section, digit = 0, None
    return total + section + (digit or 0)
