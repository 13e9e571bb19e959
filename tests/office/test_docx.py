"""`report --format docx`: the official layout (GB/T 9704-2012), read back with python-docx."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from plantrack.config import DocxSettings
from plantrack.office.docx_report import markdown_to_docx
from plantrack.office.mdblocks import blocks, plain_text


def _report(invoke, ws: Path, *args: str) -> tuple[Path, str]:  # type: ignore[no-untyped-def]
    result = invoke("-w", ws, "report", "--quarter", "2017Q3", "--format", "docx", *args)
    assert result.exit_code == 0, result.output
    assert "已生成报告：" in result.output and ".docx" in result.output
    md = invoke("-w", ws, "report", "--quarter", "2017Q3", *args, "-o", "-").stdout
    path = ws / "reports" / "2017Q3.docx"
    if "--agency" in args:
        path = next((ws / "reports").glob("2017Q3-*.docx"))
    return path, md


@pytest.fixture(scope="module")
def demo_report(demo_base: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The demo workspace's 2017Q3 report as .docx, with its Markdown, made once for the tests that
    only read it (a test that changes the workspace makes its own)."""
    from typer.testing import CliRunner

    from plantrack.cli.app import app

    ws = tmp_path_factory.mktemp("docx") / "ws"
    shutil.copytree(demo_base, ws, ignore=shutil.ignore_patterns(".plantrack-cache"))
    env = {"COLUMNS": "200", "NO_COLOR": "1", "PLANTRACK_WORKSPACE": None}

    def invoke(*args: str | Path):  # type: ignore[no-untyped-def]
        return CliRunner().invoke(app, [str(a) for a in args], catch_exceptions=False, env=env)

    return _report(invoke, ws)


def _east_asian(style: Any) -> str:
    return str(style.element.rPr.rFonts.get(qn("w:eastAsia")))


def _texts(document: Any) -> list[str]:
    """Body text in order: paragraphs and table cells."""
    out: list[str] = []
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            out.append("".join(t.text or "" for t in child.iter(qn("w:t"))))
        elif child.tag == qn("w:tbl"):
            for tc in child.iter(qn("w:tc")):
                out.append("".join(t.text or "" for t in tc.iter(qn("w:t"))))
    return [t for t in out if t.strip()]


def test_docx_text_equals_the_markdown(demo_report: tuple[Path, str]) -> None:
    path, md = demo_report
    document = docx.Document(str(path))
    assert _texts(document) == plain_text(blocks(md))
    assert _texts(document)[0] == "关于《吉安市农民工工作领导小组2017年工作要点》2017年第三季度落实情况的报告"


INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"


def _chinese_runs(document: Any) -> list[str]:
    """The runs whose Latin language (w:val: digits, Latin text) is set to Chinese."""
    out = []
    for r in document.element.body.iter(qn("w:r")):
        lang = r.find(f"{qn('w:rPr')}/{qn('w:lang')}")
        if lang is not None and lang.get(qn("w:val")) == "zh-CN":
            out.append("".join(t.text or "" for t in r.iter(qn("w:t"))))
    return out


def test_a_run_of_task_numbers_may_break_after_each_comma(tmp_path: Path) -> None:
    # LibreOffice's Latin line breaking keeps 第10、11、12…22项 on one line and stretches the line
    # before it: the first digit after each 、 between numbers is marked Chinese (a break may come
    # before it), in paragraphs and table cells; nothing is inserted into the text
    run = "、".join(str(n) for n in (2, 3, 4, *range(6, 23)))
    markdown = (
        f"# 报告\n\n其中，第{run}项任务本季度没有任何单位报送。分工见（一）、（二），完成1.5万人。\n\n"
        "| 序号 | 说明 |\n| --- | --- |\n| 1 | 第6、7、8、19项；市人社局、市发改委 |\n"
    )
    path = markdown_to_docx(markdown, tmp_path / "r.docx", DocxSettings())
    document = docx.Document(str(path))
    texts = _texts(document)
    assert texts == plain_text(blocks(markdown))
    assert not any(ch in t for t in texts for ch in INVISIBLE)
    marked = _chinese_runs(document)
    assert marked == [*(str(n)[0] for n in (3, 4, *range(6, 23))), "7", "8", "1"]
    styles = document.styles.element
    default = styles.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}")
    assert default.get(qn("w:eastAsia")) == "zh-CN" and default.get(qn("w:val")) == "en-US"


def test_no_invisible_character_in_the_report(demo_report: tuple[Path, str]) -> None:
    path, md = demo_report
    document = docx.Document(str(path))
    body = "".join(t.text or "" for t in document.element.body.iter(qn("w:t")))
    runs = re.findall(r"[0-9]+(?:、[0-9]+)+", md)
    assert runs and all(r in body for r in runs)  # 第11、15、22项 as the Markdown has it
    assert not any(ch in body for ch in INVISIBLE) and not any(ch in md for ch in INVISIBLE)
    assert len(_chinese_runs(document)) == sum(r.count("、") for r in runs)


def test_page_setup_and_styles(demo_report: tuple[Path, str]) -> None:
    document = docx.Document(str(demo_report[0]))
    first = document.sections[0]
    assert abs(first.page_width - Mm(210)) < Mm(0.5) and abs(first.page_height - Mm(297)) < Mm(0.5)
    for side, mm in (("top_margin", 37), ("bottom_margin", 35), ("left_margin", 28), ("right_margin", 26)):
        assert abs(getattr(first, side) - Mm(mm)) < Mm(0.1), side
    by_text = {p.text: p for p in document.paragraphs if p.text}
    title = document.paragraphs[0]
    assert title.style.name == "公文标题"
    assert _east_asian(title.style) == "方正小标宋简体" and title.style.font.size == Pt(22)
    assert title.style.paragraph_format.alignment == 1  # centred
    body = next(
        p
        for p in document.paragraphs
        if p.text.startswith("《吉安市农民工工作领导小组2017年工作要点》共明确工作任务22项")
    )
    assert body.style.name == "公文正文" and _east_asian(body.style) == "仿宋_GB2312"
    fmt = body.style.paragraph_format
    assert (
        body.style.font.size == Pt(16) and fmt.line_spacing == Pt(28) and fmt.line_spacing_rule == 4
    )  # exactly
    assert body.style.element.pPr.find(qn("w:ind")).get(qn("w:firstLineChars")) == "200"
    assert (
        by_text["一、总体情况"].style.name == "公文一级标题"
        and _east_asian(by_text["一、总体情况"].style) == "黑体"
    )
    h2 = by_text["（一）大力推动农民工就业创业"]
    assert h2.style.name == "公文二级标题" and _east_asian(h2.style) == "楷体_GB2312"


@pytest.mark.slow
def test_page_numbers_and_attachment_pages(demo_report: tuple[Path, str]) -> None:
    document = docx.Document(str(demo_report[0]))
    assert document.settings.odd_and_even_pages_header_footer
    first = document.sections[0]
    odd, even = first.footer.paragraphs[0], first.even_page_footer.paragraphs[0]
    for p, align in ((odd, 2), (even, 0)):  # right, left: the outside corners
        assert p.alignment == align
        xml = p._p.xml
        assert "PAGE" in xml and p.text.startswith("— ") and p.text.endswith(" —")
    assert _east_asian(odd.style) == "宋体" and odd.style.font.size == Pt(14)
    last = document.sections[-1]
    assert last.orientation == 1 and last.page_width > last.page_height  # landscape
    table = document.tables[-1]
    assert len(table.columns) == 7
    assert [c.text for c in table.rows[0].cells][:3] == ["序号", "工作任务", "牵头单位"]
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert len(table.rows) == 23
    heading = [p for p in document.paragraphs if p.text.startswith("附件")][-1]  # after the 附件说明 line
    assert heading.style.name == "公文附件"


@pytest.mark.slow
def test_agency_report_and_docx_output_name(invoke, demo_ws: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path, md = _report(invoke, demo_ws, "--agency", "人社局")
    assert path.name == "2017Q3-市人社局.docx"
    assert _texts(docx.Document(str(path))) == plain_text(blocks(md))
    out = tmp_path / "报告.docx"
    result = invoke("-w", demo_ws, "report", "-q", "2017Q3", "-o", out)
    assert result.exit_code == 0 and out.is_file()
    result = invoke("-w", demo_ws, "report", "-q", "2017Q3", "--format", "docx", "-o", "-")
    assert result.exit_code == 1 and "Word 文件不能输出到屏幕" in result.output
    result = invoke("-w", demo_ws, "report", "-q", "2017Q3", "--format", "pdf")
    assert result.exit_code == 1 and "--format 的值“pdf”不认识" in result.output


@pytest.mark.slow
def test_fonts_from_settings_and_a_workspace_template(invoke, demo_ws: Path) -> None:  # type: ignore[no-untyped-def]
    (demo_ws / "plantrack.toml").write_text('[docx]\nbody_font = ["仿宋", "宋体"]\n', encoding="utf-8")
    document = docx.Document(str(_report(invoke, demo_ws)[0]))
    assert _east_asian(document.styles["公文正文"]) == "仿宋"
    font_table = next(
        p for p in document.part.package.iter_parts() if str(p.partname) == "/word/fontTable.xml"
    )
    assert '<w:font w:name="仿宋"><w:altName w:val="宋体"/>' in font_table.blob.decode("utf-8")

    template = docx.Document()
    style = template.styles.add_style("公文正文", 1)
    style.font.size = Pt(15)
    (demo_ws / "templates").mkdir(exist_ok=True)
    template.save(str(demo_ws / "templates" / "report.docx"))
    document = docx.Document(str(_report(invoke, demo_ws)[0]))
    assert document.styles["公文正文"].font.size == Pt(15)  # the template's own style
    assert document.styles["公文标题"].font.size == Pt(22)  # the rest as the standard says


@pytest.mark.parametrize(
    "markdown",
    [
        "---\n主送: 各成员单位\n落款: 吉安市农民工工作领导小组办公室\n日期: 2017年10月9日\n---\n# 关于报告\n\n正文。\n\n## 附件：表\n\n| a | b |\n| --- | --- |\n| 1 | 2 |\n",
        "# 关于报告\n\n各成员单位：\n\n正文。\n\n吉安市农民工工作领导小组办公室\n\n2017年10月9日\n\n## 附件：表\n\n| a | b |\n| --- | --- |\n| 1 | 2 |\n",
    ],
    ids=["front-matter", "in-the-body"],
)
def test_recipient_and_signature(markdown: str, tmp_path: Path) -> None:
    path = markdown_to_docx(markdown, tmp_path / "x.docx", DocxSettings())
    document = docx.Document(str(path))
    styles = {p.text: p.style.name for p in document.paragraphs if p.text}
    assert styles["各成员单位："] == "公文主送"
    assert styles["吉安市农民工工作领导小组办公室"] == "公文落款"
    assert styles["2017年10月9日"] == "公文落款"
    texts = [p.text for p in document.paragraphs if p.text]
    assert texts.index("各成员单位：") == 1 and texts.index("2017年10月9日") < texts.index("附件：表")
    signer = next(p for p in document.paragraphs if p.text == "2017年10月9日")
    assert signer.style.paragraph_format.alignment == 2  # right


def test_the_date_is_centred_under_the_issuer(demo_report: tuple[Path, str]) -> None:
    # GB/T 9704-2012 7.3.5.2 (no seal): the issuer 2 characters in from the right, the date under it, centred
    from plantrack.office.cells import text_width

    document = docx.Document(str(demo_report[0]))
    lines = [p for p in document.paragraphs if p.style.name == "公文落款"]
    assert [p.text for p in lines] == ["吉安市农民工工作领导小组办公室", "2017年9月30日"]
    signer, day = (p.paragraph_format.right_indent / Pt(16) for p in lines)
    assert signer == pytest.approx(2.0)
    centre = [indent + text_width(p.text) / 4 for indent, p in zip((signer, day), lines, strict=True)]
    assert centre[0] == pytest.approx(centre[1]) and day > 4.0


def test_short_table_columns_hold_their_header(tmp_path: Path) -> None:
    markdown = "# 报告\n\n## 附件：表\n\n| 序号 | 工作任务 | 序时进度 | 状态 |\n| --- | --- | --- | --- |\n"
    markdown += "".join(f"| {n} | {'很长的工作任务' * 6} | 75% | 序时推进 |\n" for n in range(1, 23))
    document = docx.Document(str(markdown_to_docx(markdown, tmp_path / "t.docx", DocxSettings())))
    section = document.sections[-1]
    type_area = section.page_width - section.left_margin - section.right_margin
    widths = [c.width / type_area * 62 for c in document.tables[0].columns]  # in 小五 characters
    assert widths[2] >= 4.99 and widths[3] >= 4.99 and widths[1] > 30  # 4 characters and the margins


@pytest.mark.parametrize(
    ("title", "balanced"),
    [("关于报告", False), ("关于报送2017年第四季度工作任务进展情况的提醒", True)],
    ids=["one-line", "two-lines"],
)
def test_a_long_title_is_set_in_even_lines(tmp_path: Path, title: str, balanced: bool) -> None:
    # 关于报送…进展情况 / 的提醒 would leave three characters on the second line: equal indents on both
    # sides make the lines about equally long; the text is not broken
    document = docx.Document(
        str(markdown_to_docx(f"# {title}\n\n正文。\n", tmp_path / "t.docx", DocxSettings()))
    )
    p = document.paragraphs[0]
    assert p.text == title
    left, right = p.paragraph_format.left_indent, p.paragraph_format.right_indent
    if not balanced:
        assert left is None and right is None
        return
    assert left == right and left > Pt(22)
    section = document.sections[0]
    line = (section.page_width - section.left_margin - section.right_margin - left - right) / Pt(22)
    width = len(title) - sum(ch.isdigit() for ch in title) / 2  # in 二号 characters
    assert width / 2 < line < width  # two lines, the second about as long as the first
