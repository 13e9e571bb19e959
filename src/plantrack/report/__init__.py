"""The quarterly progress report (季度落实情况报告): build a context from plans and entries, render Markdown.

from plantrack.report import PlanInput, build_report, render_report
text = render_report(build_report([PlanInput(plan, entries)], date(2017, 9, 30), settings.status))
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from plantrack.report.build import PlanInput, build_report
    from plantrack.report.render import render_report

__all__ = ["PlanInput", "build_report", "render_report"]


def __getattr__(name: str) -> Any:
    """The package's names, imported when first asked for: a report read from the cache
    (report/cache.py) builds nothing."""
    if name in ("PlanInput", "build_report"):
        from plantrack.report import build

        return getattr(build, name)
    if name == "render_report":
        from plantrack.report.render import render_report

        return render_report
    raise AttributeError(name)
