"""Attribution by registered finders: one case table per way a notice attaches agencies to items.

Every notice here is invented, in the shape of real ones. Each case names the task (its path) and
the agencies it must get; `finders` says which registered finder must have given them.
"""

from __future__ import annotations

import pytest
import yaml

from plantrack.extract import attribution
from plantrack.extract.pipeline import Extraction, extract_text
from plantrack.lang.finder_labels import FINDER_LABELS
from plantrack.planfile import dump_plan

L, R, S = "lead", "responsible", "support"
HEAD = "某市2024年重点工作任务分工方案\n"


def _task(text: str, path: list[int]) -> tuple[list[tuple[str, str]], set[str]]:
    ex = extract_text(HEAD + text)
    item = next(t for t in ex.plan.tasks if t.path == path)
    finders = next({f.finder for f in found} for it, found in ex.explained if it is item)
    return [(a.name, a.role.value) for a in item.agencies], finders


def _check(text: str, path: list[int], expected: list[tuple[str, str]], finder: str) -> None:
    agencies, finders = _task(text, path)
    assert agencies == expected
    assert finder in finders


SEVERAL_CLAUSES = [
    pytest.param(
        "一、深化改革\n（一）推进审批改革。全面推行承诺制（市发改委负责）；完善资金保障机制（市财政局负责落实）。",
        [1, 1],
        [("市发改委", R), ("市财政局", R)],
        id="two-brackets-two-clauses",
    ),
    pytest.param(
        "一、稳定就业\n1.开展招聘活动20场（市人社局牵头）。落实创业补贴（市财政局、市人社局按职责分工负责）。",
        [1, 1],
        [("市人社局", L), ("市财政局", R), ("市人社局", R)],
        id="lead-in-one-bracket-responsible-in-another",
    ),
    pytest.param(
        "一、深化改革\n（一）推进审批改革。推行承诺制（市发改委负责），完善资金机制（市财政局负责）。",
        [1, 1],
        [("市发改委", R), ("市财政局", R)],
        id="bracket-before-a-comma",
    ),
]


@pytest.mark.parametrize(("text", "path", "expected"), SEVERAL_CLAUSES)
def test_every_bracket_of_an_item_is_kept(
    text: str, path: list[int], expected: list[tuple[str, str]]
) -> None:
    _check(text, path, expected, "bracket")


GLUED_VERBS = [
    pytest.param(
        "一、安全生产\n（一）开展隐患排查。县应急管理局牵头，县消防救援大队配合，全面排查重点场所。",
        [1, 1],
        [("县应急管理局", L), ("县消防救援大队", S)],
        id="lead-then-support-after-comma",
    ),
    pytest.param(
        "一、安全生产\n（一）整治燃气隐患。县住建局负责，县市场监管局、县应急管理局配合，年底前完成。",
        [1, 1],
        [("县住建局", R), ("县市场监管局", S), ("县应急管理局", S)],
        id="responsible-then-two-supporters",
    ),
    pytest.param(
        "一、安全生产\n（一）开展隐患排查。县应急管理局牵头、县消防救援大队配合，各乡镇落实。",
        [1, 1],
        [("县应急管理局", L), ("县消防救援大队", S), ("各乡镇", R)],
        id="three-clauses-one-with-a-comma-of-names",
    ),
]


GLUED_IN_BRACKETS = [
    pytest.param(
        "一、安全生产\n（一）开展隐患排查。（县应急管理局牵头县消防救援大队配合）",
        [1, 1],
        [("县应急管理局", L), ("县消防救援大队", S)],
        "bracket",
        id="no-comma-between-clauses",
    ),
    pytest.param(
        "一、整治步骤\n（一）集中整治。由县创卫办、县城管局及相关乡镇联合采取集中整治。",
        [1, 1],
        [("县创卫办", R), ("县城管局", R), ("相关乡镇", R)],
        "by_verb",
        id="by-x-jointly",
    ),
]


@pytest.mark.parametrize(("text", "path", "expected", "finder"), GLUED_IN_BRACKETS)
def test_glued_clauses_and_joint_work(
    text: str, path: list[int], expected: list[tuple[str, str]], finder: str
) -> None:
    _check(text, path, expected, finder)


@pytest.mark.parametrize(("text", "path", "expected"), GLUED_VERBS)
def test_role_verb_glued_to_the_name(text: str, path: list[int], expected: list[tuple[str, str]]) -> None:
    _check(text, path, expected, "opening")


def test_an_actor_clause_after_the_work() -> None:
    text = "一、营商环境\n1.推进审批改革，市政务服务局牵头，市发改委、市司法局配合。\n"
    _check(text, [1, 1], [("市政务服务局", L), ("市发改委", S), ("市司法局", S)], "clause")


PREFIXES = [
    pytest.param(
        "（市发改委、市场监管局负责）", [("市发改委", R), ("市市场监管局", R)], id="shichang-is-bare"
    ),
    pytest.param(
        "（市发改委、市工信局负责，市发改委为牵头单位）",
        [("市发改委", L), ("市工信局", R)],
        id="a-name-given-twice-has-one-role",
    ),
    pytest.param(
        "（市委宣传部、组织部、市人社局、财政局负责）",
        [("市委宣传部", R), ("市委组织部", R), ("市人社局", R), ("市财政局", R)],
        id="a-party-department-takes-the-party-prefix",
    ),
    pytest.param(
        "（教育局、市财政局负责）", [("教育局", R), ("市财政局", R)], id="only-names-after-the-prefixed-one"
    ),
    pytest.param(
        "（市发改委、市市场监管局负责）", [("市发改委", R), ("市市场监管局", R)], id="never-doubled"
    ),
    pytest.param(
        "（市发改委牵头，市政府办公室、市政务服务中心配合）",
        [("市发改委", L), ("市政府办公室", S), ("市政务服务中心", S)],
        id="shizhengfu-has-its-prefix",
    ),
    pytest.param(
        "（区民政局牵头，财政局、消防救援大队、自然资源和规划局配合）",
        [("区民政局", L), ("区财政局", S), ("区消防救援大队", S), ("区自然资源和规划局", S)],
        id="bare-departments-by-shape",
    ),
    pytest.param(
        "（市发改委牵头，国网宁波供电公司、市城管局配合）",
        [("市发改委", L), ("国网宁波供电公司", S), ("市城管局", S)],
        id="a-company-keeps-its-own-name",
    ),
    pytest.param(
        "（市住建局牵头，高新区管委会、城乡建设局配合）",
        [("市住建局", L), ("高新区管委会", S), ("市城乡建设局", S)],
        id="a-place-of-its-own",
    ),
]


@pytest.mark.parametrize(("bracket", "expected"), PREFIXES)
def test_level_prefix_restored_by_shape(bracket: str, expected: list[tuple[str, str]]) -> None:
    _check("一、重点任务\n（一）完善监管机制。" + bracket, [1, 1], expected, "bracket")


INTERNAL_UNITS = [
    pytest.param("（法规科负责）", [("法规科", R)], id="one-section"),
    pytest.param("（人事科牵头，各科室配合）", [("人事科", L), ("各科室", S)], id="section-and-all-sections"),
    pytest.param(
        "（办公室、局属各单位负责）", [("办公室", R), ("局属各单位", R)], id="office-and-subordinates"
    ),
]


@pytest.mark.parametrize(("bracket", "expected"), INTERNAL_UNITS)
def test_internal_units_of_a_department_plan(bracket: str, expected: list[tuple[str, str]]) -> None:
    text = "一、提升统计数据质量\n（一）规范统计执法检查。" + bracket
    agencies, _ = _task(text.replace(HEAD, ""), [1, 1])
    assert agencies == expected


HEADING_SCOPE = "一、优化服务\n（一）由区创建办牵头\n1.开展入户宣传。\n2.组织志愿服务活动。（区文明办负责）\n"


@pytest.mark.parametrize(
    ("path", "expected", "finder"),
    [
        pytest.param([1, 1, 1], [("区创建办", L)], "heading_scope", id="takes-the-heading"),
        pytest.param([1, 1, 2], [("区文明办", R)], "bracket", id="own-names-win"),
    ],
)
def test_heading_agency_applies_below(path: list[int], expected: list[tuple[str, str]], finder: str) -> None:
    _check(HEADING_SCOPE, path, expected, finder)


SECTION_LEAD = (
    "一、做强实体经济（牵头单位：区经信局）\n"
    "（一）培育专精特新企业，新增省级专精特新企业12家。\n责任单位：区科技局、各街道办事处\n"
    "（二）推进技术改造，实施技改项目30个。\n责任单位：区发改局\n"
    "二、补齐民生短板（牵头单位：区卫健局，区医保局协助）\n"
    "（三）新建社区卫生服务站4个。\n责任单位：区住建局\n"
    "（四）推进医共体建设。\n牵头单位：区人民医院；责任单位：各镇卫生院\n"
)


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        pytest.param(
            [1, 1],
            [("区科技局", R), ("各街道办事处", R), ("区经信局", L)],
            id="a-level-1-headings-lead-joins-the-responsible-units",
        ),
        pytest.param([1, 2], [("区发改局", R), ("区经信局", L)], id="every-item-of-the-section"),
        pytest.param(
            [2, 3],
            [("区住建局", R), ("区卫健局", L), ("区医保局", S)],
            id="with-the-unit-that-assists-the-lead",
        ),
        pytest.param(
            [2, 4], [("区人民医院", L), ("各镇卫生院", R)], id="an-item-naming-its-own-lead-keeps-it"
        ),
    ],
)
def test_a_sections_lead_joins_the_items_own_units(path: list[int], expected: list[tuple[str, str]]) -> None:
    agencies, finders = _task(SECTION_LEAD, path)
    assert agencies == expected
    assert ("heading_scope" in finders) == (path != [2, 4])


def test_a_lead_bracket_with_a_colon_is_not_the_sections_title() -> None:
    ex = extract_text(HEAD + SECTION_LEAD)
    assert [t.title for t in ex.plan.tasks if len(t.path) == 1] == ["做强实体经济", "补齐民生短板"]


CARRY = [
    pytest.param(
        "一、重点任务\n1.开展宣传。（区委宣传部牵头，各镇街配合，以下各项不再列出配合单位）\n2.组织培训。（区人社局牵头）\n",
        [1, 2],
        [("区人社局", L), ("各镇街", S)],
        id="supporters-not-listed-again",
    ),
    pytest.param(
        "一、重点任务\n1.深化网上办。（牵头单位:市行政审批服务局;责任单位:各区政府。以下任务均需各区政府、开发区管委落实，不再一一列出）\n2.优化掌上办。（市大数据局牵头）\n",
        [1, 2],
        [("市大数据局", L), ("各区政府", R), ("开发区管委", R)],
        id="named-in-the-carry-sentence",
    ),
    pytest.param(
        "一、重点任务\n1.开展宣传。（市委宣传部牵头，各县区政府配合，下同）\n2.组织培训。（市人社局牵头）\n3.建立考核制度。\n",
        [1, 3],
        [("各县区政府", S)],
        id="xiatong-alone",
    ),
]


@pytest.mark.parametrize(("text", "path", "expected"), CARRY)
def test_carry_forward_sentences(text: str, path: list[int], expected: list[tuple[str, str]]) -> None:
    _check(text, path, expected, "carry_forward")


def test_carried_agencies_stay_out_of_the_carry_bracket() -> None:
    agencies, _ = _task(CARRY[1].values[0], [1, 1])  # type: ignore[index]
    assert ("市行政审批服务局", L) in agencies
    assert not any("以下" in name or "列出" in name for name, _ in agencies)


def test_carried_agencies_do_not_make_requirements_tasks() -> None:
    text = "一、重点任务\n1.开展宣传。（区委宣传部牵头，各镇街配合，下同）\n二、保障措施\n（一）加强组织领导。\n（二）强化督查考核。\n"
    ex = extract_text(HEAD + text)
    assert [t.path for t in ex.plan.trackable()] == [[1, 1]]


TABLE = (
    "一、民生实事\n序号 | 工作任务 | 牵头单位 | 配合单位 | 完成时限\n"
    "1 | 建设社区食堂10个 | 区民政局 | 各街道 | 6月底前\n"
    "2 | 新增养老床位200张 |  |  | 年底前\n"
    "3 | 新增停车泊位500个 |  | 区公安分局 | 年底前\n"
)


@pytest.mark.parametrize(
    ("path", "expected", "finder"),
    [
        pytest.param([1, 1], [("区民政局", L), ("各街道", S)], "table_column", id="its-own-cells"),
        pytest.param([1, 2], [("区民政局", L), ("各街道", S)], "table_above", id="merged-cells-above"),
        pytest.param([1, 3], [("区公安分局", S), ("区民政局", L)], "table_above", id="merged-lead-cell"),
    ],
)
def test_table_rows_with_merged_agency_cells(
    path: list[int], expected: list[tuple[str, str]], finder: str
) -> None:
    _check(TABLE, path, expected, finder)


DIVISION = (
    "一、各单位职责\n（一）市民政局。负责完善社会救助制度，做好困难群众帮扶。\n"
    "（二）市财政局\n1.负责保障各项工作经费。\n2.配合市民政局做好资金监管。\n"
)


@pytest.mark.parametrize(
    ("path", "expected", "finder"),
    [
        pytest.param([1, 1], [("市民政局", L)], "division_unit", id="unit-heading-with-its-work"),
        pytest.param([1, 2, 1], [("市财政局", L)], "division_scope", id="sub-item-it-leads"),
        pytest.param(
            [1, 2, 2], [("市财政局", S), ("市民政局", L)], "division_scope", id="sub-item-it-supports"
        ),
    ],
)
def test_division_by_unit(path: list[int], expected: list[tuple[str, str]], finder: str) -> None:
    _check(DIVISION, path, expected, finder)


def test_a_heading_that_is_not_a_unit_gives_no_agency() -> None:
    agencies, _ = _task("一、健全工作机构\n（一）成立领导小组。明确职责分工。\n", [1, 1])
    assert agencies == []


def test_every_finder_has_a_chinese_label() -> None:
    names = {f.name for f in attribution.FINDERS} | {
        "by_together",
        "by_verb",
        "opening",
        "clause",
        "attribution_sentence",
    }
    assert names - {"sentence"} <= set(FINDER_LABELS)


def test_provenance_is_not_written_into_the_plan() -> None:
    ex: Extraction = extract_text(HEAD + HEADING_SCOPE)
    data = yaml.safe_load(dump_plan(ex.plan))
    entries = [a for t in data["tasks"] for a in t.get("agencies") or []]
    assert entries and all(set(a) == {"name", "role"} for a in entries)


LABELS = [
    pytest.param(
        "【牵头单位】市商务局【配合单位】市财政局、市人社局",
        [("市商务局", L), ("市财政局", S), ("市人社局", S)],
        id="labels-in-lenticular-brackets",
    ),
    pytest.param("[牵头单位]市商务局", [("市商务局", L)], id="label-in-square-brackets"),
    pytest.param(
        "\n责任单位及责任人：市商务局（张三）、市财政局（李四）",
        [("市商务局", R), ("市财政局", R)],
        id="label-with-the-persons-in-charge",
    ),
    pytest.param(
        "（牵头单位：高新区（东湖街道）；配合单位：社区服务中心（站））",
        [("高新区(东湖街道)", L), ("社区服务中心(站)", S)],
        id="a-place-or-organ-in-brackets-stays",
    ),
    pytest.param(
        "（责任单位：市发改委，市财政局配合）", [("市发改委", R), ("市财政局", S)], id="label-then-a-verb"
    ),
    pytest.param("\n牵头科室：人事科\n配合科室：各科室", [("人事科", L), ("各科室", S)], id="section-labels"),
    pytest.param(
        "（市发改委为牵头单位，市财政局为配合单位）", [("市发改委", L), ("市财政局", S)], id="name-is-a-label"
    ),
    pytest.param("（牵头：市民政局；配合：各街道）", [("市民政局", L), ("各街道", S)], id="short-labels"),
    pytest.param(
        "（责任单位：市发改委（牵头）、市财政局（配合）、各县区）",
        [("市发改委", L), ("市财政局", S), ("各县区", R)],
        id="role-marks-after-names",
    ),
    pytest.param(
        "（市发改委牵头，各县区具体负责）", [("市发改委", L), ("各县区", R)], id="qualifier-before-verb"
    ),
]


@pytest.mark.parametrize(("label", "expected"), LABELS)
def test_labelled_attributions(label: str, expected: list[tuple[str, str]]) -> None:
    agencies, _ = _task("一、重点任务\n（一）开展隐患排查。" + label, [1, 1])
    assert agencies == expected


HEADING_CARRY = (
    "一、城乡建设（县住建局牵头抓总，下同）\n1.改造老旧小区20个，县城管局负责。\n2.新建污水管网6公里，县水利局负责。\n"
    "二、社会事业\n1.新增学位800个，县教育局负责。\n"
)


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        pytest.param([1, 1], [("县城管局", R), ("县住建局", L)], id="carried-to-the-items-under-it"),
        pytest.param([1, 2], [("县水利局", R), ("县住建局", L)], id="carried-to-each-item-under-it"),
        pytest.param([2, 1], [("县教育局", R)], id="not-past-its-section"),
    ],
)
def test_a_carry_on_a_heading_holds_for_its_items(path: list[int], expected: list[tuple[str, str]]) -> None:
    assert _task(HEADING_CARRY, path)[0] == expected


def test_a_host_and_partner_column_give_lead_and_support() -> None:
    text = (
        "序号 | 工作任务 | 主办单位 | 协办单位 | 完成时限\n"
        "1 | 建成县级政务数据共享平台 | 县大数据中心 | 县财政局、县公安局 | 2024年11月底\n"
    )
    assert _task(text, [1])[0] == [("县大数据中心", L), ("县财政局", S), ("县公安局", S)]


def test_a_carry_sentence_in_running_text() -> None:
    text = "一、重点任务\n以下各项任务均需各县区政府落实，不再一一列出。\n（一）开展宣传。（市委宣传部牵头）\n（二）组织培训。\n"
    _check(text, [1, 2], [("各县区政府", R)], "carry_forward")


STREAM_TABLE = (
    "序号\n工作任务\n牵头单位\n配合单位\n完成时限\n"
    "1\n建设社区食堂10个\n区民政局\n各街道\n6月底前\n"
    "2\n新增养老床位200张\n年底前\n"
    "3\n改造老旧小区5个\n区住建局\n各街道\n年底前\n"
)


def test_a_cell_stream_row_with_merged_agency_cells() -> None:
    ex = extract_text(HEAD + STREAM_TABLE)
    rows = {tuple(t.path): t for t in ex.plan.tasks}
    assert [(a.name, a.role.value) for a in rows[(2,)].agencies] == [("区民政局", L), ("各街道", S)]
    assert [d.isoformat() for d in rows[(2,)].deadlines] == ["2024-12-31"]
    assert [(a.name, a.role.value) for a in rows[(3,)].agencies] == [("区住建局", L), ("各街道", S)]


FIRST_LEAD = [
    pytest.param(
        "一、重点任务\n（一）推进审批改革。全面推行承诺制。\n责任单位：市发改委、市财政局（排在第一位的为牵头单位，下同）\n"
        "（二）完善资金机制。\n责任单位：市财政局\n",
        {(1, 1): [("市发改委", L), ("市财政局", R)], (1, 2): [("市财政局", L)]},
        id="first-listed-leads-in-a-label-line",
    ),
    pytest.param(
        "一、深化改革\n（一）推进改革。推进国企改革（市国资委牵头）。鼓励民营企业参与（市工信局、市发改委负责。"
        "责任单位有两个以上的，排第一的为牵头单位，下同）。\n"
        "（二）优化服务。落实减税政策（市税务局负责）。扩大开放（市商务局、市发改委负责）。\n",
        {
            (1, 1): [("市国资委", L), ("市工信局", L), ("市发改委", R)],
            (1, 2): [("市税务局", R), ("市商务局", L), ("市发改委", R)],
        },
        id="two-or-more-first-leads-in-brackets",
    ),
    pytest.param(
        "一、重点任务\n（一）开展宣传。（市委宣传部、市文明办负责）\n（二）组织培训。（市人社局、市财政局负责，列在首位的为牵头单位）\n",
        {(1, 1): [("市委宣传部", R), ("市文明办", R)], (1, 2): [("市人社局", L), ("市财政局", R)]},
        id="never-before-the-rule",
    ),
    pytest.param(
        "为抓好落实，现将任务分解如下（排在第一位的为牵头单位，其他为配合单位）。\n一、重点任务\n"
        "（一）开展宣传。（市委宣传部、市文明办、各县区负责）\n（二）组织培训。\n责任单位：市人社局\n",
        {(1, 1): [("市委宣传部", L), ("市文明办", S), ("各县区", S)], (1, 2): [("市人社局", L)]},
        id="stated-in-the-preamble-with-the-others-supporting",
    ),
    pytest.param(
        "一、重点任务\n（一）开展宣传。（市委宣传部牵头，市文明办负责）\n",
        {(1, 1): [("市委宣传部", L), ("市文明办", R)]},
        id="no-rule-no-change",
    ),
    pytest.param(
        "序号\n责任单位\n工作任务\n完成时限\n1\n市住建局、市城管局\n改造老旧小区30个\n2024年10月\n"
        "2\n市民政局\n建设社区食堂12个\n2024年底\n注：责任单位中排在第一位的为牵头单位。\n",
        {(1,): [("市住建局", L), ("市城管局", R)], (2,): [("市民政局", L)]},
        id="stated-in-a-note-under-a-cell-stream-table",
    ),
    pytest.param(
        "序号 | 工作任务 | 责任单位 | 完成时限\n1 | 改造老旧小区30个 | 市住建局、市城管局 | 2024年10月\n"
        "2 | 建设社区食堂12个 | 市民政局、各区政府 | 2024年底\n（注：排在第一位的为牵头单位）\n",
        {(1,): [("市住建局", L), ("市城管局", R)], (2,): [("市民政局", L), ("各区政府", R)]},
        id="stated-in-a-note-under-a-row-table",
    ),
]


@pytest.mark.parametrize(("text", "expected"), FIRST_LEAD)
def test_first_listed_unit_leads_when_the_notice_says_so(
    text: str, expected: dict[tuple[int, ...], list[tuple[str, str]]]
) -> None:
    for path, agencies in expected.items():
        assert _task(text, list(path))[0] == agencies


NOT_AGENCIES = [
    pytest.param(
        "一、重点任务\n（一）推进改革。推进国企改革（分管副市长、协管副秘书长负责，市国资委牵头）。\n",
        [("市国资委", L)],
        id="leaders-posts-are-not-agencies",
    ),
    pytest.param(
        "一、重点任务\n（一）推进改革。推进国企改革（市国资委牵头。明确牵头单位的，有关单位配合，不逐一列出，下同）。\n",
        [("市国资委", L)],
        id="a-rule-sentence-is-not-a-name",
    ),
    pytest.param(
        "一、重点任务\n（一）推进改革。推进国企改革（市国资委牵头。明确牵头单位的，有关单位配合，不逐一列出，下同）。\n"
        "（二）优化服务。落实减税政策（市税务局牵头）。\n",
        [("市税务局", L)],
        id="a-rule-sentence-carries-no-name",
    ),
]


NOT_AGENCIES += [
    pytest.param(
        "一、重点任务\n序号 | 重点任务 | 牵头单位 | 配合单位\n1 | 改善空气质量 | 浓度下降 | 各区政府\n",
        [("各区政府", S)],
        id="a-cell-word-that-is-no-organisation",
    ),
    pytest.param(
        "一、重点任务\n（一）开展惠民活动。（牵头单位：高新园（东湖镇）；配合单位：文旅公司）\n",
        [("高新园(东湖镇)", L), ("文旅公司", S)],
        id="a-park-with-its-town-in-brackets-is-one",
    ),
]


@pytest.mark.parametrize(("text", "expected"), NOT_AGENCIES)
def test_posts_and_rules_are_not_agencies(text: str, expected: list[tuple[str, str]]) -> None:
    ex = extract_text(HEAD + text)
    last = ex.plan.trackable()[-1]
    assert [(a.name, a.role.value) for a in last.agencies] == expected


def test_a_carry_sentence_naming_units_across_commas() -> None:
    text = (
        "一、重点任务\n（一）加强合同管理。推行电子合同。（责任单位：市人社局等部门，各区政府，经开区、高新区管委会。"
        "以下均需各区政府，经开区、高新区管委会负责落实，不再列出）\n（二）完善实名制。推行实名登记。\n"
    )
    agencies, finders = _task(text, [1, 2])
    assert agencies == [("各区政府", R), ("经开区管委会", R), ("高新区管委会", R)]
    assert "carry_forward" in finders


def test_a_carry_sentence_before_the_first_item() -> None:
    text = "以下各项任务均需各街道落实，不再一一列出。\n一、开展宣传。（区委宣传部牵头）\n二、组织培训。（区人社局牵头）\n"
    agencies, finders = _task(text, [2])
    assert agencies == [("区人社局", L), ("各街道", R)]
    assert "carry_forward" in finders


SENTENCES = [
    pytest.param(
        "一、重点任务\n（一）推进审批改革。推行承诺制。市政务服务局、市发改委负责。\n",
        [("市政务服务局", R), ("市发改委", R)],
        "attribution_sentence",
        id="a-sentence-that-only-assigns",
    ),
    pytest.param(
        "一、重点任务\n（一）推进审批改革。推行承诺制，市政务服务局牵头。优化流程。市发改委、市司法局配合。\n",
        [("市政务服务局", L), ("市发改委", S), ("市司法局", S)],
        "clause",
        id="every-such-sentence",
    ),
    pytest.param(
        "一、工作安排\n（一）集中整治阶段。县城管局、县住建局按职责分工负责，开展环境整治。\n",
        [("县城管局", R), ("县住建局", R)],
        "opening",
        id="opening-names-with-a-qualifier",
    ),
]


@pytest.mark.parametrize(("text", "expected", "finder"), SENTENCES)
def test_sentences_naming_agencies(text: str, expected: list[tuple[str, str]], finder: str) -> None:
    _check(text, [1, 1], expected, finder)


def test_a_pipe_table_without_spaces() -> None:
    text = "一、民生实事\n序号|工作任务|责任单位|完成时限\n1|新建学校3所|市教育局|年底前\n2|新增学位2000个||年底前\n"
    _check(text, [1, 2], [("市教育局", R)], "table_above")
