"""Bytes → str for text and HTML files: BOM, declared charset, strict UTF-8, then charset-normalizer.

A doubtful result is refused rather than returned as mojibake: the user is told which encodings
were tried and to save the file as UTF-8.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

from plantrack.errors import InputError

BOMS: list[tuple[bytes, str]] = [
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]
# Encodings a Chinese notice is written in; the detector's other guesses (cp949, cp037...) are mojibake.
CHINESE_CODECS = frozenset({"gb18030", "gbk", "gb2312", "cp936", "hz", "big5", "big5hkscs", "cp950"})
# Codecs to try for a declared web charset: pages labelled gb2312 often hold GBK characters, and
# pages labelled big5 Microsoft's extensions; GB18030 and cp950 read both the label and what it hides.
DECLARED_CODECS: dict[str, tuple[str, ...]] = {
    "gb2312": ("gb18030",),
    "gbk": ("gb18030",),
    "x-gbk": ("gb18030",),
    "cp936": ("gb18030",),
    "big5": ("big5", "cp950"),
    "x-big5": ("big5", "cp950"),
}

CHAOS_DOUBTFUL = 0.1  # refuse a best guess this chaotic (charset-normalizer's mess ratio)
CHAOS_WARN = 0.02  # accept, but tell the reviewer
COMMON_SHARE = 0.8  # of the CJK characters of a decoded text must be frequent ones (mojibake: ~0.3)
MIN_CJK_SAMPLE = 8  # fewer CJK characters than this: too few to judge
REPLACEMENT_SHARE = 0.01  # refuse text where this share of characters is U+FFFD
DAMAGED_UTF8_MAX = 3  # damaged places a UTF-8 text may have and still be read as UTF-8
CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
META_CHARSET = re.compile(rb"""<meta[^>]{0,300}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.I)


@dataclass
class Decoded:
    text: str
    encoding: str
    warnings: list[str] = field(default_factory=list)


def decode_bytes(data: bytes, name: str, declared: str | None = None) -> Decoded:
    """Decode a text file; ``declared`` is the charset an HTML page names for itself."""
    result = _from_bom(data) or _from_declared(data, declared) or _from_utf8(data) or _from_damaged_utf8(data)
    if result is None:
        result = _detect(data, name, declared)
    _check_replacements(result, name)
    return result


def declared_charset(data: bytes) -> str | None:
    """The charset of ``<meta charset=...>`` / ``http-equiv`` in the first 4 KB of a page."""
    match = META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii").lower() if match else None


def _from_bom(data: bytes) -> Decoded | None:
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(encoding), encoding)
            except UnicodeDecodeError:
                return None
    return None


def _from_declared(data: bytes, declared: str | None) -> Decoded | None:
    if not declared:
        return None
    for name in DECLARED_CODECS.get(declared, (declared,)):
        try:
            codec = codecs.lookup(name).name
            return Decoded(data.decode(codec), codec)
        except (LookupError, UnicodeDecodeError):
            continue
    return None


def _from_utf8(data: bytes) -> Decoded | None:
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        return None


def _from_damaged_utf8(data: bytes) -> Decoded | None:
    """UTF-8 with a few damaged bytes (a flipped bit, a cut-off last character): most of the text
    decodes as UTF-8 Chinese, only a handful of places do not. Text in another encoding gives
    almost no valid Chinese as UTF-8, so it never passes."""
    text = data.decode("utf-8", errors="replace")
    damaged = text.count("\ufffd")
    chinese = len(CJK.findall(text))
    if chinese < MIN_CJK_SAMPLE or damaged > max(DAMAGED_UTF8_MAX, chinese // 100):
        return None
    return Decoded(text, "utf-8")


def _detect(data: bytes, name: str, declared: str | None) -> Decoded:
    """charset-normalizer's best Chinese reading; anything else would be mojibake for a notice."""
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    chinese = [m for m in matches if _codec(m.encoding) in CHINESE_CODECS]
    if not chinese:
        raise _doubtful(name, declared, _codec(matches[0].encoding) if matches else None)
    best = chinese[0]
    decoded = Decoded(str(best), _codec(best.encoding))
    if best.chaos >= CHAOS_DOUBTFUL or not _plausible(decoded.text):
        raise _doubtful(name, declared, decoded.encoding)
    if declared:
        decoded.warnings.append(
            f"网页声明的编码 {declared} 与内容不符，已按 {decoded.encoding} 读取，请核对原文。"
        )
    if best.chaos > CHAOS_WARN:
        decoded.warnings.append(
            f"文件编码是猜测的（按 {decoded.encoding} 读取），请核对提取的文字是否有乱码。"
        )
    return decoded


def _plausible(text: str) -> bool:
    """Mojibake is full of rare characters: most CJK characters of a real notice are common ones."""
    sample = CJK.findall(text, 0, 20000)
    if len(sample) < MIN_CJK_SAMPLE:
        return True
    common = sum(1 for char in sample if _is_common(char))
    return common >= COMMON_SHARE * len(sample)


def _is_common(char: str) -> bool:
    """In GB2312 level 1 (3755 frequent simplified) or Big5's frequent block (5401 traditional)."""
    try:
        return 0xB0 <= char.encode("gb2312")[0] <= 0xD7
    except UnicodeEncodeError:
        pass
    try:
        return 0xA440 <= int.from_bytes(char.encode("big5")) <= 0xC67E
    except UnicodeEncodeError:
        return False


def _codec(encoding: str) -> str:
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        return encoding


def _check_replacements(decoded: Decoded, name: str) -> None:
    count = decoded.text.count("\ufffd")
    if not count:
        return
    if count > max(3, len(decoded.text) * REPLACEMENT_SHARE):
        raise InputError(
            f"{name} 中有 {count} 个无法识别的字符（�），文字已经是乱码（编码 {decoded.encoding}）。",
            hint="请找到原始文件，用记事本或 WPS 打开后另存为 UTF-8 编码的 .txt 文件再试。",
        )
    decoded.warnings.append(
        f"文件中有 {count} 个无法识别的字符（�，{_where(decoded.text)}），可能是文件受损；请对照原文核对相关文字。"
    )


def _where(text: str, shown: int = 5) -> str:
    """'第 3 行第 12 个字、第 40 行第 1 个字': where the replacement characters are."""
    places: list[str] = []
    for number, line in enumerate(text.split("\n"), start=1):
        column = line.find("\ufffd")
        while column >= 0 and len(places) <= shown:
            places.append(f"第 {number} 行第 {column + 1} 个字")
            column = line.find("\ufffd", column + 1)
    more = "等" if len(places) > shown else ""
    return "、".join(places[:shown]) + more


def _doubtful(name: str, declared: str | None, guess: str | None) -> InputError:
    tried = (f"网页声明的 {declared}、" if declared else "") + "UTF-8、GB18030/GBK、Big5 等编码"
    outcome = f"最接近的 {guess} 读出来也像是乱码" if guess else "都不能正确读出文字"
    return InputError(
        f"无法确定 {name} 的文字编码：已尝试 {tried}，{outcome}。",
        hint="请用记事本或 WPS 打开原文，另存为 UTF-8 编码的 .txt 文件后再试。",
    )
