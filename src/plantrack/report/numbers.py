"""Numbers and dates written the way Chinese office reports write them: 4.5万人, 74.5%, 2017年9月30日."""

from __future__ import annotations

from datetime import date

# (threshold, divisor, suffix), largest first: 45000 人 -> 4.5万人.
MAGNITUDES: tuple[tuple[float, float, str], ...] = ((1e8, 1e8, "亿"), (1e4, 1e4, "万"))
# Units that are already ratios: never scaled to 万, printed right after the number.
RATIO_UNITS: frozenset[str] = frozenset({"%", "‰", "个百分点"})


def trim(value: float, places: int = 4) -> str:
    """A number without trailing zeros: 6.0400 -> 6.04, 3.0 -> 3, 1234.5 -> 1234.5."""
    text = f"{round(value, places):.{places}f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def amount(value: float, unit: str = "") -> str:
    """45000, 人 -> 4.5万人; 1200, 个 -> 1200个; 95, % -> 95%."""
    if unit not in RATIO_UNITS:
        for threshold, divisor, suffix in MAGNITUDES:
            if abs(value) >= threshold:
                return f"{trim(value / divisor)}{suffix}{unit}"
    return f"{trim(value, 2)}{unit}"


def pct(value: float | None, missing: str = "—") -> str:
    """One decimal, whole numbers without one, and a percent sign: 74.4827 -> 74.5%, 75.0 -> 75%;
    None -> the missing mark."""
    if value is None:
        return missing
    return trim(value, 1) + "%"


def share(part: int, whole: int) -> str:
    """Share of a count, for 序时推进14项，占63.6%."""
    return pct(100.0 * part / whole if whole else 0.0)


def change(delta: float, unit: str) -> str:
    """Change since last quarter: 比上季度末增加1.2万人 / 提高2个百分点 / 持平."""
    if abs(delta) < 1e-9:
        return "与上季度末持平"
    if unit in RATIO_UNITS:
        points = trim(abs(delta), 2)
        verb = "提高" if delta > 0 else "下降"
        return (
            f"比上季度末{verb}{points}个百分点"
            if unit == "%"
            else f"比上季度末{verb}{amount(abs(delta), unit)}"
        )
    verb = "增加" if delta > 0 else "减少"
    return f"比上季度末{verb}{amount(abs(delta), unit)}"


def cn_date(day: date) -> str:
    """2017年9月30日."""
    return f"{day.year}年{day.month}月{day.day}日"


def cn_month_day(day: date) -> str:
    """9月30日."""
    return f"{day.month}月{day.day}日"


_CN_DIGITS = "零一二三四五六七八九"


def cn_numeral(n: int) -> str:
    """1 -> 一, 10 -> 十, 12 -> 十二, 22 -> 二十二 (1..99), for headings like （三）."""
    if not 0 < n < 100:
        return str(n)
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _CN_DIGITS[tens] + "十")
    return head + (_CN_DIGITS[ones] if ones else "")


def points(gap: float) -> str:
    """Percentage points, at most one decimal: 35.27 -> 35.3个百分点, 15.0 -> 15个百分点."""
    return pct(gap).removesuffix("%") + "个百分点"
