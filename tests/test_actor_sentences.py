"""Agencies named by a sentence inside an item that opens with them and a role verb (…。市教育局要会同
市财政局完善配套政策 / 市公安局、市消防救援支队协同做好查处工作), by several brackets inside one
sentence, and by a division heading that lists two units; each case an invented item in the shape of
real notices, read through the whole extractor."""

from __future__ import annotations

from datetime import date

import pytest

from plantrack.extract.attribution import find_agencies
from plantrack.extract.pipeline import extract

HEAD = "某市2024年重点工作任务分工方案\n一、重点任务\n"


def _agencies(item: str) -> list[tuple[str, str]]:
    plan = extract(HEAD + item, default_year=2024, today=date(2026, 1, 1))
    task = next(t for t in plan.tasks if t.path == [1, 1])
    return [(a.name, a.role.value) for a in task.agencies]


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        # an agency that is only the subject of a work verb, a date with 于 between: responsible
        (
            "（一）完成农村公路普查。各县（市、区）交通运输局于5月底前完成辖区农村公路普查并报市交通运输局汇总。",
            [("各县(市、区)交通运输局", "responsible")],
        ),
        (
            "（一）开展隐患排查。各乡镇人民政府开展辖区内自建房安全隐患排查。",
            [("各乡镇人民政府", "responsible")],
        ),
        # a stage whose sentence names the office that runs its work (组织验收, 组织召开)
        (
            "（一）检查验收阶段（2024年11月）。县老旧小区改造工作领导小组办公室组织验收。",
            [("县老旧小区改造工作领导小组办公室", "responsible")],
        ),
        (
            "（一）召开推进会。县委组织部组织召开全县基层党建工作推进会。",
            [("县委组织部", "responsible")],
        ),
        # a subject that names nobody in particular is no agency
        ("（一）开展隐患排查。各有关部门完成本系统自建房安全隐患排查。", []),
        # the actor sentence is the third of the item, after the headline and a target
        (
            "（一）推进义务教育优质均衡发展。新建中小学校12所。各县（市、区）政府负责辖区内学校建设用地保障。",
            [("各县(市、区)政府", "responsible")],
        ),
        # 要会同: the host leads, the partners after 会同 support
        (
            "（一）深化集团化办学。每年新组建教育集团10个左右。市教育局要会同市财政局、市人力资源社会保障局"
            "完善教师交流轮岗配套政策。",
            [("市教育局", "lead"), ("市财政局", "support"), ("市人力资源社会保障局", "support")],
        ),
        (
            "（一）促进教育公平。落实随迁子女入学政策。市教育局、市公安局、市民政局、市残联分别负责相关工作。",
            [
                ("市教育局", "responsible"),
                ("市公安局", "responsible"),
                ("市民政局", "responsible"),
                ("市残联", "responsible"),
            ],
        ),
        # two actor sentences: the host with its partners, then helpers of their own
        (
            "（一）餐饮等用户场所。市住建局会同市市场监管局、市商务局对全市餐饮场所进行全面排查。"
            "市公安局、市消防救援支队协同做好违规用气查处工作。",
            [
                ("市住建局", "lead"),
                ("市市场监管局", "support"),
                ("市商务局", "support"),
                ("市公安局", "support"),
                ("市消防救援支队", "support"),
            ],
        ),
        # a bracket names the lead; a sentence of the item adds the units that share the work
        (
            "（一）开展专项整治集中攻坚。6月底前完成阶段任务。市住建局、市水利局分别负责房屋市政工程、"
            "水利工程领域专项整治工作。（责任单位：市安委会办公室）",
            [("市安委会办公室", "responsible"), ("市住建局", "responsible"), ("市水利局", "responsible")],
        ),
        # brackets inside one sentence, each closing a clause before 、
        (
            "（一）推进地下管网更新改造。更新改造燃气管道85公里（市住房城乡建设局牵头）、供水管道60公里"
            "（市水务局牵头）；完成易涝积水点整治12处（市城市管理局牵头，市应急管理局配合）。",
            [
                ("市住房城乡建设局", "lead"),
                ("市水务局", "lead"),
                ("市城市管理局", "lead"),
                ("市应急管理局", "support"),
            ],
        ),
        # groups (工作组, 年级组, 教研组) are agencies too: 组 ends a name as 局 and 处 do
        (
            "（一）开展课堂教学评比。组织青年教师赛课，参赛教师不少于20人，由教务处牵头，各教研组参与。",
            [("教务处", "lead"), ("各教研组", "support")],
        ),
        (
            "（一）加强毕业班管理。六年级组负责，期末学业质量合格率达到98%以上。",
            [("六年级组", "responsible")],
        ),
        (
            "（一）开展安全生产督查。每季度开展一次督查，县安委会督查组负责，各乡镇配合。",
            [("县安委会督查组", "responsible"), ("各乡镇", "support")],
        ),
        # the body whose help the work has (在…的协助下) supports it; a superior guiding it (指导下) does not
        (
            "（一）划分普查区。镇经济普查办公室负责划分普查区，并在村级经济普查小组的协助下划分普查小区。",
            [("镇经济普查办公室", "responsible"), ("村级经济普查小组", "support")],
        ),
        (
            "（一）划分普查区。镇经济普查办公室负责划分普查区，在县统计局的指导下完成普查小区绘图。",
            [("镇经济普查办公室", "responsible")],
        ),
    ],
)
def test_agencies_named_inside_the_item(item: str, expected: list[tuple[str, str]]) -> None:
    assert _agencies(item) == expected


@pytest.mark.parametrize(
    "item",
    [
        # 负责人 is a noun: nobody is assigned
        "（一）加强安全培训。组织各乡镇（街道）、各部门主要负责人参加安全生产专题培训不少于2期。",
        # a headline verb and 共同体: no agency opens the item although 学校 and 共同 are there
        "（一）深化集团化办学和城乡学校共同体建设。每年新组建教育集团10个左右。",
        # a generic word alone names nobody in particular
        "（一）落实课后服务。学校负责制定课后服务方案，每周不少于5天。",
        # 各地 organising the work is nobody in particular
        "（一）检查验收阶段（2024年11月）。各地组织验收，12月底前上报结果。",
    ],
)
def test_sentences_that_name_no_agency(item: str) -> None:
    assert _agencies(item) == []


def test_a_bracket_is_read_once_not_again_as_a_sentence() -> None:
    item = (
        "（一）扩大就业见习规模。全年募集见习岗位100万个以上。（部就业促进司会同财政部社会保障司指导，"
        "各地人力资源社会保障部门会同当地财政部门负责组织实施）"
    )
    names = [name for name, _ in _agencies(item)]
    assert "各地人力资源社会保障部门" in names
    assert names.count("部就业促进司") <= 1


def test_a_division_heading_of_two_units_with_a_qualified_verb() -> None:
    text = (
        "某县2024年禁毒工作任务分工\n一、任务分工\n（一）县教育局。负责学校禁毒宣传教育。\n"
        "（二）团县委、县妇联。分别负责青少年、妇女儿童禁毒宣传教育。\n"
    )
    plan = extract(text, default_year=2024, today=date(2026, 1, 1))
    task = next(t for t in plan.tasks if t.path == [1, 2])
    assert [(a.name, a.role.value) for a in task.agencies] == [("团县委", "lead"), ("县妇联", "lead")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a closing bracket whose verb is followed by the work (分别负责…开发)
        (
            "开发公益性岗位。全年开发城乡公益性岗位2000个以上。(市人社局、市民政局、市农业农村局分别负责城镇"
            "公益性岗位、社区服务类岗位和乡村公益性岗位开发)",
            [("市人社局", "responsible"), ("市民政局", "responsible"), ("市农业农村局", "responsible")],
        ),
        # 本地区 after 分别负责 is the agencies' own area, no agency
        (
            "强化返乡创业支持。新建孵化基地3个。(市人社局会同市财政局负责;各县(市、区)人民政府分别负责本地区具体落实)",
            [("市人社局", "lead"), ("市财政局", "support"), ("各县(市、区)人民政府", "responsible")],
        ),
        # 配合 then the work it does: support, not the bracket's responsible
        (
            "做好病死畜禽无害化处理。全年处理病死猪5万头左右。(县畜牧技术推广站负责,局计财股配合做好资金保障)",
            [("县畜牧技术推广站", "responsible"), ("局计财股", "support")],
        ),
        # partners in the clause after the actor, and in a later clause of the same sentence
        (
            "推进垃圾分类。回收利用率不少于60%。县城管局负责,县财政局、县供销社配合,每月开展一次检查。",
            [("县城管局", "responsible"), ("县财政局", "support"), ("县供销社", "support")],
        ),
        (
            "整治校园周边环境。县教育局、县卫健局分别负责督促学校落实门前“三包”责任,县城管局、县公安局配合"
            "开展联合执法。",
            [
                ("县教育局", "responsible"),
                ("县卫健局", "responsible"),
                ("县城管局", "support"),
                ("县公安局", "support"),
            ],
        ),
        # ,会同Y… after a lead names the lead's partners
        (
            "推进设备更新。实施设备更新项目50个。区经信局牵头,会同区发改局、区财政局组织实施。",
            [("区经信局", "lead"), ("区发改局", "support"), ("区财政局", "support")],
        ),
        # words before 由 are the work's, not the agency's
        (
            "加强质量安全监管。全年检测3200批次。此项工作由市农业农村局牵头,市市场监管局、市供销社配合。",
            [("市农业农村局", "lead"), ("市市场监管局", "support"), ("市供销社", "support")],
        ),
        # 由X会同Y in the second clause of a sentence, the verb after the partners not a 会同 verb
        (
            "打击食品安全犯罪。保持高压态势,由市公安局会同市市场监管局、市农业农村局开展“昆仑”专项行动。",
            [("市公安局", "lead"), ("市市场监管局", "support"), ("市农业农村局", "support")],
        ),
        # a second name of the same office in brackets is no agency of its own
        (
            "净化网络环境。开展专项行动,由县委宣传部(县委网信办)牵头,县公安局、县文旅广体局配合。",
            [("县委宣传部", "lead"), ("县公安局", "support"), ("县文旅广体局", "support")],
        ),
        # an organ whose whole name is its suffix takes the list's level prefix
        (
            "实施卓越工程师培育计划。建设工作站15家。(市工信局、科技局、总工会负责)",
            [("市工信局", "responsible"), ("市科技局", "responsible"), ("市总工会", "responsible")],
        ),
        # the partners' last name runs on to the verb (各成员单位), not cut at its first ending
        (
            "严格落实防汛责任制。由市水利局牵头,会同市防汛抗旱指挥部各成员单位组织实施。",
            [("市水利局", "lead"), ("市防汛抗旱指挥部各成员单位", "support")],
        ),
        # a clause that opens with a work verb names no agency
        ("健全目标责任制。指导各地积极参与当地经济社会发展规划的制定。", None),
        # ,会同Y实施 with no host named: the notice's own office hosts, the partner supports
        (
            "建设农村供水工程。新建集中供水工程8处,会同县水利局实施,10月底前完工。",
            [("县水利局", "support")],
        ),
        # nobody in particular after 会同, and a plain verb after 各项: no agency
        ("建设农村供水工程。新建集中供水工程8处,会同有关部门实施,10月底前完工。", None),
        ("提升服务质效。县政务服务中心负责统筹,各项业务分别落实到人。", [("县政务服务中心", "responsible")]),
        # a bare kind of section is nobody in particular
        ("加强财务管理。股室配合做好票据管理工作。", None),
    ],
)
def test_find_agencies_in_clauses(text: str, expected: list[tuple[str, str]] | None) -> None:
    found = find_agencies(text)
    got = [(a.name, a.role.value) for a in found.agencies] if found is not None else None
    assert (got or None) == expected
