"""Reading received files: encodings, saved web pages, Word and PDF files, and unusable inputs."""

from __future__ import annotations

import hashlib
import io
import random
from pathlib import Path

import pytest

from plantrack.errors import InputError
from plantrack.sources import SourceText, read_bytes, read_source
from plantrack.sources.reflow import is_hard_wrapped, reflow, rejoin_broken_words
from tests.conftest import FIXTURES, SOURCES

NOTICES = FIXTURES / "notices"

SIMPLIFIED = """吉安市农民工工作领导小组2017年工作要点
　　2017年吉安市农民工工作的总体要求是：全面贯彻党的十八大精神，以有序推进农民工市民化为目标。
一、促进农民工就业创业
（一）加强农民工职业技能培训。全年培训农民工2万人次以上。（市人社局牵头，市财政局配合）
（二）做好农民工就业服务。开展“春风行动”，组织招聘会不少于50场。（市人社局负责）
"""
TRADITIONAL = """東莞市人民政府關於貫徹落實《廣東省進一步穩定和擴大就業若干政策措施》的實施意見
各鎮人民政府（街道辦事處），市府直屬各單位：
一、減負穩崗留工並舉，深層次優化用工生態
（一）減輕企業負擔，穩定就業崗位。（市人力資源社會保障局、市醫保局、市財政局、市稅務局負責）
"""


# --- plain text in the encodings notices arrive in -------------------------------------------

ENCODED = [
    pytest.param(SIMPLIFIED.encode("utf-8"), SIMPLIFIED, "utf-8", id="utf-8"),
    pytest.param(SIMPLIFIED.encode("utf-8-sig"), SIMPLIFIED, "utf-8-sig", id="utf-8-bom"),
    pytest.param(SIMPLIFIED.encode("gb18030"), SIMPLIFIED, "gb18030", id="gb18030"),
    pytest.param(SIMPLIFIED.encode("gbk"), SIMPLIFIED, "gb18030", id="gbk-read-as-gb18030"),
    pytest.param(SIMPLIFIED.encode("gb2312"), SIMPLIFIED, "gb18030", id="gb2312-read-as-gb18030"),
    pytest.param(TRADITIONAL.encode("big5"), TRADITIONAL, "big5", id="big5"),
    pytest.param(SIMPLIFIED.encode("utf-16"), SIMPLIFIED, "utf-16", id="utf-16-notepad-unicode"),
]


@pytest.mark.parametrize(("data", "text", "encoding"), ENCODED)
def test_text_in_each_encoding(tmp_path: Path, data: bytes, text: str, encoding: str) -> None:
    path = tmp_path / "通知.txt"
    path.write_bytes(data)
    source = read_source(path)
    assert (source.text, source.encoding, source.format, source.warnings) == (text, encoding, "txt", [])
    assert source.sha256 == hashlib.sha256(data).hexdigest()


@pytest.mark.parametrize(
    ("line", "encoding"),
    [
        ("关于印发2017年工作要点的通知", "gbk"),
        ("各县（市、区）人民政府，市直各有关单位：", "gbk"),
        ("東莞市人民政府關於貫徹落實的實施意見", "big5"),
    ],
)
def test_a_single_short_line_is_detected(line: str, encoding: str) -> None:
    assert read_bytes(line.encode(encoding), "title.txt").text == line


@pytest.mark.parametrize("size", [40, 300, 5000])
def test_random_bytes_are_refused_not_turned_into_mojibake(size: int) -> None:
    data = bytes(random.Random(size).randrange(0x80, 0x100) for _ in range(size))
    with pytest.raises(InputError) as caught:
        read_bytes(data, "乱码.txt")
    assert caught.value.exit_code == 2
    assert caught.value.message.startswith(
        "无法确定 乱码.txt 的文字编码：已尝试 UTF-8、GB18030/GBK、Big5 等编码"
    )
    assert caught.value.hint == "请用记事本或 WPS 打开原文，另存为 UTF-8 编码的 .txt 文件后再试。"


def test_text_full_of_replacement_characters_is_refused() -> None:
    broken = "关于印发\ufffd\ufffd工作要点的通知\n" * 5 + "\ufffd\ufffd\ufffd\ufffd市人社局\n"
    with pytest.raises(InputError, match="无法识别的字符"):
        read_bytes(broken.encode("utf-8"), "坏.txt")


def test_a_stray_replacement_character_is_accepted_with_a_warning() -> None:
    source = read_bytes(("一、促进就业\ufffd\n" + SIMPLIFIED * 3).encode("utf-8"), "a.txt")
    assert source.warnings == [
        "文件中有 1 个无法识别的字符（�，第 1 行第 7 个字），可能是文件受损；请对照原文核对相关文字。"
    ]


def test_unknown_extension_is_read_as_text() -> None:
    source = read_bytes(SIMPLIFIED.encode("gb18030"), "notice.dat")
    assert (source.format, source.encoding, source.text) == ("txt", "gb18030", SIMPLIFIED)


def test_text_file_that_is_really_a_web_page_is_read_as_html() -> None:
    page = (NOTICES / "jinan-2019-page.html").read_bytes()
    source = read_bytes(page, "saved.txt")
    assert source.format == "html"
    assert "<p>" not in source.text and "序号 | 工作任务 | 牵头单位 | 完成时限" in source.text


# --- saved web pages -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def page() -> SourceText:
    return read_source(NOTICES / "jinan-2019-page.html")


def test_page_keeps_the_main_text_one_block_per_line(page: SourceText) -> None:
    lines = page.text.split("\n")
    assert (page.format, page.encoding) == ("html", "utf-8")
    assert "关于印发《2019年全市农民工工作要点》的通知" in lines
    assert "各区县人民政府，市农民工工作领导小组各成员单位：" in lines
    # <br> inside the signature paragraph is a line break
    assert lines[lines.index("济南市农民工工作领导小组") + 1] == "2019年3月12日"
    # inline <span> and <strong> do not break lines
    assert (
        "（二）做好农民工就业服务。开展“春风行动”等专项服务活动，全年组织招聘会不少于50场。（市人社局负责）"
        in lines
    )


def test_page_tables_are_one_line_per_row_with_spans_filled(page: SourceText) -> None:
    rows = [line for line in page.text.split("\n") if " | " in line]
    assert rows == [
        "设为首页 | 加入收藏 | 无障碍浏览",  # literal | in a toolbar; normalize drops the line
        "序号 | 工作任务 | 牵头单位 | 完成时限",
        "1 | 开展根治欠薪专项行动 | 市人社局 | 2019年12月底前",
        "2 | 推进农民工工资专用账户管理 | 市人社局 | 持续推进",  # rowspan repeated
        "3 | 农民工子女入学工作（市教育局负责） | | 9月底前",  # colspan followed by an empty cell
    ]


@pytest.mark.parametrize(
    "left_out",
    [
        "统计代码",
        "_hmt",
        "text-indent",
        "政务公开\n办事服务",
        "机构职能",
        "隐藏的调试文字",
        "分享到",
        "鲁ICP备",
        "主办单位",
    ],
)
def test_page_leaves_out_scripts_styles_navigation_hidden_and_footer(page: SourceText, left_out: str) -> None:
    assert left_out not in page.text


def test_page_decoded_by_its_declared_charset() -> None:
    markup = (
        (NOTICES / "jinan-2019-page.html")
        .read_text(encoding="utf-8")
        .replace("charset=utf-8", "charset=gb2312")
    )
    source = read_bytes(markup.encode("gbk"), "page.htm")
    assert (source.encoding, source.warnings) == ("gb18030", [])
    assert "1 | 开展根治欠薪专项行动 | 市人社局 | 2019年12月底前" in source.text


def test_page_with_a_wrong_declared_charset_is_detected_and_flagged() -> None:
    markup = (
        '<html><head><meta charset="utf-8"></head><body><p>'
        + SIMPLIFIED.replace("\n", "</p><p>")
        + "</p></body></html>"
    )
    source = read_bytes(markup.encode("gb18030"), "page.html")
    assert source.encoding == "gb18030"
    assert source.warnings == ["网页声明的编码 utf-8 与内容不符，已按 gb18030 读取，请核对原文。"]
    assert "一、促进农民工就业创业" in source.text.split("\n")


def test_layout_table_is_read_as_blocks_and_inner_data_table_as_rows() -> None:
    markup = (
        "<html><body><table><tr><td width='200'>栏目导航</td><td>"
        "<p>一、工作任务</p><p>（一）推进就业。</p>"
        "<table><tr><th>序号</th><th>任务</th></tr><tr><td>1</td><td>推进就业<br>稳定岗位</td></tr></table>"
        "</td></tr></table></body></html>"
    )
    text = read_bytes(markup.encode("utf-8"), "layout.html").text
    assert text.split("\n") == [
        "栏目导航",
        "一、工作任务",
        "（一）推进就业。",
        "序号 | 任务",
        "1 | 推进就业 稳定岗位",
    ]


def test_html_source_line_breaks_between_chinese_characters_do_not_become_spaces() -> None:
    markup = "<html><body><p>加强农民\n      工职业技能培训, and\n more</p></body></html>"
    assert read_bytes(markup.encode("utf-8"), "a.html").text == "加强农民工职业技能培训, and more"


# --- Word ------------------------------------------------------------------------------------


def _docx(numbered: bool = False) -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph("立山区政府2023年重点工作任务分解和责任分工方案")
    document.add_paragraph("为全面贯彻落实党的二十大精神，现就全区2023年重点工作，制定分工方案如下。")
    table = document.add_table(rows=3, cols=5)
    rows = [
        ["序号", "工作任务", "牵头单位", "责任单位", "完成时限"],
        ["1", "努力实现地区生产总值增长6.2%左右。", "区发改局", "立山经济开发区", "12月底前"],
        ["2", "规模上工业增加值增长5%左右。", "区工信局", "", ""],
    ]
    for i, row in enumerate(rows):
        for j, value in enumerate(row):
            table.cell(i, j).text = value
    table.cell(2, 3).merge(table.cell(2, 4)).text = "立山经济开发区"  # merged across two columns
    document.add_paragraph("立山区人民政府")
    if numbered:
        document.add_paragraph("加强组织领导", style="List Number")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_docx_paragraphs_and_tables_in_body_order() -> None:
    source = read_bytes(_docx(), "分工方案.docx")
    assert (source.format, source.encoding, source.warnings) == ("docx", "", [])
    assert source.text.split("\n") == [
        "立山区政府2023年重点工作任务分解和责任分工方案",
        "为全面贯彻落实党的二十大精神，现就全区2023年重点工作，制定分工方案如下。",
        "序号 | 工作任务 | 牵头单位 | 责任单位 | 完成时限",
        "1 | 努力实现地区生产总值增长6.2%左右。 | 区发改局 | 立山经济开发区 | 12月底前",
        "2 | 规模上工业增加值增长5%左右。 | 区工信局 | 立山经济开发区 |",
        "立山区人民政府",
    ]


def test_docx_with_word_list_numbering_warns_that_numbers_are_missing() -> None:
    source = read_bytes(_docx(numbered=True), "a.docx")
    assert source.text.endswith("\n加强组织领导")
    assert source.warnings == [
        "文档中有 1 个段落使用 Word 自动编号，编号（如“一、”“1.”）不在提取的文字中，请核对任务编号。"
    ]


def test_broken_docx_is_refused() -> None:
    with pytest.raises(InputError, match=r"无法打开 Word 文件 坏\.docx") as caught:
        read_bytes(b"PK\x03\x04" + b"\x00" * 200, "坏.docx")
    assert caught.value.hint == "请用 Word 或 WPS 打开后另存为 .docx（或 .txt）再试。"


# --- PDF -------------------------------------------------------------------------------------


def _pdf(lines: list[str]) -> bytes:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    y = 780
    for line in lines:
        page.setFont("STSong-Light", 12)
        page.drawString(72, y, line)
        y -= 20
    page.drawString(280, 50, "— 1 —")
    page.showPage()
    page.save()
    return buffer.getvalue()


PDF_LINES = [
    "关于印发2017年农民工工作要点的通知",
    "一、促进农民工就业创业",
    "（一）加强农民工职业技能培训。全面实施农民工职业技能提升计",
    "划，全年培训农民工2万人次以上。（市人社局牵头，市财政局配合）",
    "（二）做好农民工就业服务。开展春风行动等专项服务活动，全年组织",
    "招聘会不少于50场，帮助农民工实现就业1万人以上。（市人社局负责）",
    "吉安市农民工工作领导小组办公室",
    "2017年8月28日",
]


def test_pdf_text_layer_with_wrapped_lines_rejoined() -> None:
    source = read_bytes(_pdf(PDF_LINES), "要点.pdf")
    assert (source.format, source.encoding, source.warnings) == ("pdf", "", [])
    assert [line for line in source.text.split("\n") if line] == [
        "关于印发2017年农民工工作要点的通知",
        "一、促进农民工就业创业",
        "（一）加强农民工职业技能培训。全面实施农民工职业技能提升计划，全年培训农民工2万人次以上。（市人社局牵头，市财政局配合）",
        "（二）做好农民工就业服务。开展春风行动等专项服务活动，全年组织招聘会不少于50场，帮助农民工实现就业1万人以上。（市人社局负责）",
        "吉安市农民工工作领导小组办公室",
        "2017年8月28日",
    ]


def test_scanned_pdf_without_text_layer_is_refused() -> None:
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    blank = canvas.Canvas(buffer)
    blank.showPage()
    blank.save()
    with pytest.raises(InputError) as caught:
        read_bytes(buffer.getvalue(), "扫描件.pdf")
    assert (
        caught.value.message == "扫描件.pdf 是扫描件，没有文字层（只有图片），plantrack 不支持 OCR 文字识别。"
    )
    assert (
        caught.value.hint
        == "请先用 OCR 软件（如 WPS、Adobe Acrobat）把它转换成文字，另存为 .txt 或 .docx 后再提取。"
    )


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (b"%PDF-1.4\nnot really a pdf", "坏.pdf", "无法读取 PDF 文件 坏.pdf：文件可能已损坏。"),
        (b"just text named pdf", "a.pdf", "a.pdf 不是有效的 PDF 文件（文件开头没有 PDF 标记）。"),
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100,
            "通知.doc",
            "通知.doc 是旧版 Word 文档（.doc），plantrack 不能直接读取。",
        ),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 50, "通知.txt", "通知.txt 是图片，plantrack 不支持 OCR 文字识别。"),
        (
            b"PK\x03\x04xl/workbook.xml" + b"\x00" * 50,
            "表.xlsx",
            "表.xlsx 是Excel 表格，plantrack 不能直接读取。",
        ),
        (b"  \n\r\n ", "空.txt", "空.txt 是空文件。"),
        (b"<html><body><script>var a;</script></body></html>", "空.html", "空.html 中没有找到文字。"),
    ],
    ids=["broken-pdf", "not-a-pdf", "old-doc", "image", "excel", "empty", "page-without-text"],
)
def test_unusable_files_are_refused_with_exit_code_2(data: bytes, name: str, message: str) -> None:
    with pytest.raises(InputError) as caught:
        read_bytes(data, name)
    assert caught.value.message == message
    assert caught.value.hint
    assert caught.value.exit_code == 2


def test_missing_file_and_folder_are_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="找不到文件"):
        read_source(tmp_path / "没有.txt")
    with pytest.raises(InputError, match="是文件夹，不是文件"):
        read_source(tmp_path)


# --- hard-wrapped text (copied from PDF) -------------------------------------------------------

WRAPPED = """关于做好2023年农民工工作的通知
各县（区）人民政府，市直各有关单位：
　　为贯彻党的二十大精神，落实党中央、国务院农民工工作决策部署，进一步做好我市农民工
市民化工作，根据省人社厅等9部门通知要求，市人社局、发展改革委、教育局决定在全市范
围内开展县域农民工市民化质量提升行动。现将有关工作通知如下。
一、工作目标
　　全面贯彻落实中央一号文件精神，按照适应乡村振兴、新型城镇化、城乡融合发展等战略要
求，顺应县域农民工流动变化趋势，推进以县城为重要载体的城镇化建设，以提升县域农民工
市民化质量为重点，着力提高县域农民工就业质量和技能水平，扩大县域基本公共服务供给。
二、重点任务
（一）促进农民工就业创业。加强县域农民工就业服务，全年组织招聘活动不少于20场，帮助
农民工实现就业1万人以上。（市人社局牵头，市发展改革委配合）
（二）提升农民工技能水平。大力开展农民工职业技能培训，全年培训农民工2万人次以上，
　　　　　　　　　　　　　　　　　　— 2 —
确保培训后就业率达到80%以上。（市人社局负责）
市人力资源和社会保障局
2023年3月29日
"""


def test_hard_wrapped_text_file_is_rejoined_with_a_warning() -> None:
    source = read_bytes(WRAPPED.encode("gb18030"), "copied-from-pdf.txt")
    lines = source.text.split("\n")
    assert source.warnings == [
        "原文按固定宽度换行（可能是从 PDF 复制的），已把断开的句子重新接上，请核对段落。"
    ]
    assert lines[0] == "关于做好2023年农民工工作的通知"
    assert lines[1] == "各县（区）人民政府，市直各有关单位："
    assert lines[2].endswith("决定在全市范围内开展县域农民工市民化质量提升行动。现将有关工作通知如下。")
    assert lines[3] == "一、工作目标"
    assert (
        "（一）促进农民工就业创业。加强县域农民工就业服务，全年组织招聘活动不少于20场，帮助农民工实现就业1万人以上。（市人社局牵头，市发展改革委配合）"
        in lines
    )
    assert (
        "（二）提升农民工技能水平。大力开展农民工职业技能培训，全年培训农民工2万人次以上，确保培训后就业率达到80%以上。（市人社局负责）"
        in lines
    )
    assert lines[-2:] == ["市人力资源和社会保障局", "2023年3月29日"]


@pytest.mark.parametrize(
    "path",
    [*sorted((FIXTURES / "seeds").glob("*.txt")), *sorted(SOURCES.glob("*.txt"))],
    ids=lambda p: p.name,
)
def test_ordinary_notices_are_not_taken_for_hard_wrapped(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert not is_hard_wrapped(text)
    assert read_bytes(text.encode("utf-8"), path.name).text == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "一、工作目标\n全面贯彻落实", "一、工作目标\n全面贯彻落实", id="short-lines-never-joined"
        ),
        pytest.param("", "", id="empty"),
        pytest.param("— 3 —\n正文", "正文", id="page-number-dropped"),
    ],
)
def test_reflow_leaves_short_lines_alone(text: str, expected: str) -> None:
    assert reflow(text) == expected


# An invented department plan with many short heading lines: under a quarter of its lines are
# paragraph lines cut at the wrap width once it is copied from a PDF (38 characters a line).
MOSTLY_SHORT = """县卫生健康局2024年爱国卫生工作实施方案的通知
发表时间:2024-03-05 来源:县卫生健康局
一、工作目标
全县病媒生物密度控制水平达到国家标准C级以上,城乡环境卫生状况明显改善,群众卫生健康素养稳步提升,健康生活方式普及率逐年提高,爱国卫生运动的群众基础更加牢固。
二、重点任务
(一)环境整治
1.开展城乡环境卫生整洁行动,集中清理卫生死角,6月底前完成背街小巷和城乡结合部的集中整治。[牵头单位:县卫健局;责任单位:各乡镇人民政府]
2.推进农贸市场标准化改造,年底前完成全部农贸市场改造提升。[牵头单位:县市场监管局]
(二)健康促进
1.深入开展健康知识进万家活动,全年举办健康讲座不少于50场,覆盖全部行政村和社区,组织医务人员深入农村开展义诊咨询,发放健康教育资料,提高群众健康素养。
2.加强控烟宣传,推进无烟党政机关、无烟医疗卫生机构和无烟学校建设,在公共场所设置禁烟标识,开展控烟执法检查,年底前实现无烟党政机关全覆盖。
三、工作要求
(一)加强领导
(二)强化督查
"""


def _pdf_copy(text: str, width: int = 38) -> str:
    out: list[str] = []
    for line in text.splitlines():
        out += [line[i : i + width] for i in range(0, len(line), width)] or [""]
    return "\n".join(out)


def test_a_wrapped_page_of_mostly_short_lines_is_rejoined() -> None:
    copied = _pdf_copy(MOSTLY_SHORT)
    assert copied.count("\n") > MOSTLY_SHORT.count("\n") + 4
    assert is_hard_wrapped(copied)
    assert reflow(copied).splitlines() == MOSTLY_SHORT.splitlines()


def test_a_long_title_line_is_not_joined_with_the_page_info_under_it() -> None:
    lines = reflow(_pdf_copy(MOSTLY_SHORT)).splitlines()
    assert lines[:2] == MOSTLY_SHORT.splitlines()[:2]


# A short page copied out of Word: most lines are the heading, 文号 and headings, the body lines break
# near the page edge at widths that vary with the digits in them, a name is cut across two lines
# (县市场监\n管局) and a traditional page footer (第2頁 共5頁) sits between two halves of a sentence.
SHORT_WORD_COPY = (
    "发布日期：2024-04-02 09:30　　来源：县政府办公室　　字号：大 中 小\n"
    "安平县人民政府办公室关于印发安平县2024年食品安全重点工作安排的通知\n"
    "安政办〔2024〕11号\n"
    "一、重点工作\n"
    "（一）开展校园食品安全守护行动。全年抽检学校食堂及周边餐饮单位320家，6月底前完成\n"
    "春季学期全覆盖检查。县市场监管局牵头，县教育局配合，各乡（镇）人民政府负\n"
    "责。\n"
    "第2頁 共5頁\n"
    "（二）推进农贸市场快检室建设。新建标准化快检室6个，快检覆盖率达到95%以上。县市场监\n"
    "管局负责，10月底前完成。\n"
    "（三）加强农村集体聚餐管理。备案指导农村集体聚餐不少于1500场次。县卫生健康局牵头\n"
    "，各乡（镇）人民政府负责，县市场监管局配合。\n"
    "（四）整治校外托管机构食品安全。全年检查校外托管机构80家次，问题整改率达到100%，县教\n"
    "育局、县市场监管局按职责分工负责。\n"
    "二、工作要求\n"
    "各乡（镇）、各部门要加强协作。\n"
)


def test_a_short_page_copied_from_word_is_rejoined_across_names_and_page_footers() -> None:
    assert is_hard_wrapped(SHORT_WORD_COPY)
    lines = reflow(SHORT_WORD_COPY).splitlines()
    assert lines[0].startswith("发布日期") and lines[0].endswith("大 中 小")  # the title stays its own line
    assert lines[1].endswith("的通知")
    assert any(line.endswith("各乡（镇）人民政府负责。") for line in lines)
    assert any("县市场监管局负责，10月底前完成。" in line for line in lines)
    assert not any("頁" in line for line in lines)
    assert len(lines) == 10


# A department's short plan copied out of Word: most body lines end their item with 。 at the edge, so
# the page does not read as hard-wrapped, but three breaks fall inside a role verb or a name.
BROKEN_WORDS = (
    "北川县住房和城乡建设局关于印发2024年城镇燃气安全工作要点的通知\n"
    "北住建发〔2024〕7号\n"
    "一、开展燃气管网隐患排查。全年排查老旧燃气管网120公里，整改问题隐患不少于300处。局城建股牵\n"
    "头，各乡镇人民政府配合，9月底前完成。\n"
    "二、推进用户安全装置加装。为居民用户加装燃气泄漏报警器5000户。局燃气安全服务中\n"
    "心负责。\n"
    "三、强化瓶装液化气监管。检查瓶装液化气供应站点全覆盖，建立台账一站一档。局综合执法大队\n"
    "牵头，县市场监管局配合。\n"
    "四、加强燃气安全宣传。开展燃气安全进社区、进企业、进学校活动不少于20场次。局办公室负责。\n"
    "五、完善应急处置机制。组织燃气事故应急演练2次，提高处置能力。局安全股负责。\n"
    "各股室：\n"
    "请按要求抓好落实。\n"
)


def test_a_break_inside_a_role_verb_or_a_name_is_joined_on_a_page_not_hard_wrapped() -> None:
    assert not is_hard_wrapped(BROKEN_WORDS)
    lines = rejoin_broken_words(BROKEN_WORDS).splitlines()
    assert "局城建股牵头，各乡镇人民政府配合，9月底前完成。" in lines[2]
    assert lines[3].endswith("局燃气安全服务中心负责。")
    assert lines[4].endswith("局综合执法大队牵头，县市场监管局配合。")
    assert lines[-2:] == ["各股室：", "请按要求抓好落实。"]  # short lines and a label stay as they are
    assert len(lines) == 9


def test_a_break_inside_a_role_label_is_joined() -> None:
    page = (
        "1.推进统计数据质量提升。全年开展数据质量核查4次，完成重点企业核查不少于60家。（责任科\n"
        "室：综合科）\n"
        "2.规范统计台账管理。6月底前完成全市规模以上企业统计台账规范化建设。（牵头单\n"
        "位：法规科，配合：办公室）\n"
    )
    assert rejoin_broken_words(page).splitlines() == [
        "1.推进统计数据质量提升。全年开展数据质量核查4次，完成重点企业核查不少于60家。（责任科室：综合科）",
        "2.规范统计台账管理。6月底前完成全市规模以上企业统计台账规范化建设。（牵头单位：法规科，配合：办公室）",
    ]


def test_a_labelled_role_line_after_a_long_line_stays_a_line_of_its_own() -> None:
    page = (
        "1.\n"
        "工作任务：全市细颗粒物（PM2.5）年平均浓度控制在35微克/立方米以内，优良天数比例不低于85%\n"
        "牵头单位：市生态环境局\n"
        "配合单位：市工业和信息化局、各县（市、区）人民政府\n"
        "完成时限：2021年12月底\n"
    )
    assert rejoin_broken_words(page) == page


# A PDF copy broken every 30 characters or so, one break inside a number on a line short of full.
SPLIT_NUMBERS = (
    "　　（一）推进城市更新改造。完成城镇老旧小区改造120个，惠及居\n"
    "民1.5万户，10月底前全部完工。（市住建局牵头）\n"
    "　　（二）停车设施建设。新增公共停车泊位35\n"
    "00个，建设智慧停车管理平台1个。（市城管局负责）\n"
    "　　（三）污水管网建设。完成12个片区雨污分流，新建管网38.\n"
    "5公里，11月底前通过验收。（市水务局负责）\n"
)


def test_a_number_broken_by_the_page_is_joined_back() -> None:
    text = reflow(SPLIT_NUMBERS)
    assert "泊位3500个" in text
    assert "管网38.5公里" in text
    assert len(text.splitlines()) == 3


def test_table_rows_are_never_joined_and_no_wrapping_is_reported() -> None:
    rows = [
        "序号 | 重点任务 | 牵头单位 | 责任单位 | 完成时限",
        "一、提升政务服务效能",
        *[
            f"{k} | 深化第{k}项重点改革事项，新增重点事项集成服务15个 | 市政务服务数据管理局 | 市公安局、市人社局 | 2025年6月底前"
            for k in range(1, 4)
        ],
        "二、优化要素保障",
        *[
            f"{k} | 新增普惠小微贷款不少于80亿元，贷款平均利率下降0.3个百分点 | 市金融办 | 人民银行分行 | 2025年12月底前"
            for k in range(1, 4)
        ],
    ]
    text = "\n".join(rows)
    assert reflow(text).splitlines() == rows
    assert not is_hard_wrapped(text)
