"""Shapes probe set j found read wrong: a task column named by two words (建设内容及目标), half-width
stops after a share or a bracket, 吨标准煤 and 类 as units, committees named by their own place, and a
call for comments under a site's name line. Invented text of the same shapes."""

from __future__ import annotations

import pytest

from plantrack.extract.attribution import find_agencies
from plantrack.extract.normalize import normalize
from plantrack.extract.pipeline import extract_text
from plantrack.extract.targets import find_targets

L, R, S = "lead", "responsible", "support"

# --- half-width stops ---------------------------------------------------------------------------------
STOPS = [
    ("after-a-share", "综合利用率不低于80%.县农业农村局负责", "综合利用率不低于80%。县农业农村局负责"),
    ("after-a-bracket", "县环保所、各村(社区).县财政局配合", "县环保所、各村(社区)。县财政局配合"),
    ("before-a-bracket", "年底前建成运行.(牵头单位:县住建局)", "年底前建成运行。(牵头单位:县住建局)"),
    ("decimal-stays", "增长6.5%.县统计局负责", "增长6.5%。县统计局负责"),
    ("item-number-stays", "1.加强组织领导", "1.加强组织领导"),
    ("bracketed-item-number-stays", "(二).推进污水治理", "(二).推进污水治理"),
]


@pytest.mark.parametrize(("raw", "expected"), [r[1:] for r in STOPS], ids=[r[0] for r in STOPS])
def test_half_width_stops(raw: str, expected: str) -> None:
    assert normalize(raw) == expected


# --- agencies -----------------------------------------------------------------------------------------
AGENCIES = [
    (
        "stop-after-share-parts-the-name",
        "推广测土配方施肥3万亩,秸秆回收率不低于75%.乡农业服务中心负责,乡财政所配合.",
        [("乡农业服务中心", R), ("乡财政所", S)],
    ),
    (
        "half-width-label-and-brackets",
        "全年开展巡查12次.责任单位:乡综治办(牵头)、乡派出所、各村(社区).",
        [("乡综治办", L), ("乡派出所", R), ("各村(社区)", R)],
    ),
    (
        "collective-with-gloss-supports",
        "年底前完成5条河道整治.由乡河长办负责,各村(社区)配合.",
        [("乡河长办", R), ("各村(社区)", S)],
    ),
    (
        "village-committee-after-lead",
        "新建村级服务中心1处。(责任单位:镇党政办(牵头)、红岩村委会)",
        [("镇党政办", L), ("红岩村委会", R)],
    ),
    (
        "residents-committee-keeps-its-name",
        "完成老旧小区改造2个。(责任单位:街道城建办(牵头)、光明社区居委会)",
        [("街道城建办", L), ("光明社区居委会", R)],
    ),
    (
        "area-committee-takes-no-prefix",
        "提升景区服务设施。(县文旅局牵头,县自然资源局、凤凰岭管委会配合)",
        [("县文旅局", L), ("县自然资源局", S), ("凤凰岭管委会", S)],
    ),
    (
        "bare-department-still-takes-prefix",
        "提升景区服务设施。(县文旅局牵头,自然资源局、交通运输局配合)",
        [("县文旅局", L), ("县自然资源局", S), ("县交通运输局", S)],
    ),
]


@pytest.mark.parametrize(("text", "expected"), [r[1:] for r in AGENCIES], ids=[r[0] for r in AGENCIES])
def test_agencies(text: str, expected: list[tuple[str, str]]) -> None:
    found = find_agencies(normalize(text))
    assert found is not None
    assert [(a.name, a.role.value) for a in found.agencies] == expected


# --- targets ------------------------------------------------------------------------------------------
Row = tuple[float, str, str]
TARGETS: list[tuple[str, str, list[Row]]] = [
    ("coal-equivalent", "全年节约能源1.5万吨标准煤", [(15000, "吨标准煤", "=")]),
    ("coal-equivalent-cap", "能源消费总量控制在120万吨标准煤以内", [(1200000, "吨标准煤", "<=")]),
    ("kinds-at-least", "开发实训课程不少于6类", [(6, "类", ">=")]),
    ("kinds-summing-a-list", "保障低保户、特困人员和残疾人家庭等3类对象", []),
    ("cost-per-mu", "亩均投入不超过0.2万元/亩", [(2000, "元/亩", "<=")]),
    ("interest-fund", "对小额信贷予以贴息,贴息资金80万元", [(800000, "元", "=")]),
    ("interest-rule", "对创业担保贷款给予贴息,贴息额度最高30万元", []),
]


@pytest.mark.parametrize(("text", "expected"), [r[1:] for r in TARGETS], ids=[r[0] for r in TARGETS])
def test_targets(text: str, expected: list[Row]) -> None:
    assert [(t.value, t.unit, t.op.value) for t in find_targets(normalize(text))] == expected


# --- a task column named by two words -----------------------------------------------------------------
TABLE = """某镇2024年衔接资金项目实施责任清单
| 序号 | 项目名称 | 建设内容及目标 | 责任单位 | 责任人 | 完成时限 |
| --- | --- | --- | --- | --- | --- |
| 1 | 红岩村产业路建设 | 硬化产业路3.2公里 | 镇村建办 | 张明 | 2024年9月底前 |
| 2 | 光明村冷库建设 | 新建冷库800立方米，带动农户50户以上 | 镇农服中心（牵头）、光明村委会 | 李华 | 2024年10月底前 |
"""


def test_a_task_column_named_by_two_words_is_read() -> None:
    plan = extract_text(TABLE).plan
    got = [[(t.value, t.unit, t.op.value) for t in item.targets] for item in plan.tasks]
    assert got == [[(3.2, "公里", "=")], [(800, "立方米", "="), (50, "户", ">=")]]
    assert [(a.name, a.role.value) for a in plan.tasks[1].agencies] == [("镇农服中心", L), ("光明村委会", R)]


# --- a call for comments under a site's name line -----------------------------------------------------
CALL = """某县住房和城乡建设局
关于公开征求《某县老旧小区改造实施方案（征求意见稿）》意见的公告
为推进老旧小区改造，我局起草了征求意见稿，现向社会公开征求意见。
一、征求意见时间
2024年5月1日至2024年5月31日。
二、意见反馈方式
1.电子邮件：发送至邮箱。
2.信函：邮寄至县住建局。
三、征求意见稿主要内容
（一）目标。到2025年改造老旧小区40个。
（二）主要任务。年底前完成改造20个，由县住建局牵头，各乡镇负责。
"""


def test_a_call_for_comments_below_a_site_name_is_refused() -> None:
    verdict = extract_text(CALL).verdict
    assert not verdict.is_plan
    assert "征求" in verdict.reason
