"""Report building blocks: office-style numbers, Markdown escaping, and the context built from a journal."""

from __future__ import annotations

from datetime import date

import pytest

from plantrack.config import StatusSettings
from plantrack.errors import UsageError
from plantrack.report import PlanInput, build_report, escape
from plantrack.report import numbers as fmt
from plantrack.report.context import Report
from tests.report_sample import CLOCK, sample_entries, sample_plan

# --- numbers ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "unit", "expected"),
    [
        (45000, "人", "4.5万人"),
        (60400, "人", "6.04万人"),
        (17250, "人", "1.725万人"),
        (10000, "人", "1万人"),
        (9000, "人", "9000人"),
        (5200, "人", "5200人"),
        (1.5e8, "元", "1.5亿元"),
        (36, "场", "36场"),
        (95, "%", "95%"),
        (98.5, "%", "98.5%"),
        (2, "个百分点", "2个百分点"),
        (0, "人", "0人"),
        (12345.678, "人次", "1.2346万人次"),
    ],
)
def test_amount(value: float, unit: str, expected: str) -> None:
    assert fmt.amount(value, unit) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (74.4827, "74.5%"),
        (91.66, "91.7%"),
        (100, "100%"),
        (75.0, "75%"),
        (74.96, "75%"),
        (0, "0%"),
        (-0.01, "0%"),
        (None, "—"),
    ],
)
def test_pct(value: float | None, expected: str) -> None:
    assert fmt.pct(value) == expected


@pytest.mark.parametrize(
    ("part", "whole", "expected"),
    [(14, 22, "63.6%"), (3, 22, "13.6%"), (0, 22, "0%"), (0, 0, "0%"), (11, 22, "50%")],
)
def test_share(part: int, whole: int, expected: str) -> None:
    assert fmt.share(part, whole) == expected


@pytest.mark.parametrize(
    ("delta", "unit", "expected"),
    [
        (12000, "人", "比上季度末增加1.2万人"),
        (400, "人", "比上季度末增加400人"),
        (-300, "人", "比上季度末减少300人"),
        (0, "人", "与上季度末持平"),
        (2.5, "%", "比上季度末提高2.5个百分点"),
        (-1, "%", "比上季度末下降1个百分点"),
    ],
)
def test_change(delta: float, unit: str, expected: str) -> None:
    assert fmt.change(delta, unit) == expected


@pytest.mark.parametrize(
    ("n", "expected"), [(1, "一"), (10, "十"), (12, "十二"), (20, "二十"), (22, "二十二")]
)
def test_cn_numeral(n: int, expected: str) -> None:
    assert fmt.cn_numeral(n) == expected


def test_dates() -> None:
    assert fmt.cn_date(date(2017, 9, 30)) == "2017年9月30日"
    assert fmt.cn_month_day(date(2017, 6, 1)) == "6月1日"


# --- escaping --------------------------------------------------------------------------------------

ESCAPES = [
    ("pipe", "招聘会36场|达成意向", "招聘会36场\\|达成意向"),
    ("line breaks", "第一行\n第二行\r\n\n第三行", "第一行；第二行；第三行"),
    ("break after punctuation", "已完成。\n下一步继续", "已完成。下一步继续"),
    ("html tags", "受<b>场地</b>限制<br>进度偏慢", "受场地限制进度偏慢"),
    ("script", "<script>alert(1)</script>正常", "alert(1)正常"),
    ("comment", "<!-- x -->说明", "说明"),
    ("stray angle brackets", "完成率 < 50% 或 > 90%", "完成率 50% 或 90%"),
    ("emphasis and code", "*重点* _任务_ `代码`", "\\*重点\\* \\_任务\\_ \\`代码\\`"),
    ("link", "[文件](http://x)", "\\[文件\\](http://x)"),
    ("heading marker", "# 标题", "\\# 标题"),
    ("backslash", "a\\|b", "a\\\\\\|b"),
    ("spaces", "  多余   空格  ", "多余 空格"),
]


@pytest.mark.parametrize(
    ("text", "expected"), [(t, e) for _, t, e in ESCAPES], ids=[i for i, _, _ in ESCAPES]
)
def test_md_escaping(text: str, expected: str) -> None:
    assert escape.md(text) == expected


def test_cell_shows_dash_when_empty() -> None:
    assert escape.cell("") == "—"
    assert escape.cell("<br>") == "—"
    assert escape.cell("a|b") == "a\\|b"


@pytest.mark.parametrize(
    ("text", "expected"),
    [("进度偏慢", "进度偏慢。"), ("已完成。", "已完成。"), ("原因如下：", "原因如下。"), ("", "")],
)
def test_sentence(text: str, expected: str) -> None:
    assert escape.sentence(text) == expected


# --- the context -----------------------------------------------------------------------------------

Q3_END = date(2017, 9, 30)


def _report(entries: list | None = None, as_of: date = Q3_END, agency: str | None = None) -> Report:  # type: ignore[type-arg]
    chosen = sample_entries() if entries is None else entries
    return build_report([PlanInput(sample_plan(), chosen)], as_of, StatusSettings(), agency=agency)


def test_title_period_and_counts() -> None:
    r = _report()
    assert r.title == "关于《吉安市农民工工作领导小组2017年工作要点》2017年第三季度落实情况的报告"
    assert (r.period, r.quarter, r.next_quarter_label) == ("2017年第三季度", "2017Q3", "2017年第四季度")
    p = r.plans[0]
    assert p.total == 7
    assert [(c.label, c.count, c.share) for c in p.counts] == [
        ("已完成", 1, "14.3%"), ("序时推进", 2, "28.6%"), ("滞后", 0, "0%"),
        ("严重滞后", 3, "42.9%"), ("未启动", 0, "0%"), ("未报送", 1, "14.3%"),
    ]  # fmt: skip
    assert [len(c.bar) for c in p.counts] == [3, 6, 0, 9, 0, 3]


def test_target_sentences_with_change_since_last_quarter() -> None:
    task = _report().plans[0].tasks[0]
    assert [t.sentence for t in task.targets] == [
        "新增转移农村劳动力累计完成4.5万人，占年度目标74.5%，比上季度末增加1.2万人",
        "其中省内新增转移累计完成3.2万人，占年度目标75.1%，比上季度末增加9000人",
        "其中家庭服务业新增从业人员累计完成1.29万人，占年度目标74.8%，比上季度末增加3900人",
    ]
    assert (
        task.target_text
        == "新增转移农村劳动力6.04万人；其中省内新增转移4.26万人；其中家庭服务业新增从业人员1.725万人"
    )


def test_ratio_target_and_correction() -> None:
    task = _report().plans[0].tasks[3]
    assert task.targets[0].sentence == "新开工建筑项目参加工伤保险比例达到98%（年度目标不低于100%）"
    assert [(n.text, n.corrected) for n in task.notes] == [("新开工建筑项目参保率98%", True)]


def test_problems_and_next_steps() -> None:
    p = _report().plans[0]
    assert [t.seq for t in p.lagging] == [3, 2, 5]  # most behind first
    assert [t.seq for t in p.overdue] == [5]
    assert p.overdue[0].days_left == -92
    assert [t.seq for t in p.due_next] == [3]  # task 7 (due in November) is done
    assert [t.seq for t in p.speed_up] == [3, 2]  # the overdue task is listed as overdue instead
    # every lead (else responsible) agency that sent nothing this quarter owes a report, by task
    assert [(a.name, a.tasks) for a in p.silent] == [
        ("市发改委", [1, 6]),
        ("市财政局", [1]),
        ("市扶贫移民办", [1]),
        ("市总工会", [2]),
        ("市城建局", [4]),
        ("市卫计委", [5]),
        ("市公安局", [6]),
    ]


def test_first_quarter_has_no_previous_quarter_to_compare() -> None:
    assert not _report(as_of=date(2017, 3, 31)).plans[0].has_previous
    r = _report(as_of=date(2017, 6, 30))
    assert r.period == "2017年第二季度"
    assert r.plans[0].has_previous
    assert r.plans[0].tasks[0].targets[0].sentence == "新增转移农村劳动力累计完成3.3万人，占年度目标54.6%"


def test_date_inside_a_quarter() -> None:
    r = _report(as_of=date(2017, 8, 15))
    assert (r.period, r.is_quarter_end, r.progress_header) == ("截至2017年8月15日", False, "截至8月15日进展")
    assert r.title.endswith("截至2017年8月15日落实情况的报告")
    assert r.plans[0].no_reports_in_period and not r.plans[0].no_records


def test_plan_without_records() -> None:
    p = _report(entries=[]).plans[0]
    assert p.no_records and p.no_reports_in_period
    assert [(c.label, c.count) for c in p.counts if c.count] == [("未报送", 7)]
    assert all(t.progress_text == "未报送" for t in p.tasks)


def test_quarter_before_the_plan_year() -> None:
    with pytest.raises(UsageError) as e:
        _report(as_of=date(2016, 12, 31))
    assert e.value.message == "2016年第四季度早于计划年度（2017年），还没有可以报告的进展。"
    assert e.value.hint is not None and "2017Q1" in e.value.hint


def test_agency_report_keeps_only_its_tasks() -> None:
    r = _report(agency="市人社局")
    assert r.title.startswith("市人社局关于《")
    p = r.plans[0]
    assert [(t.seq, t.role) for t in p.tasks] == [(1, "负责"), (2, "负责"), (3, "牵头"), (4, "负责")]
    assert p.silent == []


def test_agency_report_lists_what_the_agency_itself_did_not_report() -> None:
    p = _report(agency="城建局").plans[0]
    assert [(t.id, t.role, t.light) for t in p.tasks] == [
        ("2.5", "配合", "serious"),
        ("2.7", "负责", "not_reported"),
    ]
    assert [(a.name, a.tasks) for a in p.silent] == [("市城建局", [2])]


def test_agency_without_tasks() -> None:
    with pytest.raises(UsageError, match="没有找到单位“市民政局”"):
        _report(agency="市民政局")


def test_undone_entry_does_not_count() -> None:
    from plantrack.tracking.models import Entry

    entries = [
        *sample_entries(),
        Entry(id=11, task="3.13", as_of=Q3_END, recorded_at=CLOCK, agency="市教育局", undoes=10),
    ]
    task = _report(entries).plans[0].tasks[6]
    assert task.light == "not_reported"
    assert task.notes == []


def test_several_plans_make_one_report() -> None:
    other = sample_plan().model_copy(update={"id": "jian-2017b", "title": "吉安市2017年就业工作要点"})
    r = build_report(
        [PlanInput(sample_plan(), sample_entries()), PlanInput(other, [])], Q3_END, StatusSettings()
    )
    assert [p.id for p in r.plans] == ["jian-2017", "jian-2017b"]
    assert (
        r.title
        == "关于《吉安市农民工工作领导小组2017年工作要点》、《吉安市2017年就业工作要点》2017年第三季度落实情况的报告"
    )


def test_plan_of_a_later_year_is_skipped_with_a_note() -> None:
    later = sample_plan().model_copy(update={"id": "jian-2018", "title": "2018年工作要点", "year": 2018})
    r = build_report(
        [PlanInput(sample_plan(), sample_entries()), PlanInput(later, [])], Q3_END, StatusSettings()
    )
    assert [p.id for p in r.plans] == ["jian-2017"]
    assert r.skipped == ["2017年第三季度早于《2018年工作要点》的计划年度（2018年），不在本报告内。"]
