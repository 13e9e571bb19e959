"""Comparator words around a target number and the operator each one means. Data only.

Operators are the values of ``plantrack.models.Op``: ``=``, ``>=``, ``<=``, ``~``, ``>``.
A word after the number wins over a word before it (达到90%以上 -> ``>=``).
"""

from __future__ import annotations

# Written right after the number and its unit: 4000人以上, 控制在4.6%以内, 6.2%左右.
SUFFIX_OPS: dict[str, str] = {
    "及以上": ">=",
    "或以上": ">=",
    "以上": ">=",
    "及以下": "<=",
    "以下": "<=",
    "以内": "<=",
    "之内": "<=",
    "左右": "~",
    "上下": "~",
}

# A bare suffix that bounds a duration only when a verb in its clause cuts the time to it
# (全流程压缩至1个工作日内 -> ``<=``); 5个工作日内办结 alone stays a service rule.
CUT_DURATION_SUFFIX_OPS: dict[str, str] = {"内": "<="}

# Written right before the number: 不少于500人, 控制在5%, 约3万人.
PREFIX_OPS: dict[str, str] = {
    "不少于": ">=",
    "不低于": ">=",
    "至少": ">=",
    "最少": ">=",
    "不小于": ">=",
    "力争达到": ">=",
    "高于": ">=",
    "不超过": "<=",
    "不高于": "<=",
    "不多于": "<=",
    "控制在": "<=",
    "低于": "<=",
    "少于": "<=",
    "小于": "<=",
    "最多": "<=",
    "大约": "~",
    "约为": "~",
    "约": "~",
    "超过": ">",
    "突破": ">",
    "多于": ">",
    # a table cell written with symbols: ≤42微克/立方米, ≥72%
    "≤": "<=",
    "≦": "<=",
    "<=": "<=",
    "≥": ">=",
    "≧": ">=",
    ">=": ">=",
}

# One-character prefixes that must start a word of their own: 约3万人, not 签约1500户 or 预约30人.
WORD_PREFIXES: frozenset[str] = frozenset({"约"})

# Suffixes that, right before a noun, give a size class (500头以上肉牛规模养殖场; target_words.SIZE_UNITS).
SIZE_SUFFIXES: frozenset[str] = frozenset({"及以上", "或以上", "以上", "及以下", "以下"})

# Adverbs that bound the count of the verb after them, further from the number (至少组织2次演练,
# 每个网格至少配备专职网格员1名); they apply to the first number of their clause.
ADVERB_OPS: dict[str, str] = {"至少": ">=", "最少": ">=", "最多": "<=", "至多": "<="}

# Comparators that take a noun phrase ending in 的 before the number (不低于教师总数的15%).
SHARE_OPS: tuple[str, ...] = ("不低于", "不少于", "不高于", "不超过", "高于", "低于")

# Written between the number and its unit (or multiplier): 1万余家, 395万多人, 两千余人.
ABOUT_MARKS: dict[str, str] = {"余": ">", "多": ">"}

# An inclusive note between the unit and the suffix: 30人(含)以下.
INCLUSIVE_NOTES: tuple[str, ...] = ("(含)", "(含本数)")

OPS: frozenset[str] = frozenset({"=", ">=", "<=", "~", ">"})

# How a target's operator is shown: in a terminal cell (≥6.04万人) and in report prose (6.04万人以上).
OP_SYMBOLS: dict[str, str] = {"=": "", ">=": "≥", "<=": "≤", "~": "约", ">": ">"}
OP_WORDS: dict[str, tuple[str, str]] = {  # (before the number, after it)
    "=": ("", ""),
    ">=": ("", "以上"),
    ">": ("超过", ""),
    "<=": ("不超过", ""),
    "~": ("", "左右"),
}
RATIO_AT_LEAST = "不低于"  # a ratio at least some level reads 不低于95%, not 95%以上
