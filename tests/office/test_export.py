"""`plantrack export`: the Excel ledger holds exactly what `status --json` says, as data."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest

HEADERS = [
    "序号", "工作任务", "牵头单位", "责任单位", "配合单位", "完成时限", "量化目标",
    "截至9月30日累计完成", "完成率", "序时进度", "状态", "最近报送", "备注",
]  # fmt: skip


def _export(invoke, ws: Path, *args: str) -> Path:  # type: ignore[no-untyped-def]
    out = ws / "台账.xlsx"
    result = invoke("-w", ws, "export", "--quarter", "2017Q3", "-o", out, *args)
    assert result.exit_code == 0, result.output
    assert result.output.startswith("已导出台账：")
    return out


def _status(invoke, ws: Path, *args: str) -> dict:  # type: ignore[no-untyped-def,type-arg]
    result = invoke("-w", ws, "status", "--as-of", "2017-09-30", "--json", *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.output)  # type: ignore[no-any-return]


def _task_rows(sheet) -> list[list[object]]:  # type: ignore[no-untyped-def]
    merged_rows = {r.min_row for r in sheet.merged_cells.ranges if r.min_row > 3}
    return [
        [c.value for c in row]
        for row in sheet.iter_rows(min_row=4)
        if row[0].row not in merged_rows and row[0].value is not None
    ]


def test_ledger_values_equal_status_json(invoke, demo_ws: Path) -> None:  # type: ignore[no-untyped-def]
    wb = openpyxl.load_workbook(_export(invoke, demo_ws))
    sheet = wb["任务台账"]
    assert [c.value for c in sheet[3]] == HEADERS
    status = _status(invoke, demo_ws)
    rows = _task_rows(sheet)
    assert len(rows) == len(status["tasks"]) == 22
    for row, task in zip(rows, status["tasks"], strict=True):
        cells = dict(zip(HEADERS, row, strict=True))
        assert cells["序号"] == task["number"]
        assert cells["工作任务"] == task["title"]
        assert cells["状态"] == task["light_label"]
        assert cells["序时进度"] == pytest.approx(task["expected_pct"] / 100)
        if task["progress_pct"] is None:
            assert cells["完成率"] is None
        else:
            assert cells["完成率"] == pytest.approx(task["progress_pct"] / 100)
        last = task["last"]
        assert cells["最近报送"] == (datetime.fromisoformat(last["as_of"]) if last else None)
        assert (cells["备注"] or "").startswith(last["note"] if last else "")


@pytest.mark.slow
def test_ledger_layout(invoke, demo_ws: Path) -> None:  # type: ignore[no-untyped-def]
    wb = openpyxl.load_workbook(_export(invoke, demo_ws))
    sheet = wb["任务台账"]
    assert sheet["A1"].value == "《吉安市农民工工作领导小组2017年工作要点》任务台账（截至2017年9月30日）"
    assert sheet.freeze_panes == "A4"
    assert sheet.auto_filter.ref.startswith("A3:M")
    assert sheet.print_title_rows == "$3:$3"
    assert sheet.page_setup.orientation == "landscape"
    assert int(sheet.page_setup.paperSize) == 9  # A4
    assert sheet.column_dimensions["B"].width >= 30
    sections = [
        sheet.cell(r.min_row, 1).value
        for r in sorted(sheet.merged_cells.ranges, key=lambda r: r.min_row)
        if r.min_row > 3
    ]
    assert sections[0] == "一、大力推动农民工就业创业"
    assert all(r.max_col == 13 for r in sheet.merged_cells.ranges)
    lights = {
        sheet.cell(r, 11).value: sheet.cell(r, 11).fill.fgColor.rgb for r in range(4, sheet.max_row + 1)
    }
    assert lights["滞后"].endswith("FFEB9C") and lights["序时推进"].endswith("C6EFCE")
    assert sheet["F5"].value is None or isinstance(sheet["F5"].value, datetime | str)
    assert sheet["I5"].number_format == "0.0%" and isinstance(sheet["I5"].value, float)
    assert "报送情况" in wb.sheetnames and "量化目标" in wb.sheetnames and "市人社局" in wb.sheetnames
    # wrapped text gets room: the row listing a dozen 责任单位 is several lines high, a short one is not
    rows = {sheet.cell(r, 1).value: r for r in range(4, sheet.max_row + 1)}
    long_row = sheet.row_dimensions[rows["(一)"]].height
    assert long_row is not None and long_row >= 4 * 13.5
    assert len(str(sheet.cell(rows["(一)"], 4).value)) * 2 > 3 * sheet.column_dimensions["D"].width


@pytest.mark.slow
def test_agency_sheet_equals_status_of_that_agency(invoke, demo_ws: Path) -> None:  # type: ignore[no-untyped-def]
    wb = openpyxl.load_workbook(_export(invoke, demo_ws))
    rows = _task_rows(wb["市人社局"])
    status = _status(invoke, demo_ws, "--agency", "市人社局")
    assert [(r[0], r[2], r[8]) for r in rows] == [
        (t["number"], {"lead": "牵头", "responsible": "负责", "support": "配合"}[t["role"]], t["light_label"])
        for t in status["tasks"]
    ]


@pytest.mark.slow
def test_reporting_sheet_shows_who_owes(invoke, demo_ws: Path) -> None:  # type: ignore[no-untyped-def]
    sheet = openpyxl.load_workbook(_export(invoke, demo_ws))["报送情况"]
    assert [c.value for c in sheet[3]] == ["单位", "2017年第一季度", "2017年第二季度", "2017年第三季度"]
    by_agency = {row[0].value: [c.value for c in row[1:]] for row in sheet.iter_rows(min_row=4)}
    # the same agencies and counts as the report's 未按时报送进展的单位 (tracking's rule, report's list)
    report = invoke("-w", demo_ws, "report", "-q", "2017Q3", "-o", "-").output
    line = next(x for x in report.splitlines() if x.startswith("本季度有") and "未报送" in x)
    owing = dict(re.findall(r"([^：、（）]+)（(\d+)项）", line.split("：", 1)[1]))
    assert owing and "市教育局" in owing
    for name, cells in by_agency.items():
        expected = f"欠报{owing[name]}项" if name in owing else "已报送"
        assert cells[2] in (expected, "—"), name
    assert by_agency["市人社局"][0].startswith("欠报")  # nothing in Q1
    targets = openpyxl.load_workbook(demo_ws / "台账.xlsx")["量化目标"]
    first = [c.value for c in targets[4]]
    assert first[2:6] == ["新增转移农村劳动力", 60400, "人", 45000]


@pytest.mark.parametrize(
    "note",
    [
        '=HYPERLINK("http://x","点击")',
        pytest.param("+1-2", marks=pytest.mark.slow),
        pytest.param("-3", marks=pytest.mark.slow),
        pytest.param("@SUM(A1)", marks=pytest.mark.slow),
        pytest.param("\t=1+1", marks=pytest.mark.slow),
    ],
)
def test_formula_like_notes_stay_text(invoke, demo_ws: Path, note: str) -> None:  # type: ignore[no-untyped-def]
    result = invoke("-w", demo_ws, "record", "jian", "2.5", "--agency", "人社局", "--date", "2017-09-30",
                    "--percent", "77", "--note", note)  # fmt: skip
    assert result.exit_code == 0, result.output
    sheet = openpyxl.load_workbook(_export(invoke, demo_ws))["任务台账"]
    cell = next(c for c in sheet["M"] if isinstance(c.value, str) and c.value == note.strip())
    assert cell.data_type == "s"
    assert cell.quotePrefix
    text = invoke("-w", demo_ws, "export", "-q", "2017Q3", "--csv", "-o", "-").output
    rows = list(csv.reader(io.StringIO(text)))
    assert "'" + note.strip() in [r[12] for r in rows]
    assert all(not r[12].startswith(("=", "+", "-", "@", "\t")) for r in rows)


def test_csv_and_json_forms(invoke, demo_ws: Path) -> None:  # type: ignore[no-untyped-def]
    out = demo_ws / "台账.csv"
    assert invoke("-w", demo_ws, "export", "-q", "2017Q3", "-o", out).exit_code == 0
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0] == HEADERS and len(rows) == 23
    data = json.loads(invoke("-w", demo_ws, "export", "-q", "2017Q3", "--format", "json", "-o", "-").output)
    status = _status(invoke, demo_ws)
    assert [t["light"] for t in data["tasks"]] == [t["light"] for t in status["tasks"]]
    assert [t["完成率"] for t in data["tasks"]] == [t["progress_pct"] for t in status["tasks"]]
    assert data["reporting"]["quarters"] == ["2017Q1", "2017Q2", "2017Q3"]


def test_export_errors(invoke, demo_ws: Path) -> None:  # type: ignore[no-untyped-def]
    result = invoke("-w", demo_ws, "export", "--format", "pdf")
    assert result.exit_code == 1
    assert "--format 的值“pdf”不认识" in result.output
    result = invoke("-w", demo_ws, "export", "-o", "-")
    assert result.exit_code == 1 and "Excel 文件不能输出到屏幕" in result.output
