"""Text from files made safe to show: control characters turned into visible escapes.

Newline and tab stay (they lay out tables and paragraphs); every other C0 and C1 control, DEL, and
the bidirectional overrides that reorder what a reader sees become `\\x1b` / `\\u202e` text.
"""

from __future__ import annotations

import re

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match[0])
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    """The text with every control character (but newline and tab) shown as an escape."""
    return _CONTROL.sub(_escape, text) if _CONTROL.search(text) else text


def strip_controls(text: str) -> str:
    """The text without control characters (but newline and tab): for the Markdown report."""
    return _CONTROL.sub("", text)
