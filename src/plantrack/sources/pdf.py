"""Text layer of a PDF (pdfminer.six), with hard line breaks re-joined into paragraphs.

A scanned PDF has no text layer: it is refused with a message saying OCR is not supported.
"""

from __future__ import annotations

import io
import re

from plantrack.errors import InputError
from plantrack.sources.reflow import PAGE_NUMBER_LINE, reflow

MIN_CHARACTERS = 20  # fewer visible characters than this (page numbers aside) means a scan
CID_SHARE = 0.2  # this share of "(cid:NN)" placeholders means fonts without a Unicode map
CID = re.compile(r"\(cid:\d+\)")


def pdf_to_text(data: bytes, name: str) -> str:
    """The PDF's text, reflowed; raises InputError for scans, encrypted or broken files."""
    text = _extract(data, name)
    lines = (line for line in text.splitlines() if not PAGE_NUMBER_LINE.match(line))
    visible = "".join("".join(line.split()) for line in lines)
    if len(visible) < MIN_CHARACTERS:
        raise InputError(
            f"{name} 是扫描件，没有文字层（只有图片），plantrack 不支持 OCR 文字识别。",
            hint="请先用 OCR 软件（如 WPS、Adobe Acrobat）把它转换成文字，另存为 .txt 或 .docx 后再提取。",
        )
    if sum(len(code) for code in CID.findall(text)) > len(visible) * CID_SHARE:
        raise InputError(
            f"{name} 的文字无法识别：PDF 中的字体没有文字编码表，提取出来只有 (cid:…) 代码。",
            hint="请用 WPS 或 Adobe Acrobat 打开，把文字复制到 .txt 文件（或另存为 .docx）后再提取。",
        )
    return reflow(text)


def _extract(data: bytes, name: str) -> str:
    from pdfminer.high_level import extract_text
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    try:
        return str(extract_text(io.BytesIO(data)))
    except (PDFPasswordIncorrect, PDFEncryptionError) as err:
        raise InputError(
            f"{name} 设置了密码或加密保护，无法读取。", hint="请去掉密码保护后另存一份再试。"
        ) from err
    except Exception as err:  # pdfminer raises many kinds of errors for a damaged file
        raise InputError(
            f"无法读取 PDF 文件 {name}：文件可能已损坏。",
            hint="请重新下载原文，或用 PDF 阅读器打开后把文字复制到 .txt 文件中。",
        ) from err
