"""Clean text of a notice, one logical line per line, ready for the outline parser.

Steps: unify line breaks; NFKC (full-width ，（）： and digits become half-width; circled numbers
①-⑳ are kept, NFKC would turn them into digits); traditional →
simplified (OpenCC, only for traditional text); pinyin glosses out (農(nóng)民工 → 农民工); odd and
zero-width spaces; runs of spaces collapsed; a half-width . between Chinese characters made 。; lines
stripped, runs of empty lines cut to one; site boilerplate lines (navigation, toolbars, footers) dropped. Nothing is cut at a title or signature.
The result is stable: ``normalize(normalize(t)) == normalize(t)``. Reading the file (encodings,
HTML and raw markup, docx, PDF, re-joining hard-wrapped lines) is done before, by plantrack.sources:
this module never calls back into it.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache
from typing import Any

from plantrack.extract.bare_numbers import punctuate_bare_numbers
from plantrack.lang.boilerplate import (
    CHROME_SEPARATORS,
    CHROME_WORDS,
    LINE_PATTERNS,
    MAX_LINE,
    MENU_ENTRY_MAX,
    MENU_HOME_WORDS,
    MENU_MIN_ENTRIES,
    MENU_PREFIXES,
    MENU_WORDS,
    RELATED_LINKS_HEADER,
    RELATED_LINKS_MAX,
    SITE_NAME_ENDINGS,
)
from plantrack.lang.boilerplate import SITE_NOTICE_HEADER as SITE_NOTICE_HEADER_PATTERN
from plantrack.lang.boilerplate import SITE_NOTICE_WORDS as SITE_NOTICE_WORDS_PATTERN
from plantrack.lang.comparators import PREFIX_OPS, SUFFIX_OPS
from plantrack.lang.numbering import CN_NUMERAL, MARKER_START
from plantrack.lang.traditional import MIN_SHARE, TRADITIONAL_ONLY

__all__ = ["is_boilerplate", "is_traditional", "normalize"]

# Circled numbers NFKC would flatten to digits: ①-⑳, ㉑-㉟, ㊱-㊿.
CIRCLED = re.compile("([\u2460-\u2473\u3251-\u325f\u32b1-\u32bf])")
LINE_BREAKS = re.compile(r"\r\n?|[\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
# A gloss like (nóng) after a CJK character: a lowercase latin syllable with a tone mark.
TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
PINYIN = re.compile(
    rf"(?<=[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff])(?:\([a-zü]{{0,5}}[{TONED}][a-zü]{{0,5}}\))+"
)
# A character the page's encoding lacked, printed as ?(pinyin) (龙?(dòng)县): kept, it is all there is.
LOST_CHARACTER = re.compile(rf"\?\([a-zü]{{0,5}}[{TONED}][a-zü]{{0,5}}\)")
MULTI_SPACE = re.compile(r" {2,}")
# A space a page put between a number and its unit or date word (12 月底前, 2 万人, 2021 年): dropped.
# (the space first, the digit looked back at: a pattern opening on a literal is searched for fast)
DIGIT_SPACE = re.compile(r" (?:(?<=\d )(?=[年月日号万亿千百个人户家所项%])|(?<=\d[年月] )(?=\d))")
# A space between a comparator word and its number (不少于 8 家, 90% 以上): dropped, so the comparator
# still reads as the number's own.
COMPARATOR_SPACE = re.compile(
    "(?:(?<="
    + ")|(?<=".join(re.escape(w) for w in sorted(PREFIX_OPS, key=len) if not w.isascii())
    + r")) (?=\d)"
    r"|(?<=[\d%]) (?=" + "|".join(re.escape(w) for w in sorted(SUFFIX_OPS, key=len, reverse=True)) + ")"
)
# Letter-spaced words (市 人 社 局 牵头): four or more single characters, one space apart, are one word
# with the word after them.
_HAN = r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"
LETTER_SPACED = re.compile(rf"(?<!{_HAN}){_HAN}(?: {_HAN}(?!{_HAN})){{3,}}(?: (?={_HAN}))?")
# A half-width full stop between two Chinese characters (征集重大活动档案.市档案馆征集编研科负责), or after a
# share or a closing bracket (回收率不低于70%.镇农业服务中心负责, 各村(社区).) or before an opening one
# (建成运行.(牵头单位:…)) is a sentence stop as pages with half-width punctuation print it; a decimal point
# or a number's dot (6.5%, 1.) has a digit beside it, and an item number (一.提升政务服务效能, (二).推进)
# opens its line or cell. A headline's stop may have a space after it (落实播种面积. 全镇…) or a date
# opening the next sentence (做好补贴发放.4月底前…; not 征集.2.推进: 2. numbers an item).
HALF_WIDTH_STOP = re.compile(rf"(?<={_HAN})\. ?(?={_HAN}|\(|\d+(?![\d.、]))|(?<=[%‰)”\"])\.(?={_HAN})")
ITEM_NUMBER_BEFORE = re.compile(rf"(?:^|[\n| ])(?:[{CN_NUMERAL}]{{1,4}}|\([{CN_NUMERAL}\d]{{1,4}}\))$")
TRADITIONAL = re.compile(f"[{TRADITIONAL_ONLY}]")
CJK = re.compile(_HAN)
MENU_ENTRY = re.compile(f"{_HAN}+")
BOILERPLATE = re.compile("|".join(f"(?:{pattern})" for _, pattern in LINE_PATTERNS))
CHROME_SPLIT = re.compile(CHROME_SEPARATORS)
SITE_NOTICE_HEADER = re.compile(SITE_NOTICE_HEADER_PATTERN)
RELATED_LINKS = re.compile(RELATED_LINKS_HEADER)
SITE_NOTICE_WORDS = re.compile(SITE_NOTICE_WORDS_PATTERN)


def _space_table() -> dict[int, str | None]:
    """Every whitespace but the newline becomes a plain space; zero-width and control characters go."""
    table: dict[int, str | None] = {}
    for code in range(0x3001):  # every whitespace and control character lies below U+3001
        char = chr(code)
        if char.isspace() and char != "\n":
            table[code] = " "
        elif unicodedata.category(char) == "Cc" and char != "\n":
            table[code] = None
    for char in "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e":
        table[ord(char)] = None
    return table


SPACE_TABLE = _space_table()


def normalize(text: str) -> str:
    """Clean text, one logical line per line, no boilerplate, no empty line at either end."""
    text = _clean_characters(text)
    if is_traditional(text):
        text = _to_simplified(text)
    lines = _keep_lines(text)
    if is_traditional(lines):  # boilerplate gone, the share may now cross the line: decide as a rerun would
        lines = _keep_lines(_to_simplified(lines))
    return lines


def is_traditional(text: str) -> bool:
    """True when frequent traditional-only characters make up a notable share of the CJK text."""
    traditional = len(TRADITIONAL.findall(text))
    return traditional > 0 and traditional >= MIN_SHARE * len(CJK.findall(text))


@lru_cache(maxsize=4096)  # asked twice per line (here and by the outline); lines of long pages repeat
def is_boilerplate(line: str) -> bool:
    """True for a normalised line that is site chrome: navigation, toolbar, footer, page number."""
    line = line.strip()
    if not line or len(line) > MAX_LINE or _starts_with_marker(line):
        return False
    if BOILERPLATE.search(line):
        return True
    words = [word for word in CHROME_SPLIT.split(line) if word]
    if words and all(word in CHROME_WORDS for word in words):
        return True
    if _home_menu(words):
        return True
    site = len(words) > 1 and words[0].endswith(SITE_NAME_ENDINGS)  # 珠海市香洲区人民政府 | 繁体 | 无障碍
    menu = words[1:] if site else words
    return (site or len(menu) > 1) and all(map(_menu_word, menu))  # 首页 | 政务公开 | 政务服务


def _home_menu(words: list[str]) -> bool:
    """首页 档案动态 政策法规 业务指导: the home page, then the site's sections, short Chinese words."""
    entries = words[1:]
    return (
        bool(words)
        and words[0] in MENU_HOME_WORDS
        and len(entries) >= MENU_MIN_ENTRIES
        and all(len(w) <= MENU_ENTRY_MAX and MENU_ENTRY.fullmatch(w) for w in entries)
    )


def _menu_word(word: str) -> bool:
    return word in CHROME_WORDS or word in MENU_WORDS or word.startswith(MENU_PREFIXES)


def _starts_with_marker(line: str) -> bool:
    return "\u2460" <= line[:1] <= "\u2473" or MARKER_START.match(line) is not None


def _clean_characters(text: str) -> str:
    text = PINYIN.sub("", _plain(text))
    # once more: removing a control character or a gloss may leave a sequence NFKC composes
    text = MULTI_SPACE.sub(" ", _nfkc(text).translate(SPACE_TABLE))
    text = LETTER_SPACED.sub(lambda m: m[0].replace(" ", ""), text)
    text = HALF_WIDTH_STOP.sub(_full_stop, text)
    text = COMPARATOR_SPACE.sub("", text)
    for _ in range(3):  # 2021 年 6 月: dropping one space makes the next droppable (two passes settle it)
        text, dropped = DIGIT_SPACE.subn("", text)
        if not dropped:
            break
    return text


def _full_stop(m: re.Match[str]) -> str:
    """。 for a half-width stop; the dot stays after an item number (一.提升…)."""
    number = ITEM_NUMBER_BEFORE.search(m.string, max(0, m.start() - 5), m.start())
    return m[0] if number else "。"


def _plain(text: str) -> str:
    """Line breaks as \\n, every other space a plain space, no control characters, NFKC."""
    return _nfkc(LINE_BREAKS.sub("\n", text).translate(SPACE_TABLE))


def _nfkc(text: str) -> str:
    """NFKC, except for circled numbers, which mark items (① → 1 would lose the marker)."""
    if not CIRCLED.search(text):
        return unicodedata.normalize("NFKC", text)
    parts = CIRCLED.split(text)
    return "".join(part if i % 2 else unicodedata.normalize("NFKC", part) for i, part in enumerate(parts))


def _keep_lines(text: str) -> str:
    """Lines stripped, boilerplate dropped, empty-line runs cut to one, none at either end."""
    kept: list[str] = []
    in_site_notice = False
    links_left = 0  # lines of a 相关文档 list still to drop
    for line in text.split("\n"):
        line = line.strip()
        if SITE_NOTICE_HEADER.match(line):
            in_site_notice = True
            continue
        if RELATED_LINKS.match(line):
            links_left = RELATED_LINKS_MAX
            continue
        if links_left:
            links_left = links_left - 1 if line else 0
            if line:
                continue
        # a blank line inside the block does not end it (pages with a blank line after each <p>)
        in_site_notice = in_site_notice and (not line or SITE_NOTICE_WORDS.search(line) is not None)
        if in_site_notice or (line and is_boilerplate(line)):
            continue
        if line or (kept and kept[-1]):
            kept.append(line)
    while kept and not kept[-1]:
        kept.pop()
    return "\n".join(punctuate_bare_numbers(kept))


def _to_simplified(text: str) -> str:
    return str(_converter().convert(text))


@cache
def _converter() -> Any:
    from opencc import OpenCC

    return OpenCC("t2s")
