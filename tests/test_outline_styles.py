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


def test_phased_stages_are_work() -> None:
    text = "四、实施步骤\n(一)动员部署阶段(3月底前)。制定方案。\n(二)集中整治阶段(4月至9月)。全面整治。\n五、工作要求\n(一)加强领导。"
    plan = extract_text(text).plan
    assert [t.path for t in plan.trackable()] == [[4, 1], [4, 2]]


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
