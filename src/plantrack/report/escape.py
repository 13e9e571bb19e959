"""Make text that people typed (notes, titles, agency names) safe inside Markdown.

Notes come from agencies and may hold anything: line breaks, pipes, HTML, list markers. In the
report every such text sits inside one line (a paragraph, a list item or a table cell), so:
- control characters (escape sequences, raw ESC) are dropped;
- HTML tags are dropped and stray angle brackets removed (no raw HTML reaches a viewer);
- line breaks become "；" (or nothing after closing punctuation) — `<br>` would be raw HTML;
- Markdown punctuation that could start emphasis, code, links or cells is backslash-escaped.
"""

from __future__ import annotations

import re
from functools import lru_cache

from plantrack.textsafe import strip_controls

_TAG = re.compile(r"<(?:/?[A-Za-z][^<>]*|!--.*?--)>", re.DOTALL)
_BREAK = re.compile(r"\s*(?:\r\n|\r|\n|\u2028|\u2029)+\s*")
_SPACES = re.compile(r"[ \t\f\v\u00a0]+")
_SPECIAL = re.compile(r"([\\`*_\[\]|~#!])")
_CLOSING = "。；，、：！？;,:!?"


def plain(text: str) -> str:
    """One line of plain text: tags and angle brackets removed, line breaks joined with ；."""
    text = _TAG.sub("", strip_controls(text)).replace("<", "").replace(">", "")
    parts = [p for p in _BREAK.split(text.strip()) if p]
    out = ""
    for part in parts:
        if out and out[-1] not in _CLOSING:
            out += "；"
        out += part
    return _SPACES.sub(" ", out).strip()


@lru_cache(maxsize=1 << 16)
def md(text: str) -> str:
    """Text for a Markdown paragraph or list item: plain() plus Markdown punctuation escaped (a
    pure function of the text, remembered: a report escapes each title and name several times)."""
    return _SPECIAL.sub(r"\\\1", plain(text))


def cell(text: str, empty: str = "—") -> str:
    """Text for a Markdown table cell: like md() (which escapes |); an empty cell shows a dash."""
    out = md(text)
    return out if out else empty


_END = "。！？；…!?;"


def sentence(text: str) -> str:
    """Like md(), ending with 。 unless it already ends a sentence; empty stays empty."""
    out = md(text)
    if not out:
        return out
    if out[-1] in "，,、：:":
        out = out[:-1]
    return out if out[-1] in _END else out + "。"
