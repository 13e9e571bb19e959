from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plantrack.extract.deadlines import Deadlines, find_deadlines
from plantrack.lang import deadline_words


def _iso(text: str, year: int | None) -> list[str]:
    return [d.isoformat() for d in find_deadlines(text, year).dates]


# --- cases from real notices ----------------------------------------------------------------------------
REAL: list[tuple[str, str, int | None, list[str]]] = [
    (
        "yudu-2022-march",
        "1.落实党政领导责任。落实《于都县安全生产职责规定》,各乡(镇)要制定党政领导干部安全生产“职责清单”"
        "和年度“工作清单”。3月底前,将“职责清单”和年度“工作清单”",
        2022,
        ["2022-03-31"],
    ),
    (
        "baiyin-2019-label",
        "形成书面报告报市领导小组办公室。(牵头单位:各县区政府、市人社局,参与单位:市领导小组成员单位;"
        "完成时限:2019年7月底前)",
        2019,
        ["2019-07-31"],
    ),
    (
        "shanxi-2018-to-year",
        "到2020年,城镇就业规模逐步扩大,劳动生产率不断提高,就业质量稳步提升",
        2018,
        ["2020-12-31"],
    ),
    (
        "chizhou-table-year-end",
        "对行政规范性文件进行全面清理,并向社会公布现行有效行政规范性文件目录。\n|\n办公室\n|\n年底前",
        2022,
        ["2022-12-31"],
    ),
    (
        "yunnan-2022-no-deadline",
        "确保2022年全省粮食播种面积稳定在6287万亩以上、产量稳定在1930万吨以上。",
        2022,
        [],
    ),
    ("yunnan-2022-whole-year", "(一)稳定全年粮食播种面积和产量。", 2022, []),
    (
        "dongguan-2021-validity",
        "实施阶段性降低用人单位基本医疗保险缴费费率政策,实施期限至2021年12月31日。原阶段性下调工伤保险"
        "费率政策实施至2021年4月30日,2021年5月1日起按照省级统筹工伤保险行业基准费率标准有关规定执行;2021年5月1日至"
        "2022年4月30日实施阶段性下调工伤保险费率50%的政策。将阶段性降低失业保险费率政策实施期限延长至2022年4月30日。",
        2021,
        [],
    ),
    (
        "dongguan-2021-validity-2",
        "在职职工总数30人(含)以下的企业暂免征收残疾人保障金,实施期限至2022年12月31日"
        "(即征收所属期为2021年度)。",
        2021,
        [],
    ),
    ("hunan-2016-past", "截至2015年12月,在全省农民工入会集中行动中,新组建工会1万余家", 2016, []),
    (
        "hunan-2016-event",
        "2015年12月28日,湖南省工会帮扶困难农民工精准脱贫暨“一户一产业工人”培养工程现场推进会在郴州召开。",
        2016,
        [],
    ),
    (
        "lishui-2017-statistics-period",
        "报告中所列数据的统计期限自2017年1月1日起至2017年12月31日止。",
        2017,
        [],
    ),
    ("baiyin-2019-year-end", "确保2019年底实现全市农民工工资基本无拖欠", None, ["2019-12-31"]),
]

# --- cases written in the same style --------------------------------------------------------------------
STYLE: list[tuple[str, str, int | None, list[str]]] = [
    ("month-end", "6月底前完成", 2017, ["2017-06-30"]),
    ("year-end", "年底前完成", 2017, ["2017-12-31"]),
    ("within-year", "年内完成全部整改", 2017, ["2017-12-31"]),
    ("first-half", "上半年完成摸底调查", 2017, ["2017-06-30"]),
    ("first-half-end", "上半年底前出台实施细则", 2017, ["2017-06-30"]),
    ("second-half", "下半年组织开展专项检查", 2017, ["2017-12-31"]),
    ("q1", "一季度启动", 2017, ["2017-03-31"]),
    ("q1-end", "第一季度末完成", 2017, ["2017-03-31"]),
    ("q3", "第三季度开展督查", 2017, ["2017-09-30"]),
    ("day", "7月10日前报送", 2017, ["2017-07-10"]),
    ("march-end", "3月底前制定方案", 2017, ["2017-03-31"]),
    ("printed-year", "2017年10月底前完成", 2016, ["2017-10-31"]),
    ("printed-year-end", "2020年底前全面建成", 2017, ["2020-12-31"]),
    ("month-share", "9月份组织验收", 2017, ["2017-09-30"]),
    ("chinese-month", "十二月底前完成", 2017, ["2017-12-31"]),
    ("mid-month", "5月中旬前完成", 2017, ["2017-05-20"]),
    ("next-year", "明年3月底前完成", 2017, ["2018-03-31"]),
    ("labeled-day", "完成时限:2019年7月31日", None, ["2019-07-31"]),
    (
        "several",
        "6月底前、9月底前、12月底前分别报送进展情况,年底前全面完成",
        2017,
        ["2017-06-30", "2017-09-30", "2017-12-31"],
    ),
    ("dedup", "6月底前完成摸底,6月底前报送", 2017, ["2017-06-30"]),
    ("year-before", "2020年前全面完成", 2017, ["2020-12-31"]),
    ("no-year-no-date", "年底前完成", None, []),
    ("every-quarter", "每季度报送一次", 2017, []),
    ("first-three-quarters", "前三季度完成全年任务的75%", 2017, []),
    ("relative-years", "3年内完成,三年内全覆盖,半年内完成", 2017, []),
    ("last-year-end", "去年底以来", 2017, []),
    ("start-date", "自2017年7月1日起施行", 2017, []),
    ("start-month", "6月底起开展", 2017, []),
    ("validity", "有效期至2022年底", 2017, []),
    ("past-in-clause", "截至2017年6月底,已培训1万人", 2017, []),
    ("first-quarters-of-year", "2020年前三季度", 2017, []),
    ("invalid-day", "2月30日前", 2017, []),
    ("every-year", "各地于每年12月底前报送,每年年底前总结", 2017, []),
    ("past-printed-year", "该项工作已于2015年底前完成", 2017, []),
    ("next-year-first-half", "年底前完成试点,明年上半年全面推开", 2017, ["2017-12-31", "2018-06-30"]),
    ("label-then-month-end", "时间节点:2018年6月底", 2018, ["2018-06-30"]),
    ("q4", "第四季度完成验收", 2017, ["2017-12-31"]),
    ("later-year", "2018年3月底前完成", 2017, ["2018-03-31"]),
    ("some-years", "数年内完成", 2017, []),
]

# --- shapes seen on notices the parser was not built on (issue 10; invented text) -------------------
UNSEEN: list[tuple[str, str, int | None, list[str]]] = [
    ("stage-heading", "(一)宣传发动阶段(2025年3月底前)", 2025, ["2025-03-31"]),
    # a span of years is the time the work runs over, not a completion date; 到 + a year alone still is
    ("year-span", "2025年至2027年每年新建标准化卫生室20个以上", 2025, []),
    ("year-span-to", "2024年到2026年累计改造老旧管网120公里", 2024, []),
    ("year-span-end-before", "2024年至2026年底前完成全部改造", 2024, ["2026-12-31"]),
    ("to-year-alone", "力争到2027年建成标准化卫生室50个", 2025, ["2027-12-31"]),
    ("stage-day-range", "(一)动员部署阶段(2019年4月8日至20日)", 2019, ["2019-04-20"]),
    ("stage-range-next-year", "(二)集中整治阶段(2019年10月9日至2020年1月15日)", 2019, ["2020-01-15"]),
    ("stage-range-month-day", "(三)总结验收阶段(2020年2月1日至2月28日)", 2019, ["2020-02-28"]),
    ("stage-lost-dash", "1.摸底排查阶段(6月3日10日),各村对辖区内情况登记造册", 2019, ["2019-06-10"]),
    ("stage-dash", "2.集中清理阶段(6月11日—30日)", 2019, ["2019-06-30"]),
    ("stage-month-range", "(二)全面推进阶段(2025年4月—9月)", 2025, ["2025-09-30"]),
    ("month-range", "4月至6月开展集中宣传", 2025, ["2025-06-30"]),
    ("month-range-end", "10月至12月底完成验收", 2025, ["2025-12-31"]),
    ("early-month", "6月上旬完成摸底调查", 2025, ["2025-06-10"]),
    ("mid-month", "6月中旬召开推进会", 2025, ["2025-06-20"]),
    ("late-month", "6月下旬完成验收", 2025, ["2025-06-30"]),
    ("printed-month", "2025年6月完成全部建设任务", 2025, ["2025-06-30"]),
    ("printed-month-cell", "县住建局\n|\n2025年6月\n|", 2025, ["2025-06-30"]),
    # periods and month ends in figures, as a schedule table prints them
    ("figures-period-cell", "起草给国务院的报告 | 2005.1—4 |", 2005, ["2005-04-30"]),
    ("figures-period-two-years", "拟定分阶段工作规划 | 2005.5—2006.6 |", 2005, ["2006-06-30"]),
    ("committed-year", "力争在2025年完成二期工程建设", 2025, ["2025-12-31"]),
    ("committed-day", "确保2025年7月1日正式开馆", 2025, ["2025-07-01"]),
    ("uncommitted-year", "在2025年完成的项目中选树典型", 2025, []),
    ("figures-month-end-before", "2019.6底前完成全部摸底", 2019, ["2019-06-30"]),
    ("figures-range-of-rates", "增长2.5—3.5%", 2019, []),
    ("labelled-month", "完成时间:2025年10月", 2025, ["2025-10-31"]),
    ("q1-short", "一季度完成项目招标", 2025, ["2025-03-31"]),
    ("q3", "第三季度完成主体工程", 2025, ["2025-09-30"]),
    ("every-quarter", "每季度通报一次进展情况", 2025, []),
    ("long-term", "长期坚持", 2025, []),
    ("earlier-year", "2024年12月底前完成前期准备工作", 2025, ["2024-12-31"]),
    ("later-year", "2027年底前全面建成", 2025, ["2027-12-31"]),
    ("policy-period", "2025年1月1日至2026年12月31日实施阶段性降低失业保险费率政策", 2025, []),
    ("validity-from", "自2025年3月1日至2027年2月28日有效", 2025, []),
    ("past-period", "2024年1月至11月,全县新增就业3200人", 2025, []),
    ("event-month", "2025年6月,省政府印发了实施意见", 2025, []),
    ("cell-full-date", "县住建局\n|\n2025年12月31日\n|", 2025, ["2025-12-31"]),
    ("day-then-verb", "6月30日完成全部摸底", 2025, ["2025-06-30"]),
    ("cell-dotted", "县住建局\n|\n2025.12\n|", 2025, ["2025-12-31"]),
    ("cell-iso", "县住建局\n|\n2025-06-30\n|", 2025, ["2025-06-30"]),
    ("month-dash-range", "9-12月开展集中攻坚", 2025, ["2025-12-31"]),
    ("mid-to-late", "10月中下旬完成验收", 2025, ["2025-10-31"]),
    ("this-year-within", "本年度内完成", 2025, ["2025-12-31"]),
    ("event-day", "6月18日,召开全县动员大会", 2025, []),
    ("past-full-date", "县住建局\n|\n2024年6月30日\n|", 2025, []),
    ("self-stage", "2.自行整改阶段(6月11日—20日),各单位对照问题清单从严整改", 2019, ["2019-06-20"]),
    ("into-next-year", "(三)巩固提升阶段(12月至次年3月)", 2025, ["2026-03-31"]),
    # a stage given a year alone ends with that year; a bracketed year that is no stage's is not a deadline
    ("stage-year-only", "(三)巩固提升阶段（2026年）。开展验收评估,建立长效管护机制", 2024, ["2026-12-31"]),
    ("stage-year-only-half", "(三)常态长效阶段(2027年)", 2025, ["2027-12-31"]),
    ("bracketed-year-no-stage", "全面完成《规划（2021年）》确定的任务", 2025, []),
    # a period's start is no deadline, whatever it is printed as: only its end
    ("stage-late-month-to-day", "(三)巩固提升阶段(2024年9月下旬—10月31日)", 2024, ["2024-10-31"]),
    ("late-month-dash-month-end", "9月下旬—10月底完成验收", 2024, ["2024-10-31"]),
    ("month-end-hyphen-month-end", "6月底-8月底前开展集中整治", 2024, ["2024-08-31"]),
    ("quarter-dash-quarter", "二季度—三季度完成主体工程", 2024, ["2024-09-30"]),
    # a clause that opens with a year and a milestone verb: the year is a deadline, a past year a statistic
    (
        "milestone-year",
        "到2025年底培育省级以上平台15个以上，2026年达到20个",
        2024,
        ["2025-12-31", "2026-12-31"],
    ),
    ("milestone-year-first", "2025年完成老旧小区改造100个", 2024, ["2025-12-31"]),
    ("past-year-result", "2023年实现地区生产总值增长6%，今年力争", 2024, []),
    # 至少 after a deadline is "at least", not the 至 of a range
    ("deadline-then-at-least", "7月1日起接收名单,12月底前至少提供1次政策宣介", 2025, ["2025-12-31"]),
    # a year and 以前/之前 before a noun phrase says which things count; before a verb it is a deadline
    ("scope-before-paper-archives", "完成2019年以前纸质档案数字化扫描", 2024, []),
    ("scope-before-de", "清理2018年之前的历史欠费台账", 2024, []),
    ("scope-before-formed", "对2015年以前形成的会计档案进行鉴定", 2024, []),
    ("scope-built-before", "对2000年以前建成的老旧小区开展排查", 2024, []),
    # any verb of how a thing came to be, + 的, scopes the things after any date phrase
    ("scope-signed-before", "全面清理2016年以前签订的土地出让合同", 2024, []),
    ("scope-approved-before", "对2018年底前批复的项目开展专项审计", 2024, []),
    ("scope-already-issued", "梳理2020年之前已发放的不动产权证书", 2024, []),
    ("scope-retired-before", "为2014年10月1日前退休的人员调整待遇", 2024, []),
    ("before-then-signed", "6月底前签订全部帮扶协议", 2024, ["2024-06-30"]),
    ("before-done-goal", "确保9月底前完成的目标如期实现", 2024, ["2024-09-30"]),
    ("before-then-done", "2019年以前完成全部纸质档案数字化", 2018, ["2019-12-31"]),
    ("before-then-all-settled", "信访积案2019年以前全部办结", 2018, ["2019-12-31"]),
    ("before-then-subject", "2025年前老旧小区改造全部完成", 2024, ["2025-12-31"]),
]


@pytest.mark.parametrize(("text", "year", "expected"), [r[1:] for r in UNSEEN], ids=[r[0] for r in UNSEEN])
def test_unseen_shapes(text: str, year: int | None, expected: list[str]) -> None:
    assert _iso(text, year) == expected


@pytest.mark.parametrize(("text", "year", "expected"), [r[1:] for r in REAL], ids=[r[0] for r in REAL])
def test_real_notices(text: str, year: int | None, expected: list[str]) -> None:
    assert _iso(text, year) == expected


@pytest.mark.parametrize(("text", "year", "expected"), [r[1:] for r in STYLE], ids=[r[0] for r in STYLE])
def test_style(text: str, year: int | None, expected: list[str]) -> None:
    assert _iso(text, year) == expected


@pytest.mark.parametrize(
    ("text", "year", "phrases"),
    [
        ("(牵头单位:市人社局;完成时限:2019年7月底前)", 2019, ["2019年7月底前"]),
        ("完成时限:2019年7月31日", 2019, ["2019年7月31日"]),
        ("年底前完成", None, ["年底前"]),
        ("6月底前完成摸底,6月底前报送", 2017, ["6月底前"]),
        ("到2020年,城镇就业规模逐步扩大", 2018, ["到2020年"]),
        ("2月30日前", 2017, ["2月30日前"]),
    ],
)
def test_phrases_as_printed(text: str, year: int | None, phrases: list[str]) -> None:
    assert find_deadlines(text, year).phrases == phrases


@pytest.mark.parametrize(
    "text",
    [
        "持续推进",
        "长期坚持",
        "加强农民工工作,长期推进",
        "常态化推进疫情防控",
        "完成时限:长期",
        "办公室\n|\n持续推进\n|",
    ],
)
def test_ongoing(text: str) -> None:
    found = find_deadlines(text, 2017)
    assert found.ongoing and found.dates == [] and found.phrases


@pytest.mark.parametrize(
    "text", ["持续实施政府补贴性职业技能培训", "长期拖欠工程款的单位不得批准新项目开工", "6月底前完成"]
)
def test_not_ongoing(text: str) -> None:
    assert not find_deadlines(text, 2017).ongoing


def test_result_shape() -> None:
    assert find_deadlines("", 2017) == Deadlines([], [], False)
    assert find_deadlines("6月底前", 2017).dates == [date(2017, 6, 30)]


def test_patterns_compile() -> None:
    kinds = {"date", "month", "quarter", "half", "year", "period"}
    for kind, pattern in deadline_words.PATTERNS:
        assert kind in kinds
        re.compile(pattern)
    for pattern in deadline_words.ONGOING_PATTERNS:
        re.compile(pattern)


_ALPHABET = "0123456789一二三四十第年月日号底末份前内上下半季度旬每至到起自截完成时限:,。;、 \n|持续推进长期"


_YEARS = st.one_of(st.none(), st.integers(min_value=1, max_value=9998))
_DATE_SOUP = st.text(alphabet=_ALPHABET, max_size=60)


def _dates_once_each(text: str, year: int | None) -> None:
    found = find_deadlines(text, year)
    assert len(found.dates) == len(set(found.dates))


# Each property twice: a few examples in the fast lane, many in the slow set.
@settings(max_examples=30, deadline=None)
@given(st.text(), _YEARS)
def test_never_raises_on_any_text(text: str, year: int | None) -> None:
    find_deadlines(text, year)


@pytest.mark.slow
@settings(max_examples=300, deadline=None)
@given(st.text(), _YEARS)
def test_never_raises_on_many_texts(text: str, year: int | None) -> None:
    find_deadlines(text, year)


@settings(max_examples=30, deadline=None)
@given(_DATE_SOUP, _YEARS)
def test_never_raises_on_date_soup(text: str, year: int | None) -> None:
    _dates_once_each(text, year)


@pytest.mark.slow
@settings(max_examples=300, deadline=None)
@given(_DATE_SOUP, _YEARS)
def test_never_raises_on_much_date_soup(text: str, year: int | None) -> None:
    _dates_once_each(text, year)


@pytest.mark.slow
def test_megabyte_of_hostile_text() -> None:
    """Long runs of dates, 年, 月 and labels must not make any pattern backtrack without end."""
    chunks = [
        "年底" * 50_000,
        "1月1日" * 30_000,
        "第一季度" * 20_000,
        "完成时限:" * 20_000,
        "2020年" * 20_000,
        "1" * 400_000,
        "至2020年" * 10_000,
        "持续推进" * 10_000,
        "月" * 50_000,
    ]
    text = "".join(chunks)
    assert len(text) >= 1_000_000
    found = find_deadlines(text, 2017)
    assert found.ongoing


STAGED_PLAN = """某县2025年农村人居环境整治行动方案
一、工作步骤
(一)宣传发动阶段(2025年3月底前)
1.制定实施方案,召开动员部署会议。(县农业农村局负责)
2.开展入户宣传。(各乡镇负责,2月底前完成)
(二)集中整治阶段(2025年4月—9月)
1.清理村庄生活垃圾。(各乡镇负责)
(三)巩固提升阶段
1.建立长效管护机制。(县农业农村局负责)
"""


def test_stage_heading_gives_its_date_to_the_tasks_under_it() -> None:
    from plantrack.extract.pipeline import extract_text

    tasks = {t.id: t.deadlines for t in extract_text(STAGED_PLAN).plan.tasks}
    assert tasks["1.1.1"] == [date(2025, 3, 31)]
    assert tasks["1.1.2"] == [date(2025, 2, 28)]  # its own date wins
    assert tasks["1.2.1"] == [date(2025, 9, 30)]
    assert tasks["1.3.1"] == []  # a stage without a date gives none


def test_a_signature_on_one_line_is_not_the_last_task_s_deadline() -> None:
    from plantrack.extract.pipeline import extract_text

    text = "某县2021年就业工作要点\n一、重点工作\n(一)加强培训。\n(二)开展招聘。\n某县人力资源和社会保障局 2021年3月5日\n"
    plan = extract_text(text).plan
    assert plan.issued_on == date(2021, 3, 5)
    assert [t.deadlines for t in plan.trackable()] == [[], []]


ATTRIBUTION_LINES = """某县2025年就业工作要点
一、重点任务
(一)开展职业技能培训。
(牵头单位:县人社局;完成时限:2025年6月底前)
(二)开展招聘活动。
责任单位:县就业局 完成时限:2025年9月底前
(三)开展劳务协作。
牵头单位:县人社局,责任单位:各乡镇,时间:第三季度
"""


def test_a_deadline_on_the_attribution_line_under_a_task_is_kept() -> None:
    from plantrack.extract.pipeline import extract_text

    plan = extract_text(ATTRIBUTION_LINES).plan
    assert [t.deadlines for t in plan.trackable()] == [
        [date(2025, 6, 30)],
        [date(2025, 9, 30)],
        [date(2025, 9, 30)],
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a half-width full stop after a word, then the date: the date is read
        ("扶持创业500人.2024年11月底前完成", ["2024-11-30"]),
        # after a digit the point is a decimal point: no date
        ("增长3.5月底前", []),
    ],
)
def test_a_half_width_stop_before_a_date(text: str, expected: list[str]) -> None:
    assert [d.isoformat() for d in find_deadlines(text, 2024).dates] == expected
