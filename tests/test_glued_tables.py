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
    assert rows[0] == TABLE_ROW.format(1) + "新建幼儿园新建公办幼儿园3所,增加学位900个。"
    assert rows[1].endswith("控制在3%以内。")
    assert rows[3] == TABLE_ROW.format(4) + "建设口袋公园新建口袋公园6个。"


def test_agency_cells_glued_to_a_row_become_label_lines() -> None:
    lines = unglue_tables(GLUED)
    row2 = lines.index(next(ln for ln in lines if ln.startswith(TABLE_ROW.format(2))))
    assert lines[row2 + 1 : row2 + 3] == ["牵头单位:区人社局", "配合单位:各街道"]  # 2、 fell mid-name


# A header with a person column (分管领导), a row whose second part has its own cells, names by shape.
WITH_LEADERS = [
    "某区2022年为民办实事项目责任分解表.docx",
    "1、2022年为民办实事项目责任分解表序号项目名称主要内容区分管领导牵头单位配合单位1改善出行条件新建公共停车场3个,"
    "新增泊位800个。王建国交通局城投公司各镇街道2提升文化服务建成城市书房5家。李明华文广旅局文化集团"
    "实施老街改造、河道两岸立面整治。张华住建局东城街道西湖街道3优化养老服务为800名老人提供助餐服务。",
    "2、赵敏民政局各镇街道新建养老服务站6家。",
]


def test_glued_cells_after_a_leaders_name() -> None:
    tasks = extract_text("\n".join(WITH_LEADERS)).plan.trackable()
    got = {tuple(t.path): [(a.name, a.role.value) for a in t.agencies] for t in tasks}
    assert got[(1,)] == [("交通局", "lead"), ("城投公司", "support"), ("各镇街道", "support")]
    assert got[(2,)] == [
        ("文广旅局", "lead"),
        ("文化集团", "support"),
        ("住建局", "lead"),
        ("东城街道", "support"),
        ("西湖街道", "support"),
    ]
    assert got[(3,)] == [("民政局", "lead"), ("各镇街道", "support")]
    assert not any("王建国" in t.text or "新建养老服务站" not in t.text for t in tasks[2:])


def test_a_glued_table_gives_one_task_a_row() -> None:
    plan = extract_text("\n".join(GLUED)).plan
    assert [t.path for t in plan.trackable()] == [[1], [2], [3], [4]]
    assert [(x.value, x.unit) for x in plan.tasks[1].targets] == [(12000, "人"), (3, "%")]


def test_text_without_a_glued_header_is_left_alone() -> None:
    lines = ["1、完成新建学校3所。", "2、序号为2的项目年底前完成。"]
    assert unglue_tables(lines) == lines


def test_a_row_the_page_cuts_takes_no_cells_from_the_row_above() -> None:
    lines = [*WITH_LEADERS[:-1], "2、赵敏民政局各镇街道新建养老服务站6家。4建设口袋公园新建口袋公园6个,完成"]
    tasks = extract_text("\n".join(lines)).plan.trackable()
    assert [t.path for t in tasks][-1] == [4]
    assert tasks[-1].agencies == []


def test_a_glued_header_on_its_own_line_with_a_row_a_line() -> None:
    text = (
        "某区2023年民生实事项目分解表\n序号项目名称主要内容牵头单位配合单位\n"
        "1建设口袋公园新建口袋公园4个。区城管局各街道\n2改造老旧小区完成改造12个。区住建局区财政局各街道\n"
    )
    tasks = extract_text(text).plan.trackable()
    assert [[(a.name, a.role.value) for a in t.agencies] for t in tasks] == [
        [("区城管局", "lead"), ("各街道", "support")],
        [("区住建局", "lead"), ("区财政局", "support"), ("各街道", "support")],
    ]
