"""Whole reports pinned by golden files, and checked with a Markdown parser (markdown-it-py).

Regenerate the golden files after an intended change, then review the diff:

    PLANTRACK_REGEN_GOLDEN=1 .venv/bin/python -m pytest tests/test_report_golden.py tests/test_demo.py tests/test_report_default_period.py
"""

from __future__ import annotations

import itertools
import os
import re
from datetime import date
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from plantrack.config import StatusSettings
from plantrack.report import PlanInput, build_report, render_report
from plantrack.tracking.models import Entry
from tests.report_sample import CLOCK, sample_entries, sample_plan

GOLDEN = Path(__file__).resolve().parent / "golden"
REGEN = os.environ.get("PLANTRACK_REGEN_GOLDEN") == "1"


def check_golden(name: str, text: str) -> None:
    """Compare text with tests/golden/<name> byte for byte (or rewrite it when regenerating)."""
    path = GOLDEN / name
    if REGEN:
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
    assert path.exists(), f"{path} is missing: run with PLANTRACK_REGEN_GOLDEN=1"
    assert text.encode("utf-8") == path.read_bytes(), f"{name} differs from the golden file"


def _render(entries: list[Entry], as_of: date = date(2017, 9, 30), agency: str | None = None) -> str:
    report = build_report([PlanInput(sample_plan(), entries)], as_of, StatusSettings(), agency=agency)
    return render_report(report)


# --- Markdown well-formedness --------------------------------------------------------------------

_UNESCAPED_PIPE = re.compile(r"(?<!\\)(?:\\\\)*\|")


def check_markdown(text: str) -> None:
    """Tables with the header's column count (parsed and in the source), no raw HTML, sane headings."""
    md = MarkdownIt("commonmark").enable("table")
    tokens = md.parse(text)
    assert not [t for t in tokens if t.type == "html_block"]
    assert not [c for t in tokens if t.children for c in t.children if c.type == "html_inline"]
    html = md.render(text)
    assert "<script" not in html and "<b>" not in html and "<br" not in html
    _check_tables(tokens, text)
    _check_headings(tokens)
    assert text.endswith("\n") and not text.endswith("\n\n")
    assert not [ln for ln in text.split("\n") if ln != ln.rstrip()], "trailing spaces"


def _check_tables(tokens: list, text: str) -> None:  # type: ignore[type-arg]
    lines = text.split("\n")
    tables = [t for t in tokens if t.type == "table_open"]
    assert tables, "the report has no table"
    for table in tables:
        start, end = table.map
        rows = lines[start:end]
        header = len(_UNESCAPED_PIPE.findall(rows[0]))
        for row in rows:
            assert len(_UNESCAPED_PIPE.findall(row)) == header, f"wrong column count: {row}"
    cells: list[int] = []
    for t in tokens:
        if t.type == "tr_open":
            cells.append(0)
        elif t.type in ("th_open", "td_open"):
            cells[-1] += 1
    assert len(set(cells)) == 1, cells


def _check_headings(tokens: list) -> None:  # type: ignore[type-arg]
    levels = [int(t.tag[1]) for t in tokens if t.type == "heading_open"]
    assert levels[0] == 1 and levels.count(1) == 1
    for a, b in itertools.pairwise(levels):
        assert b <= a + 1, f"heading jumps from h{a} to h{b}"


# --- golden reports ------------------------------------------------------------------------------


def test_quarter_report_golden() -> None:
    text = _render(sample_entries())
    check_markdown(text)
    check_golden("report-sample-2017Q3.md", text)


def test_agency_report_golden() -> None:
    text = _render(sample_entries(), agency="人社局")
    check_markdown(text)
    check_golden("report-sample-2017Q3-市人社局.md", text)


def test_report_without_records_golden() -> None:
    text = _render([])
    check_markdown(text)
    assert "尚未报送任何进展，全部7项任务均为“未报送”" in text
    check_golden("report-sample-no-records.md", text)


def test_same_inputs_give_identical_bytes() -> None:
    assert _render(sample_entries()) == _render(list(reversed(sample_entries())))


HOSTILE_NOTES = [
    "完成 | 一半 | 以上",
    "第一行\n第二行\r\n| 表格 | 注入 |",
    "<script>alert('x')</script><b>加粗</b><br/>换行",
    "# 伪标题\n- 伪列表\n```\n代码",
    "\\|反斜杠|",
    "[链接](javascript:alert(1)) ![图](x.png) *强调* `代码`",
]


@pytest.mark.parametrize("note", HOSTILE_NOTES)
def test_hostile_notes_keep_the_markdown_valid(note: str) -> None:
    entries = [
        *sample_entries(),
        Entry(
            id=20,
            task="3.10",
            as_of=date(2017, 9, 30),
            recorded_at=CLOCK,
            agency="市公安局",
            note=note,
            percent=75,
        ),
    ]
    text = _render(entries)
    check_markdown(text)
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    assert not [
        t for t in tokens if t.type in ("fence", "code_block") and t.info != "mermaid" and t.info != "text"
    ]
    assert sum(1 for t in tokens if t.type == "tr_open") == 8  # header + 7 tasks


def test_workspace_template_overrides_the_shipped_one(tmp_path: Path) -> None:
    (tmp_path / "report.md.j2").write_text(
        "# {{ report.title }}\n{% for p in report.plans %}{{ p.total }}项{% endfor %}\n", encoding="utf-8"
    )
    report = build_report([PlanInput(sample_plan(), sample_entries())], date(2017, 9, 30), StatusSettings())
    text = render_report(report, tmp_path)
    assert text == "# 关于《吉安市农民工工作领导小组2017年工作要点》2017年第三季度落实情况的报告\n7项\n"


@pytest.mark.parametrize(
    ("template", "message"),
    [
        ("{{ report.nothing }}", "模板使用了不存在的字段"),
        ("{% for p in report.plans %}", "模板语法错误"),
    ],
)
def test_broken_workspace_template_is_named(tmp_path: Path, template: str, message: str) -> None:
    from plantrack.errors import DataFileError

    (tmp_path / "report.md.j2").write_text(template, encoding="utf-8")
    report = build_report([PlanInput(sample_plan(), [])], date(2017, 9, 30), StatusSettings())
    with pytest.raises(DataFileError) as e:
        render_report(report, tmp_path)
    assert str(tmp_path / "report.md.j2") in e.value.message
    assert message in e.value.message
    assert e.value.hint is not None and "docs/report.md" in e.value.hint


def test_several_plans_render_one_part_each() -> None:
    other = sample_plan().model_copy(
        update={"id": "jian-2017b", "title": "吉安市2017年就业工作要点", "doc_number": "", "notice_title": ""}
    )
    report = build_report(
        [PlanInput(sample_plan(), sample_entries()), PlanInput(other, [])],
        date(2017, 9, 30),
        StatusSettings(),
    )
    text = render_report(report)
    check_markdown(text)
    assert "\n## 《吉安市农民工工作领导小组2017年工作要点》落实情况\n" in text
    assert "\n## 《吉安市2017年就业工作要点》落实情况\n" in text
    assert text.count("\n### 一、总体情况\n") == 2
    assert "\n## 附件1：《吉安市农民工工作领导小组2017年工作要点》任务进展情况表\n" in text
    assert "\n## 附件2：《吉安市2017年就业工作要点》任务进展情况表\n" in text
    assert (
        "按照《吉安市农民工工作领导小组办公室关于印发吉安市农民工工作领导小组2017年工作要点的通知》"
        "（吉农工办〔2017〕1号）、《吉安市2017年就业工作要点》要求" in text
    )
    # one 落款 for the whole report, after the last plan's next steps and before the attachments
    assert text.count("\n吉安市农民工工作领导小组办公室\n\n2017年9月30日\n") == 1
    assert text.index("2017年9月30日\n\n## 附件1") > text.rindex("四、下一步工作")


def test_several_agencies_per_task_golden() -> None:
    from tests.report_sample import several_agencies_entries

    text = _render(several_agencies_entries())
    check_markdown(text)
    # each agency's own figure is shown, named, in the task's paragraph
    assert (
        "市公安局报送完成80%：办理农业转移人口落户5200人。市发改委报送完成45%：市民化配套政策尚在征求意见。"
        in text
    )
    check_golden("report-several-agencies-2017Q3.md", text)
