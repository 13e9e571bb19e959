"""Raw HTML markup left inside plain text (``<p>…</p>`` pages saved as .txt): tags out, entities in.

Only known HTML tag names are treated as tags, so ``<50人`` or ``a<b`` in a notice stays as it is.
Block tags become line breaks, cells of one row are joined with `` | ``, inline tags vanish; a ``<br>``
inside a Markdown pipe row is a space, the row staying on its line.
A table flattened with ``&nbsp;`` between its cells (序号&nbsp;重点任务&nbsp;牵头单位) is read by its
gaps: lines in a row with the same number of gaps are rows, each gap a cell break; a lone line's
gaps (就业率>80%&nbsp;&nbsp;“双盲”) stay spaces.
Tag names left without their brackets (``tr`` / ``td 1 /td td 任务 /td``) are a table too.
Every pattern is linear: no nested quantifiers, and script/comment removal uses ``str.find``.
"""

from __future__ import annotations

import html
import re

BLOCK_TAGS = (
    "p|div|br|h[1-6]|li|ul|ol|dl|dt|dd|tr|table|tbody|thead|tfoot|caption|section|article|header|footer|"
    "blockquote|pre|hr|center|form|address|main|nav|aside|figure|figcaption|title|html|body|head"
)
INLINE_TAGS = (
    "span|strong|b|i|em|u|font|a|img|sup|sub|small|big|strike|s|label|abbr|ins|del|mark|td|th|"
    "meta|link|input|col|colgroup|script|style|[a-z]{1,4}\\d?:[a-z]{1,20}"  # Office tags: <o:p>, <st1:chsdate>
)
TAG = re.compile(rf"</?(?:{BLOCK_TAGS}|{INLINE_TAGS})(?=[\s/>])[^<>]*>", re.I)
INLINE_TAG = re.compile(rf"</?(?:{INLINE_TAGS})(?=[\s/>])[^<>]*>", re.I)
# A run of block tags (with the spaces between them) is one line break: "</p>\n<p>" gives no empty line.
BLOCK_RUN = re.compile(rf"(?:</?(?:{BLOCK_TAGS})(?=[\s/>])[^<>]*>\s*)+", re.I)
LINE_BREAK = re.compile(r"<br(?=[\s/>])[^<>]*>", re.I)
CELL_BREAK = re.compile(r"</t[dh]>\s*<t[dh](?=[\s>])[^<>]*>", re.I)
# An entity, with any escaped ampersands before it (&amp;lt; is "<", not "&lt;"), so one pass suffices.
ENTITY = re.compile(
    r"&(?:(?:amp|AMP|#0*38|#[xX]0*26);)*"
    r"(?P<ent>#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{1,31};|nbsp)"
)
CLOSED_BLOCKS = [
    (re.compile(start, re.I), re.compile(end, re.I))
    for start, end in (("<!--", "-->"), (r"<script\b", "</script>"), (r"<style\b", "</style>"))
]
MAX_PASSES = 3
# A gap of no-break spaces between two words of a line: where a flattened page put a cell or a line break.
NBSP_GAP = re.compile(r"(?<=\S) *\xa0[\xa0 ]*(?=\S)")
MIN_ROW_GAPS = 2  # gaps a line needs to be a table row (three cells)
# Tag names that lost their brackets: a row's own line (tr, /tr) and its cells (td 1 /td td 任务 /td).
BARE_ROW_TAG = re.compile(r"/?(?:tr|tbody|thead|table)", re.I)
BARE_CELLS = re.compile(r"(?:t[dh](?: (?:(?!/t[dh]).)*?)? ?/t[dh] *)+", re.I)
BARE_CELL = re.compile(r"t[dh](?: ((?:(?!/t[dh]).)*?))? ?/t[dh]", re.I)
MIN_BARE_ROWS = 2


def has_markup(text: str) -> bool:
    return (
        "<!--" in text
        or TAG.search(text) is not None
        or ENTITY.search(text) is not None
        or _has_bare_rows(text)
    )


def strip_markup(text: str) -> str:
    """Text without tags, scripts, comments and entities; repeated while a pass changes something."""
    for _ in range(MAX_PASSES):
        if not has_markup(text):
            break
        text = bare_rows(_strip_once(text))
    return nbsp_cells(text)


def nbsp_cells(text: str) -> str:
    """Gaps of no-break spaces inside lines: cell breaks in a run of rows alike."""
    if "\xa0" not in text:
        return text
    lines = text.split("\n")
    gaps = [len(NBSP_GAP.findall(line)) for line in lines]
    out: list[str] = []
    for i, line in enumerate(lines):
        alike = any(0 <= j < len(lines) and gaps[j] == gaps[i] for j in (i - 1, i + 1))
        out.append(NBSP_GAP.sub(" | ", line) if gaps[i] >= MIN_ROW_GAPS and alike else line)
    return "\n".join(out)


def _has_bare_rows(text: str) -> bool:
    return ("td" in text or "TD" in text) and sum(1 for _ in _bare_row_lines(text)) >= MIN_BARE_ROWS


def _bare_row_lines(text: str) -> list[str]:
    return [line for line in text.split("\n") if BARE_CELLS.fullmatch(line.strip())]


def bare_rows(text: str) -> str:
    """``tr`` / ``td 1 /td td 任务 /td`` / ``/tr``: one line of cells joined by " | " per row."""
    if not _has_bare_rows(text):
        return text
    out: list[str] = []
    for line in text.split("\n"):
        stripped = line.strip()
        if BARE_ROW_TAG.fullmatch(stripped):
            continue
        if BARE_CELLS.fullmatch(stripped):
            line = " | ".join((m[1] or "").strip() for m in BARE_CELL.finditer(stripped))
        out.append(line)
    return "\n".join(out)


def _strip_once(text: str) -> str:
    text = ENTITY.sub(_unescape, text)
    if "|" in text:  # a <br> inside a Markdown table's cell (区财政局<br>区住建局) keeps the row on its line
        text = "\n".join(LINE_BREAK.sub(" ", ln) if ln.count("|") >= 2 else ln for ln in text.split("\n"))
    for start, end in CLOSED_BLOCKS:
        text = _drop_between(text, start, end)
    text = INLINE_TAG.sub("", CELL_BREAK.sub(" | ", text))
    return BLOCK_RUN.sub("\n", text)


def _unescape(match: re.Match[str]) -> str:
    return html.unescape("&" + match.group("ent"))


def _drop_between(text: str, start: re.Pattern[str], end: re.Pattern[str]) -> str:
    """Remove every ``start ... end`` span; an unclosed start (and all after it) is left alone."""
    parts: list[str] = []
    pos = 0
    while (opening := start.search(text, pos)) is not None:
        closing = end.search(text, opening.end())
        if closing is None:
            break
        parts.append(text[pos : opening.start()])
        pos = closing.end()
    parts.append(text[pos:])
    return "".join(parts)
