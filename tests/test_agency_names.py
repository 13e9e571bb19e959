"""Agencies by any name: the abbreviation table, comparison keys, and resolving what users type."""

from __future__ import annotations

import ast
import inspect

import pytest

from plantrack.errors import UsageError
from plantrack.lang import agency_abbrev
from plantrack.lang.agency_abbrev import ABBREVIATIONS, LEVEL_PREFIXES
from plantrack.tracking.agencies import AgencyIndex, agency_key, is_collective


def _table_rows() -> list[tuple[str, str]]:
    """The ABBREVIATIONS literal as written (a dict would silently keep only the last duplicate)."""
    tree = ast.parse(inspect.getsource(agency_abbrev))
    for node in ast.walk(tree):
        if isinstance(node, ast.AnnAssign) and getattr(node.target, "id", "") == "ABBREVIATIONS":
            assert isinstance(node.value, ast.Dict)
            return [
                (ast.literal_eval(k), ast.literal_eval(v))
                for k, v in zip(node.value.keys, node.value.values, strict=True)
            ]  # type: ignore[arg-type]
    raise AssertionError("ABBREVIATIONS not found")


def test_no_abbreviation_maps_to_two_agencies() -> None:
    seen: dict[str, str] = {}
    for short, full in _table_rows():
        assert seen.setdefault(short, full) == full, f"{short} -> {seen[short]} and {full}"


def test_table_rows_are_clean() -> None:
    for short, full in ABBREVIATIONS.items():
        assert short and full and " " not in short + full
        assert agency_key(short) == agency_key(full), short
        assert ABBREVIATIONS.get(full, full) == full, f"{full} is itself abbreviated differently"
    assert LEVEL_PREFIXES[0] == "自治区"  # longest first


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("市人社局", "人社局"),
        ("市人社局", "市人力资源和社会保障局"),
        ("人力资源社会保障局", "人力资源和社会保障局"),
        ("市发改委", "发展和改革委员会"),
        ("市卫计委", "市卫生和计划生育委员会"),
        ("市卫健委", "卫生健康委员会"),
        ("市市场和质量监督管理局", "市场和质量监督管理局"),
        ("市场监管局", "市市场监督管理局"),
        ("市住建局", "住房和城乡建设局"),
        ("市交通局", "市交通运输局"),
        ("市国土局", "国土资源局"),
        ("市安监局", "安全生产监督管理局"),
        ("县医保局", "医疗保障局"),
        ("省应急厅".replace("厅", "局"), "应急管理局"),
        ("市妇联", "妇女联合会"),
        ("市监局", "市市场监督管理局"),
        ("市总工会", "总工会"),
        ("市委农工部", "农工部"),
        ("（市）人社局".replace("（市）", "市"), "人社局"),
        (" 市 人社局 ", "人社局"),
    ],
)
def test_same_agency(a: str, b: str) -> None:
    assert agency_key(a) == agency_key(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("市人社局", "市民政局"),
        ("市卫计委", "市卫健委"),  # predecessor and successor stay apart
        ("市国土局", "市自然资源局"),
        ("市场监督管理局", "场监督管理局"),
        ("市发改委", "市工信委"),
    ],
)
def test_different_agencies(a: str, b: str) -> None:
    assert agency_key(a) != agency_key(b)


@pytest.mark.parametrize(
    ("name", "collective"),
    [
        ("各成员单位", True),
        ("市农民工工作领导小组各成员单位", True),
        ("各县(市、区)人民政府", True),
        ("市人社局", False),
    ],
)
def test_collectives(name: str, collective: bool) -> None:
    assert is_collective(name) == collective


NAMES = [
    "市人社局",
    "市发改委",
    "市安监局",
    "市卫计委",
    "市市场和质量监督管理局",
    "团市委",
    "市妇联",
    "各成员单位",
]


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("人社局", "市人社局"),
        ("市人力资源和社会保障局", "市人社局"),
        ("吉安市人社局", "市人社局"),
        ("人社", "市人社局"),
        ("卫生和计划生育委员会", "市卫计委"),
        ("市场和质量", "市市场和质量监督管理局"),
        ("妇联", "市妇联"),
        ("共青团市委", "团市委"),
    ],
)
def test_resolve(typed: str, found: str) -> None:
    index = AgencyIndex(NAMES)
    assert index.display(index.resolve(typed)) == found


def test_ambiguous_name_lists_candidates() -> None:
    with pytest.raises(UsageError) as err:
        AgencyIndex(NAMES).resolve("监")
    assert err.value.message == "单位“监”不明确，可能是：市安监局、市市场和质量监督管理局。"
    assert err.value.hint == "请写出更完整的单位名称。"


def test_unknown_name_suggests_the_closest() -> None:
    with pytest.raises(UsageError) as err:
        AgencyIndex(NAMES).resolve("市人事局")
    assert err.value.message == "没有找到单位“市人事局”。"
    assert err.value.hint is not None and err.value.hint.startswith("最接近的是：市人社局")


def test_collectives_are_not_agencies() -> None:
    with pytest.raises(UsageError):
        AgencyIndex(NAMES).resolve("成员单位")


def test_workspace_additions() -> None:
    index = AgencyIndex(["市就业局"], {"就业中心": "市就业局"})
    assert index.display(index.resolve("就业中心")) == "市就业局"
    assert agency_key("县就业中心", index.table) == agency_key("市就业局")
