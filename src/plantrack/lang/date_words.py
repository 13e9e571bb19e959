"""Words for dates typed on the command line without a year: periods that stand for their last day."""

from __future__ import annotations

# Chinese quarter numbers (三季度, 第三季度).
QUARTER_NUMERALS: dict[str, int] = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}

# A period of the plan year written as a date: (month, day) of its end.
PERIOD_ENDS: dict[str, tuple[int, int]] = {
    "上半年": (6, 30),
    "半年": (6, 30),
    "下半年": (12, 31),
    "全年": (12, 31),
    "年底": (12, 31),
    "年末": (12, 31),
}
