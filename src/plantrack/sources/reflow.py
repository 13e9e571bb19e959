"""Re-join lines that a PDF (or a hard-wrapped text file) broke in the middle of a sentence.

A line is joined to the one before when that one is "full" (close to the wrap width of the text,
so it was cut by the page edge, not ended by the author), does not end with sentence punctuation,
and the line itself does not start with a numbering marker. Titles, signatures and dates are short,
so they are never joined. Blank lines between the two (PDF text boxes, page breaks) do not stop a join.
"""

from __future__ import annotations

import re
import unicodedata

from plantrack.lang.boilerplate import PAGE_INFO_LABELS, PAGE_NUMBER
from plantrack.lang.doctype import NOTICE_ENDINGS
from plantrack.lang.metadata_words import SITE_SUFFIX
from plantrack.lang.numbering import MARKER_START
from plantrack.lang.org_names import ORGAN_SUFFIXES
from plantrack.lang.roles import GLUED_ROLE_VERBS, ROLE_LABELS

# Sentence punctuation, and the closing parenthesis of an agency clause ending an item: "(市人社局负责)".
SENTENCE_END = "。;:!?；：！？)）"
CLOSING_QUOTES = "”’\"'」』"
FULL_SHARE = 0.8  # a line at least this share of the wrap width is full
FULL_OVERSHOOT = 1.1  # a line up to this share of the wrap width may still be a cut one
TABLE_ROW_PIPES = 2  # a line with this many cell bars is a table row (tabs.py writes tab rows so)
SPLIT_NUMBER_SHARE = 0.5  # a line ending inside a number may stop shorter: the number did not fit
MIN_WRAP_WIDTH = 30  # display columns; narrower "wrapping" is a list, not a paragraph
WIDE = re.compile(
    r"[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf"
    r"\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]"
)
PAGE_NUMBER_LINE = re.compile(PAGE_NUMBER)
ANY_LABEL = re.compile(r"[\u4e00-\u9fff]{2,6}\s*[:：]")
LABELLED_LINE = re.compile(r"[【\[]?(?:" + "|".join(PAGE_INFO_LABELS) + r")\s*[:：]")
SITE_NAME_AFTER = re.compile(r"\s*" + SITE_SUFFIX)
LINE_BREAKS = re.compile(r"\r\n?|[\x0b\x0c\x85\u2028\u2029]")


def display_width(line: str) -> int:
    """Columns the line takes in a monospaced view: CJK and full-width characters count two."""
    return len(line) + len(WIDE.findall(line))


def wrap_width(widths: list[int]) -> int:
    """The width most full lines reach: the 80th percentile of the line widths."""
    if not widths:
        return 0
    ordered = sorted(widths)
    return ordered[int(0.8 * (len(ordered) - 1))]


def ends_sentence(line: str) -> bool:
    stripped = line.rstrip().rstrip(CLOSING_QUOTES)
    return not stripped or stripped[-1] in SENTENCE_END


def is_hard_wrapped(text: str) -> bool:
    """True when most lines are cut at a near-constant width in mid-sentence (text copied from PDF)."""
    lines = [line.strip() for line in LINE_BREAKS.sub("\n", text).split("\n")]
    lines = [line for line in lines if line and not PAGE_NUMBER_LINE.match(line) and not _table_row(line)]
    if len(lines) < 8:
        return False
    widths = [display_width(line) for line in lines]
    # the wrap width among the lines long enough to have wrapped: on a short page the titles, 文号 and
    # headings are most of the lines and would pull a percentile of all of them below the edge
    width = wrap_width([w for w in widths if w >= MIN_WRAP_WIDTH])
    if width < MIN_WRAP_WIDTH:
        return False
    # half-width digits and punctuation make full lines vary around the wrap width, a few columns
    # over it where a line ends in a full-width character the edge let through
    full = [k for k, w in enumerate(widths) if width * 0.85 <= w <= max(width + 4, width * FULL_OVERSHOOT)]
    # a line is cut when the sentence runs on into the next: not a 完成时限:… line, nor one followed
    # by a new item or a labelled line
    nxt = [*lines[1:], ""]
    cut = [
        k
        for k in full
        if not ends_sentence(lines[k])
        and not ANY_LABEL.match(lines[k])
        and not ANY_LABEL.match(nxt[k])
        and not starts_with_marker(nxt[k])
    ]
    # short headings and list lines are many on a page: a fifth of the lines cut is enough
    return len(cut) >= max(5, 0.2 * len(lines)) and len(cut) >= 0.6 * len(full)


def reflow(text: str) -> str:
    """Join hard-wrapped lines back into paragraphs; page-number lines are dropped."""
    lines = [line.rstrip() for line in LINE_BREAKS.sub("\n", text).split("\n")]
    lines = [line for line in lines if not PAGE_NUMBER_LINE.match(line)]
    width = wrap_width([display_width(line.strip()) for line in lines if line.strip()])
    out: list[str] = []
    last_width = 0  # display width of the last physical line added to out[-1]
    pending_blank = False
    for line in lines:
        stripped = line.strip()
        if not stripped:
            pending_blank = bool(out)
            continue
        if out and _continues(out[-1], last_width, stripped, width):
            out[-1] = _join(out[-1], stripped)
        else:
            if pending_blank:
                out.append("")
            out.append(line)
        pending_blank = False
        last_width = display_width(stripped)
    return "\n".join(out)


# Words a line break can fall inside on a page too short to show its wrap width: a role verb
# (局规划建设科牵 | 头), a name's organ suffix (局公路事务中 | 心负责) or a role label (（责任科 | 室：…）).
SPLIT_WORDS: tuple[str, ...] = tuple(
    w for w in (*GLUED_ROLE_VERBS, *ORGAN_SUFFIXES, *ROLE_LABELS) if len(w) > 1
)


def rejoin_broken_words(text: str) -> str:
    """On a page not hard-wrapped as a whole, join a long line to the next where the break falls
    inside a role verb or an organ's name, or the next line opens with a role verb (…运输管理科 |
    牵头，…): evidence enough that the page edge, not the author, ended the line."""
    lines = LINE_BREAKS.sub("\n", text).split("\n")
    width = wrap_width([w for line in lines if (w := display_width(line.strip())) >= MIN_WRAP_WIDTH])
    out: list[str] = []
    for line in lines:
        stripped = line.strip()
        if (
            out
            and stripped
            and _breaks_word(out[-1].rstrip(), stripped)
            and _continues(out[-1], display_width(out[-1].strip()), stripped, width)
        ):
            out[-1] = out[-1].rstrip() + stripped
        else:
            out.append(line)
    return "\n".join(out)


def _breaks_word(previous: str, line: str) -> bool:
    if line.startswith(GLUED_ROLE_VERBS):
        # 牵头单位：… opens a labelled field of its own, not the rest of a sentence
        return not ANY_LABEL.match(line)
    return any(
        previous.endswith(word[:cut]) and line.startswith(word[cut:])
        for word in SPLIT_WORDS
        for cut in range(1, len(word))
    )


def _continues(previous: str, previous_width: int, line: str, width: int) -> bool:
    # 新增公共停车泊位35 | 00个: a number the page broke ends the line short of full and goes on
    share = SPLIT_NUMBER_SHARE if _splits_number(previous, line) else FULL_SHARE
    return (
        width >= MIN_WRAP_WIDTH
        and previous_width >= width * share
        and not _table_row(previous)  # | 1 | 任务 | 单位 |: a row ends where its line ends
        and not _table_row(line)
        and not ends_sentence(previous)
        and not starts_with_marker(line)
        and not LABELLED_LINE.match(line)  # 发表时间:2023-04-04 under a long title
        and not LABELLED_LINE.match(previous.lstrip())  # 发布时间:… 字号:大 中 小 over the title
        # a title line: …提升行动的通知 (- 豆丁网)
        and not SITE_NAME_AFTER.sub("", previous.rstrip()).endswith(NOTICE_ENDINGS)
    )


def _table_row(line: str) -> bool:
    return line.count("|") >= TABLE_ROW_PIPES


def _splits_number(previous: str, line: str) -> bool:
    """…泊位35 then 00个…, …管网38. then 5公里…: digits on both sides of the break."""
    end = previous.rstrip()
    return line[:1].isdigit() and (end[-1:].isdigit() or (end.endswith(".") and end[-2:-1].isdigit()))


def starts_with_marker(line: str) -> bool:
    """True if the line opens a numbered item; full-width （一） counts, as after normalisation."""
    head = line[:16]
    if "\u2460" <= head[:1] <= "\u2473":
        return True
    return MARKER_START.match(unicodedata.normalize("NFKC", head)) is not None


def _join(previous: str, line: str) -> str:
    if previous[-1:].isascii() and previous[-1:].isalpha() and line[:1].isascii() and line[:1].isalpha():
        return previous + " " + line
    return previous + line
