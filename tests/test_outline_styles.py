"""Numbering styles and page shapes the outline parser reads (invented text of real shapes)."""

from __future__ import annotations

import pytest

from plantrack.extract.normalize import normalize
from plantrack.extract.outline import build_outline, split_run_on
from plantrack.extract.pipeline import extract_text


def _paths(text: str) -> list[list[int]]:
    return [item.path for item in build_outline(split_run_on(normalize(text).splitlines())).items]


@pytest.mark.parametrize(
    ("text", "paths"),
    [
        pytest.param(
            "Ⅰ、稳定就业\n1.开展培训。\nⅡ、扶持创业\n1.发放贷款。", [[1], [1, 1], [2], [2, 1]], id="roman"
        ),
        pytest.param("第一,抓好安全生产。\n第二,抓好项目建设。", [[1], [2]], id="ordinal"),
        pytest.param("第一节 总体要求\n第二节 主要任务\n一、稳定就业", [[1], [2], [2, 1]], id="section"),
        pytest.param("(五)加强督查。\n(六)严格考核。", [[5], [6]], id="starts-at-five"),
        pytest.param("3.完善制度。\n4.提升服务。", [[3], [4]], id="starts-at-three"),
        pytest.param(
            "(三)加强培训。\n(四)完善保障。\n四、保障措施\n(一)加强领导。\n五、工作要求\n(一)按时报送。",
            [[3], [4], [4], [4, 1], [5], [5, 1]],
            id="starts-inside-a-section",
        ),
        pytest.param("五、加强督查。\n全文完。", [], id="a-lone-high-number-is-text"),
        pytest.param(
            "三、整治对象(一)整治范围。城关镇。(二)整治内容1.乱种。指小街。2.乱堆。指杂物。",
            [[3], [3, 1], [3, 2], [3, 2, 1], [3, 2, 2]],
            id="headings-glued-to-first-sub-item",
        ),
        pytest.param(
            "( 一 )编制规划。\n⑴ 完成修编。\n⑵ 建立储备库。\n( 二 )加快建设。",
            [[1], [1, 1], [1, 2], [2]],
            id="spaced-brackets",
        ),
        pytest.param(
            "一 工作目标\n到年底达标。\n二 主要任务\n1 开展市容整治 6月底前完成。\n2 推进市场升级 年内完成。\n"
            "3 整治背街小巷 9月底前完成。\n三 工作要求\n1 加强领导 主要领导负总责。",
            [[1], [2], [2, 1], [2, 2], [2, 3], [3], [3, 1]],
            id="bare-numerals-in-sequence",
        ),
        pytest.param(
            "1.开展调研。\n3 个县完成试点。\n2.推广经验。",
            [[1], [2]],
            id="a-line-opening-with-a-count-is-text",
        ),
        pytest.param(
            "各县要做到:\n一 要加强领导。\n二 要明确责任。", [], id="two-bare-numerals-are-no-sequence"
        ),
        pytest.param(
            "实事项目\n01\n\n完成30台住宅电梯加装\n\n*为8个小区新增充电设施\n02\n\n建成行政服务中心东部分中心\n"
            "03\n新增就业9000人\n10\n个村完成改造。",
            [[1], [2], [3]],
            id="zero-padded-numbers-alone-above-their-items",
        ),
        pytest.param("完成改造\n01\n02\n03\n04", [], id="numbers-alone-with-no-heading-are-text"),
    ],
)
def test_outline_shapes(text: str, paths: list[list[int]]) -> None:
    assert _paths(text) == paths


def test_glued_heading_splits_only_before_a_first_item() -> None:
    assert split_run_on(["一、加快发展(二)不对", "二、完善机制1.5万人"]) == [
        "一、加快发展(二)不对",
        "二、完善机制1.5万人",
    ]


# 一是…二是… points each opening a line, and a month's schedule (一月份:…): items only in a run of lines
@pytest.mark.parametrize(
    ("text", "paths"),
    [
        pytest.param(
            "具体安排如下:\n一是抓实教学常规。每月开展一次作业检查。\n二是深化课堂教学改革。组织青年教师赛课。\n"
            "三是加强毕业班管理。",
            [[1], [2], [3]],
            id="points-each-opening-a-paragraph",
        ),
        pytest.param(
            "一、扩大有效需求\n(一)扩大有效投资。\n一是抓实项目建设。全年安排重点项目200个。\n"
            "二是抓好要素保障。新增建设用地3000亩。\n(二)促进消费回暖。\n一是开展促消费活动。\n二、推进产业升级",
            [[1], [1, 1], [1, 1, 1], [1, 1, 2], [1, 2], [2]],
            id="points-under-a-heading-and-a-lone-first-point",
        ),
        pytest.param(
            "(二)加快数字经济发展。一是完善数字基础设施,新建5G基站800个;二是推进企业上云。(市大数据局牵头)\n"
            "(三)稳定扩大就业。",
            [[2], [3]],
            id="points-running-inside-a-paragraph-are-its-text",
        ),
        pytest.param(
            "三、存在问题\n一是监管力量不足,基层所人员偏少;二是信息化水平不高。\n四、下步打算\n(一)完成抽检1200批次。",
            [[3], [4], [4, 1]],
            id="a-first-point-whose-second-runs-on-is-text",
        ),
        pytest.param(
            "(一)扩大有效投资。一是抓实项目建设,安排重点项目200个。\n二是抓好要素保障。\n三是优化审批服务。\n"
            "(二)促进消费回暖。",
            [[1], [2]],
            id="points-after-a-first-one-inside-the-heading-line-are-text",
        ),
        pytest.param(
            "现将各月工作安排如下:\n一月份:开展阅读推广活动。\n二月份:完成借阅统计。\n"
            "七至八月份:举办少儿阅读夏令营。\n九月份:做好示范区评估。",
            [[1], [2], [7], [9]],
            id="a-month-schedule",
        ),
        pytest.param(
            "(一)动员部署。\n3月:召开全县动员大会。\n(二)集中整治。",
            [[1], [2]],
            id="a-lone-month-line-is-text",
        ),
        pytest.param(
            "(一)动员部署。\n(二)集中整治。\n4月:开展隐患排查。\n5-6月:集中整治问题隐患。\n(三)总结提升。",
            [[1], [2], [2, 4], [2, 5], [3]],
            id="months-under-a-stage-numbered-from-their-first-month",
        ),
    ],
)
def test_points_and_month_schedules(text: str, paths: list[list[int]]) -> None:
    assert _paths(text) == paths


def test_phased_stages_are_work() -> None:
    text = "四、实施步骤\n(一)动员部署阶段(3月底前)。制定方案。\n(二)集中整治阶段(4月至9月)。全面整治。\n五、工作要求\n(一)加强领导。"
    plan = extract_text(text).plan
    assert [t.path for t in plan.trackable()] == [[4, 1], [4, 2]]


def test_a_month_schedule_item_is_due_at_its_last_months_end_unless_it_says() -> None:
    text = (
        "某县图书馆2017年工作安排\n现将我馆2017年各月工作安排如下：\n"
        "　　三月份：启动流动图书车下乡，全年下乡不少于30场次，流通部牵头，各乡镇文化站配合。\n"
        "　　四月份：举办“世界读书日”系列活动，4月23日前完成筹备。\n"
        "　　七至八月份：举办少儿阅读夏令营，参与少儿不少于500人次，少儿部负责。\n"
        "某县图书馆\n2017年1月6日"
    )
    tasks = extract_text(text).plan.trackable()
    assert [(t.path, t.number, t.title) for t in tasks] == [
        ([3], "三月份", "启动流动图书车下乡"),
        ([4], "四月份", "举办“世界读书日”系列活动"),
        ([7], "七至八月份", "举办少儿阅读夏令营"),
    ]
    assert [[d.isoformat() for d in t.deadlines] for t in tasks] == [
        ["2017-03-31"],
        ["2017-04-23"],
        ["2017-08-31"],
    ]


def test_months_in_figures_are_due_at_their_last_months_end() -> None:
    text = (
        "某中学2024年下半年工作安排\n7月:完成期末考试质量分析,教务处负责。\n"
        "8月—9月:做好秋季开学准备,总务处负责。\n12月:完成年度考核。\n"
    )
    tasks = extract_text(text).plan.trackable()
    assert [(t.path, t.number, [d.isoformat() for d in t.deadlines]) for t in tasks] == [
        ([7], "7月", ["2024-07-31"]),
        ([8], "8月—9月", ["2024-09-30"]),
        ([12], "12月", ["2024-12-31"]),
    ]


def test_points_opening_paragraphs_are_titled_by_their_first_sentence() -> None:
    text = (
        "某区实验小学2024年秋季学期教导处工作计划\n本学期重点做好以下工作：\n"
        "　　一是深化课堂教学改革。组织青年教师赛课，参赛教师不少于20人，11月底前完成，由教科室牵头。\n"
        "　　二是做好学籍管理。9月20日前完成新生学籍注册。\n"
    )
    tasks = extract_text(text).plan.trackable()
    assert [(t.path, t.number, t.title) for t in tasks] == [
        ([1], "一是", "深化课堂教学改革"),
        ([2], "二是", "做好学籍管理"),
    ]
    assert [[d.isoformat() for d in t.deadlines] for t in tasks] == [["2024-11-30"], ["2024-09-20"]]


def _task_paths(text: str) -> list[list[int]]:
    return [t.path for t in extract_text(text).plan.trackable()]


TABLE_WITH_SECTION_LINES = """某区2021年生态环境保护行动计划
序号 | 重点任务 | 工作措施 | 牵头单位 | 完成时限
一、大气污染防治
1 | 扬尘治理 | 落实工地扬尘管控措施 | 区住建局 | 长期坚持
2 | 机动车治理 | 淘汰老旧车辆500辆 | 区生态环境局 | 2021年11月
二、水污染防治
3 | 黑臭水体 | 完成3条黑臭水体整治 | 区水务局 | 年底前
三、保障措施
(一)加强组织领导。各单位要高度重视。
"""

TABLE_WITH_SECTION_ROWS = """某区2021年生态环境保护行动计划
序号 | 重点任务 | 工作措施 | 牵头单位 | 完成时限
一 | 大气污染防治 | | |
1 | 扬尘治理 | 落实工地扬尘管控措施 | 区住建局 | 长期坚持
2 | 机动车治理 | 淘汰老旧车辆500辆 | 区生态环境局 | 2021年11月
二 | 水污染防治 | | |
3 | 黑臭水体 | 完成3条黑臭水体整治 | 区水务局 | 年底前
"""


@pytest.mark.parametrize("text", [TABLE_WITH_SECTION_LINES, TABLE_WITH_SECTION_ROWS], ids=["lines", "rows"])
def test_section_rows_inside_a_task_table_are_the_rows_headings(text: str) -> None:
    plan = extract_text(text).plan
    assert [t.path for t in plan.trackable()] == [[1, 1], [1, 2], [2, 3]]
    assert [t.deadlines[0].isoformat() if t.deadlines else None for t in plan.trackable()] == [
        None,
        "2021-11-30",
        "2021-12-31",
    ]
    assert [s.title for s in plan.sections][:2] == ["大气污染防治", "水污染防治"]


@pytest.mark.parametrize(
    "header",
    ["项目名称|目标任务|责任单位|完成时限", "序号 | 项目名称 | 目标任务 | 责任单位 | 完成时限"],
    ids=["bars-without-spaces", "empty-number-cells"],
)
def test_table_rows_without_numbers_are_tasks(header: str) -> None:
    sep = "|" if " | " not in header else " | "
    lead = "" if sep == "|" else " | "
    rows = [
        ["城镇新增就业", "新增就业5000人以上", "县人社局", "2024年12月"],
        ["农村公路提升", "新改建农村公路30公里", "县交通运输局", "2024年10月底前"],
    ]
    text = "某县2024年重点民生实事项目\n" + header + "\n" + "\n".join(lead + sep.join(r) for r in rows)
    plan = extract_text(text).plan
    assert plan.kind == "plan" and plan.title == "某县2024年重点民生实事项目"
    assert [(t.path, t.agencies[0].name, t.targets[0].value) for t in plan.trackable()] == [
        ([1], "县人社局", 5000),
        ([2], "县交通运输局", 30),
    ]


OUTLINE_BEFORE_BODY = """某市2023年优化营商环境重点任务清单
目录
一、提升政务服务效能
二、优化市场准入
三、强化要素保障
一、提升政务服务效能
（一）推行“一网通办”。政务服务事项网上可办率达到95%以上。（市政务服务中心负责）
（二）压缩企业开办时间。（市市场监管局负责）
二、优化市场准入
（三）全面清理妨碍公平竞争的规定。（市市场监管局牵头，市司法局配合）
"""


def test_an_outline_printed_before_the_body_is_merged_with_it() -> None:
    plan = extract_text(OUTLINE_BEFORE_BODY).plan
    assert [(t.path, t.kind.value) for t in plan.tasks] == [
        ([1], "heading"),
        ([1, 1], "task"),
        ([1, 2], "task"),
        ([2], "heading"),
        ([2, 3], "task"),
        ([3], "task"),  # listed in the outline only (the page is cut): kept
    ]
