"""The demo's office loop, after its third quarter: fill-in sheets for 2017Q4 written, two of them
filled in as 市人社局 and 市教育局 would, imported, the ledger exported and the Word report written,
all with the real code of `templates`, `import`, `export` and `report --format docx`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from plantrack.periods import Quarter
from plantrack.records import PlanRecord as Plan
from plantrack.workspace import Workspace

QUARTER = Quarter(2017, 4)
TODAY = date(2018, 1, 8)  # the day the office collects the fourth quarter's sheets

# agency -> task id -> header (or its start) -> what the agency types
FILLED: dict[str, dict[str, dict[str, Any]]] = {
    "市人社局": {
        "1.1": {"目标1完成值": "6.12万", "目标2完成值": 43100, "目标3完成值": 17400, "状态": "已完成",
                "进展情况": "全年新增转移农村劳动力6.12万人，超额完成年度目标"},
        "1.4": {"目标1完成值": 30200, "目标2完成值": 6800, "目标3完成值": "1.21万", "状态": "推进中",
                "进展情况": "园区员工和家庭服务业培训完成年度目标", "存在问题": "创业培训开班晚，差900人",
                "下一步打算": "2018年一季度补足"},
        "2.5": {"完成百分比": 100, "状态": "已完成", "进展情况": "春节前工资清欠专项行动全部结案"},
    },
    "市教育局": {
        "1.3": {"完成百分比": 100, "状态": "已完成", "进展情况": "全年招收农村未升学初中毕业生6100人"},
    },
}  # fmt: skip


@dataclass(frozen=True)
class LoopResult:
    templates: int
    folder: Path
    filled: list[Path]
    imported: int
    corrections: int
    ledger: Path
    docx: Path


def fill_sheet(path: Path, rows: dict[str, dict[str, Any]]) -> Path:
    """Type values into a fill-in sheet by header, in each task's row (as a member unit does)."""
    from openpyxl import load_workbook

    from plantrack.lang.office_words import FILL_SHEET
    from plantrack.office.fillin import HEADER_ROW

    wb = load_workbook(path)
    sheet = wb[FILL_SHEET]
    cols = {str(c.value): c.column for c in sheet[HEADER_ROW] if c.value is not None}
    where = {sheet.cell(r, 1).value: r for r in range(HEADER_ROW + 1, sheet.max_row + 1)}
    for task, values in rows.items():
        for name, value in values.items():
            col = cols.get(name) or next(c for h, c in cols.items() if h.startswith(name))
            sheet.cell(where[task], col).value = value
    wb.save(path)
    return path


def run_loop(ws: Workspace, plan: Plan) -> LoopResult:
    from plantrack.office.docx_report import write_report_docx
    from plantrack.office.export import export
    from plantrack.office.fillin import write_templates
    from plantrack.office.importer import apply_import, plan_import
    from plantrack.report.generate import make_report

    made = write_templates(ws, plan.id, QUARTER)
    by_agency = {name: path for name, path, _ in made.files}
    filled = [fill_sheet(by_agency[name], rows) for name, rows in FILLED.items()]
    planned = plan_import(ws, filled, today=TODAY)
    assert not planned.problems, planned.problems
    written = apply_import(ws, planned).written
    ledger = export(ws, plan.id, QUARTER.end, "xlsx")
    report = make_report(ws, QUARTER.end)
    docx = write_report_docx(ws, report.text, report.default_path.with_suffix(".docx"), ws.root)
    assert ledger.path is not None
    corrections = sum(1 for e in written if e.corrects is not None)
    return LoopResult(len(made.files), made.folder, filled, len(written), corrections, ledger.path, docx)


def loop_lines(loop: LoopResult, rel: Callable[[Path], str], program: str) -> list[str]:
    """What `plantrack demo` prints for the loop."""
    code = QUARTER.code
    return [
        f"5. 生成{QUARTER.label}填报表（plantrack templates --quarter {code}）",
        f"   → {rel(loop.folder)}：{loop.templates}个单位各一份",
        f"6. {'、'.join(FILLED)}填好报回，导入（plantrack import {rel(loop.folder)}/*.xlsx）",
        f"   → {loop.imported}条记录" + (f"（其中更正{loop.corrections}条）" if loop.corrections else ""),
        f"7. 导出任务台账（plantrack export --quarter {code}）",
        f"   → {rel(loop.ledger)}",
        f"8. 生成Word公文格式的季度报告（plantrack report --quarter {code} --format docx）",
        f"   → {rel(loop.docx)}",
    ]
