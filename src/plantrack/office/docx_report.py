"""The report as a Word document in the official layout (GB/T 9704-2012), built from the report's
rendered Markdown (office/mdblocks.py), so the .docx says exactly what the Markdown says whatever
the report template becomes. A workspace's templates/report.docx may supply its own styles."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pydantic's settings and the layout only when a .docx is written
    from plantrack.config import DocxSettings
    from plantrack.office.mdblocks import Block
    from plantrack.workspace import Workspace

TEMPLATE_NAME = "report.docx"
TABLE_CHARS = 62.0  # 小五 characters across a landscape A4 type area (243 mm, less cell margins)
STYLE_OF = {
    "title": "公文标题", "heading1": "公文一级标题", "heading2": "公文二级标题", "heading3": "公文三级标题",
    "paragraph": "公文正文", "item": "公文正文", "quote": "公文正文", "recipient": "公文主送",
    "signer": "公文落款", "date": "公文落款",
}  # fmt: skip


def markdown_to_docx(
    markdown: str,
    path: Path,
    settings: DocxSettings,
    template: Path | None = None,
    root: Path | None = None,
    where: str = "工作区",
) -> Path:
    """Write the Markdown as a .docx at path (atomically; with root, only inside it)."""
    from plantrack.office import docx_layout as lay
    from plantrack.office.mdblocks import blocks

    doc, keep = _document(template)
    lay.chinese_language(doc)
    lay.ensure_styles(doc, settings, keep)
    section = doc.sections[0]
    lay.page_setup(section)
    lay.page_numbers(doc, section, settings)
    landscape = False
    items = blocks(markdown)
    indents = signature_indents(items)
    for i, block in enumerate(items):
        if block.attachment and not landscape:
            section = doc.add_section()
            lay.page_setup(section, landscape=True)
            landscape = True
        if block.kind == "table":
            _table(doc, block, section)
        else:
            _paragraph(doc, block, first=i == 0, right=indents.get(i))
        if block.kind == "title":
            doc.add_paragraph("", style=doc.styles["公文正文"])
    lay.font_alternates(doc, settings)
    import io

    from plantrack.fsguard import ensure_inside, refuse_special, write_file

    if root is not None:
        ensure_inside(path, root, where)
    refuse_special(path)  # refused before the document is built: only a regular file is replaced
    data = io.BytesIO()
    doc.save(data)
    # a fresh temporary name: a planted .tmp symlink is never used
    return write_file(path, data.getvalue(), root, where)


def _document(template: Path | None) -> tuple[Any, set[str]]:
    """A new document, or the workspace template emptied (its styles kept as they are)."""
    import docx

    from plantrack.office import docx_layout as lay

    if template is None or not template.is_file():
        return docx.Document(), set()
    doc = docx.Document(str(template))
    body = doc.element.body
    for child in list(body):
        if not child.tag.endswith("}sectPr"):
            body.remove(child)
    keep = {s.name for s in doc.styles if s.name in lay.STYLES}
    return doc, keep


def _paragraph(doc: Any, block: Block, first: bool, right: float | None = None) -> None:
    from plantrack.office import docx_layout as lay

    name = (
        "公文附件" if block.kind == "heading1" and block.attachment else STYLE_OF.get(block.kind, "公文正文")
    )
    style = doc.styles[name]
    p = doc.add_paragraph(style=style)
    if right is None and block.kind in ("signer", "date"):
        right = 4.0 if block.kind == "date" else 2.0
    if right is not None:
        from docx.shared import Pt

        p.paragraph_format.right_indent = Pt(lay.BODY_SIZE * right)
    if block.kind == "title":
        lay.balance_title(p, "".join(r.text for r in block.runs))
    if block.kind == "signer" and not first:
        from docx.shared import Pt

        p.paragraph_format.space_before = Pt(lay.LINE * 2)
    for run in block.runs:
        lay.add_text(p, run.text, run.bold)


def signature_indents(items: list[Block]) -> dict[int, float]:
    """The right indents, in characters, of the 落款 lines (GB/T 9704-2012 7.3.5.2, without a seal):
    the issuer 2 characters in from the right, the date centred under it (the shorter of the two
    centred on the longer). A date alone stands 4 characters in."""
    from plantrack.office.cells import text_width

    at = {b.kind: i for i, b in enumerate(items) if b.kind in ("signer", "date")}
    widths = {k: text_width("".join(r.text for r in items[i].runs)) / 2 for k, i in at.items()}
    if "signer" not in at:
        return {i: 4.0 for k, i in at.items()}
    widest = max(widths.values())
    return {i: 2.0 + (widest - widths[k]) / 2 for k, i in at.items()}


def _table(doc: Any, block: Block, section: Any) -> None:
    from docx.shared import Emu

    from plantrack.office import docx_layout as lay

    if not block.rows:
        return
    cols = max(len(r) for r in block.rows)
    table = doc.add_table(rows=0, cols=cols)
    if "Table Grid" in {s.name for s in doc.styles}:
        table.style = doc.styles["Table Grid"]
    width = section.page_width - section.left_margin - section.right_margin
    weights = _weights(block.rows, cols)
    for c, column in enumerate(table.columns):
        column.width = Emu(int(width * weights[c]))
    for n, values in enumerate(block.rows):
        row = table.add_row()
        if n == 0:
            lay.repeat_header(row)
        for c in range(cols):
            cell = row.cells[c]
            cell.width = Emu(int(width * weights[c]))
            p = cell.paragraphs[0]
            p.style = doc.styles["公文表头" if n == 0 else "公文表格"]
            lay.add_text(p, values[c] if c < len(values) else "")
    table.autofit = False


def _weights(rows: list[list[str]], cols: int) -> list[float]:
    """Column shares: short columns (序号, 完成率, 状态) get what their longest value needs, the rest
    of the width goes to text columns by how much they hold."""
    from plantrack.office.cells import text_width

    need: list[float] = []
    want: list[float] = []
    for c in range(cols):
        values = [text_width(r[c]) / 2 for r in rows[1:] if c < len(r)] or [2.0]
        header = text_width(rows[0][c]) / 2 if c < len(rows[0]) else 2.0
        longest = max(values)
        short = longest <= 6
        # a short column is as wide as its header too (序时进度 on one line), a text column at least 3
        need.append(max(header if short else min(header, 2.0), longest * 1.25 if short else 3.0) + 1)
        want.append(0.0 if short else min((sum(values) / len(values) + longest) / 2, 30.0))
    room = max(0.0, TABLE_CHARS - sum(need))
    total_want = sum(want) or 1.0
    widths = [n + room * w / total_want for n, w in zip(need, want, strict=True)]
    total = sum(widths)
    return [w / total for w in widths]


def docx_wanted(fmt: str | None, output: Path | None) -> bool:
    """--format docx, or -o x.docx; md (the default) otherwise. A .docx cannot go to the screen."""
    from plantrack.errors import UsageError

    value = (fmt or "").strip().lower().lstrip(".")
    if value not in ("", "md", "markdown", "docx"):
        raise UsageError(f"--format 的值“{fmt}”不认识。", hint="可选：md（Markdown）、docx（Word）。")
    wanted = value == "docx" or (not value and output is not None and output.suffix.lower() == ".docx")
    if wanted and output is not None and str(output) == "-":
        raise UsageError("Word 文件不能输出到屏幕。", hint="请用 -o 报告.docx 指定文件。")
    from plantrack.office.suffixes import check_suffix

    check_suffix(
        output,
        "Word 文档（.docx）" if wanted else "Markdown 文本",
        (".docx",) if wanted else (".md", ".markdown", ".txt"),
        hint="报告可写成 Markdown（-o 报告.md）或 Word 公文（-o 报告.docx）。",
    )
    return wanted


def write_report_docx(ws: Workspace, markdown: str, path: Path, root: Path | None = None) -> Path:
    """The report's .docx, styled by the workspace's templates/report.docx when there is one; with
    root (the workspace, for the default file), only inside it."""
    return markdown_to_docx(markdown, path, ws.settings.docx, ws.templates / TEMPLATE_NAME, root)
