"""Text of a Word .docx file: paragraphs and tables in body order, tables one line per row.

A cell merged across columns is given once, followed by empty cells; a cell merged across rows is
repeated in each row (python-docx returns it so), which keeps the columns of every row aligned, as
for HTML tables. Word's automatic list numbering is not part of the paragraph text: the reviewer is
warned when the document uses it.
"""

from __future__ import annotations

import io
from typing import Any

from plantrack.errors import InputError


def docx_to_text(data: bytes, name: str) -> tuple[str, list[str]]:
    """(text, warnings) of a .docx file given as bytes."""
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as err:  # python-docx raises zip, XML and key errors alike for a broken file
        raise InputError(
            f"无法打开 Word 文件 {name}：文件可能已损坏，或不是 .docx 格式。",
            hint="请用 Word 或 WPS 打开后另存为 .docx（或 .txt）再试。",
        ) from err
    lines: list[str] = []
    numbered = 0
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            paragraph = Paragraph(child, document)
            lines.append(paragraph.text)
            numbered += _auto_numbered(paragraph)
        elif tag == "tbl":
            lines.extend(_table_rows(Table(child, document)))
    warnings = []
    if numbered:
        warnings.append(
            f"文档中有 {numbered} 个段落使用 Word 自动编号，编号（如“一、”“1.”）不在提取的文字中，请核对任务编号。"
        )
    return "\n".join(lines), warnings


def _table_rows(table: Any) -> list[str]:
    rows: list[str] = []
    for row in table.rows:
        cells: list[str] = []
        previous = None
        for cell in row.cells:
            same = previous is not None and cell._tc is previous._tc
            cells.append("" if same else " ".join(cell.text.split()))
            previous = cell
        if any(cells):  # spaced like HTML rows: "3 | 任务 | | 9月底前"
            rows.append(" ".join(" | ".join(cells).split()))
    return rows


def _auto_numbered(paragraph: Any) -> bool:
    """True if the paragraph, or its style, carries Word list numbering."""
    for element in (paragraph._p, getattr(paragraph.style, "element", None)):
        ppr = getattr(element, "pPr", None)
        if ppr is not None and ppr.numPr is not None:
            return True
    return False
