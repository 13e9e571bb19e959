"""Which date a plan is looked at when none is given: per plan, from its own year (periods.default_as_of)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from plantrack.models import Plan
from plantrack.periods import Quarter, date_notes, default_as_of
from plantrack.tracking.models import Entry
from tests.report_sample import CLOCK, sample_entries, sample_plan
from tests.test_report_golden import check_golden, check_markdown


def _plan(year: int) -> Plan:
    return sample_plan().model_copy(update={"year": year})


CASES = [
    # (plan year, today, expected date, expected quarter, words of the note)
    (2017, date(2026, 11, 23), date(2017, 12, 31), Quarter(2017, 4), "计划年度为2017年，已结束"),
    (2017, date(2017, 10, 9), date(2017, 9, 30), Quarter(2017, 3), "默认按上一个已结束的季度"),
    (2017, date(2017, 12, 31), date(2017, 9, 30), Quarter(2017, 3), "默认按上一个已结束的季度"),
    (2017, date(2018, 1, 2), date(2017, 12, 31), Quarter(2017, 4), "已结束"),
    (
        2017,
        date(2017, 2, 10),
        date(2017, 2, 10),
        None,
        "2017年第一季度尚未结束，默认截至今天（2017年2月10日）",
    ),
    (2017, date(2016, 12, 1), date(2017, 3, 31), Quarter(2017, 1), "尚未开始"),
]


@pytest.mark.parametrize(("year", "today", "as_of", "quarter", "words"), CASES)
def test_default_date_of_a_plan(
    year: int, today: date, as_of: date, quarter: Quarter | None, words: str
) -> None:
    chosen = default_as_of(_plan(year), today)
    assert (chosen.as_of, chosen.quarter) == (as_of, quarter)
    assert chosen.note.startswith("《吉安市农民工工作领导小组2017年工作要点》")
    assert words in chosen.note and "\n" not in chosen.note


def test_status_and_show_look_at_today_inside_the_plan_year() -> None:
    now = default_as_of(_plan(2017), date(2017, 11, 20), whole_quarters=False)
    assert (now.as_of, now.quarter) == (date(2017, 11, 20), None)
    past = default_as_of(_plan(2017), date(2026, 11, 23), whole_quarters=False)
    assert (past.as_of, past.quarter) == (date(2017, 12, 31), Quarter(2017, 4))


def test_the_note_says_the_date_in_one_line() -> None:
    assert default_as_of(_plan(2017), date(2026, 11, 23)).note == (
        "《吉安市农民工工作领导小组2017年工作要点》计划年度为2017年，已结束，"
        "默认按2017年第四季度（截至2017年12月31日）"
    )


def _plan_2023() -> Plan:
    return sample_plan().model_copy(
        update={
            "id": "jian-2023",
            "year": 2023,
            "issued_on": date(2023, 3, 1),
            "title": "吉安市农民工工作领导小组2023年工作要点",
            "notice_title": "吉安市农民工工作领导小组办公室关于印发吉安市农民工工作领导小组2023年工作要点的通知",
            "doc_number": "吉农工办〔2023〕2号",
        }
    )


def _entries_2023() -> list[Entry]:
    out = []
    for e in sample_entries():
        moved = e.as_of.replace(year=2023)
        out.append(e.model_copy(update={"as_of": moved, "recorded_at": CLOCK.replace(year=2023)}))
    return out


@pytest.fixture
def mixed(workspace: Path) -> Path:
    """A workspace with the 2017 sample plan and a 2023 plan of the same office, both with records."""
    from plantrack.planfile import write_plan
    from plantrack.tracking.journal import append_entry

    for plan, entries in ((sample_plan(), sample_entries()), (_plan_2023(), _entries_2023())):
        write_plan(plan, workspace / "data" / "extracted" / f"{plan.id}.yaml")
        journal = workspace / "data" / "progress" / f"{plan.id}.yaml"
        for entry in entries:
            append_entry(journal, plan.id, lambda i, e=entry: e.model_copy(update={"id": i}))
    return workspace


def test_mixed_years_each_plan_at_its_own_date(mixed: Path) -> None:
    from plantrack.report.generate import workspace_reports
    from plantrack.workspace import Workspace

    batch = workspace_reports(Workspace(mixed), today=date(2023, 11, 20))
    assert [(w.report.quarter, [p.id for p in w.report.plans]) for w in batch.written] == [
        ("2017Q4", ["jian-2017"]),
        ("2023Q3", ["jian-2023"]),
    ]
    assert [w.default_path.name for w in batch.written] == ["2017Q4-jian-2017.md", "2023Q3-jian-2023.md"]
    assert len(batch.dates) == 2
    texts = []
    for w in batch.written:
        check_markdown(w.text)
        texts.append(f"<!-- {w.default_path.name} -->\n{w.text}")
    # the 2023 report is signed the day it is made; the 2017 one at the end of its year
    assert "\n2023年11月20日\n" in texts[1] and "\n2017年12月31日\n" in texts[0]
    check_golden("report-mixed-years.md", "\n".join(texts))


def test_agency_report_of_a_past_plan_is_not_dated_by_the_newer_plan(invoke, mixed: Path) -> None:  # type: ignore[no-untyped-def]
    from plantrack.planfile import write_plan

    newer = _plan_2023().model_copy(update={"id": "other-2023", "tasks": [sample_plan().tasks[4]]})
    write_plan(newer, mixed / "data" / "extracted" / "other-2023.yaml")
    result = invoke("-w", mixed, "report", "--agency", "市人社局", "-p", "jian-2017", "-p", "other-2023")
    assert result.exit_code == 0, result.output
    written = sorted(p.name for p in (mixed / "reports").iterdir())
    assert written == ["2017Q4-jian-2017-市人社局.md"]
    text = (mixed / "reports" / written[0]).read_text(encoding="utf-8")
    assert "2017年第四季度" in text and "2023" not in text
    assert (
        "《吉安市农民工工作领导小组2017年工作要点》计划年度为2017年，已结束，默认按2017年第四季度"
        in result.stderr
    )


def test_cli_says_which_quarter_it_chose(invoke, mixed: Path) -> None:  # type: ignore[no-untyped-def]
    result = invoke("-w", mixed, "report", "-p", "jian-2017")
    assert result.exit_code == 0, result.output
    assert "计划年度为2017年，已结束，默认按2017年第四季度（截至2017年12月31日）" in result.stderr
    assert (mixed / "reports" / "2017Q4-jian-2017.md").is_file()


def test_a_quarter_outside_a_plans_year_leaves_it_out_with_a_review_note(invoke, mixed: Path) -> None:  # type: ignore[no-untyped-def]
    result = invoke("-w", mixed, "report", "-q", "2023Q3")
    assert result.exit_code == 0, result.output
    text = (mixed / "reports" / "2023Q3.md").read_text(encoding="utf-8")
    assert "2017年工作要点" not in text and "不在本报告内" not in text
    assert (
        "审核提示：2023年第三季度晚于《吉安市农民工工作领导小组2017年工作要点》的计划年度（2017年），不在本报告内。"
        in result.stderr
    )


def test_status_and_show_default_to_each_plans_own_date(invoke, mixed: Path) -> None:  # type: ignore[no-untyped-def]
    """Both plans are past: the 2017 plan is looked at on 2017-12-31, not today (in its year 100% 序时进度
    and nothing reported in today's quarter would be meaningless)."""
    shown = invoke("-w", mixed, "show", "jian-2017", "五")
    assert shown.exit_code == 0, shown.output
    assert "（截至 2017-12-31）" in shown.stdout
    status = invoke("-w", mixed, "status", "-p", "jian-2017")
    assert status.exit_code == 0, status.output
    assert "截至 2017-12-31" in status.stdout.split("\n")[0]
    assert (
        "《吉安市农民工工作领导小组2017年工作要点》计划年度为2017年，已结束，默认按2017年第四季度"
        in status.stderr
    )


def test_one_output_file_for_several_default_dates_is_refused_plainly(
    invoke, mixed: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "一份.md"
    result = invoke("-w", mixed, "report", "-o", out)
    assert result.exit_code == 0, result.output
    assert not out.exists()
    assert sorted(p.name for p in (mixed / "reports").iterdir()) == [
        "2017Q4-jian-2017.md",
        "2023Q4-jian-2023.md",
    ]
    assert "生成了2份报告，已分别写入 reports/" in result.stderr


def test_many_plans_with_one_reason_say_it_once() -> None:
    plans = [_plan(2017).model_copy(update={"title": f"某市2017年工作要点{n}"}) for n in range(1, 6)]
    later = _plan(2027).model_copy(update={"title": "某市2027年工作要点"})
    chosen = [default_as_of(p, date(2026, 11, 23)) for p in [*plans, later]]
    lines = date_notes(chosen)
    assert lines == [
        "《某市2017年工作要点1》、《某市2017年工作要点2》、《某市2017年工作要点3》等5个计划："
        + chosen[0].reason,
        chosen[-1].note,
    ]
    assert chosen[0].reason.startswith("计划年度为2017年，已结束")
    # a few plans keep a line each, as before
    assert date_notes(chosen[:2]) == [chosen[0].note, chosen[1].note]
