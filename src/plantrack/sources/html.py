"""Main text of a saved web page: one line per block element, tables one line per row.

Scripts, styles, navigation, hidden elements and elements named as chrome (class/id ``nav``,
``footer``, ``breadcrumb`` ...) are left out. A data table gives one line per ``<tr>`` with its
cells joined by `` | ``; a cell spanning rows is repeated in each row it covers and a cell spanning
columns is followed by empty cells, so every row has the table's columns. A table used for page
layout (it holds another table, or a cell holds a whole article) is read as ordinary blocks.
"""

from __future__ import annotations

import re
from typing import Any

from plantrack.errors import InputError
from plantrack.lang.boilerplate import HTML_CHROME_NAMES

DROP_TAGS = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "nav",
        "iframe",
        "svg",
        "canvas",
        "object",
        "embed",
        "select",
        "button",
        "input",
        "textarea",
        "head",
        "title",
        "meta",
        "link",
        "map",
        "audio",
        "video",
    }
)
BLOCK_TAGS = frozenset(
    {
        "p",
        "div",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "table",
        "tr",
        "td",
        "th",
        "tbody",
        "thead",
        "tfoot",
        "caption",
        "section",
        "article",
        "header",
        "footer",
        "blockquote",
        "pre",
        "hr",
        "center",
        "form",
        "address",
        "main",
        "aside",
        "figure",
        "figcaption",
        "fieldset",
        "legend",
        "details",
        "summary",
        "body",
        "html",
    }
)
CHROME_TEXT_LIMIT = 1500  # an element named as chrome but holding this much text is kept
LAYOUT_CELL_LIMIT = 1500  # a cell with this much text makes its table a layout table
MAX_SPAN = 50
XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*>")
CJK_BREAK = re.compile(r"(?<=[\u3000-\u9fff\uff00-\uffef])[ \t\r\f]*\n\s*(?=[\u3000-\u9fff\uff00-\uffef])")
SPACES = re.compile(r"[ \t\r\n\f]+")
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)


def html_to_text(markup: str, name: str) -> str:
    """The page's text, one block per line, no empty lines."""
    import lxml.etree
    import lxml.html

    parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True)
    try:
        root = lxml.html.document_fromstring(XML_DECLARATION.sub("", markup, count=1), parser=parser)
    except (lxml.etree.ParserError, ValueError) as err:
        raise InputError(
            f"{name} 不是可以读取的网页：{err}", hint="请重新保存网页，或把正文复制到 .txt 文件中。"
        ) from err
    lines = (SPACES.sub(" ", line).strip() for line in _render(root).split("\n"))
    return "\n".join(line for line in lines if line)


def _render(root: Any) -> str:
    """Text of ``root`` (without its tail), block boundaries as newlines."""
    import lxml.etree

    parts: list[str] = []
    walker = lxml.etree.iterwalk(root, events=("start", "end"))
    for event, el in walker:
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if event == "start":
            if el is not root and _dropped(el, tag):
                walker.skip_subtree()
            elif tag == "table" and el is not root and not _is_layout(el):
                parts.append("\n" + "\n".join(_table_rows(el)) + "\n")
                walker.skip_subtree()
            else:
                _open(parts, el, tag)
            continue
        if tag in BLOCK_TAGS:
            parts.append("\n")
        if el is not root and el.tail:
            parts.append(_clean(el.tail))
    return "".join(parts)


def _open(parts: list[str], el: Any, tag: str) -> None:
    if tag == "br" or tag in BLOCK_TAGS:
        parts.append("\n")
    if el.text and tag != "br":
        parts.append(el.text if _in_pre(el) else _clean(el.text))


def _clean(text: str) -> str:
    return SPACES.sub(" ", CJK_BREAK.sub("", text))


def _in_pre(el: Any) -> bool:
    return el.tag == "pre" or any(a.tag == "pre" for a in el.iterancestors())


def _dropped(el: Any, tag: str) -> bool:
    if not tag or tag in DROP_TAGS:
        return True
    if el.get("hidden") is not None or HIDDEN_STYLE.search(el.get("style") or ""):
        return True
    names = " ".join(filter(None, (el.get("class"), el.get("id")))).lower()
    if not names:
        return False
    words = set(re.split(r"[\s_-]+", names)) | set(names.split())
    return bool(words & HTML_CHROME_NAMES) and len(el.text_content()) < CHROME_TEXT_LIMIT


def _is_layout(table: Any) -> bool:
    if table.find(".//table") is not None:
        return True
    rows = _rows(table)
    if all(len(_cells(row)) <= 1 for row in rows):
        return True
    return any(len(cell.text_content()) > LAYOUT_CELL_LIMIT for row in rows for cell in _cells(row))


def _rows(table: Any) -> list[Any]:
    return list(table.xpath("./tr|./thead/tr|./tbody/tr|./tfoot/tr"))


def _cells(row: Any) -> list[Any]:
    return list(row.xpath("./td|./th"))


def _table_rows(table: Any) -> list[str]:
    """One line per row, cells joined by " | ", row and column spans filled in."""
    lines: list[str] = []
    carried: dict[int, tuple[str, int]] = {}  # column -> (text, rows still covered)
    for row in _rows(table):
        cells: list[str] = []
        for cell in _cells(row):
            _fill_carried(cells, carried)
            text = " ".join(_render(cell).split())
            rowspan, colspan = _span(cell, "rowspan"), _span(cell, "colspan")
            for k in range(colspan):
                value = text if k == 0 else ""
                if rowspan > 1:
                    carried[len(cells)] = (value, rowspan - 1)
                cells.append(value)
        _fill_carried(cells, carried, to_end=True)
        if any(cells):
            lines.append(" | ".join(cells))
    return lines


def _fill_carried(cells: list[str], carried: dict[int, tuple[str, int]], to_end: bool = False) -> None:
    """Put the texts of cells spanning from rows above at the current column (or all that are left)."""
    while len(cells) in carried or (to_end and carried and max(carried) >= len(cells)):
        column = len(cells)
        text, left = carried.pop(column, ("", 0))
        if left > 1:
            carried[column] = (text, left - 1)
        cells.append(text)


def _span(cell: Any, attribute: str) -> int:
    try:
        return max(1, min(MAX_SPAN, int(cell.get(attribute, "1").strip())))
    except ValueError:
        return 1
