"""A task table whose header names a name column (项目名称, 任务名称, 工作任务 …) next to a content
column (项目内容, 具体措施): the row's title is its name cell, the content read after it in printed
order, whether the table is one cell a line (with page-break lines inside) or rows joined by bars."""

from __future__ import annotations

from datetime import date

import pytest

from plantrack.extract.pipeline import extract
from plantrack.models import Plan

TITLE = "某区2024年民生实事项目任务分解表"
ROWS = (
    (
        "1",
        "新建中小学校",
        "新建中小学校3所,新增学位2400个。",
        "区教育局",
        "区财政局、区住建局",
        "2024年8月底前",
    ),
    ("2", "提升老年人助餐服务", "新建社区老年食堂12个。", "区民政局", "各街道办事处", "2024年6月"),
    ("3", "稳定城镇就业", "城镇新增就业8000人以上。", "区人社局", "各街道办事处", "2024年12月底前"),
)
EXPECTED = [
    ([1], "新建中小学校", [("区教育局", "lead"), ("区财政局", "responsible"), ("区住建局", "responsible")]),
    ([2], "提升老年人助餐服务", [("区民政局", "lead"), ("各街道办事处", "responsible")]),
    ([3], "稳定城镇就业", [("区人社局", "lead"), ("各街道办事处", "responsible")]),
]


def _stream(name: str, content: str) -> str:
    lines = [TITLE, "序号", name, content, "牵头单位", "责任单位", "完成时限"]
    for k, row in enumerate(ROWS):
        lines.extend(row)
        if k == 1:
            lines.append("第 1 页 共 2 页")  # a page break inside the table
    return "\n".join(lines) + "\n"


def _pipes(name: str, content: str) -> str:
    lines = [TITLE, f"序号 | {name} | {content} | 牵头单位 | 责任单位 | 完成时限"]
    lines.extend(" | ".join(row) for row in ROWS)
    return "\n".join(lines) + "\n"


def _read(text: str) -> list[tuple[list[int], str, list[tuple[str, str]]]]:
    plan: Plan = extract(text, default_year=2024, today=date(2026, 1, 1))
    return [(t.path, t.title, [(a.name, a.role.value) for a in t.agencies]) for t in plan.tasks]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(_stream("项目名称", "项目内容"), id="stream-项目名称-项目内容"),
        pytest.param(_stream("任务名称", "工作内容"), id="stream-任务名称-工作内容"),
        pytest.param(_stream("工作任务", "具体措施"), id="stream-工作任务-具体措施"),
        pytest.param(_stream("重点任务", "主要内容"), id="stream-重点任务-主要内容"),
        pytest.param(_pipes("项目名称", "建设内容"), id="pipes-项目名称-建设内容"),
        pytest.param(_pipes("事项名称", "具体措施"), id="pipes-事项名称-具体措施"),
        pytest.param(_pipes("任务", "具体措施"), id="pipes-任务-具体措施"),
        pytest.param(_pipes("工作要点", "具体措施"), id="pipes-工作要点-具体措施"),
        pytest.param(_pipes("目标任务", "工作措施"), id="pipes-目标任务-工作措施"),
    ],
)
def test_the_title_is_the_name_cell(text: str) -> None:
    assert _read(text) == EXPECTED


def test_the_content_cell_stays_in_the_task_text() -> None:
    plan = extract(_stream("项目名称", "项目内容"), default_year=2024, today=date(2026, 1, 1))
    first = plan.tasks[0]
    assert "新增学位2400个" in first.text
    assert [(t.value, t.unit) for t in first.targets] == [(3, "所"), (2400, "个")]


def test_a_row_with_a_merged_lead_cell_keeps_its_name_and_content_in_place() -> None:
    lines = [TITLE, "序号", "项目名称", "项目内容", "牵头单位", "责任单位", "完成时限"]
    lines += [*ROWS[0], "2", "提升老年人助餐服务", "新建社区老年食堂12个。", "各街道办事处", "2024年6月"]
    plan = extract("\n".join(lines) + "\n", default_year=2024, today=date(2026, 1, 1))
    second = plan.tasks[1]
    assert second.title == "提升老年人助餐服务"
    assert "新建社区老年食堂12个" in second.text
    assert [d.isoformat() for d in second.deadlines] == ["2024-06-30"]
