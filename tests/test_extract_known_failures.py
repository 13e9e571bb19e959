"""Extraction cases still read wrong, one strict xfail each with the reason: a fix is noticed.

Every text is invented in the shape of real notices. Helpers append their own cases here.
"""

from __future__ import annotations

import pytest

from plantrack.extract.pipeline import extract_text

HEAD = "某区2021年重大民生实事项目目标任务责任分解表\n"


def _agencies(text: str, path: list[int]) -> list[tuple[str, str]]:
    plan = extract_text(HEAD + text).plan
    item = next(t for t in plan.tasks if t.path == path)
    return [(a.name, a.role.value) for a in item.agencies]


@pytest.mark.xfail(
    strict=True, reason="a table flattened without separators glues the agency cells to the task text"
)
def test_agency_cells_glued_to_a_flattened_row() -> None:
    text = (
        "序号项目名称主要内容牵头单位配合单位\n"
        "1增加教育资源供给新建学校12个。教育局经开区各街道\n"
        "2促进就业稳定增长城镇新增就业15000人。人社局各街道\n"
    )
    assert _agencies(text, [2]) == [("人社局", "lead"), ("各街道", "support")]


@pytest.mark.xfail(strict=True, reason="a carry sentence in the preamble, before the first item, is not read")
def test_carry_sentence_before_the_first_item() -> None:
    text = "以下各项任务均需各街道落实，不再一一列出。\n一、开展宣传。（区委宣传部牵头）\n二、组织培训。（区人社局牵头）\n"
    assert _agencies(text, [2]) == [("区人社局", "lead"), ("各街道", "responsible")]


@pytest.mark.xfail(
    strict=True, reason="a unit named inside the work of a division-by-unit item is not its partner"
)
def test_partner_named_inside_a_division_item() -> None:
    text = "一、各单位职责\n（一）区财政局\n1.配合区民政局做好资金监管。\n2.负责保障工作经费。\n"
    assert _agencies(text, [1, 1, 1]) == [("区财政局", "support"), ("区民政局", "lead")]
