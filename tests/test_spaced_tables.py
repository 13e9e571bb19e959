"""Tables a text file holds as cells separated by runs of spaces (a Word table copied as text): read
as rows before normalising collapses the spaces; a long gap where a row lacks a cell is an empty
(merged) cell, a row cut by the page end keeps its first cells, and section and 续表 lines between
the rows stay as they are."""

from __future__ import annotations

from datetime import date

import pytest

from plantrack.extract.pipeline import extract
from plantrack.models import Plan
from plantrack.sources import read_bytes
from plantrack.sources.spaced import spaced_rows

HEADER = "序号  工作任务  具体措施  责任股室  分管领导  完成时限"

ROWS = [
    pytest.param(
        f"{HEADER}\n1  开展食品抽检  全年抽检食品样品1200批次  食品股  赵刚  11月底前",
        [
            HEADER.replace("  ", " | "),
            "1 | 开展食品抽检 | 全年抽检食品样品1200批次 | 食品股 | 赵刚 | 11月底前",
        ],
        id="a-full-row",
    ),
    pytest.param(
        f"{HEADER}\n2  整治校园周边  检查校园周边商户300家    孙丽  9月底前",
        [HEADER.replace("  ", " | "), "2 | 整治校园周边 | 检查校园周边商户300家 |  | 孙丽 | 9月底前"],
        id="a-long-gap-is-an-empty-cell",
    ),
    pytest.param(
        f"{HEADER}\n一、市场秩序\n3  推进信用监管  完成企业信用风险分类  信用股  赵",
        [
            HEADER.replace("  ", " | "),
            "一、市场秩序",
            "3 | 推进信用监管 | 完成企业信用风险分类 | 信用股 | 赵",
        ],
        id="a-section-line-kept-a-cut-row-left-short",
    ),
    pytest.param(
        f"{HEADER}\n4  推进信用监管  完成企业信用风险分类  信用股\n一、市场秩序",
        [
            HEADER.replace("  ", " | "),
            "4 | 推进信用监管 | 完成企业信用风险分类 | 信用股 |  | ",
            "一、市场秩序",
        ],
        id="a-short-row-inside-the-page-has-empty-cells-at-its-end",
    ),
    pytest.param(
        f"{HEADER}\n续表\n{HEADER}",
        [HEADER.replace("  ", " | "), "续表", HEADER.replace("  ", " | ")],
        id="a-repeated-header",
    ),
    pytest.param(
        "日期：2021-03-02　　来源：县市场监管局\n全年抽检食品样品  1200批次",
        ["日期：2021-03-02　　来源：县市场监管局", "全年抽检食品样品  1200批次"],
        id="no-header-left-alone",
    ),
    pytest.param(
        f"{HEADER}\n1  开展食品抽检  全年抽检食品样品1200批次  食品股  赵刚  11月底前\n"
        "各股室要对照任务清单，逐项细化措施，每季度末将进展情况报局办公室汇总，确保各项任务按时完成。",
        [
            HEADER.replace("  ", " | "),
            "1 | 开展食品抽检 | 全年抽检食品样品1200批次 | 食品股 | 赵刚 | 11月底前",
            "各股室要对照任务清单，逐项细化措施，每季度末将进展情况报局办公室汇总，确保各项任务按时完成。",
        ],
        id="a-paragraph-ends-the-table",
    ),
]


@pytest.mark.parametrize(("text", "expected"), ROWS)
def test_spaced_rows(text: str, expected: list[str]) -> None:
    assert spaced_rows(text).split("\n") == expected


PAGE = """某县市场监督管理局2021年重点工作任务清单
为抓好全年重点工作落实，现将任务分解如下。
序号  工作任务  具体措施  责任股室  分管领导  完成时限
一、食品安全
1  开展食品抽检  全年抽检食品样品1200批次，问题产品核查处置率100%  食品股  赵刚  2021年11月底前
2  整治校园周边  检查校园周边商户300家    赵刚  9月底前
续表
序号  工作任务  具体措施  责任股室  分管领导  完成时限
二、市场秩序
3  推进信用监管  完成企业信用风险分类，分类覆盖率达到95%  信用股、登记股  孙丽  上半年
4  开展价格检查  开展节日市场价格专项检查不少于4次  价格股  赵"""


def _plan(text: str) -> Plan:
    return extract(read_bytes(text.encode(), "t.txt").text, default_year=2021, today=date(2026, 1, 1))


def test_a_spaced_table_gives_one_task_a_row_under_its_sections() -> None:
    plan = _plan(PAGE)
    tasks = [t for t in plan.tasks if t.kind == "task"]
    assert [t.path for t in tasks] == [[1, 1], [1, 2], [2, 3], [2, 4]]
    assert [t.title for t in tasks][:1] == ["开展食品抽检"]
    agencies = {t.path[-1]: [a.name for a in t.agencies] for t in tasks}
    assert agencies == {1: ["食品股"], 2: ["食品股"], 3: ["信用股", "登记股"], 4: ["价格股"]}
    deadlines = {t.path[-1]: [d.isoformat() for d in t.deadlines] for t in tasks}
    assert deadlines == {1: ["2021-11-30"], 2: ["2021-09-30"], 3: ["2021-06-30"], 4: []}
    targets = {t.path[-1]: [(x.value, x.unit) for x in t.targets] for t in tasks}
    assert targets[1] == [(1200, "批次"), (100, "%")]
    assert targets[4] == [(4, "次")]


def test_single_spaced_rows_under_group_rows_give_host_and_partners() -> None:
    text = (
        "某省2018年“放管服”改革工作任务分工表\n序号 工作任务 主办单位 协办单位 时间节点\n"
        "一、深化行政审批改革\n"
        "1 取消调整省级行政许可事项30项 省编办 省政府法制办、省直有关部门 2018年6月底\n"
        "2 推行企业投资项目承诺制 省发展改革委 省住建厅 2018年9月底\n"
        "二、优化政务服务\n"
        "3 建成省级政务服务平台 省政府办公厅 省通信管理局 2018年12月底\n"
    )
    plan = extract(read_bytes(text.encode(), "t.txt").text, today=date(2026, 1, 1))
    rows = {
        tuple(t.path): [(a.name, a.role.value) for a in t.agencies] for t in plan.tasks if t.kind == "task"
    }
    assert rows == {
        (1, 1): [("省编办", "lead"), ("省政府法制办", "support"), ("省直有关部门", "support")],
        (1, 2): [("省发展改革委", "lead"), ("省住建厅", "support")],
        (2, 3): [("省政府办公厅", "lead"), ("省通信管理局", "support")],
    }


def test_a_collapsed_table_with_its_unit_column_last() -> None:
    """A page that collapsed a table's gaps to one space, its column names' letters spaced (工 作 任 务):
    the unit after each row's last space is the row's lead."""
    text = (
        "某省2016年《政府工作报告》量化指标任务分工\n序号 工 作 任 务 牵头负责部门\n"
        "1 居民消费价格涨幅3%左右 省发展改革委\n"
        "2 城镇新增就业50万人以上 省人力资源社会保障厅\n"
        "3 安排财政赤字200亿元,赤字率提高到3% 省财政厅\n"
    )
    plan = extract(read_bytes(text.encode(), "t.txt").text, today=date(2026, 1, 1))
    rows = {t.path[-1]: (t.title, [(a.name, a.role.value) for a in t.agencies]) for t in plan.tasks}
    assert rows == {
        1: ("居民消费价格涨幅3%左右", [("省发展改革委", "lead")]),
        2: ("城镇新增就业50万人以上", [("省人力资源社会保障厅", "lead")]),
        3: ("安排财政赤字200亿元,赤字率提高到3%", [("省财政厅", "lead")]),
    }
