"""Task tables written as Markdown pipe tables: the delimiter row (| --- |) is no row, a category row
(| 一、提升政务服务效能 | | |) is the heading of the rows under it, whatever the frame looks like."""

from __future__ import annotations

from datetime import date

import pytest

from plantrack.extract.pipeline import extract
from plantrack.models import Plan
from plantrack.sources import read_bytes

TITLE = "某市2024年优化营商环境重点任务分工方案"
HEADER = "| 序号 | 重点任务 | 具体措施 | 牵头单位 | 配合单位 | 完成时限 |"
RULE = "| --- | --- | --- | --- | --- | --- |"
ROWS = (
    "| 1 | 深化集成改革 | 推出15个以上集成服务套餐 | 市政务服务数据管理局 | 市公安局、市卫生健康局 | 2024年6月底前 |",
    "| 2 | 压缩企业开办时间 | 企业开办全流程压缩至0.5天以内 | 市市场监管局 | 市税务局 | 2024年三季度 |",
    "| 1 | 加强涉企收费监管 | 开展涉企违规收费专项整治 | 市发展改革局 | 市民政局、市财政局 | 2024年10月 |",
)
CATEGORIES = ("| 一、提升政务服务效能 | | | | | |", "| 二、优化市场环境 | | | | | |")

# (path, title, agencies) of every item the table gives, in order
NESTED = [
    ([1], "提升政务服务效能", []),
    (
        [1, 1],
        "深化集成改革",
        [("市政务服务数据管理局", "lead"), ("市公安局", "support"), ("市卫生健康局", "support")],
    ),
    ([1, 2], "压缩企业开办时间", [("市市场监管局", "lead"), ("市税务局", "support")]),
    ([2], "优化市场环境", []),
    (
        [2, 1],
        "加强涉企收费监管",
        [("市发展改革局", "lead"), ("市民政局", "support"), ("市财政局", "support")],
    ),
]


def _page(rule: str = RULE, categories: tuple[str, str] = CATEGORIES, outer: bool = True) -> str:
    lines = [HEADER, rule, categories[0], ROWS[0], ROWS[1], categories[1], ROWS[2]]
    if not outer:
        lines = [ln.strip().strip("|").strip() for ln in lines]
    return "\n".join([TITLE, *lines]) + "\n"


def _read(text: str) -> list[tuple[list[int], str, list[tuple[str, str]]]]:
    plan: Plan = extract(text, default_year=2024, today=date(2026, 1, 1))
    return [(t.path, t.title, [(a.name, a.role.value) for a in t.agencies]) for t in plan.tasks]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(_page(), id="spaced-rule"),
        pytest.param(_page("|---|---|---|---|---|---|"), id="tight-rule"),
        pytest.param(_page("|-----|-----|-----|-----|-----|-----|"), id="long-rule"),
        pytest.param(_page("| :--- | :---: | ---: | :-- | - | :-: |"), id="alignment-colons"),
        pytest.param(_page(outer=False), id="no-outer-pipes"),
        pytest.param(
            _page(categories=("|一、提升政务服务效能||||||", "|二、优化市场环境||||||")), id="tight-cells"
        ),
        pytest.param(
            _page(categories=("| 一、提升政务服务效能 |", "| 二、优化市场环境 |")), id="one-cell-category"
        ),
        pytest.param(
            _page(categories=("| 一 | 提升政务服务效能 | | | | |", "| 二 | 优化市场环境 | | | | |")),
            id="number-in-its-own-cell",
        ),
        pytest.param(
            _page(categories=("| 一.提升政务服务效能 | | | | | |", "| 二.优化市场环境 | | | | | |")),
            id="number-with-a-dot",
        ),
        pytest.param(
            _page(
                categories=("| **一、提升政务服务效能** | | | | | |", "| **二、优化市场环境** | | | | | |")
            ),
            id="bold-category",
        ),
        pytest.param(
            _page(categories=("| 提升政务服务效能 | | | | | |", "| 优化市场环境 | | | | | |")),
            id="unnumbered-categories-restarting-the-rows",
        ),
    ],
)
def test_category_rows_are_the_headings_of_the_rows_under_them(text: str) -> None:
    assert _read(text) == NESTED


def test_a_rule_row_alone_is_no_task() -> None:
    text = "\n".join([TITLE, HEADER, RULE, ROWS[0], ROWS[1]]) + "\n"
    assert [(p, t) for p, t, _ in _read(text)] == [([1], "深化集成改革"), ([2], "压缩企业开办时间")]


def test_a_single_unnumbered_first_cell_row_is_not_a_heading() -> None:
    rows = [ROWS[0], ROWS[1], ROWS[2].replace("| 1 |", "| 3 |")]
    text = "\n".join([TITLE, HEADER, RULE, "| 单位:个 | | | | | |", *rows]) + "\n"
    assert [p for p, _, _ in _read(text)] == [[1], [2], [3]]


def test_a_line_break_tag_inside_a_cell_keeps_the_row_whole() -> None:
    text = (
        "\n".join([TITLE, "| 序号 | 重点任务 | 牵头单位 | 配合单位 | 完成时限 |", "|:---:|---|---|---|---|"])
        + "\n| 1 | 建设口袋公园 | 区城管局 | 区财政局<br>区住建局 | 2024年10月 |"
        + "\n| 2 | 改造老旧小区 | 区住建局 | 区财政局<br/>各街道 | 2024年11月 |\n"
    )
    plan = extract(read_bytes(text.encode(), "t.txt").text, default_year=2024, today=date(2026, 1, 1))
    got = [(t.path, [(a.name, a.role.value) for a in t.agencies], t.deadlines) for t in plan.tasks]
    assert got == [
        ([1], [("区城管局", "lead"), ("区财政局", "support"), ("区住建局", "support")], [date(2024, 10, 31)]),
        ([2], [("区住建局", "lead"), ("区财政局", "support"), ("各街道", "support")], [date(2024, 11, 30)]),
    ]


COVER = "机关各股室、局属各单位:\n现将2023年全局重点工作任务分工印发给你们,请各牵头股室认真抓好落实。\n"
OFFICE_HEADER = "序号 | 工作任务 | 具体目标 | 牵头股室 | 配合单位 | 完成时限"
OFFICE_ROWS = (
    "1 | 稳定扩大就业 | 城镇新增就业2600人以上 | 就业股 | 县就业服务中心 | 12月底前",
    "2 | 推进全民参保 | 参保率稳定在95%以上 | 县社会保险中心 | 各乡镇 | 10月底前",
)


@pytest.mark.parametrize(
    ("cover", "sections"),
    [
        pytest.param(COVER, ("一、就业服务", "二、社会保险"), id="cover-bare-section-rows"),
        pytest.param(COVER, ("一、就业服务 | | | | |", "二、社会保险 | | | | |"), id="cover-piped-sections"),
        pytest.param("", ("一、就业服务", "二、社会保险"), id="no-cover"),
    ],
)
def test_a_table_after_a_cover_notice_is_the_plan_with_its_section_rows(
    cover: str, sections: tuple[str, str]
) -> None:
    head = ["某县人力资源和社会保障局2023年重点工作任务分工表", *([cover.strip()] if cover else [])]
    text = "\n".join([*head, OFFICE_HEADER, sections[0], OFFICE_ROWS[0], sections[1], OFFICE_ROWS[1]])
    plan: Plan = extract(text + "\n", default_year=2023, today=date(2026, 1, 1))
    tasks = [t for t in plan.tasks if t.kind.value == "task"]
    assert [(t.path, t.title) for t in tasks] == [([1, 1], "稳定扩大就业"), ([2, 2], "推进全民参保")]
    assert [(a.name, a.role.value) for a in tasks[0].agencies] == [
        ("就业股", "lead"),
        ("县就业服务中心", "support"),
    ]
    assert [(x.value, x.unit, x.op.value) for x in tasks[1].targets] == [(95, "%", ">=")]
