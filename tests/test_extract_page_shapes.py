"""Page shapes met on notices plantrack was not built on, each written here as invented text of the
same shape: a last page flattened onto one line that starts inside a section, a copy from a
document-sharing site with the site's own numbered notes on top, a title quoted inside a quoted
title, and a 责任单位 line cut off after its level prefix."""

from __future__ import annotations

from datetime import date

import pytest

from plantrack.extract.deadlines import find_deadlines
from plantrack.extract.normalize import normalize
from plantrack.extract.orgnames import looks_like_org
from plantrack.extract.pipeline import extract
from plantrack.models import Plan

TODAY = date(2026, 1, 1)

# The last page of a campaign plan: the page opens inside 三、 at (三), then 四、 with its stages.
MID_PAGE_STAGES = (
    "[接上页] (三) 加强信息报送 专项整治办公室要确定专人负责信息报送工作,每周编发一期工作简报。 "
    "四、进度安排 (一)宣传发动阶段(3月) 各乡镇结合实际制定具体方案,全面完成宣传发动工作。 "
    "(二)集中整治阶段(4月-7月) 各乡镇组织有关部门开展集中整治,并分别于5月底和6月底报送阶段性报告。 "
    "(三)巩固提升阶段(10月) 各乡镇对整治情况进行总结,于9月20日前报送县整治办公室。 |"
)


def _plan(text: str) -> Plan:
    return extract(text, default_year=2021, today=TODAY)


def _tasks(plan: Plan) -> dict[tuple[int, ...], list[str]]:
    return {tuple(t.path): [d.isoformat() for d in t.deadlines] for t in plan.tasks if t.kind == "task"}


def test_a_page_starting_inside_a_section_keeps_the_next_heading_as_the_outer_level() -> None:
    tasks = _tasks(_plan(MID_PAGE_STAGES))
    assert list(tasks) == [(4, 1), (4, 2), (4, 3)]


def test_a_stage_month_in_brackets_is_its_deadline() -> None:
    tasks = _tasks(_plan(MID_PAGE_STAGES))
    assert tasks[(4, 1)] == ["2021-03-31"]
    assert tasks[(4, 2)] == ["2021-07-31", "2021-05-31", "2021-06-30"]
    assert tasks[(4, 3)] == ["2021-10-31", "2021-09-20"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("动员部署阶段(5月)", ["2021-05-31"]),
        ("总结验收阶段（2022年11月）", ["2022-11-30"]),
        ("启动阶段(3月份)", ["2021-03-31"]),
        ("(5月)", ["2021-05-31"]),
        ("于5月召开推进会(地点另行通知)", []),  # a month outside brackets stays an event, not a deadline
        ("(第5月)", []),
    ],
)
def test_stage_month_phrases(text: str, expected: list[str]) -> None:
    assert [d.isoformat() for d in find_deadlines(text, 2021).dates] == expected


SHARED_COPY = """温馨提示:
1. 部分文件预览时可能显示错乱,下载后无此问题,请放心下载。
2. 本文档由用户上传,版权归属用户,本站负责整理发布。
3. 下载前请仔细阅读文档内容,如内容与标题不符可向本站投诉。
网站客服:4000000000
2021年县农业农村局秸秆禁烧工作实施方案
为做好全县秸秆禁烧工作,结合实际,制定本方案。
一、工作目标
全县秸秆综合利用率达到90%以上。
二、重点工作
(一)加强巡查。
1.组织巡查队伍。5月底前组建乡镇巡查队伍。
责任单位:县农业执法大队、种植业股
"""


def test_a_sharing_sites_numbered_notes_are_not_items() -> None:
    plan = _plan(SHARED_COPY)
    assert "本站" not in normalize(SHARED_COPY)
    assert [t.path for t in plan.tasks] == [[1], [2], [2, 1], [2, 1, 1]]
    task = plan.tasks[-1]
    assert [a.name for a in task.agencies] == ["县农业执法大队", "种植业股"]
    assert [d.isoformat() for d in task.deadlines] == ["2021-05-31"]
    assert plan.title == "2021年县农业农村局秸秆禁烧工作实施方案"


def test_a_numbered_plan_line_that_mentions_documents_is_kept() -> None:
    text = "温馨提示:\n本站资料仅供下载学习。\n一、工作任务\n1.完善文档管理制度,6月底前完成。(县档案馆负责)\n"
    assert "1.完善文档管理制度" in normalize(text).splitlines()[1]


NESTED_TITLE = """某市人民政府办公室关于印发《某市贯彻落实〈关于稳定和扩大就业的若干措施〉实施方案》的通知
各县市区人民政府,市直各单位:
现将《某市贯彻落实〈关于稳定和扩大就业的若干措施〉实施方案》印发给你们,请认真组织实施。
一、稳定就业岗位
1.开展援企稳岗。全年发放稳岗返还资金5000万元以上。(市人社局牵头,市财政局配合)
"""


def test_a_title_quoted_inside_the_plans_title_is_printed_with_book_quotes() -> None:
    assert _plan(NESTED_TITLE).title == "某市贯彻落实《关于稳定和扩大就业的若干措施》实施方案"


@pytest.mark.parametrize(
    ("name", "expected"), [("区", False), ("市", False), ("县委", True), ("区政府", True)]
)
def test_a_level_prefix_alone_is_no_agency(name: str, expected: bool) -> None:
    assert looks_like_org(name) is expected


def test_a_labelled_line_cut_after_its_prefix_names_no_agency() -> None:
    text = "一、主要目标\n(一)工业投资增长12%以上。\n责任单位:区\n"
    plan = _plan(text)
    assert plan.tasks and all(not t.agencies for t in plan.tasks)


def test_a_sharing_sites_notes_with_blank_lines_between_them_are_still_its_own() -> None:
    spaced = SHARED_COPY.replace("\n", "\n\n", 5)
    assert [t.path for t in _plan(spaced).tasks] == [[1], [2], [2, 1], [2, 1, 1]]


def test_a_bracket_closed_after_the_last_name_is_no_part_of_it() -> None:
    from plantrack.extract.agencies import parse_phrase

    names = [a.name for a in parse_phrase("市商务局牵头,市编办、各区县政府)负责")]
    assert names == ["市商务局", "市编办", "各区县政府"]


def test_a_cover_line_naming_a_nested_title_prints_book_quotes() -> None:
    text = NESTED_TITLE.replace("某市人民政府办公室关于印发", "某市人民政府办公室 关于印发", 1)
    flat = " ".join(text.splitlines())
    assert "〈" not in _plan(flat).title


@pytest.mark.parametrize("closer", [")", "]", "〕", "】"])
def test_any_closing_bracket_left_after_the_last_name_goes(closer: str) -> None:
    from plantrack.extract.agencies import parse_phrase

    names = [a.name for a in parse_phrase(f"责任单位:区卫健局、各街办(新区){closer}")]
    assert names == ["区卫健局", "各街办(新区)"]


# --- a division by unit written with colons (（二）市农业农村局： then its own items) ---------------
DIVISION_COLONS = """某市2024年食品安全重点工作安排
一、部门职责分工
(一)市市场监管局:统筹推进食品生产经营环节监管,全年完成监督抽检1万批次以上。
(二)市农业农村局:
1.深入开展食用农产品专项治理。
2.全年完成农产品质量安全例行监测2000批次。
(三)市教育局:会同市市场监管局、市卫生健康委开展校园食品安全专项整治。
(四)某市海关:加强进口冷链食品检验检疫。
(五)各县(市、区)人民政府、园区管委会:落实属地管理责任。
"""


def _agencies(plan: Plan) -> dict[tuple[int, ...], list[tuple[str, str]]]:
    return {
        tuple(t.path): [(a.name, a.role.value) for a in t.agencies] for t in plan.tasks if t.kind == "task"
    }


def test_a_unit_and_a_colon_head_that_units_work() -> None:
    found = _agencies(_plan(DIVISION_COLONS))
    assert found[(1, 1)] == [("市市场监管局", "lead")]
    assert found[(1, 2, 1)] == found[(1, 2, 2)] == [("市农业农村局", "lead")]
    assert found[(1, 3)] == [("市教育局", "lead"), ("市市场监管局", "support"), ("市卫生健康委", "support")]
    assert found[(1, 4)] == [("某市海关", "lead")]
    assert found[(1, 5)] == [("各县(市、区)人民政府", "lead"), ("园区管委会", "lead")]


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("县人社局、乡村振兴局牵头", ["县人社局", "县乡村振兴局"]),  # 乡 of 乡村 is no level prefix
        ("责任单位:厅规划处、建设处,省交通投资集团", ["厅规划处", "厅建设处", "省交通投资集团"]),
        ("省港航事业发展中心负责,厅建设处配合", ["省港航事业发展中心", "厅建设处"]),  # not 省厅建设处
        ("县邮政分公司、供销社配合", ["县邮政分公司", "县供销社"]),
        ("某市海关、市商务局按职责分工负责", ["某市海关", "市商务局"]),
    ],
)
def test_names_a_list_means(phrase: str, expected: list[str]) -> None:
    from plantrack.extract.agencies import parse_phrase

    assert [a.name for a in parse_phrase(phrase)] == expected


def test_units_that_guide_are_supporters() -> None:
    from plantrack.extract.agencies import parse_phrase

    found = [
        (a.name, a.role.value)
        for a in parse_phrase("各县(市、区)政府负责,市生态环境局、市工业和信息化局指导")
    ]
    assert found == [
        ("各县(市、区)政府", "responsible"),
        ("市生态环境局", "support"),
        ("市工业和信息化局", "support"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("全年举办招聘会500场次以上", (500, "场次", ">=")), ("新建社区运动场20片", (20, "片", "="))],
)
def test_more_measure_words(text: str, expected: tuple[int, str, str]) -> None:
    from plantrack.extract.targets import find_targets

    assert [(t.value, t.unit, t.op.value) for t in find_targets(text)] == [expected]


MERGED_DEADLINES = """某市2024年优化营商环境重点任务分工表
| 序号 | 工作任务 | 责任单位 | 完成时限 |
| --- | --- | --- | --- |
| 一 | 提升政务服务效能 |  |  |
| 1 | 深化集成改革,新增集成服务场景10个以上 | 市政务服务管理办公室 | 2024年6月底前 |
| 2 | 推行企业开办全程网办 | 市市场监管局 |  |
| 3 | 落实减税降费政策 | 市税务局 | 持续推进 |
| 4 | 推动政府采购合同融资 | 市财政局 |  |
| 二 | 强化要素保障 |  |  |
| 5 | 开展招聘活动,帮助重点企业招工2万人次 | 市人力资源社会保障局 |  |
"""


def test_an_empty_deadline_cell_is_merged_with_the_row_above() -> None:
    tasks = _tasks(_plan(MERGED_DEADLINES))
    assert tasks[(1, 1)] == tasks[(1, 2)] == ["2024-06-30"]
    assert tasks[(1, 3)] == tasks[(1, 4)] == []  # 持续推进 is the merged cell's word too
    assert tasks[(2, 5)] == []  # a new section starts no merge


def test_the_site_name_above_a_title_of_the_same_place_is_not_part_of_it() -> None:
    text = "某市人民政府\n某市2024年优化营商环境重点任务分工表\n一、提升政务服务效能\n1.推行企业开办全程网办。(市市场监管局负责)\n"
    assert _plan(text).title == "某市2024年优化营商环境重点任务分工表"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("对2000年底前建成的老旧小区实施改造,11月底前完成", ["2021-11-30"]),
        ("6月底前建成投用的项目纳入考核", []),
        ("年底前建成20个站点", ["2021-12-31"]),
    ],
)
def test_a_date_that_says_which_things_count_is_no_deadline(text: str, expected: list[str]) -> None:
    assert [d.isoformat() for d in find_deadlines(text, 2021).dates] == expected


LABELLED_ITEMS = """某市2024年为民办实事项目
1.完成城镇老旧小区改造80个。
牵头单位:市住房城乡建设局;责任单位:各县、区人民政府;完成时限:2024年12月底
2.建设农贸市场标准化改造项目10个。
牵头单位:市商务局;责任单位:各县、区人民政府;完成时限:2024年12月底
3.新建社区运动场20片。
牵头单位:市体育局;完成时限:2024年9月底

各牵头单位要制定具体实施方案,于4月10日前报市人民政府办公室。
"""


def test_the_closing_paragraph_after_the_last_labelled_item_is_not_that_items() -> None:
    tasks = _tasks(_plan(LABELLED_ITEMS))
    assert tasks[(3,)] == ["2024-09-30"]


def test_a_page_of_label_lines_is_not_taken_for_hard_wrapped() -> None:
    from plantrack.sources.reflow import is_hard_wrapped

    long_labels = "\n".join(
        f"{k}.完成第{k}批老旧小区改造任务。\n牵头单位:市住房城乡建设局;责任单位:各县、区人民政府;完成时限:2024年12月底"
        for k in range(1, 9)
    )
    assert not is_hard_wrapped(long_labels)


PAST_YEAR_ITEM = """某县2017年就业工作要点
一、稳定就业
(一)开展技能培训。2016年全县完成培训1万人。2017年力争完成农村劳动力培训2万人以上。(县人社局负责)
(二)扶持创业。在2016年基础上,创业担保贷款发放额增长10%。(县人社局负责)
"""


def test_a_report_on_a_past_year_inside_an_item_sets_no_target() -> None:
    tasks = {tuple(t.path): [(t2.value, t2.unit) for t2 in t.targets] for t in _plan(PAST_YEAR_ITEM).tasks}
    assert tasks[(1, 1)] == [(20000, "人")]
    assert tasks[(1, 2)] == [(10, "%")]


def test_an_old_pages_half_width_full_stop_ends_the_headline() -> None:
    text = "某县2024年水利工作要点\n一、水利建设\n1.加快重点水利工程建设.全年完成投资2.8亿元,10月底前完成堤防加固12公里.\n"
    task = _plan(text).tasks[-1]
    assert task.title == "加快重点水利工程建设"
    assert [t.value for t in task.targets] == [280000000, 12]


@pytest.mark.parametrize(
    ("body", "title"),
    [
        pytest.param(
            "开展城区市容整治 重点整治占道经营,6月底前完成。", "开展城区市容整治", id="space-after-heading"
        ),
        pytest.param(
            "开展农村“三清一改” 清理生活垃圾,10月底前完成。", "开展农村“三清一改”", id="space-after-quote"
        ),
        pytest.param(
            "推进垃圾分类,新建投放点 共300个。", "推进垃圾分类,新建投放点 共300个", id="space-after-a-comma"
        ),
        pytest.param("新建 公厕。", "新建 公厕", id="too-short-a-heading"),
        pytest.param(
            "开展“互联网+监管”试点,率先应用,牵头:县市场监管局;配合:县",
            "开展“互联网+监管”试点,率先应用",
            id="cut-row-keeps-no-fields",
        ),
        pytest.param("推进信用平台建设;完成时限:9月底前", "推进信用平台建设", id="time-field"),
        pytest.param(
            "开展“治违禁 控药残”行动,对重点品种精准治理。",
            "开展“治违禁 控药残”行动,对重点品种精准治理",
            id="space-inside-quotes",
        ),
    ],
)
def test_a_space_after_a_short_heading_ends_the_headline(body: str, title: str) -> None:
    text = f"某县2024年城乡环境整治方案\n一、主要任务\n1.{body}\n2.推进市场升级。\n"
    assert _plan(text).tasks[1].title == title


CONSULTATION = """关于公开征求《某区2025年城市精细化管理工作实施方案(征求意见稿)》意见的公告
现将方案全文公布,公开征求社会公众意见。有关单位和个人可通过以下方式提出意见建议:
1.电子邮件:发送至某邮箱。
2.信函:邮寄至某区城市管理局法规科。
某区城市管理局
2024年11月20日
一、总体目标
到2025年底,城市管理问题按时处置率不低于98%。
二、重点任务
(一)提升道路保洁水平。主次干道每日机械化清扫不少于2次。(牵头单位:区城管局;责任单位:各街道办事处)
(二)推进生活垃圾分类。新建垃圾分类投放点300个。(牵头单位:区城管局)
"""


def test_numbered_lines_before_a_plan_of_an_outer_style_are_not_its_items() -> None:
    plan = _plan(CONSULTATION)
    assert [t.path for t in plan.tasks] == [[1], [2], [2, 1], [2, 2]]
    assert [a.name for a in plan.tasks[2].agencies] == ["区城管局", "各街道办事处"]


MEETING_NEWS = """全县经济工作会议召开 部署2025年重点任务
来源:某县融媒体中心 作者:记者 某某 发布时间:2024-12-27
12月26日,全县经济工作会议召开。会议指出,2024年全县经济运行稳中有进。
会议明确了2025年全县经济社会发展主要预期目标:地区生产总值增长6%左右。
会议强调,2025年要重点抓好以下工作:
一、全力扩大有效投资。全年实施重点项目200个以上。县发改委要牵头做好项目谋划储备。
二、扎实推进乡村全面振兴。新建高标准农田2.5万亩。县农业农村局牵头,各乡镇负责。
"""


def test_a_news_report_of_a_meeting_that_lists_next_years_work_is_no_plan() -> None:
    assert _plan(MEETING_NEWS).kind == "other"


def test_a_heading_with_a_unit_name_closed_by_a_full_stop_heads_its_work() -> None:
    text = (
        "某市创建工作任务分工\n一、职责分工\n"
        "(一)市城管局。负责市容环境卫生管理;会同市交通运输局、市公安局交警支队规范共享单车停放秩序。\n"
        "(二)各县(区)人民政府、某高新区管委会。按照属地管理原则,负责本辖区创建工作的组织实施。\n"
        "(三)成立领导小组。明确职责分工。\n"
    )
    found = _agencies(_plan(text))
    assert found[(1, 1)] == [
        ("市城管局", "lead"),
        ("市交通运输局", "support"),
        ("市公安局交警支队", "support"),
    ]
    assert found[(1, 2)] == [("各县(区)人民政府", "lead"), ("某高新区管委会", "lead")]
    assert (1, 3) not in found or found[(1, 3)] == []


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("街道司法所、各社区、村配合", ["街道司法所", "各社区", "各村"]),
        ("镇林业站、镇中心小学,各村(社区)配合", ["镇林业站", "镇中心小学", "各村(社区)"]),
    ],
)
def test_collectives_and_schools(phrase: str, expected: list[str]) -> None:
    from plantrack.extract.agencies import parse_phrase

    assert [a.name for a in parse_phrase(phrase)] == expected


def test_a_three_year_plan_is_dated_from_its_first_year() -> None:
    text = (
        "某市养老服务体系建设三年行动方案(2024—2026年)\n一、重点任务\n"
        "(一)完善养老服务设施。到2024年底新建12个,到2025年底累计建成30个,到2026年底实现街道全覆盖。(市民政局负责)\n"
    )
    plan = extract(text, today=TODAY)
    assert plan.year == 2024
    assert _tasks(plan)[(1, 1)] == ["2024-12-31", "2025-12-31", "2026-12-31"]


def test_a_padded_two_character_name_in_a_spaced_table_is_one_cell() -> None:
    text = (
        "某区2024年政府重点工作任务清单\n序号\t任务内容\t责任领导\t牵头单位\t配合单位\t完成时限\n"
        "1\t争取地方政府专项债券资金25亿元以上\t刘  明\t区财政局\t区发改委\t2024年12月底\n"
        "2\t新开工亿元以上产业项目40个\t王建国\t区工信局\t区商务局\t2024年11月底\n"
    )
    tasks = _plan(text).tasks
    assert tasks[0].title == "争取地方政府专项债券资金25亿元以上"
    assert [(a.name, a.role.value) for a in tasks[0].agencies] == [
        ("区财政局", "lead"),
        ("区发改委", "support"),
    ]


LINKS_BELOW = """某市2025年深化“千万工程”工作要点
一、推进乡村建设
1.拓宽农民增收渠道。农村居民人均可支配收入增长6%左右。——市农业农村局牵头,市统计局配合
2.健全帮促机制。第三季度完成年度帮扶对象动态调整。——市民政局负责
相关文档:
某市2024年深化“千万工程”工作要点
政策解读:《某市2025年深化“千万工程”工作要点》解读

网站地图 | 联系我们
"""


def test_a_list_of_related_links_under_the_notice_is_not_its_text() -> None:
    plan = _plan(LINKS_BELOW)
    assert plan.kind == "plan"
    assert _agencies(plan)[(1, 1)] == [("市农业农村局", "lead"), ("市统计局", "support")]
    assert "解读" not in normalize(LINKS_BELOW)


UNCOLONED_LABELS = """某市2024年重点民生实事项目
1.新增城镇就业3.5万人。
责任单位\u3000市人力资源社会保障局
2.新建改造农村集中供水工程80处。
责任单位\u3000市水利局\u3000各县市区人民政府
3.改造老旧农贸市场5个。
责任单位 市商务局
4.2025年春节前完成中心城区3个农贸市场提质改造。
责任单位 市商务局
"""


def test_a_label_set_off_by_spaces_and_an_item_opening_on_a_year() -> None:
    found = _agencies(_plan(UNCOLONED_LABELS))
    assert found[(1,)] == [("市人力资源社会保障局", "responsible")]
    assert found[(2,)] == [("市水利局", "responsible"), ("各县市区人民政府", "responsible")]
    assert list(found) == [(1,), (2,), (3,), (4,)]  # 4.2025年… opens item 4, it is no decimal


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("部就业促进司、失业保险司负责", ["部就业促进司", "失业保险司"]),
        ("市委党校、市纪委监委机关配合", ["市委党校", "市纪委监委机关"]),
        ("市委组织部、组织三处负责", ["市委组织部", "组织三处"]),  # a 处 is never given the list's 市
    ],
)
def test_more_organ_endings(phrase: str, expected: list[str]) -> None:
    from plantrack.extract.agencies import parse_phrase

    assert [a.name for a in parse_phrase(phrase)] == expected


def test_a_specific_content_column_is_part_of_the_task() -> None:
    text = (
        "某县2024年乡村振兴重点任务\n序号\t重点任务\t具体内容\t牵头单位\t完成时限\n"
        "1\t推进农村改厕\t新建改造农村户用卫生厕所2000户\t县农业农村局\t2024年11月底\n"
    )
    task = _plan(text).tasks[0]
    assert task.title.startswith("推进农村改厕")
    assert [(t.value, t.unit) for t in task.targets] == [(2000, "户")]


def test_figures_enumerated_after_a_colon_stay_inside_their_item() -> None:
    long = (
        "(一)深入打好蓝天保卫战。重点抓好三个方面工作:1.推进工业源深度治理,完成钢铁、水泥行业超低排放改造企业6家;"
        "2.强化移动源污染防治,淘汰国三及以下排放标准营运柴油货车800辆;3.加强面源污染管控,建筑工地扬尘治理达标率"
        "达到95%以上,城市道路机械化清扫率达到90%以上。(大气环境科牵头,各县区分局负责)\n"
        "(二)深入打好碧水保卫战。完成入河排污口整治120个。(水生态环境科牵头,各县区分局负责)\n"
    )
    plan = _plan("某市生态环境局2024年工作要点\n" + long)
    assert [t.path for t in plan.tasks] == [[1], [2]]
    assert [t.value for t in plan.tasks[0].targets] == [6, 800, 95, 90]
    assert _agencies(plan)[(1,)] == [("大气环境科", "lead"), ("各县区分局", "responsible")]


SCHEDULE = """某市2024年优化营商环境重点任务季度推进计划
| 序号 | 重点任务 | 一季度 | 二季度 | 三季度 | 四季度 | 责任单位 |
| --- | --- | --- | --- | --- | --- | --- |
| 1 | 推行企业开办“一网通办” | 制定工作方案 | 上线平台 | 开展运行评估 | 总结推广 | 市行政审批局(牵头)、市市场监管局 |
| 2 | 深化工程建设项目审批制度改革 | — | 出台分类标准 | 实现“拿地即开工”项目10个以上 | — | 市住房城乡建设局 |
"""


def test_a_schedule_tables_quarter_cells_are_deadlines() -> None:
    tasks = _tasks(_plan(SCHEDULE))
    assert tasks[(1,)] == ["2024-03-31", "2024-06-30", "2024-09-30", "2024-12-31"]
    assert tasks[(2,)] == ["2024-06-30", "2024-09-30"]


RESPONSIBILITY_LETTER = """某区2024年度生态环境保护目标责任书
一、目标任务
序号\t指标\t目标值\t权重(分)
1\tPM2.5年均浓度\t≤42微克/立方米\t15
2\t空气质量优良天数比例\t≥72%\t10
二、重点工作
(一)扬尘污染治理。在建工地扬尘在线监测安装率达到100%。
"""


def test_an_indicator_table_with_symbols_and_a_unit_in_a_header() -> None:
    plan = _plan(RESPONSIBILITY_LETTER)
    assert plan.title == "某区2024年度生态环境保护目标责任书"
    rows = {tuple(t.path): [(t2.value, t2.unit, t2.op.value) for t2 in t.targets] for t in plan.tasks}
    assert rows[(1, 1)] == [(42, "微克/立方米", "<=")]
    assert rows[(1, 2)] == [(72, "%", ">=")]


def test_an_opinion_issued_as_itself_is_its_own_title() -> None:
    text = (
        "某市人民政府关于推动制造业数字化转型的实施意见(2024—2026年)\n某政发〔2024〕5号\n"
        "各县市区人民政府:\n一、重点任务\n(一)实施智能化改造。每年完成技改项目100个。(市工业和信息化局负责)\n"
    )
    assert _plan(text).title == "某市人民政府关于推动制造业数字化转型的实施意见(2024—2026年)"


def test_a_signature_date_broken_over_two_lines_is_one_date() -> None:
    from plantrack.extract.metadata import extract_metadata

    lines = ["某县2019年就业工作要点", "一、重点工作", "(一)加强培训。", "某县人民政府", "2019年3月", "5日"]
    assert extract_metadata(lines).issued_on == date(2019, 3, 5)


def test_a_division_by_unit_without_item_numbers_gives_one_task_a_unit() -> None:
    text = (
        "某县2024年乡村振兴重点任务分工\n县农业农村局:负责统筹推进乡村振兴工作,年底前完成高标准农田建设2万亩。\n"
        "县财政局:负责落实资金保障。\n县住建局:负责农村危房改造,完成改造300户。\n"
    )
    found = _agencies(_plan(text))
    assert found == {
        (1,): [("县农业农村局", "lead")],
        (2,): [("县财政局", "lead")],
        (3,): [("县住建局", "lead")],
    }


def test_partners_after_a_lead_and_a_gloss_after_a_list() -> None:
    from plantrack.extract.agencies import parse_phrase
    from plantrack.extract.attribution import find_agencies

    found = find_agencies("由市城管执法局牵头,会同市发展改革委、市生态环境局等部门推进餐厨垃圾处理厂建设。")
    assert found is not None
    assert [(a.name, a.role.value) for a in found.agencies] == [
        ("市城管执法局", "lead"),
        ("市发展改革委", "support"),
        ("市生态环境局", "support"),
    ]
    names = [a.name for a in parse_phrase("参与单位:省市场监管局、商务厅、司法厅(按职责分工)")]
    assert names == ["省市场监管局", "省商务厅", "省司法厅"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("即日起至4月30日,开展隐患排查", ["2021-04-30"]), ("2021年1月1日起至2022年12月31日实施", [])],
)
def test_the_end_of_a_campaign_from_now_is_its_deadline(text: str, expected: list[str]) -> None:
    assert [d.isoformat() for d in find_deadlines(text, 2021).dates] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "强化招商队伍建设。县组织人事局要制定招商人员考核激励办法,县财政局要配合落实招商工作经费。",
            [("县组织人事局", "lead"), ("县财政局", "support")],
        ),
        (
            "优化项目落地服务。企业服务中心要对签约项目实行专班服务。规划建设局、自然资源分局配合。",
            [("企业服务中心", "lead"), ("规划建设局", "support"), ("自然资源分局", "support")],
        ),
        (
            "加强食品安全监管。市市场监管局应当建立抽检制度,年底前完成抽检500批次。",
            [("市市场监管局", "responsible")],
        ),
        ("完善实名制。施工总承包单位或者分包单位应当依法进行用工实名登记。", []),
        ("强化督查。有关部门要按月报送进展情况。", []),
    ],
)
def test_an_agency_opening_its_sentence_with_a_modal_verb(text: str, expected: list[tuple[str, str]]) -> None:
    from plantrack.extract.attribution import find_agencies

    found = find_agencies(text)
    assert [(a.name, a.role.value) for a in (found.agencies if found else ())] == expected


def test_a_page_opening_at_3_keeps_numbering_that_runs_on_under_the_next_section() -> None:
    text = (
        "3.推进专业设置与产业需求对接。新增专业点50个以上。(责任处室:职成处)\n"
        "4.深化产教融合。组建职业教育集团5个。职成处牵头,财务处配合。\n"
        "二、全面提高职业教育质量\n"
        "5.实施办学能力提升工程。年底前达标率达到85%以上。(责任处室:职成处)\n"
        "6.加强教师队伍建设。培训教师3000人。(责任处室:教师工作处)\n"
        "三、扩大职业教育服务面\n"
        "7.发展社区教育。新建社区教育示范基地20个。(责任处室:职成处)\n"
    )
    paths = [t.path for t in extract(text, default_year=2018, today=TODAY).tasks]
    assert paths == [[3], [4], [2], [2, 5], [2, 6], [3], [3, 7]]


def test_a_site_name_after_the_title_is_not_part_of_it_nor_joined_to_the_next_line() -> None:
    from plantrack.sources import read_bytes

    page = (
        "某省教育厅关于印发2018年全省职业教育工作要点的通知 - 豆丁网\n"
        "文档格式：PDF | 页数：9 | 上传日期：2018-03-27 | 浏览次数：\n"
        + "　　1.推进职业院校专业设置与产业需求对接。围绕全省产业发展行动，调整优化职\n"
        "业院校专业布局，新增对接战略性新兴产业专业点50个以上，撤并专业点30个左右\n"
        "。（责任处室：职成处；配合处室：发展规划处）\n" * 4
    )
    text = read_bytes(page.encode(), "t.txt").text
    assert text.split("\n")[0] == "某省教育厅关于印发2018年全省职业教育工作要点的通知 - 豆丁网"
    plan = extract(text, today=TODAY)
    assert (plan.title, plan.notice_title) == (
        "2018年全省职业教育工作要点",
        "某省教育厅关于印发2018年全省职业教育工作要点的通知",
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("采购实训设备不少于2000台套", (2000, "台套", ">=")),
        ("开发精品在线开放课程200门", (200, "门", "=")),
        ("培育区级优质课例100节", (100, "节", "=")),
    ],
)
def test_sets_of_machines_and_courses(text: str, expected: tuple[int, str, str]) -> None:
    from plantrack.extract.targets import find_targets

    assert [(t.value, t.unit, t.op.value) for t in find_targets(text)] == [expected]


def test_numbering_runs_on_under_a_level_the_next_section_adds() -> None:
    text = (
        "某省2018年重点工作分工方案\n一、主要预期目标\n1.全省生产总值增长8.5%左右。(省发展改革委牵头)\n"
        "2.财政总收入增长8%左右。(省财政厅牵头)\n二、重点工作\n(一)深化供给侧结构性改革\n"
        "3.持续推进降成本。全年减负1200亿元以上。(省工业和信息化委牵头)\n"
        "4.加快处置僵尸企业。10月底前完成出清重组。(省国资委牵头)\n(二)实施创新驱动发展战略\n"
        "5.提升自主创新能力。新增高新技术企业800家以上。(省科技厅牵头)\n"
    )
    paths = [t.path for t in extract(text, default_year=2018, today=TODAY).tasks]
    assert paths == [[1], [1, 1], [1, 2], [2], [2, 1], [2, 1, 3], [2, 1, 4], [2, 2], [2, 2, 5]]


def test_a_role_verb_glued_to_a_name_is_no_part_of_it() -> None:
    from plantrack.extract.orgnames import split_names

    assert split_names("各村(社区)负责具体征缴") == ["各村(社区)"]
    assert split_names("当地财政部门负责") == ["当地财政部门"]


def test_an_item_naming_only_its_supporters_takes_the_lead_from_its_heading() -> None:
    text = (
        "某市2026年城市更新行动方案\n一、重点任务\n(一)实施老旧小区改造提升行动(市住房城乡建设局牵头,各区县政府负责)\n"
        "1.加快项目开工建设。新开工改造城镇老旧小区320个。\n"
        "2.推进完整社区建设。打造完整社区试点15个。市民政局、市商务局按职责分工配合。\n"
        "3.健全长效管理机制。(市城市管理局负责)\n"
    )
    found = _agencies(_plan(text))
    assert found[(1, 1, 2)] == [
        ("市民政局", "support"),
        ("市商务局", "support"),
        ("市住房城乡建设局", "lead"),
        ("各区县政府", "responsible"),
    ]
    assert found[(1, 1, 3)] == [("市城市管理局", "responsible")]


def test_a_bare_number_over_labelled_lines_numbers_that_item() -> None:
    text = (
        "某县2021年安全生产重点工作任务分工\n1.\n工作任务：完成危化品企业安全评估12家\n牵头单位：县应急管理局\n"
        "配合单位：县市场监管局\n完成时限：2021年9月底\n2.\n工作任务：改造老旧燃气管网8公里\n"
        "牵头单位：县住建局\n完成时限：2021年11月底\n"
    )
    tasks = {tuple(t.path): t for t in _plan(text).tasks}
    assert sorted(tasks) == [(1,), (2,)]
    assert tasks[(1,)].title == "完成危化品企业安全评估12家"
    assert [(a.name, a.role.value) for a in tasks[(1,)].agencies] == [
        ("县应急管理局", "lead"),
        ("县市场监管局", "support"),
    ]
    assert [d.isoformat() for d in tasks[(2,)].deadlines] == ["2021-11-30"]


# A census office's schedule table flattened cell by cell: each row's item cell (its lines numbered
# on) and then its 起止时间 cell, one period a line, the page printing no year of its own.
COLUMN_BLOCKS = """\
工 作 项 目 |
起 止 时 间 |
一、前期准备
1、 起草普查工作方案
2、 协调确定领导小组成员单位
3、 落实普查经费 |
2009.1—4
2009.2—5
2009.3—2010.6 |
二、宣传动员
4、 印制宣传品
5、 开展多种形式的宣传活动 |
9月底前
长期坚持 |
"""


def _undated(text: str) -> Plan:
    return extract(text, today=TODAY)  # no workspace year: the year plantrack guesses is this one


def test_a_date_column_flattened_after_its_item_column_dates_each_item_in_turn() -> None:
    plan = _undated(COLUMN_BLOCKS)
    tasks = {t.title: [d.isoformat() for d in t.deadlines] for t in plan.tasks if t.kind == "task"}
    assert tasks == {
        "起草普查工作方案": ["2009-04-30"],
        "协调确定领导小组成员单位": ["2009-05-31"],
        "落实普查经费": ["2010-06-30"],
        "印制宣传品": ["2026-09-30"],
        "开展多种形式的宣传活动": [],
    }
    ongoing = next(t for t in plan.tasks if t.title == "开展多种形式的宣传活动")
    assert ongoing.text.endswith("完成时限:长期坚持")


def test_more_items_than_dates_give_no_item_a_date_of_another() -> None:
    text = COLUMN_BLOCKS.replace("4、 印制宣传品\n", "3、 印制宣传品\n").replace(
        "5、 开展", "4、 印制海报\n5、 开展"
    )
    tasks = {t.title: t for t in _undated(text).tasks if t.kind == "task"}
    assert tasks["印制海报"].deadlines == []  # three items over two dates: whose is which is not known
    assert "完成时限" not in tasks["开展多种形式的宣传活动"].text


def test_a_year_plantrack_only_guesses_makes_no_printed_date_past() -> None:
    text = "工作安排\n一、完成普查登记(2009.3—5)\n二、开展数据审核(2009.6—2010.2)\n"
    tasks = {t.title: [d.isoformat() for d in t.deadlines] for t in _undated(text).tasks}
    assert list(tasks.values()) == [["2009-05-31"], ["2010-02-28"]]
    # the same printed year in a notice of 2010 is a past period, no deadline of the plan
    dated = extract("2010年普查工作安排\n一、完成普查登记,2009年3月至5月已完成试点。\n", today=TODAY)
    assert [t.deadlines for t in dated.tasks] == [[]]


# A department's table of tasks flattened cell by cell, its rows numbered items: each item's agency
# cell stands alone under it, some with a cue (…按职责分工落实), some naming units only (办公室).
NAME_CELLS = """\
某某区统计局2024年政务公开工作要点分工方案
工作任务
具体要求
{columns}
做好各类规划主动公开
1.主动公开本地区“十四五”统计发展规划原文和政策解读材料。
各股室按职责分工落实
2.加强数据互联互通,在区政府门户网站统一归集主动公开的各类规划。
办公室
做好财政信息公开
3.积极推进部门预算、决算及相关报表公开。
办公室、综合统计股
"""


def test_an_agency_cell_of_names_alone_under_its_item_takes_its_column_s_role() -> None:
    plan = extract(NAME_CELLS.format(columns="落实股室(部门)"), today=TODAY)
    agencies = {
        t.path[-1]: [(a.name, a.role.value) for a in t.agencies] for t in plan.tasks if t.kind == "task"
    }
    assert agencies == {
        1: [("各股室", "responsible")],
        2: [("办公室", "responsible")],
        3: [("办公室", "responsible"), ("综合统计股", "responsible")],
    }


def test_names_alone_under_a_table_of_two_agency_columns_are_nobody_s_cell() -> None:
    plan = extract(NAME_CELLS.format(columns="牵头股室\n配合股室"), today=TODAY)
    agencies = {t.path[-1]: [a.name for a in t.agencies] for t in plan.tasks if t.kind == "task"}
    assert agencies == {1: ["各股室"], 2: [], 3: []}  # lead or partner: the line does not say
