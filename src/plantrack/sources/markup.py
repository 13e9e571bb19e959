"""Raw HTML markup left inside plain text (``<p>…</p>`` pages saved as .txt): tags out, entities in.

Only known HTML tag names are treated as tags, so ``<50人`` or ``a<b`` in a notice stays as it is.
Block tags become line breaks, cells of one row are joined with `` | ``, inline tags vanish; a ``<br>``
inside a Markdown pipe row is a space, the row staying on its line.
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


def has_markup(text: str) -> bool:
    return "<!--" in text or TAG.search(text) is not None or ENTITY.search(text) is not None


def strip_markup(text: str) -> str:
    """Text without tags, scripts, comments and entities; repeated while a pass changes something."""
    for _ in range(MAX_PASSES):
        if not has_markup(text):
            break
        text = _strip_once(text)
    return text


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
