"""The bodies of the everyday commands (status, show, record): one library call and the printing.

typer's commands (cli/track_cmd.py) and the console script's own parser (cli/fast.py) both call
these, so each command is written once. Nothing here imports typer or pydantic (`--json` imports
the output models when asked).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from plantrack.cli.context import Run


def parse_date(value: str | None, option: str = "--as-of") -> date | None:
    """ISO or Chinese dates (2017-09-30, 2017/9/30, 2017年9月30日); a clear error otherwise."""
    if value is None:
        return None
    from plantrack.dates import parse_user_date

    return parse_user_date(value, option)


def record(
    run: Run,
    plan: str,
    task: str,
    agency: str | None = None,
    date_text: str | None = None,
    status: str | None = None,
    percent: str | None = None,
    actual: Sequence[str] | None = None,
    note: str | None = None,
    corrects: int | None = None,
    move_to: str | None = None,
    any_agency: bool = False,
    yes: bool = False,
) -> None:
    from plantrack.cli.cells import entry_values, task_label
    from plantrack.cli.output import say
    from plantrack.tracking.ledger import RecordInput
    from plantrack.tracking.ledger import record as do_record
    from plantrack.tracking.resolve import parse_percent, parse_status

    req = RecordInput(
        task=task,
        agency=agency,
        date_text=date_text,
        status=parse_status(status) if status is not None else None,
        percent=parse_percent(percent) if percent is not None else None,
        actuals=list(actual or []),
        note=note,
        corrects=corrects,
        move_to=move_to,
        any_agency=any_agency,
        yes=yes,
    )
    entry, item = do_record(run.find_workspace(), plan, req)
    what = f"更正 #{corrects}" if corrects is not None else "记录"
    if entry.moved_from:
        what = f"把 #{corrects} 从任务 {entry.moved_from} 改记到任务 {item.id}"
    say(f"已{what}：#{entry.id} 任务 {task_label(item)} {item.title}")
    say(f"  {entry.as_of.isoformat()} {entry.agency}：{entry_values(entry, item)}")
    if entry.note:
        say(f"  说明：{entry.note}")


def status(
    run: Run,
    plan: str | None = None,
    agency: str | None = None,
    role: str | None = None,
    light: str | None = None,
    as_of: str | None = None,
    json_out: bool = False,
) -> None:
    from plantrack.cli import tables
    from plantrack.cli.output import note, say
    from plantrack.tracking.ledger import status as compute
    from plantrack.tracking.resolve import parse_light, parse_role

    role_value = parse_role(role) if role else None
    light_value = parse_light(light) if light else None
    result = compute(run.find_workspace(), plan, parse_date(as_of), agency, role_value, light=light_value)
    for line in [*result.skipped, *result.dates]:
        note(line)
    if json_out:
        from plantrack.cli.output import dump
        from plantrack.tracking.outputs import status_output

        dump(status_output(result))
        return
    for line in tables.status_lines(result, color=run.color()):
        say(line)


def show(
    run: Run, plan: str, task: str | None = None, as_of: str | None = None, json_out: bool = False
) -> None:
    from plantrack.cli import tables
    from plantrack.cli.output import dump, say
    from plantrack.tracking.ledger import show_plan, show_task

    ws = run.find_workspace()
    if task is None:
        plan_id, found = show_plan(ws, plan)
        if json_out:
            from plantrack.tracking.outputs import plan_model

            return dump(plan_model(found))
        lines = tables.plan_lines(plan_id, found)
    else:
        view = show_task(ws, plan, task, parse_date(as_of))
        if json_out:
            from plantrack.tracking.outputs import task_output

            return dump(task_output(view))
        lines = tables.task_lines(view)
    for line in lines:
        say(line)
