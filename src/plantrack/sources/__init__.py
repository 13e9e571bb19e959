"""Turn a received file (.txt in any Chinese encoding, saved .html page, .docx, .pdf) into text.

``read_source`` / ``read_bytes`` give a :class:`SourceText`: the decoded text, not yet normalised
(see ``plantrack.extract.normalize``), with tables as one line per row (cells joined by " | ") and
PDF or hard-wrapped lines already re-joined into paragraphs. The format is decided from the
content first (a PDF or Word file, an HTML page saved as .txt) and from the extension second;
an unknown extension is read as text. Unusable files raise ``InputError`` with a Chinese hint.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from plantrack.errors import InputError

__all__ = ["SourceText", "read_bytes", "read_source"]

HTML_START = re.compile(r"^(?:\s|<!--[^>]*-->|<\?xml[^>]*>)*<(?:!doctype\s+html|html|head|meta|body)\b", re.I)
HTML_EXTENSIONS = frozenset({".html", ".htm", ".shtml", ".xhtml"})
# Formats people receive notices in that plantrack cannot read, with what to do instead.
UNSUPPORTED: dict[str, str] = {
    ".doc": "旧版 Word 文档（.doc）",
    ".wps": "WPS 文字文档（.wps）",
    ".rtf": "RTF 文档",
    ".xls": "Excel 表格",
    ".xlsx": "Excel 表格",
    ".et": "WPS 表格",
    ".ppt": "PowerPoint 文稿",
    ".pptx": "PowerPoint 文稿",
    ".mht": "网页归档（.mht）",
    ".mhtml": "网页归档（.mhtml）",
    ".ofd": "OFD 版式文档",
    ".caj": "CAJ 文档",
    ".zip": "压缩包",
    ".rar": "压缩包",
    ".7z": "压缩包",
}
IMAGE_EXTENSIONS = frozenset({".jpg", ".jpeg", ".png", ".gif", ".bmp", ".tif", ".tiff", ".webp"})
IMAGE_MAGIC = (b"\x89PNG", b"\xff\xd8\xff", b"GIF87a", b"GIF89a", b"II*\x00", b"MM\x00*", b"RIFF")
OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # old binary Office files (.doc, .xls, .wps)


@dataclass
class SourceText:
    text: str  # decoded text, not yet normalised; tables one line per row, cells joined by " | "
    encoding: str  # "utf-8", "utf-8-sig", "gb18030", "big5" ...; "" for docx and pdf
    format: str  # "txt" | "html" | "docx" | "pdf"
    sha256: str  # of the file bytes
    warnings: list[str] = field(default_factory=list)  # Chinese, for the reviewer


def read_source(path: Path) -> SourceText:
    """Read a file from disk; see :func:`read_bytes`."""
    if path.is_dir():
        raise InputError(f"{path} 是文件夹，不是文件。", hint="请给出通知文件本身的路径。")
    try:
        data = path.read_bytes()
    except FileNotFoundError as err:
        raise InputError(f"找不到文件 {path}。", hint="请检查路径和文件名是否正确。") from err
    except OSError as err:
        raise InputError(
            f"无法读取文件 {path}：{err.strerror}。", hint="请检查文件是否存在、有无读取权限。"
        ) from err
    return read_bytes(data, str(path))


def read_bytes(data: bytes, name: str) -> SourceText:
    """Text of a file given as bytes; ``name`` (a file name or path) gives the extension."""
    if not data.strip():
        raise InputError(f"{name} 是空文件。", hint="请确认文件下载或保存完整后再试。")
    kind = _kind(data, Path(name).suffix.lower(), name)
    source = _read(data, kind, name)
    if not source.text.strip():
        raise InputError(
            f"{name} 中没有找到文字。",
            hint="请确认这是通知原文；网页请保存为“网页，全部”或把正文复制到 .txt 文件。",
        )
    return source


def _kind(data: bytes, extension: str, name: str) -> str:
    """ "pdf", "docx", "html" or "txt", from the content first and the extension second."""
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        if b"word/" in data[:65536] or extension == ".docx":
            return "docx"
        raise _unsupported(name, UNSUPPORTED.get(extension, "压缩文件或 Office 表格、文稿"))
    if data.startswith(OLE_MAGIC):
        raise _unsupported(name, UNSUPPORTED.get(extension, "旧版 Office 文件"))
    if extension in IMAGE_EXTENSIONS or data.startswith(IMAGE_MAGIC):
        raise InputError(
            f"{name} 是图片，plantrack 不支持 OCR 文字识别。",
            hint="请先把图片中的文字识别、保存为 .txt 文件后再提取。",
        )
    if extension in UNSUPPORTED:
        raise _unsupported(name, UNSUPPORTED[extension])
    if extension == ".pdf":
        raise InputError(
            f"{name} 不是有效的 PDF 文件（文件开头没有 PDF 标记）。", hint="请重新下载原文后再试。"
        )
    return "html" if extension in HTML_EXTENSIONS else "txt"


def _read(data: bytes, kind: str, name: str) -> SourceText:
    digest = hashlib.sha256(data).hexdigest()
    if kind == "pdf":
        from plantrack.sources.pdf import pdf_to_text

        return SourceText(pdf_to_text(data, name), "", "pdf", digest)
    if kind == "docx":
        from plantrack.sources.docx import docx_to_text

        text, warnings = docx_to_text(data, name)
        return SourceText(text, "", "docx", digest, warnings)
    from plantrack.sources.decode import declared_charset, decode_bytes

    declared = declared_charset(data) if kind == "html" else None
    decoded = decode_bytes(data, name, declared)
    if kind == "txt" and HTML_START.match(decoded.text[:2048]):
        if declared is None and (declared := declared_charset(data)) is not None:
            decoded = decode_bytes(data, name, declared)
        kind = "html"
    text = decoded.text
    if kind == "html":
        from plantrack.sources.html import html_to_text

        text = html_to_text(text, name)
    elif (
        "<" in text or "&" in text or "/t" in text
    ):  # a page saved as .txt with <p>, &nbsp; or td /td left in
        from plantrack.sources.markup import has_markup, strip_markup

        if has_markup(text):
            text = strip_markup(text)
    if kind == "txt" and "\t" in text:
        from plantrack.sources.tabs import tab_rows

        text = tab_rows(text)
    if kind == "txt":
        from plantrack.sources.spaced import may_hold_spaced_table, spaced_rows

        text = spaced_rows(text) if may_hold_spaced_table(text) else text
    text, warnings = _reflowed(text, decoded.warnings)
    return SourceText(text, decoded.encoding, kind, digest, warnings)


def _reflowed(text: str, warnings: list[str]) -> tuple[str, list[str]]:
    """Text files copied from PDF are hard-wrapped: re-join the lines, and say so."""
    from plantrack.sources.reflow import is_hard_wrapped, reflow, rejoin_broken_words

    if is_hard_wrapped(text):
        return reflow(text), [
            *warnings,
            "原文按固定宽度换行（可能是从 PDF 复制的），已把断开的句子重新接上，请核对段落。",
        ]
    return rejoin_broken_words(text), warnings


def _unsupported(name: str, what: str) -> InputError:
    return InputError(
        f"{name} 是{what}，plantrack 不能直接读取。",
        hint="请用 Word、WPS 或浏览器打开，另存为 .docx、.txt 或 .html 后再提取。",
    )
