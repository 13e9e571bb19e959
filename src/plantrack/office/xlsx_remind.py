"""Reminders as one workbook: the overview list and one sheet per agency with its tasks."""

from __future__ import annotations

from pathlib import Path

from plantrack.lang import office_words as words
from plantrack.office import xlsx_style as st
from plantrack.office.cells import safe_sheet_title
from plantrack.office.remind import Reminders
from plantrack.report import numbers as fmt

TASK_HEADERS = (
    "类别",
    "序号",
    "工作任务",
    "本单位角色",
    "完成时限",
    "完成进度",
    "序时进度",
    "状态",
    "上次报送",
    "说明",
)
TASK_WIDTHS = (14, 8, 36, 10, 14, 10, 10, 10, 12, 40)


def write_reminder_book(rem: Reminders, path: Path, root: Path | None = None, where: str = "工作区") -> Path:
    """The workbook, written atomically (with root, only inside it)."""
    from openpyxl import Workbook

    from plantrack.fsguard import write_file
    from plantrack.kinds import ROLE_LABELS
    from plantrack.office.remind import _numbers
    from plantrack.tracking.kinds import LIGHT_LABELS

    wb = Workbook()
    taken: set[str] = set()
    sheet = wb.active
    sheet.title = safe_sheet_title("催办清单", taken)
    q = rem.quarter
    head = [h.format(next_quarter=q.next().label) for h in words.REMIND_OVERVIEW_HEADERS]
    st.title_row(sheet, words.REMIND_OVERVIEW_TITLE.format(quarter=q.label), len(head))
    st.note_row(sheet, f"报送截止日期：{fmt.cn_date(rem.due_by)}", len(head), row=2)
    st.header_row(sheet, head, 3, (24, 30, 30, 30))
    for i, item in enumerate(rem.items, start=4):
        st.data_row(sheet, [item.agency, *(_numbers(r) for r in (item.owes, item.lagging, item.due_next))], i)
    st.print_setup(sheet, 3, len(head), 3 + len(rem.items))
    for item in rem.items:
        ws = wb.create_sheet(safe_sheet_title(item.agency, taken))
        st.title_row(ws, f"{item.agency}：{words.REMIND_TITLE.format(quarter=q.label)}", len(TASK_HEADERS))
        st.note_row(ws, f"请于{fmt.cn_date(rem.due_by)}前报送。", len(TASK_HEADERS), row=2)
        st.header_row(ws, list(TASK_HEADERS), 3, TASK_WIDTHS)
        row_no = 3
        for kind, rows in (
            (f"未报送{q.short_label}进展", item.owes),
            ("进度滞后", item.lagging),
            (f"{q.next().label}到期", item.due_next),
        ):
            for r in rows:
                row_no += 1
                values = [kind, r.task.number or r.task.id, r.task.title, ROLE_LABELS[r.role] if r.role else "",
                          r.deadline, None if r.progress_pct is None else r.progress_pct / 100, r.expected_pct / 100,
                          LIGHT_LABELS[r.light], r.last.as_of if r.last else None, r.last.note if r.last else ""]  # fmt: skip
                st.data_row(ws, values, row_no, {4: st.DATE, 5: st.PERCENT, 6: st.PERCENT, 8: st.DATE})
        st.print_setup(ws, 3, len(TASK_HEADERS), row_no)
    return write_file(path, st.workbook_bytes(wb), root, where)
