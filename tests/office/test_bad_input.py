"""Bad input to the office commands: one Chinese message naming what is wrong, a non-zero exit, no
traceback, and nothing written to the journal; each case in this process (the full command line, where
the console script hands these commands) and, in the slow set, run as the real console script."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from plantrack.cli.app import app
from tests.office.fill import fill

SHEET = "2017Q3-市人社局.xlsx"
GBK_CSV = (
    "《吉安市农民工工作领导小组2017年工作要点》2017年第三季度进展填报表（市人社局）\r\n"
    "填报单位：市人社局　计划编号：jian-2017　季度：2017Q3\r\n"
    "任务编号,序号,工作任务,截至日期,完成百分比,状态,进展情况\r\n"
    "2.6,(六),规范农民工劳动用工管理,2017/9/30,九成,推进中,劳动合同签订率达到93%\r\n"
)


Sheet = Callable[[], Path]  # a fresh fill-in sheet of 2017Q3 for 市人社局, in the workspace


def _sheet(ws: Path) -> Path:
    out = ws / "out"
    run = _plantrack(ws, "templates", "--quarter", "2017Q3", "--agency", "人社局", "-o", str(out))
    assert run.returncode == 0, run.stderr
    return out / SHEET


def _wrong_plan(ws: Path, sheet: Sheet) -> list[str]:
    path = fill(sheet(), {"2.6": {"完成百分比": 90}})
    wb = openpyxl.load_workbook(path)
    wb["_plantrack"]["B3"].value = "ganzhou-2018"
    wb.save(path)
    return ["import", str(path), "--yes"]


def _outdated(ws: Path, sheet: Sheet) -> list[str]:
    path = fill(sheet(), {"2.6": {"完成百分比": 90}})
    plan = ws / "data" / "extracted" / "jian-2017.yaml"
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text.replace("规范农民工劳动用工管理", "规范农民工劳动用工"), encoding="utf-8")
    return ["import", str(path), "--yes"]


def _et(ws: Path, sheet: Sheet) -> list[str]:
    path = ws / "2017Q3-市人社局.et"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)  # WPS's own (OLE) format
    return ["import", str(path), "--yes"]


def _gbk_csv(ws: Path, sheet: Sheet) -> list[str]:
    path = ws / "人社局.csv"
    path.write_bytes(GBK_CSV.encode("gbk"))
    return ["import", str(path), "--yes"]


def _text_in_number_cell(ws: Path, sheet: Sheet) -> list[str]:
    path = fill(sheet(), {"1.1": {"目标1完成值": "很多", "进展情况": "推进中"}})
    return ["import", str(path), "--yes"]


CASES: dict[str, tuple[Callable[[Path, Sheet], list[str]], str]] = {
    "wrong-plan-sheet": (_wrong_plan, "这是计划“ganzhou-2018”的填报表，工作区中没有这个计划。"),
    "outdated-sheet": (_outdated, "这张填报表是按旧版计划生成的"),
    "et-file": (_et, "是 WPS/Numbers 的专用格式，plantrack 读不了。"),
    "gbk-csv-text-in-percent": (_gbk_csv, "完成百分比“九成”应是 0 到 100 之间的百分数。"),
    "text-in-number-cell": (_text_in_number_cell, "进展填报!G5：目标1完成值“很多”不是数字。"),
    "export-as-xls": (lambda ws, _: ["export", "-q", "2017Q3", "-o", str(ws / "台账.xls")], "扩展名 .xls"),
    "report-as-pdf": (lambda ws, _: ["report", "-q", "2017Q3", "-o", str(ws / "报告.pdf")], "扩展名 .pdf"),
    "templates-bad-quarter": (lambda ws, _: ["templates", "-q", "2017Q5"], "季度 '2017Q5' 的写法不对"),
    "remind-bad-date": (lambda ws, _: ["remind", "-q", "2017Q3", "--date", "十月"], "--date 的值"),
}


def _plantrack(ws: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "NO_COLOR": "1", "COLUMNS": "200"}
    return subprocess.run(
        [sys.executable, "-m", "plantrack", "-w", str(ws), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
        check=False,
    )


def _refused(ws: Path, message: str, code: int, said: str) -> None:
    assert code != 0, said
    assert message in said, said
    assert "Traceback" not in said and "Error:" not in said and "Exception" not in said
    assert not (ws / "台账.xls").exists() and not (ws / "报告.pdf").exists()


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_bad_input_gets_a_chinese_message_and_a_failing_exit(
    demo_ws: Path, sheet_base: Path, case: str
) -> None:
    make, message = CASES[case]

    def sheet() -> Path:
        (demo_ws / "out").mkdir(exist_ok=True)
        return Path(shutil.copy(sheet_base, demo_ws / "out" / SHEET))

    args = make(demo_ws, sheet)
    journal = demo_ws / "data" / "progress" / "jian-2017.yaml"
    before = journal.read_bytes()
    done = CliRunner().invoke(app, ["-w", str(demo_ws), *args], catch_exceptions=False)  # no exception
    _refused(demo_ws, message, done.exit_code, done.output)
    assert journal.read_bytes() == before


@pytest.mark.slow
@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_bad_input_to_the_console_script_gets_a_chinese_message_and_a_failing_exit(
    demo_ws: Path, case: str
) -> None:
    make, message = CASES[case]
    args = make(demo_ws, lambda: _sheet(demo_ws))
    journal = demo_ws / "data" / "progress" / "jian-2017.yaml"
    before = journal.read_bytes()
    run = _plantrack(demo_ws, *args)
    _refused(demo_ws, message, run.returncode, run.stdout + run.stderr)
    assert journal.read_bytes() == before
