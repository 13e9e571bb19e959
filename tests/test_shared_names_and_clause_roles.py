"""Shapes a blind probe set found read wrong, each a case table of invented text in the same shape:
a level prefix or an organ suffix written once for a list (县农业农村、水利局, 工交、贸易科), roles printed
by the running sentence (按职责分别负责, villages that 配合, 其中…的由X负责), the first-listed-leads rule
and clauses that print their own verbs, two 责任单位 brackets in one item, a page's (接上页) mark, and
targets written with a policy word (新增担保额度) or a scope's count (全县246个行政村全覆盖)."""

from __future__ import annotations

from datetime import date

import pytest

from plantrack.extract.attribution import find_agencies
from plantrack.extract.normalize import is_boilerplate
from plantrack.extract.orgnames import split_names
from plantrack.extract.pipeline import extract, extract_text
from plantrack.extract.targets import find_targets

L, R, S = "lead", "responsible", "support"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "县农业农村、水利局", ["县农业农村局", "县水利局"], id="department-stems-share-the-suffix"
        ),
        pytest.param("县发改、财政、统计局", ["县发改局", "县财政局", "县统计局"], id="three-stems"),
        pytest.param("人事、财务科", ["人事科", "财务科"], id="sections-share-the-suffix"),
        pytest.param(
            "市公安局、法院、检察院", ["市公安局", "市法院", "市检察院"], id="court-takes-the-prefix"
        ),
        pytest.param(
            "区市场监管局、自然资源分局", ["区市场监管局", "区自然资源分局"], id="branch-takes-the-prefix"
        ),
        pytest.param(
            "区住建局、岚溪银保监分局", ["区住建局", "岚溪银保监分局"], id="branch-with-its-own-place"
        ),
        pytest.param(
            "省地方金融监管局、人民银行青川中心支行、青川银保监局",
            ["省地方金融监管局", "人民银行青川中心支行", "青川银保监局"],
            id="regulator-named-by-its-place",
        ),
        pytest.param(
            "市金融办、沙河证监局", ["市金融办", "沙河证监局"], id="securities-regulator-by-its-place"
        ),
        pytest.param(
            "市财政局、银保监局", ["市财政局", "市银保监局"], id="regulator-without-a-place-takes-the-prefix"
        ),
        pytest.param(
            "工业、能源、投资、贸易", ["工业", "能源", "投资", "贸易"], id="plain-words-are-no-names"
        ),
        pytest.param("教育、卫健委", ["教育", "卫健委"], id="no-suffix-after-a-non-core"),
        pytest.param("各社区、城管科", ["各社区", "城管科"], id="a-collective-takes-no-section-suffix"),
        pytest.param(
            "井冈山经开区、庐陵新区管委会",
            ["井冈山经开区管委会", "庐陵新区管委会"],
            id="shared-place-suffix-still",
        ),
    ],
)
def test_a_list_shares_its_prefix_and_suffix(text: str, expected: list[str]) -> None:
    assert split_names(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "改造老旧供水管网。新改造管网80公里。区住建局、区水务局按职责分别负责,区城管局配合做好道路开挖审批。",
            [("区住建局", R), ("区水务局", R), ("区城管局", S)],
            id="two-qualifiers-before-the-verb",
        ),
        pytest.param(
            "治理生活污水。新建管网6公里。镇村建办负责项目实施,镇财政所负责资金拨付,青石村、柳塘村配合做好征地协调。",
            [("镇村建办", R), ("镇财政所", R), ("青石村", S), ("柳塘村", S)],
            id="villages-support",
        ),
        pytest.param(
            "推进政务服务融合。省政务办负责统筹推进,其中,涉及企业登记的由省市场监管局负责,"
            "涉及项目审批的由省发展改革委负责。",
            [("省政务办", R), ("省市场监管局", R), ("省发展改革委", R)],
            id="conditions-before-by",
        ),
        pytest.param(
            "(五)加强督查。县工业园区管委会负责每月通报,自由贸易试验区管委会配合。",
            [("县工业园区管委会", R), ("自由贸易试验区管委会", S)],
            id="no-by-inside-a-name",
        ),
        pytest.param(
            "实施农村危房改造。完成改造180户,县住建局、县财政局分别负责技术指导和资金拨付,各乡(镇)具体实施,"
            "10月底前完成。",
            [("县住建局", R), ("县财政局", R), ("各乡(镇)", R)],
            id="a-collective-in-its-own-clause-after-the-actors",
        ),
        pytest.param(
            "做好秸秆禁烧工作。全县禁烧率达到100%,各乡镇 分别负责 辖区巡查工作,每日报送巡查情况。",
            [("各乡镇", R)],
            id="a-collective-set-off-by-spaces",
        ),
        pytest.param(
            "整治农村人居环境。全年整治村庄30个,县农业农村局负责方案制定,环卫所、各相关村配合。",
            [("县农业农村局", R), ("县环卫所", S), ("各相关村", S)],
            id="a-bare-unit-after-the-actor-takes-its-level",
        ),
    ],
)
def test_roles_printed_by_the_running_sentence(text: str, expected: list[tuple[str, str]]) -> None:
    found = find_agencies(text)
    assert found is not None
    assert sorted((a.name, a.role.value) for a in found.agencies) == sorted(expected)


@pytest.mark.parametrize(
    "text",
    [
        "开展示范创建。示范村配合做好人居环境整治。",
        "推进乡村建设。美丽乡村负责示范带动。",
    ],
)
def test_a_kind_of_village_is_no_agency(text: str) -> None:
    found = find_agencies(text)
    assert found is None or not found.agencies


OWN_UNITS = """柳溪街道2025年城市管理工作要点
一、市容整治
（一）整治占道经营。全年整治占道经营点位40处，由街道城建办牵头，城管中队、各社区参与。
（二）规范户外广告。拆除违规广告牌60块，街道城管中队负责。
（三）开展消防检查。检查沿街门店300家，街道安监站牵头，消防中队配合。
"""


def test_a_bare_unit_takes_the_full_name_the_notice_writes_elsewhere() -> None:
    plan = extract(OWN_UNITS, default_year=2025, today=date(2026, 1, 1))
    by_path = {tuple(t.path): [(a.name, a.role.value) for a in t.agencies] for t in plan.tasks}
    assert by_path[(1, 1)] == [("街道城建办", L), ("街道城管中队", S), ("各社区", S)]
    # a unit the notice never writes with 街道 keeps its name as printed
    assert by_path[(1, 3)] == [("街道安监站", L), ("消防中队", S)]


def test_explain_shows_the_full_name_the_plan_holds() -> None:
    explained = extract_text(OWN_UNITS, default_year=2025).explained
    item, findings = next((item, found) for item, found in explained if item.path == [1, 1])
    assert {a.name for f in findings for a in f.agencies} == {a.name for a in item.agencies}


RULED = """某市支持实体经济发展若干措施
一、加大财政支持
第一条 设立专项资金。每年安排专项资金2亿元。（责任单位：市财政局、市工信局、市科技局，列第一位的为牵头单位，下同）
第二条 完善担保体系。市担保公司新增担保额度20亿元。市财政局负责落实担保费补贴，市国资委负责督促降费。
第三条 培育市场主体。新增市场主体1万户。（责任单位：市市场监管局）培育专精特新企业30家。（责任单位：市工信局）
第四条 清理拖欠账款。年底前实现应清尽清。（责任单位：市发展改革委、市国资委）
第五条 完善配套政策。年底前出台实施细则。（责任单位：市财政局）市税务局配合做好政策落实。
"""


def test_the_first_listed_rule_reads_lists_not_clauses_with_their_own_verbs() -> None:
    plan = extract(RULED, default_year=2024, today=date(2026, 1, 1))
    roles = {tuple(t.path): [(a.name, a.role.value) for a in t.agencies] for t in plan.tasks}
    assert roles[(1, 1)] == [("市财政局", L), ("市工信局", R), ("市科技局", R)]
    assert roles[(1, 2)] == [("市财政局", R), ("市国资委", R)]  # two clauses, two verbs: no list
    assert roles[(1, 3)] == [("市市场监管局", R), ("市工信局", R)]  # two brackets, one unit each
    assert roles[(1, 4)] == [("市发展改革委", L), ("市国资委", R)]  # the rule still holds (下同)
    assert roles[(1, 5)] == [("市财政局", L), ("市税务局", S)]  # one unit listed, a partner in a sentence


@pytest.mark.parametrize(
    ("line", "dropped"),
    [
        ("（接上页）", True),
        ("(续上页)", True),
        ("上接第3页", True),
        ("（转下页）", True),
        ("接上页工作继续推进", False),
    ],
)
def test_a_page_continuation_mark_is_furniture(line: str, dropped: bool) -> None:
    assert is_boilerplate(line) is dropped


def test_the_plan_title_leaves_the_continuation_mark_out() -> None:
    text = (
        "某市2021年优化营商环境工作要点\n\n（接上页）\n"
        "（五）压减企业开办时间。全年新增市场主体5000户以上。（市行政审批局牵头）\n"
        "（六）优化项目审批。6月底前实现全流程网上审批。（市住建局负责）\n"
        "三、打造政务服务环境\n1.深化一网通办。年底前网上可办率达到95%以上。（市政务服务中心负责）\n"
    )
    plan = extract(text, default_year=2021, today=date(2026, 1, 1))
    assert plan.title == "某市2021年优化营商环境工作要点"
    assert [t.path for t in plan.tasks] == [[5], [6], [3], [3, 1]]  # the numbers as printed


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("市担保集团新增担保额度20亿元。", [(2e9, "元", "=")], id="a-volume-added"),
        pytest.param("平均担保费率降至1.5%以下。", [(1.5, "%", "<=")], id="a-rate-brought-down"),
        pytest.param("个人最高贷款额度30万元。", [], id="a-cap-per-person"),
        pytest.param("单户担保额度最高500万元。", [], id="a-cap-per-firm"),
        pytest.param("下调工伤保险费率50%的政策。", [], id="a-rate-cut-by-a-rule"),
        pytest.param("年内推动1万2千种证照电子化。", [(12000, "种", "=")], id="kinds-counted"),
        pytest.param("发展中药材种植1万亩。", [(10000, "亩", "=")], id="plant-verb-is-no-unit"),
        pytest.param("全县186个行政村全覆盖。", [], id="a-scope-count"),
        pytest.param("全县新建公厕120座。", [(120, "座", "=")], id="a-whole-area-work-count"),
        pytest.param(
            "9月底前完成全县36家加油站全覆盖检查。", [(36, "家", "=")], id="the-work-done-over-a-whole-area"
        ),
    ],
)
def test_targets_with_policy_words_and_scopes(text: str, expected: list[tuple[float, str, str]]) -> None:
    assert [(t.value, t.unit, t.op.value) for t in find_targets(text)] == expected


RULED_ON_THE_LABEL_LINE = """某市政府工作报告重点工作责任分解
一、稳企业保就业
1.全年减轻企业各类负担50亿元以上。
责任单位:市经信局、市财政局、市税务局(列第一位者为工作牵头单位或汇总单位,下同)
2.新增城镇就业3万人。
责任单位:市人力社保局、市财政局
"""


def test_a_rule_after_the_labelled_list_says_who_leads_there_and_after() -> None:
    plan = extract(RULED_ON_THE_LABEL_LINE, default_year=2024, today=date(2026, 1, 1))
    roles = {tuple(t.path): [(a.name, a.role.value) for a in t.agencies] for t in plan.tasks}
    assert roles[(1, 1)] == [("市经信局", L), ("市财政局", R), ("市税务局", R)]
    assert roles[(1, 2)] == [("市人力社保局", L), ("市财政局", R)]
