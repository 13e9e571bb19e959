"""GB/T 9704-2012 page and type settings for Word documents, as python-docx calls: page set-up,
the named paragraph styles, page numbers "— 1 —" at the outside corners, font alternates."""

from __future__ import annotations

import re
from typing import Any

from plantrack.config import DocxSettings

# Sizes in points: 二号 22, 三号 16, 四号 14, 小五 9.
TITLE_SIZE, BODY_SIZE, PAGE_NO_SIZE, TABLE_SIZE = 22.0, 16.0, 14.0, 9.0
LINE = 28.0  # exact line spacing of the body
MARGINS_MM = {"top": 37.0, "bottom": 35.0, "left": 28.0, "right": 26.0}
A4_MM = (210.0, 297.0)
LANGUAGE = "zh-CN"
_AFTER_COMMA = re.compile(r"(?<=[0-9]、)([0-9])")  # the first digit of a number after 2、

# name -> (font setting, size, alignment, first-line indent in characters, bold)
STYLES: dict[str, tuple[str, float, str, int, bool]] = {
    "公文标题": ("title_font", TITLE_SIZE, "center", 0, False),
    "公文正文": ("body_font", BODY_SIZE, "justify", 2, False),
    "公文主送": ("body_font", BODY_SIZE, "left", 0, False),
    "公文一级标题": ("heading1_font", BODY_SIZE, "justify", 2, False),
    "公文附件": ("heading1_font", BODY_SIZE, "left", 0, False),
    "公文二级标题": ("heading2_font", BODY_SIZE, "justify", 2, False),
    "公文三级标题": ("body_font", BODY_SIZE, "justify", 2, True),
    "公文落款": ("body_font", BODY_SIZE, "right", 0, False),
    "公文表格": ("body_font", TABLE_SIZE, "left", 0, False),
    "公文表头": ("heading1_font", TABLE_SIZE, "center", 0, False),
    "公文页码": ("page_number_font", PAGE_NO_SIZE, "right", 0, False),
}


def set_fonts(rpr_owner: Any, name: str) -> None:
    """A font for every script (East Asian included: python-docx sets only the Latin ones)."""
    from docx.oxml.ns import qn

    rpr = rpr_owner.get_or_add_rPr()
    fonts = rpr.get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), name)


def balance_title(paragraph: Any, text: str) -> None:
    """A title of several lines set in lines of about equal length (GB/T 9704: 排列对称), by equal
    indents on both sides, not by breaks in its text: 关于报送…进展情况 / 的提醒 becomes two even lines."""
    import math

    from docx.shared import Pt

    from plantrack.office.cells import text_width

    per_line = (
        (A4_MM[0] - MARGINS_MM["left"] - MARGINS_MM["right"]) / 25.4 * 72 / TITLE_SIZE
    )  # 二号 characters
    width = text_width(text) / 2  # digits and Latin letters half a character
    lines = math.ceil(width / per_line)
    if lines < 2:
        return
    room = per_line - min(per_line, width / lines + 1.0)  # a character to spare against 避头尾 rules
    paragraph.paragraph_format.left_indent = paragraph.paragraph_format.right_indent = Pt(
        TITLE_SIZE * room / 2
    )


def chinese_language(doc: Any) -> None:
    """Chinese as the East Asian language of the document (as a Chinese Word writes it: zh-CN for
    East Asian text, en-US for Latin text and digits), and of each style plantrack sets."""
    from docx.oxml.ns import qn

    styles = doc.styles.element
    defaults = _child(styles, "w:docDefaults", first=True)
    set_language(_child(_child(defaults, "w:rPrDefault", first=True), "w:rPr"), east_asian=LANGUAGE)
    theme = doc.settings.element.find(qn("w:themeFontLang"))
    if theme is not None:
        theme.set(qn("w:eastAsia"), LANGUAGE)


def _child(parent: Any, tag: str, first: bool = False) -> Any:
    from docx.oxml.ns import qn

    found = parent.find(qn(tag))
    if found is None:
        found = parent.makeelement(qn(tag), {})
        if first:
            parent.insert(0, found)
        else:
            parent.append(found)
    return found


def set_language(rpr: Any, latin: str | None = None, east_asian: str | None = None) -> None:
    """w:lang on run properties: the language of Latin text and digits, of East Asian text."""
    from docx.oxml.ns import qn

    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = rpr.makeelement(qn("w:lang"), {})
        rpr.insert_element_before(lang, "w:eastAsianLayout", "w:specVanish", "w:oMath")
    if latin:
        lang.set(qn("w:val"), latin)
    if east_asian:
        lang.set(qn("w:eastAsia"), east_asian)


def add_text(paragraph: Any, text: str, bold: bool = False) -> None:
    """The text as runs of the paragraph. In a run of numbers (第10、11、12、14、15项) the first digit
    after each 、 is marked as Chinese: LibreOffice's Latin line breaking sees such a run as one
    unbreakable number and stretches the line before it, Chinese rules break after the 、. Only
    that one digit: Chinese rules would also break between the digits of 11. Word breaks there
    either way; the text is unchanged (nothing is inserted)."""
    for k, part in enumerate(_AFTER_COMMA.split(text)):
        if not part:
            continue
        run = paragraph.add_run(part)
        if bold:
            run.bold = True
        if k % 2:
            set_language(run._r.get_or_add_rPr(), latin=LANGUAGE)


def page_setup(section: Any, landscape: bool = False) -> None:
    from docx.enum.section import WD_ORIENT
    from docx.shared import Mm

    width, height = A4_MM
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (
        (Mm(height), Mm(width)) if landscape else (Mm(width), Mm(height))
    )
    section.top_margin = Mm(MARGINS_MM["top"])
    section.bottom_margin = Mm(MARGINS_MM["bottom"])
    section.left_margin = Mm(MARGINS_MM["left"])
    section.right_margin = Mm(MARGINS_MM["right"])
    section.header_distance = Mm(15)
    section.footer_distance = Mm(25)  # the page number 7 mm under the type area


def ensure_styles(doc: Any, settings: DocxSettings, keep: set[str]) -> None:
    """Create (or, unless a workspace template defines it, reset) each named paragraph style."""
    from docx.enum.style import WD_STYLE_TYPE
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
    from docx.shared import Pt

    align = {"center": WD_ALIGN_PARAGRAPH.CENTER, "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
             "left": WD_ALIGN_PARAGRAPH.LEFT, "right": WD_ALIGN_PARAGRAPH.RIGHT}  # fmt: skip
    existing = {s.name for s in doc.styles}
    for name, (font_key, size, how, indent, bold) in STYLES.items():
        if name in keep:
            continue
        style = doc.styles[name] if name in existing else doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = None
        font = style.font
        font.size = Pt(size)
        font.bold = bold
        set_fonts(style.element, getattr(settings, font_key)[0])
        set_language(style.element.get_or_add_rPr(), east_asian=LANGUAGE)
        fmt = style.paragraph_format
        fmt.alignment = align[how]
        fmt.space_before = fmt.space_after = Pt(0)
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.line_spacing = Pt(_line(name, size))
        fmt.first_line_indent = Pt(size * indent) if indent else None
        fmt.widow_control = False
        if indent:
            _indent_chars(style.element, indent)


def _line(name: str, size: float) -> float:
    if name == "公文标题":
        return 36.0
    return 14.0 if size < BODY_SIZE else LINE


def _indent_chars(element: Any, chars: int) -> None:
    """firstLineChars: the indent follows the font size, as Word's 首行缩进 2 字符 does."""
    from docx.oxml.ns import qn

    ppr = element.get_or_add_pPr()
    ind = ppr.find(qn("w:ind"))
    if ind is None:
        ind = ppr.makeelement(qn("w:ind"), {})
        ppr.append(ind)
    ind.set(qn("w:firstLineChars"), str(chars * 100))


def page_numbers(doc: Any, section: Any, settings: DocxSettings) -> None:
    """ "— 1 —" in 宋体 四号: odd pages at the right, even pages at the left, one character in."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    doc.settings.odd_and_even_pages_header_footer = True
    section.footer.is_linked_to_previous = False
    section.even_page_footer.is_linked_to_previous = False
    for footer, align in (
        (section.footer, WD_ALIGN_PARAGRAPH.RIGHT),
        (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT),
    ):
        p = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
        for r in list(p.runs):
            r._element.getparent().remove(r._element)
        p.style = doc.styles["公文页码"]
        p.alignment = align
        if align == WD_ALIGN_PARAGRAPH.RIGHT:
            p.paragraph_format.right_indent = Pt(PAGE_NO_SIZE)
        else:
            p.paragraph_format.left_indent = Pt(PAGE_NO_SIZE)
        p.add_run("— ")
        _page_field(p)
        p.add_run(" —")


def _page_field(paragraph: Any) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def fld(kind: str) -> Any:
        el = OxmlElement("w:fldChar")
        el.set(qn("w:fldCharType"), kind)
        return el

    run = paragraph.add_run()
    run._r.append(fld("begin"))
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = " PAGE "
    run._r.append(instr)
    run._r.append(fld("separate"))
    text = OxmlElement("w:t")
    text.text = "1"
    run._r.append(text)
    run._r.append(fld("end"))


def repeat_header(row: Any) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    trpr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    trpr.append(el)


def font_alternates(doc: Any, settings: DocxSettings) -> None:
    """Declare each configured font with its fallback (w:altName) and GB2312 charset in fontTable.xml,
    so Word substitutes 宋体/仿宋 where the 方正 fonts are missing."""
    import re

    part = next((p for p in doc.part.package.iter_parts() if str(p.partname) == "/word/fontTable.xml"), None)
    if part is None or not hasattr(part, "_blob"):
        return
    xml = part._blob.decode("utf-8")
    added = []
    for key in ("title_font", "body_font", "heading1_font", "heading2_font", "page_number_font"):
        names = getattr(settings, key)
        if not names or f'w:name="{names[0]}"' in xml:
            continue
        alt = f'<w:altName w:val="{names[1]}"/>' if len(names) > 1 else ""
        added.append(
            f'<w:font w:name="{names[0]}">{alt}<w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>'
        )
    if added:
        part._blob = re.sub(r"</w:fonts>\s*$", "".join(added) + "</w:fonts>", xml).encode("utf-8")
