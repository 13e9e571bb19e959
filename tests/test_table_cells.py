"""Cells of task tables that once shifted or went missing: group rows (（一）…) between numbered rows,
a one-cell-a-line row with a blank merged cell or a cell on two lines, a task column named with a
qualifier (年度目标任务), a table note on what an empty cell means, a town in an agency cell."""

from __future__ import annotations

from datetime import date

import pytest

from plantrack.extract.orgnames import looks_like_org
from plantrack.extract.pipeline import extract
from plantrack.models import Item, Plan
from plantrack.sources import read_bytes


def _plan(text: str) -> Plan:
    return extract(read_bytes(text.encode(), "t.txt").text, default_year=2023, today=date(2026, 1, 1))


def _tasks(text: str) -> list[Item]:
    return [t for t in _plan(text).tasks if t.kind == "task"]


def _agencies(item: Item) -> list[tuple[str, str]]:
    return [(a.name, a.role.value) for a in item.agencies]


GROUPED_TAB_TABLE = """某区2023年促进消费工作任务分工方案
一、工作目标
全年社会消费品零售总额增长8%。
二、任务分工
序号\t工作任务\t牵头单位\t责任单位\t完成时限
（一）激发消费活力
1\t举办消费季活动不少于20场。\t区商务局\t各街道办事处\t2023年6月
2\t发放消费券1000万元。\t区商务局\t区财政局\t三季度
（二）改善消费环境
3\t新建便民商业网点30个。\t区商务局\t区住建局\t12月底前
"""


def test_group_rows_between_tab_rows_are_the_rows_headings() -> None:
    tasks = _tasks(GROUPED_TAB_TABLE)
    assert [t.path for t in tasks] == [[2, 1, 1], [2, 1, 2], [2, 2, 3]]
    assert _agencies(tasks[2]) == [("区商务局", "lead"), ("区住建局", "responsible")]


STREAM_TABLE = """某镇2023年美丽乡村建设任务分工表
序号
工作任务
具体内容
责任单位
完成时限
1
道路硬化
完成村组道路硬化12公里
镇规划办
2023年6月底前
2
绿化提升
新增绿化面积不少于5000平方米

2023年9月底前
3
河道清淤
清理河道淤泥8000立方米
镇水利站
各村(社区)
2023年10月
4
环境督查
开展季度督查评比4次
镇纪委
镇人居办
12月20日前
"""


def test_a_blank_merged_cell_keeps_the_content_cell_in_place() -> None:
    second = _tasks(STREAM_TABLE)[1]
    assert [(t.value, t.unit, t.op.value) for t in second.targets] == [(5000, "平方米", ">=")]
    assert _agencies(second) == [("镇规划办", "responsible")]
    assert [d.isoformat() for d in second.deadlines] == ["2023-09-30"]


@pytest.mark.parametrize(
    ("row", "names", "deadline"),
    [
        pytest.param(3, ["镇水利站", "各村(社区)"], "2023-10-31", id="two-lines-mid-table"),
        pytest.param(4, ["镇纪委", "镇人居办"], "2023-12-20", id="two-lines-in-the-last-row"),
    ],
)
def test_an_agency_cell_on_two_lines_is_one_cell(row: int, names: list[str], deadline: str) -> None:
    task = _tasks(STREAM_TABLE)[row - 1]
    assert [a.name for a in task.agencies] == names
    assert [d.isoformat() for d in task.deadlines] == [deadline]


PIPE_HEAD = """某县2023年民生实事项目任务分解表
| 序号 | 项目名称 | 年度目标任务 | 牵头单位 | 配合单位 | 完成时限 |
| 1 | 教育提质 | 新建幼儿园2所，新增学位360个 | 县教育局 | 县住建局、县财政局 | 2023.8 |
| 2 | 道路改造 | 改造城区道路6条 | 县住建局 |  | 10月 |
| 3 | 老旧小区 | 改造老旧小区9个 |  |  | 11月底 |
| 4 | 便民服务 | 建成便民生活圈示范社区3个 | 县商务局 | 城南镇、东湖街道 | 年底 |
"""
NOTE = "注：牵头单位栏为空的，与上一项目同；配合单位栏为空的，不设配合单位。\n"


def test_a_task_column_named_with_a_qualifier_holds_the_task_text() -> None:
    first = _tasks(PIPE_HEAD)[0]
    assert [(t.value, t.unit) for t in first.targets] == [(2, "所"), (360, "个")]


@pytest.mark.parametrize(
    ("note", "row", "expected"),
    [
        pytest.param(NOTE, 3, [("县住建局", "lead")], id="the-note-says-an-empty-cell-means-none"),
        pytest.param("", 3, [("县住建局", "lead")], id="no-note-the-merged-cells-of-the-row-above"),
        pytest.param("", 2, [("县住建局", "lead")], id="no-note-an-empty-support-cell-is-none"),
        pytest.param(
            "注：配合单位栏为空的，与上一项目同。\n",
            2,
            [("县住建局", "lead"), ("县财政局", "support")],
            id="the-note-says-the-same-as-above",
        ),
        pytest.param(
            "注：合并单元格的配合单位、完成时限同上一行。\n",
            2,
            [("县住建局", "lead"), ("县财政局", "support")],
            id="the-note-names-the-merged-columns",
        ),
        pytest.param(
            "注：合并单元格的配合单位另行通知。\n",
            2,
            [("县住建局", "lead")],
            id="merged-without-same-as-above",
        ),
    ],
)
def test_a_table_note_on_empty_cells(note: str, row: int, expected: list[tuple[str, str]]) -> None:
    tasks = _tasks(PIPE_HEAD + note)
    assert _agencies(tasks[row - 1]) == expected


def test_a_note_that_empty_means_none_keeps_a_row_without_supporters() -> None:
    page = PIPE_HEAD.replace("| 县住建局 |  | 10月 |", "| 县住建局 | 县城管局 | 10月 |")
    assert _agencies(_tasks(page)[2]) == [("县住建局", "lead"), ("县城管局", "support")]
    assert _agencies(_tasks(page + NOTE)[2]) == [("县住建局", "lead")]


def test_a_town_in_an_agency_cell_is_an_agency() -> None:
    last = _tasks(PIPE_HEAD)[3]
    assert _agencies(last) == [("县商务局", "lead"), ("城南镇", "support"), ("东湖街道", "support")]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        pytest.param("城关镇", True, id="a-town"),
        pytest.param("白沙乡", True, id="a-township"),
        pytest.param("城镇", False, id="towns-in-general"),
        pytest.param("小城镇", False, id="small-towns"),
        pytest.param("各乡镇", True, id="each-town"),
        pytest.param("镇", False, id="a-level-alone"),
    ],
)
def test_looks_like_org_for_towns(name: str, expected: bool) -> None:
    assert looks_like_org(name) is expected


def test_a_breadcrumb_word_over_a_placed_title_is_not_part_of_it() -> None:
    plan = _plan("首页\n政府信息公开\n计划总结\n" + PIPE_HEAD)
    assert plan.title == "某县2023年民生实事项目任务分解表"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("完成时限:3月、9月各一次", ["2023-03-31", "2023-09-30"], id="two-months-listed"),
        pytest.param("完成时限:2023年4月、8月、12月", ["2023-04-30", "2023-08-31", "2023-12-31"], id="three"),
        pytest.param("于3月、9月各开展一次", [], id="no-label-no-bare-months"),
    ],
)
def test_months_listed_in_a_deadline_cell(text: str, expected: list[str]) -> None:
    from plantrack.extract.deadlines import find_deadlines

    assert [d.isoformat() for d in find_deadlines(text, 2023).dates] == expected


GROUPED_STREAM_EXTRACT = """某县住建局2024年政府工作报告重点任务分解表
序号
重点工作任务
主要责任单位
协同配合单位
一、2024年主要预期目标
5
城镇新增就业4200人以上。
县人社局
县发改委、县财政局,各镇人民政府。
二、聚力扩大有效投资
三、聚力壮大特色产业
四、聚力改善城乡面貌
41
完成老旧小区改造12个。
县住建局
县财政局、县自然资源局。
42
新建城市口袋公园3处。
县住建局
县城管局。
"""


def test_grouped_stream_rows_keep_their_global_numbers_under_their_headings() -> None:
    """A department's extract of a county table: group headings 一…四 (some without rows here), the
    rows keeping the full table's numbers, the 协同配合单位 column supporting."""
    plan = _plan(GROUPED_STREAM_EXTRACT)
    tasks = _tasks(GROUPED_STREAM_EXTRACT)
    assert [t.path for t in tasks] == [[1, 5], [4, 41], [4, 42]]
    assert [t.path for t in plan.tasks if t.kind == "heading"][:1] == [[1]]
    assert [t.path for t in plan.tasks if len(t.path) == 1] == [[1], [2], [3], [4]]
    assert _agencies(tasks[0]) == [
        ("县人社局", "responsible"),
        ("县发改委", "support"),
        ("县财政局", "support"),
        ("各镇人民政府", "support"),
    ]
    assert [(t.value, t.unit) for t in tasks[0].targets] == [(4200, "人")]
    assert _agencies(tasks[2]) == [("县住建局", "responsible"), ("县城管局", "support")]


# A county's list of public projects, one cell a line between bars, one column named with the year.
YEAR_NAMED_COLUMN = """某县2024年十大民生实事项目清单
|
序号 |
项目名称 |
建设地点 |
2024年建设内容 |
年度投资金额 (万元) |
责任单位 |
|
1 |
中小学运动场改造项目 |
相关镇 (街道) |
改造学校运动场地5处。 |
300 |
教体局 |
|
2 |
农村公路提升项目 |
各镇 |
新建农村公路31.5公里。 |
2400 |
交通局 |
"""


def test_a_column_named_with_the_plan_s_year_is_that_column() -> None:
    tasks = _tasks(YEAR_NAMED_COLUMN)
    assert [t.title for t in tasks] == ["中小学运动场改造项目", "农村公路提升项目"]
    assert [_agencies(t) for t in tasks] == [[("教体局", "responsible")], [("交通局", "responsible")]]
    assert [(g.value, g.unit) for g in tasks[1].targets] == [(31.5, "公里")]
