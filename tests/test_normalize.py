"""normalize(): width, spaces, traditional characters, pinyin glosses, raw markup and site chrome."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plantrack.extract.normalize import is_boilerplate, is_traditional, normalize
from plantrack.lang import boilerplate, traditional
from plantrack.sources import read_bytes, read_source
from tests.conftest import FIXTURES, SOURCES

SEEDS = FIXTURES / "seeds"
NOTICES = FIXTURES / "notices"

# --- characters --------------------------------------------------------------------------------

CASES = [
    # full-width punctuation and digits become half-width (NFKC)
    ("各县（市、区）人民政府：", "各县(市、区)人民政府:"),
    ("全年培训农民工２万人次以上；", "全年培训农民工2万人次以上;"),
    ("就业率达到８０％以上，", "就业率达到80%以上,"),
    ("（二十）提高统筹协调能力？！", "(二十)提高统筹协调能力?!"),
    # meaning-bearing punctuation stays
    ("吉农工办〔2017〕1号", "吉农工办〔2017〕1号"),
    ("《工作要点》、“春风行动”。", "《工作要点》、“春风行动”。"),
    # circled numbers are item markers: kept, not flattened to digits
    ("①加强培训；②做好服务；⑳其他", "①加强培训;②做好服务;⑳其他"),
    ("⑴加强培训", "(1)加强培训"),
    # odd spaces: indentation, nbsp, en space, zero-width
    ("\u3000\u3000经研究，现将要点印发给你们。", "经研究,现将要点印发给你们。"),
    ("发布时间:\xa02017-08-28\u2002\u2002来源:\t市人社局", "发布时间: 2017-08-28 来源: 市人社局"),
    ("农民\u200b工\ufeff市民化", "农民工市民化"),
    ("自治区财政厅    自治区住房和城乡建设厅   ", "自治区财政厅 自治区住房和城乡建设厅"),
    # line breaks of every kind, empty-line runs cut to one, none at the ends
    (
        "\n\n一、工作目标\r\n\r\n\r\n\r\n全面贯彻\r落实\x0c二、任务\n\n",
        "一、工作目标\n\n全面贯彻\n落实\n二、任务",
    ),
    # pinyin glosses left by some sites
    ("农(nóng)民工精准脱贫“集结(jié)号”", "农民工精准脱贫“集结号”"),
    ("创(chuàng)业(yè)", "创业"),
    ("农（nóng）民工", "农民工"),
    # ... but parentheses that carry meaning stay
    ("(市人社局牵头,市财政局配合)", "(市人社局牵头,市财政局配合)"),
    ("国发〔2016〕56号(2017)", "国发〔2016〕56号(2017)"),
    ("地区生产总值(GDP)增长6%左右", "地区生产总值(GDP)增长6%左右"),
    ("政务服务(app)上线", "政务服务(app)上线"),
    # a less-than sign in text is not a tag
    ("参保职工30人(含)以下,<50人的企业", "参保职工30人(含)以下,<50人的企业"),
    ("x<y, y>z", "x<y, y>z"),
    # traditional text becomes simplified
    ("湖南工會吹響農民工精準脫貧“集結號”", "湖南工会吹响农民工精准脱贫“集结号”"),
    ("東府〔2021〕54號", "东府〔2021〕54号"),
    # a half-width . between Chinese characters is the page's full stop; beside a digit it is not
    ("开展调研.由县档案馆负责,4月底前完成.", "开展调研。由县档案馆负责,4月底前完成."),
    ("推广经验.县文旅局负责.", "推广经验。县文旅局负责."),
    ("增长6.5%,完成3.2万户", "增长6.5%,完成3.2万户"),
    ("1.加强档案征集.2.推进数字化", "1.加强档案征集.2.推进数字化"),
    ("一.提升政务服务效能", "一.提升政务服务效能"),  # an item number
    ("| 十二.优化环境 |", "| 十二.优化环境 |"),
    ("推进全市统一.市政务服务中心负责", "推进全市统一。市政务服务中心负责"),
    ("访问www.gov.cn查询", "访问www.gov.cn查询"),
    # a headline's stop before a space or before the date opening the next sentence
    ("落实播种面积. 全镇面积稳定在3万亩", "落实播种面积。全镇面积稳定在3万亩"),
    ("做好补贴发放.4月底前发放到户", "做好补贴发放。4月底前发放到户"),
    ("一. 稳定粮食生产", "一. 稳定粮食生产"),  # an item number keeps its dot and space
    ("三.2万亩", "三.2万亩"),
]


# Raw HTML markup inside a .txt page: plantrack.sources takes it out before normalize() runs.
MARKUP_CASES = [
    ("<p>各市、县人民政府:</p><p> 现将方案印发给你们。</p>", "各市、县人民政府:\n现将方案印发给你们。"),
    ('<p style="text-align: center;"><strong>实施方案</strong></p><p><br/></p>', "实施方案"),
    ("<tr><td>1</td><td>推进就业</td><td>市人社局</td></tr>", "1 | 推进就业 | 市人社局"),
    ("就业率&gt;80%&nbsp;&nbsp;“双盲”&ldquo;演练&rdquo;", "就业率>80% “双盲”“演练”"),
    ("<!-- 注释 --><script>var x = 1;</script>印发给你们。", "印发给你们。"),
    ("参保职工&amp;lt;50人", "参保职工<50人"),  # escaped twice
    # a table flattened with &nbsp; between cells: rows alike in their gaps are rows, each gap a cell
    (
        "序号&nbsp;任务&nbsp;牵头单位<br>1&nbsp;新建公厕20座&nbsp;县城管局<br>2&nbsp;改造农贸市场&nbsp;县商务局<br>",
        "序号 | 任务 | 牵头单位\n1 | 新建公厕20座 | 县城管局\n2 | 改造农贸市场 | 县商务局",
    ),
    # a lone line with gaps is no row: its gaps stay spaces, an indent goes
    (
        "某县科技局文件&nbsp;&nbsp;某科发〔2020〕3号&nbsp;某县科技局关于印发要点的通知<br/>&nbsp;&nbsp;现将要点印发给你们。",
        "某县科技局文件 某科发〔2020〕3号 某县科技局关于印发要点的通知\n现将要点印发给你们。",
    ),
    # tag names that lost their brackets: a table all the same
    (
        "附件\ntr\ntd 序号 /td td 任务 /td td 牵头单位 /td\n/tr\ntr\ntd 1 /td td 新建公厕 /td td /td\n/tr",
        "附件\n序号 | 任务 | 牵头单位\n1 | 新建公厕 |",
    ),
    ("td 1 /td 开展调研 /td", "td 1 /td 开展调研 /td"),  # one such line is no table
]


@pytest.mark.parametrize(("text", "expected"), MARKUP_CASES, ids=[c[0][:16] for c in MARKUP_CASES])
def test_markup_in_a_txt_page_is_gone_before_normalizing(text: str, expected: str) -> None:
    assert normalize(read_bytes(text.encode("utf-8"), "page.txt").text) == expected


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:16] for c in CASES])
def test_normalize(text: str, expected: str) -> None:
    assert normalize(text) == expected


# --- boilerplate lines -------------------------------------------------------------------------

BOILERPLATE = [
    # navigation (seeds 002, 003, b01, b13)
    "您当前所在位置: 首页>资讯中心>新闻动态",
    "您所在的位置:首页 >> 业务指南 >> 就业促进科 >> 政务动态",
    "当前位置:首页 >> 信息公开 >> 信息公开目录 >> 规划计划",
    "首页 > 政务公开 > 通知公告",
    "> 政务公开 > 法规文件 > 其他文件 > 嘉政办发",
    "首页",
    "某县人民政府 > 政府信息公开 > 规划计划",  # breadcrumbs from the site's name
    "某某街道 > 通知公告",
    "您的位置: 首页 » 法律资料网 » 法律法规 »",
    "首页 | 政务公开 | 政务服务 | 互动交流 | 走进某县",  # menus
    "网站首页  乡情概况  政务公开  招商引资  便民服务",  # the home page, then the site's own sections
    "首页 局情介绍 工作动态 业务指导",
    "某市某区人民政府 | 繁体 | 无障碍",  # a site's name before its toolbar
    "某县人民政府 设为首页 | 加入收藏 | 无障碍浏览",
    # toolbars (seeds 001, 004, b08)
    "| 【字号 大 中 小】 | 打印 | 留言 | 论坛 | 网摘 | 手机点评 | 纠错 |",
    "字号:大 中 小",
    "【字体:",
    "打印 关闭",
    "【打印本页】【关闭窗口】",
    "关闭",
    "无障碍浏览",
    "- 设为首页",
    "加入收藏",
    "分享到:微信 微博",
    "阅读次数:1024",
    "浏览次数:",
    # footers (seeds 002, 003, 004)
    "主办单位:宁夏回族自治区人力资源和社会保障厅",
    "主办单位:苏州市人力资源和社会保障局 苏ICP备10219514号-1",
    "吉安市人力资源和社会保障局主办 © 2010 版权所有 地址:吉安市城南中心大道市行政中心C区五楼",
    "宁ICP备10000951号-3 网站标识码:6400000011 宁公网安备 64010402000742号",
    "地址:宁夏回族自治区银川市上海东路38号 政策咨询电话:0951-12333 网站维护电话:0951-5099324 邮编:750001",
    "创奇信息 设计制作&技术支持 备案证编号:赣11001189号",
    "技术支持:某某网络科技有限公司",
    "Copyright 2023 All Rights Reserved",
    "您是第个访问者",
    "欢迎访问吉安市人力资源和社会保障局网站!",
    "吉安人社微信",
    "*吉安人社政务微博*",
    "邮箱登录: 用户名: 密 码:",
    "全站搜索:",
    "— 2 —",
    "第 3 页 共 9 页",
]

CONTENT = [
    "|",  # separates cells of a flattened table
    "一、工作目标",
    "(三)加强政务微博和微信公众号建设",  # a numbered item is never chrome
    "发布时间:2017-08-28 来源:市人社局 作者:就业促进科 阅读:",
    "发布日期:2023-03-03 09:37 信息来源:市政府办公室 浏览次数:",
    "发布日期:2019-03-15 来源:市人社局 【字号:大 中 小】",
    "来源: 苏州市人力资源和社会保障局 发布日期: 2021-01-08 13:28 访问量:",
    "加强技术支持,提升网站维护水平。",
    "保护版权所有人的合法权益。",
    "吉安市农民工工作领导小组办公室",
    "某县人民政府",  # a signature, or a site's name over its title
    "政策解读",  # one menu word alone may be a heading
    "首页 档案工作 某县档案馆2020年档案资源建设工作计划",  # a long last piece is no menu entry
    "PM2.5浓度>35微克/立方米的天数",  # a comparison, not a breadcrumb
    "2017年8月28日",
    "(此件主动公开)",
    "关于印发吉安市农民工工作领导小组2017年工作要点的通知",
    "序号 | 工作任务 | 牵头单位 | 责任单位 | 完成时限",
    # an address inside a long paragraph of the notice (corpus 27)
    "本报告全文在丽水市人民政府门户网站公布,欢迎查阅。如对本报告有疑问,可与丽水市人民政府办公室政府信息公开中心联系"
    "(地址:丽水市花园路1号,邮编:323000,电话:0578-2090823,电子邮箱:lsxxgk@lishui.gov.cn)。"
    "报告中所列数据的统计期限自2017年1月1日起至2017年12月31日止,全文包括概述、主动公开政府信息情况、"
    "依申请公开政府信息情况、存在的主要问题及改进措施等部分。",
]


@pytest.mark.parametrize("line", BOILERPLATE)
def test_site_chrome_is_boilerplate(line: str) -> None:
    assert is_boilerplate(line)


@pytest.mark.parametrize("line", CONTENT, ids=[c[:20] for c in CONTENT])
def test_notice_lines_are_not_boilerplate(line: str) -> None:
    assert not is_boilerplate(line)


def test_chrome_table_entries() -> None:
    for name, pattern in boilerplate.LINE_PATTERNS:
        assert re.compile(pattern), name
    assert len({name for name, _ in boilerplate.LINE_PATTERNS}) == len(boilerplate.LINE_PATTERNS)
    separators = re.compile(boilerplate.CHROME_SEPARATORS)
    assert not [word for word in boilerplate.CHROME_WORDS if separators.search(word)]
    assert not [word for word in boilerplate.MENU_WORDS if separators.search(word)]


# --- traditional characters --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("湖南工會吹響農(nóng)民工精準脫貧", True),
        ("2020年黃岡市政務公開工作實施方案", True),
        ("會", True),
        ("吉安市农民工工作领导小组2017年工作要点", False),
        ("", False),
        ("2017", False),
        # a simplified notice quoting a few traditional names stays simplified
        (
            "联合香港工會聯合會开展农民工技能培训,全年培训农民工2万人次以上,帮助农民工实现就业1万人以上,"
            "组织招聘会不少于50场,开展春风行动等专项服务活动,加强农民工职业技能培训。",
            False,
        ),
    ],
)
def test_is_traditional(text: str, expected: bool) -> None:
    assert is_traditional(text) is expected


def test_traditional_table_is_traditional_only() -> None:
    from opencc import OpenCC

    t2s = OpenCC("t2s")
    table = traditional.TRADITIONAL_ONLY
    assert len(set(table)) == len(table)
    assert [char for char in table if t2s.convert(char) == char] == []
    assert set(t2s.convert(table)).isdisjoint(table)
    simplified = "".join(
        p.read_text(encoding="utf-8")
        for p in [*SOURCES.glob("*.txt"), *SEEDS.glob("*.txt")]
        if "hunan" not in p.name
    )
    assert set(simplified).isdisjoint(table)


# --- whole notices -----------------------------------------------------------------------------


def _lines(path: Path) -> list[str]:
    return normalize(read_source(path).text).split("\n")


def test_traditional_news_page_with_pinyin_glosses() -> None:
    lines = _lines(SEEDS / "hunan-2016-news.txt")
    assert lines[0] == "湖南工会吹响农民工精准脱贫“集结号”"
    assert lines[1] == "以提升技能素质为总抓手,帮扶农民工稳定就业、积极创业"
    assert lines[3].startswith("2015年12月28日,湖南省工会帮扶困难农民工精准脱贫")
    text = "\n".join(lines)
    assert not re.search(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔù]+\)", text)
    assert "字号" not in text and not is_traditional(text)


def test_news_page_footer_and_navigation_dropped() -> None:
    lines = _lines(SEEDS / "suzhou-2021-news.txt")
    assert lines[0] == "城乡一体强融合,全力服务新市民——苏州市人社局获评全国农民工工作先进集体"
    assert lines[1] == "来源: 苏州市人力资源和社会保障局 发布日期: 2021-01-08 13:28 访问量:"
    assert lines[-1].startswith("十四五期间,苏州市人社局继续通过首选城市建设")


def test_plan_page_keeps_everything_from_title_to_last_item() -> None:
    lines = _lines(SOURCES / "jian-2017.txt")
    assert lines[:3] == [
        "吉安市农民工工作领导小组办公室关于印发吉安市农民工工作领导小组2017年工作要点的通知",
        "吉农工办〔2017〕1号",
        "发布时间: 2017-08-28 来源: 市人社局 作者: 就业促进科 阅读:",
    ]
    assert "吉安市农民工工作领导小组办公室" in lines and "2017年8月28日" in lines
    assert lines[-1].startswith("(二十二)加大农民工工作宣传力度。")
    assert lines[-1].endswith("(市委宣传部牵头,各成员单位参加)")


def test_plan_page_with_toolbar_and_footer() -> None:
    lines = _lines(SOURCES / "ningxia-2023.txt")
    assert lines[:3] == [
        "自治区人力资源社会保障厅等9部门关于开展县域农民工市民化质量提升行动的通知",
        "发表时间:2023-04-04 16:08:49 来源:自治区人力资源和社会保障厅",
        "",
    ]
    assert lines[-3:] == ["2023年3月29日", "", "(此件主动公开)"]


@pytest.mark.parametrize(
    "path", [*sorted(SEEDS.glob("*.txt")), *sorted(SOURCES.glob("*.txt"))], ids=lambda p: p.name
)
def test_whole_notices_are_stable_and_split_like_splitlines(path: Path) -> None:
    once = normalize(path.read_text(encoding="utf-8"))
    assert normalize(once) == once
    assert once.splitlines() == once.split("\n")


def test_txt_page_with_raw_html_markup() -> None:
    lines = _lines(NOTICES / "shanxi-2018-raw-html.txt")
    assert lines[6:10] == [
        "各市、县人民政府,省人民政府各委、办、厅、局:",
        "现将《山西省激发重点群体活力带动城乡居民增收的实施方案》印发给你们,请认真组织实施。",
        "山西省人民政府",
        "2018年3月27日",
    ]
    assert "山西省激发重点群体活力带动城乡居民增收的实施方案" in lines
    assert "一、指导思想" in lines and "二、总体目标" in lines
    assert not [line for line in lines if "<" in line or "style=" in line]


def test_flattened_table_keeps_lone_bars() -> None:
    lines = _lines(NOTICES / "flattened-table.txt")
    assert lines[:5] == ["工作任务", "|", "具体要求", "|", "责任科室"]
    assert lines.count("|") == 43  # as many as the source has


def test_traditional_plan_becomes_simplified() -> None:
    lines = _lines(NOTICES / "dongguan-2021-traditional.txt")
    assert lines[:2] == [
        "东府〔2021〕54号",
        "东莞市人民政府关于贯彻落实《广东省进一步稳定和扩大就业若干政策措施》的实施意见",
    ]
    assert lines[4] == "一、减负稳岗留工并举,深层次优化用工生态"


# --- robustness --------------------------------------------------------------------------------

NOTICE_ALPHABET = st.sampled_from(
    [
        *"一二三四五六七八九十农民工會業關號、。,;:!?()（）〔〕《》“”|<>/&#;ptdrbq①⑳⑴ \n\t\u3000\xa0\u200b\r",
        "nóng",
        "<p>",
        "</p>",
        "<br/>",
        "</td><td>",
        "&amp;",
        "&lt;",
        "&nbsp;",
        "<!--",
        "-->",
        "打印",
        "关闭",
        "首页 > ",
        "主办单位:",
        "版权所有",
        "　　",
        "(市人社局牵头)",
        "(2017)",
        "\ufffd",
        "e\u0301",
        "\u00b4",
    ]
)


def _idempotent(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once


def _idempotent_on_a_notice(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once
    assert once == once.strip()
    assert "\n\n\n" not in once


# Each property twice: a few examples in the fast lane, many in the slow set.
@settings(max_examples=30, deadline=None)
@given(st.text())
def test_normalize_never_raises_and_is_idempotent(text: str) -> None:
    _idempotent(text)


@pytest.mark.slow
@settings(max_examples=300, deadline=None)
@given(st.text())
def test_normalize_never_raises_and_is_idempotent_on_many_texts(text: str) -> None:
    _idempotent(text)


@settings(max_examples=30, deadline=None)
@given(st.lists(NOTICE_ALPHABET, max_size=80).map("".join))
def test_normalize_is_idempotent_on_notice_like_text(text: str) -> None:
    _idempotent_on_a_notice(text)


@pytest.mark.slow
@settings(max_examples=300, deadline=None)
@given(st.lists(NOTICE_ALPHABET, max_size=80).map("".join))
def test_normalize_is_idempotent_on_many_notice_like_texts(text: str) -> None:
    _idempotent_on_a_notice(text)


@pytest.mark.parametrize(
    "chunk",
    [
        "((((((1",
        "<p>x",
        *(
            pytest.param(chunk, marks=pytest.mark.slow)
            for chunk in ["(", "、", "1、", "〔2017〕", "<p", "&amp", "(nóng", "农(", "|\n", " \n", "①"]
        ),
    ],
)
def test_long_adversarial_runs_are_handled(chunk: str) -> None:
    text = chunk * (200_000 // len(chunk))
    assert normalize(text) == normalize(normalize(text))


def test_space_between_a_number_and_its_unit_is_dropped() -> None:
    text = normalize("加快老旧小区改造。12 月底前开工建设电梯200部,2021 年 6 月底前培训 2 万人。")
    assert text == "加快老旧小区改造。12月底前开工建设电梯200部,2021年6月底前培训 2万人。"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # letter-spaced names are one word with the verb after them
        ("（市 人 社 局 牵头，市 公 安 局、市 司 法 局 配合）", "(市人社局牵头,市公安局、市司法局配合)"),
        ("责任单位：市 交 通 运 输 局", "责任单位:市交通运输局"),
        # three single characters or fewer, or words of two, are left as printed
        ("高 中 低", "高 中 低"),
        ("市人社局 市财政局", "市人社局 市财政局"),
    ],
)
def test_letter_spaced_words_are_joined(text: str, expected: str) -> None:
    assert normalize(text) == expected
