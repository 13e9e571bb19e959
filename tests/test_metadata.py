"""Titles, 文号, issuers and signature dates, from the openings of real notices."""

from __future__ import annotations

from datetime import date

import pytest

from plantrack.extract.metadata import Metadata, date_line, extract_metadata, find_doc_number
from plantrack.extract.pipeline import extract_text

JIAN_HEAD = [
    "吉安市农民工工作领导小组办公室关于印发吉安市农民工工作领导小组2017年工作要点的通知",
    "吉农工办〔2017〕1号",
    "发布时间: 2017-08-28 来源: 市人社局 作者: 就业促进科 阅读:",
    "井冈山管理局,井冈山经开区管委会,各县(市、区)人民政府,庐陵新区管委会,市农民工工作领导小组各成员单位:",
    "经研究,现将《吉安市农民工工作领导小组2017年工作要点》印发给你们,请认真组织实施。",
    "吉安市农民工工作领导小组办公室",
    "2017年8月28日",
    "吉安市农民工工作领导小组2017年工作要点",
    "一、大力推动农民工就业创业",
]


def test_jian_opening() -> None:
    meta = extract_metadata(JIAN_HEAD)
    assert meta.title == "吉安市农民工工作领导小组2017年工作要点"
    assert meta.notice_title == JIAN_HEAD[0]
    assert meta.doc_number == "吉农工办〔2017〕1号"
    assert meta.issuer == ["吉安市农民工工作领导小组办公室"]
    assert meta.issued_on == date(2017, 8, 28)
    assert meta.year == 2017
    assert meta.recipients[:2] == ["井冈山管理局", "井冈山经开区管委会"]
    assert "各县(市、区)人民政府" in meta.recipients


def test_joint_issuers_from_signature() -> None:
    lines = [
        "关于开展县域农民工市民化质量提升行动的通知",
        "正文。",
        "自治区人力资源和社会保障厅 自治区发展改革委",
        "自治区教育厅 自治区公安厅",
        "自治区总工会",
        "2023年3月29日",
    ]
    meta = extract_metadata(lines)
    assert meta.issuer == [
        "自治区人力资源和社会保障厅",
        "自治区发展改革委",
        "自治区教育厅",
        "自治区公安厅",
        "自治区总工会",
    ]
    assert meta.issued_on == date(2023, 3, 29)


def test_plan_title_split_over_two_lines() -> None:
    lines = [
        "立山区人民政府关于印发 《立山区政府2023年重点工作任务分解 和责任分工方案》的通知",
        "立山区人民政府",
        "2023年3月28日",
        "立山区政府2023年重点工作",
        "任务分解和责任分工方案",
        "一、主要预期目标",
    ]
    assert extract_metadata(lines).title == "立山区政府2023年重点工作任务分解和责任分工方案"


def test_title_from_attachment_line() -> None:
    lines = ["省农民工工作联席会议成员单位:", "附件: 河北省农民工工作联席会议2007年工作要点", "一、建立制度"]
    assert extract_metadata(lines).title == "河北省农民工工作联席会议2007年工作要点"


def test_notice_is_the_plan() -> None:
    lines = [
        "自治区人力资源社会保障厅等9部门关于开展县域农民工市民化质量提升行动的通知",
        "宁人社函〔2023〕81号",
        "二、具体措施",
    ]
    meta = extract_metadata(lines)
    assert meta.title == lines[0]
    assert meta.doc_number == "宁人社函〔2023〕81号"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("吉农工办〔2017〕1号", "吉农工办〔2017〕1号"),
        ("吉农工办[2017]1号", "吉农工办[2017]1号"),
        ("吉农工办(2017)1号", "吉农工办(2017)1号"),
        ("文号 :晋政发〔2018〕13号", "晋政发〔2018〕13号"),
        ("发文文号: 嘉政办发〔2023〕7号 发布机关: 市政府办公室", "嘉政办发〔2023〕7号"),
        ("根据《规划》(运政办发〔2016〕76号)精神", ""),
        ("南川省科学技术厅文件 南科发〔2016〕8号 南川省科学技术厅关于印发要点的通知", "南科发〔2016〕8号"),
        ("按照 国发〔2016〕5号文件要求", ""),
    ],
)
def test_doc_numbers(line: str, expected: str) -> None:
    assert find_doc_number([line]) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("2017年8月28日", date(2017, 8, 28)),
        ("二○○六年四月二十八日", date(2006, 4, 28)),
        ("二〇二三年十二月三十一日", date(2023, 12, 31)),
        ("2017年2月30日", None),
        ("发布时间: 2017-08-28", None),
        ("(2018年2月9日)", date(2018, 2, 9)),  # in brackets under the title
        ("(局党组会议2025年3月4日审议通过)", None),
    ],
)
def test_signature_dates(line: str, expected: date | None) -> None:
    assert date_line(line) == expected


def test_site_info_table() -> None:
    lines = [
        "文 号 | 江政办〔2022〕1号 | 发文日期 | 2022-01-30 16:20 |",
        "发布机构 | 江汉区人民政府办公室 | 有 效 性 | 有效 |",
        "标 题 | 区人民政府办公室关于印发2022年区《政府工作报告》目标任务责任分解方案的通知 |",
        "各街道办事处,区人民政府各部门,区属各单位:",
    ]
    meta = extract_metadata(lines)
    assert meta.doc_number == "江政办〔2022〕1号"
    assert meta.notice_title == "区人民政府办公室关于印发2022年区《政府工作报告》目标任务责任分解方案的通知"
    assert meta.issued_on == date(2022, 1, 30)
    assert meta.issuer == ["江汉区人民政府办公室"]


@pytest.mark.parametrize(
    ("lines", "field", "expected"),
    [
        pytest.param(
            ["文号: | 杭政办函〔2018〕14号 | 成文日期: | 2018-02-08 |"],
            "doc_number",
            "杭政办函〔2018〕14号",
            id="info-table-labels-with-colons",
        ),
        pytest.param(
            ["文号: | 杭政办函〔2018〕14号 | 成文日期: | 2018-02-08 |"],
            "issued_on",
            date(2018, 2, 8),
            id="info-table-date",
        ),
        pytest.param(
            ["发布机构 区人民政府办公室 文    号 蔡政办〔2023〕1号"],
            "doc_number",
            "蔡政办〔2023〕1号",
            id="doc-number-labelled-mid-line",
        ),
        pytest.param(
            ["索 引 号 MB1534522/2023-05475 发文日期 2023-01-03"],
            "issued_on",
            date(2023, 1, 3),
            id="date-label-without-colon",
        ),
        pytest.param(
            ["京政办发〔2016〕26号《北京市人民政府办公厅关于印发〈北京市2016年政务公开工作要点〉的通知》"],
            "title",
            "北京市2016年政务公开工作要点",
            id="notice-title-in-book-marks",
        ),
        pytest.param(
            [
                "附件:1.2025年县政府工作报告任务清单",
                "2.2025年十五件民盼实事任务分解",
                "沁县人民政府办公室",
                "2025年5月18日",
                "附件1",
                "2025年县政府工作报告任务清单",
            ],
            "title",
            "2025年县政府工作报告任务清单",
            id="attachment-list-is-not-the-title",
        ),
        pytest.param(
            ["附件", "吉林省教育厅2015年工作要点", "一、全面加强学校党的建设"],
            "title",
            "吉林省教育厅2015年工作要点",
            id="fujian-word-not-glued",
        ),
        pytest.param(
            ["现将2021年重点工作印发给你们。 某县人民政府 2021年2月22"],
            "issued_on",
            date(2021, 2, 22),
            id="signature-at-the-end-of-a-flattened-line",
        ),
        pytest.param(
            ["省人民政府关于", "进一步优化营商环境的若干意见"],
            "title",
            "省人民政府关于进一步优化营商环境的若干意见",
            id="notice-title-over-two-lines",
        ),
        pytest.param(
            ["发布机构 金乡县发展和改革局 组配分类 发展计划", "金乡县2021年国民经济和社会发展计划"],
            "title",
            "金乡县2021年国民经济和社会发展计划",
            id="info-line-is-not-the-title",
        ),
    ],
)
def test_openings_from_real_pages(lines: list[str], field: str, expected: object) -> None:
    assert getattr(extract_metadata(lines), field) == expected


def test_year_range_printed_under_the_title_belongs_to_it() -> None:
    lines = [
        "广元市安全生产委员会",
        "2024年3月7日",
        "广元市安全生产治本攻坚三年行动方案",
        "(2024—2026年)",
        "为认真贯彻落实。",
    ]
    assert extract_metadata(lines).title == "广元市安全生产治本攻坚三年行动方案(2024—2026年)"


@pytest.mark.parametrize(
    "date_below", ["(2025年1月20日)", "(二〇二五年一月二十日)"], ids=["digits", "chinese"]
)
def test_a_date_printed_under_the_title_is_no_part_of_it(date_below: str) -> None:
    lines = ["清河县2025年政府工作报告重点任务分解方案", date_below, "序号\t重点任务\t牵头单位\t完成时限"]
    meta = extract_metadata(lines)
    assert meta.title == "清河县2025年政府工作报告重点任务分解方案"
    assert meta.issued_on == date(2025, 1, 20)


@pytest.mark.parametrize(
    "line_below",
    ["(列第一位的为牵头单位)", "(排在第一位的为牵头单位)", ""],
    ids=["rule", "rule-other-words", "none"],
)
def test_a_ledger_title_above_a_rule_note(line_below: str) -> None:
    lines = [
        "青石县2024年城乡环境整治重点任务台账",
        *([line_below] if line_below else []),
        "序号 重点任务 责任单位 时间节点",
    ]
    assert extract_metadata(lines).title == "青石县2024年城乡环境整治重点任务台账"


def test_doc_number_in_brackets_after_the_title() -> None:
    meta = extract_metadata(
        [
            "2021年县政府重点工作任务(华政发〔2021〕2号)",
            "各乡镇人民政府:",
            "《2021年县政府重点工作任务分解》已经县人民政府同意,现印发给你们。",
        ]
    )
    assert meta.doc_number == "华政发〔2021〕2号"
    assert meta.title == "2021年县政府重点工作任务分解"
    assert meta.year == 2021


def test_a_title_piece_with_an_open_book_mark_is_not_a_title() -> None:
    lines = [
        "关于印发《怀化市贯彻落实〈若干政策措施〉实施方案》的通知",
        "怀化市贯彻落实《关于打好经济增长主动仗",
        "实现经济运行整体好转的若干政策",
        "措施》实施方案",
    ]
    # the inner title's 〈〉 become 《》, as the plan prints its own title standing alone
    assert extract_metadata(lines).title == "怀化市贯彻落实《若干政策措施》实施方案"


# --- shapes seen on notices the parser was not built on (issue 10; invented text) -------------------
def _meta(text: str) -> Metadata:
    from plantrack.extract.normalize import normalize

    return extract_metadata([ln.strip() for ln in normalize(text).split("\n") if ln.strip()])


NOTICE = "某县人民政府办公室关于印发某县2023年就业工作要点的通知"
UNSEEN_TITLES: list[tuple[str, str, str]] = [
    (
        "glued-date",
        f"2023年3月1日{NOTICE.removeprefix('某县人民政府办公室')}\n正文。",
        "某县2023年就业工作要点",
    ),
    ("glued-digits", f"20230301{NOTICE}\n正文。", "某县2023年就业工作要点"),
    ("iso-date-line-above", "2023-03-01\n某县2023年就业工作要点\n一、重点工作", "某县2023年就业工作要点"),
    ("file-name", "某区2021年民生实事项目责任分解表.docx\n1、项目名称", "某区2021年民生实事项目责任分解表"),
    (
        "runs-into-body",
        "创建文明城市环境整治实施方案为认真落实省、市要求,特制定本方案。一、工作目标",
        "创建文明城市环境整治实施方案",
    ),
    ("order-number-line", "某县人民政府令\n第5号\n某县城市管理实施方案\n一、总则", "某县城市管理实施方案"),
    (
        "drafted-in-the-preamble",
        "为推动县域经济加快发展,特制定2015年县域经济改革发展重点工作推进方案。\n一、深化改革",
        "2015年县域经济改革发展重点工作推进方案",
    ),
    (
        "document-sites-file-line",
        "欢迎来到某某文库\n大小:56.58 KB\n《某镇2016年农业生产指导性计划》由会员上传分享,免费在线阅读。\n1、为切实贯彻",
        "某镇2016年农业生产指导性计划",
    ),
    (
        "site-label-and-tag-list",
        "范文资料:全县重大政策宣传解读工作实施方案\n2022-01-02\n实施方案 体检评估工作实施方案 住房改造工作实施方案\n一、总体要求",
        "全县重大政策宣传解读工作实施方案",
    ),
    (
        "opens-with-a-quoted-report",
        "湘政发〔2016〕1号\n《政府工作报告》重点工作部门分工的意见\n省直有关单位:",
        "《政府工作报告》重点工作部门分工的意见",
    ),
    ("column-tag", f"【政府重点工作】{NOTICE}\n各乡镇:", "某县2023年就业工作要点"),
    ("column-tag-on-a-plan", "【政府重点工作】某县2023年就业工作要点\n一、目标", "某县2023年就业工作要点"),
    # a site's column name over a title that opens with its year is no half of it; a body's name is
    (
        "site-column-above",
        "白沙政要\n白沙政要\n2019年白沙区政府实事项目安排\n01",
        "2019年白沙区政府实事项目安排",
    ),
    (
        "body-name-above",
        "白沙区农民工工作领导小组\n2019年工作要点\n一、目标",
        "白沙区农民工工作领导小组2019年工作要点",
    ),
    # a site's words glued after a hyphen to the notice title: the notice title without them
    (
        "spam-after-a-hyphen",
        "某市人民政府办公室关于开展2024年政务服务“好差评”活动的通知-xy电子娱乐官网入口\n字号:\n各县区人民政府:",
        "某市人民政府办公室关于开展2024年政务服务“好差评”活动的通知",
    ),
    (
        "spam-after-a-plan-title",
        "某县2024年就业工作要点_ab电竞娱乐平台下载\n一、目标",
        "某县2024年就业工作要点",
    ),
    # a plan's title printed over two lines, the first opening with 关于: both lines
    (
        "two-lines-opening-with-guanyu",
        "某州人民政府办公室关于印发在全州开展“比学赶超,奋战四季度”专项行动实施方案的通知\n"
        "现将《关于在全州开展“比学赶超,奋战四季度”专项行动实施方案》印发给你们。\n"
        "某州人民政府办公室\n2021年10月8日\n关于在全州开展“比学赶超,奋战四季度”\n专项行动实施方案\n一、目标和要求",
        "关于在全州开展“比学赶超,奋战四季度”专项行动实施方案",
    ),
]


@pytest.mark.parametrize(("text", "title"), [r[1:] for r in UNSEEN_TITLES], ids=[r[0] for r in UNSEEN_TITLES])
def test_unseen_titles(text: str, title: str) -> None:
    assert _meta(text).title == title


UNSEEN_DOC_NUMBERS: list[tuple[str, str, str]] = [
    ("square-brackets", "某政办发[2023]5号", "某政办发[2023]5号"),
    ("spaced-brackets", "某政办发〔 2023 〕 5 号", "某政办发〔2023〕5号"),
    (
        "glued-between-title-and-recipients",
        "某县人民政府办公室关于下达2016年农业重点工作任务的通知某政办发〔2016〕21号各镇人民政府,县政府各部门:为了",
        "某政办发〔2016〕21号",
    ),
    ("lost-close", "某政办发〔2023 5号", "某政办发〔2023 5号"),
    ("lost-open", "某政办发2023〕5号", "某政办发2023〕5号"),
    ("nth", "某政办〔2023〕第5号", "某政办〔2023〕第5号"),
    ("order", "某县人民政府令第5号", "某县人民政府令第5号"),
    ("order-two-lines", "某县人民政府令\n第5号", "某县人民政府令第5号"),
    ("no-brackets", "某政办发2023 5号", ""),
]


@pytest.mark.parametrize(
    ("text", "number"), [r[1:] for r in UNSEEN_DOC_NUMBERS], ids=[r[0] for r in UNSEEN_DOC_NUMBERS]
)
def test_unseen_doc_numbers(text: str, number: str) -> None:
    assert _meta(text + "\n" + NOTICE + "\n正文。").doc_number == number


BODY = "某县2019年就业工作要点\n一、重点工作\n(一)加强培训。\n(二)开展招聘。\n"
UNSEEN_SIGNATURES: list[tuple[str, str, date | None]] = [
    ("chinese-numerals", BODY + "某县人民政府\n二〇一九年三月五日", date(2019, 3, 5)),
    (
        "page-date-above",
        "某县2019年就业工作要点\n2019年03月20日\n" + BODY[12:] + "某县人民政府\n2019年3月5日",
        date(2019, 3, 5),
    ),
    ("one-line", BODY + "某县人力资源和社会保障局 2019年3月5日", date(2019, 3, 5)),
    ("one-line-chinese", BODY + "某县人力资源和社会保障局 二〇一九年三月五日", date(2019, 3, 5)),
    ("page-date-only", "2019年03月20日\n" + BODY, date(2019, 3, 20)),
    (
        "cover-signature-first",
        NOTICE
        + "\n各乡镇:\n现将《某县2023年就业工作要点》印发给你们。\n某县人民政府办公室\n2023年2月27日\n"
        + BODY
        + "某县人社局\n2023年3月9日",
        date(2023, 2, 27),
    ),
    # a page whose encoding dropped 年月日: the likelier reading, unless the page's date confirms the other
    ("digits-only", BODY + "某县人民政府办公室\n2019116", date(2019, 1, 16)),
    (
        "digits-only-confirmed",
        "发布时间:2019-11-06 09:12\n" + BODY + "某县人民政府办公室\n2019116",
        date(2019, 11, 6),
    ),
    ("digits-only-one-reading", BODY + "某县人民政府办公室\n2019125", date(2019, 1, 25)),
    ("digits-only-padded", BODY + "某县人民政府办公室\n20190305", date(2019, 3, 5)),
    ("digits-only-month-ten", BODY + "某县人民政府办公室\n2019105", date(2019, 10, 5)),
    ("digits-without-issuer", BODY + "联系电话:\n2019116", None),
    ("year-and-day-marks-dropped", BODY + "某县教育局\n20221月26", date(2022, 1, 26)),
    ("day-mark-dropped", BODY + "某县教育局\n2022年11月6", date(2022, 11, 6)),
    (
        "info-label-over-its-value",
        "发布时间:2022-02-07\n  • 发文字号:\n某教〔2022〕1号\n  • 成文日期:\n2022-01-26\n" + BODY,
        date(2022, 1, 26),
    ),
    (
        "digits-under-the-cover-sentence",
        "发布时间:2024-03-28 09:33\n"
        + BODY
        + "现将《某县2019年就业工作要点》印发给你们,请认真贯彻落实。\n2024327",
        date(2024, 3, 27),
    ),
    ("digits-long-before-the-page", "发布时间:2024-09-28\n" + BODY + "请认真贯彻落实。\n2024327", None),
]


@pytest.mark.parametrize(
    ("text", "signed"), [r[1:] for r in UNSEEN_SIGNATURES], ids=[r[0] for r in UNSEEN_SIGNATURES]
)
def test_unseen_signatures(text: str, signed: date | None) -> None:
    assert _meta(text).issued_on == signed


# --- page furniture around the title (invented text in the shapes of saved pages) ------------------
TABLE = "序号 | 重点任务 | 责任单位 | 完成时限\n1 | 完成排污口整治12个 | 县环保局 | 2024年9月底前"
FURNITURE: list[tuple[str, str, str]] = [
    (
        "breadcrumb-above",
        "某市某县人民政府 > 政府信息公开 > 规划计划\n某县2024年生态环境保护重点任务清单\n发布时间:2024-03-21\n"
        + TABLE,
        "某县2024年生态环境保护重点任务清单",
    ),
    (
        "breadcrumb-of-a-party-site",
        "某市党建网 > 工作动态 > 通知公告\n中共某市委组织部2025年工作要点\n来源:市委组织部\n一、加强理论武装",
        "中共某市委组织部2025年工作要点",
    ),
    (
        "site-name-over-breadcrumb",
        "某区人民政府\n某某街道 > 通知公告\n某某街道2022年社区治理工作要点\n一、强化党建引领",
        "某某街道2022年社区治理工作要点",
    ),
    (
        "site-name-and-toolbar",
        "某市某区人民政府 | 繁体 | 无障碍\n某区2024年生活垃圾分类工作要点\n一、完善分类设施",
        "某区2024年生活垃圾分类工作要点",
    ),
    (
        "menu-bar",
        "首页 | 政务公开 | 政务服务 | 互动交流\n某县2024年水利工作要点\n一、加快水利建设",
        "某县2024年水利工作要点",
    ),
    (
        "page-number-after-title",
        "某市安委会关于印发2021年全市安全生产工作要点的通知(第2页)\n上一页 1 2 3 下一页\n(四)深入开展专项整治。",
        "2021年全市安全生产工作要点",
    ),
    (
        "attached-table-after-the-items",
        "某市人民政府关于进一步稳就业促增收的通知\n某政发[2024]3号\n各县市区人民政府:\n"
        "一、稳定企业用工岗位。全市新增城镇就业1.2万人以上。\n二、支持灵活就业。\n"
        "附件:2024年各县市区就业工作主要目标任务分解表\n附件\n2024年各县市区就业工作主要目标任务分解表\n"
        + TABLE,
        "某市人民政府关于进一步稳就业促增收的通知",
    ),
    (
        "breadcrumb-on-the-title-line",
        "某某街道 > 通知公告 > 某某街道2022年社区治理工作要点\n一、强化党建引领",
        "某某街道2022年社区治理工作要点",
    ),
    (
        "toolbar-on-the-title-line",
        "某市某区人民政府 | 繁体 | 无障碍 | 某区2024年生活垃圾分类工作要点\n一、完善分类设施",
        "某区2024年生活垃圾分类工作要点",
    ),
    (
        "site-menu-with-its-own-sections",
        "某乡人民政府\n网站首页  乡情概况  政务公开  产业发展  便民服务\n某乡人民政府2019年工作计划\n一、发展产业",
        "某乡人民政府2019年工作计划",
    ),
    (
        "town-site-name-over-its-title",
        "青石镇人民政府\n青石镇2021年人居环境整治工作方案\n一、工作目标",
        "青石镇2021年人居环境整治工作方案",
    ),
    (
        "glossed-breadcrumb-over-a-title-with-a-lost-character",
        "首页 Home > 通知公告 Notices\n白?(gǎng)镇2024年防汛工作方案\n一、工作目标",
        "白?(gǎng)镇2024年防汛工作方案",
    ),
]


@pytest.mark.parametrize(("text", "title"), [r[1:] for r in FURNITURE], ids=[r[0] for r in FURNITURE])
def test_page_furniture_is_not_the_title(text: str, title: str) -> None:
    assert _meta(text).title == title


def test_page_number_is_not_in_the_notice_title() -> None:
    meta = _meta(FURNITURE[5][1])
    assert meta.notice_title == "某市安委会关于印发2021年全市安全生产工作要点的通知"


def test_doc_number_under_a_bracketed_label() -> None:
    text = "某市人民政府办公厅关于印发某市2017年大气污染防治行动计划的通知\n【发布单位】某市人民政府办公厅\n"
    text += "【发布文号】市政办发〔2017〕31号\n【发布日期】2017-04-28\n各县人民政府:"
    assert _meta(text).doc_number == "市政办发〔2017〕31号"


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        pytest.param(
            ["某县2017年重点任务清单", "某管发[2017]11号 2017-03-21", "一、深化改革"],
            date(2017, 3, 21),
            id="iso-after-doc-number",
        ),
        pytest.param(
            ["某县2017年重点任务清单", "某管发[2017]11号 2017年3月21日"],
            date(2017, 3, 21),
            id="cn-after-doc-number",
        ),
        pytest.param(
            ["某县卫生健康局2025年工作任务分工", "一、健康档案", "某县卫生健康局办公室 2025年3月6日印发"],
            date(2025, 3, 6),
            id="printed-on",
        ),
        pytest.param(
            ["某县2025年工作要点", "某县人民政府", "2025年3月1日", "某县政府办公室 2025年3月6日印发"],
            date(2025, 3, 1),
            id="signature-before-printed-on",
        ),
        pytest.param(
            ["某县2017年重点任务清单", "某管发[2017]11号 第三季度"], None, id="no-date-after-doc-number"
        ),
    ],
)
def test_dates_without_a_signature(lines: list[str], expected: date | None) -> None:
    assert extract_metadata(lines).issued_on == expected


@pytest.mark.parametrize(
    ("lines", "year"),
    [
        pytest.param(
            ["我县部署农村饮水安全攻坚行动", "发布时间:2021-05-18 09:12 来源:县水利局", "一、明确攻坚目标"],
            2021,
            id="the-pages-date-when-nothing-else-shows-a-year",
        ),
        pytest.param(
            ["某县2024年水利工作要点", "发布日期:2023-12-28", "一、重点任务"],
            2024,
            id="the-titles-year-first",
        ),
    ],
)
def test_plan_year(lines: list[str], year: int) -> None:
    assert extract_metadata(lines).year == year


PAGE_DATED = """县水利局关于做好汛期安全工作的几点安排
发布时间:2021-05-18 09:12 来源:县水利局
一、重点任务
（一）开展汛前检查。6月底前完成全县水库安全检查。（县水利局负责）
"""


def test_the_pages_date_gives_the_year_with_a_warning() -> None:
    plan = extract_text(PAGE_DATED).plan
    assert plan.year == 2021
    assert [d.isoformat() for d in plan.tasks[-1].deadlines] == ["2021-06-30"]
    assert any("发布时间" in w for w in plan.warnings)


def test_the_workspaces_default_year_wins_over_the_pages_date() -> None:
    plan = extract_text(PAGE_DATED, default_year=2022).plan
    assert plan.year == 2022
    assert not any("发布时间" in w for w in plan.warnings)


def test_an_issuer_label_on_a_site_info_line_ends_at_the_next_label() -> None:
    meta = extract_metadata(
        [
            "索引号: 001122/2024-00015 组配分类: 决策部署落实情况",
            "发布机构: 某县卫生健康委员会 主题分类: 卫生、体育",
            "某县卫生健康委员会2024年重点工作任务分解表",
        ]
    )
    assert meta.issuer == ["某县卫生健康委员会"]
