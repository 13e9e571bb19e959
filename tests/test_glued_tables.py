"""Task tables a page glued into running text, cut into chunks the site numbers itself."""

from __future__ import annotations

from plantrack.extract.glued_tables import unglue_tables
from plantrack.extract.pipeline import extract_text
from plantrack.lang.numbering import TABLE_ROW

GLUED = [
    "某区2024年民生实事项目责任分解表.docx",
    "1、2024年民生实事项目责任分解表序号项目名称主要内容牵头单位配合单位1新建幼儿园新建公办幼儿园3所,"
    "增加学位900个。区教育局各街道2稳定就业新增城镇就业12000人,城镇登记失业率控制在3%以内。区人社",
    "2、局各街道3改造老旧小区完成老旧小区改造15个。区住建局各街道序号项目名称主要内容牵头单位配合单位4建设口袋"
    "公园新建口袋公园6个。区城管局",
    "3、各街道",
]


def test_rows_are_cut_at_their_numbers_not_at_quantities() -> None:
    rows = [ln for ln in unglue_tables(GLUED) if ln.startswith("\u2063")]
    assert [r.split("\u2063")[1] for r in rows] == ["1", "2", "3", "4"]
    assert rows[0] == TABLE_ROW.format(1) + "新建幼儿园新建公办幼儿园3所,增加学位900个。区教育局各街道"
    assert rows[1].endswith("控制在3%以内。区人社局各街道")  # the chunk mark 2、 fell mid-name
    assert rows[3] == TABLE_ROW.format(4) + "建设口袋公园新建口袋公园6个。区城管局各街道"


def test_a_glued_table_gives_one_task_a_row() -> None:
    plan = extract_text("\n".join(GLUED)).plan
    assert [t.path for t in plan.trackable()] == [[1], [2], [3], [4]]
    assert [(x.value, x.unit) for x in plan.tasks[1].targets] == [(12000, "人"), (3, "%")]


def test_text_without_a_glued_header_is_left_alone() -> None:
    lines = ["1、完成新建学校3所。", "2、序号为2的项目年底前完成。"]
    assert unglue_tables(lines) == lines
