"""An output file's name must fit what is written into it: `export -o 台账.xls` or `report -o
报告.pdf` would leave a file that Excel, Word or a PDF reader refuses to open."""

from __future__ import annotations

from pathlib import Path

from plantrack.errors import UsageError


def check_suffix(output: Path | None, written: str, fits: tuple[str, ...], hint: str) -> None:
    """Refuse an output name ending in a known file kind (lang/office_words.FILE_KINDS) that is not
    one of `fits` (what `written`, e.g. "Excel 台账", may be called). No suffix, or one that names no
    kind of file (报告.2017Q3), is left alone."""
    from plantrack.lang.office_words import FILE_KINDS

    if output is None or str(output) == "-":
        return
    suffix = output.suffix.lower()
    if suffix in FILE_KINDS and suffix not in fits:
        raise UsageError(
            f"输出文件 {output.name} 的扩展名 {suffix} 表示“{FILE_KINDS[suffix]}”，"
            f"而要写出的是“{written}”，这样的文件打不开。",
            hint=hint,
        )
