"""`plantrack export`: the ledger of a plan at a date, as .xlsx, .csv or .json."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from plantrack.errors import UsageError
from plantrack.workspace import Workspace

FORMATS = ("xlsx", "csv", "json")
SUFFIXES = {"xlsx": (".xlsx",), "csv": (".csv", ".txt"), "json": (".json", ".txt")}
WRITTEN = {"xlsx": "Excel 台账（.xlsx）", "csv": "CSV 台账", "json": "JSON 台账"}
EXPORT_DIR = "reports"


@dataclass(frozen=True)
class Exported:
    plan_id: str
    as_of: date
    format: str
    path: Path | None  # None: the text goes to the screen
    text: str  # csv / json text ("" for xlsx)
    tasks: int
    agencies: int


def pick_format(fmt: str | None, output: Path | None) -> str:
    """--format wins, else the output's suffix, else xlsx."""
    if fmt:
        value = fmt.strip().lower().lstrip(".")
        if value not in FORMATS:
            raise UsageError(f"--format 的值“{fmt}”不认识。", hint="可选：xlsx、csv、json。")
        return value
    suffix = output.suffix.lower().lstrip(".") if output is not None and str(output) != "-" else ""
    return suffix if suffix in FORMATS else "xlsx"


def export(
    ws: Workspace, plan_text: str | None, as_of: date, fmt: str | None = None, output: Path | None = None
) -> Exported:
    """Build the ledger and write it (or return its text for `-o -`).

    The default file goes into the workspace's reports/ (never through a symlink leaving the
    workspace); a file named with -o is replaced only when it is a regular file."""
    from plantrack.fsguard import refuse_special, safe_name, write_file
    from plantrack.office.ledger import build_ledger, ledger_csv, ledger_json, merge_ledgers
    from plantrack.tracking import store

    ids = [store.resolve_plan(ws, plan_text)] if plan_text else store.plan_ids(ws)
    if not ids:
        store.resolve_plan(ws, None)  # its message: no plans yet
    plan_id = ids[0] if len(ids) == 1 else "全部计划"
    kind = pick_format(fmt, output)
    from plantrack.office.suffixes import check_suffix

    check_suffix(
        output, WRITTEN[kind], SUFFIXES[kind],
        hint="请用 -o 台账.xlsx（Excel）、台账.csv 或 台账.json，或用 --format 指定格式。",
    )  # fmt: skip
    if kind == "xlsx" and output is not None and str(output) == "-":
        raise UsageError(
            "Excel 文件不能输出到屏幕。", hint="请用 -o 台账.xlsx 指定文件，或用 --format csv/json。"
        )
    ledger = merge_ledgers([build_ledger(ws, i, as_of, agencies=kind != "csv") for i in ids])
    to_screen = output is not None and str(output) == "-"
    path = None if to_screen else output
    root = None if output is not None else ws.root  # -o names the file; the default stays inside
    if path is None and not to_screen:
        path = ws.root / EXPORT_DIR / f"{safe_name(plan_id)}-台账-{as_of.isoformat()}.{kind}"
    if path is not None:
        refuse_special(path)  # before the work: a symlink, device or folder is never replaced
    text = ""
    if kind == "xlsx":
        from plantrack.office.xlsx_ledger import write_ledger

        assert path is not None
        write_ledger(ledger, path, store.tracking_settings(ws).colors, root)
    else:
        text = (
            ledger_csv(ledger)
            if kind == "csv"
            else json.dumps(ledger_json(ledger), ensure_ascii=False, indent=2) + "\n"
        )
        if path is not None:
            # Excel opens a CSV as Chinese text only with the BOM.
            write_file(path, text.encode("utf-8-sig" if kind == "csv" else "utf-8"), root)
    return Exported(plan_id, as_of, kind, path, text, len(ledger.rows), len(ledger.agencies))
