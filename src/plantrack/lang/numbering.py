"""Numbering styles of Chinese notices: data only, read by extract/outline.py.

Each style is (name, regex, numeral kind). The regex matches at the start of a line (after
normalisation: NFKC, so full-width （一） arrives as (一)) and captures the numeral in group "n".
Which style is which level is learned per document, not fixed here.
"""

from __future__ import annotations

import re

CN_NUMERAL = "一二三四五六七八九十百零〇○两"

# (style, pattern, numeral kind). Order matters only when two styles could match the same text.
STYLES: list[tuple[str, str, str]] = [
    ("chapter", r"第(?P<n>[一二三四五六七八九十百零〇]+)(?:章|部分)[\s:]*", "cn"),
    ("article", r"第(?P<n>[一二三四五六七八九十百零〇]+)条[\s:]*", "cn"),
    ("cn_dun", r"(?P<n>[一二三四五六七八九十百零〇]+)\s*[、.](?![一二三四五六七八九十])\s*", "cn"),
    ("cn_paren", r"[(〔\[](?P<n>[一二三四五六七八九十百零〇]+)[)〕\]]\s*[、.]?\s*", "cn"),
    ("arabic_dot", r"(?P<n>\d{1,3})\s*(?:[、]|\.(?!\d))\s*", "arabic"),
    ("arabic_paren", r"[(〔](?P<n>\d{1,3})[)〕]\s*[、.]?\s*", "arabic"),
    ("arabic_half", r"(?P<n>\d{1,3})\)\s*", "arabic"),
    ("circled", r"(?P<n>[\u2460-\u2473])\s*[、.]?\s*", "circled"),
    # a row of a task table, numbered by its 序号 cell (written by extract/tables.py, never printed)
    ("table_row", "\u2063(?P<n>\\d{1,4})\u2063", "arabic"),
]
TABLE_ROW = "\u2063{}\u2063"  # how tables.py marks a row: the style above

COMPILED: list[tuple[str, re.Pattern[str], str]] = [(name, re.compile(p), kind) for name, p, kind in STYLES]

# Any marker at the start of a line (used to tell a new item from a wrapped line).
MARKER_START = re.compile("|".join(f"(?:{p})" for _, p, _ in STYLES).replace("?P<n>", ""))

# Titles of items that set no concrete work (总体要求, 保障措施 ...): kind "requirement".
REQUIREMENT_TITLES: tuple[str, ...] = (
    "总体要求",
    "指导思想",
    "基本原则",
    "工作目标",
    "总体目标",
    "主要目标",
    "目标任务",
    "工作要求",
    "保障措施",
    "组织领导",
    "组织保障",
    "加强组织领导",
    "工作原则",
    "实施步骤",
    "工作步骤",
    "职责分工",
    "其他事项",
    "有关要求",
    "工作保障",
    "强化保障",
    "加强领导",
    "适用范围",
    "基本情况",
    "工作机制",
    "监督考核",
    "督查考核",
    "宣传引导",
    "预期目标",
    "主要预期目标",
    "发展目标",
    "目标要求",
)
# Endings of item titles that describe an arrangement rather than set work (联席会议主要职责).
REQUIREMENT_ENDINGS: tuple[str, ...] = (
    "主要职责",
    "成员组成",
    "工作规则",
    "议事规则",
    "工作制度",
    "职责分工",
    "工作回顾",
    "基本情况",
    "工作基础",
)
# A section whose title contains one of these sets requirements for every item in it.
REQUIREMENT_SECTION_WORDS: tuple[str, ...] = (
    "总体要求",
    "指导思想",
    "工作要求",
    "保障措施",
    "组织保障",
    "工作保障",
    "基本原则",
    "工作原则",
    "实施步骤",
    "工作步骤",
    "有关要求",
)
