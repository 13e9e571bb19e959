"""Items flattened onto one line by a document-sharing site, written here as invented text of the same
shape: (一)(二)(三) glued to the text before them, each item's fields (牵头领导, 责任部门) glued to one
another, the salutation glued to the sentence that names the plan."""

from __future__ import annotations

from datetime import date

from plantrack.extract.pipeline import extract
from plantrack.models import Plan


def _plan(text: str) -> Plan:
    return extract(text, default_year=2021, today=date(2026, 1, 1))


# A bureau's internal plan copied from a sharing site with every line break lost: the (一)(二)(三) items
# glued to the text before them, each item's fields (牵头领导, 责任部门) glued to one another.
GLUED_ONE_LINE_PLAN = (
    "下载后可任意编辑河道环境整治实施方案范文局机关各科室、各站所:为做好____年全县河道环境整治工作,"
    "根据县委县政府的统一部署,结合本局实际,现制定____年县水务局河道环境整治工作实施方案:组织领导成立"
    "河道环境整治工作领导小组,由局长任组长,成员由办公室、工程科、水保站等负责人组成。开展专项整治"
    "(一)河道清淤专项整治河道清淤:对淤积严重的河段开展清淤疏浚,恢复行洪能力。牵头领导:李明副局长"
    "责任部门:工程科、水保站(二)堤防加固专项整治堤防加固:对险工险段开展加固,消除安全隐患。牵头领导:"
    "王强副局长责任部门:建管科、质监站(三)岸线绿化提升岸线绿化:做好沿河两岸植树补绿工作。牵头领导:"
    "赵刚副局长责任部门:河道管理处"
)


def test_items_glued_inline_on_a_one_line_page_are_read_with_their_glued_fields() -> None:
    plan = _plan(GLUED_ONE_LINE_PLAN)
    tasks = [t for t in plan.tasks if t.kind == "task"]
    assert [t.path for t in tasks] == [[1], [2], [3]]
    assert [t.title for t in tasks] == ["河道清淤专项整治", "堤防加固专项整治", "岸线绿化提升"]
    assert [[(a.name, a.role.value) for a in t.agencies] for t in tasks] == [
        [("工程科", "responsible"), ("水保站", "responsible")],
        [("建管科", "responsible"), ("质监站", "responsible")],
        [("河道管理处", "responsible")],
    ]
    assert plan.title == "____年县水务局河道环境整治工作实施方案"


def test_a_clause_cited_by_its_bracketed_numbers_is_not_split_into_items() -> None:
    text = GLUED_ONE_LINE_PLAN.replace(
        "恢复行洪能力。", "恢复行洪能力,违反第(一)项、第(二)项、第(三)项规定的依法处理。"
    )
    tasks = [t for t in _plan(text).tasks if t.kind == "task"]
    assert [(t.path, t.title) for t in tasks] == [
        ([1], "河道清淤专项整治"),
        ([2], "堤防加固专项整治"),
        ([3], "岸线绿化提升"),
    ]
