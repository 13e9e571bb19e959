"""Amounts as clerks type them: 45000, 45,000, 4.5万, 4万5, 四万五千, 1.2亿, -0, 99.9999999.

The amount is the longest leading span of digits, Chinese numerals and 十百千万亿; what follows is
the unit. Inside the span, Arabic and Chinese numbers mix freely, and a last single digit after a
unit counts one place lower, as people say it (4万5 and 四万五 are 45000, 三千五 is 3500).
"""

from __future__ import annotations

import math
import re
import unicodedata
from decimal import Decimal, InvalidOperation

from plantrack.lang.units import CN_BIG_UNITS, CN_DIGITS, CN_SMALL_UNITS

_CN = "".join(CN_DIGITS) + "两" + "".join(CN_SMALL_UNITS) + "".join(CN_BIG_UNITS)
_SPAN = re.compile(
    rf"^(?P<sign>[-+负]?)\s*(?P<span>(?:\d{{1,3}}(?:,\d{{3}})+|\d+|\.\d+|[{_CN}.])+)\s*(?P<rest>.*)$"
)
_TOKEN = re.compile(rf"\d+(?:\.\d+)?|\.\d+|[{_CN}]")
_DIGITS = {**CN_DIGITS, "两": 2}


def split_quantity(text: str) -> tuple[float, str] | None:
    """(value, unit text after it), or None when the text does not start with an amount."""
    typed = unicodedata.normalize("NFKC", text).strip().replace("，", ",")
    m = _SPAN.match(typed)
    if not m:
        return None
    value = read_span(m["span"].replace(",", ""))
    if value is None:
        return None
    number = float(-value if m["sign"] in ("-", "负") else value)
    if not math.isfinite(number):
        return None
    return number, m["rest"].strip()


def read_span(span: str) -> Decimal | None:
    """The value of a span of digits and numerals (no sign, no unit); None when malformed."""
    tokens = _TOKEN.findall(span)
    if not tokens or "".join(tokens) != span:
        return None
    total = section = Decimal(0)
    digit: Decimal | None = None
    last_unit: int | None = None
    after_zero = False
    for tok in tokens:
        if tok in CN_SMALL_UNITS or tok in CN_BIG_UNITS:
            unit = CN_SMALL_UNITS.get(tok) or CN_BIG_UNITS[tok]
            if unit in CN_SMALL_UNITS.values():
                section += (Decimal(1) if digit is None else digit) * unit
            else:
                part = section + (digit or 0)
                if part == 0 and total == 0:
                    return None  # a bare 万
                total = (total + part) * unit if unit > 10**4 else total + part * unit
                section = Decimal(0)
            digit, last_unit, after_zero = None, unit, False
            continue
        value = _number(tok)
        if value is None:
            return None
        if value == 0 and tok in CN_DIGITS:
            after_zero = True
            continue
        if digit is not None:
            return None  # two numbers in a row
        digit = value
    if digit is not None and last_unit and not after_zero and _single_digit(digit):
        digit *= Decimal(last_unit) / 10  # 4万5: the 5 is 5千
    return total + section + (digit or 0)


def _number(tok: str) -> Decimal | None:
    if tok in _DIGITS:
        return Decimal(_DIGITS[tok])
    try:
        return Decimal(tok)
    except InvalidOperation:
        return None


def _single_digit(value: Decimal) -> bool:
    return value == value.to_integral_value() and 0 < value < 10
