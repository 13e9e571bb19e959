"""`plantrack templates` and `plantrack import`: the quarterly fill-in loop, with real-world returns."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from tests.office.fill import fill

SHEET = "2017Q3-市人社局.xlsx"


def _templates(invoke, ws: Path, *args: str) -> Path:  # type: ignore[no-untyped-def]
    result = invoke("-w", ws, "templates", "--quarter", "2017Q3", "-o", ws / "out", *args)
    assert result.exit_code == 0, result.output
    return ws / "out"


def _history(invoke, ws: Path, task: str) -> list[str]:  # type: ignore[no-untyped-def]
    result = invoke("-w", ws, "history", "jian", task)
    assert result.exit_code == 0, result.output
    return [ln for ln in result.output.splitlines() if ln.startswith("#")]


@pytest.mark.slow
def test_templates_one_workbook_per_agency(invoke, demo_ws: Path) -> None:  # type: ignore[no-untyped-def]
    out = _templates(invoke, demo_ws)
    files = sorted(p.name for p in out.glob("*.xlsx"))
    assert SHEET in files and "2017Q3-市教育局.xlsx" in files and len(files) == 33
    wb = openpyxl.load_workbook(out / SHEET)
    sheet = wb["进展填报"]
    assert (
        sheet["A1"].value == "《吉安市农民工工作领导小组2017年工作要点》2017年第三季度进展填报表（市人社局）"
    )
    assert sheet["A3"].value.startswith("填写说明：")
    header = [c.value for c in sheet[4]]
    assert header[:5] == ["任务编号", "序号", "工作任务", "本单位角色", "上次报送"]
    assert header[-6:] == ["截至日期", "完成百分比", "状态", "进展情况", "存在问题", "下一步打算"]
    assert "目标2完成值（人）" in header
    ids = [sheet.cell(r, 1).value for r in range(5, sheet.max_row + 1)]
    assert ids[:3] == ["1.1", "1.2", "1.3"] and "2.5" in ids and len(ids) == 11
    assert sheet.protection.sheet
    assert sheet.cell(5, 1).protection.locked
    assert not sheet.cell(5, header.index("进展情况") + 1).protection.locked
    assert sheet.cell(6, header.index("目标1完成值") + 1).protection.locked  # 1.2 has no target
    rules = {dv.type: dv for dv in sheet.data_validations.dataValidation}
    assert rules["list"].formula1 == '"未启动,推进中,已完成,暂缓"'
    assert {"decimal", "date", "list"} <= set(rules)
    meta = wb["_plantrack"]
    assert meta.sheet_state == "hidden"
    pairs = {r[0].value: r[1].value for r in meta.iter_rows()}
    assert pairs["plan"] == "jian-2017" and pairs["agency"] == "市人社局" and pairs["quarter"] == "2017Q3"
    assert len(pairs["checksum"]) == 12


def test_import_round_trip_idempotent_and_corrections(invoke, demo_ws: Path) -> None:  # type: ignore[no-untyped-def]
    path = _templates(invoke, demo_ws, "--agency", "人社局") / SHEET
    before = {t: _history(invoke, demo_ws, t) for t in ("1.1", "1.2", "2.6")}
    fill(path, {
        "1.1": {"目标1完成值": "4.9万", "目标2完成值": 35000, "目标3完成值": 14000, "状态": "推进中",
                "进展情况": "10月新增转移4000人", "截至日期": date(2017, 10, 31)},
        "1.2": {"完成百分比": 80, "进展情况": "发放创业担保贷款3.9亿元", "存在问题": "贷款贴息资金到位慢"},
    })  # fmt: skip
    result = invoke("-w", demo_ws, "import", path, "--yes")
    assert result.exit_code == 0, result.output
    # 1.2 was recorded for 2017-09-30 already (demo entry #4): the sheet's row for that date corrects it
    assert "将记录 2 条（其中更正 1 条）；已导入过、没有变化 0 行；未填写 9 行。" in result.output
    assert (
        "  更正 #4  2017Q3-市人社局.xlsx 进展填报!A6  任务 (二) 2017-09-30 市人社局：推进中；80%"
        in result.output
    )
    assert "已导入 2 条记录（#23–#24）。" in result.output
    h11 = _history(invoke, demo_ws, "1.1")
    assert len(h11) == len(before["1.1"]) + 1
    assert "2017-10-31  市人社局  推进中；[0] 4.9万人；[1] 3.5万人；[2] 1.4万人" in h11[-1]
    h12 = _history(invoke, demo_ws, "1.2")
    assert "80%" in h12[-1] and "发放创业担保贷款3.9亿元；存在问题：贷款贴息资金到位慢" in h12[-1]
    assert _history(invoke, demo_ws, "2.6") == before["2.6"]

    again = invoke("-w", demo_ws, "import", path, "--yes")
    assert again.exit_code == 0, again.output
    assert "将记录 0 条（其中更正 0 条）；已导入过、没有变化 2 行" in again.output
    assert "没有需要写入的记录。" in again.output
    assert _history(invoke, demo_ws, "1.2") == h12

    fill(path, {"1.2": {"完成百分比": 82}})
    changed = invoke("-w", demo_ws, "import", path, "--yes")
    assert changed.exit_code == 0, changed.output
    assert "更正 #24" in changed.output and "已导入 1 条记录（#25）。" in changed.output
    h12 = _history(invoke, demo_ws, "1.2")
    assert "已被 #25 更正" in h12[-2] and "82%" in h12[-1] and "更正 #24" in h12[-1]
    assert "将记录 0 条" in invoke("-w", demo_ws, "import", path, "--yes").output


def test_bad_rows_write_nothing_unless_partial(invoke, demo_ws: Path, sheet: Path) -> None:  # type: ignore[no-untyped-def]
    path = sheet
    fill(path, {
        "1.1": {"目标1完成值": "很多", "进展情况": "x"},
        "1.2": {"完成百分比": 120},
        "1.4": {"状态": "差不多", "进展情况": "y"},
        "2.6": {"完成百分比": 90, "进展情况": "劳动合同签订率93%"},
        "2.5": {"截至日期": "2099-01-01", "完成百分比": 90},
    })  # fmt: skip
    journal = demo_ws / "data" / "progress" / "jian-2017.yaml"
    size = journal.stat().st_size
    result = invoke("-w", demo_ws, "import", path, "--yes")
    assert result.exit_code == 2
    out = result.output
    # the sheet's own words, on the cell typed in: no --actual, --percent, --status or --date
    assert f"{SHEET} 进展填报!G5：目标1完成值“很多”不是数字。" in out
    assert (
        f"{SHEET} 进展填报!M6：完成百分比“120”应是 0 到 100 之间的百分数。\n  提示：例如 75 或 75%。" in out
    )
    assert (
        f"{SHEET} 进展填报!N8：状态“差不多”不认识。\n  提示：请从下拉列表中选择：未启动、推进中、已完成、暂缓。"
        in out
    )
    assert f"{SHEET} 进展填报!L9：截至日期 2099-01-01 晚于今天，不能导入未来的进展。" in out
    assert not any(f"--{o}" in out for o in ("actual", "percent", "status", "date"))
    assert "没有写入任何记录。" in out and journal.stat().st_size == size
    partial = invoke("-w", demo_ws, "import", path, "--yes", "--partial")
    assert partial.exit_code == 0, partial.output
    assert "已导入 1 条记录（#23）。" in partial.output
    assert "劳动合同签订率93%" in _history(invoke, demo_ws, "2.6")[-1]


def test_value_cells_are_named_by_their_column(invoke, demo_ws: Path, sheet: Path) -> None:  # type: ignore[no-untyped-def]
    path = sheet
    fill(path, {
        "1.1": {"目标1完成值": "50%"},  # its target counts people
        "1.2": {"目标1完成值": 300},  # a task with no target
        "2.7": {"目标2完成值": 5},  # a task with one target
    })  # fmt: skip
    out = invoke("-w", demo_ws, "import", path, "--yes").output
    assert f"{SHEET} 进展填报!G5：目标1完成值“50%”的单位“%”与目标单位“人”不符。" in out
    assert "请按“人”填写，如 4.5万。" in out
    assert (
        f"{SHEET} 进展填报!G6：任务 (二) 没有量化目标，无法填写目标1完成值。\n  提示：请改填完成百分比或状态。"
        in out
    )
    assert f"{SHEET} 进展填报!I11：任务 (七) 只有 1 个量化目标，目标2完成值不用填写。" in out
    assert not any(f"--{o}" in out for o in ("actual", "percent", "status", "date"))


def test_dry_run_and_confirmation(invoke, demo_ws: Path, sheet: Path) -> None:  # type: ignore[no-untyped-def]
    path = sheet
    fill(path, {"2.6": {"完成百分比": 90}})
    journal = demo_ws / "data" / "progress" / "jian-2017.yaml"
    size = journal.stat().st_size
    dry = invoke("-w", demo_ws, "import", path, "--dry-run")
    assert "  更正 #8  " in dry.output and "（--dry-run：没有写入。）" in dry.output
    no = invoke("-w", demo_ws, "import", path, input="n\n")
    assert no.exit_code == 1 and "已取消，没有写入。" in no.output
    assert journal.stat().st_size == size
    yes = invoke("-w", demo_ws, "import", path, input="y\n")
    assert yes.exit_code == 0 and "已导入 1 条记录" in yes.output


def test_row_for_a_task_the_agency_is_not_on(invoke, demo_ws: Path) -> None:  # type: ignore[no-untyped-def]
    path = _templates(invoke, demo_ws, "--agency", "市统计局") / "2017Q3-市统计局.xlsx"
    wb = openpyxl.load_workbook(path)
    sheet = wb["进展填报"]
    sheet.protection.sheet = False
    r = sheet.max_row + 1
    sheet.cell(r, 1).value = "3.13"  # 随迁子女入学: 市教育局's task
    sheet.cell(r, 15).value = "代报"
    wb.save(path)
    result = invoke("-w", demo_ws, "import", path, "--yes")
    assert result.exit_code == 2
    assert f"进展填报!A{r}：任务 (十三) 不是市统计局承担的任务" in result.output


@pytest.mark.slow
def test_wrong_plan_and_outdated_sheets(invoke, demo_ws: Path, sheet: Path) -> None:  # type: ignore[no-untyped-def]
    path = sheet
    fill(path, {"2.6": {"完成百分比": 90}})
    other = path.with_name("other.xlsx")
    wb = openpyxl.load_workbook(path)
    wb["_plantrack"]["B3"].value = "ganzhou-2018"
    wb.save(other)
    result = invoke("-w", demo_ws, "import", other, "--yes")
    assert result.exit_code == 2
    assert "other.xlsx：这是计划“ganzhou-2018”的填报表，工作区中没有这个计划。" in result.output

    plan = demo_ws / "data" / "extracted" / "jian-2017.yaml"
    plan.write_text(
        plan.read_text(encoding="utf-8").replace("规范农民工劳动用工管理", "规范农民工劳动用工"),
        encoding="utf-8",
    )
    outdated = invoke("-w", demo_ws, "import", path, "--yes")
    assert outdated.exit_code == 2
    assert "这张填报表是按旧版计划生成的" in outdated.output
    assert "plantrack templates --quarter 2017Q3" in outdated.output
    allowed = invoke("-w", demo_ws, "import", path, "--yes", "--allow-outdated")
    assert allowed.exit_code == 0 and "已导入 1 条记录" in allowed.output


def test_real_world_returns(invoke, demo_ws: Path, sheet: Path) -> None:  # type: ignore[no-untyped-def]
    """A renamed sheet, an extra column, merged cells, 4.5万 in a number cell, a retyped header."""
    path = sheet
    wb = openpyxl.load_workbook(path)
    sheet = wb["进展填报"]
    sheet.protection.sheet = False
    sheet.title = "人社局三季度"
    sheet.insert_cols(3)
    sheet.cell(4, 3).value = "经办人"
    sheet.cell(5, 3).value = "张三"
    cols = {str(c.value): c.column for c in sheet[4] if c.value}
    sheet.cell(4, cols["进展情况"]).value = "工作进展"
    cols["工作进展"] = cols["进展情况"]
    row = {sheet.cell(r, 1).value: r for r in range(5, sheet.max_row + 1)}
    sheet.cell(row["1.1"], cols["目标1完成值"]).value = "4.95万"
    sheet.cell(row["1.1"], cols["工作进展"]).value = "转移就业稳步推进"
    sheet.cell(row["2.6"], cols["工作进展"]).value = "劳动用工专项检查"
    sheet.cell(row["2.7"], cols["完成百分比"]).value = 80
    sheet.merge_cells(
        start_row=row["2.6"], start_column=cols["工作进展"], end_row=row["2.7"], end_column=cols["工作进展"]
    )
    wb.save(path)
    result = invoke("-w", demo_ws, "import", path, "--yes")
    assert result.exit_code == 0, result.output
    assert "人社局三季度!" in result.output
    assert "[0] 4.95万人" in _history(invoke, demo_ws, "1.1")[-1]
    assert "劳动用工专项检查" in _history(invoke, demo_ws, "2.6")[-1]
    assert "劳动用工专项检查" in _history(invoke, demo_ws, "2.7")[-1]  # the merged cell covers both rows


def test_other_formats(invoke, demo_ws: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "2017Q3-市人社局.et"
    bad.write_bytes(b"\xd0\xcf\x11\xe0not really")
    result = invoke("-w", demo_ws, "import", bad, "--yes")
    assert result.exit_code == 2
    assert "WPS/Numbers 的专用格式" in result.output and "另存为” Excel 工作簿（.xlsx）" in result.output
    assert "--partial" not in result.output  # no good row it could import
    assert "Traceback" not in result.output
    fake = tmp_path / "填报.xlsx"
    fake.write_text("not a workbook", encoding="utf-8")
    result = invoke("-w", demo_ws, "import", fake, "--yes")
    assert result.exit_code == 2 and "无法作为表格读取" in result.output
    result = invoke("-w", demo_ws, "import", tmp_path / "报表.pdf", "--yes")
    assert result.exit_code == 2 and "找不到文件" in result.output


FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "office"


@pytest.mark.parametrize("name", ["2017Q3-市人社局.xls", "2017Q3-市人社局.ods"])
def test_legacy_xls_and_ods(invoke, demo_ws: Path, tmp_path: Path, name: str) -> None:  # type: ignore[no-untyped-def]
    """Saved by LibreOffice from a filled template (1.1: 4.6万 and 3.3万; 2.6: 88%)."""
    path = tmp_path / name
    shutil.copy(FIXTURES / name, path)
    # made from the demo plan of the day; the extraction may change since: the format is tested here
    result = invoke("-w", demo_ws, "import", path, "--yes", "--allow-outdated")
    assert result.exit_code == 0, result.output
    assert "将记录 2 条" in result.output
    assert "[0] 4.6万人；[1] 3.3万人" in _history(invoke, demo_ws, "1.1")[-1]
    assert "88%" in _history(invoke, demo_ws, "2.6")[-1]


def test_gbk_csv(invoke, demo_ws: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    text = (
        "《吉安市农民工工作领导小组2017年工作要点》2017年第三季度进展填报表（市人社局）\r\n"
        "填报单位：市人社局　计划编号：jian-2017　季度：2017Q3\r\n"
        "任务编号,序号,工作任务,截至日期,完成百分比,状态,进展情况\r\n"
        "2.6,(六),规范农民工劳动用工管理,2017/9/30,92,推进中,劳动合同签订率达到93%\r\n"
        "2.9,(九),畅通农民工维权渠道,,,,\r\n"
    )
    path = tmp_path / "人社局.csv"
    path.write_bytes(text.encode("gbk"))
    result = invoke("-w", demo_ws, "import", path, "--yes")
    assert result.exit_code == 0, result.output
    assert "未填写 1 行" in result.output
    assert "92%" in _history(invoke, demo_ws, "2.6")[-1]


def test_doubtful_values_are_shown_with_their_row(invoke, demo_ws: Path, sheet: Path) -> None:  # type: ignore[no-untyped-def]
    """What record would ask to confirm (far above the target) is listed; importing confirms it."""
    path = sheet
    fill(path, {"1.1": {"目标1完成值": "1800万", "进展情况": "多打了两个零"}})
    dry = invoke("-w", demo_ws, "import", path, "--dry-run")
    assert dry.exit_code == 0, dry.output
    assert "    需核实：" in dry.output
    result = invoke("-w", demo_ws, "import", path, "--yes")
    assert result.exit_code == 0 and "已导入 1 条记录" in result.output


def _as_csv(xlsx: Path, target: Path, drop_checksum: bool = False) -> Path:
    """The fill-in sheet saved as CSV the way Excel on a Chinese Windows does: the visible sheet's
    values, merged title and meta lines in their first cell, in GBK."""
    import csv
    import re

    sheet = openpyxl.load_workbook(xlsx)["进展填报"]
    with target.open("w", encoding="gbk", newline="") as f:
        writer = csv.writer(f)
        for row in sheet.iter_rows(values_only=True):
            cells = [_excel_text(v) for v in row]
            if drop_checksum:
                cells = [re.sub(r"\u3000?校验码[:：]\s*[0-9a-f]+", "", c) for c in cells]
            writer.writerow(cells)
    return target


def _excel_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, date):  # a datetime too: Excel writes the date as shown, 2017/9/30
        return f"{value.year}/{value.month}/{value.day}"
    return str(value)


def _retitle(ws: Path, old: str, new: str) -> None:
    plan = ws / "data" / "extracted" / "jian-2017.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


def test_csv_keeps_the_checksum_line_and_is_checked_like_xlsx(
    invoke, demo_ws: Path, sheet: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    path = sheet
    fill(path, {"2.6": {"完成百分比": 91, "进展情况": "劳动合同签订率达到94%"}})
    csv_path = _as_csv(path, tmp_path / "人社局三季度.csv")
    assert "校验码：" in csv_path.read_text(encoding="gbk")
    assert "2017/9/30" in csv_path.read_text(encoding="gbk")

    _retitle(demo_ws, "规范农民工劳动用工管理", "规范农民工劳动用工")
    outdated = invoke("-w", demo_ws, "import", csv_path, "--yes")
    assert outdated.exit_code == 2, outdated.output
    assert "人社局三季度.csv：这张填报表是按旧版计划生成的" in outdated.output
    assert "Traceback" not in outdated.output

    _retitle(demo_ws, "规范农民工劳动用工", "规范农民工劳动用工管理")
    result = invoke("-w", demo_ws, "import", csv_path, "--yes")
    assert result.exit_code == 0, result.output
    assert "已导入 1 条记录" in result.output
    assert "91%" in _history(invoke, demo_ws, "2.6")[-1]
    again = invoke("-w", demo_ws, "import", csv_path, "--yes")
    assert again.exit_code == 0 and "已导入过、没有变化 1 行" in again.output, again.output
    assert "没有需要写入的记录" in again.output


def test_csv_without_checksum_is_checked_by_task_names(
    invoke, demo_ws: Path, sheet: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """No 校验码 on the sheet: a row whose task name is not the plan's is a wrong or outdated sheet."""
    path = sheet
    fill(path, {"2.6": {"完成百分比": 91}, "1.1": {"完成百分比": 80}})
    csv_path = _as_csv(path, tmp_path / "人社局.csv", drop_checksum=True)
    assert "校验码" not in csv_path.read_text(encoding="gbk")

    before = _history(invoke, demo_ws, "1.1")
    _retitle(demo_ws, "规范农民工劳动用工管理", "规范农民工劳动用工")
    refused = invoke("-w", demo_ws, "import", csv_path, "--yes")
    assert refused.exit_code == 2, refused.output
    assert "人社局.csv 人社局!C" in refused.output  # the 工作任务 cell of the row
    assert (
        "任务 2.6 在表上是“规范农民工劳动用工管理”，计划“jian-2017”中是“规范农民工劳动用工”" in refused.output
    )
    assert "--allow-outdated" in refused.output
    assert _history(invoke, demo_ws, "1.1") == before  # nothing written, the good row neither

    partial = invoke("-w", demo_ws, "import", csv_path, "--yes", "--partial")
    assert partial.exit_code == 0, partial.output
    assert "已导入 1 条记录" in partial.output  # the row whose task is unchanged
    allowed = invoke("-w", demo_ws, "import", csv_path, "--yes", "--allow-outdated")
    assert allowed.exit_code == 0 and "已导入 1 条记录" in allowed.output, allowed.output
    assert "91%" in _history(invoke, demo_ws, "2.6")[-1]
