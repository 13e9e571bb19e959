"""Shapes that once lost agencies or shifted cells: labelled 牵头/配合/时限 fields on an item's line,
partners named after 由X牵头 in a running sentence, 由X组织开展, and a one-cell-a-line table whose
merged cells are blank lines, with a note on what a blank cell means."""

from __future__ import annotations

from datetime import date

import pytest

from plantrack.extract.attribution import find_agencies
from plantrack.extract.blank_cells import keep_empty_cells
from plantrack.extract.pipeline import extract, headline
from plantrack.extract.table_notes import empty_cell_rules
from plantrack.extract.tables import EMPTY_CELL
from plantrack.models import Item
from plantrack.sources import read_bytes

L, R, S = "lead", "responsible", "support"


def _found(text: str) -> list[tuple[str, str]]:
    found = find_agencies(text)
    return [] if found is None else [(a.name, a.role.value) for a in found.agencies]


SENTENCES = [
    pytest.param(
        "全面推行电子证照改革。牵头:某区数据局;配合:某区公安分局、某区民政局。时限:2024年9月30日前",
        [("某区数据局", L), ("某区公安分局", S), ("某区民政局", S)],
        id="labelled-fields-two-partners-then-a-deadline-field",
    ),
    pytest.param(
        "清理规范中介服务事项。牵头:某区发改局;配合:某区司法局。时限:2024年6月",
        [("某区发改局", L), ("某区司法局", S)],
        id="labelled-fields-one-partner-then-a-deadline-field",
    ),
    pytest.param(
        "建立信用平台。牵头:某区经信局;配合:某区信息中心(Info Center)。时限:第三季度末",
        [("某区经信局", L), ("某区信息中心(Info Center)", S)],
        id="labelled-partner-with-a-gloss",
    ),
    pytest.param(
        "开展河道巡查,6月底前完成.此项工作由镇水务站牵头,镇农业服务中心、各村(社区)委会配合.",
        [("镇水务站", L), ("镇农业服务中心", S), ("各村(社区)委会", S)],
        id="by-lead-then-partners-with-a-glossed-name",
    ),
    pytest.param(
        "9月由县消防救援大队组织开展1次疏散演练,县教育局、县卫健局参与.",
        [("县消防救援大队", R), ("县教育局", S), ("县卫健局", S)],
        id="by-unit-organises-then-participants",
    ),
    pytest.param(
        "加强社区服务。责任单位:街道办事处、各社区居委会.",
        [("街道办事处", R), ("各社区居委会", R)],
        id="a-residents-committee-and-a-half-width-stop",
    ),
]


@pytest.mark.parametrize(("text", "expected"), SENTENCES)
def test_agencies_of_fields_and_sentences(text: str, expected: list[tuple[str, str]]) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        pytest.param(
            "开展“互联网+监管”试点,在安全生产、食品药品等领域率先应用,牵头:某区安监局;配合:某区",
            "开展“互联网+监管”试点,在安全生产、食品药品等领域率先应用",
            id="a-role-label-after-a-comma-ends-the-headline",
        ),
        pytest.param(
            "疏散演练行动.9月由县消防救援大队组织开展1次演练", "疏散演练行动", id="a-dot-before-a-digit"
        ),
        pytest.param("提高覆盖率至98.5%以上", "提高覆盖率至98.5%以上", id="a-decimal-point-is-no-stop"),
    ],
)
def test_headline(head: str, expected: str) -> None:
    assert headline(head) == expected


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        pytest.param(
            "序号/项目/牵头单位/责任单位/完成时限/1/道路改造工程/县住建局//6月底/2/路灯维修工程//县城管局/9月底",
            "序号/项目/牵头单位/责任单位/完成时限/1/道路改造工程/县住建局/E/6月底/2/路灯维修工程/E/县城管局/9月底",
            id="one-blank-line-a-merged-cell",
        ),
        pytest.param(
            "序号/项目/牵头单位/完成时限/1/道路改造工程/县住建局/6月底//2/路灯维修工程/县城管局/9月底",
            "序号/项目/牵头单位/完成时限/1/道路改造工程/县住建局/6月底/2/路灯维修工程/县城管局/9月底",
            id="blank-lines-between-rows-hold-no-cells",
        ),
        pytest.param(
            "一、工作任务//(一)道路改造。//(二)路灯维修。",
            "一、工作任务/(一)道路改造。/(二)路灯维修。",
            id="no-table-blank-lines-vanish",
        ),
    ],
)
def test_blank_lines_of_a_cell_stream(lines: str, expected: str) -> None:
    """Lines written apart by /, a blank line as //, an empty-cell line as E."""
    marked = keep_empty_cells(lines.split("/"))
    assert marked == [EMPTY_CELL if ln == "E" else ln for ln in expected.split("/")]


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        pytest.param(
            "(注:空白单元格为合并单元格,内容同上)",
            {"牵头单位": "same", "责任单位": "same", "配合单位": "same", "完成时限": "same"},
            id="every-blank-cell-is-merged",
        ),
        pytest.param(
            "注:空白单元格为合并单元格;配合单位栏为空的,不设配合单位。",
            {"牵头单位": "same", "责任单位": "same", "配合单位": "none", "完成时限": "same"},
            id="a-columns-own-clause-wins",
        ),
        pytest.param("注:完成时限栏为空的,表示无。", {"完成时限": "none"}, id="an-empty-deadline-means-none"),
        pytest.param("2020年12月底", {}, id="no-note"),
    ],
)
def test_empty_cell_rules(note: str, expected: dict[str, str]) -> None:
    assert empty_cell_rules([note]) == expected


MERGED_STREAM = """某县2021年为民办实事项目分解表
序号
项目名称
目标任务
牵头单位
责任单位
完成时限
1
农村饮水安全
新建集中供水工程8处
县水务局
各乡镇人民政府
2021年11月底
2
城区道路改造
改造城区道路12条
县住建局

2021年9月底
3
背街小巷整治
整治背街小巷30条

县城管局、县市场监管局
2021年10月底
4
老旧小区改造
改造老旧小区15个
县住建局
县发改局、县财政局

5
社区养老服务
新建社区养老服务站6个
县民政局
县卫健局
2021年12月底
{note}
"""


def _tasks(text: str) -> list[Item]:
    plan = extract(read_bytes(text.encode(), "t.txt").text, default_year=2021, today=date(2026, 1, 1))
    return [t for t in plan.tasks if t.kind == "task"]


def _row(item: Item) -> tuple[list[tuple[str, str]], list[str]]:
    return [(a.name, a.role.value) for a in item.agencies], [d.isoformat() for d in item.deadlines]


MERGED_NOTE = "(注:空白单元格为合并单元格,内容同上)"


@pytest.mark.parametrize(
    ("note", "row", "expected"),
    [
        pytest.param(
            MERGED_NOTE,
            2,
            ([("县住建局", L), ("各乡镇人民政府", R)], ["2021-09-30"]),
            id="a-blank-responsible-cell-repeats-the-row-above",
        ),
        pytest.param(
            MERGED_NOTE,
            3,
            ([("县住建局", L), ("县城管局", R), ("县市场监管局", R)], ["2021-10-31"]),
            id="a-blank-lead-cell-repeats-the-row-above",
        ),
        pytest.param(
            MERGED_NOTE,
            4,
            ([("县住建局", L), ("县发改局", R), ("县财政局", R)], ["2021-10-31"]),
            id="a-blank-deadline-cell-repeats-the-row-above",
        ),
        pytest.param(
            MERGED_NOTE,
            5,
            ([("县民政局", L), ("县卫健局", R)], ["2021-12-31"]),
            id="two-agency-cells-stay-two-columns",
        ),
        pytest.param("", 2, ([("县住建局", L)], ["2021-09-30"]), id="no-note-the-lead-stays-a-lead"),
        pytest.param(
            "注:完成时限栏为空的,表示无。",
            4,
            ([("县住建局", L), ("县发改局", R), ("县财政局", R)], []),
            id="the-note-says-a-blank-deadline-means-none",
        ),
    ],
)
def test_a_stream_table_with_blank_merged_cells(
    note: str, row: int, expected: tuple[list[tuple[str, str]], list[str]]
) -> None:
    assert _row(_tasks(MERGED_STREAM.format(note=note))[row - 1]) == expected
