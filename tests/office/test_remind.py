"""`plantrack remind`: 催办 notices from what tracking computes, report-by dates on working days."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import docx
import openpyxl
import pytest

from plantrack.office.remind import Reminders, collect, notice
from plantrack.office.workdays import add_workdays, is_workday
from plantrack.periods import Quarter
from plantrack.workspace import Workspace


def test_report_by_date_skips_the_national_day_holiday() -> None:
    # 2017-10-01..08 were holidays; 5 working days after 9-30 end on Friday 10-13
    assert add_workdays(date(2017, 9, 30), 5) == date(2017, 10, 13)
    assert add_workdays(date(2017, 6, 30), 5) == date(2017, 7, 7)  # Monday 7-3 .. Friday 7-7
    assert add_workdays(date(2099, 3, 31), 1) == date(2099, 4, 1)  # beyond the calendar: Mon-Fri


def test_overview_and_one_notice_per_agency(invoke, demo_ws: Path) -> None:  # type: ignore[no-untyped-def]
    result = invoke("-w", demo_ws, "remind", "--quarter", "2017Q3", "--date", "2017-10-09")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("2017年第三季度需催办的单位 ")
    assert "报送截止日期 2017-10-13" in result.output
    assert "  市人社局：未报送 2 项，滞后 1 项，2017年第四季度到期 0 项" in result.output
    folder = demo_ws / "reports" / "催办" / "2017Q3"
    overview = (folder / "2017Q3-催办清单.md").read_text(encoding="utf-8")
    assert "| 单位 | 未报送 | 进度滞后 | 2017年第四季度到期 |" in overview
    status = json.loads(
        invoke("-w", demo_ws, "status", "--as-of", "2017-09-30", "--agency", "人社局", "--json").output
    )
    lagging = [t["number"] for t in status["tasks"] if t["light"] in ("behind", "serious")]
    assert f"| 市人社局 | 2项：(三)、(十八) | 1项：{'、'.join(lagging)} | — |" in overview
    notice = (folder / "2017Q3-市人社局-催办.md").read_text(encoding="utf-8")
    assert notice.startswith("# 关于报送2017年第三季度工作任务进展情况的提醒\n\n市人社局：\n")
    assert "## 一、尚未报送2017年第三季度进展的任务" in notice
    assert "1\\.(四)加大农民工职业培训力度：滞后，完成进度60%，序时进度75%" in notice
    assert (
        "请于2017年10月13日前报送上述任务的进展情况（可填写随附的进展填报表），并对滞后任务说明原因" in notice
    )
    assert notice.endswith("吉安市农民工工作领导小组办公室\n\n2017年10月9日\n")
    education = (folder / "2017Q3-市教育局-催办.md").read_text(encoding="utf-8")
    assert "进度滞后的任务" not in education and "滞后任务说明原因" not in education


@pytest.mark.slow
def test_one_agency_as_docx_and_the_list_as_xlsx(invoke, demo_ws: Path) -> None:  # type: ignore[no-untyped-def]
    result = invoke(
        "-w",
        demo_ws,
        "remind",
        "-q",
        "2017Q3",
        "--agency",
        "人社局",
        "--format",
        "docx",
        "-o",
        demo_ws / "催办",
        "--date",
        "2017-10-09",
    )
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-1] == f"提醒通知：{demo_ws / '催办' / '2017Q3-市人社局-催办.docx'}"
    document = docx.Document(str(demo_ws / "催办" / "2017Q3-市人社局-催办.docx"))
    texts = {p.text: p.style.name for p in document.paragraphs if p.text}
    assert texts["关于报送2017年第三季度工作任务进展情况的提醒"] == "公文标题"
    assert texts["市人社局："] == "公文主送"
    assert texts["吉安市农民工工作领导小组办公室"] == "公文落款"
    assert (
        "1.(三)加强农村新成长劳动力职业教育与农民工继续教育：本单位负责；完成时限：未写明；此前未报送进展。"
        in texts
    )
    result = invoke("-w", demo_ws, "remind", "-q", "2017Q3", "--format", "xlsx", "-o", demo_ws / "催办")
    assert result.exit_code == 0, result.output
    wb = openpyxl.load_workbook(demo_ws / "催办" / "2017Q3-催办清单.xlsx")
    assert wb.sheetnames[0] == "催办清单" and "市人社局" in wb.sheetnames
    rows = [[c.value for c in r] for r in wb["市人社局"].iter_rows(min_row=4)]
    assert [r[0] for r in rows] == ["未报送第三季度进展", "未报送第三季度进展", "进度滞后"]
    assert rows[2][5] == 0.6


def test_remind_errors(invoke, demo_ws: Path) -> None:  # type: ignore[no-untyped-def]
    result = invoke("-w", demo_ws, "remind", "-q", "2017Q3", "--format", "pdf")
    assert result.exit_code == 1 and "--format 的值“pdf”不认识" in result.output
    result = invoke("-w", demo_ws, "remind", "-q", "2017Q3", "--agency", "外交部")
    assert result.exit_code == 1 and "没有找到单位“外交部”" in result.output
    result = invoke("-w", demo_ws, "remind", "-q", "2017Q3", "--date", "十月")
    assert result.exit_code != 0 and "--date" in result.output and "Traceback" not in result.output


def test_a_notice_issued_late_gives_a_date_still_ahead(demo_ws: Path) -> None:
    # 5 working days after 2017-12-31 is 2018-01-08; a notice of 2018-01-20 (a Saturday) cannot ask
    # for reports by a day gone by: 5 working days after it, Friday 2018-01-26
    ws = Workspace(demo_ws)
    assert collect(ws, None, Quarter(2017, 4), today=date(2018, 1, 5)).due_by == date(2018, 1, 8)
    rem = collect(ws, None, Quarter(2017, 4), today=date(2018, 1, 20))
    assert rem.due_by == date(2018, 1, 26) and is_workday(rem.due_by)
    assert collect(ws, None, Quarter(2017, 4), today=date(2018, 1, 8)).due_by == date(2018, 1, 15)
    item = next(i for i in rem.items if i.agency == "市人社局")
    assert "请于2018年1月26日前" in notice(rem, item) and notice(rem, item).endswith("2018年1月20日\n")


def _owed(rem: Reminders, agency: str) -> list[str]:
    item = next((i for i in rem.items if i.agency == agency), None)
    return [r.task.id for r in item.owes] if item else []


def test_reported_tasks_and_units_are_not_chased(invoke, demo_ws: Path) -> None:  # type: ignore[no-untyped-def]
    ws = Workspace(demo_ws)
    q4 = Quarter(2017, 4)
    before = collect(ws, None, q4, today=date(2018, 1, 2))
    owed = _owed(before, "市教育局")
    status = json.loads(
        invoke("-w", demo_ws, "status", "--as-of", "2017-12-31", "--agency", "教育局", "--json").output
    )
    done = [t["task"] for t in status["tasks"] if t["light"] == "done"]
    assert "3.13" in done and owed  # reported complete in the third quarter: nothing more to chase
    assert not set(done) & set(owed)
    for task in owed:  # 市教育局 reports every task it owes for the fourth quarter
        result = invoke(
            "-w", demo_ws, "record", "jian-2017", task, "--agency", "教育局", "--date", "2017-12-31",
            "--percent", "90", "--note", "按计划推进",
        )  # fmt: skip
        assert result.exit_code == 0, result.output
    after = collect(ws, None, q4, today=date(2018, 1, 2))
    assert _owed(after, "市教育局") == []
    others = [i.agency for i in before.items if i.agency != "市教育局"]
    assert [i.agency for i in after.items if i.agency != "市教育局"] == others
