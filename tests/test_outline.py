"""Numbered items: styles, levels learned per document, sequence checks. Cases from real notices."""

from __future__ import annotations

import pytest

from plantrack.extract.numerals import parse_chinese
from plantrack.extract.outline import build_outline, match_marker, split_run_on


@pytest.mark.parametrize(
    ("line", "style", "value"),
    [
        ("一、大力推动农民工就业创业", "cn_dun", 1),
        ("(二十二)加大农民工工作宣传力度。", "cn_paren", 22),
        ("1.更新完善权责清单并予以公开。", "arabic_dot", 1),
        ("3、积极争取政策", "arabic_dot", 3),
        ("(4)加强应急预案的培训宣传", "arabic_paren", 4),
        ("②完成技工院校招生", "circled", 2),
        ("第三条 各单位要按季度报送进展", "article", 3),
        ("二是严管野外火源。", "shi", 2),
        ("七至八月份:举办少儿阅读夏令营", "month_cn", 7),
        ("11月:完成年度考核", "month", 11),
        ("7月—8月:举办暑期夏令营", "month", 7),
        ("三是:强化督查问责", "shi", 3),
    ],
)
def test_markers(line: str, style: str, value: int) -> None:
    marker = match_marker(line)
    assert marker is not None
    assert (marker.style, marker.value) == (style, value)


@pytest.mark.parametrize(
    "line", ["1.725万人", "2017年8月28日", "12333热线", "(市人社局牵头)", "6月底前完成", "一是否达标"]
)
def test_not_markers(line: str) -> None:
    assert match_marker(line) is None


@pytest.mark.parametrize(
    ("text", "value"), [("一", 1), ("十", 10), ("十二", 12), ("二十二", 22), ("一百零五", 105)]
)
def test_cn_numbers(text: str, value: int) -> None:
    assert parse_chinese(text) == value


def _paths(lines: list[str]) -> list[list[int]]:
    return [item.path for item in build_outline(lines).items]


def test_numbering_continues_across_sections() -> None:
    lines = ["一、就业", "(一)转移就业。", "(二)自主创业。", "二、权益", "(三)工资支付。", "(四)劳动用工。"]
    assert _paths(lines) == [[1], [1, 1], [1, 2], [2], [2, 3], [2, 4]]


def test_numbering_restarts_under_new_parent() -> None:
    lines = ["一、就业", "(一)转移就业。", "(二)自主创业。", "二、权益", "(一)工资支付。"]
    assert _paths(lines) == [[1], [1, 1], [1, 2], [2], [2, 1]]


def test_three_levels_and_continuing_third_level() -> None:
    lines = [
        "一、疫情防控",
        "(一)常态化防控",
        "1、提高站位。",
        "2、卫生整治。",
        "(二)恢复秩序",
        "3、积极争取政策",
    ]
    assert _paths(lines) == [[1], [1, 1], [1, 1, 1], [1, 1, 2], [1, 2], [1, 2, 3]]


def test_false_markers_are_text() -> None:
    lines = ["一、就业", "(一)转移就业。完成目标", "1.725万人的培训任务。", "(二)自主创业。"]
    outline = build_outline(lines)
    assert [i.path for i in outline.items] == [[1], [1, 1], [1, 2]]
    assert outline.items[1].lines[-1] == "1.725万人的培训任务。"


def test_gap_is_accepted_with_warning() -> None:
    outline = build_outline(["一、甲", "(一)乙。", "(三)丙。"])
    assert [i.path for i in outline.items] == [[1], [1, 1], [1, 3]]
    assert "编号不连续" in outline.warnings[0]


def test_big_jump_is_not_an_item() -> None:
    assert _paths(["(一)乙。", "(九)丙。"]) == [[1]]


def test_terminator_ends_item_text() -> None:
    outline = build_outline(["一、甲。", "正文", "附件:名单", "附件正文"], lambda ln: ln.startswith("附件"))
    assert outline.items[0].lines == ["甲。", "正文"]


def test_run_on_line_is_split_before_markers() -> None:
    line = (
        "某县2023年农民工工作要点 一、促进就业 (一)转移就业。新增3000人。(县人社局牵头)(二)返乡创业。扶持创业。"
        * 4
    )
    pieces = split_run_on([line])
    assert "(二)返乡创业。扶持创业。某县2023年农民工工作要点" in pieces
    assert "一、促进就业" in pieces


def test_marker_alone_takes_the_next_line_as_heading() -> None:
    outline = build_outline(["一、", "总体要求", "正文。", "二、", "主要任务", "(一)", "稳定就业。"])
    assert [(i.path, i.lines[0]) for i in outline.items] == [
        ([1], "总体要求"),
        ([2], "主要任务"),
        ([2, 1], "稳定就业。"),
    ]


def test_cover_notice_items_give_way_to_the_plan() -> None:
    lines = [
        "关于印发某县2022年重点任务分工的通知",
        "一、各单位要高度重视。",
        "二、每月25日前报送进展。",
        "附件:某县2022年重点任务分工",
        "一、稳定经济",
        "(一)抓好项目建设。(县发改局负责)",
        "二、改善民生",
    ]
    outline = build_outline(lines, None, lambda ln: ln.startswith("附件"))
    assert [(i.path, i.lines[0]) for i in outline.items] == [
        ([1], "稳定经济"),
        ([1, 1], "抓好项目建设。(县发改局负责)"),
        ([2], "改善民生"),
    ]


def test_without_a_new_part_a_restart_is_text() -> None:
    assert _paths(["一、甲。", "二、乙。", "一、丙。"]) == [[1], [2]]


def test_page_cut_right_after_a_marker() -> None:
    assert _paths(["一、总体要求", "以人民为中心。", "二、"]) == [[1]]
