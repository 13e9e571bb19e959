"""A rendered Markdown report as a list of blocks (title, headings, paragraphs, list items, tables),
walked with markdown-it-py: what the Word writer lays out, and the text a test compares it with.

Code fences (the Mermaid pie, the text bar chart) are charts for screens and are left out; front
matter (`---` … `---` at the top) gives 主送 and 落款 when the template writes them there.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

_FRONT = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.S)
_DATE = re.compile(r"^\d{4}年\d{1,2}月\d{1,2}日$")
RECIPIENT_KEYS = ("主送", "主送机关", "recipients")
SIGNER_KEYS = ("落款", "发文机关", "issuer")
DATE_KEYS = ("日期", "成文日期", "date")


@dataclass
class Run:
    text: str
    bold: bool = False


@dataclass
class Block:
    kind: str  # title, heading1, heading2, heading3, paragraph, item, quote, recipient, signer, date, table
    runs: list[Run] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)  # tables: header row first
    attachment: bool = False  # inside the 附件 part

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


def front_matter(markdown: str) -> tuple[dict[str, str], str]:
    """The front matter's keys (flat YAML) and the Markdown after it."""
    m = _FRONT.match(markdown)
    if not m:
        return {}, markdown
    import yaml

    try:
        data = yaml.safe_load(m[1]) or {}
    except yaml.YAMLError:
        return {}, markdown
    if not isinstance(data, dict):
        return {}, markdown
    flat = {
        str(k): "、".join(map(str, v)) if isinstance(v, list) else str(v)
        for k, v in data.items()
        if v is not None
    }
    return flat, markdown[m.end() :]


def blocks(markdown: str) -> list[Block]:
    """The report's blocks in order, 主送 first and 落款/date last when the front matter names them."""
    meta, body = front_matter(markdown)
    out = _walk(body)
    recipient = _first(meta, RECIPIENT_KEYS)
    if recipient:
        at = 1 if out and out[0].kind == "title" else 0
        text = recipient if recipient.endswith(("：", ":")) else recipient + "："
        out.insert(at, Block("recipient", [Run(text)]))
    signer, day = _first(meta, SIGNER_KEYS), _first(meta, DATE_KEYS)
    if signer or day:
        tail = [Block("signer", [Run(signer)])] if signer else []
        tail += [Block("date", [Run(day)])] if day else []
        at = next((i for i, b in enumerate(out) if b.attachment), len(out))
        out[at:at] = tail
    _mark_letter_parts(out)
    return out


def _first(meta: dict[str, str], keys: tuple[str, ...]) -> str:
    return next((meta[k].strip() for k in keys if meta.get(k, "").strip()), "")


def _mark_letter_parts(out: list[Block]) -> None:
    """Written in the body: a short line ending in ： right after the title is 主送; a date line (and the
    organ above it) closing the body is 落款."""
    if len(out) > 1 and out[0].kind == "title" and out[1].kind == "paragraph":
        text = out[1].text
        if text.endswith(("：", ":")) and len(text) <= 60 and "。" not in text:
            out[1].kind = "recipient"
    body_end = next((i for i, b in enumerate(out) if b.attachment), len(out))
    last = body_end - 1
    if last >= 1 and out[last].kind == "paragraph" and _DATE.match(out[last].text.strip()):
        out[last].kind = "date"
        above = out[last - 1]
        if above.kind == "paragraph" and len(above.text) <= 40 and not above.text.endswith(("。", "：", ":")):
            above.kind = "signer"


def _walk(markdown: str) -> list[Block]:
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    out: list[Block] = []
    attachment = False
    in_item = in_quote = 0
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok.type == "heading_open":
            level = int(tok.tag[1])
            runs = _runs(tokens[i + 1])
            text = "".join(r.text for r in runs).strip()
            if level == 1 and not any(b.kind == "title" for b in out):
                kind = "title"
            else:
                attachment = attachment or text.startswith("附件")
                kind = f"heading{min(3, max(1, level - 1))}"
            out.append(Block(kind, runs, attachment=attachment))
            i += 3
            continue
        if tok.type in ("bullet_list_open", "ordered_list_open"):
            in_item += 1
        elif tok.type in ("bullet_list_close", "ordered_list_close"):
            in_item -= 1
        elif tok.type == "blockquote_open":
            in_quote += 1
        elif tok.type == "blockquote_close":
            in_quote -= 1
        elif tok.type == "inline" and tokens[i - 1].type == "paragraph_open":
            kind = "item" if in_item else "quote" if in_quote else "paragraph"
            out.append(Block(kind, _runs(tok), attachment=attachment))
        elif tok.type == "table_open":
            rows, i = _table(tokens, i)
            out.append(Block("table", rows=rows, attachment=attachment))
            continue
        i += 1
    return out


def _runs(inline: object) -> list[Run]:
    runs: list[Run] = []
    bold = 0
    for child in getattr(inline, "children", None) or []:
        kind = child.type
        if kind == "strong_open":
            bold += 1
        elif kind == "strong_close":
            bold -= 1
        elif kind in ("text", "code_inline", "html_inline"):
            _add(runs, child.content, bold > 0)
        elif kind in ("softbreak", "hardbreak"):
            _add(runs, "", bold > 0)
    return runs


def _add(runs: list[Run], text: str, bold: bool) -> None:
    if runs and runs[-1].bold == bold:
        runs[-1].text += text
    else:
        runs.append(Run(text, bold))


def _table(tokens: Sequence[Any], i: int) -> tuple[list[list[str]], int]:
    rows: list[list[str]] = []
    while getattr(tokens[i], "type", "") != "table_close":
        t = getattr(tokens[i], "type", "")
        if t == "tr_open":
            rows.append([])
        elif t == "inline":
            rows[-1].append("".join(r.text for r in _runs(tokens[i])))
        i += 1
    return rows, i + 1


def plain_text(items: list[Block]) -> list[str]:
    """Every piece of text in order: each block's text, each table cell (what a reader sees)."""
    out: list[str] = []
    for b in items:
        if b.kind == "table":
            out.extend(cell for row in b.rows for cell in row)
        else:
            out.append(b.text)
    return [t for t in out if t.strip()]
