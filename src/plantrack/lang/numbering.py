"""Numbering styles of Chinese notices: data only, read by extract/outline.py.

Each style is a row of ``STYLES``: its regex at the start of a line (after normalisation: NFKC, so
full-width （一） arrives as (一)) capturing the numeral in group "n", how to read the numeral, the
characters it may start with, whether it may stand alone on its line, and how it looks inside a
flattened line. A new numbering style is a new row. Which style is which level is learned per
document, not fixed here.
"""

from __future__ import annotations

import re
from typing import NamedTuple

CN_NUMERAL = "一二三四五六七八九十百零〇○两"
_CN = "一二三四五六七八九十百零〇"
_DIGITS = "0123456789"
_MONTH_TO = r"\s?(?:至|到|—|-|~)\s?"  # 七至八月份, 7-8月, 7月—8月
_CN_MONTH = "十[一二]?|[一二三四五六七八九]"
_CIRCLED = "".join(chr(c) for c in range(0x2460, 0x2474))  # ①-⑳


class Style(NamedTuple):
    """One numbering style: everything the outline parser knows about it."""

    name: str
    pattern: str  # at the start of a line; the numeral in group "n"
    numeral: str  # how to read the numeral: cn, arabic, circled, roman
    first: str  # every character a marker of this style may start with (a cheap pre-test)
    alone: bool = False  # may stand alone on its line, the heading on the next (一、 / 总体要求)
    inline: str = ""  # the marker inside a flattened line, numeral in group "n" ("": never split)
    run: bool = False  # a marker only in a run of two or more lines (extract/outline._in_runs)
    clause_title: bool = False  # the item's title is its text's first clause, not its first sentence
    points: bool = False  # points of prose rather than numbering: weak evidence of a plan (extract/doctype)
    skips: bool = False  # numbered by month: a later one follows with no item missing (三月份 after 一月份)


# Order matters only when two styles could match the same text.
STYLES: list[Style] = [
    Style("chapter", rf"第(?P<n>[{_CN}]+)(?:章|部分)[\s:]*", "cn", "第", alone=True),
    Style("section", rf"第(?P<n>[{_CN}]+)节[\s:]*", "cn", "第", alone=True),
    Style("article", rf"第(?P<n>[{_CN}]+)条[\s:]*", "cn", "第"),
    Style("ordinal", rf"第(?P<n>[{_CN}]{{1,3}})[,、:]\s*", "cn", "第"),  # 第一,坚持… (一是 stays text)
    Style("roman", r"(?P<n>[IVX]{1,5})\s*[.、]\s*", "roman", "IVX"),  # Ⅱ、 (NFKC turns Ⅱ into II)
    Style(
        "cn_dun",
        rf"(?P<n>[{_CN}]+)\s*[、.](?![一二三四五六七八九十])\s*",
        "cn",
        _CN,
        alone=True,
        inline="(?P<n>[一二三四五六七八九十]{1,3})、",
    ),
    Style(
        "cn_paren",
        rf"[(〔\[] ?(?P<n>[{_CN}]+) ?[)〕\]]\s*[、.]?\s*",  # ( 一 ): a space inside the brackets
        "cn",
        "([〔",
        alone=True,
        inline=r"\((?P<n>[一二三四五六七八九十]{1,3})\)",
    ),
    Style(
        "arabic_dot",
        # 5.2025年春节前…: a year after the dot is the item's first word, not a decimal (5.2万)
        r"(?P<n>\d{1,3})\s*(?:[、]|\.(?!\d)|\.(?=(?:19|20)\d{2}年))\s*",
        "arabic",
        _DIGITS,
        inline=r"(?P<n>\d{1,2})[.、](?!\d)",
    ),
    Style(
        "arabic_paren",
        r"[(〔] ?(?P<n>\d{1,3}) ?[)〕]\s*[、.]?\s*",
        "arabic",
        "(〔",
        inline=r"\((?P<n>\d{1,2})\)",
    ),
    Style("arabic_half", r"(?P<n>\d{1,3})\)\s*", "arabic", _DIGITS),
    Style(
        "circled",
        r"(?P<n>[\u2460-\u2473])\s*[、.]?\s*",
        "circled",
        _CIRCLED,
        inline=r"(?P<n>[\u2460-\u2473])",
    ),
    # 一是抓实教学常规。/ 二是深化课堂教学改革。: points that each open a paragraph of their own are
    # items; 一是…；二是… running inside one paragraph stay its text (a run needs 一是 and 二是 at the
    # start of lines, no other numbered line between them)
    # (news and speeches list what was said the same way: a page numbered only so is judged by its title
    # and its opening, as one without numbered items)
    Style(
        "shi",
        rf"(?P<n>[{_CN}]{{1,3}})是(?!否)(?::\s*)?(?=[\u4e00-\u9fff“])",
        "cn",
        _CN,
        run=True,
        points=True,
    ),
    # a month's schedule: 一月份:开展…活动,由馆办公室负责。/ 七至八月份:… / 3月:… Numbered by its first
    # month; due at the end of its last month (extract/value_finders.schedule_month); titled by the
    # work its first clause names
    Style(
        "month_cn",
        rf"(?P<n>{_CN_MONTH})(?:(?:月份?)?{_MONTH_TO}(?:{_CN_MONTH}))?月份?\s*:\s*",
        "cn",
        _CN,
        run=True,
        clause_title=True,
        skips=True,
    ),
    Style(
        "month",
        rf"(?P<n>1[0-2]|[1-9])(?:(?:月份?)?{_MONTH_TO}(?:1[0-2]|[1-9]))?月份?\s*:\s*",
        "arabic",
        _DIGITS,
        run=True,
        clause_title=True,
        skips=True,
    ),
    # a row of a task table, numbered by its 序号 cell (written by extract/tables.py, never printed)
    Style("table_row", "\u2063(?P<n>\\d{1,4})\u2063", "arabic", "\u2063"),
]
# Styles from the outermost level to the innermost, as notices nest them (一、 (一) 1. (1) ①). A 1 of
# a style outer to the one a page's items began with starts the plan afresh: the numbered lines
# before it (how to send comments: 1.电子邮件 2.信函) were not the plan's.
OUTER_TO_INNER: tuple[str, ...] = (
    "chapter",
    "section",
    "cn_dun",
    "cn_paren",
    "arabic_dot",
    "arabic_paren",
    "arabic_half",
    "circled",
    "shi",
)


# Numbering printed without its punctuation (一 工作目标 / 1 开展城区整治): a numeral, one space, a
# heading. A marker only on a page whose lines show it in sequence (1, 2, 3 on lines of their own), so
# a line opening with a count (3 个县…) stays text; the page's markers get the punctuation of a style
# above. Each row: the pattern at a line's start (numeral in group "n"), how to read it, what follows it.
class BareStyle(NamedTuple):
    pattern: str
    numeral: str  # cn or arabic
    punctuation: str  # written after the numeral: 一、 1.
    alone: bool = False  # the numeral stands alone on its line, the heading on the next line


BARE_STYLES: tuple[BareStyle, ...] = (
    BareStyle(r"(?P<n>[一二三四五六七八九十]{1,3}) (?=[\u4e00-\u9fff])", "cn", "、"),
    BareStyle(r"(?P<n>\d{1,2}) (?=[\u4e00-\u9fff])", "arabic", "."),
    # a magazine-style layout: 01 / 02 printed large on a line of their own above each item (zero-padded,
    # so a table's 序号 cells printed one a line, 1 / 2 / 3, stay cells)
    BareStyle(r"(?P<n>0[1-9]|[1-9]\d)$", "arabic", ".", alone=True),
)
BARE_RUN = 3  # lines numbered 1, 2, 3 in a row make a page's bare numbering

TABLE_ROW = "\u2063{}\u2063"  # how tables.py marks a row: the style above

COMPILED: list[tuple[str, re.Pattern[str], str]] = [
    (st.name, re.compile(st.pattern), st.numeral) for st in STYLES
]

# Any marker at the start of a line (used to tell a new item from a wrapped line).
MARKER_START = re.compile("|".join(f"(?:{st.pattern})" for st in STYLES).replace("?P<n>", ""))

# What may follow an inline marker for a split to be made there: the heading's first character.
INLINE_HEADING_START = "[\u4e00-\u9fff“]"
# A heading glued to its first sub-item in flattened text (三、整治对象(一)整治范围): its length.
GLUED_HEADING = (2, 12)

# Markers glued to the text before them in a flattened line (…实施专项整治工作(一)建筑施工…站(二)小街巷…):
# split there only when they run in order from 1, at least GLUED_RUN of them, each item at least
# GLUED_ITEM characters long (第(一)项、第(二)项 cites a clause, and is neither).
GLUED_RUN_STYLES: tuple[str, ...] = ("cn_paren",)
GLUED_RUN = 3
GLUED_ITEM = 10
GLUED_NOT_AFTER = "第"

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
# A section whose title contains one of these sets requirements for every item in it. (Not 实施步骤:
# its phased stages are work, with the dates their headings carry.)
REQUIREMENT_SECTION_WORDS: tuple[str, ...] = (
    "总体要求",
    "指导思想",
    "工作要求",
    "保障措施",
    "组织保障",
    "工作保障",
    "基本原则",
    "工作原则",
    "有关要求",
)
