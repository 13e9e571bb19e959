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
