"""The report as an office document: what each part says, and what never reaches the body."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from markdown_it import MarkdownIt

from plantrack.config import ReportSettings, StatusSettings
from plantrack.report import PlanInput, build_report, render_report
from plantrack.report.build import ReportOptions
from plantrack.tracking.models import Entry
from tests.report_sample import CLOCK, sample_entries, sample_plan

Q3 = date(2017, 9, 30)


def _text(entries: list[Entry] | None = None, agency: str | None = None, **options: object) -> str:
    chosen = sample_entries() if entries is None else entries
    opts = ReportOptions(**options)  # type: ignore[arg-type]
    report = build_report(
        [PlanInput(sample_plan(), chosen)], Q3, StatusSettings(), agency=agency, options=opts
    )
    return render_report(report)


def _part(text: str, head: str, until: str) -> str:
    return text.split(f"\n## {head}\n", 1)[1].split(f"\n## {until}", 1)[0]


def test_front_names_the_addressee_cites_the_notice_and_ends_with_the_formula() -> None:
    lines = _text().split("\n")
    assert lines[2] == "吉安市农民工工作领导小组："  # the body the issuing office serves
    assert lines[4].startswith(
        "按照《吉安市农民工工作领导小组办公室关于印发吉安市农民工工作领导小组2017年工作要点的通知》"
        "（吉农工办〔2017〕1号）要求"
    )
    assert lines[4].endswith("现将有关情况报告如下：")


def test_end_is_signed_by_the_office_with_the_date_before_the_attachment() -> None:
    text = _text(signed_on=date(2017, 10, 9))
    signed = "\n附件：任务进展情况表\n\n吉安市农民工工作领导小组办公室\n\n2017年10月9日\n\n## 附件：任务进展情况表\n"
    assert signed in text


def test_addressee_and_office_come_from_the_settings() -> None:
    settings = ReportSettings(addressee="吉安市人民政府", office="吉安市人力资源和社会保障局")
    text = _text(settings=settings)
    assert text.split("\n")[2] == "吉安市人民政府："
    assert "\n吉安市人力资源和社会保障局\n\n2017年9月30日\n" in text


def test_settings_file_configures_the_front_and_end(invoke, workspace: Path) -> None:  # type: ignore[no-untyped-def]
    from plantrack.planfile import write_plan

    write_plan(sample_plan(), workspace / "data" / "extracted" / "jian-2017.yaml")
    toml = workspace / "plantrack.toml"
    toml.write_text(
        toml.read_text(encoding="utf-8").replace(
            '# addressee = "吉安市农民工工作领导小组"', 'addressee = "吉安市人民政府"'
        ),
        encoding="utf-8",
    )
    result = invoke("-w", workspace, "report", "-q", "2017Q3", "-o", "-")
    assert result.exit_code == 0, result.output
    assert result.stdout.split("\n")[2] == "吉安市人民政府："


def test_overview_judges_from_the_figures_and_draws_no_chart_by_default() -> None:
    overview = _part(_text(), "一、总体情况", "二、")
    assert "总体来看，3项任务已完成或达到序时进度，占42.9%" in overview
    assert (
        "进度滞后的3项任务分布在“着力维护农民工的合法权益”（2项）和“大力推动农民工就业创业”（1项）方面"
        in overview
    )
    assert "```" not in _text()
    charted = _text(charts=True)
    assert "```mermaid\npie showData\n" in charted


def test_progress_lists_only_tasks_with_news_and_counts_the_others() -> None:
    progress = _part(_text(), "二、主要进展", "三、")
    assert "有序推进农民工在城镇落户" not in progress  # reported in June only
    assert "本部分另有1项任务本季度未报送进展（第6项）。" in progress
    # targets restated, then the figures
    assert (
        "年度目标：新增转移农村劳动力6.04万人，其中省内新增转移4.26万人、家庭服务业新增从业人员1.725万人。"
        in progress
    )
    assert "新增转移农村劳动力累计完成4.5万人，占年度目标74.5%，比上季度末增加1.2万人" in progress


def test_problems_give_reasons_and_name_the_agencies_that_owe_reports() -> None:
    problems = _part(_text(), "三、存在的问题", "四、")
    assert "第2项“加大农民工职业培训力度”（市人社局、市总工会）严重滞后" in problems
    assert "市人社局反映：园区员工培训按计划推进；创业培训受场地限制进度偏慢。" in problems
    # each counting agency owes its own report (tracking/rule.py), named with its number of tasks
    assert "本季度有7个单位未报送所承担任务的进展：市发改委（2项）、市财政局（1项）" in problems
    assert "其中，第6项任务本季度没有任何单位报送，状态为“未报送”。" in problems


def test_next_steps_are_ordinal_sentences_from_deadlines_and_lagging_tasks() -> None:
    steps = [p.strip() for p in _part(_text(), "四、下一步工作", "附件").split("\n\n") if p.strip()]
    assert steps[0].startswith(
        "一是确保到期任务按时完成。第3项“全力保障农民工工资支付”（完成时限2017年12月31日）"
    )
    assert steps[1].startswith("二是全力冲刺年度目标。")
    assert steps[2].startswith("三是加快推进滞后任务。第2项“加大农民工职业培训力度”落后序时进度31.9个百分点")


def test_attachment_is_one_seven_column_table() -> None:
    text = _text()
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    assert sum(1 for t in tokens if t.type == "table_open") == 1
    assert "\n| 序号 | 工作任务 | 牵头单位 | 进展情况 | 完成率 | 序时进度 | 状态 |\n" in text


def test_agency_report_keeps_the_plans_own_task_numbers() -> None:
    text = _text(agency="人社局")
    assert "**（五）全力保障农民工工资支付**" in text
    assert "\n| （七） | 扩大农民工社会保险覆盖面" in text
    assert "**3.全力保障农民工工资支付**" not in text


def test_review_marks_never_reach_the_body() -> None:
    foreign = Entry(
        id=20,
        task="3.10",
        as_of=Q3,
        recorded_at=CLOCK,
        agency="市民政局",
        note="协助开展落户宣传",
        percent=60,
    )
    entries = [*sample_entries(), foreign]
    report = build_report([PlanInput(sample_plan(), entries)], Q3, StatusSettings())
    text = render_report(report)
    assert "已更正" not in text and "更正 #" not in text and "--any-agency" not in text
    assert any("采用的是更正后的记录 #7（更正 #6" in n for n in report.review)
    assert any("市民政局不是该任务列出的单位" in n for n in report.review)


def test_plans_left_out_are_noted_for_review_not_in_the_body() -> None:
    later = sample_plan().model_copy(
        update={"id": "jian-2018", "year": 2018, "title": "吉安市2018年工作要点"}
    )
    report = build_report(
        [PlanInput(sample_plan(), sample_entries()), PlanInput(later, [])], Q3, StatusSettings()
    )
    text = render_report(report)
    assert "吉安市2018年工作要点" not in text and "> 说明" not in text
    assert (
        report.review[0] == "2017年第三季度早于《吉安市2018年工作要点》的计划年度（2018年），不在本报告内。"
    )


def test_charts_only_when_asked(invoke, workspace: Path) -> None:  # type: ignore[no-untyped-def]
    from plantrack.planfile import write_plan

    write_plan(sample_plan(), workspace / "data" / "extracted" / "jian-2017.yaml")
    plain = invoke("-w", workspace, "report", "-q", "2017Q3", "-o", "-")
    charted = invoke("-w", workspace, "report", "-q", "2017Q3", "-o", "-", "--charts")
    assert plain.exit_code == charted.exit_code == 0
    assert "mermaid" not in plain.stdout
    assert "```mermaid\npie showData\n    title 任务状态（共7项）\n" in charted.stdout
